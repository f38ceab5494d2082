package node

import (
	"bytes"
	"strings"
	"testing"

	_ "github.com/gonode/gonode/internal/ops/all"
)

// A worker's console output reaches the parent's configured Stdout, and
// messages go both ways.
func TestWorkerThread(t *testing.T) {
	var out, errb bytes.Buffer
	in, err := New(Config{Stdout: &out, Stderr: &errb, Env: map[string]string{}})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	src := `
const { Worker } = require('worker_threads');
const w = new Worker("const { parentPort, workerData } = require('worker_threads');" +
  "console.log('in worker', workerData.n);" +
  "parentPort.once('message', (m) => parentPort.postMessage(m * 2));", { eval: true, workerData: { n: 7 } });
w.on('message', (m) => console.log('doubled', m));
w.postMessage(21);
w.on('exit', (c) => console.log('exit', c));
`
	code := in.RunSource(src, "[eval]", false)
	if code != 0 {
		t.Fatalf("exit code %d, stderr %q", code, errb.String())
	}
	want := "in worker 7\ndoubled 42\nexit 0\n"
	if got := out.String(); got != want {
		t.Fatalf("stdout %q, want %q (stderr %q)", got, want, errb.String())
	}
	// Only the main thread's postMessageToThread inbox stays while the
	// instance lives; the worker's went with it.
	hubMu.Lock()
	n := 0
	for _, ep := range endpoints {
		if !ep.inbox || ep.thread != 0 {
			n++
		}
	}
	hubMu.Unlock()
	if n != 0 {
		t.Errorf("%d endpoints left in the hub after the run", n)
	}
}

// terminate() stops a busy worker with exit code 1.
func TestWorkerTerminate(t *testing.T) {
	var out, errb bytes.Buffer
	in, err := New(Config{Stdout: &out, Stderr: &errb, Env: map[string]string{}})
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	src := `
const { Worker } = require('worker_threads');
const w = new Worker("require('worker_threads').parentPort.postMessage('go'); for (;;) {}", { eval: true });
w.once('message', () => w.terminate().then((c) => console.log('terminated', c)));
`
	if code := in.RunSource(src, "[eval]", false); code != 0 {
		t.Fatalf("exit code %d, stderr %q", code, errb.String())
	}
	if got := out.String(); !strings.Contains(got, "terminated 1") {
		t.Fatalf("stdout %q", got)
	}
}
