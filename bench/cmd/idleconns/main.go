// Command idleconns holds many idle keep-alive HTTP connections open against
// one server and checks that every one of them is served. It is the client
// half of bench/idle.sh.
//
// It opens -n connections, sends one GET on each and reads the answer, then
// leaves them all idle for -idle, reads the server's resident memory from
// /proc/<pid>/status, and finally sends a second GET on every connection, so
// a server that dropped idle connections or cannot serve them all at once
// shows up as failures.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	n := flag.Int("n", 10000, "connections to hold")
	addr := flag.String("addr", "127.0.0.1:8080", "server address")
	pid := flag.Int("pid", 0, "server process id, to report its memory")
	idle := flag.Duration("idle", 2*time.Second, "how long the connections stay idle")
	dialers := flag.Int("dialers", 100, "connections opened at once")
	flag.Parse()

	conns := make([]*client, *n)
	start := time.Now()
	var failed atomic.Int64
	var firstErr atomic.Value
	fail := func(err error) {
		failed.Add(1)
		firstErr.CompareAndSwap(nil, err.Error())
	}
	// Open and use every connection once, a bounded number at a time so the
	// listen backlog is not what is measured.
	sem := make(chan struct{}, *dialers)
	var wg sync.WaitGroup
	for i := range conns {
		wg.Add(1)
		sem <- struct{}{}
		go func(i int) {
			defer wg.Done()
			defer func() { <-sem }()
			c, err := dial(*addr)
			if err == nil {
				err = c.roundTrip()
			}
			if err != nil {
				fail(err)
				return
			}
			conns[i] = c
		}(i)
	}
	wg.Wait()
	opened := time.Since(start)
	fmt.Printf("opened %d connections in %.2fs, %d failed\n", *n-int(failed.Load()), opened.Seconds(), failed.Load())

	time.Sleep(*idle)
	if *pid != 0 {
		rss, hwm := memory(*pid)
		fmt.Printf("server memory while holding them: rss %d MB, peak %d MB\n", rss/1024, hwm/1024)
	}

	// Every connection, all at once, asks again.
	failed.Store(0)
	start = time.Now()
	for _, c := range conns {
		if c == nil {
			continue
		}
		wg.Add(1)
		go func(c *client) {
			defer wg.Done()
			if err := c.roundTrip(); err != nil {
				fail(err)
			}
			c.conn.Close()
		}(c)
	}
	wg.Wait()
	served := 0
	for _, c := range conns {
		if c != nil {
			served++
		}
	}
	served -= int(failed.Load())
	fmt.Printf("second request on all idle connections: %d served, %d failed in %.2fs\n",
		served, *n-served, time.Since(start).Seconds())
	if e := firstErr.Load(); e != nil {
		fmt.Printf("first error: %s\n", e)
	}
	if served != *n {
		os.Exit(1)
	}
}

// client is one keep-alive connection.
type client struct {
	conn net.Conn
	r    *bufio.Reader
}

func dial(addr string) (*client, error) {
	c, err := net.DialTimeout("tcp", addr, 10*time.Second)
	if err != nil {
		return nil, err
	}
	return &client{conn: c, r: bufio.NewReader(c)}, nil
}

// roundTrip sends one GET and reads the whole answer, which must be a 200
// that keeps the connection open.
func (c *client) roundTrip() error {
	c.conn.SetDeadline(time.Now().Add(30 * time.Second))
	if _, err := io.WriteString(c.conn, "GET / HTTP/1.1\r\nHost: bench\r\n\r\n"); err != nil {
		return err
	}
	res, err := http.ReadResponse(c.r, nil)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if _, err := io.Copy(io.Discard, res.Body); err != nil {
		return err
	}
	if res.StatusCode != 200 || res.Close {
		return fmt.Errorf("status %d, close %v", res.StatusCode, res.Close)
	}
	return nil
}

// memory returns VmRSS and VmHWM of a process in KiB.
func memory(pid int) (rss, hwm int) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		var v int
		if _, err := fmt.Sscanf(line, "VmRSS: %d kB", &v); err == nil {
			rss = v
		}
		if _, err := fmt.Sscanf(line, "VmHWM: %d kB", &v); err == nil {
			hwm = v
		}
	}
	return rss, hwm
}
