'use strict';
// URL parsing through the binding's fast path and the full parser, the
// components the getters slice, setters, and URLSearchParams kept as a
// flat list: each line must match Node's.
const util = require('util');

const props = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'];
function show(label, f) {
  let r;
  try {
    r = f();
  } catch (e) {
    r = `${e.name} ${e.code} ${e.message}`;
  }
  if (r instanceof URL) r = props.map((p) => r[p]).join(' | ');
  console.log(label, typeof r === 'string' ? r : JSON.stringify(r));
}

const inputs = [
  'https://user:pw@example.com:8080/a/b/../c?x=1&y=2#frag', 'HTTP://EXAMPLE.com:80/', 'http://a:0443/', 'https://a:0443/',
  'http://@a/', 'http://:@a/', 'http://u:p:q@a/', 'http://a@b@c/', 'http://u"<>^`{}|;=[]@h/', 'http://1.2.3/', 'http://0x7f.1/',
  'http://a.1/', 'http://1a.b/', 'http://a..b/', 'http://a./', 'http://a_b/', 'http://[::1]:8/', 'http://a/"<>^`{}|',
  'http://a/?"\'<>`#"\'<>`', 'http://a/%2e/%2E%2e/x/.%2e', 'http://a/x/..', 'http://a/x/./', 'http://a?x', 'http://a#x', 'http://a/?#',
  'ws://a:80/', 'wss://a:443/x', 'ftp://a:21/', 'file:///a/b', 'file:///', 'file:///C:/x/../..', 'file://localhost/x', 'file:////x',
  'mailto:a@b', 'data:text/plain,hi', 'foo:a?b#c', 'foo:/a/../b', 'foo://h/p', 'node:fs', 'blob:https://a.com/x', 'a1+-.:x',
  'http:a', 'http:/a', 'http:///a', 'http:\\\\a\\b', ' http://a/ ', 'http://a/\tb\n', 'http://é/', 'http://a/é?é#é', 'http://a b/',
  'http://a:65536/', 'http://a:8x/', 'nope', '',
];
const bases = [undefined, 'http://example.com/a/b/c?q#f', 'file:///home/u/proj/index.js', 'foo:opaque', 'https://u:p@h:81/x'];
const relatives = ['', '/', '?', '#', 'x', './x', '../x', '../../../x', '/abs?q#f', '?q2', '#f2', '//other/p', 'C|/x', '%2e%2e/y'];
for (const base of bases) {
  for (const input of base === undefined ? inputs : inputs.slice(0, 8).concat(relatives)) {
    show(`${JSON.stringify(input)} on ${base}:`, () => new URL(input, base));
    show('  canParse', () => URL.canParse(input, base));
  }
}
show('lone surrogates', () => new URL('http://a/\uD800?\uDC00#\uDBFF\uDFFF'));
show('error props', () => { try { new URL('\uD800', 'x\uDC00'); } catch (e) { return [e.input, e.base, e.code]; } });
show('no args', () => new URL());
show('undefined', () => new URL(undefined));
show('symbol', () => new URL(Symbol('s')));
show('lengths', () => [URL.length, URL.canParse.length, URLSearchParams.prototype.append.length, URLSearchParams.prototype.get.length,
  URLSearchParams.prototype.has.length, URLSearchParams.prototype.set.length, URLSearchParams.prototype.getAll.length]);

const u = new URL('http://h/p?b=1&a=2#x');
const sp = u.searchParams;
show('sp', () => [...sp]);
sp.append('c d', 'e&f');
show('after append', () => [u.href, u.search]);
sp.sort();
show('after sort', () => u.href);
u.search = '?z=%20+y';
show('after search set', () => [sp.get('z'), sp.size, u.searchParams === sp]);
u.href = 'http://q/?k=v';
show('after href set', () => sp.toString());
sp.delete('k');
show('after delete', () => [u.href, u.search]);
for (const [name, value] of [['protocol', 'https'], ['username', 'u s'], ['password', 'p@'], ['host', 'b:81'], ['hostname', 'c'],
  ['port', '82'], ['pathname', '/x y/../z'], ['search', 'q=1'], ['hash', 'h`']]) {
  u[name] = value;
  show(`set ${name}`, () => u);
}
show('inspect', () => util.inspect(new URL('http://a:b@c:1/d?e=f#g')));

const p = new URLSearchParams('?a=1&b=%zz+x&&c&=d&a=3&%E2%82%AC=%F0%9F%92%A9&\uD800=\uDC00');
show('parsed', () => [...p]);
show('entries', () => [[...p.keys()], [...p.values()], p.size]);
show('get/getAll/has', () => [p.get('a'), p.get('zz'), p.getAll('a'), p.has('a', '3'), p.has('a', '2'), p.has('\uFFFD')]);
p.set('a', 'new');
p.delete('b');
p.append('~!*()\'', ' +=%é');
show('serialized', () => p.toString());
show('inspect params', () => util.inspect(new URLSearchParams('a=1&b=%C3%A9')));
show('records', () => new URLSearchParams({ x: 1, y: [2, 3] }).toString());
show('pairs', () => new URLSearchParams([['a', 'b'], new Set(['c', 'd'])]).toString());
show('copy', () => new URLSearchParams(p).toString());
show('bad this', () => URLSearchParams.prototype.get.call({}, 'a'));
show('missing', () => new URLSearchParams().append('a'));
show('own symbols', () => Object.getOwnPropertySymbols(new URLSearchParams('a=1')).length);
