package buffer

import (
	"bytes"
	"testing"

	"github.com/gonode/gonode/internal/binding/bindingtest"
	"github.com/gonode/gonode/internal/qjs"
)

func TestEncode(t *testing.T) {
	lone := "\xed\xa0\x80" // WTF-8 for a lone U+D800, as the engine hands it over
	cases := []struct {
		s    string
		enc  Encoding
		want []byte
	}{
		{"héllo", UTF8, []byte("héllo")},
		{"a" + lone + "b", UTF8, []byte("a\uFFFDb")},
		{"a€", UCS2, []byte{0x61, 0, 0xac, 0x20}},
		{"😀", UCS2, []byte{0x3d, 0xd8, 0x00, 0xde}},
		{lone, UCS2, []byte{0x00, 0xd8}},
		{"é€😀", Latin1, []byte{0xe9, 0xac, 0x3d, 0x00}},
		{"aGVsbG8=", Base64, []byte("hello")},
		{"aGV sbG8\n", Base64, []byte("hello")},
		{"-_+/", Base64, []byte{0xfb, 0xff, 0xbf}},
		{"YQ==YQ==", Base64, []byte("a")},
		{"Y", Base64, []byte{}},
		{"abzz12", Hex, []byte{0xab}},
		{"ABC", Hex, []byte{0xab}},
	}
	for _, c := range cases {
		if got := Encode(c.s, c.enc); !bytes.Equal(got, c.want) {
			t.Errorf("Encode(%q, %d) = %x, want %x", c.s, c.enc, got, c.want)
		}
	}
}

func TestDecode(t *testing.T) {
	cases := []struct {
		b    []byte
		enc  Encoding
		want string
	}{
		{[]byte{0xff, 0xfe, 0x41, 0xe2, 0x82, 0x41}, UTF8, "\uFFFD\uFFFDA\uFFFDA"},
		{[]byte{0xed, 0xa0, 0x80}, UTF8, "\uFFFD\uFFFD\uFFFD"},
		{[]byte{0xf0, 0x9f, 0x98}, UTF8, "\uFFFD"},
		{[]byte{0xe0, 0x80}, UTF8, "\uFFFD\uFFFD"},
		{[]byte{0x3d, 0xd8, 0x00, 0xde, 0x61}, UCS2, "😀"},
		{[]byte{0x00, 0xd8, 0x78, 0x00}, UCS2, "\xed\xa0\x80x"},
		{[]byte{0xe9, 0x41}, Latin1, "éA"},
		{[]byte{0xe9, 0x41}, ASCII, "iA"},
		{[]byte("hello"), Base64, "aGVsbG8="},
		{[]byte{0xfb, 0xff}, Base64URL, "-_8"},
		{[]byte{0x01, 0xab}, Hex, "01ab"},
	}
	for _, c := range cases {
		if got := Decode(c.b, c.enc); got != c.want {
			t.Errorf("Decode(%x, %d) = %q, want %q", c.b, c.enc, got, c.want)
		}
	}
}

func TestIndexOf(t *testing.T) {
	buf := []byte("abcabc")
	cases := []struct {
		needle  string
		off     float64
		aligned bool
		forward bool
		want    int
	}{
		{"bc", 0, false, true, 1},
		{"bc", 2, false, true, 4},
		{"bc", -2, false, true, 4},
		{"bc", 100, false, true, -1},
		{"bc", 6, false, false, 4},
		{"bc", 3, false, false, 1},
		{"bc", -100, false, false, -1},
		{"", 10, false, true, 6},
		{"", -100, false, false, 0},
		{"bca", 0, true, true, -1}, // only at an odd offset
		{"bc", 0, true, true, 4},
		{"ab", 6, true, false, 0},
	}
	for _, c := range cases {
		if got := IndexOf(buf, []byte(c.needle), c.off, c.aligned, c.forward); got != c.want {
			t.Errorf("IndexOf(%q, %v, aligned=%v, forward=%v) = %d, want %d", c.needle, c.off, c.aligned, c.forward, got, c.want)
		}
	}
}

func TestAtob(t *testing.T) {
	for s, want := range map[string]int{"YQ": 0, " YW Jj\n": 0, "YQ=": 1, "YQ=a": 1, "-_": 1, "a": 2, "undefined": 2} {
		if _, code := Atob(s); code != want {
			t.Errorf("Atob(%q) code %d, want %d", s, code, want)
		}
	}
}

