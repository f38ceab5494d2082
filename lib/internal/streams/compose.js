'use strict';
// compose(...streams): one Duplex that writes into the first stream and
// reads from the last, with the streams piped together by pipeline(). It
// finishes once the last stream has taken everything.

const { pipeline } = require('internal/streams/pipeline');
const duplexify = require('internal/streams/duplexify');
const { destroyer } = require('internal/streams/destroy');
const eos = require('internal/streams/end-of-stream');
const {
  isNodeStream, isReadable, isWritable, isReadableNodeStream, isWritableNodeStream, isWebStream,
  isReadableStream, isWritableStream, isTransformStream,
} = require('internal/streams/utils');
const { codes: { ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS }, AbortError } = require('internal/errors');

function compose(...streams) {
  if (streams.length === 0) throw new ERR_MISSING_ARGS('streams');
  if (streams.length === 1) return duplexify(streams[0], 'streams[0]');

  const orgStreams = streams.slice();
  if (typeof streams[0] === 'function') streams[0] = duplexify(streams[0], 'streams[0]');
  const last = streams.length - 1;
  if (typeof streams[last] === 'function') streams[last] = duplexify(streams[last], `streams[${last}]`);

  for (let n = 0; n < streams.length; ++n) {
    const s = streams[n];
    if (!isNodeStream(s) && !isWebStream(s)) continue;
    if (n < last && !(isReadable(s) || isReadableStream(s) || isTransformStream(s))) {
      throw new ERR_INVALID_ARG_VALUE(`streams[${n}]`, orgStreams[n], 'must be readable');
    }
    if (n > 0 && !(isWritable(s) || isWritableStream(s) || isTransformStream(s))) {
      throw new ERR_INVALID_ARG_VALUE(`streams[${n}]`, orgStreams[n], 'must be writable');
    }
  }

  const head = streams[0];
  const tail = streams[last];
  // A web stream at either end is used as it is: the Duplex writes into
  // the head's writable side and reads the tail's readable side (only when
  // it is read), while the pipeline carries the data in between.
  const stages = streams.slice();
  if (isTransformStream(head)) stages[0] = head.readable;
  if (isTransformStream(tail)) stages[last] = tail.writable;
  const writable = isWritableNodeStream(head) ? !!isWritable(head) : isWritableStream(head) || isTransformStream(head);
  const readable = isReadableNodeStream(tail) ? !!isReadable(tail) : isReadableStream(tail) || isTransformStream(tail);
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

  const finished = () => {
    if (onfinish) {
      const cb = onfinish;
      onfinish = null;
      cb();
    }
  };

  if (writable && isNodeStream(head)) {
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
  } else if (writable) {
    const writer = (isTransformStream(head) ? head.writable : head).getWriter();
    d._write = async function(chunk, encoding, callback) {
      try {
        await writer.ready;
        writer.write(chunk).catch(nop);
        callback();
      } catch (err) {
        callback(err);
      }
    };
    d._final = async function(callback) {
      try {
        await writer.ready;
        writer.close().catch(nop);
        onfinish = callback;
      } catch (err) {
        callback(err);
      }
    };
  }
  if (writable) {
    if (isNodeStream(tail)) tail.on('finish', finished);
    else eos(isTransformStream(tail) ? tail.readable : tail, finished);
  }

  if (readable && isNodeStream(tail)) {
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
  } else if (readable) {
    const reader = (isTransformStream(tail) ? tail.readable : tail).getReader();
    d._read = async function() {
      while (true) {
        try {
          const { value, done } = await reader.read();
          if (!d.push(value)) return;
          if (done) {
            d.push(null);
            return;
          }
        } catch {
          return;
        }
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

  pipeline(stages, onfinished);
  return d;
}

function nop() {}

module.exports = compose;
