// Resolution and load errors of the ES module loader.
const base = './fixtures/esm_errors/';
const cases = [
  base + 'nope.mjs',
  base + 'dir',
  base + 'node_modules/../n.mjs',
  'nopkg',
  base + 'x.json',
  'node:nope',
  'http://example.com/x.mjs',
];
(async () => {
  for (const c of cases) {
    try {
      await import(c.startsWith('.') ? c : c);
      console.log('loaded', c);
    } catch (e) {
      console.log(e.code, e.name, e.message.replaceAll(__dirname, '<dir>'));
    }
  }
  const a = await import(base + 'use_pkg.mjs');
  console.log('pkg/a', a.a);
})();
