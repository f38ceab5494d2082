// An uncaught error in an ES module entry exits with code 1.
import 'node:path';
process.on('exit', (c) => console.log('exit', c));
console.log('before');
throw new TypeError('bad');
