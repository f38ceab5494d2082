'use strict';
// Server push (pushStream / createPushResponse), the http2 diagnostics
// channels, and settings helpers.
const http2 = require('http2');
const dc = require('diagnostics_channel');

const seen = [];
for (const name of ['http2.client.stream.created', 'http2.client.stream.start',
  'http2.client.stream.finish', 'http2.client.stream.close',
  'http2.server.stream.created', 'http2.server.stream.start',
  'http2.server.stream.finish', 'http2.server.stream.close',
  'http2.client.stream.bodyChunkSent', 'http2.client.stream.bodySent']) {
  dc.subscribe(name, ({ stream }) => seen.push(`${name} ${stream.constructor.name}`));
}

console.log(http2.getPackedSettings().length, http2.getPackedSettings({ enablePush: false }));
console.log(http2.getUnpackedSettings(new Uint16Array([0, 3, 0, 0, 0, 7])));

const server = http2.createServer();
server.on('stream', (stream, headers) => {
  console.log('server stream', headers[':path'], stream.pushAllowed);
  stream.respond({ ':status': 200 });
  stream.end('main');
  stream.pushStream({ ':path': '/pushed' }, (err, push, pushHeaders) => {
    console.log('pushStream', err, push.id, pushHeaders[':method'], pushHeaders[':path']);
    try {
      push.pushStream({}, () => {});
    } catch (e) {
      console.log(e.code);
    }
    push.respond({ ':status': 200, 'x-pushed': 'yes' });
    push.end('pushed body');
  });
});

server.listen(0, () => {
  const client = http2.connect(`http://localhost:${server.address().port}`);
  let pending = 2;
  const done = () => {
    if (--pending > 0) return;
    client.close();
    server.close(() => {
      console.log(seen.sort().join('\n'));
    });
  };
  client.on('stream', (push, headers) => {
    console.log('client push', push.id, headers[':path'], headers[':scheme']);
    push.on('push', (h) => console.log('push response', h[':status'], h['x-pushed']));
    let body = '';
    push.setEncoding('utf8');
    push.on('data', (d) => { body += d; });
    push.on('end', () => {
      console.log('push body', body);
      done();
    });
  });
  const req = client.request({ ':method': 'POST', ':path': '/' });
  req.write('abc');
  req.end();
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    console.log('main body', body);
    done();
  });
});
