package buffer

import (
	"encoding/base64"
	"unicode/utf8"
)

// Encoding identifies one of Node's buffer encodings. The numbers are
// shared with lib/buffer.js.
type Encoding int

// The encodings, as lib/buffer.js numbers them.
const (
	UTF8 Encoding = iota + 1
	UCS2
	Latin1
	ASCII
	Base64
	Base64URL
	Hex
)

// Strings coming from the engine are WTF-8: valid UTF-8 except that a lone
// UTF-16 surrogate is kept as its 3-byte generalized encoding (ED A0..BF xx).
// Strings handed back to the engine use the same form, so that lone
// surrogates survive a round trip.

// decodeWTF8 decodes one code point of WTF-8 text at s[i:], returning the
// code point (a surrogate for a lone one) and its size.
func decodeWTF8(s string, i int) (rune, int) {
	c := s[i]
	if c < 0x80 {
		return rune(c), 1
	}
	if c == 0xED && i+2 < len(s) && s[i+1] >= 0xA0 && s[i+1] <= 0xBF {
		return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return r, n
}

// appendWTF8 appends r (a scalar value or a lone surrogate) to b.
func appendWTF8(b []byte, r rune) []byte {
	if r >= 0xD800 && r <= 0xDFFF {
		return append(b, 0xED, byte(0x80|(r>>6)&0x3F), byte(0x80|r&0x3F))
	}
	return utf8.AppendRune(b, r)
}

// hasSurrogate reports whether WTF-8 text s holds a lone surrogate.
func hasSurrogate(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == 0xED && s[i+1] >= 0xA0 {
			return true
		}
	}
	return false
}

// EncodeUTF8 converts WTF-8 text to UTF-8, replacing each lone surrogate
// with U+FFFD (same length, 3 bytes), as Node does.
func EncodeUTF8(s string) []byte {
	b := []byte(s)
	for i := 0; i+2 < len(b); i++ {
		if b[i] == 0xED && b[i+1] >= 0xA0 {
			b[i], b[i+1], b[i+2] = 0xEF, 0xBF, 0xBD
			i += 2
		}
	}
	return b
}

// utf8Prefix returns how many bytes of UTF-8 (or WTF-8) text s fit in n
// bytes without splitting a character.
func utf8Prefix(s string, n int) int {
	if n >= len(s) {
		return len(s)
	}
	i := n
	for i > 0 && s[i]&0xC0 == 0x80 {
		i--
	}
	return i
}

// EncodeUCS2 converts WTF-8 text to UTF-16LE code units.
func EncodeUCS2(s string) []byte {
	out := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); {
		r, n := decodeWTF8(s, i)
		i += n
		if r >= 0x10000 {
			r -= 0x10000
			hi, lo := 0xD800+(r>>10), 0xDC00+(r&0x3FF)
			out = append(out, byte(hi), byte(hi>>8), byte(lo), byte(lo>>8))
			continue
		}
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

// EncodeLatin1 keeps the low byte of each UTF-16 code unit of WTF-8 text
// (Node's latin1, binary and ascii writes).
func EncodeLatin1(s string) []byte {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			out = append(out, c)
			i++
			continue
		}
		r, n := decodeWTF8(s, i)
		i += n
		if r >= 0x10000 {
			r -= 0x10000
			out = append(out, byte(0xD800+(r>>10)), byte(0xDC00+(r&0x3FF)))
			continue
		}
		out = append(out, byte(r))
	}
	return out
}

// base64 digit values; both alphabets are accepted when decoding.
var b64val = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	const std = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	for i := 0; i < len(std); i++ {
		t[std[i]] = int8(i)
	}
	t['-'] = 62
	t['_'] = 63
	return
}()

// DecodeBase64 decodes base64 or base64url text leniently as Node does:
// characters outside both alphabets are skipped, decoding stops at the
// first '=', and a lone trailing digit is dropped.
func DecodeBase64(s string) []byte {
	// Fast path: well-formed standard base64, the common case, decodes with
	// the standard library (several times faster than the lenient loop).
	enc := base64.StdEncoding
	if len(s)%4 != 0 {
		enc = base64.RawStdEncoding
	}
	// (Go skips \r and \n as Node skips whitespace.)
	if out, err := enc.DecodeString(s); err == nil {
		return out
	}
	return decodeBase64Lenient(s)
}

