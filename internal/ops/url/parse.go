// Package url implements the url binding: WHATWG URL parsing and
// serialization (https://url.spec.whatwg.org/) in Go. One call parses a URL
// and stores its href and components (as strings sliced from the href) into
// an array the JS URL class keeps; setters go through Go the same way.
// Common inputs take a fast path (fast.go) that writes the href directly;
// everything else runs the standard's state machine (basicParse).
package url

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Record is a parsed URL: the URL record of the standard.
type Record struct {
	Scheme   string
	Username string
	Password string
	HasHost  bool // false: host is null
	Host     string
	Port     int // -1: null

	Opaque     bool     // the path is an opaque path (Path holds one item)
	Path       []string // path segments
	HasQuery   bool
	Query      string
	HasFrag    bool
	Fragment   string
	pathSerial string
}

type state int

const (
	noOverride state = iota
	schemeStartState
	schemeState
	noSchemeState
	specialRelativeOrAuthorityState
	pathOrAuthorityState
	relativeState
	relativeSlashState
	specialAuthoritySlashesState
	specialAuthorityIgnoreSlashesState
	authorityState
	hostState
	hostnameState
	portState
	fileState
	fileSlashState
	fileHostState
	pathStartState
	pathState
	opaquePathState
	queryState
	fragmentState
)

var specialPorts = map[string]int{
	"ftp": 21, "file": -1, "http": 80, "https": 443, "ws": 80, "wss": 443,
}

// IsSpecial reports whether scheme is one of the special schemes.
func IsSpecial(scheme string) bool {
	_, ok := specialPorts[scheme]
	return ok
}

// DefaultPort returns the default port of a special scheme, or -1.
func DefaultPort(scheme string) int {
	if p, ok := specialPorts[scheme]; ok {
		return p
	}
	return -1
}

// Percent-encode sets.
func inC0Control(c rune) bool { return c < 0x20 || c > 0x7E }
func inFragment(c rune) bool {
	return inC0Control(c) || c == ' ' || c == '"' || c == '<' || c == '>' || c == '`'
}
func inQuery(c rune) bool {
	return inC0Control(c) || c == ' ' || c == '"' || c == '#' || c == '<' || c == '>'
}
func inSpecialQuery(c rune) bool { return inQuery(c) || c == '\'' }
func inPath(c rune) bool {
	return inQuery(c) || c == '?' || c == '^' || c == '`' || c == '{' || c == '}'
}
func inUserinfo(c rune) bool {
	return inPath(c) || c == '/' || c == ':' || c == ';' || c == '=' || c == '@' ||
		(c >= '[' && c <= ']') || c == '|'
}

// InComponent is the component percent-encode set (encodeURIComponent-like).
func InComponent(c rune) bool {
	return inUserinfo(c) || c == '$' || c == '%' || c == '&' || c == '+' || c == ','
}

// InFormURLEncoded is the application/x-www-form-urlencoded set.
func InFormURLEncoded(c rune) bool {
	return InComponent(c) || c == '!' || (c >= '\'' && c <= ')') || c == '~'
}

const upperHex = "0123456789ABCDEF"

func appendEncoded(b *strings.Builder, c rune, set func(rune) bool) {
	if !set(c) {
		b.WriteRune(c)
		return
	}
	var buf [4]byte
	n := utf8.EncodeRune(buf[:], c)
	for _, x := range buf[:n] {
		b.WriteByte('%')
		b.WriteByte(upperHex[x>>4])
		b.WriteByte(upperHex[x&15])
	}
}

