package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/gonode/gonode/internal/qjs"
)

// runner holds what every test run shares: the suite location, the
// harness sources and the per-test limits. Its methods are safe for
// concurrent use; each test owns its own qjs.Runtime.
type runner struct {
	suite   string
	timeout time.Duration

	mu      sync.Mutex
	harness map[string]string
}

// harnessFile returns the source of harness/<name>, read once.
func (r *runner) harnessFile(name string) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if s, ok := r.harness[name]; ok {
		return s, nil
	}
	b, err := os.ReadFile(filepath.Join(r.suite, "harness", name))
	if err != nil {
		return "", err
	}
	r.harness[name] = string(b)
	return string(b), nil
}

// test is one test262 file.
type test struct {
	rel  string // slash path relative to the suite root
	abs  string
	src  string
	meta *Meta
}

// modes lists the ways a test runs, from its flags.
func (t *test) modes() []string {
	m := t.meta
	switch {
	case m.HasFlag("raw"):
		return []string{"raw"}
	case m.HasFlag("module"):
		return []string{"module"}
	case m.HasFlag("onlyStrict"):
		return []string{"strict"}
	case m.HasFlag("noStrict"):
		return []string{"non-strict"}
	}
	return []string{"non-strict", "strict"}
}

// run runs every mode of t and returns "" on success or the first
// failure, prefixed with its mode.
func (r *runner) run(t *test) string {
	for _, mode := range t.modes() {
		if msg := r.runMode(t, mode); msg != "" {
			return mode + ": " + msg
		}
	}
	return ""
}

// runMode runs t once in a fresh runtime.
func (r *runner) runMode(t *test, mode string) (msg string) {
	defer func() {
		if p := recover(); p != nil {
			msg = fmt.Sprintf("runner panic: %v", p)
		}
	}()
	rt, err := qjs.NewRuntime(qjs.Options{MemoryLimit: 1 << 30})
	if err != nil {
		return err.Error()
	}
	defer rt.Close()
	c := rt.Context()
	h := &host{rt: rt}
	c.Free(h.install(c))
	rt.SetModuleLoader(&loader{})
	timer := time.AfterFunc(r.timeout, rt.Interrupt)
	defer timer.Stop()

	async := t.meta.HasFlag("async")
	if mode != "raw" {
		incs := []string{"assert.js", "sta.js"}
		if async {
			incs = append(incs, "doneprintHandle.js")
		}
		for _, name := range append(incs, t.meta.Includes...) {
			src, err := r.harnessFile(name)
			if err != nil {
				return "harness: " + err.Error()
			}
			v, err := c.Eval(src, filepath.Join(r.suite, "harness", name), qjs.EvalGlobal)
			if err != nil {
				return fmt.Sprintf("harness %s: %v", name, err)
			}
			c.Free(v)
		}
	}

	// Run the test, noting the phase of any error.
	var testErr error
	phase := ""
	if mode == "module" {
		m, err := c.CompileModule(t.src, t.abs)
		if err != nil {
			testErr, phase = err, "parse"
		} else if p, err := c.EvalModule(m); err != nil {
			testErr, phase = err, "resolution"
		} else {
			if err := drain(rt); err != nil {
				testErr, phase = err, "runtime"
			} else if c.PromiseState(p) == qjs.PromiseRejected {
				testErr, phase = c.NewError(c.PromiseResult(p)), "runtime"
			}
			c.Free(p)
		}
	} else {
		src := t.src
		if mode == "strict" {
			src = "\"use strict\";\n" + src
		}
		fn, err := c.Eval(src, t.abs, qjs.EvalGlobal|qjs.EvalCompile)
		if err != nil {
			testErr, phase = err, "parse"
		} else if v, err := c.EvalFunction(fn); err != nil {
			testErr, phase = err, "runtime"
		} else {
			c.Free(v)
			if err := drain(rt); err != nil {
				testErr, phase = err, "runtime"
			}
		}
	}
	if rt.Interrupted() {
		return fmt.Sprintf("timeout after %v", r.timeout)
	}

	if neg := t.meta.Negative; neg != nil {
		if testErr == nil {
			return fmt.Sprintf("expected %s in %s phase, got no error", neg.Type, neg.Phase)
		}
		if errName(c, testErr) != neg.Type {
			return fmt.Sprintf("expected %s in %s phase, got %s error %v", neg.Type, neg.Phase, phase, testErr)
		}
		switch {
		case neg.Phase == "parse" && phase != "parse",
			neg.Phase == "resolution" && phase == "runtime",
			neg.Phase == "runtime" && phase != "runtime":
			return fmt.Sprintf("expected %s in %s phase, got it in %s phase", neg.Type, neg.Phase, phase)
		}
		return ""
	}
	if testErr != nil {
		return fmt.Sprintf("%s error: %v", phase, testErr)
	}
	if async {
		out := h.out.String()
		if i := strings.Index(out, "Test262:AsyncTestFailure:"); i >= 0 {
			line, _, _ := strings.Cut(out[i:], "\n")
			return line
		}
		if !strings.Contains(out, "Test262:AsyncTestComplete") {
			return "async test did not complete"
		}
	}
	return ""
}

