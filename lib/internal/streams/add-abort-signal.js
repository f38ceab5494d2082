'use strict';
// addAbortSignal(signal, stream): destroys the stream with an AbortError
// when the signal aborts.

const { codes: { ERR_INVALID_ARG_TYPE }, AbortError } = require('internal/errors');
const { validateAbortSignal } = require('internal/validators');
const { isNodeStream } = require('internal/streams/utils');

function addAbortSignal(signal, stream) {
  validateAbortSignal(signal, 'signal');
  const { isReadableStream, isWritableStream } = require('internal/streams/utils');
  if (isReadableStream(stream) || isWritableStream(stream)) {
    return require('internal/webstreams/adapters').addAbortSignalToWebStream(signal, stream);
  }
  if (!isNodeStream(stream)) {
    throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }
  return addAbortSignalNoValidate(signal, stream);
}

function addAbortSignalNoValidate(signal, stream) {
  if (typeof signal !== 'object' || !('aborted' in signal)) return stream;
  const onAbort = () => {
    stream.destroy(new AbortError(undefined, { cause: signal.reason }));
  };
  if (signal.aborted) {
    onAbort();
  } else {
    const disposable = require('events').addAbortListener(signal, onAbort);
    require('internal/streams/end-of-stream')(stream, disposable[Symbol.dispose]);
  }
  return stream;
}

module.exports = { addAbortSignal, addAbortSignalNoValidate };
