// Package node assembles a gonode instance: the engine, the event loop,
// the bindings and the JS library, started the way Node starts.
package node

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/eventloop"
	"github.com/gonode/gonode/internal/qjs"
	"github.com/gonode/gonode/lib"
)

// Config describes one instance.
type Config struct {
	Argv     []string // process.argv: [execPath, script, args...]
	Argv0    string   // process.argv0: argv[0] as typed ("" means Argv[0])
	ExecArgv []string // process.execArgv: the options as typed
	// Options are the options in effect (NODE_OPTIONS and command line),
	// normalized as "--name" or "--name=value"; nil: ExecArgv.
	Options  []string
	ExecPath string
	Env      map[string]string // nil: the current process environment
	Cwd      string            // "": the current directory
	Stdin    io.Reader
	Stdout   io.Writer
	Stderr   io.Writer
	Modules  map[string]func(c *qjs.Context) qjs.Value
	// MemoryLimit caps the JS heap in bytes (0: none).
	MemoryLimit int
	// Worker is set when the instance runs as a worker thread.
	Worker *WorkerInfo
}

// Instance is one running gonode program.
type Instance struct {
	actx *qjs.AsyncContext // AsyncLocalStorage context tracking, once enabled
	cfg  Config
	rt   *qjs.Runtime
	ctx  *qjs.Context
	loop *eventloop.Loop
	env  *binding.Env

	hooks    qjs.Value            // object returned by internal/bootstrap/node
	hookFns  map[string]qjs.Value // hooks[name], looked up once (owned)
	bindings map[string]qjs.Value // internalBinding objects, built once

	tickInfo []byte // [hasTickScheduled, hasRejectionToWarn] as int32
	immInfo  []byte // [count, refCount] as int32
	keep     []qjs.Value

	exiting  bool
	exitCode int
	stopOnce sync.Once
	stopped  chan struct{}

	// stopReq is set by Stop (from any goroutine) before it interrupts the
	// engine; stopCode is the exit code Stop asked for. While stopReq is set
	// no more JS runs, and the "interrupted" error the engine raises is not
	// reported as an uncaught exception.
	stopReq  atomic.Bool
	stopCode atomic.Int32

	// privateEnv is set when Config.Env was given: process.env then reads
	// and writes cfg.Env instead of the OS environment.
	privateEnv bool
}

// New creates an instance and runs the bootstrap (process, globals).
func New(cfg Config) (*Instance, error) {
	if cfg.Stdin == nil {
		cfg.Stdin = os.Stdin
	}
	if cfg.Stdout == nil {
		cfg.Stdout = os.Stdout
	}
	if cfg.Stderr == nil {
		cfg.Stderr = os.Stderr
	}
	if cfg.ExecPath == "" {
		cfg.ExecPath, _ = os.Executable()
	}
	if len(cfg.Argv) == 0 {
		cfg.Argv = []string{cfg.ExecPath}
	}
	if cfg.Argv0 == "" {
		cfg.Argv0 = cfg.Argv[0]
	}
	if cfg.Cwd == "" {
		cfg.Cwd, _ = os.Getwd()
	}
	privateEnv := cfg.Env != nil
	if cfg.Env == nil {
		cfg.Env = map[string]string{}
		for _, kv := range os.Environ() {
			if k, v, ok := strings.Cut(kv, "="); ok {
				cfg.Env[k] = v
			}
		}
	}
	rt, err := qjs.NewRuntime(qjs.Options{MemoryLimit: cfg.MemoryLimit})
	if err != nil {
		return nil, err
	}
	in := &Instance{cfg: cfg, rt: rt, ctx: rt.Context(), stopped: make(chan struct{}), privateEnv: privateEnv}
	in.loop = eventloop.New(eventloop.Hooks{
		AfterCallback:     in.drain,
		PendingImmediates: in.pendingImmediates,
		RunImmediates:     in.runImmediates,
		BeforeExit:        in.beforeExit,
		Stopped:           in.done,
		CaptureContext:    in.captureContext,
		RunInContext:      in.runInContext,
		ReleaseContext:    in.releaseContext,
	})
	in.env = &binding.Env{
		Ctx:      in.ctx,
		Loop:     in.loop,
		Argv:     cfg.Argv,
		ExecArgv: cfg.ExecArgv,
		ExecPath: cfg.ExecPath,
		Env:      cfg.Env,
		Cwd:      cfg.Cwd,
		Stdin:    cfg.Stdin,
		Stdout:   cfg.Stdout,
		Stderr:   cfg.Stderr,
		Exit:     in.exit,
		Uncaught: in.uncaught,
		Modules:  cfg.Modules,
		Shared:   map[string]any{},
	}
	in.env.Shared["instance"] = in
	if cfg.Options == nil {
		cfg.Options = cfg.ExecArgv
	}
	in.env.Shared["options"] = cfg.Options
	rt.RejectionTracker = in.trackRejection
	if err := in.bootstrap(); err != nil {
		in.Close()
		return nil, err
	}
	return in, nil
}

