'use strict';

// Shared pieces of the http modules: the parser wrapper over the Go
// http_parser binding, token and header-value checks.

const binding = internalBinding('http_parser');

const methods = binding.methods.slice();

// The per-request messages set up their EventEmitter fields inline, as
// EventEmitter.init would (the calls down a constructor chain are a good
// part of their cost), unless EventEmitter.init is replaced or
// node:domain is in use (it replaces init too). kCapture is init's symbol for captureRejections.
const EventEmitter = require('events');
const EEProto = EventEmitter.prototype;
const eeInit = EventEmitter.init;
const kCapture = Object.getOwnPropertySymbols(EEProto).find((s) => s.description === 'kCapture');
const eeInitInline = kCapture !== undefined;

// initEmitter does what Stream's constructor (EventEmitter.init) does for
// a new IncomingMessage or ServerResponse: inline when nothing was
// replaced, else through Stream.
function initEmitter(self) {
  if (eeInitInline && EventEmitter.init === eeInit && EventEmitter.usingDomains !== true &&
      (self._events === undefined || self._events === Object.getPrototypeOf(self)._events)) {
    self._events = { __proto__: null };
    self._eventsCount = 0;
    self._maxListeners = undefined;
    if (EEProto[kCapture] === true) self[kCapture] = true;
  } else {
    require('stream').Stream.call(self);
  }
}

// Event kinds in the arrays returned by the binding.
const kEvHead = 1;
const kEvBody = 2;
const kEvComplete = 3;
const kEvError = 4;
const kEvPaused = 5;
const kEvBegun = 6;
// Passed by a read hook instead of the events of a chunk that held one
// whole request without a body (see HTTPParser.attach).
const kEvHeadComplete = binding.kEvHeadComplete;

// Bits of the upgrade slot of a request's head event.
const kHeadUpgrade = binding.kHeadUpgrade;
const kHeadHost = binding.kHeadHost;
const kHeadExpect = binding.kHeadExpect;

const tokenRegExp = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
// checkIsHttpToken reports whether val is a valid RFC 9110 token.
function checkIsHttpToken(val) {
  return tokenRegExp.test(val);
}

const headerCharRegex = /[^\t\x20-\x7e\x80-\xff]/;
// checkInvalidHeaderChar reports whether val holds a character not
// allowed in a header value.
function checkInvalidHeaderChar(val) {
  return headerCharRegex.test(val);
}

const chunkExpression = /(?:^|\W)chunked(?:$|\W)/i;
const continueExpression = /(?:^|\W)100-continue(?:$|\W)/i;

let maxHeaderSizeValue;
function defaultMaxHeaderSize() {
  if (maxHeaderSizeValue === undefined) {
    maxHeaderSizeValue = binding.defaultMaxHeaderSize;
    const opts = process.execArgv.concat((process.env.NODE_OPTIONS || '').split(/\s+/));
    for (let i = 0; i < opts.length; i++) {
      const m = /^--max-http-header-size(?:=(\d+))?$/.exec(opts[i]);
      if (m) maxHeaderSizeValue = Number(m[1] !== undefined ? m[1] : opts[i + 1]);
    }
  }
  return maxHeaderSizeValue;
}

// HTTPParser is one incremental parser in Go. execute() returns the flat
// event array of the binding (see internal/ops/http/binding.go).
//
// A parser set up with initialize() (as node's binding parser is, by
// programs and tests that use require('_http_common').HTTPParser) works
// as node's instead: execute(buf) calls the kOnHeadersComplete, kOnBody,
// kOnHeaders (trailers) and kOnMessageComplete callbacks stored on it and
// returns the number of bytes parsed, or the parse error.
class HTTPParser {
  constructor(kind, maxHeaderSize, lenient) {
    this.kind = kind === undefined ? binding.kRequest : kind;
    this.id = binding.create(this.kind, maxHeaderSize || defaultMaxHeaderSize(), !!lenient);
    this[kNodeMode] = false;
  }

  initialize(kind, resource, maxHeaderSize, lenient) {
    if (this.id !== 0) binding.free(this.id);
    this.kind = kind;
    this.id = binding.create(kind, maxHeaderSize || defaultMaxHeaderSize(), !!lenient);
    this[kNodeMode] = true;
  }

  // (Node's execute takes the whole buffer too: offset and length
  // arguments that older code passes are ignored.)
  execute(buf) {
    if (this[kNodeMode] !== true) return binding.execute(this.id, buf);
    return executeNodeStyle(this, buf, binding.execute(this.id, buf));
  }
  executeRaw(ab, n) { return binding.execute(this.id, ab, n); }
  finish() {
    const ev = binding.finish(this.id);
    if (this[kNodeMode] !== true) return ev;
    const r = executeNodeStyle(this, null, ev);
    return typeof r === 'number' ? undefined : r;
  }
  remove() {}
  pause() {}
  setFlags(f) { binding.setFlags(this.id, f); }
  resume() { binding.resume(this.id); }
  reset(kind) { binding.reset(this.id, kind); }
  // attach makes the parser read the tcp connection connId in Go: each
  // chunk it receives becomes one call fn(arg, events, ab, length, now),
  // or, for a chunk that held one whole request without a body,
  // fn(arg, kEvHeadComplete, undefined, length, now, ...head) (see
  // internal/ops/http/binding.go). Returns false if it cannot.
  attach(connId, fn, arg) { return binding.attach(this.id, connId, fn, arg); }
  detach() { if (this.id !== 0) binding.detach(this.id); }
  free() { freeParser(this); }
  // close releases the parser as free does (a program that replaces
  // free can still release it).
  close() { freeParser(this); }
}

