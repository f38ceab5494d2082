// Package buffer implements the buffer binding: the encodings, searches,
// comparisons and copies behind node:buffer, node:string_decoder and
// TextEncoder/TextDecoder. Functions work in place on the bytes of typed
// arrays (qjs.Context.TypedArrayBytes), so no bytes cross into JS loops.
package buffer

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

func init() { binding.Register("buffer", initBuffer) }

// argBytes returns the bytes of the typed array args[i], or nil.
func argBytes(c *qjs.Context, args []qjs.Value, i int) ([]byte, bool) {
	return c.TypedArrayBytes(qjs.Arg(args, i))
}

func argInt(args []qjs.Value, i int) int {
	return int(qjs.Arg(args, i).Int())
}

func argEnc(args []qjs.Value, i int) Encoding {
	e := Encoding(qjs.Arg(args, i).Int())
	if e < UTF8 || e > Hex {
		return UTF8
	}
	return e
}

// argIndex returns args[i] as an integral number (NaN and undefined as 0).
func argIndex(args []qjs.Value, i int) float64 {
	f := qjs.Arg(args, i).Float()
	if f != f {
		return 0
	}
	if f < 0 {
		return -1
	}
	if f > 1<<53 {
		return 1 << 53
	}
	return float64(int64(f))
}

// clampRange bounds [start, end) to [0, n].
func clampRange(start, end, n int) (int, int) {
	start = max(0, min(start, n))
	end = max(start, min(end, n))
	return start, end
}

// throwStringTooLong throws node's ERR_STRING_TOO_LONG.
func throwStringTooLong(c *qjs.Context) qjs.Value {
	return binding.ThrowCode(c, "Error", "ERR_STRING_TOO_LONG",
		fmt.Sprintf("Cannot create a string longer than 0x%x characters", MaxStringLength))
}

func notTyped(c *qjs.Context) qjs.Value {
	return binding.ThrowCode(c, "TypeError", "ERR_INVALID_ARG_TYPE", "argument must be a buffer")
}

