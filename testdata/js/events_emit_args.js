'use strict';
// emit passes its arguments and `this` whatever their number, and
// process.nextTick passes its extra arguments with `this` undefined.
const EventEmitter = require('events');

const e = new EventEmitter();
e.on('a', function (...args) { console.log('a', this === e, args.length, JSON.stringify(args)); });
console.log(e.emit('a'), e.emit('a', 1), e.emit('a', 1, 2), e.emit('a', 1, 2, 3), e.emit('a', 1, 2, 3, 4, 5));
e.on('b', function (x) { console.log('b1', x); });
e.on('b', function (x, y) { console.log('b2', x, y); });
console.log(e.emit('b', 'x', 'y'), e.emit('none', 1), EventEmitter.prototype.emit.length);
try {
  e.emit('error', new Error('boom'));
} catch (err) {
  console.log('thrown', err.message);
}
const c = new EventEmitter({ captureRejections: true });
c.on('p', async () => { throw new Error('rejected'); });
c.on('error', (err) => console.log('captured', err.message));
c.emit('p', 1);

process.nextTick(function () { console.log('tick0', this, arguments.length); });
process.nextTick((a) => console.log('tick1', a), 'one');
process.nextTick((a, b) => console.log('tick2', a, b), 'one', 'two');
process.nextTick((...r) => console.log('tick5', r.join()), 1, 2, 3, 4, 5);
try {
  process.nextTick('nope');
} catch (err) {
  console.log(err.code);
}
