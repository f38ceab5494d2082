'use strict';
// node:dns: name lookups (getaddrinfo-style, through Go's resolver) and
// DNS queries (through internalBinding('dns')), callback API.

const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { isIP } = require('internal/net');
const { validateFunction, validateString } = require('internal/validators');
const {
  setDefaultResultOrder,
  getDefaultResultOrder,
  parseLookupOptions,
  lookupRaw,
  lookupServiceRaw,
  validateLookupServiceArgs,
  resolveMethods,
  reverseName,
  ResolverBase,
  constants,
  errorCodes,
} = require('internal/dns/utils');

// lookup(hostname[, options], callback): callback(err, address, family),
// or callback(err, [{ address, family }]) with options.all.
function lookup(hostname, options, callback) {
  if (hostname) validateString(hostname, 'hostname');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  const { family, all, order } = parseLookupOptions(options);
  if (!hostname) {
    if (hostname !== undefined && hostname !== null && typeof hostname !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('hostname', 'string', hostname);
    }
    emitInvalidHostnameWarning(hostname);
    if (all) process.nextTick(callback, null, []);
    else process.nextTick(callback, null, null, family === 6 ? 6 : 4);
    return {};
  }
  const matched = isIP(hostname);
  if (matched) {
    if (all) process.nextTick(callback, null, [{ address: hostname, family: matched }]);
    else process.nextTick(callback, null, hostname, matched);
    return {};
  }
  lookupRaw(hostname, family, order, (err, list) => {
    if (err) {
      callback(err);
      return;
    }
    if (all) callback(null, list);
    else callback(null, list[0].address, list[0].family);
  });
  return {};
}

Object.defineProperty(lookup, require('internal/util').customPromisifyArgs,
  { value: ['address', 'family'], enumerable: false });

let invalidHostnameWarned = false;
function emitInvalidHostnameWarning(hostname) {
  if (invalidHostnameWarned) return;
  invalidHostnameWarned = true;
  process.emitWarning(`The provided hostname "${hostname}" is not a valid hostname, and is supported in the dns module solely for compatibility.`,
    'DeprecationWarning', 'DEP0118');
}

// lookupService(address, port, callback): callback(err, hostname, service).
function lookupService(address, port, callback) {
  if (arguments.length !== 3) {
    const { codes: { ERR_MISSING_ARGS } } = require('internal/errors');
    throw new ERR_MISSING_ARGS('address', 'port', 'callback');
  }
  port = validateLookupServiceArgs(address, port);
  validateFunction(callback, 'callback');
  lookupServiceRaw(address, port, callback);
  return {};
}

Object.defineProperty(lookupService, require('internal/util').customPromisifyArgs,
  { value: ['hostname', 'service'], enumerable: false });

// Resolver sends queries to its own servers (the system's by default).
class Resolver extends ResolverBase {}

function defineResolve(name, rrtype) {
  Resolver.prototype[name] = function(hostname, options, callback) {
    validateString(hostname, 'name');
    if (typeof options === 'function') {
      callback = options;
      options = undefined;
    }
    validateFunction(callback, 'callback');
    const ttl = !!(options && options.ttl);
    this._query(hostname, rrtype, ttl, callback);
    return {};
  };
}

for (const name of Object.keys(resolveMethods)) defineResolve(name, resolveMethods[name]);

Resolver.prototype.reverse = function reverse(ip, callback) {
  validateString(ip, 'ip');
  validateFunction(callback, 'callback');
  const name = reverseName(ip);
  if (name === null) {
    const { dnsException } = require('internal/dns/utils');
    process.nextTick(callback, dnsException('EINVAL', 'getHostByAddr', ip));
    return {};
  }
  this._query(name, 'PTR', false, (err, names) => {
    if (err) {
      err.message = `getHostByAddr ${err.code} ${ip}`;
      err.hostname = ip;
      callback(err);
      return;
    }
    callback(null, names);
  }, 'getHostByAddr');
  return {};
};

Resolver.prototype.resolve = function resolve(hostname, rrtype, callback) {
  if (typeof rrtype === 'string') {
    const method = Object.keys(resolveMethods).find((m) => resolveMethods[m] === rrtype);
    if (method === undefined) {
      const { codes: { ERR_INVALID_ARG_VALUE } } = require('internal/errors');
      throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
    }
    return this[method](hostname, callback);
  }
  if (typeof rrtype === 'function') return this.resolve4(hostname, rrtype);
  throw new ERR_INVALID_ARG_TYPE('rrtype', 'string', rrtype);
};

// One default resolver, shared with node:dns/promises.
const defaultResolver = new Resolver();

function getServers() { return defaultResolver.getServers(); }
function setServers(servers) { defaultResolver.setServers(servers); }

let promisesModule;

module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers,
  ...constants,
  ...errorCodes,
  getServers,
};

for (const name of [...Object.keys(resolveMethods), 'resolve', 'reverse']) {
  module.exports[name] = function(...args) { return defaultResolver[name](...args); };
  Object.defineProperty(module.exports[name], 'name', { value: name });
}
// node's order puts resolve before the resolveX methods.
{
  const reordered = {};
  for (const k of Object.keys(module.exports)) {
    if (k === 'getServers') {
      reordered.getServers = module.exports.getServers;
      reordered.resolve = module.exports.resolve;
      for (const m of Object.keys(resolveMethods).sort()) reordered[m] = module.exports[m];
      reordered.reverse = module.exports.reverse;
    } else if (!(k in resolveMethods) && k !== 'resolve' && k !== 'reverse') {
      reordered[k] = module.exports[k];
    }
  }
  for (const k of Object.keys(module.exports)) delete module.exports[k];
  Object.assign(module.exports, reordered);
}

Object.defineProperty(module.exports, '_defaultResolver', { value: defaultResolver });

Object.defineProperty(module.exports, 'promises', {
  configurable: true,
  enumerable: true,
  get() {
    if (promisesModule === undefined) promisesModule = require('dns/promises');
    return promisesModule;
  },
});
