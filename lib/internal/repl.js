'use strict';

// The REPL of the command line: `gonode` with a terminal on stdin, or -i.

const REPL = require('repl');

// createInternalRepl starts a REPL on the process's stdio as the CLI
// does, with history from NODE_REPL_HISTORY (or ~/.node_repl_history;
// an empty value turns history off) and calls cb(err, repl).
function createInternalRepl(env, opts = {}, cb = undefined) {
  if (typeof opts === 'function') {
    cb = opts;
    opts = {};
  }
  const terminal = opts.terminal !== undefined ? opts.terminal
    : !!process.stdout.isTTY && !Number.parseInt(env.NODE_NO_READLINE || '0', 10);
  const mode = env.NODE_REPL_MODE === 'strict' ? REPL.REPL_MODE_STRICT : REPL.REPL_MODE_SLOPPY;
  const repl = REPL.start({
    input: process.stdin,
    output: process.stdout,
    terminal,
    useGlobal: true,
    ignoreUndefined: false,
    replMode: mode,
    ...opts,
  });
  let historyFile = env.NODE_REPL_HISTORY;
  if (historyFile === undefined && terminal) {
    historyFile = require('path').join(require('os').homedir(), '.node_repl_history');
  }
  if (historyFile && historyFile.trim() !== '') {
    repl.setupHistory(historyFile, (err) => {
      if (typeof cb === 'function') cb(err, repl);
    });
  } else if (typeof cb === 'function') {
    process.nextTick(cb, null, repl);
  }
  return repl;
}

// startCLI prints node's greeting and runs the REPL until
// it closes, then exits the process.
function startCLI() {
  process.stdout.write(`Welcome to Node.js ${process.version}.\nType ".help" for more information.\n`);
  const repl = createInternalRepl(process.env);
  repl.on('exit', () => {
    process.exit();
  });
}

module.exports = { createInternalRepl, startCLI };
