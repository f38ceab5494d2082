'use strict';
// fs.glob / fs.globSync / fsPromises.glob: *, ?, [...], ** and {a,b}
// patterns matched by walking the directory tree. Names starting with a
// dot are matched only by pattern segments that start with a dot.

const binding = internalBinding('fs');
const pathModule = require('path');
const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validateObject, validateFunction } = require('internal/validators');
const { Dirent, toPathIfFileURL, constants } = require('internal/fs/utils');

// expandBraces turns 'a{b,c}d' into ['abd', 'acd'] (nested braces too).
function expandBraces(p) {
  let depth = 0;
  let start = -1;
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '\\') {
      i++;
    } else if (ch === '{') {
      if (depth++ === 0) start = i;
    } else if (ch === '}' && depth > 0 && --depth === 0) {
      const body = p.slice(start + 1, i);
      const parts = [];
      let d = 0;
      let last = 0;
      for (let j = 0; j < body.length; j++) {
        if (body[j] === '\\') j++;
        else if (body[j] === '{') d++;
        else if (body[j] === '}') d--;
        else if (body[j] === ',' && d === 0) {
          parts.push(body.slice(last, j));
          last = j + 1;
        }
      }
      parts.push(body.slice(last));
      if (parts.length === 1) continue;
      const head = p.slice(0, start);
      const tail = p.slice(i + 1);
      return parts.flatMap((part) => expandBraces(head + part + tail));
    }
  }
  return [p];
}

function isMagic(seg) {
  return /[*?[\]]/.test(seg);
}

// segmentSource converts one glob segment to a regular expression source.
function segmentSource(seg) {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const ch = seg[i];
    if (ch === '\\' && i + 1 < seg.length) {
      re += seg[++i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else if (ch === '*') {
      re += '[^/]*';
    } else if (ch === '?') {
      re += '[^/]';
    } else if (ch === '[') {
      const end = seg.indexOf(']', i + 2);
      if (end === -1) {
        re += '\\[';
      } else {
        let cls = seg.slice(i + 1, end);
        if (cls[0] === '!') cls = '^' + cls.slice(1);
        re += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else {
      re += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
  }
  return re;
}

// fullMatcher matches a whole relative path against a pattern (for exclude).
function fullMatcher(pattern) {
  const res = expandBraces(pattern).map((p) => {
    const segs = p.split('/').filter((s) => s !== '' && s !== '.');
    let src = '';
    segs.forEach((s, i) => {
      const last = i === segs.length - 1;
      if (s === '**') {
        src += last ? '(?:.*)?' : '(?:[^/]+/)*';
      } else {
        src += segmentSource(s) + (last ? '' : '/');
      }
    });
    return new RegExp(`^${src}$`);
  });
  return (path) => res.some((re) => re.test(path));
}

function listDir(dir) {
  try {
    const [names, types] = binding.readdir(dir, true);
    return names.map((n, i) => [n, types[i]]);
  } catch {
    return [];
  }
}

function isDirPath(p) {
  return binding.internalModuleStat(p) === 1;
}

function existsPath(p) {
  try {
    binding.lstat(p, false);
    return true;
  } catch {
    return false;
  }
}

function globSync(pattern, options = {}) {
  validateObject(options, 'options');
  const patterns = Array.isArray(pattern) ? pattern : [pattern];
  for (const p of patterns) {
    if (typeof p !== 'string') throw new ERR_INVALID_ARG_TYPE('pattern', ['string', 'string[]'], pattern);
  }
  const cwd = options.cwd !== undefined ? String(toPathIfFileURL(options.cwd)) : process.cwd();
  let exclude = () => false;
  if (typeof options.exclude === 'function') {
    exclude = options.exclude;
  } else if (Array.isArray(options.exclude)) {
    const ms = options.exclude.map(fullMatcher);
    exclude = (p) => ms.some((m) => m(typeof p === 'string' ? p : pathModule.join(p.parentPath, p.name)));
  } else if (options.exclude !== undefined) {
    validateFunction(options.exclude, 'options.exclude');
  }
  const withFileTypes = !!options.withFileTypes;
  const found = new Map();

  const add = (rel) => {
    rel = pathModule.normalize(rel);
    if (rel.length > 1 && rel.endsWith('/')) rel = rel.slice(0, -1);
    if (found.has(rel)) return;
    const abs = pathModule.resolve(cwd, rel);
    let value = rel;
    if (withFileTypes) {
      let type = constants.UV_DIRENT_UNKNOWN;
      try {
        const f = binding.lstat(abs, false);
        const fmt = f[1] & constants.S_IFMT;
        type = fmt === constants.S_IFDIR ? 2 : fmt === constants.S_IFLNK ? 3 : fmt === constants.S_IFREG ? 1 : 0;
      } catch {
        // vanished
      }
      const parent = pathModule.isAbsolute(rel) ? pathModule.dirname(rel) : pathModule.dirname(rel);
      value = new Dirent(pathModule.basename(rel), type, parent);
    }
    if (exclude(withFileTypes ? value : rel)) return;
    found.set(rel, value);
  };

  const walk = (rel, segs, i) => {
    const abs = pathModule.resolve(cwd, rel);
    if (i === segs.length) {
      if (existsPath(abs)) add(rel);
      return;
    }
    const seg = segs[i];
    const last = i === segs.length - 1;
    if (seg === '**') {
      walk(rel, segs, i + 1);
      for (const [name, type] of listDir(abs)) {
        if (name[0] === '.') continue;
        const child = rel === '.' ? name : pathModule.join(rel, name);
        if (type === constants.UV_DIRENT_DIR) {
          if (!exclude(withFileTypes ? new Dirent(name, type, rel) : child)) walk(child, segs, i);
        } else if (last) {
          // ** at the end matches files as well
          add(child);
        }
      }
      return;
    }
    if (!isMagic(seg)) {
      const child = rel === '.' ? seg : pathModule.join(rel, seg);
      if (last) {
        if (existsPath(pathModule.resolve(cwd, child))) add(child);
      } else if (seg === '..' || isDirPath(pathModule.resolve(cwd, child))) {
        walk(child, segs, i + 1);
      }
      return;
    }
    const re = new RegExp(`^${segmentSource(seg)}$`);
    for (const [name, type] of listDir(abs)) {
      if (name[0] === '.' && seg[0] !== '.') continue;
      if (!re.test(name)) continue;
      const child = rel === '.' ? name : pathModule.join(rel, name);
      if (last) {
        add(child);
      } else if (type === constants.UV_DIRENT_DIR ||
          (type === constants.UV_DIRENT_LINK && isDirPath(pathModule.resolve(cwd, child)))) {
        walk(child, segs, i + 1);
      }
    }
  };

  for (const p of patterns) {
    for (const exp of expandBraces(p)) {
      const absolute = exp.startsWith('/');
      const segs = exp.split('/').filter((s) => s !== '' && s !== '.');
      // collapse runs of **
      const norm = segs.filter((s, i) => !(s === '**' && segs[i - 1] === '**'));
      const root = absolute ? '/' : '.';
      if (norm.length === 0) {
        add(root);
        continue;
      }
      walk(root, norm, 0);
    }
  }
  return [...found.values()];
}

// matchGlobPattern backs path.matchesGlob: whether path matches pattern.
function matchGlobPattern(path, pattern) {
  return fullMatcher(pattern)(path);
}

module.exports = { globSync, expandBraces, fullMatcher, matchGlobPattern };
