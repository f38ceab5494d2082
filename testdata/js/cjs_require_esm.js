// require() of ES modules (node 22.12+): namespace, __esModule marker,
// "module.exports" export, ERR_REQUIRE_ASYNC_MODULE, "type": "module".
const d = require('./fixtures/cjs_require_esm/def.mjs');
console.log(Object.keys(d), d.__esModule, d.default(), d.named);
const n = require('./fixtures/cjs_require_esm/named.mjs');
console.log(Object.keys(n), n.__esModule);
console.log(require('./fixtures/cjs_require_esm/modexp.mjs'));
const t = require('./fixtures/cjs_require_esm/typemod/index.js');
console.log(t.fromTypeModule, t.cj);
console.log(require('./fixtures/cjs_require_esm/named.mjs') === n);
try {
  require('./fixtures/cjs_require_esm/tla.mjs');
} catch (e) {
  console.log(e.code);
}
