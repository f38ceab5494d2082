package util

import (
	"strings"
	"testing"
)

// script renders ops over two strings: "=x" common, "+x" only in a, "-x"
// only in b.
func script(a, b string, ops []byte) string {
	var sb strings.Builder
	i, j := 0, 0
	for _, op := range ops {
		switch op {
		case opCommon:
			sb.WriteString("=" + string(a[i]))
			i++
			j++
		case opA:
			sb.WriteString("+" + string(a[i]))
			i++
		case opB:
			sb.WriteString("-" + string(b[j]))
			j++
		}
	}
	return sb.String()
}

func ids(s string) []int32 {
	out := make([]int32, len(s))
	for i := range s {
		out[i] = int32(s[i])
	}
	return out
}

// The expected scripts are what node's util.diff returns for the same
// strings.
func TestMyersDiff(t *testing.T) {
	for _, tc := range []struct{ a, b, want string }{
		{"", "", ""},
		{"abc", "abc", "=a=b=c"},
		{"abc", "xbz", "+a-x=b+c-z"},
		{"kitten", "sitting", "+k-s=i=t=t+e-i=n-g"},
		{"aaa", "a", "=a+a+a"},
		{"", "ab", "-a-b"},
		{"abcd", "acbd", "=a+b=c-b=d"},
	} {
		got := script(tc.a, tc.b, myersDiff(ids(tc.a), ids(tc.b)))
		if got != tc.want {
			t.Errorf("diff(%q, %q) = %s, want %s", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestMyersDiffLimit(t *testing.T) {
	a := make([]int32, 10000)
	b := make([]int32, 10000)
	for i := range a {
		a[i], b[i] = int32(i), int32(-i-1)
	}
	if myersDiff(a, b) != nil {
		t.Fatal("a diff past maxTrace should give up")
	}
	// Few differences in long inputs stay exact.
	b = append([]int32{-1}, a[1:]...)
	if ops := myersDiff(a, b); len(ops) != len(a)+1 {
		t.Fatalf("got %d ops", len(ops))
	}
}
