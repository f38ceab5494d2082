package node

import (
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/cli"
	"github.com/gonode/gonode/internal/qjs"
	"github.com/gonode/gonode/internal/tzname"
	"github.com/gonode/gonode/lib"
)

// Version is the Node.js version gonode reports as process.version; the
// library targets its behaviour.
const Version = "v24.11.0"

// GonodeVersion is gonode's own version.
const GonodeVersion = "0.1.0"

var processStart = time.Now()

func instanceOf(env *binding.Env) *Instance { return env.Shared["instance"].(*Instance) }

func init() {
	binding.Register("builtins", initBuiltins)
	binding.Register("process_methods", initProcess)
	binding.Register("timers", initTimers)
	binding.Register("task_queue", initTaskQueue)
	binding.Register("contextify", initContextify)
}

func initBuiltins(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	binding.Func(c, obj, "compileFunction", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		id := c.GoString(qjs.Arg(args, 0))
		fn, err := lib.Compile(c, id)
		if err != nil {
			return c.ThrowError(err)
		}
		return fn
	})
	binding.Func(c, obj, "hasBuiltin", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		_, ok := lib.Source(c.GoString(qjs.Arg(args, 0)))
		return qjs.Bool(ok)
	})
	binding.Func(c, obj, "ids", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return c.StringArray(lib.IDs())
	})
	// Go-implemented modules registered by an embedder.
	binding.Func(c, obj, "embedderModule", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		f := env.Modules[c.GoString(qjs.Arg(args, 0))]
		if f == nil {
			return qjs.Undefined
		}
		return f(c)
	})
	names := make([]string, 0, len(env.Modules))
	for n := range env.Modules {
		names = append(names, n)
	}
	c.Set(obj, "embedderModuleNames", c.StringArray(names))
}

func initTaskQueue(env *binding.Env, obj qjs.Value) {
	in := instanceOf(env)
	c := env.Ctx
	binding.Func(c, obj, "runMicrotasks", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		in.runMicrotasks()
		if in.exiting {
			return c.ThrowUncatchable(c.String("exit"))
		}
		return qjs.Undefined
	})
	// Async context propagation for AsyncLocalStorage (qjs.AsyncContext):
	// enabled the first time a store is entered.
	binding.Func(c, obj, "enableAsyncContext", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		a, err := in.rt.EnableAsyncContext(qjs.Arg(args, 0))
		if err != nil {
			return c.ThrowError(err)
		}
		in.actx = a
		return qjs.Undefined
	})
	binding.Func(c, obj, "notePromise", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if in.actx != nil {
			in.actx.NotePromise(qjs.Arg(args, 0))
		}
		return qjs.Undefined
	})
	binding.Func(c, obj, "markAsyncContext", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if in.actx != nil {
			in.actx.Mark()
		}
		return qjs.Undefined
	})
	binding.Func(c, obj, "setupShared", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		tick, ok1 := c.TypedArrayBytes(qjs.Arg(args, 0))
		imm, ok2 := c.TypedArrayBytes(qjs.Arg(args, 1))
		if !ok1 || !ok2 || len(tick) < 8 || len(imm) < 8 {
			return c.ThrowTypeError("setupShared: want two Int32Arrays")
		}
		in.setShared(tick, imm, c.Dup(args[0]), c.Dup(args[1]))
		return qjs.Undefined
	})
	binding.Func(c, obj, "setHooks", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		in.resetHookFns()
		c.Free(in.hooks)
		in.hooks = c.Dup(qjs.Arg(args, 0))
		return qjs.Undefined
	})
}

