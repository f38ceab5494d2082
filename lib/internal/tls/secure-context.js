'use strict';

// tls.createSecureContext and tls.SecureContext: option checks in JS, the
// keys, certificates and trust store in Go (internal/ops/tls).

const { Buffer } = require('buffer');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
    ERR_TLS_INVALID_PROTOCOL_VERSION,
    ERR_TLS_PROTOCOL_VERSION_CONFLICT,
    ERR_TLS_INVALID_PROTOCOL_METHOD,
  },
  notImplemented,
} = require('internal/errors');
const {
  validateString,
  validateInt32,
  validateObject,
} = require('internal/validators');

const binding = internalBinding('tls_wrap');

const kId = Symbol('kId');

// Contexts free their Go side when collected.
const registry = typeof FinalizationRegistry === 'function' ?
  new FinalizationRegistry((id) => binding.ctxFree(id)) : null;

function isBufferLike(v) {
  return ArrayBuffer.isView(v);
}

function toBytes(v) {
  if (typeof v === 'string') return v;
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return v;
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

function validateKeyOrCert(name, value) {
  if (typeof value !== 'string' && !isBufferLike(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'Buffer', 'TypedArray', 'DataView'], value);
  }
}

const versions = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

// The methods OpenSSL named protocols by: [min, max].
const methods = {
  __proto__: null,
  SSLv23_method: [], SSLv23_client_method: [], SSLv23_server_method: [],
  TLS_method: [], TLS_client_method: [], TLS_server_method: [],
  TLSv1_method: ['TLSv1', 'TLSv1'], TLSv1_client_method: ['TLSv1', 'TLSv1'], TLSv1_server_method: ['TLSv1', 'TLSv1'],
  TLSv1_1_method: ['TLSv1.1', 'TLSv1.1'], TLSv1_1_client_method: ['TLSv1.1', 'TLSv1.1'], TLSv1_1_server_method: ['TLSv1.1', 'TLSv1.1'],
  TLSv1_2_method: ['TLSv1.2', 'TLSv1.2'], TLSv1_2_client_method: ['TLSv1.2', 'TLSv1.2'], TLSv1_2_server_method: ['TLSv1.2', 'TLSv1.2'],
};

function engineError() {
  const err = new Error('error:12800067:DSO support routines::could not load the shared library');
  err.opensslErrorStack = ['error:12800067:DSO support routines::dlfcn_load:could not load the shared library'];
  return err;
}

// NativeSecureContext is the object at secureContext.context, with the
// methods node's native context has.
class NativeSecureContext {
  constructor() {
    this[kId] = binding.ctxNew();
    if (registry) registry.register(this, this[kId]);
  }

  init(secureProtocol, minVersion, maxVersion) {
    let min = minVersion;
    let max = maxVersion;
    if (secureProtocol) {
      const m = methods[secureProtocol];
      if (m === undefined) {
        if (/^SSLv2_/.test(secureProtocol)) throw new ERR_TLS_INVALID_PROTOCOL_METHOD('SSLv2 methods disabled');
        if (/^SSLv3_/.test(secureProtocol)) throw new ERR_TLS_INVALID_PROTOCOL_METHOD('SSLv3 methods disabled');
        throw new ERR_TLS_INVALID_PROTOCOL_METHOD(`Unknown method: ${secureProtocol}`);
      }
      if (m.length) [min, max] = m;
    }
    binding.ctxSetProto(this[kId], min || '', max || '');
  }

