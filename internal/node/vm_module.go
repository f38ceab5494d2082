package node

import (
	"strconv"
	"time"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

// vm module status codes returned by moduleStatus: the engine's states,
// plus moduleErrored for an evaluated module whose evaluation threw.
const moduleErrored = 6

// initVMModules adds to the contextify binding the functions behind
// vm.SourceTextModule and vm.SyntheticModule (lib/internal/vm/module.js).
// A module is represented in JS by a handle object carrying the engine's
// module record; each function also takes the id of the realm the module
// belongs to (0: the main context). A record lives as long as its realm,
// which the JS module object keeps reachable through its context.
func initVMModules(env *binding.Env, obj qjs.Value, realm func(qjs.Value) *qjs.Context, kTimeout qjs.Value) {
	c := env.Ctx
	in := instanceOf(env)
	initVMImports(c, obj)
	cls := c.Runtime().NewClass("ModuleRecord", nil)
	handle := func(v qjs.Value) (qjs.Module, bool) {
		p, ok := c.Handle(v, cls)
		if !ok || p == 0 {
			return qjs.Module{}, false
		}
		return qjs.ModuleAt(p), true
	}
	newHandle := func(c *qjs.Context, m qjs.Module) qjs.Value {
		h := c.NewInstance(cls, qjs.Undefined, m.Ptr())
		// The realm's module list keeps the record.
		c.FreeModule(m)
		return h
	}
	// fn registers a function taking (handle, realmId, ...rest).
	fn := func(name string, n int, f func(c, r *qjs.Context, m qjs.Module, rest []qjs.Value) qjs.Value) {
		binding.Func(c, obj, name, n, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
			m, ok := handle(qjs.Arg(args, 0))
			if !ok {
				return c.ThrowTypeError("not a module record")
			}
			r := realm(qjs.Arg(args, 1))
			if r == nil {
				return c.ThrowTypeError("vm context was released")
			}
			var rest []qjs.Value
			if len(args) > 2 {
				rest = args[2:]
			}
			return f(c, r, m, rest)
		})
	}

	// moduleCompile(source, identifier, realmId) compiles a source text
	// module with its requests unlinked.
	binding.Func(c, obj, "moduleCompile", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		r := realm(qjs.Arg(args, 2))
		if r == nil {
			return c.ThrowTypeError("vm context was released")
		}
		src := stripShebang(c.GoString(qjs.Arg(args, 0)))
		m, err := r.CompileModuleUnlinked(src, c.GoString(qjs.Arg(args, 1)))
		if err != nil {
			return c.ThrowError(err)
		}
		return newHandle(c, m)
	})
	// moduleSynthetic(identifier, exportNames, steps, realmId) makes a
	// linked synthetic module whose evaluation calls steps().
	binding.Func(c, obj, "moduleSynthetic", 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		r := realm(qjs.Arg(args, 3))
		if r == nil {
			return c.ThrowTypeError("vm context was released")
		}
		var names []string
		if a := qjs.Arg(args, 1); c.IsArray(a) {
			for i := 0; i < c.Length(a); i++ {
				v := c.GetIndex(a, uint32(i))
				names = append(names, c.GoString(v))
				c.Free(v)
			}
		}
		m, err := r.NewSyntheticModule(c.GoString(qjs.Arg(args, 0)), names, qjs.Arg(args, 2))
		if err != nil {
			return c.ThrowError(err)
		}
		return newHandle(c, m)
	})
	// moduleRequests(h, realmId) returns [[specifier, attributes], ...],
	// one per import declaration, in source order.
	fn("moduleRequests", 2, func(c, r *qjs.Context, m qjs.Module, _ []qjs.Value) qjs.Value {
		out := c.Array()
		for i, req := range r.ModuleRequests(m) {
			e := c.Array()
			c.SetIndex(e, 0, c.String(req.Specifier))
			c.SetIndex(e, 1, req.Attributes)
			c.SetIndex(out, uint32(i), e)
		}
		return out
	})
	// moduleLink(h, realmId, handles) links request i to handles[i].
	fn("moduleLink", 3, func(c, r *qjs.Context, m qjs.Module, rest []qjs.Value) qjs.Value {
		a := qjs.Arg(rest, 0)
		n := c.Length(a)
		deps := make([]qjs.Module, n)
		for i := range deps {
			v := c.GetIndex(a, uint32(i))
			d, ok := handle(v)
			c.Free(v)
			if !ok {
				return c.ThrowTypeError("not a module record")
			}
			deps[i] = d
		}
		if len(r.ModuleRequests(m)) != n {
			return c.ThrowTypeError("module request count mismatch")
		}
		for i, d := range deps {
			if err := r.SetModuleRequest(m, i, d); err != nil {
				return c.ThrowError(err)
			}
		}
		return qjs.Undefined
	})
	fn("moduleInstantiate", 2, func(c, r *qjs.Context, m qjs.Module, _ []qjs.Value) qjs.Value {
		if err := r.InstantiateModule(m); err != nil {
			return c.ThrowError(err)
		}
		return qjs.Undefined
	})
	// moduleStatus(h, realmId) returns the engine's status, or 6 for an
	// errored module.
	fn("moduleStatus", 2, func(c, r *qjs.Context, m qjs.Module, _ []qjs.Value) qjs.Value {
		s := r.ModuleStatus(m)
		if s == qjs.ModuleEvaluated || s == qjs.ModuleEvaluatingAsync {
			if e, ok := r.ModuleError(m); ok {
				c.Free(e)
				return qjs.Int32(moduleErrored)
			}
		}
		return qjs.Int32(int32(s))
	})
	fn("moduleError", 2, func(c, r *qjs.Context, m qjs.Module, _ []qjs.Value) qjs.Value {
		e, _ := r.ModuleError(m)
		return e
	})
	fn("moduleNamespace", 2, func(c, r *qjs.Context, m qjs.Module, _ []qjs.Value) qjs.Value {
		if s := r.ModuleStatus(m); s == qjs.ModuleUnlinked || s == qjs.ModuleLinking {
			return c.ThrowTypeError("module is not linked")
		}
		return r.Namespace(m)
	})
	fn("moduleImportMeta", 2, func(c, r *qjs.Context, m qjs.Module, _ []qjs.Value) qjs.Value {
		return r.ImportMeta(m)
	})
	fn("moduleHasTLA", 2, func(c, r *qjs.Context, m qjs.Module, _ []qjs.Value) qjs.Value {
		return qjs.Bool(r.ModuleHasTLA(m))
	})
	// moduleSetExport(h, realmId, name, value) reports whether the
	// synthetic module has that export.
	fn("moduleSetExport", 4, func(c, r *qjs.Context, m qjs.Module, rest []qjs.Value) qjs.Value {
		return qjs.Bool(r.SetModuleExport(m, c.GoString(qjs.Arg(rest, 0)), qjs.Arg(rest, 1)))
	})
	// moduleEvaluate(h, realmId, timeoutMs, drain) evaluates the module
	// and returns its evaluation promise. With drain, queued promise jobs
	// run before it returns. When the timeout expires, kTimeout is thrown.
	fn("moduleEvaluate", 4, func(c, r *qjs.Context, m qjs.Module, rest []qjs.Value) qjs.Value {
		ms := qjs.Arg(rest, 0).Float()
		drain := c.ToBool(qjs.Arg(rest, 1))
		rt := c.Runtime()
		eval := func() qjs.Value {
			p, err := r.EvaluateModule(m)
			if err != nil {
				return c.ThrowError(err)
			}
			for drain && rt.IsJobPending() {
				if _, err := rt.ExecutePendingJob(); err != nil {
					c.Free(p)
					return c.ThrowError(err)
				}
			}
			return p
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
		v := eval()
		t.t.Stop()
		t.mu.Lock()
		t.done = true
		fired := t.fired
		t.mu.Unlock()
		if !fired || in.stopReq.Load() {
			return v
		}
		rt.ClearInterrupt()
		if v.IsException() {
			c.Free(c.TakeException())
		} else {
			// The evaluation promise, rejected with the interrupt: the
			// timeout error replaces it.
			catchNoop(c, v)
			c.Free(v)
		}
		return c.Throw(c.Dup(kTimeout))
	})
}

