'use strict';
// os: shapes and invariants that hold on any Linux host.
const os = require('os');
const assert = require('assert');
console.log(os.EOL === '\n', os.devNull, os.endianness(), os.platform(), os.type());
console.log(typeof os.hostname(), os.hostname().length > 0, `${os.hostname}` === os.hostname());
console.log(os.totalmem() > os.freemem(), os.freemem() > 0, os.uptime() > 0, os.loadavg().length);
const cpus = os.cpus();
console.log(cpus.length > 0, Object.keys(cpus[0]).join(), Object.keys(cpus[0].times).join());
console.log(os.availableParallelism() >= 1, typeof os.release(), typeof os.version(), typeof os.machine());
const lo = os.networkInterfaces().lo.find((e) => e.family === 'IPv4');
console.log(JSON.stringify(lo));
const u = os.userInfo();
console.log(Object.keys(u).join(), u.uid === process.getuid(), Buffer.isBuffer(os.userInfo({ encoding: 'buffer' }).username));
process.env.TMPDIR = '/x/y/';
console.log(os.tmpdir());
console.log(JSON.stringify(os.constants.priority), os.constants.signals.SIGKILL, os.constants.errno.ENOENT, Object.isFrozen(os.constants));
console.log(os.getPriority() === os.getPriority(0));
assert.throws(() => os.getPriority(2 ** 31 - 1), (e) => {
  console.log(e.name, e.code, e.info.code, e.info.syscall);
  return true;
});
assert.throws(() => os.setPriority(0, 100), { code: 'ERR_OUT_OF_RANGE' });
console.log('done');
