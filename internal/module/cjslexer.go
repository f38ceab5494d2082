package module

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// token is one lexical token of JS source, as far as export detection
// needs: identifiers, punctuators and string literals (with their value).
type token struct {
	kind byte // 'i' identifier, 's' string, 'p' punctuator, 'n' number, 't' template, 'r' regexp
	text string
}

// LexCJS detects, without running it, the names a CommonJS module
// exports: exports.x = ..., module.exports.x = ..., exports['x'] = ...,
// Object.defineProperty(exports, 'x', ...), module.exports = { a, b: c },
// and the specifiers it re-exports wholesale: module.exports =
// require('y'), __exportStar(require('y'), exports), ...require('y')
// inside a module.exports object literal.
func LexCJS(src string) (exports, reexports []string) {
	toks := tokenize(src)
	seen := map[string]bool{}
	add := func(n string) {
		if n != invalidName && !seen[n] {
			seen[n] = true
			exports = append(exports, n)
		}
	}
	at := func(i int, kind byte, text string) bool {
		return i < len(toks) && toks[i].kind == kind && (text == "" || toks[i].text == text)
	}
	// isExportsRef reports whether toks[i:] starts with `exports` or
	// `module.exports` (not itself a property access) and returns the
	// index after it.
	isExportsRef := func(i int) (int, bool) {
		if i > 0 && at(i-1, 'p', ".") {
			return 0, false
		}
		if at(i, 'i', "exports") {
			return i + 1, true
		}
		if at(i, 'i', "module") && at(i+1, 'p', ".") && at(i+2, 'i', "exports") {
			return i + 3, true
		}
		return 0, false
	}
	// requireCall matches require('x') at i and returns the specifier.
	requireCall := func(i int) (string, int, bool) {
		if at(i, 'i', "require") && at(i+1, 'p', "(") && at(i+2, 's', "") && at(i+3, 'p', ")") {
			return toks[i+2].text, i + 4, true
		}
		return "", 0, false
	}
	// required maps the names bound to require('x') (var _x = require('x'),
	// also through an interop helper call) to their specifiers, for the
	// re-export loop transpilers write (see "keys" below).
	required := map[string]string{}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind != 'i' {
			continue
		}
		if (t.text == "var" || t.text == "let" || t.text == "const") && at(i+1, 'i', "") && at(i+2, 'p', "=") {
			k := i + 3
			if at(k, 'i', "") && toks[k].text != "require" && at(k+1, 'p', "(") {
				k += 2 // _interopRequireWildcard(require('x'))
			}
			if spec, _, ok := requireCall(k); ok {
				required[toks[i+1].text] = spec
			}
			continue
		}
		if j, ok := isExportsRef(i); ok {
			// exports.x = / exports['x'] =
			if at(j, 'p', ".") && at(j+1, 'i', "") && at(j+2, 'p', "=") && !at(j+3, 'p', "=") {
				add(toks[j+1].text)
				continue
			}
			if at(j, 'p', "[") && at(j+1, 's', "") && at(j+2, 'p', "]") && at(j+3, 'p', "=") && !at(j+4, 'p', "=") {
				add(toks[j+1].text)
				continue
			}
			// module.exports = ...
			if t.text == "module" && at(j, 'p', "=") && !at(j+1, 'p', "=") {
				if spec, _, ok := requireCall(j + 1); ok {
					reexports = append(reexports, spec)
					continue
				}
				if at(j+1, 'p', "{") {
					objectKeys(toks, j+2, add, func(s string) { reexports = append(reexports, s) })
				}
			}
			continue
		}
		switch t.text {
		case "defineProperty":
			// Object.defineProperty(exports, 'x', ...)
			if i >= 2 && at(i-1, 'p', ".") && at(i-2, 'i', "Object") && at(i+1, 'p', "(") {
				if j, ok := isExportsRef(i + 2); ok && at(j, 'p', ",") && at(j+1, 's', "") {
					add(toks[j+1].text)
				}
			}
		case "keys":
			// Object.keys(_x).forEach(function (key) { ... exports ... }):
			// Babel's and TypeScript's `export * from 'x'`.
			if i >= 2 && at(i-1, 'p', ".") && at(i-2, 'i', "Object") && at(i+1, 'p', "(") && at(i+2, 'i', "") &&
				at(i+3, 'p', ")") && at(i+4, 'p', ".") && at(i+5, 'i', "forEach") && at(i+6, 'p', "(") {
				if spec, ok := required[toks[i+2].text]; ok {
					reexports = append(reexports, spec)
				}
			}
		case "__exportStar", "__export":
			// TypeScript's helpers: __exportStar(require('x'), exports).
			if at(i+1, 'p', "(") {
				if spec, _, ok := requireCall(i + 2); ok {
					reexports = append(reexports, spec)
				}
			}
		}
	}
	return exports, reexports
}

