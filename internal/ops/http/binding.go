package http

import (
	"time"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/ops/tcp"
	"github.com/gonode/gonode/internal/qjs"
)

func init() { binding.Register("http_parser", initBinding) }

// Event kinds in the flat array returned by execute and finish. For a
// request the upgrade slot of evHead is a number instead of a boolean:
// headUpgrade | headHost | headExpect.
const (
	evHead     = 1 // kind, methodOrStatus, urlOrReason, major, minor, rawHeaders, keepAlive, upgrade
	evBody     = 2 // kind, start, end
	evComplete = 3 // kind, trailers (array or null)
	evError    = 4 // kind, code, reason, offset
	evPaused   = 5 // kind, offset
	// evBegun ends the array of a request parser that holds the first
	// bytes of a message whose head is not complete: the message has
	// begun (the server's header and request timeouts count from now).
	evBegun = 6 // kind
	// evHeadComplete stands for the events array of a request parser
	// whose chunk held exactly one whole message without a body or
	// trailers (a GET): a read hook passes it instead of the array, with
	// the head's fields as arguments of their own (see attach).
	evHeadComplete = 7
)

// Bits of a request head's upgrade slot.
const (
	headUpgrade = 1 // the request asks for an upgrade (or is CONNECT)
	headHost    = 2 // it has a Host header
	headExpect  = 4 // it has an Expect header
)

// collector gathers a Parser's events during one call.
type collector struct {
	ev []event
}

type event struct {
	kind       int
	head       *Head
	start, end int
	trailers   []string
}

func (c *collector) OnHead(h *Head) { c.ev = append(c.ev, event{kind: evHead, head: h}) }
func (c *collector) OnBody(start, end int) {
	if end > start {
		c.ev = append(c.ev, event{kind: evBody, start: start, end: end})
	}
}
func (c *collector) OnComplete(t []string) {
	c.ev = append(c.ev, event{kind: evComplete, trailers: t})
}

type parsers struct {
	m    map[int64]*Parser
	next int64
	col  collector
	// attached: parser id -> the connection whose reads it parses.
	attached map[int64]*attachment
	// interned method strings, to hand JS the same atoms repeatedly
	methodVals map[string]qjs.Value
}

// attachment is a parser fed by a connection's read hook.
type attachment struct {
	conn   int64
	fn     qjs.Value // fn(arg, events, arraybuffer|undefined, length)
	arg    qjs.Value
	hooks  tcp.Hooks
	parser int64
}

// detach clears a parser's read hook and frees its callback values.
func (ps *parsers) detach(c *qjs.Context, id int64) {
	a := ps.attached[id]
	if a == nil {
		return
	}
	delete(ps.attached, id)
	a.hooks.SetReadHook(a.conn, nil)
	c.Free(a.fn)
	c.Free(a.arg)
}

