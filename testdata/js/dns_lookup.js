'use strict';
// dns lookups that work offline (localhost, IP literals), argument
// checks, result order, servers, and the promises API.
const dns = require('dns');
const dnsp = require('dns/promises');
const { promisify } = require('util');

function lookupCb(...args) {
  return new Promise((resolve) => dns.lookup(...args, (...r) => resolve(r)));
}

(async () => {
  console.log('lookup localhost', await lookupCb('localhost', 4));
  console.log('lookup all v4', await lookupCb('localhost', { all: true, family: 4 }));
  console.log('lookup ip all', await lookupCb('127.0.0.1', { all: true }));
  console.log('lookup ::1', await lookupCb('::1'));
  console.log('lookup null v6', await lookupCb(null, { family: 6 }));
  console.log('lookup family string', await lookupCb('localhost', { family: 'IPv4' }));
  // The service name comes from /etc/services, which minimal systems lack.
  const [err, host, service] = await new Promise((r) => dns.lookupService('127.0.0.1', 22, (...a) => r(a)));
  console.log('lookupService', err, host, service === 'ssh' || service === '22');
  console.log('promises lookup', await dnsp.lookup('localhost', 4));
  console.log('promises lookup all', await dnsp.lookup('127.0.0.1', { all: true }));
  const ps = await dnsp.lookupService('127.0.0.1', 80);
  console.log('promises lookupService', ps.hostname, ps.service === 'http' || ps.service === '80');
  console.log('promisify lookup', await promisify(dns.lookup)('127.0.0.1'));
  for (const bad of [[1], ['x', { family: 5 }], ['x', { order: 'x' }], ['x', { hints: 99999 }], ['x', 'y']]) {
    try { dns.lookup(...bad, () => {}); } catch (e) { console.log(e.code, e.message); }
  }
  try { dns.lookup('x'); } catch (e) { console.log(e.code, e.message); }
  try { dns.lookupService('1.2.3.4'); } catch (e) { console.log(e.code, e.message); }
  try { dns.lookupService('x', 1, () => {}); } catch (e) { console.log(e.code, e.message); }
  try { dns.lookupService('1.2.3.4', 99999, () => {}); } catch (e) { console.log(e.code, e.message); }
  console.log(dns.getDefaultResultOrder());
  dns.setDefaultResultOrder('ipv4first');
  console.log(dns.getDefaultResultOrder(), dnsp.getDefaultResultOrder());
  try { dns.setDefaultResultOrder('bogus'); } catch (e) { console.log(e.code, e.message); }
  const r = new dns.Resolver({ timeout: 100, tries: 1 });
  r.setServers(['127.0.0.1:5353', '[::1]:53', '8.8.8.8', '1.1.1.1:53', '[2001:db8::1]:5300']);
  console.log(r.getServers());
  try { r.setServers(['bogus']); } catch (e) { console.log(e.code, e.message); }
  try { r.setServers('x'); } catch (e) { console.log(e.code, e.message); }
  try { new dns.Resolver({ timeout: 'x' }); } catch (e) { console.log(e.code, e.message); }
  try { dns.resolve('x', 'BOGUS', () => {}); } catch (e) { console.log(e.code, e.message); }
  try { dns.resolve4(1, () => {}); } catch (e) { console.log(e.code, e.message); }
  console.log(dns.NOTFOUND, dns.NODATA, dns.TIMEOUT, dns.CANCELLED, dns.ADDRCONFIG, dns.V4MAPPED, dns.ALL);
  console.log(typeof dns.promises.Resolver, dns.promises === dnsp, Object.keys(dns).length, Object.keys(dnsp).length);
  console.log(Object.getOwnPropertyNames(dns.Resolver.prototype).sort().join());
})();
