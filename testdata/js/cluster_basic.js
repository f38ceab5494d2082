'use strict';
// cluster: a primary forks two workers that share one port (port 0 becomes
// one port for both), messages both ways, per-worker events and states,
// worker ids, cluster.disconnect, and exit codes. Output is sorted where
// the order between workers is up to the scheduler.
const cluster = require('cluster');
const http = require('http');

if (cluster.isPrimary) {
  console.log('primary:', cluster.isPrimary, cluster.isWorker, 'NODE_UNIQUE_ID' in process.env);
  const events = [];
  const ports = new Set();
  let listening = 0;
  cluster.on('fork', (w) => events.push(`fork ${w.id} ${w.state}`));
  cluster.on('online', (w) => events.push(`online ${w.id} ${w.state}`));
  cluster.on('message', (w, m) => events.push(`message from ${w.id}: ${JSON.stringify(m)}`));
  cluster.on('listening', (w, addr) => {
    events.push(`listening ${w.id} ${w.state} ${addr.address} ${addr.addressType}`);
    ports.add(addr.port);
    if (++listening < 2) return;
    console.log('one shared port:', ports.size === 1);
    const port = [...ports][0];
    const answers = new Set();
    let n = 0;
    const get = () => http.get({ port, host: '127.0.0.1', agent: false }, (res) => {
      let b = '';
      res.on('data', (d) => { b += d; });
      res.on('end', () => {
        answers.add(b);
        if (++n < 40) return get();
        console.log('answers from:', [...answers].sort().join(' '));
        for (const w of Object.values(cluster.workers)) w.send({ hello: w.id });
      });
    });
    get();
  });
  let replies = 0;
  cluster.on('message', () => {
    if (++replies === 4) cluster.disconnect(() => {
      console.log(events.sort().join('\n'));
      console.log('workers left:', Object.keys(cluster.workers).length);
    });
  });
  const exits = [];
  cluster.on('exit', (w, code, signal) => {
    exits.push(`exit ${w.id} code=${code} signal=${signal} afterDisconnect=${w.exitedAfterDisconnect} state=${w.state}`);
  });
  process.on('exit', () => console.log(exits.sort().join('\n')));
  for (let i = 0; i < 2; i++) cluster.fork({ WORKER_NAME: `w${i + 1}` });
} else {
  const id = cluster.worker.id;
  process.send({ started: id, name: process.env.WORKER_NAME, env: 'NODE_UNIQUE_ID' in process.env });
  cluster.worker.on('message', (m) => process.send({ got: m, me: id }));
  http.createServer((req, res) => res.end(`worker${id}`)).listen(0, '127.0.0.1');
}
