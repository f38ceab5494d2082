// Package cli parses gonode's command line the way node parses its own:
// options first, then the script (or -e/-p source, or - for stdin), then
// the program's arguments.
package cli

import (
	"fmt"
	"sort"
	"strings"
)

// Options is a parsed command line.
type Options struct {
	Eval     *string  // -e / -p source
	Print    bool     // -p
	Script   string   // script path, "-" for stdin, "" if none
	Args     []string // arguments after the script
	ExecArgv []string // options exactly as given on the command line (process.execArgv)
	// Options lists every option in effect, NODE_OPTIONS first, normalized
	// to "--name" or "--name=value" (long names, '-' for '_').
	Options         []string
	Require         []string // -r modules
	Import          []string // --import modules
	EnvFiles        []string // --env-file
	Version         bool
	Help            bool
	Check           bool // -c
	Interactive     bool // -i
	Test            bool // --test: run the test runner over the positional arguments
	InputType       string
	StackTraceLimit int
}

// valued options take an argument (as --opt=value or --opt value).
var valued = map[string]bool{
	"--eval": true, "--print": false, "--require": true, "--import": true,
	"--conditions": true, "--input-type": true, "--env-file": true, "--env-file-if-exists": true,
	"--unhandled-rejections": true, "--stack-trace-limit": true, "--title": true,
	"--loader": true, "--experimental-loader": true, "--max-old-space-size": true,
	"--max-semi-space-size": true, "--stack-size": true, "--disable-warning": true,
	"--redirect-warnings": true, "--dns-result-order": true, "--max-http-header-size": true,
	"--secure-heap": true, "--icu-data-dir": true, "--openssl-config": true,
	"--tls-cipher-list": true, "--tls-min-v1.0": false, "--diagnostic-dir": true,
	"--heapsnapshot-signal": true, "--report-signal": true, "--inspect-port": true,
	"--experimental-default-type": true, "--watch-path": true, "--test-reporter": true,
	"--test-reporter-destination": true, "--test-name-pattern": true, "--test-concurrency": true,
	"--test-timeout": true, "--localstorage-file": true, "--experimental-sea-config": true,
	"--trace-event-categories": true, "--use-largepages": true, "--zero-fill-buffers": false,
	"--snapshot-blob": true, "--build-snapshot-config": true, "--test-shard": true,
	"--test-skip-pattern": true, "--test-isolation": true, "--watch-kill-signal": true,
	"--network-family-autoselection-attempt-timeout": true, "--heap-prof-dir": true,
	"--cpu-prof-dir": true, "--env-file-if-exist": true, "--v8-pool-size": true,
}

// flags are options without a value that gonode accepts (many only for
// compatibility: they change nothing here).
var flags = map[string]bool{
	"--version": true, "--help": true, "--check": true, "--interactive": true,
	"--no-warnings": true, "--no-deprecation": true, "--throw-deprecation": true,
	"--trace-deprecation": true, "--trace-warnings": true, "--pending-deprecation": true,
	"--expose-gc": true, "--expose-internals": true, "--expose_internals": true,
	"--enable-source-maps": true, "--preserve-symlinks": true, "--preserve-symlinks-main": true,
	"--abort-on-uncaught-exception": true, "--trace-uncaught": true, "--no-force-async-hooks-checks": true,
	"--harmony": true, "--allow-natives-syntax": true, "--no-experimental-fetch": true,
	"--js-source-phase-imports": true, "--harmony-import-attributes": true,
	"--experimental-vm-modules": true, "--experimental-wasm-modules": true, "--experimental-import-meta-resolve": true,
	"--experimental-require-module": true, "--no-experimental-require-module": true,
	"--experimental-detect-module": true, "--no-experimental-detect-module": true,
	"--experimental-strip-types": true, "--no-experimental-strip-types": true,
	"--experimental-transform-types": true, "--experimental-test-coverage": true,
	"--experimental-global-webcrypto": true, "--experimental-websocket": true,
	"--experimental-eventsource": true, "--experimental-sqlite": true, "--no-experimental-sqlite": true, "--no-experimental-global-navigator": true,
	"--experimental-permission": true, "--permission": true, "--experimental-async-context-frame": true, "--async-context-frame": true, "--no-async-context-frame": true,
	"--no-experimental-websocket": true, "--no-experimental-global-customevent": true,
	"--experimental-shadow-realm": true, "--experimental-network-inspection": true,
	"--experimental-print-required-tla": true, "--experimental-addon-modules": true,
	"--experimental-webstorage": true, "--experimental-worker": true, "--experimental-report": true,
	"--no-addons": true, "--no-global-search-paths": true, "--frozen-intrinsics": true,
	"--disable-proto": false, "--insecure-http-parser": true, "--no-node-snapshot": true,
	"--zero-fill-buffers": true, "--trace-sync-io": true, "--trace-exit": true,
	"--trace-sigint": true, "--trace-tls": true, "--track-heap-objects": true,
	"--no-extra-info-on-fatal-exception": true, "--verify-base-objects": true,
	"--test": true, "--watch": true, "--watch-preserve-output": true, "--test-only": true,
	"--gc-interval": false, "--stack-trace-limit": false, "--inspect": true, "--inspect-brk": true,
	"--no-opt": true, "--max-lazy": true, "--jitless": true, "--experimental-test-module-mocks": true,
	"--experimental-test-snapshots": true, "--experimental-eventsource-": false,
	"--report-on-fatalerror": true, "--report-uncaught-exception": true, "--report-compact": true,
	"--heap-prof": true, "--cpu-prof": true, "--node-memory-debug": true, "--deprecation": true,
	"--warnings": true, "--addons": true, "--global-search-paths": true,
	"--experimental-fetch": true, "--experimental-global-customevent": true,
	"--openssl-legacy-provider": true, "--openssl-shared-config": true, "--use-openssl-ca": true,
	"--use-bundled-ca": true, "--use-system-ca": true, "--force-fips": true, "--enable-fips": true,
	"--expose-externalize-string": true, "--allow-fs-read": false, "--experimental-network-imports": true,
	"--experimental-json-modules": true, "--experimental-top-level-await": true,
	"--experimental-specifier-resolution": false, "--experimental-modules": true,
	"--experimental-abortcontroller": true, "--experimental-wasi-unstable-preview1": true,
	"--experimental-policy": false, "--no-experimental-repl-await": true,
	"--experimental-repl-await": true, "--experimental-loader-": false, "--entry-url": true,
	"--experimental-config-file": false, "--experimental-inspector-network-resource": true,
}

