'use strict';
// net.BlockList: rules (single addresses, ranges, subnets) that IP
// addresses are checked against. IPv4 addresses are compared in their
// IPv4-mapped IPv6 form, so an IPv4 rule also matches ::ffff:a.b.c.d.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_ADDRESS },
} = require('internal/errors');
const { SocketAddress, ipBytes } = require('internal/socketaddress');
const { validateInt32, validateString, validateArray } = require('internal/validators');

const customInspect = Symbol.for('nodejs.util.inspect.custom');
const kRules = Symbol('kRules');

function compare(a, b) {
  for (let i = 0; i < 16; i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

function inSubnet(addr, net, bits) {
  let i = 0;
  for (; bits >= 8; bits -= 8, i++) if (addr[i] !== net[i]) return false;
  if (bits === 0) return true;
  const mask = (0xff << (8 - bits)) & 0xff;
  return (addr[i] & mask) === (net[i] & mask);
}

function validateFamily(family) {
  validateString(family, 'family');
  const f = family.toLowerCase();
  if (f !== 'ipv4' && f !== 'ipv6') throw new ERR_INVALID_ARG_VALUE('options.family', family, 'is invalid');
  return f;
}

// toSocketAddress accepts a SocketAddress or an address string plus family.
function toSocketAddress(value, family, name) {
  if (SocketAddress.isSocketAddress(value)) return value;
  validateString(value, name);
  family = validateFamily(family);
  return new SocketAddress({ address: value, family });
}

const kindOrder = { Address: 0, Subnet: 1, Range: 2 };

class BlockList {
  static isBlockList(value) {
    return value != null && typeof value === 'object' && value[kRules] !== undefined;
  }

  constructor() {
    this[kRules] = [];
  }

  [customInspect](depth, options, inspect) {
    if (depth < 0) return this;
    return `BlockList ${inspect({ rules: this.rules }, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }

  addAddress(address, family = 'ipv4') {
    const sa = toSocketAddress(address, family, 'address');
    this[kRules].push({ kind: 'Address', family: sa.family, text: sa.address, a: ipBytes(sa.address, sa.family) });
  }

  addRange(start, end, family = 'ipv4') {
    const s = toSocketAddress(start, family, 'start');
    const e = toSocketAddress(end, family, 'end');
    const a = ipBytes(s.address, s.family);
    const b = ipBytes(e.address, e.family);
    if (compare(a, b) > 0) throw new ERR_INVALID_ARG_VALUE('start', s, 'must come before end');
    this[kRules].push({ kind: 'Range', family: s.family, text: `${s.address}-${e.address}`, a, b });
  }

  addSubnet(network, prefix, family = 'ipv4') {
    const sa = toSocketAddress(network, family, 'network');
    if (sa.family === 'ipv4') validateInt32(prefix, 'prefix', 0, 32);
    else validateInt32(prefix, 'prefix', 0, 128);
    const bits = sa.family === 'ipv4' ? prefix + 96 : prefix;
    this[kRules].push({ kind: 'Subnet', family: sa.family, text: `${sa.address}/${prefix}`, a: ipBytes(sa.address, sa.family), bits });
  }

  check(address, family = 'ipv4') {
    let bytes;
    if (SocketAddress.isSocketAddress(address)) {
      bytes = ipBytes(address.address, address.family);
    } else {
      validateString(address, 'address');
      family = validateFamily(family);
      bytes = ipBytes(address, family);
      if (bytes === null) return false;
    }
    for (const r of this[kRules]) {
      switch (r.kind) {
        case 'Address': if (compare(bytes, r.a) === 0) return true; break;
        case 'Range': if (compare(bytes, r.a) >= 0 && compare(bytes, r.b) <= 0) return true; break;
        case 'Subnet': if (inSubnet(bytes, r.a, r.bits)) return true; break;
      }
    }
    return false;
  }

  // rules lists the rules by kind (addresses, subnets, ranges), IPv4
  // before IPv6, newest first.
  get rules() {
    const indexed = this[kRules].map((r, i) => ({ r, i }));
    indexed.sort((x, y) => (kindOrder[x.r.kind] - kindOrder[y.r.kind]) ||
      ((x.r.family === 'ipv4' ? 0 : 1) - (y.r.family === 'ipv4' ? 0 : 1)) || (y.i - x.i));
    return indexed.map(({ r }) => `${r.kind}: ${r.family === 'ipv4' ? 'IPv4' : 'IPv6'} ${r.text}`);
  }

  toJSON() { return this.rules; }

  fromJSON(data) {
    if (typeof data === 'string') data = JSON.parse(data);
    validateArray(data, 'data');
    for (const rule of data.slice().reverse()) {
      if (typeof rule !== 'string') throw new ERR_INVALID_ARG_TYPE('data', 'string[]', data);
      const m = /^(Address|Range|Subnet): (IPv4|IPv6) (.+)$/.exec(rule);
      if (m === null) throw new ERR_INVALID_ADDRESS();
      const family = m[2].toLowerCase();
      if (m[1] === 'Address') this.addAddress(m[3], family);
      else if (m[1] === 'Range') {
        const [s, e] = m[3].split('-');
        this.addRange(s, e, family);
      } else {
        const slash = m[3].lastIndexOf('/');
        this.addSubnet(m[3].slice(0, slash), Number(m[3].slice(slash + 1)), family);
      }
    }
  }
}

module.exports = { BlockList };
