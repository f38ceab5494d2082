'use strict';
// node:util beyond inspect: promisify/callbackify, inherits, deprecate,
// isDeepStrictEqual, types, parseArgs, MIMEType, error maps, styleText.
const util = require('util');
const log = (...a) => console.log(...a);
const t = util.types;
log(t.isPromise(Promise.resolve()), t.isProxy(new Proxy({}, {})), t.isProxy({}), t.isAsyncFunction(async () => {}),
  t.isGeneratorFunction(function* () {}), t.isGeneratorObject((function* () {})()), t.isUint8Array(new Uint8Array()),
  t.isUint8Array(new Int8Array()), t.isTypedArray(new Float32Array()), t.isBoxedPrimitive(Object(1n)),
  t.isNativeError(new TypeError()), t.isNativeError({ name: 'Error' }), t.isMap(new Map()), t.isDate({}),
  t.isDate(new Date()), t.isRegExp(/x/), t.isArrayBuffer(new ArrayBuffer(1)), t.isAnyArrayBuffer(new SharedArrayBuffer(1)),
  t.isSet(new Set()), t.isWeakMap(new WeakMap()), t.isMapIterator(new Map().keys()), t.isSetIterator(new Set().values()),
  t.isArgumentsObject((function () { return arguments; })()), t.isDataView(new DataView(new ArrayBuffer(1))),
  t.isStringObject(new String('')), t.isArrayBufferView(new Uint8Array()), require('util/types') === t);
const eq = util.isDeepStrictEqual;
log(eq({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), eq([1], ['1']), eq(new Set([1, {}]), new Set([{}, 1])),
  eq(-0, 0), eq(NaN, NaN), eq(new Map([[1, { a: 1 }]]), new Map([[1, { a: 1 }]])), eq(new Date(1), new Date(1)),
  eq([1, , 3], [1, undefined, 3]), eq(Object.create(null), {}), eq(/a/g, /a/g), eq(/a/g, /a/i),
  eq(new Uint8Array([1, 2]), new Uint8Array([1, 2])), eq({ [Symbol.for('s')]: 1 }, {}), eq(new Error('x'), new Error('x')));
const cyc1 = { a: 1 };
cyc1.self = cyc1;
const cyc2 = { a: 1 };
cyc2.self = cyc2;
log(eq(cyc1, cyc2));
log(util.parseArgs({
  args: ['-f', '--bar=b', 'pos', '-ac', '--no-color', '-s', 'sv', '--multi', 'm1', '--multi', 'm2'],
  options: {
    foo: { type: 'boolean', short: 'f' }, bar: { type: 'string' }, a: { type: 'boolean' }, c: { type: 'boolean' },
    color: { type: 'boolean' }, d: { type: 'string', default: 'dd' }, str: { type: 'string', short: 's' },
    multi: { type: 'string', multiple: true },
  },
  allowPositionals: true,
  allowNegative: true,
}));
log(util.parseArgs({ args: ['-x', '--y=1', 'p'], strict: false }));
log(util.parseArgs({ args: ['--a', '--', '--b'], options: { a: { type: 'boolean' } }, allowPositionals: true, tokens: true }).tokens);
for (const cfg of [
  { args: ['--unknown'], options: {} },
  { args: ['--s'], options: { s: { type: 'string', short: 'S' } } },
  { args: ['--b=1'], options: { b: { type: 'boolean' } } },
  { args: ['x'], options: {} },
]) {
  try {
    util.parseArgs(cfg);
  } catch (e) {
    log(e.code, e.message);
  }
}
const m = new util.MIMEType('Text/HTML; Charset="utf-8"; foo=bar;x');
log(m.essence, m.type, m.subtype, m.params.get('charset'), String(m), [...m.params.keys()], JSON.stringify(m));
m.params.set('q', 'a b');
log(String(m));
try {
  new util.MIMEType('te xt/plain');
} catch (e) {
  log(e.code, e.message);
}
log(util.getSystemErrorName(-2), util.getSystemErrorName(-13), util.getSystemErrorMap().get(-98), util.getSystemErrorMap().size > 50);
log(util.toUSVString('a\ud800b'), util.stripVTControlCharacters('\u001b[31mred\u001b[39m'), util.styleText('red', 'piped'));
log(typeof util.inspect.custom, util.inspect.custom === Symbol.for('nodejs.util.inspect.custom'),
  util.promisify.custom === Symbol.for('nodejs.util.promisify.custom'));
function A() {}
function B() {}
util.inherits(A, B);
log(Object.getPrototypeOf(A.prototype) === B.prototype, A.super_ === B);
const p = util.promisify((a, cb) => cb(null, a * 2));
p(21).then((v) => log('promisified', v));
util.promisify((cb) => cb(new Error('perr')))().catch((e) => log('promisify rejects', e.message));
function withCustom() {}
withCustom[util.promisify.custom] = () => Promise.resolve('custom');
log(util.promisify(withCustom) === withCustom[util.promisify.custom]);
util.callbackify(async (x) => x + 1)(1, (err, v) => log('callbackified', err, v));
util.callbackify(async () => { throw null; })((err) => log('falsy', err.code, err.message, err.reason));
const dbg = util.debuglog('gonodetestsection');
dbg('not printed');
log(dbg.enabled, util.parseEnv('A=1\nB="two\\nlines"\n# c\nexport C = x # comment\n'));
