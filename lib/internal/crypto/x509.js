'use strict';
// X509Certificate: parsing and checks over Go's crypto/x509.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateString, validateObject, validateBoolean } = require('internal/validators');
const { binding, kHandle, toBuf, isArrayBufferView } = require('internal/crypto/util');
const { isKeyObject, PublicKeyObject, KeyObjectHandle } = require('internal/crypto/keys');

const kInfo = Symbol('kInfo');
const kPublicKey = Symbol('kPublicKey');
const kIssuer = Symbol('kIssuer');

function isX509Certificate(v) {
  return v != null && typeof v === 'object' && v[kInfo] !== undefined;
}

function checkOptions(options) {
  if (options === undefined) return { subject: 'default', wildcards: true, partialWildcards: true };
  validateObject(options, 'options');
  const { subject = 'default', wildcards = true, partialWildcards = true, multiLabelWildcards = false,
    singleLabelSubdomains = false } = options;
  validateString(subject, 'options.subject');
  if (subject !== 'default' && subject !== 'always' && subject !== 'never') {
    throw new ERR_INVALID_ARG_VALUE('options.subject', subject);
  }
  validateBoolean(wildcards, 'options.wildcards');
  validateBoolean(partialWildcards, 'options.partialWildcards');
  validateBoolean(multiLabelWildcards, 'options.multiLabelWildcards');
  validateBoolean(singleLabelSubdomains, 'options.singleLabelSubdomains');
  return { subject, wildcards, partialWildcards };
}

function checkNoNul(value, name) {
  validateString(value, name);
  if (value.includes('\0')) throw new ERR_INVALID_ARG_VALUE(name, value);
}

class X509Certificate {
  constructor(buffer) {
    if (typeof buffer === 'string') buffer = require('buffer').Buffer.from(buffer);
    if (!isArrayBufferView(buffer)) {
      throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
    }
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    Object.defineProperty(this, kInfo, { value: binding.x509('parse', bytes) });
  }

  get subject() { return this[kInfo].subject; }
  get subjectAltName() { return this[kInfo].subjectAltName; }
  get issuer() { return this[kInfo].issuer; }
  get infoAccess() { return this[kInfo].infoAccess; }
  get validFrom() { return this[kInfo].validFrom; }
  get validTo() { return this[kInfo].validTo; }
  get validFromDate() { return new Date(this[kInfo].validFromTime); }
  get validToDate() { return new Date(this[kInfo].validToTime); }
  get fingerprint() { return this[kInfo].fingerprint; }
  get fingerprint256() { return this[kInfo].fingerprint256; }
  get fingerprint512() { return this[kInfo].fingerprint512; }
  get keyUsage() { return this[kInfo].keyUsage; }
  get serialNumber() { return this[kInfo].serialNumber; }
  get signatureAlgorithm() { return this[kInfo].signatureAlgorithm; }
  get signatureAlgorithmOid() { return this[kInfo].signatureAlgorithmOid; }
  get raw() { return toBuf(this[kInfo].raw.slice()); }
  get ca() { return this[kInfo].ca; }

  // The issuer's certificate, when the certificate came from a TLS peer
  // chain (set with setIssuerCertificate).
  get issuerCertificate() { return this[kIssuer]; }

  get publicKey() {
    if (this[kPublicKey] === undefined) {
      let res;
      try {
        res = binding.keyParse('public', this[kInfo].spki, 'der', 'spki');
      } catch {
        const err = new Error('error:03000093:digital envelope routines::decode error');
        err.library = 'digital envelope routines';
        err.reason = 'decode error';
        err.code = 'ERR_OSSL_EVP_DECODE_ERROR';
        throw err;
      }
      const [, asym, der] = res;
      this[kPublicKey] = new PublicKeyObject(new KeyObjectHandle('public', der, asym));
    }
    return this[kPublicKey];
  }

  checkHost(name, options) {
    checkNoNul(name, 'name');
    const o = checkOptions(options);
    return binding.x509('checkHost', this[kInfo].raw, name, o.subject, o.wildcards, o.partialWildcards);
  }

  checkEmail(email, options) {
    checkNoNul(email, 'email');
    const o = checkOptions(options);
    return binding.x509('checkEmail', this[kInfo].raw, email, o.subject);
  }

  checkIP(ip) {
    validateString(ip, 'ip');
    if (!require('net').isIP(ip)) throw new ERR_INVALID_ARG_VALUE('ip', ip);
    return binding.x509('checkIP', this[kInfo].raw, ip);
  }

  checkIssued(otherCert) {
    if (!isX509Certificate(otherCert)) throw new ERR_INVALID_ARG_TYPE('otherCert', 'X509Certificate', otherCert);
    return binding.x509('checkIssued', this[kInfo].raw, otherCert[kInfo].raw);
  }

  checkPrivateKey(pkey) {
    if (!isKeyObject(pkey)) throw new ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
    if (pkey.type !== 'private') throw new ERR_INVALID_ARG_VALUE('pkey', pkey);
    const spki = binding.keyPublic(pkey[kHandle].bytes);
    let pub;
    try {
      pub = this.publicKey[kHandle].bytes;
    } catch {
      return false;
    }
    return spki.length === pub.length && spki.every((b, i) => b === pub[i]);
  }

  verify(pkey) {
    if (!isKeyObject(pkey)) throw new ERR_INVALID_ARG_TYPE('pkey', 'KeyObject', pkey);
    if (pkey.type !== 'public') throw new ERR_INVALID_ARG_VALUE('pkey', pkey);
    return binding.x509('verify', this[kInfo].raw, pkey[kHandle].bytes);
  }

  toString() { return this[kInfo].pem; }
  toJSON() { return this.toString(); }

  // toLegacyObject() is the object tls.TLSSocket#getPeerCertificate()
  // returns for this certificate (built by the same Go presenter).
  toLegacyObject() {
    const out = binding.x509('legacy', this[kInfo].raw);
    out.raw = this.raw;
    if (out.pubkey !== undefined) out.pubkey = toBuf(out.pubkey);
    return out;
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `X509Certificate ${inspect({
      subject: this.subject,
      subjectAltName: this.subjectAltName,
      issuer: this.issuer,
      infoAccess: this.infoAccess,
      validFrom: this.validFrom,
      validTo: this.validTo,
      validFromDate: this.validFromDate,
      validToDate: this.validToDate,
      fingerprint: this.fingerprint,
      fingerprint256: this.fingerprint256,
      fingerprint512: this.fingerprint512,
      keyUsage: this.keyUsage,
      serialNumber: this.serialNumber,
    }, opts)}`;
  }
}

// setIssuerCertificate links a certificate to its issuer's, for
// tls.TLSSocket#getPeerX509Certificate() over a verified chain.
function setIssuerCertificate(cert, issuer) {
  if (!isX509Certificate(cert) || (issuer !== undefined && !isX509Certificate(issuer))) {
    throw new ERR_INVALID_ARG_TYPE('cert', 'X509Certificate', cert);
  }
  Object.defineProperty(cert, kIssuer, { value: issuer, configurable: true });
}

module.exports = { X509Certificate, isX509Certificate, setIssuerCertificate };
