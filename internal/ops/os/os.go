// Package os implements the os binding: host information and ids.
//
// Structured answers (cpus, network interfaces, user info) cross into JS as
// JSON, parsed once on the JS side. A failing call throws a Node-shaped
// system error (code, errno, syscall) that lib/os.js turns into
// ERR_SYSTEM_ERROR where Node does.
package os

import (
	"encoding/json"
	"os"
	"runtime"

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
	binding.Func(c, obj, "availableParallelism", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return qjs.Int32(int32(runtime.NumCPU()))
	})
	binding.Func(c, obj, "totalmem", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return qjs.Float64(float64(totalMem()))
	})
	binding.Func(c, obj, "freemem", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return qjs.Float64(float64(freeMem()))
	})
	binding.Func(c, obj, "uptime", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		u, err := uptime()
		if err != nil {
			return binding.ThrowSystemError(c, err, "uv_uptime", "", "")
		}
		return qjs.Float64(u)
	})
	binding.Func(c, obj, "loadavg", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return jsonValue(c, loadAvg())
	})
	binding.Func(c, obj, "cpus", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return jsonValue(c, cpus())
	})
	binding.Func(c, obj, "networkInterfaces", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		ifs, err := networkInterfaces()
		if err != nil {
			return binding.ThrowSystemError(c, err, "uv_interface_addresses", "", "")
		}
		return jsonValue(c, ifs)
	})
	// osInfo() returns [sysname, release, version, machine].
	binding.Func(c, obj, "osInfo", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		info, err := osInfo()
		if err != nil {
			return binding.ThrowSystemError(c, err, "uv_os_uname", "", "")
		}
		return c.StringArray(info[:])
	})
	// userInfo(uid) returns {uid, gid, username, homedir, shell} of uid
	// (-1: the current user).
	binding.Func(c, obj, "userInfo", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		uid := os.Getuid()
		if a := qjs.Arg(args, 0); a.IsNumber() && a.Int() >= 0 {
			uid = int(a.Int())
		}
		u, err := userInfo(uid)
		if err != nil {
			return binding.ThrowSystemError(c, err, "uv_os_get_passwd", "", "")
		}
		return jsonValue(c, u)
	})
	binding.Func(c, obj, "getPriority", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p, err := getPriority(int(qjs.Arg(args, 0).Int()))
		if err != nil {
			return binding.ThrowSystemError(c, err, "uv_os_getpriority", "", "")
		}
		return qjs.Int32(int32(p))
	})
	binding.Func(c, obj, "setPriority", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if err := setPriority(int(qjs.Arg(args, 0).Int()), int(qjs.Arg(args, 1).Int())); err != nil {
			return binding.ThrowSystemError(c, err, "uv_os_setpriority", "", "")
		}
		return qjs.Undefined
	})
	c.Set(obj, "signals", jsonValue(c, signals()))
	c.Set(obj, "errnos", jsonValue(c, errnos()))
}

// jsonValue marshals v and parses it into a JS value.
func jsonValue(c *qjs.Context, v any) qjs.Value {
	b, err := json.Marshal(v)
	if err != nil {
		return c.ThrowError(err)
	}
	r, err := c.JSONParse(string(b), "os")
	if err != nil {
		return c.ThrowError(err)
	}
	return r
}

// CPU is one logical CPU as os.cpus() reports it; times are in ms.
type CPU struct {
	Model string   `json:"model"`
	Speed int      `json:"speed"`
	Times CPUTimes `json:"times"`
}

// CPUTimes is the time a CPU spent in each mode, in milliseconds.
type CPUTimes struct {
	User int64 `json:"user"`
	Nice int64 `json:"nice"`
	Sys  int64 `json:"sys"`
	Idle int64 `json:"idle"`
	IRQ  int64 `json:"irq"`
}

// Interface is one address of a network interface.
type Interface struct {
	Name     string `json:"name"`
	Address  string `json:"address"`
	Netmask  string `json:"netmask"`
	Family   string `json:"family"`
	MAC      string `json:"mac"`
	Internal bool   `json:"internal"`
	CIDR     string `json:"cidr"`
	ScopeID  *int   `json:"scopeid,omitempty"`
}

// User is a passwd entry as os.userInfo() reports it.
type User struct {
	UID      int    `json:"uid"`
	GID      int    `json:"gid"`
	Username string `json:"username"`
	Homedir  string `json:"homedir"`
	Shell    any    `json:"shell"`
}
