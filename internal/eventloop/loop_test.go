package eventloop

import (
	"container/heap"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// harness is a loop with a fake check phase (a queue of immediates) and a
// record of what ran, in order.
type harness struct {
	l          *Loop
	immediates []func()
	immRef     int
	log        []string
	afters     int
	stop       bool
	beforeExit func()
}

func newHarness() *harness {
	h := &harness{}
	h.l = New(Hooks{
		AfterCallback: func() { h.afters++ },
		PendingImmediates: func() (bool, bool) {
			return len(h.immediates) > 0, h.immRef > 0
		},
		RunImmediates: func() {
			batch := h.immediates
			h.immediates = nil
			h.immRef = 0
			for _, f := range batch {
				f()
			}
		},
		BeforeExit: func() {
			if h.beforeExit != nil {
				h.beforeExit()
			}
		},
		Stopped: func() bool { return h.stop },
	})
	return h
}

func (h *harness) setImmediate(f func()) {
	h.immediates = append(h.immediates, f)
	h.immRef++
}

func (h *harness) add(s string) func() { return func() { h.log = append(h.log, s) } }

// run runs the loop, failing the test if it does not return in time.
func (h *harness) run(t *testing.T) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		h.l.Run()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return")
	}
}

func (h *harness) want(t *testing.T, want ...string) {
	t.Helper()
	if !reflect.DeepEqual(h.log, want) {
		t.Errorf("ran %q, want %q", h.log, want)
	}
}

func TestTimersFireByDeadline(t *testing.T) {
	h := newHarness()
	h.l.StartTimer(1, 30*time.Millisecond, true, h.add("30ms"))
	h.l.StartTimer(2, 10*time.Millisecond, true, h.add("10ms"))
	h.l.StartTimer(3, 20*time.Millisecond, true, h.add("20ms"))
	h.l.StartTimer(4, 0, true, h.add("0ms"))
	h.run(t)
	h.want(t, "0ms", "10ms", "20ms", "30ms")
	if h.afters != 4 {
		t.Errorf("AfterCallback ran %d times, want 4 (once per callback)", h.afters)
	}
}

func TestTimerTiesFireInInsertionOrder(t *testing.T) {
	// Equal deadlines: the heap breaks ties by insertion sequence.
	var th timerHeap
	when := 5 * time.Millisecond
	for i, seq := range []uint64{3, 1, 4, 2, 5} {
		heap.Push(&th, &timer{id: int64(i), when: when, seq: seq})
	}
	heap.Push(&th, &timer{id: 9, when: when - 1, seq: 99})
	var got []uint64
	for th.Len() > 0 {
		got = append(got, heap.Pop(&th).(*timer).seq)
	}
	if want := []uint64{99, 1, 2, 3, 4, 5}; !reflect.DeepEqual(got, want) {
		t.Errorf("pop order %v, want %v", got, want)
	}

	// Through the loop: timers that are all overdue when the timers phase
	// runs fire in the order they were started, within equal delays.
	h := newHarness()
	for _, s := range []string{"a", "b", "c", "d"} {
		h.l.StartTimer(int64(s[0]), time.Millisecond, true, h.add(s))
	}
	time.Sleep(5 * time.Millisecond)
	h.run(t)
	h.want(t, "a", "b", "c", "d")
}

func TestStopTimer(t *testing.T) {
	h := newHarness()
	h.l.StartTimer(1, 5*time.Millisecond, true, h.add("stopped before run"))
	h.l.StartTimer(2, 5*time.Millisecond, true, func() {
		h.log = append(h.log, "first")
		h.l.StopTimer(3) // stopped by an earlier timer of the same batch
		h.l.StopTimer(99)
	})
	h.l.StartTimer(3, 5*time.Millisecond, true, h.add("stopped by first"))
	h.l.StopTimer(1)
	h.l.StopTimer(1) // twice is harmless
	h.run(t)
	h.want(t, "first")
	if h.l.timerRC != 0 || len(h.l.byID) != 0 || h.l.timers.Len() != 0 {
		t.Errorf("leftover timer state: rc=%d byID=%d heap=%d", h.l.timerRC, len(h.l.byID), h.l.timers.Len())
	}
}

