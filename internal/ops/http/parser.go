// Package http implements the http_parser binding: an incremental
// HTTP/1.1 parser for requests and responses, fed bytes by lib/_http_*.js.
//
// The parser is pure Go (Parser) and knows nothing of JS; the binding
// (binding.go) wraps it so that one call from JS parses a whole buffer and
// returns every event found in it as one flat array.
package http

import (
	"bytes"
	"strconv"
	"strings"
)

// Kind says what a parser reads.
type Kind int

// Parser kinds.
const (
	Request  Kind = 0
	Response Kind = 1
)

// DefaultMaxHeaderSize is node's default --max-http-header-size.
const DefaultMaxHeaderSize = 16 << 10

// Error is a parse error with llhttp's code and reason.
type Error struct {
	Code   string // HPE_*
	Reason string
	Offset int // bytes of the failing buffer consumed before the error
}

func (e *Error) Error() string { return "Parse Error: " + e.Reason }

// Head is a parsed start line and header block.
type Head struct {
	Method     string // requests
	URL        string // requests
	Status     int    // responses
	Reason     string // responses
	Major      int
	Minor      int
	RawHeaders []string // name, value, name, value... as received
	KeepAlive  bool
	Upgrade    bool
	HasHost    bool // a Host header is present (any case)
	HasExpect  bool // an Expect header is present (any case)
}

// Handler receives the events of Execute, in order.
type Handler interface {
	// OnHead is called when a message's head is complete.
	OnHead(h *Head)
	// OnBody is called for each piece of body data: data[start:end] of
	// the buffer passed to Execute.
	OnBody(start, end int)
	// OnComplete is called when a message is complete; trailers holds
	// raw trailer pairs, or nil.
	OnComplete(trailers []string)
}

type state int

const (
	stHead state = iota
	stBodyLength
	stChunkSize
	stChunkData
	stChunkDataEnd
	stTrailers
	stBodyEOF
	stPaused
	stError
)

// Flags change how the next response is read.
const (
	// FlagHeadResponse says the request was HEAD: the response has no body.
	FlagHeadResponse = 1
	// FlagConnectResponse says the request was CONNECT: a 2xx response
	// ends the HTTP stream.
	FlagConnectResponse = 2
)

// Parser is an incremental HTTP/1.x parser.
type Parser struct {
	kind          Kind
	MaxHeaderSize int
	// Lenient accepts obsolete line folding in headers (node's
	// insecureHTTPParser).
	Lenient bool
	// Flags are FlagHeadResponse and FlagConnectResponse, read at each
	// response head.
	Flags int

	st        state
	buf       []byte // partial head, chunk-size line or trailers
	remaining int64
	keepAlive bool
	upgrade   bool
	pendBody  state // body state to enter when resumed after a pause
	err       *Error
	// The counted size of the complete lines of an incomplete head in
	// buf (see partialHeadSize): their total, where the next line starts,
	// and whether the first line is among them.
	hsDone, hsLine int
	hsFirstDone    bool
}

// NewParser makes a parser of kind.
func NewParser(kind Kind, maxHeaderSize int) *Parser {
	if maxHeaderSize <= 0 {
		maxHeaderSize = DefaultMaxHeaderSize
	}
	return &Parser{kind: kind, MaxHeaderSize: maxHeaderSize}
}

// Reset makes p ready to read a fresh stream.
func (p *Parser) Reset(kind Kind) {
	p.kind = kind
	p.st = stHead
	p.clearHead()
	p.err = nil
	p.Flags = 0
}

// Paused reports whether the parser stopped after an upgrade or CONNECT
// head: the rest of the stream is not HTTP.
func (p *Parser) Paused() bool { return p.st == stPaused }

// The header size limit counts what llhttp counts: the URL (or a
// response's reason phrase) and the header names and values, without the
// method, the version, the separators and the line ends. A complete head
// over it fails; so does an incomplete one as soon as what it holds
// already counts that much (partialHeadSize). No head of a size within
// the limit takes more than rawLimit bytes ("a:\r\n" is four bytes for
// one counted), which bounds a head found in one buffer.
func (p *Parser) rawLimit() int { return 4*p.MaxHeaderSize + 64 }

