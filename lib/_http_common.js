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
class HTTPParser {
  constructor(kind, maxHeaderSize, lenient) {
    this.kind = kind;
    this.id = binding.create(kind, maxHeaderSize || defaultMaxHeaderSize(), !!lenient);
  }

  execute(buf) { return binding.execute(this.id, buf); }
  executeRaw(ab, n) { return binding.execute(this.id, ab, n); }
  finish() { return binding.finish(this.id); }
  setFlags(f) { binding.setFlags(this.id, f); }
  resume() { binding.resume(this.id); }
  reset(kind) { binding.reset(this.id, kind); }
  // attach makes the parser read the tcp connection connId in Go: each
  // chunk it receives becomes one call fn(arg, events, ab, length, now) (see
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

module.exports = {
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
  kHeadUpgrade,
  kHeadHost,
  kHeadExpect,
  EventEmitter,
  EEProto,
  kCapture,
  initEmitter,
  CRLF: '\r\n',
};
