package cli

import "strings"

// v8Flags are V8 engine options that node passes through to V8 and so
// accepts on its command line. QuickJS has no use for them: gonode accepts
// and ignores them, in the forms --flag, --no-flag, --noflag and
// --flag=value (underscores already turned into dashes).
var v8Flags = map[string]bool{
	"--debug-arraybuffer-allocations": true, "--enable-sharedarraybuffer-per-context": true,
	"--concurrent-array-buffer-sweeping": true, "--concurrent-recompilation": true,
	"--predictable-gc-schedule": true, "--predictable": true, "--stress-compaction": true,
	"--disallow-code-generation-from-strings": true, "--random-seed": true,
	"--single-threaded": true, "--single-threaded-gc": true, "--trace-gc": true,
	"--trace-gc-verbose": true, "--trace-opt": true, "--trace-deopt": true,
	"--opt": true, "--lazy": true, "--lazy-feedback-allocation": true,
	"--always-sparkplug": true, "--sparkplug": true, "--maglev": true, "--turbofan": true,
	"--always-turbofan": true, "--interrupt-budget": true, "--min-semi-space-size": true,
	"--huge-max-old-generation-size": true, "--expose-gc-as": true,
	"--expose-cputracemark-as": true, "--heap-snapshot-on-oom": true,
	"--invoke-weak-callbacks": true, "--js-staging": true, "--fuzzing": true,
	"--freeze-flags-after-init": true, "--print-bytecode": true, "--allow-natives-for-differential-fuzzing": true,
	"--stress-incremental-marking": true, "--incremental-marking": true,
	"--concurrent-marking": true, "--parallel-scavenge": true, "--scavenger-max-new-space-capacity-mb": true,
	"--gc-global": true, "--no-gc-global": true, "--max-heap-size": true,
	"--initial-heap-size": true, "--initial-old-space-size": true, "--expose-externalize-string": true,
	"--abort-on-contradictory-flags": true, "--clear-free-memory": true,
	"--verify-heap": true, "--enable-etw-stack-walking": true, "--perf-basic-prof": true,
	"--perf-basic-prof-only-functions": true, "--perf-prof": true, "--interpreted-frames-native-stack": true,
	"--stack-trace-on-illegal": true, "--abort-on-uncaught-exception": true,
	"--experimental-wasm-stringref": true, "--wasm-staging": true, "--no-wasm-code-gc": true,
}

// v8FlagPrefixes name families of V8 flags accepted whole.
var v8FlagPrefixes = []string{"--harmony-", "--js-", "--experimental-wasm-", "--wasm-", "--turbo-", "--maglev-"}

// isV8Flag reports whether name (an option without its =value) is a V8
// flag node would hand to V8, negated or not.
func isV8Flag(name string) bool {
	base := name
	if strings.HasPrefix(base, "--no-") {
		base = "--" + base[5:]
	} else if strings.HasPrefix(base, "--no") && v8Flags["--"+base[4:]] {
		base = "--" + base[4:]
	}
	if v8Flags[base] {
		return true
	}
	for _, p := range v8FlagPrefixes {
		if strings.HasPrefix(base, p) && len(base) > len(p) {
			return true
		}
	}
	return false
}
