const bases = ['http://u:p@a.com:81/p?q#h', 'file:///C:/x', 'mailto:x@y', 'sc://h/p', 'blob:https://a.com/uuid', 'data:,x'];
const sets = { protocol: ['https', 'file', 'ws:', 'x', ''], username: ['me', 'a b@'], password: ['p:w'], host: ['b.org:99', '[::1]', 'x y', ''], hostname: ['c.net', 'Ñ.com', 'a:1'], port: ['8080', 'abc', '99999', '', '80'], pathname: ['/a/../b', 'no-slash', '%zz'], search: ['a=1 2', '?', ''], hash: ['#x', 'y z', ''] };
for (const b of bases) {
  const u0 = new URL(b);
  console.log(b, u0.origin);
  for (const [k, vals] of Object.entries(sets)) {
    for (const v of vals) { const u = new URL(b); u[k] = v; console.log(' ', k, JSON.stringify(v), u.href); }
  }
}
const u = new URL('http://a/?a=1&b=2'); const sp = u.searchParams; u.search = '?z=9'; console.log(sp.get('z'), sp.get('a'));
sp.set('q', 'x y'); console.log(u.search); sp.delete('q'); sp.delete('z'); console.log(u.href);
console.log(String(require('url').pathToFileURL('/tmp/a%b')), require('url').format(new URL('http://x/y?z#w'), { fragment: false }));
