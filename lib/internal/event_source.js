'use strict';
// EventSource (server-sent events, WHATWG HTML), the global that
// --experimental-eventsource installs. It reads the stream over node:http
// and node:https (redirects followed), parses it as the standard says and
// reconnects after the stream ends, sending Last-Event-ID.

const { EventTarget, Event, defineEventHandler } = require('internal/event_target');

const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 2;
// The reconnection time until the server sends a retry: field.
const defaultReconnectionTime = 3000;
const maxRedirects = 20;

let warned = false;

// isEventStream tells whether a Content-Type names text/event-stream
// (parameters and case ignored).
function isEventStream(contentType) {
  if (typeof contentType !== 'string') return false;
  const semi = contentType.indexOf(';');
  const essence = (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
  return essence === 'text/event-stream';
}

class EventSource extends EventTarget {
  #url;
  // Where to reconnect: the URL the last stream came from (after redirects).
  #streamURL;
  #origin;
  #withCredentials;
  #readyState = CONNECTING;
  #request = null;
  #timer = null;
  #reconnectionTime = defaultReconnectionTime;
  #lastEventId = '';
  // Parser state: text not yet split into lines, and the event being built.
  #pending = '';
  #skipLF = false;
  #data = '';
  #eventType = '';
  #idBuffer = '';
  #decoder = null;

  constructor(url, eventSourceInitDict = undefined) {
    if (arguments.length === 0) {
      throw new TypeError('EventSource constructor: 1 argument required, but 0 found.');
    }
    super();
    if (!warned) {
      warned = true;
      process.emitWarning('EventSource is experimental, expect them to change at any time.', { code: 'UNDICI-ES' });
    }
    let parsed;
    try {
      parsed = new URL(`${url}`);
    } catch (err) {
      const { DOMException } = require('internal/per_context/domexception');
      throw new DOMException(`${err.name}: ${err.message}`, 'SyntaxError');
    }
    this.#url = parsed.href;
    this.#streamURL = this.#url;
    this.#origin = parsed.origin;
    this.#withCredentials = Boolean(eventSourceInitDict?.withCredentials);
    this.#connect(this.#url, 0);
  }

  get url() { return this.#url; }
  get withCredentials() { return this.#withCredentials; }
  get readyState() { return this.#readyState; }

  close() {
    this.#readyState = CLOSED;
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    if (this.#request !== null) {
      this.#request.destroy();
      this.#request = null;
    }
  }

  #connect(url, redirects) {
    const target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      // Only HTTP(S) can carry an event stream: fail the connection.
      process.nextTick(() => this.#fail());
      return;
    }
    const headers = { 'Accept': 'text/event-stream', 'Cache-Control': 'no-cache' };
    if (this.#lastEventId !== '') headers['Last-Event-ID'] = this.#lastEventId;
    const mod = target.protocol === 'https:' ? require('https') : require('http');
    const req = mod.get(target, { headers });
    this.#request = req;
    req.on('response', (res) => {
      if (this.#request !== req) {
        res.destroy();
        return;
      }
      const status = res.statusCode;
      if ((status === 301 || status === 302 || status === 303 || status === 307 || status === 308) &&
          res.headers.location !== undefined) {
        res.resume();
        if (redirects >= maxRedirects) {
          this.#fail();
          return;
        }
        let next;
        try {
          next = new URL(res.headers.location, target).href;
        } catch {
          this.#fail();
          return;
        }
        this.#connect(next, redirects + 1);
        return;
      }
      if (status !== 200 || !isEventStream(res.headers['content-type'])) {
        res.resume();
        this.#fail();
        return;
      }
      this.#streamURL = target.href;
      this.#readyState = OPEN;
      this.dispatchEvent(new Event('open'));
      this.#pending = '';
      this.#skipLF = false;
      this.#data = '';
      this.#eventType = '';
      const { TextDecoder } = require('internal/encoding');
      this.#decoder = new TextDecoder('utf-8');
      res.on('data', (chunk) => {
        if (this.#request === req) this.#parse(this.#decoder.decode(chunk, { stream: true }));
      });
      res.on('end', () => {
        if (this.#request === req) this.#reestablish();
      });
      res.on('error', () => {
        if (this.#request === req) this.#reestablish();
      });
    });
    req.on('error', () => {
      if (this.#request === req) this.#reestablish();
    });
  }

  // #fail: the connection cannot be used (bad status or type): close and
  // report an error.
  #fail() {
    if (this.#readyState === CLOSED) return;
    this.#request = null;
    this.#readyState = CLOSED;
    this.dispatchEvent(new Event('error'));
  }

  // #reestablish: the stream ended or broke; try again after the
  // reconnection time.
  #reestablish() {
    this.#request = null;
    if (this.#readyState === CLOSED) return;
    this.#readyState = CONNECTING;
    this.dispatchEvent(new Event('error'));
    if (this.#readyState !== CONNECTING) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (this.#readyState === CONNECTING) this.#connect(this.#streamURL, 0);
    }, this.#reconnectionTime);
  }

  // #parse splits text into lines (CRLF, LF or CR) and processes each.
  #parse(text) {
    let s = this.#pending + text;
    let start = 0;
    if (this.#skipLF && s.length > 0) {
      if (s.charCodeAt(0) === 10) start = 1;
      this.#skipLF = false;
    }
    for (let i = start; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      this.#line(s.slice(start, i));
      if (this.#readyState === CLOSED) return;
      if (c === 13) {
        if (i + 1 < s.length) {
          if (s.charCodeAt(i + 1) === 10) i++;
        } else {
          this.#skipLF = true;
        }
      }
      start = i + 1;
    }
    s = s.slice(start);
    this.#pending = s;
  }

  #line(line) {
    if (line === '') {
      this.#dispatch();
      return;
    }
    if (line.charCodeAt(0) === 58) return; // ':' starts a comment
    const colon = line.indexOf(':');
    let field = line;
    let value = '';
    if (colon !== -1) {
      field = line.slice(0, colon);
      value = line.slice(colon + (line.charCodeAt(colon + 1) === 32 ? 2 : 1));
    }
    switch (field) {
      case 'event':
        this.#eventType = value;
        break;
      case 'data':
        this.#data += `${value}\n`;
        break;
      case 'id':
        if (!value.includes('\0')) this.#idBuffer = value;
        break;
      case 'retry':
        if (/^[0-9]+$/.test(value)) this.#reconnectionTime = Number(value);
        break;
      default:
        break;
    }
  }

  #dispatch() {
    this.#lastEventId = this.#idBuffer;
    if (this.#data === '') {
      this.#eventType = '';
      return;
    }
    const data = this.#data.slice(0, -1);
    const type = this.#eventType === '' ? 'message' : this.#eventType;
    this.#data = '';
    this.#eventType = '';
    const { MessageEvent } = require('internal/worker/io');
    this.dispatchEvent(new MessageEvent(type, { data, origin: this.#origin, lastEventId: this.#lastEventId }));
  }
}

for (const [name, value] of [['CONNECTING', CONNECTING], ['OPEN', OPEN], ['CLOSED', CLOSED]]) {
  const d = { value, writable: false, enumerable: true, configurable: false };
  Object.defineProperty(EventSource, name, d);
  Object.defineProperty(EventSource.prototype, name, d);
}
for (const name of ['url', 'withCredentials', 'readyState', 'close']) {
  const d = Object.getOwnPropertyDescriptor(EventSource.prototype, name);
  d.enumerable = true;
  Object.defineProperty(EventSource.prototype, name, d);
}
defineEventHandler(EventSource.prototype, 'open');
defineEventHandler(EventSource.prototype, 'message');
defineEventHandler(EventSource.prototype, 'error');

module.exports = { EventSource };
