'use strict';
// readline line splitting over byte chunks: CRLF split across chunks,
// lone CR, U+2028/2029, multi-byte characters split across chunks,
// invalid UTF-8, listeners changing mid-chunk, questions, exceptions.
const readline = require('readline');
const { PassThrough } = require('stream');

function run(name, chunks, setup, opts = {}) {
  return new Promise((resolve) => {
    const input = new PassThrough();
    const rl = readline.createInterface({ input, crlfDelay: Infinity, ...opts });
    const out = [];
    (setup || ((rl, out) => rl.on('line', (l) => out.push(l))))(rl, out);
    rl.on('close', () => {
      console.log(name, JSON.stringify(out));
      resolve();
    });
    for (const c of chunks) input.write(typeof c === 'string' ? Buffer.from(c) : Buffer.from(c));
    input.end();
  });
}

(async () => {
  await run('simple', ['a\nb\nc']);
  await run('crlf', ['a\r\nb\r', '\nc\r\n']);
  await run('lone-cr', ['a\rb\rc\r']);
  await run('seps', ['a\u2028b\u2029c\r\r\nd\n\ne']);
  await run('empty-lines', ['\n\n\n']);
  await run('split-utf8', [[0x61, 0xe2, 0x82], [0xac, 0x0a, 0x62, 0xf0, 0x9f], [0x98, 0x80, 0x0a]]);
  await run('split-2028', [[0x61, 0xe2, 0x80], [0xa8, 0x62, 0x0a]]);
  await run('invalid', [[0x61, 0xff, 0x62, 0x0a, 0xe2, 0x80, 0x0a, 0xc3, 0x0a, 0xf0, 0x9f, 0x0a]]);
  await run('invalid-tail', [[0x61, 0x0a, 0xe2, 0x82], [0x0a, 0x62]]);
  await run('no-newline', ['abc', 'def', 'ghi']);
  await run('many', ['x\n'.repeat(50000)], (rl, out) => { let n = 0; rl.on('line', () => n++); rl.on('close', () => out.push(n)); });
  await run('remove-mid', ['1\n2\n3\n4\n'], (rl, out) => {
    const f = (l) => { out.push('f' + l); if (l === '2') rl.off('line', f); };
    rl.on('line', f);
  });
  await run('add-mid', ['1\n2\n3\n'], (rl, out) => {
    rl.on('line', (l) => { out.push('a' + l); if (l === '1') rl.on('line', (m) => out.push('b' + m)); });
  });
  await run('once', ['1\n2\n3\n'], (rl, out) => {
    rl.once('line', (l) => out.push('once' + l));
    rl.on('line', (l) => out.push('on' + l));
  });
  await run('question', ['1\n2\n3\n'], (rl, out) => {
    rl.on('line', (l) => { out.push('line' + l); if (l === '1') rl.question('q? ', (a) => out.push('answer' + a)); });
  }, { output: new PassThrough() });
  await run('this', ['1\n'], (rl, out) => { rl.on('line', function () { out.push(this === rl); }); });
  await run('close-mid', ['1\n2\n3\n'], (rl, out) => { rl.on('line', (l) => { out.push(l); if (l === '1') rl.close(); }); });
  await run('pause-mid', ['1\n2\n3\n'], (rl, out) => { rl.on('line', (l) => { out.push(l); if (l === '1') rl.pause(); }); setTimeout(() => { if (!rl.closed) rl.resume(); }, 10); });
  await run('write-mid', ['1\n2\n'], (rl, out) => { rl.on('line', (l) => { out.push(l); if (l === '1') rl.write('w\n'); }); });
  await run('string-chunks', ['a\r', '\nb\u2028c', '\nd'], (rl, out) => {
    rl.on('line', (l) => out.push(l));
    rl.input.setEncoding('utf8');
  });
  await run('mixed', ['a\nb', 'c\r\nd'], (rl, out) => {
    rl.on('line', (l) => out.push(l));
    rl.on('line', (l) => out.push('2:' + l));
  });
  // A listener that throws: the error leaves the write, later lines of
  // the chunk are not delivered.
  await new Promise((resolve) => {
    const input = new PassThrough();
    const rl = readline.createInterface({ input, crlfDelay: Infinity });
    const got = [];
    rl.on('line', (l) => { got.push(l); if (l === 'boom') throw new Error('boom'); });
    try {
      rl.write('a\nboom\nc\n');
    } catch (e) {
      console.log('caught', e.message, JSON.stringify(got));
    }
    rl.close();
    resolve();
  });
  await new Promise((resolve) => {
    const input = new PassThrough();
    const rl = readline.createInterface({ input, crlfDelay: Infinity });
    const got = [];
    rl.on('line', (l) => { got.push(l); if (l === 'boom') throw new Error('boom2'); });
    process.once('uncaughtException', (e) => {
      console.log('uncaught', e.message, JSON.stringify(got));
      setImmediate(() => {
        console.log('later', JSON.stringify(got));
        rl.close();
        resolve();
      });
    });
    input.write(Buffer.from('a\nboom\nc\n'));
    setImmediate(() => input.write(Buffer.from('d\n')));
  });
  const lines = [];
  const rl2 = readline.createInterface({
    input: require('stream').Readable.from([Buffer.from('p\nq'), Buffer.from('r\n'), Buffer.from('s')]),
    crlfDelay: Infinity,
  });
  for await (const l of rl2) lines.push(l);
  console.log('forawait', JSON.stringify(lines));
})();
