package http2

import (
	"testing"

	"golang.org/x/net/http2"
)

// pipe moves bytes between two sessions until both are quiet and returns
// the events each reported.
func pipe(t *testing.T, c, s *Session) (cev, sev []Event) {
	t.Helper()
	for i := 0; i < 1000; i++ {
		cout, ce := c.Take()
		sout, se := s.Take()
		cev = append(cev, ce...)
		sev = append(sev, se...)
		if cout == nil && sout == nil {
			return
		}
		if cout != nil {
			s.Receive(cout)
		}
		if sout != nil {
			c.Receive(sout)
		}
	}
	t.Fatal("sessions did not settle")
	return
}

func find(evs []Event, kind string) []Event {
	var out []Event
	for _, e := range evs {
		if e.Kind == kind {
			out = append(out, e)
		}
	}
	return out
}

func TestRequestResponseTrailers(t *testing.T) {
	c := NewSession(false, nil)
	s := NewSession(true, []http2.Setting{{ID: http2.SettingMaxConcurrentStreams, Val: 10}})
	id := c.Request([]string{":method", "POST", ":path", "/x", ":scheme", "http", ":authority", "a", "x-secret", "1"}, map[string]bool{"x-secret": true}, false)
	if id != 1 {
		t.Fatalf("stream id %d", id)
	}
	c.Data(id, []byte("hello"), true)
	cev, sev := pipe(t, c, s)
	if got := find(cev, "settings"); len(got) != 1 || len(got[0].Hdrs) != 2 || got[0].Hdrs[0] != "3" || got[0].Hdrs[1] != "10" {
		t.Fatalf("client remote settings %+v", got)
	}
	h := find(sev, "headers")
	if len(h) != 1 || h[0].SID != 1 || h[0].Hdrs[1] != "POST" || h[0].Extra != "x-secret" {
		t.Fatalf("server headers %+v", h)
	}
	d := find(sev, "data")
	if len(d) != 1 || string(d[0].Data) != "hello" || !d[0].Flag {
		t.Fatalf("server data %+v", d)
	}
	s.Headers(1, []string{":status", "200"}, nil, false)
	s.Data(1, []byte("world"), false)
	s.Headers(1, []string{"x-t", "v"}, nil, true)
	cev, sev = pipe(t, c, s)
	ch := find(cev, "headers")
	if len(ch) != 2 || ch[0].Hdrs[1] != "200" || ch[1].Hdrs[0] != "x-t" || !ch[1].Flag {
		t.Fatalf("client headers %+v", ch)
	}
	if got := find(cev, "close"); len(got) != 1 || got[0].SID != 1 || got[0].A != 0 {
		t.Fatalf("client close %+v", got)
	}
	if got := find(sev, "close"); len(got) != 1 {
		t.Fatalf("server close %+v", got)
	}
}

func TestFlowControlBlocksAndResumes(t *testing.T) {
	c := NewSession(false, nil)
	s := NewSession(true, []http2.Setting{{ID: http2.SettingInitialWindowSize, Val: 1000}})
	pipe(t, c, s)
	id := c.Request([]string{":method", "POST", ":path", "/", ":scheme", "http", ":authority", "a"}, nil, false)
	big := make([]byte, 100000)
	c.Data(id, big, true)
	if c.Pending(id) == 0 {
		t.Fatal("expected data held back by the stream window")
	}
	_, sev := pipe(t, c, s)
	n := 0
	for _, e := range find(sev, "data") {
		n += len(e.Data)
	}
	if n != len(big) {
		t.Fatalf("server got %d bytes, want %d", n, len(big))
	}
}

func TestPingGoawayRST(t *testing.T) {
	c := NewSession(false, nil)
	s := NewSession(true, nil)
	c.Ping([8]byte{1, 2, 3, 4, 5, 6, 7, 8})
	id := c.Request([]string{":method", "GET", ":path", "/", ":scheme", "http", ":authority", "a"}, nil, true)
	cev, sev := pipe(t, c, s)
	if got := find(cev, "pingAck"); len(got) != 1 || got[0].Data[7] != 8 {
		t.Fatalf("ping ack %+v", got)
	}
	if len(find(sev, "ping")) != 1 {
		t.Fatal("server saw no ping")
	}
	s.RST(id, uint32(http2.ErrCodeRefusedStream))
	s.GoAway(0, 0, []byte("bye"))
	cev, _ = pipe(t, c, s)
	if got := find(cev, "rst"); len(got) != 1 || got[0].A != int64(http2.ErrCodeRefusedStream) {
		t.Fatalf("rst %+v", got)
	}
	g := find(cev, "goaway")
	if len(g) != 1 || g[0].B != 1 || string(g[0].Data) != "bye" {
		t.Fatalf("goaway %+v", g)
	}
}

