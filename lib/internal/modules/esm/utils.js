'use strict';
// Small helpers shared by the ES module resolver and loader: file URL
// conversion (without depending on the URL class), the condition sets and
// the detection of ES module syntax in ambiguous files.

const path = require('path');

const keep = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/;

// Converts an absolute path to a file: URL string, percent-encoding as the
// WHATWG URL serializer does for file paths.
function pathToFileURLString(filepath) {
  let resolved = path.resolve(filepath);
  if (filepath.endsWith('/') && !resolved.endsWith('/')) resolved += '/';
  let out = 'file://';
  for (const ch of resolved) {
    if (keep.test(ch)) {
      out += ch;
    } else {
      for (const b of utf8Bytes(ch)) out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
    }
  }
  return out;
}

// UTF-8 bytes of a one-code-point string.
function utf8Bytes(ch) {
  const cp = ch.codePointAt(0);
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 63)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
}

// Converts a file: URL string to a path.
function fileURLToPathString(url) {
  const { codes: { ERR_INVALID_URL_SCHEME, ERR_INVALID_FILE_URL_PATH } } = require('internal/errors');
  if (!url.startsWith('file:')) throw new ERR_INVALID_URL_SCHEME('file');
  let rest = url.slice(5);
  const cut = rest.search(/[?#]/);
  if (cut !== -1) rest = rest.slice(0, cut);
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2);
    const host = slash === -1 ? rest.slice(2) : rest.slice(2, slash);
    if (host !== '' && host !== 'localhost') {
      const { codes: { ERR_INVALID_FILE_URL_HOST } } = require('internal/errors');
      if (ERR_INVALID_FILE_URL_HOST) throw new ERR_INVALID_FILE_URL_HOST('linux');
      throw new ERR_INVALID_FILE_URL_PATH('must be absolute');
    }
    rest = slash === -1 ? '/' : rest.slice(slash);
  }
  if (/%2f/i.test(rest)) throw new ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
  return decodeURIComponent(rest);
}

function isURL(s) {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(s);
}

// Extra conditions given with --conditions / -C.
let userConditions;
function getUserConditions() {
  userConditions ??= require('internal/options').getOptionValue('--conditions') || [];
  return userConditions;
}

let importConditions;
function getImportConditions() {
  importConditions ??= new Set(['node', 'import', 'module-sync', 'node-addons', ...getUserConditions()]);
  return importConditions;
}

let requireConditions;
function getRequireConditions() {
  requireConditions ??= new Set(['node', 'require', 'module-sync', 'node-addons', ...getUserConditions()]);
  return requireConditions;
}

// Whether source that failed to compile as CommonJS is an ES module: it
// must use module syntax and compile as a module.
const moduleSyntax = /\b(import|export)\b|\bawait\b/;
function containsModuleSyntax(source, filename) {
  if (!moduleSyntax.test(source)) return false;
  const { compileFunction } = internalBinding('contextify');
  try {
    compileFunction(source, filename, ['exports', 'require', 'module', '__filename', '__dirname']);
    return false;
  } catch (err) {
    if (!(err instanceof SyntaxError)) return false;
  }
  // CommonJS parse failed: it is ESM when it parses as an async function
  // body with import/export lines removed, or contains import/export.
  return /^\s*(import\s*[\w{*'"]|export\s)|\bimport\.meta\b/m.test(source) || /\bawait\b/.test(source);
}

module.exports = {
  pathToFileURLString,
  fileURLToPathString,
  isURL,
  getImportConditions,
  getRequireConditions,
  getUserConditions,
  containsModuleSyntax,
};
