'use strict';
// EventSource (--experimental-eventsource): stream parsing across chunks,
// line endings, ids and retry, reconnection with Last-Event-ID, redirects,
// and failures on a bad status or content type.

const http = require('http');

let hits = 0;
const chunks = [
  '\ufeff: a comment\r', '\nretry: 20\r\ndata: one\r', '\ndata:two\r\rid: 5\n', 'event: ping\ndata: p\n\n',
  'data: bad id\nid: a\0b\n\n', 'data: x', 'yz\n\ndata: never dispatched',
];
const server = http.createServer((req, res) => {
  hits++;
  console.log('request', req.url, req.headers.accept, req.headers['last-event-id']);
  if (req.url === '/moved') {
    res.writeHead(307, { location: '/stream' });
    res.end();
    return;
  }
  if (req.url === '/404') {
    res.writeHead(404);
    res.end();
    return;
  }
  if (req.url === '/text') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('data: no\n\n');
    return;
  }
  res.writeHead(200, { 'content-type': 'Text/Event-Stream;charset=utf-8' });
  if (hits > 2) {
    res.end('data: again\n\n');
    return;
  }
  let i = 0;
  const next = () => {
    if (i === chunks.length) {
      res.end();
      return;
    }
    res.write(chunks[i++]);
    setTimeout(next, 5);
  };
  next();
});

server.listen(0, '127.0.0.1', () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const es = new EventSource(`${base}/moved`);
  console.log('state', es.readyState, es.url === `${base}/moved`, es.withCredentials);
  let errors = 0;
  es.onopen = () => console.log('open', es.readyState);
  es.onmessage = (e) => console.log('message', JSON.stringify(e.data), JSON.stringify(e.lastEventId), e.origin === base);
  es.addEventListener('ping', (e) => console.log('ping', e.data, e.lastEventId));
  es.onerror = () => {
    errors++;
    console.log('error', es.readyState);
    if (errors < 2) return;
    es.close();
    console.log('closed', es.readyState);
    const notFound = new EventSource(`${base}/404`);
    notFound.onerror = () => {
      console.log('404 error', notFound.readyState);
      const text = new EventSource(`${base}/text`);
      text.onmessage = () => console.log('unexpected');
      text.onerror = () => {
        console.log('text/plain error', text.readyState);
        server.close();
      };
    };
  };
  for (const bad of ['http://[', 'not a url']) {
    try {
      new EventSource(bad);
    } catch (e) {
      console.log(e.name, e.message);
    }
  }
  console.log(EventSource.CONNECTING, EventSource.OPEN, EventSource.CLOSED, es.CLOSED);
});
