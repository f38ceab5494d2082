// A .js file without a package "type" that uses module syntax is an ES
// module (node 22.7+), whether imported or required.
(async () => {
  const a = await import('./fixtures/esm_detect/ambiguous.js');
  console.log(a.detected);
  const t = await import('./fixtures/esm_detect/tla.js');
  console.log(t.default);
  const p = await import('./fixtures/esm_detect/plain.js');
  console.log(p.cjs, p.default);
  console.log(require('./fixtures/esm_detect/ambiguous.js').detected);
})();