func initTimers(env *binding.Env, obj qjs.Value) {
	in := instanceOf(env)
	c := env.Ctx
	l := env.Loop
	binding.Func(c, obj, "start", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		id := qjs.Arg(args, 0).Int()
		ms := qjs.Arg(args, 1).Float()
		if ms != ms || ms < 1 {
			ms = 1
		}
		ref := c.ToBool(qjs.Arg(args, 2))
		fire := func() {
			in.ctx.Free(in.callHook("processTimer", qjs.Float64(float64(id))))
		}
		d := time.Duration(ms * float64(time.Millisecond))
		// start(id, ms, ref, from): count ms from the loop time from (an
		// interval re-armed from when its callback began).
		if from := qjs.Arg(args, 3); from.IsNumber() {
			l.StartTimerFrom(id, time.Duration(from.Float()*float64(time.Millisecond)), d, ref, fire)
		} else {
			l.StartTimer(id, d, ref, fire)
		}
		return qjs.Undefined
	})
	// refresh(id, ms) restarts a scheduled timer's countdown and returns
	// the loop's now; it returns -1 when id is not scheduled (the caller
	// then starts it anew).
	binding.Func(c, obj, "refresh", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		ms := qjs.Arg(args, 1).Float()
		if ms != ms || ms < 1 {
			ms = 1
		}
		if !l.RefreshTimer(qjs.Arg(args, 0).Int(), time.Duration(ms*float64(time.Millisecond))) {
			return qjs.Int32(-1)
		}
		return qjs.Float64(l.Now())
	})
	binding.Func(c, obj, "stop", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		l.StopTimer(qjs.Arg(args, 0).Int())
		return qjs.Undefined
	})
	binding.Func(c, obj, "setRef", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		l.RefTimer(qjs.Arg(args, 0).Int(), c.ToBool(qjs.Arg(args, 1)))
		return qjs.Undefined
	})
	binding.Func(c, obj, "now", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return qjs.Float64(l.Now())
	})
	// getLibuvNow: the loop time in whole milliseconds, as Node's binding.
	binding.Func(c, obj, "getLibuvNow", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return qjs.Float64(float64(int64(l.Now())))
	})
}

