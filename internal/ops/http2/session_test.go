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
