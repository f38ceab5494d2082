'use strict';
// Helpers of node:http2: settings validation and packing, header lists.

const {
  codes: {
    ERR_HTTP2_HEADER_SINGLE_VALUE,
    ERR_HTTP2_INVALID_CONNECTION_HEADERS,
    ERR_HTTP2_INVALID_PSEUDOHEADER,
    ERR_HTTP2_INVALID_SETTING_VALUE,
    ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH,
    ERR_HTTP2_TOO_MANY_CUSTOM_SETTINGS,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_HTTP_TOKEN,
    ERR_HTTP2_INVALID_HEADER_VALUE,
  },
} = require('internal/errors');

const sensitiveHeaders = Symbol('nodejs.http2.sensitiveHeaders');
const kSocket = Symbol('socket');

// Setting names in the order node lists them, with their ids.
const settingIds = {
  headerTableSize: 1,
  enablePush: 2,
  maxConcurrentStreams: 3,
  initialWindowSize: 4,
  maxFrameSize: 5,
  maxHeaderListSize: 6,
  enableConnectProtocol: 8,
};
const settingNames = {};
for (const [k, v] of Object.entries(settingIds)) settingNames[v] = k;

const kMaxUint32 = 2 ** 32 - 1;

function getDefaultSettings() {
  return {
    headerTableSize: 4096,
    enablePush: true,
    initialWindowSize: 65535,
    maxFrameSize: 16384,
    maxConcurrentStreams: 4294967295,
    maxHeaderSize: 65535,
    maxHeaderListSize: 65535,
    enableConnectProtocol: false,
  };
}

function checkRange(name, value, min, max) {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ERR_HTTP2_INVALID_SETTING_VALUE.RangeError(name, value);
  }
}

function checkBool(name, value) {
  if (value !== undefined && typeof value !== 'boolean') {
    throw new ERR_HTTP2_INVALID_SETTING_VALUE(name, String(value));
  }
}

// validateSettings checks a settings object as session.settings() and
// getPackedSettings() do.
function validateSettings(settings) {
  if (settings === undefined) return;
  if (settings === null || typeof settings !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('settings', 'Object', settings);
  }
  checkRange('headerTableSize', settings.headerTableSize, 0, kMaxUint32);
  checkRange('maxHeaderSize', settings.maxHeaderSize, 0, kMaxUint32);
  if (settings.maxHeaderSize !== undefined && settings.maxHeaderListSize === undefined) {
    settings.maxHeaderListSize = settings.maxHeaderSize;
  }
  checkRange('initialWindowSize', settings.initialWindowSize, 0, 2 ** 31 - 1);
  checkRange('maxFrameSize', settings.maxFrameSize, 16384, 2 ** 24 - 1);
  checkRange('maxConcurrentStreams', settings.maxConcurrentStreams, 0, kMaxUint32);
  checkRange('maxHeaderListSize', settings.maxHeaderListSize, 0, kMaxUint32);
  checkRange('maxHeaderSize', settings.maxHeaderSize, 0, kMaxUint32);
  checkBool('enablePush', settings.enablePush);
  checkBool('enableConnectProtocol', settings.enableConnectProtocol);
  const custom = settings.customSettings;
  if (custom !== undefined) {
    if (custom === null || typeof custom !== 'object') {
      throw new ERR_HTTP2_INVALID_SETTING_VALUE('customSettings', custom);
    }
    const keys = Object.keys(custom);
    if (keys.length > 10) throw new ERR_HTTP2_TOO_MANY_CUSTOM_SETTINGS();
    for (const k of keys) {
      const id = Number(k);
      if (!Number.isInteger(id) || id < 0 || id > 0xffff) {
        throw new ERR_HTTP2_INVALID_SETTING_VALUE.RangeError('customSettings:id', k);
      }
      checkRange('customSettings:value', custom[k], 0, kMaxUint32);
    }
  }
}