func TestRestartReschedules(t *testing.T) {
	h := newHarness()
	h.l.StartTimer(1, time.Hour, true, h.add("old"))
	h.l.StartTimer(1, time.Millisecond, true, h.add("new"))
	h.run(t)
	h.want(t, "new")
}

func TestUnrefTimerDoesNotKeepAlive(t *testing.T) {
	h := newHarness()
	h.l.StartTimer(1, time.Hour, false, h.add("unref'd (never)"))
	h.l.StartTimer(2, time.Hour, true, h.add("ref'd then unref'd (never)"))
	h.l.RefTimer(2, false)
	start := time.Now()
	h.run(t)
	h.want(t)
	if d := time.Since(start); d > time.Second {
		t.Errorf("Run took %v with only unref'd timers", d)
	}
}

func TestUnrefTimerFiresWhileAlive(t *testing.T) {
	h := newHarness()
	h.l.StartTimer(1, 5*time.Millisecond, false, h.add("unref'd"))
	h.l.StartTimer(2, 30*time.Millisecond, true, h.add("ref'd"))
	h.l.StartTimer(3, time.Hour, true, h.add("ref'd again later (never)"))
	h.l.RefTimer(3, false)
	h.l.RefTimer(3, false)
	h.run(t)
	h.want(t, "unref'd", "ref'd")
}

func TestPendingKeepsAliveUntilComplete(t *testing.T) {
	h := newHarness()
	complete := h.l.Pending()
	var calls atomic.Int32
	go func() {
		time.Sleep(20 * time.Millisecond)
		complete(func() { calls.Add(1); h.log = append(h.log, "completed") })
		complete(func() { calls.Add(1); h.log = append(h.log, "second call (ignored)") })
	}()
	h.run(t)
	h.want(t, "completed")
	if calls.Load() != 1 {
		t.Errorf("completion ran %d times", calls.Load())
	}
}

func TestGo(t *testing.T) {
	h := newHarness()
	var loopGoroutineOnly sync.Mutex // held by the loop while it runs callbacks below
	Go(h.l, func() int {
		time.Sleep(10 * time.Millisecond)
		return 42
	}, func(v int) {
		loopGoroutineOnly.Lock()
		defer loopGoroutineOnly.Unlock()
		h.log = append(h.log, "done")
		if v != 42 {
			t.Errorf("result %d", v)
		}
	})
	h.run(t)
	h.want(t, "done")
}

func TestPostFromAnotherGoroutine(t *testing.T) {
	h := newHarness()
	// A ref'd timer keeps the loop alive; a goroutine posts work that
	// stops it. Post alone does not keep the loop alive.
	h.l.StartTimer(1, time.Hour, true, h.add("timer (never)"))
	go func() {
		time.Sleep(10 * time.Millisecond)
		h.l.Post(func() {
			h.log = append(h.log, "posted")
			h.l.StopTimer(1)
		})
	}()
	h.run(t)
	h.want(t, "posted")

	// Many goroutines at once: every post runs, on the loop goroutine.
	h = newHarness()
	const n = 50
	h.l.StartTimer(1, time.Hour, true, nil)
	count := 0
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h.l.Post(func() {
				count++ // no lock: only the loop goroutine runs this
				if count == n {
					h.l.StopTimer(1)
				}
			})
		}()
	}
	h.run(t)
	wg.Wait()
	if count != n {
		t.Errorf("ran %d posts, want %d", count, n)
	}
}

func TestPostDoesNotKeepAlive(t *testing.T) {
	h := newHarness()
	h.run(t) // nothing to do: returns at once
	h.want(t)
}

