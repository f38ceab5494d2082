'use strict';
// The ES module resolver (Node's ESM_RESOLVE) and the package "exports" /
// "imports" resolution it shares with the CommonJS loader.

const path = require('path');
const fsBinding = internalBinding('fs');
const packageJson = require('internal/modules/package_json_reader');
const { BuiltinModule } = require('internal/bootstrap/realm');
const {
  pathToFileURLString, fileURLToPathString, isURL, getImportConditions,
} = require('internal/modules/esm/utils');
const {
  codes: {
    ERR_INVALID_MODULE_SPECIFIER, ERR_INVALID_PACKAGE_CONFIG, ERR_INVALID_PACKAGE_TARGET,
    ERR_MODULE_NOT_FOUND, ERR_PACKAGE_IMPORT_NOT_DEFINED, ERR_PACKAGE_PATH_NOT_EXPORTED,
    ERR_UNSUPPORTED_DIR_IMPORT, ERR_UNKNOWN_BUILTIN_MODULE, ERR_UNSUPPORTED_ESM_URL_SCHEME,
  },
} = require('internal/errors');

const invalidSegment = /(^|\\|\/)((\.|%2e)(\.|%2e)?|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)(d|%64|%44)(u|%75|%55)(l|%6c|%4c)(e|%65|%45)(s|%73|%53))?(\\|\/|$)/i;
const deprecatedInvalidSegment = /(^|\\|\/)((\.|%2e)(\.|%2e)?|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)(d|%64|%44)(u|%75|%55)(l|%6c|%4c)(e|%65|%45)(s|%73|%53))(\\|\/|$)/i;
void deprecatedInvalidSegment;

function stat(p) {
  return fsBinding.internalModuleStat(p); // 0 file, 1 dir, <0 missing
}

function withSlash(dir) {
  return dir.endsWith('/') ? dir : dir + '/';
}

// "imported from" text: a path for file: parents, else the URL.
function baseText(base) {
  if (base === undefined) return undefined;
  if (typeof base === 'string' && base.startsWith('file:')) return fileURLToPathString(base);
  return base;
}

function exportsNotFound(subpath, pkgPath, base) {
  return new ERR_PACKAGE_PATH_NOT_EXPORTED(withSlash(pkgPath), subpath, baseText(base));
}

function invalidTarget(pkgPath, key, target, internal, base) {
  if (typeof target === 'object' && target !== null) target = JSON.stringify(target, null, '');
  else target = `${target}`;
  return new ERR_INVALID_PACKAGE_TARGET(withSlash(pkgPath), key, target, internal, baseText(base));
}

// Resolves one target of an "exports"/"imports" entry to an absolute path
// (or, for "imports" to a bare package, whatever packageResolve returns).
// Returns undefined when no condition matched and null for null targets.
function resolvePackageTarget(pkgPath, target, subpath, key, base, pattern, internal, conditions) {
  if (typeof target === 'string') {
    return resolvePackageTargetString(pkgPath, target, subpath, key, base, pattern, internal, conditions);
  }
  if (Array.isArray(target)) {
    if (target.length === 0) return null;
    let lastException;
    for (const t of target) {
      let resolved;
      try {
        resolved = resolvePackageTarget(pkgPath, t, subpath, key, base, pattern, internal, conditions);
      } catch (e) {
        lastException = e;
        if (e.code === 'ERR_INVALID_PACKAGE_TARGET') continue;
        throw e;
      }
      if (resolved === undefined) continue;
      if (resolved === null) {
        lastException = null;
        continue;
      }
      return resolved;
    }
    if (lastException === undefined || lastException === null) return lastException;
    throw lastException;
  }
  if (typeof target === 'object' && target !== null) {
    const keys = Object.getOwnPropertyNames(target);
    for (const k of keys) {
      if (/^\d+$/.test(k)) {
        throw new ERR_INVALID_PACKAGE_CONFIG(path.join(pkgPath, 'package.json'), baseText(base),
          '"exports" cannot contain numeric property keys.');
      }
    }
    for (const k of keys) {
      if (k === 'default' || conditions.has(k)) {
        const resolved = resolvePackageTarget(pkgPath, target[k], subpath, key, base, pattern, internal, conditions);
        if (resolved === undefined) continue;
        return resolved;
      }
    }
    return undefined;
  }
  if (target === null) return null;
  throw invalidTarget(pkgPath, key, target, internal, base);
}

