'use strict';
// node:zlib: deflate/inflate, gzip/gunzip, raw deflate, unzip and brotli
// as Transform streams, callback and synchronous one-shot forms, crc32.
// The work is Go's (internalBinding('zlib'), internal/ops/zlib): stream
// writes and the callback forms run off the loop, the Sync forms on it.
// Compressed bytes are valid streams of each format but are Go's encoder
// output, not zlib's byte for byte.

const { Transform, finished } = require('stream');
const { Buffer } = require('buffer');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE, ERR_BUFFER_TOO_LARGE, ERR_BROTLI_INVALID_PARAM },
} = require('internal/errors');
const { validateFunction, validateNumber, validateUint32, validateObject } = require('internal/validators');

const binding = internalBinding('zlib');
// Read once at load, as node does.
const kMaxLength = require('buffer').kMaxLength ?? 2 ** 32;

const constantValues = {
  Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5,
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
  Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6, Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1,
  Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1, Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3,
  Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0, ZLIB_VERNUM: 4897, DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4,
  DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7, BROTLI_DECODE: 8, BROTLI_ENCODE: 9, ZSTD_DECOMPRESS: 11,
  ZSTD_COMPRESS: 10, Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15,
  Z_MIN_CHUNK: 64, Z_MAX_CHUNK: Infinity, Z_DEFAULT_CHUNK: 16384, Z_MIN_MEMLEVEL: 1,
  Z_MAX_MEMLEVEL: 9, Z_DEFAULT_MEMLEVEL: 8, Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1,
  BROTLI_OPERATION_PROCESS: 0, BROTLI_OPERATION_FLUSH: 1, BROTLI_OPERATION_FINISH: 2,
  BROTLI_OPERATION_EMIT_METADATA: 3, BROTLI_PARAM_MODE: 0, BROTLI_MODE_GENERIC: 0,
  BROTLI_MODE_TEXT: 1, BROTLI_MODE_FONT: 2, BROTLI_DEFAULT_MODE: 0, BROTLI_PARAM_QUALITY: 1,
  BROTLI_MIN_QUALITY: 0, BROTLI_MAX_QUALITY: 11, BROTLI_DEFAULT_QUALITY: 11, BROTLI_PARAM_LGWIN: 2,
  BROTLI_MIN_WINDOW_BITS: 10, BROTLI_MAX_WINDOW_BITS: 24, BROTLI_LARGE_MAX_WINDOW_BITS: 30,
  BROTLI_DEFAULT_WINDOW: 22, BROTLI_PARAM_LGBLOCK: 3, BROTLI_MIN_INPUT_BLOCK_BITS: 16,
  BROTLI_MAX_INPUT_BLOCK_BITS: 24, BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING: 4,
  BROTLI_PARAM_SIZE_HINT: 5, BROTLI_PARAM_LARGE_WINDOW: 6, BROTLI_PARAM_NPOSTFIX: 7,
  BROTLI_PARAM_NDIRECT: 8, BROTLI_DECODER_RESULT_ERROR: 0, BROTLI_DECODER_RESULT_SUCCESS: 1,
  BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT: 2, BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT: 3,
  BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION: 0, BROTLI_DECODER_PARAM_LARGE_WINDOW: 1,
  BROTLI_DECODER_NO_ERROR: 0, BROTLI_DECODER_SUCCESS: 1, BROTLI_DECODER_NEEDS_MORE_INPUT: 2,
  BROTLI_DECODER_NEEDS_MORE_OUTPUT: 3, BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE: -1,
  BROTLI_DECODER_ERROR_FORMAT_RESERVED: -2, BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE: -3,
  BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET: -4,
  BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME: -5, BROTLI_DECODER_ERROR_FORMAT_CL_SPACE: -6,
  BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE: -7,
  BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT: -8,
  BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1: -9, BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2: -10,
  BROTLI_DECODER_ERROR_FORMAT_TRANSFORM: -11, BROTLI_DECODER_ERROR_FORMAT_DICTIONARY: -12,
  BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS: -13, BROTLI_DECODER_ERROR_FORMAT_PADDING_1: -14,
  BROTLI_DECODER_ERROR_FORMAT_PADDING_2: -15, BROTLI_DECODER_ERROR_FORMAT_DISTANCE: -16,
  BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET: -19, BROTLI_DECODER_ERROR_INVALID_ARGUMENTS: -20,
  BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES: -21, BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS: -22,
  BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP: -25, BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1: -26,
  BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2: -27, BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES: -30,
  BROTLI_DECODER_ERROR_UNREACHABLE: -31, ZSTD_e_continue: 0, ZSTD_e_flush: 1, ZSTD_e_end: 2,
  ZSTD_fast: 1, ZSTD_dfast: 2, ZSTD_greedy: 3, ZSTD_lazy: 4, ZSTD_lazy2: 5, ZSTD_btlazy2: 6,
  ZSTD_btopt: 7, ZSTD_btultra: 8, ZSTD_btultra2: 9, ZSTD_c_compressionLevel: 100,
  ZSTD_c_windowLog: 101, ZSTD_c_hashLog: 102, ZSTD_c_chainLog: 103, ZSTD_c_searchLog: 104,
  ZSTD_c_minMatch: 105, ZSTD_c_targetLength: 106, ZSTD_c_strategy: 107,
  ZSTD_c_enableLongDistanceMatching: 160, ZSTD_c_ldmHashLog: 161, ZSTD_c_ldmMinMatch: 162,
  ZSTD_c_ldmBucketSizeLog: 163, ZSTD_c_ldmHashRateLog: 164, ZSTD_c_contentSizeFlag: 200,
  ZSTD_c_checksumFlag: 201, ZSTD_c_dictIDFlag: 202, ZSTD_c_nbWorkers: 400, ZSTD_c_jobSize: 401,
  ZSTD_c_overlapLog: 402, ZSTD_d_windowLogMax: 100, ZSTD_CLEVEL_DEFAULT: 3, ZSTD_error_no_error: 0,
  ZSTD_error_GENERIC: 1, ZSTD_error_prefix_unknown: 10, ZSTD_error_version_unsupported: 12,
  ZSTD_error_frameParameter_unsupported: 14, ZSTD_error_frameParameter_windowTooLarge: 16,
  ZSTD_error_corruption_detected: 20, ZSTD_error_checksum_wrong: 22,
  ZSTD_error_literals_headerWrong: 24, ZSTD_error_dictionary_corrupted: 30,
  ZSTD_error_dictionary_wrong: 32, ZSTD_error_dictionaryCreation_failed: 34,
  ZSTD_error_parameter_unsupported: 40, ZSTD_error_parameter_combination_unsupported: 41,
  ZSTD_error_parameter_outOfBound: 42, ZSTD_error_tableLog_tooLarge: 44,
  ZSTD_error_maxSymbolValue_tooLarge: 46, ZSTD_error_maxSymbolValue_tooSmall: 48,
  ZSTD_error_stabilityCondition_notRespected: 50, ZSTD_error_stage_wrong: 60,
  ZSTD_error_init_missing: 62, ZSTD_error_memory_allocation: 64, ZSTD_error_workSpace_tooSmall: 66,
  ZSTD_error_dstSize_tooSmall: 70, ZSTD_error_srcSize_wrong: 72, ZSTD_error_dstBuffer_null: 74,
  ZSTD_error_noForwardProgress_destFull: 80, ZSTD_error_noForwardProgress_inputEmpty: 82,
};
// As node's: a null-prototype object of read-only properties.
const constants = Object.create(null);
for (const key of Object.keys(constantValues)) {
  Object.defineProperty(constants, key, { value: constantValues[key], enumerable: true, writable: false, configurable: false });
}