// notInNodeOptions may not appear in NODE_OPTIONS (node refuses them).
var notInNodeOptions = map[string]bool{
	"--eval": true, "--print": true, "--version": true, "--help": true, "--check": true,
	"--interactive": true, "--test": true, "--expose-internals": true,
}

var shortAliases = map[string]string{
	"-e": "--eval", "-p": "--print", "-r": "--require", "-v": "--version", "-h": "--help",
	"-c": "--check", "-i": "--interactive", "-C": "--conditions",
}

// Parse parses node-style arguments, after NODE_OPTIONS.
func Parse(args []string, nodeOptions string) (*Options, error) {
	o := &Options{StackTraceLimit: 10}
	if nodeOptions != "" {
		no, err := splitNodeOptions(nodeOptions)
		if err != nil {
			return nil, err
		}
		if _, err := o.parse(no, true); err != nil {
			return nil, err
		}
	}
	rest, err := o.parse(args, false)
	if err != nil {
		return nil, err
	}
	if o.Eval == nil && len(rest) > 0 {
		o.Script = rest[0]
		o.Args = rest[1:]
	} else {
		o.Args = rest
	}
	return o, nil
}

// parse consumes options and returns the remaining (script and args).
func (o *Options) parse(args []string, fromEnv bool) ([]string, error) {
	for i := 0; i < len(args); i++ {
		start := i
		a := args[i]
		if a == "--" {
			return args[i+1:], nil
		}
		if a == "-" || !strings.HasPrefix(a, "-") {
			return args[i:], nil
		}
		name, value, hasValue := a, "", false
		if strings.HasPrefix(a, "--") {
			if k, v, ok := strings.Cut(a, "="); ok {
				name, value, hasValue = k, v, true
			}
		} else if long, ok := shortAliases[a]; ok {
			name = long
		} else if a == "-pe" {
			// The one combined short form node has: --print --eval.
			name = "--print"
			if i+1 >= len(args) {
				return nil, fmt.Errorf("--eval requires an argument")
			}
			value, hasValue = args[i+1], true
			i++
		} else if a[1] != '-' {
			// No attached values (-r./x) nor other combinations: node
			// rejects them too.
			return nil, badOption(a, fromEnv)
		}
		typed := a // the option as node names it in messages
		if hasValue && strings.HasPrefix(a, "--") {
			typed = name + "="
		}
		name = strings.ReplaceAll(name, "_", "-")
		if strings.HasPrefix(name, "--no-") && flags["--"+name[5:]] {
			// Negations of known flags are accepted.
		} else if !flags[name] && !isValued(name) && !isV8Flag(name) {
			return nil, badOption(a, fromEnv)
		}
		if fromEnv && notInNodeOptions[name] {
			return nil, fmt.Errorf("%s is not allowed in NODE_OPTIONS", typed)
		}
		takes := valued[name]
		if name == "--print" {
			// -p takes the script when a non-option follows (node's
			// "--print <arg>" alias); otherwise it only turns printing on.
			if !hasValue && i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") {
				value, hasValue = args[i+1], true
				i++
			}
		} else if takes && !hasValue {
			if i+1 >= len(args) {
				return nil, fmt.Errorf("%s requires an argument", a)
			}
			value, hasValue = args[i+1], true
			i++
		}
		if name == "--unhandled-rejections" && !validUnhandled[value] {
			return nil, fmt.Errorf("invalid value for --unhandled-rejections")
		}
		if !fromEnv {
			o.ExecArgv = append(o.ExecArgv, args[start:i+1]...)
		}
		if hasValue {
			o.Options = append(o.Options, name+"="+value)
		} else {
			o.Options = append(o.Options, name)
		}
		switch name {
		case "--eval":
			v := value
			o.Eval = &v
		case "--print":
			o.Print = true
			if hasValue {
				v := value
				o.Eval = &v
			}
		case "--version":
			o.Version = true
		case "--help":
			o.Help = true
		case "--require":
			o.Require = append(o.Require, value)
		case "--import":
			o.Import = append(o.Import, value)
		case "--env-file", "--env-file-if-exists":
			o.EnvFiles = append(o.EnvFiles, value)
		case "--check":
			o.Check = true
		case "--interactive":
			o.Interactive = true
		case "--test":
			o.Test = true
		case "--input-type":
			o.InputType = value
		}
	}
	return nil, nil
}

