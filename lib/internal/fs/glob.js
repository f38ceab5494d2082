'use strict';
// fs.glob / fs.globSync / fsPromises.glob, and path.matchesGlob.
//
// Patterns: *, ?, [...] (with ! or ^ negation, ranges and [:class:]),
// the extglobs +(a|b) *(a|b) ?(a|b) @(a|b) !(a|b), ** and {a,b}. Names
// starting with a dot are matched only by pattern segments that start
// with a dot, and ** does not enter them.
//
// The walk follows node's: a segment without magic is joined to the path
// as it is (so it goes through symbolic links, '.' and '..'); a magic
// segment matches the directory's entries and goes on only into real
// directories (a symbolic link only to go back up with '..'); ** goes
// down real directories, never through a symbolic link, but ends at one
// when the next segment matches the link's name (or when the pattern
// starts with './'). A trailing slash keeps only directories.

const binding = internalBinding('fs');
const pathModule = require('path');
const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validateObject, validateFunction } = require('internal/validators');
const { Dirent, toPathIfFileURL, constants } = require('internal/fs/utils');

const { UV_DIRENT_DIR, UV_DIRENT_LINK, UV_DIRENT_UNKNOWN } = constants;

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

const kPosixClasses = {
  __proto__: null,
  alnum: 'a-zA-Z0-9', alpha: 'a-zA-Z', ascii: '\\x00-\\x7f', blank: ' \\t', cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9', graph: '\\x21-\\x7e', lower: 'a-z', print: '\\x20-\\x7e',
  punct: '!-\\/:-@\\[-`{-~', space: '\\s', upper: 'A-Z', word: '\\w', xdigit: '0-9a-fA-F',
};

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

// closeParen finds the ')' closing the '(' at i, or -1.
function closeParen(s, i) {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    if (s[j] === '\\') j++;
    else if (s[j] === '(') depth++;
    else if (s[j] === ')' && --depth === 0) return j;
  }
  return -1;
}

// splitAlternatives splits an extglob body on its top-level '|'.
function splitAlternatives(body) {
  const out = [];
  let depth = 0;
  let last = 0;
  for (let j = 0; j < body.length; j++) {
    if (body[j] === '\\') j++;
    else if (body[j] === '(') depth++;
    else if (body[j] === ')') depth--;
    else if (body[j] === '|' && depth === 0) {
      out.push(body.slice(last, j));
      last = j + 1;
    }
  }
  out.push(body.slice(last));
  return out;
}

// parseClass reads the bracket expression at seg[i] ('['), returning
// [source, end index, literal char or undefined], or null when unclosed.
function parseClass(seg, i) {
  let j = i + 1;
  let negate = false;
  if (seg[j] === '!' || seg[j] === '^') {
    negate = true;
    j++;
  }
  let body = '';
  let chars = 0;
  let literal;
  let first = true;
  for (; j < seg.length; j++) {
    const ch = seg[j];
    if (ch === ']' && !first) {
      if (!negate && chars === 1 && literal !== undefined) return [escapeRegExp(literal), j, literal];
      return [`[${negate ? '^' : ''}${body}]`, j, undefined];
    }
    first = false;
    if (ch === '[' && seg[j + 1] === ':') {
      const end = seg.indexOf(':]', j + 2);
      const cls = end === -1 ? undefined : kPosixClasses[seg.slice(j + 2, end)];
      if (cls !== undefined) {
        body += cls;
        chars += 2;
        j = end + 1;
        continue;
      }
    }
    if (ch === '\\' && j + 1 < seg.length) {
      body += escapeRegExp(seg[++j]);
      literal = seg[j];
    } else if (ch === '-' && body !== '' && seg[j + 1] !== ']') {
      body += '-';
      chars++;
      continue;
    } else {
      body += /[\]\\^-]/.test(ch) ? `\\${ch}` : ch;
      literal = ch;
    }
    chars++;
  }
  return null;
}

