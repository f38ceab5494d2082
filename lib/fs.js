'use strict';
// PLACEHOLDER: the first fs operations (readFile/writeFile); the full
// module is its own issue.

const binding = internalBinding('fs');
const { validateFunction } = require('internal/validators');
const { notImplemented } = require('internal/errors');

function encodingOf(options) {
  if (typeof options === 'string') return options;
  return options?.encoding ?? null;
}

function toBuffer(u8) {
  if (typeof Buffer === 'function' && Buffer.from) {
    try { return Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength); } catch {}
  }
  return u8;
}

function readFile(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'cb');
  const enc = encodingOf(options);
  binding.readFile(String(path), enc === 'utf8' || enc === 'utf-8', (err, data) => {
    if (err) return callback(err);
    callback(null, enc && enc !== 'utf8' && enc !== 'utf-8' ? toBuffer(data).toString(enc) : (enc ? data : toBuffer(data)));
  });
}

function readFileSync(path, options) {
  const enc = encodingOf(options);
  if (enc === 'utf8' || enc === 'utf-8') return binding.readFileUtf8(String(path));
  const data = toBuffer(binding.readFileBytes(String(path)));
  return enc ? data.toString(enc) : data;
}

function writeFile(path, data, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'cb');
  binding.writeFile(String(path), data, (err) => callback(err));
}

function writeFileSync(path, data) {
  binding.writeFileSync(String(path), data);
}

function existsSync(path) {
  try {
    return binding.internalModuleStat(String(path)) >= 0;
  } catch {
    return false;
  }
}

const fsModule = { readFile, readFileSync, writeFile, writeFileSync, existsSync };
module.exports = new Proxy(fsModule, {
  get(target, key) {
    if (key in target || typeof key === 'symbol') return target[key];
    throw notImplemented(`fs.${key}`);
  },
});
