'use strict';
// node:dns/promises: the promise API of node:dns, sharing its default
// resolver (and so its servers).

const { isIP } = require('internal/net');
const { validateString } = require('internal/validators');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const {
  setDefaultResultOrder,
  getDefaultResultOrder,
  parseLookupOptions,
  lookupRaw,
  lookupServiceRaw,
  validateLookupServiceArgs,
  resolveMethods,
  ResolverBase,
  errorCodes,
} = require('internal/dns/utils');

const dns = require('dns');

function lookup(hostname, options) {
  if (hostname) validateString(hostname, 'hostname');
  const { family, all, order } = parseLookupOptions(options);
  if (!hostname) {
    if (hostname !== undefined && hostname !== null && typeof hostname !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('hostname', 'string', hostname);
    }
    return Promise.resolve(all ? [] : { address: null, family: family === 6 ? 6 : 4 });
  }
  const matched = isIP(hostname);
  if (matched) {
    const r = { address: hostname, family: matched };
    return Promise.resolve(all ? [r] : r);
  }
  return new Promise((resolve, reject) => {
    lookupRaw(hostname, family, order, (err, list) => {
      if (err) reject(err);
      else resolve(all ? list : list[0]);
    });
  });
}

function lookupService(address, port) {
  port = validateLookupServiceArgs(...arguments);
  return new Promise((resolve, reject) => {
    lookupServiceRaw(address, port, (err, hostname, service) => {
      if (err) reject(err);
      else resolve({ hostname, service });
    });
  });
}

// Resolver: like dns.Resolver, with methods that return promises.
class Resolver extends ResolverBase {}

// promisify runs method(callback) as a promise.
function promisify(method) {
  return new Promise((resolve, reject) => {
    method((err, result) => (err ? reject(err) : resolve(result)));
  });
}

const CallbackResolver = dns.Resolver;

for (const name of [...Object.keys(resolveMethods), 'reverse']) {
  Resolver.prototype[name] = function(hostname, options) {
    validateString(hostname, name === 'reverse' ? 'ip' : 'name');
    return promisify((cb) => (name === 'reverse' ?
      CallbackResolver.prototype.reverse.call(this, hostname, cb) :
      CallbackResolver.prototype[name].call(this, hostname, options, cb)));
  };
}

Resolver.prototype.resolve = function resolve(hostname, rrtype) {
  if (rrtype === undefined) return this.resolve4(hostname);
  if (typeof rrtype !== 'string') throw new ERR_INVALID_ARG_TYPE('rrtype', 'string', rrtype);
  const method = Object.keys(resolveMethods).find((m) => resolveMethods[m] === rrtype);
  if (method === undefined) throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
  return this[method](hostname);
};

const def = dns._defaultResolver;

module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers(servers) { def.setServers(servers); },
  ...errorCodes,
  getServers() { return def.getServers(); },
};
module.exports.resolve = function resolve(hostname, rrtype) {
  return Resolver.prototype.resolve.call(def, hostname, rrtype);
};
for (const m of Object.keys(resolveMethods).sort()) {
  module.exports[m] = function(hostname, options) { return Resolver.prototype[m].call(def, hostname, options); };
  Object.defineProperty(module.exports[m], 'name', { value: m });
}
module.exports.reverse = function reverse(ip) { return Resolver.prototype.reverse.call(def, ip); };