// settingsPairs turns a settings object into [id, value, ...].
function settingsPairs(settings) {
  const out = [];
  if (!settings) return out;
  for (const [name, id] of Object.entries(settingIds)) {
    const v = settings[name];
    if (v === undefined) continue;
    out.push(id, typeof v === 'boolean' ? (v ? 1 : 0) : v);
  }
  if (settings.customSettings) {
    for (const k of Object.keys(settings.customSettings)) {
      out.push(Number(k), settings.customSettings[k]);
    }
  }
  return out;
}

function getPackedSettings(settings = {}) {
  validateSettings(settings);
  const pairs = settingsPairs(settings);
  const { Buffer } = require('buffer');
  const buf = Buffer.alloc(pairs.length * 3);
  for (let i = 0; i < pairs.length; i += 2) {
    buf.writeUInt16BE(pairs[i], i * 3);
    buf.writeUInt32BE(pairs[i + 1], i * 3 + 2);
  }
  return buf;
}

function getUnpackedSettings(buf, options = {}) {
  if (!ArrayBuffer.isView(buf) || buf instanceof DataView) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray'], buf);
  }
  // Like node, a wider typed array is read one element per byte.
  if (!(buf instanceof Uint8Array)) buf = Uint8Array.from(buf, (v) => Number(v) & 0xff);
  if (buf.byteLength % 6 !== 0) throw new ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH();
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const settings = {};
  for (let off = 0; off < buf.byteLength; off += 6) {
    const id = view.getUint16(off);
    const value = view.getUint32(off + 2);
    applySetting(settings, id, value);
  }
  if (options != null && options.validate) validateSettings(settings);
  return settings;
}

function applySetting(settings, id, value) {
  const name = settingNames[id];
  if (name === undefined) {
    if (!settings.customSettings) settings.customSettings = {};
    settings.customSettings[id] = value;
    return;
  }
  if (name === 'enablePush' || name === 'enableConnectProtocol') {
    settings[name] = value !== 0;
  } else {
    settings[name] = value;
  }
  if (name === 'maxHeaderListSize') settings.maxHeaderSize = value;
}

const kSingleValue = new Set([
  ':status', ':method', ':authority', ':scheme', ':path', ':protocol',
  'access-control-allow-credentials', 'access-control-max-age',
  'access-control-request-method', 'age', 'authorization',
  'content-encoding', 'content-language', 'content-length',
  'content-location', 'content-md5', 'content-range', 'content-type',
  'date', 'dnt', 'etag', 'expires', 'from', 'host', 'if-match',
  'if-modified-since', 'if-none-match', 'if-range', 'if-unmodified-since',
  'last-modified', 'location', 'max-forwards', 'proxy-authorization',
  'range', 'referer', 'retry-after', 'tk', 'upgrade-insecure-requests',
  'user-agent', 'x-content-type-options',
]);

const kPseudo = new Set([':status', ':method', ':authority', ':scheme', ':path', ':protocol']);
const kConnectionHeaders = new Set([
  'connection', 'upgrade', 'http2-settings', 'transfer-encoding',
  'keep-alive', 'proxy-connection',
]);

const tokenRe = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;

