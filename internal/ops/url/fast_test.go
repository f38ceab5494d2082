package url

import (
	"encoding/json"
	"math/rand"
	"os"
	"reflect"
	"testing"
)

// getters returns what the JS getters read from f.
func getters(f *Components) []string {
	b := f.Buf
	return []string{
		string(b), string(b[:f.SchemeEnd+1]), string(b[f.UserStart:f.UserEnd]), string(b[f.PassStart:f.PassEnd]),
		string(b[f.HostStart:f.HostEnd]), string(b[f.PortStart:f.PortEnd]), string(b[f.PathStart:f.PathEnd]),
		string(f.Search()), string(f.Hash()),
	}
}

// slowComponents is ParseComponents through the full parser only.
func slowComponents(input string, base *string) (Components, bool) {
	var b *Record
	if base != nil {
		if b = Parse(*base, nil); b == nil {
			return Components{}, false
		}
	}
	u := Parse(input, b)
	if u == nil {
		return Components{}, false
	}
	var f Components
	u.serialize(&f)
	return f, true
}

// checkSame fails when the fast path and the full parser disagree on
// input against base.
func checkSame(t *testing.T, input string, base *string) {
	t.Helper()
	got, gok := ParseComponents(input, base, nil)
	want, wok := slowComponents(input, base)
	bs := "<nil>"
	if base != nil {
		bs = *base
	}
	if gok != wok {
		t.Errorf("ParseComponents(%q, %s) ok = %v, full parser %v", input, bs, gok, wok)
		return
	}
	if !gok {
		return
	}
	if g, w := getters(&got), getters(&want); !reflect.DeepEqual(g, w) {
		t.Errorf("ParseComponents(%q, %s) = %q, full parser %q", input, bs, g, w)
	}
	if got.HasHost != want.HasHost || got.Opaque != want.Opaque {
		t.Errorf("ParseComponents(%q, %s) hasHost/opaque = %v/%v, want %v/%v", input, bs, got.HasHost, got.Opaque, want.HasHost, want.Opaque)
	}
	if r, w := got.Record(), Parse(want.Href(), nil); w != nil && !reflect.DeepEqual(r, w) {
		t.Errorf("Record of %q = %+v, want %+v", got.Href(), r, w)
	}
}

var fastCorpus = []string{
	"", "/", "//", "?", "#", "a", ".", "..", "./", "../", "/..", "/./", "a/..", "a/.", "%2e", "%2E%2e", ".%2E/x", "%2e./y",
	"https://user:pw@example.com:8080/a/b/../c?x=1&y=2#frag", "http://example.com/", "http://EXAMPLE.com", "HTTP://a.B.c:80/",
	"http://a:0080/", "http://a:/", "http://a:65535/", "http://a:65536/", "http://a:000000000000081/", "http://a:1x/",
	"http://@a/", "http://:@a/", "http://u@a/", "http://:p@a/", "http://u:@a/", "http://u:p:q@a/", "http://a@b@c/", "http://a@/",
	"http://u\"<>^`{}|;=[]@h/", "http://1.2.3.4/", "http://1.2.3/", "http://0x7f.1/", "http://a.1/", "http://1a.com/", "http://a.b1/",
	"http://a.0x/", "http://xn--ls8h.la/", "http://a.XN--ls8h/", "http://xn--/", "http://a..b/", "http://.a/", "http://a./", "http://a_b/",
	"http://a%41/", "http://a%2e/", "http://[::1]/", "http://[::1]:8/", "http://a b/", "http://a<b/", "http://a/b c", "http:a", "http:/a",
	"http:///a", "http:\\\\a\\b", "http://a/\\b", "http://a/b?c\\d", "http://a/\"<>^`{}|", "http://a/?\"<>'`{}#\"<>'`{}#",
	"http://a/%2e/%2E%2e/x/.%2e", "http://a/x/..", "http://a/x/.", "http://a/x/./", "http://a/x/../", "http://a/..//", "http://a//b//",
	"http://a?x", "http://a#x", "http://a/?", "http://a/#", "http://a/?#", "ws://a/", "wss://a:443/", "ftp://a:21/", "https://a:80/",
	"file:///a/b", "file:///", "file://", "file:/a", "file:a", "file:///C:/x", "file:///C|/x", "file:///a/C:/x", "file:///a/../C:",
	"file://host/x", "file://localhost/x", "file:////x", "file:///a/..", "file:///a?b#c", "FILE:///A", "file:///c:", "file:///cx/",
	"mailto:a@b", "mailto:", "data:text/plain,hi", "javascript:alert(1)", "foo:?x", "foo:#x", "foo:a?b#c", "foo:/a", "foo://h/p",
	"node:fs", "blob:https://a.com/x", "foo:a b", "a1+-.:x", "1a:x", "a!:x", "C:/x", "C|/x", "C|", "C|?x", "C|#", "C|x",
	"x:\"<>'`", "?a=b&c=d", "?\"'<>`", "#x\"`'", "#", "x?y#z", "/x?y#z", "a/b/../../..", "../../x", "/../x", "..?x", ".#x",
	"\thttp://a/", " http://a/ ", "http://a/\n", "http://a/é", "http://é/", "é", "/é", "http://a/\x7f", "\x00",
}