func initProcess(env *binding.Env, obj qjs.Value) {
	in := instanceOf(env)
	c := env.Ctx
	c.Set(obj, "argv", c.StringArray(env.Argv))
	c.Set(obj, "execArgv", c.StringArray(env.ExecArgv))
	opts, _ := env.Shared["options"].([]string)
	c.Set(obj, "options", c.StringArray(opts))
	// tzName(ms) names the time zone in effect at ms, for Date's toString.
	binding.Func(c, obj, "tzName", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		ms, _ := c.ToFloat64(qjs.Arg(args, 0))
		return c.String(tzname.At(ms))
	})
	// zoneName(tz) is the canonical name of IANA zone tz, or undefined
	// when there is no such zone.
	binding.Func(c, obj, "zoneName", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if _, name, ok := tzname.Load(c.GoString(qjs.Arg(args, 0))); ok {
			return c.String(tzname.Canonical(name))
		}
		return qjs.Undefined
	})
	// zoneParts(ms, tz) is [year, month (0-11), day, weekday, hour,
	// minute, second, millisecond, offset (minutes east), abbreviation,
	// long name] of ms in zone tz, or undefined when there is no such zone.
	binding.Func(c, obj, "zoneParts", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		ms, _ := c.ToFloat64(qjs.Arg(args, 0))
		loc, _, ok := tzname.Load(c.GoString(qjs.Arg(args, 1)))
		if !ok {
			return qjs.Undefined
		}
		p := tzname.PartsAt(ms, loc)
		arr := c.Array()
		for i, v := range []int{p.Year, p.Month, p.Day, p.Weekday, p.Hour, p.Minute, p.Second, p.Millisecond, p.Offset} {
			c.SetIndex(arr, uint32(i), qjs.Int32(int32(v)))
		}
		c.SetIndex(arr, 9, c.String(p.Abbr))
		c.SetIndex(arr, 10, c.String(p.Long))
		return arr
	})
	// envFlags() lists the options allowed in NODE_OPTIONS.
	binding.Func(c, obj, "envFlags", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return c.StringArray(cli.EnvFlags())
	})
	c.Set(obj, "execPath", c.String(env.ExecPath))
	c.Set(obj, "argv0", c.String(in.cfg.Argv0))
	c.Set(obj, "pid", qjs.Int32(int32(os.Getpid())))
	c.Set(obj, "ppid", qjs.Int32(int32(os.Getppid())))
	c.Set(obj, "platform", c.String(runtime.GOOS))
	c.Set(obj, "arch", c.String(nodeArch()))
	c.Set(obj, "version", c.String(Version))
	c.Set(obj, "gonodeVersion", c.String(GonodeVersion))
	c.Set(obj, "goVersion", c.String(runtime.Version()))
	c.Set(obj, "numCPU", qjs.Int32(int32(runtime.NumCPU())))

	binding.Func(c, obj, "reallyExit", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		in.exit(int(qjs.Arg(args, 0).Int()))
		return c.ThrowUncatchable(c.String("process.exit"))
	})
	binding.Func(c, obj, "cwd", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		d, err := os.Getwd()
		if err != nil {
			return binding.ThrowSystemError(c, err, "uv_cwd", "", "")
		}
		return c.String(d)
	})
	binding.Func(c, obj, "chdir", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		dir := c.GoString(qjs.Arg(args, 0))
		if err := os.Chdir(dir); err != nil {
			cwd, _ := os.Getwd()
			e := binding.SystemError(c, err, "chdir", cwd, dir)
			// Node: "ENOENT: no such file or directory, chdir /cwd -> 'dir'"
			en := binding.Errno(err)
			c.Set(e, "message", c.String(fmt.Sprintf("%s: %s, chdir %s -> '%s'", binding.ErrnoName(en), binding.ErrnoMessage(en), cwd, dir)))
			return c.Throw(e)
		}
		return qjs.Undefined
	})
	binding.Func(c, obj, "umask", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		a := qjs.Arg(args, 0)
		if a.IsUndefined() {
			old := syscall.Umask(0)
			syscall.Umask(old)
			return qjs.Int32(int32(old))
		}
		return qjs.Int32(int32(syscall.Umask(int(a.Int()))))
	})
	binding.Func(c, obj, "hrtime", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		ns := monotonicNS()
		a := c.Array()
		c.SetIndex(a, 0, qjs.Int64(ns/1e9))
		c.SetIndex(a, 1, qjs.Int64(ns%1e9))
		return a
	})
	binding.Func(c, obj, "hrtimeBigInt", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return c.BigUint64(uint64(monotonicNS()))
	})
	binding.Func(c, obj, "uptime", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return qjs.Float64(time.Since(processStart).Seconds())
	})
	binding.Func(c, obj, "memoryUsage", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		used, _ := in.rt.MemoryUsage()
		o := c.Object()
		c.Set(o, "rss", qjs.Int64(rss()))
		c.Set(o, "heapTotal", qjs.Int64(used))
		c.Set(o, "heapUsed", qjs.Int64(used))
		c.Set(o, "external", qjs.Int32(0))
		c.Set(o, "arrayBuffers", qjs.Int32(0))
		return o
	})
	binding.Func(c, obj, "gc", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		in.rt.RunGC()
		return qjs.Undefined
	})
	binding.Func(c, obj, "rss", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return qjs.Int64(rss())
	})
	binding.Func(c, obj, "cpuUsage", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		a := c.Array()
		c.SetIndex(a, 0, qjs.Int64(ru.Utime.Sec*1e6+ru.Utime.Usec))
		c.SetIndex(a, 1, qjs.Int64(ru.Stime.Sec*1e6+ru.Stime.Usec))
		return a
	})
	binding.Func(c, obj, "kill", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		pid := int(qjs.Arg(args, 0).Int())
		sig := int(qjs.Arg(args, 1).Int())
		if err := syscall.Kill(pid, syscall.Signal(sig)); err != nil {
			return c.Throw(binding.ErrnoException(c, err, "kill"))
		}
		return qjs.Undefined
	})
	binding.Func(c, obj, "getEnv", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		k := c.GoString(qjs.Arg(args, 0))
		v, ok := "", false
		if in.privateEnv {
			v, ok = env.Env[k]
		} else {
			v, ok = os.LookupEnv(k)
		}
		if !ok {
			return qjs.Undefined
		}
		return c.String(v)
	})
	binding.Func(c, obj, "setEnv", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if in.privateEnv {
			env.Env[c.GoString(qjs.Arg(args, 0))] = c.GoString(qjs.Arg(args, 1))
			return qjs.Undefined
		}
		k, v := c.GoString(qjs.Arg(args, 0)), c.GoString(qjs.Arg(args, 1))
		os.Setenv(k, v)
		if k == "TZ" {
			c.SetTZ(v, false)
		}
		return qjs.Undefined
	})
	binding.Func(c, obj, "unsetEnv", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if in.privateEnv {
			delete(env.Env, c.GoString(qjs.Arg(args, 0)))
			return qjs.Undefined
		}
		k := c.GoString(qjs.Arg(args, 0))
		os.Unsetenv(k)
		if k == "TZ" {
			c.SetTZ("", true)
		}
		return qjs.Undefined
	})
	binding.Func(c, obj, "envKeys", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if in.privateEnv {
			keys := make([]string, 0, len(env.Env))
			for k := range env.Env {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			return c.StringArray(keys)
		}
		environ := os.Environ()
		keys := make([]string, 0, len(environ))
		for _, kv := range environ {
			k, _, _ := strings.Cut(kv, "=")
			keys = append(keys, k)
		}
		return c.StringArray(keys)
	})
	binding.Func(c, obj, "writeSync", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return writeFD(in, c, args)
	})
	binding.Func(c, obj, "isatty", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return qjs.Bool(isatty(int(qjs.Arg(args, 0).Int())))
	})
	binding.Func(c, obj, "windowSize", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		cols, rows, ok := windowSize(int(qjs.Arg(args, 0).Int()))
		if !ok {
			return qjs.Undefined
		}
		a := c.Array()
		c.SetIndex(a, 0, qjs.Int32(int32(cols)))
		c.SetIndex(a, 1, qjs.Int32(int32(rows)))
		return a
	})
	binding.Func(c, obj, "setTitle", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return qjs.Undefined
	})
}

