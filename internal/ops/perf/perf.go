// Package perf implements the performance binding behind node:perf_hooks:
// the high-resolution clock that performance.now() reads, the counts of
// observers per native entry type, and the perf_hooks constants.
package perf

import (
	"time"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

func init() { binding.Register("performance", initPerf) }

// start is the time origin of performance.now(): the process start, as
// near as a package initializer gets to it.
var start = time.Now()

// Native entry types, indexes into observerCounts (Node's numbering).
const (
	EntryTypeGC = iota
	EntryTypeHTTP
	EntryTypeHTTP2
	EntryTypeNet
	EntryTypeDNS
	EntryTypeQUIC
	entryTypeCount
)

type constant struct {
	name string
	val  int32
}

// gcConstants are the enumerable constants of perf_hooks.constants.
var gcConstants = []constant{
	{"NODE_PERFORMANCE_GC_MAJOR", 4},
	{"NODE_PERFORMANCE_GC_MINOR", 1},
	{"NODE_PERFORMANCE_GC_MINOR_MARK_SWEEP", 2},
	{"NODE_PERFORMANCE_GC_INCREMENTAL", 8},
	{"NODE_PERFORMANCE_GC_WEAKCB", 16},
	{"NODE_PERFORMANCE_GC_FLAGS_NO", 0},
	{"NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED", 2},
	{"NODE_PERFORMANCE_GC_FLAGS_FORCED", 4},
	{"NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING", 8},
	{"NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE", 16},
	{"NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY", 32},
	{"NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE", 64},
}

// hiddenConstants are present on perf_hooks.constants but not enumerable.
var hiddenConstants = []constant{
	{"NODE_PERFORMANCE_ENTRY_TYPE_GC", EntryTypeGC},
	{"NODE_PERFORMANCE_ENTRY_TYPE_HTTP", EntryTypeHTTP},
	{"NODE_PERFORMANCE_ENTRY_TYPE_HTTP2", EntryTypeHTTP2},
	{"NODE_PERFORMANCE_ENTRY_TYPE_NET", EntryTypeNet},
	{"NODE_PERFORMANCE_ENTRY_TYPE_DNS", EntryTypeDNS},
	{"NODE_PERFORMANCE_ENTRY_TYPE_QUIC", EntryTypeQUIC},
	{"NODE_PERFORMANCE_MILESTONE_TIME_ORIGIN_TIMESTAMP", 0},
	{"NODE_PERFORMANCE_MILESTONE_TIME_ORIGIN", 1},
	{"NODE_PERFORMANCE_MILESTONE_ENVIRONMENT", 2},
	{"NODE_PERFORMANCE_MILESTONE_NODE_START", 3},
	{"NODE_PERFORMANCE_MILESTONE_V8_START", 4},
	{"NODE_PERFORMANCE_MILESTONE_LOOP_START", 5},
	{"NODE_PERFORMANCE_MILESTONE_LOOP_EXIT", 6},
	{"NODE_PERFORMANCE_MILESTONE_BOOTSTRAP_COMPLETE", 7},
}

// Now is the value of performance.now(): milliseconds since start.
func Now() float64 {
	return float64(time.Since(start)) / float64(time.Millisecond)
}

func initPerf(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	binding.Func(c, obj, "now", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return qjs.Float64(Now())
	})
	// timeOrigin: the wall-clock time (ms since the epoch) of start.
	c.Set(obj, "timeOrigin", qjs.Float64(float64(start.UnixMicro())/1e3))

	// observerCounts[type] is how many observers watch a native entry type;
	// lib/perf_hooks.js keeps it current.
	global := c.Global()
	ctor := c.Get(global, "Uint32Array")
	counts, err := c.New(ctor, qjs.Int32(entryTypeCount))
	c.FreeAll(ctor, global)
	if err == nil {
		c.Set(obj, "observerCounts", counts)
	}

	consts := c.Object()
	for _, k := range gcConstants {
		c.Set(consts, k.name, qjs.Int32(k.val))
	}
	for _, k := range hiddenConstants {
		c.Define(consts, k.name, qjs.Int32(k.val), false, false, false)
	}
	c.Set(obj, "constants", consts)
}
