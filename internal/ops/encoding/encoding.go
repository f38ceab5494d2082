// Package encoding implements the encoding_binding behind TextDecoder's
// legacy single-byte encodings (WHATWG Encoding Standard): ibm866, the
// ISO-8859 family, KOI8, macintosh, windows-874 and windows-125x, and
// x-user-defined. Each maps bytes 0x00-0x7F to ASCII and bytes 0x80-0xFF
// through a table generated from the standard's indexes (tables.go).
package encoding

import (
	"strings"
	"unicode/utf8"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

func init() { binding.Register("encoding_binding", initEncoding) }

// XUserDefined is the table index (after the single-byte tables) that
// selects x-user-defined: bytes 0x80-0xFF become U+F780-U+F7FF.
const XUserDefined = len(singleByteTables)

// DecodeSingleByte decodes b with the single-byte encoding at index enc
// (a position in SingleByteNames, or XUserDefined). A byte the encoding
// leaves undefined becomes U+FFFD, or, when fatal, makes ok false.
func DecodeSingleByte(enc int, b []byte, fatal bool) (s string, ok bool) {
	ascii := true
	for _, c := range b {
		if c >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return string(b), true
	}
	var sb strings.Builder
	sb.Grow(len(b) * 2)
	for _, c := range b {
		if c < 0x80 {
			sb.WriteByte(c)
			continue
		}
		var r rune
		if enc == XUserDefined {
			r = 0xF780 + rune(c) - 0x80
		} else {
			r = rune(singleByteTables[enc][c-0x80])
			if r == utf8.RuneError && fatal {
				return "", false
			}
		}
		sb.WriteRune(r)
	}
	return sb.String(), true
}

// SingleByteNames lists the single-byte encodings by table index.
func SingleByteNames() []string { return singleByteNames[:] }

func initEncoding(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	names := append(SingleByteNames(), "x-user-defined")
	c.Set(obj, "singleByteEncodings", c.StringArray(names))
	// decodeSingleByte(index, bytes, fatal) -> string, or null when fatal
	// and a byte is undefined in the encoding.
	binding.Func(c, obj, "decodeSingleByte", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		enc := int(qjs.Arg(args, 0).Int())
		if enc < 0 || enc > XUserDefined {
			return c.ThrowRangeError("unknown single-byte encoding")
		}
		b, ok := c.TypedArrayBytes(qjs.Arg(args, 1))
		if !ok {
			return c.ThrowTypeError("bytes must be a Uint8Array")
		}
		s, ok := DecodeSingleByte(enc, b, c.ToBool(qjs.Arg(args, 2)))
		if !ok {
			return qjs.Null
		}
		return c.String(s)
	})
}
