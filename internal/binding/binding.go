// Package binding is the one door between the JS library and Go: each
// domain registers a named binding object (Node's internalBinding), built
// lazily the first time JS asks for it.
package binding

import (
	"io"
	"sort"
	"sync"

	"github.com/gonode/gonode/internal/eventloop"
	"github.com/gonode/gonode/internal/qjs"
)

// Env is what a binding sees of the running instance.
type Env struct {
	Ctx  *qjs.Context
	Loop *eventloop.Loop

	Argv     []string // process.argv
	ExecArgv []string
	ExecPath string
	Env      map[string]string // initial environment; process.env is live over it
	Cwd      string
	Stdin    io.Reader
	Stdout   io.Writer
	Stderr   io.Writer

	// Exit stops the instance with code: no more JS runs after the
	// current native call returns.
	Exit func(code int)

	// Modules holds Go-implemented built-in modules registered by an
	// embedder: name -> function building the exports object.
	Modules map[string]func(c *qjs.Context) qjs.Value

	// Uncaught routes an exception from a callback made by a binding to
	// process 'uncaughtException' handling.
	Uncaught func(err error)

	// Values shared between bindings of one instance.
	Shared map[string]any
}

// Init fills obj (borrowed) with the binding's functions and constants.
type Init func(env *Env, obj qjs.Value)

var (
	mu       sync.Mutex
	registry = map[string]Init{}
)

// Register adds a binding under name. It is called from init functions of
// the op packages.
func Register(name string, init Init) {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := registry[name]; dup {
		panic("binding: duplicate " + name)
	}
	registry[name] = init
}

// Lookup returns the binding registered under name.
func Lookup(name string) (Init, bool) {
	mu.Lock()
	defer mu.Unlock()
	f, ok := registry[name]
	return f, ok
}

// Names lists the registered bindings.
func Names() []string {
	mu.Lock()
	defer mu.Unlock()
	out := make([]string, 0, len(registry))
	for n := range registry {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Func adds a static function to obj.
func Func(c *qjs.Context, obj qjs.Value, name string, length int, f qjs.Func) {
	c.Set(obj, name, c.StaticFunction(name, length, f))
}

// Call runs fn(args...) on the loop goroutine for a binding's completion:
// it borrows fn, takes args, and routes an exception to the
// uncaught-exception path (process 'uncaughtException', else exit 1).
func (e *Env) Call(fn qjs.Value, args ...qjs.Value) {
	c := e.Ctx
	r, err := c.Call(fn, qjs.Undefined, args...)
	c.FreeAll(args...)
	if err != nil {
		e.Uncaught(err)
		return
	}
	c.Free(r)
}

// CallIn is Call in the async context actx, one that Loop.CaptureContext
// returned (nil: the current one). Handles whose callbacks belong to the
// context they were made in (sockets, child processes) call through it.
func (e *Env) CallIn(actx any, fn qjs.Value, args ...qjs.Value) {
	if actx == nil {
		e.Call(fn, args...)
		return
	}
	e.Loop.RunInContext(actx, func() { e.Call(fn, args...) })
}