var fastBases = []string{
	"http://example.com/a/b/c?q#f", "https://u:p@h:81/x", "http://h", "http://h/", "file:///a/b/c.js", "file:///", "file:///C:/x/y",
	"file://host/a", "foo:opaque", "foo://h/p/q", "foo:/p/q", "mailto:x?y", "ws://a/b?c", "http://[::1]/a/b", "http://1.2.3.4/a/",
	"not a url", "http://a/b/..", "file:///a?q#f", "HTTP://A.COM:80/X/Y",
}

func TestFastPathMatchesFullParser(t *testing.T) {
	for _, in := range fastCorpus {
		checkSame(t, in, nil)
		for i := range fastBases {
			checkSame(t, in, &fastBases[i])
		}
	}
	for i := range fastBases {
		checkSame(t, fastBases[i], nil)
	}
}

// The web-platform-tests URL data, when a checkout of Node's tests is
// next to the repository.
func TestFastPathMatchesFullParserWPT(t *testing.T) {
	b, err := os.ReadFile("/work/node_test/test/fixtures/wpt/url/resources/urltestdata.json")
	if err != nil {
		t.Skip("no WPT url data")
	}
	var rows []json.RawMessage
	if err := json.Unmarshal(b, &rows); err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		var c struct {
			Input string  `json:"input"`
			Base  *string `json:"base"`
		}
		if json.Unmarshal(r, &c) != nil {
			continue
		}
		checkSame(t, c.Input, c.Base)
		checkSame(t, c.Input, nil)
		for i := range fastBases {
			checkSame(t, c.Input, &fastBases[i])
		}
	}
}

func FuzzFastPath(f *testing.F) {
	for _, in := range fastCorpus {
		f.Add(in, "")
		f.Add(in, fastBases[0])
	}
	f.Fuzz(func(t *testing.T, input, base string) {
		if base == "" {
			checkSame(t, input, nil)
		} else {
			checkSame(t, input, &base)
		}
	})
}

func BenchmarkParseComponents(b *testing.B) {
	b.ReportAllocs()
	buf := make([]byte, 0, 128)
	for i := 0; i < b.N; i++ {
		ParseComponents("https://user:pw@example.com:8080/a/b/../c?x=1&y=2#frag", nil, buf)
	}
}