// validUnhandled are the modes --unhandled-rejections accepts.
var validUnhandled = map[string]bool{
	"throw": true, "strict": true, "warn": true, "none": true, "warn-with-error-code": true,
}

// badOption is node's error for an unknown option: on the command line it
// is a "bad option"; in NODE_OPTIONS it is "not allowed".
func badOption(a string, fromEnv bool) error {
	if fromEnv {
		return fmt.Errorf("%s is not allowed in NODE_OPTIONS", a)
	}
	return fmt.Errorf("bad option: %s", a)
}

func isValued(name string) bool {
	_, ok := valued[name]
	return ok
}

// splitNodeOptions splits NODE_OPTIONS on spaces, honouring double quotes
// and backslash escapes as node does.
func splitNodeOptions(s string) ([]string, error) {
	var out []string
	var cur strings.Builder
	inQuote, have := false, false
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch == '\\' && inQuote && i+1 < len(s):
			i++
			cur.WriteByte(s[i])
		case ch == '"':
			inQuote = !inQuote
			have = true
		case ch == ' ' && !inQuote:
			if have || cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
				have = false
			}
		default:
			cur.WriteByte(ch)
		}
	}
	if inQuote {
		return nil, fmt.Errorf("invalid value for NODE_OPTIONS (unterminated string)")
	}
	if have || cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out, nil
}

// Help is the text printed by --help.
const Help = `Usage: gonode [options] [ script.js ] [arguments]
       gonode -e "script" [arguments]
       gonode -p "expression" [arguments]
       gonode - [arguments]          (script read from stdin)

gonode is a Node.js-compatible JavaScript runtime written in Go.

Options:
  -e, --eval script           evaluate script
  -p, --print [script]        evaluate script and print the result
  -r, --require module        module to preload
  -C, --conditions condition  additional user conditions for exports
  -c, --check                 syntax check script without executing
  -v, --version               print gonode's Node.js version
  -h, --help                  print this help
  --input-type type           how to read -e/stdin source: commonjs or module
  --env-file file             load environment variables from a file
  --unhandled-rejections mode throw (default), strict, warn, warn-with-error-code, none
  --no-warnings               silence process warnings
  --no-deprecation            silence deprecation warnings
  --trace-warnings            print stack traces for warnings
  --stack-trace-limit=n       frames kept in error stacks
  --                          end of options

Environment variables:
  NODE_OPTIONS                options prepended to the command line
  NODE_PATH                   ':'-separated directories searched for modules
  NODE_DEBUG                  ','-separated core modules to print debug output for
  NO_COLOR, FORCE_COLOR       color control for console output

Documentation: README.md in the gonode repository.
`

// v8EnvFlags are the V8 options node accepts in NODE_OPTIONS.
var v8EnvFlags = []string{
	"--abort-on-uncaught-exception", "--disallow-code-generation-from-strings",
	"--enable-etw-stack-walking", "--expose-gc", "--huge-max-old-generation-size",
	"--interpreted-frames-native-stack", "--jitless", "--max-old-space-size",
	"--max-semi-space-size", "--perf-basic-prof", "--perf-basic-prof-only-functions",
	"--perf-prof", "--perf-prof-unwinding-info", "--stack-trace-limit",
}

// EnvFlags lists, sorted, the options that may appear in NODE_OPTIONS
// (process.allowedNodeEnvironmentFlags): the known options in their
// canonical form, the short forms that NODE_OPTIONS accepts, and the V8
// options node allows there.
func EnvFlags() []string {
	seen := map[string]bool{}
	add := func(f string) {
		if notInNodeOptions[f] || strings.HasSuffix(f, "-") || strings.Contains(f, "_") {
			return
		}
		seen[f] = true
	}
	for f := range valued {
		add(f)
	}
	for f := range flags {
		add(f)
	}
	for _, f := range v8EnvFlags {
		add(f)
	}
	for short, long := range shortAliases {
		if !notInNodeOptions[long] {
			seen[short] = true
		}
	}
	out := make([]string, 0, len(seen))
	for f := range seen {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}
