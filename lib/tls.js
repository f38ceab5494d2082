'use strict';

// node:tls over Go's crypto/tls (see lib/_tls_wrap.js,
// lib/internal/tls/secure-context.js and internal/ops/tls).

const { TLSSocket, Server, createServer, connect } = require('_tls_wrap');
const {
  SecureContext,
  createSecureContext,
  convertALPNProtocols,
  getCACertificates,
  setDefaultCACertificates,
  DEFAULT_CIPHERS,
} = require('internal/tls/secure-context');
const { notImplemented, codes: { ERR_TLS_CERT_ALTNAME_INVALID } } = require('internal/errors');
const net = require('net');
const { Buffer } = require('buffer');
const { callable } = require('_http_common');

const binding = internalBinding('tls_wrap');

// splitAltNames splits a subjectaltname string at ", ", keeping the
// JSON-quoted names (those with a comma or quote inside) whole.
function splitAltNames(s) {
  const out = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < s.length && s[j] !== '"') {
        if (s[j] === '\\') j++;
        j++;
      }
      cur += JSON.parse(s.slice(i, j + 1));
      i = j;
    } else if (ch === ',' && s[i + 1] === ' ') {
      out.push(cur);
      cur = '';
      i++;
    } else {
      cur += ch;
    }
  }
  if (cur !== '') out.push(cur);
  return out;
}

function canonicalIP(ip) {
  if (net.isIPv6(ip)) {
    try {
      return new URL(`http://[${ip}]`).hostname.slice(1, -1);
    } catch {
      return ip;
    }
  }
  return ip;
}

function hostLabels(name) {
  return name.replace(/\.$/, '').toLowerCase().split('.');
}

// matchName checks host labels against a certificate name: exact, or a
// wildcard in the first label of a name with at least three labels.
function matchName(host, pattern, wildcards) {
  if (!pattern) return false;
  const pat = hostLabels(pattern);
  if (pat.length !== host.length) return false;
  if (pat.includes('')) return false;
  if (pat.some((p) => /[^\u0021-\u007F]/u.test(p))) return false;
  for (let i = host.length - 1; i > 0; i--) {
    if (host[i] !== pat[i]) return false;
  }
  const first = pat[0];
  const pieces = first.split('*');
  if (pieces.length === 1 || first.includes('xn--')) return host[0] === first;
  if (!wildcards || pieces.length > 2 || pat.length <= 2) return false;
  const [prefix, suffix] = pieces;
  const label = host[0];
  return prefix.length + suffix.length <= label.length &&
    label.startsWith(prefix) && label.endsWith(suffix);
}

// checkServerIdentity checks a hostname against a certificate's names
// (RFC 6125): subjectAltName DNS and IP entries, else the subject CN.
function checkServerIdentity(hostname, cert) {
  const subject = cert.subject;
  const altNames = cert.subjectaltname;
  const dnsNames = [];
  const ips = [];
  hostname = '' + hostname;
  if (altNames) {
    for (const name of splitAltNames(altNames)) {
      if (name.startsWith('DNS:')) dnsNames.push(name.slice(4));
      else if (name.startsWith('IP Address:') && net.isIP(name.slice(11))) ips.push(canonicalIP(name.slice(11)));
    }
  }
  let valid = false;
  let reason = 'Unknown reason';
  hostname = hostname.replace(/\.$/, '');
  if (net.isIP(hostname)) {
    valid = ips.includes(canonicalIP(hostname));
    if (!valid) reason = `IP: ${hostname} is not in the cert's list: ${ips.join(', ')}`;
  } else if (dnsNames.length > 0 || (subject && subject.CN)) {
    const host = hostLabels(hostname);
    const test = (p) => matchName(host, p, true);
    if (dnsNames.length > 0) {
      valid = dnsNames.some(test);
      if (!valid) reason = `Host: ${hostname}. is not in the cert's altnames: ${altNames}`;
    } else {
      const cn = subject.CN;
      valid = Array.isArray(cn) ? cn.some(test) : test(cn);
      if (!valid) reason = `Host: ${hostname}. is not cert's CN: ${cn}`;
    }
  } else {
    reason = 'Cert does not contain a DNS name';
  }
  if (!valid) {
    const err = new ERR_TLS_CERT_ALTNAME_INVALID(reason);
    err.reason = reason;
    err.host = hostname;
    err.cert = cert;
    return err;
  }
  return undefined;
}

// certificateObject describes DER bytes as getPeerCertificate does.
function certificateObject(der) {
  const o = binding.certInfo(der);
  if (!o) return null;
  if (o.raw) o.raw = Buffer.from(o.raw.buffer, o.raw.byteOffset, o.raw.byteLength);
  if (o.pubkey) o.pubkey = Buffer.from(o.pubkey.buffer, o.pubkey.byteOffset, o.pubkey.byteLength);
  return o;
}

const cipherNames = [
  'aes128-gcm-sha256', 'aes128-sha', 'aes128-sha256', 'aes256-gcm-sha384', 'aes256-sha',
  'des-cbc3-sha', 'ecdhe-ecdsa-aes128-gcm-sha256', 'ecdhe-ecdsa-aes128-sha',
  'ecdhe-ecdsa-aes128-sha256', 'ecdhe-ecdsa-aes256-gcm-sha384', 'ecdhe-ecdsa-aes256-sha',
  'ecdhe-ecdsa-chacha20-poly1305', 'ecdhe-rsa-aes128-gcm-sha256', 'ecdhe-rsa-aes128-sha',
  'ecdhe-rsa-aes128-sha256', 'ecdhe-rsa-aes256-gcm-sha384', 'ecdhe-rsa-aes256-sha',
  'ecdhe-rsa-chacha20-poly1305', 'ecdhe-rsa-des-cbc3-sha',
  'tls_aes_128_gcm_sha256', 'tls_aes_256_gcm_sha384', 'tls_chacha20_poly1305_sha256',
];

module.exports = {
  CLIENT_RENEG_LIMIT: 3,
  CLIENT_RENEG_WINDOW: 600,
  DEFAULT_CIPHERS,
  DEFAULT_ECDH_CURVE: 'auto',
  DEFAULT_MIN_VERSION: 'TLSv1.2',
  DEFAULT_MAX_VERSION: 'TLSv1.3',
  getCiphers() {
    return cipherNames.slice();
  },
  get rootCertificates() { return getCACertificates('bundled'); },
  getCACertificates,
  setDefaultCACertificates,
  checkServerIdentity,
  createSecureContext,
  SecureContext,
  TLSSocket,
  Server: callable(Server),
  createServer,
  connect,
  convertALPNProtocols,
  _certificateObject: certificateObject,
  createSecurePair() { throw notImplemented('tls.createSecurePair'); },
};
