package behaviour

// The JS behaviour tests. TestMain builds the gonode binary once; then
// TestBehaviour runs, for every testdata/js/<name>.js (or .mjs, .cjs), in
// parallel:
//
//	gonode [before-args] <name>.js [args]      (cwd testdata/js)
//
// and compares:
//   - stdout with <name>.out, exactly;
//   - stderr with <name>.err if that file exists: exactly, or, when its
//     first line is `#contains`, each following non-empty line must occur
//     somewhere in stderr;
//   - the exit code with <name>.code if present (default 0).
//
// <name>.args, optional, lists extra command-line arguments one per line
// (empty lines are skipped). Arguments go after the script until a line
// `@before`, after which they go before it (node options such as -e). A
// line `@stdin` runs `gonode [before] - [args]` with the script fed on
// stdin; a line `@noscript` leaves the script out of the command line (for
// -e/-p cases: the .js file then only documents the case). Otherwise stdin
// is <name>.stdin if present, else empty.
//
// The expected files come from node: testdata/js/regen.sh <name> rewrites
// them (it applies the same .args rules and environment). Each case gets
// the environment variable GONODE_BEHAVIOUR=1, with NODE_OPTIONS and other
// variables that change node's output removed.
//
// Run one case: go test ./test -run 'TestBehaviour/core_order_main$'.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// caseTimeout bounds one case's run.
const caseTimeout = 20 * time.Second

var gonodeBin string

func TestMain(m *testing.M) {
	os.Exit(buildAndRun(m))
}

func buildAndRun(m *testing.M) int {
	dir, err := os.MkdirTemp("", "gonode-behaviour-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	gonodeBin = filepath.Join(dir, "gonode")
	touchInputs("..")
	goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(goTool); err != nil {
		goTool = "go"
	}
	cmd := exec.Command(goTool, "build", "-o", gonodeBin, "../cmd/gonode")
	cmd.Stdout = os.Stderr
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		fmt.Fprintf(os.Stderr, "building gonode: %v\n", err)
		return 1
	}
	return m.Run()
}

// touchInputs stats every source file of the module so that go test's
// result cache, which records the files a test opens or stats, is
// invalidated when the Go or JS sources of the binary change (the binary
// is built in a subprocess, whose reads the cache does not see).
func touchInputs(root string) {
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if n := d.Name(); p != root && strings.HasPrefix(n, ".") {
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(p) {
		case ".go", ".js", ".mjs", ".cjs", ".ts", ".json", ".bin", ".mod", ".sum",
			".out", ".err", ".code", ".args", ".stdin":
			os.Stat(p)
		}
		return nil
	})
}

// caseArgs is a parsed <name>.args file.
type caseArgs struct {
	before, after   []string
	stdin, noScript bool
}

func readArgs(path string) (caseArgs, error) {
	var a caseArgs
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return a, nil
	} else if err != nil {
		return a, err
	}
	before := false
	for _, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		switch line {
		case "":
		case "@before":
			before = true
		case "@stdin":
			a.stdin = true
		case "@noscript":
			a.noScript = true
		default:
			if before {
				a.before = append(a.before, line)
			} else {
				a.after = append(a.after, line)
			}
		}
	}
	return a, nil
}

// caseEnv is the environment each case runs with (regen.sh sets the same).
func caseEnv() []string {
	drop := map[string]bool{
		"NODE_OPTIONS": true, "NODE_DEBUG": true, "FORCE_COLOR": true, "NO_COLOR": true,
		"NODE_DISABLE_COLORS": true, "NODE_PATH": true, "NODE_NO_WARNINGS": true,
		"NODE_PENDING_DEPRECATION": true, "UV_THREADPOOL_SIZE": true,
	}
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if !drop[k] {
			env = append(env, kv)
		}
	}
	return append(env, "GONODE_BEHAVIOUR=1")
}

func TestBehaviour(t *testing.T) {
	const dir = "../testdata/js"
	var scripts []string
	for _, ext := range caseExts {
		m, err := filepath.Glob(filepath.Join(dir, "*"+ext))
		if err != nil {
			t.Fatal(err)
		}
		scripts = append(scripts, m...)
	}
	sort.Strings(scripts)
	if len(scripts) == 0 {
		t.Fatal("no cases in testdata/js")
	}
	env := caseEnv()
	for _, script := range scripts {
		file := filepath.Base(script)
		name := strings.TrimSuffix(file, filepath.Ext(file))
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			runCase(t, dir, name, file, env)
		})
	}
}

// caseExts are the extensions of case scripts in testdata/js (fixtures
// that are not cases live in subdirectories).
var caseExts = []string{".js", ".mjs", ".cjs"}

func runCase(t *testing.T, dir, name, file string, env []string) {
	base := filepath.Join(dir, name)
	wantOut, err := os.ReadFile(base + ".out")
	if err != nil {
		t.Fatalf("missing expected stdout (run testdata/js/regen.sh %s): %v", name, err)
	}
	args, err := readArgs(base + ".args")
	if err != nil {
		t.Fatal(err)
	}
	wantCode := 0
	if b, err := os.ReadFile(base + ".code"); err == nil {
		wantCode, err = strconv.Atoi(strings.TrimSpace(string(b)))
		if err != nil {
			t.Fatalf("%s.code: %v", name, err)
		}
	}

	cmdline := append([]string{}, args.before...)
	stdinFile := base + ".stdin"
	switch {
	case args.stdin:
		cmdline = append(cmdline, "-")
		stdinFile = filepath.Join(dir, file)
	case !args.noScript:
		cmdline = append(cmdline, file)
	}
	cmdline = append(cmdline, args.after...)

	ctx, cancel := context.WithTimeout(context.Background(), caseTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, gonodeBin, cmdline...)
	cmd.Dir = dir
	cmd.Env = env
	if f, err := os.Open(stdinFile); err == nil {
		defer f.Close()
		cmd.Stdin = f
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	err = cmd.Run()
	code := 0
	var exitErr *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("timed out after %v\nstdout:\n%s\nstderr:\n%s", caseTimeout, stdout.Bytes(), stderr.Bytes())
	case errors.As(err, &exitErr):
		code = exitErr.ExitCode()
	case err != nil:
		t.Fatal(err)
	}

	if code != wantCode {
		t.Errorf("exit code %d, want %d", code, wantCode)
	}
	if got := stdout.String(); got != string(wantOut) {
		t.Errorf("stdout differs\n--- got\n%s--- want\n%s---", got, wantOut)
	}
	if wantErr, err := os.ReadFile(base + ".err"); err == nil {
		checkStderr(t, stderr.String(), string(wantErr))
	}
	if t.Failed() && stderr.Len() > 0 {
		t.Logf("stderr:\n%s", stderr.Bytes())
	}
}

func checkStderr(t *testing.T, got, want string) {
	t.Helper()
	first, rest, _ := strings.Cut(want, "\n")
	if first != "#contains" {
		if got != want {
			t.Errorf("stderr differs\n--- got\n%s--- want\n%s---", got, want)
		}
		return
	}
	for _, line := range strings.Split(rest, "\n") {
		if line != "" && !strings.Contains(got, line) {
			t.Errorf("stderr lacks %q", line)
		}
	}
}
