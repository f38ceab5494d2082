'use strict';
// fs streams: highWaterMark chunking, pause/resume, destroy mid-read,
// autoClose/emitClose, flags 'a', writev batching (cork), open errors on
// write streams, AbortSignal, argument validation, the stream classes.
const fs = require('fs');
const path = require('path');
const os = require('os');
const { Readable, Writable, finished } = require('stream');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fsstream-more-'));
const f = path.join(dir, 'data.bin');
const data = Buffer.alloc(100000);
for (let i = 0; i < data.length; i++) data[i] = i % 251;
fs.writeFileSync(f, data);

const steps = [];
const step = (fn) => steps.push(fn);
const next = () => {
  const fn = steps.shift();
  if (fn) fn(next);
  else fs.rmSync(dir, { recursive: true });
};

step((done) => {
  const r = fs.createReadStream(f, { highWaterMark: 30000 });
  console.log('instanceof', r instanceof Readable, r instanceof fs.ReadStream, r.readableHighWaterMark);
  const sizes = [];
  r.on('data', (c) => sizes.push(c.length));
  r.on('end', () => console.log('chunks', sizes.join(','), 'bytesRead', r.bytesRead));
  r.on('close', () => { console.log('closed', r.closed, r.destroyed); done(); });
});

step((done) => {
  const r = fs.createReadStream(f);
  let got = 0;
  r.on('data', (c) => {
    got += c.length;
    r.destroy();
  });
  r.on('close', () => { console.log('destroyed after first chunk', got, r.destroyed); done(); });
});

step((done) => {
  const r = fs.createReadStream(f, { emitClose: false, start: 99990 });
  let got = 0;
  r.on('data', (c) => { got += c.length; });
  r.on('close', () => console.log('close (not expected)'));
  r.on('end', () => {
    console.log('end without close event', got);
    setTimeout(done, 20);
  });
});

step((done) => {
  const w = fs.createWriteStream(path.join(dir, 'log.txt'), { flags: 'a' });
  w.write('first\n');
  w.end(() => {
    const w2 = fs.createWriteStream(path.join(dir, 'log.txt'), { flags: 'a' });
    w2.cork();
    w2.write('a');
    w2.write('b');
    w2.write(Buffer.from('c\n'));
    process.nextTick(() => w2.uncork());
    w2.end('second\n');
    w2.on('finish', () => console.log('finish', w2.bytesWritten, w2.pending));
    w2.on('close', () => {
      console.log('appended', JSON.stringify(fs.readFileSync(path.join(dir, 'log.txt'), 'utf8')));
      done();
    });
  });
});

step((done) => {
  const w = fs.createWriteStream(path.join(dir, 'no', 'such', 'dir.txt'));
  console.log('write stream', w instanceof Writable, w instanceof fs.WriteStream, w.pending);
  w.on('error', (e) => console.log('write error', e.code, e.syscall));
  w.on('close', () => { console.log('write close after error'); done(); });
  w.write('x');
});

step((done) => {
  const r = fs.createReadStream(dir);
  r.on('error', (e) => console.log('read dir error', e.code, e.syscall));
  r.on('close', () => done());
  r.resume();
});

step((done) => {
  const ac = new AbortController();
  const r = fs.createReadStream(f, { signal: ac.signal, highWaterMark: 1000 });
  r.once('data', () => ac.abort());
  r.on('error', (e) => console.log('abort', e.name, e.code));
  r.on('close', () => done());
});

step((done) => {
  const fd = fs.openSync(path.join(dir, 'fd.txt'), 'w');
  const w = fs.createWriteStream(null, { fd, autoClose: false });
  w.end('via fd\n', () => {
    fs.writeSync(fd, 'still open\n');
    fs.closeSync(fd);
    console.log('fd write', JSON.stringify(fs.readFileSync(path.join(dir, 'fd.txt'), 'utf8')));
    done();
  });
});

step((done) => {
  const r = fs.createReadStream(f, { encoding: 'hex', start: 0, end: 3 });
  r.on('data', (s) => console.log('hex', s));
  finished(r, (err) => { console.log('finished', err); done(); });
});

step((done) => {
  for (const [name, fn] of [
    ['bad start', () => fs.createReadStream(f, { start: 'x' })],
    ['bad end', () => fs.createReadStream(f, { end: -2 })],
    ['bad path', () => fs.createReadStream(42)],
    ['bad fd', () => fs.createReadStream(null, { fd: 'x' })],
    ['bad flush', () => fs.createWriteStream(f, { flush: 'yes' })],
    ['bad write start', () => fs.createWriteStream(f, { start: -1 })],
  ]) {
    try {
      fn();
      console.log(name, 'no error');
    } catch (e) {
      console.log(name, e.code, e.message);
    }
  }
  const w = fs.WriteStream(path.join(dir, 'call.txt'));
  console.log('callable without new', w instanceof fs.WriteStream);
  w.close(() => { console.log('close callback'); done(); });
});

step((done) => {
  const r = fs.createReadStream(f, { start: 10, end: 19 });
  r.on('ready', () => console.log('pending after ready', r.pending));
  r.on('data', (c) => console.log('slice', c[0], c.length));
  r.on('close', done);
});

next();
