'use strict';
// ref() after unref() keeps the loop alive again; an unref'd immediate still
// runs while something else keeps the loop alive.
const t = setTimeout(() => console.log('ref timer ran'), 10);
t.unref();
t.ref();
setImmediate(() => console.log('unref immediate ran')).unref();
const u = setTimeout(() => console.log('re-unref timer (never)'), 10000);
u.unref();
process.on('exit', (code) => console.log('exit', code));
