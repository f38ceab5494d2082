'use strict';
// node:domain: run, error routing (sync throws, timers, nextTick,
// immediates, fs callbacks, emitters), bind, intercept, add/remove, enter/exit.
const domain = require('node:domain');
const EventEmitter = require('node:events');
const fs = require('node:fs');

console.log('process.domain:', process.domain, domain.active);
const d = domain.create();
console.log(d instanceof domain.Domain, d instanceof EventEmitter, Object.keys(d));

const steps = [];
d.on('error', (err) => {
  steps.push(`d caught "${err.message}" domain=${err.domain === d} thrown=${err.domainThrown}` +
    ` emitter=${err.domainEmitter !== undefined} bound=${typeof err.domainBound}`);
  next();
});

const queue = [
  () => d.run(() => {
    steps.push(`inside run: active=${process.domain === d} stack=${domain._stack.length}`);
    setTimeout(() => {
      steps.push(`timer runs in d: ${process.domain === d}`);
      throw new Error('from timer');
    }, 1);
  }),
  () => d.run(() => process.nextTick(() => { throw new Error('from nextTick'); })),
  () => d.run(() => setImmediate(() => { throw new Error('from immediate'); })),
  () => d.run(() => fs.stat('/definitely/not/here', () => { throw new Error('from fs callback'); })),
  () => {
    const ee = new EventEmitter();
    d.add(ee);
    steps.push(`added: ${ee.domain === d} members=${d.members.length}`);
    ee.emit('error', new Error('emitter error'));
  },
  () => {
    const ee = d.run(() => new EventEmitter());
    steps.push(`implicit member: ${ee.domain === d}`);
    d.remove(d.members[0]);
    steps.push(`after remove: members=${d.members.length}`);
    ee.emit('error', new Error('implicit emitter error'));
  },
  () => {
    const cb = d.intercept((a, b) => steps.push(`intercepted ok ${a} ${b} active=${process.domain === d}`));
    cb(null, 1, 2);
    cb(new Error('intercepted error'));
  },
  () => {
    const bound = d.bind(function(x) {
      steps.push(`bound this=${this.tag} x=${x} active=${process.domain === d}`);
      throw new Error('from bound');
    });
    setTimeout(() => bound.call({ tag: 'T' }, 7), 1);
  },
  () => {
    d.enter();
    steps.push(`entered: ${process.domain === d} ${domain.active === d}`);
    d.exit();
    steps.push(`exited: ${process.domain} ${domain._stack.length}`);
    // Nested: the inner domain has no listener, the outer one gets it.
    const inner = domain.create();
    d.run(() => inner.run(() => { throw new Error('from inner domain'); }));
  },
  () => {
    console.log(steps.join('\n'));
    // Without a domain, uncaught exceptions behave as usual.
    process.on('uncaughtException', (err) => console.log('process caught', err.message, err.domain));
    setTimeout(() => { throw new Error('outside any domain'); }, 1);
  },
];

function next() {
  const step = queue.shift();
  if (step) setImmediate(step);
}
next();
