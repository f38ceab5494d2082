package node

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/cli"
	"github.com/gonode/gonode/internal/qjs"
)

// Worker threads: each Worker is a separate Instance (its own engine
// runtime and event loop) on its own goroutine. Threads talk through
// endpoints: the two ends of a cross-thread MessageChannel, held in a
// process-wide hub. A message is serialized on the sender's loop, queued on
// the receiving endpoint and deserialized on the receiver's loop.

// WorkerInfo describes the worker an instance runs as (Config.Worker).
type WorkerInfo struct {
	ThreadID int64
	Port     int64  // endpoint of the worker's parentPort
	Stdin    int64  // endpoint feeding process.stdin (0: none)
	Data     []byte // serialized workerData
	EnvData  []byte // serialized environment data (getEnvironmentData)
	Name     string
	Filename string // script to run, or the source when Eval
	Eval     bool
	// ResourceLimits as Node reports them: maxYoungGenerationSizeMb,
	// maxOldGenerationSizeMb, codeRangeSizeMb, stackSizeMb.
	ResourceLimits [4]float64

	w *worker // the parent's record, for events to the parent
}

// endpoint is one end of a cross-thread channel.
type endpoint struct {
	id        int64
	peer      *endpoint
	queue     [][]byte
	closed    bool
	owner     *threadState // nil while in transit
	notifying bool
	broadcast string // BroadcastChannel name ("" for a port)
	inbox     bool   // the postMessageToThread inbox of thread
	thread    int64
}

var (
	hubMu       sync.Mutex
	endpoints   = map[int64]*endpoint{}
	broadcasts  = map[string][]*endpoint{} // BroadcastChannels by name, in creation order
	inboxes     = map[int64]*endpoint{}    // postMessageToThread inboxes by thread id
	endpointSeq int64
	threadSeq   atomic.Int64
)

// newChannel makes a connected pair of endpoints (hubMu held).
func newChannel() (*endpoint, *endpoint) {
	endpointSeq++
	a := &endpoint{id: endpointSeq}
	endpointSeq++
	b := &endpoint{id: endpointSeq}
	a.peer, b.peer = b, a
	endpoints[a.id] = a
	endpoints[b.id] = b
	return a, b
}

// notify schedules the owner's callback for ep (hubMu held).
func (ep *endpoint) notify() {
	ts := ep.owner
	if ts == nil || ep.notifying {
		return
	}
	ep.notifying = true
	ts.in.loop.Post(func() { ts.ready(ep) })
}

// closeEndpoint closes ep and its peer (hubMu held).
func closeEndpoint(ep *endpoint) {
	if ep.closed {
		return
	}
	ep.closed = true
	if ep.broadcast != "" {
		list := broadcasts[ep.broadcast]
		for i, o := range list {
			if o == ep {
				list = append(list[:i:i], list[i+1:]...)
				break
			}
		}
		if len(list) == 0 {
			delete(broadcasts, ep.broadcast)
		} else {
			broadcasts[ep.broadcast] = list
		}
	}
	if ep.inbox && inboxes[ep.thread] == ep {
		delete(inboxes, ep.thread)
	}
	if p := ep.peer; p != nil {
		p.closed = true
		p.notify()
	}
}

// newInbox makes the postMessageToThread inbox of thread tid (hubMu held).
func newInbox(tid int64) *endpoint {
	endpointSeq++
	ep := &endpoint{id: endpointSeq, inbox: true, thread: tid}
	endpoints[ep.id] = ep
	inboxes[tid] = ep
	return ep
}

// closeInbox closes the postMessageToThread inbox of thread tid, if any.
func closeInbox(tid int64) {
	hubMu.Lock()
	defer hubMu.Unlock()
	if ep := inboxes[tid]; ep != nil {
		closeEndpoint(ep)
		delete(endpoints, ep.id)
	}
}

// threadState is the worker machinery of one instance.
type threadState struct {
	in      *Instance
	fns     map[int64]qjs.Value // endpoint id -> onReady(id), loop goroutine only
	workers map[int64]*worker   // child workers by thread id
	owned   map[int64]*endpoint // guarded by hubMu
}

// worker is the parent's record of a child worker.
type worker struct {
	id      int64
	parent  *threadState
	onEvent qjs.Value // parent context; parent loop only
	ref     bool
	exited  bool

	mu       sync.Mutex
	child    *Instance
	stopped  bool
	stopCode int

	// tid is the OS thread the worker runs on (0 before it starts and
	// after it ends), for cpuUsage.
	tid atomic.Int32
}

