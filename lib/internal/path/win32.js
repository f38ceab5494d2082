'use strict';
// path.win32: Windows path semantics (drive letters, UNC roots, both
// separators), usable on any platform.

const { validateString, validateObject } = require('internal/validators');

const isSep = (c) => c === '\\' || c === '/';
const isLetter = (c) => c !== undefined && /^[a-zA-Z]$/.test(c);

// splitRoot finds the root of path: { device, rootEnd, isAbsolute }.
// device is "C:" or "\\server\share" (or "" when there is none).
function splitRoot(path) {
  const len = path.length;
  if (len === 0) return { device: '', rootEnd: 0, isAbsolute: false };
  if (isSep(path[0])) {
    if (len > 1 && isSep(path[1])) {
      // Possible UNC root: \\server\share
      let j = 2;
      while (j < len && !isSep(path[j])) j++;
      if (j === 3 && (path[2] === '.' || path[2] === '?') && j < len) {
        // Device path (\\.\NAME or \\?\NAME): the root is \\.\ or \\?\ and
        // what follows are plain segments.
        return { device: `\\\\${path[2]}`, rootEnd: 4, isAbsolute: true };
      }
      if (j < len && j !== 2) {
        const server = path.slice(2, j);
        while (j < len && isSep(path[j])) j++;
        const shareStart = j;
        while (j < len && !isSep(path[j])) j++;
        if (j > shareStart) {
          return { device: `\\\\${server}\\${path.slice(shareStart, j)}`, rootEnd: j, isAbsolute: true };
        }
      }
    }
    return { device: '', rootEnd: 1, isAbsolute: true };
  }
  if (len >= 2 && isLetter(path[0]) && path[1] === ':') {
    if (len > 2 && isSep(path[2])) return { device: path.slice(0, 2), rootEnd: 3, isAbsolute: true };
    return { device: path.slice(0, 2), rootEnd: 2, isAbsolute: false };
  }
  return { device: '', rootEnd: 0, isAbsolute: false };
}

// normalizeSegments resolves '.' and '..' in a separator-split path.
function normalizeSegments(path, allowAboveRoot) {
  const out = [];
  for (const seg of path.split(/[\\/]+/)) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (allowAboveRoot) out.push('..');
      continue;
    }
    out.push(seg);
  }
  return out.join('\\');
}

function resolve(...args) {
  let resolvedDevice = '';
  let resolvedTail = '';
  let resolvedAbsolute = false;
  for (let i = args.length - 1; i >= -1; i--) {
    let path;
    if (i >= 0) {
      path = args[i];
      validateString(path, `paths[${i}]`);
      if (path.length === 0) continue;
    } else if (resolvedDevice.length === 0) {
      path = process.cwd();
    } else {
      path = process.env[`=${resolvedDevice}`] || process.cwd();
      // A cwd on another drive (or a POSIX cwd) does not apply.
      if (path.slice(0, 2).toLowerCase() !== resolvedDevice.toLowerCase() && path[2] === '\\') {
        path = `${resolvedDevice}\\`;
      }
    }
    const { device, rootEnd, isAbsolute } = splitRoot(path);
    if (device.length > 0) {
      if (resolvedDevice.length > 0) {
        if (device.toLowerCase() !== resolvedDevice.toLowerCase()) continue;
      } else {
        resolvedDevice = device;
      }
    }
    if (resolvedAbsolute) {
      if (resolvedDevice.length > 0) break;
    } else {
      resolvedTail = `${path.slice(rootEnd)}\\${resolvedTail}`;
      resolvedAbsolute = isAbsolute;
      if (isAbsolute && resolvedDevice.length > 0) break;
    }
  }
  resolvedTail = normalizeSegments(resolvedTail, !resolvedAbsolute);
  return resolvedAbsolute ? `${resolvedDevice}\\${resolvedTail}` : `${resolvedDevice}${resolvedTail}` || '.';
}

// Names Windows reserves for devices in every directory; "CON:" and the like
// open the device rather than a file, so normalization leaves them alone.
const reservedDeviceNames = new Set([
  'CON', 'PRN', 'AUX', 'NUL',
  'COM1', 'COM2', 'COM3', 'COM4', 'COM5', 'COM6', 'COM7', 'COM8', 'COM9',
  'LPT1', 'LPT2', 'LPT3', 'LPT4', 'LPT5', 'LPT6', 'LPT7', 'LPT8', 'LPT9',
  'COM\u00b9', 'COM\u00b2', 'COM\u00b3', 'LPT\u00b9', 'LPT\u00b2', 'LPT\u00b3',
]);

// reservedDevicePrefix returns the length of a leading "NAME:" when NAME is a
// reserved device name (the text up to the first colon), else 0.
function reservedDevicePrefix(str) {
  const colon = str.indexOf(':');
  if (colon <= 0) return 0;
  return reservedDeviceNames.has(str.slice(0, colon).toUpperCase()) ? colon + 1 : 0;
}

