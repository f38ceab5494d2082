package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// Exclusion is one line of the exclusions file: tests matching it are not
// run, and are counted as excluded with the reason.
type Exclusion struct {
	Kind    string // feature, path, flag or uses
	Pattern string // a trailing * matches any suffix
	Reason  string
	Line    int
}

// loadExclusions reads the exclusions file. Each non-blank, non-comment
// line is "<kind> <pattern> — <reason>" ("--" may stand for the dash).
func loadExclusions(path string) ([]Exclusion, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Exclusion
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		spec, reason, ok := strings.Cut(line, " — ")
		if !ok {
			spec, reason, ok = strings.Cut(line, " -- ")
		}
		if !ok || strings.TrimSpace(reason) == "" {
			return nil, fmt.Errorf("%s:%d: missing reason (want \"<kind> <pattern> — <reason>\")", path, n)
		}
		kind, pat, ok := strings.Cut(strings.TrimSpace(spec), " ")
		if !ok {
			return nil, fmt.Errorf("%s:%d: missing pattern", path, n)
		}
		switch kind {
		case "feature", "path", "flag", "uses":
		default:
			return nil, fmt.Errorf("%s:%d: unknown kind %q", path, n, kind)
		}
		out = append(out, Exclusion{Kind: kind, Pattern: strings.TrimSpace(pat), Reason: strings.TrimSpace(reason), Line: n})
	}
	return out, sc.Err()
}

func matchPattern(pat, s string) bool {
	if p, ok := strings.CutSuffix(pat, "*"); ok {
		return strings.HasPrefix(s, p)
	}
	return pat == s
}

// excluded returns the first exclusion that applies to the test, or nil.
// rel is the slash-separated path relative to the suite root.
func excluded(ex []Exclusion, rel, src string, m *Meta) *Exclusion {
	for i := range ex {
		e := &ex[i]
		switch e.Kind {
		case "path":
			if matchPattern(e.Pattern, rel) {
				return e
			}
		case "feature":
			if m == nil {
				continue
			}
			for _, f := range m.Features {
				if matchPattern(e.Pattern, f) {
					return e
				}
			}
		case "flag":
			if m != nil && m.HasFlag(e.Pattern) {
				return e
			}
		case "uses":
			if strings.Contains(src, e.Pattern) {
				return e
			}
		}
	}
	return nil
}
