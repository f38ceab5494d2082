// Package eventloop is gonode's event loop: one goroutine owns the JS
// engine and runs every callback; other goroutines only post completions.
//
// Phases follow libuv as Node uses it: timers, poll (I/O completions),
// check (setImmediate), close callbacks. The loop itself knows nothing of
// JS: the runtime supplies hooks for the check phase and for the work
// Node does after every callback (nextTick queue, then promise jobs).
package eventloop

import (
	"container/heap"
	"sync"
	"time"
)

// Hooks connect the loop to the runtime above it.
type Hooks struct {
	// AfterCallback runs after every callback the loop makes (Node drains
	// process.nextTick and the microtask queue here).
	AfterCallback func()
	// PendingImmediates reports whether setImmediate callbacks are queued
	// and whether any of them is ref'd (keeps the loop alive).
	PendingImmediates func() (any, ref bool)
	// RunImmediates runs the check phase.
	RunImmediates func()
	// BeforeExit runs when nothing is left to do; if it schedules more work
	// the loop continues (process 'beforeExit').
	BeforeExit func()
	// Stopped reports whether the runtime wants to stop now (process.exit
	// or a fatal error).
	Stopped func() bool
	// CaptureContext, when set, is called as work starts (Pending) and
	// returns the async context its completion should run in, or nil
	// for none; RunInContext then runs the completion in it (borrowing
	// ctx), and ReleaseContext drops it. This is how AsyncLocalStorage
	// follows a callback through a request.
	CaptureContext func() any
	RunInContext   func(ctx any, f func())
	ReleaseContext func(ctx any)
}

// CaptureContext returns the async context current now (loop goroutine),
// or nil: see Hooks. A non-nil result is passed to RunInContext any number
// of times and then to ReleaseContext once.
func (l *Loop) CaptureContext() any {
	if l.hooks.CaptureContext == nil {
		return nil
	}
	return l.hooks.CaptureContext()
}

// RunInContext runs f in ctx, from CaptureContext (loop goroutine).
func (l *Loop) RunInContext(ctx any, f func()) {
	if ctx == nil {
		f()
		return
	}
	l.hooks.RunInContext(ctx, f)
}

// ReleaseContext drops ctx, from CaptureContext (loop goroutine).
func (l *Loop) ReleaseContext(ctx any) {
	if ctx != nil {
		l.hooks.ReleaseContext(ctx)
	}
}

// ReleaseContextAtClose drops the context in *ctx in this iteration's
// close phase and then clears *ctx: a closed handle's completions already
// posted still run in it (loop goroutine).
func (l *Loop) ReleaseContextAtClose(ctx *any) {
	if *ctx == nil {
		return
	}
	l.OnClose(func() {
		l.ReleaseContext(*ctx)
		*ctx = nil
	})
}

// Loop is the event loop. Methods marked "loop goroutine" must be called
// from the goroutine that runs Run.
type Loop struct {
	hooks Hooks
	start time.Time

	timers  timerHeap
	byID    map[int64]*timer
	timerRC int // ref'd timers in the heap
	seq     uint64

	mu      sync.Mutex
	posted  []func()
	wake    chan struct{}
	pending int // ref'd operations in flight (guarded by mu)

	poller Poller
	inPoll bool // the loop waits in poller.Poll (guarded by mu)

	handles int // ref'd long-lived handles (servers, sockets...)
	closing []func()
}

// New makes a loop with the given hooks.
func New(h Hooks) *Loop {
	return &Loop{
		hooks: h,
		start: time.Now(),
		byID:  map[int64]*timer{},
		wake:  make(chan struct{}, 1),
	}
}

// Now returns milliseconds since the loop was created, on the monotonic
// clock (Node's timer clock).
func (l *Loop) Now() float64 {
	return float64(time.Since(l.start).Nanoseconds()) / 1e6
}

type timer struct {
	id    int64
	when  time.Duration // since l.start: the heap's key
	due   time.Duration // the real deadline (>= when; see RefreshTimer)
	seq   uint64
	ref   bool
	index int
	fire  func()
}

type timerHeap []*timer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if h[i].when != h[j].when {
		return h[i].when < h[j].when
	}
	return h[i].seq < h[j].seq
}
func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index = i
	h[j].index = j
}
func (h *timerHeap) Push(x any) {
	t := x.(*timer)
	t.index = len(*h)
	*h = append(*h, t)
}
func (h *timerHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	t.index = -1
	return t
}

// StartTimer schedules fire after d (loop goroutine). A timer id that is
// already scheduled is rescheduled.
func (l *Loop) StartTimer(id int64, d time.Duration, ref bool, fire func()) {
	l.StartTimerFrom(id, time.Since(l.start), d, ref, fire)
}