// decodeBase64Lenient decodes as Node does: both alphabets, characters
// outside them skipped, decoding stopped at the first '='.
func decodeBase64Lenient(s string) []byte {
	out := make([]byte, 0, len(s)*3/4+3)
	var acc uint32
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '=' {
			break
		}
		v := b64val[c]
		if v < 0 {
			continue
		}
		acc = acc<<6 | uint32(v)
		n++
		if n == 4 {
			out = append(out, byte(acc>>16), byte(acc>>8), byte(acc))
			acc, n = 0, 0
		}
	}
	switch n {
	case 2:
		out = append(out, byte(acc>>4))
	case 3:
		out = append(out, byte(acc>>10), byte(acc>>2))
	}
	return out
}

// Base64ByteLength is Node's estimate of the decoded size of base64 text
// of n characters ending in s's last two characters.
func Base64ByteLength(s string) int {
	n := len(s)
	if n > 0 && s[n-1] == '=' {
		n--
		if n > 0 && s[n-1] == '=' {
			n--
		}
	}
	return n * 3 >> 2
}

func unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// DecodeHex decodes pairs of hex digits up to the first invalid pair.
func DecodeHex(s string) []byte {
	out := make([]byte, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		a, b := unhex(s[i]), unhex(s[i+1])
		if a < 0 || b < 0 {
			break
		}
		out = append(out, byte(a<<4|b))
	}
	return out
}

// Encode converts WTF-8 text from the engine to bytes in enc.
func Encode(s string, enc Encoding) []byte {
	switch enc {
	case UCS2:
		return EncodeUCS2(s)
	case Latin1, ASCII:
		return EncodeLatin1(s)
	case Base64, Base64URL:
		return DecodeBase64(s)
	case Hex:
		return DecodeHex(s)
	}
	return EncodeUTF8(s)
}

// DecodeUTF8 converts bytes to valid UTF-8, replacing each maximal invalid
// subsequence with U+FFFD as the WHATWG decoder does.
func DecodeUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	out := make([]byte, 0, len(b)+8)
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			out = append(out, c)
			i++
			continue
		}
		n := validSeq(b[i:])
		if n > 0 {
			out = append(out, b[i:i+n]...)
			i += n
			continue
		}
		out = append(out, 0xEF, 0xBF, 0xBD)
		i += -n
	}
	return string(out)
}

// validSeq looks at a sequence starting with a non-ASCII byte: it returns
// its length if it is a valid character, or minus the length of the
// maximal invalid subpart to replace by one U+FFFD.
func validSeq(b []byte) int {
	c := b[0]
	var need int
	lo, hi := byte(0x80), byte(0xBF)
	switch {
	case c >= 0xC2 && c <= 0xDF:
		need = 1
	case c >= 0xE0 && c <= 0xEF:
		need = 2
		if c == 0xE0 {
			lo = 0xA0
		} else if c == 0xED {
			hi = 0x9F
		}
	case c >= 0xF0 && c <= 0xF4:
		need = 3
		if c == 0xF0 {
			lo = 0x90
		} else if c == 0xF4 {
			hi = 0x8F
		}
	default:
		return -1
	}
	for k := 1; k <= need; k++ {
		if k >= len(b) || b[k] < lo || b[k] > hi {
			return -k
		}
		lo, hi = 0x80, 0xBF
	}
	return need + 1
}

// incompleteUTF8Tail returns how many bytes at the end of b start a valid
// but unfinished UTF-8 character (0 to 3).
func incompleteUTF8Tail(b []byte) int {
	for k := 1; k <= 3 && k <= len(b); k++ {
		c := b[len(b)-k]
		if c < 0x80 {
			return 0
		}
		if c >= 0xC0 {
			n := validSeq(b[len(b)-k:])
			if n == -k { // valid so far, ran out of bytes
				return k
			}
			return 0
		}
	}
	return 0
}

// DecodeUCS2 converts UTF-16LE bytes (an odd last byte is ignored) to
// WTF-8.
func DecodeUCS2(b []byte) string {
	n := len(b) / 2
	out := make([]byte, 0, n+n/2)
	for i := 0; i < n; i++ {
		u := rune(b[2*i]) | rune(b[2*i+1])<<8
		if u >= 0xD800 && u <= 0xDBFF && i+1 < n {
			u2 := rune(b[2*i+2]) | rune(b[2*i+3])<<8
			if u2 >= 0xDC00 && u2 <= 0xDFFF {
				out = utf8.AppendRune(out, 0x10000+(u-0xD800)<<10+(u2-0xDC00))
				i++
				continue
			}
		}
		if u < 0x80 {
			out = append(out, byte(u))
			continue
		}
		out = appendWTF8(out, u)
	}
	return string(out)
}

