'use strict';
// node:dns/promises: the promise API of node:dns, sharing its default
// resolver (and so its servers).

const { isIP } = require('internal/net');
const {
  cares,
  DNSException,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_MISSING_ARGS,
  GetAddrInfoReqWrap,
  GetNameInfoReqWrap,
  QueryReqWrap,
  ResolverBase,
  getDefaultResultOrder,
  setDefaultResultOrder,
  orderCode,
  validFamilies,
  parseLookupOptions,
  emitInvalidHostnameWarning,
  validateLookupServiceArgs,
  resolveMethods,
  rrtypeMethods,
  toASCII,
  getDefaultResolver,
  setDefaultResolver,
  boundResolvers,
  errorCodes,
  validateOneOf,
  validateString,
} = require('internal/dns/utils');

// node:dns sets up the default resolver.
require('dns');

function onlookup(err, addresses) {
  if (err) {
    this.reject(new DNSException(err, 'getaddrinfo', this.hostname));
    return;
  }
  const address = addresses[0];
  this.resolve({ address, family: this.family || isIP(address) });
}

function onlookupall(err, addresses) {
  if (err) {
    this.reject(new DNSException(err, 'getaddrinfo', this.hostname));
    return;
  }
  const family = this.family;
  this.resolve(addresses.map((address) => ({ address, family: family || isIP(address) })));
}

function createLookupPromise(family, hostname, all, hints, order) {
  return new Promise((resolve, reject) => {
    if (!hostname) {
      emitInvalidHostnameWarning(hostname);
      resolve(all ? [] : { address: null, family: family === 6 ? 6 : 4 });
      return;
    }
    const matched = isIP(hostname);
    if (matched !== 0) {
      const entry = { address: hostname, family: matched };
      resolve(all ? [entry] : entry);
      return;
    }
    const req = new GetAddrInfoReqWrap();
    req.family = family;
    req.hostname = hostname;
    req.oncomplete = all ? onlookupall : onlookup;
    req.resolve = resolve;
    req.reject = reject;
    const err = cares.getaddrinfo(req, toASCII(hostname), family, hints, orderCode(order));
    if (err) reject(new DNSException(err, 'getaddrinfo', hostname));
  });
}

// lookup(hostname[, options]) -> { address, family }, or a list with all.
function lookup(hostname, options) {
  let family = 0;
  let hints = 0;
  let all = false;
  let order = getDefaultResultOrder();

  if (hostname) validateString(hostname, 'hostname');
  if (typeof options === 'number') {
    validateOneOf(options, 'family', validFamilies);
    family = options;
  } else if (options !== undefined && typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  } else {
    ({ family, hints, all, order } = parseLookupOptions(options));
  }
  return createLookupPromise(family, hostname, all, hints, order);
}

function onlookupservice(err, hostname, service) {
  if (err) {
    // Node names no host here (it does when getnameinfo fails at once).
    this.reject(new DNSException(err, 'getnameinfo'));
    return;
  }
  this.resolve({ hostname, service });
}

// lookupService(address, port) -> { hostname, service }.
function lookupService(address, port) {
  if (arguments.length !== 2) throw new ERR_MISSING_ARGS('address', 'port');
  port = validateLookupServiceArgs(address, port);
  return new Promise((resolve, reject) => {
    const req = new GetNameInfoReqWrap();
    req.hostname = address;
    req.port = port;
    req.oncomplete = onlookupservice;
    req.resolve = resolve;
    req.reject = reject;
    const err = cares.getnameinfo(req, address, port);
    if (err) reject(new DNSException(err, 'getnameinfo', address));
  });
}

function onresolve(err, result, ttls) {
  if (err) {
    this.reject(new DNSException(err, this.bindingName, this.hostname));
    return;
  }
  if (ttls && this.ttl) result = result.map((address, i) => ({ address, ttl: ttls[i] }));
  this.resolve(result);
}

function createResolverPromise(resolver, bindingName, hostname, ttl) {
  return new Promise((resolve, reject) => {
    const req = new QueryReqWrap();
    req.bindingName = bindingName;
    req.hostname = hostname;
    req.oncomplete = onresolve;
    req.resolve = resolve;
    req.reject = reject;
    req.ttl = ttl;
    const err = resolver._handle[bindingName](req, toASCII(hostname));
    if (err) reject(new DNSException(err, bindingName, hostname));
  });
}

function queryMethod(bindingName) {
  return function query(name, options) {
    validateString(name, 'name');
    return createResolverPromise(this, bindingName, name, !!(options && options.ttl));
  };
}

// Resolver: like dns.Resolver, with methods that return promises.
class Resolver extends ResolverBase {}

for (const name of Object.keys(resolveMethods)) {
  const fn = queryMethod(resolveMethods[name][0]);
  Object.defineProperty(fn, 'name', { value: name });
  Resolver.prototype[name] = fn;
}
Resolver.prototype.reverse = queryMethod('getHostByAddr');
Object.defineProperty(Resolver.prototype.reverse, 'name', { value: 'reverse' });

Resolver.prototype.resolve = function resolve(hostname, rrtype) {
  let method;
  if (rrtype === undefined) {
    method = 'resolve4';
  } else if (typeof rrtype === 'string') {
    method = rrtypeMethods[rrtype];
    if (method === undefined) throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
  } else {
    throw new ERR_INVALID_ARG_TYPE('rrtype', 'string', rrtype);
  }
  return this[method](hostname);
};

boundResolvers.promises = getDefaultResolver();

function setServers(servers) {
  const resolver = new Resolver();
  resolver.setServers(servers);
  setDefaultResolver(resolver);
  boundResolvers.promises = resolver;
}

module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers,
  ...errorCodes,
  getServers() { return boundResolvers.promises.getServers(); },
};

for (const name of ['resolve', ...Object.keys(resolveMethods).sort(), 'reverse']) {
  const fn = function(...args) { return Resolver.prototype[name].apply(boundResolvers.promises, args); };
  Object.defineProperty(fn, 'name', { value: name });
  module.exports[name] = fn;
}
