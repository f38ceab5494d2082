package crypto

import (
	"fmt"
	"math/big"
	"sort"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/eventloop"
	"github.com/gonode/gonode/internal/qjs"
)

// Error is a failed crypto operation, thrown to JS as an error of Class
// (default "Error") with Code and, for errors shaped like OpenSSL's, the
// library and reason properties.
type Error struct {
	Class   string
	Code    string
	Msg     string
	Library string
	Reason  string
}

func (e *Error) Error() string { return e.Msg }

// errCode makes an Error with a Node error code.
func errCode(class, code, format string, a ...any) *Error {
	return &Error{Class: class, Code: code, Msg: fmt.Sprintf(format, a...)}
}

// errSSL makes an error shaped as OpenSSL 3 reports it through Node:
// "error:<hex>:<library>::<reason>" with code ERR_OSSL_<REASON>.
func errSSL(hexCode, library, reason string) *Error {
	code := "ERR_OSSL_"
	switch library {
	case "rsa routines":
		code += "RSA_"
	case "common libcrypto routines":
		code += "CRYPTO_"
	case "digital envelope routines":
		code += "EVP_"
	case "elliptic curve routines":
		code += "EC_"
	case "bignum routines":
		code += "BN_"
	case "Diffie-Hellman routines":
		code += "DH_"
	}
	for _, r := range reason {
		switch {
		case r >= 'a' && r <= 'z':
			code += string(r - 32)
		case r == ' ':
			code += "_"
		default:
			code += string(r)
		}
	}
	return &Error{Code: code, Msg: "error:" + hexCode + ":" + library + "::" + reason, Library: library, Reason: reason}
}

// plainErr is an Error with just a message.
func plainErr(format string, a ...any) *Error {
	return &Error{Msg: fmt.Sprintf(format, a...)}
}

func toJSError(c *qjs.Context, err error) qjs.Value {
	e, ok := err.(*Error)
	if !ok {
		e = &Error{Msg: err.Error()}
	}
	class := e.Class
	if class == "" {
		class = "Error"
	}
	v := c.MakeError(class, e.Msg)
	if e.Library != "" {
		c.Set(v, "library", c.String(e.Library))
		c.Set(v, "reason", c.String(e.Reason))
	}
	if e.Code != "" {
		c.Set(v, "code", c.String(e.Code))
	}
	return v
}

// Args is what an op receives: its JS arguments converted to Go values
// (copied, so an op may run off the loop).
type Args struct {
	vals []any
}

// Len is the number of arguments.
func (a *Args) Len() int { return len(a.vals) }

func (a *Args) at(i int) any {
	if i < len(a.vals) {
		return a.vals[i]
	}
	return nil
}

// Bytes returns argument i as bytes (strings as UTF-8), or nil.
func (a *Args) Bytes(i int) []byte {
	switch v := a.at(i).(type) {
	case []byte:
		return v
	case string:
		return []byte(v)
	}
	return nil
}

// Has reports whether argument i is neither undefined nor null.
func (a *Args) Has(i int) bool { return a.at(i) != nil }

// Str returns argument i as a string, or "".
func (a *Args) Str(i int) string {
	switch v := a.at(i).(type) {
	case string:
		return v
	case []byte:
		return string(v)
	}
	return ""
}

// Int returns argument i as an int, or def when it is not a number.
func (a *Args) Int(i int, def int) int {
	if f, ok := a.at(i).(float64); ok {
		return int(f)
	}
	return def
}

// Float returns argument i as a float64, or def.
func (a *Args) Float(i int, def float64) float64 {
	if f, ok := a.at(i).(float64); ok {
		return f
	}
	return def
}

// Bool returns argument i as a bool.
func (a *Args) Bool(i int) bool {
	b, _ := a.at(i).(bool)
	return b
}

// Op is a binding operation over converted arguments. Its result is
// converted back with toJS.
type Op func(a *Args) (any, error)

