package cli

import (
	"reflect"
	"testing"
)

func TestParseScriptAndArgs(t *testing.T) {
	o, err := Parse([]string{"--no-warnings", "--stack-trace-limit=20", "app.js", "a", "--flag", "-x"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if o.Script != "app.js" {
		t.Errorf("Script = %q", o.Script)
	}
	if want := []string{"a", "--flag", "-x"}; !reflect.DeepEqual(o.Args, want) {
		t.Errorf("Args = %q, want %q", o.Args, want)
	}
	if want := []string{"--no-warnings", "--stack-trace-limit=20"}; !reflect.DeepEqual(o.ExecArgv, want) {
		t.Errorf("ExecArgv = %q, want %q", o.ExecArgv, want)
	}
}

func TestExecArgvKeepsTypedForm(t *testing.T) {
	// node's process.execArgv holds the options exactly as typed, values
	// as separate words included; Options is the normalized view.
	o, err := Parse([]string{"--input-type", "module", "-e", "code", "-r", "./x", "--no_warnings"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"--input-type", "module", "-e", "code", "-r", "./x", "--no_warnings"}; !reflect.DeepEqual(o.ExecArgv, want) {
		t.Errorf("ExecArgv = %q, want %q", o.ExecArgv, want)
	}
	if want := []string{"--input-type=module", "--eval=code", "--require=./x", "--no-warnings"}; !reflect.DeepEqual(o.Options, want) {
		t.Errorf("Options = %q, want %q", o.Options, want)
	}
	if o.Eval == nil || *o.Eval != "code" || o.InputType != "module" || !reflect.DeepEqual(o.Require, []string{"./x"}) {
		t.Errorf("parsed %+v", o)
	}
}

func TestEvalAndPrint(t *testing.T) {
	for _, tc := range []struct {
		args  []string
		eval  string
		print bool
		rest  []string
	}{
		{[]string{"-e", "1+1", "a"}, "1+1", false, []string{"a"}},
		{[]string{"--eval=2", "a", "b"}, "2", false, []string{"a", "b"}},
		{[]string{"-p", "3"}, "3", true, nil},
		{[]string{"-pe", "4", "x"}, "4", true, []string{"x"}},
		{[]string{"-p", "-e", "5"}, "5", true, nil},
		{[]string{"-e", "6", "-p"}, "6", true, nil},
		{[]string{"--print", "7", "--", "-x"}, "7", true, []string{"-x"}},
	} {
		o, err := Parse(tc.args, "")
		if err != nil {
			t.Errorf("%q: %v", tc.args, err)
			continue
		}
		if o.Eval == nil || *o.Eval != tc.eval || o.Print != tc.print {
			t.Errorf("%q: eval %v print %v", tc.args, o.Eval, o.Print)
		}
		if o.Script != "" {
			t.Errorf("%q: Script = %q, want none (with -e the rest are arguments)", tc.args, o.Script)
		}
		if len(o.Args) != 0 || len(tc.rest) != 0 {
			if !reflect.DeepEqual(o.Args, tc.rest) {
				t.Errorf("%q: Args = %q, want %q", tc.args, o.Args, tc.rest)
			}
		}
	}
}

func TestStdinAndDoubleDash(t *testing.T) {
	o, err := Parse([]string{"-", "a"}, "")
	if err != nil || o.Script != "-" || !reflect.DeepEqual(o.Args, []string{"a"}) {
		t.Errorf("- a: %+v %v", o, err)
	}
	o, err = Parse([]string{"--no-warnings", "--", "--not-an-option.js", "b"}, "")
	if err != nil || o.Script != "--not-an-option.js" || !reflect.DeepEqual(o.Args, []string{"b"}) {
		t.Errorf("-- script: %+v %v", o, err)
	}
	if want := []string{"--no-warnings"}; !reflect.DeepEqual(o.ExecArgv, want) {
		t.Errorf("ExecArgv = %q, want %q (-- is not an option)", o.ExecArgv, want)
	}
	o, err = Parse(nil, "")
	if err != nil || o.Script != "" || o.Eval != nil {
		t.Errorf("no args: %+v %v", o, err)
	}
}

func TestFlags(t *testing.T) {
	o, err := Parse([]string{"-v"}, "")
	if err != nil || !o.Version {
		t.Errorf("-v: %+v %v", o, err)
	}
	o, err = Parse([]string{"--help"}, "")
	if err != nil || !o.Help {
		t.Errorf("--help: %+v %v", o, err)
	}
	o, err = Parse([]string{"-c", "x.js"}, "")
	if err != nil || !o.Check || o.Script != "x.js" {
		t.Errorf("-c: %+v %v", o, err)
	}
	o, err = Parse([]string{"--env-file=.env", "--env-file", "b.env", "-r", "a", "--require=b", "--import", "c", "x.js"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(o.EnvFiles, []string{".env", "b.env"}) || !reflect.DeepEqual(o.Require, []string{"a", "b"}) || !reflect.DeepEqual(o.Import, []string{"c"}) {
		t.Errorf("repeatable options: %+v", o)
	}
}

func TestBadOptions(t *testing.T) {
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--bogus", "x.js"}, "bad option: --bogus"},
		{[]string{"-x"}, "bad option: -x"},
		{[]string{"--no-bogus"}, "bad option: --no-bogus"},
		{[]string{"-ep", "1"}, "bad option: -ep"},
		{[]string{"-r./x.js"}, "bad option: -r./x.js"},
		{[]string{"-Cx"}, "bad option: -Cx"},
		{[]string{"-r"}, "-r requires an argument"},
		{[]string{"-e"}, "-e requires an argument"},
		{[]string{"-pe"}, "--eval requires an argument"},
		{[]string{"--require"}, "--require requires an argument"},
		{[]string{"--unhandled-rejections=bogus"}, "invalid value for --unhandled-rejections"},
	} {
		_, err := Parse(tc.args, "")
		if err == nil || err.Error() != tc.msg {
			t.Errorf("%q: error %v, want %q", tc.args, err, tc.msg)
		}
	}
}

func TestNodeOptions(t *testing.T) {
	o, err := Parse([]string{"--no-deprecation", "x.js"}, `--require "./a b.js" --no-warnings --unhandled-rejections=strict`)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(o.Require, []string{"./a b.js"}) {
		t.Errorf("Require = %q", o.Require)
	}
	// NODE_OPTIONS are in effect but not part of process.execArgv.
	if want := []string{"--no-deprecation"}; !reflect.DeepEqual(o.ExecArgv, want) {
		t.Errorf("ExecArgv = %q, want %q", o.ExecArgv, want)
	}
	if want := []string{"--require=./a b.js", "--no-warnings", "--unhandled-rejections=strict", "--no-deprecation"}; !reflect.DeepEqual(o.Options, want) {
		t.Errorf("Options = %q, want %q", o.Options, want)
	}
	if o.Script != "x.js" {
		t.Errorf("Script = %q", o.Script)
	}
}

func TestNodeOptionsErrors(t *testing.T) {
	for _, tc := range []struct {
		env, msg string
	}{
		{"-e 1", "-e is not allowed in NODE_OPTIONS"},
		{"--eval=1", "--eval= is not allowed in NODE_OPTIONS"},
		{"--print", "--print is not allowed in NODE_OPTIONS"},
		{"-v", "-v is not allowed in NODE_OPTIONS"},
		{"--test", "--test is not allowed in NODE_OPTIONS"},
		{"--bogus", "--bogus is not allowed in NODE_OPTIONS"},
		{`--require "x`, "invalid value for NODE_OPTIONS (unterminated string)"},
	} {
		_, err := Parse([]string{"x.js"}, tc.env)
		if err == nil || err.Error() != tc.msg {
			t.Errorf("NODE_OPTIONS=%q: error %v, want %q", tc.env, err, tc.msg)
		}
	}
}

func TestSplitNodeOptions(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"  --a   --b  ", []string{"--a", "--b"}},
		{`--r "a b"`, []string{"--r", "a b"}},
		{`--r="a b"c`, []string{"--r=a bc"}},
		{`"a \"q\" \\ b"`, []string{`a "q" \ b`}},
		{`a\b`, []string{`a\b`}}, // a backslash escapes only inside quotes
		{`""`, []string{""}},
	} {
		got, err := splitNodeOptions(tc.in)
		if err != nil {
			t.Errorf("%q: %v", tc.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTestMode(t *testing.T) {
	// --test makes the positional arguments file patterns; with none the
	// runner uses its default patterns (no REPL, no stdin).
	o, err := Parse([]string{"--test", "--test-reporter", "tap", "a.test.js", "test/**/*.js"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if !o.Test || o.Script != "a.test.js" || !reflect.DeepEqual(o.Args, []string{"test/**/*.js"}) {
		t.Errorf("parsed %+v", o)
	}
	if want := []string{"--test", "--test-reporter", "tap"}; !reflect.DeepEqual(o.ExecArgv, want) {
		t.Errorf("ExecArgv = %q, want %q", o.ExecArgv, want)
	}
	o, err = Parse([]string{"--test"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if !o.Test || o.Script != "" {
		t.Errorf("parsed %+v", o)
	}
	if _, err := Parse(nil, "--test"); err == nil {
		t.Error("--test in NODE_OPTIONS accepted")
	}
}
