package encoding

import "testing"

func TestDecodeSingleByte(t *testing.T) {
	idx := func(name string) int {
		for i, n := range SingleByteNames() {
			if n == name {
				return i
			}
		}
		t.Fatalf("no encoding %s", name)
		return -1
	}
	cases := []struct {
		enc   string
		in    []byte
		fatal bool
		want  string
		ok    bool
	}{
		{"windows-1252", []byte("abc"), true, "abc", true},
		{"windows-1252", []byte{0x80, 0x81, 0xFF}, true, "\u20ac\u0081\u00ff", true},
		{"koi8-r", []byte{0xC1, 0xE1}, true, "\u0430\u0410", true},
		{"iso-8859-3", []byte{'x', 0xA5}, false, "x\ufffd", true},
		{"iso-8859-3", []byte{'x', 0xA5}, true, "", false},
		{"ibm866", []byte{0x80, 0xFF}, true, "\u0410\u00a0", true},
	}
	for _, tc := range cases {
		got, ok := DecodeSingleByte(idx(tc.enc), tc.in, tc.fatal)
		if got != tc.want || ok != tc.ok {
			t.Errorf("%s %x fatal=%v: got %q %v, want %q %v", tc.enc, tc.in, tc.fatal, got, ok, tc.want, tc.ok)
		}
	}
	got, _ := DecodeSingleByte(XUserDefined, []byte{0x41, 0x80, 0xFF}, true)
	if got != "A\uf780\uf7ff" {
		t.Errorf("x-user-defined: got %q", got)
	}
}
