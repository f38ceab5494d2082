'use strict';
// --unhandled-rejections=strict: the rejection goes to 'uncaughtException'
// first (origin 'unhandledRejection'), then 'unhandledRejection' fires.
process.on('unhandledRejection', (r) => console.log('unhandledRejection', r.message));
process.on('uncaughtException', (e, origin) => console.log('uncaughtException', e.message, origin));
Promise.reject(new Error('strict'));
