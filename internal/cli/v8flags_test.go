package cli

import "testing"

func TestV8FlagsAccepted(t *testing.T) {
	for _, f := range []string{
		"--enable-sharedarraybuffer-per-context", "--debug-arraybuffer-allocations",
		"--noconcurrent_recompilation", "--no-concurrent-array-buffer-sweeping",
		"--harmony-temporal", "--random-seed=7", "--v8-pool-size=0", "--stress-compaction",
	} {
		o, err := Parse([]string{f, "app.js"}, "")
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if o.Script != "app.js" || len(o.ExecArgv) != 1 || o.ExecArgv[0] != f {
			t.Errorf("%s: script %q execArgv %q", f, o.Script, o.ExecArgv)
		}
	}
}

func TestUnknownFlagsStillRejected(t *testing.T) {
	for _, f := range []string{"--bogus-flag", "--harmony-", "--nobogus"} {
		if _, err := Parse([]string{f, "app.js"}, ""); err == nil || err.Error() != "bad option: "+f {
			t.Errorf("%s: err = %v, want bad option", f, err)
		}
	}
}