// mapToHeaders turns a headers object (or a flat raw array) into
// [name, value, ...] with the pseudo-headers first, and the sensitive
// names; it throws node's errors for invalid lists.
function mapToHeaders(headers, assertPseudo = assertValidPseudoHeader, strictSingleValue = true) {
  const pseudo = [];
  const rest = [];
  let sensitive = [];
  if (headers[sensitiveHeaders]) sensitive = headers[sensitiveHeaders].map((s) => String(s).toLowerCase());
  let entries;
  if (Array.isArray(headers)) {
    entries = [];
    for (let i = 0; i + 1 < headers.length; i += 2) entries.push([String(headers[i]), headers[i + 1]]);
  } else {
    entries = Object.keys(headers).map((k) => [k, headers[k]]);
  }
  const singles = new Set();
  for (let [key, value] of entries) {
    if (value === undefined || value === null || key === '') continue;
    const name = key.toLowerCase();
    if (Array.isArray(value)) {
      if (value.length > 1 && kSingleValue.has(name) && (strictSingleValue || name[0] === ':')) {
        throw new ERR_HTTP2_HEADER_SINGLE_VALUE(name);
      }
      if (value.length === 1) value = value[0];
    }
    if (kSingleValue.has(name) && (strictSingleValue || name[0] === ':')) {
      if (singles.has(name)) throw new ERR_HTTP2_HEADER_SINGLE_VALUE(name);
      singles.add(name);
    }
    if (name[0] === ':') {
      assertPseudo(name);
      if (Array.isArray(value)) value = value[0];
      pseudo.push(name, String(value));
      continue;
    }
    if (!tokenRe.test(name)) throw new ERR_INVALID_HTTP_TOKEN('Header name', name);
    if (kConnectionHeaders.has(name) || (name === 'te' && String(value) !== 'trailers')) {
      throw new ERR_HTTP2_INVALID_CONNECTION_HEADERS(name);
    }
    if (Array.isArray(value)) {
      for (const v of value) rest.push(name, String(v));
    } else {
      rest.push(name, String(value));
    }
    if ((name === 'authorization' || (name === 'cookie' && String(value).length < 20)) &&
        !sensitive.includes(name)) {
      sensitive.push(name);
    }
  }
  return [pseudo.concat(rest), sensitive];
}

// headersFromArray builds the object node shows as sentHeaders for a raw
// [name, value, ...] list: original names, repeated ones as arrays.
function headersFromArray(list) {
  const obj = { __proto__: null };
  for (let i = 0; i + 1 < list.length; i += 2) {
    const k = list[i];
    const v = list[i + 1];
    if (obj[k] === undefined) obj[k] = v;
    else if (Array.isArray(obj[k])) obj[k].push(v);
    else obj[k] = [obj[k], v];
  }
  if (list[sensitiveHeaders]) obj[sensitiveHeaders] = list[sensitiveHeaders];
  return obj;
}

function assertValidPseudoHeader(name) {
  if (!kPseudo.has(name)) throw new ERR_HTTP2_INVALID_PSEUDOHEADER(name);
}

// toHeaderObject builds node's headers object from [name, value, ...].
function toHeaderObject(pairs) {
  const obj = { __proto__: null };
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const name = pairs[i];
    let value = pairs[i + 1];
    if (name === ':status') value = Number(value);
    const existing = obj[name];
    if (existing === undefined) {
      obj[name] = name === 'set-cookie' ? [value] : value;
    } else if (name === 'set-cookie') {
      existing.push(value);
    } else if (name === 'cookie') {
      obj[name] = `${existing}; ${value}`;
    } else if (!kSingleValue.has(name)) {
      obj[name] = `${existing}, ${value}`;
    }
  }
  return obj;
}

function assertValidHeaderValue(name, value) {
  if (value === '' || value === undefined || (Array.isArray(value) && value.length === 0)) {
    throw new ERR_HTTP2_INVALID_HEADER_VALUE(value, name);
  }
}

const kErrorNames = [
  'NGHTTP2_NO_ERROR', 'NGHTTP2_PROTOCOL_ERROR', 'NGHTTP2_INTERNAL_ERROR',
  'NGHTTP2_FLOW_CONTROL_ERROR', 'NGHTTP2_SETTINGS_TIMEOUT', 'NGHTTP2_STREAM_CLOSED',
  'NGHTTP2_FRAME_SIZE_ERROR', 'NGHTTP2_REFUSED_STREAM', 'NGHTTP2_CANCEL',
  'NGHTTP2_COMPRESSION_ERROR', 'NGHTTP2_CONNECT_ERROR', 'NGHTTP2_ENHANCE_YOUR_CALM',
  'NGHTTP2_INADEQUATE_SECURITY', 'NGHTTP2_HTTP_1_1_REQUIRED',
];

function nameForErrorCode(code) {
  return kErrorNames[code] || code;
}

