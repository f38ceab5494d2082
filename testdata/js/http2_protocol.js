'use strict';
// HTTP/2 protocol details: ALTSVC frames, a peer's stream limit (once its
// SETTINGS arrived, requests wait for a free stream), malformed requests
// reset with PROTOCOL_ERROR, header limits, promisified connect.
const http2 = require('http2');
const util = require('util');

const server = http2.createServer({ settings: { maxConcurrentStreams: 1 }, maxHeaderListPairs: 6 });
let active = 0;
server.on('session', (session) => session.altsvc('h2=":8000"', 'https://example.org:8111/x'));
server.on('stream', (stream, headers) => {
  active++;
  if (active > 1) console.log('more than one stream at once');
  stream.session.altsvc('h2=":9000"', stream.id);
  stream.respond();
  setImmediate(() => {
    active--;
    stream.end('ok ' + headers[':path']);
  });
});

server.listen(0, async () => {
  const url = `http://localhost:${server.address().port}`;
  const client = await util.promisify(http2.connect)(url);
  const alts = [];
  client.on('altsvc', (alt, origin, id) => alts.push(`${alt} ${JSON.stringify(origin)} ${id}`));
  const get = (headers) => new Promise((resolve) => {
    const req = client.request(headers);
    let body = '';
    req.setEncoding('utf8');
    req.on('response', (h) => console.log('response', headers[':path'], h[':status']));
    req.on('data', (d) => { body += d; });
    req.on('error', (e) => console.log('error', headers[':path'], e.code, e.message));
    req.on('close', () => resolve(body));
  });
  console.log('first', await get({ ':path': '/a' }));
  console.log('bad path', JSON.stringify(await get({ ':path': '/bad path' })));
  console.log('too many headers', JSON.stringify(await get({ ':path': '/h', a: '1', b: '2', c: '3' })));
  console.log('after the first SETTINGS', await Promise.all([get({ ':path': '/c' }), get({ ':path': '/d' })]));
  console.log(alts.sort());
  client.close();
  server.close();
});
