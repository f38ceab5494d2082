package dns

import (
	"context"
	"encoding/json"
	"net"
	"testing"
	"time"

	"golang.org/x/net/dns/dnsmessage"
)

// FakeServer answers DNS queries on a local UDP port (and TCP on the same
// port for truncated answers) from a fixed table.
func FakeServer(t *testing.T) string {
	t.Helper()
	// The server needs the same port on UDP and TCP; a free UDP port may be
	// taken on TCP by another test, so try a few.
	var pc net.PacketConn
	var ln net.Listener
	var addr string
	for try := 0; ; try++ {
		var err error
		pc, err = net.ListenPacket("udp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr = pc.LocalAddr().String()
		ln, err = net.Listen("tcp", addr)
		if err == nil {
			break
		}
		pc.Close()
		if try == 20 {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { pc.Close() })
	t.Cleanup(func() { ln.Close() })

	answer := func(req []byte, tcp bool) []byte {
		var m dnsmessage.Message
		if err := m.Unpack(req); err != nil || len(m.Questions) != 1 {
			return nil
		}
		q := m.Questions[0]
		resp := dnsmessage.Message{
			Header:    dnsmessage.Header{ID: m.Header.ID, Response: true, RecursionAvailable: true},
			Questions: m.Questions,
		}
		hdr := dnsmessage.ResourceHeader{Name: q.Name, Class: dnsmessage.ClassINET, TTL: 300}
		add := func(typ dnsmessage.Type, body dnsmessage.ResourceBody) {
			h := hdr
			h.Type = typ
			resp.Answers = append(resp.Answers, dnsmessage.Resource{Header: h, Body: body})
		}
		switch q.Name.String() {
		case "example.test.":
			switch q.Type {
			case dnsmessage.TypeA:
				add(dnsmessage.TypeA, &dnsmessage.AResource{A: [4]byte{192, 0, 2, 1}})
				add(dnsmessage.TypeA, &dnsmessage.AResource{A: [4]byte{192, 0, 2, 2}})
			case dnsmessage.TypeMX:
				add(dnsmessage.TypeMX, &dnsmessage.MXResource{Pref: 10, MX: dnsmessage.MustNewName("mx.example.test.")})
			case dnsmessage.TypeTXT:
				add(dnsmessage.TypeTXT, &dnsmessage.TXTResource{TXT: []string{"v=spf1", " -all"}})
			case dnsmessage.TypeSOA:
				add(dnsmessage.TypeSOA, &dnsmessage.SOAResource{NS: dnsmessage.MustNewName("ns.example.test."),
					MBox: dnsmessage.MustNewName("admin.example.test."), Serial: 7, Refresh: 1, Retry: 2, Expire: 3, MinTTL: 4})
			case dnsmessage.TypeNS:
				add(dnsmessage.TypeNS, &dnsmessage.NSResource{NS: dnsmessage.MustNewName("ns1.example.test.")})
			case dnsmessage.TypeAAAA:
				add(dnsmessage.TypeAAAA, &dnsmessage.AAAAResource{AAAA: [16]byte{0x20, 0x01, 0x0d, 0xb8, 15: 1}})
			case dnsmessage.TypeSRV:
				add(dnsmessage.TypeSRV, &dnsmessage.SRVResource{Priority: 1, Weight: 2, Port: 5060, Target: dnsmessage.MustNewName("sip.example.test.")})
			case dnsmessage.TypeALL:
				add(dnsmessage.TypeA, &dnsmessage.AResource{A: [4]byte{192, 0, 2, 1}})
				add(dnsmessage.TypeMX, &dnsmessage.MXResource{Pref: 10, MX: dnsmessage.MustNewName("mx.example.test.")})
				add(dnsmessage.TypeTXT, &dnsmessage.TXTResource{TXT: []string{"hi"}})
			case dnsmessage.Type(257):
				add(dnsmessage.Type(257), &dnsmessage.UnknownResource{Type: 257, Data: append([]byte{0, 5}, "issueca.test"...)})
			}
		case "www.example.test.":
			add(dnsmessage.TypeCNAME, &dnsmessage.CNAMEResource{CNAME: dnsmessage.MustNewName("example.test.")})
		case "1.2.0.192.in-addr.arpa.":
			add(dnsmessage.TypePTR, &dnsmessage.PTRResource{PTR: dnsmessage.MustNewName("host.example.test.")})
		case "big.test.":
			if !tcp {
				resp.Header.Truncated = true
			} else {
				add(dnsmessage.TypeA, &dnsmessage.AResource{A: [4]byte{198, 51, 100, 7}})
			}
		case "fail.test.":
			resp.Header.RCode = dnsmessage.RCodeServerFailure
		default:
			resp.Header.RCode = dnsmessage.RCodeNameError
		}
		out, _ := resp.Pack()
		return out
	}
	go func() {
		buf := make([]byte, 1500)
		for {
			n, from, err := pc.ReadFrom(buf)
			if err != nil {
				return
			}
			if out := answer(buf[:n], false); out != nil {
				pc.WriteTo(out, from)
			}
		}
	}()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				var l [2]byte
				if _, err := readFull(c, l[:]); err != nil {
					return
				}
				req := make([]byte, int(l[0])<<8|int(l[1]))
				if _, err := readFull(c, req); err != nil {
					return
				}
				out := answer(req, true)
				c.Write(append([]byte{byte(len(out) >> 8), byte(len(out))}, out...))
			}()
		}
	}()
	return addr
}

