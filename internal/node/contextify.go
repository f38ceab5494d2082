package node

import (
	"strings"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

func initContextify(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	// compileFunction(source, filename, params) returns a function with the
	// given parameters whose body is source. The body starts on the first
	// line of the wrapper so that line numbers in stacks match the file.
	binding.Func(c, obj, "compileFunction", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		src := c.GoString(qjs.Arg(args, 0))
		filename := c.GoString(qjs.Arg(args, 1))
		var params []string
		if p := qjs.Arg(args, 2); c.IsArray(p) {
			for i := 0; i < c.Length(p); i++ {
				v := c.GetIndex(p, uint32(i))
				params = append(params, c.GoString(v))
				c.Free(v)
			}
		}
		src = stripShebang(src)
		wrapped := "(function (" + strings.Join(params, ", ") + ") {" + src + "\n})"
		fn, err := c.Eval(wrapped, filename, qjs.EvalGlobal)
		if err != nil {
			return c.ThrowError(err)
		}
		return fn
	})
	// runScript(source, filename) evaluates source as a global script.
	binding.Func(c, obj, "runScript", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		src := c.GoString(qjs.Arg(args, 0))
		filename := c.GoString(qjs.Arg(args, 1))
		v, err := c.Eval(stripShebang(src), filename, qjs.EvalGlobal)
		if err != nil {
			return c.ThrowError(err)
		}
		return v
	})
}

// stripShebang blanks a leading "#!" line, keeping the line count.
func stripShebang(src string) string {
	if strings.HasPrefix(src, "#!") {
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			return "//" + src[2:]
		}
		return ""
	}
	return src
}
