'use strict';
const ids = internalBinding('os');
module.exports = {
  getuid: () => ids.getuid(),
  geteuid: () => ids.geteuid(),
  getgid: () => ids.getgid(),
  getegid: () => ids.getegid(),
};