function normalize(path) {
  validateString(path, 'path');
  const len = path.length;
  if (len === 0) return '.';
  if (len === 1) return isSep(path) ? '\\' : path;
  const { device, rootEnd, isAbsolute } = splitRoot(path);
  if (device.length === 0 && !isAbsolute) {
    // "CON:rest": the device stays first, kept relative with a leading .\
    const devEnd = reservedDevicePrefix(path);
    if (devEnd > 0) {
      let rest = normalizeSegments(path.slice(devEnd), true);
      if (rest.length === 0) rest = '.';
      if (isSep(path[len - 1])) rest += '\\';
      return `.\\${path.slice(0, devEnd)}${rest}`;
    }
  }
  let tail = rootEnd < len ? normalizeSegments(path.slice(rootEnd), !isAbsolute) : '';
  if (tail.length === 0 && !isAbsolute) tail = '.';
  if (tail.length > 0 && isSep(path[len - 1])) tail += '\\';
  // A relative result that could read as a drive ("x:..."), or a path with
  // a colon ending a segment, stays relative with a leading .\
  if (device.length === 0 && !isAbsolute && path.includes(':')) {
    if (tail.length >= 2 && isLetter(tail[0]) && tail[1] === ':') return `.\\${tail}`;
    for (let i = path.indexOf(':'); i !== -1; i = path.indexOf(':', i + 1)) {
      if (i === len - 1 || isSep(path[i + 1])) return `.\\${tail}`;
    }
  }
  if (device.length === 0) return isAbsolute ? `\\${tail}` : tail;
  return isAbsolute ? `${device}\\${tail}` : `${device}${tail}`;
}

function isAbsolute(path) {
  validateString(path, 'path');
  const len = path.length;
  if (len === 0) return false;
  return isSep(path[0]) || (len > 2 && isLetter(path[0]) && path[1] === ':' && isSep(path[2]));
}

function join(...args) {
  if (args.length === 0) return '.';
  const parts = [];
  for (let i = 0; i < args.length; i++) {
    validateString(args[i], 'path');
    if (args[i].length > 0) parts.push(args[i]);
  }
  if (parts.length === 0) return '.';
  let joined = parts.join('\\');
  const first = parts[0];
  // Keep a UNC root given by the first part (\\server); otherwise collapse
  // runs of leading separators to one.
  let keepUNC = false;
  let leading = 0;
  if (isSep(first[0])) {
    leading = 1;
    if (first.length > 1 && isSep(first[1])) {
      leading = 2;
      if (first.length > 2) {
        if (isSep(first[2])) leading = 3;
        else keepUNC = true;
      }
    }
  }
  if (!keepUNC) {
    while (leading < joined.length && isSep(joined[leading])) leading++;
    if (leading >= 2) joined = `\\${joined.slice(leading)}`;
  }
  // A segment naming a reserved device ("CON:...") makes the whole path
  // refer to it: leave the segments as they are.
  for (const seg of joined.split('\\')) {
    if (reservedDevicePrefix(seg) > 0) return joined.replaceAll('/', '\\');
  }
  return normalize(joined);
}

// uncServerRoot: for a resolved \\server\share path, the root as far as the
// server only, so that shares compare like directories (as in Node).
function uncServerRoot(path) {
  if (path[0] !== '\\' || path[1] !== '\\' || path[2] === '.' || path[2] === '?') return undefined;
  const end = path.indexOf('\\', 2);
  if (end === -1) return undefined;
  return { device: path.slice(0, end), rootEnd: end };
}

function relative(from, to) {
  validateString(from, 'from');
  validateString(to, 'to');
  if (from === to) return '';
  const fromOrig = resolve(from);
  const toOrig = resolve(to);
  if (fromOrig === toOrig) return '';
  const f = fromOrig.toLowerCase();
  const t = toOrig.toLowerCase();
  if (f === t) return '';
  const fr = uncServerRoot(fromOrig) ?? splitRoot(fromOrig);
  const tr = uncServerRoot(toOrig) ?? splitRoot(toOrig);
  if (fr.device.toLowerCase() !== tr.device.toLowerCase()) return toOrig;
  const fromParts = fromOrig.slice(fr.rootEnd).split('\\').filter((p) => p !== '');
  const toParts = toOrig.slice(tr.rootEnd).split('\\').filter((p) => p !== '');
  let common = 0;
  while (common < fromParts.length && common < toParts.length &&
    fromParts[common].toLowerCase() === toParts[common].toLowerCase()) {
    common++;
  }
  const up = new Array(fromParts.length - common).fill('..');
  return [...up, ...toParts.slice(common)].join('\\');
}

function toNamespacedPath(path) {
  if (typeof path !== 'string' || path.length === 0) return path;
  const resolved = resolve(path);
  if (resolved.length <= 2) return path;
  if (resolved[0] === '\\') {
    if (resolved[1] === '\\') {
      const c = resolved[2];
      if (c !== '?' && c !== '.') return `\\\\?\\UNC\\${resolved.slice(2)}`;
    }
  } else if (isLetter(resolved[0]) && resolved[1] === ':' && resolved[2] === '\\') {
    return `\\\\?\\${resolved}`;
  }
  return resolved;
}