// StartTimerFrom is StartTimer counting d from the loop time from (as
// returned by Now, in the same units as time.Since the loop's start)
// rather than from now: an interval re-armed after its callback counts
// from when the callback began, so that the callback's own duration is
// not added to the period.
func (l *Loop) StartTimerFrom(id int64, from, d time.Duration, ref bool, fire func()) {
	l.StopTimer(id)
	if d < time.Millisecond {
		d = time.Millisecond // Node clamps delays below 1ms to 1ms
	}
	l.seq++
	when := from + d
	t := &timer{id: id, when: when, due: when, seq: l.seq, ref: ref, fire: fire}
	heap.Push(&l.timers, t)
	l.byID[id] = t
	if ref {
		l.timerRC++
	}
}

// RefreshTimer restarts the countdown of a scheduled timer to d from now,
// keeping its callback (loop goroutine). Pushing a deadline later only
// records it: the heap entry is moved when it comes due, so that a timer
// refreshed on every read and write (a socket's idle timeout) costs no
// heap work. It reports false when id is not scheduled.
func (l *Loop) RefreshTimer(id int64, d time.Duration) bool {
	t, ok := l.byID[id]
	if !ok || t.index < 0 {
		return false
	}
	if d < time.Millisecond {
		d = time.Millisecond
	}
	due := time.Since(l.start) + d
	l.seq++
	if due < t.when {
		t.when = due
		heap.Fix(&l.timers, t.index)
	}
	t.due = due
	t.seq = l.seq
	return true
}

// StopTimer cancels a timer (loop goroutine).
func (l *Loop) StopTimer(id int64) {
	t, ok := l.byID[id]
	if !ok {
		return
	}
	delete(l.byID, id)
	if t.index >= 0 {
		heap.Remove(&l.timers, t.index)
	}
	if t.ref {
		l.timerRC--
	}
}

// RefTimer changes whether a timer keeps the loop alive (loop goroutine).
func (l *Loop) RefTimer(id int64, ref bool) {
	t, ok := l.byID[id]
	if !ok || t.ref == ref {
		return
	}
	t.ref = ref
	if ref {
		l.timerRC++
	} else {
		l.timerRC--
	}
}

// Ref counts a long-lived handle that keeps the loop alive (loop goroutine).
func (l *Loop) Ref() { l.handles++ }

// Unref releases a handle counted by Ref (loop goroutine).
func (l *Loop) Unref() { l.handles-- }

// Pending registers an operation that will complete later (loop
// goroutine): the loop stays alive until the returned function is called
// exactly once, from any goroutine, with the completion to run on the
// loop.
func (l *Loop) Pending() func(done func()) {
	l.mu.Lock()
	l.pending++
	l.mu.Unlock()
	actx := l.CaptureContext()
	var once sync.Once
	return func(done func()) {
		once.Do(func() {
			// pending drops only when the completion runs on the loop:
			// dropping it here would let the loop see nothing alive and
			// exit with the completion still queued.
			l.mu.Lock()
			l.posted = append(l.posted, func() {
				l.mu.Lock()
				l.pending--
				l.mu.Unlock()
				if actx != nil {
					l.hooks.RunInContext(actx, done)
					l.hooks.ReleaseContext(actx)
				} else {
					done()
				}
			})
			l.notify()
		})
	}
}

// Post queues f to run on the loop goroutine. It does not keep the loop
// alive by itself. Safe from any goroutine.
func (l *Loop) Post(f func()) {
	l.mu.Lock()
	l.posted = append(l.posted, f)
	l.notify()
}

// notify wakes the loop after a post; it is called with l.mu held and
// releases it.
func (l *Loop) notify() {
	if l.inPoll {
		l.inPoll = false
		p := l.poller
		l.mu.Unlock()
		p.Wake()
		return
	}
	l.mu.Unlock()
	l.signal()
}

// Poller is I/O that the loop waits for itself in its poll phase, as
// libuv waits in epoll, instead of goroutines that wait and post each
// completion (two hand-offs per event). One binding may install one.
type Poller interface {
	// Active reports whether there is anything to poll; when not, the
	// loop waits as it does without a poller (loop goroutine).
	Active() bool
	// Poll waits up to timeout (no limit when negative, not at all when
	// zero) for I/O, returning early when Wake is called, and returns
	// the completions to run on the loop, in order (loop goroutine).
	Poll(timeout time.Duration) []func()
	// Wake makes a Poll under way return (any goroutine).
	Wake()
}

// SetPoller installs p, or with nil removes the poller (loop goroutine).
func (l *Loop) SetPoller(p Poller) {
	l.mu.Lock()
	l.poller = p
	l.mu.Unlock()
}

