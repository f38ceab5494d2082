'use strict';
// The global fetch(), over our own http/https clients. Behaviour follows
// node's (undici's): default headers, redirects (follow/manual/error),
// content decoding, abort signals, data: URLs, and failures reported as
// `TypeError: fetch failed` with the network error as `cause`.

const { Headers, Request, Response, kNetworkResponse } = require('internal/webfetch');

const kMaxRedirects = 20;
let agents;

// Connections are kept alive and reused between calls, as undici does.
function agentFor(protocol) {
  if (!agents) {
    agents = {
      'http:': new (require('http').Agent)({ keepAlive: true }),
      'https:': new (require('https').Agent)({ keepAlive: true }),
    };
  }
  return agents[protocol];
}

function fetchFailed(cause) {
  const err = new TypeError('fetch failed');
  err.cause = cause;
  return err;
}

function abortReason(signal) {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

function fetch(input, init = undefined) {
  // A plain function returning a promise, like node's (not an async function).
  return new Promise((resolve, reject) => {
    let request;
    try {
      request = new Request(input, init);
    } catch (err) {
      reject(err);
      return;
    }
    const signal = request.signal;
    if (signal.aborted) {
      reject(abortReason(signal));
      return;
    }
    start(request, init, signal, resolve, reject);
  });
}

async function start(request, init, signal, resolve, reject) {
  const url = new URL(request.url);
  if (url.protocol === 'data:') {
    try {
      resolve(dataResponse(url));
    } catch (err) {
      reject(fetchFailed(err));
    }
    return;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    reject(fetchFailed(new TypeError(`${url.protocol.slice(0, -1)} URL scheme is not supported`)));
    return;
  }
  let body = null;
  try {
    // Streams are sent as they come; everything else is read up front so
    // that it can be replayed on a redirect.
    body = await requestBody(request);
  } catch (err) {
    reject(err);
    return;
  }
  send(request, url, request.method, body, 0, [url.href], signal, resolve, reject);
}

async function requestBody(request) {
  const b = request[require('internal/webfetch').kBody];
  if (b === null) return null;
  if (b.stream === undefined && (b.bytes || b.blob)) {
    return b.bytes ?? new Uint8Array(await b.blob.arrayBuffer());
  }
  return request.body; // a ReadableStream
}

function requestHeaders(request, url, body) {
  const out = {};
  for (const [k, v] of request.headers) out[k] = v;
  const set = (k, v) => { if (!(k in out)) out[k] = v; };
  set('accept', '*/*');
  set('accept-language', '*');
  set('sec-fetch-mode', 'cors');
  set('user-agent', 'node');
  set('accept-encoding', 'gzip, deflate');
  if (body instanceof Uint8Array) set('content-length', String(body.byteLength));
  else if (body === null && (request.method === 'POST' || request.method === 'PUT')) set('content-length', '0');
  return out;
}

function send(request, url, method, body, redirects, urlList, signal, resolve, reject) {
  const mod = require(url.protocol === 'https:' ? 'https' : 'http');
  let req;
  let settled = false;
  const onAbort = () => {
    const reason = abortReason(signal);
    if (!settled) {
      settled = true;
      reject(reason);
    }
    req.destroy(reason);
  };
  try {
    req = mod.request(url, {
      method,
      headers: requestHeaders(request, url, body),
      agent: agentFor(url.protocol),
    });
  } catch (err) {
    reject(fetchFailed(err));
    return;
  }
  signal.addEventListener('abort', onAbort, { once: true });
  req.on('error', (err) => {
    signal.removeEventListener('abort', onAbort);
    if (!settled) {
      settled = true;
      reject(fetchFailed(err));
    }
  });
  req.on('response', (res) => {
    const status = res.statusCode;
    const location = res.headers.location;
    if (status >= 300 && status < 400 && status !== 304 && location !== undefined && request.redirect !== 'manual') {
      res.resume();
      signal.removeEventListener('abort', onAbort);
      settled = true;
      if (request.redirect === 'error') {
        reject(fetchFailed(new TypeError('unexpected redirect')));
        return;
      }
      if (redirects >= kMaxRedirects) {
        reject(fetchFailed(new TypeError('redirect count exceeded')));
        return;
      }
      let next;
      try {
        next = new URL(location, url);
      } catch (err) {
        reject(fetchFailed(err));
        return;
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        reject(fetchFailed(new TypeError('URL scheme must be a HTTP(S) scheme')));
        return;
      }
      let nextMethod = method;
      let nextBody = body;
      if ((status === 303 && method !== 'GET' && method !== 'HEAD') ||
          ((status === 301 || status === 302) && method === 'POST')) {
        nextMethod = 'GET';
        nextBody = null;
        for (const h of ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location']) {
          request.headers.delete(h);
        }
      } else if (nextBody !== null && !(nextBody instanceof Uint8Array)) {
        reject(fetchFailed(new TypeError('Cannot follow a redirect with a streamed body')));
        return;
      }
      if (next.origin !== url.origin) {
        request.headers.delete('authorization');
        request.headers.delete('cookie');
        request.headers.delete('proxy-authorization');
      }
      urlList.push(next.href);
      send(request, next, nextMethod, nextBody, redirects + 1, urlList, signal, resolve, reject);
      return;
    }
    settled = true;
    resolve(networkResponse(res, method, urlList, signal, onAbort));
  });
  if (body === null) {
    req.end();
  } else if (body instanceof Uint8Array) {
    req.end(body);
  } else {
    pumpStream(body, req);
  }
}

async function pumpStream(stream, req) {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (!req.write(typeof value === 'string' ? value : new Uint8Array(value.buffer ?? value, value.byteOffset ?? 0, value.byteLength))) {
        await new Promise((r) => req.once('drain', r));
      }
    }
    req.end();
  } catch (err) {
    req.destroy(err);
  }
}

