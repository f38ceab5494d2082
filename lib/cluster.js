'use strict';
// node:cluster: the primary's or the worker's side, as this process is.

module.exports = require('internal/cluster/state').isWorker ?
  require('internal/cluster/child') : require('internal/cluster/primary');
