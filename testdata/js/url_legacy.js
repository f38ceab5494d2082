const url = require('url');
const s = (o) => JSON.stringify(o);
const inputs = ['http://a b/', '/p?x', 'HTTP://User@Ex.COM:8080/a\\b?c\\d#e f', 'http://ex_a.com/%zz', 'http://ñ.com',
  'http://[::1]:8/x', 'mailto:a@b.com', 'javascript:alert(1)', 'http://a:b:c/', 'http://a!b/c', 'file:///C:/x', 'file:/x',
  'x:y/z', '  \t//a/b  ', 'http://user:pass@host.com:8080/p/a/t/h?query=string#hash', '//x/y', 'a/b/c', '?q=1', '#h',
  'http://a.com:8080abc/', 'HTTP://X.COM', 'git+ssh://git@github.com:user/repo.git', 'http://a/b\tc d\n'];
for (const i of inputs) { try { console.log(s(url.parse(i))); } catch (e) { console.log('ERR', e.code); } }
console.log(s(url.parse('http://a/?x=1&x=2&y', true).query), s(url.parse('//x/y', false, true)));
for (const i of ['http://[::1]:x/', 'http://[::1/', 5]) { try { url.parse(i); } catch (e) { console.log(e.code, e.message); } }
const rs = [['/one/two/three', 'four'], ['http://example.com/', '/one'], ['http://example.com/one', '/two'], ['http://a/b/c/d;p?q', '../g'],
  ['http://a/b/c/d;p?q', '../../../g'], ['http://a/b/c/d;p?q', './'], ['http://a/b/c/d;p?q', '?y'], ['http://a/b/c/d;p?q', '#s'],
  ['http://a/b/c/d;p?q', '//g'], ['http://a/b/c/d;p?q', 'g:h'], ['http://a/b/c/d;p?q', 'https:g'], ['http://a/b/c/d;p?q', ''],
  ['http://a/b/c/d;p?q', '.'], ['http://a/b/c/d;p?q', 'g/..'], ['mailto:a@b', 'c@d'], ['http://u@a/b', '//c/d'], ['/a/b', '../../..'],
  ['a/b', '../../c'], ['http://a/b', 'http:c'], ['http://a/b', 'HTTP://X/y'], ['file:///a/b', 'c'], ['http://a', 'b'], ['http://a/b?x', '?']];
for (const [a, b] of rs) console.log(a, b, url.resolve(a, b));
console.log(url.format({ protocol: 'https', hostname: 'ex.com', pathname: '/some/path', query: { page: 1, format: 'json', a: ['x', 'y'] } }));
console.log(url.format({ protocol: 'http', host: 'h', auth: 'u s:p@' }), url.format({ protocol: 'file', pathname: '/x' }), url.format('http://A.com/x?y#z'));
console.log(url.format(new URL('http://u:p@xn--espaol-zwa.com/p?q#h'), { unicode: true, auth: false, search: false, fragment: false }));
try { url.format(5); } catch (e) { console.log(e.code, e.message); }
console.log(s(url.resolveObject('http://a/b', '../c')));
console.log(url.domainToASCII('español.com'), url.domainToASCII('xn--iñvalid.com') + '|', url.domainToUnicode('xn--espaol-zwa.com'));
console.log(s(url.urlToHttpOptions(new URL('http://u:p%20q@[::1]:81/p?q#h'))));
