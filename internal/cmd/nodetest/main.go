// Command nodetest runs test files of Node's own test suite under gonode
// and reports how many pass, per module.
//
//	go run ./internal/cmd/nodetest -suite /path/to/node_test [-list file]
//	    [-j N] [-timeout 30s] [-filter regexp] [-status test/node/status.md]
//	    [-bin gonode] [-log results.txt] [-v]
//
// -suite is a checkout of denoland/node_test (a copy of Node's test/
// directory, never committed here). -list names the files to run, one path
// under test/ a line (default: ../shared/conformance/node-feasible.txt).
// Each file runs as its own process from the checkout's root, with
// NODE_TEST_KNOWN_GLOBALS=0 NODE_SKIP_FLAG_CHECK=1 and the options of its
// `// Flags:` line; it passes when it exits with code 0. Files under
// sequential/ run one at a time after the others.
//
// Without -bin, gonode is built from this module into a temporary directory.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Result is the outcome of one test file.
type Result struct {
	File     string // path under test/
	Group    string
	Pass     bool
	Skipped  bool // passed by skipping itself (common.skip: "1..0 # Skipped: why")
	TimedOut bool
	Code     int // exit code; -1 when killed by a signal or not started
	Dur      time.Duration
	Output   string // tail of stdout+stderr
}

type options struct {
	suite   string
	list    string
	jobs    int
	timeout time.Duration
	filter  string
	status  string
	bin     string
	log     string
	verbose bool
}

func main() {
	var o options
	flag.StringVar(&o.suite, "suite", "", "path of a denoland/node_test checkout (required)")
	flag.StringVar(&o.list, "list", "", "file listing tests to run, paths under test/ (default ../shared/conformance/node-feasible.txt)")
	flag.IntVar(&o.jobs, "j", runtime.GOMAXPROCS(0), "tests run in parallel")
	flag.DurationVar(&o.timeout, "timeout", 30*time.Second, "per-test timeout")
	flag.StringVar(&o.filter, "filter", "", "run only tests whose path matches this regexp")
	flag.StringVar(&o.status, "status", "", "write a markdown status file here")
	flag.StringVar(&o.bin, "bin", "", "gonode binary (default: build one)")
	flag.StringVar(&o.log, "log", "", "write every result with the tail of its output here")
	flag.BoolVar(&o.verbose, "v", false, "print every result, and failures' output")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "nodetest:", err)
		os.Exit(2)
	}
}

func run(o options) error {
	if o.suite == "" {
		return errors.New("-suite is required")
	}
	suite, err := filepath.Abs(o.suite)
	if err != nil {
		return err
	}
	if st, err := os.Stat(filepath.Join(suite, "test", "common", "index.js")); err != nil || st.IsDir() {
		return fmt.Errorf("%s is not a node_test checkout (no test/common/index.js)", suite)
	}
	if o.list == "" {
		o.list = defaultList()
	}
	files, err := readList(o.list)
	if err != nil {
		return err
	}
	if o.filter != "" {
		re, err := regexp.Compile(o.filter)
		if err != nil {
			return fmt.Errorf("-filter: %v", err)
		}
		kept := files[:0]
		for _, f := range files {
			if re.MatchString(f) {
				kept = append(kept, f)
			}
		}
		files = kept
	}
	if len(files) == 0 {
		return errors.New("no tests to run")
	}
	bin := o.bin
	if bin == "" {
		dir, err := os.MkdirTemp("", "nodetest")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		bin = filepath.Join(dir, "gonode")
		fmt.Fprintln(os.Stderr, "building gonode...")
		cmd := exec.Command("go", "build", "-o", bin, "./cmd/gonode")
		cmd.Dir = moduleRoot()
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("building gonode: %v", err)
		}
	} else if bin, err = filepath.Abs(bin); err != nil {
		return err
	}
	if o.jobs < 1 {
		o.jobs = 1
	}

	start := time.Now()
	results := runAll(bin, suite, files, o)
	elapsed := time.Since(start)

	printSummary(os.Stdout, results, elapsed)
	if o.log != "" {
		if err := writeLog(o.log, results); err != nil {
			return err
		}
	}
	if o.status != "" {
		if err := writeStatus(o.status, results, o); err != nil {
			return err
		}
	}
	return nil
}