func fromJS(c *qjs.Context, v qjs.Value) any {
	switch {
	case v.IsNullish():
		return nil
	case v.IsBool():
		return c.ToBool(v)
	case v.IsNumber():
		f, _ := c.ToFloat64(v)
		return f
	case v.IsString():
		return c.GoString(v)
	case v.IsObject():
		if b, ok := c.TypedArrayBytes(v); ok {
			return append([]byte{}, b...)
		}
		if b, ok := c.ArrayBufferBytes(v); ok {
			return append([]byte{}, b...)
		}
		c.ClearException()
		if c.IsArray(v) {
			n := c.Length(v)
			out := make([]any, n)
			for i := 0; i < n; i++ {
				e := c.GetIndex(v, uint32(i))
				out[i] = fromJS(c, e)
				c.Free(e)
			}
			return out
		}
		keys, err := c.Keys(v)
		if err != nil {
			return nil
		}
		m := map[string]any{}
		for _, k := range keys {
			e := c.Get(v, k)
			m[k] = fromJS(c, e)
			c.Free(e)
		}
		return m
	}
	return nil
}

// Map returns argument i as an object map, or nil.
func (a *Args) Map(i int) map[string]any {
	m, _ := a.at(i).(map[string]any)
	return m
}

// ordered is an object whose keys keep their order in JS.
type ordered []kv

type kv struct {
	k string
	v any
}

func (o *ordered) set(k string, v any) { *o = append(*o, kv{k, v}) }

func toJS(c *qjs.Context, v any) qjs.Value {
	switch x := v.(type) {
	case ordered:
		obj := c.Object()
		for _, e := range x {
			c.Set(obj, e.k, toJS(c, e.v))
		}
		return obj
	case nullProto:
		obj := c.ObjectProto(qjs.Null)
		for _, e := range x {
			c.Set(obj, e.k, toJS(c, e.v))
		}
		return obj
	case nil:
		return qjs.Undefined
	case []byte:
		return c.Uint8Array(x)
	case string:
		return c.String(x)
	case bool:
		return qjs.Bool(x)
	case int:
		return qjs.Number(float64(x))
	case float64:
		return qjs.Number(x)
	case *big.Int:
		if x.IsUint64() {
			return c.BigUint64(x.Uint64())
		}
		return qjs.Number(float64(x.Int64()))
	case []any:
		arr := c.Array()
		for i, e := range x {
			c.SetIndex(arr, uint32(i), toJS(c, e))
		}
		return arr
	case []string:
		return c.StringArray(x)
	case map[string]any:
		o := c.Object()
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			c.Set(o, k, toJS(c, x[k]))
		}
		return o
	}
	return qjs.Undefined
}

// addOps registers ops on obj. An op marked async runs off the loop when
// its last argument is a function, which is then called on the loop as
// cb(err, result).
func addOps(env *binding.Env, obj qjs.Value, ops map[string]Op, async map[string]bool) {
	c := env.Ctx
	for name, op := range ops {
		isAsync := async[name]
		binding.Func(c, obj, name, 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
			var cb qjs.Value
			hasCB := false
			if isAsync && len(args) > 0 && c.IsFunction(args[len(args)-1]) {
				cb = c.Dup(args[len(args)-1])
				args = args[:len(args)-1]
				hasCB = true
			}
			a := &Args{vals: make([]any, len(args))}
			for i, v := range args {
				a.vals[i] = fromJS(c, v)
			}
			if !hasCB {
				r, err := op(a)
				if err != nil {
					return c.Throw(toJSError(c, err))
				}
				return toJS(c, r)
			}
			type result struct {
				v   any
				err error
			}
			eventloop.Go(env.Loop, func() result {
				r, err := op(a)
				return result{r, err}
			}, func(r result) {
				var ev, rv qjs.Value = qjs.Null, qjs.Undefined
				if r.err != nil {
					ev = toJSError(c, r.err)
				} else {
					rv = toJS(c, r.v)
				}
				env.Call(cb, ev, rv)
				c.Free(cb)
			})
			return qjs.Undefined
		})
	}
}