function resolvePackageTargetString(pkgPath, target, subpath, key, base, pattern, internal, conditions) {
  if (subpath !== '' && !pattern && target[target.length - 1] !== '/') {
    throw invalidTarget(pkgPath, key, target, internal, base);
  }
  if (!target.startsWith('./')) {
    if (internal && !target.startsWith('../') && !target.startsWith('/')) {
      if (!isURL(target)) {
        const spec = pattern ? target.replaceAll('*', subpath) : target + subpath;
        return packageResolveToPath(spec, pathToFileURLString(path.join(pkgPath, 'package.json')), conditions);
      }
    }
    throw invalidTarget(pkgPath, key, target, internal, base);
  }
  if (invalidSegment.test(target.slice(2))) {
    throw invalidTarget(pkgPath, key, target, internal, base);
  }
  const resolved = path.resolve(pkgPath, target);
  if (!(resolved + (target.endsWith('/') ? '/' : '')).startsWith(withSlash(pkgPath)) && resolved !== pkgPath) {
    throw invalidTarget(pkgPath, key, target, internal, base);
  }
  if (subpath === '') return target.endsWith('/') ? resolved + '/' : resolved;
  if (invalidSegment.test(subpath)) {
    const request = pattern ? key.replace('*', () => subpath) : key + subpath;
    throw new ERR_INVALID_MODULE_SPECIFIER(request,
      `request is not a valid match in pattern "${key}" for the "${internal ? 'imports' : 'exports'}" resolution of ${path.join(pkgPath, 'package.json')}`,
      baseText(base));
  }
  if (pattern) return path.resolve(pkgPath, target.replaceAll('*', subpath));
  return path.resolve(pkgPath, target + subpath) + (subpath.endsWith('/') ? '/' : '');
}

function isConditionalExportsMainSugar(exports, pkgPath, base) {
  if (typeof exports === 'string' || Array.isArray(exports)) return true;
  if (typeof exports !== 'object' || exports === null) return false;
  let isConditional;
  let i = 0;
  for (const key of Object.getOwnPropertyNames(exports)) {
    const cur = key === '' || key[0] !== '.';
    if (i++ === 0) {
      isConditional = cur;
    } else if (isConditional !== cur) {
      throw new ERR_INVALID_PACKAGE_CONFIG(path.join(pkgPath, 'package.json'), baseText(base),
        '"exports" cannot contain some keys starting with \'.\' and some not.' +
        ' The exports object must either be an object of package subpath keys' +
        ' or an object of main entry condition name keys only.');
    }
  }
  return isConditional;
}

// Orders pattern keys: the longest prefix before '*' first, then longer keys.
function patternKeyCompare(a, b) {
  const aStar = a.indexOf('*');
  const bStar = b.indexOf('*');
  const baseA = aStar === -1 ? a.length : aStar + 1;
  const baseB = bStar === -1 ? b.length : bStar + 1;
  if (baseA > baseB) return -1;
  if (baseB > baseA) return 1;
  if (aStar === -1) return 1;
  if (bStar === -1) return -1;
  if (a.length > b.length) return -1;
  if (b.length > a.length) return 1;
  return 0;
}

// Looks subpath up in an exports/imports map: exact key, else the best
// matching "*" pattern. Returns [target, patternMatch, key, isPattern].
function matchMap(map, subpath) {
  if (Object.prototype.hasOwnProperty.call(map, subpath) && !subpath.includes('*')) {
    return [map[subpath], '', subpath, false];
  }
  let bestKey = '';
  let bestMatch = '';
  for (const key of Object.getOwnPropertyNames(map)) {
    const star = key.indexOf('*');
    if (star === -1 || key.indexOf('*', star + 1) !== -1) continue;
    const prefix = key.slice(0, star);
    if (!subpath.startsWith(prefix) || subpath === prefix) continue;
    const suffix = key.slice(star + 1);
    if (subpath.length >= key.length && subpath.endsWith(suffix) && patternKeyCompare(bestKey, key) === 1) {
      bestKey = key;
      bestMatch = subpath.slice(star, subpath.length - suffix.length);
    }
  }
  if (bestKey) return [map[bestKey], bestMatch, bestKey, true];
  return undefined;
}

/**
 * Resolves subpath ('.' or './x') through the "exports" of the package at
 * pkgPath. Returns an absolute filename, or throws
 * ERR_PACKAGE_PATH_NOT_EXPORTED / ERR_INVALID_PACKAGE_TARGET.
 */
