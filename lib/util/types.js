'use strict';
// node:util/types

const { typedArrayName, ...types } = require('internal/util/types');

void typedArrayName;
module.exports = types;