const {
  Z_NO_FLUSH, Z_BLOCK, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH, Z_FULL_FLUSH, Z_FINISH,
  Z_MIN_CHUNK, Z_MAX_CHUNK, Z_DEFAULT_CHUNK, Z_MIN_WINDOWBITS, Z_MAX_WINDOWBITS,
  Z_DEFAULT_WINDOWBITS, Z_MIN_LEVEL, Z_MAX_LEVEL, Z_DEFAULT_COMPRESSION, Z_MIN_MEMLEVEL,
  Z_MAX_MEMLEVEL, Z_DEFAULT_MEMLEVEL, Z_DEFAULT_STRATEGY, Z_FIXED,
  DEFLATE, INFLATE, GZIP, GUNZIP, DEFLATERAW, INFLATERAW, UNZIP, BROTLI_DECODE, BROTLI_ENCODE,
  ZSTD_COMPRESS, ZSTD_DECOMPRESS,
  BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FLUSH, BROTLI_OPERATION_FINISH,
  BROTLI_OPERATION_EMIT_METADATA, BROTLI_PARAM_QUALITY, BROTLI_PARAM_LGWIN, BROTLI_DEFAULT_QUALITY,
} = constants;

// codes maps zlib return codes to names and back.
const codes = {
  Z_OK: constants.Z_OK,
  Z_STREAM_END: constants.Z_STREAM_END,
  Z_NEED_DICT: constants.Z_NEED_DICT,
  Z_ERRNO: constants.Z_ERRNO,
  Z_STREAM_ERROR: constants.Z_STREAM_ERROR,
  Z_DATA_ERROR: constants.Z_DATA_ERROR,
  Z_MEM_ERROR: constants.Z_MEM_ERROR,
  Z_BUF_ERROR: constants.Z_BUF_ERROR,
  Z_VERSION_ERROR: constants.Z_VERSION_ERROR,
};
for (const key of Object.keys(codes)) codes[codes[key]] = key;

