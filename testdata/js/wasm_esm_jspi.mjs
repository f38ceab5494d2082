// WebAssembly: import of a .wasm file (ESM integration), JSPI
// (Suspending/promising), and a Module posted to a worker.
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

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
const I32 = 0x7f;
const functype = (params, results) => [0x60, ...vec(params.map((x) => [x])), ...vec(results.map((x) => [x]))];
const code = (ops) => {
  const b = [0, ...ops, 0x0b];
  return [...u32(b.length), ...b];
};
const exp = (name, kind, index) => [...str(name), kind, ...u32(index)];

// (import "./dep.mjs" "twice" (func (param i32) (result i32)))
// (global (export "answer") i32 (i32.const 42))
// (func (export "quad") (param i32) (result i32) local.get 0 call 0 call 0)
const bytes = wasm(
  section(1, vec([functype([I32], [I32])])),
  section(2, vec([[...str('./dep.mjs'), ...str('twice'), 0, 0]])),
  section(3, vec([[0]])),
  section(6, vec([[I32, 0, 0x41, 42, 0x0b]])),
  section(7, vec([exp('quad', 0, 1), exp('answer', 3, 0)])),
  section(10, vec([code([0x20, 0, 0x10, 0, 0x10, 0])])),
);

const dir = mkdtempSync(join(tmpdir(), 'wasm-esm-'));
try {
  writeFileSync(join(dir, 'dep.mjs'), 'export let calls = 0;\nexport function twice(x) { calls++; return x * 2; }\n');
  writeFileSync(join(dir, 'mod.wasm'), bytes);
  const ns = await import(pathToFileURL(join(dir, 'mod.wasm')).href);
  const dep = await import(pathToFileURL(join(dir, 'dep.mjs')).href);
  console.log('esm', Object.keys(ns), ns.quad(5), ns.answer, dep.calls);
} finally {
  rmSync(dir, { recursive: true });
}

// JSPI: the same shape, with the import suspending on a promise.
const { instance } = await WebAssembly.instantiate(bytes, {
  './dep.mjs': {
    twice: new WebAssembly.Suspending(async (x) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return x * 2;
    }),
  },
});
const quad = WebAssembly.promising(instance.exports.quad);
const p = quad(3);
console.log('promising returns a promise', p instanceof Promise);
console.log('jspi', await p, await Promise.all([quad(1), quad(2)]));
try {
  instance.exports.quad(1);
} catch (e) {
  console.log('without promising:', e.name, e instanceof WebAssembly.SuspendError);
}

// A Module posted to a worker compiles there.
const module = new WebAssembly.Module(bytes);
const worker = new Worker(`
const { parentPort } = require('node:worker_threads');
parentPort.once('message', (m) => {
  const i = new WebAssembly.Instance(m, { './dep.mjs': { twice: (x) => x + x } });
  parentPort.postMessage([m instanceof WebAssembly.Module, i.exports.quad(10)]);
});
`, { eval: true });
worker.once('message', (msg) => {
  console.log('worker', msg);
  worker.terminate();
});
worker.postMessage(module);
