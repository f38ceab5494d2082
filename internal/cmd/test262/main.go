// Command test262 runs the ECMAScript conformance suite (tc39/test262)
// against gonode's engine binding, in-process: each test gets a fresh
// qjs.Runtime, and tests run in parallel, one runtime per goroutine.
//
// Usage:
//
//	go run ./internal/cmd/test262 -suite /work/test262 [-j N] [-filter regexp]
//	    [-timeout 10s] [-exclusions test/test262/exclusions.txt]
//	    [-status test/test262/status.md] [-failures file]
//
// The suite directory holds test262's test/ and harness/ directories. It
// prints per-directory pass rates and ends with "N passed, N failed, N
// excluded"; -status writes the same as a Markdown table.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
)

type result struct {
	t       *test
	excl    *Exclusion
	failure string
}

type counts struct{ pass, fail, excl int }

func main() {
	suite := flag.String("suite", "/work/test262", "test262 checkout (holds test/ and harness/)")
	jobs := flag.Int("j", runtime.NumCPU(), "tests run in parallel")
	filter := flag.String("filter", "", "run only tests whose path matches this regexp")
	timeout := flag.Duration("timeout", 10*time.Second, "per-test time limit")
	exclFile := flag.String("exclusions", "test/test262/exclusions.txt", "exclusions file")
	status := flag.String("status", "", "write a Markdown status report to this file")
	failures := flag.String("failures", "", "write every failure (path: reason) to this file")
	rev := flag.String("rev", "", "test262 revision, recorded in the status file")
	verbose := flag.Bool("v", false, "print each failure as it happens")
	checkExcl := flag.Bool("check-exclusions", false, "run only the excluded tests and print each exclusion's pass count, to check that it still names something unsupported")
	slow := flag.Duration("slow", 0, "if set, print tests that take longer than this")
	flag.Parse()

	ex, err := loadExclusions(*exclFile)
	if err != nil {
		fatal(err)
	}
	var re *regexp.Regexp
	if *filter != "" {
		if re, err = regexp.Compile(*filter); err != nil {
			fatal(err)
		}
	}
	paths, err := listTests(*suite, re)
	if err != nil {
		fatal(err)
	}
	if len(paths) == 0 {
		fatal(fmt.Errorf("no tests found under %s", filepath.Join(*suite, "test")))
	}

	r := &runner{suite: *suite, timeout: *timeout, harness: map[string]string{}}
	start := time.Now()
	results := make([]result, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	var printMu sync.Mutex
	for w := 0; w < max(*jobs, 1); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				t0 := time.Now()
				results[i] = r.runFile(*suite, paths[i], ex, *checkExcl)
				if d := time.Since(t0); *slow > 0 && d > *slow {
					printMu.Lock()
					fmt.Printf("SLOW %s: %v\n", paths[i], d.Round(time.Millisecond))
					printMu.Unlock()
				}
				if *verbose && results[i].failure != "" {
					printMu.Lock()
					fmt.Printf("FAIL %s: %s\n", paths[i], results[i].failure)
					printMu.Unlock()
				}
			}
		}()
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	elapsed := time.Since(start)
	if *checkExcl {
		reportExclusions(ex, results)
		return
	}

	groups := map[string]*counts{}
	exclCount := map[*Exclusion]int{}
	var total counts
	var fails []string
	for _, res := range results {
		g := group(res.t.rel)
		if groups[g] == nil {
			groups[g] = &counts{}
		}
		switch {
		case res.excl != nil:
			groups[g].excl++
			total.excl++
			exclCount[res.excl]++
		case res.failure != "":
			groups[g].fail++
			total.fail++
			fails = append(fails, res.t.rel+": "+oneLine(res.failure))
		default:
			groups[g].pass++
			total.pass++
		}
	}
	names := make([]string, 0, len(groups))
	for g := range groups {
		names = append(names, g)
	}
	sort.Strings(names)
	for _, g := range names {
		c := groups[g]
		fmt.Printf("%-60s %6d/%-6d %7s  (%d excluded)\n", g, c.pass, c.pass+c.fail, rate(*c), c.excl)
	}
	fmt.Printf("total: %d/%d %s of non-excluded tests pass, in %v\n", total.pass, total.pass+total.fail, rate(total), elapsed.Round(time.Second))
	fmt.Printf("%d passed, %d failed, %d excluded\n", total.pass, total.fail, total.excl)

	if *failures != "" {
		if err := os.WriteFile(*failures, []byte(strings.Join(fails, "\n")+"\n"), 0o644); err != nil {
			fatal(err)
		}
	}
	if *status != "" {
		if err := writeStatus(*status, *rev, *filter, elapsed, total, names, groups, ex, exclCount); err != nil {
			fatal(err)
		}
	}
}

