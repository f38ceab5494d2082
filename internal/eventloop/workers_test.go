package eventloop

import (
	"sync"
	"testing"
	"time"
)

// A job that blocks must not hold up the jobs submitted after it, even
// when a worker is spinning and takes them from the queue.
func TestWorkersBlockedJobDoesNotHoldOthers(t *testing.T) {
	var w workers
	release := make(chan struct{})
	defer close(release)
	first := make(chan struct{})
	w.submit(func() { close(first) })
	<-first // its worker is now spinning for a next job
	w.submit(func() { <-release })
	done := make(chan struct{})
	w.submit(func() { close(done) })
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("a job waited behind a blocked one")
	}
}

// Every job of a burst runs exactly once.
func TestWorkersRunEveryJobOnce(t *testing.T) {
	var w workers
	const n = 2000
	var mu sync.Mutex
	seen := make([]int, n)
	var wg sync.WaitGroup
	wg.Add(n)
	for i := 0; i < n; i++ {
		w.submit(func() {
			mu.Lock()
			seen[i]++
			mu.Unlock()
			wg.Done()
		})
		if i%100 == 0 {
			time.Sleep(50 * time.Microsecond) // let workers reach their spin
		}
	}
	wg.Wait()
	for i, c := range seen {
		if c != 1 {
			t.Fatalf("job %d ran %d times", i, c)
		}
	}
}
