'use strict';
// V8's Error.captureStackTrace and Error.stackTraceLimit over QuickJS,
// whose error.stack holds only the "    at" frames.

function install() {
  if (typeof Error.captureStackTrace === 'function') return;
  Object.defineProperty(Error, 'stackTraceLimit', { value: 10, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(Error, 'captureStackTrace', {
    value: function captureStackTrace(obj, constructorOpt) {
      if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) {
        throw new TypeError('Invalid argument');
      }
      const frames = (new Error().stack || '').split('\n').filter(Boolean);
      // Drop our own frame, then everything up to constructorOpt.
      let start = 1;
      if (typeof constructorOpt === 'function' && constructorOpt.name) {
        const i = frames.findIndex((l) => l.includes(`at ${constructorOpt.name} `) || l.includes(`at new ${constructorOpt.name} `));
        if (i >= 0) start = i + 1;
      }
      const body = frames.slice(start).join('\n');
      let header;
      try {
        header = Error.prototype.toString.call(obj);
      } catch {
        header = 'Error';
      }
      Object.defineProperty(obj, 'stack', {
        value: body ? `${header}\n${body}` : header,
        writable: true, configurable: true, enumerable: false,
      });
    },
    writable: true, configurable: true, enumerable: false,
  });
}

module.exports = { install };
