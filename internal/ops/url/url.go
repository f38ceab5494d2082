package url

import (
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

func init() { binding.Register("url", initURL) }

// Update actions, shared with lib/internal/url.js.
const (
	actProtocol = iota
	actUsername
	actPassword
	actHost
	actHostname
	actPort
	actPathname
	actSearch
	actHash
	actHref
)

// fillComponents stores the components of f into arr, a JS array of nine
// empty strings made by the caller (stores into it take the engine's fast
// path): [href, protocol, username, password, hostname, port, pathname,
// search, hash], each a slice of the href.
func fillComponents(c *qjs.Context, arr qjs.Value, f *Components) {
	for i, s := range f.strings() {
		if len(s) > 0 {
			v := jsASCII(c, s)
			if !c.StoreArrayElement(arr, uint32(i), v) {
				c.SetIndex(arr, uint32(i), v)
			}
		}
	}
}

// strings returns the components in the order of fillComponents.
func (f *Components) strings() [9][]byte {
	b := f.Buf
	return [9][]byte{b, b[:f.SchemeEnd+1], b[f.UserStart:f.UserEnd], b[f.PassStart:f.PassEnd],
		b[f.HostStart:f.HostEnd], b[f.PortStart:f.PortEnd], b[f.PathStart:f.PathEnd], f.Search(), f.Hash()}
}

// jsASCII makes a JS string of b, which holds ASCII (a serialized URL is).
func jsASCII(c *qjs.Context, b []byte) qjs.Value {
	for _, x := range b {
		if x >= 0x80 {
			return c.StringFromBytes(b)
		}
	}
	return c.Latin1String(b)
}

// jsString makes a JS string of s (UTF-8), skipping the engine's decoding
// when s is ASCII.
func jsString(c *qjs.Context, s string) qjs.Value {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return c.String(s)
		}
	}
	return c.Latin1String(unsafe.Slice(unsafe.StringData(s), len(s)))
}

// str converts a JS value to a Go string; ok is false when that threw.
func str(c *qjs.Context, v qjs.Value) (string, bool) {
	s, err := c.ToGoString(v)
	if err != nil {
		c.Throw(err.(*qjs.Error).Value())
		return "", false
	}
	return s, true
}

// usv replaces the lone surrogates of a JS string's UTF-8 form (each
// encoded on its own as ED A0-BF xx) with U+FFFD, as the USVString
// conversion does.
func usv(s string) string {
	i := strings.IndexByte(s, 0xED)
	if i < 0 {
		return s
	}
	b := []byte(s[:i])
	for ; i < len(s); i++ {
		if s[i] == 0xED && i+2 < len(s) && s[i+1] >= 0xA0 && s[i+1] <= 0xBF {
			b = append(b, "\uFFFD"...)
			i += 2
			continue
		}
		b = append(b, s[i])
	}
	return string(b)
}

// parser holds the buffer each parse writes its href into, and the last
// base parsed.
type parser struct {
	buf  []byte
	href []byte // a setter's URL, parsed
	base baseCache
}

// parse parses args[0] against the optional base args[1]. ok is false
// when a conversion threw; parsed is false when the URL does not parse.
func (p *parser) parse(c *qjs.Context, args []qjs.Value) (f Components, parsed, ok bool) {
	input, ok := str(c, qjs.Arg(args, 0))
	if !ok {
		return f, false, false
	}
	input = usv(input)
	var base *string
	if b := qjs.Arg(args, 1); !b.IsUndefined() {
		bs, ok := str(c, b)
		if !ok {
			return f, false, false
		}
		bs = usv(bs)
		base = &bs
	}
	f, parsed = parseComponents(input, base, p.buf, &p.base)
	if cap(f.Buf) > cap(p.buf) && cap(f.Buf) <= 1<<16 {
		p.buf = f.Buf
	}
	if len(p.base.s) > 1<<16 {
		p.base = baseCache{} // do not keep a huge base
	}
	return f, parsed, true
}

// record parses a serialized URL (an href the binding made).
func (p *parser) record(href string) *Record {
	f, ok := ParseComponents(href, nil, p.buf)
	if !ok {
		return nil
	}
	return f.Record()
}