func initBuffer(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	fn := func(name string, n int, f qjs.Func) { binding.Func(c, obj, name, n, f) }

	// byteLengthUtf8(string) -> number of UTF-8 bytes.
	fn("byteLengthUtf8", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s, err := c.ToGoString(qjs.Arg(args, 0))
		if err != nil {
			return c.ThrowError(err)
		}
		return qjs.Int64(int64(len(s)))
	})

	// fromString(string, enc, pool, poolOffset) encodes string. If the
	// result fits in the pool (a Uint8Array) at poolOffset it is written
	// there and its length returned; otherwise a new Uint8Array is returned.
	fn("fromString", 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s, err := c.ToGoString(qjs.Arg(args, 0))
		if err != nil {
			return c.ThrowError(err)
		}
		b := Encode(s, argEnc(args, 1))
		if pool, ok := argBytes(c, args, 2); ok {
			off := argInt(args, 3)
			if off >= 0 && off+len(b) <= len(pool) && len(b) < len(pool)/2 {
				copy(pool[off:], b)
				return qjs.Int64(int64(len(b)))
			}
		}
		return c.Uint8Array(b)
	})

	// write(buf, string, offset, length, enc) -> bytes written.
	fn("write", 5, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		buf, ok := argBytes(c, args, 0)
		if !ok {
			return notTyped(c)
		}
		s, err := c.ToGoString(qjs.Arg(args, 1))
		if err != nil {
			return c.ThrowError(err)
		}
		off, n := argInt(args, 2), argInt(args, 3)
		off, end := clampRange(off, off+n, len(buf))
		return qjs.Int64(int64(writeString(buf[off:end], s, argEnc(args, 4))))
	})

	// toString(buf, enc, start, end) -> string.
	fn("toString", 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		buf, ok := argBytes(c, args, 0)
		if !ok {
			return notTyped(c)
		}
		start, end := clampRange(argInt(args, 2), argInt(args, 3), len(buf))
		b, enc := buf[start:end], argEnc(args, 1)
		if DecodedLength(b, enc) > MaxStringLength {
			return throwStringTooLong(c)
		}
		return c.String(Decode(b, enc))
	})

	// compare(a, b, aStart, aEnd, bStart, bEnd) -> -1, 0 or 1.
	fn("compare", 6, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		a, ok1 := argBytes(c, args, 0)
		b, ok2 := argBytes(c, args, 1)
		if !ok1 || !ok2 {
			return notTyped(c)
		}
		if len(args) >= 6 {
			as, ae := clampRange(argInt(args, 2), argInt(args, 3), len(a))
			bs, be := clampRange(argInt(args, 4), argInt(args, 5), len(b))
			a, b = a[as:ae], b[bs:be]
		}
		return qjs.Int32(int32(bytes.Compare(a, b)))
	})

	// copy(src, dst, dstStart, srcStart, srcEnd) -> bytes copied; overlap
	// is handled as memmove.
	fn("copy", 5, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		src, ok1 := argBytes(c, args, 0)
		dst, ok2 := argBytes(c, args, 1)
		if !ok1 || !ok2 {
			return notTyped(c)
		}
		ds := max(0, min(argInt(args, 2), len(dst)))
		ss, se := clampRange(argInt(args, 3), argInt(args, 4), len(src))
		return qjs.Int64(int64(copy(dst[ds:], src[ss:se])))
	})

	// fill(buf, value, start, end, enc) fills with a string (encoded) or
	// typed array value repeated; -1 if the encoded value is empty, -2 if
	// [start, end) is not inside buf. A negative index throws.
	fn("fill", 5, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		buf, ok := argBytes(c, args, 0)
		if !ok {
			return notTyped(c)
		}
		start, end := argIndex(args, 2), argIndex(args, 3)
		if start < 0 || end < 0 {
			return binding.ThrowCode(c, "RangeError", "ERR_OUT_OF_RANGE", "Index out of range")
		}
		if start > end || end > float64(len(buf)) {
			return qjs.Int32(-2)
		}
		var pat []byte
		v := qjs.Arg(args, 1)
		if v.IsString() {
			s, err := c.ToGoString(v)
			if err != nil {
				return c.ThrowError(err)
			}
			pat = Encode(s, argEnc(args, 4))
		} else if b, ok := c.TypedArrayBytes(v); ok {
			pat = append([]byte(nil), b...) // may overlap buf
		}
		if len(pat) == 0 {
			return qjs.Int32(-1)
		}
		fillPattern(buf[int(start):int(end)], pat)
		return qjs.Int32(0)
	})

	// indexOf(buf, needle, byteOffset, enc, forward): needle is a string
	// (encoded with enc), a typed array or a number (one byte).
	fn("indexOf", 5, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		buf, ok := argBytes(c, args, 0)
		if !ok {
			return notTyped(c)
		}
		enc := argEnc(args, 3)
		v := qjs.Arg(args, 1)
		var needle []byte
		switch {
		case v.IsNumber():
			needle = []byte{byte(uint32(v.Int()))}
			enc = Latin1
		case v.IsString():
			s, err := c.ToGoString(v)
			if err != nil {
				return c.ThrowError(err)
			}
			needle = Encode(s, enc)
		default:
			b, ok := c.TypedArrayBytes(v)
			if !ok {
				return notTyped(c)
			}
			needle = b
		}
		off := qjs.Arg(args, 2).Float()
		return qjs.Int64(int64(IndexOf(buf, needle, off, enc == UCS2, c.ToBool(qjs.Arg(args, 4)))))
	})

	for _, size := range []int{16, 32, 64} {
		size := size
		fn("swap"+itoa(size), 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
			buf, ok := argBytes(c, args, 0)
			if !ok {
				return notTyped(c)
			}
			Swap(buf, size/8)
			return qjs.Undefined
		})
	}

	fn("isUtf8", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		buf, ok := argBytes(c, args, 0)
		if !ok {
			return notTyped(c)
		}
		return qjs.Bool(utf8.Valid(buf))
	})
	fn("isAscii", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		buf, ok := argBytes(c, args, 0)
		if !ok {
			return notTyped(c)
		}
		return qjs.Bool(IsASCII(buf))
	})

	// utf8Tail(buf) -> how many trailing bytes start an unfinished
	// character (for streaming decoders).
	fn("utf8Tail", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		buf, ok := argBytes(c, args, 0)
		if !ok {
			return notTyped(c)
		}
		return qjs.Int32(int32(incompleteUTF8Tail(buf)))
	})

	// atob(string) -> string, or 1 (invalid character) or 2 (bad length).
	fn("atob", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s, err := c.ToGoString(qjs.Arg(args, 0))
		if err != nil {
			return c.ThrowError(err)
		}
		b, code := Atob(s)
		if code != 0 {
			return qjs.Int32(int32(code))
		}
		return c.String(DecodeLatin1(b))
	})

	// btoa(string) -> base64 string, or -1 if a character is above U+00FF.
	fn("btoa", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s, err := c.ToGoString(qjs.Arg(args, 0))
		if err != nil {
			return c.ThrowError(err)
		}
		b := make([]byte, 0, len(s))
		for i := 0; i < len(s); {
			r, n := decodeWTF8(s, i)
			if r > 0xFF {
				return qjs.Int32(-1)
			}
			b = append(b, byte(r))
			i += n
		}
		return c.String(EncodeBase64(b, false))
	})

	// transcode(buf, from, to) -> Uint8Array, or undefined if the pair of
	// encodings is not supported.
	fn("transcode", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		buf, ok := argBytes(c, args, 0)
		if !ok {
			return notTyped(c)
		}
		out, ok := Transcode(buf, argEnc(args, 1), argEnc(args, 2))
		if !ok {
			return qjs.Undefined
		}
		return c.Uint8Array(out)
	})

	// encodeInto(string, u8) -> [read (UTF-16 units), written].
	fn("encodeInto", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s, err := c.ToGoString(qjs.Arg(args, 0))
		if err != nil {
			return c.ThrowError(err)
		}
		dst, ok := argBytes(c, args, 1)
		if !ok {
			return notTyped(c)
		}
		read, written := EncodeInto(dst, s)
		a := c.Array()
		c.SetIndex(a, 0, qjs.Int64(int64(read)))
		c.SetIndex(a, 1, qjs.Int64(int64(written)))
		return a
	})
}