// clearHead empties the saved part of a head.
func (p *Parser) clearHead() {
	p.buf = p.buf[:0]
	p.hsDone, p.hsLine, p.hsFirstDone = 0, 0, false
}

// partialHeadSize counts the bytes of the incomplete head in p.buf as
// headSize would (an unfinished request line counts all of its URL part).
// Complete lines are counted once (p.hsDone up to p.hsLine); only the
// unfinished last line is looked at again on the next call.
func (p *Parser) partialHeadSize() int {
	b := p.buf
	for {
		e := bytes.IndexByte(b[p.hsLine:], '\n')
		if e < 0 {
			break
		}
		p.hsDone += p.lineSize(b[p.hsLine : p.hsLine+e])
		p.hsLine += e + 1
		p.hsFirstDone = true
	}
	return p.hsDone + p.lineSize(b[p.hsLine:])
}

// lineSize counts one head line (without its LF) as headSize does.
func (p *Parser) lineSize(l []byte) int {
	if n := len(l); n > 0 && l[n-1] == '\r' {
		l = l[:n-1]
	}
	if !p.hsFirstDone {
		// The URL of a request line, the reason of a status line.
		sp := bytes.IndexByte(l, ' ')
		if sp < 0 {
			return 0
		}
		rest := l[sp+1:]
		if p.kind == Response {
			if sp2 := bytes.IndexByte(rest, ' '); sp2 >= 0 {
				return len(rest) - sp2 - 1
			}
			return 0
		}
		if sp2 := bytes.LastIndexByte(rest, ' '); sp2 >= 0 {
			return sp2
		}
		return len(rest)
	}
	c := bytes.IndexByte(l, ':')
	if c < 0 {
		return len(l)
	}
	v := l[c+1:]
	for len(v) > 0 && (v[0] == ' ' || v[0] == '\t') {
		v = v[1:]
	}
	for len(v) > 0 && (v[len(v)-1] == ' ' || v[len(v)-1] == '\t') {
		v = v[:len(v)-1]
	}
	return c + len(v)
}

// headSize is the size of hd as the header limit counts it.
func headSize(hd *Head) int {
	n := len(hd.URL) + len(hd.Reason)
	for _, s := range hd.RawHeaders {
		n += len(s)
	}
	return n
}

// MidHead reports whether p holds the first bytes of a head it has not
// finished reading.
func (p *Parser) MidHead() bool { return p.st == stHead && len(p.buf) > 0 }

// Resume continues a paused parser as if the message were not an upgrade:
// its body (if any) is read as HTTP.
func (p *Parser) Resume() {
	if p.st == stPaused {
		p.st = p.pendBody
		p.upgrade = false
	}
}

// Execute parses data, calling h for each event. It returns the number
// of bytes consumed: less than len(data) only when the parser paused for
// an upgrade (the rest belongs to the new protocol) or failed.
func (p *Parser) Execute(data []byte, h Handler) (int, *Error) {
	if p.st == stError {
		return 0, p.err
	}
	i := 0
	for i < len(data) {
		switch p.st {
		case stPaused:
			return i, nil
		case stHead:
			n, err := p.readHead(data, i, h)
			if err != nil {
				return p.fail(err, n)
			}
			i = n
		case stBodyLength:
			n := int64(len(data) - i)
			if n > p.remaining {
				n = p.remaining
			}
			h.OnBody(i, i+int(n))
			i += int(n)
			p.remaining -= n
			if p.remaining == 0 {
				p.complete(h, nil)
			}
		case stBodyEOF:
			h.OnBody(i, len(data))
			i = len(data)
		case stChunkSize, stTrailers, stChunkDataEnd:
			n, err := p.readLine(data, i, h)
			if err != nil {
				return p.fail(err, n)
			}
			i = n
		case stChunkData:
			n := int64(len(data) - i)
			if n > p.remaining {
				n = p.remaining
			}
			h.OnBody(i, i+int(n))
			i += int(n)
			p.remaining -= n
			if p.remaining == 0 {
				p.st = stChunkDataEnd
			}
		}
	}
	return i, nil
}

