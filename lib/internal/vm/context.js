'use strict';
// Contextified objects: each vm context is a separate engine realm whose
// global object is linked to a sandbox object of the caller's realm.
//
// Before each run, every sandbox name that the realm does not define
// becomes an accessor of the realm's global object reading and writing the
// sandbox. Names the script creates (var, function, assignments to
// undeclared names) become own properties of the realm's global object;
// they are copied to the sandbox after each run, and sandbox values are
// copied over them (and over intrinsics the sandbox overrides) before each
// run. (A Proxy as the global's prototype would see sandbox changes made
// during a run, but the engine then cannot throw ReferenceError for
// unknown names.)

const contextify = internalBinding('contextify');

// sandbox -> context record. The record is kept in a private field of the
// sandbox (a class field attached through a base constructor returning
// the sandbox): unlike a WeakMap entry, whose value reaches its key here
// (the realm's globals read the sandbox), the engine collects that cycle
// once nothing else reaches it. Private fields are invisible to the
// program, like node's private symbols.
class Stamp {
  constructor(target) { return target; }
}
class ContextStamp extends Stamp {
  #rec;
  constructor(target, rec) {
    super(target);
    this.#rec = rec;
  }
  static get(o) { return #rec in o ? o.#rec : undefined; }
}
// Fallback for objects that cannot take the field.
const contexts = new WeakMap();

function setContext(sandbox, rec) {
  try {
    new ContextStamp(sandbox, rec);
  } catch {
    contexts.set(sandbox, rec);
  }
}

function noop() {}

// V8 gives every context a console whose methods print nothing unless an
// inspector is attached; give new realms the same silent console.
function silentConsole(g) {
  const names = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'dirxml', 'table',
    'group', 'groupCollapsed', 'groupEnd', 'clear', 'count', 'countReset', 'assert',
    'time', 'timeEnd', 'timeLog', 'timeStamp', 'profile', 'profileEnd'];
  const c = new g.Object();
  for (const n of names) c[n] = noop;
  Object.defineProperty(g, 'console', { value: c, writable: true, configurable: true, enumerable: false });
}

// Drops a realm from the binding's table once its sandbox is collected
// (the engine frees the realm itself when nothing reaches it any more).
const realms = new FinalizationRegistry((id) => contextify.forgetContext(id));

// Run in a realm made with codeGeneration.strings false: eval and the
// function constructors throw the realm's EvalError, as in V8.
const blockCodeGeneration = `(function () {
  'use strict';
  const message = 'Code generation from strings disallowed for this context';
  const blockedEval = {
    eval(x) { throw new EvalError(message); },
  }.eval;
  Object.defineProperty(globalThis, 'eval', { value: blockedEval, writable: true, configurable: true });
  const ctors = [Function, (async function () {}).constructor,
    (function* () {}).constructor, (async function* () {}).constructor];
  for (const C of ctors) {
    const blocked = function () { throw new EvalError(message); };
    Object.defineProperty(blocked, 'name', { value: C.name });
    Object.defineProperty(blocked, 'length', { value: C.length });
    blocked.prototype = C.prototype;
    Object.setPrototypeOf(blocked, Object.getPrototypeOf(C));
    Object.defineProperty(C.prototype, 'constructor', { value: blocked, writable: false, configurable: true });
    if (C === Function) {
      Object.defineProperty(globalThis, 'Function', { value: blocked, writable: true, configurable: true });
    }
  }
})()`;

function makeRealm(options) {
  const [id, global, anchor] = contextify.makeContext();
  require('internal/errors_v8').install(global);
  silentConsole(global);
  if (options?.codeGeneration?.strings === false) {
    contextify.runScript(blockCodeGeneration, 'node:vm', id, 0, false);
  }
  return { id, global, anchor };
}

// Contextifies sandbox (linking it to a new realm) and returns its record.
function contextify_(sandbox, options) {
  const { id, global, anchor } = makeRealm(options);
  const intrinsics = new Map();
  for (const k of Reflect.ownKeys(global)) {
    const d = Reflect.getOwnPropertyDescriptor(global, k);
    intrinsics.set(k, 'value' in d ? d.value : undefined);
  }
  const rec = { id, global, anchor, sandbox, intrinsics, copied: new Set(), linked: new Map(), options };
  setContext(sandbox, rec);
  realms.register(sandbox, id);
  return rec;
}

// A context made with vm.constants.DONT_CONTEXTIFY: the realm's own global.
function plainRealm(options) {
  const { id, global, anchor } = makeRealm(options);
  const rec = { id, global, anchor, sandbox: global, intrinsics: null, copied: null, options };
  setContext(global, rec);
  realms.register(global, id);
  return rec;
}

function getContext(sandbox) {
  if (sandbox === null || (typeof sandbox !== 'object' && typeof sandbox !== 'function')) return undefined;
  return ContextStamp.get(sandbox) ?? contexts.get(sandbox);
}

