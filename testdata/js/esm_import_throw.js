'use strict';
// import() of a module that throws while it is evaluated rejects the
// import() promise only: caught, nothing is left unhandled. require() of a
// graph with top-level await throws ERR_REQUIRE_ASYNC_MODULE, before and
// after import() has evaluated it.
process.on('unhandledRejection', (r) => console.log('unhandledRejection (never):', r));

(async () => {
  try {
    await import('./esm_throw/throws.mjs');
  } catch (e) {
    console.log('caught:', e.message);
  }
  await import('./esm_throw/throws_undefined.mjs').catch((e) => console.log('caught undefined:', e === undefined));
  // The same module again: the same error.
  await import('./esm_throw/throws.mjs').catch((e) => console.log('again:', e.message));
  for (const f of ['./esm_throw/tla.mjs', './esm_throw/tla_parent.mjs']) {
    try {
      require(f);
    } catch (e) {
      console.log('require before import:', e.code);
    }
  }
  const ns = await import('./esm_throw/tla_parent.mjs');
  console.log('import:', ns.value);
  try {
    require('./esm_throw/tla_parent.mjs');
  } catch (e) {
    console.log('require after import:', e.code);
  }
  setTimeout(() => console.log('done'), 10);
})();