// Finish tells the parser the stream ended. A body read until EOF is
// then complete; a message cut short is an error.
func (p *Parser) Finish(h Handler) *Error {
	switch p.st {
	case stBodyEOF:
		p.complete(h, nil)
		return nil
	case stHead:
		if len(p.buf) == 0 {
			return nil
		}
	case stPaused, stError:
		return nil
	}
	_, err := p.fail(&Error{Code: "HPE_INVALID_EOF_STATE", Reason: "Invalid EOF state"}, 0)
	return err
}

func (p *Parser) fail(err *Error, off int) (int, *Error) {
	err.Offset = off
	p.err = err
	p.st = stError
	return off, err
}

func (p *Parser) complete(h Handler, trailers []string) {
	p.st = stHead
	p.clearHead()
	h.OnComplete(trailers)
}

// readHead consumes head bytes from data[i:]. When the head is complete
// it is parsed and reported.
func (p *Parser) readHead(data []byte, i int, h Handler) (int, *Error) {
	if len(p.buf) == 0 {
		// Empty lines before a message are ignored.
		for i < len(data) && (data[i] == '\r' || data[i] == '\n') {
			i++
		}
		if i == len(data) {
			return i, nil
		}
	}
	// Find the blank line ending the head, starting the search a few bytes
	// back in the saved part so that a terminator split across buffers is
	// seen.
	var head []byte
	var next int
	if len(p.buf) == 0 {
		e := bytes.Index(data[i:], crlfcrlf)
		if e < 0 {
			if err := p.bareLF(data[i:]); err != nil {
				return i + err.Offset, err
			}
			p.buf = append(p.buf, data[i:]...)
			if len(p.buf) >= p.MaxHeaderSize && p.partialHeadSize() >= p.MaxHeaderSize {
				p.clearHead()
				return len(data), headerOverflow()
			}
			return len(data), nil
		}
		if e+4 > p.rawLimit() {
			return i + p.rawLimit(), headerOverflow()
		}
		head = data[i : i+e+2]
		next = i + e + 4
	} else {
		old := len(p.buf)
		from := max(old-3, 0)
		p.buf = append(p.buf, data[i:]...)
		e := bytes.Index(p.buf[from:], crlfcrlf)
		if e < 0 {
			if err := p.bareLF(p.buf); err != nil {
				return i, err
			}
			if len(p.buf) >= p.MaxHeaderSize && p.partialHeadSize() >= p.MaxHeaderSize {
				p.clearHead()
				return len(data), headerOverflow()
			}
			return len(data), nil
		}
		e += from
		if e+4 > p.rawLimit() {
			return i, headerOverflow()
		}
		head = p.buf[:e+2]
		next = i + (e + 4 - old)
	}
	hd, err := p.parseHead(head)
	p.clearHead()
	if err != nil {
		return i + err.Offset, err
	}
	if headSize(hd) >= p.MaxHeaderSize {
		return i + len(head), headerOverflow()
	}
	f := framingOf(hd)
	if f.codingAfterChunked && p.kind == Request && (f.err == nil || f.errAfterHead) {
		f.err = perr("HPE_INVALID_TRANSFER_ENCODING", "Invalid `Transfer-Encoding` header value", 0)
		f.errAfterHead = false
	}
	if f.errAfterHead && p.kind == Response {
		// A response whose last coding is not chunked is read to EOF.
		f.err, f.errAfterHead = nil, false
	}
	if f.err != nil {
		if f.errAfterHead {
			hd.KeepAlive = false
			h.OnHead(hd)
		}
		return i + len(head), f.err
	}
	p.startBody(hd, f)
	h.OnHead(hd)
	if p.st == stHead {
		// No body: the message is complete now.
		h.OnComplete(nil)
	}
	return next, nil
}