function decoderFor(encoding) {
  const zlib = require('zlib');
  // Decoders are lenient about truncated input, as browsers are.
  const opts = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip(opts);
    case 'deflate':
      return zlib.createInflate(opts);
    case 'br':
      return zlib.createBrotliDecompress({
        flush: zlib.constants.BROTLI_OPERATION_FLUSH,
        finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
      });
    default:
      return null;
  }
}

function networkResponse(res, method, urlList, signal, onAbort) {
  const headers = new Headers();
  const raw = res.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i], raw[i + 1]);
  const nullBody = method === 'HEAD' || res.statusCode === 204 || res.statusCode === 205 || res.statusCode === 304;
  let stream = null;
  if (!nullBody) {
    let source = res;
    const codings = (res.headers['content-encoding'] ?? '').toLowerCase().split(',').map((s) => s.trim()).filter(Boolean);
    if (codings.length === 1 && decoderFor(codings[0])) {
      source = require('stream').pipeline(res, decoderFor(codings[0]), () => {});
    }
    stream = require('stream').Readable.toWeb(source);
  } else {
    res.resume();
  }
  const done = () => signal.removeEventListener('abort', onAbort);
  res.on('end', done);
  res.on('close', done);
  return Response[kNetworkResponse]({
    status: res.statusCode,
    statusText: res.statusMessage ?? '',
    headers,
    stream,
    url: urlList[urlList.length - 1],
    redirected: urlList.length > 1,
  });
}

// data: URLs (RFC 2397) answer without the network.
function dataResponse(url) {
  const href = url.href;
  const comma = href.indexOf(',');
  if (comma < 0) throw new TypeError('invalid data: URL');
  let meta = href.slice(5, comma).trim();
  const isBase64 = /;\s*base64\s*$/i.test(meta);
  if (isBase64) meta = meta.replace(/;\s*base64\s*$/i, '');
  const data = decodeURIComponent(href.slice(comma + 1).replace(/%(?![0-9a-fA-F]{2})/g, '%25'));
  let bytes;
  if (isBase64) {
    bytes = new Uint8Array(require('buffer').Buffer.from(data.replace(/[\t\n\f\r ]/g, ''), 'base64'));
  } else {
    bytes = new Uint8Array(require('buffer').Buffer.from(data, 'latin1'));
  }
  let type = meta || 'text/plain;charset=US-ASCII';
  if (type.startsWith(';')) type = 'text/plain' + type;
  const headers = new Headers({ 'content-type': type });
  return Response[kNetworkResponse]({
    status: 200, statusText: 'OK', headers, bytes, url: href, redirected: false,
  });
}

module.exports = { fetch };
