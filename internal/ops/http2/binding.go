package http2

import (
	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
	"golang.org/x/net/http2"
)

func init() { binding.Register("http2", initHTTP2) }

type h2Binding struct {
	sessions map[int64]*Session
	nextID   int64
}

func bytesArg(c *qjs.Context, v qjs.Value) []byte {
	if v.IsString() {
		return []byte(c.GoString(v))
	}
	if b, ok := c.TypedArrayBytes(v); ok {
		return b
	}
	if b, ok := c.ArrayBufferBytes(v); ok {
		return b
	}
	c.ClearException()
	return nil
}

// stringsArg reads a JS array of strings.
func stringsArg(c *qjs.Context, v qjs.Value) []string {
	if !c.IsArray(v) {
		return nil
	}
	n := c.Length(v)
	out := make([]string, n)
	for i := 0; i < n; i++ {
		e := c.GetIndex(v, uint32(i))
		out[i] = c.GoString(e)
		c.Free(e)
	}
	return out
}

func sensitiveArg(c *qjs.Context, v qjs.Value) map[string]bool {
	names := stringsArg(c, v)
	if len(names) == 0 {
		return nil
	}
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

func settingsArg(c *qjs.Context, v qjs.Value) []http2.Setting {
	if !c.IsArray(v) {
		return nil
	}
	n := c.Length(v)
	var out []http2.Setting
	for i := 0; i+1 < n; i += 2 {
		a := c.GetIndex(v, uint32(i))
		b := c.GetIndex(v, uint32(i+1))
		out = append(out, http2.Setting{ID: http2.SettingID(a.Float()), Val: uint32(b.Float())})
		c.FreeAll(a, b)
	}
	return out
}

func numbers(c *qjs.Context, fs []float64) qjs.Value {
	arr := c.Array()
	for i, f := range fs {
		c.SetIndex(arr, uint32(i), qjs.Float64(f))
	}
	return arr
}

func eventValue(c *qjs.Context, e Event) qjs.Value {
	arr := c.Array()
	c.SetIndex(arr, 0, c.String(e.Kind))
	c.SetIndex(arr, 1, qjs.Float64(float64(e.SID)))
	c.SetIndex(arr, 2, qjs.Float64(float64(e.A)))
	c.SetIndex(arr, 3, qjs.Float64(float64(e.B)))
	if e.Data != nil {
		c.SetIndex(arr, 4, c.Uint8Array(e.Data))
	} else {
		c.SetIndex(arr, 4, qjs.Null)
	}
	if e.Hdrs != nil {
		c.SetIndex(arr, 5, c.StringArray(e.Hdrs))
	} else {
		c.SetIndex(arr, 5, qjs.Null)
	}
	c.SetIndex(arr, 6, qjs.Bool(e.Flag))
	c.SetIndex(arr, 7, c.String(e.Extra))
	return arr
}

func initHTTP2(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	b := &h2Binding{sessions: map[int64]*Session{}}
	get := func(args []qjs.Value) *Session { return b.sessions[qjs.Arg(args, 0).Int()] }
	sid := func(args []qjs.Value, i int) uint32 { return uint32(qjs.Arg(args, i).Float()) }

	// create(isServer, settings [id, value, ...]) -> session id.
	binding.Func(c, obj, "create", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := NewSession(c.ToBool(qjs.Arg(args, 0)), settingsArg(c, qjs.Arg(args, 1)))
		b.nextID++
		b.sessions[b.nextID] = s
		return qjs.Int64(b.nextID)
	})
	// destroy(id) forgets a session.
	binding.Func(c, obj, "destroy", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		delete(b.sessions, qjs.Arg(args, 0).Int())
		return qjs.Undefined
	})
	// take(id) -> [bytes to write or null, events]; each event is
	// [kind, streamId, a, b, data, strings, flag, message].
	binding.Func(c, obj, "take", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := get(args)
		if s == nil {
			return qjs.Null
		}
		out, evs := s.Take()
		res := c.Array()
		if out != nil {
			c.SetIndex(res, 0, c.Uint8Array(out))
		} else {
			c.SetIndex(res, 0, qjs.Null)
		}
		list := c.Array()
		for i, e := range evs {
			c.SetIndex(list, uint32(i), eventValue(c, e))
		}
		c.SetIndex(res, 1, list)
		return res
	})
	// receive(id, bytes) feeds what the socket read.
	binding.Func(c, obj, "receive", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if s := get(args); s != nil {
			s.Receive(bytesArg(c, qjs.Arg(args, 1)))
		}
		return qjs.Undefined
	})
	// request(id, pairs, sensitive, end) -> stream id (0: none left).
	binding.Func(c, obj, "request", 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := get(args)
		if s == nil {
			return qjs.Int32(0)
		}
		id := s.Request(stringsArg(c, qjs.Arg(args, 1)), sensitiveArg(c, qjs.Arg(args, 2)), c.ToBool(qjs.Arg(args, 3)))
		return qjs.Float64(float64(id))
	})
	// pushPromise(id, parent, pairs, sensitive) -> promised stream id, or
	// the reason there is none ("disabled", "closed", "ids").
	binding.Func(c, obj, "pushPromise", 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := get(args)
		if s == nil {
			return c.String("closed")
		}
		id, why := s.PushPromise(sid(args, 1), stringsArg(c, qjs.Arg(args, 2)), sensitiveArg(c, qjs.Arg(args, 3)))
		if id == 0 {
			return c.String(why)
		}
		return qjs.Float64(float64(id))
	})
	// altsvc(id, sid, origin, value) sends an ALTSVC frame.
	binding.Func(c, obj, "altsvc", 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if s := get(args); s != nil {
			s.Altsvc(sid(args, 1), c.GoString(qjs.Arg(args, 2)), c.GoString(qjs.Arg(args, 3)))
		}
		return qjs.Undefined
	})
	// origin(id, [origin, ...]) sends an ORIGIN frame.
	binding.Func(c, obj, "origin", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if s := get(args); s != nil {
			s.Origin(stringsArg(c, qjs.Arg(args, 1)))
		}
		return qjs.Undefined
	})
	// headers(id, sid, pairs, sensitive, end) -> queued.
	binding.Func(c, obj, "headers", 5, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := get(args)
		if s == nil {
			return qjs.Bool(false)
		}
		return qjs.Bool(s.Headers(sid(args, 1), stringsArg(c, qjs.Arg(args, 2)), sensitiveArg(c, qjs.Arg(args, 3)), c.ToBool(qjs.Arg(args, 4))))
	})
	// data(id, sid, bytes, end) -> queued.
	binding.Func(c, obj, "data", 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := get(args)
		if s == nil {
			return qjs.Bool(false)
		}
		return qjs.Bool(s.Data(sid(args, 1), bytesArg(c, qjs.Arg(args, 2)), c.ToBool(qjs.Arg(args, 3))))
	})
	// rst(id, sid, code).
	binding.Func(c, obj, "rst", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if s := get(args); s != nil {
			s.RST(sid(args, 1), uint32(qjs.Arg(args, 2).Float()))
		}
		return qjs.Undefined
	})
	// settings(id, [id, value, ...]).
	binding.Func(c, obj, "settings", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if s := get(args); s != nil {
			s.Settings(settingsArg(c, qjs.Arg(args, 1)))
		}
		return qjs.Undefined
	})
	// ping(id, payload8).
	binding.Func(c, obj, "ping", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if s := get(args); s != nil {
			var p [8]byte
			copy(p[:], bytesArg(c, qjs.Arg(args, 1)))
			s.Ping(p)
		}
		return qjs.Undefined
	})
	// goaway(id, code, lastStreamId (-1: last received), opaque).
	binding.Func(c, obj, "goaway", 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if s := get(args); s != nil {
			s.GoAway(uint32(qjs.Arg(args, 1).Float()), int64(qjs.Arg(args, 2).Float()), bytesArg(c, qjs.Arg(args, 3)))
		}
		return qjs.Undefined
	})
	// windowUpdate(id, sid, increment).
	binding.Func(c, obj, "windowUpdate", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if s := get(args); s != nil {
			s.WindowUpdate(sid(args, 1), uint32(qjs.Arg(args, 2).Float()))
		}
		return qjs.Undefined
	})
	// priority(id, sid, parent, weight, exclusive).
	binding.Func(c, obj, "priority", 5, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if s := get(args); s != nil {
			w := qjs.Arg(args, 3).Int()
			if w < 1 {
				w = 1
			}
			if w > 256 {
				w = 256
			}
			s.Priority(sid(args, 1), sid(args, 2), uint8(w-1), c.ToBool(qjs.Arg(args, 4)))
		}
		return qjs.Undefined
	})
	// state(id) -> session numbers (see Session.State).
	binding.Func(c, obj, "state", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := get(args)
		if s == nil {
			return qjs.Null
		}
		return numbers(c, s.State())
	})
	// streamState(id, sid) -> stream numbers (see Session.StreamState).
	binding.Func(c, obj, "streamState", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := get(args)
		if s == nil {
			return qjs.Null
		}
		return numbers(c, s.StreamState(sid(args, 1)))
	})
	// setLocalWindowSize(id, size).
	binding.Func(c, obj, "setLocalWindowSize", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if s := get(args); s != nil {
			s.SetLocalWindowSize(int64(qjs.Arg(args, 1).Float()))
		}
		return qjs.Undefined
	})
	// setNextStreamID(id, sid) sets the id of the next client stream.
	binding.Func(c, obj, "setNextStreamID", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if s := get(args); s != nil {
			s.nextID = sid(args, 1)
		}
		return qjs.Undefined
	})
	// setLimit(id, name, n) sets one of the session's limits:
	// maxReservedRemoteStreams, maxSettings, maxHeaderListPairs,
	// maxSendHeaderBlockLength, maxSessionInvalidFrames or
	// strictFieldWhitespaceValidation (0: off).
	binding.Func(c, obj, "setLimit", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := get(args)
		if s == nil {
			return qjs.Undefined
		}
		n := int(qjs.Arg(args, 2).Int())
		switch c.GoString(qjs.Arg(args, 1)) {
		case "maxReservedRemoteStreams":
			s.MaxReservedRemote = n
		case "maxSettings":
			s.MaxSettings = n
		case "maxHeaderListPairs":
			s.MaxHeaderPairs = n
		case "maxSendHeaderBlockLength":
			s.MaxSendHeaderBlock = n
		case "maxSessionInvalidFrames":
			s.MaxInvalidFrames = n
		case "strictFieldWhitespaceValidation":
			s.LaxWhitespace = n == 0
		}
		return qjs.Undefined
	})
	// pending(id, sid) -> bytes queued unsent on the stream.
	binding.Func(c, obj, "pending", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := get(args)
		if s == nil {
			return qjs.Int32(0)
		}
		return qjs.Int32(int32(s.Pending(sid(args, 1))))
	})
}