var crlfcrlf = []byte("\r\n\r\n")

// bareLF finds a line of an incomplete head that ends in LF without CR,
// which is an error found before the head is complete.
func (p *Parser) bareLF(b []byte) *Error {
	if err := p.badStart(b); err != nil {
		return err
	}
	for j := 0; j < len(b); j++ {
		if b[j] != '\n' || (j > 0 && b[j-1] == '\r') {
			continue
		}
		first := bytes.IndexByte(b, '\n')
		if first == j {
			var hd Head
			var err *Error
			if p.kind == Request {
				err = parseRequestLine(b[:j+1], &hd)
			} else {
				err = parseStatusLine(b[:j+1], &hd)
			}
			if err != nil {
				return err
			}
		}
		return perr("HPE_STRICT", "Expected CRLF", j)
	}
	return nil
}

// badStart checks the first bytes of an incomplete head: a request must
// begin with (a prefix of) a known method and a response with (a prefix
// of) "HTTP/", so that junk is an error at once rather than after a line
// end that may never come.
func (p *Parser) badStart(b []byte) *Error {
	if p.kind == Request {
		word := b
		if sp := bytes.IndexByte(b, ' '); sp >= 0 {
			word = b[:sp]
		} else if nl := bytes.IndexAny(b, "\r\n"); nl >= 0 {
			word = b[:nl]
		}
		if len(word) == len(b) {
			for _, m := range Methods {
				if len(m) >= len(word) && m[:len(word)] == string(word) {
					return nil
				}
			}
		} else if methods[string(word)] {
			return nil
		}
		return perr("HPE_INVALID_METHOD", "Invalid method encountered", 0)
	}
	n := min(len(b), 5)
	if string(b[:n]) != "HTTP/"[:n] {
		return perr("HPE_INVALID_CONSTANT", "Expected HTTP/, RTSP/ or ICE/", 0)
	}
	return nil
}

func headerOverflow() *Error {
	return &Error{Code: "HPE_HEADER_OVERFLOW", Reason: "Header overflow"}
}

func perr(code, reason string, off int) *Error {
	return &Error{Code: code, Reason: reason, Offset: off}
}

// methods lists the request methods accepted (node's http.METHODS).
var methods = map[string]bool{}

// Methods is node's http.METHODS, sorted.
var Methods = []string{
	"ACL", "BIND", "CHECKOUT", "CONNECT", "COPY", "DELETE", "GET", "HEAD",
	"LINK", "LOCK", "M-SEARCH", "MERGE", "MKACTIVITY", "MKCALENDAR", "MKCOL",
	"MOVE", "NOTIFY", "OPTIONS", "PATCH", "POST", "PROPFIND", "PROPPATCH",
	"PURGE", "PUT", "QUERY", "REBIND", "REPORT", "SEARCH", "SOURCE", "SUBSCRIBE",
	"TRACE", "UNBIND", "UNLINK", "UNLOCK", "UNSUBSCRIBE",
}

func init() {
	for _, m := range Methods {
		methods[m] = true
	}
}

// tokenChar reports whether c may appear in an HTTP token (RFC 9110).
func tokenChar(c byte) bool { return tokenTable[c] }

var tokenTable = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for _, c := range "!#$%&'*+-.^_`|~" {
		t[c] = true
	}
	return
}()

