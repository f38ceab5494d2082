'use strict';
// For Node's own tests run with --expose-internals: access to bindings.
// gonode's bindings are its own, not Node's, so code written against
// Node's binding names may not find what it expects.
process.emitWarning('These APIs are for internal testing only. Do not use them.', 'internal/test/binding');
module.exports = { internalBinding };
