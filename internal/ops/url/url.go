package url

import (
	"strconv"
	"strings"

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

// components returns the JS view of u: [href, protocol, username,
// password, hostname, port, pathname, search, hash, hasHost, opaque].
func components(c *qjs.Context, u *Record) qjs.Value {
	port := ""
	if u.Port != -1 {
		port = strconv.Itoa(u.Port)
	}
	search, hash := "", ""
	if u.HasQuery && u.Query != "" {
		search = "?" + u.Query
	}
	if u.HasFrag && u.Fragment != "" {
		hash = "#" + u.Fragment
	}
	arr := c.StringArray([]string{u.Href(), u.Scheme + ":", u.Username, u.Password, u.Host, port, u.PathString(), search, hash})
	c.SetIndex(arr, 9, qjs.Bool(u.HasHost))
	c.SetIndex(arr, 10, qjs.Bool(u.Opaque))
	return arr
}

func str(c *qjs.Context, v qjs.Value) (string, bool) {
	s, err := c.ToGoString(v)
	if err != nil {
		c.Throw(err.(*qjs.Error).Value())
		return "", false
	}
	return s, true
}

func parseWithBase(c *qjs.Context, args []qjs.Value) (*Record, bool, bool) {
	input, ok := str(c, qjs.Arg(args, 0))
	if !ok {
		return nil, false, false
	}
	var base *Record
	if b := qjs.Arg(args, 1); !b.IsUndefined() {
		bs, ok := str(c, b)
		if !ok {
			return nil, false, false
		}
		if base = Parse(bs, nil); base == nil {
			return nil, true, true
		}
	}
	return Parse(input, base), false, true
}

func initURL(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	// parse(input, base?) returns the components, or undefined on failure.
	binding.Func(c, obj, "parse", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		u, _, ok := parseWithBase(c, args)
		if !ok {
			return qjs.Exception
		}
		if u == nil {
			return qjs.Undefined
		}
		return components(c, u)
	})
	binding.Func(c, obj, "canParse", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		u, _, ok := parseWithBase(c, args)
		if !ok {
			return qjs.Exception
		}
		return qjs.Bool(u != nil)
	})
	// update(href, action, value) applies a setter and returns the new
	// components, or false when the href setter's value does not parse.
	binding.Func(c, obj, "update", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		href, ok := str(c, qjs.Arg(args, 0))
		if !ok {
			return qjs.Exception
		}
		act, _ := c.ToInt64(qjs.Arg(args, 1))
		val, ok := str(c, qjs.Arg(args, 2))
		if !ok {
			return qjs.Exception
		}
		u := Parse(href, nil)
		if act == actHref {
			u = Parse(val, nil)
		}
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
		return components(c, u)
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
	// parseForm(s) parses an application/x-www-form-urlencoded string into
	// a flat [name, value, name, value...] array.
	binding.Func(c, obj, "parseForm", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s, ok := str(c, qjs.Arg(args, 0))
		if !ok {
			return qjs.Exception
		}
		return c.StringArray(ParseForm(s))
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

// ParseForm implements the application/x-www-form-urlencoded parser.
func ParseForm(s string) []string {
	var out []string
	for _, seq := range strings.Split(s, "&") {
		if seq == "" {
			continue
		}
		name, value, _ := strings.Cut(seq, "=")
		name = strings.ReplaceAll(name, "+", " ")
		value = strings.ReplaceAll(value, "+", " ")
		out = append(out, strings.ToValidUTF8(string(PercentDecode(name)), "\uFFFD"),
			strings.ToValidUTF8(string(PercentDecode(value)), "\uFFFD"))
	}
	return out
}
