// Package streamwrap implements the stream_wrap binding: the request
// objects (ShutdownWrap, WriteWrap) that a stream handle's shutdown and
// write methods complete through req.oncomplete(status), and the indexes
// of the shared stream state. JS-backed handles (internal/js_stream_socket)
// use them; gonode's native TCP handles take callbacks instead.
package streamwrap

import (
	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

func init() { binding.Register("stream_wrap", initStreamWrap) }

// streamWrapSource fills the binding object with the request classes and
// the stream state, as node's stream_wrap binding names them.
const streamWrapSource = `(function (target) {
  'use strict';
  class ShutdownWrap {
    constructor() {
      this.oncomplete = null;
      this.callback = null;
      this.handle = null;
    }
  }
  class WriteWrap {}
  target.ShutdownWrap = ShutdownWrap;
  target.WriteWrap = WriteWrap;
  target.kReadBytesOrError = 0;
  target.kArrayBufferOffset = 1;
  target.kBytesWritten = 2;
  target.kLastWriteWasAsync = 3;
  target.streamBaseState = new Int32Array(4);
})`

func initStreamWrap(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	fill, err := c.Eval(streamWrapSource, "stream_wrap", qjs.EvalGlobal|qjs.EvalStrict)
	if err != nil {
		panic(err)
	}
	res, err := c.Call(fill, qjs.Undefined, obj)
	c.Free(fill)
	if err != nil {
		panic(err)
	}
	c.Free(res)
}