func initBinding(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	ps := &parsers{m: map[int64]*Parser{}, methodVals: map[string]qjs.Value{}, attached: map[int64]*attachment{}}
	c.Set(obj, "methods", c.StringArray(Methods))
	c.Set(obj, "kRequest", qjs.Int32(int32(Request)))
	c.Set(obj, "kResponse", qjs.Int32(int32(Response)))
	c.Set(obj, "kHeadResponse", qjs.Int32(FlagHeadResponse))
	c.Set(obj, "kConnectResponse", qjs.Int32(FlagConnectResponse))
	c.Set(obj, "defaultMaxHeaderSize", qjs.Int32(DefaultMaxHeaderSize))
	c.Set(obj, "kHeadUpgrade", qjs.Int32(headUpgrade))
	c.Set(obj, "kHeadHost", qjs.Int32(headHost))
	c.Set(obj, "kHeadExpect", qjs.Int32(headExpect))
	c.Set(obj, "kEvHeadComplete", qjs.Int32(evHeadComplete))

	// create(kind, maxHeaderSize, lenient) -> id
	binding.Func(c, obj, "create", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		kind := Kind(qjs.Arg(args, 0).Int())
		ps.next++
		p := NewParser(kind, int(qjs.Arg(args, 1).Int()))
		p.Lenient = c.ToBool(qjs.Arg(args, 2))
		ps.m[ps.next] = p
		return qjs.Int64(ps.next)
	})
	// free(id)
	binding.Func(c, obj, "free", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		id := qjs.Arg(args, 0).Int()
		ps.detach(c, id)
		delete(ps.m, id)
		return qjs.Undefined
	})
	// attach(id, connId, fn, arg) -> bool: the parser reads what the tcp
	// connection connId receives, in Go: each chunk becomes one call
	// fn(arg, events, ab, length, now), where events is execute's array,
	// ab an ArrayBuffer of the chunk's bytes (undefined when no event
	// refers to them) and now the time as Date.now() gives it. The end of the stream and errors still reach the
	// connection's onread. Returns false if it cannot attach.
	//
	// A chunk of a request parser that held exactly one whole message
	// without a body or trailers (the usual GET) is passed without an
	// events array: the call is fn(arg, kEvHeadComplete, undefined,
	// length, now, method, url, major, minor, rawHeaders, keepAlive,
	// upgradeBits), the values of its head event.
	binding.Func(c, obj, "attach", 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		id := qjs.Arg(args, 0).Int()
		p := ps.m[id]
		hooks, _ := env.Shared["tcp"].(tcp.Hooks)
		if p == nil || hooks == nil || !c.IsFunction(qjs.Arg(args, 2)) {
			return qjs.Bool(false)
		}
		ps.detach(c, id)
		a := &attachment{conn: qjs.Arg(args, 1).Int(), hooks: hooks, parser: id}
		hook := func(data []byte) bool {
			p := ps.m[a.parser]
			if p == nil || ps.attached[a.parser] != a {
				return false
			}
			ps.col.ev = ps.col.ev[:0]
			n, err := p.Execute(data, &ps.col)
			if err == nil && p.kind == Request && len(ps.col.ev) == 2 && ps.col.ev[0].kind == evHead &&
				ps.col.ev[1].kind == evComplete && ps.col.ev[1].trailers == nil && !p.Paused() && !p.MidHead() {
				h := ps.col.ev[0].head
				ps.col.ev = ps.col.ev[:0]
				env.Call(a.fn, c.Dup(a.arg), qjs.Int32(evHeadComplete), qjs.Undefined, qjs.Int32(int32(len(data))),
					qjs.Int64(time.Now().UnixMilli()), ps.method(c, h.Method), c.String(h.URL),
					qjs.Int32(int32(h.Major)), qjs.Int32(int32(h.Minor)), c.StringArray(h.RawHeaders),
					qjs.Bool(h.KeepAlive), qjs.Int32(requestBits(h)))
				return true
			}
			raw := err != nil || p.Paused()
			for _, e := range ps.col.ev {
				if e.kind == evBody {
					raw = true
					break
				}
			}
			events := ps.result(c, p, n, len(data), err)
			ab := qjs.Undefined
			if raw {
				ab = c.ArrayBuffer(data)
			}
			now := qjs.Int64(time.Now().UnixMilli())
			env.Call(a.fn, c.Dup(a.arg), events, ab, qjs.Int32(int32(len(data))), now)
			return true
		}
		if !hooks.SetReadHook(a.conn, hook) {
			return qjs.Bool(false)
		}
		a.fn = c.Dup(qjs.Arg(args, 2))
		a.arg = c.Dup(qjs.Arg(args, 3))
		ps.attached[id] = a
		return qjs.Bool(true)
	})
	// detach(id): the parser no longer reads its connection.
	binding.Func(c, obj, "detach", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		ps.detach(c, qjs.Arg(args, 0).Int())
		return qjs.Undefined
	})
	// reset(id, kind)
	binding.Func(c, obj, "reset", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if p := ps.m[qjs.Arg(args, 0).Int()]; p != nil {
			p.Reset(Kind(qjs.Arg(args, 1).Int()))
		}
		return qjs.Undefined
	})
	// setFlags(id, flags): how the next response is read.
	binding.Func(c, obj, "setFlags", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if p := ps.m[qjs.Arg(args, 0).Int()]; p != nil {
			p.Flags = int(qjs.Arg(args, 1).Int())
		}
		return qjs.Undefined
	})
	// resume(id): continue a paused (upgrade) message as plain HTTP.
	binding.Func(c, obj, "resume", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if p := ps.m[qjs.Arg(args, 0).Int()]; p != nil {
			p.Resume()
		}
		return qjs.Undefined
	})
	// execute(id, data[, length]) -> flat event array. data is a typed
	// array, or an ArrayBuffer of which the first length bytes are read
	// (a socket's read buffer, without making a view of it first).
	binding.Func(c, obj, "execute", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := ps.m[qjs.Arg(args, 0).Int()]
		if p == nil {
			return c.ThrowTypeError("http_parser: bad parser")
		}
		var data []byte
		var ok bool
		if n := qjs.Arg(args, 2); n.IsNumber() {
			data, ok = c.ArrayBufferBytes(qjs.Arg(args, 1))
			if ok {
				if l := int(n.Int()); l >= 0 && l <= len(data) {
					data = data[:l]
				} else {
					ok = false
				}
			} else {
				c.ClearException()
			}
		} else {
			data, ok = c.TypedArrayBytes(qjs.Arg(args, 1))
		}
		if !ok {
			return c.ThrowTypeError("http_parser: data must be a Uint8Array or an ArrayBuffer and length")
		}
		ps.col.ev = ps.col.ev[:0]
		n, err := p.Execute(data, &ps.col)
		return ps.result(c, p, n, len(data), err)
	})
	// finish(id) -> flat event array: the stream ended.
	binding.Func(c, obj, "finish", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := ps.m[qjs.Arg(args, 0).Int()]
		if p == nil {
			return c.Array()
		}
		ps.col.ev = ps.col.ev[:0]
		err := p.Finish(&ps.col)
		return ps.result(c, p, 0, 0, err)
	})
}