// Go runs work on a worker goroutine (see workers) and then
// done(result) on the loop, keeping the loop alive in between.
func Go[T any](l *Loop, work func() T, done func(T)) {
	complete := l.Pending()
	pool.submit(func() {
		r := work()
		complete(func() { done(r) })
	})
}

// pool runs the work of Go for every loop of the process.
var pool workers

// OnClose queues a close callback for this iteration's close phase.
func (l *Loop) OnClose(f func()) { l.closing = append(l.closing, f) }

func (l *Loop) signal() {
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

func (l *Loop) alive() bool {
	l.mu.Lock()
	p := l.pending
	l.mu.Unlock()
	if p > 0 || l.timerRC > 0 || l.handles > 0 || len(l.closing) > 0 {
		return true
	}
	if l.hooks.PendingImmediates != nil {
		if _, ref := l.hooks.PendingImmediates(); ref {
			return true
		}
	}
	return false
}

func (l *Loop) stopped() bool {
	return l.hooks.Stopped != nil && l.hooks.Stopped()
}

func (l *Loop) after() {
	if l.hooks.AfterCallback != nil {
		l.hooks.AfterCallback()
	}
}

// Run runs the loop until nothing ref'd is left or Stopped reports true.
func (l *Loop) Run() {
	for {
		if l.stopped() {
			return
		}
		if !l.alive() {
			if l.hooks.BeforeExit != nil {
				l.hooks.BeforeExit()
				if l.stopped() {
					return
				}
			}
			if !l.alive() {
				return
			}
		}
		l.runTimers()
		if l.stopped() {
			return
		}
		l.poll()
		if l.stopped() {
			return
		}
		if l.hooks.RunImmediates != nil {
			if any, _ := l.hooks.PendingImmediates(); any {
				l.hooks.RunImmediates()
			}
		}
		if l.stopped() {
			return
		}
		l.runClosing()
	}
}

// runTimers fires every timer that is due, in order of deadline.
func (l *Loop) runTimers() {
	now := time.Since(l.start)
	for len(l.timers) > 0 && !l.stopped() {
		t := l.timers[0]
		if t.when > now {
			return
		}
		if t.due != t.when {
			// Refreshed since it was queued: requeue it under its real
			// deadline, behind timers that were due before it.
			t.when = t.due
			heap.Fix(&l.timers, 0)
			continue
		}
		heap.Pop(&l.timers)
		delete(l.byID, t.id)
		if t.ref {
			l.timerRC--
		}
		t.fire()
		l.after()
	}
}

// poll waits for completions until the next timer is due (or not at all
// when immediates or close callbacks are waiting) and runs them.
func (l *Loop) poll() {
	var timeout time.Duration = -1
	anyImm := false
	if l.hooks.PendingImmediates != nil {
		anyImm, _ = l.hooks.PendingImmediates()
	}
	if anyImm || len(l.closing) > 0 || !l.alive() {
		// Nothing ref'd to wait for (as libuv: no active handles or
		// requests means a zero poll timeout), or work is waiting.
		timeout = 0
	} else if len(l.timers) > 0 {
		timeout = max(l.timers[0].when-time.Since(l.start), 0)
	}
	l.mu.Lock()
	has := len(l.posted) > 0
	p := l.poller
	if p != nil && !p.Active() {
		p = nil
	}
	if p != nil {
		if has {
			timeout = 0
		}
		l.inPoll = timeout != 0
	}
	l.mu.Unlock()
	if p != nil {
		done := p.Poll(timeout)
		l.mu.Lock()
		l.inPoll = false
		l.mu.Unlock()
		for i, f := range done {
			if l.stopped() {
				// Keep what was not run, as runPosted does.
				l.mu.Lock()
				l.posted = append(append([]func(){}, done[i:]...), l.posted...)
				l.mu.Unlock()
				return
			}
			f()
			l.after()
		}
	} else if !has && timeout != 0 {
		if timeout < 0 {
			<-l.wake
		} else {
			tm := time.NewTimer(timeout)
			select {
			case <-l.wake:
			case <-tm.C:
			}
			tm.Stop()
		}
	}
	l.runPosted()
}

func (l *Loop) runPosted() {
	l.mu.Lock()
	batch := l.posted
	l.posted = nil
	l.mu.Unlock()
	for i, f := range batch {
		if l.stopped() {
			// Keep what was not run, so that an embedder that resumes sees it.
			l.mu.Lock()
			l.posted = append(batch[i:], l.posted...)
			l.mu.Unlock()
			return
		}
		f()
		l.after()
	}
}

func (l *Loop) runClosing() {
	batch := l.closing
	l.closing = nil
	for _, f := range batch {
		f()
		l.after()
	}
}
