package v8

import (
	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

func init() { binding.Register("js_stream", initJSStream) }

// jsStreamClass is the JS source of the JSStream constructor; newHandle
// makes the native instance with the given prototype.
const jsStreamClass = `(function (newHandle) {
  return class JSStream {
    constructor() { return newHandle(new.target.prototype); }
  };
})`

// initJSStream provides the JSStream handle class: native objects (V8
// "host objects") that JS streams wrap. Only the handle exists so far: the
// stream methods Node's js_stream_socket calls on it are not implemented.
func initJSStream(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	cls := c.Runtime().NewClass("JSStream", nil)
	mk, err := c.Eval(jsStreamClass, "js_stream", qjs.EvalGlobal|qjs.EvalStrict)
	if err != nil {
		panic(err)
	}
	newHandle := c.Function("newHandle", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return c.NewInstance(cls, qjs.Arg(args, 0), 0)
	})
	ctor, err := c.Call(mk, qjs.Undefined, newHandle)
	c.Free(mk)
	c.Free(newHandle)
	if err != nil {
		panic(err)
	}
	c.Set(obj, "JSStream", ctor)
}
