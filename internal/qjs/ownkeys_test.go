package qjs

import "testing"

func TestOwnNonIndexKeys(t *testing.T) {
	_, c := newTestRuntime(t)
	cases := []struct {
		src      string
		enumOnly bool
		want     string
	}{
		{"var a = [1, 2, 3]; a.x = 1; a[Symbol.for('s')] = 2; a", true, "x,Symbol(s)"},
		{"[1, 2]", false, "length"},
		{"var t = new Uint8Array(100000); t.extra = 1; t", true, "extra"},
		{"var o = {b: 1, 0: 2, '4294967294': 3, '4294967295': 4, '01': 5}; o", true, "b,4294967295,01"},
		{"Object.defineProperty({v: 1}, 'h', {value: 2})", true, "v"},
		{"Object.defineProperty({v: 1}, 'h', {value: 2})", false, "v,h"},
	}
	for _, tc := range cases {
		obj := evalT(t, c, tc.src)
		keys := c.OwnNonIndexKeys(obj, tc.enumOnly)
		if keys.IsException() {
			t.Fatalf("%s: exception", tc.src)
		}
		g := c.Global()
		c.Set(g, "__keys", keys)
		c.Free(g)
		got := evalT(t, c, "__keys.map(String).join(',')")
		if s := c.GoString(got); s != tc.want {
			t.Errorf("%s (enumOnly %v): got %q, want %q", tc.src, tc.enumOnly, s, tc.want)
		}
		c.FreeAll(got, obj)
	}
}

func TestIsArrayIndex(t *testing.T) {
	for s, want := range map[string]bool{
		"0": true, "7": true, "4294967294": true, "4294967295": false,
		"": false, "01": false, "-1": false, "1.5": false, "99999999999": false,
	} {
		if got := isArrayIndex(s); got != want {
			t.Errorf("isArrayIndex(%q) = %v, want %v", s, got, want)
		}
	}
}
