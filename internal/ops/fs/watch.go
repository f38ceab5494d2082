package fs

import (
	"os"
	"path/filepath"
	"unsafe"

	"golang.org/x/sys/unix"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

// watcher is one fs.watch handle: an inotify descriptor read by a
// goroutine through the Go poller, its events posted to the loop.
type watcher struct {
	file   *os.File
	cb     qjs.Value
	closed bool
	ref    bool
}

const watchMask = unix.IN_ATTRIB | unix.IN_CREATE | unix.IN_MODIFY | unix.IN_DELETE |
	unix.IN_DELETE_SELF | unix.IN_MOVE_SELF | unix.IN_MOVED_FROM | unix.IN_MOVED_TO

// watchEvent is one change: libuv's event type ("change" or "rename")
// and the name it concerns.
type watchEvent struct{ kind, name string }

// parseInotify decodes a buffer of inotify events. self names events on
// the watched path itself (a file, or a directory's own events).
func parseInotify(buf []byte, self string) []watchEvent {
	var out []watchEvent
	for off := 0; off+unix.SizeofInotifyEvent <= len(buf); {
		ev := (*unix.InotifyEvent)(unsafe.Pointer(&buf[off]))
		nameBytes := buf[off+unix.SizeofInotifyEvent : off+unix.SizeofInotifyEvent+int(ev.Len)]
		off += unix.SizeofInotifyEvent + int(ev.Len)
		name := string(nameBytes)
		for len(name) > 0 && name[len(name)-1] == 0 {
			name = name[:len(name)-1]
		}
		if name == "" {
			name = self
		}
		if ev.Mask&unix.IN_IGNORED != 0 {
			continue
		}
		kind := "rename"
		if ev.Mask&(unix.IN_ATTRIB|unix.IN_MODIFY) != 0 {
			kind = "change"
		}
		out = append(out, watchEvent{kind, name})
	}
	return out
}

func (b *fsBinding) initWatch(c *qjs.Context, obj qjs.Value) {
	env := b.env
	l := env.Loop
	watchers := map[int64]*watcher{}
	var nextID int64
	stop := func(id int64) {
		w := watchers[id]
		if w == nil {
			return
		}
		delete(watchers, id)
		w.closed = true
		w.file.Close()
		if w.ref {
			l.Unref()
		}
		c.Free(w.cb)
	}
	// watchStart(path, callback(eventType, filename)) -> id; throws as
	// libuv's watch does.
	binding.Func(c, obj, "watchStart", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := pathOf(c, qjs.Arg(args, 0))
		fd, err := unix.InotifyInit1(unix.IN_CLOEXEC | unix.IN_NONBLOCK)
		if err != nil {
			return c.Throw(errValue(c, fail(err, "watch", p, "")))
		}
		if _, err := unix.InotifyAddWatch(fd, p, watchMask); err != nil {
			unix.Close(fd)
			return c.Throw(errValue(c, fail(err, "watch", p, "")))
		}
		nextID++
		id := nextID
		w := &watcher{file: os.NewFile(uintptr(fd), "inotify"), cb: c.Dup(qjs.Arg(args, 1)), ref: true}
		watchers[id] = w
		l.Ref()
		self := filepath.Base(p)
		go func() {
			buf := make([]byte, 64*1024)
			for {
				n, err := w.file.Read(buf)
				if err != nil || n <= 0 {
					return
				}
				evs := parseInotify(buf[:n], self)
				l.Post(func() {
					for _, ev := range evs {
						if w.closed {
							return
						}
						r, err := c.Call(w.cb, qjs.Undefined, c.String(ev.kind), c.String(ev.name))
						if err != nil {
							env.Uncaught(err)
							return
						}
						c.Free(r)
					}
				})
			}
		}()
		return qjs.Int64(id)
	})
	binding.Func(c, obj, "watchClose", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		stop(qjs.Arg(args, 0).Int())
		return qjs.Undefined
	})
	// watchRef(id, ref) sets whether the watcher keeps the loop alive.
	binding.Func(c, obj, "watchRef", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		w := watchers[qjs.Arg(args, 0).Int()]
		ref := c.ToBool(qjs.Arg(args, 1))
		if w != nil && w.ref != ref {
			w.ref = ref
			if ref {
				l.Ref()
			} else {
				l.Unref()
			}
		}
		return qjs.Undefined
	})
}