// threadCPU returns the user and system CPU time, in microseconds, that
// OS thread tid of this process has used, from /proc (Linux; the counts
// have the kernel's clock-tick resolution).
func threadCPU(tid int32) (user, system int64, err error) {
	b, err := os.ReadFile("/proc/self/task/" + strconv.Itoa(int(tid)) + "/stat")
	if err != nil {
		return 0, 0, err
	}
	// The command name (field 2) is in parentheses and may hold spaces:
	// fields are counted after its closing parenthesis.
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0, 0, fmt.Errorf("malformed stat")
	}
	f := strings.Fields(s[i+1:])
	// f[0] is field 3 (state); utime and stime are fields 14 and 15.
	if len(f) < 13 {
		return 0, 0, fmt.Errorf("malformed stat")
	}
	ut, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, 0, fmt.Errorf("malformed stat")
	}
	const tick = 1e6 / 100 // USER_HZ is 100 on Linux
	return ut * tick, st * tick, nil
}

func threadStateOf(in *Instance) *threadState {
	if ts, ok := in.env.Shared["worker"].(*threadState); ok {
		return ts
	}
	ts := &threadState{in: in, fns: map[int64]qjs.Value{}, workers: map[int64]*worker{}, owned: map[int64]*endpoint{}}
	in.env.Shared["worker"] = ts
	return ts
}

// ready runs on the owner's loop: it tells JS that ep has messages or
// was closed.
func (ts *threadState) ready(ep *endpoint) {
	hubMu.Lock()
	ep.notifying = false
	mine := ep.owner == ts
	hubMu.Unlock()
	if !mine || ts.in.done() {
		return
	}
	fn, ok := ts.fns[ep.id]
	if !ok {
		return
	}
	c := ts.in.ctx
	r, err := c.Call(fn, qjs.Undefined, qjs.Int64(ep.id))
	if err != nil {
		ts.in.uncaught(err)
		return
	}
	c.Free(r)
}

// shutdown closes what the instance owns: its endpoints (their peers see
// 'close') and its child workers (terminated). Loop goroutine, after the
// loop ended.
func (ts *threadState) shutdown() {
	c := ts.in.ctx
	for id, fn := range ts.fns {
		c.Free(fn)
		delete(ts.fns, id)
	}
	hubMu.Lock()
	for id, ep := range ts.owned {
		ep.owner = nil
		closeEndpoint(ep)
		delete(endpoints, id)
		delete(ts.owned, id)
	}
	hubMu.Unlock()
	for id, w := range ts.workers {
		w.terminate(1)
		c.Free(w.onEvent)
		w.onEvent = qjs.Undefined
		delete(ts.workers, id)
	}
}

// closeThreads is called by Instance.Close.
func (in *Instance) closeThreads() {
	if ts, ok := in.env.Shared["worker"].(*threadState); ok {
		ts.shutdown()
	}
}

func (w *worker) terminate(code int) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.stopped {
		return
	}
	w.stopped = true
	w.stopCode = code
	if w.child != nil {
		w.child.Stop(code)
	}
}

// event posts an event for the Worker object to the parent loop. arg is
// built there: nil, []byte (an ArrayBuffer), string or int.
func (w *worker) event(typ string, arg any) {
	ts := w.parent
	ts.in.loop.Post(func() {
		if w.exited || ts.in.done() {
			return
		}
		c := ts.in.ctx
		var v qjs.Value
		switch a := arg.(type) {
		case []byte:
			v = c.ArrayBuffer(a)
		case string:
			v = c.String(a)
		case int:
			v = qjs.Int32(int32(a))
		default:
			v = qjs.Undefined
		}
		t := c.String(typ)
		r, err := c.Call(w.onEvent, qjs.Undefined, t, v)
		c.FreeAll(t, v)
		if typ == "exit" {
			w.exited = true
			if w.ref {
				ts.in.loop.Unref()
			}
			c.Free(w.onEvent)
			w.onEvent = qjs.Undefined
			delete(ts.workers, w.id)
		}
		if err != nil {
			ts.in.uncaught(err)
			return
		}
		c.Free(r)
	})
}

// stdioWriter sends a worker's stdout or stderr to the parent.
type stdioWriter struct {
	w   *worker
	typ string
}