// TestFastPathRandom checks URLs assembled from pieces that reach both the
// fast path and its edges.
func TestFastPathRandom(t *testing.T) {
	pick := func(r *rand.Rand, s []string) string { return s[r.Intn(len(s))] }
	schemes := []string{"", "http:", "HTTPS:", "ws:", "wss:", "ftp:", "file:", "foo:", "node:", "a+b:", "c:", "C|"}
	slashes := []string{"", "/", "//", "///", "\\\\", "/\\"}
	users := []string{"", "@", "u@", "u:p@", ":p@", "u:@", "a@b@", "u:p:q@", "%41@", "u^@", "a[b]@"}
	hosts := []string{"", "a", "A.b", "a.b.", "1.2.3.4", "0x1", "a.1", "1a.b", "xn--ls8h", "a..b", "a_b", "[::1]", "a%41", "é", "a b", "localhost", "C:"}
	ports := []string{"", ":", ":80", ":443", ":0080", ":65535", ":65536", ":8x", ":21"}
	segs := []string{"", "a", "b", ".", "..", "%2e", ".%2E", "%2e%2e", "C:", "c|", "a b", "\"<>", "^`{}", "é", "x\\y", "%zz"}
	queries := []string{"", "?", "?a=b", "?'\"<>`", "?x#", "?é", "? "}
	frags := []string{"", "#", "#f", "#\"<>`'", "#a#b", "#é", "# "}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 30000; i++ {
		s := pick(r, schemes) + pick(r, slashes)
		if r.Intn(2) == 0 {
			s += pick(r, users) + pick(r, hosts) + pick(r, ports)
		}
		for n := r.Intn(4); n > 0; n-- {
			s += "/" + pick(r, segs)
		}
		if r.Intn(3) == 0 {
			s = pick(r, segs) + s
		}
		s += pick(r, queries) + pick(r, frags)
		if r.Intn(3) == 0 {
			checkSame(t, s, nil)
		} else {
			checkSame(t, s, &fastBases[r.Intn(len(fastBases))])
		}
	}
}

// TestBaseCache parses with one cache across changing bases, as the
// binding does.
func TestBaseCache(t *testing.T) {
	var cache baseCache
	var buf []byte
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 3000; i++ {
		in := fastCorpus[r.Intn(len(fastCorpus))]
		base := &fastBases[r.Intn(len(fastBases))]
		got, gok := parseComponents(in, base, buf, &cache)
		want, wok := ParseComponents(in, base, nil)
		if gok != wok || gok && !reflect.DeepEqual(getters(&got), getters(&want)) {
			t.Fatalf("cached parse of %q on %q = %v %q, want %v %q", in, *base, gok, got.Href(), wok, want.Href())
		}
		buf = got.Buf
	}
}

// TestSetFastMatchesSetters compares the fast pathname, search and hash
// setters with the standard's.
func TestSetFastMatchesSetters(t *testing.T) {
	values := []string{"", "?", "#", "a", "?a=b", "#x", "a b", "\t?x\n", "?\t#y", "'\"<>`{}^|", "é", "\uFFFD", "/", "//", "/a/b",
		"a/../b", "../..", "./x/.", "%2e%2E/x", "/a?b", "/a#b", "C:/x", "/c|", "x\\y", "/x y", "\x01", "a\x7fb"}
	fast := 0
	for _, href := range append(append([]string{}, fastCorpus...), fastBases...) {
		var f Components
		if !fastParse(&f, href, nil) || f.Opaque {
			continue
		}
		for _, act := range []int{actPathname, actSearch, actHash} {
			for _, v := range values {
				g, ok := setFast(&f, act, v, nil)
				if !ok {
					continue
				}
				fast++
				u := f.Record()
				switch act {
				case actPathname:
					u.SetPathname(v)
				case actSearch:
					u.SetSearch(v)
				case actHash:
					u.SetHash(v)
				}
				var w Components
				u.serialize(&w)
				if gg, ww := getters(&g), getters(&w); !reflect.DeepEqual(gg, ww) {
					t.Errorf("setter %d on %q with %q: %q, want %q", act, href, v, gg, ww)
				}
			}
		}
	}
	if fast < 1000 {
		t.Errorf("only %d setter calls took the fast path", fast)
	}
}