function freeParser(parser) {
  if (parser.id !== 0) {
    binding.free(parser.id);
    parser.id = 0;
  }
}
const kNodeMode = Symbol('kNodeMode');

// Node's callback slots on a parser.
HTTPParser.kOnMessageBegin = 0;
HTTPParser.kOnHeaders = 1;
HTTPParser.kOnHeadersComplete = 2;
HTTPParser.kOnBody = 3;
HTTPParser.kOnMessageComplete = 4;
HTTPParser.kOnExecute = 5;
HTTPParser.kOnTimeout = 6;

// executeNodeStyle delivers the events ev that parsing buf produced to
// the node-style callbacks of parser; it returns the bytes parsed or the
// parse error.
function executeNodeStyle(parser, buf, ev) {
  const response = parser.kind !== binding.kRequest;
  for (let i = 0; i < ev.length;) {
    switch (ev[i]) {
      case kEvHead: {
        const cb = parser[HTTPParser.kOnHeadersComplete];
        const upgrade = response ? ev[i + 7] === true : (ev[i + 7] & binding.kHeadUpgrade) !== 0;
        if (typeof cb === 'function') {
          if (response) {
            cb.call(parser, ev[i + 3], ev[i + 4], ev[i + 5], undefined, undefined, ev[i + 1], ev[i + 2], upgrade, ev[i + 6]);
          } else {
            cb.call(parser, ev[i + 3], ev[i + 4], ev[i + 5], methods.indexOf(ev[i + 1]), ev[i + 2], undefined, undefined, upgrade, ev[i + 6]);
          }
        }
        i += 8;
        break;
      }
      case kEvBody: {
        const cb = parser[HTTPParser.kOnBody];
        if (typeof cb === 'function') cb.call(parser, buf.subarray(ev[i + 1], ev[i + 2]));
        i += 3;
        break;
      }
      case kEvComplete: {
        const trailers = ev[i + 1];
        if (trailers !== null && trailers.length > 0 && typeof parser[HTTPParser.kOnHeaders] === 'function') {
          parser[HTTPParser.kOnHeaders].call(parser, trailers, '');
        }
        const cb = parser[HTTPParser.kOnMessageComplete];
        if (typeof cb === 'function') cb.call(parser);
        i += 2;
        break;
      }
      case kEvError:
        return parseError(ev[i + 1], ev[i + 2], ev[i + 3]);
      case kEvPaused:
        return ev[i + 1];
      default:
        i = ev.length;
    }
  }
  return buf === null ? 0 : buf.length;
}

HTTPParser.REQUEST = binding.kRequest;
HTTPParser.RESPONSE = binding.kResponse;
HTTPParser.kHeadResponse = binding.kHeadResponse;
HTTPParser.kConnectResponse = binding.kConnectResponse;

// parseError builds node's parse error from an error event.
function parseError(code, reason, offset, data) {
  const err = new Error(`Parse Error: ${reason}`);
  err.bytesParsed = offset;
  err.code = code;
  err.reason = reason;
  if (data !== undefined) err.rawPacket = data;
  return err;
}

// callable lets a class be called without new, as node's function-style
// constructors can (http.Server(), http.Agent()...): the call constructs.
// Code on hot paths constructs the class itself, not the wrapper.
// A call on an object that already inherits from the class (an ES5-style
// subclass doing `http.Server.call(this, ...)`) initializes that object:
// the state a construction makes is moved onto it.
function callable(Class) {
  return new Proxy(Class, {
    apply(target, thisArg, args) {
      if (thisArg !== null && typeof thisArg === 'object' && thisArg instanceof target) {
        const made = Reflect.construct(target, args, thisArg.constructor);
        Object.defineProperties(thisArg, Object.getOwnPropertyDescriptors(made));
        return thisArg;
      }
      return new target(...args);
    },
  });
}

// parsers stands for node's pool of idle parsers: gonode makes one Go
// parser per connection and frees it with the connection, so only the
// pool's size (http.setMaxIdleHTTPParsers) is kept, for programs that
// read it.
const parsers = { name: 'parsers', max: 1000 };

module.exports = {
  parsers,
  _checkIsHttpToken: checkIsHttpToken,
  _checkInvalidHeaderChar: checkInvalidHeaderChar,
  callable,
  HTTPParser,
  methods,
  parseError,
  checkIsHttpToken,
  checkInvalidHeaderChar,
  chunkExpression,
  continueExpression,
  defaultMaxHeaderSize,
  kEvHead,
  kEvBody,
  kEvComplete,
  kEvError,
  kEvPaused,
  kEvBegun,
  kEvHeadComplete,
  kHeadUpgrade,
  kHeadHost,
  kHeadExpect,
  EventEmitter,
  EEProto,
  kCapture,
  eeInit,
  initEmitter,
  CRLF: '\r\n',
};