// compileSource converts a glob segment (or a part of one) to a regular
// expression source. state.magic is set when anything but plain text is
// found; state.text collects the plain text.
function compileSource(seg, state) {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const ch = seg[i];
    const next = seg[i + 1];
    if (ch === '\\' && i + 1 < seg.length) {
      re += escapeRegExp(seg[++i]);
      state.text += seg[i];
    } else if ('+*?@!'.includes(ch) && next === '(') {
      const end = closeParen(seg, i + 1);
      if (end === -1) {
        re += escapeRegExp(ch);
        state.text += ch;
        continue;
      }
      state.magic = true;
      const inner = { magic: false, text: '' };
      const alts = splitAlternatives(seg.slice(i + 2, end)).map((a) => compileSource(a, inner)).join('|');
      if (ch === '!') {
        // Anything here but the alternatives followed by the rest.
        const rest = compileSource(seg.slice(end + 1), state);
        return `${re}(?:(?!(?:${alts})${rest}$)[^/]*?)${rest}`;
      }
      re += `(?:${alts})${ch === '@' ? '' : ch}`;
      i = end;
    } else if (ch === '*') {
      state.magic = true;
      re += '[^/]*';
    } else if (ch === '?') {
      state.magic = true;
      re += '[^/]';
    } else if (ch === '[') {
      const cls = parseClass(seg, i);
      if (cls === null) {
        re += '\\[';
        state.text += '[';
      } else {
        re += cls[0];
        if (cls[2] === undefined) state.magic = true;
        else state.text += cls[2];
        i = cls[1];
      }
    } else {
      re += escapeRegExp(ch);
      state.text += ch;
    }
  }
  return re;
}

const kGlobstar = 0;
const kLiteral = 1;
const kMagic = 2;
const kDot = 3;
const kDotDot = 4;

// compileSegment classifies one segment of a pattern.
function compileSegment(seg) {
  if (seg === '**') return { kind: kGlobstar };
  if (seg === '.') return { kind: kDot };
  if (seg === '..') return { kind: kDotDot };
  const state = { magic: false, text: '' };
  const src = compileSource(seg, state);
  if (!state.magic) {
    return { kind: kLiteral, text: state.text, test: (name) => name === state.text };
  }
  const re = new RegExp(`^${src}$`);
  // A leading dot must be matched by a leading literal dot.
  const dotOk = seg[0] === '.' || (seg[0] === '\\' && seg[1] === '.');
  return { kind: kMagic, test: (name) => (dotOk || name[0] !== '.') && re.test(name) };
}

// segmentSource converts one glob segment to a regular expression source.
function segmentSource(seg) {
  return compileSource(seg, { magic: false, text: '' });
}

// fullMatcher matches a whole path against a pattern. For glob's
// exclude option (exclude set), 'x/..' pairs are dropped first as
// minimatch does, an absolute pattern keeps its root, and a trailing **
// matches the directory itself too.
function fullMatcher(pattern, exclude = false) {
  const res = expandBraces(pattern).map((p) => {
    const segs = [];
    for (const s of p.split('/')) {
      if (s === '' || s === '.') continue;
      if (exclude && s === '..' && segs.length > 0 && segs[segs.length - 1] !== '..' &&
          segs[segs.length - 1] !== '**') {
        segs.pop();
      } else {
        segs.push(s);
      }
    }
    let src = exclude && p[0] === '/' ? '/' : '';
    segs.forEach((s, i) => {
      const last = i === segs.length - 1;
      if (s !== '**') {
        src += segmentSource(s) + (last ? '' : '/');
      } else if (!last) {
        src += '(?:[^/]+/)*';
      } else if (exclude) {
        src = i === 0 ? `${src}.*` : `${src.slice(0, -1)}(?:/.*)?`;
      } else {
        src += '(?:.*)?';
      }
    });
    return new RegExp(`^${src}$`);
  });
  return (path) => res.some((re) => re.test(path));
}

// direntType is the UV_DIRENT_* type of the entry at abs (lstat).
function direntType(abs) {
  try {
    const fmt = binding.lstat(abs, false)[1] & constants.S_IFMT;
    if (fmt === constants.S_IFDIR) return UV_DIRENT_DIR;
    if (fmt === constants.S_IFLNK) return UV_DIRENT_LINK;
    if (fmt === constants.S_IFREG) return constants.UV_DIRENT_FILE;
    return UV_DIRENT_UNKNOWN;
  } catch {
    return -1;
  }
}

