package tcp_test

import (
	"bufio"
	"bytes"
	"errors"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/gonode/gonode"
)

// run runs a script in a fresh runtime and returns its stdout.
func run(t *testing.T, src string) string {
	t.Helper()
	var out bytes.Buffer
	rt, err := gonode.New(gonode.Options{Stdout: &out, Stderr: os.Stderr})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	done := make(chan struct{})
	var code int
	go func() {
		defer close(done)
		code, err = rt.RunScript("main.js", src)
	}()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		rt.Stop()
		<-done
		t.Fatalf("script timed out; stdout so far:\n%s", out.String())
	}
	if err != nil || code != 0 {
		t.Fatalf("exit %d, %v; stdout:\n%s", code, err, out.String())
	}
	return out.String()
}

// A JS client talks to a Go echo server.
func TestClientToGoServer(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				sc := bufio.NewScanner(c)
				for sc.Scan() {
					c.Write([]byte(strings.ToUpper(sc.Text()) + "\n"))
				}
			}()
		}
	}()
	port := ln.Addr().(*net.TCPAddr).Port
	got := run(t, `
		const net = require('net');
		const c = net.connect(`+itoa(port)+`, '127.0.0.1', () => { c.write('hello\nworld\n'); });
		let buf = '';
		c.setEncoding('utf8');
		c.on('data', (d) => { buf += d; if (buf.split('\n').length > 2) c.end(); });
		c.on('close', () => console.log(JSON.stringify(buf), c.bytesWritten));
	`)
	if got != "\"HELLO\\nWORLD\\n\" 12\n" {
		t.Fatalf("got %q", got)
	}
}

// A JS server that pauses its socket stops reading from the OS: a Go
// client writing to it eventually blocks (TCP flow control), and gets
// everything through once the server resumes.
func TestPauseStopsReading(t *testing.T) {
	portFile := t.TempDir() + "/port"
	errc := make(chan error, 1)
	go func() {
		var port []byte
		for i := 0; i < 200; i++ {
			port, _ = os.ReadFile(portFile)
			if len(port) > 0 && port[len(port)-1] == '\n' {
				break
			}
			time.Sleep(25 * time.Millisecond)
		}
		c, err := net.Dial("tcp", "127.0.0.1:"+strings.TrimSpace(string(port)))
		if err != nil {
			errc <- err
			return
		}
		defer c.Close()
		chunk := bytes.Repeat([]byte("x"), 64<<10)
		total := 0
		c.SetWriteDeadline(time.Now().Add(1 * time.Second))
		for total < 256<<20 {
			n, err := c.Write(chunk)
			total += n
			if err != nil {
				var ne net.Error
				if errors.As(err, &ne) && ne.Timeout() {
					break // blocked: the server stopped reading
				}
				errc <- err
				return
			}
		}
		if total >= 256<<20 {
			errc <- errors.New("writes never blocked while the server was paused")
			return
		}
		c.(*net.TCPConn).CloseWrite()
		errc <- nil
		// Keep the connection until the server is done.
		c.SetReadDeadline(time.Now().Add(10 * time.Second))
		c.Read(make([]byte, 1))
	}()
	got := run(t, `
		const net = require('net');
		const fs = require('fs');
		const srv = net.createServer((s) => {
			let n = 0;
			s.on('data', (d) => { n += d.length; });
			s.pause();
			setTimeout(() => {
				console.log('paused buffer small:', s.readableLength <= 1 << 20);
				s.resume();
			}, 1500);
			s.on('end', () => { console.log('got bytes:', n > 0); s.end(); srv.close(); });
		});
		srv.listen(0, '127.0.0.1', () => fs.writeFileSync(`+"`"+portFile+"`"+`, srv.address().port + '\n'));
	`)
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	if got != "paused buffer small: true\ngot bytes: true\n" {
		t.Fatalf("got %q", got)
	}
}

// Many concurrent connections in one process.
func TestManyConnections(t *testing.T) {
	got := run(t, `
		const net = require('net');
		const N = 300;
		const srv = net.createServer((s) => s.on('data', (d) => s.write(d)));
		srv.listen(0, '127.0.0.1', () => {
			let ok = 0, closed = 0;
			for (let i = 0; i < N; i++) {
				const c = net.connect(srv.address().port, '127.0.0.1', () => c.write('m' + i));
				c.setEncoding('utf8');
				c.on('data', (d) => { if (d === 'm' + i) ok++; c.end(); });
				c.on('close', () => { if (++closed === N) { console.log(ok); srv.close(); } });
			}
		});
	`)
	if got != "300\n" {
		t.Fatalf("got %q", got)
	}
}

// A Go server sends a reply and closes at once, so that the data and the
// end reach the client together: the client sees both, for a reply
// shorter than one read and for one of many reads. Two rounds, one after
// the other, also cover the loop's poller going away with the last
// connection and coming back with the next.
func TestDataThenEnd(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for _, size := range []int{5, 3 << 20} {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Write(bytes.Repeat([]byte("y"), size))
			c.Close()
		}
	}()
	port := ln.Addr().(*net.TCPAddr).Port
	got := run(t, `
		const net = require('net');
		function round(next) {
			const c = net.connect(`+itoa(port)+`, '127.0.0.1');
			let n = 0;
			c.on('data', (d) => { n += d.length; });
			c.on('end', () => console.log('end after', n));
			c.on('close', () => next && setTimeout(next, 20));
		}
		round(() => round());
	`)
	if got != "end after 5\nend after 3145728\n" {
		t.Fatalf("got %q", got)
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}
