// require('_http_common').HTTPParser used as node's binding parser:
// initialize(), execute() with callbacks, trailers through kOnHeaders,
// the bytes parsed, and a parse error returned (not thrown).
const { HTTPParser, methods } = require('_http_common');

function parser(kind, log) {
  const p = new HTTPParser();
  p.initialize(kind, {});
  p[HTTPParser.kOnHeadersComplete] = (major, minor, headers, method, url, status, message, upgrade, keepAlive) => {
    log.push(['head', major, minor, headers, method === undefined ? method : methods[method], url, status, message, upgrade, keepAlive]);
  };
  p[HTTPParser.kOnBody] = (b) => log.push(['body', String(b)]);
  p[HTTPParser.kOnHeaders] = (h) => log.push(['trailers', h]);
  p[HTTPParser.kOnMessageComplete] = () => log.push(['complete']);
  return p;
}

const log = [];
const req = parser(HTTPParser.REQUEST, log);
const chunked = Buffer.from('POST /it HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nping\r\n0\r\nVary: *\r\n\r\n');
console.log('parsed', req.execute(chunked));
for (const entry of log) console.log(JSON.stringify(entry));

const log2 = [];
const res = parser(HTTPParser.RESPONSE, log2);
console.log('parsed', res.execute(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\npong')));
for (const entry of log2) console.log(JSON.stringify(entry));

const bad = parser(HTTPParser.REQUEST, []);
const err = bad.execute(Buffer.from('GET / HTTP/1.1\r\nBad Header\r\n\r\n'));
console.log(err instanceof Error, err.code);
