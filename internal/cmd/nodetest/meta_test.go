package main

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseMeta(t *testing.T) {
	src := "// Copyright notice\n" +
		"'use strict';\r\n" +
		"// Flags: --expose-internals --no-warnings\r\n" +
		"//Flags: --expose-gc\n" +
		"// Env: A=1 B=two NOTKV\n" +
		"const x = '// Flags: --not-a-comment-line';\n"
	m := ParseMeta(strings.NewReader(src))
	if want := []string{"--expose-internals", "--no-warnings", "--expose-gc"}; !reflect.DeepEqual(m.Flags, want) {
		t.Errorf("Flags = %q, want %q", m.Flags, want)
	}
	if want := []string{"A=1", "B=two"}; !reflect.DeepEqual(m.Env, want) {
		t.Errorf("Env = %q, want %q", m.Env, want)
	}
	if m := ParseMeta(strings.NewReader("'use strict';\nrequire('x');\n")); m.Flags != nil || m.Env != nil {
		t.Errorf("no metadata: got %+v", m)
	}
}

func TestGroup(t *testing.T) {
	cases := map[string]string{
		"parallel/test-buffer-alloc.js":                    "buffer",
		"parallel/test-fs-read-stream.js":                  "fs",
		"parallel/test-http-agent.js":                      "http",
		"parallel/test-http2-ping.js":                      "http2",
		"parallel/test-https-agent.js":                     "https",
		"parallel/test-child-process-fork.js":              "child-process",
		"parallel/test-event-emitter-once.js":              "events",
		"parallel/test-events-once.js":                     "events",
		"parallel/test-eventtarget.js":                     "events",
		"parallel/test-stream2-transform.js":               "stream",
		"parallel/test-stream-pipeline.js":                 "stream",
		"parallel/test-string-decoder.js":                  "string-decoder",
		"parallel/test-next-tick-ordering.js":              "next-tick",
		"parallel/test-pipe-file-to-http.js":               "pipe",
		"parallel/test-webstream-readablestream-pipeto.js": "webstreams",
		"parallel/test-inspector-async-hook.js":            "inspector",
		"parallel/test-util-inspect.js":                    "util",
		"parallel/test-require-cache.js":                   "module",
		"es-module/test-esm-json.mjs":                      "esm",
		"sequential/test-net-listen-shared-ports.js":       "net",
		"parallel/test-structuredClone-global.js":          "structuredClone",
		"parallel/test-zlib.js":                            "zlib",
		"parallel/test-beforeexit-event-exit.js":           "beforeexit",
		"parallel/test-microtask-queue-run.js":             "microtask",
	}
	for file, want := range cases {
		if got := Group(file); got != want {
			t.Errorf("Group(%q) = %q, want %q", file, got, want)
		}
	}
}

func TestParseList(t *testing.T) {
	got, err := parseList(strings.NewReader("# comment\nparallel/test-a.js\n\ntest/parallel/test-b.js\nparallel/test-a.js\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"parallel/test-a.js", "parallel/test-b.js"}; !reflect.DeepEqual(got, want) {
		t.Errorf("parseList = %q, want %q", got, want)
	}
}

func TestTally(t *testing.T) {
	groups, passed, skipped := tally([]Result{
		{Group: "fs", Pass: true}, {Group: "fs"}, {Group: "buffer", Pass: true, Skipped: true},
	})
	want := []groupCount{{"buffer", 1, 1, 1}, {"fs", 1, 0, 2}}
	if passed != 2 || skipped != 1 || !reflect.DeepEqual(groups, want) {
		t.Errorf("tally = %+v, %d, %d", groups, passed, skipped)
	}
	if !isSkip("1..0 # Skipped: missing crypto\n") || isSkip("ok\n") {
		t.Error("isSkip")
	}
}
