'use strict';
// internal/util/debuglog: util.debuglog and the duration formatting that
// console.timeEnd uses, under Node's internal module name.

const { formatTime } = require('internal/console/constructor');

module.exports = {
  formatTime,
  get debuglog() { return require('util').debuglog; },
};
