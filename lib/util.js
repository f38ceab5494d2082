'use strict';
// PLACEHOLDER: minimal util, replaced by the full module.

const { inspect, format, formatWithOptions } = require('internal/util/inspect');

module.exports = { inspect, format, formatWithOptions };
