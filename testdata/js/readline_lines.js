'use strict';
// readline over a non-terminal stream: line splitting (\n, \r\n, \r, a
// '\r' and '\n' split across chunks), the last unterminated line at 'end',
// pause/resume events, close, questions with callbacks and abort signals,
// and use after close.
const readline = require('readline');
const { PassThrough } = require('stream');

const input = new PassThrough();
const rl = readline.createInterface({ input, crlfDelay: Infinity });
console.log('terminal', rl.terminal, 'prompt', JSON.stringify(rl.getPrompt()), 'crlfDelay', rl.crlfDelay);
rl.on('line', (l) => console.log('line', JSON.stringify(l)));
rl.on('pause', () => console.log('pause event'));
rl.on('resume', () => console.log('resume event'));
rl.on('close', () => {
  console.log('close event', rl.closed);
  for (const fn of ['write', 'prompt', 'pause', 'resume']) {
    try {
      rl[fn]('x');
    } catch (e) {
      console.log(fn, 'after close:', e.code, e.message);
    }
  }
  try {
    rl.question('q', () => {});
  } catch (e) {
    console.log('question after close:', e.code);
  }
  second();
});

input.write('one\ntwo\r\nthree\rfour');
input.write(' and more\r');
input.write('\nfive\n\nsix');
setImmediate(() => {
  rl.pause();
  rl.pause();
  rl.resume();
  rl.setPrompt('>> ');
  console.log('prompt now', JSON.stringify(rl.getPrompt()));
  input.end('\nlast without newline');
});

function second() {
  const out = new PassThrough();
  let written = '';
  out.on('data', (d) => { written += d; });
  const input2 = new PassThrough();
  const rl2 = readline.createInterface({ input: input2, output: out, terminal: false });
  rl2.question('name? ', (answer) => {
    console.log('answer', JSON.stringify(answer));
    const ac = new AbortController();
    rl2.question('ignored? ', { signal: ac.signal }, () => console.log('never'));
    ac.abort();
    rl2.on('line', (l) => console.log('rl2 line', JSON.stringify(l)));
    input2.write('after abort\n');
    setImmediate(() => {
      console.log('written', JSON.stringify(written));
      rl2.close();
      third();
    });
  });
  input2.write('ada\n');
}

function third() {
  // crlfDelay: a '\r' then '\n' in the next chunk is one line end.
  const input3 = new PassThrough();
  const rl3 = readline.createInterface({ input: input3 });
  const lines = [];
  rl3.on('line', (l) => lines.push(l));
  rl3.on('close', () => console.log('rl3 lines', JSON.stringify(lines)));
  input3.write('a\r');
  setImmediate(() => {
    input3.write('\nb\r');
    setTimeout(() => {
      input3.end('\nc');
    }, 150);
  });
  // Bad options.
  for (const opts of [{ input: input3, historySize: -1 }, { input: input3, completer: 5 },
    { input: input3, tabSize: 0 }, { input: input3, history: 'x' }]) {
    try {
      readline.createInterface(opts);
    } catch (e) {
      console.log('bad option', e.code, e.message);
    }
  }
}
