'use strict';
// node:http2 over cleartext TCP (h2c): a server and a client in one
// process exchanging headers, bodies both ways, trailers, settings, ping
// and goaway, with the events printed in a deterministic order.
const http2 = require('http2');
const assert = require('assert');

const log = (...a) => console.log(...a);

log('defaults', JSON.stringify(http2.getDefaultSettings()));
const packed = http2.getPackedSettings({ enablePush: false, initialWindowSize: 100000 });
log('packed', packed.toString('hex'));
log('unpacked', JSON.stringify(http2.getUnpackedSettings(packed)));
assert.throws(() => http2.getPackedSettings({ maxFrameSize: 1 }), { code: 'ERR_HTTP2_INVALID_SETTING_VALUE', name: 'RangeError' });
log('constants', http2.constants.NGHTTP2_CANCEL, http2.constants.HTTP2_HEADER_STATUS, http2.constants.HTTP_STATUS_OK);

const serverCloses = [];
const server = http2.createServer({ settings: { maxConcurrentStreams: 50 } });
server.on('session', (session) => {
  session.once('goaway', (code, last, opaque) => log('server goaway', code, last, opaque));
});
server.on('stream', (stream, headers, flags, rawHeaders) => {
  log('server stream', headers[':method'], headers[':path'], headers['x-req'], 'flags', flags);
  log('server raw', rawHeaders.filter((_, i) => i % 2 === 0 && !rawHeaders[i].startsWith(':')).join(','));
  if (headers[':path'] === '/reset') {
    stream.on('error', (e) => log('server reset error', e.code));
    stream.close(http2.constants.NGHTTP2_REFUSED_STREAM);
    return;
  }
  let body = '';
  stream.setEncoding('utf8');
  stream.on('data', (d) => { body += d; });
  stream.on('trailers', (t) => log('server got trailers', t['x-client-trailer']));
  stream.on('end', () => {
    log('server body', JSON.stringify(body));
    stream.respond({ ':status': 201, 'content-type': 'text/plain', 'x-multi': ['a', 'b'] },
                   { waitForTrailers: true });
    stream.on('wantTrailers', () => stream.sendTrailers({ 'x-server-trailer': 'done' }));
    stream.write('echo:');
    stream.end(body.toUpperCase());
  });
  stream.on('close', () => { serverCloses.push(stream.rstCode); });
});

server.listen(0, () => {
  const client = http2.connect(`http://localhost:${server.address().port}`);
  client.on('connect', () => log('client connect', client.alpnProtocol, client.encrypted));
  client.once('remoteSettings', (s) => {
    log('client remoteSettings maxConcurrentStreams', s.maxConcurrentStreams);
    step1(client);
  });
});

function step1(client) {
  const req = client.request({ ':method': 'POST', ':path': '/upload', 'x-req': 'yes' },
                             { waitForTrailers: true });
  req.on('wantTrailers', () => req.sendTrailers({ 'x-client-trailer': 'sent' }));
  req.on('response', (headers, flags) => {
    log('client response', headers[':status'], headers['content-type'], headers['x-multi'], 'flags', flags);
  });
  req.on('trailers', (t) => log('client trailers', t['x-server-trailer']));
  let data = '';
  req.setEncoding('utf8');
  req.on('data', (d) => { data += d; });
  req.on('end', () => log('client body', data));
  req.on('close', () => {
    log('client req close', req.rstCode, req.closed);
    step2(client);
  });
  req.write('hello ');
  req.end('world');
}

function step2(client) {
  const r = client.request({ ':path': '/reset' });
  r.on('error', (e) => log('reset error', e.code, e.message));
  r.on('close', () => {
    log('reset close', r.rstCode);
    client.settings({ initialWindowSize: 70000 }, (err, settings) => {
      log('settings ack', err, settings.initialWindowSize, client.localSettings.initialWindowSize);
      client.ping(Buffer.from('abcdefgh'), (err, duration, payload) => {
        log('ping', err, typeof duration, payload.toString());
        client.on('close', () => {
          log('client close', client.closed, client.destroyed);
          server.close(() => log('server closed, stream close codes', serverCloses.join(',')));
        });
        client.close();
      });
    });
  });
  r.resume();
}
