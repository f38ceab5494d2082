'use strict';
// net.SocketAddress: an immutable IP address, port, family and flow label.

const {
  codes: { ERR_INVALID_ADDRESS, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { isIPv4, isIPv6, validatePort } = require('internal/net');
const { validateObject, validateString, validateUint32 } = require('internal/validators');

const kDetail = Symbol('kDetail');
const customInspect = Symbol.for('nodejs.util.inspect.custom');

class SocketAddress {
  static isSocketAddress(value) {
    return value != null && typeof value === 'object' && value[kDetail] !== undefined;
  }

  // parse('host:port') returns a SocketAddress, or undefined when input is
  // not an address with an optional port. The host and port are read as a
  // URL authority does (so an IPv6 host needs brackets).
  static parse(input) {
    validateString(input, 'input');
    try {
      const { URL } = require('internal/url');
      const url = new URL(`http://${input}`);
      let address = url.hostname;
      if (address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
      return new SocketAddress({
        address,
        port: url.port === '' ? 0 : Number(url.port),
        family: isIPv6(address) ? 'ipv6' : 'ipv4',
      });
    } catch {
      return undefined;
    }
  }

  constructor(options = {}) {
    validateObject(options, 'options');
    let { family = 'ipv4' } = options;
    const {
      address = (family === 'ipv4' ? '127.0.0.1' : '::'),
      port = 0,
      flowlabel = 0,
    } = options;
    validateString(family, 'options.family');
    family = family.toLowerCase();
    if (family !== 'ipv4' && family !== 'ipv6') {
      throw new ERR_INVALID_ARG_VALUE('options.family', options.family);
    }
    validateString(address, 'options.address');
    const p = validatePort(port, 'options.port');
    validateUint32(flowlabel, 'options.flowlabel', false);
    if ((family === 'ipv4' && !isIPv4(address)) || (family === 'ipv6' && !isIPv6(address))) {
      throw new ERR_INVALID_ADDRESS();
    }
    this[kDetail] = { address, port: p, family, flowlabel };
  }

  get address() { return this[kDetail].address; }
  get port() { return this[kDetail].port; }
  get family() { return this[kDetail].family; }
  get flowlabel() { return this[kDetail].flowlabel; }

  [customInspect](depth, options, inspect) {
    if (depth < 0) return this;
    return `SocketAddress ${inspect(this.toJSON(), { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }

  toJSON() {
    return { address: this.address, port: this.port, family: this.family, flowlabel: this.flowlabel };
  }
}

// ipBytes returns the 16 bytes of an address (IPv4 as ::ffff:a.b.c.d), or
// null if it is not one.
function ipBytes(address, family) {
  const out = new Uint8Array(16);
  if (family === 'ipv4') {
    if (!isIPv4(address)) return null;
    out[10] = 0xff;
    out[11] = 0xff;
    const parts = address.split('.');
    for (let i = 0; i < 4; i++) out[12 + i] = Number(parts[i]);
    return out;
  }
  if (!isIPv6(address)) return null;
  let s = address;
  const pct = s.indexOf('%');
  if (pct !== -1) s = s.slice(0, pct);
  let tail = [];
  const lastColon = s.lastIndexOf(':');
  if (s.indexOf('.', lastColon) !== -1) {
    const v4 = s.slice(lastColon + 1).split('.').map(Number);
    tail = [(v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]];
    s = s.slice(0, lastColon + 1);
    if (s.endsWith('::')) s += '';
    else s = s.slice(0, -1);
  }
  const groups = 8 - tail.length;
  const split = (t) => (t === '' ? [] : t.split(':').map((g) => parseInt(g, 16)));
  let words;
  const dbl = s.indexOf('::');
  if (dbl !== -1) {
    const head = split(s.slice(0, dbl));
    const rest = split(s.slice(dbl + 2));
    words = [...head, ...new Array(groups - head.length - rest.length).fill(0), ...rest];
  } else {
    words = split(s);
  }
  words = words.concat(tail);
  for (let i = 0; i < 8; i++) {
    out[2 * i] = words[i] >> 8;
    out[2 * i + 1] = words[i] & 0xff;
  }
  return out;
}

module.exports = { SocketAddress, kDetail, ipBytes };
