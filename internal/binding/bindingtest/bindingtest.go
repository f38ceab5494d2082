// Package bindingtest sets up a binding for Go tests: an engine runtime
// whose global object holds the binding under a name, so that a test can
// drive it with JS source.
package bindingtest

import (
	"testing"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

// New makes a runtime, fills a fresh object with init (a binding's
// initializer, given an Env that has only the context) and sets it as the
// global name. The caller closes the runtime.
func New(t testing.TB, name string, init binding.Init) *qjs.Runtime {
	t.Helper()
	rt, err := qjs.NewRuntime(qjs.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := rt.Context()
	obj := c.Object()
	init(&binding.Env{Ctx: c}, obj)
	g := c.Global()
	c.Set(g, name, obj)
	c.Free(g)
	return rt
}
