package qjs

import (
	"unsafe"

	lib "modernc.org/libquickjs"
)

// Async context propagation without engine promise hooks.
//
// Node's AsyncLocalStorage follows a promise reaction (an `await`, a
// `.then` callback) into the context that was current when the reaction
// was registered, not the one current when the promise settled. QuickJS
// has no hook for either moment, so this file watches both from the
// outside:
//
//   - Registration: `await p` and `p.then(...)` both read
//     `p.constructor` (PromiseResolve and SpeciesConstructor), which lib
//     makes an accessor that calls NotePromise. The reaction itself is
//     added right after that read, so the next time gonode gets control
//     (the next NotePromise or Mark, or before the next job) the promise's
//     newest reaction, or the job queued for it if the promise had
//     already settled, is the one registered then, and it is recorded
//     with the context of the moment.
//   - Jobs: the loop runs promise jobs one at a time; before a reaction
//     job, its recorded context is made current, and afterwards the
//     previous one is put back.
//   - What has no `constructor` read (`await 5`, an await of a thenable)
//     queues its job at once, in the context of the code that awaits: jobs
//     found queued with no record when the context changes (Mark) or a job
//     ends take the context that was current while they were queued.
//
// A reaction is known by the resolve function of the promise that `then`
// made, or, for an await (which makes no promise), by its handler, a
// function object made for that one await. Both live as long as the
// reaction does, and a record is dropped when its job runs.
//
// The current context is element 0 of a JS array (the slot) that lib
// reads and writes; it is an opaque JS value here.

// AsyncContext tracks the context of promise reactions for one runtime.
type AsyncContext struct {
	r      *Runtime
	slot   Value // the array whose element 0 is the current context
	frames map[uintptr]Value

	// The promise read by the last NotePromise, not yet settled into
	// frames: its reaction count (or the queue tail) at the time, and
	// the context then current.
	pend       bool
	pendP      Value   // the promise (held until settle)
	pendData   uintptr // its JSPromiseData
	pendLast   uintptr // its newest reaction then (pending promise)
	pendTail   uintptr // the job queue's tail then (settled promise)
	pendFrame  Value
	mark       uintptr // jobs after this entry have been looked at
	reactionFn uintptr // job_func of promise reaction jobs
	root       Value   // the root context (slot[0] when enabled), held
	sweepAt    int     // len(frames) at which to drop records of dead reactions
}

// minSweep is the fewest records kept before dead ones are looked for.
const minSweep = 4096

// EnableAsyncContext starts tracking promise reactions; slot is an array
// whose element 0 holds the current context (borrowed; kept). It needs
// the address of the engine's reaction job function, which it learns
// from one reaction it queues and runs at once.
func (r *Runtime) EnableAsyncContext(slot Value) (*AsyncContext, error) {
	if r.actx != nil {
		return r.actx, nil
	}
	c := r.ctx
	// Learn the reaction job's function from a reaction on a settled
	// promise: the engine queues its job at once. The job (an empty
	// callback) stays queued and runs in turn.
	v, err := c.Eval("Promise.resolve().then(() => {})", "<async-context>", 0)
	if err != nil {
		return nil, err
	}
	c.Free(v)
	var fn uintptr
	if e := r.jobTail(); e != r.jobHead() {
		fn = at[lib.TJSJobEntry](e).Fjob_func
	}
	a := &AsyncContext{
		r:          r,
		slot:       c.Dup(slot),
		frames:     map[uintptr]Value{},
		reactionFn: fn,
		sweepAt:    minSweep,
	}
	a.mark = r.jobHead()
	a.root = a.current()
	a.recordExisting()
	a.Mark()
	r.actx = a
	return a, nil
}

// jobHead is the address of the job queue's list head (also the "entry"
// before the first job).
func (r *Runtime) jobHead() uintptr {
	return r.rt + unsafe.Offsetof(lib.TJSRuntime{}.Fjob_list)
}

// jobTail is the last queued job, or the list head when none is queued.
func (r *Runtime) jobTail() uintptr {
	return at[lib.Tlist_head](r.jobHead()).Fprev
}

// at views engine memory at address p as a T.
func at[T any](p uintptr) *T { return (*T)(unsafe.Add(nil, p)) }

// listNext is the entry after e in one of the engine's lists (the job
// queue, the GC object list).
func listNext(e uintptr) uintptr { return at[lib.Tlist_head](e).Fnext }

// eachObject calls f with the address of each object the engine's GC
// knows (its list link is the object's first field).
func (r *Runtime) eachObject(f func(obj uintptr)) {
	head := r.rt + unsafe.Offsetof(lib.TJSRuntime{}.Fgc_obj_list)
	for e := listNext(head); e != head; e = listNext(e) {
		f(e)
	}
}

