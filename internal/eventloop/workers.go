package eventloop

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// workers runs blocking work (file system calls, DNS, compression) off
// the loop, as libuv's thread pool does, but without a fixed size: a job
// that finds no free worker gets a new goroutine, so work that blocks for
// long (a read from a FIFO, a slow lookup) never holds up other work.
//
// The point of the pool is the hand-off. Starting a goroutine while the
// machine's other processors are idle makes the runtime wake a sleeping
// thread, a futex call that costs the loop goroutine several
// microseconds (tens in a virtual machine) per request, and the woken
// thread as much again before the work starts. A stream copy makes two
// requests per 64 KiB chunk. So a worker whose job is done stays awake
// for a short while (spinWindow), yielding its processor to whatever is
// runnable, and takes the next job if one comes: requests that follow
// each other closely then go from the loop to a running thread with no
// wake-up at all, in either direction.
type workers struct {
	mu       sync.Mutex
	queue    []func()
	spinning int          // workers waiting for a job (under mu)
	queued   atomic.Int32 // len(queue), read without mu by spinners
}

// spinWindow is how long a worker stays awake for the next job: more
// than the loop takes, between requests, to run the callback of one (a
// stream's chunk is about 50 to 100 µs of JS), and short enough that a
// worker that finds nothing costs little.
const spinWindow = 100 * time.Microsecond

// submit runs job on a worker: a spinning one when there is one for it,
// else a new one.
func (w *workers) submit(job func()) {
	w.mu.Lock()
	if len(w.queue) < w.spinning {
		w.queue = append(w.queue, job)
		w.queued.Store(int32(len(w.queue)))
		w.mu.Unlock()
		return
	}
	w.mu.Unlock()
	go w.run(job)
}

func (w *workers) run(job func()) {
	for job != nil {
		job()
		job = w.next()
	}
}

// next waits up to spinWindow for a queued job, or returns nil.
func (w *workers) next() func() {
	if runtime.GOMAXPROCS(0) == 1 {
		// One processor: a new goroutine needs no thread woken, and a
		// spinning worker would only take turns with the loop.
		return nil
	}
	w.mu.Lock()
	w.spinning++
	w.mu.Unlock()
	deadline := time.Now().Add(spinWindow)
	for {
		if w.queued.Load() > 0 {
			w.mu.Lock()
			if len(w.queue) > 0 {
				job := w.queue[0]
				w.queue[0] = nil
				w.queue = w.queue[1:]
				w.queued.Store(int32(len(w.queue)))
				w.spinning--
				w.mu.Unlock()
				return job
			}
			w.mu.Unlock()
		}
		if time.Now().After(deadline) {
			break
		}
		runtime.Gosched()
	}
	w.mu.Lock()
	w.spinning--
	// A job queued for this worker after its last look: take it, since
	// submit counted on it.
	var job func()
	if len(w.queue) > w.spinning {
		job = w.queue[0]
		w.queue[0] = nil
		w.queue = w.queue[1:]
		w.queued.Store(int32(len(w.queue)))
	}
	w.mu.Unlock()
	return job
}