// parseHead parses a head (start line and header lines, each ending in
// CRLF, without the final blank line).
func (p *Parser) parseHead(b []byte) (*Head, *Error) {
	hd := &Head{}
	eol := bytes.IndexByte(b, '\n')
	if eol < 0 {
		return nil, perr("HPE_INVALID_CONSTANT", "Expected CRLF", 0)
	}
	var err *Error
	if p.kind == Request {
		err = parseRequestLine(b[:eol+1], hd)
	} else {
		err = parseStatusLine(b[:eol+1], hd)
	}
	if err != nil {
		return nil, err
	}
	pos := eol + 1
	var hs []string
	for pos < len(b) {
		e := bytes.IndexByte(b[pos:], '\n')
		line := b[pos : pos+e+1]
		if p.Lenient && len(hs) > 0 && (line[0] == ' ' || line[0] == '\t') {
			// Obsolete folding: the line continues the previous value.
			v := strings.Trim(strings.TrimRight(string(line), "\r\n"), " \t")
			if v != "" {
				hs[len(hs)-1] += " " + v
			}
			pos += e + 1
			continue
		}
		name, value, err := parseHeaderLine(line, pos, p.Lenient)
		if err != nil {
			return nil, err
		}
		hs = append(hs, name, value)
		switch len(name) {
		case 4:
			if strings.EqualFold(name, "host") {
				hd.HasHost = true
			}
		case 6:
			if strings.EqualFold(name, "expect") {
				hd.HasExpect = true
			}
		}
		pos += e + 1
	}
	hd.RawHeaders = hs
	return hd, nil
}

func parseRequestLine(l []byte, hd *Head) *Error {
	sp := bytes.IndexByte(l, ' ')
	if sp <= 0 {
		return perr("HPE_INVALID_METHOD", "Invalid method encountered", 0)
	}
	m := string(l[:sp])
	if !methods[m] {
		return perr("HPE_INVALID_METHOD", "Invalid method encountered", 0)
	}
	hd.Method = m
	rest := l[sp+1:]
	off := sp + 1
	// Extra spaces before the target are tolerated, as llhttp does.
	for len(rest) > 0 && rest[0] == ' ' {
		rest = rest[1:]
		off++
	}
	sp2 := bytes.IndexByte(rest, ' ')
	if sp2 <= 0 {
		if sp2 == 0 {
			return perr("HPE_INVALID_URL", "Unexpected start char in url", off)
		}
		return perr("HPE_INVALID_CONSTANT", "Expected HTTP/", off)
	}
	u := rest[:sp2]
	for j, c := range u {
		if c <= ' ' || c == 0x7f {
			return perr("HPE_INVALID_URL", "Invalid char in url path", off+j)
		}
	}
	hd.URL = string(u)
	ver := rest[sp2+1:]
	off += sp2 + 1
	return parseVersion(ver, off, hd, true)
}

