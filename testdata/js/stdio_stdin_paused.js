'use strict';
// process.stdin as a Readable: setEncoding, pause() stops the flow and
// resume() restarts it; readableFlowing and isPaused follow; 'end' once.
const chunks = [];
process.stdin.setEncoding('utf8');
console.log('flowing before', process.stdin.readableFlowing);
process.stdin.on('data', (d) => {
  chunks.push(d);
  if (chunks.length === 1) {
    process.stdin.pause();
    console.log('paused', process.stdin.isPaused(), process.stdin.readableFlowing);
    setTimeout(() => process.stdin.resume(), 20);
  }
});
process.stdin.on('end', () => {
  const all = chunks.join('');
  console.log('end', all.length, JSON.stringify(all.slice(0, 20)), 'encoding', process.stdin.readableEncoding);
});
