'use strict';
// node:dns Resolver against a DNS server on a local UDP port (no network):
// record shapes of every resolve* method, ttl, errors (code, syscall,
// hostname), ports in setServers/getServers, cancel, timeouts, the
// promises API, and argument checks.
const dgram = require('dgram');
const dns = require('dns');
const dnsp = require('dns/promises');

// ---- a tiny DNS server ----------------------------------------------------------

const T = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28, SRV: 33, NAPTR: 35, ANY: 255, CAA: 257 };

function encodeName(name) {
  const parts = [];
  for (const label of name.split('.')) {
    if (label === '') continue;
    parts.push(Buffer.from([label.length]), Buffer.from(label));
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

function u16(n) { const b = Buffer.alloc(2); b.writeUInt16BE(n); return b; }
function u32(n) { const b = Buffer.alloc(4); b.writeUInt32BE(n); return b; }
function str(s) { return Buffer.concat([Buffer.from([Buffer.byteLength(s)]), Buffer.from(s)]); }

function parseQuestion(msg) {
  let off = 12;
  const labels = [];
  while (msg[off] !== 0) {
    labels.push(msg.toString('latin1', off + 1, off + 1 + msg[off]));
    off += msg[off] + 1;
  }
  off++;
  return { id: msg.readUInt16BE(0), name: labels.join('.'), type: msg.readUInt16BE(off), end: off + 4 };
}

function rr(name, type, ttl, data) {
  return Buffer.concat([encodeName(name), u16(type), u16(1), u32(ttl), u16(data.length), data]);
}

function answersFor(name, type) {
  const ip4 = (s) => Buffer.from(s.split('.').map(Number));
  const all = {
    'a.test': [
      [T.A, 300, ip4('192.0.2.1')],
      [T.A, 60, ip4('192.0.2.2')],
      [T.AAAA, 120, Buffer.from('20010db8000000000000000000000001', 'hex')],
      [T.MX, 30, Buffer.concat([u16(10), encodeName('mx1.a.test')])],
      [T.MX, 30, Buffer.concat([u16(20), encodeName('mx2.a.test')])],
      [T.TXT, 30, Buffer.concat([str('v=spf1'), str(' -all')])],
      [T.TXT, 30, str('hello')],
      [T.NS, 30, encodeName('ns1.a.test')],
      [T.CAA, 30, Buffer.concat([Buffer.from([0]), str('issue'), Buffer.from('ca.test')])],
      [T.SOA, 30, Buffer.concat([encodeName('ns1.a.test'), encodeName('admin.a.test'),
                                 u32(2024), u32(3600), u32(600), u32(86400), u32(300)])],
      [T.NAPTR, 30, Buffer.concat([u16(100), u16(10), str('S'), str('SIP+D2U'), str(''),
                                   encodeName('_sip._udp.a.test')])],
    ],
    'tlsa.test': [[52, 30, Buffer.from([3, 1, 1, 0xab, 0xcd])]],
    'mix.test': [
      [T.TXT, 30, str('t')],
      [T.SRV, 30, Buffer.concat([u16(1), u16(2), u16(3), encodeName('s.mix.test')])],
      [T.A, 30, ip4('192.0.2.7')],
      [T.PTR, 30, encodeName('p.mix.test')],
      [T.MX, 30, Buffer.concat([u16(1), encodeName('m.mix.test')])],
    ],
    'srv.test': [[T.SRV, 30, Buffer.concat([u16(5), u16(7), u16(5060), encodeName('sip.a.test')])]],
    'cname.test': [[T.CNAME, 30, encodeName('a.test')]],
    '1.2.0.192.in-addr.arpa': [[T.PTR, 30, encodeName('host.a.test')]],
  };
  const list = all[name] || [];
  return list.filter(([t]) => type === T.ANY ? t !== T.SOA && t !== T.NAPTR && t !== T.CAA : t === type);
}

const server = dgram.createSocket('udp4');
server.on('message', (msg, rinfo) => {
  const q = parseQuestion(msg);
  if (q.name.startsWith('silent')) return; // never answer: timeouts and cancel
  let rcode = 0;
  if (q.name === 'nx.test') rcode = 3;
  if (q.name === 'fail.test') rcode = 2;
  if (q.name === 'refused.test') rcode = 5;
  const answers = rcode === 0 ? answersFor(q.name, q.type) : [];
  const header = Buffer.concat([u16(q.id), u16(0x8180 | rcode), u16(1), u16(answers.length), u16(0), u16(0)]);
  const body = answers.map(([t, ttl, data]) => rr(q.name, t, ttl, data));
  server.send(Buffer.concat([header, msg.subarray(12, q.end), ...body]), rinfo.port, rinfo.address);
});

function show(label, err, value) {
  if (err) {
    console.log(label, 'error', err.code, err.errno, err.syscall, err.hostname, err.message);
  } else {
    console.log(label, JSON.stringify(value, (k, v) => (v instanceof ArrayBuffer ? [...new Uint8Array(v)] : v)));
  }
}

function cb(resolver, method, ...args) {
  return new Promise((resolve) => {
    resolver[method](...args, (err, value) => {
      show(`${method}(${args.map((a) => JSON.stringify(a)).join(', ')})`, err, value);
      resolve();
    });
  });
}

function attempt(label, fn) {
  try {
    const r = fn();
    console.log(label, 'ok', r === undefined ? '' : r);
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}

server.bind(0, '127.0.0.1', async () => {
  const addr = `127.0.0.1:${server.address().port}`;
  const r = new dns.Resolver({ timeout: 200, tries: 1 });
  r.setServers([addr]);
  console.log('servers have a port:', r.getServers()[0] === addr);

  await cb(r, 'resolve4', 'a.test');
  await cb(r, 'resolve4', 'a.test', { ttl: true });
  await cb(r, 'resolve6', 'a.test', { ttl: true });
  await cb(r, 'resolve6', 'a.test');
  await cb(r, 'resolveMx', 'a.test');
  await cb(r, 'resolveTxt', 'a.test');
  await cb(r, 'resolveNs', 'a.test');
  await cb(r, 'resolveCaa', 'a.test');
  await cb(r, 'resolveSoa', 'a.test');
  await cb(r, 'resolveNaptr', 'a.test');
  await cb(r, 'resolveSrv', 'srv.test');
  await cb(r, 'resolveCname', 'cname.test');
  await cb(r, 'resolveAny', 'a.test');
  await cb(r, 'resolveAny', 'mix.test');
  await cb(r, 'resolveTlsa', 'tlsa.test');
  await cb(r, 'reverse', '192.0.2.1');
  await cb(r, 'resolve', 'a.test', 'MX');
  await cb(r, 'resolve', 'a.test');
  await cb(r, 'resolve4', 'nx.test');
  await cb(r, 'resolveMx', 'srv.test');
  await cb(r, 'resolve4', 'fail.test');
  await cb(r, 'resolve4', 'refused.test');
  await cb(r, 'resolveTxt', 'silent.test');
  await cb(r, 'reverse', '192.0.2.9');

  // cancel: every query in flight fails with ECANCELLED, in order.
  const pending = [];
  for (let i = 0; i < 4; i++) pending.push(cb(r, 'resolve4', `silent${i}.test`));
  try {
    r.setServers([addr]);
  } catch (e) {
    console.log('setServers while querying', e.code, e.message.replace(addr, 'ADDR'));
  }
  setTimeout(() => r.cancel(), 50);
  await Promise.all(pending);

  // A local address to send from.
  const local = new dns.Resolver({ timeout: 200, tries: 1 });
  local.setServers([addr]);
  local.setLocalAddress('127.0.0.1');
  await cb(local, 'resolve4', 'a.test');
  local.setLocalAddress('127.0.0.1', '::1');
  await cb(local, 'resolve4', 'a.test');

  // The promises API, and the default resolver shared by both modules.
  const p = new dnsp.Resolver({ timeout: 200, tries: 1 });
  p.setServers([addr]);
  console.log('promises resolve4', await p.resolve4('a.test', { ttl: true }));
  console.log('promises resolve MX', await p.resolve('a.test', 'MX'));
  console.log('promises reverse', await p.reverse('192.0.2.1'));
  await p.resolve4('nx.test').catch((e) => show('promises resolve4 nx', e));
  const q = p.resolve4('silent-p.test').catch((e) => show('promises cancelled', e));
  p.cancel();
  await q;
  // dns.setServers binds dns/promises too only once dns.promises was read.
  dns.setServers([addr, '10.0.0.9']);
  console.log('dns/promises not rebound', dnsp.getServers().includes(addr), dns.getServers().length);
  console.log('same module', dns.promises === dnsp);
  dns.setServers([addr, '[::1]:5300', '10.0.0.1']);
  console.log('shared servers', dnsp.getServers().slice(1), dns.getServers().length);
  console.log('default resolve4', await dnsp.resolve4('a.test'));
  await new Promise((resolve) => dns.resolveMx('a.test', (err, v) => { show('default resolveMx', err, v); resolve(); }));
  dnsp.setServers(['10.0.0.2']);
  console.log('promises setServers leaves dns', dnsp.getServers(), dns.getServers().length);

  // Argument checks.
  attempt('Resolver maxTimeout -1', () => new dns.Resolver({ maxTimeout: -1 }));
  attempt('Resolver maxTimeout x', () => new dns.Resolver({ maxTimeout: 'x' }));
  attempt('Resolver tries 0', () => new dns.Resolver({ tries: 0 }));
  attempt('Resolver timeout 1.5', () => new dns.Resolver({ timeout: 1.5 }));
  attempt('Resolver non-object options', () => void new dns.Resolver(5));
  attempt('setServers bad port', () => r.setServers(['1.2.3.4:99999']));
  attempt('setServers no port', () => r.setServers(['1.2.3.4:']));
  attempt('setServers bracketed v4', () => { r.setServers(['[1.2.3.4]:5353', '[::2]', '::3']); return r.getServers(); });
  attempt('setServers port 0', () => { r.setServers(['1.2.3.4:0']); return r.getServers(); });
  attempt('setServers number', () => r.setServers([5]));
  attempt('setServers with holes', () => {
    const list = [];
    list[0] = '127.0.0.1';
    list[2] = '0.0.0.0:5353';
    r.setServers(list);
    return r.getServers();
  });
  attempt('setLocalAddress bogus', () => r.setLocalAddress('bogus'));
  attempt('setLocalAddress two v4', () => r.setLocalAddress('1.2.3.4', '5.6.7.8'));
  attempt('setLocalAddress two v6', () => r.setLocalAddress('::1', '::2'));
  attempt('setLocalAddress none', () => r.setLocalAddress());
  attempt('setLocalAddress v6 number', () => r.setLocalAddress('1.2.3.4', 5));
  attempt('reverse bogus', () => r.reverse('bogus', () => {}));
  attempt('resolve bad rrtype', () => r.resolve('a.test', 'BOGUS', () => {}));
  attempt('resolve rrtype number', () => r.resolve('a.test', 5, () => {}));
  attempt('resolve4 no callback', () => r.resolve4('a.test'));
  attempt('promises resolve4 number', () => p.resolve4(5));
  attempt('promises lookup hints string', () => dnsp.lookup('a.test', { hints: '1' }));
  attempt('promises lookup hints -1', () => dnsp.lookup('a.test', { hints: -1 }));
  attempt('promises lookup family 6 string', () => dnsp.lookup('a.test', { family: '6' }));
  attempt('promises lookup all string', () => dnsp.lookup('a.test', { all: 'true' }));
  attempt('promises lookup verbatim string', () => dnsp.lookup('a.test', { verbatim: 'true' }));
  attempt('promises lookup order bogus', () => dnsp.lookup('a.test', { order: 'true' }));
  attempt('promises lookup options string', () => dnsp.lookup('a.test', '6'));
  attempt('promises lookupService one arg', () => dnsp.lookupService('127.0.0.1'));
  attempt('setDefaultResultOrder 4', () => dns.setDefaultResultOrder(4));
  dns.setDefaultResultOrder('ipv6first');
  console.log('order', dns.getDefaultResultOrder(), dnsp.getDefaultResultOrder());

  // Name lookups that need no network.
  console.log('lookup v4 literal', await dnsp.lookup('192.0.2.1', { all: true }));
  console.log('lookup v6 literal', await dnsp.lookup('::1'));
  console.log('lookup localhost v4', await dnsp.lookup('localhost', { family: 4 }));
  attempt('promises lookup family name', () => dnsp.lookup('localhost', { family: 'IPv4' }));
  console.log('callback lookup family name', await new Promise((resolve) => {
    dns.lookup('localhost', { family: 'IPv4' }, (err, address, family) => resolve([err, address, family]));
  }));
  console.log('lookup 127.0.0.1 v4-mapped', await new Promise((resolve) => {
    dns.lookup('localhost', { family: 6, hints: dns.V4MAPPED, all: true }, (err, list) => {
      resolve(err ? err.code : list.filter((a) => a.address === '::ffff:127.0.0.1' || a.address === '::1').length > 0);
    });
  }));

  server.close();
});
