'use strict';

const { validateString } = require('internal/validators');

function makeRequireFunction(mod) {
  const Module = mod.constructor;
  const require = function require(path) {
    return mod.require(path);
  };
  function resolve(request, options) {
    validateString(request, 'request');
    return Module._resolveFilename(request, mod, false, options);
  }
  // Defined, not assigned: a program may have put setters for these names
  // on Object.prototype.
  const define = (obj, key, value) => Object.defineProperty(obj, key, {
    value, writable: true, enumerable: true, configurable: true,
  });
  define(require, 'resolve', resolve);
  function paths(request) {
    validateString(request, 'request');
    return Module._resolveLookupPaths(request, mod);
  }
  define(resolve, 'paths', paths);
  define(require, 'main', process.mainModule);
  define(require, 'extensions', Module._extensions);
  define(require, 'cache', Module._cache);
  return require;
}

function stripBOM(content) {
  if (content.charCodeAt(0) === 0xFEFF) content = content.slice(1);
  return content;
}

module.exports = { makeRequireFunction, stripBOM };
