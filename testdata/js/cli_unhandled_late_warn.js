'use strict';
// warn-with-error-code: warnings, exit code 1, and a
// PromiseRejectionHandledWarning when handled later.
const p = Promise.reject(42);
setTimeout(() => p.catch(() => console.log('handled late')), 5);
