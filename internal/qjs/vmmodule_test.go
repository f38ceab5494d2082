package qjs

import (
	"errors"
	"testing"
)

// vmModuleGraph compiles a (imports x from b), links it to b, instantiates,
// evaluates and checks the namespace; it is shared with the leak test.
func vmModuleGraph(t testing.TB, c *Context) {
	a, err := c.CompileModuleUnlinked("import { x } from 'b';\nimport 'b' with { type: 'json' };\nexport const y = x + 1;\nglobalThis.ran = (globalThis.ran || 0) + 1;", "vm:a")
	if err != nil {
		t.Fatal(err)
	}
	defer c.FreeModule(a)
	b, err := c.CompileModuleUnlinked("export const x = 41;", "vm:b")
	if err != nil {
		t.Fatal(err)
	}
	defer c.FreeModule(b)
	reqs := c.ModuleRequests(a)
	if len(reqs) != 2 || reqs[0].Specifier != "b" || !reqs[0].Attributes.IsUndefined() || reqs[1].Specifier != "b" {
		t.Fatalf("requests %+v", reqs)
	}
	typ := c.Get(reqs[1].Attributes, "type")
	if c.GoString(typ) != "json" {
		t.Fatalf("attribute type = %q", c.GoString(typ))
	}
	c.Free(typ)
	for _, r := range reqs {
		c.Free(r.Attributes)
	}
	if err := c.InstantiateModule(a); err != errGraphUnlinked {
		t.Fatalf("instantiate of an unlinked graph: %v", err)
	}
	for i := range reqs {
		if err := c.SetModuleRequest(a, i, b); err != nil {
			t.Fatal(err)
		}
	}
	if s := c.ModuleStatus(a); s != ModuleUnlinked {
		t.Fatalf("status %d", s)
	}
	if err := c.InstantiateModule(a); err != nil {
		t.Fatal(err)
	}
	if s, sb := c.ModuleStatus(a), c.ModuleStatus(b); s != ModuleLinked || sb != ModuleLinked {
		t.Fatalf("status after instantiate %d %d", s, sb)
	}
	ran, _ := c.Eval("globalThis.ran", "t.js", EvalGlobal)
	if !ran.IsUndefined() {
		t.Fatal("instantiate evaluated the module")
	}
	p, err := c.EvaluateModule(a)
	if err != nil {
		t.Fatal(err)
	}
	if c.PromiseState(p) != PromiseFulfilled {
		t.Fatalf("promise state %d", c.PromiseState(p))
	}
	c.Free(p)
	if s := c.ModuleStatus(a); s != ModuleEvaluated {
		t.Fatalf("status after evaluate %d", s)
	}
	ns := c.Namespace(a)
	y := c.Get(ns, "y")
	if y.Int() != 42 {
		t.Fatalf("y = %v", y.Int())
	}
	c.FreeAll(ns, y)
	// Evaluating again does not run the body again.
	p, err = c.EvaluateModule(a)
	if err != nil {
		t.Fatal(err)
	}
	c.Free(p)
	ran, _ = c.Eval("globalThis.ran", "t.js", EvalGlobal)
	if ran.Int() != 1 {
		t.Fatalf("ran %d times", ran.Int())
	}
}

func TestVMModuleGraph(t *testing.T) {
	_, c := newTestRuntime(t)
	vmModuleGraph(t, c)
}

func vmModuleErrors(t testing.TB, c *Context) {
	// A missing export is a link error.
	a, err := c.CompileModuleUnlinked("import { nope } from 'b';", "vm:a2")
	if err != nil {
		t.Fatal(err)
	}
	defer c.FreeModule(a)
	b, err := c.CompileModuleUnlinked("export default 1;", "vm:b2")
	if err != nil {
		t.Fatal(err)
	}
	defer c.FreeModule(b)
	c.SetModuleRequest(a, 0, b)
	err = c.InstantiateModule(a)
	var e *Error
	if !errors.As(err, &e) || e.Name != "SyntaxError" {
		t.Fatalf("want SyntaxError, got %v", err)
	}
	e.Free()
	if s := c.ModuleStatus(a); s != ModuleUnlinked {
		t.Fatalf("status after failed link %d", s)
	}
	// A throwing body makes the module errored.
	m, err := c.CompileModuleUnlinked("throw new Error('boom');", "vm:c2")
	if err != nil {
		t.Fatal(err)
	}
	defer c.FreeModule(m)
	if err := c.InstantiateModule(m); err != nil {
		t.Fatal(err)
	}
	p, err := c.EvaluateModule(m)
	if err != nil {
		t.Fatal(err)
	}
	if c.PromiseState(p) != PromiseRejected {
		t.Fatal("not rejected")
	}
	r := c.PromiseResult(p)
	ev, ok := c.ModuleError(m)
	if !ok || !c.StrictEquals(ev, r) {
		t.Fatal("module error is not the rejection reason")
	}
	c.FreeAll(p, r, ev)
	// A syntax error.
	if _, err := c.CompileModuleUnlinked("export const = 1;", "vm:d2"); err == nil {
		t.Fatal("no syntax error")
	} else {
		err.(*Error).Free()
	}
}

