'use strict';
// Whether this process is a cluster worker, settled once at start-up: the
// primary passes NODE_UNIQUE_ID in the environment, and the bootstrap takes
// it out again (user code must not see it, and the worker's own children
// must not inherit it).

const state = { isWorker: false, id: 0 };

// take is called by the bootstrap before user code runs.
function take(env) {
  if (!Object.hasOwn(env, 'NODE_UNIQUE_ID')) return;
  state.isWorker = true;
  state.id = Number(env.NODE_UNIQUE_ID);
  delete env.NODE_UNIQUE_ID;
}

module.exports = state;
module.exports.take = take;