func TestBadPreface(t *testing.T) {
	s := NewSession(true, nil)
	s.Receive([]byte("GET / HTTP/1.1\r\n\r\n"))
	_, ev := s.Take()
	if len(find(ev, "badPreface")) != 1 {
		t.Fatalf("events %+v", ev)
	}
}

func TestServerPush(t *testing.T) {
	c := NewSession(false, nil)
	s := NewSession(true, nil)
	id := c.Request([]string{":method", "GET", ":path", "/", ":scheme", "http", ":authority", "a"}, nil, true)
	_, sev := pipe(t, c, s)
	if len(find(sev, "headers")) != 1 {
		t.Fatalf("server saw no request: %+v", sev)
	}
	pid, why := s.PushPromise(id, []string{":method", "GET", ":path", "/p", ":scheme", "http", ":authority", "a"}, nil)
	if pid != 2 || why != "" {
		t.Fatalf("push promise %d %q", pid, why)
	}
	s.Headers(pid, []string{":status", "200"}, nil, false)
	s.Data(pid, []byte("pushed"), true)
	s.Headers(id, []string{":status", "200"}, nil, true)
	cev, _ := pipe(t, c, s)
	p := find(cev, "push")
	if len(p) != 1 || p[0].SID != 2 || p[0].A != int64(id) || p[0].Hdrs[3] != "/p" {
		t.Fatalf("client push events %+v", p)
	}
	h := find(cev, "headers")
	if len(h) != 2 {
		t.Fatalf("client headers %+v", h)
	}
	d := find(cev, "data")
	if len(d) != 1 || d[0].SID != 2 || string(d[0].Data) != "pushed" || !d[0].Flag {
		t.Fatalf("client data %+v", d)
	}
	if cl := find(cev, "close"); len(cl) != 2 {
		t.Fatalf("client closes %+v", cl)
	}
}

func TestPushDisabled(t *testing.T) {
	c := NewSession(false, []http2.Setting{{ID: http2.SettingEnablePush, Val: 0}})
	s := NewSession(true, nil)
	id := c.Request([]string{":method", "GET", ":path", "/", ":scheme", "http", ":authority", "a"}, nil, true)
	pipe(t, c, s)
	if pid, why := s.PushPromise(id, []string{":method", "GET"}, nil); pid != 0 || why != "disabled" {
		t.Fatalf("push promise %d %q", pid, why)
	}
}

func TestAltsvcOrigin(t *testing.T) {
	c := NewSession(false, nil)
	s := NewSession(true, nil)
	id := c.Request([]string{":method", "GET", ":path", "/", ":scheme", "http", ":authority", "a"}, nil, false)
	pipe(t, c, s)
	s.Altsvc(0, "https://example.org", `h2=":8000"`)
	s.Altsvc(0, "", "ignored")
	s.Altsvc(id, "", `h2=":9000"`)
	s.Altsvc(99, "", "ignored")
	s.Origin([]string{"https://a.org", "https://b.org"})
	cev, _ := pipe(t, c, s)
	alt := find(cev, "altsvc")
	if len(alt) != 2 || alt[0].Extra != "https://example.org" || string(alt[0].Data) != `h2=":8000"` ||
		alt[1].SID != id || string(alt[1].Data) != `h2=":9000"` {
		t.Fatalf("altsvc events %+v", alt)
	}
	o := find(cev, "origin")
	if len(o) != 1 || len(o[0].Hdrs) != 2 || o[0].Hdrs[1] != "https://b.org" {
		t.Fatalf("origin events %+v", o)
	}
}