// PercentEncode encodes every code point of s that is in set.
func PercentEncode(s string, set func(rune) bool) string {
	var b strings.Builder
	for _, c := range s {
		appendEncoded(&b, c, set)
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}

// PercentDecode decodes %XX sequences of s into bytes.
func PercentDecode(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			out = append(out, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		out = append(out, s[i])
	}
	return out
}

func isASCIIAlpha(c rune) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isASCIIDigit(c rune) bool { return c >= '0' && c <= '9' }
func isASCIIAlnum(c rune) bool { return isASCIIAlpha(c) || isASCIIDigit(c) }
func isASCIIHexR(c rune) bool  { return c < 128 && isHex(byte(c)) }

func lower(c rune) rune {
	if c >= 'A' && c <= 'Z' {
		return c + 32
	}
	return c
}

func isWindowsDriveLetter(s []rune, normalizedOnly bool) bool {
	if len(s) != 2 || !isASCIIAlpha(s[0]) {
		return false
	}
	return s[1] == ':' || (!normalizedOnly && s[1] == '|')
}

func isWindowsDriveLetterStr(s string, normalizedOnly bool) bool {
	return isWindowsDriveLetter([]rune(s), normalizedOnly)
}

func startsWithWindowsDriveLetter(s []rune) bool {
	if len(s) < 2 || !isWindowsDriveLetter(s[:2], false) {
		return false
	}
	if len(s) == 2 {
		return true
	}
	switch s[2] {
	case '/', '\\', '?', '#':
		return true
	}
	return false
}

func isSingleDot(s string) bool {
	return s == "." || strings.EqualFold(s, "%2e")
}

func isDoubleDot(s string) bool {
	switch strings.ToLower(s) {
	case "..", ".%2e", "%2e.", "%2e%2e":
		return true
	}
	return false
}

func (u *Record) shortenPath() {
	if u.Scheme == "file" && len(u.Path) == 1 && isWindowsDriveLetterStr(u.Path[0], true) {
		return
	}
	if len(u.Path) > 0 {
		u.Path = u.Path[:len(u.Path)-1]
	}
}

func (u *Record) includesCredentials() bool { return u.Username != "" || u.Password != "" }

func (u *Record) clone() *Record {
	c := *u
	c.Path = append([]string(nil), u.Path...)
	return &c
}

// Parse runs the basic URL parser on input against an optional base.
// It returns nil on failure.
func Parse(input string, base *Record) *Record {
	u := &Record{Port: -1}
	if !basicParse(input, base, u, noOverride) {
		return nil
	}
	return u
}

func trimControlAndSpace(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return r <= 0x20 })
}

func removeTabNewline(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, s)
}

