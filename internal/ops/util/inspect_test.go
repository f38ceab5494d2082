package util

import "testing"

func TestQuoteASCII(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"abc", "'abc'"},
		{"it's", `"it's"`},
		{`it's "x"`, "`it's \"x\"`"},
		{"it's \"x\" `y`", `'it\'s "x" ` + "`y`'"},
		{"'\"${x}", `'\'"${x}'`},
		{"a\nb\tc\\", `'a\nb\tc\\'`},
		{"\x00\x1f\x7f\b\f\r", `'\x00\x1F\x7F\b\f\r'`},
		{"", "''"},
	} {
		if got := quoteASCII(tc.in); got != tc.want {
			t.Errorf("quoteASCII(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestIsPlainString(t *testing.T) {
	for in, want := range map[string]bool{
		"hello world": true, "héllo 日本": true, "": true,
		"it's": false, `back\slash`: false, "a\nb": false, "\x7f": false,
		"\u0085":                           false, // a C1 control
		"\xed\xa0\x80":                     false, // a lone surrogate, as the engine encodes it
		"\xf0\x9f\x98\x80":                 true,  // a pair: U+1F600
		"\u00a0non-breaking space is fine": true,
	} {
		if got := isPlainString(in); got != want {
			t.Errorf("isPlainString(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestIsPlainKey(t *testing.T) {
	for in, want := range map[string]bool{
		"a": true, "_x1": true, "CamelCase": true, "key123": true,
		"": false, "1a": false, "a-b": false, "$a": false, "a b": false, "__proto__": false, "é": false,
	} {
		if got := isPlainKey(in); got != want {
			t.Errorf("isPlainKey(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestJSRound(t *testing.T) {
	for _, tc := range []struct{ in, want float64 }{
		{2.5, 3}, {2.4999, 2}, {0.49999999999999994, 0}, {-2.5, -2}, {7, 7},
	} {
		if got := jsRound(tc.in); got != tc.want {
			t.Errorf("jsRound(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
