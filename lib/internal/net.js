'use strict';
// IP address syntax checks shared by net, dns and url.

// An IPv4 address: four decimal parts 0-255 without leading zeros.
function isIPv4(s) {
  if (typeof s !== 'string') s = `${s}`;
  if (s.length < 7 || s.length > 15) return false;
  const parts = s.split('.');
  if (parts.length !== 4) return false;
  for (const p of parts) {
    if (!/^(?:0|[1-9][0-9]{0,2})$/.test(p) || Number(p) > 255) return false;
  }
  return true;
}

// An IPv6 address in any of its textual forms (RFC 4291 section 2.2), with
// an optional trailing IPv4 part and "%zone".
function isIPv6(s) {
  if (typeof s !== 'string') s = `${s}`;
  if (s.length < 2) return false;
  const pct = s.indexOf('%');
  if (pct !== -1) {
    if (!/^[0-9a-zA-Z.:-]+$/.test(s.slice(pct + 1))) return false;
    s = s.slice(0, pct);
  }
  let groups = 8;
  const lastColon = s.lastIndexOf(':');
  if (lastColon !== -1 && s.indexOf('.', lastColon) !== -1) {
    if (!isIPv4(s.slice(lastColon + 1))) return false;
    s = s.slice(0, lastColon + 1) + '0';
    groups = 7;
  }
  const dbl = s.indexOf('::');
  if (dbl !== -1 && s.indexOf('::', dbl + 1) !== -1) return false;
  const hex = /^[0-9a-fA-F]{1,4}$/;
  const count = (part) => {
    if (part === '') return 0;
    const gs = part.split(':');
    for (const g of gs) if (!hex.test(g)) return -1;
    return gs.length;
  };
  if (dbl === -1) return count(s) === groups;
  const head = count(s.slice(0, dbl));
  const tail = count(s.slice(dbl + 2));
  return head >= 0 && tail >= 0 && head + tail < groups;
}

function isIP(s) {
  if (isIPv4(s)) return 4;
  if (isIPv6(s)) return 6;
  return 0;
}

// ---- system errors as node:net and node:dns report them ----------------

let uvMap;
// uvErrorInfo returns [name, description] for a negative libuv errno.
function uvErrorInfo(errno) {
  if (uvMap === undefined) {
    uvMap = new Map();
    for (const [n, name, desc] of require('internal/util/uv_errors')) uvMap.set(n, [name, desc]);
  }
  return uvMap.get(errno) || ['UNKNOWN', 'unknown error'];
}

// errnoException: "<syscall> <CODE>[ <original>]", with errno, code, syscall.
function errnoException(errno, syscall, original) {
  const code = uvErrorInfo(errno)[0];
  const e = new Error(original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`);
  e.errno = errno;
  e.code = code;
  e.syscall = syscall;
  return e;
}

function hostPortDetails(address, port) {
  if (port && port > 0) return ` ${address}:${port}`;
  if (address) return ` ${address}`;
  return '';
}

// exceptionWithHostPort: "<syscall> <CODE> <address>:<port>[ - Local (<additional>)]".
function exceptionWithHostPort(errno, syscall, address, port, additional) {
  const code = uvErrorInfo(errno)[0];
  let details = hostPortDetails(address, port);
  if (additional) details += ` - Local (${additional})`;
  const e = new Error(`${syscall} ${code}${details}`);
  e.errno = errno;
  e.code = code;
  e.syscall = syscall;
  e.address = address;
  if (port) e.port = port;
  return e;
}

// uvExceptionWithHostPort: "<syscall> <CODE>: <description> <address>:<port>".
function uvExceptionWithHostPort(errno, syscall, address, port) {
  const [code, desc] = uvErrorInfo(errno);
  const e = new Error(`${syscall} ${code}: ${desc}${hostPortDetails(address, port)}`);
  e.errno = errno;
  e.code = code;
  e.syscall = syscall;
  if (address) e.address = address;
  if (port) e.port = port;
  return e;
}

// A port is an integer 0..65535 given as a number or a numeric string.
function isLegalPort(port) {
  if ((typeof port !== 'number' && typeof port !== 'string') ||
      (typeof port === 'string' && port.trim().length === 0)) return false;
  return +port === (+port >>> 0) && port <= 0xFFFF;
}

function validatePort(port, name = 'Port', allowZero = true) {
  if ((typeof port !== 'number' && typeof port !== 'string') ||
      (typeof port === 'string' && port.trim().length === 0) ||
      +port !== (+port >>> 0) || port > 0xFFFF || (port === 0 && !allowZero)) {
    const { codes: { ERR_SOCKET_BAD_PORT } } = require('internal/errors');
    throw new ERR_SOCKET_BAD_PORT(name, port, allowZero);
  }
  return port | 0;
}

// A socket's noDelay and keep-alive settings, kept on the socket until its
// handle exists (the keep-alive delay in seconds, as node's).
const kSetNoDelay = Symbol('kSetNoDelay');
const kSetKeepAlive = Symbol('kSetKeepAlive');
const kSetKeepAliveInitialDelay = Symbol('kSetKeepAliveInitialDelay');

module.exports = {
  kSetNoDelay,
  kSetKeepAlive,
  kSetKeepAliveInitialDelay,
  isIP,
  isIPv4,
  isIPv6,
  uvErrorInfo,
  errnoException,
  exceptionWithHostPort,
  uvExceptionWithHostPort,
  isLegalPort,
  validatePort,
};
