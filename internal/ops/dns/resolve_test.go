package dns_test

import (
	"bytes"
	"net"
	"os"
	"testing"
	"time"

	"github.com/gonode/gonode"
	"github.com/gonode/gonode/internal/ops/dns"
)

// node:dns resolve* against a local fake server: the record shapes,
// errors and the promises API as node 24 gives them (MX, SRV and CAA
// records carry their type).
func TestResolveShapes(t *testing.T) {
	srv := dns.FakeServer(t)
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
		code, err = rt.RunScript("main.js", `
			const dns = require('dns');
			const r = new dns.Resolver({ timeout: 2000, tries: 1 });
			r.setServers(['`+srv+`']);
			const p = new dns.promises.Resolver();
			p.setServers(['`+srv+`']);
			const show = (name) => (err, v) => console.log(name, err ? err.code + ' ' + err.syscall + ' ' + err.hostname + ' ' + err.message : JSON.stringify(v));
			const steps = [
				(cb) => r.resolve4('example.test', cb),
				(cb) => r.resolve4('example.test', { ttl: true }, cb),
				(cb) => r.resolve6('example.test', cb),
				(cb) => r.resolveMx('example.test', cb),
				(cb) => r.resolveTxt('example.test', cb),
				(cb) => r.resolveNs('example.test', cb),
				(cb) => r.resolveSrv('example.test', cb),
				(cb) => r.resolveSoa('example.test', cb),
				(cb) => r.resolveCaa('example.test', cb),
				(cb) => r.resolveAny('example.test', cb),
				(cb) => r.resolveCname('www.example.test', cb),
				(cb) => r.reverse('192.0.2.1', cb),
				(cb) => r.resolve('example.test', 'MX', cb),
				(cb) => r.resolve4('nope.test', cb),
				(cb) => r.resolve4('fail.test', cb),
				(cb) => r.resolveNaptr('example.test', cb),
				(cb) => p.resolve4('example.test').then((v) => cb(null, v), cb),
				(cb) => p.resolveMx('nope.test').then((v) => cb(null, v), cb),
			];
			let i = 0;
			const next = () => { if (i < steps.length) { const n = i++; steps[n]((e, v) => { show(n)(e, v); next(); }); } };
			next();
		`)
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		rt.Stop()
		<-done
		t.Fatal("timed out")
	}
	if err != nil || code != 0 {
		t.Fatalf("exit %d, %v\n%s", code, err, out.String())
	}
	want := `0 ["192.0.2.1","192.0.2.2"]
1 [{"address":"192.0.2.1","ttl":300},{"address":"192.0.2.2","ttl":300}]
2 ["2001:db8::1"]
3 [{"exchange":"mx.example.test","priority":10,"type":"MX"}]
4 [["v=spf1"," -all"]]
5 ["ns1.example.test"]
6 [{"name":"sip.example.test","port":5060,"priority":1,"weight":2,"type":"SRV"}]
7 {"nsname":"ns.example.test","hostmaster":"admin.example.test","serial":7,"refresh":1,"retry":2,"expire":3,"minttl":4}
8 [{"critical":0,"type":"CAA","issue":"ca.test"}]
9 [{"address":"192.0.2.1","ttl":300,"type":"A"},{"exchange":"mx.example.test","priority":10,"type":"MX"},{"entries":["hi"],"type":"TXT"}]
10 ["example.test"]
11 ["host.example.test"]
12 [{"exchange":"mx.example.test","priority":10,"type":"MX"}]
13 ENOTFOUND queryA nope.test queryA ENOTFOUND nope.test
14 ESERVFAIL queryA fail.test queryA ESERVFAIL fail.test
15 ENODATA queryNaptr example.test queryNaptr ENODATA example.test
16 ["192.0.2.1","192.0.2.2"]
17 ENOTFOUND queryMx nope.test queryMx ENOTFOUND nope.test
`
	if out.String() != want {
		t.Fatalf("got:\n%s\nwant:\n%s", out.String(), want)
	}
}

// Resolver.cancel stops queries to a server that never answers: the
// callbacks get ECANCELLED at once and the process can exit.
func TestResolveCancel(t *testing.T) {
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer pc.Close()
	go func() {
		buf := make([]byte, 512)
		for {
			if _, _, err := pc.ReadFrom(buf); err != nil {
				return
			}
		}
	}()
	var out bytes.Buffer
	rt, err := gonode.New(gonode.Options{Stdout: &out, Stderr: os.Stderr})
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	start := time.Now()
	code, err := rt.RunScript("main.js", `
		const dns = require('dns');
		const r = new dns.promises.Resolver({ timeout: 5000, tries: 4 });
		r.setServers(['`+pc.LocalAddr().String()+`']);
		r.resolve4('example.test').catch((e) => console.log(e.code, e.syscall, e.message));
		setTimeout(() => r.cancel(), 50);
	`)
	if err != nil || code != 0 {
		t.Fatalf("exit %d, %v", code, err)
	}
	if got, want := out.String(), "ECANCELLED queryA queryA ECANCELLED example.test\n"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Fatalf("cancel took %v", d)
	}
}
