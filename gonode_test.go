package gonode

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

type outputs struct{ stdout, stderr bytes.Buffer }

func newRuntime(t *testing.T, o Options) (*Runtime, *outputs) {
	t.Helper()
	out := &outputs{}
	o.Stdout, o.Stderr = &out.stdout, &out.stderr
	rt, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rt.Close() })
	return rt, out
}

func TestRunScriptOutputAndExitCode(t *testing.T) {
	rt, out := newRuntime(t, Options{Args: []string{"a", "b"}})
	code, err := rt.RunScript("s.js", `
		console.log('argv', process.argv.slice(1).join(','));
		Promise.resolve().then(() => console.log('micro'));
		process.nextTick(() => console.log('tick'));
		setImmediate(() => { console.error('err'); process.exitCode = 4; });
	`)
	if err != nil || code != 4 {
		t.Fatalf("code %d err %v", code, err)
	}
	if got, want := out.stdout.String(), "argv a,b\ntick\nmicro\n"; got != want {
		t.Fatalf("stdout %q want %q", got, want)
	}
	if out.stderr.String() != "err\n" {
		t.Fatalf("stderr %q", out.stderr.String())
	}
}

func TestUncaughtExceptionIsExitCode1(t *testing.T) {
	rt, out := newRuntime(t, Options{})
	code, err := rt.RunScript("s.js", `setTimeout(() => { throw new RangeError('boom') }, 1)`)
	if err != nil || code != 1 {
		t.Fatalf("code %d err %v", code, err)
	}
	if !strings.Contains(out.stderr.String(), "RangeError: boom") {
		t.Fatalf("stderr %q", out.stderr.String())
	}
}

func TestRunFileArgvAndDir(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "lib.js"), []byte("module.exports = 'from lib';"), 0o644)
	os.WriteFile(filepath.Join(dir, "main.js"), []byte(`
		console.log(require('./lib'));
		console.log(process.argv.slice(1).map(a => require('path').basename(a)).join(' '));
		console.log(process.cwd() === __dirname);
	`), 0o644)
	before, _ := os.Getwd()
	rt, out := newRuntime(t, Options{Dir: dir, Args: []string{"x"}})
	code, err := rt.RunFile("main.js")
	if err != nil || code != 0 {
		t.Fatalf("code %d err %v stderr %s", code, err, out.stderr.String())
	}
	if got, want := out.stdout.String(), "from lib\nmain.js x\ntrue\n"; got != want {
		t.Fatalf("stdout %q want %q", got, want)
	}
	if after, _ := os.Getwd(); after != before {
		t.Fatalf("working directory not restored: %s", after)
	}
}

func TestPrivateEnv(t *testing.T) {
	rt, out := newRuntime(t, Options{Env: map[string]string{"GONODE_A": "1"}})
	_, err := rt.RunScript("s.js", `
		process.env.GONODE_B = 2;
		console.log(process.env.GONODE_A, process.env.GONODE_B, Object.keys(process.env).join(','), process.env.PATH);
	`)
	if err != nil {
		t.Fatal(err)
	}
	if got := out.stdout.String(); got != "1 2 GONODE_A,GONODE_B undefined\n" {
		t.Fatalf("stdout %q", got)
	}
	if _, ok := os.LookupEnv("GONODE_B"); ok {
		t.Fatal("private env leaked into the Go process")
	}
}

func TestStopInfiniteLoop(t *testing.T) {
	rt, out := newRuntime(t, Options{})
	go func() {
		time.Sleep(50 * time.Millisecond)
		rt.Stop()
	}()
	done := make(chan struct{})
	var code int
	var err error
	go func() {
		code, err = rt.RunScript("spin.js", `process.on('exit', () => console.log('exit ran')); console.log('start'); for (;;) {}`)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Stop did not end an infinite loop")
	}
	if !errors.Is(err, ErrStopped) || code != 143 {
		t.Fatalf("code %d err %v", code, err)
	}
	if out.stdout.String() != "start\n" || out.stderr.String() != "" {
		t.Fatalf("stdout %q stderr %q", out.stdout.String(), out.stderr.String())
	}
}

func TestStopInfiniteLoopInCallbacks(t *testing.T) {
	for name, src := range map[string]string{
		"timer":     `setTimeout(() => { for (;;) {} }, 1)`,
		"microtask": `Promise.resolve().then(() => { for (;;) {} })`,
		"tick":      `process.nextTick(() => { for (;;) {} })`,
		"try":       `for (;;) { try { for (;;) {} } catch {} finally { continue } }`,
		"interval":  `setInterval(() => {}, 5)`,
	} {
		t.Run(name, func(t *testing.T) {
			rt, out := newRuntime(t, Options{})
			time.AfterFunc(30*time.Millisecond, rt.Stop)
			code, err := rt.RunScript("s.js", src)
			if !errors.Is(err, ErrStopped) || code != 143 || out.stderr.Len() != 0 {
				t.Fatalf("code %d err %v stderr %q", code, err, out.stderr.String())
			}
		})
	}
}