func (s *stdioWriter) Write(b []byte) (int, error) {
	s.w.event(s.typ, append([]byte(nil), b...))
	return len(b), nil
}

// workerOutOfMemory ends a worker whose heap is full: the parent gets
// ERR_WORKER_OUT_OF_MEMORY and exit code 1. It reports false in the main
// thread.
func (in *Instance) workerOutOfMemory() bool {
	wi := in.cfg.Worker
	if wi == nil {
		return false
	}
	wi.w.event("oom", nil)
	in.exit(1)
	return true
}

// workerFatal handles, in a worker, an exception thrown by the uncaught
// exception handling itself: the parent gets it as 'error' and the worker
// exits with 1. It takes e (may be nil) and reports false in the main
// thread (taking nothing).
func (in *Instance) workerFatal(e *qjs.Error) bool {
	if in.cfg.Worker == nil {
		return false
	}
	if e != nil {
		c := in.ctx
		fn := c.Get(in.hooks, "reportWorkerError")
		if r, err := c.Call(fn, qjs.Undefined, e.Value()); err == nil {
			c.Free(r)
		} else if e3, ok := err.(*qjs.Error); ok {
			e3.Free()
		}
		c.Free(fn)
		e.Free()
	}
	in.exit(1)
	return true
}

// runWorker runs the worker's script and loop and returns the exit code.
func (in *Instance) runWorker() int { return in.run("runWorker") }

func init() { binding.Register("worker", initWorker) }

