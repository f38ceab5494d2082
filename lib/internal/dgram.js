'use strict';
// Internals of node:dgram that node's own tests reach for.

const { kStateSymbol } = require('dgram')[Symbol.for('gonode.dgram.internals')];

module.exports = { kStateSymbol };
