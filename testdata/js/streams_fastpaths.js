'use strict';
// The short paths of the stream machinery and of process.nextTick must
// behave as the general ones: event order, argument counts, emit
// overrides, captureRejections, backpressure and errors.
const { Readable, Writable, PassThrough, pipeline } = require('stream');
const EventEmitter = require('events');

const log = (...a) => console.log(...a);

// nextTick: argument counts (0, an explicit undefined, 2, 5), order
// against promise jobs, a throwing tick not stopping the rest.
function ticks(done) {
  const seen = [];
  const rec = (name) => function() { seen.push(`${name}:${arguments.length}`); };
  process.nextTick(rec('zero'));
  process.nextTick(rec('undef'), undefined);
  process.nextTick(rec('two'), 1, 2);
  process.nextTick(rec('five'), 1, 2, 3, 4, 5);
  Promise.resolve().then(() => seen.push('promise'));
  process.nextTick(() => {
    seen.push('outer');
    process.nextTick(() => seen.push('inner'));
  });
  setImmediate(() => {
    log('ticks', seen.join(' '), process.nextTick.length);
    done();
  });
}

// emit: argument counts seen by a single listener and by two listeners.
function emits(done) {
  const ee = new EventEmitter();
  const seen = [];
  ee.on('one', function() { seen.push(`one:${arguments.length}`); });
  ee.on('two', function() { seen.push(`twoA:${arguments.length}`); });
  ee.on('two', function(...a) { seen.push(`twoB:${a.length}`); });
  ee.emit('one');
  ee.emit('one', undefined);
  ee.emit('one', 1, 2, 3, 4);
  ee.emit('two', 'x', 'y');
  log('emits', seen.join(' '), ee.emit('none', 1), EventEmitter.prototype.emit.length);
  done();
}

// A readable whose emit is overridden sees every event, including those
// the short paths would skip ('pause', 'resume') and 'data'.
function overriddenEmit(done) {
  const r = new Readable({ read() {} });
  const events = [];
  const emit = r.emit;
  r.emit = function(ev, ...args) {
    if (typeof ev === 'string') events.push(ev);
    return emit.call(this, ev, ...args);
  };
  r.on('data', () => {});
  r.push(Buffer.from('a'));
  setImmediate(() => {
    r.push(Buffer.from('b'));
    r.pause();
    r.resume();
    r.push(null);
    r.on('end', () => {
      setImmediate(() => {
        log('overridden', events.join(' '));
        done();
      });
    });
  });
}

// A 'data' listener returning a rejected promise with captureRejections
// destroys the stream with that error.
function capture(done) {
  const r = new Readable({ read() {}, captureRejections: true });
  r.on('data', async (c) => { throw new Error(`bad ${c}`); });
  r.on('error', (err) => {
    log('capture', err.message, r.destroyed);
    done();
  });
  r.push('x');
}

// Flowing push order with two 'data' listeners, push() return values,
// unshift, a string chunk with an encoding and a decoder.
function pushes(done) {
  const r = new Readable({ read() {}, highWaterMark: 4 });
  const out = [];
  r.on('data', (c) => out.push(`A${c}`));
  r.on('data', (c) => out.push(`B${c}`));
  const rets = [r.push(Buffer.from('12')), r.push(Buffer.from('345')), r.push('')];
  setImmediate(() => {
    rets.push(r.push(Buffer.from('6')));
    r.pause();
    rets.push(r.push(Buffer.from('789')), r.push(Buffer.from('0')));
    r.unshift(Buffer.from('u'));
    r.setEncoding('utf8');
    r.push('6869', 'hex');
    r.push(null);
    r.resume();
    r.on('end', () => {
      log('pushes', out.join(','), rets.join(','));
      done();
    });
  });
}

// Writes: strings, Buffers, Uint8Arrays, callbacks, an encoding, cork, a
// sync and an async _write, drain, end and finish, write after end.
function writes(done) {
  const got = [];
  const order = [];
  let n = 0;
  const w = new Writable({
    highWaterMark: 6,
    write(chunk, enc, cb) {
      got.push(`${enc}:${chunk}`);
      if (n++ % 2) setImmediate(cb);
      else cb();
    },
  });
  w.on('drain', () => order.push('drain'));
  w.on('finish', () => order.push('finish'));
  const rets = [];
  rets.push(w.write('ab'));
  rets.push(w.write(Buffer.from('cd'), () => order.push('cb-cd')));
  rets.push(w.write(new Uint8Array([101, 102])));
  rets.push(w.write('6768', 'hex', () => order.push('cb-hex')));
  w.cork();
  rets.push(w.write('ij'));
  process.nextTick(() => w.uncork());
  w.end('kl', () => {
    order.push('end-cb');
    w.write('late', (err) => {
      log('writes', got.join(' '), rets.join(','), order.join(' '), err.code);
      done();
    });
  });
  w.on('error', (err) => order.push(`error:${err.code}`));
}

// A writable with decodeStrings: false and one in object mode.
function modes(done) {
  const got = [];
  const w1 = new Writable({ decodeStrings: false, write(c, e, cb) { got.push(`${typeof c}:${e}`); cb(); } });
  w1.write('s');
  w1.write(Buffer.from('b'));
  const w2 = new Writable({ objectMode: true, write(c, e, cb) { got.push(`obj:${JSON.stringify(c)}`); cb(); } });
  w2.write({ a: 1 });
  w2.write('str');
  let err;
  try {
    new Writable({ write(c, e, cb) { cb(); } }).write(42);
  } catch (e) {
    err = e.code;
  }
  setImmediate(() => {
    log('modes', got.join(' '), err);
    done();
  });
}

// pipe and pipeline with backpressure: every byte arrives, in order.
function pipes(done) {
  const total = 40;
  let i = 0;
  const src = new Readable({
    highWaterMark: 8,
    read() {
      setImmediate(() => this.push(i < total ? Buffer.from(String(i++ % 10).repeat(5)) : null));
    },
  });
  let out = '';
  const dst = new Writable({
    highWaterMark: 3,
    write(c, e, cb) {
      out += c;
      setImmediate(cb);
    },
  });
  const events = [];
  src.on('pause', () => events.push('pause'));
  dst.on('drain', () => events.push('drain'));
  src.pipe(dst).on('finish', () => {
    const p = new PassThrough();
    let out2 = '';
    pipeline(Readable.from(['x', 'y', 'z']), p, new Writable({
      write(c, e, cb) {
        out2 += c;
        cb();
      },
    }), (err) => {
      log('pipes', out.length, out.slice(0, 12), events.includes('pause'), events.includes('drain'), out2, err);
      done();
    });
  });
}

const steps = [ticks, emits, overriddenEmit, capture, pushes, writes, modes, pipes];
(function next() {
  const step = steps.shift();
  if (step) step(next);
})();
