'use strict';
// graceful-fs (fs-extra) requires the deprecated 'constants' module.
const constants = require('constants');
const fs = require('fs');
const os = require('os');
console.log(Object.isFrozen(constants), constants === require('node:constants'));
console.log(constants.O_RDONLY === fs.constants.O_RDONLY, constants.O_CREAT === fs.constants.O_CREAT);
console.log(constants.SIGINT === os.constants.signals.SIGINT, constants.ENOENT === os.constants.errno.ENOENT);
console.log(typeof constants.S_IFMT, typeof constants.O_SYMLINK, typeof constants.RTLD_LAZY);