  setKey(key, passphrase) { binding.ctxSetKey(this[kId], toBytes(key), passphrase); }
  setCert(cert) { binding.ctxSetCert(this[kId], toBytes(cert)); }
  addCACert(ca) { binding.ctxAddCACert(this[kId], toBytes(ca)); }
  addRootCerts() {}
  addCRL() { throw notImplemented('tls.SecureContext CRL (crl option)'); }
  setCiphers(list, hasTLS13) { binding.ctxSetCiphers(this[kId], list, !!hasTLS13); }
  setCipherSuites() {}
  setHonorCipherOrder(v) { binding.ctxSetHonorCipherOrder(this[kId], !!v); }
  setSigalgs() {}
  setECDHCurve(curve) {
    if (!binding.ctxSetECDHCurve(this[kId], curve)) {
      const err = new Error('Failed to set ECDH curve');
      err.code = 'ERR_CRYPTO_OPERATION_FAILED';
      throw err;
    }
  }
  setDHParam() { throw notImplemented('tls.createSecureContext dhparam'); }
  setMinProto(v) { binding.ctxSetProto(this[kId], v, ''); }
  setMaxProto(v) { binding.ctxSetProto(this[kId], '', v); }
  setOptions() {}
  setSessionIdContext() {}
  setSessionTimeout(t) { binding.ctxSetSessionTimeout(this[kId], t); }
  setTicketKeys(keys) { binding.ctxSetTicketKeys(this[kId], keys); }
  getTicketKeys() { return Buffer.from(binding.ctxGetTicketKeys(this[kId])); }
  getCertificate() {
    const der = binding.ctxGetCertificate(this[kId]);
    return der ? Buffer.from(der) : null;
  }
  loadPKCS12() { throw notImplemented('tls.createSecureContext pfx'); }
  close() {}
  // _external stands for the native handle; only a real context has one.
  get _external() {
    if (!Object.prototype.hasOwnProperty.call(this, kId)) throw new TypeError('Illegal invocation');
    return {};
  }

  setEngineKey() { throw engineError(); }
  setClientCertEngine() { throw engineError(); }
}

// SecureContext is what tls.createSecureContext returns.
class SecureContext {
  constructor(secureProtocol, secureOptions, minVersion, maxVersion) {
    if (!(this instanceof SecureContext)) {
      return new SecureContext(secureProtocol, secureOptions, minVersion, maxVersion);
    }
    const tls = require('tls');
    if (minVersion === undefined) minVersion = tls.DEFAULT_MIN_VERSION;
    if (maxVersion === undefined) maxVersion = tls.DEFAULT_MAX_VERSION;
    if (secureProtocol) {
      validateString(secureProtocol, 'secureProtocol');
    }
    if (!versions.includes(minVersion)) throw new ERR_TLS_INVALID_PROTOCOL_VERSION(minVersion, 'minimum');
    if (!versions.includes(maxVersion)) throw new ERR_TLS_INVALID_PROTOCOL_VERSION(maxVersion, 'maximum');
    this.context = new NativeSecureContext();
    this.context.init(secureProtocol, minVersion, maxVersion);
  }
}

function createSecureContext(options) {
  if (options === undefined || options === null) options = {};
  else validateObject(options, 'options');
  const {
    honorCipherOrder, minVersion, maxVersion, secureProtocol,
  } = options;
  if (secureProtocol && (minVersion || maxVersion)) {
    throw new ERR_TLS_PROTOCOL_VERSION_CONFLICT(minVersion || maxVersion, secureProtocol);
  }
  const c = new SecureContext(secureProtocol, options.secureOptions, minVersion, maxVersion);
  configure(c, options);
  // A server prefers its own cipher order when asked to.
  if (honorCipherOrder) c.context.setHonorCipherOrder(true);
  return c;
}

