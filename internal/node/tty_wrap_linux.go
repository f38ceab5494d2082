package node

import (
	"os"
	"os/signal"
	"syscall"

	"golang.org/x/sys/unix"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

func init() {
	binding.Register("tty_wrap", initTTYWrap)
}

// ttyState keeps each terminal's mode from before the first setRawMode, to
// restore it.
type ttyState struct {
	saved    map[int]*unix.Termios
	resizeCb qjs.Value
	watching bool
}

// initTTYWrap is internalBinding('tty_wrap'):
//
//	isTTY(fd)             whether fd is a terminal
//	getWindowSize(fd)     [columns, rows], or a negative errno
//	setRawMode(fd, raw)   0, or a negative errno
//	watchResize(cb)       call cb() on the loop at each SIGWINCH (the
//	                      watch does not keep the loop alive)
func initTTYWrap(env *binding.Env, obj qjs.Value) {
	in := instanceOf(env)
	st, _ := env.Shared["tty_wrap"].(*ttyState)
	if st == nil {
		st = &ttyState{saved: map[int]*unix.Termios{}}
		env.Shared["tty_wrap"] = st
	}
	c := env.Ctx
	binding.Func(c, obj, "isTTY", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return qjs.Bool(isatty(int(qjs.Arg(args, 0).Int())))
	})
	binding.Func(c, obj, "getWindowSize", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		ws, err := unix.IoctlGetWinsize(int(qjs.Arg(args, 0).Int()), unix.TIOCGWINSZ)
		if err != nil {
			return qjs.Int32(-int32(binding.Errno(err)))
		}
		a := c.Array()
		c.SetIndex(a, 0, qjs.Int32(int32(ws.Col)))
		c.SetIndex(a, 1, qjs.Int32(int32(ws.Row)))
		return a
	})
	binding.Func(c, obj, "setRawMode", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		fd := int(qjs.Arg(args, 0).Int())
		if err := setRawMode(st, fd, c.ToBool(qjs.Arg(args, 1))); err != nil {
			return qjs.Int32(-int32(binding.Errno(err)))
		}
		return qjs.Int32(0)
	})
	binding.Func(c, obj, "watchResize", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if st.watching {
			return qjs.Undefined
		}
		st.watching = true
		st.resizeCb = c.Dup(qjs.Arg(args, 0))
		in.keep = append(in.keep, st.resizeCb)
		ch := make(chan os.Signal, 1)
		signal.Notify(ch, syscall.SIGWINCH)
		go func() {
			for range ch {
				in.loop.Post(func() {
					if in.done() {
						return
					}
					r, err := c.Call(st.resizeCb, qjs.Undefined)
					if err != nil {
						in.uncaught(err)
						return
					}
					c.Free(r)
				})
			}
		}()
		return qjs.Undefined
	})
}

// setRawMode switches fd between raw mode (input byte by byte, no echo, no
// signals from keys, no input translation) and the mode it had before.
func setRawMode(st *ttyState, fd int, raw bool) error {
	if !raw {
		saved := st.saved[fd]
		if saved == nil {
			return nil
		}
		return unix.IoctlSetTermios(fd, unix.TCSETSW, saved)
	}
	cur, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	if err != nil {
		return err
	}
	if st.saved[fd] == nil {
		orig := *cur
		st.saved[fd] = &orig
	}
	t := *cur
	t.Iflag &^= unix.BRKINT | unix.ICRNL | unix.INPCK | unix.ISTRIP | unix.IXON
	t.Oflag |= unix.ONLCR
	t.Cflag |= unix.CS8
	t.Lflag &^= unix.ECHO | unix.ICANON | unix.IEXTEN | unix.ISIG
	t.Cc[unix.VMIN] = 1
	t.Cc[unix.VTIME] = 0
	return unix.IoctlSetTermios(fd, unix.TCSETSW, &t)
}
