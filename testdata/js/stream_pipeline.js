'use strict';
// finished() and pipeline(), callback and promise forms: success, errors
// that destroy every stream, premature close, generator stages, the value
// of a final async function, and AbortSignal.
const { Readable, Writable, Transform, PassThrough, pipeline, finished } = require('stream');
const promises = require('stream/promises');
const log = (...a) => console.log(a.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' '));
const desc = (err) => (err ? `${err.name}:${err.code || ''}:${err.message}` : String(err));

function collector(name) {
  const got = [];
  const w = new Writable({ objectMode: true, write(c, e, cb) { got.push(String(c)); cb(); } });
  w.on('finish', () => log(name, 'collected', got));
  return w;
}

const steps = [];
function step(fn) { steps.push(fn); }
function runSteps() {
  const fn = steps.shift();
  if (fn) fn(() => setImmediate(runSteps));
}

step((next) => {
  const r = Readable.from(['a', 'b']);
  finished(r, (err) => { log('1 finished readable', desc(err)); next(); });
  r.resume();
});

step((next) => {
  const r = new Readable({ read() {} });
  finished(r, (err) => { log('2 premature', desc(err)); next(); });
  r.destroy();
});

step((next) => {
  const w = new Writable({ write(c, e, cb) { cb(); } });
  const cleanup = finished(w, (err) => { log('3 finished writable', desc(err), typeof cleanup); next(); });
  w.end('x');
});

step((next) => {
  const w = new Writable({ write(c, e, cb) { cb(new Error('3b fail')); } });
  w.on('error', () => {});
  finished(w, (err) => { log('3b errored', desc(err)); next(); });
  w.write('x');
});

step((next) => {
  const t = new Transform({ transform(c, e, cb) { cb(null, c.toString().toUpperCase()); } });
  pipeline(Readable.from(['x', 'y']), t, collector('4'), (err, val) => {
    log('4 pipeline done', desc(err), val);
    next();
  });
});

step((next) => {
  const src = new Readable({ read() {} });
  const mid = new PassThrough();
  const dst = new Writable({ write(c, e, cb) { cb(); } });
  for (const [n, s] of [['src', src], ['mid', mid], ['dst', dst]]) s.on('close', () => log('5 close', n));
  pipeline(src, mid, dst, (err) => {
    log('5 pipeline error', desc(err), src.destroyed, mid.destroyed, dst.destroyed);
    next();
  });
  src.push('data');
  setImmediate(() => mid.destroy(new Error('mid failed')));
});

step((next) => {
  const src = new Readable({ read() {} });
  const dst = new Writable({ write(c, e, cb) { cb(); } });
  pipeline(src, dst, (err) => {
    log('6 premature', desc(err));
    next();
  });
  setImmediate(() => dst.destroy());
});

step((next) => {
  pipeline(
    function* () { yield 'g1'; yield 'g2'; },
    async function* (source) { for await (const c of source) yield c + '!'; },
    collector('7'),
    (err) => { log('7 generators', desc(err)); next(); },
  );
});

step((next) => {
  pipeline(
    Readable.from([1, 2, 3]),
    async function (source) {
      let sum = 0;
      for await (const n of source) sum += n;
      return sum;
    },
    (err, val) => { log('8 value', desc(err), val); next(); },
  );
});

step((next) => {
  pipeline(
    Readable.from(['a']),
    async function* (source) {
      for await (const c of source) throw new Error('9 in generator ' + c);
    },
    collector('9'),
    (err) => { log('9 generator error', desc(err)); next(); },
  );
});

step((next) => {
  try {
    pipeline(Readable.from(['a']), () => {});
  } catch (e) {
    log('10 sync throw', desc(e));
  }
  try {
    pipeline(Readable.from(['a']));
  } catch (e) {
    log('10 missing', desc(e));
  }
  for (const args of [[() => 5, new PassThrough()], [() => ({}), new PassThrough()], [Readable.from([1]), () => 5, new PassThrough()],
    [Readable.from([1]), () => 5]]) {
    try {
      pipeline(...args, () => log('10 never'));
    } catch (e) {
      log('10 bad return', desc(e));
    }
  }
  next();
});

step((next) => {
  (async () => {
    await promises.pipeline(Readable.from(['p', 'q']), collector('11'));
    log('11 promise pipeline resolved');
    const v = await promises.pipeline(Readable.from(['z']), async (src) => {
      for await (const c of src) return c + c;
    });
    log('11 value', v);
    const ac = new AbortController();
    const p = promises.pipeline(new Readable({ read() {} }), new PassThrough(), { signal: ac.signal });
    ac.abort();
    try {
      await p;
    } catch (e) {
      log('11 aborted', desc(e));
    }
    const r = Readable.from(['f']);
    r.resume();
    await promises.finished(r);
    log('11 finished promise');
    const r2 = new Readable({ read() {} });
    setImmediate(() => r2.destroy(new Error('r2 err')));
    await promises.finished(r2).catch((e) => log('11 finished rejects', desc(e)));
    next();
  })();
});

step((next) => {
  const r = new Readable({ read() {} });
  const ac = new AbortController();
  finished(r, { signal: ac.signal }, (err) => { log('12 finished aborted', desc(err)); next(); });
  ac.abort();
});

step((next) => {
  const r = new Readable({ read() {} });
  r.push('x');
  r.push(null);
  finished(r, { readable: false }, (err) => { log('13 readable:false', desc(err)); next(); });
});

runSteps();