function globSync(pattern, options = {}) {
  validateObject(options, 'options');
  const patterns = Array.isArray(pattern) ? pattern : [pattern];
  for (const p of patterns) {
    if (typeof p !== 'string') throw new ERR_INVALID_ARG_TYPE('pattern', ['string', 'string[]'], pattern);
  }
  const cwd = options.cwd !== undefined ? String(toPathIfFileURL(options.cwd)) : process.cwd();
  const withFileTypes = !!options.withFileTypes;
  let excludeFn = null;
  if (typeof options.exclude === 'function') {
    excludeFn = options.exclude;
  } else if (Array.isArray(options.exclude)) {
    const ms = options.exclude.map((p) => fullMatcher(p, true));
    excludeFn = (p) => ms.some((m) => m(typeof p === 'string' ? p : pathModule.join(p.parentPath, p.name)));
  } else if (options.exclude !== undefined) {
    validateFunction(options.exclude, 'options.exclude');
  }

  // Paths are kept normalized, so that joining and resolving them is
  // plain concatenation (path.join and path.resolve cost a normalization
  // each, the most of a walk's time).
  const cwdAbs = pathModule.resolve(cwd);
  const resolve = (rel) => {
    if (rel[0] === '/') return rel;
    if (rel === '.') return cwdAbs;
    if (rel === '..' || rel.startsWith('../')) return pathModule.resolve(cwdAbs, rel);
    return cwdAbs === '/' ? `/${rel}` : `${cwdAbs}/${rel}`;
  };
  const childOf = (rel, name) => {
    if (rel === '.') return name;
    return rel === '/' ? `/${name}` : `${rel}/${name}`;
  };
  const dirents = new Map();
  const listDir = (rel) => {
    let list = dirents.get(rel);
    if (list === undefined) {
      list = [];
      try {
        const abs = resolve(rel);
        const [names, types] = binding.readdir(abs, true);
        for (let i = 0; i < names.length; i++) {
          let type = types[i];
          if (type === UV_DIRENT_UNKNOWN) type = direntType(childOf(abs, names[i]));
          list.push([names[i], type]);
        }
      } catch {
        // unreadable or not a directory: no entries
      }
      dirents.set(rel, list);
    }
    return list;
  };
  const exists = (rel) => direntType(resolve(rel)) !== -1;
  const isDir = (rel) => binding.internalModuleStat(resolve(rel)) === 1;

  const makeDirent = (rel, type) => {
    const abs = resolve(rel);
    if (type === undefined) type = direntType(abs);
    return new Dirent(pathModule.basename(abs), type, pathModule.dirname(abs));
  };
  const excluded = (rel, type) => {
    if (excludeFn === null) return false;
    return !!excludeFn(withFileTypes ? makeDirent(rel, type) : rel);
  };

  const found = new Map();
  const add = (rel, type) => {
    if (found.has(rel) || excluded(rel, type)) return;
    found.set(rel, withFileTypes ? makeDirent(rel, type) : rel);
  };

  for (const p of patterns) {
    for (const exp of expandBraces(p)) {
      if (exp === '') continue;
      const absolute = exp[0] === '/';
      const dirOnly = exp.length > 1 && exp[exp.length - 1] === '/';
      const parts = exp.split('/').filter((s) => s !== '');
      const norm = parts.filter((s, i) => !(s === '**' && parts[i - 1] === '**'));
      const segs = norm.map(compileSegment);
      const fromDot = norm[0] === '.';
      const root = absolute ? '/' : '.';
      if (segs.length === 0) {
        if (absolute) add('/');
        continue;
      }
      walkPattern(root, segs, dirOnly, fromDot);
    }
  }

  // walkPattern visits (path, segment index) pairs from root.
  function walkPattern(root, segs, dirOnly, fromDot) {
    const seen = new Set();
    const stack = [];
    const push = (rel, i, type) => {
      const key = `${i}\0${rel}`;
      if (seen.has(key)) return;
      seen.add(key);
      if (i < segs.length && excluded(rel, type)) return;
      stack.push(rel, i);
    };
    // A path named by the pattern's plain segments; '.' and '..' are not
    // results.
    const addNamed = (rel) => {
      if (rel === '.' || rel === '..') return;
      if (dirOnly ? isDir(rel) : exists(rel)) add(rel);
    };
    push(root, 0);
    while (stack.length > 0) {
      const i = stack.pop();
      const rel = stack.pop();
      if (i === segs.length) {
        add(rel);
        continue;
      }
      const seg = segs[i];
      const last = i === segs.length - 1;
      switch (seg.kind) {
        case kDot:
          if (last) addNamed(rel);
          else push(rel, i + 1);
          break;
        case kDotDot: {
          const up = pathModule.join(rel, '..');
          if (last) addNamed(up);
          else push(up, i + 1);
          break;
        }
        case kLiteral: {
          const child = childOf(rel, seg.text);
          if (last) addNamed(child);
          else push(child, i + 1);
          break;
        }
        case kMagic:
          for (const [name, type] of listDir(rel)) {
            if (!seg.test(name)) continue;
            const child = childOf(rel, name);
            if (last) {
              if (!dirOnly || type === UV_DIRENT_DIR) add(child, type);
            } else if (type === UV_DIRENT_DIR || (type === UV_DIRENT_LINK && segs[i + 1].kind === kDotDot)) {
              push(child, i + 1, type);
            }
          }
          break;
        default: {
          // **: the path itself, then its entries.
          if (last && exists(rel)) add(rel);
          const next = segs[i + 1];
          if (next?.kind === kDot || next?.kind === kDotDot) {
            const to = next.kind === kDot ? rel : pathModule.join(rel, '..');
            if (i + 1 === segs.length - 1) add(to);
            else push(to, i + 2);
          }
          const testNext = next?.kind === kLiteral || next?.kind === kMagic;
          for (const [name, type] of listDir(rel)) {
            const child = childOf(rel, name);
            const dir = type === UV_DIRENT_DIR;
            const link = type === UV_DIRENT_LINK;
            const hidden = name[0] === '.';
            if (!hidden) {
              if (dir) push(child, i, type);
              else if (last && !dirOnly) add(child, type);
            }
            const nextMatches = testNext && next.test(name);
            if (nextMatches && i + 1 === segs.length - 1) {
              if (!dirOnly || dir) add(child, type);
            } else if (nextMatches && (dir || (link && segs[i + 2].kind === kDotDot))) {
              push(child, i + 2, type);
            }
            if ((nextMatches || (fromDot && !hidden)) && (dir || link)) push(child, i + 1, type);
          }
        }
      }
    }
  }

  return [...found.values()];
}

