'use strict';
// Stack traces of transformed code point at the original source: always
// for TypeScript stripped by gonode, and for files that carry a
// sourceMappingURL comment when --enable-source-maps is given.

const { enableStackMapping } = require('internal/errors_v8');

let enabled;
function sourceMapsEnabled() {
  enabled ??= require('internal/options').getOptionValue('--enable-source-maps') === true;
  return enabled;
}

// Called by the loaders with each user module's source before it runs.
function maybeRegisterSourceMap(filename, content) {
  if (!sourceMapsEnabled() || !content.includes('sourceMappingURL=')) return;
  if (internalBinding('module_wrap').registerSourceMap(filename, content)) enableStackMapping();
}

function setSourceMapsEnabled(value) {
  enabled = Boolean(value);
}

module.exports = { maybeRegisterSourceMap, setSourceMapsEnabled, sourceMapsEnabled };
