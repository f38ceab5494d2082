// Command gonode runs JavaScript programs as node does:
//
//	gonode [options] [script.js | -e "script" | -] [arguments]
package main

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"sync"
	"syscall"

	"github.com/gonode/gonode/internal/cli"
	"github.com/gonode/gonode/internal/node"
	_ "github.com/gonode/gonode/internal/ops/all"
	"github.com/gonode/gonode/internal/qjs"
)

func main() {
	stop := startProfile()
	code := run()
	stop()
	os.Exit(code)
}

// startProfile honours two hidden variables: GONODE_CPUPROFILE=file
// writes a pprof CPU profile of the whole run to file, and
// GONODE_JSPROFILE=file writes counts of the JS functions seen running
// (see qjs.EnableJSProfile). The profiles are also written when the
// process is ended by SIGINT or SIGTERM (exit status 130/143), so that a
// server can be profiled under load and then killed.
func startProfile() func() {
	var stops []func()
	if path := os.Getenv("GONODE_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "gonode: GONODE_CPUPROFILE: %v\n", err)
		} else {
			stops = append(stops, func() {
				pprof.StopCPUProfile()
				f.Close()
			})
		}
	}
	if path := os.Getenv("GONODE_JSPROFILE"); path != "" {
		qjs.EnableJSProfile()
		stops = append(stops, func() {
			f, err := os.Create(path)
			if err != nil {
				fmt.Fprintf(os.Stderr, "gonode: GONODE_JSPROFILE: %v\n", err)
				return
			}
			qjs.WriteJSProfile(f)
			f.Close()
		})
	}
	if len(stops) == 0 {
		return func() {}
	}
	var once sync.Once
	stop := func() {
		once.Do(func() {
			for _, f := range stops {
				f()
			}
		})
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		s := <-sig
		stop()
		os.Exit(128 + int(s.(syscall.Signal)))
	}()
	return stop
}

func run() (code int) {
	// Node ignores SIGPIPE: a write to a closed pipe is an EPIPE error on
	// the stream, not death by signal.
	signal.Ignore(syscall.SIGPIPE)

	opts, err := cli.Parse(os.Args[1:], os.Getenv("NODE_OPTIONS"))
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", os.Args[0], err)
		return 9
	}
	switch {
	case opts.Version:
		fmt.Println(node.Version)
		return 0
	case opts.Help:
		fmt.Print(cli.Help)
		return 0
	}

	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(os.Stderr, "gonode: internal error: %v\n", p)
			code = 70
		}
	}()

	argv := append([]string{execPath()}, opts.Args...)
	if opts.Script != "" {
		argv = append([]string{execPath(), opts.Script}, opts.Args...)
	}
	in, err := node.New(node.Config{
		Argv:     argv,
		Argv0:    os.Args[0],
		ExecArgv: opts.ExecArgv,
		Options:  opts.Options,
		ExecPath: execPath(),
		Stdout:   os.Stdout,
		Stderr:   os.Stderr,
	})
	if err != nil {
		fmt.Fprintf(os.Stderr, "gonode: %v\n", err)
		return 70
	}
	defer in.Close()

	switch {
	case opts.Eval != nil:
		return in.RunSource(*opts.Eval, "[eval]", opts.Print)
	case opts.Test:
		// The runner reads its file patterns from process.argv.
		return in.RunMain(opts.Script)
	case opts.Script == "" && (opts.Interactive || stdinIsTTY()):
		// As node: no script and a terminal on stdin (or -i) starts the REPL.
		return in.RunSource("", "[repl]", false)
	case opts.Script == "" || opts.Script == "-":
		src, err := io.ReadAll(os.Stdin)
		if err != nil {
			fmt.Fprintf(os.Stderr, "gonode: reading stdin: %v\n", err)
			return 1
		}
		return in.RunSource(string(src), "[stdin]", opts.Print) // -p without a script prints stdin's value
	default:
		return in.RunMain(opts.Script)
	}
}

func execPath() string {
	p, err := os.Executable()
	if err != nil {
		return os.Args[0]
	}
	return p
}
