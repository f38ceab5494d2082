package qjs

import (
	"strings"
	"testing"
)

// setupAsyncContext installs what lib/internal/async_context_frame.js
// does: a slot array, the tracker, and the Promise.prototype.constructor
// accessor that tells it about each await and then. JS gets run(frame,
// fn) and cur().
func setupAsyncContext(t *testing.T, rt *Runtime, c *Context) *AsyncContext {
	t.Helper()
	slot, err := c.Eval(`globalThis.slot = ['root']; slot`, "setup.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Free(slot)
	a, err := rt.EnableAsyncContext(slot)
	if err != nil {
		t.Fatal(err)
	}
	g := c.Global()
	defer c.Free(g)
	c.Set(g, "note", c.StaticFunction("note", 1, func(c *Context, this Value, args []Value) Value {
		a.NotePromise(Arg(args, 0))
		return Undefined
	}))
	c.Set(g, "mark", c.StaticFunction("mark", 0, func(c *Context, this Value, args []Value) Value {
		a.Mark()
		return Undefined
	}))
	v, err := c.Eval(`
		Object.defineProperty(Promise.prototype, 'constructor', {
			get() { note(this); return Promise; }, configurable: true,
		});
		globalThis.run = (frame, fn) => {
			const prev = slot[0];
			mark(); slot[0] = frame;
			try { return fn(); } finally { mark(); slot[0] = prev; }
		};
		globalThis.cur = () => slot[0];
		globalThis.out = [];
	`, "setup.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	c.Free(v)
	return a
}

// drainJobs runs promise jobs until none is queued.
func drainJobs(t *testing.T, rt *Runtime) {
	t.Helper()
	for {
		ran, err := rt.ExecutePendingJob()
		if err != nil {
			t.Fatal(err)
		}
		if !ran {
			return
		}
	}
}

func TestAsyncContextFollowsAwaitAndThen(t *testing.T) {
	rt, c := newTestRuntime(t)
	setupAsyncContext(t, rt, c)
	v, err := c.Eval(`
		let resolveLater;
		const later = new Promise((r) => { resolveLater = r; });
		async function f(tag) {
			out.push(tag + ' start ' + cur());
			await later;           // a pending promise, settled from elsewhere
			out.push(tag + ' after pending ' + cur());
			await 5;               // a plain value: no constructor read
			out.push(tag + ' after value ' + cur());
			await { then(r) { r(1); } };
			out.push(tag + ' after thenable ' + cur());
		}
		run('A', () => f('a'));
		run('B', () => f('b'));
		run('C', () => later.then(() => out.push('then ' + cur())));
		run('D', () => resolveLater());
		out.push('sync end ' + cur());
	`, "t.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	c.Free(v)
	drainJobs(t, rt)
	res, err := c.Eval(`out.join('\n')`, "t.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Free(res)
	want := strings.Join([]string{
		"a start A", "b start B", "sync end root",
		"a after pending A", "b after pending B", "then C",
		"a after value A", "b after value B",
		"a after thenable A", "b after thenable B",
	}, "\n")
	if got := c.GoString(res); got != want {
		t.Fatalf("got:\n%s\nwant:\n%s", got, want)
	}
}

// Records of reactions whose promise is collected without settling are
// dropped: the record count stays bounded.
func TestAsyncContextDropsDeadReactions(t *testing.T) {
	rt, c := newTestRuntime(t)
	a := setupAsyncContext(t, rt, c)
	// Held while they are made (so no address is reused), then dropped.
	for round := 0; round < 5; round++ {
		v, err := c.Eval(`
			run('A', () => {
				const held = [];
				for (let i = 0; i < 20000; i++) {
					const p = new Promise(() => {});
					p.then(() => {});
					held.push(p);
				}
			});
		`, "t.js", EvalGlobal)
		if err != nil {
			t.Fatal(err)
		}
		c.Free(v)
	}
	if n := a.Pending(); n > 2*20000+minSweep {
		t.Fatalf("%d reaction records kept for 100000 reactions of dead promises", n)
	}
}
