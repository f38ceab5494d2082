'use strict';
// WebAssembly JS API: modules assembled from literal bytes.

function u32(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}
const str = (s) => [...u32(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
const vec = (items) => [...u32(items.length), ...items.flat()];
const section = (id, body) => [id, ...u32(body.length), ...body];
const wasm = (...sections) => new Uint8Array([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...sections.flat()]);
const I32 = 0x7f, I64 = 0x7e, F32 = 0x7d, F64 = 0x7c;
const functype = (params, results) => [0x60, ...vec(params.map((x) => [x])), ...vec(results.map((x) => [x]))];
const code = (locals, ops) => {
  const b = [...vec(locals), ...ops, 0x0b];
  return [...u32(b.length), ...b];
};
const exp = (name, kind, index) => [...str(name), kind, ...u32(index)];

// Module A: imports env.log (function) and env.mem (memory).
const typesA = section(1, vec([
  functype([I32, I32], [I32]), // 0
  functype([I32], []), // 1
  functype([], [I32]), // 2
  functype([I64, I64], [I64]), // 3
  functype([I32], [I32]), // 4
  functype([F32, F64], [F64]), // 5
]));
const importsA = section(2, vec([
  [...str('env'), ...str('log'), 0, 1],
  [...str('env'), ...str('mem'), 2, 0, 1],
]));
// Functions 1.. (0 is the import).
const funcsA = section(3, vec([[0], [0], [1], [2], [0], [3], [4], [4], [5]]));
const exportsA = section(7, vec([
  exp('add', 0, 1), exp('sum', 0, 2), exp('callLog', 0, 3), exp('trap', 0, 4),
  exp('div', 0, 5), exp('add64', 0, 6), exp('load', 0, 7), exp('grow', 0, 8), exp('mix', 0, 9),
]));
const codeA = section(10, vec([
  code([], [0x20, 0, 0x20, 1, 0x6a]), // add
  code([[1, I32]], [ // sum(ptr, len): bytes added up
    0x02, 0x40, 0x03, 0x40,
    0x20, 1, 0x45, 0x0d, 1,
    0x20, 2, 0x20, 0, 0x2d, 0, 0, 0x6a, 0x21, 2,
    0x20, 0, 0x41, 1, 0x6a, 0x21, 0,
    0x20, 1, 0x41, 1, 0x6b, 0x21, 1,
    0x0c, 0, 0x0b, 0x0b,
    0x20, 2,
  ]),
  code([], [0x20, 0, 0x10, 0]), // callLog(x): log(x)
  code([], [0x00]), // trap: unreachable
  code([], [0x20, 0, 0x20, 1, 0x6d]), // div: i32.div_s
  code([], [0x20, 0, 0x20, 1, 0x7c]), // add64
  code([], [0x20, 0, 0x2d, 0, 0]), // load(ptr): i32.load8_u
  code([], [0x20, 0, 0x40, 0]), // grow(n): memory.grow
  code([], [0x20, 0, 0xbb, 0x20, 1, 0xa0]), // mix(f32, f64): f64.promote + add
]));
const bytesA = wasm(typesA, importsA, funcsA, exportsA, codeA);

console.log('validate', WebAssembly.validate(bytesA), WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 2, 0, 0, 0])));
const modA = new WebAssembly.Module(bytesA);
console.log('imports', WebAssembly.Module.imports(modA));
console.log('exports', WebAssembly.Module.exports(modA).map((e) => `${e.name}:${e.kind}`).join(' '));

const logged = [];
const mem = new WebAssembly.Memory({ initial: 1, maximum: 4 });
const instA = new WebAssembly.Instance(modA, { env: { log: (x) => logged.push(x), mem } });
const a = instA.exports;
console.log('add', a.add(2, 3), a.add(0x7fffffff, 1), a.add('4', 1.9), a.add(), a.add.length, a.add.name);
console.log('add64', a.add64(1n, 2n), a.add64(0x7fffffffffffffffn, 1n));
try {
  a.add64(1, 2);
} catch (e) {
  console.log('add64 number:', e instanceof TypeError);
}
console.log('mix', a.mix(1.5, 0.25), a.mix(0.1, 0));

// JS writes memory, wasm reads it (and the reverse).
const u8 = new Uint8Array(mem.buffer);
u8.set([1, 2, 3, 4, 250], 100);
console.log('sum', a.sum(100, 5), 'byteLength', mem.buffer.byteLength, mem.buffer === mem.buffer);
console.log('load', a.load(104), a.load(65535));