// nghttp2's library error codes (negative numbers) and their messages.
const kNghttp2Errors = {
  [-501]: 'Invalid argument',
  [-502]: 'Out of buffer space',
  [-503]: 'Unsupported SPDY version',
  [-504]: 'Operation would block',
  [-505]: 'Protocol error',
  [-506]: 'Invalid frame octets',
  [-507]: 'EOF',
  [-508]: 'Data transfer deferred',
  [-509]: 'No more Stream ID available',
  [-510]: 'Stream was already closed or invalid',
  [-511]: 'Stream is closing',
  [-512]: 'The transmission is not allowed for this stream',
  [-513]: 'Stream ID is invalid',
  [-514]: 'Invalid stream state',
  [-515]: 'Another DATA frame has already been deferred',
  [-516]: 'request HEADERS is not allowed',
  [-517]: 'GOAWAY has already been sent',
  [-518]: 'Invalid header block',
  [-519]: 'Invalid state',
  [-521]: 'The user callback function failed due to the temporal error',
  [-522]: 'The length of the frame is invalid',
  [-523]: 'Header compression/decompression error',
  [-524]: 'Flow control error',
  [-525]: 'Insufficient buffer size given to function',
  [-526]: 'Callback was paused by the application',
  [-527]: 'Too many inflight SETTINGS',
  [-528]: 'Server push is disabled by peer',
  [-529]: 'DATA or HEADERS frame has already been submitted for the stream',
  [-530]: 'The current session is closing',
  [-531]: 'Invalid HTTP header field was received',
  [-532]: 'Violation in HTTP messaging rule',
  [-533]: 'Stream was refused',
  [-534]: 'Internal error',
  [-535]: 'Cancel',
  [-536]: 'When a local endpoint expects to receive SETTINGS frame, it receives an other type of frame',
  [-537]: 'SETTINGS frame contained more than the maximum allowed entries',
  [-900]: 'Fatal error',
  [-901]: 'Out of memory',
  [-902]: 'The user callback function failed',
  [-903]: 'Received bad client magic byte string',
  [-904]: 'Flooding was detected in this HTTP/2 session, and it must be closed',
};

function nghttp2ErrorString(code) {
  return kNghttp2Errors[code] || 'Unknown error code';
}

// NghttpError is an nghttp2 library error (errno: the negative code).
class NghttpError extends Error {
  constructor(integerCode, customErrorCode) {
    super(nghttp2ErrorString(integerCode));
    this.code = customErrorCode || 'ERR_HTTP2_ERROR';
    this.errno = integerCode;
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}

function assertIsObject(value, name, types = 'Object') {
  if (value !== undefined &&
      (value === null || typeof value !== 'object' || Array.isArray(value))) {
    throw new ERR_INVALID_ARG_TYPE(name, types, value);
  }
}

function assertIsArray(value, name, types = 'Array') {
  if (value !== undefined && (value === null || !Array.isArray(value))) {
    throw new ERR_INVALID_ARG_TYPE(name, types, value);
  }
}

function assertWithinRange(name, value, min = 0, max = Infinity) {
  if (value !== undefined && (typeof value !== 'number' || value < min || value > max)) {
    throw new ERR_HTTP2_INVALID_SETTING_VALUE.RangeError(name, value, min, max);
  }
}

function sessionName(type) {
  switch (type) {
    case 0: return 'server';
    case 1: return 'client';
    default: return '<invalid>';
  }
}

module.exports = {
  NghttpError,
  applySetting,
  assertIsArray,
  assertIsObject,
  assertWithinRange,
  nghttp2ErrorString,
  sessionName,
  assertValidHeaderValue,
  assertValidPseudoHeader,
  getDefaultSettings,
  getPackedSettings,
  getUnpackedSettings,
  headersFromArray,
  kSingleValue,
  kSocket,
  mapToHeaders,
  nameForErrorCode,
  sensitiveHeaders,
  settingIds,
  settingNames,
  settingsPairs,
  toHeaderObject,
  validateSettings,
};
