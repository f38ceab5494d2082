const net = require('net');
const util = require('util');
const s1 = net.createServer().listen(0, '127.0.0.1', () => {
  const port = s1.address().port;
  const s2 = net.createServer();
  s2.on('error', (e) => {
    console.log('listen error:', e.message.replace(String(port), 'PORT'), e.code, e.errno, e.syscall, e.address, e.port === port);
    s1.close(() => {
      console.log('s1 closed, listening', s1.listening);
      const c = net.connect(port, '127.0.0.1');
      c.on('error', (e) => {
        console.log('connect error:', e.message.replace(String(port), 'PORT'), e.code, e.errno, e.syscall, e.address, e.port === port);
        console.log(Object.keys(e));
      });
      c.on('close', (h) => console.log('close hadError', h, c.destroyed));
    });
  });
  s2.listen(port, '127.0.0.1');
});
const s3 = net.createServer();
s3.listen(0, () => { const a = s3.address(); console.log('default listen', a.address, a.family); s3.close(); });
try { net.connect(70000); } catch (e) { console.log(e.code, e.message); }
try { net.connect({}); } catch (e) { console.log(e.code, e.message); }
try { net.createServer().listen({}); } catch (e) { console.log(e.code, e.message); }
const ns = new net.Socket(); ns.on('error', (e) => console.log('sock error', e.code)); ns.write('x', (e) => console.log('write cb', e.code, e.message));
net.createServer().close((e) => console.log('close cb', e.code, e.message));
