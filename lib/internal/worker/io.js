'use strict';
// MessageChannel, MessagePort and BroadcastChannel. Within one thread
// messages are structured-cloned and delivered as macrotasks. A port sent
// to another thread becomes remote: it and its peer then talk through the
// worker binding's endpoints (serialized messages, see
// internal/worker/clone).

const {
  NodeEventTarget, Event, defineEventHandler, kNewListener, kRemoveListener, kHybridDispatch, kCreateEvent,
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

// describeInit renders a bad MessageEvent init value for its error message.
function describeInit(v, quote = true) {
  let str;
  try {
    str = typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
  } catch {
    str = Object.prototype.toString.call(v);
  }
  return quote ? `"${str}"` : str;
}

class MessageEvent extends Event {
  #data;
  #origin;
  #lastEventId;
  #source;
  #ports;
  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    super(type, options);
    const source = options?.source;
    if (source !== undefined && source !== null && !(source instanceof MessagePort)) {
      throw new TypeError(`MessageEvent constructor: Expected eventInitDict.source (${describeInit(source)}) to be an instance of MessagePort.`);
    }
    const ports = options?.ports;
    if (ports !== undefined && ports !== null) {
      if (typeof ports !== 'object' || typeof ports[Symbol.iterator] !== 'function') {
        throw new TypeError(`MessageEvent constructor: eventInitDict.ports (${describeInit(ports, false)}) is not iterable.`);
      }
      for (const p of ports) {
        if (!(p instanceof MessagePort)) {
          throw new TypeError(`MessageEvent constructor: Expected eventInitDict.ports (${describeInit(p)}) to be an instance of MessagePort.`);
        }
      }
    }
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

// transferListOf turns postMessage's second argument (a transfer list, or
// options with a transfer list) into an array, or undefined for none.
function transferListOf(arg) {
  if (arg === undefined || arg === null) return undefined;
  let list = arg;
  let what = 'transferList';
  if (typeof arg !== 'object') {
    throw constructCallError('ERR_INVALID_ARG_TYPE', 'Optional transferList argument must be an iterable');
  }
  if (typeof arg[Symbol.iterator] !== 'function') {
    list = arg.transfer;
    what = 'options.transfer';
    if (list === undefined) return undefined;
  }
  const err = () => constructCallError('ERR_INVALID_ARG_TYPE', `Optional ${what} argument must be an iterable`);
  if (list === null || typeof list !== 'object' || typeof list[Symbol.iterator] !== 'function') throw err();
  try {
    return Array.from(list);
  } catch (e) {
    if (e instanceof TypeError) throw err();
    throw e;
  }
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

// deliver dispatches the queued messages; force delivers them on a port
// that was closed (messages sent before a close still arrive).
function deliver(port, force = false) {
  const s = port[kState];
  s.scheduled = false;
  if (!s.started || (s.closed && !force) || s.transferred) return;
  const queue = s.queue;
  // The messages there now are delivered in one go (those posted by the
  // listeners wait for the next turn); as in node, ticks and microtasks
  // run between two of them, so that a listener added by a promise
  // continuation (await once(port, 'message')) sees the next one.
  const count = queue.length;
  for (let n = 0; n < count && queue.length > 0; n++) {
    if (s.transferred) break;
    // Closed by a listener: the rest is delivered before 'close'.
    if (s.closed && !force) break;
    if (n > 0) taskQueues().processTicksAndRejections();
    if (s.transferred || (s.closed && !force) || !s.started) break;
    const item = queue.shift();
    if (item instanceof RemoteMessage) {
      let msg;
      try {
        msg = clone().deserialize(item.bytes, { portIn: remotePort });
      } catch (err) {
        dispatch(port, 'messageerror', err);
        continue;
      }
      dispatch(port, 'message', msg.value, msg.ports);
    } else {
      dispatch(port, 'message', item);
    }
  }
  if (!force && queue.length > 0) schedule(port);
}

let taskQueuesModule;
function taskQueues() {
  taskQueuesModule ??= require('internal/process/task_queues');
  return taskQueuesModule;
}

function dispatch(port, type, data, ports = undefined) {
  const s = port[kState];
  if (s.onMessage !== null && type === 'message') {
    s.onMessage(data);
    return;
  }
  s.ports = ports;
  try {
    port[kHybridDispatch](data, type);
  } finally {
    s.ports = undefined;
  }
}

// Objects marked with markAsUntransferable.
const untransferable = new WeakSet();

// checkTransferList validates a transfer list before anything is cloned
// or detached.
function checkTransferList(list, self) {
  if (list === undefined || list === null) return;
  if (!Array.isArray(list)) {
    if (typeof list === 'object' && typeof list[Symbol.iterator] !== 'function') list = list.transfer;
    if (list === undefined || list === null || typeof list[Symbol.iterator] !== 'function') return;
  }
  const seen = new Set();
  for (const t of list) {
    if (t === self) throw new DOMException('Transfer list contains source port', 'DataCloneError');
    if (t !== null && (typeof t === 'object' || typeof t === 'function') && untransferable.has(t)) {
      throw new DOMException('An object could not be transferred because it is marked as untransferable.', 'DataCloneError');
    }
    if (seen.has(t)) {
      const what = t instanceof MessagePort ? 'MessagePort' : 'ArrayBuffer';
      throw new DOMException(`Transfer list contains duplicate ${what}`, 'DataCloneError');
    }
    seen.add(t);
    if (t instanceof MessagePort) {
      const s = t[kState];
      if (s.closed || s.transferred) throw new DOMException('MessagePort in transfer list is already detached', 'DataCloneError');
    }
  }
}

// RemoteMessage is a serialized message waiting in a port's queue.
class RemoteMessage {
  constructor(bytes) { this.bytes = bytes; }
}

let workerBinding;
function native() {
  workerBinding ??= internalBinding('worker');
  return workerBinding;
}
let cloneModule;
function clone() {
  cloneModule ??= require('internal/worker/clone');
  return cloneModule;
}

// pull moves the messages waiting in the port's endpoint to its queue and
// reports whether the channel was closed.
function pull(port) {
  const s = port[kState];
  if (s.remote === null) return false;
  for (;;) {
    const b = native().receive(s.remote);
    if (b === undefined) return false;
    if (b === null) return true;
    s.queue.push(new RemoteMessage(b));
  }
}

function onRemoteReady(port) {
  const s = port[kState];
  if (s.closed || s.transferred) return;
  const closed = pull(port);
  if (s.queue.length > 0 && s.started && !closed) schedule(port);
  if (closed) {
    native().close(s.remote);
    s.remote = null;
    // Messages not yet delivered stay for receiveMessageOnPort.
    closePort(port);
  }
}

// makeRemote binds port to endpoint id of this thread.
function makeRemote(port, id) {
  const s = port[kState];
  s.other = null;
  s.remote = id;
  // Its messages are delivered in the async context the port was made in
  // (AsyncLocalStorage), as node's MessagePort resource.
  native().attach(id, require('internal/async_context_frame').bindCurrent(() => onRemoteReady(port)));
}

// remotePort makes a MessagePort for an endpoint that arrived from another
// thread.
function remotePort(id) {
  const port = new MessagePortClass(kCreate);
  makeRemote(port, id);
  return port;
}

// portOut hands a transferred port over to another thread: it returns the
// endpoint id the receiver attaches to, and neuters the port here.
function portOut(v) {
  if (!(v instanceof MessagePort)) return undefined;
  const s = v[kState];
  let id;
  if (s.remote !== null) {
    id = s.remote;
    native().detach(id);
  } else {
    const [mine, theirs] = native().createChannel();
    const peer = s.other;
    if (peer !== null) {
      makeRemote(peer, mine);
    } else {
      native().close(mine);
    }
    // Messages the peer sent that this port has not delivered go along.
    for (const data of s.queue) {
      native().post(mine, data instanceof RemoteMessage ? data.bytes : clone().serialize(data, undefined, {}));
    }
    id = theirs;
  }
  s.remote = null;
  s.other = null;
  s.queue = [];
  s.transferred = true;
  s.closed = true;
  updateRef(s);
  return id;
}

function schedule(port) {
  const s = port[kState];
  if (s.scheduled || !s.started || s.queue.length === 0) return;
  s.scheduled = true;
  setImmediate(() => deliver(port));
}

const MessagePortClass = class MessagePort extends NodeEventTarget {
  constructor(key = undefined) {
    if (key !== kCreate) throw new ERR_CONSTRUCT_CALL_INVALID();
    super();
    Object.defineProperty(this, kState, {
      value: {
        other: null, queue: [], started: false, closed: false, refed: true, scheduled: false,
        keepAlive: null, wantsAlive: false, remote: null, transferred: false, onMessage: null, ports: undefined,
        pendingClose: false,
      },
    });
  }

  [kCreateEvent](data, type) {
    if (type === 'message' || type === 'messageerror') {
      return new MessageEvent(type, { data, ports: this[kState].ports });
    }
    return new Event(type);
  }

  postMessage(message, transfer = undefined) {
    const s = portState(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('message');
    transfer = transferListOf(transfer);
    checkTransferList(transfer, this);
    if (s.remote !== null) {
      let list = transfer;
      if (list !== undefined && list !== null && !Array.isArray(list) && typeof list === 'object' &&
          typeof list[Symbol.iterator] !== 'function') list = list.transfer;
      const bytes = clone().serialize(message, list ?? undefined, { portOut });
      if (!s.closed) native().post(s.remote, bytes);
      return;
    }
    const data = cloneMessage(message, transfer);
    if (s.closed || s.other === null) return;
    const target = s.other;
    target[kState].queue.push(data);
    schedule(target);
  }

  start() {
    const s = portState(this);
    if (s.closed) {
      // Closed before it was started, with messages waiting: they are
      // delivered now, then 'close'.
      if (s.pendingClose) {
        s.pendingClose = false;
        s.started = true;
        finishClose(this);
      }
      return;
    }
    s.started = true;
    updateRef(s);
    schedule(this);
  }

  close(callback = undefined) {
    const s = portState(this);
    if (typeof callback === 'function') this.once('close', () => callback());
    if (s.closed) return;
    const other = s.other;
    if (s.remote !== null) {
      native().close(s.remote);
      s.remote = null;
    }
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
Object.defineProperty(MessagePortClass.prototype, Symbol.toStringTag, { value: 'MessagePort', configurable: true });
defineEventHandler(MessagePortClass.prototype, 'message');
defineEventHandler(MessagePortClass.prototype, 'messageerror');

// MessagePort, as exported, cannot be called or constructed from JS (with
// or without new); ports come from MessagePortClass, whose prototype it
// shares.
function MessagePort() {
  throw constructCallError('ERR_CONSTRUCT_CALL_INVALID', 'Constructor cannot be called');
}

// constructCallError is a plain TypeError with a code, as node throws
// from its native constructors.
function constructCallError(code, message) {
  const err = new TypeError(message);
  err.code = code;
  return err;
}
MessagePort.prototype = MessagePortClass.prototype;
Object.defineProperty(MessagePortClass.prototype, 'constructor', {
  value: MessagePort, writable: true, enumerable: false, configurable: true,
});
Object.setPrototypeOf(MessagePort, NodeEventTarget);

function closePort(port) {
  const s = port[kState];
  if (s.closed) return;
  s.closed = true;
  s.other = null;
  updateRef(s);
  if (!s.started && s.queue.length > 0) {
    // As in node, messages that arrived before the port was started wait
    // for it to start, and 'close' comes after them.
    s.pendingClose = true;
    return;
  }
  finishClose(port);
}

// finishClose delivers the messages already queued, one per turn, then
// emits 'close'.
function finishClose(port) {
  const s = port[kState];
  setImmediate(function drain() {
    if (s.started && s.queue.length > 0 && !s.transferred) {
      deliver(port, true);
      if (s.queue.length > 0 && !s.transferred) {
        setImmediate(drain);
        return;
      }
    }
    port.dispatchEvent(new Event('close'));
  });
}

const MessageChannelClass = class MessageChannel {
  #port1;
  #port2;
  constructor() {
    this.#port1 = new MessagePortClass(kCreate);
    this.#port2 = new MessagePortClass(kCreate);
    this.#port1[kState].other = this.#port2;
    this.#port2[kState].other = this.#port1;
  }
  get port1() { if (!(#port1 in this)) throw new ERR_INVALID_THIS('MessageChannel'); return this.#port1; }
  get port2() { if (!(#port1 in this)) throw new ERR_INVALID_THIS('MessageChannel'); return this.#port2; }
};

// MessageChannel must be called with new (ERR_CONSTRUCT_CALL_REQUIRED, not
// the engine's own TypeError).
function MessageChannel() {
  if (new.target === undefined) {
    throw constructCallError('ERR_CONSTRUCT_CALL_REQUIRED',
                             'Cannot call constructor without `new`');
  }
  return Reflect.construct(MessageChannelClass, [], new.target);
}
MessageChannel.prototype = MessageChannelClass.prototype;
Object.defineProperty(MessageChannelClass.prototype, 'constructor', {
  value: MessageChannel, writable: true, enumerable: false, configurable: true,
});
for (const name of ['port1', 'port2']) {
  const d = Object.getOwnPropertyDescriptor(MessageChannel.prototype, name);
  d.enumerable = true;
  Object.defineProperty(MessageChannel.prototype, name, d);
}
Object.defineProperty(MessageChannel.prototype, Symbol.toStringTag, { value: 'MessageChannel', configurable: true });

// receiveMessageOnPort takes one queued message synchronously.
function receiveMessageOnPort(port) {
  if (!(port instanceof MessagePort) || port[kState] === undefined) {
    const err = new ERR_INVALID_ARG_TYPE('port', 'MessagePort', port);
    err.message = 'The "port" argument must be a MessagePort instance';
    throw err;
  }
  const s = port[kState];
  if (s.queue.length === 0 && s.remote !== null) pull(port);
  if (s.queue.length === 0) return undefined;
  const item = s.queue.shift();
  if (item instanceof RemoteMessage) {
    return { message: clone().deserialize(item.bytes, { portIn: remotePort }).value };
  }
  return { message: item };
}

// BroadcastChannels reach every thread: each is an endpoint of the worker
// binding registered under its name; a message is serialized once and
// queued on every other endpoint of that name.

function onBroadcast(bc) {
  const s = bc[kState];
  if (s.closed) return;
  const batch = [];
  for (;;) {
    const b = native().receive(s.id);
    if (b === undefined || b === null) break;
    batch.push(b);
  }
  // Delivered as a macrotask, as MessagePort messages are.
  if (batch.length > 0) setImmediate(() => dispatchBroadcast(bc, batch));
}

function dispatchBroadcast(bc, batch) {
  const s = bc[kState];
  for (const b of batch) {
    if (s.closed) return;
    let msg;
    try {
      msg = clone().deserialize(b, { portIn: remotePort });
    } catch (err) {
      bc.dispatchEvent(new MessageEvent('messageerror', { data: err }));
      continue;
    }
    bc.dispatchEvent(new MessageEvent('message', { data: msg.value }));
  }
}

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
    s.id = native().broadcastOpen(s.name);
    native().attach(s.id, () => onBroadcast(this));
  }

  get name() { return bcState(this).name; }

  postMessage(message) {
    const s = bcState(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('message');
    if (s.closed) throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
    native().broadcast(s.id, clone().serialize(message, undefined, {}));
  }

  close() {
    const s = bcState(this);
    if (s.closed) return;
    s.closed = true;
    native().close(s.id);
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
  remotePort,
  portOut,
  untransferable,
  checkTransferList,
  kState,
  pull,
  deliver,
  moveMessagePortToContext(port, context) {
    const st = portState(port);
    if (st.closed || st.transferred) {
      const { codes: { ERR_CLOSED_MESSAGE_PORT } } = require('internal/errors');
      throw new ERR_CLOSED_MESSAGE_PORT();
    }
    void context;
    throw notImplemented('worker_threads.moveMessagePortToContext');
  },
};
