// Command startup measures the wall time of starting runtimes side by side:
// each runtime runs the same arguments n times, round-robin so that machine
// noise hits all of them alike, and the medians are printed with their
// ratio to the baseline (the first runtime given).
//
//	go run ./bench/cmd/startup -n 30 -rt node24=/path/node -rt gonode=./gonode -- -e "console.log('hi')"
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"time"
)

type runtimeFlag []string

func (r *runtimeFlag) String() string     { return strings.Join(*r, ",") }
func (r *runtimeFlag) Set(s string) error { *r = append(*r, s); return nil }

type subject struct {
	name, path string
	times      []time.Duration
}

func main() {
	n := flag.Int("n", 30, "runs per runtime")
	warmup := flag.Int("warmup", 3, "unmeasured runs per runtime first")
	var rts runtimeFlag
	flag.Var(&rts, "rt", "name=path of a runtime (repeat; the first is the baseline)")
	flag.Parse()
	args := flag.Args()
	if len(rts) == 0 {
		fmt.Fprintln(os.Stderr, "startup: give at least one -rt name=path")
		os.Exit(2)
	}
	var subs []*subject
	for _, r := range rts {
		name, path, ok := strings.Cut(r, "=")
		if !ok {
			name, path = r, r
		}
		subs = append(subs, &subject{name: name, path: path})
	}
	// Check every runtime works and prints the same thing.
	for _, s := range subs {
		out, err := exec.Command(s.path, args...).CombinedOutput()
		if err != nil {
			fmt.Fprintf(os.Stderr, "startup: %s failed: %v\n%s", s.name, err, out)
			os.Exit(1)
		}
	}
	for i := 0; i < *warmup+*n; i++ {
		for _, s := range subs {
			d, err := run(s.path, args)
			if err != nil {
				fmt.Fprintf(os.Stderr, "startup: %s: %v\n", s.name, err)
				os.Exit(1)
			}
			if i >= *warmup {
				s.times = append(s.times, d)
			}
		}
	}
	base := median(subs[0].times)
	fmt.Printf("start-up, %d runs each: %s %s\n", *n, "<runtime>", strings.Join(args, " "))
	fmt.Printf("%-10s %10s %10s %10s %8s\n", "runtime", "median", "min", "p90", "ratio")
	for _, s := range subs {
		m := median(s.times)
		fmt.Printf("%-10s %10s %10s %10s %8.2f\n", s.name, ms(m), ms(slices.Min(s.times)), ms(pct(s.times, 0.9)), float64(m)/float64(base))
	}
}

func run(path string, args []string) (time.Duration, error) {
	cmd := exec.Command(path, args...)
	start := time.Now()
	err := cmd.Run()
	return time.Since(start), err
}

func median(ts []time.Duration) time.Duration { return pct(ts, 0.5) }

func pct(ts []time.Duration, p float64) time.Duration {
	s := slices.Clone(ts)
	slices.Sort(s)
	i := int(float64(len(s)-1) * p)
	if p == 0.5 && len(s)%2 == 0 {
		return (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return s[i]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d.Microseconds())/1000) }