// objectKeys reads the keys of an object literal starting after its '{',
// as far as its entries are simple: `a`, `a: b`, `'a': b`, `...require('x')`.
// Like Node's lexer it stops at the first other entry.
func objectKeys(toks []token, i int, add func(string), reexport func(string)) {
	at := func(j int, kind byte, text string) bool {
		return j < len(toks) && toks[j].kind == kind && (text == "" || toks[j].text == text)
	}
	sep := func(j int) bool { return at(j, 'p', ",") || at(j, 'p', "}") }
	for i < len(toks) {
		switch {
		case at(i, 'p', "}"):
			return
		case at(i, 'p', "...") && at(i+1, 'i', "require") && at(i+2, 'p', "(") && at(i+3, 's', "") && at(i+4, 'p', ")") && sep(i+5):
			reexport(toks[i+3].text)
			i += 5
		case at(i, 'i', "") && sep(i+1):
			add(toks[i].text)
			i++
		case (at(i, 'i', "") || at(i, 's', "")) && at(i+1, 'p', ":") && at(i+2, 'i', "") && sep(i+3):
			add(toks[i].text)
			i += 3
		default:
			return
		}
		if at(i, 'p', ",") {
			i++
		}
	}
}

// keywords after which a '/' starts a regular expression.
var regexAfter = map[string]bool{
	"return": true, "typeof": true, "instanceof": true, "in": true, "of": true, "new": true,
	"delete": true, "void": true, "throw": true, "case": true, "do": true, "else": true,
	"yield": true, "await": true,
}

// tokenize splits JS source into tokens, skipping comments, whitespace,
// template literal text, regular expressions and numbers' details.
func tokenize(src string) []token {
	var toks []token
	var braces []int // open-brace depth at each template ${ nesting
	depth := 0
	n := len(src)
	i := 0
	if strings.HasPrefix(src, "#!") {
		for i < n && src[i] != '\n' {
			i++
		}
	}
	regexOK := func() bool {
		if len(toks) == 0 {
			return true
		}
		p := toks[len(toks)-1]
		switch p.kind {
		case 'i':
			return regexAfter[p.text]
		case 's', 'n', 't', 'r':
			return false
		}
		return p.text != ")" && p.text != "]" && p.text != "}"
	}
	for i < n {
		ch := src[i]
		switch {
		case ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f':
			i++
		case ch == '/' && i+1 < n && src[i+1] == '/':
			for i < n && src[i] != '\n' {
				i++
			}
		case ch == '/' && i+1 < n && src[i+1] == '*':
			j := strings.Index(src[i+2:], "*/")
			if j < 0 {
				return toks
			}
			i += j + 4
		case ch == '\'' || ch == '"':
			s, end := readString(src, i)
			toks = append(toks, token{'s', s})
			i = end
		case ch == '`':
			i = skipTemplate(src, i+1, &braces, depth)
			toks = append(toks, token{'t', ""})
		case ch == '}' && len(braces) > 0 && braces[len(braces)-1] == depth:
			braces = braces[:len(braces)-1]
			i = skipTemplate(src, i+1, &braces, depth)
		case ch == '/' && regexOK():
			i = skipRegexp(src, i+1)
			toks = append(toks, token{'r', ""})
		case isIdentStart(ch):
			j := i + 1
			for j < n && isIdentPart(src[j]) {
				j++
			}
			toks = append(toks, token{'i', src[i:j]})
			i = j
		case ch >= '0' && ch <= '9':
			j := i + 1
			for j < n && (isIdentPart(src[j]) || src[j] == '.') {
				j++
			}
			toks = append(toks, token{'n', src[i:j]})
			i = j
		case ch == '.' && strings.HasPrefix(src[i:], "..."):
			toks = append(toks, token{'p', "..."})
			i += 3
		case ch == '=' && strings.HasPrefix(src[i:], "=>"):
			toks = append(toks, token{'p', "=>"})
			i += 2
		default:
			switch ch {
			case '{':
				depth++
			case '}':
				depth--
			}
			toks = append(toks, token{'p', string(ch)})
			i++
		}
	}
	return toks
}

func isIdentStart(ch byte) bool {
	return ch == '_' || ch == '$' || ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= 0x80 || ch == '\\'
}

