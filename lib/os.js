'use strict';
// node:os: host information, from internalBinding('os').

const binding = internalBinding('os');
const { codes: { ERR_SYSTEM_ERROR } } = require('internal/errors');
const { validateInt32, validateObject } = require('internal/validators');

// Node reports failures of these calls as ERR_SYSTEM_ERROR, with the libuv
// error in `info`.
function call(fn, ...args) {
  try {
    return fn(...args);
  } catch (e) {
    if (e && typeof e.code === 'string' && typeof e.syscall === 'string') {
      throw systemError(e);
    }
    throw e;
  }
}

function systemError(e) {
  const uvMessage = String(e.message).replace(/^[A-Z0-9_]+: /, '').replace(/, [a-z_]+$/, '');
  const info = { errno: e.errno, code: e.code, message: uvMessage, syscall: e.syscall };
  const err = new ERR_SYSTEM_ERROR();
  const message = `A system error occurred: ${e.syscall} returned ${e.code} (${uvMessage})`;
  Object.defineProperty(err, 'message', { value: message, writable: true, configurable: true });
  err.stack = `SystemError [ERR_SYSTEM_ERROR]: ${message}` +
    String(err.stack).slice(String(err.stack).indexOf('\n'));
  Object.defineProperty(err, 'name', { value: 'SystemError', writable: true, configurable: true });
  Object.defineProperty(err, 'info', { value: info, enumerable: true, configurable: true, writable: true });
  for (const k of ['errno', 'syscall']) {
    Object.defineProperty(err, k, {
      get() { return info[k]; },
      set(v) { info[k] = v; },
      enumerable: true, configurable: true,
    });
  }
  return err;
}

function hostname() { return call(binding.hostname); }
function homedir() {
  const home = process.env.HOME;
  if (home) return home;
  return call(binding.userInfo, -1).homedir;
}
function tmpdir() {
  let p = process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp';
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p;
}
function osInfo() { return call(binding.osInfo); }
function type() { return osInfo()[0]; }
function release() { return osInfo()[1]; }
function version() { return osInfo()[2]; }
function machine() { return osInfo()[3]; }
function arch() { return process.arch; }
function platform() { return process.platform; }
function endianness() {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'LE' : 'BE';
}
function totalmem() { return binding.totalmem(); }
function freemem() { return binding.freemem(); }
function uptime() { return call(binding.uptime); }
function loadavg() { return binding.loadavg(); }
function cpus() { return binding.cpus(); }
function availableParallelism() { return binding.availableParallelism(); }

function networkInterfaces() {
  const list = call(binding.networkInterfaces);
  const out = {};
  for (const e of list) {
    const { name } = e;
    delete e.name;
    (out[name] ??= []).push(e);
  }
  return out;
}

function userInfo(options) {
  if (options !== undefined) validateObject(options, 'options', { nullable: true });
  const u = call(binding.userInfo, -1);
  if (options && options.encoding === 'buffer') {
    const { Buffer } = require('buffer');
    for (const k of ['username', 'homedir', 'shell']) {
      if (typeof u[k] === 'string') u[k] = Buffer.from(u[k]);
    }
  }
  return u;
}

function getPriority(pid = 0) {
  validateInt32(pid, 'pid');
  return call(binding.getPriority, pid);
}

function setPriority(pid, priority) {
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  validateInt32(pid, 'pid');
  validateInt32(priority, 'priority', -20, 19);
  call(binding.setPriority, pid, priority);
}

// Only signals is frozen, as in Node.
const constants = {
  UV_UDP_REUSEADDR: 4,
  dlopen: { RTLD_LAZY: 1, RTLD_NOW: 2, RTLD_GLOBAL: 256, RTLD_LOCAL: 0, RTLD_DEEPBIND: 8 },
  errno: { ...binding.errnos },
  signals: Object.freeze(Object.fromEntries(binding.signals)),
  priority: {
    PRIORITY_LOW: 19,
    PRIORITY_BELOW_NORMAL: 10,
    PRIORITY_NORMAL: 0,
    PRIORITY_ABOVE_NORMAL: -7,
    PRIORITY_HIGH: -14,
    PRIORITY_HIGHEST: -20,
  },
};

// `${os.hostname}` gives the host name, as in Node.
for (const fn of [arch, availableParallelism, endianness, freemem, homedir, hostname,
  machine, platform, release, tmpdir, totalmem, type, uptime, version]) {
  fn[Symbol.toPrimitive] = () => fn();
}


module.exports = {
  arch,
  availableParallelism,
  cpus,
  endianness,
  freemem,
  getPriority,
  homedir,
  hostname,
  loadavg,
  networkInterfaces,
  platform,
  release,
  setPriority,
  tmpdir,
  totalmem,
  type,
  userInfo,
  uptime,
  version,
  machine,
};
Object.defineProperties(module.exports, {
  constants: { configurable: false, enumerable: true, writable: false, value: constants },
  EOL: { configurable: true, enumerable: true, writable: false, value: '\n' },
  devNull: { configurable: true, enumerable: true, writable: false, value: '/dev/null' },
});
