package perf

import (
	"testing"
	"time"
)

func TestNowAdvances(t *testing.T) {
	a := Now()
	time.Sleep(2 * time.Millisecond)
	b := Now()
	if a < 0 || b-a < 2 {
		t.Fatalf("Now went from %v to %v over 2ms", a, b)
	}
}

func TestEntryTypeConstants(t *testing.T) {
	want := map[string]int32{
		"NODE_PERFORMANCE_ENTRY_TYPE_GC":    0,
		"NODE_PERFORMANCE_ENTRY_TYPE_HTTP":  1,
		"NODE_PERFORMANCE_ENTRY_TYPE_HTTP2": 2,
		"NODE_PERFORMANCE_ENTRY_TYPE_NET":   3,
		"NODE_PERFORMANCE_ENTRY_TYPE_DNS":   4,
	}
	for _, k := range hiddenConstants {
		if v, ok := want[k.name]; ok {
			if k.val != v {
				t.Errorf("%s = %d, want %d", k.name, k.val, v)
			}
			delete(want, k.name)
		}
	}
	if len(want) != 0 {
		t.Errorf("missing constants: %v", want)
	}
	if entryTypeCount != 6 {
		t.Errorf("observerCounts has %d slots, want 6", entryTypeCount)
	}
}
