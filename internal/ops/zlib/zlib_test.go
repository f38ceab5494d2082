package zlib

import (
	"bytes"
	"compress/gzip"
	"errors"
	"strings"
	"testing"
)

// roundTrip compresses in with mode (one chunk, finish) and decompresses
// the result with dmode, feeding it in pieces of step bytes.
func roundTrip(t *testing.T, mode, dmode int, in []byte, step int) []byte {
	t.Helper()
	finish := zFinish
	if mode == ModeBrotliEncode || mode == ModeZstdCompress {
		finish = brotliOpFinish
	}
	c, err := NewStream(Options{Mode: mode, Level: -1})
	if mode == ModeBrotliEncode || mode == ModeZstdCompress {
		c, err = NewStream(Options{Mode: mode, Level: 5})
	}
	if err != nil {
		t.Fatal(err)
	}
	packed, err := c.Write(in, finish)
	if err != nil {
		t.Fatal(err)
	}
	d, err := NewStream(Options{Mode: dmode})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	dfinish := zFinish
	if dmode == ModeBrotliDecode || dmode == ModeZstdDecompress {
		dfinish = brotliOpFinish
	}
	var out []byte
	for i := 0; i < len(packed); i += step {
		o, err := d.Write(packed[i:min(i+step, len(packed))], zNoFlush)
		if err != nil {
			t.Fatalf("chunk at %d: %v", i, err)
		}
		out = append(out, o...)
	}
	o, err := d.Write(nil, dfinish)
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, o...)
	if got := d.Consumed(); got != int64(len(packed)) {
		t.Errorf("consumed %d of %d", got, len(packed))
	}
	return out
}

func TestRoundTrips(t *testing.T) {
	in := []byte(strings.Repeat("gonode zlib round trip ", 5000))
	cases := []struct {
		name        string
		mode, dmode int
	}{
		{"deflate", ModeDeflate, ModeInflate},
		{"gzip", ModeGzip, ModeGunzip},
		{"raw", ModeDeflateRaw, ModeInflateRaw},
		{"unzip-gzip", ModeGzip, ModeUnzip},
		{"unzip-zlib", ModeDeflate, ModeUnzip},
		{"brotli", ModeBrotliEncode, ModeBrotliDecode},
	}
	for _, tc := range cases {
		for _, step := range []int{1, 7, 1 << 20} {
			if got := roundTrip(t, tc.mode, tc.dmode, in, step); !bytes.Equal(got, in) {
				t.Errorf("%s step %d: got %d bytes, want %d", tc.name, step, len(got), len(in))
			}
		}
	}
}

func TestSyncFlushGivesOutputEarly(t *testing.T) {
	c, _ := NewStream(Options{Mode: ModeGzip, Level: -1})
	d, _ := NewStream(Options{Mode: ModeGunzip})
	defer d.Close()
	part, err := c.Write([]byte("first "), 2) // Z_SYNC_FLUSH
	if err != nil {
		t.Fatal(err)
	}
	out, err := d.Write(part, zNoFlush)
	if err != nil || string(out) != "first " {
		t.Fatalf("after sync flush: %q, %v", out, err)
	}
	rest, _ := c.Write([]byte("second"), zFinish)
	out, err = d.Write(rest, zFinish)
	if err != nil || string(out) != "second" {
		t.Fatalf("at the end: %q, %v", out, err)
	}
}

func TestErrorsAsZlibReportsThem(t *testing.T) {
	gz := func(s string) []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write([]byte(s))
		w.Close()
		return b.Bytes()
	}
	corrupt := gz("hello")
	corrupt[len(corrupt)-5] ^= 1
	cases := []struct {
		mode  int
		in    []byte
		msg   string
		errno int
	}{
		{ModeInflate, []byte("not zlib data"), "incorrect header check", zDataError},
		{ModeGunzip, []byte("nope"), "incorrect header check", zDataError},
		{ModeGunzip, gz("hello")[:12], "unexpected end of file", zBufError},
		{ModeGunzip, nil, "unexpected end of file", zBufError},
		{ModeGunzip, corrupt, "incorrect data check", zDataError},
		{ModeGunzip, append(gz("ab"), 0x1f, 0x8b, 0xff, 0xff), "unknown compression method", zDataError},
		{ModeInflateRaw, []byte{0x07, 0x00}, "invalid block type", zDataError},
		{ModeInflate, []byte{0x78, 0xbb, 0, 0, 0, 2}, "Missing dictionary", zNeedDict},
	}
	for _, tc := range cases {
		s, _ := NewStream(Options{Mode: tc.mode})
		_, err := s.Write(tc.in, zFinish)
		s.Close()
		var ze *Error
		if !errors.As(err, &ze) || ze.Msg != tc.msg || ze.Errno != tc.errno {
			t.Errorf("mode %d %q: got %v, want %q (%d)", tc.mode, tc.in, err, tc.msg, tc.errno)
		}
	}
}

