'use strict';
// readline/promises: question() as a promise (with an AbortSignal), async
// iteration over lines, the Readline cursor-action queue, the cursor
// helpers of node:readline, and emitKeypressEvents' key decoding.
const readline = require('readline');
const rlp = require('readline/promises');
const { PassThrough } = require('stream');

function recorder() {
  const s = new PassThrough();
  s.text = '';
  s.on('data', (d) => { s.text += d; });
  return s;
}

(async () => {
  console.log(Object.keys(readline).join(), '|', Object.keys(rlp).join());
  console.log('promises is readline/promises', readline.promises === rlp);

  const input = new PassThrough();
  const output = recorder();
  const rl = rlp.createInterface({ input, output, terminal: false });
  const p = rl.question('first? ');
  input.write('one\n');
  console.log('answer', await p);
  const ac = new AbortController();
  const p2 = rl.question('second? ', { signal: ac.signal });
  ac.abort();
  try {
    await p2;
  } catch (e) {
    console.log('aborted', e.name, e.code, e.message);
  }
  try {
    await rl.question('x', { signal: AbortSignal.abort() });
  } catch (e) {
    console.log('pre-aborted', e.name);
  }
  setImmediate(() => input.end('l1\nl2\r\nl3'));
  const lines = [];
  for await (const line of rl) lines.push(line);
  console.log('iterated', JSON.stringify(lines), 'closed', rl.closed);
  console.log('output', JSON.stringify(output.text));
  try {
    await rl.question('late');
  } catch (e) {
    console.log('late', e.code);
  }

  // break out of for await closes the interface.
  const input2 = new PassThrough();
  const rl2 = readline.createInterface({ input: input2 });
  rl2.on('close', () => console.log('rl2 closed'));
  const it = rl2[Symbol.asyncIterator]();
  input2.write('a\nb\nc\n');
  for await (const line of it) {
    console.log('rl2 first', line);
    break;
  }

  // Readline: queued cursor actions, written at commit.
  const out = recorder();
  const r = new rlp.Readline(out);
  r.cursorTo(0).cursorTo(3, 4).moveCursor(-1, 2).moveCursor(2, -3).clearLine(-1).clearLine(0)
    .clearLine(1).clearScreenDown();
  console.log('before commit', JSON.stringify(out.text));
  await r.commit();
  console.log('after commit', JSON.stringify(out.text));
  r.cursorTo(1);
  r.rollback();
  await r.commit();
  console.log('after rollback', JSON.stringify(out.text));

  // Callback cursor helpers.
  const w = { data: [], write(d, cb) { this.data.push(d); if (cb) cb(); return true; } };
  readline.cursorTo(w, 2);
  readline.cursorTo(w, 2, 3);
  readline.moveCursor(w, 0, 0);
  readline.moveCursor(w, -3, 1);
  readline.clearLine(w, 0);
  readline.clearScreenDown(w);
  console.log('helpers', JSON.stringify(w.data));
  try {
    readline.cursorTo(w, undefined, 3);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }

  // Keys.
  const keys = new PassThrough();
  readline.emitKeypressEvents(keys);
  const seen = [];
  keys.on('keypress', (s, k) => seen.push(JSON.stringify([s, k])));
  for (const seq of ['a', 'B', '7', ' ', '\r', '\n', '\t', '\x7f', '\x01', '\x1b[A', '\x1b[1;5C',
    '\x1bb', '\x1b[3~', '\x1bOP', '\x1b[H', '\x1b[15~', '\x1b[Z', 'é', '\x1b[', '2', '00~']) {
    keys.write(seq);
  }
  await new Promise((resolve) => setImmediate(resolve));
  keys.write('\x1b');
  await new Promise((resolve) => setTimeout(resolve, 600));
  console.log(seen.join('\n'));
})();