// parseVersion reads "HTTP/x.y" followed by CRLF (request line) or by a
// space (status line, lineEnd false).
func parseVersion(v []byte, off int, hd *Head, lineEnd bool) *Error {
	if len(v) < 8 || string(v[:5]) != "HTTP/" {
		return perr("HPE_INVALID_CONSTANT", "Expected HTTP/, RTSP/ or ICE/", off)
	}
	if !isDigit(v[5]) || v[6] != '.' || !isDigit(v[7]) {
		return perr("HPE_INVALID_VERSION", "Invalid HTTP version", off+5)
	}
	hd.Major, hd.Minor = int(v[5]-'0'), int(v[7]-'0')
	ok := (hd.Major == 1 && hd.Minor <= 1) || (hd.Major == 0 && hd.Minor == 9) || (hd.Major == 2 && hd.Minor == 0)
	if !ok {
		return perr("HPE_INVALID_VERSION", "Invalid HTTP version", off+5)
	}
	if lineEnd {
		if len(v) != 10 || v[8] != '\r' || v[9] != '\n' {
			if len(v) > 8 && v[8] == '\r' {
				return perr("HPE_STRICT", "Expected CRLF after version", off+9)
			}
			return perr("HPE_INVALID_VERSION", "Expected CRLF after version", off+8)
		}
	}
	return nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func parseStatusLine(l []byte, hd *Head) *Error {
	if err := parseVersion(l, 0, hd, false); err != nil {
		return err
	}
	if len(l) < 13 || l[8] != ' ' || !isDigit(l[9]) || !isDigit(l[10]) || !isDigit(l[11]) {
		return perr("HPE_INVALID_STATUS", "Invalid status code", 9)
	}
	hd.Status = int(l[9]-'0')*100 + int(l[10]-'0')*10 + int(l[11]-'0')
	r := l[12:]
	// r is " reason\r\n", "\r\n" or "\n" variants.
	if len(r) >= 2 && r[len(r)-2] == '\r' {
		r = r[:len(r)-2]
	} else {
		return perr("HPE_STRICT", "Expected LF after CR", 12)
	}
	if len(r) > 0 {
		if r[0] != ' ' {
			return perr("HPE_INVALID_STATUS", "Invalid response status", 12)
		}
		r = r[1:]
	}
	for j, c := range r {
		if c < ' ' && c != '\t' || c == 0x7f {
			return perr("HPE_INVALID_STATUS", "Invalid response status", 13+j)
		}
	}
	hd.Reason = string(r)
	return nil
}

// parseHeaderLine parses "Name: value\r\n"; off is the line's offset in
// the head, for error offsets. A lenient parser (insecureHTTPParser)
// accepts control characters in values, as llhttp's lenient mode does.
func parseHeaderLine(l []byte, off int, lenient bool) (string, string, *Error) {
	if len(l) < 2 || l[len(l)-2] != '\r' {
		return "", "", perr("HPE_STRICT", "Expected CRLF", off+len(l)-1)
	}
	l = l[:len(l)-2]
	if len(l) > 0 && (l[0] == ' ' || l[0] == '\t') {
		return "", "", perr("HPE_INVALID_HEADER_TOKEN", "Unexpected whitespace after header value", off)
	}
	colon := -1
	for j, c := range l {
		if c == ':' {
			colon = j
			break
		}
		if !tokenChar(c) {
			return "", "", perr("HPE_INVALID_HEADER_TOKEN", "Invalid header token", off+j)
		}
	}
	if colon <= 0 {
		return "", "", perr("HPE_INVALID_HEADER_TOKEN", "Invalid header token", off)
	}
	v := l[colon+1:]
	for len(v) > 0 && (v[0] == ' ' || v[0] == '\t') {
		v = v[1:]
	}
	for len(v) > 0 && (v[len(v)-1] == ' ' || v[len(v)-1] == '\t') {
		v = v[:len(v)-1]
	}
	for j, c := range v {
		if c == '\r' {
			return "", "", perr("HPE_LF_EXPECTED", "Missing expected LF after header value", off+colon+1+j)
		}
		if ((c < ' ' && c != '\t') || c == 0x7f) && !lenient {
			return "", "", perr("HPE_INVALID_HEADER_TOKEN", "Invalid header value char", off+colon+1+j)
		}
	}
	return string(l[:colon]), string(v), nil
}

// eqFold compares an ASCII header name case-insensitively with lower.
func eqFold(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// hasToken reports whether a comma-separated header value lists tok
// (lower case), ignoring case.
func hasToken(v, tok string) bool {
	for len(v) > 0 {
		var part string
		if c := indexByteStr(v, ','); c >= 0 {
			part, v = v[:c], v[c+1:]
		} else {
			part, v = v, ""
		}
		for len(part) > 0 && (part[0] == ' ' || part[0] == '\t') {
			part = part[1:]
		}
		for len(part) > 0 && (part[len(part)-1] == ' ' || part[len(part)-1] == '\t') {
			part = part[:len(part)-1]
		}
		if eqFold(part, tok) {
			return true
		}
	}
	return false
}

func indexByteStr(s string, b byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return i
		}
	}
	return -1
}