function zlibError(message, errno, mode) {
  const err = new Error(message);
  err.errno = errno;
  if (mode === BROTLI_DECODE || mode === BROTLI_ENCODE) {
    if (codes[errno] !== undefined && errno <= 0 && message !== 'Decompression failed') {
      err.code = codes[errno];
    } else {
      const key = Object.keys(constants).find((k) => k.startsWith('BROTLI_DECODER_ERROR_') && constants[k] === errno);
      err.code = key ? `ERR_${key.slice('BROTLI_DECODER'.length)}` : 'ERR_BROTLI_DECOMPRESSION_FAILED';
    }
  } else if ((mode === ZSTD_COMPRESS || mode === ZSTD_DECOMPRESS) && errno > 0) {
    const key = Object.keys(constantValues).find((k) => k.startsWith('ZSTD_error_') && constantValues[k] === errno);
    err.code = key || 'ZSTD_error_GENERIC';
  } else {
    err.code = codes[errno];
  }
  return err;
}

// The rank of each flush flag, for picking the stronger of two.
const flushRank = { [Z_NO_FLUSH]: 0, [Z_BLOCK]: 1, [Z_PARTIAL_FLUSH]: 2, [Z_SYNC_FLUSH]: 3, [Z_FULL_FLUSH]: 4, [Z_FINISH]: 5 };
function maxFlush(a, b) { return (flushRank[a] ?? a) > (flushRank[b] ?? b) ? a : b; }

const kFlushFlag = Symbol('kFlushFlag');
const kFlushBuffers = [];
for (const flag of [0, 1, 2, 3, 4, 5]) {
  kFlushBuffers[flag] = Buffer.alloc(0);
  kFlushBuffers[flag][kFlushFlag] = flag;
}

function checkFiniteNumber(number, name) {
  if (number === undefined) return false;
  if (Number.isFinite(number)) return true;
  if (Number.isNaN(number)) return false;
  validateNumber(number, name);
  throw new ERR_OUT_OF_RANGE(name, 'a finite number', number);
}

function checkRangesOrGetDefault(number, name, lower, upper, def) {
  if (!checkFiniteNumber(number, name)) return def;
  if (number < lower || number > upper) {
    throw new ERR_OUT_OF_RANGE(name, `>= ${lower} and <= ${upper}`, number);
  }
  return number;
}

function isArrayBuffer(v) {
  return v instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && v instanceof SharedArrayBuffer);
}

// ZlibHandle is a stream's _handle: the Go engine's id, and close(), as
// node's native handle object has.
class ZlibHandle {
  constructor(id) {
    this.id = id;
  }

  close() {
    if (this.id !== 0) {
      binding.close(this.id);
      this.id = 0;
    }
  }
}

function ZlibBase(opts, mode, handle, { flush, finishFlush, fullFlush }) {
  let chunkSize = Z_DEFAULT_CHUNK;
  let maxOutputLength = kMaxLength;
  if (opts) {
    chunkSize = opts.chunkSize;
    if (!checkFiniteNumber(chunkSize, 'options.chunkSize')) chunkSize = Z_DEFAULT_CHUNK;
    else if (chunkSize < Z_MIN_CHUNK) throw new ERR_OUT_OF_RANGE('options.chunkSize', `>= ${Z_MIN_CHUNK}`, chunkSize);
    const isBrotli = mode === BROTLI_ENCODE || mode === BROTLI_DECODE;
    const isZstd = mode === ZSTD_COMPRESS || mode === ZSTD_DECOMPRESS;
    const lo = isBrotli ? BROTLI_OPERATION_PROCESS : isZstd ? constantValues.ZSTD_e_continue : Z_NO_FLUSH;
    const hi = isBrotli ? BROTLI_OPERATION_EMIT_METADATA : isZstd ? constantValues.ZSTD_e_end : Z_BLOCK;
    flush = checkRangesOrGetDefault(opts.flush, 'options.flush', lo, hi, flush);
    finishFlush = checkRangesOrGetDefault(opts.finishFlush, 'options.finishFlush', lo, hi, finishFlush);
    maxOutputLength = checkRangesOrGetDefault(opts.maxOutputLength, 'options.maxOutputLength', 1, maxOutputLength, maxOutputLength);
    if (opts.encoding || opts.objectMode || opts.writableObjectMode) {
      opts = { ...opts, encoding: null, objectMode: false, writableObjectMode: false };
    }
  }
  Transform.call(this, { autoDestroy: true, ...opts });
  this._handle = new ZlibHandle(handle);
  this._mode = mode;
  this._chunkSize = chunkSize;
  this._defaultFlushFlag = flush;
  this._finishFlushFlag = finishFlush;
  this._defaultFullFlushFlag = fullFlush;
  this._info = opts && opts.info;
  this._maxOutputLength = maxOutputLength;
  this._writeInProgress = false;
  this._closePending = false;
  this.bytesWritten = 0;
}
Object.setPrototypeOf(ZlibBase.prototype, Transform.prototype);
Object.setPrototypeOf(ZlibBase, Transform);

