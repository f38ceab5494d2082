// Package os implements the os binding: host information and ids.
package os

import (
	"os"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

func init() { binding.Register("os", initOS) }

func initOS(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	ints := map[string]func() int{
		"getuid":  os.Getuid,
		"geteuid": os.Geteuid,
		"getgid":  os.Getgid,
		"getegid": os.Getegid,
	}
	for name, f := range ints {
		f := f
		binding.Func(c, obj, name, 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
			return qjs.Int32(int32(f()))
		})
	}
	binding.Func(c, obj, "hostname", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		h, err := os.Hostname()
		if err != nil {
			return binding.ThrowSystemError(c, err, "uv_os_gethostname", "", "")
		}
		return c.String(h)
	})
}
