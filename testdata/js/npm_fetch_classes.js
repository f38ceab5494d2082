'use strict';
// koa tests `body instanceof Response`; frameworks build Response.json().
const h = new Headers({B: " 1 ", a: "2"}); h.append("set-cookie","x=1"); h.append("Set-Cookie","y=2"); h.append("a","3");
console.log([...h], h.get("A"), h.getSetCookie(), h.has("b"), h, String(h));
try { new Headers({"a b": 1}) } catch (e) { console.log(e.name, e.message) }
const r = new Response("hi", {status: 201, headers: {x: "y"}}); console.log(r.status, r.ok, r.statusText, r.headers.get("content-type"), r.bodyUsed, r.type, r.url, r.redirected);
r.text().then(t => { console.log(t, r.bodyUsed); return r.text() }).catch(e => console.log(e.name, e.message));
Response.json({a:1}).json().then(j => console.log(j));
const q = new Request("http://x.com/a?b", {method: "post", body: "z"}); console.log(q.method, q.url, q.headers.get("content-type"), typeof q.body);
try { new Request("http://x", {method: "GET", body: "a"}) } catch (e) { console.log(e.name, e.message) }
try { new Response("x", {status: 99}) } catch (e) { console.log(e.name, e.message) }
console.log(Response.error().type, Response.redirect("http://a/", 301).headers.get("location"), r instanceof Response, Object.prototype.toString.call(r));
new Response(new Uint8Array([104,105])).arrayBuffer().then(b => console.log(b.byteLength));
new Response(new URLSearchParams("a=1")).text().then(t => console.log(t));

new Response(new Response('streamed').body).text().then(t => console.log(t));
setTimeout(() => q.clone().text().then((t) => console.log('clone', t)), 10);
