'use strict';
// node:v8, over QuickJS: what can be answered honestly (heap numbers from
// the engine's memory use, the flags setter accepting and ignoring V8
// flags) and the value serializer (internal/v8/serdes); heap snapshots
// and coverage are not implemented.

const { notImplemented } = require('internal/errors');
const { validateString } = require('internal/validators');
const serdes = require('internal/v8/serdes');

// The tag identifies the engine and the flags code caches depend on: a
// hash of the engine name and the flags set so far.
const engineTag = 'quickjs';
const flagsSet = new Set();
function cachedDataVersionTag() {
  let h = 0x811c9dc5;
  const text = [engineTag, ...flagsSet].join(' ');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function getHeapStatistics() {
  const { heapTotal, heapUsed, external } = process.memoryUsage();
  return {
    total_heap_size: heapTotal,
    total_heap_size_executable: 0,
    total_physical_size: heapTotal,
    total_available_size: Math.max(0, 4294967296 - heapUsed),
    used_heap_size: heapUsed,
    heap_size_limit: 4294967296,
    malloced_memory: heapUsed,
    peak_malloced_memory: heapUsed,
    does_zap_garbage: 0,
    number_of_native_contexts: 1,
    number_of_detached_contexts: 0,
    total_global_handles_size: 0,
    used_global_handles_size: 0,
    external_memory: external || 0,
    total_allocated_bytes: heapUsed,
  };
}

// V8's heap spaces. QuickJS has one malloc heap: old_space stands for all
// of it, the other spaces are reported empty.
const heapSpaces = [
  'read_only_space', 'new_space', 'old_space', 'code_space', 'shared_space',
  'trusted_space', 'shared_trusted_space', 'new_large_object_space',
  'large_object_space', 'code_large_object_space', 'shared_large_object_space',
  'shared_trusted_large_object_space', 'trusted_large_object_space',
];

function getHeapSpaceStatistics() {
  const { heapTotal, heapUsed } = process.memoryUsage();
  return heapSpaces.map((name) => {
    const all = name === 'old_space';
    return {
      space_name: name,
      space_size: all ? heapTotal : 0,
      space_used_size: all ? heapUsed : 0,
      space_available_size: all ? Math.max(0, heapTotal - heapUsed) : 0,
      physical_space_size: all ? heapTotal : 0,
    };
  });
}

function getHeapCodeStatistics() {
  return {
    code_and_metadata_size: 0,
    bytecode_and_metadata_size: 0,
    external_script_source_size: 0,
    cpu_profiler_metadata_size: 0,
  };
}

// V8 flags have no meaning for QuickJS: accepted and ignored, except that
// they change cachedDataVersionTag() as they do in V8.
function setFlagsFromString(flags) {
  validateString(flags, 'flags');
  for (const f of flags.split(/\s+/)) {
    if (f !== '') flagsSet.add(f.replace(/_/g, '-'));
  }
}

const twoByte = /[^\x00-\xff]/;
function isStringOneByteRepresentation(content) {
  validateString(content, 'content');
  return !twoByte.test(content);
}

// GCProfiler collects the garbage collections between start() and stop().
// The engine (QuickJS: reference counting plus a cycle collector) reports
// no collection events, so statistics is always empty.
class GCProfiler {
  #startTime = -1;

  start() {
    if (this.#startTime < 0) this.#startTime = Date.now();
  }

  stop() {
    if (this.#startTime < 0) return undefined;
    const data = { version: 1, startTime: this.#startTime, endTime: Date.now(), statistics: [] };
    this.#startTime = -1;
    return data;
  }

  [Symbol.dispose]() {
    this.#startTime = -1;
  }
}

function stub(name) {
  return function() { throw notImplemented(`v8.${name}`); };
}

module.exports = {
  cachedDataVersionTag,
  getHeapStatistics,
  getHeapSpaceStatistics,
  getHeapCodeStatistics,
  setFlagsFromString,
  isStringOneByteRepresentation,
  getHeapSnapshot: stub('getHeapSnapshot'),
  writeHeapSnapshot: stub('writeHeapSnapshot'),
  serialize: serdes.serialize,
  deserialize: serdes.deserialize,
  takeCoverage: stub('takeCoverage'),
  stopCoverage: stub('stopCoverage'),
  setHeapSnapshotNearHeapLimit: stub('setHeapSnapshotNearHeapLimit'),
  queryObjects: stub('queryObjects'),
  GCProfiler,
  Serializer: serdes.Serializer,
  Deserializer: serdes.Deserializer,
  DefaultSerializer: serdes.DefaultSerializer,
  DefaultDeserializer: serdes.DefaultDeserializer,
  startupSnapshot: {
    isBuildingSnapshot() { return false; },
    addSerializeCallback: stub('startupSnapshot.addSerializeCallback'),
    addDeserializeCallback: stub('startupSnapshot.addDeserializeCallback'),
    setDeserializeMainFunction: stub('startupSnapshot.setDeserializeMainFunction'),
  },
};
