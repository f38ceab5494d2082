'use strict';
// child_process stdio: inherit, fd objects, an extra pipe on fd 3, one
// child's stdout as another's stdin, unref'd children, and the
// diagnostics_channel spawn events.
const cp = require('child_process');
const dc = require('diagnostics_channel');

const seen = [];
const subscribers = {
  start: ({ options }) => seen.push(`start ${options.file}`),
  end: () => seen.push('end'),
  error: ({ error }) => seen.push(`error ${error.code}`),
};
dc.tracingChannel('child_process.spawn').subscribe(subscribers);
cp.spawn('/bin/sh', ['-c', 'true']).on('close', () => {});
cp.spawn('no-such-command-gonode').on('error', () => {});
dc.tracingChannel('child_process.spawn').unsubscribe(subscribers);
console.log(seen.join(', '));

function closed(child) {
  return new Promise((resolve) => child.on('close', resolve));
}

(async () => {
  await closed(cp.spawn('/bin/sh', ['-c', 'echo inherited stdout'], { stdio: 'inherit' }));
  await closed(cp.spawn('/bin/sh', ['-c', 'echo via fd objects'], { stdio: [process.stdin, process.stdout, process.stderr] }));

  const extra = cp.spawn('/bin/sh', ['-c', 'read line <&3; echo "got $line" >&3'], { stdio: ['ignore', 'inherit', 'inherit', 'pipe'] });
  console.log('stdio length', extra.stdio.length, extra.stdin, typeof extra.stdio[3].write);
  extra.stdio[3].on('data', (d) => console.log('fd3:', String(d).trim()));
  extra.stdio[3].write('ping\n');
  console.log('close', await closed(extra));

  const producer = cp.spawn('/bin/sh', ['-c', 'printf "b\\na\\nc\\n"']);
  const sorter = cp.spawn('sort', [], { stdio: [producer.stdout, 'pipe', 'inherit'] });
  let sorted = '';
  sorter.stdout.on('data', (d) => { sorted += d; });
  await closed(sorter);
  console.log('sorted', JSON.stringify(sorted));

  const quiet = cp.spawn('/bin/sh', ['-c', 'echo never read; exit 4']);
  console.log('unread output still closes with', await closed(quiet));

  const stdinWritable = cp.spawn('cat', [], { stdio: ['pipe', 'ignore', 'inherit'] });
  console.log('stdin readable', stdinWritable.stdin.readable, 'writable', stdinWritable.stdin.writable);
  stdinWritable.stdin.end();
  await closed(stdinWritable);

  // An unref'd child with ignored stdio does not keep the parent alive.
  const sleeper = cp.spawn('sleep', ['30'], { stdio: 'ignore', detached: true });
  sleeper.unref();
  process.on('exit', () => {
    console.log('exiting without waiting for the sleeper:', sleeper.exitCode === null);
    sleeper.kill('SIGKILL');
  });
})();