// Context returns the engine context (loop goroutine only).
func (in *Instance) Context() *qjs.Context { return in.ctx }

// Loop returns the event loop.
func (in *Instance) Loop() *eventloop.Loop { return in.loop }

// bootstrap loads the builtin loader and internal/bootstrap/node.
func (in *Instance) bootstrap() error {
	c := in.ctx
	ib := c.StaticFunction("internalBinding", 1, in.internalBinding)
	in.keep = append(in.keep, ib)
	realmFn, err := in.compileBuiltin("internal/bootstrap/realm")
	if err != nil {
		return err
	}
	defer c.Free(realmFn)
	exports := c.Object()
	module := c.Object()
	c.Set(module, "exports", c.Dup(exports))
	r, err := c.Call(realmFn, qjs.Undefined, exports, qjs.Undefined, module, qjs.Undefined, ib)
	c.Free(exports)
	if err != nil {
		c.Free(module)
		return fmt.Errorf("bootstrap realm: %w", formatGoError(err))
	}
	c.Free(r)
	realm := c.Get(module, "exports")
	c.Free(module)
	defer c.Free(realm)
	req := c.Get(realm, "requireBuiltin")
	defer c.Free(req)
	id := c.String("internal/bootstrap/node")
	hooks, err := c.Call(req, qjs.Undefined, id)
	c.Free(id)
	if err != nil {
		return fmt.Errorf("bootstrap node: %w", formatGoError(err))
	}
	in.hooks = hooks
	return nil
}

// formatGoError renders a JS error with its stack for Go callers.
func formatGoError(err error) error {
	if e, ok := err.(*qjs.Error); ok {
		return fmt.Errorf("%s\n%s", e.Error(), e.Stack)
	}
	return err
}

func (in *Instance) internalBinding(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
	name := c.GoString(qjs.Arg(args, 0))
	init, ok := binding.Lookup(name)
	if !ok {
		return binding.ThrowCode(c, "Error", "ERR_INVALID_MODULE", "No such binding: "+name)
	}
	// One object per binding and instance, as in Node: building a binding
	// (dozens of functions) once saves start-up time.
	if obj, ok := in.bindings[name]; ok {
		return c.Dup(obj)
	}
	obj := c.Object()
	init(in.env, obj)
	if in.bindings == nil {
		in.bindings = map[string]qjs.Value{}
	}
	in.bindings[name] = c.Dup(obj)
	return obj
}

// compileBuiltin returns the wrapper function of a library module.
func (in *Instance) compileBuiltin(id string) (qjs.Value, error) {
	return lib.Compile(in.ctx, id)
}

// callHook calls hooks[name](args...) and routes an exception thrown by it
// to the uncaught-exception path.
func (in *Instance) callHook(name string, args ...qjs.Value) qjs.Value {
	c := in.ctx
	fn, ok := in.hookFns[name]
	if !ok {
		// The hooks object is fixed once bootstrap returns it (setHooks
		// resets the cache), so each function is looked up only once:
		// these calls run after every callback of the loop.
		fn = c.Get(in.hooks, name)
		if in.hookFns == nil {
			in.hookFns = map[string]qjs.Value{}
		}
		in.hookFns[name] = fn
	}
	r, err := c.Call(fn, qjs.Undefined, args...)
	if err != nil {
		in.uncaught(err)
		return qjs.Undefined
	}
	return r
}

// done reports whether no more JS may run: the program called
// process.exit, died of an uncaught exception, or was stopped.
func (in *Instance) done() bool { return in.exiting || in.stopReq.Load() }

