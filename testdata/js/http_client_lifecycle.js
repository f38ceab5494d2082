'use strict';
// http.ClientRequest and http.Agent lifecycle: destroy/abort before a
// socket, the socket handed back to the agent after 'close', request
// timeouts armed on connect, agent options, path validation.

const http = require('http');
const net = require('net');

const steps = [];
function log(...args) { steps.push(args.join(' ')); }

function server(handler) {
  return new Promise((resolve) => {
    const s = http.createServer(handler);
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
}

async function destroyBeforeSocket() {
  const s = await server(() => { throw new Error('not reached'); });
  const events = [];
  await new Promise((resolve) => {
    const req = http.get({ port: s.address().port, host: '127.0.0.1' });
    req.on('socket', () => events.push('socket'));
    req.on('error', (e) => events.push(`error ${e.code} ${e.message}`));
    req.on('close', () => { events.push(`close destroyed=${req.destroyed}`); resolve(); });
    req.destroy();
    events.push(`sync destroyed=${req.destroyed}`);
  });
  log('destroy before socket:', events.join(', '));
  s.close();
}

async function abortBeforeSocket() {
  const s = await server(() => { throw new Error('not reached'); });
  const agent = new http.Agent({ keepAlive: true });
  const events = [];
  await new Promise((resolve) => {
    const req = http.get({ port: s.address().port, host: '127.0.0.1', agent });
    req.on('socket', () => events.push('socket'));
    req.on('abort', () => events.push('abort'));
    req.on('error', (e) => events.push(`error ${e.message}`));
    req.on('close', () => { events.push('close'); resolve(); });
    req.abort();
  });
  log('abort before socket:', events.join(', '));
  agent.destroy();
  s.close();
}

async function preAbortedSignal() {
  const s = await server(() => { throw new Error('not reached'); });
  const ac = new AbortController();
  ac.abort();
  await new Promise((resolve) => {
    const req = http.get({ port: s.address().port, host: '127.0.0.1', signal: ac.signal });
    log('pre-aborted signal: destroyed at once', req.destroyed);
    req.on('error', (e) => log('pre-aborted signal: error', e.name, e.code));
    req.on('close', resolve);
  });
  s.close();
}

async function keepAliveFreeAfterClose() {
  const s = await server((req, res) => res.end('hello'));
  const agent = new http.Agent({ keepAlive: true });
  const name = `127.0.0.1:${s.address().port}:`;
  await new Promise((resolve) => {
    const req = http.get({ port: s.address().port, host: '127.0.0.1', agent }, (res) => {
      res.resume();
      res.on('end', () => {
        log('keep-alive on end: in use', agent.sockets[name].length, 'free', agent.freeSockets[name]);
        process.nextTick(() => {
          log('keep-alive next tick: in use', agent.sockets[name], 'free', agent.freeSockets[name].length,
              'total', agent.totalSocketCount);
          resolve();
        });
      });
    });
    req.on('close', () => log('keep-alive: request close, response socket', req.res.socket));
    req.on('socket', (sock) => sock.on('free', () => log('keep-alive: socket free')));
  });
  agent.destroy();
  s.close();
}

async function timeoutArmedOnConnect() {
  const s = await server(() => {});
  await new Promise((resolve) => {
    const req = http.get({ port: s.address().port, host: '127.0.0.1', timeout: 2000 });
    req.setTimeout(1000);
    req.on('socket', (socket) => {
      log('timeout on socket event', socket.timeout);
      socket.on('connect', () => {
        log('timeout on connect', socket.timeout);
        socket.setTimeout(10);
      });
    });
    req.on('timeout', () => {
      log('request timeout, socket timeout listeners', req.socket.listenerCount('timeout'));
      req.destroy();
    });
    req.on('error', (e) => log('timeout error', e.code));
    req.on('close', resolve);
  });
  s.close();
}

function agentOptions() {
  for (const v of [1500, -100, Infinity, undefined]) {
    log('agentKeepAliveTimeoutBuffer', v, '->', new http.Agent({ agentKeepAliveTimeoutBuffer: v }).agentKeepAliveTimeoutBuffer);
  }
  const agent = new http.Agent({ keepAlive: true, keepAliveMsecs: 1234 });
  agent.createConnection = (options) => {
    log('createConnection keepAlive', options.keepAlive, 'initialDelay', options.keepAliveInitialDelay);
    return new net.Socket();
  };
  http.get({ agent, host: '127.0.0.1', port: 1 }).on('error', () => {}).destroy();
}

function pathValidation() {
  const req = new http.ClientRequest({ host: '127.0.0.1', port: 1, path: '/a', createConnection: () => {} });
  try {
    req.path = '/b\r\nX: y';
  } catch (e) {
    log('path setter', e.name, e.code, e.message);
  }
  req.path = '/c?d=1';
  log('path now', req.path);
  req.destroy();
}

async function keepAliveHint() {
  const s = await server((req, res) => {
    res.setHeader('Keep-Alive', 'timeout=3');
    res.end('ok');
  });
  const agent = new http.Agent({ keepAlive: true, timeout: 5000, agentKeepAliveTimeoutBuffer: 1000 });
  await new Promise((resolve) => {
    const req = http.get({ port: s.address().port, host: '127.0.0.1', agent }, (res) => {
      res.resume();
      res.on('end', () => setImmediate(() => {
        log('idle socket timeout from Keep-Alive hint', req.socket.timeout);
        resolve();
      }));
    });
  });
  agent.destroy();
  s.close();
}

async function perfEntry() {
  const { PerformanceObserver } = require('perf_hooks');
  // A raw server: only the client's entry is recorded.
  const s = net.createServer((c) => {
    c.once('data', () => c.end('HTTP/1.1 200 OK\r\nX-A: b\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi'));
  });
  await new Promise((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = s.address().port;
  await new Promise((resolve) => {
    const obs = new PerformanceObserver((items) => {
      for (const e of items.getEntries()) {
        const d = e.detail;
        log('perf', e.name, e.entryType, typeof e.startTime, typeof e.duration, d.req.method,
            d.req.url.replace(String(port), 'PORT'), JSON.stringify(d.req.headers).replace(String(port), 'PORT'),
            d.res.statusCode, d.res.statusMessage, JSON.stringify(d.res.headers));
      }
      obs.disconnect();
      resolve();
    });
    obs.observe({ type: 'http' });
    http.get({ port, host: '127.0.0.1', path: '/p?q', headers: { 'x-h': '1' }, agent: false }, (res) => res.resume());
  });
  s.close();
}

async function earlySocketError() {
  const blockList = new net.BlockList();
  blockList.addAddress('127.0.0.1');
  await new Promise((resolve) => {
    const req = http.request({
      host: 'example.com',
      port: 80,
      lookup: (host, opts, cb) => cb(null, '127.0.0.1', 4),
      family: 4,
      createConnection: (opts) => net.createConnection({ ...opts, blockList }),
    });
    req.on('error', (e) => log('connect error reaches the request:', e.code));
    req.on('close', resolve);
    req.end();
  });
}

(async () => {
  agentOptions();
  pathValidation();
  await destroyBeforeSocket();
  await abortBeforeSocket();
  await preAbortedSignal();
  await keepAliveFreeAfterClose();
  await timeoutArmedOnConnect();
  await keepAliveHint();
  await perfEntry();
  await earlySocketError();
  for (const s of steps) console.log(s);
})();