func initWorker(env *binding.Env, obj qjs.Value) {
	in := instanceOf(env)
	ts := threadStateOf(in)
	c := env.Ctx
	lookup := func(c *qjs.Context, v qjs.Value) *endpoint {
		id := v.Int()
		hubMu.Lock()
		defer hubMu.Unlock()
		return endpoints[id]
	}

	if wi := in.cfg.Worker; wi != nil {
		info := c.Object()
		c.Set(info, "threadId", qjs.Int64(wi.ThreadID))
		c.Set(info, "port", qjs.Int64(wi.Port))
		c.Set(info, "stdin", qjs.Int64(wi.Stdin))
		if wi.Data != nil {
			c.Set(info, "data", c.ArrayBuffer(wi.Data))
		}
		if wi.EnvData != nil {
			c.Set(info, "envData", c.ArrayBuffer(wi.EnvData))
		}
		c.Set(info, "name", c.String(wi.Name))
		c.Set(info, "filename", c.String(wi.Filename))
		c.Set(info, "eval", qjs.Bool(wi.Eval))
		rl := c.Array()
		for i, f := range wi.ResourceLimits {
			c.SetIndex(rl, uint32(i), qjs.Float64(f))
		}
		c.Set(info, "resourceLimits", rl)
		c.Set(obj, "info", info)
	}

	// serialize(value) -> ArrayBuffer; deserialize(ab) -> value.
	binding.Func(c, obj, "serialize", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		b, err := c.Serialize(qjs.Arg(args, 0))
		if err != nil {
			return c.ThrowError(err)
		}
		return c.ArrayBuffer(b)
	})
	binding.Func(c, obj, "deserialize", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		b, ok := c.ArrayBufferBytes(qjs.Arg(args, 0))
		if !ok {
			return c.ThrowTypeError("deserialize: not an ArrayBuffer")
		}
		v, err := c.Deserialize(b)
		if err != nil {
			return c.ThrowError(err)
		}
		return v
	})

	// createChannel() -> [id1, id2], both in transit until attached.
	binding.Func(c, obj, "createChannel", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		hubMu.Lock()
		a, b := newChannel()
		hubMu.Unlock()
		arr := c.Array()
		c.SetIndex(arr, 0, qjs.Int64(a.id))
		c.SetIndex(arr, 1, qjs.Int64(b.id))
		return arr
	})
	// attach(id, onReady): this thread owns the endpoint; onReady(id) runs
	// when it has messages or was closed.
	binding.Func(c, obj, "attach", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		ep := lookup(c, qjs.Arg(args, 0))
		if ep == nil {
			return qjs.Bool(false)
		}
		if old, ok := ts.fns[ep.id]; ok {
			c.Free(old)
		}
		ts.fns[ep.id] = c.Dup(qjs.Arg(args, 1))
		hubMu.Lock()
		ep.owner = ts
		ts.owned[ep.id] = ep
		if len(ep.queue) > 0 || ep.closed {
			ep.notify()
		}
		hubMu.Unlock()
		return qjs.Bool(true)
	})
	// detach(id): the endpoint leaves this thread (it is being transferred).
	binding.Func(c, obj, "detach", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		ep := lookup(c, qjs.Arg(args, 0))
		if ep == nil {
			return qjs.Undefined
		}
		if fn, ok := ts.fns[ep.id]; ok {
			c.Free(fn)
			delete(ts.fns, ep.id)
		}
		hubMu.Lock()
		if ep.owner == ts {
			ep.owner = nil
			delete(ts.owned, ep.id)
		}
		hubMu.Unlock()
		return qjs.Undefined
	})
	// post(id, ab) queues a serialized message on the peer; false if the
	// channel is closed.
	binding.Func(c, obj, "post", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		ep := lookup(c, qjs.Arg(args, 0))
		b, ok := c.ArrayBufferBytes(qjs.Arg(args, 1))
		if !ok {
			return c.ThrowTypeError("post: not an ArrayBuffer")
		}
		if ep == nil {
			return qjs.Bool(false)
		}
		hubMu.Lock()
		defer hubMu.Unlock()
		if ep.closed || ep.peer == nil {
			return qjs.Bool(false)
		}
		p := ep.peer
		p.queue = append(p.queue, append([]byte(nil), b...))
		p.notify()
		return qjs.Bool(true)
	})
	// receive(id): the next message (ArrayBuffer), undefined if none is
	// queued, null if none is queued and the channel is closed.
	binding.Func(c, obj, "receive", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		ep := lookup(c, qjs.Arg(args, 0))
		if ep == nil {
			return qjs.Null
		}
		hubMu.Lock()
		if len(ep.queue) == 0 {
			closed := ep.closed
			hubMu.Unlock()
			if closed {
				return qjs.Null
			}
			return qjs.Undefined
		}
		b := ep.queue[0]
		ep.queue[0] = nil
		ep.queue = ep.queue[1:]
		hubMu.Unlock()
		return c.ArrayBuffer(b)
	})
	// broadcastOpen(name) -> id: an endpoint that receives what the other
	// BroadcastChannels of that name, in any thread, send.
	binding.Func(c, obj, "broadcastOpen", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		name := "bc:" + c.GoString(qjs.Arg(args, 0))
		hubMu.Lock()
		defer hubMu.Unlock()
		endpointSeq++
		ep := &endpoint{id: endpointSeq, broadcast: name}
		endpoints[ep.id] = ep
		broadcasts[name] = append(broadcasts[name], ep)
		return qjs.Int64(ep.id)
	})
	// broadcast(id, ab) queues a serialized message on every other
	// endpoint of id's name.
	binding.Func(c, obj, "broadcast", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		ep := lookup(c, qjs.Arg(args, 0))
		b, ok := c.ArrayBufferBytes(qjs.Arg(args, 1))
		if !ok {
			return c.ThrowTypeError("broadcast: not an ArrayBuffer")
		}
		if ep == nil || ep.broadcast == "" {
			return qjs.Undefined
		}
		hubMu.Lock()
		defer hubMu.Unlock()
		for _, o := range broadcasts[ep.broadcast] {
			if o == ep || o.closed {
				continue
			}
			o.queue = append(o.queue, append([]byte(nil), b...))
			o.notify()
		}
		return qjs.Undefined
	})
	// threadInbox(threadId) makes the endpoint on which this thread
	// receives postMessageToThread messages (attach it to be told).
	binding.Func(c, obj, "threadInbox", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		tid := qjs.Arg(args, 0).Int()
		hubMu.Lock()
		defer hubMu.Unlock()
		if ep := inboxes[tid]; ep != nil && !ep.closed {
			// Made when the worker was created: messages may wait in it.
			return qjs.Int64(ep.id)
		}
		return qjs.Int64(newInbox(tid).id)
	})
	// threadPost(threadId, ab) queues a serialized message on a thread's
	// inbox; false if there is no such (running) thread.
	binding.Func(c, obj, "threadPost", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		tid := qjs.Arg(args, 0).Int()
		b, ok := c.ArrayBufferBytes(qjs.Arg(args, 1))
		if !ok {
			return c.ThrowTypeError("threadPost: not an ArrayBuffer")
		}
		hubMu.Lock()
		defer hubMu.Unlock()
		ep := inboxes[tid]
		if ep == nil || ep.closed {
			return qjs.Bool(false)
		}
		ep.queue = append(ep.queue, append([]byte(nil), b...))
		ep.notify()
		return qjs.Bool(true)
	})
	// close(id) closes the channel: the peer sees it closed.
	binding.Func(c, obj, "close", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		ep := lookup(c, qjs.Arg(args, 0))
		if ep == nil {
			return qjs.Undefined
		}
		if fn, ok := ts.fns[ep.id]; ok {
			c.Free(fn)
			delete(ts.fns, ep.id)
		}
		hubMu.Lock()
		closeEndpoint(ep)
		ep.owner = nil
		delete(ts.owned, ep.id)
		delete(endpoints, ep.id)
		hubMu.Unlock()
		return qjs.Undefined
	})

	// createWorker(opts, onEvent) -> [threadId, portId]. opts: filename,
	// eval, argv, execArgv, env (object, or null to share), data, envData
	// (ArrayBuffers), name, resourceLimits (array of 4 numbers), ref.
	binding.Func(c, obj, "createWorker", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		opts := qjs.Arg(args, 0)
		str := func(name string) string {
			v := c.Get(opts, name)
			defer c.Free(v)
			if v.IsNullish() {
				return ""
			}
			return c.GoString(v)
		}
		strs := func(name string) []string {
			v := c.Get(opts, name)
			defer c.Free(v)
			if v.IsNullish() {
				return nil
			}
			n := c.Length(v)
			out := make([]string, 0, n)
			for i := 0; i < n; i++ {
				e := c.GetIndex(v, uint32(i))
				out = append(out, c.GoString(e))
				c.Free(e)
			}
			return out
		}
		bytes := func(name string) []byte {
			v := c.Get(opts, name)
			defer c.Free(v)
			if b, ok := c.ArrayBufferBytes(v); ok {
				return append([]byte{}, b...)
			}
			c.ClearException()
			return nil
		}
		wi := &WorkerInfo{
			ThreadID: threadSeq.Add(1),
			Data:     bytes("data"),
			EnvData:  bytes("envData"),
			Name:     str("name"),
			Filename: str("filename"),
		}
		ev := c.Get(opts, "eval")
		wi.Eval = c.ToBool(ev)
		c.Free(ev)
		ev = c.Get(opts, "stdin")
		wi.Stdin = ev.Int()
		c.Free(ev)
		rl := c.Get(opts, "resourceLimits")
		for i := range wi.ResourceLimits {
			e := c.GetIndex(rl, uint32(i))
			wi.ResourceLimits[i], _ = c.ToFloat64(e)
			c.Free(e)
		}
		c.Free(rl)
		var env map[string]string
		ev = c.Get(opts, "env")
		if ev.IsObject() {
			env = map[string]string{}
			keys, _ := c.Keys(ev)
			for _, k := range keys {
				v := c.Get(ev, k)
				env[k] = c.GoString(v)
				c.Free(v)
			}
		}
		c.Free(ev)
		argv := append([]string{in.cfg.ExecPath}, strs("argv")...)
		execArgv := strs("execArgv")
		options := in.cfg.Options
		if execArgv == nil {
			execArgv = in.cfg.ExecArgv
		} else if o, err := cli.Parse(append(append([]string{}, execArgv...), "[worker]"), ""); err == nil {
			options = o.Options
		}

		hubMu.Lock()
		parentEnd, childEnd := newChannel()
		// The worker can be sent postMessageToThread messages from now:
		// they wait until it attaches its inbox.
		newInbox(wi.ThreadID)
		hubMu.Unlock()
		wi.Port = childEnd.id
		w := &worker{id: wi.ThreadID, parent: ts, onEvent: c.Dup(qjs.Arg(args, 1)), ref: true}
		wi.w = w
		ts.workers[w.id] = w
		in.loop.Ref()

		memLimit := 0
		if mb := wi.ResourceLimits[1]; mb > 0 {
			memLimit = int(mb * (1 << 20))
		}
		cfg := Config{
			Argv:        argv,
			ExecArgv:    execArgv,
			Options:     options,
			ExecPath:    in.cfg.ExecPath,
			Env:         env,
			Cwd:         in.cfg.Cwd,
			Stdin:       strings.NewReader(""),
			Stdout:      &stdioWriter{w, "stdout"},
			Stderr:      &stdioWriter{w, "stderr"},
			Modules:     in.cfg.Modules,
			MemoryLimit: memLimit,
			Worker:      wi,
		}
		go runWorkerThread(w, cfg)

		arr := c.Array()
		c.SetIndex(arr, 0, qjs.Int64(wi.ThreadID))
		c.SetIndex(arr, 1, qjs.Int64(parentEnd.id))
		return arr
	})
	// badExecArgv(list) returns the options a Worker may not be given:
	// unknown ones and those that only make sense for the process.
	binding.Func(c, obj, "badExecArgv", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		list := qjs.Arg(args, 0)
		bad := c.Array()
		n := 0
		for i := 0; i < c.Length(list); i++ {
			e := c.GetIndex(list, uint32(i))
			a := c.GoString(e)
			c.Free(e)
			name, _, _ := strings.Cut(a, "=")
			_, err := cli.Parse([]string{a, "[worker]"}, "")
			if err != nil || processOnlyOptions[name] {
				c.SetIndex(bad, uint32(n), c.String(a))
				n++
			}
		}
		return bad
	})
	// badNodeOptions(str) returns the error for a NODE_OPTIONS value given
	// in a Worker's env, or undefined.
	binding.Func(c, obj, "badNodeOptions", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if _, err := cli.Parse([]string{"[worker]"}, c.GoString(qjs.Arg(args, 0))); err != nil {
			return c.String(err.Error())
		}
		return qjs.Undefined
	})
	// cpuUsage(threadId): [user, system] microseconds of CPU used by the
	// worker's thread, undefined if it is not running, or a string saying
	// why it cannot be measured.
	binding.Func(c, obj, "cpuUsage", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		w := ts.workers[qjs.Arg(args, 0).Int()]
		if w == nil {
			return qjs.Undefined
		}
		tid := w.tid.Load()
		if tid == 0 {
			return qjs.Undefined
		}
		user, system, err := threadCPU(tid)
		if err != nil {
			return c.String(err.Error())
		}
		arr := c.Array()
		c.SetIndex(arr, 0, qjs.Int64(user))
		c.SetIndex(arr, 1, qjs.Int64(system))
		return arr
	})
	binding.Func(c, obj, "terminate", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if w := ts.workers[qjs.Arg(args, 0).Int()]; w != nil {
			w.terminate(1)
		}
		return qjs.Undefined
	})
	// setRef(threadId, ref): whether the worker keeps this loop alive.
	binding.Func(c, obj, "setRef", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		w := ts.workers[qjs.Arg(args, 0).Int()]
		ref := c.ToBool(qjs.Arg(args, 1))
		if w == nil || w.exited || w.ref == ref {
			return qjs.Undefined
		}
		w.ref = ref
		if ref {
			in.loop.Ref()
		} else {
			in.loop.Unref()
		}
		return qjs.Undefined
	})
	// In a worker: reportError(ab) sends a serialized uncaught exception
	// to the parent ('error' on the Worker object).
	binding.Func(c, obj, "reportError", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		wi := in.cfg.Worker
		if wi == nil {
			return qjs.Undefined
		}
		if b, ok := c.ArrayBufferBytes(qjs.Arg(args, 0)); ok {
			wi.w.event("error", append([]byte(nil), b...))
		} else {
			c.ClearException()
		}
		return qjs.Undefined
	})
	// writeStdio(fd, chunk): a worker's process.stdout/stderr write.
	binding.Func(c, obj, "writeStdio", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return writeFD(in, c, args)
	})
}

// processOnlyOptions are per-process options, invalid in a Worker's
// execArgv.
var processOnlyOptions = map[string]bool{
	"--title": true, "--redirect-warnings": true, "--icu-data-dir": true, "--openssl-config": true,
	"--secure-heap": true,
}

// runWorkerThread runs a worker instance on the current goroutine.
func runWorkerThread(w *worker, cfg Config) {
	// A worker owns an OS thread, as in node, so that its CPU use can be
	// measured (worker.cpuUsage).
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	w.tid.Store(int32(gettid()))
	defer w.tid.Store(0)
	defer closeInbox(w.id)
	child, err := New(cfg)
	if err != nil {
		w.event("failed", fmt.Sprint(err))
		w.event("exit", 1)
		return
	}
	w.mu.Lock()
	w.child = child
	if w.stopped {
		child.Stop(w.stopCode)
	}
	w.mu.Unlock()
	w.event("online", nil)
	code := child.runWorker()
	child.closeThreads()
	closeInbox(w.id)
	child.Close()
	w.event("exit", code)
}