// jobKey is the key of a queued job. A promise reaction job's arguments
// are the resolve and reject functions of the promise `then` made
// (undefined for an await), the handler, the reject flag and the value;
// its key is the reaction's (reactionKey). Other jobs (a thenable's
// resolution, which calls its then) are known by their first argument,
// the promise they resolve. 0 means none.
func (a *AsyncContext) jobKey(e uintptr) uintptr {
	j := at[lib.TJSJobEntry](e)
	if j.Fargc < 1 {
		return 0
	}
	argv := e + unsafe.Sizeof(lib.TJSJobEntry{})
	first := *at[lib.TJSValue](argv)
	if j.Fjob_func != a.reactionFn || j.Fargc != 5 {
		if first.Ftag == int64(lib.EJS_TAG_OBJECT) {
			return *(*uintptr)(unsafe.Pointer(&first.Fu))
		}
		return 0
	}
	return reactionKey(first, *at[lib.TJSValue](argv + 2*unsafe.Sizeof(lib.TJSValue{})))
}

func reactionKey(resolve, handler lib.TJSValue) uintptr {
	if resolve.Ftag == int64(lib.EJS_TAG_OBJECT) {
		return *(*uintptr)(unsafe.Pointer(&resolve.Fu))
	}
	if handler.Ftag == int64(lib.EJS_TAG_OBJECT) {
		return handlerKey(*(*uintptr)(unsafe.Pointer(&handler.Fu)))
	}
	return 0
}

// handlerKey is the key of an await's reaction: the async function's
// state, which its resolve and reject handlers share (only one of the two
// reactions runs), or the handler itself for other internal awaits.
func handlerKey(obj uintptr) uintptr {
	switch at[lib.TJSObject](obj).Fclass_id {
	case lib.EJS_CLASS_ASYNC_FUNCTION_RESOLVE, lib.EJS_CLASS_ASYNC_FUNCTION_REJECT:
		return *at[uintptr](obj + unsafe.Offsetof(lib.TJSObject{}.Fu))
	}
	return obj
}

// recordExisting gives the root context to the reactions registered
// before tracking began (they could only have been registered in it), so
// that their jobs are not taken for awaits of the code that queues them
// (see Mark): it finds them by their keys, the live await handlers and
// promise resolve functions.
func (a *AsyncContext) recordExisting() {
	c := a.r.ctx
	a.r.eachObject(func(e uintptr) {
		// The object's GC type is in the byte 5 before its start.
		if *at[uint8](e - 5)&0x7f != lib.EJS_GC_OBJ_TYPE_JS_OBJECT {
			return
		}
		switch at[lib.TJSObject](e).Fclass_id {
		case lib.EJS_CLASS_ASYNC_FUNCTION_RESOLVE, lib.EJS_CLASS_PROMISE_RESOLVE_FUNCTION:
			key := handlerKey(e)
			if _, ok := a.frames[key]; !ok {
				a.frames[key] = c.Dup(a.root)
			}
		}
	})
}

// current returns the current context (owned).
func (a *AsyncContext) current() Value { return a.r.ctx.GetIndex(a.slot, 0) }

func (a *AsyncContext) setCurrent(v Value) { _ = a.r.ctx.SetIndex(a.slot, 0, v) }

func (a *AsyncContext) record(key uintptr, frame Value) {
	if key == 0 {
		a.r.ctx.Free(frame)
		return
	}
	if old, ok := a.frames[key]; ok {
		a.r.ctx.Free(old)
	}
	a.frames[key] = frame
	if len(a.frames) >= a.sweepAt {
		a.sweep()
	}
}

// sweep drops the records whose key object no longer exists: reactions of
// promises that were collected without ever settling. It walks the
// engine's object list, so it runs only when the records have doubled.
func (a *AsyncContext) sweep() {
	live := make(map[uintptr]struct{}, len(a.frames))
	a.r.eachObject(func(e uintptr) {
		if _, ok := a.frames[e]; ok {
			live[e] = struct{}{}
		}
	})
	for k, v := range a.frames {
		if _, ok := live[k]; !ok {
			a.r.ctx.Free(v)
			delete(a.frames, k)
		}
	}
	a.sweepAt = max(2*len(a.frames), minSweep)
}

