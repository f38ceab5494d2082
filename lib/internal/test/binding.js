'use strict';
// For Node's own tests run with --expose-internals: access to bindings.
// gonode's bindings are its own, not Node's, so code written against
// Node's binding names may not find what it expects.
process.emitWarning('These APIs are for internal testing only. Do not use them.', 'internal/test/binding');

// Node's 'constants' binding is made here from the modules' constants
// (gonode has no binding of that name).
let constants;
function constantsBinding() {
  if (constants === undefined) {
    constants = { fs: require('internal/fs/utils').constants, os: require('os').constants };
    for (const id of ['crypto', 'zlib']) {
      Object.defineProperty(constants, id, {
        __proto__: null, enumerable: true, configurable: true, get: () => require(id).constants,
      });
    }
  }
  return constants;
}

function testInternalBinding(name) {
  if (name === 'constants') return constantsBinding();
  return internalBinding(name);
}

module.exports = { internalBinding: testInternalBinding };