function packageExportsResolve(pkgPath, subpath, pkg, conditions, base) {
  conditions = toSet(conditions);
  let exports = pkg.exports;
  if (isConditionalExportsMainSugar(exports, pkgPath, base)) exports = { '.': exports };
  const m = matchMap(exports, subpath);
  if (m !== undefined) {
    const [target, match, key, pattern] = m;
    const resolved = resolvePackageTarget(pkgPath, target, match, key, base, pattern, false, conditions);
    if (resolved == null) throw exportsNotFound(subpath, pkgPath, base);
    return resolved;
  }
  throw exportsNotFound(subpath, pkgPath, base);
}

/**
 * Resolves a "#name" specifier through the "imports" of the package at
 * pkgDir. base is the importing file (path or URL).
 */
function packageImportsResolve(name, pkgDir, pkg, conditions, base) {
  conditions = toSet(conditions);
  if (name === '#' || name.startsWith('#/') || name.endsWith('/')) {
    throw new ERR_INVALID_MODULE_SPECIFIER(name, 'is not a valid internal imports specifier name', baseText(base));
  }
  const imports = pkg?.imports;
  if (imports != null && typeof imports === 'object') {
    const m = matchMap(imports, name);
    if (m !== undefined) {
      const [target, match, key, pattern] = m;
      const resolved = resolvePackageTarget(pkgDir, target, match, key, base, pattern, true, conditions);
      if (resolved != null) return resolved;
    }
  }
  throw new ERR_PACKAGE_IMPORT_NOT_DEFINED(name, pkgDir ? withSlash(pkgDir) : undefined, baseText(base));
}

function toSet(c) {
  if (c instanceof Set) return c;
  if (Array.isArray(c)) return new Set(c);
  return getImportConditions();
}

function parsePackageName(specifier, base) {
  let sep = specifier.indexOf('/');
  let valid = true;
  let isScoped = false;
  if (specifier[0] === '@') {
    isScoped = true;
    if (sep === -1 || specifier.length === 0) valid = false;
    else sep = specifier.indexOf('/', sep + 1);
  }
  const packageName = sep === -1 ? specifier : specifier.slice(0, sep);
  if (packageName.startsWith('.') || packageName.includes('\\') || packageName.includes('%')) valid = false;
  if (!valid) {
    throw new ERR_INVALID_MODULE_SPECIFIER(specifier, 'is not a valid package name', baseText(base));
  }
  return { packageName, packageSubpath: '.' + (sep === -1 ? '' : specifier.slice(sep)), isScoped };
}

// ESM "legacy main" resolution for packages without "exports".
function legacyMainResolve(pkgPath, pkg, base) {
  const tries = [];
  if (pkg?.main) {
    const m = pkg.main;
    tries.push(m, `${m}.js`, `${m}.json`, `${m}.node`, `${m}/index.js`, `${m}/index.json`, `${m}/index.node`);
  }
  tries.push('index.js', 'index.json', 'index.node');
  for (const t of tries) {
    const p = path.resolve(pkgPath, t);
    if (stat(p) === 0) return p;
  }
  throw new ERR_MODULE_NOT_FOUND(withSlash(pkgPath), baseText(base), null);
}