function configure(c, options) {
  const ctx = c.context;
  const {
    ca, cert, key, passphrase, ciphers, ecdhCurve, dhparam, crl, pfx,
    sigalgs, clientCertEngine, privateKeyEngine, privateKeyIdentifier,
    ticketKeys, sessionTimeout, sessionIdContext,
  } = options;

  if (ca) {
    for (const v of Array.isArray(ca) ? ca : [ca]) {
      validateKeyOrCert('options.ca', v);
      ctx.addCACert(v);
    }
  }
  if (cert) {
    for (const v of Array.isArray(cert) ? cert : [cert]) {
      validateKeyOrCert('options.cert', v);
    }
  }
  if (key) {
    if (Array.isArray(key)) {
      for (const v of key) validateKeyOrCert('options.key', v !== null && typeof v === 'object' && v.pem !== undefined ? v.pem : v);
    } else {
      validateKeyOrCert('options.key', key);
    }
  }
  if (passphrase !== undefined && passphrase !== null) validateString(passphrase, 'options.passphrase');
  if (key) {
    for (const v of Array.isArray(key) ? key : [key]) {
      const pem = (v !== null && typeof v === 'object' && v.pem !== undefined) ? v.pem : v;
      const pass = (v !== null && typeof v === 'object' && v.passphrase !== undefined) ? v.passphrase : passphrase;
      ctx.setKey(pem, pass === null ? undefined : pass);
    }
  }
  if (cert) {
    for (const v of Array.isArray(cert) ? cert : [cert]) ctx.setCert(v);
  }

  if (sigalgs !== undefined && sigalgs !== null) {
    validateString(sigalgs, 'options.sigalgs');
    if (sigalgs === '') throw new ERR_INVALID_ARG_VALUE('options.sigalgs', sigalgs);
    ctx.setSigalgs(sigalgs);
  }
  if (privateKeyIdentifier != null || privateKeyEngine != null) {
    if (privateKeyEngine == null) {
      throw new ERR_INVALID_ARG_VALUE('options.privateKeyEngine', privateKeyEngine);
    }
    if (privateKeyIdentifier == null) {
      throw new ERR_INVALID_ARG_VALUE('options.privateKeyIdentifier', privateKeyIdentifier);
    }
    validateString(privateKeyEngine, 'options.privateKeyEngine');
    validateString(privateKeyIdentifier, 'options.privateKeyIdentifier');
    ctx.setEngineKey(privateKeyIdentifier, privateKeyEngine);
  }

  if (ciphers !== undefined && ciphers !== null) validateString(ciphers, 'options.ciphers');
  const list = ciphers || require('tls').DEFAULT_CIPHERS;
  const parts = list.split(':');
  const tls13 = parts.filter((p) => /^TLS_/.test(p));
  const tls12 = parts.filter((p) => !/^TLS_/.test(p));
  if (tls13.length) ctx.setCipherSuites(tls13.join(':'));
  ctx.setCiphers(tls12.join(':'), tls13.length > 0);

  if (ecdhCurve !== undefined && ecdhCurve !== null) {
    validateString(ecdhCurve, 'options.ecdhCurve');
    ctx.setECDHCurve(ecdhCurve);
  } else {
    ctx.setECDHCurve(require('tls').DEFAULT_ECDH_CURVE);
  }
  if (dhparam !== undefined && dhparam !== null && dhparam !== 'auto') {
    validateKeyOrCert('options.dhparam', dhparam);
    ctx.setDHParam(dhparam);
  }
  if (crl) {
    for (const v of Array.isArray(crl) ? crl : [crl]) {
      validateKeyOrCert('options.crl', v);
      ctx.addCRL(v);
    }
  }
  if (sessionIdContext) {
    validateString(sessionIdContext, 'options.sessionIdContext');
    ctx.setSessionIdContext(sessionIdContext);
  }
  if (pfx) {
    for (const v of Array.isArray(pfx) ? pfx : [pfx]) {
      const buf = (v !== null && typeof v === 'object' && v.buf !== undefined) ? v.buf : v;
      validateKeyOrCert('options.pfx', buf);
      ctx.loadPKCS12(buf, v.passphrase || passphrase);
    }
  }
  if (clientCertEngine !== undefined && clientCertEngine !== null) {
    validateString(clientCertEngine, 'options.clientCertEngine');
    ctx.setClientCertEngine(clientCertEngine);
  }
  if (ticketKeys !== undefined && ticketKeys !== null) {
    if (!isBufferLike(ticketKeys)) {
      throw new ERR_INVALID_ARG_TYPE('options.ticketKeys', ['Buffer', 'TypedArray', 'DataView'], ticketKeys);
    }
    if (ticketKeys.byteLength !== 48) {
      throw new ERR_INVALID_ARG_VALUE('options.ticketKeys', ticketKeys.byteLength, 'must be exactly 48 bytes');
    }
    ctx.setTicketKeys(toBytes(ticketKeys));
  }
  if (sessionTimeout !== undefined && sessionTimeout !== null) {
    validateInt32(sessionTimeout, 'options.sessionTimeout', 0);
    ctx.setSessionTimeout(sessionTimeout);
  }
}

