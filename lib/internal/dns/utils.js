'use strict';
// Shared by node:dns and node:dns/promises: argument checks, errors, the
// default result order, and the Resolver machinery over internalBinding('dns').

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_IP_ADDRESS,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { isIP, validatePort } = require('internal/net');
const {
  validateArray,
  validateInt32,
  validateOneOf,
  validateString,
  validateBoolean,
} = require('internal/validators');

const binding = internalBinding('dns');

// getaddrinfo's errno values as libuv numbers them.
const lookupErrnos = {
  ENOTFOUND: -3008,
  EAI_AGAIN: -3001,
  EAI_FAIL: -3004,
  EAI_NODATA: -3007,
  EAI_NONAME: -3008,
  EAI_FAMILY: -3005,
  EAI_MEMORY: -3006,
  EAI_SERVICE: -3010,
};

// dnsException: "<syscall> <CODE>[ <hostname>]" with errno (numeric for
// getaddrinfo/getnameinfo, undefined for queries), code, syscall, hostname.
function dnsException(code, syscall, hostname, errno) {
  const e = new Error(`${syscall} ${code}${hostname ? ` ${hostname}` : ''}`);
  e.errno = errno;
  e.code = code;
  e.syscall = syscall;
  if (hostname) e.hostname = hostname;
  return e;
}

function lookupException(code, syscall, hostname) {
  return dnsException(code, syscall, hostname, lookupErrnos[code]);
}

let defaultResultOrder = 'verbatim';

function validateResultOrder(order, name = 'dnsOrder') {
  validateOneOf(order, name, ['verbatim', 'ipv4first', 'ipv6first']);
}

function setDefaultResultOrder(order) {
  validateResultOrder(order);
  defaultResultOrder = order;
}

function getDefaultResultOrder() { return defaultResultOrder; }

function validateHints(hints) {
  if ((hints & ~(32 | 16 | 8)) !== 0) {
    throw new ERR_INVALID_ARG_VALUE('hints', hints);
  }
}

// parseLookupOptions reads lookup's second argument: a family number or
// an options object. It returns { family, all, order }.
function parseLookupOptions(options) {
  let family = 0;
  let all = false;
  let order = defaultResultOrder;
  let hints = 0;
  if (options === undefined || options === null) return { family, all, order, hints };
  if (typeof options === 'number') {
    validateOneOf(options, 'family', [0, 4, 6]);
    return { family: options, all, order, hints };
  }
  if (typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  }
  if (options.hints != null) {
    validateInt32(options.hints, 'options.hints');
    hints = options.hints >>> 0;
    validateHints(hints);
  }
  if (options.family != null) {
    switch (options.family) {
      case 'IPv4': family = 4; break;
      case 'IPv6': family = 6; break;
      default:
        validateOneOf(options.family, 'options.family', [0, 4, 6]);
        family = options.family;
    }
  }
  if (options.all != null) {
    validateBoolean(options.all, 'options.all');
    all = options.all;
  }
  if (options.verbatim != null) {
    validateBoolean(options.verbatim, 'options.verbatim');
    order = options.verbatim ? 'verbatim' : 'ipv4first';
  }
  if (options.order != null) {
    validateResultOrder(options.order, 'options.order');
    order = options.order;
  }
  return { family, all, order, hints };
}

// lookupRaw resolves hostname: cb(err, [{ address, family }...]).
function lookupRaw(hostname, family, order, cb) {
  binding.lookup(hostname, family, order, (code, flat) => {
    if (code) {
      cb(lookupException(code, 'getaddrinfo', hostname));
      return;
    }
    const out = [];
    for (let i = 0; i < flat.length; i += 2) out.push({ address: flat[i], family: flat[i + 1] });
    cb(null, out);
  });
}

function lookupServiceRaw(address, port, cb) {
  binding.lookupService(address, port, (code, host, service) => {
    if (code) {
      cb(lookupException(code, 'getnameinfo', address));
      return;
    }
    cb(null, host, service);
  });
}

function validateLookupServiceArgs(address, port) {
  if (arguments.length < 2) throw new ERR_MISSING_ARGS('address', 'port');
  validateString(address, 'address');
  if (isIP(address) === 0) throw new ERR_INVALID_ARG_VALUE('address', address);
  return validatePort(port);
}

// ---- queries ------------------------------------------------------------------

const rrSyscalls = {
  ANY: 'queryAny', A: 'queryA', AAAA: 'queryAaaa', CAA: 'queryCaa', CNAME: 'queryCname',
  MX: 'queryMx', NS: 'queryNs', TLSA: 'queryTlsa', TXT: 'queryTxt', SRV: 'querySrv',
  PTR: 'queryPtr', NAPTR: 'queryNaptr', SOA: 'querySoa',
};

const resolveMethods = {
  resolveAny: 'ANY', resolve4: 'A', resolve6: 'AAAA', resolveCaa: 'CAA', resolveCname: 'CNAME',
  resolveMx: 'MX', resolveNs: 'NS', resolveTlsa: 'TLSA', resolveTxt: 'TXT', resolveSrv: 'SRV',
  resolvePtr: 'PTR', resolveNaptr: 'NAPTR', resolveSoa: 'SOA',
};

function hexToArrayBuffer(hex) {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(2 * i, 2), 16);
  return out.buffer;
}

