'use strict';
// Pieces of the http modules shared between them (and reachable with
// --expose-internals, as in node): header-store and drain symbols and the
// cached Date header value.

const kOutHeaders = Symbol('kOutHeaders');
const kNeedDrain = Symbol('kNeedDrain');

// The Date header changes once a second: it is computed once per second.
// dateCache.value is the current one, or undefined when utcDate must
// compute it (the server's response path reads it without a call).
const dateCache = { value: undefined };
function utcDate() {
  if (dateCache.value === undefined) {
    dateCache.value = new Date().toUTCString();
    const t = setTimeout(resetCache, 1000 - new Date().getMilliseconds());
    if (t.unref) t.unref();
  }
  return dateCache.value;
}
function resetCache() { dateCache.value = undefined; }

module.exports = { kOutHeaders, kNeedDrain, utcDate, dateCache };
