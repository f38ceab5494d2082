'use strict';
// node:v8, over QuickJS: what can be answered honestly (heap numbers from
// the engine's memory use, the flags setter accepting and ignoring V8
// flags); serialization and snapshots are not implemented yet.

const { notImplemented } = require('internal/errors');
const { validateString } = require('internal/validators');

function cachedDataVersionTag() {
  return 0;
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
  };
}

function getHeapSpaceStatistics() {
  return [];
}

function getHeapCodeStatistics() {
  return {
    code_and_metadata_size: 0,
    bytecode_and_metadata_size: 0,
    external_script_source_size: 0,
    cpu_profiler_metadata_size: 0,
  };
}

// V8 flags have no meaning for QuickJS: accepted and ignored.
function setFlagsFromString(flags) {
  validateString(flags, 'flags');
}

function isStringOneByteRepresentation(content) {
  validateString(content, 'content');
  for (let i = 0; i < content.length; i++) {
    if (content.charCodeAt(i) > 0xff) return false;
  }
  return true;
}

function stub(name) {
  return function() { throw notImplemented(`v8.${name}`); };
}

class Serializer {
  constructor() { throw notImplemented('v8.Serializer'); }
}
class Deserializer {
  constructor() { throw notImplemented('v8.Deserializer'); }
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
  serialize: stub('serialize'),
  deserialize: stub('deserialize'),
  takeCoverage: stub('takeCoverage'),
  stopCoverage: stub('stopCoverage'),
  setHeapSnapshotNearHeapLimit: stub('setHeapSnapshotNearHeapLimit'),
  queryObjects: stub('queryObjects'),
  Serializer,
  Deserializer,
  DefaultSerializer: Serializer,
  DefaultDeserializer: Deserializer,
  startupSnapshot: {
    isBuildingSnapshot() { return false; },
    addSerializeCallback: stub('startupSnapshot.addSerializeCallback'),
    addDeserializeCallback: stub('startupSnapshot.addDeserializeCallback'),
    setDeserializeMainFunction: stub('startupSnapshot.setDeserializeMainFunction'),
  },
};
