package node

import (
	"os"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

func init() {
	binding.Register("stdin", initStdin)
}

// stdinChunkSize is the most one read of stdin delivers, as libuv's 64 KiB.
const stdinChunkSize = 64 << 10

// stdinState is process.stdin's native side: one goroutine reads the
// configured stdin, one chunk per request from JS, and posts each chunk to
// the loop. Reading only on request is the stream's backpressure: nothing
// is read ahead of what the Readable asks for.
type stdinState struct {
	cb      qjs.Value // onChunk(Uint8Array | null, errno), kept in Instance.keep
	want    chan struct{}
	started bool
	refed   bool
}

// initStdin is internalBinding('stdin'):
//
//	read(onChunk)   request one chunk; onChunk(chunk) is called once with
//	                the bytes read, or onChunk(null) at the end of input
//	                (or a read error). The first call fixes onChunk.
//	setRef(bool)    whether the pending read keeps the loop alive
//	isStream()      whether stdin is a pipe or socket (node then emits
//	                'close' after 'end'; for files it does not)
func initStdin(env *binding.Env, obj qjs.Value) {
	in := instanceOf(env)
	st, _ := env.Shared["stdin"].(*stdinState)
	if st == nil {
		st = &stdinState{}
		env.Shared["stdin"] = st
	}
	c := env.Ctx
	binding.Func(c, obj, "read", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if !st.started {
			st.started = true
			st.cb = c.Dup(qjs.Arg(args, 0))
			in.keep = append(in.keep, st.cb)
			st.want = make(chan struct{}, 1)
			go in.readStdin(st)
		}
		select {
		case st.want <- struct{}{}:
		default:
		}
		return qjs.Undefined
	})
	binding.Func(c, obj, "isStream", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		f, ok := in.cfg.Stdin.(*os.File)
		if !ok {
			return qjs.Bool(true) // an embedder's reader behaves as a pipe
		}
		fi, err := f.Stat()
		return qjs.Bool(err == nil && fi.Mode()&(os.ModeNamedPipe|os.ModeSocket) != 0)
	})
	binding.Func(c, obj, "setRef", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		ref := c.ToBool(qjs.Arg(args, 0))
		if ref != st.refed {
			st.refed = ref
			if ref {
				in.loop.Ref()
			} else {
				in.loop.Unref()
			}
		}
		return qjs.Undefined
	})
}

// readStdin serves read requests until the end of input (own goroutine).
func (in *Instance) readStdin(st *stdinState) {
	r := in.cfg.Stdin
	for range st.want {
		buf := make([]byte, stdinChunkSize)
		for {
			n, err := r.Read(buf)
			if n > 0 {
				chunk := buf[:n]
				in.loop.Post(func() { in.stdinChunk(st, chunk, false) })
			}
			if err != nil {
				in.loop.Post(func() { in.stdinChunk(st, nil, true) })
				return
			}
			if n > 0 {
				break
			}
		}
	}
}

// stdinChunk delivers a chunk (or the end) to JS (loop goroutine).
func (in *Instance) stdinChunk(st *stdinState, chunk []byte, eof bool) {
	if in.done() {
		return
	}
	c := in.ctx
	arg := qjs.Null
	if !eof {
		arg = c.Uint8Array(chunk)
	}
	r, err := c.Call(st.cb, qjs.Undefined, arg)
	c.Free(arg)
	if err != nil {
		in.uncaught(err)
		return
	}
	c.Free(r)
}
