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
	// watchStart(path, callback(eventType, filename)[, recursive]) -> id;
	// throws as libuv's watch does. With recursive, every directory under
	// path is watched (new ones as they appear) and names are relative to
	// path.
	binding.Func(c, obj, "watchStart", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := pathOf(c, qjs.Arg(args, 0))
		recursive := c.ToBool(qjs.Arg(args, 2))
		fd, err := unix.InotifyInit1(unix.IN_CLOEXEC | unix.IN_NONBLOCK)
		if err != nil {
			return c.Throw(errValue(c, fail(err, "watch", p, "")))
		}
		wd, err := unix.InotifyAddWatch(fd, p, watchMask)
		if err != nil {
			unix.Close(fd)
			return c.Throw(errValue(c, fail(err, "watch", p, "")))
		}
		// dirs maps a watch descriptor to its directory relative to p.
		var dirs map[int]string
		if recursive {
			dirs = map[int]string{wd: ""}
			addTree(fd, p, "", dirs, nil)
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
				var evs []watchEvent
				if recursive {
					evs = parseRecursive(fd, p, buf[:n], dirs)
				} else {
					evs = parseInotify(buf[:n], self)
				}
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

// addTree adds watches for every directory below root/rel, recording
// them in dirs. When found is non-nil, each entry met is appended to it
// as a "rename" event (entries created before their directory's watch).
func addTree(fd int, root, rel string, dirs map[int]string, found *[]watchEvent) {
	entries, err := os.ReadDir(filepath.Join(root, rel))
	if err != nil {
		return
	}
	for _, e := range entries {
		name := filepath.Join(rel, e.Name())
		if found != nil {
			*found = append(*found, watchEvent{"rename", name})
		}
		if !e.IsDir() {
			continue
		}
		wd, err := unix.InotifyAddWatch(fd, filepath.Join(root, name), watchMask)
		if err != nil {
			continue
		}
		dirs[wd] = name
		addTree(fd, root, name, dirs, found)
	}
}

// parseRecursive decodes inotify events for a recursive watch, naming
// each relative to root and watching directories as they are created.
func parseRecursive(fd int, root string, buf []byte, dirs map[int]string) []watchEvent {
	var out []watchEvent
	for off := 0; off+unix.SizeofInotifyEvent <= len(buf); {
		ev := (*unix.InotifyEvent)(unsafe.Pointer(&buf[off]))
		nameBytes := buf[off+unix.SizeofInotifyEvent : off+unix.SizeofInotifyEvent+int(ev.Len)]
		off += unix.SizeofInotifyEvent + int(ev.Len)
		name := string(nameBytes)
		for len(name) > 0 && name[len(name)-1] == 0 {
			name = name[:len(name)-1]
		}
		dir, ok := dirs[int(ev.Wd)]
		if ev.Mask&unix.IN_IGNORED != 0 {
			delete(dirs, int(ev.Wd))
			continue
		}
		if !ok {
			continue
		}
		if name == "" {
			// Events on a watched directory itself are reported by its
			// parent's watch, except for the root.
			if dir != "" {
				continue
			}
			name = filepath.Base(root)
		} else {
			name = filepath.Join(dir, name)
		}
		kind := "rename"
		if ev.Mask&(unix.IN_ATTRIB|unix.IN_MODIFY) != 0 {
			kind = "change"
		}
		out = append(out, watchEvent{kind, name})
		if ev.Mask&unix.IN_ISDIR != 0 && ev.Mask&(unix.IN_CREATE|unix.IN_MOVED_TO) != 0 {
			if wd, err := unix.InotifyAddWatch(fd, filepath.Join(root, name), watchMask); err == nil {
				dirs[wd] = name
				addTree(fd, root, name, dirs, &out)
			}
		}
	}
	return out
}