func TestQuery(t *testing.T) {
	srv := FakeServer(t)
	q := &Querier{Servers: []string{srv}, Timeout: 2 * time.Second, Tries: 1}
	ctx := context.Background()
	cases := []struct {
		name, typ, want, code string
	}{
		{"example.test", "A", `[{"address":"192.0.2.1","ttl":300,"type":"A"},{"address":"192.0.2.2","ttl":300,"type":"A"}]`, ""},
		{"example.test", "MX", `[{"exchange":"mx.example.test","priority":10,"type":"MX"}]`, ""},
		{"example.test", "TXT", `[{"entries":["v=spf1"," -all"],"type":"TXT"}]`, ""},
		{"example.test", "SOA", `{"expire":3,"hostmaster":"admin.example.test","minttl":4,"nsname":"ns.example.test","refresh":1,"retry":2,"serial":7}`, ""},
		{"example.test", "CAA", `[{"critical":0,"issue":"ca.test","type":"CAA"}]`, ""},
		{"example.test", "NAPTR", "", "ENODATA"},
		{"big.test", "A", `[{"address":"198.51.100.7","ttl":300,"type":"A"}]`, ""},
		{"nope.test", "A", "", "ENOTFOUND"},
		{"fail.test", "A", "", "ESERVFAIL"},
		{"example.test", "BOGUS", "", "ENOTIMP"},
	}
	for _, c := range cases {
		got, code := q.Query(ctx, c.name, c.typ)
		if code != c.code {
			t.Errorf("%s %s: code %q, want %q", c.name, c.typ, code, c.code)
			continue
		}
		if c.want != "" && got != c.want {
			t.Errorf("%s %s:\n got %s\nwant %s", c.name, c.typ, got, c.want)
		}
		if got != "" && !json.Valid([]byte(got)) {
			t.Errorf("%s %s: invalid JSON %s", c.name, c.typ, got)
		}
	}
}

func TestQueryUnreachable(t *testing.T) {
	// A UDP port nobody answers on: refused (ICMP) or timed out.
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := pc.LocalAddr().String()
	pc.Close()
	q := &Querier{Servers: []string{addr}, Timeout: 200 * time.Millisecond, Tries: 1}
	_, code := q.Query(context.Background(), "example.test", "A")
	if code != "ECONNREFUSED" && code != "ETIMEOUT" {
		t.Fatalf("code %q, want ECONNREFUSED or ETIMEOUT", code)
	}
}

func TestLookupLocalhost(t *testing.T) {
	addrs, errno := Lookup(context.Background(), "localhost", 4, 0, OrderVerbatim)
	if errno != 0 {
		t.Fatalf("lookup localhost: %d", errno)
	}
	if len(addrs) == 0 || addrs[0].IP != "127.0.0.1" || addrs[0].Family != 4 {
		t.Fatalf("lookup localhost = %v", addrs)
	}
}

func TestLookupOrder(t *testing.T) {
	addrs, errno := Lookup(context.Background(), "localhost", 0, 0, OrderIPv4First)
	if errno != 0 {
		t.Skip("no localhost entry")
	}
	seen6 := false
	for _, a := range addrs {
		if a.Family == 6 {
			seen6 = true
		} else if seen6 {
			t.Fatalf("ipv4first order broken: %v", addrs)
		}
	}
}

