'use strict';
// What keeps the loop alive, for process.getActiveResourcesInfo() and
// process._getActiveHandles(). The modules that own resources register a
// function listing theirs; the fs binding counts its requests in flight
// (node's FSReqCallback requests).

const sources = [];
const fsRequests = () => internalBinding('fs').pendingRequests();

// register adds a source: a function returning [{ type, owner }] for the
// refed resources it holds now.
function register(fn) {
  sources.push(fn);
}

function collect() {
  const out = [];
  for (const fn of sources) out.push(...fn());
  return out;
}

function resourcesInfo() {
  const out = [];
  for (let i = fsRequests(); i > 0; i--) out.push('FSReqCallback');
  for (const r of collect()) out.push(r.type);
  return out;
}

// FSReqCallback stands for an fs request in flight in _getActiveRequests().
class FSReqCallback {}

function requests() {
  return Array.from({ length: fsRequests() }, () => new FSReqCallback());
}

function handles() {
  return collect().filter((r) => r.handle).map((r) => r.owner);
}

module.exports = { register, resourcesInfo, handles, requests };
