const et = new EventTarget();
const log = [];
const h = (e) => log.push(`h:${e.type}:${e.target === et}:${e.eventPhase}:${e.isTrusted}`);
et.addEventListener('foo', h);
et.addEventListener('foo', h); // duplicate ignored
et.addEventListener('foo', { handleEvent(e) { log.push('obj:' + e.type); } }, { once: true });
et.addEventListener('foo', (e) => { e.preventDefault(); log.push('pd'); }, { passive: true });
console.log(et.dispatchEvent(new Event('foo', { cancelable: true })));
console.log(et.dispatchEvent(new Event('foo')));
console.log(log.join(','));
const e2 = new Event('bar', { cancelable: true });
et.addEventListener('bar', (e) => { e.preventDefault(); e.stopImmediatePropagation(); });
et.addEventListener('bar', () => console.log('not reached'));
console.log(et.dispatchEvent(e2), e2.defaultPrevented, e2.eventPhase, e2.target === et, e2.currentTarget);
const ce = new CustomEvent('c', { detail: { x: 1 } });
console.log(ce.detail.x, ce instanceof Event, Object.prototype.toString.call(ce), JSON.stringify(Object.keys(ce)));
try { et.dispatchEvent({ type: 'x' }); } catch (e) { console.log(e.code, e.message); }
try { new Event(); } catch (e) { console.log(e.code, e.message); }
const ac = new AbortController();
ac.signal.onabort = (e) => console.log('onabort', e.type, e.isTrusted);
ac.signal.addEventListener('abort', () => console.log('listener', ac.signal.aborted, ac.signal.reason.name, ac.signal.reason.message));
ac.abort();
ac.abort();
try { ac.signal.throwIfAborted(); } catch (e) { console.log('thrown', e.name, e.code); }
const s2 = AbortSignal.abort('why'); console.log(s2.aborted, s2.reason);
try { new AbortSignal(); } catch (e) { console.log(e.code, e.message); }
const a1 = new AbortController(), a2 = new AbortController();
const any = AbortSignal.any([a1.signal, a2.signal]);
any.addEventListener('abort', () => console.log('any aborted', any.reason));
a2.abort('r2');
const t = AbortSignal.timeout(10);
t.addEventListener('abort', () => console.log('timeout', t.reason.name, t.reason.message, t.reason.code));
const keep = setTimeout(() => {}, 50);
try { AbortSignal.timeout(-1); } catch (e) { console.log(e.code); }
const { getEventListeners, once } = require('events');
console.log(getEventListeners(et, 'foo').length);
const ac3 = new AbortController();
once(et, 'zzz', { signal: ac3.signal }).catch((e) => console.log('once rejected', e.name, e.code));
ac3.abort();
