// TypeScript: .cts via require, .mts and .ts via import, types stripped,
// stack lines pointing at the .ts source.
const { twice } = require('./fixtures/ts_basic/util.cts');
console.log(twice({ n: 21 }));
(async () => {
  const m = await import('./fixtures/ts_basic/mod.mts');
  console.log(m.greet('ts'), Object.keys(m).sort());
  const t = await import('./fixtures/ts_basic/throws.ts');
  try {
    t.fail({ a: 1 });
  } catch (e) {
    console.log(e.message, /throws\.ts:8:/.test(e.stack));
  }
})();
