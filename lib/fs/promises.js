'use strict';
// node:fs/promises: the promise-based fs API (also fs.promises).

module.exports = require('internal/fs/promises').exports;