// startBody sets the body state from the head's framing headers.
func (p *Parser) startBody(hd *Head, f framing) {
	hd.KeepAlive = f.keepAlive
	p.keepAlive = f.keepAlive
	upgrade := false
	if p.kind == Request {
		upgrade = hd.Method == "CONNECT" || (f.upgradeHdr && f.connUpgrade)
	} else {
		if hd.Status == 101 {
			upgrade = true
		} else if p.Flags&FlagConnectResponse != 0 && hd.Status >= 200 && hd.Status < 300 {
			upgrade = true
		}
	}
	hd.Upgrade = upgrade

	var body state = stHead
	switch {
	case p.kind == Response && (p.Flags&FlagHeadResponse != 0 || hd.Status == 204 || hd.Status == 304 || (hd.Status >= 100 && hd.Status < 200)):
		body = stHead
	case f.chunked:
		body = stChunkSize
	case f.length > 0:
		body = stBodyLength
		p.remaining = f.length
	case f.length == 0:
		body = stHead
	case p.kind == Response:
		body = stBodyEOF
		hd.KeepAlive = false
		p.keepAlive = false
	}
	if upgrade && (p.kind == Request || hd.Status == 101 || p.Flags&FlagConnectResponse != 0) {
		p.pendBody = body
		p.st = stPaused
		return
	}
	p.st = body
}

type framing struct {
	length      int64 // -1 when absent
	chunked     bool
	keepAlive   bool
	upgradeHdr  bool
	connUpgrade bool
	err         *Error
	// errAfterHead marks an err found after the head is reported, as
	// llhttp does for a request whose last coding is not chunked: the
	// head event comes first, then the error.
	errAfterHead bool
	// codingAfterChunked: a transfer coding follows chunked.
	codingAfterChunked bool
}

func framingOf(hd *Head) framing {
	f := framing{length: -1}
	connClose, connKeep := false, false
	te := false
	hs := hd.RawHeaders
	for i := 0; i+1 < len(hs); i += 2 {
		n, v := hs[i], hs[i+1]
		switch len(n) {
		case 14:
			if eqFold(n, "content-length") {
				if v == "" {
					f.err = perr("HPE_INVALID_CONTENT_LENGTH", "Invalid character in Content-Length", 0)
					return f
				}
				var x int64
				for j := 0; j < len(v); j++ {
					if !isDigit(v[j]) {
						f.err = perr("HPE_INVALID_CONTENT_LENGTH", "Invalid character in Content-Length", 0)
						return f
					}
					x = x*10 + int64(v[j]-'0')
					if x > 1<<53 {
						f.err = perr("HPE_INVALID_CONTENT_LENGTH", "Content-Length overflow", 0)
						return f
					}
				}
				if f.length >= 0 {
					f.err = perr("HPE_UNEXPECTED_CONTENT_LENGTH", "Duplicate Content-Length", 0)
					return f
				}
				f.length = x
			}
		case 17:
			if eqFold(n, "transfer-encoding") {
				// A coding after chunked (in this header or a later one):
				// a request fails at once, as with llhttp, before its
				// head is reported (see readHead).
				if f.chunked {
					f.codingAfterChunked = true
				} else if c := lastIndexByte(v, ','); c >= 0 && hasToken(v[:c], "chunked") {
					f.codingAfterChunked = true
				}
				te = true
				// The last coding decides: chunked must be final.
				last := v
				if c := lastIndexByte(v, ','); c >= 0 {
					last = v[c+1:]
				}
				f.chunked = hasToken(last, "chunked")
			}
		case 10:
			if eqFold(n, "connection") {
				if hasToken(v, "close") {
					connClose = true
				}
				if hasToken(v, "keep-alive") {
					connKeep = true
				}
				if hasToken(v, "upgrade") {
					f.connUpgrade = true
				}
			}
		case 7:
			if eqFold(n, "upgrade") {
				f.upgradeHdr = true
			}
		}
	}
	if te && f.length >= 0 {
		f.err = perr("HPE_INVALID_TRANSFER_ENCODING", "Transfer-Encoding can't be present with Content-Length", 0)
		return f
	}
	if te && !f.chunked {
		f.err = perr("HPE_INVALID_TRANSFER_ENCODING", "Request has invalid `Transfer-Encoding`", 0)
		f.errAfterHead = true
	}
	if hd.Major > 1 || (hd.Major == 1 && hd.Minor >= 1) {
		f.keepAlive = !connClose
	} else {
		f.keepAlive = connKeep && !connClose
	}
	return f
}

