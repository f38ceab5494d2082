'use strict';
// Contextified objects: each vm context is a separate engine realm whose
// global object is linked to a sandbox object of the caller's realm.
//
// The realm's global object gets a Proxy as prototype: a global name that
// the realm does not define itself is looked up in, and assigned to, the
// sandbox. Names the script declares (var, function) become own properties
// of the realm's global object; they are copied to the sandbox after each
// run, and sandbox values are copied over them (and over intrinsics the
// sandbox overrides) before each run.

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

function makeRealm() {
  const [id, global] = contextify.makeContext();
  silentConsole(global);
  return { id, global };
}

// Contextifies sandbox (linking it to a new realm) and returns its record.
function contextify_(sandbox, options) {
  const { id, global } = makeRealm();
  const base = Object.getPrototypeOf(global);
  const intrinsics = new Map();
  for (const k of Reflect.ownKeys(global)) {
    const d = Reflect.getOwnPropertyDescriptor(global, k);
    intrinsics.set(k, 'value' in d ? d.value : undefined);
  }
  const rec = { id, global, sandbox, intrinsics, copied: new Set(), options };
  const link = new Proxy(Object.create(null), {
    get(target, key, receiver) {
      if (Reflect.has(sandbox, key)) return Reflect.get(sandbox, key);
      return Reflect.get(base, key, receiver);
    },
    set(target, key, value) {
      return Reflect.set(sandbox, key, value);
    },
    has(target, key) {
      return Reflect.has(sandbox, key) || Reflect.has(base, key);
    },
  });
  Object.setPrototypeOf(global, link);
  contexts.set(sandbox, rec);
  return rec;
}

// A context made with vm.constants.DONT_CONTEXTIFY: the realm's own global.
function plainRealm(options) {
  const { id, global } = makeRealm();
  const rec = { id, global, sandbox: global, intrinsics: null, copied: null, options };
  contexts.set(global, rec);
  return rec;
}

function getContext(sandbox) {
  return (sandbox !== null && (typeof sandbox === 'object' || typeof sandbox === 'function')) ?
    contexts.get(sandbox) : undefined;
}

// Copies sandbox values over the realm's own globals of the same name.
function syncIn(rec) {
  if (rec.intrinsics === null) return;
  const { global, sandbox } = rec;
  for (const k of Reflect.ownKeys(sandbox)) {
    if (!Object.prototype.hasOwnProperty.call(global, k)) continue;
    let v;
    try { v = sandbox[k]; } catch { continue; }
    if (global[k] !== v) {
      try { global[k] = v; } catch { /* read-only */ }
    }
    rec.copied.add(k);
  }
}

// Copies the realm's own globals that scripts created or changed (and
// those the sandbox overrides) to the sandbox.
function syncOut(rec) {
  if (rec.intrinsics === null) return;
  const { global, sandbox, intrinsics, copied } = rec;
  for (const k of Reflect.ownKeys(global)) {
    const d = Reflect.getOwnPropertyDescriptor(global, k);
    if (d === undefined || !('value' in d)) continue;
    const v = d.value;
    if (intrinsics.has(k) && intrinsics.get(k) === v && !copied.has(k)) continue;
    let cur;
    try { cur = sandbox[k]; } catch { continue; }
    if (cur === v && Object.prototype.hasOwnProperty.call(sandbox, k)) continue;
    try {
      if (Object.prototype.hasOwnProperty.call(sandbox, k)) {
        sandbox[k] = v;
      } else {
        Object.defineProperty(sandbox, k, {
          value: v, writable: true, configurable: true,
          enumerable: d.enumerable || !intrinsics.has(k),
        });
      }
      copied.add(k);
    } catch { /* frozen sandbox */ }
  }
}

module.exports = { contextify: contextify_, plainRealm, getContext, syncIn, syncOut };
