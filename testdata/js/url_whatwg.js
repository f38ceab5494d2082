const u = new URL('http://u:p@a.com:81/p/q?x=1&y=a+b#h');
console.log(u.href, u.origin, u.host, u.port, u.pathname, u.search, u.hash);
console.log(JSON.stringify([...u.searchParams]), u.searchParams.get('y'));
u.searchParams.append('z', 'é &');
console.log(u.href);
u.search = '?k=v';
console.log(JSON.stringify([...u.searchParams.keys()]), u.searchParams.size);
u.searchParams.delete('k');
console.log(u.href);
u.protocol = 'https'; u.port = '443'; u.hostname = 'b.org'; u.pathname = '/a b'; u.hash = 'x y';
console.log(u.href, Object.prototype.toString.call(u), String(u), JSON.stringify({u}));
try { new URL('nope') } catch (e) { console.log(e.code, e.input, e.message, e instanceof TypeError) }
try { u.href = 'bad' } catch (e) { console.log(e.code, e.input) }
console.log(URL.canParse('a:b'), URL.canParse('b'), URL.canParse('b', 'http://x'), URL.parse('x'), String(URL.parse('/y', 'http://x')));
const sp = new URLSearchParams({ b: '2', a: '1', c: 'x' }); sp.sort(); console.log(sp.toString());
console.log(new URLSearchParams([['a', 'b'], ['c', 'd']]).toString(), new URLSearchParams('?q=%20+%2B').get('q'));
try { new URLSearchParams([['a']]) } catch (e) { console.log(e.code, e.message) }
try { URLSearchParams.prototype.get.call({}, 'a') } catch (e) { console.log(e.code, e.message) }
const url = require('url');
console.log(url.fileURLToPath('file:///a%20b/c'), url.pathToFileURL('/x y#?').href);
