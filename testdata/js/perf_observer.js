// PerformanceObserver, timerify and the URL/querystring edge cases fixed
// alongside them.
const { performance, PerformanceObserver, timerify } = require('perf_hooks');
const util = require('util');

const seen = [];
const obs = new PerformanceObserver((list, o) => {
  console.log('callback', o === obs, String(list), list.getEntries().map((e) => `${e.entryType}:${e.name}`).join(','));
  console.log('byType', list.getEntriesByType('measure').length, 'byName', list.getEntriesByName('m2').length);
  seen.push(...list.getEntries());
  o.disconnect();
});
obs.observe({ entryTypes: ['mark', 'measure', 'bogus'] });
performance.mark('m1');
console.log('taken', obs.takeRecords().map((e) => e.name).join(','));
performance.mark('m2');
performance.measure('span', 'm1', 'm2');
console.log('sync', seen.length);

for (const bad of [{}, { type: 'mark', entryTypes: ['mark'] }]) {
  try { new PerformanceObserver(() => {}).observe(bad); } catch (e) { console.log(e.code); }
}
try { new PerformanceObserver(1); } catch (e) { console.log(e.code); }
console.log(['mark', 'measure', 'function', 'gc'].every((t) => PerformanceObserver.supportedEntryTypes.includes(t)));

const f = performance.timerify(function add(a, b) { return a + b; });
console.log(f.name, f.length, f(2, 3), timerify(f).name);
const fo = new PerformanceObserver((list) => {
  const [e] = list.getEntries();
  console.log('function entry', e.entryType, e.name, JSON.stringify(e.detail));
  fo.disconnect();
});
fo.observe({ type: 'function' });
f(4, 5);

const sp = new URLSearchParams('??a=1&b=2');
console.log(String(sp), util.inspect(sp, { depth: -1 }), util.inspect(sp, { breakLength: 1 }));
try { sp.get(Symbol('x')); } catch (e) { console.log(e.name, e.message); }
try { sp.entries().next.call(undefined); } catch (e) { console.log(e.code); }
console.log(require('url').resolve('mailto:user@example.org', 'mailto:another.host.com'));
console.log(require('url').pathToFileURL('/a[b]|~c').href);
const qs = require('querystring');
console.log(qs.escape('\uD801test'), Object.keys(qs.parse('&a', null, null, { maxKeys: 1 })).length);