func isIdentPart(ch byte) bool { return isIdentStart(ch) || ch >= '0' && ch <= '9' }

// readString reads a quoted string starting at src[i] and returns its
// value (escapes decoded where simple) and the index after it.
func readString(src string, i int) (string, int) {
	q := src[i]
	j := i + 1
	esc := false
	for j < len(src) {
		c := src[j]
		if c == '\\' {
			esc = true
			j += 2
			continue
		}
		if c == q || c == '\n' {
			break
		}
		j++
	}
	if j > len(src) {
		j = len(src)
	}
	raw := src[i+1 : j]
	if esc {
		v, ok := decodeJSString(raw)
		if !ok {
			// Not a well-formed string (a lone surrogate): no export
			// can have this name.
			return invalidName, j + 1
		}
		raw = v
	}
	return raw, j + 1
}

// invalidName stands for a string literal that is not a valid export
// name; LexCJS drops it.
const invalidName = "\x00invalid"

// decodeJSString decodes the escapes of the body of a JS string literal.
// It reports false when the result is not well-formed UTF-16 (a lone
// surrogate) or an escape is malformed.
func decodeJSString(raw string) (string, bool) {
	var units []uint16
	for i := 0; i < len(raw); {
		c := raw[i]
		if c != '\\' {
			r, n := utf8.DecodeRuneInString(raw[i:])
			units = utf16.AppendRune(units, r)
			i += n
			continue
		}
		i++
		if i >= len(raw) {
			return "", false
		}
		c = raw[i]
		i++
		switch c {
		case 'n':
			units = append(units, '\n')
		case 't':
			units = append(units, '\t')
		case 'r':
			units = append(units, '\r')
		case 'b':
			units = append(units, '\b')
		case 'f':
			units = append(units, '\f')
		case 'v':
			units = append(units, '\v')
		case '0':
			units = append(units, 0)
		case '\n':
			// A line continuation adds nothing.
		case 'x':
			if i+2 > len(raw) {
				return "", false
			}
			v, err := strconv.ParseUint(raw[i:i+2], 16, 8)
			if err != nil {
				return "", false
			}
			units = append(units, uint16(v))
			i += 2
		case 'u':
			var hex string
			if i < len(raw) && raw[i] == '{' {
				end := strings.IndexByte(raw[i:], '}')
				if end < 0 {
					return "", false
				}
				hex, i = raw[i+1:i+end], i+end+1
			} else {
				if i+4 > len(raw) {
					return "", false
				}
				hex, i = raw[i:i+4], i+4
			}
			v, err := strconv.ParseUint(hex, 16, 32)
			if err != nil || v > 0x10FFFF {
				return "", false
			}
			if v >= 0x10000 {
				units = utf16.AppendRune(units, rune(v))
			} else {
				units = append(units, uint16(v))
			}
		default:
			r, n := utf8.DecodeRuneInString(raw[i-1:])
			units = utf16.AppendRune(units, r)
			i += n - 1
		}
	}
	// Pairs of surrogates decode to one rune; a lone one is ill-formed.
	var b strings.Builder
	for k := 0; k < len(units); k++ {
		u := units[k]
		switch {
		case utf16.IsSurrogate(rune(u)):
			if u >= 0xDC00 || k+1 >= len(units) || units[k+1] < 0xDC00 || units[k+1] > 0xDFFF {
				return "", false
			}
			b.WriteRune(utf16.DecodeRune(rune(u), rune(units[k+1])))
			k++
		default:
			b.WriteRune(rune(u))
		}
	}
	return b.String(), true
}

// skipTemplate skips template text from i up to the closing backquote or
// a ${, whose brace depth it pushes.
func skipTemplate(src string, i int, braces *[]int, depth int) int {
	for i < len(src) {
		switch src[i] {
		case '\\':
			i += 2
			continue
		case '`':
			return i + 1
		case '$':
			if i+1 < len(src) && src[i+1] == '{' {
				*braces = append(*braces, depth)
				return i + 2
			}
		}
		i++
	}
	return i
}

func skipRegexp(src string, i int) int {
	inClass := false
	for i < len(src) {
		switch src[i] {
		case '\\':
			i += 2
			continue
		case '[':
			inClass = true
		case ']':
			inClass = false
		case '\n':
			return i
		case '/':
			if !inClass {
				i++
				for i < len(src) && isIdentPart(src[i]) {
					i++
				}
				return i
			}
		}
		i++
	}
	return i
}
