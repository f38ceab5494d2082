// CommonJS: node_modules lookup, "main", index.js, JSON, require.cache,
// cycles, module.children, createRequire, built-ins.
require('./fixtures/cjs_basics/run.js');
