// --conditions adds a user condition to exports resolution.
const r = require('./fixtures/esm_exports/node_modules/cond/package.json');
void r;
console.log(require('./fixtures/esm_exports/run-cond.cjs'));
