package qjs

import "testing"

func TestSerializeAcrossRuntimes(t *testing.T) {
	a, err := NewRuntime(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := NewRuntime(Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ca, cb := a.Context(), b.Context()
	v, err := ca.Eval(`const o = {n: 1, s: "x", d: new Date(5), u8: new Uint8Array([1,2,3]), big: 7n}; o.self = o; o`, "a.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	data, err := ca.Serialize(v)
	ca.Free(v)
	if err != nil {
		t.Fatal(err)
	}
	w, err := cb.Deserialize(data)
	if err != nil {
		t.Fatal(err)
	}
	g := cb.Global()
	cb.Set(g, "w", w)
	cb.Free(g)
	r, err := cb.Eval(`[w.n, w.s, w.d.getTime(), w.u8.join(), String(w.big), w.self === w].join("|")`, "b.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	defer cb.Free(r)
	if got, want := cb.GoString(r), "1|x|5|1,2,3|7|true"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
	f, _ := ca.Eval(`(function () {})`, "f.js", EvalGlobal)
	defer ca.Free(f)
	if _, err := ca.Serialize(f); err == nil {
		t.Fatal("serializing a function did not fail")
	}
}
