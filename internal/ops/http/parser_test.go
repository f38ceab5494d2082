package http

import (
	"fmt"
	"strings"
	"testing"
)

// rec records events as text, resolving body offsets against the buffer.
type rec struct {
	out  []string
	data []byte
}

func (r *rec) OnHead(h *Head) {
	r.out = append(r.out, fmt.Sprintf("head %s %s %d %s %d.%d %q ka=%v up=%v", h.Method, h.URL, h.Status, h.Reason, h.Major, h.Minor, h.RawHeaders, h.KeepAlive, h.Upgrade))
}
func (r *rec) OnBody(s, e int) { r.out = append(r.out, "body "+string(r.data[s:e])) }
func (r *rec) OnComplete(t []string) {
	r.out = append(r.out, fmt.Sprintf("done %q", t))
}

// feed runs msg through a parser in pieces of size step (0: all at once).
func feed(t *testing.T, kind Kind, msg string, step int) ([]string, *Error) {
	t.Helper()
	p := NewParser(kind, 0)
	r := &rec{}
	b := []byte(msg)
	if step == 0 {
		step = len(b)
	}
	for i := 0; i < len(b); i += step {
		r.data = b[i:min(i+step, len(b))]
		if _, err := p.Execute(r.data, r); err != nil {
			return r.out, err
		}
	}
	return r.out, nil
}