// Imported JS function called from wasm.
a.callLog(7);
a.callLog(-1);
console.log('logged', logged);

// A JS exception crosses wasm unchanged.
const boom = new Error('boom');
const instThrow = new WebAssembly.Instance(modA, { env: { log() { throw boom; }, mem } });
try {
  instThrow.exports.callLog(1);
} catch (e) {
  console.log('host throw same error:', e === boom);
}

// Traps.
for (const [name, f] of [['unreachable', () => a.trap()], ['div0', () => a.div(1, 0)],
  ['overflow', () => a.div(-0x80000000, -1)], ['oob', () => a.load(70000)]]) {
  try {
    f();
    console.log(name, 'no trap');
  } catch (e) {
    console.log(name, e instanceof WebAssembly.RuntimeError, e.name, e.message);
  }
}

// Growing detaches the old buffer; wasm sees the new pages.
const before = mem.buffer;
console.log('grow from JS', mem.grow(1), before.byteLength, mem.buffer.byteLength);
const b2 = mem.buffer;
console.log('grow from wasm', a.grow(1), b2.byteLength, mem.buffer.byteLength);
new Uint8Array(mem.buffer)[2 * 65536 + 5] = 99;
console.log('load new page', a.load(2 * 65536 + 5), 'grow past max', a.grow(5));
try {
  mem.grow(10);
} catch (e) {
  console.log(e.name, e.message);
}

// Link errors.
for (const imports of [{ env: { log: 1, mem } }, { env: { log() {}, mem: {} } }, { env: { log() {} } }]) {
  try {
    new WebAssembly.Instance(modA, imports);
  } catch (e) {
    console.log(e.name, e instanceof WebAssembly.LinkError, e.message);
  }
}
try {
  new WebAssembly.Instance(modA);
} catch (e) {
  console.log(e.name, e.message);
}
try {
  new WebAssembly.Instance(modA, { env: { log() {}, mem: new WebAssembly.Memory({ initial: 1, maximum: 10 }) } });
  console.log('bigger maximum links');
} catch (e) {
  console.log(e.name, e.message);
}

// Module B: defines and exports a memory (with data) and a mutable global.
const bytesB = wasm(
  section(1, vec([functype([], [I32])])),
  section(3, vec([[0], [0]])),
  section(5, vec([[1, 1, 2]])),
  section(6, vec([[I32, 1, 0x41, 7, 0x0b]])),
  section(7, vec([exp('memory', 2, 0), exp('counter', 3, 0), exp('inc', 0, 0), exp('size', 0, 1)])),
  section(10, vec([
    code([], [0x23, 0, 0x41, 1, 0x6a, 0x24, 0, 0x23, 0]),
    code([], [0x3f, 0]),
  ])),
  section(11, vec([[0, 0x41, 16, 0x0b, ...str('hello')]])),
  section(0, [...str('note'), 1, 2, 3]),
);
WebAssembly.instantiate(bytesB).then(({ module, instance }) => {
  const e = instance.exports;
  console.log('B exports', Object.keys(e), e.memory instanceof WebAssembly.Memory, e.counter instanceof WebAssembly.Global);
  console.log('data', Buffer.from(e.memory.buffer, 16, 5).toString());
  console.log('global', e.counter.value, e.inc(), e.inc(), e.counter.value);
  e.counter.value = 100;
  console.log('global set', e.inc());
  console.log('same memory object', e.memory === instance.exports.memory, e.size());
  const cs = WebAssembly.Module.customSections(module, 'note');
  console.log('custom', cs.length, [...new Uint8Array(cs[0])], WebAssembly.Module.customSections(module, 'x').length);
  return WebAssembly.instantiate(module, { env: {} });
}).then((inst) => {
  console.log('instantiate(module)', inst instanceof WebAssembly.Instance, inst.exports.inc());
  return WebAssembly.compile(new Uint8Array([1, 2, 3, 4]));
}).catch((e) => {
  console.log('compile rejects', e.name, e instanceof WebAssembly.CompileError);
  const g = new WebAssembly.Global({ value: 'i64', mutable: true }, 5n);
  g.value = 6n;
  const f = new WebAssembly.Global({ value: 'f32' }, 1.1);
  console.log('globals', g.value, f.value, String(f), Object.prototype.toString.call(g));
  try {
    f.value = 2;
  } catch (err) {
    console.log(err.name);
  }
});
