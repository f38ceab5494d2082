'use strict';
// An 'error' event without a listener throws: an Error as itself, any
// other value wrapped in ERR_UNHANDLED_ERROR.
const EventEmitter = require('events');
const ee = new EventEmitter();
try {
  ee.emit('error', 'a string');
} catch (e) {
  console.log(e.code, e.message, e.context);
}
try {
  ee.emit('error');
} catch (e) {
  console.log(e.code, e.message);
}
const err = new Error('real error');
try {
  ee.emit('error', err);
} catch (e) {
  console.log(e === err);
}
ee.on('error', (e) => console.log('listener got', e.message));
ee.emit('error', err);
process.on('exit', (code) => console.log('exit', code));
ee.removeAllListeners('error');
ee.emit('error', new TypeError('fatal event error'));