func TestRequests(t *testing.T) {
	msg := "GET /a?b HTTP/1.1\r\nHost: x\r\nX-Dup: 1\r\nx-dup: 2\r\n\r\n" +
		"POST /p HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello" +
		"PUT /c HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\nT: v\r\n\r\n"
	want := []string{
		`head GET /a?b 0  1.1 ["Host" "x" "X-Dup" "1" "x-dup" "2"] ka=true up=false`,
		`done []`,
		`head POST /p 0  1.1 ["Content-Length" "5"] ka=true up=false`,
		`body hello`,
		`done []`,
		`head PUT /c 0  1.0 ["Transfer-Encoding" "chunked"] ka=false up=false`,
		`body abc`,
		`body de`,
		`done ["T" "v"]`,
	}
	for _, step := range []int{0, 1, 2, 7} {
		got, err := feed(t, Request, msg, step)
		if err != nil {
			t.Fatalf("step %d: %v", step, err)
		}
		// With small steps the body arrives in pieces: join adjacent bodies.
		var joined []string
		for _, g := range got {
			if strings.HasPrefix(g, "body ") && len(joined) > 0 && strings.HasPrefix(joined[len(joined)-1], "body ") && step != 0 {
				joined[len(joined)-1] += g[5:]
				continue
			}
			joined = append(joined, g)
		}
		if step != 0 {
			got = joined
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") && step == 0 {
			t.Errorf("step %d:\n%s\nwant\n%s", step, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if step != 0 {
			all := strings.Join(got, "\n")
			for _, w := range []string{want[0], want[2], want[5], want[8]} {
				if !strings.Contains(all, w) {
					t.Errorf("step %d: missing %s in\n%s", step, w, all)
				}
			}
		}
	}
}

func TestResponses(t *testing.T) {
	got, err := feed(t, Response, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi"+
		"HTTP/1.1 204 No Content\r\n\r\n"+
		"HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\nrest", 0)
	if err != nil {
		t.Fatal(err)
	}
	want := `head   0 OK 1.1 ["Content-Length" "2"] ka=true up=false
body hi
done []
head   0 No Content 1.1 [] ka=true up=false
done []
head   0 Not Found 1.1 ["Connection" "close"] ka=false up=false
body rest`
	got[0] = strings.Replace(got[0], " 200 ", " 0 ", 1)
	got[3] = strings.Replace(got[3], " 204 ", " 0 ", 1)
	got[5] = strings.Replace(got[5], " 404 ", " 0 ", 1)
	if strings.Join(got, "\n") != want {
		t.Errorf("got\n%s", strings.Join(got, "\n"))
	}
}

func TestUpgradePauses(t *testing.T) {
	p := NewParser(Request, 0)
	r := &rec{}
	msg := []byte("GET /ws HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\nRAWBYTES")
	r.data = msg
	n, err := p.Execute(msg, r)
	if err != nil || !p.Paused() || string(msg[n:]) != "RAWBYTES" {
		t.Fatalf("n=%d err=%v paused=%v", n, err, p.Paused())
	}
	if !strings.Contains(r.out[0], "up=true") {
		t.Fatal(r.out)
	}
}

func TestErrors(t *testing.T) {
	cases := []struct{ msg, code string }{
		{"FOO / HTTP/1.1\r\n\r\n", "HPE_INVALID_METHOD"},
		{"GET / HTTP/1.1\r\nBad Header: x\r\n\r\n", "HPE_INVALID_HEADER_TOKEN"},
		{"GET / HTTP/1.1\r\nHost: a\x01b\r\n\r\n", "HPE_INVALID_HEADER_TOKEN"},
		{"GET / HTTP/3.1\r\n\r\n", "HPE_INVALID_VERSION"},
		{"GET / HTTP/1.1\r\nContent-Length: abc\r\n\r\n", "HPE_INVALID_CONTENT_LENGTH"},
		{"GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", "HPE_UNEXPECTED_CONTENT_LENGTH"},
		{"POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", "HPE_INVALID_TRANSFER_ENCODING"},
		{"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "HPE_INVALID_CHUNK_SIZE"},
		{"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab\r\n", "HPE_STRICT"},
		{"GET / HTTP/1.1\nHost: a\n\n", "HPE_INVALID_VERSION"},
		{"GET /a b HTTP/1.1\r\n\r\n", "HPE_INVALID_CONSTANT"},
		{"GET / HTTP/1.1\r\nX: " + strings.Repeat("a", 20000) + "\r\n\r\n", "HPE_HEADER_OVERFLOW"},
		{"GET /\x7f HTTP/1.1\r\n\r\n", "HPE_INVALID_URL"},
	}
	for _, tc := range cases {
		for _, step := range []int{0, 3} {
			_, err := feed(t, Request, tc.msg, step)
			if err == nil || err.Code != tc.code {
				t.Errorf("%q step %d: got %v, want %s", tc.msg, step, err, tc.code)
			}
		}
	}
}

func TestEarlyErrors(t *testing.T) {
	cases := []struct {
		kind Kind
		msg  string
		code string
	}{
		// Junk after a complete request fails at once, without a line end.
		{Request, "GET / HTTP/1.1\r\nHost: x\r\n\r\n\r\nhello world", "HPE_INVALID_METHOD"},
		{Request, "get / HTTP/1.1\r\n", "HPE_INVALID_METHOD"},
		{Response, "HTPP/1.1 200", "HPE_INVALID_CONSTANT"},
		// A CR not followed by LF inside a header value.
		{Request, "GET / HTTP/1.1\r\nDummy: Header\rContent-Length: 1\r\n\r\n", "HPE_LF_EXPECTED"},
	}
	for _, c := range cases {
		for _, step := range []int{0, 1} {
			_, err := feed(t, c.kind, c.msg, step)
			if err == nil || err.Code != c.code {
				t.Errorf("%q step %d: got %v, want %s", c.msg, step, err, c.code)
			}
		}
	}
	// Prefixes of valid starts are not errors.
	for _, c := range []struct {
		kind Kind
		msg  string
	}{{Request, "M-SEA"}, {Request, "GET /x"}, {Response, "HTT"}, {Response, "HTTP/1.1 2"}} {
		if _, err := feed(t, c.kind, c.msg, 1); err != nil {
			t.Errorf("%q: unexpected %v", c.msg, err)
		}
	}
}

// hostExpect records which of Host and Expect each head has.
type hostExpect struct{ heads []string }

func (r *hostExpect) OnHead(h *Head) {
	r.heads = append(r.heads, fmt.Sprintf("%s host=%v expect=%v", h.URL, h.HasHost, h.HasExpect))
}
func (r *hostExpect) OnBody(s, e int)       {}
func (r *hostExpect) OnComplete(t []string) {}

func TestHostExpect(t *testing.T) {
	msg := "GET /a HTTP/1.1\r\nHost: x\r\n\r\n" +
		"GET /b HTTP/1.1\r\nhOsT: x\r\nEXPECT: 100-continue\r\n\r\n" +
		"GET /c HTTP/1.1\r\nX-Host: x\r\nHosts: y\r\nExpects: z\r\n\r\n" +
		"GET /d HTTP/1.1\r\nexpect: 100-continue\r\n\r\n"
	want := []string{
		"/a host=true expect=false",
		"/b host=true expect=true",
		"/c host=false expect=false",
		"/d host=false expect=true",
	}
	for _, step := range []int{0, 1, 5} {
		p := NewParser(Request, 0)
		r := &hostExpect{}
		b := []byte(msg)
		if step == 0 {
			step = len(b)
		}
		for i := 0; i < len(b); i += step {
			if _, err := p.Execute(b[i:min(i+step, len(b))], r); err != nil {
				t.Fatalf("step %d: %v", step, err)
			}
		}
		if strings.Join(r.heads, "\n") != strings.Join(want, "\n") {
			t.Errorf("step %d:\ngot  %q\nwant %q", step, r.heads, want)
		}
	}
}

// TestTransferEncodingErrors checks when a bad Transfer-Encoding fails
// against the head event, as llhttp: a coding after chunked fails before
// the head; a last coding that is not chunked fails after it (a request)
// or makes a body read to EOF (a response).
func TestTransferEncodingErrors(t *testing.T) {
	got, err := feed(t, Request, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked-false\r\n\r\n", 0)
	if err == nil || len(got) != 0 {
		t.Fatalf("coding after chunked: events %q, err %v; want an error and no head", got, err)
	}
	got, err = feed(t, Request, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", 0)
	if err == nil || len(got) != 0 {
		t.Fatalf("chunked, gzip: events %q, err %v; want an error and no head", got, err)
	}
	got, err = feed(t, Request, "POST / HTTP/1.1\r\nTransfer-Encoding: chunkedchunked\r\n\r\n", 0)
	if err == nil || err.Code != "HPE_INVALID_TRANSFER_ENCODING" || len(got) != 1 || !strings.HasPrefix(got[0], "head POST") {
		t.Fatalf("last coding not chunked: events %q, err %v; want the head, then an error", got, err)
	}
	got, err = feed(t, Response, "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nabc", 0)
	if err != nil || len(got) != 2 || got[1] != "body abc" {
		t.Fatalf("response with gzip coding: events %q, err %v; want the body read to EOF", got, err)
	}
}

// TestHeaderSizeCounted checks the header limit against llhttp's count
// (URL, names and values only), for heads in one piece and in pieces,
// complete or not.
func TestHeaderSizeCounted(t *testing.T) {
	run := func(msg string, step int) *Error {
		p := NewParser(Request, 40)
		r := &rec{}
		b := []byte(msg)
		if step == 0 {
			step = len(b)
		}
		for i := 0; i < len(b); i += step {
			r.data = b[i:min(i+step, len(b))]
			if _, err := p.Execute(r.data, r); err != nil {
				return err
			}
		}
		return nil
	}
	// "/" + "Host" + "x" + "X-A" = 9 counted, plus the value of X-B.
	head := func(n int) string {
		return "GET / HTTP/1.1\r\nHost: x\r\nX-A:   \r\nX-B: " + strings.Repeat("v", n)
	}
	for _, step := range []int{0, 1, 7} {
		if err := run(head(27)+"\r\n\r\n", step); err != nil {
			t.Errorf("step %d: 39 counted bytes failed: %v", step, err)
		}
		if err := run(head(28)+"\r\n\r\n", step); err == nil || err.Code != "HPE_HEADER_OVERFLOW" {
			t.Errorf("step %d: 40 counted bytes gave %v, want HPE_HEADER_OVERFLOW", step, err)
		}
		// Incomplete: the limit is met before the head ends.
		if err := run(head(28), step); err == nil || err.Code != "HPE_HEADER_OVERFLOW" {
			t.Errorf("step %d: an incomplete head of 40 counted bytes gave %v", step, err)
		}
		if err := run(head(27), step); err != nil {
			t.Errorf("step %d: an incomplete head of 39 counted bytes failed: %v", step, err)
		}
	}
}
