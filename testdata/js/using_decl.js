'use strict';
// Explicit resource management: `using` and `await using` declarations
// (rewritten by the loader, as the engine cannot parse them), dispose order,
// errors suppressed during disposal (SuppressedError), DisposableStack and
// AsyncDisposableStack, and Symbol.dispose on node objects.
const log = [];
const res = (name, fail = false) => ({
  [Symbol.dispose]() {
    log.push(`dispose ${name}`);
    if (fail) throw new Error(`fail ${name}`);
  },
});

{
  using a = res('a');
  using b = res('b');
  using nothing = null;
  log.push('block body');
}
console.log(log.splice(0).join(', '));

try {
  using a = res('a', true);
  using b = res('b', true);
  throw new Error('body');
} catch (e) {
  console.log(e.name, e.message, '| error:', e.error.message, '| suppressed:', e.suppressed.name, e.suppressed.error.message, e.suppressed.suppressed.message);
}
console.log(log.splice(0).join(', '));

try {
  using x = { notDisposable: true };
} catch (e) {
  console.log('not disposable:', e.name);
}

const stack = new DisposableStack();
stack.defer(() => log.push('deferred'));
stack.use(res('used'));
stack.adopt(42, (v) => log.push(`adopted ${v}`));
const moved = stack.move();
console.log('moved:', stack.disposed, moved.disposed);
moved.dispose();
console.log(log.splice(0).join(', '), moved.disposed, Object.prototype.toString.call(moved));
try { moved.use(res('late')); } catch (e) { console.log('after dispose:', e.name); }

(async () => {
  {
    await using a = { async [Symbol.asyncDispose]() { await null; log.push('async a'); } };
    await using b = res('sync fallback');
    log.push('async body');
  }
  console.log(log.splice(0).join(', '));
  const as = new AsyncDisposableStack();
  as.defer(async () => log.push('async deferred'));
  await as.disposeAsync();
  console.log(log.splice(0).join(', '), typeof Symbol.asyncDispose, String(Symbol.dispose));
  const t = setTimeout(() => console.log('timer ran (never)'), 50);
  t[Symbol.dispose]();
  const e = new SuppressedError(new Error('e'), new Error('s'), 'msg');
  console.log(e instanceof Error, e.name, e.message, e.error.message, e.suppressed.message);
})();