func TestPhaseOrderFromPoll(t *testing.T) {
	// From a completion (poll phase) a 0ms timer and an immediate are
	// queued: the check phase comes before the next timers phase, then
	// the close callbacks of that iteration run.
	h := newHarness()
	complete := h.l.Pending()
	go complete(func() {
		h.log = append(h.log, "io")
		h.l.StartTimer(1, 0, true, h.add("timer"))
		h.setImmediate(h.add("immediate"))
		h.l.OnClose(h.add("close"))
	})
	h.run(t)
	h.want(t, "io", "immediate", "close", "timer")
}

func TestCloseCallbacks(t *testing.T) {
	h := newHarness()
	h.l.OnClose(h.add("close 1"))
	h.l.OnClose(func() {
		h.log = append(h.log, "close 2")
		h.l.OnClose(h.add("close 3 (next iteration)"))
	})
	h.setImmediate(h.add("immediate"))
	h.run(t)
	h.want(t, "immediate", "close 1", "close 2", "close 3 (next iteration)")
	if h.afters != 3 {
		t.Errorf("AfterCallback ran %d times after close callbacks, want 3", h.afters)
	}
}

func TestHandlesKeepAlive(t *testing.T) {
	h := newHarness()
	h.l.Ref()
	h.l.StartTimer(1, 10*time.Millisecond, false, func() {
		h.log = append(h.log, "unref'd timer while a handle is open")
		h.l.Unref()
	})
	h.run(t)
	h.want(t, "unref'd timer while a handle is open")
}

func TestUnrefImmediateDoesNotKeepAlive(t *testing.T) {
	h := newHarness()
	h.immediates = append(h.immediates, h.add("unref'd immediate (never)"))
	h.run(t)
	h.want(t)
}

func TestBeforeExitMoreWork(t *testing.T) {
	h := newHarness()
	rounds := 0
	h.beforeExit = func() {
		h.log = append(h.log, "beforeExit")
		if rounds < 2 {
			rounds++
			h.l.StartTimer(int64(rounds), time.Millisecond, true, h.add("timer"))
		}
	}
	h.run(t)
	h.want(t, "beforeExit", "timer", "beforeExit", "timer", "beforeExit")
}

func TestStoppedEndsRun(t *testing.T) {
	h := newHarness()
	h.l.StartTimer(1, time.Millisecond, true, func() {
		h.log = append(h.log, "stopping")
		h.stop = true
	})
	h.l.StartTimer(2, time.Millisecond, true, h.add("same batch (never)"))
	h.setImmediate(h.add("immediate (never)"))
	h.beforeExit = func() { h.log = append(h.log, "beforeExit (never)") }
	time.Sleep(3 * time.Millisecond)
	h.run(t)
	h.want(t, "stopping")
}

func TestStoppedKeepsUnrunPosts(t *testing.T) {
	h := newHarness()
	h.l.StartTimer(1, time.Hour, true, nil)
	h.l.Post(func() { h.log = append(h.log, "first"); h.stop = true })
	h.l.Post(h.add("second"))
	h.run(t)
	h.want(t, "first")
	h.l.mu.Lock()
	left := len(h.l.posted)
	h.l.mu.Unlock()
	if left != 1 {
		t.Errorf("%d posts kept after stop, want 1", left)
	}
}

func TestNow(t *testing.T) {
	l := New(Hooks{})
	a := l.Now()
	time.Sleep(5 * time.Millisecond)
	b := l.Now()
	if a < 0 || b-a < 4 {
		t.Errorf("Now: %v then %v after 5ms", a, b)
	}
}

func TestPendingCompletionNeverLost(t *testing.T) {
	// A completion posted at any moment, however close to the loop's
	// liveness check, runs before Run returns.
	for i := 0; i < 200; i++ {
		h := newHarness()
		complete := h.l.Pending()
		ran := false
		go complete(func() { ran = true })
		h.run(t)
		if !ran {
			t.Fatalf("iteration %d: Run returned with the completion not run", i)
		}
	}
}