// globParts splits a path or pattern into segments as minimatch does:
// empty segments go but a leading one (absolute) and a trailing one (a
// trailing slash), '.' goes but in front, and 'x/..' pairs cancel.
function globParts(p) {
  const raw = p.split('/');
  const out = [];
  for (let i = 0; i < raw.length; i++) {
    const s = raw[i];
    if (s === '' && i !== 0 && i !== raw.length - 1) continue;
    if (s === '.' && out.length > 0) continue;
    const prev = out[out.length - 1];
    if (s === '..' && prev !== undefined && prev !== '' && prev !== '.' && prev !== '..' && prev !== '**') {
      out.pop();
      continue;
    }
    out.push(s);
  }
  return out;
}

function isHiddenPart(f) {
  return f[0] === '.';
}

// matchParts matches path segments from fi against compiled pattern
// segments from pi. ** spans any number of segments, none of them hidden;
// a trailing empty path segment (a trailing slash) may be left over.
function matchParts(file, fi, pat, pi) {
  for (; fi < file.length && pi < pat.length; fi++, pi++) {
    const p = pat[pi];
    if (p.kind === kGlobstar) {
      if (pi === pat.length - 1) {
        for (; fi < file.length; fi++) if (isHiddenPart(file[fi])) return false;
        return true;
      }
      for (let fr = fi; fr < file.length; fr++) {
        if (matchParts(file, fr, pat, pi + 1)) return true;
        if (isHiddenPart(file[fr])) break;
      }
      return false;
    }
    const f = file[fi];
    if (p.kind === kMagic ? !p.test(f) : f !== p.text) return false;
  }
  if (pi === pat.length) return fi === file.length || (fi === file.length - 1 && file[fi] === '');
  return false;
}

// matchGlobPattern backs path.matchesGlob: whether path matches pattern.
function matchGlobPattern(path, pattern) {
  const file = globParts(path);
  return expandBraces(pattern).some((p) => {
    const pat = globParts(p).map((s) => {
      const seg = compileSegment(s);
      if (seg.kind === kDot || seg.kind === kDotDot) return { kind: kLiteral, text: s };
      return seg;
    });
    return matchParts(file, 0, pat, 0);
  });
}

module.exports = { globSync, expandBraces, fullMatcher, matchGlobPattern };