func initURL(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	p := &parser{buf: make([]byte, 0, 256)}
	// parse(components, input, base?) parses input and stores its
	// components into components, an array of nine empty strings made by
	// the caller; it returns false when input does not parse.
	binding.Func(c, obj, "parse", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if len(args) < 2 {
			return qjs.Bool(false)
		}
		f, parsed, ok := p.parse(c, args[1:])
		if !ok {
			return qjs.Exception
		}
		if !parsed {
			return qjs.Bool(false)
		}
		fillComponents(c, args[0], &f)
		return qjs.Bool(true)
	})
	binding.Func(c, obj, "canParse", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		_, parsed, ok := p.parse(c, args)
		if !ok {
			return qjs.Exception
		}
		return qjs.Bool(parsed)
	})
	// update(components, href, action, value) applies a setter to the URL
	// href and stores the new components into components (as parse
	// does); it returns false when the href setter's value does not parse.
	binding.Func(c, obj, "update", 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		arr := qjs.Arg(args, 0)
		args = args[min(len(args), 1):]
		href, ok := str(c, qjs.Arg(args, 0))
		if !ok {
			return qjs.Exception
		}
		act, _ := c.ToInt64(qjs.Arg(args, 1))
		val, ok := str(c, qjs.Arg(args, 2))
		if !ok {
			return qjs.Exception
		}
		val = usv(val)
		var f Components
		f.Buf = p.buf[:0]
		if act == actHref {
			f, ok = ParseComponents(val, nil, p.buf)
			if !ok {
				return qjs.Bool(false)
			}
			fillComponents(c, arr, &f)
			return qjs.Bool(true)
		}
		if act == actSearch || act == actHash || act == actPathname {
			h := Components{Buf: p.href[:0]}
			if fastParse(&h, href, nil) && !h.Opaque {
				p.href = h.Buf
				if g, ok := setFast(&h, int(act), val, p.buf); ok {
					p.buf = g.Buf
					fillComponents(c, arr, &g)
					return qjs.Bool(true)
				}
			}
		}
		u := p.record(href)
		if u == nil {
			return qjs.Bool(false)
		}
		switch act {
		case actProtocol:
			u.SetProtocol(val)
		case actUsername:
			u.SetUsername(val)
		case actPassword:
			u.SetPassword(val)
		case actHost:
			u.SetHost(val)
		case actHostname:
			u.SetHostname(val)
		case actPort:
			u.SetPort(val)
		case actPathname:
			u.SetPathname(val)
		case actSearch:
			u.SetSearch(val)
		case actHash:
			u.SetHash(val)
		}
		u.serialize(&f)
		fillComponents(c, arr, &f)
		return qjs.Bool(true)
	})
	binding.Func(c, obj, "domainToASCII", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s, ok := str(c, qjs.Arg(args, 0))
		if !ok {
			return qjs.Exception
		}
		u := Parse("ws://"+s, nil)
		if u == nil {
			return c.String("")
		}
		return c.String(u.Host)
	})
	// toASCII(domain) runs UTS #46 ToASCII leniently; "" on failure.
	binding.Func(c, obj, "toASCII", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s, ok := str(c, qjs.Arg(args, 0))
		if !ok {
			return qjs.Exception
		}
		a, ok := DomainToASCII(s, false)
		if !ok {
			return c.String("")
		}
		return c.String(a)
	})
	binding.Func(c, obj, "domainToUnicode", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s, ok := str(c, qjs.Arg(args, 0))
		if !ok {
			return qjs.Exception
		}
		u := Parse("ws://"+s, nil)
		if u == nil {
			return c.String("")
		}
		d, ok := DomainToUnicode(u.Host)
		if !ok {
			return c.String("")
		}
		return c.String(d)
	})
	// encodeForm(s) percent-encodes s with the
	// application/x-www-form-urlencoded set, spaces as '+'.
	binding.Func(c, obj, "encodeForm", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s, ok := str(c, qjs.Arg(args, 0))
		if !ok {
			return qjs.Exception
		}
		return c.String(EncodeForm(s))
	})
	// serializeForm(list) serializes a name-value list for
	// application/x-www-form-urlencoded: list holds the names and values
	// (USVStrings), each followed by a lone surrogate U+D800.
	binding.Func(c, obj, "serializeForm", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s, ok := str(c, qjs.Arg(args, 0))
		if !ok {
			return qjs.Exception
		}
		b := SerializeForm(p.buf[:0], strings.Split(s, surrogateD800))
		if cap(b) > cap(p.buf) && cap(b) <= 1<<16 {
			p.buf = b
		}
		return jsASCII(c, b)
	})
	// parseForm(s) parses an application/x-www-form-urlencoded string into
	// a flat [name, value, name, value...] array.
	binding.Func(c, obj, "parseForm", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s, ok := str(c, qjs.Arg(args, 0))
		if !ok {
			return qjs.Exception
		}
		arr := c.Array()
		for i, x := range ParseForm(usv(s)) {
			c.SetIndex(arr, uint32(i), jsString(c, x))
		}
		return arr
	})
}

// EncodeForm encodes s for application/x-www-form-urlencoded output.
func EncodeForm(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == ' ' {
			b.WriteByte('+')
			continue
		}
		appendEncoded(&b, r, InFormURLEncoded)
	}
	return b.String()
}

// surrogateD800 is the UTF-8 form the engine gives a lone U+D800.
const surrogateD800 = "\xED\xA0\x80"

// SerializeForm appends to b the application/x-www-form-urlencoded
// serialization of list, names and values alternating.
func SerializeForm(b []byte, list []string) []byte {
	for i := 0; i+1 < len(list); i += 2 {
		if i > 0 {
			b = append(b, '&')
		}
		b = appendForm(b, list[i])
		b = append(b, '=')
		b = appendForm(b, list[i+1])
	}
	return b
}

// appendForm appends s encoded as EncodeForm encodes it.
func appendForm(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			b = append(b, '+')
		case c < 0x80 && !InFormURLEncoded(rune(c)):
			b = append(b, c)
		case c < 0x80:
			b = append(b, '%', upperHex[c>>4], upperHex[c&15])
		default:
			return append(b, EncodeForm(s[i:])...)
		}
	}
	return b
}

// ParseForm implements the application/x-www-form-urlencoded parser.
func ParseForm(s string) []string {
	var out []string
	for s != "" {
		var seq string
		seq, s, _ = strings.Cut(s, "&")
		if seq == "" {
			continue
		}
		name, value, _ := strings.Cut(seq, "=")
		out = append(out, formDecode(name), formDecode(value))
	}
	return out
}

// formDecode decodes a name or value of a form: '+' is a space, then
// percent-decoding, invalid UTF-8 becoming U+FFFD.
func formDecode(s string) string {
	if strings.IndexByte(s, '+') < 0 && strings.IndexByte(s, '%') < 0 && utf8.ValidString(s) {
		return s
	}
	s = strings.ReplaceAll(s, "+", " ")
	return strings.ToValidUTF8(string(PercentDecode(s)), "\uFFFD")
}