func TestVMModuleErrors(t *testing.T) {
	_, c := newTestRuntime(t)
	vmModuleErrors(t, c)
}

func vmModuleSynthetic(t testing.TB, c *Context) {
	steps, err := c.Eval("(function () { globalThis.stepsRan = true; })", "s.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	s, err := c.NewSyntheticModule("vm:s", []string{"x", "y"}, steps)
	c.Free(steps)
	if err != nil {
		t.Fatal(err)
	}
	defer c.FreeModule(s)
	if st := c.ModuleStatus(s); st != ModuleLinked {
		t.Fatalf("status %d", st)
	}
	v := c.String("hello")
	if !c.SetModuleExport(s, "x", v) || c.SetModuleExport(s, "nope", v) {
		t.Fatal("SetModuleExport")
	}
	c.Free(v)
	a, err := c.CompileModuleUnlinked("import { x } from 's'; export const z = x + '!';", "vm:a3")
	if err != nil {
		t.Fatal(err)
	}
	defer c.FreeModule(a)
	c.SetModuleRequest(a, 0, s)
	if err := c.InstantiateModule(a); err != nil {
		t.Fatal(err)
	}
	p, err := c.EvaluateModule(a)
	if err != nil {
		t.Fatal(err)
	}
	c.Free(p)
	ns := c.Namespace(a)
	z := c.Get(ns, "z")
	if c.GoString(z) != "hello!" {
		t.Fatalf("z = %q", c.GoString(z))
	}
	c.FreeAll(ns, z)
	ran, _ := c.Eval("globalThis.stepsRan", "t.js", EvalGlobal)
	if !c.ToBool(ran) {
		t.Fatal("steps did not run")
	}
}

func TestVMModuleSynthetic(t *testing.T) {
	_, c := newTestRuntime(t)
	vmModuleSynthetic(t, c)
}

// A module may be linked against a module that is being evaluated.
func TestVMModuleLinkDuringEvaluation(t *testing.T) {
	_, c := newTestRuntime(t)
	a, err := c.CompileModuleUnlinked("export let v = 1; inside();", "vm:a4")
	if err != nil {
		t.Fatal(err)
	}
	defer c.FreeModule(a)
	var linkErr error
	var x Module
	g := c.Global()
	c.Set(g, "inside", c.Function("inside", 0, func(c *Context, this Value, args []Value) Value {
		if s := c.ModuleStatus(a); s != ModuleEvaluating {
			t.Errorf("status of a during its evaluation: %d", s)
		}
		x, linkErr = c.CompileModuleUnlinked("import { v } from 'a'; export const w = v + 1;", "vm:x4")
		if linkErr != nil {
			return Undefined
		}
		c.SetModuleRequest(x, 0, a)
		linkErr = c.InstantiateModule(x)
		return Undefined
	}))
	c.Free(g)
	if err := c.InstantiateModule(a); err != nil {
		t.Fatal(err)
	}
	p, err := c.EvaluateModule(a)
	if err != nil {
		t.Fatal(err)
	}
	c.Free(p)
	if linkErr != nil {
		t.Fatal(linkErr)
	}
	defer c.FreeModule(x)
	if s, sx := c.ModuleStatus(a), c.ModuleStatus(x); s != ModuleEvaluated || sx != ModuleLinked {
		t.Fatalf("statuses %d %d", s, sx)
	}
	p, err = c.EvaluateModule(x)
	if err != nil {
		t.Fatal(err)
	}
	c.Free(p)
	ns := c.Namespace(x)
	w := c.Get(ns, "w")
	if w.Int() != 2 {
		t.Fatalf("w = %d", w.Int())
	}
	c.FreeAll(ns, w)
}
