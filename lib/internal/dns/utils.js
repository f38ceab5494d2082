'use strict';
// Shared by node:dns and node:dns/promises: argument checks, the default
// result order, the request objects handed to internalBinding('cares_wrap'),
// ChannelWrap (one resolver's servers and options, running its queries
// through the binding) and ResolverBase.
//
// As in Node, the public functions call cares.getaddrinfo/getnameinfo
// through the binding object at call time, with a request object whose
// oncomplete method receives the result.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_DNS_SET_SERVERS_FAILED,
    ERR_INVALID_IP_ADDRESS,
    ERR_MISSING_ARGS,
  },
  DNSException,
} = require('internal/errors');
const { isIP, validatePort } = require('internal/net');
const {
  validateArray,
  validateBoolean,
  validateFunction,
  validateInt32,
  validateNumber,
  validateOneOf,
  validateString,
  validateUint32,
} = require('internal/validators');

const cares = internalBinding('cares_wrap');

const IANA_DNS_PORT = 53;
const validFamilies = [0, 4, 6];
const validDnsOrders = ['verbatim', 'ipv4first', 'ipv6first'];

// ---- request objects --------------------------------------------------------------

// A getaddrinfo request: callback or resolve/reject, family, hostname,
// and oncomplete (set by the caller).
class GetAddrInfoReqWrap {}
// A getnameinfo request.
class GetNameInfoReqWrap {}
// One DNS query: bindingName (the syscall), hostname, ttl, oncomplete.
class QueryReqWrap {}

// ---- the default result order -------------------------------------------------------

let dnsOrder;

function getDefaultResultOrder() {
  if (dnsOrder === undefined) {
    const fromCLI = require('internal/options').getOptionValue('--dns-result-order');
    if (fromCLI) {
      validateOneOf(fromCLI, '--dns-result-order', validDnsOrders);
      dnsOrder = fromCLI;
    } else {
      dnsOrder = 'verbatim';
    }
  }
  return dnsOrder;
}

function setDefaultResultOrder(order) {
  validateOneOf(order, 'dnsOrder', validDnsOrders);
  dnsOrder = order;
}

// orderCode maps an order name to the binding's DNS_ORDER_* number.
function orderCode(order) {
  switch (order) {
    case 'ipv4first': return cares.DNS_ORDER_IPV4_FIRST;
    case 'ipv6first': return cares.DNS_ORDER_IPV6_FIRST;
    default: return cares.DNS_ORDER_VERBATIM;
  }
}

// ---- lookup -------------------------------------------------------------------------

function validateHints(hints) {
  if ((hints & ~(cares.AI_ADDRCONFIG | cares.AI_ALL | cares.AI_V4MAPPED)) !== 0) {
    throw new ERR_INVALID_ARG_VALUE('hints', hints);
  }
}

// parseLookupOptions reads lookup's options object (already known to be
// an object or undefined): { family, hints, all, order }. Only the
// callback API takes the family names 'IPv4' and 'IPv6'.
function parseLookupOptions(options, familyNames) {
  const out = { family: 0, hints: 0, all: false, order: getDefaultResultOrder() };
  if (options == null) return out;
  if (options.hints != null) {
    validateNumber(options.hints, 'options.hints');
    out.hints = options.hints >>> 0;
    validateHints(out.hints);
  }
  if (options.family != null) {
    if (familyNames && options.family === 'IPv4') {
      out.family = 4;
    } else if (familyNames && options.family === 'IPv6') {
      out.family = 6;
    } else {
      validateOneOf(options.family, 'options.family', validFamilies);
      out.family = options.family;
    }
  }
  if (options.all != null) {
    validateBoolean(options.all, 'options.all');
    out.all = options.all;
  }
  if (options.verbatim != null) {
    validateBoolean(options.verbatim, 'options.verbatim');
    out.order = options.verbatim ? 'verbatim' : 'ipv4first';
  }
  if (options.order != null) {
    validateOneOf(options.order, 'options.order', validDnsOrders);
    out.order = options.order;
  }
  return out;
}

let invalidHostnameWarned = false;
function emitInvalidHostnameWarning(hostname) {
  if (invalidHostnameWarned) return;
  invalidHostnameWarned = true;
  process.emitWarning(
    `The provided hostname "${String(hostname)}" is not a valid hostname, and is supported in the dns module solely for compatibility.`,
    'DeprecationWarning', 'DEP0118');
}

// lookupService's checks; returns the port as a number.
function validateLookupServiceArgs(address, port) {
  validateString(address, 'address');
  if (isIP(address) === 0) throw new ERR_INVALID_ARG_VALUE('address', address);
  validatePort(port);
  return +port;
}

// ---- queries ------------------------------------------------------------------------