// uncaught handles an exception that reached the top of a callback.
func (in *Instance) uncaught(err error) {
	if in.stopReq.Load() {
		// Most likely the engine's "interrupted" error: not the program's.
		in.exit(int(in.stopCode.Load()))
	}
	if in.exiting {
		if e, ok := err.(*qjs.Error); ok {
			e.Free()
		}
		return
	}
	c := in.ctx
	e, ok := err.(*qjs.Error)
	if !ok {
		fmt.Fprintf(in.cfg.Stderr, "gonode: internal error: %v\n", err)
		in.exit(70)
		return
	}
	if in.outOfMemory(e) {
		// The heap is full: JS cannot even format the error. Node aborts
		// with this message (exit 134, SIGABRT).
		e.Free()
		if in.workerOutOfMemory() {
			return
		}
		fmt.Fprintf(in.cfg.Stderr, "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n")
		in.exit(134)
		return
	}
	fn := c.Get(in.hooks, "fatalException")
	defer c.Free(fn)
	r, err2 := c.Call(fn, qjs.Undefined, e.Value())
	e.Free()
	if err2 != nil {
		if in.exiting {
			err2.(*qjs.Error).Free()
			return
		}
		// The handler itself threw: Node exits with 7 (a worker reports the
		// error to its parent and exits with 1).
		e2, _ := err2.(*qjs.Error)
		if in.workerFatal(e2) {
			return
		}
		if e2 != nil {
			fmt.Fprintf(in.cfg.Stderr, "%s\n%s\n", e2.Error(), e2.Stack)
			e2.Free()
		}
		in.exit(7)
		return
	}
	c.Free(r)
}

// outOfMemory reports whether e is the engine running out of heap: its
// "out of memory" InternalError, or the null it throws when even that error
// cannot be allocated (with the heap at its limit).
func (in *Instance) outOfMemory(e *qjs.Error) bool {
	if e.Name == "InternalError" && e.Message == "out of memory" {
		return true
	}
	if limit := in.cfg.MemoryLimit; limit > 0 && e.Value().IsNull() {
		used, _ := in.rt.MemoryUsage()
		return used > int64(limit)-int64(limit)/20
	}
	return false
}

// exit stops the instance: no JS runs once the current call unwinds.
func (in *Instance) exit(code int) {
	if in.exiting {
		return
	}
	in.exiting = true
	in.exitCode = code
}

// ExitCode is the code the program ended with.
func (in *Instance) ExitCode() int { return in.exitCode }

// Stop interrupts running JS and ends the instance with code (safe from any
// goroutine).
func (in *Instance) Stop(code int) {
	in.stopOnce.Do(func() {
		in.stopCode.Store(int32(code))
		in.stopReq.Store(true)
		in.loop.Post(func() { in.exit(code) })
		in.rt.Interrupt()
	})
}

// captureContext is the async context for work that starts now (nil in
// the root context, or before AsyncLocalStorage is used).
func (in *Instance) captureContext() any {
	if in.actx == nil {
		return nil
	}
	if v, ok := in.actx.Capture(); ok {
		return v
	}
	return nil
}

// resetContext puts the root async context back after a callback and
// what it queued have run.
func (in *Instance) resetContext() {
	if !in.done() {
		in.actx.Reset()
	}
}

func (in *Instance) runInContext(ctx any, f func()) {
	if in.actx == nil || in.done() {
		f()
		return
	}
	in.actx.RunIn(ctx.(qjs.Value), f)
}

func (in *Instance) releaseContext(ctx any) { in.ctx.Free(ctx.(qjs.Value)) }

// drain runs after every callback: Node's processTicksAndRejections.
func (in *Instance) drain() {
	if in.done() {
		return
	}
	if in.actx != nil {
		defer in.resetContext()
	}
	if !in.hasTickOrRejection() {
		in.runMicrotasks()
		if !in.hasTickOrRejection() {
			return
		}
	}
	if in.exiting {
		return
	}
	in.ctx.Free(in.callHook("processTicksAndRejections"))
}

func (in *Instance) hasTickOrRejection() bool {
	return in.tickInfo != nil && (in.tickInfo[0] != 0 || in.tickInfo[4] != 0)
}

// runMicrotasks drains the promise job queue; a job that throws is an
// uncaught exception, as in Node.
func (in *Instance) runMicrotasks() {
	if !in.rt.IsJobPending() {
		return
	}
	for !in.done() {
		ran, err := in.rt.ExecutePendingJob()
		if err != nil {
			in.uncaught(err)
			continue
		}
		if !ran {
			return
		}
	}
}

func (in *Instance) pendingImmediates() (bool, bool) {
	if in.immInfo == nil {
		return false, false
	}
	count := int32(le32(in.immInfo[0:]))
	ref := int32(le32(in.immInfo[4:]))
	return count > 0, ref > 0
}

