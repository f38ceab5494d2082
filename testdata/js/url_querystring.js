const qs = require('querystring');
const s = (x) => JSON.stringify(x);
for (const i of ['a=1&b=2&a=3', 'foo=bar+baz&x=%E2%82%AC', 'a&b=&=c', '&&a=1&&', 'bad=%zz%', 'x=%E2%82', 'k=a=b', '']) {
  const o = qs.parse(i); console.log(s(i), s(o), Object.getPrototypeOf(o));
}
console.log(s(qs.parse('a:1;b:2', ';', ':')), s(qs.parse('a=1&b=2&c=3', null, null, { maxKeys: 2 })));
console.log(s(qs.parse('a=%41', null, null, { decodeURIComponent: (x) => x.toLowerCase() })));
console.log(qs.stringify({ a: [1, 2], b: 'x y', c: true, d: null, e: undefined, f: NaN, g: 10n, h: {}, 'é': '€' }));
console.log(qs.stringify({ a: 1, b: 2 }, ';', ':'), qs.stringify({ w: 'a b' }, null, null, { encodeURIComponent: (x) => x.toUpperCase() }));
console.log(qs.stringify('x'), qs.stringify(null), qs.escape('a b&c/d*~!()\''), qs.unescape('a%20b+c'), qs.unescape('%zz%E2%82%AC'));
try { qs.escape('\uD800'); } catch (e) { console.log(e.code, e.name, e.message); }
console.log(qs.unescapeBuffer('a%20b%E2').toString('hex'), qs.encode === qs.stringify, qs.decode === qs.parse);