// errName is the constructor name of a thrown value (its
// constructor.name), "" when it has none.
func errName(c *qjs.Context, err error) string {
	var e *qjs.Error
	if !errors.As(err, &e) {
		return ""
	}
	v := e.Value()
	if !v.IsObject() {
		return e.Name
	}
	ctor := c.Get(v, "constructor")
	defer c.Free(ctor)
	if !ctor.IsObject() {
		c.ClearException()
		return e.Name
	}
	n := c.Get(ctor, "name")
	defer c.Free(n)
	if !n.IsString() {
		c.ClearException()
		return e.Name
	}
	return c.GoString(n)
}

// drain runs promise jobs until none is left.
func drain(rt *qjs.Runtime) error {
	for !rt.Interrupted() {
		ok, err := rt.ExecutePendingJob()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
	}
	return nil
}

// loader resolves module specifiers relative to the importing file.
type loader struct{}

// Resolve implements qjs.ModuleLoader.
func (*loader) Resolve(c *qjs.Context, base, spec string, attrs qjs.Value) (string, error) {
	if !strings.HasPrefix(spec, "./") && !strings.HasPrefix(spec, "../") && !strings.HasPrefix(spec, "/") {
		return "", fmt.Errorf("cannot resolve module specifier %q", spec)
	}
	if filepath.IsAbs(spec) {
		return filepath.Clean(spec), nil
	}
	return filepath.Join(filepath.Dir(base), spec), nil
}

// Load implements qjs.ModuleLoader. JSON modules (import attribute
// type: "json") become a module whose default export is the parsed value.
func (*loader) Load(c *qjs.Context, name string, attrs qjs.Value) (qjs.Module, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return qjs.Module{}, err
	}
	src := string(b)
	if attrs.IsObject() {
		ty := c.Get(attrs, "type")
		isJSON := ty.IsString() && c.GoString(ty) == "json"
		c.Free(ty)
		if isJSON {
			v, err := c.JSONParse(src, name)
			if err != nil {
				return qjs.Module{}, err
			}
			c.Free(v)
			// JSON text is a valid JS expression (ES2019 JSON superset).
			src = "export default (\n" + src + "\n);\n"
		}
	}
	return c.CompileModule(src, name)
}

// host provides print and the $262 object of the test262 host interface.
type host struct {
	rt  *qjs.Runtime
	out strings.Builder
}

// install defines print and $262 on c's global object and returns an
// owned reference to $262.
func (h *host) install(c *qjs.Context) qjs.Value {
	g := c.Global()
	defer c.Free(g)
	set := func(obj qjs.Value, name string, v qjs.Value) {
		if err := c.Set(obj, name, v); err != nil {
			panic(err)
		}
	}
	set(g, "print", c.Function("print", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		for i, a := range args {
			s, err := c.ToGoString(a)
			if err != nil {
				return c.ThrowError(err)
			}
			if i > 0 {
				h.out.WriteByte(' ')
			}
			h.out.WriteString(s)
		}
		h.out.WriteByte('\n')
		return qjs.Undefined
	}))
	o := c.Object()
	set(o, "global", c.Dup(g))
	set(o, "gc", c.Function("gc", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		h.rt.RunGC()
		return qjs.Undefined
	}))
	set(o, "createRealm", c.Function("createRealm", 0, func(cc *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		nc, err := h.rt.NewContext()
		if err != nil {
			return cc.ThrowInternalError(err.Error())
		}
		return h.install(nc)
	}))
	set(o, "evalScript", c.Function("evalScript", 1, func(cc *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		src, err := cc.ToGoString(qjs.Arg(args, 0))
		if err != nil {
			return cc.ThrowError(err)
		}
		// Evaluate in the realm that owns this $262, whoever calls.
		v, err := c.Eval(src, "evalScript", qjs.EvalGlobal)
		if err != nil {
			return c.ThrowError(err)
		}
		return v
	}))
	set(o, "detachArrayBuffer", c.Function("detachArrayBuffer", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		c.DetachArrayBuffer(qjs.Arg(args, 0))
		return qjs.Null
	}))
	dda := c.Function("IsHTMLDDA", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return qjs.Null
	})
	c.SetIsHTMLDDA(dda)
	set(o, "IsHTMLDDA", dda)
	agent := c.Object()
	for _, name := range []string{"start", "broadcast", "getReport", "sleep", "monotonicNow", "receiveBroadcast", "report", "leaving"} {
		set(agent, name, c.Function(name, 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
			return c.ThrowTypeError("$262.agent is not supported by this runner")
		}))
	}
	set(o, "agent", agent)
	set(g, "$262", c.Dup(o))
	return o
}