// DecodeLatin1 maps each byte to the code point of the same value.
func DecodeLatin1(b []byte) string {
	out := make([]byte, 0, len(b)+len(b)/4)
	for _, c := range b {
		if c < 0x80 {
			out = append(out, c)
		} else {
			out = append(out, 0xC0|c>>6, 0x80|c&0x3F)
		}
	}
	return string(out)
}

// DecodeASCII clears the high bit of each byte.
func DecodeASCII(b []byte) string {
	out := make([]byte, len(b))
	for i, c := range b {
		out[i] = c & 0x7F
	}
	return string(out)
}

const (
	b64std = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	b64url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
)

// EncodeBase64 encodes b as base64 (padded) or base64url (unpadded).
func EncodeBase64(b []byte, url bool) string {
	alpha := b64std
	if url {
		alpha = b64url
	}
	out := make([]byte, 0, (len(b)+2)/3*4)
	i := 0
	for ; i+2 < len(b); i += 3 {
		v := uint32(b[i])<<16 | uint32(b[i+1])<<8 | uint32(b[i+2])
		out = append(out, alpha[v>>18], alpha[v>>12&63], alpha[v>>6&63], alpha[v&63])
	}
	switch len(b) - i {
	case 1:
		v := uint32(b[i]) << 16
		out = append(out, alpha[v>>18], alpha[v>>12&63])
		if !url {
			out = append(out, '=', '=')
		}
	case 2:
		v := uint32(b[i])<<16 | uint32(b[i+1])<<8
		out = append(out, alpha[v>>18], alpha[v>>12&63], alpha[v>>6&63])
		if !url {
			out = append(out, '=')
		}
	}
	return string(out)
}

// EncodeHex encodes b as lowercase hex.
func EncodeHex(b []byte) string {
	const digits = "0123456789abcdef"
	out := make([]byte, 2*len(b))
	for i, c := range b {
		out[2*i] = digits[c>>4]
		out[2*i+1] = digits[c&15]
	}
	return string(out)
}

// Decode converts bytes in enc to WTF-8 text for the engine.
func Decode(b []byte, enc Encoding) string {
	switch enc {
	case UCS2:
		return DecodeUCS2(b)
	case Latin1:
		return DecodeLatin1(b)
	case ASCII:
		return DecodeASCII(b)
	case Base64:
		return EncodeBase64(b, false)
	case Base64URL:
		return EncodeBase64(b, true)
	case Hex:
		return EncodeHex(b)
	}
	return DecodeUTF8(b)
}

// IsASCII reports whether every byte is below 0x80.
func IsASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// MaxStringLength is the longest string, in UTF-16 code units, that the
// engine can hold (QuickJS's limit, 2^30-1); node:buffer exports it as
// kStringMaxLength.
const MaxStringLength = 1<<30 - 1

// DecodedLength returns the length in UTF-16 code units of the string that
// Decode(b, enc) makes, or for UTF-8 up to MaxStringLength bytes an upper
// bound, without building the string.
func DecodedLength(b []byte, enc Encoding) int {
	switch enc {
	case UCS2:
		return len(b) / 2
	case Latin1, ASCII:
		return len(b)
	case Base64:
		return (len(b) + 2) / 3 * 4
	case Base64URL:
		return (len(b)*4 + 2) / 3
	case Hex:
		return len(b) * 2
	}
	// A UTF-8 sequence never decodes to more code units than it has bytes.
	if len(b) <= MaxStringLength {
		return len(b)
	}
	return UTF8DecodedLength(b)
}

// UTF8DecodedLength returns the length in UTF-16 code units of
// DecodeUTF8(b), without building the string.
func UTF8DecodedLength(b []byte) int {
	n := 0
	for i := 0; i < len(b); {
		if b[i] < 0x80 {
			i++
			n++
			continue
		}
		k := validSeq(b[i:])
		if k < 0 {
			i -= k
			n++
			continue
		}
		i += k
		n++
		if k == 4 {
			n++
		}
	}
	return n
}
