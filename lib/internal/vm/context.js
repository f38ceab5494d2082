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

// sandbox -> context record
const contexts = new WeakMap();

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

function makeRealm() {
  const [id, global, anchor] = contextify.makeContext();
  require('internal/errors_v8').install(global);
  silentConsole(global);
  return { id, global, anchor };
}

// Contextifies sandbox (linking it to a new realm) and returns its record.
function contextify_(sandbox, options) {
  const { id, global, anchor } = makeRealm();
  const intrinsics = new Map();
  for (const k of Reflect.ownKeys(global)) {
    const d = Reflect.getOwnPropertyDescriptor(global, k);
    intrinsics.set(k, 'value' in d ? d.value : undefined);
  }
  const rec = { id, global, anchor, sandbox, intrinsics, copied: new Set(), linked: new Map(), options };
  contexts.set(sandbox, rec);
  realms.register(sandbox, id);
  return rec;
}

// A context made with vm.constants.DONT_CONTEXTIFY: the realm's own global.
function plainRealm(options) {
  const { id, global, anchor } = makeRealm();
  const rec = { id, global, anchor, sandbox: global, intrinsics: null, copied: null, options };
  contexts.set(global, rec);
  realms.register(global, id);
  return rec;
}

function getContext(sandbox) {
  return (sandbox !== null && (typeof sandbox === 'object' || typeof sandbox === 'function')) ?
    contexts.get(sandbox) : undefined;
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
    if (linked.has(k) || !('value' in d)) continue;
    let v;
    try { v = sandbox[k]; } catch { continue; }
    if (d.value !== v) {
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
    if (intrinsics.has(k) && !copied.has(k) && global[k] === intrinsics.get(k)) continue;
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
    if (intrinsics.has(k) && intrinsics.get(k) === v && !copied.has(k)) continue;
    // Errors of the sandbox's own traps propagate, as they would in node.
    const cur = sandbox[k];
    const own = Object.prototype.hasOwnProperty.call(sandbox, k);
    if (cur === v && own) continue;
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
