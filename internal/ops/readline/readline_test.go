package readline

import (
	"reflect"
	"testing"
)

// lineTexts returns the text of each line Split finds in s from start.
func lineTexts(s string, start int) []string {
	b := []byte(s)
	var out []string
	for _, l := range Split(b, start, nil) {
		out = append(out, s[l.Start:l.End])
	}
	return out
}

func TestSplit(t *testing.T) {
	cases := []struct {
		in    string
		start int
		want  []string
		tail  int
	}{
		{"a\nb\nc", 0, []string{"a", "b"}, 4},
		{"a\nb\n", 0, []string{"a", "b"}, 4},
		{"\n\n", 0, []string{"", ""}, 2},
		{"\nx\n", 1, []string{"x"}, 3},
		{"abc", 0, nil, 0},
		{"a\r\nb\rc\r", 0, []string{"a", "b", "c"}, 7},
		{"a\r\r\nb", 0, []string{"a", ""}, 4},
		{"a\u2028b\u2029c", 0, []string{"a", "b"}, 8},
		{"\xe2\x80\xa7x\n", 0, []string{"\xe2\x80\xa7x"}, 5},
		{"\xf0\xe2\x80\xa8z", 0, []string{"\xf0"}, 4},
		{"x\r", 0, []string{"x"}, 2},
	}
	for _, c := range cases {
		if got := lineTexts(c.in, c.start); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Split(%q, %d) = %q, want %q", c.in, c.start, got, c.want)
		}
		if got := LastLineStart([]byte(c.in), c.start); got != c.tail {
			t.Errorf("LastLineStart(%q, %d) = %d, want %d", c.in, c.start, got, c.tail)
		}
	}
}

func TestNextLine(t *testing.T) {
	cases := []struct {
		in        string
		end, next int
		ok        bool
	}{
		{"ab\ncd", 2, 3, true},
		{"ab\r\ncd", 2, 4, true},
		{"ab\rcd", 2, 3, true},
		{"ab\u2029", 2, 5, true},
		{"abc", 0, 0, false},
		{"", 0, 0, false},
	}
	for _, c := range cases {
		end, next, ok := NextLine([]byte(c.in), 0)
		if end != c.end || next != c.next || ok != c.ok {
			t.Errorf("NextLine(%q) = %d, %d, %v, want %d, %d, %v", c.in, end, next, ok, c.end, c.next, c.ok)
		}
	}
}

func TestIsASCII(t *testing.T) {
	for n := 0; n < 80; n++ {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('a' + i%26)
		}
		if !isASCII(b) {
			t.Fatalf("isASCII(%q) = false", b)
		}
		for i := range b {
			for _, x := range []byte{0x80, 0xc3, 0xe2, 0xff} {
				b[i] = x
				if isASCII(b) {
					t.Fatalf("isASCII with %#x at %d of %d = true", x, i, n)
				}
			}
			b[i] = 0x7f
			if !isASCII(b) {
				t.Fatalf("isASCII with 0x7f at %d of %d = false", i, n)
			}
			b[i] = 'a'
		}
	}
}

// TestSimpleFlag checks that the line functions told that '\n' is the only
// line end agree with the ones that look for themselves, on such text.
func TestSimpleFlag(t *testing.T) {
	for _, s := range []string{"", "a", "a\nb", "\n\n", "abc\ndef\n", "x\n\ny\nzz"} {
		b := []byte(s)
		for start := 0; start <= len(b); start++ {
			if got, want := split(b, start, nil, true), Split(b, start, nil); !reflect.DeepEqual(got, want) {
				t.Errorf("split(%q, %d) = %v, want %v", s, start, got, want)
			}
			if got, want := lastLineStart(b, start, true), LastLineStart(b, start); got != want {
				t.Errorf("lastLineStart(%q, %d) = %d, want %d", s, start, got, want)
			}
			e1, n1, ok1 := nextLine(b, start, true)
			e2, n2, ok2 := NextLine(b, start)
			if e1 != e2 || n1 != n2 || ok1 != ok2 {
				t.Errorf("nextLine(%q, %d) differs", s, start)
			}
		}
	}
}
