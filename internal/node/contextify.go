package node

import (
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

// vmTimer is one pending vm timeout (options.timeout of vm scripts).
type vmTimer struct {
	mu    sync.Mutex
	done  bool
	fired bool
	t     *time.Timer
}

func initContextify(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	in := instanceOf(env)
	// realms holds the contexts made by makeContext, by id; id 0 is the
	// main context.
	realms := map[int32]*qjs.Context{0: c}
	nextID := int32(1)
	realm := func(v qjs.Value) *qjs.Context {
		if v.IsNumber() {
			return realms[int32(v.Int())]
		}
		return c
	}
	var timers []*vmTimer
	kTimeout, _ := c.Eval("Symbol('vm timeout')", "contextify", qjs.EvalGlobal)
	c.Set(obj, "kTimeout", kTimeout)
	initVMModules(env, obj, realm, kTimeout)

	// makeContext() creates a new realm and returns [id, its global object,
	// anchor]: the realm lives while the anchor (or any of its objects) is
	// reachable; forgetContext(id) drops it from the table once the caller
	// no longer reaches it.
	binding.Func(c, obj, "makeContext", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		r, anchor, err := c.Runtime().NewCollectableContext()
		if err != nil {
			return c.ThrowError(err)
		}
		id := nextID
		nextID++
		realms[id] = r
		out := c.Array()
		c.SetIndex(out, 0, qjs.Int32(id))
		c.SetIndex(out, 1, r.Global())
		c.SetIndex(out, 2, anchor)
		return out
	})
	binding.Func(c, obj, "forgetContext", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		id := int32(qjs.Arg(args, 0).Int())
		if r := realms[id]; r != nil && id != 0 {
			delete(realms, id)
			r.Forget()
		}
		return qjs.Undefined
	})
	// compileFunction(source, filename, params, realmId, extensions)
	// returns a function with the given parameters whose body is source,
	// created in the realm; the extensions (an array of objects) are in
	// scope as by `with`. The body starts on the first line of the wrapper
	// so that line numbers in stacks match the file.
	binding.Func(c, obj, "compileFunction", 5, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		src := c.GoString(qjs.Arg(args, 0))
		filename := c.GoString(qjs.Arg(args, 1))
		var params []string
		if p := qjs.Arg(args, 2); c.IsArray(p) {
			for i := 0; i < c.Length(p); i++ {
				v := c.GetIndex(p, uint32(i))
				params = append(params, c.GoString(v))
				c.Free(v)
			}
		}
		r := realm(qjs.Arg(args, 3))
		if r == nil {
			return c.ThrowTypeError("vm context was released")
		}
		ext := qjs.Arg(args, 4)
		n := 0
		if c.IsArray(ext) {
			n = c.Length(ext)
		}
		src = stripShebang(src)
		fn := "function (" + strings.Join(params, ", ") + ") {" + src + "\n}"
		if n == 0 {
			v := r.EvalRaw("("+fn+")", filename, qjs.EvalGlobal)
			return v
		}
		var b strings.Builder
		b.WriteString("(function (__vmExt) {")
		for i := 0; i < n; i++ {
			b.WriteString("with (__vmExt[" + strconv.Itoa(i) + "]) ")
		}
		b.WriteString("return " + fn + "})")
		outer := r.EvalRaw(b.String(), filename, qjs.EvalGlobal)
		if outer.IsException() {
			return outer
		}
		defer c.Free(outer)
		return c.CallRaw(outer, qjs.Undefined, ext)
	})
	// checkScript(source, filename) compiles source as a global script
	// without running it: it throws the SyntaxError, if any.
	binding.Func(c, obj, "checkScript", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		src := stripShebang(c.GoString(qjs.Arg(args, 0)))
		filename := c.GoString(qjs.Arg(args, 1))
		v := c.EvalRaw(src, filename, qjs.EvalGlobal|qjs.EvalCompile)
		if v.IsException() {
			return v
		}
		c.Free(v)
		return qjs.Undefined
	})
	// runScript(source, filename, realmId, timeoutMs, drain) evaluates
	// source as a global script in the realm. With drain, the queued
	// promise jobs run before it returns (microtaskMode 'afterEvaluate';
	// the engine has one job queue, so jobs queued earlier by other code
	// run too). When the timeout expires the script (or a job) is
	// interrupted and kTimeout is thrown.
	binding.Func(c, obj, "runScript", 5, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		src := stripShebang(c.GoString(qjs.Arg(args, 0)))
		filename := c.GoString(qjs.Arg(args, 1))
		r := realm(qjs.Arg(args, 2))
		if r == nil {
			return c.ThrowTypeError("vm context was released")
		}
		ms := qjs.Arg(args, 3).Float()
		drain := c.ToBool(qjs.Arg(args, 4))
		rt := c.Runtime()
		eval := func() qjs.Value {
			v := r.EvalRaw(src, filename, qjs.EvalGlobal)
			if v.IsException() || !drain {
				return v
			}
			for rt.IsJobPending() {
				if _, err := rt.ExecutePendingJob(); err != nil {
					c.Free(v)
					if e, ok := err.(*qjs.Error); ok && in.stopReq.Load() {
						ev := c.Dup(e.Value())
						e.Free()
						return c.ThrowUncatchable(ev)
					}
					return c.ThrowError(err)
				}
			}
			return v
		}
		if !(ms > 0) {
			return eval()
		}
		t := &vmTimer{}
		t.t = time.AfterFunc(time.Duration(ms*float64(time.Millisecond)), func() {
			t.mu.Lock()
			defer t.mu.Unlock()
			if !t.done {
				t.fired = true
				rt.Interrupt()
			}
		})
		timers = append(timers, t)
		if drain {
			// A job interrupted by the timeout rejects its promise with
			// the interrupt error: that rejection is not the program's.
			prev := rt.RejectionTracker
			rt.RejectionTracker = func(promise, reason qjs.Value, handled bool) {
				t.mu.Lock()
				fired := t.fired
				t.mu.Unlock()
				if fired && !handled {
					return
				}
				if prev != nil {
					prev(promise, reason, handled)
				}
			}
			defer func() { rt.RejectionTracker = prev }()
		}
		v := eval()
		t.t.Stop()
		t.mu.Lock()
		t.done = true
		fired := t.fired
		t.mu.Unlock()
		timers = timers[:len(timers)-1]
		if !fired || in.stopReq.Load() {
			// A stop of the instance wins: its uncatchable exception
			// propagates and the interrupt stays set.
			return v
		}
		// Keep the interrupt for an enclosing timeout that fired as well.
		outer := false
		for _, o := range timers {
			o.mu.Lock()
			outer = outer || o.fired
			o.mu.Unlock()
		}
		if !outer {
			rt.ClearInterrupt()
		}
		// The timeout won, even if the engine turned the interrupt into
		// the rejection of a promise job.
		if v.IsException() {
			c.Free(c.TakeException())
		} else {
			c.Free(v)
		}
		return c.Throw(c.Dup(kTimeout))
	})
}

// stripShebang blanks a leading "#!" line, keeping the line count.
func stripShebang(src string) string {
	if strings.HasPrefix(src, "#!") {
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			return "//" + src[2:]
		}
		return ""
	}
	return src
}
