const dgram = require('dgram');
const server = dgram.createSocket('udp4');
server.on('error', (err) => { console.log('server error', err.message); server.close(); });
server.on('message', (msg, rinfo) => {
  console.log('server got', msg.toString(), rinfo.family, rinfo.size, rinfo.address);
  server.send(Buffer.from('pong:' + msg), rinfo.port, rinfo.address, (err, n) => console.log('reply sent', err, n));
});
server.on('listening', () => {
  const a = server.address();
  console.log('listening', a.address, a.family, typeof a.port);
  const client = dgram.createSocket({ type: 'udp4' });
  client.on('message', (msg, rinfo) => {
    console.log('client got', msg.toString(), rinfo.port === a.port);
    const other = dgram.createSocket('udp4');
    other.bind(a.port, (e) => {});
    other.on('error', (e) => {
      console.log('bind error', e.code, e.message.replace(String(a.port), 'PORT'), e.syscall, e.address, e.port === a.port);
      other.close();
      client.connect(a.port, '127.0.0.1', () => {
        console.log('connected', client.remoteAddress().port === a.port);
        try { client.connect(a.port); } catch (e) { console.log(e.code, e.message); }
        client.send('via connect', (err) => {
          console.log('sent connected', err);
          client.disconnect();
          try { client.remoteAddress(); } catch (e) { console.log(e.code, e.message); }
          client.close(() => {
            console.log('client closed');
            try { client.send('x', a.port); } catch (e) { console.log(e.code, e.message); }
            try { client.close(); } catch (e) { console.log(e.code, e.message); }
            setTimeout(() => server.close(() => console.log('server closed')), 20);
          });
        });
      });
    });
  });
  client.send('ping', 0, 4, a.port, '127.0.0.1', (err, n) => console.log('sent', err, n));
});
try { dgram.createSocket('udp5'); } catch (e) { console.log(e.code, e.message); }
try { server.send('x', 70000); } catch (e) { console.log(e.code, e.message); }
server.bind(0, '127.0.0.1');
try { server.bind(0); } catch (e) { console.log(e.code, e.message); }
const u = dgram.createSocket('udp4');
try { u.setRecvBufferSize(0); } catch (e) { console.log(e.code, e.message); }
try { u.getRecvBufferSize(); } catch (e) { console.log(e.code, e.message); }
u.bind(() => {
  u.setRecvBufferSize(8192);
  console.log('recvbuf', u.getRecvBufferSize());
  u.setBroadcast(true); u.setTTL(10); u.setMulticastTTL(2); u.setMulticastLoopback(true);
  u.addMembership('239.1.2.3');
  u.dropMembership('239.1.2.3');
  u.unref();
});
