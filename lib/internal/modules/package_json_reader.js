'use strict';
// Reads and caches package.json files for the resolvers.

const fsBinding = internalBinding('fs');
const path = require('path');
const cache = new Map();

function read(jsonPath) {
  if (cache.has(jsonPath)) return cache.get(jsonPath);
  let result;
  let text;
  try {
    text = fsBinding.readFileUtf8(jsonPath);
  } catch {
    cache.set(jsonPath, undefined);
    return undefined;
  }
  try {
    const parsed = JSON.parse(text);
    // Own fields only: a program may have put getters on Object.prototype.
    const own = (key) => (parsed !== null && typeof parsed === 'object' && Object.hasOwn(parsed, key) ?
      parsed[key] : undefined);
    const name = own('name');
    const main = own('main');
    const type = own('type');
    result = {
      exists: true,
      pjsonPath: jsonPath,
      name: typeof name === 'string' ? name : undefined,
      main: typeof main === 'string' ? main : undefined,
      exports: own('exports'),
      imports: own('imports'),
      type: type === 'module' || type === 'commonjs' ? type : 'none',
    };
  } catch (e) {
    const { codes: { ERR_INVALID_PACKAGE_CONFIG } } = require('internal/errors');
    const err = new ERR_INVALID_PACKAGE_CONFIG(jsonPath, undefined, e.message);
    throw err;
  }
  cache.set(jsonPath, result);
  return result;
}

// Finds the nearest package.json at or above the directory of checkPath.
function getNearestParentPackageJSON(checkPath) {
  let dir = path.dirname(checkPath);
  while (true) {
    if (!dir.endsWith('/node_modules')) {
      const pj = read(path.join(dir, 'package.json'));
      if (pj !== undefined) return pj;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function getPackageType(filePath) {
  return getNearestParentPackageJSON(filePath)?.type ?? 'none';
}

module.exports = { read, getNearestParentPackageJSON, getPackageType };
