'use strict';
// Pieces of the http modules shared between them (and reachable with
// --expose-internals, as in node): header-store and drain symbols and the
// cached Date header value.

const kOutHeaders = Symbol('kOutHeaders');
const kNeedDrain = Symbol('kNeedDrain');

// The Date header changes once a second: it is computed once per second.
let utcCache;
function utcDate() {
  if (!utcCache) {
    utcCache = new Date().toUTCString();
    const t = setTimeout(resetCache, 1000 - new Date().getMilliseconds());
    if (t.unref) t.unref();
  }
  return utcCache;
}
function resetCache() { utcCache = undefined; }

module.exports = { kOutHeaders, kNeedDrain, utcDate };
