'use strict';
// PLACEHOLDER: minimal util.inspect/format, replaced by the full version.

function inspect(value, opts) {
  return fmt(value, 0, new Set());
}

function fmt(v, depth, seen) {
  switch (typeof v) {
    case 'string': return depth === 0 ? `'${v}'` : `'${v}'`;
    case 'number': return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint': return `${v}n`;
    case 'undefined': return 'undefined';
    case 'boolean': return String(v);
    case 'symbol': return v.toString();
    case 'function': return `[Function: ${v.name || '(anonymous)'}]`;
  }
  if (v === null) return 'null';
  if (v instanceof Error) {
    const stack = v.stack || '';
    return stack.startsWith(v.name) ? stack : `${v.name}: ${v.message}\n${stack}`.trimEnd();
  }
  if (seen.has(v)) return '[Circular *1]';
  if (depth > 2) return Array.isArray(v) ? '[Array]' : '[Object]';
  seen.add(v);
  let out;
  if (Array.isArray(v)) {
    out = v.length === 0 ? '[]' : `[ ${v.map((x) => fmt(x, depth + 1, seen)).join(', ')} ]`;
  } else {
    const keys = Object.keys(v);
    out = keys.length === 0 ? '{}' : `{ ${keys.map((k) => `${k}: ${fmt(v[k], depth + 1, seen)}`).join(', ')} }`;
  }
  seen.delete(v);
  return out;
}

function format(...args) {
  if (args.length === 0) return '';
  let first = args[0];
  let rest = 1;
  let str = '';
  if (typeof first === 'string') {
    let i = 1;
    str = first.replace(/%[sdifjoOc%]/g, (m) => {
      if (m === '%%') return '%';
      if (i >= args.length) return m;
      const a = args[i++];
      switch (m) {
        case '%s': return typeof a === 'string' ? a : fmt(a, 1, new Set());
        case '%d': case '%i': return String(parseInt(a));
        case '%f': return String(parseFloat(a));
        case '%j': return JSON.stringify(a);
        case '%c': return '';
        default: return inspect(a);
      }
    });
    rest = i;
  } else {
    str = inspect(first);
  }
  for (let i = rest; i < args.length; i++) {
    const a = args[i];
    str += ' ' + (typeof a === 'string' ? a : inspect(a));
  }
  return str;
}

function formatWithOptions(opts, ...args) { return format(...args); }

module.exports = { inspect, format, formatWithOptions };
