'use strict';
// compose(...streams): one Duplex that writes into the first stream and
// reads from the last, with the streams piped together by pipeline().

const { pipeline } = require('internal/streams/pipeline');
const duplexify = require('internal/streams/duplexify');
const { destroyer } = require('internal/streams/destroy');
const {
  isNodeStream, isReadable, isWritable, isReadableNodeStream, isWritableNodeStream,
} = require('internal/streams/utils');
const { codes: { ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS } } = require('internal/errors');

function compose(...streams) {
  if (streams.length === 0) throw new ERR_MISSING_ARGS('streams');
  if (streams.length === 1) return duplexify(streams[0], 'streams[0]');

  const orgStreams = streams.slice();
  if (typeof streams[0] === 'function') streams[0] = duplexify(streams[0], 'streams[0]');
  const last = streams.length - 1;
  if (typeof streams[last] === 'function') streams[last] = duplexify(streams[last], `streams[${last}]`);

  for (let n = 0; n < streams.length; ++n) {
    if (!isNodeStream(streams[n])) continue;
    if (n < last && !isReadable(streams[n])) {
      throw new ERR_INVALID_ARG_VALUE(`streams[${n}]`, orgStreams[n], 'must be readable');
    }
    if (n > 0 && !isWritable(streams[n])) {
      throw new ERR_INVALID_ARG_VALUE(`streams[${n}]`, orgStreams[n], 'must be writable');
    }
  }

  const head = streams[0];
  const tail = streams[last];
  const d = duplexify.fromPair({
    writable: isWritableNodeStream(head) && isWritable(head) ? head : undefined,
    readable: isReadableNodeStream(tail) && isReadable(tail) ? tail : undefined,
  });
  pipeline(streams, (err) => {
    if (err) destroyer(d, err);
  });
  return d;
}

module.exports = compose;
