// Static and dynamic import, JSON, built-ins, CommonJS named exports,
// import.meta, top-level await, data: URLs.
import('./fixtures/esm_basic/main.mjs').then((m) => console.log('done', m.done));
