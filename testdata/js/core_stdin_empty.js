'use strict';
// Empty stdin: 'end' right away; a paused stdin does not keep the process
// alive.
process.stdin.on('data', (d) => console.log('data (never)', d));
process.stdin.on('end', () => console.log('end'));
