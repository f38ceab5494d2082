'use strict';
// vm.SourceTextModule / vm.SyntheticModule: linking, evaluation, status,
// namespaces, errors (node --experimental-vm-modules).
const vm = require('vm');
const { inspect } = require('util');

function codeOf(fn) {
  try {
    fn();
    return 'no error';
  } catch (e) {
    return `${e.name} ${e.code ?? ''}`.trim();
  }
}

async function linkerApi() {
  const order = [];
  const dep = new vm.SourceTextModule('export const x = 41; export default "dep";', { identifier: 'dep' });
  const root = new vm.SourceTextModule(`
    import def, { x } from 'dep';
    import { x as again } from 'dep';
    import 'dep' with { type: 'json' };
    export const y = x + 1;
    export { def, again };
  `, { identifier: 'root' });
  console.log(root.status, root.identifier, root.dependencySpecifiers);
  console.log(root.moduleRequests);
  const p = root.link(async (specifier, referrer, extra) => {
    order.push([specifier, referrer.identifier, { ...extra.attributes }]);
    return dep;
  });
  console.log('while linking:', root.status);
  await p;
  console.log(order);
  console.log('linked:', root.status, dep.status);
  console.log(codeOf(() => root.error));
  const ev = root.evaluate();
  console.log(inspect(ev), root.status, dep.status);
  console.log(root.namespace, Object.keys(root.namespace));
  console.log(await root.evaluate());
  console.log(codeOf(() => new vm.SourceTextModule('').namespace));
  await root.link(() => dep).catch((e) => console.log('relink:', e.code));
}

async function syncApi() {
  const a = new vm.SourceTextModule('export * from "b"; export let fromA = "a";');
  const b = new vm.SourceTextModule('export * from "a"; export let fromB = "b";');
  a.linkRequests([b]);
  b.linkRequests([a]);
  a.instantiate();
  console.log(a.status, b.status, Reflect.ownKeys(a.namespace));
  await a.evaluate();
  console.log(a.namespace.fromB, b.namespace.fromA);

  const lonely = new vm.SourceTextModule('export default 1');
  console.log(codeOf(() => lonely.instantiate()));
  const twice = new vm.SourceTextModule('import x from "x";');
  console.log(codeOf(() => twice.linkRequests([lonely, lonely])));
  console.log(codeOf(() => twice.linkRequests([{}])));
  const missing = new vm.SourceTextModule('import { nope } from "x";');
  lonely.linkRequests([]);
  missing.linkRequests([lonely]);
  console.log(codeOf(() => missing.instantiate()), missing.status);
}

async function evaluation() {
  globalThis.count = 0;
  const once = new vm.SourceTextModule('count++; export const c = count;');
  await once.link(() => {});
  await once.evaluate();
  await once.evaluate();
  console.log('evaluated', globalThis.count, 'time(s)');
  delete globalThis.count;

  const thrower = new vm.SourceTextModule('throw new Error("boom");');
  await thrower.link(() => {});
  const p = thrower.evaluate();
  console.log(inspect(p).includes('rejected'), thrower.status, thrower.error.message);
  await p.catch((e) => console.log('rejected with module error:', e === thrower.error));

  const tla = new vm.SourceTextModule('export let v = 1; await null; v = 2;');
  await tla.link(() => {});
  console.log(tla.hasTopLevelAwait());
  const tp = tla.evaluate();
  console.log(inspect(tp), tla.namespace.v);
  await tp;
  console.log(tla.status, tla.namespace.v);

  const unlinked = new vm.SourceTextModule('');
  await unlinked.evaluate().catch((e) => console.log(e.code, e.message));
}

async function synthetic() {
  const s = new vm.SyntheticModule(['x', 'y'], function () {
    this.setExport('x', 'from steps');
  }, { identifier: 'synth' });
  console.log(s.status, s.namespace.x);
  s.setExport('y', 2);
  const user = new vm.SourceTextModule('import { x, y } from "s"; export const both = `${x}/${y}`;');
  await user.link(() => s);
  await user.evaluate();
  console.log(user.namespace.both, s.status);
  console.log(codeOf(() => s.setExport('z', 1)));
  console.log(codeOf(() => new vm.SyntheticModule(['a', 'a'], () => {})));
  const bad = new vm.SyntheticModule([], () => { throw new Error('steps failed'); });
  await bad.evaluate().catch((e) => console.log(e.message, bad.status));
}

async function inContext() {
  const context = vm.createContext({ seen: undefined, secret: 'sandbox' });
  const m = new vm.SourceTextModule('seen = secret + "!"; export const g = typeof process;', { context });
  console.log(m.identifier);
  await m.link(() => {});
  await m.evaluate();
  console.log(context.seen, m.namespace.g, m.context === context);
  const outside = new vm.SourceTextModule('export default 1');
  const inside = new vm.SourceTextModule('import x from "x";', { context });
  await inside.link(() => outside).catch((e) => console.log(e.code, inside.status));
  const meta = new vm.SourceTextModule('export const url = import.meta.url;', {
    initializeImportMeta(m, mod) { m.url = `meta:${mod.identifier}`; },
  });
  await meta.link(() => {});
  await meta.evaluate();
  console.log(meta.namespace.url);
  console.log(inspect(m));
}

async function dynamicImport() {
  const target = new vm.SyntheticModule(['answer'], function () { this.setExport('answer', 42); });
  await target.evaluate();
  const script = new vm.Script('import("target", { with: { kind: "test" } })', {
    importModuleDynamically(specifier, referrer, attributes) {
      console.log('import', specifier, referrer === script, { ...attributes });
      return target;
    },
  });
  const ns = await script.runInThisContext();
  console.log(ns === target.namespace, ns.answer);
  await new vm.Script('import("fs")').runInThisContext().catch((e) => console.log(e.code));
  const mod = new vm.SourceTextModule('export const p = import("x");', {
    identifier: 'dyn',
    importModuleDynamically: (specifier, referrer) => (referrer === mod ? target.namespace : null),
  });
  await mod.link(() => {});
  await mod.evaluate();
  console.log((await mod.namespace.p).answer);
}

(async () => {
  await dynamicImport();
  await linkerApi();
  await syncApi();
  await evaluation();
  await synthetic();
  await inContext();
  console.log(codeOf(() => new vm.Module()));
})();
