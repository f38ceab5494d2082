package url

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Components is a serialized URL with the place of each component in it,
// as the JS URL class reads them: the href and, for each getter, a
// half-open byte range of the href.
type Components struct {
	Buf []byte // the href (always ASCII)

	SchemeEnd            int // index of the ':' that ends the scheme
	UserStart, UserEnd   int // username
	PassStart, PassEnd   int // password
	HostStart, HostEnd   int // hostname
	PortStart, PortEnd   int // port digits
	PathStart, PathEnd   int // pathname
	QueryStart, QueryEnd int // '?' and the query, or empty
	FragStart, FragEnd   int // '#' and the fragment, or empty

	HasHost bool
	Opaque  bool
	special bool
	file    bool
}

// Href returns the serialization.
func (f *Components) Href() string { return string(f.Buf) }

// Search returns the search getter's value: "" for a null or empty query.
func (f *Components) Search() []byte {
	if f.QueryEnd-f.QueryStart <= 1 {
		return nil
	}
	return f.Buf[f.QueryStart:f.QueryEnd]
}

// Hash returns the hash getter's value: "" for a null or empty fragment.
func (f *Components) Hash() []byte {
	if f.FragEnd-f.FragStart <= 1 {
		return nil
	}
	return f.Buf[f.FragStart:f.FragEnd]
}

// ParseComponents parses input against an optional base (itself parsed
// first) and returns the components; ok is false when either does not
// parse. buf is reused for the href when it has room.
func ParseComponents(input string, base *string, buf []byte) (f Components, ok bool) {
	return parseComponents(input, base, buf, nil)
}

// baseCache keeps the last base the fast path parsed: a program tends to
// resolve many inputs against the same base.
type baseCache struct {
	s     string
	valid bool
	c     Components
}

// parseComponents is ParseComponents with a cache for the base.
func parseComponents(input string, base *string, buf []byte, cache *baseCache) (f Components, ok bool) {
	var bf *Components
	var slowBase *Record
	if base != nil {
		if cache == nil {
			cache = &baseCache{}
		}
		if !cache.valid || cache.s != *base {
			cache.valid = fastParse(&cache.c, *base, nil)
			cache.s = *base
		}
		if cache.valid {
			bf = &cache.c
		} else if slowBase = Parse(*base, nil); slowBase == nil {
			return f, false
		}
	}
	f.Buf = buf[:0]
	if slowBase == nil && fastParse(&f, input, bf) {
		return f, true
	}
	if bf != nil {
		slowBase = Parse(*base, nil)
	}
	u := Parse(input, slowBase)
	if u == nil {
		return f, false
	}
	u.serialize(&f)
	return f, true
}

// Record converts f to a URL record.
func (f *Components) Record() *Record {
	b := f.Buf
	u := &Record{
		Scheme:   string(b[:f.SchemeEnd]),
		Username: string(b[f.UserStart:f.UserEnd]),
		Password: string(b[f.PassStart:f.PassEnd]),
		HasHost:  f.HasHost,
		Host:     string(b[f.HostStart:f.HostEnd]),
		Port:     -1,
		Opaque:   f.Opaque,
	}
	if f.PortEnd > f.PortStart {
		u.Port, _ = strconv.Atoi(string(b[f.PortStart:f.PortEnd]))
	}
	path := string(b[f.PathStart:f.PathEnd])
	if f.Opaque {
		u.Path = []string{path}
	} else if path != "" {
		u.Path = strings.Split(path[1:], "/")
	}
	if f.QueryEnd > f.QueryStart {
		u.HasQuery, u.Query = true, string(b[f.QueryStart+1:f.QueryEnd])
	}
	if f.FragEnd > f.FragStart {
		u.HasFrag, u.Fragment = true, string(b[f.FragStart+1:f.FragEnd])
	}
	return u
}

