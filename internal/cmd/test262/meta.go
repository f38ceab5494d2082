package main

import (
	"fmt"
	"strings"
)

// Meta is the YAML frontmatter of a test262 test: the fields the runner
// acts on.
type Meta struct {
	Includes []string
	Flags    []string
	Features []string
	// Negative is set when the test expects an error.
	Negative *Negative
}

// Negative describes the error a negative test expects.
type Negative struct {
	Phase string // parse, resolution or runtime
	Type  string // constructor name, e.g. SyntaxError
}

// HasFlag reports whether the test carries flag f.
func (m *Meta) HasFlag(f string) bool {
	for _, x := range m.Flags {
		if x == f {
			return true
		}
	}
	return false
}

// parseMeta extracts the frontmatter between "/*---" and "---*/". It
// understands the subset of YAML test262 uses for the fields the runner
// needs: flow lists ([a, b], possibly over several lines), block lists
// ("- a" lines) and the nested negative mapping. Other keys, including
// block scalars such as description, are skipped.
func parseMeta(src string) (*Meta, error) {
	start := strings.Index(src, "/*---")
	if start < 0 {
		return nil, fmt.Errorf("no frontmatter")
	}
	rest := src[start+len("/*---"):]
	end := strings.Index(rest, "---*/")
	if end < 0 {
		return nil, fmt.Errorf("unterminated frontmatter")
	}
	// Line breaks may be LF, CRLF or CR alone.
	body := strings.ReplaceAll(rest[:end], "\r\n", "\n")
	lines := strings.Split(strings.ReplaceAll(body, "\r", "\n"), "\n")
	m := &Meta{}
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if line == "" || line[0] == ' ' || line[0] == '\t' || line[0] == '#' {
			continue
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.TrimSpace(key)
		val = strings.TrimSpace(stripComment(val))
		switch key {
		case "includes", "flags", "features":
			var list []string
			if strings.HasPrefix(val, "[") {
				// Flow list, maybe continued on following lines.
				for !strings.Contains(val, "]") && i+1 < len(lines) {
					i++
					val += " " + strings.TrimSpace(stripComment(lines[i]))
				}
				inner := strings.TrimPrefix(val, "[")
				inner, _, _ = strings.Cut(inner, "]")
				list = splitList(inner)
			} else if val == "" {
				// Block list.
				for i+1 < len(lines) {
					t := strings.TrimSpace(lines[i+1])
					if !strings.HasPrefix(t, "-") {
						if t == "" || strings.HasPrefix(t, "#") {
							i++
							continue
						}
						break
					}
					i++
					list = append(list, unquote(strings.TrimSpace(stripComment(t[1:]))))
				}
			} else {
				list = []string{unquote(val)}
			}
			switch key {
			case "includes":
				m.Includes = append(m.Includes, list...)
			case "flags":
				m.Flags = append(m.Flags, list...)
			case "features":
				m.Features = append(m.Features, list...)
			}
		case "negative":
			n := &Negative{}
			for i+1 < len(lines) {
				t := lines[i+1]
				if t == "" || (t[0] != ' ' && t[0] != '\t') {
					break
				}
				i++
				k, v, ok := strings.Cut(strings.TrimSpace(t), ":")
				if !ok {
					continue
				}
				v = unquote(strings.TrimSpace(stripComment(v)))
				switch strings.TrimSpace(k) {
				case "phase":
					n.Phase = v
				case "type":
					n.Type = v
				}
			}
			if n.Phase == "" || n.Type == "" {
				return nil, fmt.Errorf("incomplete negative: %+v", *n)
			}
			m.Negative = n
		}
	}
	return m, nil
}

func stripComment(s string) string {
	if i := strings.Index(s, " #"); i >= 0 {
		return s[:i]
	}
	return s
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = unquote(strings.TrimSpace(p)); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}
