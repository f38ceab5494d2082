'use strict';
// Writable: backpressure and 'drain', cork/uncork with _writev, end(chunk,
// cb), _final, 'finish' ordering, decodeStrings/defaultEncoding, and the
// error codes of misuse.
const { Writable } = require('stream');
const log = (...a) => console.log(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '));

{
  const w = new Writable({
    highWaterMark: 5,
    write(chunk, enc, cb) {
      log('A _write', chunk.toString(), enc);
      setImmediate(cb);
    },
  });
  log('A hwm', w.writableHighWaterMark, 'needDrain', w.writableNeedDrain);
  log('A write1', w.write('abc'), w.writableLength);
  log('A write2', w.write('def'), w.writableLength, 'needDrain', w.writableNeedDrain);
  log('A write3', w.write('g'), w.writableLength);
  w.on('drain', () => {
    log('A drain', w.writableLength);
    w.end('end!', () => log('A end cb', w.writableFinished));
    log('A ended', w.writableEnded, w.writableFinished, w.writable);
  });
  w.on('finish', () => log('A finish'));
  w.on('close', () => log('A close', w.closed, w.destroyed));
}

{
  const w = new Writable({
    writev(chunks, cb) {
      log('B _writev', chunks.map((c) => c.chunk.toString() + ':' + c.encoding));
      cb();
    },
    write(chunk, enc, cb) {
      log('B _write', chunk.toString());
      cb();
    },
    decodeStrings: false,
  });
  w.cork();
  w.write('x');
  w.write('y', 'latin1');
  w.write(Buffer.from('z'));
  log('B corked', w.writableCorked, w.writableLength, w.writableBuffer.length);
  process.nextTick(() => w.uncork());
  setImmediate(() => {
    w.cork();
    w.cork();
    w.write('p');
    w.uncork();
    log('B still corked', w.writableCorked);
    w.uncork();
    w.end();
  });
  w.on('finish', () => log('B finish'));
}

{
  const order = [];
  const w = new Writable({
    write(c, e, cb) { order.push('write'); cb(); },
    final(cb) {
      order.push('final');
      setImmediate(() => { order.push("final done"); cb(); });
    },
  });
  w.on('prefinish', () => order.push('prefinish'));
  w.on('finish', () => order.push('finish'));
  w.on('close', () => { order.push('close'); log('C order', order); });
  w.write('1', () => order.push('cb1'));
  w.end(() => order.push('end cb'));
  order.push('after end()');
}

{
  const w = new Writable({ write(c, e, cb) { cb(); } });
  w.end();
  w.on('error', (e) => log('D error event', e.code));
  w.write('late', (err) => log('D write cb', err.code, err.message));
  w.end((err) => log('D second end cb', err && err.code));
  try {
    new Writable({ write(c, e, cb) { cb(); } }).write(null);
  } catch (e) {
    log('D null', e.name, e.code, e.message);
  }
  try {
    new Writable().write({});
  } catch (e) {
    log('D object', e.code);
  }
  try {
    new Writable().write('a', 'nope');
  } catch (e) {
    log('D encoding', e.code, e.message);
  }
  try {
    new Writable().setDefaultEncoding('nope');
  } catch (e) {
    log('D setDefaultEncoding', e.code);
  }
}

{
  const w = new Writable({ write(c, e, cb) { cb(); cb(); } });
  w.on('error', (e) => log('E error', e.code, e.message));
  w.write('x');
}

{
  const w = new Writable({ objectMode: true, write(c, e, cb) { log('F obj', c, e); cb(); } });
  w.write({ k: 1 });
  w.write(7);
  log('F hwm', w.writableHighWaterMark, w.writableObjectMode);
  const w2 = new Writable({
    defaultEncoding: 'hex',
    decodeStrings: false,
    write(c, e, cb) { log('F2', typeof c, c, e); cb(); },
  });
  w2.write('abcd');
  w2.setDefaultEncoding('BASE64');
  w2.write('efgh');
  const w3 = new Writable({ defaultEncoding: 'hex', write(c, e, cb) { log('F3', c.toString('utf8'), e); cb(); } });
  w3.write('4142');
}

{
  const w = new Writable({ write(c, e, cb) { setImmediate(cb); } });
  w.write('a', (err) => log('G pending write cb', err && err.code));
  w.write('b', (err) => log('G buffered write cb', err && err.code));
  w.end((err) => log('G end cb', err && err.code));
  w.on('error', (e) => log('G error', e.message));
  w.on('close', () => log('G close', w.writableAborted, w.errored && w.errored.message));
  w.destroy(new Error('stop'));
  log('G destroyed', w.destroyed);
  w.write('c', (err) => log('G write after destroy cb', err.code));
}

{
  const w = new Writable({ write(c, e, cb) { cb(new Error('write failed')); } });
  w.on('error', (e) => log('H error', e.message, w.destroyed));
  log('H write ret', w.write('x', (err) => log('H cb', err.message)));
}