func TestTranscodeAndSwap(t *testing.T) {
	out, ok := Transcode([]byte("a€é"), UTF8, Latin1)
	if !ok || !bytes.Equal(out, []byte{'a', '?', 0xe9}) {
		t.Errorf("Transcode utf8->latin1 = %x %v", out, ok)
	}
	if _, ok := Transcode([]byte("a"), UTF8, Hex); ok {
		t.Error("Transcode to hex should fail")
	}
	b := []byte{1, 2, 3, 4, 5, 6, 7, 8}
	Swap(b, 4)
	if !bytes.Equal(b, []byte{4, 3, 2, 1, 8, 7, 6, 5}) {
		t.Errorf("Swap 32 = %v", b)
	}
	if n := incompleteUTF8Tail([]byte{'a', 0xf0, 0x9f}); n != 2 {
		t.Errorf("incompleteUTF8Tail = %d", n)
	}
	if n := incompleteUTF8Tail([]byte{0xe0, 0x80}); n != 0 {
		t.Errorf("incompleteUTF8Tail invalid = %d", n)
	}
	read, written := EncodeInto(make([]byte, 5), "a€😀")
	if read != 2 || written != 4 {
		t.Errorf("EncodeInto = %d, %d", read, written)
	}
}

// TestBinding drives the binding through the engine: strings and typed
// arrays cross in both directions, and writes land in place.
func TestBinding(t *testing.T) {
	rt := bindingtest.New(t, "b", initBuffer)
	defer rt.Close()
	c := rt.Context()
	src := `
const u = new Uint8Array(8);
const n = b.write(u, 'h\u00e9\ud83d\ude00', 1, 7, 1);
const out = [n, Array.from(u).join(','),
  b.toString(u, 1, 1, 1 + n) === 'h\u00e9\ud83d\ude00',
  b.toString(new Uint8Array([0x00, 0xd8]), 2, 0, 2) === '\ud800',
  b.toString(new Uint8Array([0xe9]), 3, 0, 1) === '\u00e9',
  b.indexOf(u, 0x9f, 0, 3, true),
  b.compare(new Uint8Array([1, 2]), new Uint8Array([1, 3])),
  b.byteLengthUtf8('\ud800'),
  b.atob('YQ'), b.btoa('\u0100'),
  b.fromString('abc', 1) instanceof Uint8Array];
const pool = new Uint8Array(64);
out.push(b.fromString('xyz', 1, pool, 8), pool[8]);
out.join('|');
`
	v, err := c.Eval(src, "binding_test.js", qjs.EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	got := c.GoString(v)
	c.Free(v)
	want := "7|0,104,195,169,240,159,152,128|true|true|true|5|-1|3|a|-1|true|3|120"
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

// utf16Units counts the UTF-16 code units of WTF-8 text.
func utf16Units(s string) int {
	n := 0
	for i := 0; i < len(s); {
		r, k := decodeWTF8(s, i)
		i += k
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

func TestDecodedLength(t *testing.T) {
	inputs := [][]byte{
		{}, []byte("abc"), []byte("héllo €😀"),
		{0xff, 0xfe, 0x61}, {0xe2, 0x82}, {0xf0, 0x9f, 0x98}, {0xed, 0xa0, 0x80},
		{0xc3}, {0xf4, 0x90, 0x80, 0x80}, []byte("a\xf0\x9f\x98\x80b\x80"),
	}
	for _, in := range inputs {
		if got, want := UTF8DecodedLength(in), utf16Units(DecodeUTF8(in)); got != want {
			t.Errorf("UTF8DecodedLength(%x) = %d, want %d", in, got, want)
		}
		for enc := UCS2; enc <= Hex; enc++ {
			if got, want := DecodedLength(in, enc), utf16Units(Decode(in, enc)); got != want {
				t.Errorf("DecodedLength(%x, %d) = %d, want %d", in, enc, got, want)
			}
		}
		if got := DecodedLength(in, UTF8); got < utf16Units(DecodeUTF8(in)) {
			t.Errorf("DecodedLength(%x, UTF8) = %d is below the real length", in, got)
		}
	}
}