// basicParse implements the basic URL parser. With a state override it
// modifies u in place and reports failure only when the standard returns
// failure; "return" without change counts as success.
func basicParse(input string, base *Record, u *Record, override state) bool {
	if override == noOverride {
		input = trimControlAndSpace(input)
	}
	input = removeTabNewline(input)
	in := []rune(input)
	st := override
	if st == noOverride {
		st = schemeStartState
	}
	var buf strings.Builder
	atSignSeen, insideBrackets, passwordTokenSeen := false, false, false
	const eof = rune(-1)
	at := func(i int) rune {
		if i < len(in) {
			return in[i]
		}
		return eof
	}
	remaining := func(p int) []rune {
		if p+1 <= len(in) {
			return in[p+1:]
		}
		return nil
	}
	for p := 0; ; p++ {
		c := at(p)
		switch st {
		case schemeStartState:
			if isASCIIAlpha(c) {
				buf.WriteRune(lower(c))
				st = schemeState
			} else if override == noOverride {
				st = noSchemeState
				p--
			} else {
				return false
			}
		case schemeState:
			if isASCIIAlnum(c) || c == '+' || c == '-' || c == '.' {
				buf.WriteRune(lower(c))
			} else if c == ':' {
				bs := buf.String()
				if override != noOverride {
					if IsSpecial(u.Scheme) != IsSpecial(bs) {
						return true
					}
					if (u.includesCredentials() || u.Port != -1) && bs == "file" {
						return true
					}
					if u.Scheme == "file" && u.HasHost && u.Host == "" {
						return true
					}
				}
				u.Scheme = bs
				if override != noOverride {
					if u.Port == DefaultPort(u.Scheme) {
						u.Port = -1
					}
					return true
				}
				buf.Reset()
				rem := remaining(p)
				if u.Scheme == "file" {
					st = fileState
				} else if IsSpecial(u.Scheme) && base != nil && base.Scheme == u.Scheme {
					st = specialRelativeOrAuthorityState
				} else if IsSpecial(u.Scheme) {
					st = specialAuthoritySlashesState
				} else if len(rem) > 0 && rem[0] == '/' {
					st = pathOrAuthorityState
					p++
				} else {
					u.Opaque = true
					u.Path = []string{""}
					st = opaquePathState
				}
			} else if override == noOverride {
				buf.Reset()
				st = noSchemeState
				p = -1
			} else {
				return false
			}
		case noSchemeState:
			if base == nil || (base.Opaque && c != '#') {
				return false
			} else if base.Opaque && c == '#' {
				u.Scheme = base.Scheme
				u.Path = append([]string(nil), base.Path...)
				u.Opaque = true
				u.HasQuery, u.Query = base.HasQuery, base.Query
				u.HasFrag, u.Fragment = true, ""
				st = fragmentState
			} else if base.Scheme != "file" {
				st = relativeState
				p--
			} else {
				st = fileState
				p--
			}
		case specialRelativeOrAuthorityState:
			if c == '/' && at(p+1) == '/' {
				st = specialAuthorityIgnoreSlashesState
				p++
			} else {
				st = relativeState
				p--
			}
		case pathOrAuthorityState:
			if c == '/' {
				st = authorityState
			} else {
				st = pathState
				p--
			}
		case relativeState:
			u.Scheme = base.Scheme
			if c == '/' {
				st = relativeSlashState
			} else if IsSpecial(u.Scheme) && c == '\\' {
				st = relativeSlashState
			} else {
				u.Username, u.Password = base.Username, base.Password
				u.HasHost, u.Host, u.Port = base.HasHost, base.Host, base.Port
				u.Path = append([]string(nil), base.Path...)
				u.HasQuery, u.Query = base.HasQuery, base.Query
				if c == '?' {
					u.HasQuery, u.Query = true, ""
					st = queryState
				} else if c == '#' {
					u.HasFrag, u.Fragment = true, ""
					st = fragmentState
				} else if c != eof {
					u.HasQuery, u.Query = false, ""
					u.shortenPath()
					st = pathState
					p--
				}
			}
		case relativeSlashState:
			if IsSpecial(u.Scheme) && (c == '/' || c == '\\') {
				st = specialAuthorityIgnoreSlashesState
			} else if c == '/' {
				st = authorityState
			} else {
				u.Username, u.Password = base.Username, base.Password
				u.HasHost, u.Host, u.Port = base.HasHost, base.Host, base.Port
				st = pathState
				p--
			}
		case specialAuthoritySlashesState:
			if c == '/' && at(p+1) == '/' {
				st = specialAuthorityIgnoreSlashesState
				p++
			} else {
				st = specialAuthorityIgnoreSlashesState
				p--
			}
		case specialAuthorityIgnoreSlashesState:
			if c != '/' && c != '\\' {
				st = authorityState
				p--
			}
		case authorityState:
			if c == '@' {
				bs := buf.String()
				if atSignSeen {
					bs = "%40" + bs
				}
				atSignSeen = true
				for _, cp := range bs {
					if cp == ':' && !passwordTokenSeen {
						passwordTokenSeen = true
						continue
					}
					var eb strings.Builder
					appendEncoded(&eb, cp, inUserinfo)
					if passwordTokenSeen {
						u.Password += eb.String()
					} else {
						u.Username += eb.String()
					}
				}
				buf.Reset()
			} else if c == eof || c == '/' || c == '?' || c == '#' || (IsSpecial(u.Scheme) && c == '\\') {
				if atSignSeen && buf.Len() == 0 {
					return false
				}
				p -= utf8.RuneCountInString(buf.String()) + 1
				buf.Reset()
				st = hostState
			} else {
				buf.WriteRune(c)
			}
		case hostState, hostnameState:
			if override != noOverride && u.Scheme == "file" {
				p--
				st = fileHostState
			} else if c == ':' && !insideBrackets {
				if buf.Len() == 0 {
					return false
				}
				if override == hostnameState {
					return false
				}
				h, ok := parseHost(buf.String(), !IsSpecial(u.Scheme))
				if !ok {
					return false
				}
				u.HasHost, u.Host = true, h
				buf.Reset()
				st = portState
			} else if c == eof || c == '/' || c == '?' || c == '#' || (IsSpecial(u.Scheme) && c == '\\') {
				p--
				if IsSpecial(u.Scheme) && buf.Len() == 0 {
					return false
				} else if override != noOverride && buf.Len() == 0 && (u.includesCredentials() || u.Port != -1) {
					return false
				}
				h, ok := parseHost(buf.String(), !IsSpecial(u.Scheme))
				if !ok {
					return false
				}
				u.HasHost, u.Host = true, h
				buf.Reset()
				st = pathStartState
				if override != noOverride {
					return true
				}
			} else {
				if c == '[' {
					insideBrackets = true
				}
				if c == ']' {
					insideBrackets = false
				}
				buf.WriteRune(c)
			}
		case portState:
			if isASCIIDigit(c) {
				buf.WriteRune(c)
			} else if c == eof || c == '/' || c == '?' || c == '#' || (IsSpecial(u.Scheme) && c == '\\') || override != noOverride {
				if buf.Len() != 0 {
					digits := strings.TrimLeft(buf.String(), "0")
					if len(digits) > 5 {
						return false
					}
					n, _ := strconv.Atoi("0" + digits)
					if n > 65535 {
						return false
					}
					if n == DefaultPort(u.Scheme) {
						u.Port = -1
					} else {
						u.Port = n
					}
					buf.Reset()
				}
				if override != noOverride {
					return true
				}
				st = pathStartState
				p--
			} else {
				return false
			}
		case fileState:
			u.Scheme = "file"
			u.HasHost, u.Host = true, ""
			if c == '/' || c == '\\' {
				st = fileSlashState
			} else if base != nil && base.Scheme == "file" {
				u.HasHost, u.Host = base.HasHost, base.Host
				u.Path = append([]string(nil), base.Path...)
				u.HasQuery, u.Query = base.HasQuery, base.Query
				if c == '?' {
					u.HasQuery, u.Query = true, ""
					st = queryState
				} else if c == '#' {
					u.HasFrag, u.Fragment = true, ""
					st = fragmentState
				} else if c != eof {
					u.HasQuery, u.Query = false, ""
					if !startsWithWindowsDriveLetter(in[p:]) {
						u.shortenPath()
					} else {
						u.Path = nil
					}
					st = pathState
					p--
				}
			} else {
				st = pathState
				p--
			}
		case fileSlashState:
			if c == '/' || c == '\\' {
				st = fileHostState
			} else {
				if base != nil && base.Scheme == "file" {
					u.HasHost, u.Host = base.HasHost, base.Host
					if !startsWithWindowsDriveLetter(in[min(p, len(in)):]) && len(base.Path) > 0 && isWindowsDriveLetterStr(base.Path[0], true) {
						u.Path = append(u.Path, base.Path[0])
					}
				}
				st = pathState
				p--
			}
		case fileHostState:
			if c == eof || c == '/' || c == '\\' || c == '?' || c == '#' {
				p--
				bs := buf.String()
				if override == noOverride && isWindowsDriveLetterStr(bs, false) {
					st = pathState
				} else if bs == "" {
					u.HasHost, u.Host = true, ""
					if override != noOverride {
						return true
					}
					st = pathStartState
				} else {
					h, ok := parseHost(bs, !IsSpecial(u.Scheme))
					if !ok {
						return false
					}
					if h == "localhost" {
						h = ""
					}
					u.HasHost, u.Host = true, h
					if override != noOverride {
						return true
					}
					buf.Reset()
					st = pathStartState
				}
			} else {
				buf.WriteRune(c)
			}
		case pathStartState:
			if IsSpecial(u.Scheme) {
				st = pathState
				if c != '/' && c != '\\' {
					p--
				}
			} else if override == noOverride && c == '?' {
				u.HasQuery, u.Query = true, ""
				st = queryState
			} else if override == noOverride && c == '#' {
				u.HasFrag, u.Fragment = true, ""
				st = fragmentState
			} else if c != eof {
				st = pathState
				if c != '/' {
					p--
				}
			} else if override != noOverride && !u.HasHost {
				u.Path = append(u.Path, "")
			}
		case pathState:
			if c == eof || c == '/' || (IsSpecial(u.Scheme) && c == '\\') || (override == noOverride && (c == '?' || c == '#')) {
				bs := buf.String()
				slash := c == '/' || (IsSpecial(u.Scheme) && c == '\\')
				if isDoubleDot(bs) {
					u.shortenPath()
					if !slash {
						u.Path = append(u.Path, "")
					}
				} else if isSingleDot(bs) && !slash {
					u.Path = append(u.Path, "")
				} else if !isSingleDot(bs) {
					if u.Scheme == "file" && len(u.Path) == 0 && isWindowsDriveLetterStr(bs, false) {
						r := []rune(bs)
						bs = string(r[0]) + ":"
					}
					u.Path = append(u.Path, bs)
				}
				buf.Reset()
				if c == '?' {
					u.HasQuery, u.Query = true, ""
					st = queryState
				}
				if c == '#' {
					u.HasFrag, u.Fragment = true, ""
					st = fragmentState
				}
			} else {
				appendEncoded(&buf, c, inPath)
			}
		case opaquePathState:
			if c == '?' {
				u.HasQuery, u.Query = true, ""
				st = queryState
			} else if c == '#' {
				u.HasFrag, u.Fragment = true, ""
				st = fragmentState
			} else if c == ' ' {
				nx := at(p + 1)
				if nx == '?' || nx == '#' {
					u.Path[0] += "%20"
				} else {
					u.Path[0] += " "
				}
			} else if c != eof {
				var eb strings.Builder
				appendEncoded(&eb, c, inC0Control)
				u.Path[0] += eb.String()
			}
		case queryState:
			if (override == noOverride && c == '#') || c == eof {
				set := inQuery
				if IsSpecial(u.Scheme) {
					set = inSpecialQuery
				}
				u.Query += PercentEncode(buf.String(), set)
				buf.Reset()
				if c == '#' {
					u.HasFrag, u.Fragment = true, ""
					st = fragmentState
				}
			} else if c != eof {
				buf.WriteRune(c)
			}
		case fragmentState:
			if c != eof {
				var eb strings.Builder
				appendEncoded(&eb, c, inFragment)
				u.Fragment += eb.String()
			}
		}
		if p >= len(in) {
			break
		}
	}
	return true
}

