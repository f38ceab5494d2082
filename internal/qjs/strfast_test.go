package qjs

import (
	"strings"
	"testing"
)

func TestLatin1String(t *testing.T) {
	rt, c := newTestRuntime(t)
	check, err := c.Eval(`(function (s, want) {
		if (typeof s !== 'string') return 'type ' + typeof s;
		if (s !== want) return 'differs: ' + JSON.stringify(s) + ' vs ' + JSON.stringify(want);
		if (s.length !== want.length) return 'length';
		const o = {}; o[s] = 1;
		if (o[want] !== 1) return 'as a key';
		if ((s + '!').slice(0, -1) !== want) return 'concat';
		if (new Map([[s, 2]]).get(want) !== 2) return 'hash';
		return 'ok';
	})`, "t.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Free(check)
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"a", "a"},
		{"hello, world", "hello, world"},
		{strings.Repeat("0123456789", 1000), strings.Repeat("0123456789", 1000)},
		{"caf\xe9", "café"},  // one character per byte
		{"length", "length"}, // the name of an atom
	} {
		s := c.Latin1String([]byte(tc.in))
		want := c.String(tc.want)
		r, err := c.Call(check, Undefined, s, want)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.GoString(r); got != "ok" {
			t.Errorf("Latin1String(%q): %s", tc.in, got)
		}
		c.FreeAll(r, s, want)
	}
	// A string kept by JS outlives the Go call that made it.
	keep, err := c.Eval("globalThis.kept = []; (s) => { kept.push(s); }", "k.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Free(keep)
	k := c.NewCaller(keep, Undefined)
	for i := range 100 {
		r := k.CallLatin1([]byte(strings.Repeat("x", i)))
		if r.IsException() {
			t.Fatal(c.GoString(c.TakeException()))
		}
		c.Free(r)
	}
	k.Close()
	rt.RunGC()
	v, err := c.Eval("kept.every((s, i) => s === 'x'.repeat(i)) && kept.length", "c.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := c.ToInt64(v); n != 100 {
		t.Fatalf("kept strings check: %v", c.GoString(v))
	}
	c.Free(v)
}

func TestCaller(t *testing.T) {
	_, c := newTestRuntime(t)
	fn, err := c.Eval("(function (x) { if (x === 'boom') throw new Error('boom'); this.seen.push(x); x = 'changed'; return arguments.length; })", "f.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Free(fn)
	this, err := c.Eval("({ seen: [] })", "o.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Free(this)
	k := c.NewCaller(fn, this)
	for _, s := range []string{"a", "bc", "boom", "d"} {
		r := k.CallLatin1([]byte(s))
		if s == "boom" {
			if !r.IsException() {
				t.Fatal("no exception")
			}
			e := c.TakeException()
			if msg := c.GoString(e); !strings.Contains(msg, "boom") {
				t.Fatalf("exception: %v", msg)
			}
			c.Free(e)
			continue
		}
		if r.IsException() {
			t.Fatal(c.GoString(c.TakeException()))
		}
		if n, _ := c.ToInt64(r); n != 1 {
			t.Fatalf("arguments.length = %v", c.GoString(r))
		}
		c.Free(r)
	}
	n := Int32(7)
	r := k.Call(n)
	c.Free(r)
	k.Close()
	seen := c.Get(this, "seen")
	defer c.Free(seen)
	j, _, err := c.JSONStringify(seen)
	if err != nil {
		t.Fatal(err)
	}
	if j != `["a","bc","d",7]` {
		t.Fatalf("seen %s", j)
	}
}

// TestCallerReusesOnlyUnkeptStrings checks that CallLatin1 rewrites a
// string only when the function let go of it: strings kept in an array,
// as property keys (atoms), in Map keys, or inside longer strings keep
// their text while later calls go on.
func TestCallerReusesOnlyUnkeptStrings(t *testing.T) {
	rt, c := newTestRuntime(t)
	fn, err := c.Eval(`globalThis.st = { arr: [], obj: {}, map: new Map(), rope: '', sym: [], seen: [] };
	(function (s) {
		st.seen.push(s.slice(0));
		if (st.seen.length % 7 === 0) {
			// A key of an object that dies at once: the string is an atom
			// that only the caller holds when the call returns.
			const o = {};
			o[s] = 1;
			st.seen.push(Object.keys(o)[0] === s);
			st.seen.pop();
		}
		switch (st.seen.length % 6) {
		case 0: st.arr.push(s); break;
		case 1: st.obj[s] = st.seen.length; break;
		case 2: st.map.set(s, st.seen.length); break;
		case 3: st.rope = st.rope + s + '|'; break;
		case 4: st.sym.push(Symbol.for(s)); break;
		default: break; // dropped: reusable
		}
	})`, "f.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Free(fn)
	k := c.NewCaller(fn, Undefined)
	var want []string
	for i := range 600 {
		s := strings.Repeat(string(rune('a'+i%26)), 1+(i*7)%40) + "#" + strings.Repeat("z", i%3)
		if i%50 == 7 {
			s = ""
		}
		want = append(want, s)
		r := k.CallLatin1([]byte(s))
		if r.IsException() {
			t.Fatal(c.GoString(c.TakeException()))
		}
		c.Free(r)
		if i%100 == 0 {
			rt.RunGC()
		}
	}
	k.Close()
	rt.RunGC()
	check, err := c.Eval(`(function (want) {
		want = JSON.parse(want);
		const bad = [];
		const ok = (cond, what) => { if (!cond && bad.length < 5) bad.push(what); };
		ok(st.seen.length === want.length, 'count');
		let rope = '';
		let ai = 0, si = 0;
		want.forEach((w, i) => {
			const n = i + 1;
			ok(st.seen[i] === w, 'seen ' + i);
			switch (n % 6) {
			case 0: ok(st.arr[ai++] === w, 'arr ' + i); break;
			case 1: ok(Object.keys(st.obj).includes(w), 'key ' + i); break;
			case 2: ok(st.map.has(w), 'map ' + i); break;
			case 3: rope += w + '|'; break;
			case 4: ok(Symbol.keyFor(st.sym[si++]) === w, 'sym ' + i); break;
			}
		});
		ok(st.rope === rope, 'rope');
		return bad.length ? bad.join(', ') : 'ok';
	})`, "c.js", EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Free(check)
	j := c.String(jsonStrings(want))
	defer c.Free(j)
	r, err := c.Call(check, Undefined, j)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Free(r)
	if got := c.GoString(r); got != "ok" {
		t.Fatal(got)
	}
}

func jsonStrings(ss []string) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, s := range ss {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"` + s + `"`)
	}
	b.WriteByte(']')
	return b.String()
}