Object.defineProperty(ZlibBase.prototype, '_closed', {
  configurable: true,
  get() {
    return this._handle === null;
  },
});

ZlibBase.prototype.close = function close(callback) {
  if (callback) finished(this, callback);
  this.destroy();
};

ZlibBase.prototype.flush = function flush(kind, callback) {
  if (typeof kind === 'function' || (kind === undefined && !callback)) {
    callback = kind;
    kind = this._defaultFullFlushFlag;
  }
  if (this.writableFinished) {
    if (callback) process.nextTick(callback);
  } else if (this.writableEnded) {
    if (callback) this.once('end', callback);
  } else {
    this.write(kFlushBuffers[kind], '', callback);
  }
};

ZlibBase.prototype.reset = function reset() {
  if (this._handle === null) throw new Error('zlib binding closed');
  binding.reset(this._handle.id);
};

ZlibBase.prototype._read = function _read(n) {
  const next = this._zlibContinue;
  if (next) {
    this._zlibContinue = null;
    next();
    return;
  }
  Transform.prototype._read.call(this, n);
};

ZlibBase.prototype._final = function _final(callback) {
  callback();
};

ZlibBase.prototype._flush = function _flush(callback) {
  this._transform(Buffer.alloc(0), '', callback);
};

ZlibBase.prototype._transform = function _transform(chunk, encoding, callback) {
  let flushFlag = this._defaultFlushFlag;
  if (typeof chunk[kFlushFlag] === 'number') flushFlag = chunk[kFlushFlag];
  if (this.writableEnded && this.writableLength === chunk.byteLength) {
    flushFlag = maxFlush(flushFlag, this._finishFlushFlag);
  }
  this._processChunk(chunk, flushFlag, callback);
};

ZlibBase.prototype._processChunk = function _processChunk(chunk, flushFlag, cb) {
  if (typeof cb === 'function') {
    processChunkAsync(this, chunk, flushFlag, cb);
    return undefined;
  }
  return processChunkSync(this, chunk, flushFlag);
};

ZlibBase.prototype._destroy = function _destroy(err, callback) {
  closeHandle(this);
  callback(err);
};

function closeHandle(engine) {
  if (engine._handle === null) return;
  if (engine._writeInProgress) {
    engine._closePending = true;
    return;
  }
  // Through the handle object, as node's: a program may replace its
  // close (minizlib does, to keep a stream usable around _processChunk).
  engine._handle.close();
  engine._handle = null;
}

// pushOutput pushes out in chunkSize pieces; false when the readable
// side is full.
function pushOutput(engine, out) {
  const size = engine._chunkSize;
  const buf = Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  let ok = true;
  for (let off = 0; off < buf.length; off += size) {
    ok = engine.push(buf.subarray(off, Math.min(off + size, buf.length)));
  }
  return ok;
}

const kEmpty = Buffer.alloc(0);

// processChunkAsync feeds chunk off the loop. A decompressor pauses after
// each chunkSize of output: it goes on at once while the readable side
// has room, else when it is read (_read), as node's zlib does.
function processChunkAsync(engine, chunk, flushFlag, cb) {
  if (engine._handle === null) {
    process.nextTick(cb);
    return;
  }
  const step = (input) => {
    if (engine._handle === null) {
      cb();
      return;
    }
    engine._writeInProgress = true;
    binding.write(engine._handle.id, input, flushFlag, (out, message, errno, more) => {
      afterWrite(engine, out, message, errno, more, cb, step);
    });
  };
  step(chunk);
}

// afterWrite handles a finished write on the loop: output, errors,
// and a paused decompressor's continuation.
function afterWrite(engine, out, message, errno, more, cb, step) {
  engine._writeInProgress = false;
  if (engine._closePending) {
    engine._closePending = false;
    closeHandle(engine);
  }
  if (engine.destroyed) {
    cb();
    return;
  }
  if (engine._handle !== null) engine.bytesWritten = binding.consumed(engine._handle.id);
  const room = out.byteLength > 0 ? pushOutput(engine, out) : true;
  if (more && message === undefined) {
    if (room) step(kEmpty);
    else engine._zlibContinue = () => step(kEmpty);
    return;
  }
  // As zlib: input past the end of the compressed data ends the
  // stream (gzip members are looked for instead).
  if (engine._handle !== null && engine._mode !== GUNZIP && engine._mode !== UNZIP &&
      !engine._endedEarly && binding.endedEarly(engine._handle.id)) {
    engine._endedEarly = true;
    engine.push(null);
  }
  if (message !== undefined) {
    engine.destroy(zlibError(message, errno, engine._mode));
    return;
  }
  cb();
}