// Query methods: public name -> [binding method, record type].
const resolveMethods = {
  resolveAny: ['queryAny', 'ANY'],
  resolve4: ['queryA', 'A'],
  resolve6: ['queryAaaa', 'AAAA'],
  resolveCaa: ['queryCaa', 'CAA'],
  resolveCname: ['queryCname', 'CNAME'],
  resolveMx: ['queryMx', 'MX'],
  resolveNs: ['queryNs', 'NS'],
  resolveTlsa: ['queryTlsa', 'TLSA'],
  resolveTxt: ['queryTxt', 'TXT'],
  resolveSrv: ['querySrv', 'SRV'],
  resolvePtr: ['queryPtr', 'PTR'],
  resolveNaptr: ['queryNaptr', 'NAPTR'],
  resolveSoa: ['querySoa', 'SOA'],
};

// rrtype (for resolve(name, rrtype)) -> public method name.
const rrtypeMethods = {};
for (const name of Object.keys(resolveMethods)) rrtypeMethods[resolveMethods[name][1]] = name;

function hexToArrayBuffer(hex) {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(2 * i, 2), 16);
  return out.buffer;
}

// shape turns one record from the binding into node's object, key order
// included; any is true for resolveAny's list. As node 24 does, MX, SRV
// and CAA records carry their type everywhere, the others only in
// resolveAny's list (TLSA not even there).
function shape(r, any) {
  let o;
  switch (r.type) {
    case 'A':
    case 'AAAA':
      if (!any) return r.address;
      o = { address: r.address, ttl: r.ttl };
      break;
    case 'CNAME':
    case 'NS':
    case 'PTR':
      if (!any) return r.value;
      o = { value: r.value };
      break;
    case 'MX': return { exchange: r.exchange, priority: r.priority, type: 'MX' };
    case 'TXT':
      if (!any) return r.entries;
      o = { entries: r.entries };
      break;
    case 'SRV':
      return { name: r.name, port: r.port, priority: r.priority, weight: r.weight, type: 'SRV' };
    case 'NAPTR':
      o = { flags: r.flags, service: r.service, regexp: r.regexp, replacement: r.replacement,
            order: r.order, preference: r.preference };
      break;
    case 'SOA':
      o = { nsname: r.nsname, hostmaster: r.hostmaster, serial: r.serial, refresh: r.refresh,
            retry: r.retry, expire: r.expire, minttl: r.minttl };
      break;
    case 'CAA': {
      o = { critical: r.critical, type: 'CAA' };
      for (const k of Object.keys(r)) if (k !== 'type' && k !== 'critical') o[k] = r[k];
      return o;
    }
    case 'TLSA':
      return { certUsage: r.certUsage, selector: r.selector, match: r.match, data: hexToArrayBuffer(r.data) };
    default:
      o = { ...r };
      delete o.type;
  }
  if (any) o.type = r.type;
  return o;
}

// The order of resolveAny's list: grouped by type, as node parses them.
const anyOrder = ['CNAME', 'A', 'AAAA', 'MX', 'NS', 'TXT', 'SRV', 'PTR', 'NAPTR', 'SOA', 'CAA', 'TLSA'];

