'use strict';
// Rejecting with a non-error value: Node wraps it in ERR_UNHANDLED_REJECTION.
Promise.reject(42);
