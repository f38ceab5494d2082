package module

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// StripTypes turns TypeScript source into JavaScript with esbuild: types
// are removed, enums and namespaces compiled, import/export kept as
// written. Blank lines are inserted where that is safe so that most
// statements stay on their original line; the remaining difference is
// recorded for MapStack.
func StripTypes(src, filename string) (string, error) {
	return transformAligned(src, filename, api.TransformOptions{
		Loader: api.LoaderTS,
		// Keep `this` and other semantics; only strip and lower TS syntax.
		TsconfigRaw: `{"compilerOptions":{"useDefineForClassFields":true}}`,
	}, true)
}

// transformAligned runs esbuild over one file (ESNext output, import and
// export kept as written), aligns the output's lines with the source as
// far as it can and records the line map for MapStack. withLocation adds
// the position to the error of a file that does not parse.
func transformAligned(src, filename string, opts api.TransformOptions, withLocation bool) (string, error) {
	opts.Sourcefile = filename
	opts.Sourcemap = api.SourceMapExternal
	opts.Format = api.FormatDefault
	opts.Target = api.ESNext
	res := api.Transform(src, opts)
	if len(res.Errors) > 0 {
		m := res.Errors[0]
		loc := ""
		if withLocation && m.Location != nil {
			loc = fmt.Sprintf(" (%s:%d:%d)", filename, m.Location.Line, m.Location.Column+1)
		}
		return "", fmt.Errorf("%s%s", m.Text, loc)
	}
	code, lines := alignLines(string(res.Code), res.Map)
	lineMapsMu.Lock()
	lineMaps[filename] = lines
	lineMaps[fileURL(filename)] = lines
	lineMapsMu.Unlock()
	return code, nil
}

func fileURL(p string) string {
	u := url.URL{Scheme: "file", Path: p}
	return u.String()
}

// alignLines pads generated code with blank lines so that each line that
// starts a mapped token lands on the line it came from, when it is not
// already past it. Lines are only ever added where a line break already
// is, between tokens, so the program's meaning (ASI included) does not
// change. It returns the code and, per output line (0-based), the
// original line (1-based; 0 if unknown).
func alignLines(code string, sourceMap []byte) (string, []int) {
	first := firstMappings(sourceMap)
	genLines := strings.Split(code, "\n")
	var b strings.Builder
	var lines []int
	last := 0
	for i, ln := range genLines {
		orig := 0
		if i < len(first) && first[i].ok {
			indent := len(ln) - len(strings.TrimLeft(ln, " \t"))
			if first[i].genCol == indent {
				target := first[i].origLine // 0-based
				for len(lines) < target {
					b.WriteByte('\n')
					lines = append(lines, 0)
				}
			}
			orig = first[i].origLine + 1
		} else if last > 0 && strings.TrimSpace(ln) != "" {
			orig = last + 1
		}
		if orig > 0 {
			last = orig
		}
		b.WriteString(ln)
		if i < len(genLines)-1 {
			b.WriteByte('\n')
		}
		lines = append(lines, orig)
	}
	return b.String(), lines
}

type firstSeg struct {
	ok       bool
	genCol   int
	origLine int
}

// firstMappings decodes a source map's "mappings" and returns, for each
// generated line, its first segment that has a source position.
func firstMappings(sourceMap []byte) []firstSeg {
	var sm struct {
		Mappings string `json:"mappings"`
	}
	if json.Unmarshal(sourceMap, &sm) != nil {
		return nil
	}
	var out []firstSeg
	var srcLine, srcCol, srcIdx int
	for _, line := range strings.Split(sm.Mappings, ";") {
		genCol := 0
		fs := firstSeg{}
		for _, seg := range strings.Split(line, ",") {
			if seg == "" {
				continue
			}
			vals := decodeVLQ(seg)
			if len(vals) == 0 {
				continue
			}
			genCol += vals[0]
			if len(vals) >= 4 {
				srcIdx += vals[1]
				srcLine += vals[2]
				srcCol += vals[3]
				if !fs.ok {
					fs = firstSeg{true, genCol, srcLine}
				}
			}
		}
		out = append(out, fs)
	}
	_ = srcIdx
	_ = srcCol
	return out
}

const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

func decodeVLQ(s string) []int {
	var out []int
	v, shift := 0, 0
	for i := 0; i < len(s); i++ {
		d := strings.IndexByte(b64, s[i])
		if d < 0 {
			return out
		}
		v += (d & 31) << shift
		if d&32 != 0 {
			shift += 5
			continue
		}
		if v&1 != 0 {
			out = append(out, -(v >> 1))
		} else {
			out = append(out, v>>1)
		}
		v, shift = 0, 0
	}
	return out
}

// Any file may have a line map (TypeScript, or JavaScript whose using
// declarations were lowered); files without one are left alone.
var stackLoc = regexp.MustCompile(`((?:file://)?/[^\s():]+):(\d+)(?::(\d+))?`)

// MapStack rewrites file:line locations of transformed TypeScript files
// in a stack trace to their original lines.
func MapStack(stack string) string {
	return mapTS(mapWithSourceMaps(stack))
}

func mapTS(stack string) string {
	lineMapsMu.Lock()
	defer lineMapsMu.Unlock()
	if len(lineMaps) == 0 {
		return stack
	}
	return stackLoc.ReplaceAllStringFunc(stack, func(m string) string {
		sm := stackLoc.FindStringSubmatch(m)
		lines, ok := lineMaps[sm[1]]
		if !ok {
			return m
		}
		n, _ := strconv.Atoi(sm[2])
		if n < 1 || n > len(lines) || lines[n-1] == 0 || lines[n-1] == n {
			return m
		}
		out := sm[1] + ":" + strconv.Itoa(lines[n-1])
		if sm[3] != "" {
			out += ":" + sm[3]
		}
		return out
	})
}

// LowerForEngine rewrites `using` and `await using` declarations (explicit
// resource management, which the engine does not parse) into plain
// try/finally code with esbuild, leaving the rest of the syntax as it is.
// Lines are aligned as for TypeScript so that stacks stay close to the
// source. It is only tried on source that failed to compile.
//
// It also works around an engine parser bug: a class field named async
// with no initializer (`async;`, which TypeScript emits for a declared
// property) is a syntax error to the engine, so when src may hold one,
// class fields are lowered too (into the constructor, with define
// semantics).
func LowerForEngine(src, filename string) (string, error) {
	supported := map[string]bool{"using": false}
	if asyncField.MatchString(src) {
		supported["class-field"] = false
		supported["class-static-field"] = false
	}
	return transformAligned(src, filename, api.TransformOptions{
		Loader:    api.LoaderJS,
		Supported: supported,
	}, false)
}

// usingDecl finds what may be a using declaration, and asyncField what
// may be a class field named async without initializer, to decide
// whether a syntax error is worth a LowerForEngine retry.
var (
	usingDecl  = regexp.MustCompile(`\busing\s+[\p{L}_$\[{]`)
	asyncField = regexp.MustCompile(`\basync\s*;`)
)

// MayNeedLowering reports whether src may contain syntax that LowerForEngine
// rewrites: a using declaration, or a class field named async.
func MayNeedLowering(src string) bool {
	return usingDecl.MatchString(src) || asyncField.MatchString(src)
}
