const { port1, port2 } = new MessageChannel();
const order = [];
port2.onmessage = (e) => {
  order.push(`msg:${JSON.stringify(e.data)}`);
  console.log('got', JSON.stringify(e.data), e instanceof Event, e.type, Object.prototype.toString.call(e));
  if (e.data.n === 2) port1.close();
};
const obj = { n: 1, nested: { a: [1, 2] } };
port1.postMessage(obj);
obj.n = 99;
port1.postMessage({ n: 2 });
order.push('sync');
setImmediate(() => order.push('immediate'));
process.nextTick(() => order.push('tick'));
port2.addEventListener('close', () => { console.log('port2 close'); console.log(order.join(' ')); });
port1.on('close', () => console.log('port1 close'));
try { port1.postMessage(() => {}); } catch (e) { console.log(e.name, e.message); }
const bc1 = new BroadcastChannel('ch'), bc2 = new BroadcastChannel('ch'), bc3 = new BroadcastChannel('other');
bc2.onmessage = (e) => { console.log('bc2', e.data); bc1.close(); bc2.close(); bc3.close(); };
bc3.onmessage = () => console.log('bc3 wrong');
bc1.postMessage('hello');
try { const b = new BroadcastChannel('x'); b.close(); b.postMessage(1); } catch (e) { console.log(e.name, e.message, e.code); }
console.log(bc1.name, typeof MessagePort);
try { new MessagePort(); } catch (e) { console.log(e.code); }