// vmImports serves the import() calls of vm scripts, functions and
// modules (qjs.ImportInterceptor): the engine names the caller by its file
// name, which JS registers with claimImports. Each such import loads a
// module whose only export is `then`: import() resolves with its
// namespace, a thenable, so it adopts what that function yields, the
// namespace the importModuleDynamically callback chose.
type vmImports struct {
	bases    map[string]bool
	pending  map[string]*vmImport
	seq      int
	makeThen qjs.Value // JS (base, specifier, attributes, name) -> then function
}

type vmImport struct {
	base, specifier string
	mod             uintptr
}

// Claim implements qjs.ImportInterceptor.
func (v *vmImports) Claim(c *qjs.Context, base, specifier string) (string, bool) {
	if !v.bases[base] || v.makeThen.IsUndefined() {
		return "", false
	}
	v.seq++
	name := "gonode:vm-import/" + strconv.Itoa(v.seq)
	v.pending[name] = &vmImport{base: base, specifier: specifier}
	return name, true
}

// Claimed implements qjs.ImportInterceptor.
func (v *vmImports) Claimed(name string) bool { return v.pending[name] != nil }

// Load implements qjs.ImportInterceptor.
func (v *vmImports) Load(c *qjs.Context, name string, attrs qjs.Value) (qjs.Module, error) {
	p := v.pending[name]
	b, s, n := c.String(p.base), c.String(p.specifier), c.String(name)
	then, err := c.Call(v.makeThen, qjs.Undefined, b, s, attrs, n)
	c.FreeAll(b, s, n)
	if err != nil {
		delete(v.pending, name)
		return qjs.Module{}, err
	}
	defer c.Free(then)
	m, err := c.NewSyntheticModule(name, []string{"then"}, qjs.Undefined)
	if err != nil {
		delete(v.pending, name)
		return qjs.Module{}, err
	}
	c.SetModuleExport(m, "then", then)
	p.mod = m.Ptr()
	return m, nil
}

