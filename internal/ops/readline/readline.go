// Package readline implements the readline binding: the line splitting
// behind readline's 'line' events, done on a whole chunk of bytes at once,
// and the delivery of the lines to a single 'line' listener.
package readline

import (
	"bytes"
	"encoding/binary"
	"sync"
	"unicode/utf8"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/ops/buffer"
	"github.com/gonode/gonode/internal/qjs"
)

func init() { binding.Register("readline", initReadline) }

// The slots of the Int32Array that scanLines fills and emitLines reads.
const (
	infoStart     = iota // where the chunk's text starts (1 after a skipped '\n')
	infoFirstEnd         // end of the first line, -1 when no line ends
	infoFirstNext        // where the second line starts
	infoTail             // where the unfinished last line starts
	infoEndedCR          // 1 when the last line end is a '\r' closing the chunk
	infoFlags            // flagSimple | flagASCII
	infoSlots
)

// The bits of the infoFlags slot, about the chunk's text from its start.
const (
	flagSimple = 1 << iota // '\n' is its only line end
	flagASCII              // it is all ASCII
)

func initReadline(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	c.Set(obj, "infoSlots", qjs.Int32(infoSlots))
	// scanLines(chunk, skipLF, info) finds the line ends ("\r\n", "\n",
	// "\r", U+2028, U+2029) of the UTF-8 bytes of chunk (a Uint8Array) and
	// fills info: the text start (past a leading '\n' when skipLF, the
	// second half of a "\r\n" split across chunks), the end of the first
	// line and the start of the next (-1, -1 when no line ends), the start
	// of the unfinished last line, 1 when the last line end is a '\r'
	// that closes the chunk, and the flags of the text (flagSimple,
	// flagASCII).
	binding.Func(c, obj, "scanLines", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		b, ok := c.TypedArrayBytes(qjs.Arg(args, 0))
		if !ok {
			return c.ThrowTypeError("chunk must be a Uint8Array")
		}
		info, ok := int32s(c, qjs.Arg(args, 2))
		if !ok {
			return c.ThrowTypeError("info must be an Int32Array")
		}
		start := 0
		if c.ToBool(qjs.Arg(args, 1)) && len(b) > 0 && b[0] == '\n' {
			start = 1
		}
		setInfo(info, infoStart, start)
		// ASCII text holds no U+2028 or U+2029: only '\r' needs a look.
		ascii := isASCII(b[start:])
		simple := bytes.IndexByte(b[start:], '\r') < 0 && (ascii || bytes.IndexByte(b[start:], 0xE2) < 0)
		flags := 0
		if simple {
			flags |= flagSimple
		}
		if ascii {
			flags |= flagASCII
		}
		setInfo(info, infoFlags, flags)
		end, next, ok := nextLine(b, start, simple)
		if !ok {
			setInfo(info, infoFirstEnd, -1)
			setInfo(info, infoFirstNext, -1)
			setInfo(info, infoTail, start)
			setInfo(info, infoEndedCR, 0)
			return qjs.Undefined
		}
		setInfo(info, infoFirstEnd, end)
		setInfo(info, infoFirstNext, next)
		tail := lastLineStart(b, next, simple)
		setInfo(info, infoTail, tail)
		cr := 0
		if tail == len(b) && b[len(b)-1] == '\r' {
			cr = 1
		}
		setInfo(info, infoEndedCR, cr)
		return qjs.Undefined
	})
	// emitLines(chunk, info, first, self, handler, changes) delivers the
	// complete lines that scanLines found in chunk: the first is first
	// when it is a string (the caller joined it to the text before the
	// chunk), else the chunk's first line. With handler a function (the
	// caller checked that it is self's only 'line' listener), it calls
	// handler.call(self, line) for each line, in order, as long as
	// changes[0] has not changed, checked before each call: the interface
	// bumps that Int32Array counter when a 'line' listener is added or
	// removed and when a question is asked (it takes the next line). It
	// returns the lines it did not deliver as an array, or undefined when
	// it delivered them all; an exception thrown by handler propagates at
	// once. Without a handler it returns all the lines.
	binding.Func(c, obj, "emitLines", 6, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		chunk, ok := c.TypedArrayBytes(qjs.Arg(args, 0))
		if !ok {
			return c.ThrowTypeError("chunk must be a Uint8Array")
		}
		info, ok := int32s(c, qjs.Arg(args, 1))
		if !ok {
			return c.ThrowTypeError("info must be an Int32Array")
		}
		start, firstEnd := getInfo(info, infoStart), getInfo(info, infoFirstEnd)
		firstNext, tail := getInfo(info, infoFirstNext), getInfo(info, infoTail)
		if start < 0 || firstEnd < start || firstNext < firstEnd || tail < firstNext || tail > len(chunk) {
			return c.ThrowRangeError("emitLines: bad line positions")
		}
		// The handlers run JS that could detach or reuse the chunk's
		// memory: work on a copy (in a buffer reused across calls; a
		// handler that writes to the interface gets another).
		sc := scratchPool.Get().(*scratch)
		defer scratchPool.Put(sc)
		sc.b = append(sc.b[:0], chunk[start:tail]...)
		b := sc.b
		firstEnd, firstNext = firstEnd-start, firstNext-start
		// ASCII text (the common case) makes its strings without the
		// engine's scan of every byte. (The flags are scanLines' about
		// the same bytes: only the caller's code runs in between.)
		flags := getInfo(info, infoFlags)
		ascii := flags&flagASCII != 0
		valid := ascii || utf8.Valid(b)
		first := qjs.Arg(args, 2)
		lines := append(sc.lines[:0], Line{0, firstEnd, firstNext})
		lines = split(b, firstNext, lines, flags&flagSimple != 0)
		sc.lines = lines
		line := func(i int) qjs.Value {
			if i == 0 && first.IsString() {
				return c.Dup(first)
			}
			s := b[lines[i].Start:lines[i].End]
			switch {
			case ascii:
				return c.Latin1String(s)
			case !valid:
				s = []byte(buffer.DecodeUTF8(s))
			}
			return c.StringFromBytes(s)
		}
		self, handler := qjs.Arg(args, 3), qjs.Arg(args, 4)
		i := 0
		if c.IsFunction(handler) {
			changes, ok := c.TypedArrayBytes(qjs.Arg(args, 5))
			if !ok || len(changes) < 4 {
				return c.ThrowTypeError("changes must be an Int32Array")
			}
			// changes is read again before each call: a handler can
			// detach it only by reaching into the binding.
			atStart := getInfo(changes, 0)
			k := c.NewCaller(handler, self)
			for ; i < len(lines); i++ {
				if i > 0 && getInfo(changes, 0) != atStart {
					break
				}
				var r qjs.Value
				if ascii && (i > 0 || !first.IsString()) {
					r = k.CallLatin1(b[lines[i].Start:lines[i].End])
				} else {
					s := line(i)
					r = k.Call(s)
					c.Free(s)
				}
				if r.IsException() {
					k.Close()
					return r
				}
				c.Free(r)
			}
			k.Close()
			if i == len(lines) {
				return qjs.Undefined
			}
		}
		arr := c.Array()
		for k := i; k < len(lines); k++ {
			c.SetIndex(arr, uint32(k-i), line(k))
		}
		return arr
	})
}