// PathString serializes the URL's path.
func (u *Record) PathString() string {
	if u.Opaque {
		return u.Path[0]
	}
	var b strings.Builder
	for _, s := range u.Path {
		b.WriteByte('/')
		b.WriteString(s)
	}
	return b.String()
}

// Href serializes the URL.
func (u *Record) Href() string {
	var b strings.Builder
	b.WriteString(u.Scheme)
	b.WriteByte(':')
	if u.HasHost {
		b.WriteString("//")
		if u.includesCredentials() {
			b.WriteString(u.Username)
			if u.Password != "" {
				b.WriteByte(':')
				b.WriteString(u.Password)
			}
			b.WriteByte('@')
		}
		b.WriteString(u.Host)
		if u.Port != -1 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(u.Port))
		}
	} else if !u.Opaque && len(u.Path) > 1 && u.Path[0] == "" {
		b.WriteString("/.")
	}
	b.WriteString(u.PathString())
	if u.HasQuery {
		b.WriteByte('?')
		b.WriteString(u.Query)
	}
	if u.HasFrag {
		b.WriteByte('#')
		b.WriteString(u.Fragment)
	}
	return b.String()
}

// Setters, as the URL standard's API defines them. Each modifies u.

// SetProtocol implements the protocol setter.
func (u *Record) SetProtocol(v string) {
	basicParse(v+":", nil, u, schemeStartState)
}

