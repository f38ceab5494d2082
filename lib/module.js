'use strict';

const { Module } = require('internal/modules/cjs/loader');

module.exports = Module;
