'use strict';
// The options in effect (NODE_OPTIONS, then the command line), normalized
// by the Go CLI parser to "--name" or "--name=value". process.execArgv
// keeps the options as typed; code that asks "is --x on?" reads them here.

let parsed;

function load() {
  parsed = new Map();
  for (const opt of internalBinding('process_methods').options) {
    const eq = opt.indexOf('=');
    const name = eq === -1 ? opt : opt.slice(0, eq);
    const value = eq === -1 ? true : opt.slice(eq + 1);
    if (name.startsWith('--no-') && value === true) {
      parsed.set(`--${name.slice(5)}`, false);
    } else if (parsed.has(name) && Array.isArray(parsed.get(name))) {
      parsed.get(name).push(value);
    } else if (multi.has(name)) {
      parsed.set(name, [value]);
    } else {
      parsed.set(name, value);
    }
  }
  return parsed;
}

// Options that may be given more than once; their value is an array.
const multi = new Set(['--require', '--import', '--conditions', '--env-file',
  '--env-file-if-exists', '--disable-warning', '--watch-path', '--test-name-pattern',
  '--test-skip-pattern']);

// getOptionValue('--no-warnings') is true when given; '--warnings' is
// false after --no-warnings; valued options return their string (or an
// array for repeatable ones); absent options return undefined.
function getOptionValue(name) {
  const map = parsed ?? load();
  if (name.startsWith('--no-')) {
    const v = map.get(`--${name.slice(5)}`);
    if (v === false) return true;
    return map.get(name);
  }
  return map.get(name);
}

module.exports = { getOptionValue };
