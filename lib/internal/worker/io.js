'use strict';
// MessageChannel, MessagePort and BroadcastChannel within one thread:
// messages are structured-cloned and delivered as macrotasks.

const {
  NodeEventTarget, Event, defineEventHandler, kNewListener, kRemoveListener,
} = require('internal/event_target');
const { structuredClone, kTransfer } = require('internal/structured_clone');
const { DOMException } = require('internal/per_context/domexception');
const {
  codes: { ERR_CONSTRUCT_CALL_INVALID, ERR_INVALID_THIS, ERR_MISSING_ARGS, ERR_INVALID_ARG_TYPE },
  notImplemented,
} = require('internal/errors');

const kState = Symbol('kState');
const kCreate = Symbol('kCreate');
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

class MessageEvent extends Event {
  #data;
  #origin;
  #lastEventId;
  #source;
  #ports;
  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    super(type, options);
    this.#data = options?.data ?? null;
    this.#origin = `${options?.origin ?? ''}`;
    this.#lastEventId = `${options?.lastEventId ?? ''}`;
    this.#source = options?.source ?? null;
    this.#ports = Object.freeze([...(options?.ports ?? [])]);
  }
  get data() { if (!(#data in this)) throw new ERR_INVALID_THIS('MessageEvent'); return this.#data; }
  get origin() { if (!(#data in this)) throw new ERR_INVALID_THIS('MessageEvent'); return this.#origin; }
  get lastEventId() { if (!(#data in this)) throw new ERR_INVALID_THIS('MessageEvent'); return this.#lastEventId; }
  get source() { if (!(#data in this)) throw new ERR_INVALID_THIS('MessageEvent'); return this.#source; }
  get ports() { if (!(#data in this)) throw new ERR_INVALID_THIS('MessageEvent'); return this.#ports; }
}
for (const name of ['data', 'origin', 'lastEventId', 'source', 'ports']) {
  const d = Object.getOwnPropertyDescriptor(MessageEvent.prototype, name);
  d.enumerable = true;
  Object.defineProperty(MessageEvent.prototype, name, d);
}
Object.defineProperty(MessageEvent.prototype, Symbol.toStringTag, { value: 'MessageEvent', configurable: true });

// keepAlive holds the event loop open while a started, ref'd port or an
// open BroadcastChannel with listeners exists.
function updateRef(s) {
  const want = s.refed && !s.closed && s.started && s.wantsAlive;
  if (want && s.keepAlive === null) {
    s.keepAlive = setInterval(() => {}, 2 ** 31 - 1);
  } else if (!want && s.keepAlive !== null) {
    clearInterval(s.keepAlive);
    s.keepAlive = null;
  }
}

function portState(self) {
  const s = self?.[kState];
  if (s === undefined || !(self instanceof MessagePort)) throw new ERR_INVALID_THIS('MessagePort');
  return s;
}

function cloneMessage(value, transfer) {
  let options;
  if (transfer !== undefined && transfer !== null) {
    if (Array.isArray(transfer) || typeof transfer[Symbol.iterator] === 'function') options = { transfer };
    else if (typeof transfer === 'object') options = transfer;
    else throw new ERR_INVALID_ARG_TYPE('transfer', ['Array', 'Object'], transfer);
  }
  return structuredClone(value, options);
}

function deliver(port) {
  const s = port[kState];
  s.scheduled = false;
  if (!s.started || s.closed) return;
  const queue = s.queue;
  s.queue = [];
  for (const data of queue) {
    if (s.closed) break;
    port.dispatchEvent(new MessageEvent('message', { data }));
  }
}

function schedule(port) {
  const s = port[kState];
  if (s.scheduled || !s.started || s.queue.length === 0) return;
  s.scheduled = true;
  setImmediate(() => deliver(port));
}

class MessagePort extends NodeEventTarget {
  constructor(key = undefined) {
    if (key !== kCreate) throw new ERR_CONSTRUCT_CALL_INVALID();
    super();
    Object.defineProperty(this, kState, {
      value: {
        other: null, queue: [], started: false, closed: false, refed: true, scheduled: false,
        keepAlive: null, wantsAlive: false,
      },
    });
  }

  postMessage(message, transfer = undefined) {
    const s = portState(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('message');
    if (Array.isArray(transfer) && transfer.includes(this)) {
      throw new DOMException('Transfer list contains source port', 'DataCloneError');
    }
    const data = cloneMessage(message, transfer);
    if (s.closed || s.other === null) return;
    const target = s.other;
    target[kState].queue.push(data);
    schedule(target);
  }

  start() {
    const s = portState(this);
    if (s.closed) return;
    s.started = true;
    updateRef(s);
    schedule(this);
  }

  close() {
    const s = portState(this);
    if (s.closed) return;
    const other = s.other;
    closePort(this);
    if (other) closePort(other);
  }

  ref() {
    const s = portState(this);
    s.refed = true;
    updateRef(s);
    return this;
  }

  unref() {
    const s = portState(this);
    s.refed = false;
    updateRef(s);
    return this;
  }

  hasRef() { return portState(this).keepAlive !== null; }

  [kNewListener](size, type) {
    if (type === 'message') {
      const s = this[kState];
      s.wantsAlive = true;
      if (!s.started) this.start();
      else updateRef(s);
    }
  }

  [kRemoveListener](size, type) {
    if (type === 'message' && size === 0) {
      const s = this[kState];
      s.wantsAlive = false;
      updateRef(s);
    }
  }

  [kTransfer]() {
    // Transferring within one thread: the port itself moves.
    return this;
  }

  [inspectSymbol]() {
    const s = this[kState];
    return `MessagePort { active: ${!s.closed}, refed: ${s.refed} }`;
  }
}
Object.defineProperty(MessagePort.prototype, Symbol.toStringTag, { value: 'MessagePort', configurable: true });
defineEventHandler(MessagePort.prototype, 'message');
defineEventHandler(MessagePort.prototype, 'messageerror');

function closePort(port) {
  const s = port[kState];
  if (s.closed) return;
  s.closed = true;
  s.other = null;
  s.queue = [];
  updateRef(s);
  setImmediate(() => port.dispatchEvent(new Event('close')));
}

class MessageChannel {
  #port1;
  #port2;
  constructor() {
    this.#port1 = new MessagePort(kCreate);
    this.#port2 = new MessagePort(kCreate);
    this.#port1[kState].other = this.#port2;
    this.#port2[kState].other = this.#port1;
  }
  get port1() { if (!(#port1 in this)) throw new ERR_INVALID_THIS('MessageChannel'); return this.#port1; }
  get port2() { if (!(#port1 in this)) throw new ERR_INVALID_THIS('MessageChannel'); return this.#port2; }
}
for (const name of ['port1', 'port2']) {
  const d = Object.getOwnPropertyDescriptor(MessageChannel.prototype, name);
  d.enumerable = true;
  Object.defineProperty(MessageChannel.prototype, name, d);
}
Object.defineProperty(MessageChannel.prototype, Symbol.toStringTag, { value: 'MessageChannel', configurable: true });

// receiveMessageOnPort takes one queued message synchronously.
function receiveMessageOnPort(port) {
  const s = portState(port);
  if (s.queue.length === 0) return undefined;
  return { message: s.queue.shift() };
}

const channels = new Map(); // name -> Set of open BroadcastChannels

function bcState(self) {
  const s = self?.[kState];
  if (s === undefined || !(self instanceof BroadcastChannel)) throw new ERR_INVALID_THIS('BroadcastChannel');
  return s;
}

class BroadcastChannel extends NodeEventTarget {
  constructor(name) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    super();
    const s = {
      name: `${name}`, closed: false, refed: true, started: true, keepAlive: null, wantsAlive: false,
    };
    Object.defineProperty(this, kState, { value: s });
    let set = channels.get(s.name);
    if (set === undefined) {
      set = new Set();
      channels.set(s.name, set);
    }
    set.add(this);
  }

  get name() { return bcState(this).name; }

  postMessage(message) {
    const s = bcState(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('message');
    if (s.closed) throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
    const data = structuredClone(message);
    for (const other of channels.get(s.name) ?? []) {
      if (other === this) continue;
      const copy = structuredClone(data);
      setImmediate(() => {
        if (!other[kState].closed) other.dispatchEvent(new MessageEvent('message', { data: copy }));
      });
    }
  }

  close() {
    const s = bcState(this);
    if (s.closed) return;
    s.closed = true;
    const set = channels.get(s.name);
    set?.delete(this);
    if (set?.size === 0) channels.delete(s.name);
    updateRef(s);
  }

  ref() {
    const s = bcState(this);
    s.refed = true;
    updateRef(s);
    return this;
  }

  unref() {
    const s = bcState(this);
    s.refed = false;
    updateRef(s);
    return this;
  }

  [kNewListener](size, type) {
    if (type === 'message') {
      const s = this[kState];
      s.wantsAlive = true;
      updateRef(s);
    }
  }

  [kRemoveListener](size, type) {
    if (type === 'message' && size === 0) {
      const s = this[kState];
      s.wantsAlive = false;
      updateRef(s);
    }
  }

  [inspectSymbol]() {
    const s = this[kState];
    return `BroadcastChannel { name: '${s.name}', active: ${!s.closed} }`;
  }
}
const nameDesc = Object.getOwnPropertyDescriptor(BroadcastChannel.prototype, 'name');
nameDesc.enumerable = true;
Object.defineProperty(BroadcastChannel.prototype, 'name', nameDesc);
Object.defineProperty(BroadcastChannel.prototype, Symbol.toStringTag, { value: 'BroadcastChannel', configurable: true });
defineEventHandler(BroadcastChannel.prototype, 'message');
defineEventHandler(BroadcastChannel.prototype, 'messageerror');

module.exports = {
  MessageChannel,
  MessagePort,
  MessageEvent,
  BroadcastChannel,
  receiveMessageOnPort,
  moveMessagePortToContext() { throw notImplemented('worker_threads.moveMessagePortToContext'); },
};
