'use strict';
// readline terminal editing beyond the basics: word moves and deletes
// (ctrl and meta keys), kill and yank (with yank-pop), undo/redo,
// multi-line paste, wrapping on a narrow terminal with wide characters,
// removeHistoryDuplicates, the SIGINT event, ctrl-d closing an empty line.
const readline = require('readline');
const { PassThrough } = require('stream');

const input = new PassThrough();
const output = new PassThrough();
output.columns = 12;
output.isTTY = true;
let written = '';
output.on('data', (d) => { written += d; });

const rl = readline.createInterface({ input, output, prompt: '> ', removeHistoryDuplicates: true });
rl.on('line', (l) => console.log('line', JSON.stringify(l)));
rl.on('SIGINT', () => console.log('SIGINT event, line was', JSON.stringify(rl.line)));
rl.on('close', () => console.log('close'));

const key = (name, mods = {}) => ['', { name, ctrl: false, meta: false, shift: false, ...mods }];
const steps = [
  ['type', 'the quick brown fox'],
  ['ctrl-left', key('left', { ctrl: true })],
  ['meta-b', key('b', { meta: true })],
  ['meta-f', key('f', { meta: true })],
  ['ctrl-right', key('right', { ctrl: true })],
  ['meta-backspace', key('backspace', { meta: true })],
  ['ctrl-a ctrl-f', '\x01\x06'],
  ['ctrl-k', '\x0b'],
  ['ctrl-y', '\x19'],
  ['ctrl-a 4x ctrl-f ctrl-k', '\x01\x06\x06\x06\x06\x0b'],
  ['ctrl-a ctrl-y', '\x01\x19'],
  ['meta-y', '\x1by'],
  ['undo', ['', { sequence: '\x1f' }]],
  ['undo', ['', { sequence: '\x1f' }]],
  ['redo', ['', { sequence: '\x1e' }]],
  ['meta-d', '\x1bd'],
  ['ctrl-delete', key('delete', { ctrl: true })],
  ['end return', '\x05\r'],
  ['paste', 'one\ntwo\r\nthree'],
  ['return', '\r'],
  ['wide', 'あいうえおか'],
  ['left x3', '\x1b[D\x1b[D\x1b[D'],
  ['ctrl-c', '\x03'],
  ['ctrl-u', '\x15'],
  ['dup', 'one\r'],
  ['ctrl-d on empty', '\x04'],
];
let i = 0;
function next() {
  if (i >= steps.length) {
    console.log('history', JSON.stringify(rl.history));
    return;
  }
  const [label, what] = steps[i++];
  if (Array.isArray(what)) input.emit('keypress', ...what);
  else input.write(what);
  setImmediate(() => {
    console.log(label, JSON.stringify(written));
    console.log('  line', JSON.stringify(rl.line), 'cursor', rl.cursor, 'pos', JSON.stringify(rl.getCursorPos()));
    written = '';
    next();
  });
}
next();