func TestClientWaitsForStreamSlot(t *testing.T) {
	c := NewSession(false, nil)
	s := NewSession(true, []http2.Setting{{ID: http2.SettingMaxConcurrentStreams, Val: 1}})
	pipe(t, c, s)
	req := []string{":method", "GET", ":path", "/", ":scheme", "http", ":authority", "a"}
	a := c.Request(req, nil, true)
	b := c.Request(req, nil, true)
	_, sev := pipe(t, c, s)
	if h := find(sev, "headers"); len(h) != 1 || h[0].SID != a {
		t.Fatalf("server saw %+v before a slot was free", h)
	}
	s.Headers(a, []string{":status", "200"}, nil, true)
	_, sev = pipe(t, c, s)
	if h := find(sev, "headers"); len(h) != 1 || h[0].SID != b {
		t.Fatalf("second request not sent after the first closed: %+v", sev)
	}
}

func TestPushDataAfterHeadersSent(t *testing.T) {
	c := NewSession(false, nil)
	s := NewSession(true, nil)
	id := c.Request([]string{":method", "GET", ":path", "/", ":scheme", "http", ":authority", "a"}, nil, true)
	pipe(t, c, s)
	pid, _ := s.PushPromise(id, []string{":method", "GET", ":path", "/p", ":scheme", "http", ":authority", "a"}, nil)
	s.Headers(pid, []string{":status", "200"}, nil, false)
	pipe(t, c, s) // the promise and the pushed response's HEADERS go out
	s.Data(pid, []byte("late"), true)
	cev, _ := pipe(t, c, s)
	if d := find(cev, "data"); len(d) != 1 || string(d[0].Data) != "late" || !d[0].Flag {
		t.Fatalf("pushed data sent after its headers went missing: %+v", cev)
	}
}

func TestCheckRequest(t *testing.T) {
	s := NewSession(true, nil)
	base := []string{":method", "GET", ":scheme", "http", ":path", "/", ":authority", "a"}
	with := func(extra ...string) []string { return append(append([]string(nil), base...), extra...) }
	cases := []struct {
		name  string
		pairs []string
		end   bool
		ok    bool
		cl    int64
	}{
		{"plain", base, true, true, -1},
		{"content-length", with("content-length", "5"), false, true, 5},
		{"content-length with END_STREAM", with("content-length", "5"), true, false, 0},
		{"two content-lengths", with("content-length", "1", "content-length", "1"), false, false, 0},
		{"space in path", []string{":method", "GET", ":scheme", "http", ":path", "/a b"}, true, false, 0},
		{"no path", []string{":method", "GET", ":scheme", "http"}, true, false, 0},
		{"connection header", with("connection", "close"), true, false, 0},
		{"te other than trailers", with("te", "gzip"), true, false, 0},
		{"pseudo after regular", []string{":method", "GET", "x", "1", ":path", "/", ":scheme", "http"}, true, false, 0},
		{"response pseudo", with(":status", "200"), true, false, 0},
		{"connect", []string{":method", "CONNECT", ":authority", "a:443"}, false, true, -1},
		{"connect with path", []string{":method", "CONNECT", ":authority", "a:443", ":path", "/"}, false, false, 0},
		{"extended connect not enabled", []string{":method", "CONNECT", ":protocol", "ws", ":scheme", "http", ":path", "/", ":authority", "a"}, false, false, 0},
	}
	for _, c := range cases {
		cl, ok := s.checkRequest(c.pairs, c.end)
		if ok != c.ok || (ok && cl != c.cl) {
			t.Errorf("%s: got (%d, %v), want (%d, %v)", c.name, cl, ok, c.cl, c.ok)
		}
	}
}

func TestTooManyInvalidFrames(t *testing.T) {
	c := NewSession(false, nil)
	s := NewSession(true, nil)
	s.MaxInvalidFrames = 1
	bad := []string{":method", "GET", ":scheme", "http", ":path", "/a b", ":authority", "a"}
	for i := 0; i < 3; i++ {
		c.Request(bad, nil, true)
	}
	_, sev := pipe(t, c, s)
	if len(find(sev, "headers")) != 0 || len(find(sev, "tooManyInvalidFrames")) != 1 {
		t.Fatalf("server events %+v", sev)
	}
}