// runFile reads, classifies and runs one test file.
// With check set, only excluded tests run (their result then carries
// both the exclusion and the outcome).
func (r *runner) runFile(suite, rel string, ex []Exclusion, check bool) result {
	t := &test{rel: rel, abs: filepath.Join(suite, filepath.FromSlash(rel))}
	b, err := os.ReadFile(t.abs)
	if err != nil {
		return result{t: t, failure: err.Error()}
	}
	t.src = string(b)
	m, err := parseMeta(t.src)
	if err != nil {
		return result{t: t, failure: "frontmatter: " + err.Error()}
	}
	t.meta = m
	e := excluded(ex, rel, t.src, m)
	switch {
	case check && e == nil:
		return result{t: t}
	case check:
		return result{t: t, excl: e, failure: r.run(t)}
	case e != nil:
		return result{t: t, excl: e}
	}
	return result{t: t, failure: r.run(t)}
}

// listTests returns the slash paths, relative to suite, of the test files
// under suite/test: fixtures (*_FIXTURE.js) are not tests.
func listTests(suite string, re *regexp.Regexp) ([]string, error) {
	var out []string
	root := filepath.Join(suite, "test")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".js") || strings.Contains(d.Name(), "_FIXTURE") {
			return nil
		}
		rel, err := filepath.Rel(suite, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if re == nil || re.MatchString(rel) {
			out = append(out, rel)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// group is the reporting directory of a test: test/<area>/<name>.
func group(rel string) string {
	parts := strings.SplitN(rel, "/", 4)
	if len(parts) < 4 {
		return strings.Join(parts[:len(parts)-1], "/")
	}
	return strings.Join(parts[:3], "/")
}

func rate(c counts) string {
	if c.pass+c.fail == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f%%", 100*float64(c.pass)/float64(c.pass+c.fail))
}

func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}

func writeStatus(path, rev, filter string, elapsed time.Duration, total counts, names []string, groups map[string]*counts, ex []Exclusion, exclCount map[*Exclusion]int) error {
	var b strings.Builder
	b.WriteString("# test262 status\n\n")
	b.WriteString("Generated by `go run ./internal/cmd/test262`; do not edit by hand.\n\n")
	if rev != "" {
		fmt.Fprintf(&b, "- test262 revision: `%s`\n", rev)
	}
	if filter != "" {
		fmt.Fprintf(&b, "- filter: `%s`\n", filter)
	}
	fmt.Fprintf(&b, "- date: %s\n", time.Now().UTC().Format("2006-01-02"))
	fmt.Fprintf(&b, "- run time: %v on %d CPUs\n", elapsed.Round(time.Second), runtime.NumCPU())
	fmt.Fprintf(&b, "- **%d passed, %d failed, %d excluded** (%s of non-excluded tests pass)\n\n", total.pass, total.fail, total.excl, rate(total))
	b.WriteString("A test file counts as passed when every mode it runs in (non-strict, strict, module or raw) passes.\n\n")
	b.WriteString("| directory | passed | failed | excluded | pass rate |\n|---|---:|---:|---:|---:|\n")
	for _, g := range names {
		c := groups[g]
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %s |\n", g, c.pass, c.fail, c.excl, rate(*c))
	}
	b.WriteString("\n## Exclusions\n\n| exclusion | tests | reason |\n|---|---:|---|\n")
	for i := range ex {
		e := &ex[i]
		fmt.Fprintf(&b, "| %s `%s` | %d | %s |\n", e.Kind, e.Pattern, exclCount[e], e.Reason)
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// reportExclusions prints, for each exclusion, how many of the tests it
// excludes pass when run anyway, with a sample failure.
func reportExclusions(ex []Exclusion, results []result) {
	type stat struct {
		pass, fail int
		sample     string
	}
	st := map[*Exclusion]*stat{}
	for _, res := range results {
		if res.excl == nil {
			continue
		}
		s := st[res.excl]
		if s == nil {
			s = &stat{}
			st[res.excl] = s
		}
		if res.failure == "" {
			s.pass++
		} else {
			s.fail++
			if s.sample == "" {
				s.sample = res.t.rel + ": " + oneLine(res.failure)
			}
		}
	}
	for i := range ex {
		e := &ex[i]
		s := st[e]
		if s == nil {
			s = &stat{}
		}
		fmt.Printf("%s %s: %d pass, %d fail\n", e.Kind, e.Pattern, s.pass, s.fail)
		if s.sample != "" {
			fmt.Printf("    e.g. %s\n", s.sample)
		}
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "test262:", err)
	os.Exit(2)
}