func TestRefreshTimer(t *testing.T) {
	// A refresh that pushes the deadline later only records it: the timer
	// fires at the new deadline, after one that was due before it, and
	// once only.
	h := newHarness()
	start := time.Now()
	var firedAfter time.Duration
	h.l.StartTimer(1, 10*time.Millisecond, true, func() {
		h.log = append(h.log, "refreshed")
		firedAfter = time.Since(start)
	})
	h.l.StartTimer(2, 25*time.Millisecond, true, h.add("25ms"))
	if !h.l.RefreshTimer(1, 40*time.Millisecond) {
		t.Fatal("RefreshTimer of a scheduled timer reported false")
	}
	if h.l.RefreshTimer(99, time.Millisecond) {
		t.Error("RefreshTimer of an unknown timer reported true")
	}
	h.run(t)
	h.want(t, "25ms", "refreshed")
	if firedAfter < 40*time.Millisecond {
		t.Errorf("refreshed timer fired after %v, want >= 40ms", firedAfter)
	}
	if h.l.timerRC != 0 || len(h.l.byID) != 0 || h.l.timers.Len() != 0 {
		t.Errorf("leftover timer state: rc=%d byID=%d heap=%d", h.l.timerRC, len(h.l.byID), h.l.timers.Len())
	}

	// A refresh to an earlier deadline moves the timer up at once, and a
	// timer that already fired cannot be refreshed.
	h = newHarness()
	h.l.StartTimer(1, time.Hour, true, h.add("hour, refreshed to 5ms"))
	h.l.StartTimer(2, 20*time.Millisecond, true, func() {
		h.log = append(h.log, "20ms")
		if h.l.RefreshTimer(1, time.Millisecond) {
			t.Error("RefreshTimer of a fired timer reported true")
		}
	})
	h.l.RefreshTimer(1, 5*time.Millisecond)
	h.run(t)
	h.want(t, "hour, refreshed to 5ms", "20ms")
}

// chanPoller is a Poller over a channel of completions: Poll waits on it
// (or on Wake) as the real one waits in epoll.
type chanPoller struct {
	io     chan func()
	wake   chan struct{}
	active bool
	polls  int
	wakes  atomic.Int32
}

func (p *chanPoller) Active() bool { return p.active }

func (p *chanPoller) Poll(timeout time.Duration) []func() {
	p.polls++
	var tc <-chan time.Time
	if timeout >= 0 {
		tm := time.NewTimer(timeout)
		defer tm.Stop()
		tc = tm.C
	}
	select {
	case f := <-p.io:
		return []func(){f}
	case <-p.wake:
	case <-tc:
	}
	return nil
}

func (p *chanPoller) Wake() {
	p.wakes.Add(1)
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// With a poller, the loop waits in it: its completions run as callbacks
// (followed by AfterCallback), a Post from another goroutine wakes it,
// and timers still fire on time.
func TestPoller(t *testing.T) {
	h := newHarness()
	p := &chanPoller{io: make(chan func(), 1), wake: make(chan struct{}, 1), active: true}
	h.l.SetPoller(p)
	h.l.Ref()
	h.l.StartTimer(1, 30*time.Millisecond, true, func() {
		h.add("timer")()
		p.io <- func() {
			h.add("io")()
			go func() {
				time.Sleep(20 * time.Millisecond)
				h.l.Post(func() {
					h.add("posted")()
					p.active = false
					h.l.Unref()
				})
			}()
		}
	})
	h.run(t)
	if want := []string{"timer", "io", "posted"}; !reflect.DeepEqual(h.log, want) {
		t.Fatalf("log %v, want %v", h.log, want)
	}
	if h.afters != 3 {
		t.Fatalf("AfterCallback ran %d times, want 3", h.afters)
	}
	if p.wakes.Load() == 0 {
		t.Fatal("the post did not wake the poller")
	}
}
