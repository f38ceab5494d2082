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
	times      []time.Duration // wall
	cpu        []time.Duration // user + system
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
			d, cpu, err := run(s.path, args)
			if err != nil {
				fmt.Fprintf(os.Stderr, "startup: %s: %v\n", s.name, err)
				os.Exit(1)
			}
			if i >= *warmup {
				s.times = append(s.times, d)
				s.cpu = append(s.cpu, cpu)
			}
		}
	}
	base, baseCPU := median(subs[0].times), median(subs[0].cpu)
	fmt.Printf("start-up, %d runs each: <runtime> %s\n", *n, strings.Join(args, " "))
	fmt.Printf("%-10s %10s %10s %10s %8s %10s %8s\n", "runtime", "median", "min", "p90", "ratio", "cpu", "ratio")
	for _, s := range subs {
		m, c := median(s.times), median(s.cpu)
		fmt.Printf("%-10s %10s %10s %10s %8.2f %10s %8.2f\n", s.name, ms(m), ms(slices.Min(s.times)), ms(pct(s.times, 0.9)),
			float64(m)/float64(base), ms(c), float64(c)/float64(baseCPU))
	}
	fmt.Println("(median wall time; cpu: median user+system time, steadier on a busy machine; ratios against the first runtime)")
}

func run(path string, args []string) (wall, cpu time.Duration, err error) {
	cmd := exec.Command(path, args...)
	start := time.Now()
	err = cmd.Run()
	wall = time.Since(start)
	if cmd.ProcessState != nil {
		cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	return wall, cpu, err
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