// Resolves a bare specifier to a path (or node: URL for built-ins).
function packageResolveToPath(specifier, base, conditions) {
  if (BuiltinModule.canBeRequiredByUsers(specifier)) return 'node:' + specifier;
  const { packageName, packageSubpath } = parsePackageName(specifier, base);
  const basePath = base.startsWith('file:') ? fileURLToPathString(base) : path.join(process.cwd(), 'x');
  // Self-reference through the enclosing package's name.
  const own = packageJson.getNearestParentPackageJSON(basePath);
  if (own?.name === packageName && own.exports != null) {
    return packageExportsResolve(path.dirname(own.pjsonPath), packageSubpath, own, conditions, base);
  }
  let dir = path.dirname(basePath);
  while (true) {
    if (!dir.endsWith('/node_modules')) {
      const pkgPath = path.join(dir, 'node_modules', packageName);
      if (stat(pkgPath) === 1) {
        const pkg = packageJson.read(path.join(pkgPath, 'package.json'));
        if (pkg?.exports != null) {
          return packageExportsResolve(pkgPath, packageSubpath, pkg, conditions, base);
        }
        if (packageSubpath === '.') return legacyMainResolve(pkgPath, pkg, base);
        return path.resolve(pkgPath, packageSubpath) + (packageSubpath.endsWith('/') ? '/' : '');
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new ERR_MODULE_NOT_FOUND(packageName, baseText(base), null);
}

// Checks that a resolved path is a file and returns its real path's URL.
function finalizeResolution(filepath, base, specifier) {
  if (/%2f|%5c/i.test(specifier ?? '')) {
    throw new ERR_INVALID_MODULE_SPECIFIER(specifier, 'must not include encoded "/" or "\\" characters', baseText(base));
  }
  if (filepath.endsWith('/')) {
    throw new ERR_UNSUPPORTED_DIR_IMPORT(filepath, baseText(base));
  }
  const st = stat(filepath);
  if (st === 1) {
    throw new ERR_UNSUPPORTED_DIR_IMPORT(filepath, baseText(base));
  }
  if (st !== 0) {
    const err = new ERR_MODULE_NOT_FOUND(filepath, baseText(base), true);
    err.url = pathToFileURLString(filepath);
    throw err;
  }
  let real = filepath;
  if (!require('internal/options').getOptionValue('--preserve-symlinks') === true) {
    try {
      real = fsBinding.realpath(filepath);
    } catch {
      // keep the path as given
    }
  }
  return pathToFileURLString(real);
}

/**
 * Resolves an import specifier seen in parentURL to a URL string:
 * file:, node: or data:.
 */
// urlSuffix returns the query and fragment of a URL-like specifier ("" if
// it has none).
function urlSuffix(specifier) {
  const cut = specifier.search(/[?#]/);
  return cut === -1 ? '' : specifier.slice(cut);
}

function defaultResolve(specifier, parentURL, conditions = getImportConditions()) {
  if (specifier.startsWith('node:')) {
    const id = specifier.slice(5);
    if (!BuiltinModule.exists(id) || id.startsWith('internal/')) throw new ERR_UNKNOWN_BUILTIN_MODULE(specifier);
    return specifier;
  }
  if (BuiltinModule.canBeRequiredWithoutScheme(specifier)) return 'node:' + specifier;
  if (specifier.startsWith('data:')) return specifier;
  if (specifier.startsWith('file:')) {
    // As with URLs, the query and fragment stay on the resolved URL: they
    // name another instance of the module.
    return finalizeResolution(fileURLToPathString(specifier), parentURL, specifier) + urlSuffix(specifier);
  }
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/')) {
    const suffix = urlSuffix(specifier);
    if (suffix !== '') {
      return defaultResolve(specifier.slice(0, specifier.length - suffix.length), parentURL, conditions) + suffix;
    }
  }
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/') ||
      specifier === '.' || specifier === '..') {
    if (!parentURL.startsWith('file:')) {
      if (parentURL.startsWith('data:') && !specifier.startsWith('/')) {
        throw new ERR_INVALID_MODULE_SPECIFIER(specifier, 'is not a valid URL for a data: URL parent', parentURL);
      }
    }
    const parentPath = parentURL.startsWith('file:') ? fileURLToPathString(parentURL) : path.join(process.cwd(), 'x');
    let target = specifier.startsWith('/') ? specifier : path.resolve(path.dirname(parentPath), specifier);
    if (specifier.endsWith('/') || specifier === '.' || specifier === '..') target = withSlash(target);
    // Percent-decoding as URL parsing would.
    try {
      if (target.includes('%') && !/%2f|%5c/i.test(target)) target = decodeURIComponent(target);
    } catch {
      // leave malformed escapes as they are
    }
    return finalizeResolution(target, parentURL, specifier);
  }
  if (specifier[0] === '#') {
    const parentPath = parentURL.startsWith('file:') ? fileURLToPathString(parentURL) : path.join(process.cwd(), 'x');
    const pkg = packageJson.getNearestParentPackageJSON(parentPath);
    const r = packageImportsResolve(specifier, pkg ? path.dirname(pkg.pjsonPath) : undefined, pkg, conditions, parentURL);
    if (r.startsWith('node:') || r.startsWith('file:') || r.startsWith('data:')) return r;
    return finalizeResolution(r, parentURL, specifier);
  }
  if (isURL(specifier)) {
    const scheme = specifier.slice(0, specifier.indexOf(':') + 1);
    throw new ERR_UNSUPPORTED_ESM_URL_SCHEME(scheme);
  }
  const r = packageResolveToPath(specifier, parentURL, conditions);
  if (r.startsWith('node:')) return r;
  return finalizeResolution(r, parentURL, specifier);
}

module.exports = {
  defaultResolve,
  packageExportsResolve,
  packageImportsResolve,
  packageResolveToPath,
  parsePackageName,
};