func initVMImports(c *qjs.Context, obj qjs.Value) {
	v := &vmImports{bases: map[string]bool{}, pending: map[string]*vmImport{}, makeThen: qjs.Undefined}
	// setImportHandler(makeThen) installs the interceptor.
	binding.Func(c, obj, "setImportHandler", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		c.Free(v.makeThen)
		v.makeThen = c.Dup(qjs.Arg(args, 0))
		c.Runtime().ImportInterceptor = v
		return qjs.Undefined
	})
	// claimImports(filename, on) routes (or stops routing) the imports of
	// code named filename to the handler.
	binding.Func(c, obj, "claimImports", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		name := c.GoString(qjs.Arg(args, 0))
		if c.ToBool(qjs.Arg(args, 1)) {
			v.bases[name] = true
		} else {
			delete(v.bases, name)
		}
		return qjs.Undefined
	})
	// importDone(name) lets the engine free the module of a served import.
	binding.Func(c, obj, "importDone", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		name := c.GoString(qjs.Arg(args, 0))
		if p := v.pending[name]; p != nil {
			if p.mod != 0 {
				c.ForgetModule(qjs.ModuleAt(p.mod))
			}
			delete(v.pending, name)
		}
		return qjs.Undefined
	})
}

// catchNoop attaches a no-op rejection handler to promise p, so that its
// rejection is not reported as unhandled.
func catchNoop(c *qjs.Context, p qjs.Value) {
	catch := c.Get(p, "catch")
	noop := c.Function("", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value { return qjs.Undefined })
	r, err := c.Call(catch, p, noop)
	c.FreeAll(catch, noop)
	if err != nil {
		if e, ok := err.(*qjs.Error); ok {
			e.Free()
		}
		return
	}
	c.Free(r)
}
