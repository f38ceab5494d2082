'use strict';
// The WebSocket client against a small RFC 6455 server written here on
// http's 'upgrade' event: open, text and binary messages (blob and
// arraybuffer), fragmented and 64 KiB frames, ping/pong, subprotocols,
// close codes from either side, a refused handshake, and argument errors.
const http = require('http');
const crypto = require('crypto');

function serverFrame(opcode, payload, fin = true) {
  const len = payload.length;
  const head = len < 126 ? Buffer.from([(fin ? 0x80 : 0) | opcode, len])
    : len < 65536 ? Buffer.from([(fin ? 0x80 : 0) | opcode, 126, len >> 8, len & 255])
    : (() => { const b = Buffer.alloc(10); b[0] = (fin ? 0x80 : 0) | opcode; b[1] = 127; b.writeBigUInt64BE(BigInt(len), 2); return b; })();
  return Buffer.concat([head, payload]);
}

function parseFrames(buf, onFrame) {
  while (buf.length >= 2) {
    let len = buf[1] & 0x7f;
    let off = 2;
    if (len === 126) { len = buf.readUInt16BE(2); off = 4; }
    else if (len === 127) { len = Number(buf.readBigUInt64BE(2)); off = 10; }
    const masked = (buf[1] & 0x80) !== 0;
    if (buf.length < off + (masked ? 4 : 0) + len) break;
    const mask = buf.subarray(off, off + 4);
    off += 4;
    const payload = Buffer.alloc(len);
    for (let i = 0; i < len; i++) payload[i] = buf[off + i] ^ mask[i & 3];
    onFrame(buf[0] & 0x0f, payload, masked);
    buf = buf.subarray(off + len);
  }
  return buf;
}

const server = http.createServer((req, res) => { res.writeHead(403); res.end('no'); });
server.on('upgrade', (req, socket) => {
  const accept = crypto.createHash('sha1').update(req.headers['sec-websocket-key'] + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
  const protos = req.headers['sec-websocket-protocol'];
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
    `Sec-WebSocket-Accept: ${accept}\r\n` + (protos ? `Sec-WebSocket-Protocol: ${protos.split(',')[0].trim()}\r\n` : '') + '\r\n');
  let buf = Buffer.alloc(0);
  socket.on('data', (d) => {
    buf = parseFrames(Buffer.concat([buf, d]), (op, payload, masked) => {
      if (!masked) console.log('server: unmasked frame!');
      if (op === 0x8) {
        console.log('server: close frame', payload.length >= 2 ? payload.readUInt16BE(0) : 'no code', JSON.stringify(payload.subarray(2).toString()));
        socket.end(serverFrame(0x8, payload));
        return;
      }
      if (op === 0xA) { console.log('server: pong', payload.toString()); return; }
      const text = payload.toString();
      if (op === 0x1 && text === 'fragments') {
        socket.write(serverFrame(0x1, Buffer.from('frag'), false));
        socket.write(serverFrame(0x0, Buffer.from('men'), false));
        socket.write(serverFrame(0x9, Buffer.from('ping!')));
        socket.write(serverFrame(0x0, Buffer.from('ted'), true));
      } else if (op === 0x1 && text === 'big') {
        socket.write(serverFrame(0x2, Buffer.alloc(70000, 7)));
      } else if (op === 0x1 && text === 'bye') {
        const p = Buffer.alloc(2 + 4);
        p.writeUInt16BE(4001, 0);
        p.write('done', 2);
        socket.write(serverFrame(0x8, p));
      } else {
        socket.write(serverFrame(op, payload)); // echo
      }
    });
  });
  socket.on('error', () => {});
});

server.listen(0, '127.0.0.1', async () => {
  const url = `ws://127.0.0.1:${server.address().port}/chat`;
  const ws = new WebSocket(url, ['chat', 'other']);
  console.log('state:', ws.readyState, ws.url.replace(/:\d+/, ':PORT'), ws.binaryType, WebSocket.OPEN, ws.CLOSED);
  try { ws.send('early'); } catch (e) { console.log('early send:', e.name); }
  const messages = [];
  let filled = 0;
  ws.onmessage = async (ev) => {
    // A slot per message in arrival order: a Blob's text comes later.
    const i = messages.push(undefined) - 1;
    const d = ev.data;
    if (typeof d === 'string') messages[i] = `text ${d}`;
    else if (d instanceof Blob) messages[i] = `blob ${d.size} ${await d.text()}`;
    else messages[i] = `arraybuffer ${d.byteLength} ${new Uint8Array(d)[0]}`;
    if (++filled === 5) {
      console.log(messages.join('\n'));
      ws.send('bye');
    }
  };
  ws.addEventListener('open', () => {
    console.log('open:', ws.readyState, JSON.stringify(ws.protocol), ws.extensions === '');
    ws.send('hello');
    ws.send(new Uint8Array([104, 105]));
    ws.send('fragments');
    setTimeout(() => {
      ws.binaryType = 'arraybuffer';
      ws.send('big');
      ws.send(new Blob(['blob!']));
    }, 100);
  });
  ws.onclose = (ev) => {
    console.log('close:', ev.constructor.name, ev.code, JSON.stringify(ev.reason), ev.wasClean, ws.readyState);
    second();
  };
});

function second() {
  const port = server.address().port;
  const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
  ws.onopen = () => ws.close(3001, 'client says bye');
  ws.onclose = (ev) => {
    console.log('client close:', ev.code, JSON.stringify(ev.reason), ev.wasClean);
    third();
  };
}

function third() {
  // The server answers 403 instead of upgrading.
  const http2 = http.createServer((req, res) => { res.writeHead(403); res.end(); });
  http2.listen(0, '127.0.0.1', () => {
    const ws = new WebSocket(`ws://127.0.0.1:${http2.address().port}/`);
    ws.onerror = (ev) => console.log('refused: error event', ev.type);
    ws.onclose = (ev) => {
      console.log('refused close:', ev.code, ev.wasClean);
      for (const bad of ['ftp://x/', 'ws://x/#frag', 'not a url']) {
        try { new WebSocket(bad); } catch (e) { console.log('bad url:', e.name); }
      }
      try { new WebSocket('ws://x/', ['a', 'a']); } catch (e) { console.log('dup protocol:', e.name); }
      const w = new WebSocket(`ws://127.0.0.1:${server.address().port}/`);
      try { w.close(1001); } catch (e) { console.log('bad code:', e.name); }
      w.onerror = () => console.log('closed while connecting: error');
      w.onclose = (ev) => {
        console.log('closed while connecting:', ev.code, ev.wasClean);
        const ce = new CloseEvent('close', { code: 1000, reason: 'r', wasClean: true });
        console.log('CloseEvent:', ce.code, ce.reason, ce.wasClean, ce instanceof Event);
        http2.close();
        server.close();
      };
      w.close();
    };
  });
}
