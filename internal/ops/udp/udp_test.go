package udp_test

import (
	"bytes"
	"fmt"
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
	case <-time.After(30 * time.Second):
		rt.Stop()
		<-done
		t.Fatalf("script timed out; stdout so far:\n%s", out.String())
	}
	if err != nil || code != 0 {
		t.Fatalf("exit %d, %v; stdout:\n%s", code, err, out.String())
	}
	return out.String()
}

// A JS socket sends to a Go UDP echo peer and gets the reply back, with
// the peer's address in rinfo.
func TestEchoWithGoPeer(t *testing.T) {
	pc, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	defer pc.Close()
	go func() {
		buf := make([]byte, 1024)
		for {
			n, addr, err := pc.ReadFromUDP(buf)
			if err != nil {
				return
			}
			_, _ = pc.WriteToUDP(append([]byte("echo:"), buf[:n]...), addr)
		}
	}()
	port := pc.LocalAddr().(*net.UDPAddr).Port
	got := run(t, fmt.Sprintf(`
		const s = require('dgram').createSocket('udp4');
		s.on('message', (msg, rinfo) => {
			console.log(msg.toString(), rinfo.address, rinfo.port === %d, rinfo.size, rinfo.family);
			s.close(() => console.log('closed'));
		});
		s.send(['hel', Buffer.from('lo')], %d, '127.0.0.1', (err, n) => console.log('sent', err, n));
	`, port, port))
	want := "sent null 5\necho:hello 127.0.0.1 true 10 IPv4\nclosed\n"
	if got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// A bound, unref'd socket does not keep the process alive; a ref'd one
// does until it is closed.
func TestRefUnref(t *testing.T) {
	start := time.Now()
	got := run(t, `
		const s = require('dgram').createSocket('udp4');
		s.bind(0, () => { s.unref(); console.log('bound'); });
	`)
	if got != "bound\n" || time.Since(start) > 10*time.Second {
		t.Fatalf("got %q after %v", got, time.Since(start))
	}
	got = run(t, `
		const s = require('dgram').createSocket('udp4');
		s.bind(0, () => setTimeout(() => s.close(() => console.log('closed')), 50));
	`)
	if got != "closed\n" {
		t.Fatalf("got %q", got)
	}
}

// Binding a port in use fails as node reports it.
func TestBindInUse(t *testing.T) {
	pc, err := net.ListenUDP("udp4", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	defer pc.Close()
	port := pc.LocalAddr().(*net.UDPAddr).Port
	got := run(t, fmt.Sprintf(`
		const s = require('dgram').createSocket('udp4');
		s.on('error', (e) => { console.log(e.code, e.syscall, e.message); s.close(); });
		s.bind(%d, '127.0.0.1');
	`, port))
	want := fmt.Sprintf("EADDRINUSE bind bind EADDRINUSE 127.0.0.1:%d", port)
	if strings.TrimSpace(got) != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}
