'use strict';
// node:diagnostics_channel: channels, subscribers, stores, tracing channels.
const dc = require('node:diagnostics_channel');
const { AsyncLocalStorage } = require('node:async_hooks');

const ch = dc.channel('my-channel');
console.log(ch instanceof dc.Channel, ch.name, ch.hasSubscribers, dc.hasSubscribers('my-channel'));
console.log('same object:', dc.channel('my-channel') === ch);

function onMessage(message, name) {
  console.log('got', JSON.stringify(message), 'on', name);
}
ch.subscribe(onMessage);
console.log('after subscribe:', ch.hasSubscribers, dc.hasSubscribers('my-channel'));
ch.publish({ n: 1 });
console.log('unsubscribe:', ch.unsubscribe(onMessage), ch.unsubscribe(onMessage));
ch.publish({ n: 2 });

dc.subscribe('module-level', onMessage);
dc.channel('module-level').publish('hello');
console.log('module unsubscribe:', dc.unsubscribe('module-level', onMessage));

const sym = Symbol('sym-channel');
dc.subscribe(sym, (m, name) => console.log('symbol channel', m, name === sym));
dc.channel(sym).publish(42);

// Unsubscribing during publish does not skip the next subscriber.
const c2 = dc.channel('during');
function first() { console.log('first'); c2.unsubscribe(first); }
c2.subscribe(first);
c2.subscribe(() => console.log('second'));
c2.publish();
c2.publish();

for (const bad of [1, {}, null]) {
  try {
    dc.channel(bad);
  } catch (err) {
    console.log(err.code, err.message);
  }
}
try {
  ch.subscribe('nope');
} catch (err) {
  console.log(err.code);
}

// A throwing subscriber does not stop the others; the error is uncaught later.
const c3 = dc.channel('throws');
c3.subscribe(() => { throw new Error('subscriber failed'); });
c3.subscribe(() => console.log('next subscriber still runs'));
process.once('uncaughtException', (err) => console.log('uncaught:', err.message));
c3.publish('x');
console.log('publish returned');

// Stores.
const store = new AsyncLocalStorage();
const c4 = dc.channel('stores');
c4.bindStore(store, (data) => ({ wrapped: data }));
console.log('store channel has subscribers:', c4.hasSubscribers);
const r = c4.runStores('payload', function(a, b) {
  console.log('in runStores', JSON.stringify(store.getStore()), this.self, a, b);
  return 'result';
}, { self: 'thisArg' }, 1, 2);
console.log('runStores returned', r, store.getStore());
console.log('unbindStore:', c4.unbindStore(store), c4.unbindStore(store), c4.hasSubscribers);

// Tracing channels.
const tc = dc.tracingChannel('op');
console.log(tc.start.name, tc.end.name, tc.asyncStart.name, tc.asyncEnd.name, tc.error.name);
console.log('tracing has subscribers:', tc.hasSubscribers);
console.log('untraced:', tc.traceSync((x) => x * 2, {}, undefined, 21));
const events = [];
const handlers = {
  start(ctx) { events.push(`start ${JSON.stringify(ctx)}`); },
  end(ctx) { events.push(`end ${JSON.stringify(ctx)}`); },
  asyncStart(ctx) { events.push(`asyncStart ${JSON.stringify(ctx)}`); },
  asyncEnd(ctx) { events.push(`asyncEnd ${JSON.stringify(ctx)}`); },
  error(ctx) { events.push(`error ${ctx.error.message}`); },
};
tc.subscribe(handlers);
console.log('tracing has subscribers:', tc.hasSubscribers);
console.log('traceSync:', tc.traceSync(function(x) { return x + this.k; }, { id: 1 }, { k: 1 }, 41));
try {
  tc.traceSync(() => { throw new Error('sync boom'); }, { id: 2 });
} catch (err) {
  console.log('traceSync threw', err.message);
}
console.log(events.splice(0).join('\n'));

tc.traceCallback(function(a, cb) { setImmediate(() => cb(null, a * 10)); }, -1, { id: 3 }, undefined, 5,
  (err, value) => {
    events.push(`callback got ${err} ${value}`);
    tc.traceCallback((cb) => cb(new Error('cb boom')), 0, { id: 4 }, undefined, (err2) => {
      events.push(`second callback got ${err2.message}`);
      runPromises();
    });
  });

async function runPromises() {
  const v = await tc.tracePromise(async (x) => x + 1, { id: 5 }, undefined, 1);
  events.push(`promise resolved ${v}`);
  try {
    await tc.tracePromise(async () => { throw new Error('async boom'); }, { id: 6 });
  } catch (err) {
    events.push(`promise rejected ${err.message}`);
  }
  console.log(events.join('\n'));
  console.log('unsubscribe handlers:', tc.unsubscribe(handlers), tc.hasSubscribers);
  try {
    dc.tracingChannel(0);
  } catch (err) {
    console.log(err.code);
  }
  const custom = dc.tracingChannel({
    start: dc.channel('a:start'), end: dc.channel('a:end'), asyncStart: dc.channel('a:asyncStart'),
    asyncEnd: dc.channel('a:asyncEnd'), error: dc.channel('a:error'),
  });
  console.log('custom:', custom.start === dc.channel('a:start'));
}