func le32(b []byte) uint32 {
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

func (in *Instance) runImmediates() {
	in.ctx.Free(in.callHook("processImmediate"))
	// processImmediate drains ticks between immediates itself.
	in.drain()
}

func (in *Instance) beforeExit() {
	if in.exiting {
		return
	}
	in.ctx.Free(in.callHook("emitBeforeExit"))
	in.drain()
}

func (in *Instance) trackRejection(promise, reason qjs.Value, handled bool) {
	if in.done() || in.hooks.IsUndefined() {
		return
	}
	c := in.ctx
	// A module's own evaluation promise is the engine's business: an
	// import() of a module that throws is rejected through another promise.
	fn := c.Get(in.hooks, "promiseRejectHandler")
	defer c.Free(fn)
	typ := qjs.Int32(0)
	if handled {
		typ = qjs.Int32(1)
	} else if c.IsModuleEvalPromise(promise) {
		// A module threw while being evaluated. The engine rejects two
		// promises of its own for it, the module body's and the module's
		// evaluation promise (this one); an import() of it is rejected
		// through yet another, which the program handles or not. Neither
		// internal one is the program's: type 2 drops them both.
		typ = qjs.Int32(2)
	}
	r, err := c.Call(fn, qjs.Undefined, typ, promise, reason)
	if err != nil {
		err.(*qjs.Error).Free()
		return
	}
	c.Free(r)
}

// RunMain runs a script file as the main module, then the loop, and
// returns the exit code.
func (in *Instance) RunMain(path string) int {
	return in.run("runMain", in.ctx.String(path))
}

// RunSource evaluates source as the main script (as -e does); print makes
// it print the completion value (as -p does).
func (in *Instance) RunSource(src, name string, print bool) int {
	return in.run("evalScript", in.ctx.String(name), in.ctx.String(src), qjs.Bool(print))
}

func (in *Instance) run(hook string, args ...qjs.Value) int {
	defer close(in.stopped)
	if !in.done() { // Stop may come before the run
		in.ctx.Free(in.callHook(hook, args...))
	}
	in.ctx.FreeAll(args...)
	in.drain()
	in.loop.Run()
	return in.finish()
}

// finish emits 'exit' and returns the final code.
func (in *Instance) finish() int {
	if in.stopReq.Load() {
		// Stopped from outside: like a terminated worker, no 'exit' event.
		in.exit(int(in.stopCode.Load()))
		in.flush()
		return in.exitCode
	}
	code := in.exitCode
	if !in.exiting {
		code = in.processExitCode()
	}
	in.exiting = false // let 'exit' listeners run
	in.rt.ClearInterrupt()
	r := in.callHook("emitExit", qjs.Int32(int32(code)))
	in.ctx.Free(r)
	if in.exiting {
		code = in.exitCode
	} else {
		code = in.processExitCode()
	}
	in.exiting = true
	in.flush()
	return code
}

func (in *Instance) processExitCode() int {
	c := in.ctx
	fn := c.Get(in.hooks, "getExitCode")
	defer c.Free(fn)
	r, err := c.Call(fn, qjs.Undefined)
	if err != nil {
		err.(*qjs.Error).Free()
		return in.exitCode
	}
	return int(r.Int())
}

func (in *Instance) flush() {
	for _, w := range []io.Writer{in.cfg.Stdout, in.cfg.Stderr} {
		if f, ok := w.(interface{ Flush() error }); ok {
			f.Flush()
		}
	}
}

// Close frees the engine. The instance must not be running.
func (in *Instance) Close() {
	in.closeThreads()
	c := in.ctx
	in.resetHookFns()
	c.Free(in.hooks)
	in.hooks = qjs.Undefined
	c.FreeAll(in.keep...)
	in.keep = nil
	for _, b := range in.bindings {
		c.Free(b)
	}
	in.bindings = nil
	in.rt.Close()
}

// resetHookFns drops the cached hook functions.
func (in *Instance) resetHookFns() {
	for _, fn := range in.hookFns {
		in.ctx.Free(fn)
	}
	in.hookFns = nil
}

// SetTickInfo is called by the process binding with the shared arrays.
func (in *Instance) setShared(tick, imm []byte, keep ...qjs.Value) {
	in.tickInfo = tick
	in.immInfo = imm
	in.keep = append(in.keep, keep...)
}

// Done is closed when the instance has finished running.
func (in *Instance) Done() <-chan struct{} { return in.stopped }

var _ = time.Now