// shape turns one record from the binding into node's object, key order
// included; withType adds the "type" key (resolveAny).
function shape(r, ttl, withType) {
  let o;
  switch (r.type) {
    case 'A':
    case 'AAAA':
      if (!ttl && !withType) return r.address;
      o = { address: r.address, ttl: r.ttl };
      break;
    case 'CNAME':
    case 'NS':
    case 'PTR':
      if (!withType) return r.value;
      o = { value: r.value };
      break;
    case 'MX': o = { exchange: r.exchange, priority: r.priority }; break;
    case 'TXT':
      if (!withType) return r.entries;
      o = { entries: r.entries };
      break;
    case 'SRV': o = { name: r.name, port: r.port, priority: r.priority, weight: r.weight }; break;
    case 'NAPTR':
      o = { flags: r.flags, service: r.service, regexp: r.regexp, replacement: r.replacement,
            order: r.order, preference: r.preference };
      break;
    case 'SOA':
      o = { nsname: r.nsname, hostmaster: r.hostmaster, serial: r.serial, refresh: r.refresh,
            retry: r.retry, expire: r.expire, minttl: r.minttl };
      break;
    case 'CAA': {
      o = { critical: r.critical };
      for (const k of Object.keys(r)) if (k !== 'type' && k !== 'critical') o[k] = r[k];
      break;
    }
    case 'TLSA':
      o = { certUsage: r.certUsage, selector: r.selector, match: r.match, data: hexToArrayBuffer(r.data) };
      break;
    default:
      o = { ...r };
      delete o.type;
  }
  if (withType) o.type = r.type;
  return o;
}

// reverseName builds the PTR query name of an IP address.
function reverseName(ip) {
  const kind = isIP(ip);
  if (kind === 4) return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
  if (kind === 6) {
    const nibbles = expandIPv6(ip).split('').reverse().join('.');
    return `${nibbles}.ip6.arpa`;
  }
  return null;
}

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

// ResolverBase holds a resolver's servers and options and runs queries.
class ResolverBase {
  constructor(options = undefined) {
    let timeout = -1;
    let tries = 4;
    if (options !== undefined && options !== null) {
      if (typeof options !== 'object') throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
      if (options.timeout !== undefined) {
        validateInt32(options.timeout, 'options.timeout', -1);
        timeout = options.timeout;
      }
      if (options.tries !== undefined) {
        validateInt32(options.tries, 'options.tries', 1);
        tries = options.tries;
      }
    }
    this._timeout = timeout;
    this._tries = tries;
    this._servers = null; // null: the system's
    this._pending = new Set();
  }

  cancel() {
    for (const p of this._pending) p.cancel();
    this._pending.clear();
  }

  getServers() {
    if (this._servers === null) {
      return binding.defaultServers().map((s) => formatServer(parseServer(s)));
    }
    return this._servers.map(formatServer);
  }

  setServers(servers) {
    validateArray(servers, 'servers');
    const parsed = [];
    servers.forEach((s, i) => {
      validateString(s, `servers[${i}]`);
      const p = parseServer(s);
      if (p === null) throw new ERR_INVALID_IP_ADDRESS(s);
      parsed.push(p);
    });
    this._servers = parsed;
  }

  setLocalAddress(ipv4, ipv6) {
    validateString(ipv4, 'ipv4');
    if (isIP(ipv4) !== 4) throw new ERR_INVALID_ARG_VALUE('ipv4', ipv4);
    if (ipv6 !== undefined) {
      validateString(ipv6, 'ipv6');
      if (isIP(ipv6) !== 6) throw new ERR_INVALID_ARG_VALUE('ipv6', ipv6);
    }
    // Queries bind no local address yet: the system picks one.
  }

  // _query runs one query: cb(err, records).
  _query(name, rrtype, ttl, cb, syscall = rrSyscalls[rrtype]) {
    const servers = this._servers === null ? null :
      this._servers.map((s) => (s.family === 6 ? `[${s.address}]:${s.port}` : `${s.address}:${s.port}`));
    const entry = { cancel: () => binding.cancelQuery(id) };
    this._pending.add(entry);
    const timeout = this._timeout < 0 ? 5000 : this._timeout;
    const id = binding.query(name, rrtype, servers, timeout, this._tries, (code, json) => {
      this._pending.delete(entry);
      if (code) {
        cb(dnsException(code, syscall, name));
        return;
      }
      const raw = JSON.parse(json);
      if (rrtype === 'SOA') {
        cb(null, shape({ type: 'SOA', ...raw }, false, false));
        return;
      }
      cb(null, raw.map((r) => shape(r, ttl, rrtype === 'ANY')));
    });
  }
}

// parseServer reads "ip", "ip:port", "[ipv6]" or "[ipv6]:port".
function parseServer(s) {
  let m;
  if (isIP(s) === 4) return { address: s, port: 53, family: 4 };
  if (isIP(s) === 6) return { address: s, port: 53, family: 6 };
  if ((m = /^\[([^\]]+)\](?::(\d+))?$/.exec(s)) !== null && isIP(m[1]) === 6) {
    return { address: m[1], port: m[2] ? Number(m[2]) : 53, family: 6 };
  }
  if ((m = /^([^:]+):(\d+)$/.exec(s)) !== null && isIP(m[1]) === 4) {
    return { address: m[1], port: Number(m[2]), family: 4 };
  }
  return null;
}

function formatServer(s) {
  if (s.port === 53) return s.address;
  return s.family === 6 ? `[${s.address}]:${s.port}` : `${s.address}:${s.port}`;
}

const constants = {
  ADDRCONFIG: 32,
  ALL: 16,
  V4MAPPED: 8,
};

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
  binding,
  dnsException,
  lookupException,
  setDefaultResultOrder,
  getDefaultResultOrder,
  validateResultOrder,
  parseLookupOptions,
  lookupRaw,
  lookupServiceRaw,
  validateLookupServiceArgs,
  rrSyscalls,
  resolveMethods,
  reverseName,
  ResolverBase,
  constants,
  errorCodes,
};