// NotePromise is called as p.constructor is read (see the file comment).
func (a *AsyncContext) NotePromise(p Value) {
	a.settle()
	c := a.r.ctx
	pd := uintptr(lib.XJS_GetOpaque(c.tls, p.v, uint32(lib.EJS_CLASS_PROMISE)))
	if pd == 0 {
		return
	}
	a.pend = true
	a.pendP = c.Dup(p)
	a.pendData = pd
	a.pendLast = a.newestReaction(pd)
	a.pendTail = a.r.jobTail()
	a.pendFrame = a.current()
}

// newestReaction is the last fulfil reaction of a pending promise, or 0.
func (a *AsyncContext) newestReaction(pd uintptr) uintptr {
	d := at[lib.TJSPromiseData](pd)
	if d.Fpromise_state != lib.EJS_PROMISE_PENDING {
		return 0
	}
	head := pd + unsafe.Offsetof(lib.TJSPromiseData{}.Fpromise_reactions)
	last := at[lib.Tlist_head](head).Fprev
	if last == head {
		return 0
	}
	return last
}

// settle records the reaction added after the last NotePromise, if any.
func (a *AsyncContext) settle() {
	if !a.pend {
		return
	}
	a.pend = false
	frame := a.pendFrame
	a.pendFrame = Value{}
	defer a.r.ctx.Free(a.pendP)
	if e := a.r.jobTail(); e != a.pendTail {
		// It had settled: the engine queued the reaction's job at once.
		a.record(a.jobKey(listNext(a.pendTail)), frame)
		return
	}
	if last := a.newestReaction(a.pendData); last != 0 && last != a.pendLast {
		rd := at[lib.TJSPromiseReactionData](last)
		a.record(reactionKey(rd.Fresolving_funcs[0], rd.Fhandler), frame)
		return
	}
	// A read of .constructor that registered nothing.
	a.r.ctx.Free(frame)
}

// Mark is called before the current context changes: jobs queued since
// the last look that have no record take the context now current.
func (a *AsyncContext) Mark() {
	a.settle()
	tail := a.r.jobTail()
	if tail == a.mark {
		return
	}
	var frame Value
	got := false
	for e := listNext(a.mark); ; e = listNext(e) {
		if key := a.jobKey(e); key != 0 {
			if _, ok := a.frames[key]; !ok {
				if !got {
					frame, got = a.current(), true
				}
				a.frames[key] = a.r.ctx.Dup(frame)
			}
		}
		if e == tail {
			break
		}
	}
	if got {
		a.r.ctx.Free(frame)
	}
	a.mark = tail
}

// beforeJob runs before the head job e: it makes the job's recorded
// context current, and returns the one to put back after it (every job
// gets its own: an enterWith inside one must not leak into the next).
func (a *AsyncContext) beforeJob(e uintptr) Value {
	a.Mark()
	if a.mark == e {
		// e is the last job looked at and is about to be freed: the
		// next look starts from the queue's head.
		a.mark = a.r.jobHead()
	}
	prev := a.current()
	key := a.jobKey(e)
	if frame, ok := a.frames[key]; ok {
		delete(a.frames, key)
		a.setCurrent(frame) // takes frame
	}
	return prev
}

// afterJob puts back the context beforeJob replaced.
func (a *AsyncContext) afterJob(prev Value) {
	a.Mark()
	a.setCurrent(prev) // takes prev
}

// Reset makes the root context current, as the loop does between
// callbacks (each runs in the context it was scheduled in).
func (a *AsyncContext) Reset() {
	a.Mark()
	a.setCurrent(a.r.ctx.Dup(a.root))
}

// Capture returns the current context (owned) for work that starts now
// and completes later (see RunIn), or false in the root context.
func (a *AsyncContext) Capture() (Value, bool) {
	v := a.current()
	if v.Ptr() == a.root.Ptr() {
		a.r.ctx.Free(v)
		return Value{}, false
	}
	return v, true
}

// RunIn runs f with ctx (borrowed, from Capture) current, then puts back
// the context it replaced.
func (a *AsyncContext) RunIn(ctx Value, f func()) {
	a.Mark()
	prev := a.current()
	a.setCurrent(a.r.ctx.Dup(ctx))
	defer func() {
		a.Mark()
		a.setCurrent(prev)
	}()
	f()
}

// close releases the contexts held, before the runtime is freed.
func (a *AsyncContext) close() {
	c := a.r.ctx
	for k, v := range a.frames {
		c.Free(v)
		delete(a.frames, k)
	}
	if a.pend {
		a.pend = false
		c.Free(a.pendFrame)
		c.Free(a.pendP)
	}
	c.FreeAll(a.slot, a.root)
}

// Pending reports how many reactions have a recorded context (for tests).
func (a *AsyncContext) Pending() int { return len(a.frames) }