// serialize writes u into f: the href as Href makes it, and the offsets.
func (u *Record) serialize(f *Components) {
	b := append(f.Buf[:0], u.Scheme...)
	f.SchemeEnd = len(b)
	b = append(b, ':')
	f.HasHost, f.Opaque = u.HasHost, u.Opaque
	f.special = IsSpecial(u.Scheme)
	f.file = u.Scheme == "file"
	f.UserStart, f.UserEnd, f.PassStart, f.PassEnd = len(b), len(b), len(b), len(b)
	if u.HasHost {
		b = append(b, "//"...)
		if u.includesCredentials() {
			f.UserStart = len(b)
			b = append(b, u.Username...)
			f.UserEnd = len(b)
			if u.Password != "" {
				b = append(b, ':')
				f.PassStart = len(b)
				b = append(b, u.Password...)
				f.PassEnd = len(b)
			} else {
				f.PassStart, f.PassEnd = len(b), len(b)
			}
			b = append(b, '@')
		} else {
			f.UserStart, f.UserEnd, f.PassStart, f.PassEnd = len(b), len(b), len(b), len(b)
		}
	} else if !u.Opaque && len(u.Path) > 1 && u.Path[0] == "" {
		b = append(b, "/."...)
	}
	f.HostStart = len(b)
	b = append(b, u.Host...)
	f.HostEnd = len(b)
	f.PortStart, f.PortEnd = len(b), len(b)
	if u.Port != -1 {
		b = append(b, ':')
		f.PortStart = len(b)
		b = strconv.AppendInt(b, int64(u.Port), 10)
		f.PortEnd = len(b)
	}
	f.PathStart = len(b)
	if u.Opaque {
		b = append(b, u.Path[0]...)
	} else {
		for _, s := range u.Path {
			b = append(b, '/')
			b = append(b, s...)
		}
	}
	f.PathEnd = len(b)
	f.QueryStart, f.QueryEnd = len(b), len(b)
	if u.HasQuery {
		b = append(b, '?')
		b = append(b, u.Query...)
		f.QueryEnd = len(b)
	}
	f.FragStart, f.FragEnd = len(b), len(b)
	if u.HasFrag {
		b = append(b, '#')
		b = append(b, u.Fragment...)
		f.FragEnd = len(b)
	}
	f.Buf = b
}

// Percent-encode sets over printable ASCII, as bits of asciiSets.
const (
	setPath = 1 << iota
	setQuery
	setSpecialQuery
	setFragment
	setUserinfo
)

var asciiSets = func() (t [128]uint8) {
	for c := rune(0x21); c < 0x7F; c++ {
		if inPath(c) {
			t[c] |= setPath
		}
		if inQuery(c) {
			t[c] |= setQuery
		}
		if inSpecialQuery(c) {
			t[c] |= setSpecialQuery
		}
		if inFragment(c) {
			t[c] |= setFragment
		}
		if inUserinfo(c) {
			t[c] |= setUserinfo
		}
	}
	return
}()

// appendSet appends s (printable ASCII) percent-encoding the bytes in set.
func appendSet(b []byte, s string, set uint8) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if asciiSets[c]&set != 0 {
			b = append(b, '%', upperHex[c>>4], upperHex[c&15])
		} else {
			b = append(b, c)
		}
	}
	return b
}

