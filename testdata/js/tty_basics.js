'use strict';
// node:tty without a terminal: isatty, constructor errors, and the
// WriteStream color-depth rules evaluated against explicit environments.
const tty = require('tty');
const fs = require('fs');
console.log('isatty', tty.isatty(99), tty.isatty(-1), tty.isatty('0'), tty.isatty(1.5));
const fd = fs.openSync(__filename, 'r');
for (const [name, fn] of [
  ['WriteStream(file)', () => new tty.WriteStream(fd)],
  ['ReadStream(file)', () => new tty.ReadStream(fd)],
  ['WriteStream(-1)', () => new tty.WriteStream(-1)],
]) {
  try {
    fn();
    console.log(name, 'no error');
  } catch (e) {
    console.log(name, e.name, e.code, e.message);
  }
}
fs.closeSync(fd);
const { getColorDepth, hasColors } = tty.WriteStream.prototype;
const envs = [
  {}, { TERM: 'dumb' }, { TERM: 'xterm' }, { TERM: 'xterm-256color' }, { TERM: 'screen-256color' },
  { TERM: 'linux' }, { TERM: 'vt100' }, { TERM: 'unknown-term' }, { COLORTERM: 'truecolor' },
  { COLORTERM: 'yes' }, { NO_COLOR: '1', TERM: 'xterm-256color' }, { NODE_DISABLE_COLORS: '1' },
  { FORCE_COLOR: '0' }, { FORCE_COLOR: '1' }, { FORCE_COLOR: '2' }, { FORCE_COLOR: '3' },
  { FORCE_COLOR: '' }, { TMUX: '1' }, { CI: '1' }, { CI: '1', GITHUB_ACTIONS: 'true' },
  { CI: '1', TRAVIS: '1' }, { TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.4' },
  { TERM_PROGRAM: 'Apple_Terminal' }, { TEAMCITY_VERSION: '2023.1' },
];
for (const env of envs) {
  const depth = getColorDepth.call({}, env);
  const self = { getColorDepth };
  console.log(JSON.stringify(env), depth, hasColors.call(self, env), hasColors.call(self, 256, env),
    hasColors.call(self, 2 ** 24, env));
}
try {
  hasColors.call({ getColorDepth }, 1);
} catch (e) {
  console.log('hasColors(1)', e.code);
}
