'use strict';
// util: diff, convertProcessSignalToExitCode, getCallSites without
// Error.prepareStackTrace, inspect of URLs without custom inspection and
// with Object.keys replaced, the names of custom promisified functions.
const util = require('util');
const fs = require('fs');
const stream = require('stream');
const childProcess = require('child_process');

function t(label, f) {
  try {
    console.log(label, JSON.stringify(f()));
  } catch (e) {
    console.log(label, e.code, e.name, e.message);
  }
}

// ---- util.diff ---------------------------------------------------------------
t('diff same string', () => util.diff('a', 'a'));
t('diff same array', () => util.diff(['a'], ['a']));
t('diff chars', () => util.diff('kitten', 'sitting'));
t('diff lines', () => util.diff(['a', 'b', 'c'], ['a', 'x', 'c']));
t('diff empty', () => util.diff('', 'ab'));
t('diff prefix', () => util.diff('aaa', 'a'));
t('diff surrogates', () => util.diff('h\u00e9llo\u{1F600}', 'hello\u{1F600}'));
t('diff mixed', () => util.diff(['a', 'b'], 'ab'));
t('diff bad actual', () => util.diff(1, 'a'));
t('diff bad expected', () => util.diff('a', 1));
t('diff bad element', () => util.diff(['1', '2'], ['1', 2]));
console.log(util.diff.name, util.diff.length);
{
  // Long inputs get the same (minimal, identically ordered) script.
  let seed = 11;
  const rnd = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const a = Array.from({ length: 3000 }, () => 'abcd'[rnd(4)]).join('');
  const b = Array.from({ length: 2500 }, () => 'abcd'[rnd(4)]).join('');
  const d = util.diff(a, b);
  let sum = 0;
  for (let i = 0; i < d.length; i++) sum = (sum * 31 + (d[i][0] + 2) * 7 + d[i][1].charCodeAt(0)) % 1000000007;
  console.log('long diff', d.length, d.filter((e) => e[0] === 0).length, sum);
  console.log('shifted', util.diff('ab'.repeat(1500), 'ba'.repeat(1500)).length);
}

// ---- convertProcessSignalToExitCode --------------------------------------------
t('SIGTERM', () => util.convertProcessSignalToExitCode('SIGTERM'));
t('SIGKILL', () => util.convertProcessSignalToExitCode('SIGKILL'));
t('SIGINT', () => util.convertProcessSignalToExitCode('SIGINT'));
for (const bad of ['INVALID', '', 'sigterm', 15, undefined, null, {}]) {
  try {
    util.convertProcessSignalToExitCode(bad);
  } catch (e) {
    console.log('bad signal', e.code, e.name, e.message.endsWith(`Received ${util.inspect(bad)}`));
  }
}

// ---- getCallSites ------------------------------------------------------------
let prepared = 0;
Error.prepareStackTrace = () => {
  prepared++;
  return 'prepared';
};
Error.stackTraceLimit = 1;
function here() {
  return util.getCallSites(3);
}
const sites = here();
console.log(sites.length >= 2, sites[0].scriptName === __filename, sites[0].functionName, prepared);
delete Error.prepareStackTrace;
Error.stackTraceLimit = 10;
console.log('prepareStackTrace' in Error);

// ---- inspect -----------------------------------------------------------------
console.log(util.inspect(new URL('http://a/b'), { customInspect: false }));
console.log(util.inspect({ u: Object.assign(new URL('http://a/'), { x: 1 }) }, { customInspect: false }));
console.log(util.inspect({ href: 'x', protocol: 'h' }, { customInspect: false }));
const origKeys = Object.keys;
Object.keys = () => {
  throw new Error('patched');
};
console.log(util.inspect({ a: 1, b: [1, 2] }), util.format('%o', { c: 1 }));
Object.keys = origKeys;

// ---- promisify names ---------------------------------------------------------
console.log(util.promisify(fs.exists).name, util.promisify(stream.pipeline).name,
            util.promisify(stream.finished).name, util.promisify(childProcess.exec).name,
            util.promisify(childProcess.execFile).name);
util.promisify(fs.exists)(__filename).then((v) => console.log('exists', v));