func isAlphaByte(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isSchemeByte(c byte) bool {
	return isAlphaByte(c) || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'
}

// isPercent2e reports whether s is "%2e" in any case.
func isPercent2e(s string) bool {
	return len(s) == 3 && s[0] == '%' && s[1] == '2' && s[2]|0x20 == 'e'
}

// dotSegment classifies a path segment: 1 for a single-dot segment, 2 for
// a double-dot one, 0 otherwise (isSingleDot and isDoubleDot without
// allocating).
func dotSegment(s string) int {
	switch len(s) {
	case 1:
		if s == "." {
			return 1
		}
	case 2:
		if s == ".." {
			return 2
		}
	case 3:
		if isPercent2e(s) {
			return 1
		}
	case 4:
		if s[0] == '.' && isPercent2e(s[1:]) || s[3] == '.' && isPercent2e(s[:3]) {
			return 2
		}
	case 6:
		if isPercent2e(s[:3]) && isPercent2e(s[3:]) {
			return 2
		}
	}
	return 0
}

// defaultPortOf is DefaultPort for a scheme held in bytes.
func defaultPortOf(s []byte) int {
	switch string(s) {
	case "http", "ws":
		return 80
	case "https", "wss":
		return 443
	case "ftp":
		return 21
	}
	return -1
}

func specialScheme(s []byte) (special, file bool) {
	switch string(s) {
	case "http", "https", "ws", "wss", "ftp":
		return true, false
	case "file":
		return true, true
	}
	return false, false
}

// fastParse parses the common shapes of URL directly into f. It reports
// false when input needs the full parser, which then decides; for the
// inputs it accepts its result is the full parser's. base, when not nil,
// is a URL fastParse made.
func fastParse(f *Components, input string, base *Components) bool {
	for i := 0; i < len(input); i++ {
		if c := input[i]; c <= ' ' || c >= 0x7F || c == '\\' {
			return false
		}
	}
	// Scheme.
	n := 0
	if len(input) > 0 && isAlphaByte(input[0]) {
		for n < len(input) && isSchemeByte(input[n]) {
			n++
		}
		if n == len(input) || input[n] != ':' {
			n = 0
		}
	}
	if n == 0 {
		return fastRelative(f, input, base)
	}
	b := f.Buf[:0]
	for i := 0; i < n; i++ {
		c := input[i]
		if c >= 'A' && c <= 'Z' {
			c += 32
		}
		b = append(b, c)
	}
	f.SchemeEnd = n
	f.special, f.file = specialScheme(b)
	b = append(b, ':')
	rest := input[n+1:]
	f.UserStart, f.UserEnd, f.PassStart, f.PassEnd = len(b), len(b), len(b), len(b)
	f.HasHost, f.Opaque = false, false
	if !f.special {
		if len(rest) > 0 && rest[0] == '/' {
			return false
		}
		// Opaque path: printable ASCII needs no encoding.
		f.Opaque = true
		f.HostStart, f.HostEnd, f.PortStart, f.PortEnd = len(b), len(b), len(b), len(b)
		f.PathStart = len(b)
		end := strings.IndexAny(rest, "?#")
		if end < 0 {
			end = len(rest)
		}
		b = append(b, rest[:end]...)
		f.PathEnd = len(b)
		f.Buf = b
		return f.queryFragment(rest[end:])
	}
	// "//" then the authority (for file, the host), and no more slashes
	// (the full parser skips them).
	if len(rest) < 3 || rest[0] != '/' || rest[1] != '/' || (rest[2] == '/' && !f.file) {
		return false
	}
	rest = rest[2:]
	f.HasHost = true
	b = append(b, "//"...)
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	auth := rest[:end]
	rest = rest[end:]
	if f.file {
		if auth != "" {
			return false
		}
		f.HostStart, f.HostEnd, f.PortStart, f.PortEnd = len(b), len(b), len(b), len(b)
	} else {
		if at := strings.LastIndexByte(auth, '@'); at >= 0 {
			user := auth[:at]
			auth = auth[at+1:]
			pass := ""
			if c := strings.IndexByte(user, ':'); c >= 0 {
				user, pass = user[:c], user[c+1:]
			}
			if user != "" || pass != "" {
				f.UserStart = len(b)
				b = appendSet(b, user, setUserinfo)
				f.UserEnd = len(b)
				f.PassStart, f.PassEnd = len(b), len(b)
				if pass != "" {
					b = append(b, ':')
					f.PassStart = len(b)
					b = appendSet(b, pass, setUserinfo)
					f.PassEnd = len(b)
				}
				b = append(b, '@')
			}
		}
		host, port := auth, ""
		hasPort := false
		if c := strings.IndexByte(auth, ':'); c >= 0 {
			host, port, hasPort = auth[:c], auth[c+1:], true
		}
		if host == "" || host[0] == '[' {
			return false
		}
		f.HostStart = len(b)
		var ok bool
		if b, ok = appendHost(b, host); !ok {
			return false
		}
		f.HostEnd = len(b)
		f.PortStart, f.PortEnd = len(b), len(b)
		if hasPort && port != "" {
			v := 0
			digits := strings.TrimLeft(port, "0")
			if len(digits) > 5 {
				return false
			}
			for i := 0; i < len(port); i++ {
				if port[i] < '0' || port[i] > '9' {
					return false
				}
			}
			for i := 0; i < len(digits); i++ {
				v = v*10 + int(digits[i]-'0')
			}
			if v > 65535 {
				return false
			}
			if v != defaultPortOf(b[:f.SchemeEnd]) {
				b = append(b, ':')
				f.PortStart = len(b)
				b = strconv.AppendInt(b, int64(v), 10)
				f.PortEnd = len(b)
			}
		}
	}
	f.PathStart = len(b)
	f.Buf = b
	if len(rest) > 0 && rest[0] == '/' {
		rest = rest[1:]
	}
	return f.path(rest)
}

// appendHost appends the serialization of a special URL's host, for the
// hosts that are plainly ASCII domains (else the host parser decides).
func appendHost(b []byte, host string) ([]byte, bool) {
	start := len(b)
	plain := true
	labelStart := true
	for i := 0; i < len(host); i++ {
		c := host[i]
		switch {
		case c >= 'a' && c <= 'z':
		case c >= 'A' && c <= 'Z':
			c += 32
		case c >= '0' && c <= '9':
			if labelStart && isLastLabel(host, i) {
				plain = false
			}
		case c == '-' || c == '_':
		case c == '.':
			if labelStart {
				plain = false // an empty label
			}
		default:
			plain = false
		}
		if labelStart && (c == 'x' || c == 'X') && i+3 < len(host) && host[i+1]|0x20 == 'n' && host[i+2] == '-' && host[i+3] == '-' {
			plain = false
		}
		if !plain {
			break
		}
		b = append(b, c)
		labelStart = c == '.'
	}
	if plain && !labelStart {
		return b, true
	}
	h, ok := parseHost(host, false)
	if !ok {
		return b, false
	}
	return append(b[:start], h...), true
}

// isLastLabel reports whether the label starting at i is the last one of
// host (ignoring one trailing dot).
func isLastLabel(host string, i int) bool {
	j := strings.IndexByte(host[i:], '.')
	return j < 0 || i+j == len(host)-1
}

// path parses a hierarchical path (up to '?', '#' or the end of s) onto
// the path in f.Buf from f.PathStart, then the query and fragment.
func (f *Components) path(s string) bool {
	j, ok := f.pathSegments(s)
	return ok && f.queryFragment(s[j:])
}

// pathSegments parses the path of path and returns where it ends in s.
func (f *Components) pathSegments(s string) (int, bool) {
	b := f.Buf
	i := 0
	for {
		j := i
		for j < len(s) && s[j] != '/' && s[j] != '?' && s[j] != '#' {
			j++
		}
		seg := s[i:j]
		slash := j < len(s) && s[j] == '/'
		switch dotSegment(seg) {
		case 2:
			if k := lastSlash(b, f.PathStart); k >= 0 {
				b = b[:k]
			}
			if !slash {
				b = append(b, '/')
			}
		case 1:
			if !slash {
				b = append(b, '/')
			}
		default:
			if f.file && len(seg) == 2 && isAlphaByte(seg[0]) && (seg[1] == ':' || seg[1] == '|') {
				return 0, false
			}
			b = append(b, '/')
			b = appendSet(b, seg, setPath)
		}
		if !slash {
			f.PathEnd = len(b)
			f.Buf = b
			return j, true
		}
		i = j + 1
	}
}

// lastSlash returns the index of the last '/' in b at or after from, or -1.
func lastSlash(b []byte, from int) int {
	for k := len(b) - 1; k >= from; k-- {
		if b[k] == '/' {
			return k
		}
	}
	return -1
}

// queryFragment parses s, empty or starting with '?' or '#', as the query
// and fragment.
func (f *Components) queryFragment(s string) bool {
	b := f.Buf
	f.QueryStart, f.QueryEnd = len(b), len(b)
	if len(s) > 0 && s[0] == '?' {
		end := strings.IndexByte(s, '#')
		if end < 0 {
			end = len(s)
		}
		set := uint8(setQuery)
		if f.special {
			set = setSpecialQuery
		}
		b = appendSet(b, s[:end], set)
		f.QueryEnd = len(b)
		s = s[end:]
	}
	f.FragStart, f.FragEnd = len(b), len(b)
	if len(s) > 0 {
		b = append(b, '#')
		b = appendSet(b, s[1:], setFragment)
		f.FragEnd = len(b)
	}
	f.Buf = b
	return true
}

// fastRelative resolves a scheme-less input against a hierarchical
// special base.
func fastRelative(f *Components, input string, base *Components) bool {
	if base == nil || base.Opaque || !base.special || !base.HasHost {
		return false
	}
	if len(input) >= 2 && input[0] == '/' && input[1] == '/' {
		return false
	}
	*f = Components{
		Buf:       f.Buf[:0],
		SchemeEnd: base.SchemeEnd,
		UserStart: base.UserStart, UserEnd: base.UserEnd,
		PassStart: base.PassStart, PassEnd: base.PassEnd,
		HostStart: base.HostStart, HostEnd: base.HostEnd,
		PortStart: base.PortStart, PortEnd: base.PortEnd,
		PathStart: base.PathStart,
		HasHost:   true,
		special:   true,
		file:      base.file,
	}
	switch {
	case input == "":
		f.Buf = append(f.Buf, base.Buf[:base.FragStart]...)
		f.PathEnd = base.PathEnd
		f.QueryStart, f.QueryEnd = base.QueryStart, base.QueryEnd
		f.FragStart, f.FragEnd = len(f.Buf), len(f.Buf)
		return true
	case input[0] == '?' || input[0] == '#':
		end := base.PathEnd
		if input[0] == '#' {
			end = base.QueryEnd
		}
		f.Buf = append(f.Buf, base.Buf[:end]...)
		f.PathEnd = base.PathEnd
		if input[0] == '#' {
			f.QueryStart, f.QueryEnd = base.QueryStart, base.QueryEnd
			f.FragStart = len(f.Buf)
			f.Buf = append(f.Buf, '#')
			f.Buf = appendSet(f.Buf, input[1:], setFragment)
			f.FragEnd = len(f.Buf)
			return true
		}
		return f.queryFragment(input)
	case input[0] == '/':
		f.Buf = append(f.Buf, base.Buf[:base.PathStart]...)
		return f.path(input[1:])
	}
	// A path relative to the base's directory.
	f.Buf = append(f.Buf, base.Buf[:base.PathEnd]...)
	if k := lastSlash(f.Buf, f.PathStart); k >= 0 {
		f.Buf = f.Buf[:k]
	}
	return f.path(input)
}

// appendPercentEncoded appends s percent-encoding the code points in set
// (PercentEncode without the intermediate string).
func appendPercentEncoded(b []byte, s string, set func(rune) bool) []byte {
	for _, c := range s {
		if c < 0x80 && !set(c) {
			b = append(b, byte(c))
			continue
		}
		var buf [4]byte
		n := utf8.EncodeRune(buf[:], c)
		for _, x := range buf[:n] {
			b = append(b, '%', upperHex[x>>4], upperHex[x&15])
		}
	}
	return b
}

// setFast applies the pathname, search or hash setter (act) with value v
// to f, a hierarchical URL fastParse made, writing the result's href into
// out. It reports false when the full setter must decide.
func setFast(f *Components, act int, v string, out []byte) (Components, bool) {
	g := *f
	switch act {
	case actSearch:
		g.Buf = append(out[:0], f.Buf[:f.PathEnd]...)
		g.QueryStart = len(g.Buf)
		if v != "" {
			v = removeTabNewline(strings.TrimPrefix(v, "?"))
			set := inQuery
			if f.special {
				set = inSpecialQuery
			}
			g.Buf = append(g.Buf, '?')
			g.Buf = appendPercentEncoded(g.Buf, v, set)
		}
		g.QueryEnd = len(g.Buf)
		g.FragStart = len(g.Buf)
		g.Buf = append(g.Buf, f.Buf[f.FragStart:f.FragEnd]...)
		g.FragEnd = len(g.Buf)
		return g, true
	case actHash:
		g.Buf = append(out[:0], f.Buf[:f.FragStart]...)
		g.FragStart = len(g.Buf)
		if v != "" {
			v = removeTabNewline(strings.TrimPrefix(v, "#"))
			g.Buf = append(g.Buf, '#')
			g.Buf = appendPercentEncoded(g.Buf, v, inFragment)
		}
		g.FragEnd = len(g.Buf)
		return g, true
	case actPathname:
		v = removeTabNewline(v)
		for i := 0; i < len(v); i++ {
			if c := v[i]; c <= ' ' || c >= 0x7F || c == '\\' || c == '?' || c == '#' {
				return g, false
			}
		}
		g.Buf = append(out[:0], f.Buf[:f.PathStart]...)
		if len(v) > 0 && v[0] == '/' {
			v = v[1:]
		}
		if _, ok := g.pathSegments(v); !ok {
			return g, false
		}
		g.QueryStart = len(g.Buf)
		g.Buf = append(g.Buf, f.Buf[f.QueryStart:f.QueryEnd]...)
		g.QueryEnd = len(g.Buf)
		g.FragStart = len(g.Buf)
		g.Buf = append(g.Buf, f.Buf[f.FragStart:f.FragEnd]...)
		g.FragEnd = len(g.Buf)
		return g, true
	}
	return g, false
}
