'use strict';
// process.cwd and process.chdir, with errors coded like node's.
const path = require('path');
const start = process.cwd();
console.log(path.basename(start));
process.chdir('..');
console.log(path.basename(process.cwd()));
process.chdir(start);
console.log(process.cwd() === start);
try {
  process.chdir('does-not-exist-dir');
} catch (e) {
  console.log(e.code, e.syscall, e.errno < 0, e.path === start, e.dest);
  console.log(e.message.startsWith('ENOENT: no such file or directory, chdir '));
  console.log(e.message.endsWith(" -> 'does-not-exist-dir'"));
}
try {
  process.chdir(__filename);
} catch (e) {
  console.log(e.code);
}
try {
  process.chdir(5);
} catch (e) {
  console.log(e.code, e.message);
}
