package qjs

import (
	"strings"

	lib "modernc.org/libquickjs"
)

// Error is a JS exception caught on the Go side. It keeps the thrown value
// (so it can be rethrown or handed to JS) until Free is called or the
// context closes.
type Error struct {
	ctx   *Context
	val   Value
	freed bool

	Name    string // constructor name, e.g. "TypeError"; "" for non-errors
	Message string // error message, or String(value) for non-errors
	Stack   string // the "    at ..." lines, may be empty
}

// Error implements error as "Name: Message".
func (e *Error) Error() string {
	if e.Name == "" {
		return "Uncaught " + e.Message
	}
	return e.Name + ": " + e.Message
}

// Value returns the thrown value, borrowed from the Error.
func (e *Error) Value() Value {
	if e.freed {
		return Undefined
	}
	return e.val
}

// Free releases the thrown value.
func (e *Error) Free() {
	if e.freed {
		return
	}
	e.freed = true
	e.ctx.Free(e.val)
	delete(e.ctx.errs, e)
}

// HasException reports whether an exception is pending.
func (c *Context) HasException() bool {
	return lib.XJS_HasException(c.tls, c.c) != 0
}

// ClearException drops a pending exception.
func (c *Context) ClearException() {
	c.Free(Value{lib.XJS_GetException(c.tls, c.c)})
}

// TakeException returns the pending exception as an owned Value.
func (c *Context) TakeException() Value {
	return Value{lib.XJS_GetException(c.tls, c.c)}
}

// takeException converts the pending exception into an *Error.
func (c *Context) takeException() error {
	v := Value{lib.XJS_GetException(c.tls, c.c)}
	return c.NewError(v)
}

// NewError wraps a thrown value, taking it.
func (c *Context) NewError(v Value) *Error {
	e := &Error{ctx: c, val: v}
	c.errs[e] = struct{}{}
	if c.IsError(v) {
		n := c.Get(v, "name")
		e.Name = c.GoString(n)
		c.Free(n)
		m := c.Get(v, "message")
		e.Message = c.GoString(m)
		c.Free(m)
		s := c.Get(v, "stack")
		if s.IsString() {
			e.Stack = c.GoString(s)
		}
		c.Free(s)
	} else {
		s, err := c.ToGoString(v)
		if err != nil {
			c.ClearException()
			s = "[object]"
		}
		e.Message = s
	}
	return e
}

// Throw throws v (taking it) and returns Exception.
func (c *Context) Throw(v Value) Value {
	return Value{lib.XJS_Throw(c.tls, c.c, v.v)}
}

// ThrowError throws err: a *Error rethrows its original value, anything
// else becomes a JS Error with err's message.
func (c *Context) ThrowError(err error) Value {
	if e, ok := err.(*Error); ok && !e.freed && e.ctx == c {
		v := c.Dup(e.val)
		e.Free()
		return c.Throw(v)
	}
	return c.throwNew("Error", err.Error())
}

// ThrowTypeError throws a TypeError with msg.
func (c *Context) ThrowTypeError(msg string) Value { return c.throwNew("TypeError", msg) }

// ThrowRangeError throws a RangeError with msg.
func (c *Context) ThrowRangeError(msg string) Value { return c.throwNew("RangeError", msg) }

// ThrowInternalError throws an InternalError with msg.
func (c *Context) ThrowInternalError(msg string) Value {
	return c.throwNew("InternalError", msg)
}

// MakeError creates (without throwing) an error of the named global class.
func (c *Context) MakeError(class, msg string) Value {
	g := c.Global()
	ctor := c.Get(g, class)
	c.Free(g)
	m := c.String(msg)
	v, err := c.New(ctor, m)
	c.Free(m)
	c.Free(ctor)
	if err != nil {
		// The constructor is missing or threw; fall back to a plain Error.
		err.(*Error).Free()
		v = Value{lib.XJS_NewError(c.tls, c.c)}
		c.Set(v, "message", c.String(msg))
	}
	return v
}

func (c *Context) throwNew(class, msg string) Value {
	return c.Throw(c.MakeError(class, msg))
}

// StackFrame is one parsed "at" line of a QuickJS stack.
type StackFrame struct {
	Func   string
	File   string
	Line   int
	Column int
}

// ParseStack parses QuickJS "    at f (file:line:col)" lines.
func ParseStack(stack string) []StackFrame {
	var out []StackFrame
	for _, ln := range strings.Split(stack, "\n") {
		ln = strings.TrimSpace(ln)
		if !strings.HasPrefix(ln, "at ") {
			continue
		}
		ln = ln[3:]
		var f StackFrame
		loc := ln
		if i := strings.LastIndex(ln, " ("); i >= 0 && strings.HasSuffix(ln, ")") {
			f.Func = ln[:i]
			loc = ln[i+2 : len(ln)-1]
		}
		f.File, f.Line, f.Column = splitLocation(loc)
		out = append(out, f)
	}
	return out
}

func splitLocation(loc string) (file string, line, col int) {
	file = loc
	parts := strings.Split(loc, ":")
	if len(parts) >= 3 {
		l, ok1 := atoi(parts[len(parts)-2])
		cc, ok2 := atoi(parts[len(parts)-1])
		if ok1 && ok2 {
			return strings.Join(parts[:len(parts)-2], ":"), l, cc
		}
	}
	if len(parts) >= 2 {
		if l, ok := atoi(parts[len(parts)-1]); ok {
			return strings.Join(parts[:len(parts)-1], ":"), l, 0
		}
	}
	return file, 0, 0
}

func atoi(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for _, ch := range s {
		if ch < '0' || ch > '9' {
			return 0, false
		}
		n = n*10 + int(ch-'0')
	}
	return n, true
}

// ThrowUncatchable throws v (taking it) so that no JS catch or finally
// intercepts it: used for process.exit and for stopping an instance.
func (c *Context) ThrowUncatchable(v Value) Value {
	r := c.Throw(v)
	lib.XJS_SetUncatchableException(c.tls, c.c, 1)
	return r
}
