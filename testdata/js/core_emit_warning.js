'use strict';
// process.emitWarning prints to stderr after the current tick and emits
// 'warning'.
process.on('warning', (w) => console.log('warning event', w.name, w.message, w.code));
process.emitWarning('something odd');
process.emitWarning('custom type', 'CustomWarning', 'CODE_1');
process.emitWarning('with detail', { type: 'DetailWarning', detail: 'more here' });
console.log('sync done');