// writeFD writes a string or bytes to fd 1 or 2 (through the configured
// writers) or to another fd, synchronously, as Node does for files, pipes
// and TTYs on Linux. It returns the number of bytes written or throws a
// system error (EPIPE, EBADF...).
func writeFD(in *Instance, c *qjs.Context, args []qjs.Value) qjs.Value {
	fd := int(qjs.Arg(args, 0).Int())
	data := qjs.Arg(args, 1)
	var b []byte
	if data.IsString() {
		b = []byte(c.GoString(data))
	} else if bs, ok := c.TypedArrayBytes(data); ok {
		b = bs
	} else {
		s, err := c.ToGoString(data)
		if err != nil {
			return c.ThrowError(err)
		}
		b = []byte(s)
	}
	var err error
	var n int
	switch fd {
	case 1:
		n, err = in.cfg.Stdout.Write(b)
	case 2:
		n, err = in.cfg.Stderr.Write(b)
	default:
		n, err = syscall.Write(fd, b)
	}
	if err != nil {
		return binding.ThrowSystemError(c, err, "write", "", "")
	}
	return qjs.Int32(int32(n))
}

func nodeArch() string {
	switch runtime.GOARCH {
	case "amd64":
		return "x64"
	case "386":
		return "ia32"
	}
	return runtime.GOARCH
}

func monotonicNS() int64 { return int64(time.Since(processStart)) + processStartMono }

// processStartMono offsets hrtime so that it does not start near zero, like
// a real monotonic clock read.
var processStartMono = int64(time.Now().UnixNano() % (1 << 40))

func rss() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	var pages int64
	fmt.Sscan(f[1], &pages)
	return pages * int64(os.Getpagesize())
}