func TestServerAddr(t *testing.T) {
	for in, want := range map[string]string{
		"1.2.3.4":        "1.2.3.4:53",
		"1.2.3.4:5353":   "1.2.3.4:5353",
		"::1":            "[::1]:53",
		"[::1]:5353":     "[::1]:5353",
		"[2001:db8::1]":  "[2001:db8::1]:53",
		"127.0.0.1:1053": "127.0.0.1:1053",
	} {
		if got := serverAddr(in); got != want {
			t.Errorf("serverAddr(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestServiceName(t *testing.T) {
	if s := serviceName(65000); s != "65000" {
		t.Errorf("serviceName(65000) = %q", s)
	}
}

func TestLookupHints(t *testing.T) {
	// V4MAPPED with family 6: IPv4 answers come back as ::ffff:a.b.c.d
	// when there is no IPv6 answer.
	addrs, errno := Lookup(context.Background(), "127.0.0.1", 6, AIV4Mapped, OrderVerbatim)
	if errno != 0 || len(addrs) != 1 || addrs[0].IP != "::ffff:127.0.0.1" || addrs[0].Family != 6 {
		t.Fatalf("V4MAPPED lookup = %v, %d", addrs, errno)
	}
	if _, errno := Lookup(context.Background(), "127.0.0.1", 6, 0, OrderVerbatim); errno != uvEAINoName {
		t.Fatalf("family 6 lookup of an IPv4 address: errno %d, want %d", errno, uvEAINoName)
	}
	if _, errno := Lookup(context.Background(), "localhost", 0, 1<<20, OrderVerbatim); errno != uvEAIBadFlag {
		t.Fatalf("bad hints: errno %d", errno)
	}
	if _, errno := Lookup(context.Background(), "nonexistent.invalid", 0, 0, OrderVerbatim); errno == 0 {
		t.Fatal("lookup of a .invalid name succeeded")
	}
}

func TestLookupServiceNameRequired(t *testing.T) {
	if _, _, errno := LookupService(context.Background(), "not-an-ip", 80); errno != uvEAINoName {
		t.Fatalf("errno %d, want %d", errno, uvEAINoName)
	}
	host, svc, errno := LookupService(context.Background(), "127.0.0.1", 65000)
	if errno == 0 && (host == "" || svc != "65000") {
		t.Fatalf("LookupService = %q %q", host, svc)
	}
}

func TestCanonicalizeIP(t *testing.T) {
	for in, want := range map[string]string{
		"127.0.0.1":        "127.0.0.1",
		"::0001":           "::1",
		"::ffff:127.0.0.1": "::ffff:127.0.0.1",
		"2001:DB8::0:1":    "2001:db8::1",
		"nope":             "",
		"1.2.3":            "",
	} {
		if got := canonicalizeIP(in); got != want {
			t.Errorf("canonicalizeIP(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRoundTimeout(t *testing.T) {
	q := &Querier{Timeout: 500 * time.Millisecond}
	for r, want := range []time.Duration{500, 750, 1500, 3000} {
		if got := q.roundTimeout(r); got != want*time.Millisecond {
			t.Errorf("round %d: %v, want %vms", r, got, want)
		}
	}
	q.MaxTimeout = 700 * time.Millisecond
	for r, want := range []time.Duration{500, 700, 700} {
		if got := q.roundTimeout(r); got != want*time.Millisecond {
			t.Errorf("capped round %d: %v, want %vms", r, got, want)
		}
	}
	// A cap below the timeout gives way to the timeout; short timeouts
	// wait at least 250ms in the first round.
	q = &Querier{Timeout: 10 * time.Millisecond, MaxTimeout: 5 * time.Millisecond}
	for r, want := range []time.Duration{10, 10} {
		if got := q.roundTimeout(r); got != want*time.Millisecond {
			t.Errorf("capped round %d: %v, want %vms", r, got, want)
		}
	}
	if got := (&Querier{}).roundTimeout(0); got != 2*time.Second {
		t.Errorf("default timeout %v", got)
	}
}

func TestQueryLocalAddress(t *testing.T) {
	srv := FakeServer(t)
	q := &Querier{Servers: []string{srv}, Timeout: 2 * time.Second, Tries: 1, Local4: net.ParseIP("127.0.0.1")}
	if _, code := q.Query(context.Background(), "example.test", "A"); code != "" {
		t.Fatalf("query from 127.0.0.1: %s", code)
	}
}
