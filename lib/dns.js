'use strict';
// node:dns, callback API: name lookups through the system's resolver
// (internalBinding('cares_wrap').getaddrinfo/getnameinfo) and DNS queries
// sent to a Resolver's servers.

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
  validateFunction,
  validateOneOf,
  validateString,
} = require('internal/dns/utils');

function onlookup(err, addresses) {
  if (err) {
    this.callback(new DNSException(err, 'getaddrinfo', this.hostname));
    return;
  }
  this.callback(null, addresses[0], this.family || isIP(addresses[0]));
}

function onlookupall(err, addresses) {
  if (err) {
    this.callback(new DNSException(err, 'getaddrinfo', this.hostname));
    return;
  }
  const family = this.family;
  this.callback(null, addresses.map((address) => ({ address, family: family || isIP(address) })));
}

// lookup(hostname[, options], callback): callback(err, address, family),
// or callback(err, [{ address, family }]) with options.all.
function lookup(hostname, options, callback) {
  let family = 0;
  let hints = 0;
  let all = false;
  let order = getDefaultResultOrder();

  if (hostname) validateString(hostname, 'hostname');
  if (typeof options === 'function') {
    callback = options;
  } else if (typeof options === 'number') {
    validateFunction(callback, 'callback');
    validateOneOf(options, 'family', validFamilies);
    family = options;
  } else if (options !== undefined && typeof options !== 'object') {
    validateFunction(arguments.length === 2 ? options : callback, 'callback');
    throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  } else {
    validateFunction(callback, 'callback');
    ({ family, hints, all, order } = parseLookupOptions(options, true));
  }

  if (!hostname) {
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

  const req = new GetAddrInfoReqWrap();
  req.callback = callback;
  req.family = family;
  req.hostname = hostname;
  req.oncomplete = all ? onlookupall : onlookup;
  const err = cares.getaddrinfo(req, toASCII(hostname), family, hints, orderCode(order));
  if (err) {
    process.nextTick(callback, new DNSException(err, 'getaddrinfo', hostname));
    return {};
  }
  return req;
}

Object.defineProperty(lookup, require('internal/util').customPromisifyArgs,
  { value: ['address', 'family'], enumerable: false });

function onlookupservice(err, hostname, service) {
  if (err) {
    this.callback(new DNSException(err, 'getnameinfo', this.hostname));
    return;
  }
  this.callback(null, hostname, service);
}

// lookupService(address, port, callback): callback(err, hostname, service).
function lookupService(address, port, callback) {
  if (arguments.length !== 3) throw new ERR_MISSING_ARGS('address', 'port', 'callback');
  port = validateLookupServiceArgs(address, port);
  validateFunction(callback, 'callback');
  const req = new GetNameInfoReqWrap();
  req.callback = callback;
  req.hostname = address;
  req.port = port;
  req.oncomplete = onlookupservice;
  const err = cares.getnameinfo(req, address, port);
  if (err) throw new DNSException(err, 'getnameinfo', address);
  return req;
}

Object.defineProperty(lookupService, require('internal/util').customPromisifyArgs,
  { value: ['hostname', 'service'], enumerable: false });

function onresolve(err, result, ttls) {
  if (ttls && this.ttl) result = result.map((address, i) => ({ address, ttl: ttls[i] }));
  if (err) this.callback(new DNSException(err, this.bindingName, this.hostname));
  else this.callback(null, result);
}

// Resolver sends queries to its own servers (the system's by default).
class Resolver extends ResolverBase {}

function queryMethod(bindingName) {
  return function query(name, options, callback) {
    if (typeof options === 'function') {
      callback = options;
      options = {};
    }
    validateString(name, 'name');
    validateFunction(callback, 'callback');
    const req = new QueryReqWrap();
    req.bindingName = bindingName;
    req.callback = callback;
    req.hostname = name;
    req.oncomplete = onresolve;
    req.ttl = !!(options && options.ttl);
    const err = this._handle[bindingName](req, toASCII(name));
    if (err) throw new DNSException(err, bindingName, name);
    return req;
  };
}

for (const name of Object.keys(resolveMethods)) {
  const fn = queryMethod(resolveMethods[name][0]);
  Object.defineProperty(fn, 'name', { value: name });
  Resolver.prototype[name] = fn;
}
Resolver.prototype.reverse = queryMethod('getHostByAddr');
Object.defineProperty(Resolver.prototype.reverse, 'name', { value: 'reverse' });

Resolver.prototype.resolve = function resolve(hostname, rrtype, callback) {
  let method;
  if (typeof rrtype === 'string') {
    method = rrtypeMethods[rrtype];
    if (method === undefined) throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
  } else if (typeof rrtype === 'function') {
    method = 'resolve4';
    callback = rrtype;
  } else {
    throw new ERR_INVALID_ARG_TYPE('rrtype', 'string', rrtype);
  }
  return this[method](hostname, callback);
};

// The default resolver (see boundResolvers).
setDefaultResolver(new Resolver());
boundResolvers.callback = getDefaultResolver();

let promisesModule;

function getServers() { return boundResolvers.callback.getServers(); }

function setServers(servers) {
  const resolver = new Resolver();
  resolver.setServers(servers);
  setDefaultResolver(resolver);
  boundResolvers.callback = resolver;
  if (promisesModule !== undefined) boundResolvers.promises = resolver;
}

const resolverKeys = ['resolve', ...Object.keys(resolveMethods).sort(), 'reverse'];

module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers,
  ADDRCONFIG: cares.AI_ADDRCONFIG,
  ALL: cares.AI_ALL,
  V4MAPPED: cares.AI_V4MAPPED,
  ...errorCodes,
  getServers,
};

for (const name of resolverKeys) {
  const fn = function(...args) { return Resolver.prototype[name].apply(boundResolvers.callback, args); };
  Object.defineProperty(fn, 'name', { value: name });
  module.exports[name] = fn;
}

Object.defineProperty(module.exports, 'promises', {
  configurable: true,
  enumerable: true,
  get() {
    if (promisesModule === undefined) promisesModule = require('dns/promises');
    return promisesModule;
  },
});
