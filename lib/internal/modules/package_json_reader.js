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
    result = {
      exists: true,
      pjsonPath: jsonPath,
      name: typeof parsed.name === 'string' ? parsed.name : undefined,
      main: typeof parsed.main === 'string' ? parsed.main : undefined,
      exports: parsed.exports,
      imports: parsed.imports,
      type: parsed.type === 'module' || parsed.type === 'commonjs' ? parsed.type : 'none',
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
