package qjs

import (
	"fmt"
	"io"
	"sort"
	"sync"

	"modernc.org/libc"
	lib "modernc.org/libquickjs"
)

// A sampling profiler of JS code, for finding hot paths in lib/: when
// enabled, the engine's interrupt check (run every so many calls and
// loop iterations) records the names of the JS functions on the stack.
// It counts calls and branches, not time, which is what matters for an
// interpreter whose cost is per operation.

// jsProfPeriod is twice the mean interrupt countdown between samples.
const jsProfPeriod = 200

// interruptCounterOff is the offset of JSContext.interrupt_counter.
const interruptCounterOff = 424

var jsProf struct {
	mu    sync.Mutex
	on    bool
	n     int
	rnd   uint32
	self  map[string]int
	total map[string]int
	ctxs  map[uintptr]*Context // runtime -> its context
}

// EnableJSProfile turns on JS sampling for runtimes made from now on.
func EnableJSProfile() {
	jsProf.mu.Lock()
	defer jsProf.mu.Unlock()
	jsProf.on = true
	jsProf.rnd = 2463534242
	jsProf.self = map[string]int{}
	jsProf.total = map[string]int{}
	jsProf.ctxs = map[uintptr]*Context{}
}

func jsProfRegister(rt uintptr, c *Context) {
	jsProf.mu.Lock()
	if jsProf.on {
		jsProf.ctxs[rt] = c
	}
	jsProf.mu.Unlock()
}

// jsProfSample records the JS stack of rt (its loop goroutine).
func jsProfSample(rt uintptr) {
	jsProf.mu.Lock()
	defer jsProf.mu.Unlock()
	c := jsProf.ctxs[rt]
	if c == nil {
		return
	}
	// A random period, so that samples do not lock onto a repeating
	// sequence of operations (a server's per-request path).
	jsProf.rnd ^= jsProf.rnd << 13
	jsProf.rnd ^= jsProf.rnd >> 17
	jsProf.rnd ^= jsProf.rnd << 5
	*(*int32)(ptr(c.c + interruptCounterOff)) = int32(jsProf.rnd%jsProfPeriod) + 1
	jsProf.n++
	sf := (*lib.TJSRuntime)(ptr(rt)).Fcurrent_stack_frame
	seen := map[string]bool{}
	for depth := 0; sf != 0 && depth < 64; depth++ {
		f := (*lib.TJSStackFrame)(ptr(sf))
		name := c.funcName(Value{f.Fcur_func})
		if depth == 0 {
			jsProf.self[name]++
		}
		if !seen[name] {
			seen[name] = true
			jsProf.total[name]++
		}
		sf = f.Fprev_frame
	}
}

var nameKey = func() uintptr { return mustCString("name") }()

func mustCString(s string) uintptr {
	p, err := libc.CString(s)
	if err != nil {
		panic(err)
	}
	return p
}

func (c *Context) funcName(fn Value) string {
	if fn.tag() != lib.EJS_TAG_OBJECT {
		return "?"
	}
	v := Value{lib.XJS_GetPropertyStr(c.tls, c.c, fn.v, nameKey)}
	defer c.Free(v)
	if !v.IsString() {
		return "?"
	}
	s := c.GoString(v)
	if s == "" {
		return "<anonymous>"
	}
	return s
}

// WriteJSProfile writes the sampled functions, by self and by total
// (on the stack) counts.
func WriteJSProfile(w io.Writer) {
	jsProf.mu.Lock()
	defer jsProf.mu.Unlock()
	if !jsProf.on {
		return
	}
	put := func(title string, m map[string]int) {
		type kv struct {
			k string
			v int
		}
		var l []kv
		for k, v := range m {
			l = append(l, kv{k, v})
		}
		sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v })
		fmt.Fprintf(w, "%s (%d samples)\n", title, jsProf.n)
		for i, e := range l {
			if i == 60 {
				break
			}
			fmt.Fprintf(w, "%7d %5.1f%%  %s\n", e.v, 100*float64(e.v)/float64(max(jsProf.n, 1)), e.k)
		}
	}
	put("self", jsProf.self)
	put("total", jsProf.total)
}
