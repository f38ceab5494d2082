package main

import (
	"bufio"
	"io"
	"os"
	"path"
	"sort"
	"strings"
)

// Meta is what a test file declares about how to run it, in comment lines
// near its top: `// Flags: --a --b` (command-line options) and
// `// Env: K=V K2=V2` (environment variables).
type Meta struct {
	Flags []string
	Env   []string // "K=V"
}

// metaScanLimit bounds how much of a file is scanned for its metadata:
// the lines sit after the licence header, well within this.
const metaScanLimit = 8 << 10

// ParseMeta reads a test's `// Flags:` and `// Env:` lines. Several lines
// of one kind add up, in order.
func ParseMeta(r io.Reader) Meta {
	var m Meta
	sc := bufio.NewScanner(io.LimitReader(r, metaScanLimit))
	sc.Buffer(make([]byte, 0, 4096), metaScanLimit)
	for sc.Scan() {
		line := strings.TrimSpace(strings.TrimSuffix(sc.Text(), "\r"))
		if !strings.HasPrefix(line, "//") {
			continue
		}
		body := strings.TrimSpace(strings.TrimPrefix(line, "//"))
		switch {
		case strings.HasPrefix(body, "Flags:"):
			m.Flags = append(m.Flags, strings.Fields(strings.TrimPrefix(body, "Flags:"))...)
		case strings.HasPrefix(body, "Env:"):
			for _, kv := range strings.Fields(strings.TrimPrefix(body, "Env:")) {
				if strings.Contains(kv, "=") {
					m.Env = append(m.Env, kv)
				}
			}
		}
	}
	return m
}

// ParseMetaFile is ParseMeta on a file.
func ParseMetaFile(name string) (Meta, error) {
	f, err := os.Open(name)
	if err != nil {
		return Meta{}, err
	}
	defer f.Close()
	return ParseMeta(f), nil
}

// groupPrefixes maps a test-name prefix (the part after "test-") to the
// module it belongs to. The longest matching prefix wins; a name matching
// none is grouped under its first dash-separated word.
var groupPrefixes = map[string]string{
	"abort":               "abort",
	"als":                 "async_hooks",
	"assert":              "assert",
	"async":               "async_hooks",
	"asyncresource":       "async_hooks",
	"atob":                "buffer",
	"blob":                "blob",
	"btoa":                "buffer",
	"buffer":              "buffer",
	"child-process":       "child-process",
	"cluster":             "cluster",
	"console":             "console",
	"crypto":              "crypto",
	"dgram":               "dgram",
	"diagnostic":          "diagnostics_channel",
	"dns":                 "dns",
	"domain":              "domain",
	"domexception":        "domexception",
	"duplex":              "duplex",
	"esm":                 "esm",
	"event":               "events",
	"fastutf8stream":      "stream",
	"file":                "fs",
	"filehandle":          "filehandle",
	"fs":                  "fs",
	"http":                "http",
	"http2":               "http2",
	"https":               "https",
	"inspect":             "util",
	"inspector":           "inspector",
	"module":              "module",
	"net":                 "net",
	"next-tick":           "next-tick",
	"nodeeventtarget":     "events",
	"os":                  "os",
	"path":                "path",
	"perf":                "performance",
	"performance":         "performance",
	"pipe":                "pipe",
	"pipeline":            "pipeline",
	"process":             "process",
	"querystring":         "querystring",
	"readable":            "readable",
	"readline":            "readline",
	"repl":                "repl",
	"require":             "module",
	"socket":              "socket",
	"stdin":               "stdin",
	"stdio":               "stdio",
	"stdout":              "stdout",
	"stream":              "stream",
	"string-decoder":      "string-decoder",
	"structuredClone":     "structuredClone",
	"tcp":                 "tcp",
	"timers":              "timers",
	"tls":                 "tls",
	"transform":           "transform",
	"url":                 "url",
	"util":                "util",
	"vm":                  "vm",
	"webcrypto":           "crypto",
	"webstream":           "webstreams",
	"whatwg":              "whatwg",
	"worker":              "worker",
	"writable":            "writable",
	"zlib":                "zlib",
	"cjs":                 "module",
	"import":              "esm",
	"loaders":             "esm",
	"performanceobserver": "performance",
}

// sortedPrefixes lists groupPrefixes' keys, longest first.
var sortedPrefixes = func() []string {
	out := make([]string, 0, len(groupPrefixes))
	for p := range groupPrefixes {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}()

// Group names the module a test file belongs to, from its file name:
// "parallel/test-buffer-alloc.js" -> "buffer", "test-http2-ping.js" ->
// "http2", "test-child-process-fork.js" -> "child-process".
func Group(file string) string {
	name := path.Base(file)
	for _, ext := range []string{".mjs", ".cjs", ".js", ".ts", ".mts", ".cts"} {
		if strings.HasSuffix(name, ext) {
			name = strings.TrimSuffix(name, ext)
			break
		}
	}
	name = strings.TrimPrefix(name, "test-")
	for _, p := range sortedPrefixes {
		if strings.HasPrefix(name, p) {
			return groupPrefixes[p]
		}
	}
	if i := strings.IndexByte(name, '-'); i > 0 {
		return name[:i]
	}
	return name
}
