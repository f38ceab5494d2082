'use strict';
// process: active resources, kill() validation and _kill, env descriptor
// rules, cpuUsage validation, getBuiltinModule, features keys, the
// prototype chain, Module.wrap patching, module.parent, circular-require
// warnings and builtinModules naming.
const fs = require('fs');
const net = require('net');

const t = setTimeout(() => {}, 1000);
setImmediate(() => {});
fs.stat(__filename, () => {});
console.log('resources:', process.getActiveResourcesInfo().sort());
clearTimeout(t);
console.log('after clear:', process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length);
console.log('requests:', process._getActiveRequests().length);

for (const pid of ['x', null, NaN]) {
  try { process.kill(pid); } catch (e) { console.log('kill', String(pid), e.code); }
}
try { process.kill(0, 'SIGNOPE'); } catch (e) { console.log('kill signal:', e.code, e.message); }
try { process.kill(0, 987); } catch (e) { console.log('kill 987:', e.code, e.syscall, e.message); }
const orig = process._kill;
process._kill = (pid, sig) => { console.log('_kill', pid, sig); return 0; };
process.kill(123, 'SIGHUP');
process.kill('456');
process._kill = orig;

try { Object.defineProperty(process.env, 'X_GETTER', { get() { return 1; } }); } catch (e) { console.log('env getter:', e.code); }
try { Object.defineProperty(process.env, 'X_RO', { value: '1' }); } catch (e) { console.log('env ro:', e.code); }
try { process.env[Symbol('s')] = 1; } catch (e) { console.log('env symbol:', e.name); }
Object.defineProperty(process.env, 'X_OK', { value: 1, writable: true, enumerable: true, configurable: true });
console.log('env ok:', typeof process.env.X_OK, process.env.X_OK);

for (const bad of [1, [], { user: 'a', system: 1 }, { user: -1, system: 1 }]) {
  try { process.cpuUsage(bad); } catch (e) { console.log('cpuUsage', JSON.stringify(bad), e.code); }
}
console.log('getBuiltinModule:', process.getBuiltinModule('fs') === fs, process.getBuiltinModule('node:path') === require('path'),
  process.getBuiltinModule('test'), process.getBuiltinModule('node:test') === require('node:test'),
  process.getBuiltinModule('internal/util'), process.getBuiltinModule('nope'));
try { process.getBuiltinModule(1); } catch (e) { console.log('getBuiltinModule(1):', e.code); }
console.log('features:', Object.keys(process.features).sort().join(','));
console.log('prototype:', process instanceof process.constructor, Object.getPrototypeOf(process) instanceof require('events'));
console.log('abort prototype:', process.abort.prototype);
console.log('node_module_version:', typeof process.config.variables.node_module_version);
const { builtinModules, isBuiltin } = require('module');
console.log('scheme-only:', builtinModules.filter((m) => m.startsWith('node:')).filter((m) => m === 'node:test'), isBuiltin(undefined), isBuiltin('node:test'), isBuiltin('test'));
console.log('module.parent of main:', module.parent);
const srv = net.createServer().listen(0, () => {
  console.log('server resource:', process.getActiveResourcesInfo().includes('TCPServerWrap'), process._getActiveHandles().includes(srv));
  srv.close();
});