// convertALPNProtocols puts the wire form of protocols (a list of
// length-prefixed names) at out.ALPNProtocols.
function convertALPNProtocols(protocols, out) {
  if (Array.isArray(protocols)) {
    const parts = [];
    for (let i = 0; i < protocols.length; i++) {
      const p = Buffer.from(String(protocols[i]));
      if (p.length > 255) {
        throw new ERR_OUT_OF_RANGE(`The byte length of the protocol at index ${i} exceeds the maximum length.`, '<= 255', p.length, true);
      }
      parts.push(Buffer.from([p.length]), p);
    }
    out.ALPNProtocols = Buffer.concat(parts);
  } else if (ArrayBuffer.isView(protocols)) {
    out.ALPNProtocols = Buffer.from(Buffer.from(protocols.buffer, protocols.byteOffset, protocols.byteLength));
  }
}

// alpnList reads ALPNProtocols (array or wire form) as names.
function alpnList(p) {
  if (p === undefined || p === null) return undefined;
  if (Array.isArray(p)) return p.map(String);
  if (ArrayBuffer.isView(p)) {
    const b = Buffer.from(p.buffer, p.byteOffset, p.byteLength);
    const out = [];
    for (let i = 0; i < b.length;) {
      const n = b[i];
      out.push(b.subarray(i + 1, i + 1 + n).toString());
      i += 1 + n;
    }
    return out;
  }
  throw new ERR_INVALID_ARG_TYPE('options.ALPNProtocols', ['Array', 'Buffer', 'TypedArray', 'DataView'], p);
}

function contextId(sc) {
  return sc.context[kId];
}

const caCache = { __proto__: null };

// useSystemCA: the last --[no-]use-system-ca of NODE_OPTIONS then the
// command line (a worker's execArgv) decides; without one,
// NODE_USE_SYSTEM_CA=1 turns the system store on.
function useSystemCA() {
  const args = (process.env.NODE_OPTIONS || '').split(/\s+/).concat(process.execArgv);
  let use;
  for (const a of args) {
    if (a === '--use-system-ca') use = true;
    else if (a === '--no-use-system-ca') use = false;
  }
  if (use !== undefined) return use;
  return process.env.NODE_USE_SYSTEM_CA === '1';
}

function getCACertificates(type = 'default') {
  validateString(type, 'type');
  if (!['default', 'bundled', 'system', 'extra'].includes(type)) {
    throw new ERR_INVALID_ARG_VALUE('type', type);
  }
  if (caCache[type] === undefined) {
    caCache[type] = Object.freeze(binding.getCACertificates(type, useSystemCA()));
  }
  return caCache[type];
}

function setDefaultCACertificates(certs) {
  if (!Array.isArray(certs)) throw new ERR_INVALID_ARG_TYPE('certs', 'Array', certs);
  for (let i = 0; i < certs.length; i++) {
    const c = certs[i];
    if (typeof c !== 'string' && !isBufferLike(c)) {
      throw new ERR_INVALID_ARG_TYPE(`certs[${i}]`, ['string', 'ArrayBufferView'], c);
    }
  }
  binding.setDefaultCACertificates(certs.map(toBytes));
  caCache.default = undefined;
}

// As in node, loading tls starts reading the root stores off the loop,
// unless --use-openssl-ca (the last of it and --use-bundled-ca) asks for
// OpenSSL's own store.
{
  const args = (process.env.NODE_OPTIONS || '').split(/\s+/).concat(process.execArgv);
  let opensslCA = false;
  for (const a of args) {
    if (a === '--use-openssl-ca') opensslCA = true;
    else if (a === '--use-bundled-ca') opensslCA = false;
  }
  if (!opensslCA) binding.startLoadingCertificates(useSystemCA());
}

module.exports = {
  SecureContext,
  createSecureContext,
  convertALPNProtocols,
  alpnList,
  contextId,
  useSystemCA,
  getCACertificates,
  setDefaultCACertificates,
  DEFAULT_MIN_VERSION: 'TLSv1.2',
  DEFAULT_MAX_VERSION: 'TLSv1.3',
  DEFAULT_CIPHERS: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA',
  DEFAULT_ECDH_CURVE: 'auto',
};