// defaultList finds the shared conformance list beside the repository.
func defaultList() string {
	return filepath.Join(moduleRoot(), "..", "shared", "conformance", "node-feasible.txt")
}

// moduleRoot is the directory holding go.mod, searched upward from the
// working directory; the working directory when none is found.
func moduleRoot() string {
	wd, _ := os.Getwd()
	for d := wd; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		p := filepath.Dir(d)
		if p == d {
			return wd
		}
		d = p
	}
}

// readList reads test paths, one a line; blank lines and # comments are
// skipped, duplicates dropped.
func readList(name string) ([]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parseList(f)
}

func parseList(r io.Reader) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		line = strings.TrimPrefix(line, "test/")
		if !seen[line] {
			seen[line] = true
			out = append(out, line)
		}
	}
	return out, sc.Err()
}

// runAll runs the parallel part of the list on o.jobs workers, then the
// sequential/ files one by one. Results come back in list order.
func runAll(bin, suite string, files []string, o options) []Result {
	results := make([]Result, len(files))
	var par, seq []int
	for i, f := range files {
		if strings.HasPrefix(f, "sequential/") {
			seq = append(seq, i)
		} else {
			par = append(par, i)
		}
	}
	var done atomic.Int64
	var mu sync.Mutex
	report := func(r Result) {
		n := done.Add(1)
		if !o.verbose && r.Pass {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		status := "PASS"
		switch {
		case r.TimedOut:
			status = "TIMEOUT"
		case !r.Pass:
			status = fmt.Sprintf("FAIL(%d)", r.Code)
		case r.Skipped:
			status = "SKIP"
		}
		fmt.Printf("[%d/%d] %-8s %s (%s)\n", n, len(files), status, r.File, r.Dur.Round(time.Millisecond))
		if o.verbose && !r.Pass && r.Output != "" {
			for _, l := range strings.Split(strings.TrimRight(r.Output, "\n"), "\n") {
				fmt.Println("    " + l)
			}
		}
	}

	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < o.jobs; w++ {
		wg.Add(1)
		go func(worker int) {
			defer wg.Done()
			for i := range jobs {
				results[i] = runOne(bin, suite, files[i], worker, o.timeout)
				report(results[i])
			}
		}(w)
	}
	for _, i := range par {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	for _, i := range seq {
		results[i] = runOne(bin, suite, files[i], 0, o.timeout)
		report(results[i])
	}
	return results
}

// outputTail is how much of a test's output a result keeps.
const outputTail = 4 << 10

// tailBuffer keeps the last outputTail bytes written to it.
type tailBuffer struct {
	mu  sync.Mutex
	buf []byte
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if len(t.buf) > 2*outputTail {
		t.buf = append(t.buf[:0], t.buf[len(t.buf)-outputTail:]...)
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	b := t.buf
	if len(b) > outputTail {
		b = b[len(b)-outputTail:]
	}
	return string(b)
}

// runOne runs one test file and waits for it, killing its process group
// at the timeout.
func runOne(bin, suite, file string, worker int, timeout time.Duration) Result {
	r := Result{File: file, Group: Group(file), Code: -1}
	abs := filepath.Join(suite, "test", filepath.FromSlash(file))
	meta, err := ParseMetaFile(abs)
	if err != nil {
		r.Output = err.Error()
		return r
	}
	args := append(append([]string{}, meta.Flags...), abs)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = suite
	cmd.Env = append(os.Environ(),
		"NODE_TEST_KNOWN_GLOBALS=0",
		"NODE_SKIP_FLAG_CHECK=1",
		fmt.Sprintf("TEST_THREAD_ID=%d", worker),
	)
	cmd.Env = append(cmd.Env, meta.Env...)
	var out tailBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.Stdin = nil
	setProcessGroup(cmd)
	cmd.WaitDelay = 2 * time.Second
	start := time.Now()
	err = cmd.Run()
	r.Dur = time.Since(start)
	killProcessGroup(cmd)
	r.Output = out.String()
	if ctx.Err() == context.DeadlineExceeded {
		r.TimedOut = true
		return r
	}
	if err == nil {
		r.Code, r.Pass = 0, true
		r.Skipped = isSkip(r.Output)
		return r
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		r.Code = ee.ExitCode()
	} else {
		r.Output += "\n" + err.Error()
	}
	return r
}

// isSkip tells whether a test's output says it skipped itself, as
// test/common's skip() prints it.
func isSkip(out string) bool {
	return strings.Contains(out, "1..0 # Skipped")
}

// groupCount is one module's tally. Passed includes Skipped.
type groupCount struct {
	Name                   string
	Passed, Skipped, Total int
}

func tally(results []Result) (groups []groupCount, passed, skipped int) {
	m := map[string]*groupCount{}
	for _, r := range results {
		g := m[r.Group]
		if g == nil {
			g = &groupCount{Name: r.Group}
			m[r.Group] = g
		}
		g.Total++
		if r.Pass {
			g.Passed++
			passed++
		}
		if r.Skipped {
			g.Skipped++
			skipped++
		}
	}
	for _, g := range m {
		groups = append(groups, *g)
	}
	sort.Slice(groups, func(i, j int) bool { return groups[i].Name < groups[j].Name })
	return groups, passed, skipped
}

func printSummary(w io.Writer, results []Result, elapsed time.Duration) {
	groups, passed, skipped := tally(results)
	fmt.Fprintln(w)
	fmt.Fprintf(w, "%-22s %7s %7s %7s\n", "module", "passed", "skipped", "total")
	for _, g := range groups {
		fmt.Fprintf(w, "%-22s %7d %7d %7d\n", g.Name, g.Passed, g.Skipped, g.Total)
	}
	fmt.Fprintf(w, "\n%d passed (%d of them skipped themselves), %d failed (%s)\n", passed, skipped, len(results)-passed, elapsed.Round(time.Second))
}

// writeLog writes one block per result: a header line and the tail of the
// output of failing tests.
func writeLog(name string, results []Result) error {
	var b strings.Builder
	for _, r := range results {
		status := "PASS"
		switch {
		case r.TimedOut:
			status = "TIMEOUT"
		case !r.Pass:
			status = fmt.Sprintf("FAIL %d", r.Code)
		case r.Skipped:
			status = "SKIP"
		}
		fmt.Fprintf(&b, "=== %s %s %s %s\n", status, r.Group, r.File, r.Dur.Round(time.Millisecond))
		if !r.Pass {
			b.WriteString(r.Output)
			if !strings.HasSuffix(r.Output, "\n") {
				b.WriteByte('\n')
			}
		}
	}
	return os.WriteFile(name, []byte(b.String()), 0o644)
}

// writeStatus writes the markdown status file: date, commit, totals, the
// per-module table and the list of passing files.
func writeStatus(name string, results []Result, o options) error {
	groups, passed, skipped := tally(results)
	var b strings.Builder
	b.WriteString("# Node test suite: status\n\n")
	b.WriteString("Generated by `go run ./internal/cmd/nodetest` (see README.md beside this file).\n\n")
	fmt.Fprintf(&b, "- Date: %s\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"))
	fmt.Fprintf(&b, "- gonode commit: %s\n", gitCommit())
	fmt.Fprintf(&b, "- List: %s (%d files)\n", filepath.Base(o.list), len(results))
	fmt.Fprintf(&b, "- Per-test timeout: %s\n", o.timeout)
	if o.filter != "" {
		fmt.Fprintf(&b, "- Filter: `%s`\n", o.filter)
	}
	fmt.Fprintf(&b, "- **Total: %d passed, %d failed, of %d (%.1f%%)**\n", passed, len(results)-passed, len(results), pct(passed, len(results)))
	fmt.Fprintf(&b, "- Of the passes, %d skipped themselves (the test found a feature missing, e.g. crypto, and exited 0); %d ran for real.\n\n", skipped, passed-skipped)
	b.WriteString("| module | passed | of which skipped | total | % passed |\n|---|---:|---:|---:|---:|\n")
	for _, g := range groups {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %.0f |\n", g.Name, g.Passed, g.Skipped, g.Total, pct(g.Passed, g.Total))
	}
	writeTargets(&b, results)
	b.WriteString("\n## Passing files\n\nFiles that skipped themselves are marked (skip).\n\n")
	var pass []string
	for _, r := range results {
		if r.Pass {
			if r.Skipped {
				pass = append(pass, r.File+" (skip)")
			} else {
				pass = append(pass, r.File)
			}
		}
	}
	sort.Strings(pass)
	if len(pass) == 0 {
		b.WriteString("(none)\n")
	}
	for _, f := range pass {
		fmt.Fprintf(&b, "- %s\n", f)
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, []byte(b.String()), 0o644)
}

// target is a set of test files that an issue names with a pass-rate goal.
type target struct {
	Issue, Name string
	Goal        int // percent
	Files       *regexp.Regexp
}

// targets are the file sets the open issues measure themselves by, with the
// globs the issues give.
var targets = []target{
	{"#4", "core library (events, buffer, util, path, assert, url, ...)", 85,
		regexp.MustCompile(`^(parallel|sequential)/test-(event|buffer|blob|util|path|assert|url|whatwg-|querystring|string-decoder|os|timers|next-tick|console|abort|domexception|structuredClone|performance)`)},
	{"#5", "fs + filehandle", 80, regexp.MustCompile(`^(parallel|sequential)/test-(fs|filehandle)`)},
	{"#5", "stream family", 80, regexp.MustCompile(`^(parallel|sequential)/test-(stream|readable|writable|duplex|transform|pipeline|webstreams)`)},
	{"#5", "stdin/stdout/readline", 0, regexp.MustCompile(`^(parallel|sequential)/test-(stdin|stdout|readline)`)},
	{"#6", "http", 80, regexp.MustCompile(`^(parallel|sequential)/test-http-`)},
	{"#6", "net/socket/tcp/pipe", 80, regexp.MustCompile(`^(parallel|sequential)/test-(net|socket|tcp|pipe)`)},
	{"#6", "https/tls", 60, regexp.MustCompile(`^(parallel|sequential)/test-(https|tls)`)},
	{"#6", "dns", 80, regexp.MustCompile(`^(parallel|sequential)/test-dns`)},
}

// writeTargets writes, per issue target, the pass counts (self-skips
// counted apart) and the failing files, which are the work left.
func writeTargets(b *strings.Builder, results []Result) {
	b.WriteString("\n## Issue targets\n\nPasses that skipped themselves do not count toward a goal.\n\n")
	b.WriteString("| issue | files | ran and passed | skipped | failed | total | % real passes | goal |\n|---|---|---:|---:|---:|---:|---:|---:|\n")
	failing := map[int][]string{}
	for i, t := range targets {
		var real, skip, total int
		for _, r := range results {
			if !t.Files.MatchString(r.File) {
				continue
			}
			total++
			switch {
			case r.Pass && r.Skipped:
				skip++
			case r.Pass:
				real++
			default:
				failing[i] = append(failing[i], r.File)
			}
		}
		goal := "-"
		if t.Goal > 0 {
			goal = fmt.Sprintf("%d%%", t.Goal)
		}
		fmt.Fprintf(b, "| %s | %s | %d | %d | %d | %d | %.0f | %s |\n", t.Issue, t.Name, real, skip, total-real-skip, total, pct(real, total), goal)
	}
	for i, t := range targets {
		if len(failing[i]) == 0 {
			continue
		}
		sort.Strings(failing[i])
		fmt.Fprintf(b, "\nFailing, %s %s: %s\n", t.Issue, t.Name, strings.Join(failing[i], ", "))
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// gitCommit names the commit of the gonode tree, marked "+dirty" when the
// tree has changes; "unknown" without git.
func gitCommit() string {
	root := moduleRoot()
	out, err := exec.Command("git", "-C", root, "rev-parse", "--short=12", "HEAD").Output()
	if err != nil {
		return "unknown"
	}
	c := strings.TrimSpace(string(out))
	if st, err := exec.Command("git", "-C", root, "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(strings.TrimSpace(string(st))) > 0 {
		c += "+dirty"
	}
	return c
}