// The names to link: the sandbox's own keys and its inherited enumerable
// ones. A sandbox (a Proxy) whose traps throw links nothing more: node
// calls its traps only as the script uses names.
function sandboxKeys(sandbox) {
  try {
    const keys = Reflect.ownKeys(sandbox);
    for (const k in sandbox) {
      if (!Object.prototype.hasOwnProperty.call(sandbox, k)) keys.push(k);
    }
    return keys;
  } catch {
    return [];
  }
}

function sandboxDescriptor(sandbox, k) {
  try {
    return Reflect.getOwnPropertyDescriptor(sandbox, k);
  } catch {
    return undefined;
  }
}

// Before a run: sandbox names the realm does not define become accessors
// of the realm's global object that read and write the sandbox; sandbox
// values are copied over the realm's own globals of the same name.
function syncIn(rec) {
  if (rec.intrinsics === null) return;
  const { global, sandbox, linked, copied } = rec;
  for (const [k, accessor] of linked) {
    let has = true;
    try { has = Reflect.has(sandbox, k); } catch { /* keep it */ }
    if (!has) {
      const d = Reflect.getOwnPropertyDescriptor(global, k);
      if (d !== undefined && d.get === accessor.get) Reflect.deleteProperty(global, k);
      linked.delete(k);
    }
  }
  for (const k of sandboxKeys(sandbox)) {
    const d = Reflect.getOwnPropertyDescriptor(global, k);
    if (d === undefined) {
      const sd = sandboxDescriptor(sandbox, k);
      let accessor;
      if (sd !== undefined && 'value' in sd && !sd.writable && !sd.configurable) {
        // A constant: the same data property.
        Reflect.defineProperty(global, k, sd);
        continue;
      }
      if (sd !== undefined && !('value' in sd)) {
        // Accessors of the sandbox appear as they are.
        accessor = { get: sd.get, set: sd.set };
      } else {
        accessor = {
          get() {
            const v = sandbox[k];
            return v === sandbox ? global : v;
          },
          set(v) { sandbox[k] = v; },
        };
      }
      Reflect.defineProperty(global, k, {
        get: accessor.get, set: accessor.set,
        configurable: sd === undefined || 'value' in sd || sd.configurable,
        enumerable: sd === undefined || sd.enumerable,
      });
      linked.set(k, accessor);
      continue;
    }
    const own = linked.get(k);
    if (own !== undefined) {
      if (d.get === own.get && d.set === own.set) continue;
      linked.delete(k); // the script replaced the link
    }
    if (!('value' in d)) continue;
    let v;
    try { v = sandbox[k]; } catch { continue; }
    if (!Object.is(d.value, v)) {
      try { global[k] = v; } catch { /* read-only */ }
    }
    copied.add(k);
  }
}

// After a run: the realm's own data globals that scripts created or
// changed (and those the sandbox overrides) are copied to the sandbox.
function syncOut(rec) {
  if (rec.intrinsics === null) return;
  const { global, sandbox, intrinsics, copied, linked } = rec;
  for (const k of Reflect.ownKeys(global)) {
    // Fast path: an intrinsic still holding its value.
    if (intrinsics.has(k) && !copied.has(k) && Object.is(global[k], intrinsics.get(k))) continue;
    const d = Reflect.getOwnPropertyDescriptor(global, k);
    if (d === undefined) continue;
    if (!('value' in d)) {
      // An accessor the script defined on its global object.
      const own = linked.get(k);
      if (own !== undefined && own.get === d.get && own.set === d.set) continue;
      if (intrinsics.has(k) && !copied.has(k)) continue;
      const sd = Reflect.getOwnPropertyDescriptor(sandbox, k);
      if (sd !== undefined && sd.get === d.get && sd.set === d.set) continue;
      try {
        Object.defineProperty(sandbox, k, { get: d.get, set: d.set, enumerable: d.enumerable, configurable: true });
        linked.set(k, { get: d.get, set: d.set });
      } catch { /* frozen sandbox */ }
      continue;
    }
    const v = d.value;
    if (intrinsics.has(k) && Object.is(intrinsics.get(k), v) && !copied.has(k)) continue;
    // Errors of the sandbox's own traps propagate, as they would in node.
    const cur = sandbox[k];
    const own = Object.prototype.hasOwnProperty.call(sandbox, k);
    if (Object.is(cur, v) && own) continue;
    if (own) {
      Reflect.set(sandbox, k, v);
    } else {
      Reflect.defineProperty(sandbox, k, {
        value: v, writable: true, configurable: true,
        enumerable: d.enumerable || !intrinsics.has(k),
      });
    }
    copied.add(k);
  }
}

module.exports = { contextify: contextify_, plainRealm, getContext, syncIn, syncOut };