func itoa(n int) string {
	switch n {
	case 16:
		return "16"
	case 32:
		return "32"
	}
	return "64"
}

// writeString encodes s into dst as Node's buf.write does: UTF-8 writes
// whole characters only, UCS-2 whole code units; others truncate.
func writeString(dst []byte, s string, enc Encoding) int {
	switch enc {
	case UTF8:
		n := utf8Prefix(s, len(dst))
		copy(dst, s[:n])
		if hasSurrogate(s[:n]) {
			copy(dst, EncodeUTF8(s[:n]))
		}
		return n
	case UCS2:
		b := EncodeUCS2(s)
		return copy(dst[:len(dst)&^1], b)
	}
	return copy(dst, Encode(s, enc))
}

// fillPattern repeats pat over dst.
func fillPattern(dst, pat []byte) {
	if len(dst) == 0 {
		return
	}
	n := copy(dst, pat)
	for n < len(dst) {
		n += copy(dst[n:], dst[:n])
	}
}

// IndexOf finds needle in buf as Buffer#indexOf (forward) or
// #lastIndexOf does, from byteOffset (negative counts from the end). With
// aligned (UCS-2) only even positions match.
func IndexOf(buf, needle []byte, byteOffset float64, aligned, forward bool) int {
	l, n := len(buf), len(needle)
	var off int
	switch {
	case byteOffset >= float64(l):
		off = l
	case byteOffset <= -float64(l)-1:
		off = -l - 1
	default:
		off = int(byteOffset)
	}
	if off < 0 {
		off += l
	}
	if off < 0 {
		if forward || n == 0 {
			off = 0
		} else {
			return -1
		}
	}
	if n == 0 {
		return min(off, l)
	}
	if aligned && (l < 2 || n < 2) {
		return -1
	}
	if forward {
		if aligned && off%2 == 1 {
			off--
		}
		for off+n <= l {
			i := bytes.Index(buf[off:], needle)
			if i < 0 {
				return -1
			}
			if !aligned || (off+i)%2 == 0 {
				return off + i
			}
			off += i + 1
		}
		return -1
	}
	if off > l-n {
		off = l - n
	}
	for off >= 0 {
		i := bytes.LastIndex(buf[:off+n], needle)
		if i < 0 {
			return -1
		}
		if !aligned || i%2 == 0 {
			return i
		}
		off = i - 1
	}
	return -1
}

