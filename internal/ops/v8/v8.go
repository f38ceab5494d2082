// Package v8 implements the v8 binding behind node:v8: the checks the
// value serializer needs that only the engine can answer.
package v8

import (
	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

func init() { binding.Register("v8", initV8) }

func initV8(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	// isHostObject(value): whether value is an instance of a class made by
	// Go code (the counterpart of a V8 object with embedder fields), which
	// the serializer hands to _writeHostObject.
	binding.Func(c, obj, "isHostObject", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return qjs.Bool(c.ClassID(qjs.Arg(args, 0)) >= qjs.ClassFirstNative)
	})
}