// rootOf returns the root prefix as dirname/parse see it.
function rootOf(path) {
  const len = path.length;
  if (len === 0) return '';
  if (isSep(path[0])) {
    const { device, rootEnd } = splitRoot(path);
    if (device === '\\\\?' || device === '\\\\.') {
      // \\?\NAME\ is the root as parse and dirname see it.
      let k = rootEnd;
      while (k < len && !isSep(path[k])) k++;
      if (k > rootEnd) return k < len ? path.slice(0, k + 1) : path;
      return path.slice(0, rootEnd);
    }
    if (device.length > 0) {
      // UNC root includes the separator that follows the share.
      return rootEnd < len ? path.slice(0, rootEnd + 1) : path;
    }
    return path[0];
  }
  if (len >= 2 && isLetter(path[0]) && path[1] === ':') {
    return len > 2 && isSep(path[2]) ? path.slice(0, 3) : path.slice(0, 2);
  }
  return '';
}

function dirname(path) {
  validateString(path, 'path');
  const len = path.length;
  if (len === 0) return '.';
  const root = rootOf(path);
  if (root.length === len) return path;
  let end = len;
  while (end > root.length && isSep(path[end - 1])) end--;
  while (end > root.length && !isSep(path[end - 1])) end--;
  if (end <= root.length) return root.length > 0 ? root : '.';
  // Only the one separator before the last component is dropped.
  if (end - 1 <= root.length) return root.length > 0 ? root : path.slice(0, end - 1) || '.';
  return path.slice(0, end - 1);
}

function basename(path, suffix = undefined) {
  if (suffix !== undefined) validateString(suffix, 'suffix');
  validateString(path, 'path');
  let start = 0;
  if (path.length >= 2 && isLetter(path[0]) && path[1] === ':') start = 2;
  let end = path.length;
  while (end > start && isSep(path[end - 1])) end--;
  let s = end;
  while (s > start && !isSep(path[s - 1])) s--;
  const base = path.slice(s, end);
  // A suffix that is the whole last component is kept when a separator
  // precedes it (basename('aaa\\bbb', 'bbb') is 'bbb'), as in Node.
  if (suffix !== undefined && suffix.length > 0 && !(base === suffix && s > start) && base.endsWith(suffix)) {
    return base.slice(0, base.length - suffix.length);
  }
  return base;
}

function splitExt(base) {
  if (base === '.' || base === '..') return { name: base, ext: '' };
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return { name: base, ext: '' };
  return { name: base.slice(0, dot), ext: base.slice(dot) };
}

function extname(path) {
  validateString(path, 'path');
  return splitExt(basename(path)).ext;
}

function parse(path) {
  validateString(path, 'path');
  const ret = { root: '', dir: '', base: '', ext: '', name: '' };
  if (path.length === 0) return ret;
  const root = rootOf(path);
  ret.root = root;
  if (root.length === path.length) {
    ret.dir = root;
    return ret;
  }
  const base = basename(path);
  const { name, ext } = splitExt(base);
  ret.base = base;
  ret.name = name;
  ret.ext = ext;
  let end = path.length;
  while (end > root.length && isSep(path[end - 1])) end--;
  end -= base.length;
  if (end <= root.length) ret.dir = root;
  else ret.dir = path.slice(0, end - 1);
  return ret;
}

function format(pathObject) {
  validateObject(pathObject, 'pathObject');
  const dir = pathObject.dir || pathObject.root;
  const ext = pathObject.ext ? `${pathObject.ext[0] === '.' ? '' : '.'}${pathObject.ext}` : '';
  const base = pathObject.base || `${pathObject.name || ''}${ext}`;
  if (!dir) return base;
  return dir === pathObject.root ? `${dir}${base}` : `${dir}\\${base}`;
}

function matchesGlob(path, pattern) {
  validateString(path, 'path');
  validateString(pattern, 'pattern');
  // Both separators split the path; a backslash in the pattern is a
  // separator too (never an escape), and drive letters match in any case.
  path = path.replaceAll('\\', '/');
  pattern = pattern.replaceAll('\\', '/');
  if (path.length >= 2 && path[1] === ':' && pattern.length >= 2 && pattern[1] === ':' &&
      isLetter(path[0]) && path[0].toLowerCase() === pattern[0].toLowerCase()) {
    pattern = path[0] + pattern.slice(1);
  }
  return require('internal/fs/glob').matchGlobPattern(path, pattern);
}

const win32 = {
  resolve,
  normalize,
  isAbsolute,
  join,
  relative,
  toNamespacedPath,
  dirname,
  basename,
  extname,
  format,
  parse,
  matchesGlob,
  sep: '\\',
  delimiter: ';',
  win32: null,
  posix: null,
};
win32.win32 = win32;
Object.defineProperty(win32, 'posix', {
  enumerable: true, configurable: true,
  get() { return require('path'); },
});

module.exports = win32;
