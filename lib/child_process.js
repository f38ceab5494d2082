'use strict';
// PLACEHOLDER: node:child_process is not implemented yet. The module loads
// (test/common needs it to) and every function throws ERR_NOT_IMPLEMENTED.

const { notImplemented } = require('internal/errors');

function stub(name) {
  const fn = function() { throw notImplemented(`child_process.${name}`); };
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
}

class ChildProcess {
  constructor() { throw notImplemented('child_process.ChildProcess'); }
}

module.exports = {
  ChildProcess,
  exec: stub('exec'),
  execFile: stub('execFile'),
  execFileSync: stub('execFileSync'),
  execSync: stub('execSync'),
  fork: stub('fork'),
  spawn: stub('spawn'),
  spawnSync: stub('spawnSync'),
};
