'use strict';
// Behaviour fixed in events, event targets, AbortSignal.any, path.win32,
// path.matchesGlob, TextDecoder, timers and perf_hooks.

const path = require('path');
const { on, EventEmitter } = require('events');
const { Writable } = require('stream');

// path.win32: reserved device names ("CON:") and colons keep a path relative.
const w = path.win32;
for (const args of [
  ['\\fileserver\\public\\uploads', 'CON:..\\..\\..\\private\\db.conf'],
  ['a', 'AUX:..\\..'], ['a//b', 'nul:'], ['a/CON:/../b'], ['ab:', 'x'], ['a', 'b:'], ['c:\\', 'x', 'NUL:', '..'],
]) console.log('join', JSON.stringify(args), JSON.stringify(w.join(...args)));
for (const p of ['CON:..\\a', 'CON:', 'con:..\\..\\x', 'NUL:a\\..\\..\\b', 'COM1:..\\..', 'LPT\u00b2:..\\x',
  'COM0:..\\x', 'CONX:..\\y', 'x\\y\\PRN:', 'CON:a:b\\..\\c', 'CON:a\\..\\', '.\\CON:..\\..\\x', 'C:CON:x']) {
  console.log('normalize', JSON.stringify(p), JSON.stringify(w.normalize(p)));
}

// path.matchesGlob: a backslash in a pattern separates; win32 paths use both.
for (const [p, g] of [['foo\\bar', 'foo/bar'], ['foo/bar', 'foo\\bar'], ['foo\\bar\\baz', 'foo\\[bcr]ar\\baz'],
  ['foo\\bar\\baz', 'foo/**'], ['C:\\a', 'c:\\a'], ['foo\\bar\\baz', 'foo\\[!bcr]ar\\baz']]) {
  console.log('glob', JSON.stringify([p, g]), path.win32.matchesGlob(p, g), path.posix.matchesGlob(p, g));
}
try { path.matchesGlob(1, 'x'); } catch (e) { console.log(e.code); }

// 'removeListener' fires when a once listener on a stream runs.
{
  const s = new Writable({ write(c, e, cb) { cb(); } });
  s.on('removeListener', (name) => console.log('removeListener', name));
  s.once('finish', () => console.log('finish'));
  s.end();
}

// events.on: argument checks, and highWaterMark/lowWaterMark pause and resume.
for (const args of [[{}, 'x'], [new EventEmitter(), 'x', null], [new EventEmitter(), 'x', { highWaterMark: 0 }]]) {
  try { on(...args); } catch (e) { console.log(e.code, e.message); }
}
try { on(new EventEmitter(), 'x').throw(); } catch (e) { console.log(e.code, e.message); }

async function watermarks() {
  const ee = new EventEmitter();
  ee.pause = () => console.log('pause');
  ee.resume = () => console.log('resume');
  const it = on(ee, 'x', { highWaterMark: 2, lowWaterMark: 1 });
  for (let i = 0; i < 4; i++) ee.emit('x', i);
  for (let i = 0; i < 4; i++) console.log('got', (await it.next()).value);
  await it.return();
  console.log('listeners after return', ee.listenerCount('x'), ee.listenerCount('error'));
}

// AbortSignal.any: iterables, checks, and abort order (composites follow
// the source signals directly).
function abortAny() {
  const ac = new AbortController();
  const signals = [ac.signal];
  signals.push(AbortSignal.any([ac.signal]));
  signals.push(AbortSignal.any([ac.signal]));
  signals.push(AbortSignal.any([signals[0]]));
  signals.push(AbortSignal.any([signals[1]]));
  let order = '';
  signals.forEach((s, i) => s.addEventListener('abort', () => { order += i; }));
  ac.abort('why');
  console.log('abort order', order, signals.map((s) => s.reason).join());
  const c2 = new AbortController();
  const fromIterable = AbortSignal.any(new Set([c2.signal]));
  c2.abort();
  console.log('iterable', fromIterable.aborted);
  for (const bad of [undefined, 'ab', [null], [{ aborted: true }]]) {
    try { AbortSignal.any(bad); } catch (e) { console.log('any', e.name, e.code); }
  }
}

// TextDecoder: UTF-16 split mid-surrogate, and the single-byte encodings.
function decoders() {
  const bytes = [0x41, 0x00, 0x00, 0xD8, 0x00, 0xDC, 0xFF, 0xDB, 0xFF, 0xDF, 0x42, 0x00];
  for (let len = 1; len <= 5; len++) {
    const d = new TextDecoder('utf-16le');
    let out = '';
    for (let i = 0; i < bytes.length; i += len) out += d.decode(Uint8Array.from(bytes.slice(i, i + len)), { stream: true });
    out += d.decode();
    console.log('utf-16 chunks of', len, JSON.stringify(out));
  }
  const sample = Uint8Array.of(0x41, 0x80, 0xA5, 0xC1, 0xE1, 0xFF);
  for (const label of ['koi8-r', 'latin2', 'cp1251', 'iso-8859-3', 'ibm866', 'mac', 'windows-874', 'x-user-defined',
    'iso-8859-8-i', 'ascii', 'x-mac-ukrainian']) {
    const d = new TextDecoder(label);
    console.log('decode', label, d.encoding, JSON.stringify(d.decode(sample)));
    try {
      new TextDecoder(label, { fatal: true }).decode(sample);
      console.log('  fatal ok');
    } catch (e) {
      console.log('  fatal', e.code);
    }
  }
  console.log('BOM kept in single-byte', JSON.stringify(new TextDecoder('windows-1252').decode(Uint8Array.of(0xEF, 0xBB, 0xBF))));
  try { new TextDecoder('constructor'); } catch (e) { console.log(e.code); }
}

// perf_hooks: the entry-type constants exist but are not enumerable.
function perf() {
  const { constants } = require('perf_hooks');
  console.log('gc constant', constants.NODE_PERFORMANCE_ENTRY_TYPE_GC, constants.NODE_PERFORMANCE_ENTRY_TYPE_DNS,
              Object.keys(constants).includes('NODE_PERFORMANCE_ENTRY_TYPE_GC'), Object.keys(constants).length);
  try {
    performance.mark();
  } catch (e) {
    console.log('mark()', e.code);
  }
  console.log('mark(undefined)', performance.mark(undefined).name);
}

// timers: a refreshed timer runs after one set after it; breaking out of a
// promisified interval detaches from the signal at once.
function timers() {
  return new Promise((resolve) => {
    const order = [];
    const a = setTimeout(() => order.push('a'), 1);
    setTimeout(() => order.push('b'), 1);
    a.refresh();
    setTimeout(() => {
      console.log('refresh order', order.join(''));
      resolve();
    }, 20);
  });
}

async function interval() {
  const { setInterval } = require('timers/promises');
  const ac = new AbortController();
  let n = 0;
  for await (const v of setInterval(1, 'tick', { signal: ac.signal })) {
    if (++n === 2) break;
    console.log('interval', v);
  }
  const { getEventListeners } = require('events');
  console.log('abort listeners after break', getEventListeners(ac.signal, 'abort').length);
  const it = setInterval('x');
  await it.next().catch((e) => console.log('first next rejects', e.code));
}

(async () => {
  await new Promise((r) => setImmediate(r));
  await watermarks();
  abortAny();
  decoders();
  perf();
  await timers();
  await interval();
})();
