'use strict';
// readline in terminal mode over fake streams: keys edit the line (cursor
// movement, deletion, history, ctrl keys) and the output shows the escape
// sequences the Interface writes.
const readline = require('readline');
const { PassThrough } = require('stream');

const input = new PassThrough();
const output = new PassThrough();
output.columns = 40;
output.isTTY = true;
let written = '';
output.on('data', (d) => { written += d.toString(); });
const flush = (label) => {
  console.log(label, JSON.stringify(written));
  written = '';
};

const rl = readline.createInterface({ input, output, prompt: '$ ', historySize: 3 });
console.log('terminal', rl.terminal, 'cursor', rl.cursor, 'line', JSON.stringify(rl.line));
rl.on('line', (l) => console.log('line', JSON.stringify(l)));
rl.on('history', (h) => console.log('history', JSON.stringify(h)));
rl.on('close', () => console.log('close'));

const steps = [
  ['prompt', () => rl.prompt()],
  ['type abc', () => input.write('abc')],
  ['left left', () => input.write('\x1b[D\x1b[D')],
  ['insert X', () => input.write('X')],
  ['backspace', () => input.write('\x7f')],
  ['end', () => input.write('\x1b[F')],
  ['home', () => input.write('\x1b[H')],
  ['delete', () => input.write('\x1b[3~')],
  ['ctrl-e', () => input.write('\x05')],
  ['return', () => input.write('\r')],
  ['second', () => input.write('two words\r')],
  ['ctrl-w', () => input.write('one two\x17')],
  ['ctrl-u', () => input.write('\x15')],
  ['third', () => input.write('three\n')],
  ['up', () => input.write('\x1b[A')],
  ['up2', () => input.write('\x1b[A')],
  ['down', () => input.write('\x1b[B')],
  ['ctrl-a ctrl-k', () => input.write('\x01\x0b')],
  ['ctrl-c', () => input.write('\x03')],
];
let i = 0;
function next() {
  if (i >= steps.length) {
    console.log('history now', JSON.stringify(rl.history));
    return;
  }
  const [label, fn] = steps[i++];
  fn();
  setImmediate(() => {
    flush(label);
    console.log('  line', JSON.stringify(rl.line), 'cursor', rl.cursor, 'pos', JSON.stringify(rl.getCursorPos()));
    next();
  });
}
next();
