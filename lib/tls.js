'use strict';

// node:tls over Go's crypto/tls (see lib/_tls_wrap.js and
// internal/ops/tls).

const { TLSSocket, Server, createServer, connect } = require('_tls_wrap');
const { notImplemented, codes: { ERR_TLS_CERT_ALTNAME_INVALID } } = require('internal/errors');
const net = require('net');
const { callable } = require('_http_common');

// SecureContext holds the options a context was made from; sockets read
// them when they start.
class SecureContext {
  constructor(options) {
    this.context = { options: { ...options } };
  }
}

function createSecureContext(options) {
  return new SecureContext(options || {});
}

// checkServerIdentity checks a hostname against a certificate's names as
// node does (wildcards in the left-most label only).
function checkServerIdentity(hostname, cert) {
  const altNames = String(cert.subjectaltname || '').split(', ').filter(Boolean);
  const dns = [];
  const ips = [];
  for (const n of altNames) {
    if (n.startsWith('DNS:')) dns.push(n.slice(4));
    else if (n.startsWith('IP Address:')) ips.push(n.slice(11));
  }
  let valid = false;
  let reason = 'Unknown reason';
  if (net.isIP(hostname)) {
    valid = ips.includes(hostname);
    if (!valid) reason = `IP: ${hostname} is not in the cert's list: ${ips.join(', ')}`;
  } else {
    const host = hostname.replace(/\.$/, '').toLowerCase();
    const match = (pattern) => {
      pattern = pattern.toLowerCase();
      if (pattern === host) return true;
      if (pattern.startsWith('*.')) {
        const rest = pattern.slice(1);
        return host.endsWith(rest) && host.indexOf('.') === host.length - rest.length;
      }
      return false;
    };
    if (dns.length > 0) {
      valid = dns.some(match);
      if (!valid) reason = `Host: ${hostname}. is not in the cert's altnames: ${altNames.join(', ')}`;
    } else if (cert.subject && cert.subject.CN) {
      valid = match(cert.subject.CN);
      if (!valid) reason = `Host: ${hostname}. is not cert's CN: ${cert.subject.CN}`;
    } else {
      reason = 'Cert does not contain a DNS name';
    }
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

module.exports = {
  CLIENT_RENEG_LIMIT: 3,
  CLIENT_RENEG_WINDOW: 600,
  DEFAULT_CIPHERS: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES256-GCM-SHA384',
  DEFAULT_ECDH_CURVE: 'auto',
  DEFAULT_MIN_VERSION: 'TLSv1.2',
  DEFAULT_MAX_VERSION: 'TLSv1.3',
  getCiphers() {
    return ['aes128-gcm-sha256', 'aes256-gcm-sha384', 'chacha20-poly1305',
      'ecdhe-ecdsa-aes128-gcm-sha256', 'ecdhe-ecdsa-aes256-gcm-sha384',
      'ecdhe-rsa-aes128-gcm-sha256', 'ecdhe-rsa-aes256-gcm-sha384',
      'tls_aes_128_gcm_sha256', 'tls_aes_256_gcm_sha384', 'tls_chacha20_poly1305_sha256'];
  },
  get rootCertificates() { throw notImplemented('tls.rootCertificates'); },
  checkServerIdentity,
  createSecureContext,
  SecureContext,
  TLSSocket,
  Server: callable(Server),
  createServer,
  connect,
  convertALPNProtocols() { throw notImplemented('tls.convertALPNProtocols'); },
  createSecurePair() { throw notImplemented('tls.createSecurePair'); },
};