function sortAny(records) {
  const rank = (r) => {
    const i = anyOrder.indexOf(r.type);
    return i === -1 ? anyOrder.length : i;
  };
  return records.map((r, i) => [rank(r), i, r]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((e) => e[2]);
}

// reverseName builds the PTR query name of an IP address, or null.
function reverseName(ip) {
  const kind = isIP(ip);
  if (kind === 4) return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
  if (kind === 6) return `${expandIPv6(ip).split('').reverse().join('.')}.ip6.arpa`;
  return null;
}

// expandIPv6 gives the 32 hex digits of an IPv6 address.
function expandIPv6(ip) {
  const pct = ip.indexOf('%');
  if (pct !== -1) ip = ip.slice(0, pct);
  let tail = [];
  const lastColon = ip.lastIndexOf(':');
  if (ip.indexOf('.', lastColon) !== -1) {
    const v4 = ip.slice(lastColon + 1).split('.').map(Number);
    tail = [((v4[0] << 8) | v4[1]).toString(16), ((v4[2] << 8) | v4[3]).toString(16)];
    ip = ip.slice(0, lastColon + 1) + 'x';
  }
  let parts;
  const dbl = ip.indexOf('::');
  const groups = 8 - tail.length;
  const split = (s) => (s === '' ? [] : s.split(':').filter((g) => g !== 'x'));
  if (dbl !== -1) {
    const head = split(ip.slice(0, dbl));
    const rest = split(ip.slice(dbl + 2));
    parts = [...head, ...new Array(groups - head.length - rest.length).fill('0'), ...rest];
  } else {
    parts = split(ip);
  }
  parts = parts.concat(tail);
  return parts.map((g) => g.padStart(4, '0')).join('');
}

// toASCII converts an internationalised name to its punycode form.
function toASCII(name) {
  if (!/[^\x00-\x7f]/.test(name)) return name;
  const a = internalBinding('url').toASCII(name);
  return a === '' ? name : a;
}

function invalidIPError(message) {
  const e = new TypeError(message);
  Object.defineProperty(e, 'code', {
    value: 'ERR_INVALID_ARG_VALUE', enumerable: true, writable: true, configurable: true,
  });
  return e;
}

// ChannelWrap is one resolver's channel: its servers (the system's until
// set), options and local addresses, and the queries it has in flight.
// Each query method takes (req, name), returns 0 or an errno, and later
// calls req.oncomplete(code, result, ttls).
class ChannelWrap {
  constructor(timeout, tries, maxTimeout) {
    this._timeout = timeout;
    this._tries = tries;
    this._maxTimeout = maxTimeout;
    this._servers = null; // null: the system's; else [{ family, address, port }]
    this._local4 = null;
    this._local6 = null;
    this._pending = new Map(); // query id -> req, in the order sent
  }

  getServers() {
    if (this._servers === null) {
      const out = [];
      for (const s of cares.defaultServers()) {
        const p = parseServer(s);
        if (p !== null) out.push([p[1], p[2]]);
      }
      return out;
    }
    return this._servers.map((s) => [s.address, s.port]);
  }

  // setServers([[family, address, port]...]) -> 0, or c-ares' complaint
  // while queries are in flight.
  setServers(list) {
    if (this._pending.size !== 0) return 'There are pending queries.';
    this._servers = list.map(([family, address, port]) => ({
      family, address, port: port || IANA_DNS_PORT,
    }));
    return 0;
  }

  setLocalAddress(a, b) {
    const fa = isIP(a);
    if (fa === 0) throw invalidIPError('Invalid IP address.');
    let v4 = null;
    let v6 = null;
    if (fa === 4) v4 = a;
    else v6 = a;
    if (b !== undefined) {
      const fb = isIP(b);
      if (fb === 0) throw invalidIPError('Invalid IP address.');
      if (fb === fa) {
        throw invalidIPError(`Cannot specify two IPv${fa} addresses.`);
      }
      if (fb === 4) v4 = b;
      else v6 = b;
    }
    this._local4 = v4;
    this._local6 = v6;
  }

  // cancel ends every query in flight with ECANCELLED, in the order they
  // were sent.
  cancel() {
    const reqs = [...this._pending];
    this._pending.clear();
    for (const [id, req] of reqs) {
      cares.cancelQuery(id);
      setImmediate(() => req.oncomplete('ECANCELLED'));
    }
  }

  getHostByAddr(req, ip) {
    const name = reverseName(ip);
    if (name === null) return -22; // UV_EINVAL
    return this._send(req, name, 'PTR', true);
  }

  // _send runs one query; byAddr marks a reverse lookup, which reads "no
  // data" as ENOTFOUND (as gethostbyaddr does).
  _send(req, name, rrtype, byAddr = false) {
    let servers = null;
    if (this._servers !== null) {
      if (this._servers.length === 0) {
        // No server to ask: c-ares reports ENOSERVER, which node names so.
        setImmediate(() => req.oncomplete('UNKNOWN_ARES_ERROR'));
        return 0;
      }
      servers = this._servers.map((s) => (s.family === 6 ?
        `[${s.address}]:${s.port}` : `${s.address}:${s.port}`));
    }
    const timeout = this._timeout < 0 ? 0 : this._timeout;
    const id = cares.query(name, rrtype, servers, timeout, this._tries, this._maxTimeout,
                           this._local4, this._local6, (code, json) => {
                             if (!this._pending.delete(id)) return; // cancelled
                             if (code) {
                               req.oncomplete(byAddr && code === 'ENODATA' ? 'ENOTFOUND' : code);
                               return;
                             }
                             deliver(req, rrtype, JSON.parse(json));
                           });
    this._pending.set(id, req);
    return 0;
  }
}

// deliver hands a query's records to req.oncomplete(0, result, ttls).
function deliver(req, rrtype, raw) {
  if (rrtype === 'SOA') {
    req.oncomplete(0, shape({ type: 'SOA', ...raw }, false));
    return;
  }
  if (rrtype === 'A' || rrtype === 'AAAA') {
    req.oncomplete(0, raw.map((r) => r.address), raw.map((r) => r.ttl));
    return;
  }
  if (rrtype === 'ANY') raw = sortAny(raw);
  req.oncomplete(0, raw.map((r) => shape(r, rrtype === 'ANY')));
}

for (const name of Object.keys(resolveMethods)) {
  const [bindingName, rrtype] = resolveMethods[name];
  ChannelWrap.prototype[bindingName] = function(req, hostname) {
    return this._send(req, hostname, rrtype);
  };
}

// parseServer reads "ip", "ip:port", "[ip]" or "[ip]:port" into
// [family, address, port], or null.
function parseServer(s) {
  const family = isIP(s);
  if (family !== 0) return [family, s, IANA_DNS_PORT];
  let m = /^\[([^[\]]*)\](?::(\d+))?$/.exec(s);
  if (m !== null) {
    const f = isIP(m[1]);
    if (f !== 0) return [f, m[1], parseInt(m[2], 10) || IANA_DNS_PORT];
  }
  m = /^(.+?)(?::(\d+))?$/.exec(s);
  if (m !== null && m[2] !== undefined) {
    const f = isIP(m[1]);
    if (f !== 0) return [f, m[1], parseInt(m[2], 10)];
  }
  return null;
}

// ---- ResolverBase -------------------------------------------------------------------

function resolverOptions(options) {
  const { timeout = -1, tries = 4, maxTimeout = 0 } = { ...options };
  validateInt32(timeout, 'options.timeout', -1);
  validateInt32(tries, 'options.tries', 1);
  validateUint32(maxTimeout, 'options.maxTimeout');
  return [timeout, tries, Math.min(maxTimeout, 2147483647)];
}

// ResolverBase holds a channel; Resolver (callbacks) and the promises
// Resolver add the query methods.
class ResolverBase {
  constructor(options = undefined) {
    const [timeout, tries, maxTimeout] = resolverOptions(options);
    this._handle = new ChannelWrap(timeout, tries, maxTimeout);
  }

  cancel() {
    this._handle.cancel();
  }

  getServers() {
    const servers = this._handle.getServers() || [];
    return servers.map(([address, port]) => {
      if (port === IANA_DNS_PORT) return address;
      return isIP(address) === 6 ? `[${address}]:${port}` : `${address}:${port}`;
    });
  }

  setServers(servers) {
    validateArray(servers, 'servers');
    const list = [];
    servers.forEach((s, i) => { // holes are skipped
      validateString(s, `servers[${i}]`);
      const p = parseServer(s);
      if (p === null) throw new ERR_INVALID_IP_ADDRESS(s);
      validatePort(p[2]);
      list.push(p);
    });
    const failed = this._handle.setServers(list);
    if (failed) throw new ERR_DNS_SET_SERVERS_FAILED(failed, servers);
  }

  setLocalAddress(ipv4, ipv6) {
    validateString(ipv4, 'ipv4');
    if (ipv6 !== undefined) validateString(ipv6, 'ipv6');
    this._handle.setLocalAddress(ipv4, ipv6);
  }
}

// The default resolver, and the one each module's resolve* functions and
// getServers are bound to. As in node, setServers on either module makes
// a new default resolver and binds that module to it; node:dns binds
// node:dns/promises too once `dns.promises` has been read.
let defaultResolver;
function getDefaultResolver() { return defaultResolver; }
function setDefaultResolver(r) { defaultResolver = r; }
const boundResolvers = { callback: null, promises: null };

const errorCodes = {
  NODATA: 'ENODATA',
  FORMERR: 'EFORMERR',
  SERVFAIL: 'ESERVFAIL',
  NOTFOUND: 'ENOTFOUND',
  NOTIMP: 'ENOTIMP',
  REFUSED: 'EREFUSED',
  BADQUERY: 'EBADQUERY',
  BADNAME: 'EBADNAME',
  BADFAMILY: 'EBADFAMILY',
  BADRESP: 'EBADRESP',
  CONNREFUSED: 'ECONNREFUSED',
  TIMEOUT: 'ETIMEOUT',
  EOF: 'EOF',
  FILE: 'EFILE',
  NOMEM: 'ENOMEM',
  DESTRUCTION: 'EDESTRUCTION',
  BADSTR: 'EBADSTR',
  BADFLAGS: 'EBADFLAGS',
  NONAME: 'ENONAME',
  BADHINTS: 'EBADHINTS',
  NOTINITIALIZED: 'ENOTINITIALIZED',
  LOADIPHLPAPI: 'ELOADIPHLPAPI',
  ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS',
  CANCELLED: 'ECANCELLED',
};

module.exports = {
  cares,
  DNSException,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_MISSING_ARGS,
  GetAddrInfoReqWrap,
  GetNameInfoReqWrap,
  QueryReqWrap,
  ChannelWrap,
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
};
