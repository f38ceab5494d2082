'use strict';
// fetch() against a local server: methods, headers, bodies (string, JSON,
// URLSearchParams, FormData, stream), redirects (follow/manual/error),
// gzip/deflate decoding, 404s, abort, network errors, data: URLs, and
// FormData round trips through Response.formData().
const http = require('http');
const zlib = require('zlib');

const server = http.createServer((req, res) => {
  let body = [];
  req.on('data', (d) => body.push(d));
  req.on('end', () => {
    body = Buffer.concat(body).toString();
    const u = new URL(req.url, 'http://x');
    switch (u.pathname) {
      case '/echo':
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({
          method: req.method,
          ua: req.headers['user-agent'],
          accept: req.headers.accept,
          ctype: (req.headers['content-type'] || '').replace(/boundary=.*/, 'boundary=B'),
          x: req.headers['x-test'],
          body: body.replace(/----formdata-[\w-]+/g, 'B'),
        }));
        return;
      case '/redirect':
        res.writeHead(Number(u.searchParams.get('s') || 302), { location: '/echo' });
        res.end();
        return;
      case '/loop':
        res.writeHead(302, { location: '/loop' });
        res.end();
        return;
      case '/gzip':
        res.writeHead(200, { 'content-encoding': 'gzip' });
        res.end(zlib.gzipSync('zipped text'));
        return;
      case '/deflate':
        res.writeHead(200, { 'content-encoding': 'deflate' });
        res.end(zlib.deflateSync('deflated text'));
        return;
      case '/missing':
        res.writeHead(404, { 'x-a': '1', 'set-cookie': ['a=1', 'b=2'] });
        res.end('nope');
        return;
      case '/slow':
        setTimeout(() => res.end('late'), 2000);
        return;
      case '/form':
        res.setHeader('content-type', req.headers['content-type']);
        res.end(body);
        return;
      default:
        res.end('hello');
    }
  });
});

server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  let r = await fetch(base + '/');
  console.log('get:', r.status, r.statusText, r.ok, r.type, r.url === base + '/', await r.text());
  r = await fetch(base + '/echo', { method: 'POST', body: 'plain', headers: { 'x-test': 'yes' } });
  console.log('post string:', await r.json());
  r = await fetch(base + '/echo', { method: 'PUT', body: JSON.stringify({ a: 1 }), headers: { 'content-type': 'application/json' } });
  console.log('put json:', await r.json());
  r = await fetch(base + '/echo', { method: 'POST', body: new URLSearchParams({ q: 'a b', n: '1' }) });
  console.log('urlencoded:', await r.json());
  const fd = new FormData();
  fd.append('field', 'value');
  fd.append('file', new Blob(['file body'], { type: 'text/plain' }), 'a.txt');
  r = await fetch(base + '/echo', { method: 'POST', body: fd });
  console.log('formdata:', JSON.stringify(await r.json()));
  r = await fetch(base + '/echo', {
    method: 'POST', duplex: 'half',
    body: new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('str')); c.enqueue(new TextEncoder().encode('eam')); c.close(); } }),
  });
  console.log('stream body:', (await r.json()).body);
  r = await fetch(base + '/redirect');
  console.log('redirect:', r.status, r.redirected, r.url.endsWith('/echo'), (await r.json()).method);
  r = await fetch(base + '/redirect?s=303', { method: 'POST', body: 'x' });
  console.log('303:', (await r.json()).method);
  r = await fetch(base + '/redirect?s=307', { method: 'POST', body: 'kept' });
  console.log('307:', (await r.json()).body);
  r = await fetch(base + '/redirect', { redirect: 'manual' });
  console.log('manual:', r.status, r.headers.get('location'), r.redirected);
  await fetch(base + '/redirect', { redirect: 'error' }).catch((e) => console.log('error mode:', e.name, e.message, e.cause.message));
  await fetch(base + '/loop').catch((e) => console.log('loop:', e.message, e.cause.message));
  r = await fetch(base + '/gzip');
  console.log('gzip:', await r.text());
  r = await fetch(base + '/deflate');
  console.log('deflate:', await r.text());
  r = await fetch(base + '/missing');
  console.log('404:', r.status, r.ok, r.statusText, r.headers.get('x-a'), r.headers.getSetCookie(), await r.text());
  try { r.headers.set('x', '1'); } catch (e) { console.log('immutable:', e.name); }
  r = await fetch(base + '/');
  const reader = r.body.getReader();
  const chunk = await reader.read();
  console.log('body stream:', new TextDecoder().decode(chunk.value), r.bodyUsed);
  const ac = new AbortController();
  const p = fetch(base + '/slow', { signal: ac.signal });
  setTimeout(() => ac.abort(), 50);
  await p.catch((e) => console.log('abort:', e.name, e.message));
  await fetch(base + '/slow', { signal: AbortSignal.abort(new Error('mine')) }).catch((e) => console.log('pre-aborted:', e.message));
  await fetch('http://127.0.0.1:1/').catch((e) => console.log('refused:', e.name, e.message, e.cause instanceof Error));
  await fetch('ftp://x/').catch((e) => console.log('scheme:', e.name, e.message));
  await fetch('not a url').catch((e) => console.log('bad url:', e.name, e.message));
  r = await fetch('data:text/plain;base64,aGVsbG8gZGF0YQ==');
  console.log('data:', r.status, r.headers.get('content-type'), await r.text());
  r = await fetch('data:,a%20b');
  console.log('data plain:', r.headers.get('content-type'), await r.text());
  const form = new FormData();
  form.append('a', '1');
  form.append('a', '2');
  form.set('b', 'x\ny');
  form.append('f', new File(['bytes'], 'f.bin', { type: 'application/x-test' }));
  console.log('formdata api:', form.getAll('a'), form.has('b'), form.get('nope'), [...form.keys()]);
  r = await fetch(base + '/form', { method: 'POST', body: form });
  const back = await r.formData();
  const f = back.get('f');
  console.log('formdata round trip:', back.getAll('a'), JSON.stringify(back.get('b')), f.name, f.type, await f.text());
  const parsed = await new Response('x=1&y=%20z', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }).formData();
  console.log('urlencoded parse:', [...parsed]);
  console.log('fetch:', typeof fetch, fetch.length, Object.getPrototypeOf(fetch) === Function.prototype);
  server.close();
});
