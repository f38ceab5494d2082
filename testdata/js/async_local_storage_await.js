// AsyncLocalStorage follows the store through await (of promises, of plain
// values and of thenables), promise reactions (registered in one store,
// settled from another), async generators, enterWith, exit, timers,
// immediates, ticks, queueMicrotask and fs callbacks; enterWith inside a
// promise job does not leak out of it.
'use strict';
const { AsyncLocalStorage } = require('async_hooks');
const fs = require('fs');

const a = new AsyncLocalStorage();
const b = new AsyncLocalStorage();
const lines = [];
const log = (tag, what) => lines.push(`${tag} ${what}: ${a.getStore()} ${b.getStore()}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function afterAwait() {
  await 0;
  a.enterWith('leaked?');
}

async function inner(tag) {
  log(tag, 'inner start');
  await 5;
  log(tag, 'after await 5');
  await { then(r) { r(1); } };
  log(tag, 'after thenable');
  await Promise.all([sleep(1), sleep(2)]);
  log(tag, 'after Promise.all');
  await Promise.reject(new Error('x')).catch(() => log(tag, 'in catch'));
  try {
    await Promise.reject(new Error('y'));
  } catch {
    log(tag, 'after rejected await');
  }
}

async function* gen(tag) {
  for (let i = 0; i < 2; i++) {
    await sleep(1);
    log(tag, `gen ${i}`);
    yield i;
  }
}

async function main(tag) {
  await inner(tag);
  for await (const x of gen(tag)) log(tag, `got ${x}`);
  await new Promise((r) => fs.stat(__filename, () => { log(tag, 'fs.stat callback'); r(); }));
  a.enterWith(`${tag}-entered`);
  await null;
  log(tag, 'after enterWith');
  await b.run(`B${tag}`, async () => {
    await sleep(1);
    log(tag, 'in b.run');
  });
  log(tag, 'after b.run');
  a.exit(() => log(tag, 'in exit'));
  await new Promise((r) => setImmediate(() => { log(tag, 'immediate'); r(); }));
  await new Promise((r) => process.nextTick(() => { log(tag, 'tick'); r(); }));
  await new Promise((r) => queueMicrotask(() => { log(tag, 'microtask'); r(); }));
  await new Promise((r) => {
    const t = setInterval(() => { log(tag, 'interval'); clearInterval(t); r(); }, 1);
  });
}

(async () => {
  await afterAwait();
  log('top', 'after a job that entered a store');

  let resolveOuter;
  const outer = new Promise((r) => { resolveOuter = r; });
  a.run('X', () => { outer.then(() => log('X', 'then registered in X, settled in Y')); });
  a.run('Y', () => resolveOuter());
  await outer;

  const settled = Promise.resolve(7);
  await a.run('Z', async () => { log('Z', `awaited a settled promise: ${await settled}`); });

  await Promise.all([a.run('A1', () => main('1')), a.run('A2', () => main('2'))]);
  log('top', 'all done');
  // The two mains interleave on timers: print each one's lines in order.
  for (const t of ['top', 'X', 'Z', '1', '2']) {
    for (const l of lines) if (l.startsWith(`${t} `)) console.log(l);
  }
})();