// result builds the flat event array for JS.
func (ps *parsers) result(c *qjs.Context, p *Parser, n, size int, err *Error) qjs.Value {
	arr := c.Array()
	var i uint32
	put := func(v qjs.Value) {
		c.SetIndex(arr, i, v)
		i++
	}
	for _, e := range ps.col.ev {
		put(qjs.Int32(int32(e.kind)))
		switch e.kind {
		case evHead:
			h := e.head
			if p.kind == Request {
				put(ps.method(c, h.Method))
				put(c.String(h.URL))
			} else {
				put(qjs.Int32(int32(h.Status)))
				put(c.String(h.Reason))
			}
			put(qjs.Int32(int32(h.Major)))
			put(qjs.Int32(int32(h.Minor)))
			put(c.StringArray(h.RawHeaders))
			put(qjs.Bool(h.KeepAlive))
			if p.kind == Request {
				put(qjs.Int32(requestBits(h)))
			} else {
				put(qjs.Bool(h.Upgrade))
			}
		case evBody:
			put(qjs.Int32(int32(e.start)))
			put(qjs.Int32(int32(e.end)))
		case evComplete:
			if e.trailers == nil {
				put(qjs.Null)
			} else {
				put(c.StringArray(e.trailers))
			}
		}
	}
	ps.col.ev = ps.col.ev[:0]
	if err != nil {
		put(qjs.Int32(evError))
		put(c.String(err.Code))
		put(c.String(err.Reason))
		put(qjs.Int32(int32(err.Offset)))
	} else if p.Paused() && n <= size {
		put(qjs.Int32(evPaused))
		put(qjs.Int32(int32(n)))
	} else if p.kind == Request && p.MidHead() {
		put(qjs.Int32(evBegun))
	}
	return arr
}

// requestBits is the upgrade slot of a request's head event.
func requestBits(h *Head) int32 {
	bits := int32(0)
	if h.Upgrade {
		bits |= headUpgrade
	}
	if h.HasHost {
		bits |= headHost
	}
	if h.HasExpect {
		bits |= headExpect
	}
	return bits
}

func (ps *parsers) method(c *qjs.Context, m string) qjs.Value {
	v, ok := ps.methodVals[m]
	if !ok {
		v = c.String(m)
		ps.methodVals[m] = v
	}
	return c.Dup(v)
}
