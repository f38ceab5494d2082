'use strict';
// readline's direct delivery of lines to a lone 'line' listener: the
// listener changes it must notice mid-chunk (every way of adding or
// removing one), lines kept by the listener (their text must stay put
// while later lines arrive), ASCII and non-ASCII chunks and tails, and
// writes from inside a listener.
const readline = require('readline');
const { PassThrough } = require('stream');

function run(name, chunks, setup, opts = {}) {
  return new Promise((resolve) => {
    const input = new PassThrough();
    const rl = readline.createInterface({ input, crlfDelay: Infinity, ...opts });
    const out = [];
    const finish = () => {
      console.log(name, JSON.stringify(out));
      resolve();
    };
    (setup || ((rl, out) => rl.on('line', (l) => out.push(l))))(rl, out, finish);
    rl.on('close', finish);
    for (const c of chunks) input.write(Buffer.from(c));
    input.end();
  });
}

(async () => {
  await run('prepend-mid', ['1\n2\n3\n'], (rl, out) => {
    rl.on('line', (l) => { out.push('a' + l); if (l === '1') rl.prependListener('line', (m) => out.push('p' + m)); });
  });
  await run('addListener-mid', ['1\n2\n3\n'], (rl, out) => {
    rl.addListener('line', (l) => { out.push('a' + l); if (l === '2') rl.addListener('line', (m) => out.push('b' + m)); });
  });
  await run('once-mid', ['1\n2\n3\n4\n'], (rl, out) => {
    rl.on('line', (l) => { out.push('a' + l); if (l === '1') rl.once('line', (m) => out.push('o' + m)); });
  });
  await run('prepend-once-mid', ['1\n2\n3\n'], (rl, out) => {
    rl.on('line', (l) => { out.push('a' + l); if (l === '1') rl.prependOnceListener('line', (m) => out.push('o' + m)); });
  });
  await run('removeAll-mid', ['1\n2\n3\n'], (rl, out) => {
    rl.on('line', (l) => { out.push(l); if (l === '2') rl.removeAllListeners('line'); });
  });
  await run('removeAll-all-mid', ['1\n2\n3\n'], (rl, out, finish) => {
    rl.on('close', () => out.push('never'));
    rl.on('line', (l) => { out.push(l); if (l === '1') { rl.removeAllListeners(); rl.on('close', finish); } });
  });
  await run('swap-mid', ['1\n2\n3\n4\n'], (rl, out) => {
    const f = (l) => { out.push('f' + l); if (l === '2') { rl.off('line', f); rl.on('line', g); } };
    const g = (l) => out.push('g' + l);
    rl.on('line', f);
  });
  await run('other-event-mid', ['1\n2\n3\n'], (rl, out) => {
    rl.on('line', (l) => { out.push(l); rl.on('pause', () => {}); rl.removeAllListeners('pause'); });
  });
  await run('other-interface', ['1\n2\n3\n'], (rl, out) => {
    const other = readline.createInterface({ input: new PassThrough() });
    rl.on('line', (l) => { out.push(l); if (l === '1') other.on('line', () => {}); });
    rl.on('close', () => other.close());
  });
  // Kept lines keep their text while the next lines arrive: in an array,
  // as property and Map keys, in concatenations.
  await run('kept', ['short\n' + 'x'.repeat(300) + '\nab\n\nlonger line\nq\n' + 'y'.repeat(70) + '\n'], (rl, out) => {
    const keys = {};
    const map = new Map();
    let cat = '';
    let i = 0;
    rl.on('line', (l) => {
      i++;
      if (i % 3 === 0) keys[l] = i;
      else if (i % 3 === 1) map.set(l, i);
      else cat += l + '|';
      out.push(l.length);
    });
    rl.on('close', () => out.push(Object.keys(keys), [...map.keys()].map((k) => k.slice(0, 8)), cat.length, cat.slice(0, 20)));
  });
  await run('kept-some', ['a1\nbb2\nccc3\nd4\nee5\nf6\n'], (rl, out) => {
    const kept = [];
    rl.on('line', (l) => { if (l.length % 2) kept.push(l); });
    rl.on('close', () => out.push(kept));
  });
  await run('lengths', ['abc\nabcdef\na\n\nabcdefghij\nab\n'], (rl, out) => {
    rl.on('line', (l) => out.push(l + ':' + l.length));
  });
  await run('ascii-then-utf8', ['abc\nde', 'f\ng\u00e9h\ni', 'j\n', 'k\u20acl\nmn\n'], (rl, out) => {
    rl.on('line', (l) => out.push(l));
  });
  await run('utf8-tail-split', ['ab\nc\u00e9', 'd\ne\n'], (rl, out) => rl.on('line', (l) => out.push(l)));
  await run('utf8-split-then-ascii', [Buffer.from([0x61, 0x0a, 0xc3]), Buffer.from([0xa9, 0x0a, 0x62]), 'c\nd'], (rl, out) => rl.on('line', (l) => out.push(l)));
  await run('cr-ascii-tail', ['a\r', '\nb\rc', '\r\nd'], (rl, out) => rl.on('line', (l) => out.push(l)));
  await run('latin1-bytes', [Buffer.from([0x61, 0xe9, 0x0a, 0x62, 0x0a])], (rl, out) => rl.on('line', (l) => out.push(l)));
  await run('nested-write', ['1\n2\n3\n'], (rl, out) => {
    rl.on('line', (l) => { out.push(l); if (l === '2') rl.write('w1\nw2\n'); });
  });
  await run('nested-write-bytes', ['1\n2\n3\n'], (rl, out) => {
    rl.on('line', (l) => { out.push(l); if (l === '1') rl.write(Buffer.from('b1\nb2')); });
  });
  await run('question-then-listener', ['1\n2\n3\n4\n'], (rl, out) => {
    rl.on('line', (l) => {
      out.push('line' + l);
      if (l === '1') rl.question('q? ', (a) => { out.push('answer' + a); rl.on('line', (m) => out.push('late' + m)); });
    });
  }, { output: new PassThrough() });
  await run('this-and-args', ['x\ny\n'], (rl, out) => {
    rl.on('line', function (...args) { out.push(this === rl, args.length, args[0]); });
  });
  await run('many-kept', ['line\n'.repeat(3000) + 'end\n'], (rl, out) => {
    const all = [];
    rl.on('line', (l) => all.push(l));
    rl.on('close', () => out.push(all.length, all.every((l, i) => l === (i < 3000 ? 'line' : 'end'))));
  });
})();
