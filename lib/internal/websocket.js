'use strict';
// The WebSocket client (WHATWG WebSockets over RFC 6455) and CloseEvent,
// on our http/https clients: the opening handshake is an HTTP upgrade, the
// frames are read and written on the upgraded socket.

const { Buffer } = require('buffer');
const { inspect } = require('internal/util/inspect');

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

class CloseEvent extends Event {
  #wasClean;
  #code;
  #reason;

  constructor(type, init = undefined) {
    if (arguments.length < 1) throw new TypeError("Failed to construct 'CloseEvent': 1 argument required, but only 0 present.");
    super(type, init);
    this.#wasClean = Boolean(init?.wasClean);
    this.#code = init?.code === undefined ? 0 : Number(init.code) & 0xffff;
    this.#reason = init?.reason === undefined ? '' : String(init.reason);
  }

  get wasClean() { return this.#wasClean; }
  get code() { return this.#code; }
  get reason() { return this.#reason; }
}
Object.defineProperty(CloseEvent.prototype, Symbol.toStringTag, { value: 'CloseEvent', configurable: true });

function syntaxError(message) {
  return new DOMException(message, 'SyntaxError');
}

function toBytes(data) {
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(String(data), 'utf8');
}

// frame builds one masked client frame.
function frame(opcode, payload) {
  const len = payload.length;
  const headLen = len < 126 ? 2 : len < 65536 ? 4 : 10;
  const out = Buffer.allocUnsafe(headLen + 4 + len);
  out[0] = 0x80 | opcode;
  if (len < 126) {
    out[1] = 0x80 | len;
  } else if (len < 65536) {
    out[1] = 0x80 | 126;
    out.writeUInt16BE(len, 2);
  } else {
    out[1] = 0x80 | 127;
    out.writeBigUInt64BE(BigInt(len), 2);
  }
  const mask = require('crypto').randomBytes(4);
  mask.copy(out, headLen);
  for (let i = 0; i < len; i++) out[headLen + 4 + i] = payload[i] ^ mask[i & 3];
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

class WebSocket extends EventTarget {
  static CONNECTING = CONNECTING;
  static OPEN = OPEN;
  static CLOSING = CLOSING;
  static CLOSED = CLOSED;

  #url;
  #protocol = '';
  #extensions = '';
  #readyState = CONNECTING;
  #binaryType = 'blob';
  #socket = null;
  #request = null;
  #buffered = 0;
  #buf = Buffer.alloc(0);
  #fragments = null;
  #fragmentOpcode = 0;
  #sentClose = false;
  #gotClose = null;

  constructor(url, protocols = []) {
    super();
    if (arguments.length < 1) throw new TypeError("Failed to construct 'WebSocket': 1 argument required, but only 0 present.");
    let parsed;
    try {
      parsed = new URL(String(url));
    } catch {
      throw syntaxError(`Failed to construct 'WebSocket': The URL '${url}' is invalid.`);
    }
    if (parsed.protocol === 'http:') parsed.protocol = 'ws:';
    else if (parsed.protocol === 'https:') parsed.protocol = 'wss:';
    if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') {
      throw syntaxError(`Failed to construct 'WebSocket': The URL's scheme must be either 'http', 'https', 'ws', or 'wss'. '${parsed.protocol}' is not allowed.`);
    }
    if (parsed.hash) throw syntaxError("Failed to construct 'WebSocket': The URL contains a fragment identifier.");
    if (typeof protocols === 'string') protocols = [protocols];
    else if (protocols !== undefined && protocols !== null && typeof protocols === 'object' && !(Symbol.iterator in protocols)) {
      protocols = protocols.protocols ?? [];
    }
    protocols = [...(protocols ?? [])].map(String);
    if (new Set(protocols).size !== protocols.length ||
        protocols.some((p) => !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(p))) {
      throw syntaxError("Failed to construct 'WebSocket': The subprotocol is invalid.");
    }
    this.#url = parsed.href;
    this.#connect(parsed, protocols);
  }

  get url() { return this.#url; }
  get readyState() { return this.#readyState; }
  get protocol() { return this.#protocol; }
  get extensions() { return this.#extensions; }
  get bufferedAmount() { return this.#buffered; }
  get binaryType() { return this.#binaryType; }
  set binaryType(type) {
    if (type === 'blob' || type === 'arraybuffer') this.#binaryType = type;
  }

  get CONNECTING() { return CONNECTING; }
  get OPEN() { return OPEN; }
  get CLOSING() { return CLOSING; }
  get CLOSED() { return CLOSED; }

  send(data) {
    if (arguments.length < 1) throw new TypeError("Failed to execute 'send' on 'WebSocket': 1 argument required, but only 0 present.");
    if (this.#readyState === CONNECTING) {
      throw new DOMException("Failed to execute 'send' on 'WebSocket': Still in CONNECTING state.", 'InvalidStateError');
    }
    if (this.#readyState !== OPEN) return;
    const { Blob } = require('buffer');
    if (data instanceof Blob) {
      this.#buffered += data.size;
      data.arrayBuffer().then((ab) => {
        this.#buffered -= ab.byteLength;
        this.#write(frame(0x2, Buffer.from(ab)));
      });
      return;
    }
    const text = !(data instanceof ArrayBuffer) && !ArrayBuffer.isView(data);
    this.#write(frame(text ? 0x1 : 0x2, toBytes(data)));
  }

  close(code = undefined, reason = undefined) {
    if (code !== undefined) {
      code = Number(code);
      if (code !== 1000 && !(code >= 3000 && code <= 4999)) {
        throw new DOMException(`Failed to execute 'close' on 'WebSocket': The close code must be either 1000, or between 3000 and 4999. ${code} is neither.`, 'InvalidAccessError');
      }
    }
    let reasonBytes = Buffer.alloc(0);
    if (reason !== undefined) {
      reasonBytes = Buffer.from(String(reason), 'utf8');
      if (reasonBytes.length > 123) {
        throw syntaxError("Failed to execute 'close' on 'WebSocket': The message must not be greater than 123 bytes.");
      }
    }
    if (this.#readyState === CLOSING || this.#readyState === CLOSED) return;
    if (this.#readyState === CONNECTING) {
      this.#fail('WebSocket was closed before the connection was established');
      return;
    }
    this.#readyState = CLOSING;
    this.#sendClose(code, reasonBytes);
  }

  #sendClose(code, reasonBytes) {
    if (this.#sentClose) return;
    this.#sentClose = true;
    let payload = Buffer.alloc(0);
    if (code !== undefined) {
      payload = Buffer.alloc(2 + reasonBytes.length);
      payload.writeUInt16BE(code, 0);
      reasonBytes.copy(payload, 2);
    }
    this.#write(frame(0x8, payload));
  }

  #write(bytes) {
    if (!this.#socket || this.#socket.destroyed) return;
    this.#buffered += bytes.length;
    this.#socket.write(bytes, () => { this.#buffered -= bytes.length; });
  }

  #connect(url, protocols) {
    const key = require('crypto').randomBytes(16).toString('base64');
    const mod = require(url.protocol === 'wss:' ? 'https' : 'http');
    const target = new URL(url.href);
    target.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
    const headers = {
      'Connection': 'Upgrade',
      'Upgrade': 'websocket',
      'Sec-WebSocket-Key': key,
      'Sec-WebSocket-Version': '13',
    };
    if (protocols.length) headers['Sec-WebSocket-Protocol'] = protocols.join(', ');
    const req = mod.request(target, { headers, agent: false });
    this.#request = req;
    req.on('error', () => this.#fail());
    req.on('response', (res) => {
      res.resume();
      this.#fail(`Received network error or non-101 status code: ${res.statusCode}`);
    });
    req.on('upgrade', (res, socket, head) => {
      const accept = require('crypto').createHash('sha1').update(key + GUID).digest('base64');
      const proto = res.headers['sec-websocket-protocol'];
      if (res.statusCode !== 101 ||
          String(res.headers.upgrade).toLowerCase() !== 'websocket' ||
          !/\bupgrade\b/i.test(String(res.headers.connection)) ||
          res.headers['sec-websocket-accept'] !== accept ||
          (proto !== undefined && !protocols.includes(proto)) ||
          res.headers['sec-websocket-extensions'] !== undefined) {
        socket.destroy();
        this.#fail();
        return;
      }
      this.#socket = socket;
      this.#protocol = proto ?? '';
      this.#readyState = OPEN;
      socket.setNoDelay(true);
      socket.on('data', (d) => this.#onData(d));
      socket.on('error', () => {});
      socket.on('close', () => this.#onSocketClose());
      this.#emit(new Event('open'));
      if (head && head.length) this.#onData(head);
    });
    req.end();
  }

  #emit(event) {
    this.dispatchEvent(event);
  }

  // #fail closes on a failure: 'error' and then an unclean 'close'.
  #fail(why) {
    if (this.#readyState === CLOSED) return;
    this.#readyState = CLOSED;
    if (this.#socket) this.#socket.destroy();
    else if (this.#request) this.#request.destroy();
    queueMicrotask(() => {
      const ev = new Event('error');
      if (why) ev.message = why;
      this.#emit(ev);
      this.#emit(new CloseEvent('close', { wasClean: false, code: 1006, reason: '' }));
    });
  }

  #onSocketClose() {
    if (this.#readyState === CLOSED) return;
    this.#readyState = CLOSED;
    const got = this.#gotClose;
    this.#emit(new CloseEvent('close', {
      wasClean: got !== null && this.#sentClose,
      code: got ? got.code : 1006,
      reason: got ? got.reason : '',
    }));
  }

  #protocolError(code) {
    if (this.#readyState === OPEN) this.#readyState = CLOSING;
    this.#sendClose(code, Buffer.alloc(0));
    this.#socket.end();
    this.#fail();
  }

  #onData(chunk) {
    this.#buf = this.#buf.length ? Buffer.concat([this.#buf, chunk]) : chunk;
    // Nothing after the peer's close frame is read.
    while (this.#readyState !== CLOSED && this.#gotClose === null) {
      const b = this.#buf;
      if (b.length < 2) return;
      const fin = (b[0] & 0x80) !== 0;
      const rsv = b[0] & 0x70;
      const opcode = b[0] & 0x0f;
      const masked = (b[1] & 0x80) !== 0;
      let len = b[1] & 0x7f;
      let off = 2;
      if (len === 126) {
        if (b.length < 4) return;
        len = b.readUInt16BE(2);
        off = 4;
      } else if (len === 127) {
        if (b.length < 10) return;
        len = Number(b.readBigUInt64BE(2));
        off = 10;
      }
      if (rsv || masked) return this.#protocolError(1002);
      if (b.length < off + len) return;
      const payload = b.subarray(off, off + len);
      this.#buf = b.subarray(off + len);
      if (opcode >= 0x8) {
        if (!fin || len > 125) return this.#protocolError(1002);
        this.#control(opcode, payload);
        continue;
      }
      if (opcode === 0x0) {
        if (this.#fragments === null) return this.#protocolError(1002);
        this.#fragments.push(Buffer.from(payload));
      } else if (opcode === 0x1 || opcode === 0x2) {
        if (this.#fragments !== null) return this.#protocolError(1002);
        this.#fragments = [Buffer.from(payload)];
        this.#fragmentOpcode = opcode;
      } else {
        return this.#protocolError(1002);
      }
      if (!fin) continue;
      const data = this.#fragments.length === 1 ? this.#fragments[0] : Buffer.concat(this.#fragments);
      const kind = this.#fragmentOpcode;
      this.#fragments = null;
      if (this.#readyState !== OPEN) continue;
      let value;
      if (kind === 0x1) {
        try {
          value = utf8.decode(data);
        } catch {
          return this.#protocolError(1007);
        }
      } else if (this.#binaryType === 'arraybuffer') {
        value = data.buffer.slice(data.byteOffset, data.byteOffset + data.length);
      } else {
        const { Blob } = require('buffer');
        value = new Blob([data]);
      }
      this.#emit(new MessageEvent('message', { data: value, origin: new URL(this.#url).origin }));
    }
  }

  #control(opcode, payload) {
    if (opcode === 0x9) { // ping
      this.#write(frame(0xA, payload));
      return;
    }
    if (opcode === 0xA) return; // pong
    if (opcode !== 0x8) return this.#protocolError(1002);
    let code = 1005;
    let reason = '';
    if (payload.length === 1) return this.#protocolError(1002);
    if (payload.length >= 2) {
      code = payload.readUInt16BE(0);
      try {
        reason = utf8.decode(payload.subarray(2));
      } catch {
        return this.#protocolError(1007);
      }
    }
    this.#gotClose = { code, reason };
    if (this.#readyState === OPEN) this.#readyState = CLOSING;
    // Echo the close (with the peer's code) and let the server close TCP.
    this.#sendClose(payload.length >= 2 ? code : undefined, Buffer.alloc(0));
    this.#socket.end();
  }

  [inspect.custom](depth, options) {
    return `WebSocket ${inspect({ url: this.url, readyState: this.readyState, protocol: this.protocol,
      extensions: this.extensions, binaryType: this.binaryType, bufferedAmount: this.bufferedAmount }, options)}`;
  }
}

// The on<event> handler attributes.
for (const type of ['open', 'message', 'error', 'close']) {
  const handlers = new WeakMap();
  Object.defineProperty(WebSocket.prototype, `on${type}`, {
    get() { return handlers.get(this)?.fn ?? null; },
    set(fn) {
      const old = handlers.get(this);
      if (old) this.removeEventListener(type, old.listener);
      if (typeof fn !== 'function') {
        handlers.delete(this);
        return;
      }
      const entry = { fn, listener: (ev) => entry.fn.call(this, ev) };
      handlers.set(this, entry);
      this.addEventListener(type, entry.listener);
    },
    enumerable: true,
    configurable: true,
  });
}
Object.defineProperty(WebSocket.prototype, Symbol.toStringTag, { value: 'WebSocket', configurable: true });

module.exports = { WebSocket, CloseEvent };
