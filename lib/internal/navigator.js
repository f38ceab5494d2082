'use strict';
// The global navigator object.

const { codes: { ERR_ILLEGAL_CONSTRUCTOR } } = require('internal/errors');

const kKey = Symbol('kKey');

function getPlatform(platform, arch) {
  switch (platform) {
    case 'darwin': return 'MacIntel';
    case 'win32': return 'Win32';
    case 'linux':
      if (arch === 'ia32') return 'Linux i686';
      if (arch === 'x64') return 'Linux x86_64';
      return `Linux ${arch}`;
    case 'freebsd':
      if (arch === 'ia32') return 'FreeBSD i386';
      if (arch === 'x64') return 'FreeBSD amd64';
      return `FreeBSD ${arch}`;
    case 'openbsd':
      if (arch === 'ia32') return 'OpenBSD i386';
      if (arch === 'x64') return 'OpenBSD amd64';
      return `OpenBSD ${arch}`;
    case 'sunos':
      if (arch === 'ia32') return 'SunOS i86pc';
      return `SunOS ${arch}`;
    case 'aix': return 'AIX';
    default: return `${platform[0].toUpperCase()}${platform.slice(1)} ${arch}`;
  }
}

class Navigator {
  #concurrency;
  constructor(key = undefined) {
    if (key !== kKey) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get hardwareConcurrency() {
    this.#concurrency ??= require('os').availableParallelism();
    return this.#concurrency;
  }

  get language() { return 'en-US'; }
  get languages() { return ['en-US']; }
  get userAgent() { return `Node.js/${process.version.slice(1, process.version.indexOf('.'))}`; }
  get platform() { return getPlatform(process.platform, process.arch); }
}
for (const name of ['hardwareConcurrency', 'language', 'languages', 'userAgent', 'platform']) {
  const d = Object.getOwnPropertyDescriptor(Navigator.prototype, name);
  d.enumerable = true;
  Object.defineProperty(Navigator.prototype, name, d);
}

const navigator = new Navigator(kKey);

module.exports = { navigator, Navigator };
