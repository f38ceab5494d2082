'use strict';
// process.stdin in paused mode: 'readable' and read() until null.
const chunks = [];
process.stdin.on('readable', () => {
  let c;
  while ((c = process.stdin.read()) !== null) chunks.push(c);
});
process.stdin.on('end', () => {
  const all = Buffer.concat(chunks);
  console.log('bytes', all.length, all.toString('utf8').split('\n').length);
});