func TestStopBeforeRunAndAfterClose(t *testing.T) {
	rt, out := newRuntime(t, Options{})
	rt.Stop()
	rt.Stop()
	code, err := rt.RunScript("s.js", `console.log('should not print')`)
	if !errors.Is(err, ErrStopped) || code != 143 || out.stdout.Len() != 0 {
		t.Fatalf("code %d err %v stdout %q", code, err, out.stdout.String())
	}
	if _, err := rt.RunScript("s.js", ``); err == nil {
		t.Fatal("second run should fail")
	}
	rt.Close()
	rt.Stop() // must not touch freed memory
}

func TestGoModule(t *testing.T) {
	type point struct {
		X, Y   int
		hidden int
	}
	var seen []any
	calls := 0
	rt, out := newRuntime(t, Options{Modules: map[string]ModuleFunc{
		"native": func(m *Module) {
			calls++
			m.Set("name", m.Name())
			m.Set("point", point{X: 1, Y: 2})
			m.Set("list", []int{1, 2, 3})
			m.Set("bytes", []byte("hi"))
			m.Func("echo", func(args []any) (any, error) {
				seen = args
				return args, nil
			})
			m.Func("fail", func(args []any) (any, error) {
				return nil, codedError{"ERR_NATIVE", "native failure"}
			})
			m.Func("nothing", func(args []any) (any, error) { return nil, nil })
		},
		"fs": func(m *Module) { m.Set("mine", true) },
	}})
	code, err := rt.RunScript("s.js", `
		const n = require('native');
		console.log(n === require('gonode:native'), n.name, JSON.stringify(n.point), n.list.join(), n.bytes instanceof Uint8Array, n.bytes.length);
		const r = n.echo(1, 'two', true, null, undefined, [3, [4]], { a: { b: 5 } }, new Uint8Array([7, 8]), 12n);
		console.log(JSON.stringify(r.slice(0, 7)), r[7] instanceof Uint8Array && r[7].join(), r[8]);
		try { n.fail() } catch (e) { console.log(e instanceof Error, e.code, e.message) }
		try { n.echo(() => 1) } catch (e) { console.log(e.name, e.message) }
		console.log(n.nothing());
		console.log(typeof require('fs').readFileSync, require('gonode:fs').mine);
		try { require('gonode:missing') } catch (e) { console.log(e.code) }
	`)
	if err != nil || code != 0 {
		t.Fatalf("code %d err %v stderr %s", code, err, out.stderr.String())
	}
	want := `true native {"X":1,"Y":2} 1,2,3 true 2
[1,"two",true,null,null,[3,[4]],{"a":{"b":5}}] 7,8 12
true ERR_NATIVE native failure
TypeError cannot pass a function to a Go function
undefined
function true
MODULE_NOT_FOUND
`
	if got := out.stdout.String(); got != want {
		t.Fatalf("stdout:\n%s\nwant:\n%s", got, want)
	}
	if calls != 1 {
		t.Fatalf("module built %d times", calls)
	}
	if seen[0] != 1.0 || seen[1] != "two" || seen[2] != true || seen[3] != nil || seen[4] != nil {
		t.Fatalf("args %#v", seen[:5])
	}
	if b, ok := seen[7].([]byte); !ok || string(b) != "\x07\x08" {
		t.Fatalf("bytes arg %#v", seen[7])
	}
	if n, ok := seen[8].(int64); !ok || n != 12 {
		t.Fatalf("bigint arg %#v", seen[8])
	}
}

type codedError struct{ code, msg string }

func (e codedError) Error() string { return e.msg }
func (e codedError) Code() string  { return e.code }

func TestMemoryLimit(t *testing.T) {
	rt, out := newRuntime(t, Options{MemoryLimit: 32 << 20})
	code, err := rt.RunScript("s.js", `const a = []; for (;;) a.push('x'.repeat(1000) + a.length)`)
	if err != nil || code != 134 {
		t.Fatalf("code %d err %v", code, err)
	}
	if !strings.Contains(out.stderr.String(), "out of memory") {
		t.Fatalf("stderr %q", out.stderr.String())
	}
}

// BenchmarkStartup measures creating a runtime, running a one-line script
// and closing it: the embedding's share of `gonode -e` start-up.
func BenchmarkStartup(b *testing.B) {
	var out bytes.Buffer
	for b.Loop() {
		out.Reset()
		rt, err := New(Options{Stdout: &out, Env: map[string]string{}})
		if err != nil {
			b.Fatal(err)
		}
		if code, err := rt.RunScript("b.js", "console.log('hi')"); code != 0 || err != nil {
			b.Fatal(code, err)
		}
		rt.Close()
	}
}