func (u *Record) cannotHaveCredentialsOrPort() bool {
	return !u.HasHost || u.Host == "" || u.Scheme == "file"
}

// SetUsername implements the username setter.
func (u *Record) SetUsername(v string) {
	if u.cannotHaveCredentialsOrPort() {
		return
	}
	u.Username = PercentEncode(v, inUserinfo)
}

// SetPassword implements the password setter.
func (u *Record) SetPassword(v string) {
	if u.cannotHaveCredentialsOrPort() {
		return
	}
	u.Password = PercentEncode(v, inUserinfo)
}

// SetHost implements the host setter.
func (u *Record) SetHost(v string) {
	if u.Opaque {
		return
	}
	c := u.clone()
	if basicParse(v, nil, c, hostState) {
		*u = *c
	}
}

// SetHostname implements the hostname setter.
func (u *Record) SetHostname(v string) {
	if u.Opaque {
		return
	}
	c := u.clone()
	if basicParse(v, nil, c, hostnameState) {
		*u = *c
	}
}

// SetPort implements the port setter.
func (u *Record) SetPort(v string) {
	if u.cannotHaveCredentialsOrPort() {
		return
	}
	if v == "" {
		u.Port = -1
		return
	}
	c := u.clone()
	if basicParse(v, nil, c, portState) {
		*u = *c
	}
}

// SetPathname implements the pathname setter.
func (u *Record) SetPathname(v string) {
	if u.Opaque {
		return
	}
	u.Path = nil
	basicParse(v, nil, u, pathStartState)
}

// SetSearch implements the search setter.
func (u *Record) SetSearch(v string) {
	if v == "" {
		u.HasQuery, u.Query = false, ""
		u.stripTrailingSpacesFromOpaquePath()
		return
	}
	v = strings.TrimPrefix(v, "?")
	u.HasQuery, u.Query = true, ""
	basicParse(v, nil, u, queryState)
}

// SetHash implements the hash setter.
func (u *Record) SetHash(v string) {
	if v == "" {
		u.HasFrag, u.Fragment = false, ""
		u.stripTrailingSpacesFromOpaquePath()
		return
	}
	v = strings.TrimPrefix(v, "#")
	u.HasFrag, u.Fragment = true, ""
	basicParse(v, nil, u, fragmentState)
}

func (u *Record) stripTrailingSpacesFromOpaquePath() {
	if !u.Opaque || u.HasFrag || u.HasQuery {
		return
	}
	u.Path[0] = strings.TrimRight(u.Path[0], " ")
}
