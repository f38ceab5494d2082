const net = require('net');
console.log(Object.keys(net).sort().join());
console.log(net.isIP('1.2.3.4'), net.isIP('::1'), net.isIP('x'), net.isIPv4('1.2.3.4'), net.isIPv6('::ffff:1.2.3.4'));
console.log(net.getDefaultAutoSelectFamily(), net.getDefaultAutoSelectFamilyAttemptTimeout());
net.setDefaultAutoSelectFamilyAttemptTimeout(5); console.log(net.getDefaultAutoSelectFamilyAttemptTimeout());
const s = new net.Socket();
console.log(s.readyState, s.pending, s.connecting, s.bytesRead, s.bytesWritten, s.remoteAddress, s.localPort, s.timeout, JSON.stringify(s.address()));
console.log(s instanceof require('stream').Duplex, net.Stream === net.Socket, s.allowHalfOpen);
s.setTimeout(100); console.log(s.timeout); s.setTimeout(0);
s.setNoDelay(); s.setKeepAlive(true, 1000); s.ref(); s.unref();
try { s.setTimeout(-1); } catch (e) { console.log(e.code, e.message); }
try { s.setTimeout('x'); } catch (e) { console.log(e.code, e.message); }
const srv = net.createServer();
console.log(srv.listening, srv.address(), srv.maxConnections, srv instanceof require('events'));
try { net.createServer(5); } catch (e) { console.log(e.code, e.message); }
try { srv.getConnections(); } catch (e) { console.log(e.code, e.message); }
s.destroy();
s.on('close', (h) => console.log('close', h, s.destroyed, s.readyState));
const c = net.connect({ port: 1, host: '127.0.0.1' });
c.on('error', (e) => console.log('error', e.code));
c.destroy();
c.on('close', (h) => console.log('destroyed while connecting: close', h));