func TestTrailingDataIsNotConsumed(t *testing.T) {
	c, _ := NewStream(Options{Mode: ModeDeflateRaw, Level: -1})
	packed, _ := c.Write([]byte("payload"), zFinish)
	d, _ := NewStream(Options{Mode: ModeInflateRaw})
	defer d.Close()
	out, err := d.Write(append(append([]byte{}, packed...), "garbage"...), zNoFlush)
	if err != nil || string(out) != "payload" {
		t.Fatalf("got %q, %v", out, err)
	}
	if !d.EndedEarly() || d.Consumed() != int64(len(packed)) {
		t.Errorf("EndedEarly %v, consumed %d, want %d", d.EndedEarly(), d.Consumed(), len(packed))
	}
}

func TestGzipMembersAndTrailingZeros(t *testing.T) {
	var in []byte
	for _, s := range []string{"abc", "def"} {
		c, _ := NewStream(Options{Mode: ModeGzip, Level: -1})
		p, _ := c.Write([]byte(s), zFinish)
		in = append(in, p...)
	}
	in = append(in, make([]byte, 10)...)
	d, _ := NewStream(Options{Mode: ModeGunzip})
	defer d.Close()
	out, err := d.Write(in, zFinish)
	if err != nil || string(out) != "abcdef" {
		t.Fatalf("got %q, %v", out, err)
	}
}

func TestParamsMidStream(t *testing.T) {
	for _, mode := range []int{ModeDeflate, ModeGzip, ModeDeflateRaw} {
		c, _ := NewStream(Options{Mode: mode, Level: 9})
		first := bytes.Repeat([]byte("abc"), 1000)
		second := bytes.Repeat([]byte("xyz"), 1000)
		out, _ := c.Write(first, 2)
		if err := c.Params(0, 0); err != nil {
			t.Fatal(err)
		}
		rest, _ := c.Write(second, zFinish)
		// Level 0 stores: the second part appears verbatim.
		if !bytes.Contains(rest, second) {
			t.Errorf("mode %d: the stored part is not verbatim", mode)
		}
		dmode := map[int]int{ModeDeflate: ModeInflate, ModeGzip: ModeGunzip, ModeDeflateRaw: ModeInflateRaw}[mode]
		d, _ := NewStream(Options{Mode: dmode})
		got, err := d.Write(append(out, rest...), zFinish)
		d.Close()
		if err != nil || !bytes.Equal(got, append(first, second...)) {
			t.Errorf("mode %d: round trip after params: %v", mode, err)
		}
	}
}

func TestZstd(t *testing.T) {
	in := []byte(strings.Repeat("zstd data ", 3000))
	for _, step := range []int{5, 1 << 20} {
		if got := roundTrip(t, ModeZstdCompress, ModeZstdDecompress, in, step); !bytes.Equal(got, in) {
			t.Errorf("zstd step %d: got %d bytes", step, len(got))
		}
	}
	d, _ := NewStream(Options{Mode: ModeZstdDecompress})
	_, err := d.Write([]byte("garbage garbage"), brotliOpFinish)
	d.Close()
	var ze *Error
	if !errors.As(err, &ze) || ze.Msg != "Unknown frame descriptor" || ze.Errno != 10 {
		t.Errorf("zstd garbage: %v", err)
	}
}

func TestDecompressorPausesAtPauseAt(t *testing.T) {
	in := bytes.Repeat([]byte{'z'}, 1<<20)
	c, _ := NewStream(Options{Mode: ModeGzip, Level: 9})
	packed, _ := c.Write(in, zFinish)
	d, _ := NewStream(Options{Mode: ModeGunzip, PauseAt: 16 << 10})
	defer d.Close()
	out, err := d.Write(packed, zFinish)
	writes := 1
	for err == nil && d.More() {
		if len(out) > 64<<10*writes {
			t.Fatalf("write %d returned %d bytes: the pause did not hold", writes, len(out))
		}
		var more []byte
		more, err = d.Write(nil, zFinish)
		out = append(out, more...)
		writes++
	}
	if err != nil || !bytes.Equal(out, in) {
		t.Fatalf("got %d bytes, %v", len(out), err)
	}
	if writes < 16 {
		t.Errorf("only %d writes for 1 MiB at 16 KiB pauses", writes)
	}
}
