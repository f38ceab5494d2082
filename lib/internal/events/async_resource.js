'use strict';
// events.EventEmitterAsyncResource: an EventEmitter whose listeners run in
// the async scope of an AsyncResource created with the emitter.

const EventEmitter = require('events');
const { AsyncResource } = require('async_hooks');
const { validateString } = require('internal/validators');

const kResource = Symbol('kEventEmitterAsyncResource');

// The AsyncResource behind an EventEmitterAsyncResource; it points back at
// its emitter.
class EventEmitterReferencingAsyncResource extends AsyncResource {
  #emitter;

  constructor(emitter, type, options) {
    super(type, options);
    this.#emitter = emitter;
  }

  get eventEmitter() {
    return this.#emitter;
  }
}

class EventEmitterAsyncResource extends EventEmitter {
  constructor(options = undefined) {
    let name;
    if (typeof options === 'string') {
      name = options;
      options = undefined;
    } else {
      name = options?.name || new.target.name;
      if (options?.name !== undefined) validateString(options.name, 'options.name');
    }
    super(options);
    this[kResource] = new EventEmitterReferencingAsyncResource(this, name, options);
  }

  emit(event, ...args) {
    return this[kResource].runInAsyncScope(super.emit, this, event, ...args);
  }

  emitDestroy() {
    this[kResource].emitDestroy();
  }

  get asyncId() {
    return this[kResource].asyncId();
  }

  get triggerAsyncId() {
    return this[kResource].triggerAsyncId();
  }

  get asyncResource() {
    return this[kResource];
  }
}

module.exports = { EventEmitterAsyncResource };
