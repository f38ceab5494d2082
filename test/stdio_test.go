package behaviour

// Tests of process.stdout on a broken pipe: node's behaviour is that a
// console.log loop into `| head -1` ends quietly, while a direct write
// with no 'error' listener is an uncaught EPIPE error (exit code 1), and
// a listener receives the error. Never a crash or a Go trace.

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// runBrokenPipe runs gonode -e script with stdout on a pipe whose reader
// reads one line (when readLine is set) and then goes away. It returns
// the exit code and stderr.
func runBrokenPipe(t *testing.T, script string, readLine bool) (int, string) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), caseTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, gonodeBin, "-e", script)
	cmd.Stdout = w
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	if readLine {
		if _, err := bufio.NewReader(r).ReadString('\n'); err != nil {
			t.Fatalf("reading the first line: %v", err)
		}
	}
	r.Close()
	err = cmd.Wait()
	if ctx.Err() != nil {
		t.Fatalf("timed out; stderr:\n%s", stderr.Bytes())
	}
	code := 0
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		code = exitErr.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(stderr.String(), "goroutine ") || strings.Contains(stderr.String(), "panic:") {
		t.Fatalf("Go trace on stderr:\n%s", stderr.Bytes())
	}
	return code, stderr.String()
}

func TestStdoutBrokenPipeConsoleLogIsQuiet(t *testing.T) {
	t.Parallel()
	code, stderr := runBrokenPipe(t, "for (let i = 0; i < 2e4; i++) console.log(i)", true)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q; want 0 and nothing", code, stderr)
	}
}

func TestStdoutBrokenPipeWriteIsUncaught(t *testing.T) {
	t.Parallel()
	code, stderr := runBrokenPipe(t, "setTimeout(() => { process.stdout.write('a\\n'); console.error('after write') }, 300)", false)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, stderr)
	}
	for _, want := range []string{"after write", "Error: write EPIPE", "code: 'EPIPE'"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

func TestStdoutBrokenPipeErrorListener(t *testing.T) {
	t.Parallel()
	start := time.Now()
	code, stderr := runBrokenPipe(t, "process.stdout.on('error', (e) => console.error('error event', e.code, e.syscall)); setTimeout(() => process.stdout.write('a\\n'), 300)", false)
	if code != 0 || stderr != "error event EPIPE write\n" {
		t.Fatalf("exit %d, stderr %q; want 0 and the error event", code, stderr)
	}
	if time.Since(start) > 10*time.Second {
		t.Fatal("too slow")
	}
}