func lastIndexByte(s string, b byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == b {
			return i
		}
	}
	return -1
}

// readLine handles the line-oriented parts of a chunked body: the chunk
// size line, the CRLF after chunk data, and the trailer section.
func (p *Parser) readLine(data []byte, i int, h Handler) (int, *Error) {
	if p.st == stChunkDataEnd {
		// Expect CRLF (possibly split across buffers).
		for i < len(data) {
			c := data[i]
			if len(p.buf) == 0 {
				if c != '\r' {
					return i, perr("HPE_STRICT", "Expected LF after chunk data", i)
				}
				p.buf = append(p.buf, c)
				i++
				continue
			}
			if c != '\n' {
				return i, perr("HPE_STRICT", "Expected LF after chunk data", i)
			}
			p.buf = p.buf[:0]
			p.st = stChunkSize
			return i + 1, nil
		}
		return i, nil
	}
	if p.st == stChunkSize {
		e := bytes.IndexByte(data[i:], '\n')
		if e < 0 {
			p.buf = append(p.buf, data[i:]...)
			if len(p.buf) > 1024 {
				return len(data), perr("HPE_INVALID_CHUNK_SIZE", "Chunk size line too long", len(data))
			}
			return len(data), nil
		}
		line := data[i : i+e+1]
		if len(p.buf) > 0 {
			p.buf = append(p.buf, line...)
			line = p.buf
		}
		next := i + e + 1
		size, err := parseChunkSize(line)
		p.buf = p.buf[:0]
		if err != nil {
			return i, err
		}
		if size == 0 {
			p.st = stTrailers
			return next, nil
		}
		p.remaining = size
		p.st = stChunkData
		return next, nil
	}
	// Trailers: header lines until an empty line.
	p.buf = append(p.buf, data[i:]...)
	consumedBefore := len(p.buf) - (len(data) - i)
	var end int
	if len(p.buf) >= 2 && p.buf[0] == '\r' && p.buf[1] == '\n' {
		end = 0
	} else {
		e := bytes.Index(p.buf, crlfcrlf)
		if e < 0 {
			if len(p.buf) > p.MaxHeaderSize {
				return len(data), headerOverflow()
			}
			return len(data), nil
		}
		end = e + 2
	}
	var trailers []string
	pos := 0
	for pos < end {
		e := bytes.IndexByte(p.buf[pos:], '\n')
		n, v, err := parseHeaderLine(p.buf[pos:pos+e+1], pos, p.Lenient)
		if err != nil {
			return i, err
		}
		trailers = append(trailers, n, v)
		pos += e + 1
	}
	next := i + (end + 2 - consumedBefore)
	p.buf = p.buf[:0]
	p.complete(h, trailers)
	return next, nil
}

func parseChunkSize(l []byte) (int64, *Error) {
	var n int64
	digits := 0
	j := 0
	for ; j < len(l); j++ {
		c := l[j]
		var d byte
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		default:
			goto done
		}
		n = n*16 + int64(d)
		digits++
		if n > 1<<53 {
			return 0, perr("HPE_INVALID_CHUNK_SIZE", "Chunk size overflow", j)
		}
	}
done:
	if digits == 0 {
		return 0, perr("HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size", j)
	}
	rest := l[j:]
	if len(rest) > 0 && rest[0] == ';' {
		// Chunk extensions are ignored.
		if c := bytes.IndexByte(rest, '\r'); c >= 0 {
			rest = rest[c:]
		}
	}
	for len(rest) > 0 && (rest[0] == ' ' || rest[0] == '\t') {
		rest = rest[1:]
	}
	if len(rest) != 2 || rest[0] != '\r' || rest[1] != '\n' {
		return 0, perr("HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size", j)
	}
	return n, nil
}

// String returns a short description of the parser state, for tests.
func (p *Parser) String() string { return "parser(state=" + strconv.Itoa(int(p.st)) + ")" }
