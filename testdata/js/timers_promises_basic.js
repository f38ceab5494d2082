const tp = require('timers/promises');
const { setTimeout: sleep, setImmediate: imm, setInterval: every, scheduler } = tp;
(async () => {
  console.log(await sleep(5, 'a'));
  console.log(await imm('b'));
  const ac = new AbortController();
  const p = sleep(1000, 'x', { signal: ac.signal });
  ac.abort('because');
  try { await p; } catch (e) { console.log(e.name, e.code, e.message, e.cause); }
  try { await sleep(1, 'x', { signal: AbortSignal.abort() }); } catch (e) { console.log(e.name, e.code, e.cause.name); }
  try { await sleep(1, 'x', 'bad'); } catch (e) { console.log(e.code, e.message); }
  try { await sleep(1, 'x', { ref: 1 }); } catch (e) { console.log(e.code, e.message); }
  try { await sleep(1, 'x', { signal: 1 }); } catch (e) { console.log(e.code, e.message); }
  let n = 0;
  for await (const v of every(5, 'tick')) { console.log(v, ++n); if (n === 3) break; }
  const ac2 = new AbortController();
  try {
    for await (const v of every(5, 'i', { signal: ac2.signal })) { console.log(v); ac2.abort(); }
  } catch (e) { console.log('interval', e.name, e.code); }
  await scheduler.wait(5);
  console.log('waited', await scheduler.yield());
  console.log(require('timers').promises === tp);
  const order = [];
  const a = sleep(10).then(() => order.push('t10'));
  const b = imm().then(() => order.push('imm'));
  const c = sleep(1).then(() => order.push('t1'));
  await Promise.all([a, b, c]);
  // imm vs t1 depends on whether 1 ms has passed when the loop starts (as
  // in node); the 10 ms timer is last either way.
  console.log(order.length, order[2]);
  sleep(100000, null, { ref: false }).then(() => console.log('never'));
})();
