'use strict';
// readline tab completion in terminal mode: one candidate completes, a
// common prefix is inserted, a second tab lists the candidates in columns
// fitted to the output width; async (callback) completers work too.
const readline = require('readline');
const { PassThrough } = require('stream');

function session(columns, completer, steps, done) {
  const input = new PassThrough();
  const output = new PassThrough();
  output.columns = columns;
  output.isTTY = true;
  let written = '';
  output.on('data', (d) => { written += d; });
  const rl = readline.createInterface({ input, output, prompt: '> ', completer });
  rl.on('line', (l) => console.log('line', JSON.stringify(l)));
  let i = 0;
  (function next() {
    if (i >= steps.length) {
      rl.close();
      done();
      return;
    }
    input.write(steps[i++]);
    setTimeout(() => {
      console.log(JSON.stringify(written));
      written = '';
      next();
    }, 10);
  })();
}

const fruit = ['apple', 'apricot', 'banana'];
const letters = ['xa', 'xbbbbb', 'xcc', 'xdddd', 'xe', 'xffffff', 'xg'];
const sync = (words) => (line) => {
  const last = line.split(' ').pop();
  return [words.filter((w) => w.startsWith(last)), last];
};
const callback = (words) => (line, cb) => {
  setTimeout(() => cb(null, [words.filter((w) => w.startsWith(line)), line]), 1);
};

session(80, sync(fruit), ['b\t', '\r', 'ap\t', 'r\t', '\r', 'a\t', '\t'], () => {
  session(30, sync(letters), ['x\t', '\t'], () => {
    session(5, callback(letters), ['x\t', '\t'], () => {
      session(80, callback(fruit), ['ban\t', '\r'], () => console.log('done'));
    });
  });
});
