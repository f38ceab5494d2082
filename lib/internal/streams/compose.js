'use strict';
// compose(...streams): one Duplex that writes into the first stream and
// reads from the last, with the streams piped together by pipeline(). It
// finishes once the last stream has taken everything.

const { pipeline } = require('internal/streams/pipeline');
const duplexify = require('internal/streams/duplexify');
const { destroyer } = require('internal/streams/destroy');
const {
  isNodeStream, isReadable, isWritable, isReadableNodeStream, isWritableNodeStream, isWebStream,
} = require('internal/streams/utils');
const { codes: { ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS }, AbortError } = require('internal/errors');

function compose(...streams) {
  if (streams.length === 0) throw new ERR_MISSING_ARGS('streams');
  if (streams.length === 1) return duplexify(streams[0], 'streams[0]');

  const orgStreams = streams.slice();
  // Web streams take part through their node:stream adapters.
  for (let n = 0; n < streams.length; ++n) {
    if (isWebStream(streams[n])) streams[n] = require('internal/webstreams/adapters').toNodeStream(streams[n]);
  }
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
  const writable = isWritableNodeStream(head) && !!isWritable(head);
  const readable = isReadableNodeStream(tail) && !!isReadable(tail);
  let ondrain;
  let onfinish;
  let onreadable;
  let onclose;
  let d;

  function onfinished(err) {
    const cb = onclose;
    onclose = null;
    if (cb) cb(err);
    else if (err) d.destroy(err);
    else if (!readable && !writable) d.destroy();
  }

  d = new duplexify.Duplexify({
    readableObjectMode: !!tail?.readableObjectMode,
    writableObjectMode: !!head?.writableObjectMode,
    readable,
    writable,
  });

  if (writable) {
    d._write = function(chunk, encoding, callback) {
      if (head.write(chunk, encoding)) callback();
      else ondrain = callback;
    };
    d._final = function(callback) {
      head.end();
      onfinish = callback;
    };
    head.on('drain', () => {
      if (ondrain) {
        const cb = ondrain;
        ondrain = null;
        cb();
      }
    });
    tail.on('finish', () => {
      if (onfinish) {
        const cb = onfinish;
        onfinish = null;
        cb();
      }
    });
  }

  if (readable) {
    tail.on('readable', () => {
      if (onreadable) {
        const cb = onreadable;
        onreadable = null;
        cb();
      }
    });
    tail.on('end', () => { d.push(null); });
    d._read = function() {
      while (true) {
        const buf = tail.read();
        if (buf === null) {
          onreadable = d._read;
          return;
        }
        if (!d.push(buf)) return;
      }
    };
  }

  d._destroy = function(err, callback) {
    if (!err && onclose !== null) err = new AbortError();
    onreadable = null;
    ondrain = null;
    onfinish = null;
    if (onclose === null) {
      callback(err);
    } else {
      onclose = callback;
      if (isNodeStream(tail)) destroyer(tail, err);
    }
  };

  pipeline(streams, onfinished);
  return d;
}

module.exports = compose;