function processChunkSync(engine, chunk, flushFlag) {
  if (engine._handle === null) throw new Error('zlib binding closed');
  let out;
  try {
    out = binding.writeSync(engine._handle.id, chunk, flushFlag, engine._maxOutputLength);
  } catch (e) {
    closeHandle(engine);
    throw zlibError(e.message, e.errno, engine._mode);
  }
  engine.bytesWritten = binding.consumed(engine._handle.id);
  closeHandle(engine);
  if (out === null) throw new ERR_BUFFER_TOO_LARGE(engine._maxOutputLength);
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

function toBufferArg(buffer) {
  if (typeof buffer === 'string') return Buffer.from(buffer);
  if (ArrayBuffer.isView(buffer)) return buffer;
  if (isArrayBuffer(buffer)) return Buffer.from(buffer);
  throw new ERR_INVALID_ARG_TYPE('buffer', ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], buffer);
}

function zlibBufferSync(engine, buffer) {
  buffer = toBufferArg(buffer);
  const out = processChunkSync(engine, buffer, engine._finishFlushFlag);
  if (engine._info) return { buffer: out, engine };
  return out;
}

function zlibBuffer(engine, buffer, callback) {
  validateFunction(callback, 'callback');
  buffer = toBufferArg(buffer);
  const parts = [];
  let total = 0;
  const step = (input) => {
    engine._writeInProgress = true;
    binding.write(engine._handle.id, input, engine._finishFlushFlag, (out, message, errno, more) => {
      engine._writeInProgress = false;
      const consumed = binding.consumed(engine._handle.id);
      if (message === undefined) {
        parts.push(out);
        total += out.byteLength;
        if (total > engine._maxOutputLength) {
          closeHandle(engine);
          callback(new ERR_BUFFER_TOO_LARGE(engine._maxOutputLength));
          return;
        }
        if (more) {
          step(kEmpty);
          return;
        }
      }
      closeHandle(engine);
      if (message !== undefined) {
        callback(zlibError(message, errno, engine._mode));
        return;
      }
      engine.bytesWritten = consumed;
      const buf = parts.length === 1 ?
        Buffer.from(parts[0].buffer, parts[0].byteOffset, parts[0].byteLength) : Buffer.concat(parts, total);
      callback(null, engine._info ? { buffer: buf, engine } : buf);
    });
  };
  step(buffer);
}

// pauseAtOf is the output size after which a decompressor pauses: the
// stream's chunkSize.
function pauseAtOf(opts) {
  const n = opts && opts.chunkSize;
  return typeof n === 'number' && Number.isFinite(n) && n >= Z_MIN_CHUNK ? n : Z_DEFAULT_CHUNK;
}

