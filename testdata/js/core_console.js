'use strict';
// console.log/error/warn/info basics with strings and numbers.
console.log('hello');
console.log('a', 'b', 1, 2.5, -3);
console.log();
console.error('to stderr');
console.warn('warn to stderr', 7);
console.info('info to stdout');
console.log('%s is %d', 'answer', 42);
process.stdout.write('raw write\n');
process.stderr.write('raw error write\n');
