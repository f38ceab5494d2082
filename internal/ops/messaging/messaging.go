// Package messaging implements the messaging binding: the native pieces of
// structuredClone and MessagePort (detaching transferred ArrayBuffers).
package messaging

import (
	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

func init() { binding.Register("messaging", initMessaging) }

func initMessaging(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	// detachArrayBuffer(ab) detaches ab: its byteLength becomes 0.
	binding.Func(c, obj, "detachArrayBuffer", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		v := qjs.Arg(args, 0)
		if _, ok := c.ArrayBufferBytes(v); !ok {
			c.ClearException()
			return c.ThrowTypeError("detachArrayBuffer: not an ArrayBuffer")
		}
		c.DetachArrayBuffer(v)
		return qjs.Undefined
	})
}