// scratch is the working memory of one emitLines call.
type scratch struct {
	b     []byte
	lines []Line
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// int32s returns the bytes of an Int32Array of at least infoSlots elements.
func int32s(c *qjs.Context, v qjs.Value) ([]byte, bool) {
	b, ok := c.TypedArrayBytes(v)
	return b, ok && len(b) >= 4*infoSlots
}

// setInfo and getInfo access slot i of an Int32Array's bytes, in native
// byte order (little-endian on every target gonode builds for).
func setInfo(b []byte, i, v int) {
	b = b[4*i:]
	b[0], b[1], b[2], b[3] = byte(v), byte(v>>8), byte(v>>16), byte(v>>24)
}

func getInfo(b []byte, i int) int {
	b = b[4*i:]
	return int(int32(uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24))
}

// Line is one complete line of a chunk: its text is chunk[Start:End], and
// the next line starts at Next (after the line end).
type Line struct {
	Start, End, Next int
}

// lineEnd reports whether a line end starts at b[i], and where the text
// after it starts.
func lineEnd(b []byte, i int) (next int, ok bool) {
	switch b[i] {
	case '\n':
		return i + 1, true
	case '\r':
		if i+1 < len(b) && b[i+1] == '\n' {
			return i + 2, true
		}
		return i + 1, true
	case 0xE2:
		// E2 80 A8 and E2 80 A9 are U+2028 and U+2029. 0xE2 is never a
		// continuation byte, so these three bytes are that character
		// wherever they appear, valid UTF-8 or not around them.
		if i+2 < len(b) && b[i+1] == 0x80 && (b[i+2] == 0xA8 || b[i+2] == 0xA9) {
			return i + 3, true
		}
	}
	return 0, false
}

// isASCII reports whether b is all ASCII, 32 bytes at a time.
func isASCII(b []byte) bool {
	const hi = 0x8080808080808080
	for len(b) >= 32 {
		x := binary.LittleEndian.Uint64(b) | binary.LittleEndian.Uint64(b[8:]) |
			binary.LittleEndian.Uint64(b[16:]) | binary.LittleEndian.Uint64(b[24:])
		if x&hi != 0 {
			return false
		}
		b = b[32:]
	}
	for len(b) >= 8 {
		if binary.LittleEndian.Uint64(b)&hi != 0 {
			return false
		}
		b = b[8:]
	}
	for _, x := range b {
		if x >= 0x80 {
			return false
		}
	}
	return true
}

// simple reports whether '\n' is the only line end b can hold.
func simple(b []byte) bool {
	return bytes.IndexByte(b, '\r') < 0 && bytes.IndexByte(b, 0xE2) < 0
}

// NextLine finds the first line end in b[start:]: the line is
// b[start:end] and the next starts at next.
func NextLine(b []byte, start int) (end, next int, ok bool) {
	return nextLine(b, start, simple(b[start:]))
}

// nextLine is NextLine, told whether '\n' is the only line end of
// b[start:].
func nextLine(b []byte, start int, simple bool) (end, next int, ok bool) {
	if simple {
		j := bytes.IndexByte(b[start:], '\n')
		if j < 0 {
			return 0, 0, false
		}
		return start + j, start + j + 1, true
	}
	for i := start; i < len(b); i++ {
		if n, ok := lineEnd(b, i); ok {
			return i, n, true
		}
	}
	return 0, 0, false
}

// LastLineStart returns where the text after the last line end of
// b[from:] starts (from when there is none).
func LastLineStart(b []byte, from int) int {
	return lastLineStart(b, from, simple(b[from:]))
}

// lastLineStart is LastLineStart, told whether '\n' is the only line end
// of b[from:].
func lastLineStart(b []byte, from int, simple bool) int {
	if simple {
		return from + bytes.LastIndexByte(b[from:], '\n') + 1
	}
	last := from
	for i := from; i < len(b); i++ {
		if n, ok := lineEnd(b, i); ok {
			last = n
			i = n - 1
		}
	}
	return last
}

// Split appends to lines the complete lines of b[start:]. Bytes after the
// last line end are not a line.
func Split(b []byte, start int, lines []Line) []Line {
	return split(b, start, lines, simple(b[start:]))
}

// split is Split, told whether '\n' is the only line end of b[start:].
func split(b []byte, start int, lines []Line, simple bool) []Line {
	if simple {
		for i := start; ; {
			j := bytes.IndexByte(b[i:], '\n')
			if j < 0 {
				return lines
			}
			lines = append(lines, Line{i, i + j, i + j + 1})
			i += j + 1
		}
	}
	ls := start
	for i := start; i < len(b); i++ {
		if n, ok := lineEnd(b, i); ok {
			lines = append(lines, Line{ls, i, n})
			ls = n
			i = n - 1
		}
	}
	return lines
}