function dictionaryArg(dictionary) {
  if (dictionary === undefined) return undefined;
  if (ArrayBuffer.isView(dictionary)) return dictionary;
  if (isArrayBuffer(dictionary)) return Buffer.from(dictionary);
  throw new ERR_INVALID_ARG_TYPE('options.dictionary', ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'], dictionary);
}

function Zlib(opts, mode) {
  let windowBits = Z_DEFAULT_WINDOWBITS;
  let level = Z_DEFAULT_COMPRESSION;
  let memLevel = Z_DEFAULT_MEMLEVEL;
  let strategy = Z_DEFAULT_STRATEGY;
  let dictionary;
  if (opts) {
    if ((opts.windowBits == null || opts.windowBits === 0) &&
        (mode === INFLATE || mode === GUNZIP || mode === UNZIP)) {
      windowBits = 0;
    } else {
      // zlib's gzip encoder needs a window of at least 2^9.
      windowBits = checkRangesOrGetDefault(opts.windowBits, 'options.windowBits',
        mode === GZIP ? 9 : Z_MIN_WINDOWBITS, Z_MAX_WINDOWBITS, Z_DEFAULT_WINDOWBITS);
    }
    level = checkRangesOrGetDefault(opts.level, 'options.level', Z_MIN_LEVEL, Z_MAX_LEVEL, Z_DEFAULT_COMPRESSION);
    memLevel = checkRangesOrGetDefault(opts.memLevel, 'options.memLevel', Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL, Z_DEFAULT_MEMLEVEL);
    strategy = checkRangesOrGetDefault(opts.strategy, 'options.strategy', Z_DEFAULT_STRATEGY, Z_FIXED, Z_DEFAULT_STRATEGY);
    dictionary = dictionaryArg(opts.dictionary);
  }
  const handle = binding.create(mode, level, strategy, dictionary, 0, false, undefined, pauseAtOf(opts));
  ZlibBase.call(this, opts, mode, handle, { flush: Z_NO_FLUSH, finishFlush: Z_FINISH, fullFlush: Z_FULL_FLUSH });
  this._level = level;
  this._strategy = strategy;
  this._windowBits = windowBits;
  this._memLevel = memLevel;
}
Object.setPrototypeOf(Zlib.prototype, ZlibBase.prototype);
Object.setPrototypeOf(Zlib, ZlibBase);

// params changes level and strategy after flushing what was written.
Zlib.prototype.params = function params(level, strategy, callback) {
  checkRangesOrGetDefault(level, 'level', Z_MIN_LEVEL, Z_MAX_LEVEL);
  checkRangesOrGetDefault(strategy, 'strategy', Z_DEFAULT_STRATEGY, Z_FIXED);
  if (this._level !== level || this._strategy !== strategy) {
    this.flush(Z_SYNC_FLUSH, () => {
      if (this._handle === null) throw new Error('zlib binding closed');
      binding.params(this._handle.id, level, strategy);
      if (this.destroyed) return;
      this._level = level;
      this._strategy = strategy;
      if (callback) callback();
    });
  } else if (callback) {
    process.nextTick(callback);
  }
};

// makeClass makes a constructor in node's style: callable without new,
// and usable as Parent.call(this, opts) from old-style subclasses.
const warnedNoNew = new Set();
function makeClass(name, Parent, mode) {
  const fn = {
    [name]: function(opts) {
      if (!(this instanceof fn)) {
        if (!warnedNoNew.has(name)) {
          warnedNoNew.add(name);
          process.emitWarning(`Instantiating ${name} without the 'new' keyword has been deprecated.`,
            'DeprecationWarning', 'DEP0184');
        }
        return new fn(opts);
      }
      Parent.call(this, opts, mode);
    },
  }[name];
  Object.setPrototypeOf(fn.prototype, Parent.prototype);
  Object.setPrototypeOf(fn, Parent);
  return fn;
}

function makeZlibClass(name, mode) { return makeClass(name, Zlib, mode); }

const Deflate = makeZlibClass('Deflate', DEFLATE);
const Inflate = makeZlibClass('Inflate', INFLATE);
const Gzip = makeZlibClass('Gzip', GZIP);
const Gunzip = makeZlibClass('Gunzip', GUNZIP);
const DeflateRaw = makeZlibClass('DeflateRaw', DEFLATERAW);
const InflateRaw = makeZlibClass('InflateRaw', INFLATERAW);
const Unzip = makeZlibClass('Unzip', UNZIP);

const brotliParamKeys = new Set(Object.keys(constants)
  .filter((k) => k.startsWith('BROTLI_PARAM_') || k.startsWith('BROTLI_DECODER_PARAM_'))
  .map((k) => constants[k]));

// brotliParamValid says whether the brotli library would take value for
// key (an encoder or decoder parameter, by mode).
function brotliParamValid(mode, key, value) {
  if (!Number.isInteger(value) || value < 0) return false;
  if (mode === BROTLI_DECODE) return key <= 1 && value <= 1;
  switch (key) {
    case 0: return value <= 2; // MODE
    case 1: return value <= 11; // QUALITY
    case 2: return value >= 10 && value <= 30; // LGWIN
    case 3: return value === 0 || (value >= 16 && value <= 24); // LGBLOCK
    case 4: case 6: return value <= 1; // DISABLE_LITERAL_CONTEXT_MODELING, LARGE_WINDOW
    case 5: return value <= 0xFFFFFFFF; // SIZE_HINT
    case 7: return value <= 3; // NPOSTFIX
    case 8: return value <= 120; // NDIRECT
  }
  return false;
}

function Brotli(opts, mode) {
  let quality = BROTLI_DEFAULT_QUALITY;
  let lgwin = 0;
  if (opts && opts.params !== undefined) {
    validateObject(opts.params, 'options.params');
    for (const origKey of Object.keys(opts.params)) {
      const key = +origKey;
      if (Number.isNaN(key) || key < 0 || !brotliParamKeys.has(key) || String(key) !== origKey) throw new ERR_BROTLI_INVALID_PARAM(origKey);
      const value = opts.params[origKey];
      if (typeof value !== 'number' && typeof value !== 'boolean') {
        throw new ERR_INVALID_ARG_TYPE('options.params[key]', 'number', opts.params[origKey]);
      }
      if (!brotliParamValid(mode, key, Number(value))) {
      throw new (require('internal/errors').codes.ERR_ZLIB_INITIALIZATION_FAILED)();
    }
    if (mode === BROTLI_ENCODE && key === BROTLI_PARAM_QUALITY) quality = Number(value);
      if (mode === BROTLI_ENCODE && key === BROTLI_PARAM_LGWIN) lgwin = Number(value);
    }
  }
  const handle = binding.create(mode, quality, 0, undefined, lgwin, false, undefined, pauseAtOf(opts));
  ZlibBase.call(this, opts, mode, handle, {
    flush: BROTLI_OPERATION_PROCESS, finishFlush: BROTLI_OPERATION_FINISH, fullFlush: BROTLI_OPERATION_FLUSH,
  });
}
Object.setPrototypeOf(Brotli.prototype, ZlibBase.prototype);
Object.setPrototypeOf(Brotli, ZlibBase);

Brotli.prototype._transform = function _transform(chunk, encoding, callback) {
  let flushFlag = this._defaultFlushFlag;
  if (typeof chunk[kFlushFlag] === 'number') flushFlag = chunk[kFlushFlag];
  if (this.writableEnded && this.writableLength === chunk.byteLength) flushFlag = this._finishFlushFlag;
  this._processChunk(chunk, flushFlag, callback);
};
void BROTLI_OPERATION_FLUSH;
void BROTLI_OPERATION_EMIT_METADATA;

const BrotliCompress = makeClass('BrotliCompress', Brotli, BROTLI_ENCODE);
const BrotliDecompress = makeClass('BrotliDecompress', Brotli, BROTLI_DECODE);

const zstdCompressParams = new Set(Object.keys(constantValues).filter((k) => k.startsWith('ZSTD_c_'))
  .map((k) => constantValues[k]));
const zstdDecompressParams = new Set(Object.keys(constantValues).filter((k) => k.startsWith('ZSTD_d_'))
  .map((k) => constantValues[k]));

// The numbers the zstd library knows as parameters or their values: keys
// outside them are rejected before any is set, as node does.
const zstdParamKeys = new Set(Object.keys(constantValues)
  .filter((k) => k.startsWith('ZSTD_') && !k.startsWith('ZSTD_error_') && k !== 'ZSTD_COMPRESS' &&
    k !== 'ZSTD_DECOMPRESS' && k !== 'ZSTD_CLEVEL_DEFAULT')
  .map((k) => constantValues[k]));

// zstdParamValid says whether the zstd library would take value for key.
function zstdParamValid(key, value, mode) {
  if (!Number.isInteger(value)) return false;
  if (mode === ZSTD_DECOMPRESS) return value === 0 || (value >= 10 && value <= 31); // windowLogMax
  switch (key) {
    case constantValues.ZSTD_c_compressionLevel: return true;
    case constantValues.ZSTD_c_strategy: return value === 0 || (value >= 1 && value <= 9);
    case constantValues.ZSTD_c_windowLog: return value === 0 || (value >= 10 && value <= 31);
    case constantValues.ZSTD_c_checksumFlag:
    case constantValues.ZSTD_c_contentSizeFlag:
    case constantValues.ZSTD_c_dictIDFlag:
    case constantValues.ZSTD_c_enableLongDistanceMatching:
      return value === 0 || value === 1;
  }
  return value >= 0;
}

function Zstd(opts, mode) {
  let level = constantValues.ZSTD_CLEVEL_DEFAULT;
  let checksum = false;
  let pledged;
  if (opts && opts.params !== undefined) {
    validateObject(opts.params, 'options.params');
    const valid = mode === ZSTD_COMPRESS ? zstdCompressParams : zstdDecompressParams;
    for (const origKey of Object.keys(opts.params)) {
      const key = +origKey;
      if (Number.isNaN(key) || !zstdParamKeys.has(key) || String(key) !== origKey) {
        throw new (require('internal/errors').codes.ERR_ZSTD_INVALID_PARAM)(origKey);
      }
    }
    for (const origKey of Object.keys(opts.params)) {
      const key = +origKey;
      const value = opts.params[origKey];
      if (!valid.has(key) || !zstdParamValid(key, Number(value), mode)) {
        const err = new (require('internal/errors').codes.ERR_ZLIB_INITIALIZATION_FAILED)();
        err.message = 'Setting parameter failed';
        throw err;
      }
      if (typeof value !== 'number' && typeof value !== 'boolean') {
        throw new ERR_INVALID_ARG_TYPE('options.params[key]', 'number', opts.params[origKey]);
      }
      if (mode === ZSTD_COMPRESS && key === constantValues.ZSTD_c_compressionLevel) level = Number(value);
      if (mode === ZSTD_COMPRESS && key === constantValues.ZSTD_c_checksumFlag) checksum = Boolean(value);
    }
  }
  if (opts && opts.pledgedSrcSize !== undefined && opts.pledgedSrcSize !== null) {
    validateNumber(opts.pledgedSrcSize, 'options.pledgedSrcSize', 0);
    pledged = opts.pledgedSrcSize;
  }
  const handle = binding.create(mode, level, 0, undefined, 0, checksum, pledged, pauseAtOf(opts));
  ZlibBase.call(this, opts, mode, handle, {
    flush: constantValues.ZSTD_e_continue, finishFlush: constantValues.ZSTD_e_end, fullFlush: constantValues.ZSTD_e_flush,
  });
}
Object.setPrototypeOf(Zstd.prototype, ZlibBase.prototype);
Object.setPrototypeOf(Zstd, ZlibBase);
Zstd.prototype._transform = Brotli.prototype._transform;

const ZstdCompress = makeClass('ZstdCompress', Zstd, ZSTD_COMPRESS);
const ZstdDecompress = makeClass('ZstdDecompress', Zstd, ZSTD_DECOMPRESS);

function syncBufferWrapper(Ctor) {
  return function(buffer, opts) { return zlibBufferSync(new Ctor(opts), buffer); };
}

function asyncBufferWrapper(Ctor) {
  return function(buffer, opts, callback) {
    if (typeof opts === 'function') {
      callback = opts;
      opts = {};
    }
    validateFunction(callback, 'callback');
    toBufferArg(buffer);
    return zlibBuffer(new Ctor(opts), buffer, callback);
  };
}

function crc32(data, value = 0) {
  if (typeof data !== 'string' && !ArrayBuffer.isView(data)) {
    throw new ERR_INVALID_ARG_TYPE('data', ['Buffer', 'TypedArray', 'DataView', 'string'], data);
  }
  validateUint32(value, 'value');
  return binding.crc32(data, value);
}


module.exports = {
  crc32,
  Deflate, Inflate, Gzip, Gunzip, DeflateRaw, InflateRaw, Unzip, BrotliCompress, BrotliDecompress,
  ZstdCompress, ZstdDecompress,
  deflate: asyncBufferWrapper(Deflate),
  deflateSync: syncBufferWrapper(Deflate),
  gzip: asyncBufferWrapper(Gzip),
  gzipSync: syncBufferWrapper(Gzip),
  deflateRaw: asyncBufferWrapper(DeflateRaw),
  deflateRawSync: syncBufferWrapper(DeflateRaw),
  unzip: asyncBufferWrapper(Unzip),
  unzipSync: syncBufferWrapper(Unzip),
  inflate: asyncBufferWrapper(Inflate),
  inflateSync: syncBufferWrapper(Inflate),
  gunzip: asyncBufferWrapper(Gunzip),
  gunzipSync: syncBufferWrapper(Gunzip),
  inflateRaw: asyncBufferWrapper(InflateRaw),
  inflateRawSync: syncBufferWrapper(InflateRaw),
  brotliCompress: asyncBufferWrapper(BrotliCompress),
  brotliCompressSync: syncBufferWrapper(BrotliCompress),
  brotliDecompress: asyncBufferWrapper(BrotliDecompress),
  brotliDecompressSync: syncBufferWrapper(BrotliDecompress),
  zstdCompress: asyncBufferWrapper(ZstdCompress),
  zstdCompressSync: syncBufferWrapper(ZstdCompress),
  zstdDecompress: asyncBufferWrapper(ZstdDecompress),
  zstdDecompressSync: syncBufferWrapper(ZstdDecompress),
  createDeflate(o) { return new Deflate(o); },
  createInflate(o) { return new Inflate(o); },
  createDeflateRaw(o) { return new DeflateRaw(o); },
  createInflateRaw(o) { return new InflateRaw(o); },
  createGzip(o) { return new Gzip(o); },
  createGunzip(o) { return new Gunzip(o); },
  createUnzip(o) { return new Unzip(o); },
  createBrotliCompress(o) { return new BrotliCompress(o); },
  createBrotliDecompress(o) { return new BrotliDecompress(o); },
  createZstdCompress(o) { return new ZstdCompress(o); },
  createZstdDecompress(o) { return new ZstdDecompress(o); },
};
Object.defineProperties(module.exports, {
  constants: { value: constants, enumerable: true, writable: false, configurable: false },
  codes: { value: Object.freeze(codes), enumerable: true, writable: false, configurable: false },
});

// The legacy top-level constants (zlib.Z_NO_FLUSH...), as node keeps them.
for (const key of Object.keys(constants)) {
  if (key.startsWith('BROTLI')) continue;
  Object.defineProperty(module.exports, key, { enumerable: false, value: constants[key], writable: false });
}
void Z_MAX_CHUNK;
void Z_MIN_WINDOWBITS;
