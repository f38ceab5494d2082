package wasm

import (
	"github.com/tetratelabs/wazero/api"

	"github.com/gonode/gonode/internal/qjs"
)

// JSPI (WebAssembly.promising and WebAssembly.Suspending): a promising
// call runs the wasm function on its own goroutine, and a Suspending
// import that returns a promise parks that goroutine until the promise
// settles, while the loop goroutine goes on. Only one goroutine touches
// the engine at a time: the loop blocks while the wasm goroutine runs,
// and the wasm goroutine blocks while it is suspended (they hand over
// through channels, which order their memory accesses).

// coroutine is one promising call in progress.
type coroutine struct {
	toLoop chan coEvent  // the wasm goroutine stops: done or suspended
	toWasm chan coResume // the awaited promise settled
}

type coEvent struct {
	done    bool
	err     error
	promise qjs.Value // when suspended: the promise awaited (owned)
}

type coResume struct {
	value qjs.Value // the fulfilled value (owned)
	err   error     // or the rejection, as a *qjs.Error
}

// callPromising(externHandle, args) calls an exported wasm function so
// that Suspending imports may suspend it; it returns a promise of the
// result.
func (s *state) callPromising(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
	e := s.extern(qjs.Arg(args, 0))
	if e == nil || e.kind != kindFunc {
		return c.ThrowTypeError("WebAssembly.promising(): Argument 0 must be a WebAssembly exported function")
	}
	f := e.mod.ExportedFunction(e.name)
	def := f.Definition()
	params, results := def.ParamTypes(), def.ResultTypes()
	stack := make([]uint64, max(len(params), len(results)))
	list := qjs.Arg(args, 1)
	for i, t := range params {
		v := c.GetIndex(list, uint32(i))
		x, err := s.toWasm(v, byte(t))
		c.Free(v)
		if err != nil {
			return c.ThrowError(err)
		}
		stack[i] = x
	}
	p, resolve, reject := c.NewPromise()
	co := &coroutine{toLoop: make(chan coEvent), toWasm: make(chan coResume)}
	start := func() {
		go func() {
			err := f.CallWithStack(s.ctx, stack)
			co.toLoop <- coEvent{done: true, err: err}
		}()
	}
	s.runCoroutine(co, start, func(err error) {
		defer c.FreeAll(resolve, reject)
		if err != nil {
			s.throwWasmError(err)
			ex := c.TakeException()
			r, _ := c.Call(reject, qjs.Undefined, ex)
			c.FreeAll(ex, r)
			return
		}
		v := s.resultsToJS(stack, results)
		r, _ := c.Call(resolve, qjs.Undefined, v)
		c.FreeAll(v, r)
	})
	return p
}

// resultsToJS converts results on the stack (undefined, a value, or an
// array for several).
func (s *state) resultsToJS(stack []uint64, results []api.ValueType) qjs.Value {
	c := s.c
	switch len(results) {
	case 0:
		return qjs.Undefined
	case 1:
		v, err := s.toJS(stack[0], byte(results[0]))
		if err != nil {
			return qjs.Undefined
		}
		return v
	}
	arr := c.Array()
	for i, t := range results {
		v, _ := s.toJS(stack[i], byte(t))
		c.SetIndex(arr, uint32(i), v)
	}
	return arr
}

// runCoroutine lets co run (kick starts or resumes its goroutine) until
// it finishes (then done is called) or suspends on a promise (then it
// resumes when the promise settles). The loop goroutine waits meanwhile.
func (s *state) runCoroutine(co *coroutine, kick func(), done func(error)) {
	c := s.c
	saved := s.cur
	s.cur = co
	kick()
	ev := <-co.toLoop
	s.cur = saved
	s.checkBuffers()
	if ev.done {
		done(ev.err)
		return
	}
	settle := func(fulfilled bool) qjs.Func {
		return func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
			v := c.Dup(qjs.Arg(args, 0))
			msg := coResume{value: v}
			if !fulfilled {
				msg = coResume{err: c.NewError(v)}
			}
			s.runCoroutine(co, func() { co.toWasm <- msg }, done)
			return qjs.Undefined
		}
	}
	onFul := c.Function("", 1, settle(true))
	onRej := c.Function("", 1, settle(false))
	g := c.Global()
	promiseCtor := c.Get(g, "Promise")
	resolveFn := c.Get(promiseCtor, "resolve")
	pr, err := c.Call(resolveFn, promiseCtor, ev.promise)
	c.FreeAll(g, promiseCtor, resolveFn, ev.promise)
	if err == nil {
		then := c.Get(pr, "then")
		r, _ := c.Call(then, pr, onFul, onRej)
		c.FreeAll(then, r, pr)
	}
	c.FreeAll(onFul, onRej)
}

// suspend parks the running promising call on promise (owned) and
// returns what it settles to. It runs on the wasm goroutine.
func (s *state) suspend(co *coroutine, promise qjs.Value) (qjs.Value, error) {
	co.toLoop <- coEvent{promise: promise}
	r := <-co.toWasm
	return r.value, r.err
}