// Swap reverses each group of size bytes in place.
func Swap(b []byte, size int) {
	for i := 0; i+size <= len(b); i += size {
		for j, k := i, i+size-1; j < k; j, k = j+1, k-1 {
			b[j], b[k] = b[k], b[j]
		}
	}
}

func isASCIIWhitespace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// Atob decodes forgiving base64 as the HTML atob does. code is 1 for an
// invalid character and 2 for input that is not correctly encoded.
func Atob(s string) (out []byte, code int) {
	clean := make([]byte, 0, len(s))
	pad := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isASCIIWhitespace(c):
		case c == '=':
			pad++
			clean = append(clean, c)
		case c < 0x80 && b64val[c] >= 0 && c != '-' && c != '_':
			if pad > 0 {
				return nil, 1
			}
			clean = append(clean, c)
		default:
			return nil, 1
		}
	}
	if pad > 0 {
		if pad > 2 || len(clean)%4 != 0 {
			return nil, 1
		}
		clean = clean[:len(clean)-pad]
	}
	if len(clean)%4 == 1 {
		return nil, 2
	}
	return DecodeBase64(string(clean)), 0
}

// Transcode re-encodes buf between ascii, latin1, ucs2 and utf8, replacing
// characters the target cannot hold with '?'.
func Transcode(buf []byte, from, to Encoding) ([]byte, bool) {
	ok := func(e Encoding) bool { return e == UTF8 || e == UCS2 || e == Latin1 || e == ASCII }
	if !ok(from) || !ok(to) {
		return nil, false
	}
	var s string
	if from == ASCII {
		// ICU's US-ASCII turns bytes above 0x7F into U+FFFD.
		var b []byte
		for _, c := range buf {
			if c < 0x80 {
				b = append(b, c)
			} else {
				b = append(b, 0xEF, 0xBF, 0xBD)
			}
		}
		s = string(b)
	} else {
		s = Decode(buf, from)
	}
	switch to {
	case Latin1, ASCII:
		limit := rune(0xFF)
		if to == ASCII {
			limit = 0x7F
		}
		out := make([]byte, 0, len(s))
		for i := 0; i < len(s); {
			r, n := decodeWTF8(s, i)
			i += n
			if r > limit || (r >= 0xD800 && r <= 0xDFFF) {
				r = '?'
			}
			out = append(out, byte(r))
		}
		return out, true
	}
	return Encode(s, to), true
}

// EncodeInto writes the UTF-8 encoding of WTF-8 text s into dst, whole
// characters only, and reports the UTF-16 units read and bytes written.
func EncodeInto(dst []byte, s string) (read, written int) {
	for i := 0; i < len(s); {
		r, n := decodeWTF8(s, i)
		if written+n > len(dst) {
			break
		}
		if r >= 0xD800 && r <= 0xDFFF {
			copy(dst[written:], "\uFFFD")
		} else {
			copy(dst[written:], s[i:i+n])
		}
		written += n
		i += n
		read++
		if r >= 0x10000 {
			read++
		}
	}
	return read, written
}
