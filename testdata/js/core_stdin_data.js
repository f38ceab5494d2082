'use strict';
// process.stdin in flowing mode: 'data' chunks (strings after
// setEncoding), then 'end' and 'close'; input from core_stdin_data.stdin.
let data = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => { data += d; });
process.stdin.on('end', () => console.log('end', JSON.stringify(data)));
process.stdin.on('close', () => console.log('close'));
