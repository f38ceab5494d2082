// Package process implements the process_wrap binding: child processes
// for node:child_process.
//
// spawn starts a child with os.StartProcess and returns integer ids for
// the process and for each parent end of its 'pipe' and 'ipc' stdio. Only
// the loop goroutine touches JS:
//
//   - a goroutine per child waits for it and posts onexit(id, code, signal);
//   - a goroutine per readable pipe reads one chunk per token the loop
//     hands out (read(id)), and posts onread(id, chunk) / onread(id, null,
//     status) at the end, so a paused stream stops reading from the OS;
//   - writes are queued per pipe and finished in order by a writer
//     goroutine, each with its callback run on the loop.
//
// spawnSync runs a child to completion on the calling (loop) goroutine,
// with input, timeout, maxBuffer and killSignal, as uv_spawn-based
// spawnSync does in Node.
//
// Errors are reported to JS as negative errno numbers (libuv's).
package process

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

func init() { binding.Register("process_wrap", initProcess) }

// readSize is the largest chunk one pipe read delivers.
const readSize = 64 << 10

// exitGrace bounds how long a child's exit waits for the end of its
// output pipes before it is reported.
const exitGrace = 20 * time.Millisecond

// stdioSpec is one entry of the stdio option, normalized by JS.
type stdioSpec struct {
	kind string // "pipe", "ipc", "ignore", "inherit", "fd", "pipeid"
	fd   int    // for "fd" and "inherit"
	id   int64  // for "pipeid": a pipe of another child
}

// spawnOpts are the options of spawn and spawnSync.
type spawnOpts struct {
	file     string
	args     []string
	env      []string
	cwd      string
	stdio    []stdioSpec
	detached bool
	uid, gid int // -1: unchanged

	// spawnSync only
	input      []byte
	timeout    time.Duration
	maxBuffer  float64 // 0: unlimited
	killSignal syscall.Signal
}

// child is one running child process.
type child struct {
	id     int64
	actx   any // async context of the spawn: its exit runs in it
	proc   *os.Process
	refd   bool
	exited bool
}

// pipe is the parent end of a stdio pipe or IPC socket.
type pipe struct {
	id      int64
	b       *procBinding
	actx    any // async context of the spawn: its reads run in it
	f       *os.File
	refd    bool
	closed  bool
	started bool
	ipc     bool          // an IPC channel: reads and writes carry descriptors
	want    chan struct{} // read tokens, capacity 1
	done    chan struct{} // closed on close
	eof     chan struct{} // closed when the read goroutine saw the end

	wmu     sync.Mutex
	wq      []*writeReq
	writing bool
}

// writeReq is a queued write, or (data nil, end true) a close of the
// write side after the queued writes.
type writeReq struct {
	data     []byte
	fd       int // a descriptor to pass with the data (SCM_RIGHTS), or -1
	end      bool
	complete func(func())
	cb       qjs.Value
}

type procBinding struct {
	env      *binding.Env
	children map[int64]*child
	pipes    map[int64]*pipe
	nextID   int64
	onexit   qjs.Value // onexit(id, exitCode, signalName)
	onread   qjs.Value // onread(pipeId, chunk, status)
}

// errnoOf maps a Go error to a negative libuv errno.
func errnoOf(err error) int {
	if err == nil {
		return 0
	}
	if errors.Is(err, os.ErrProcessDone) {
		return -int(syscall.ESRCH)
	}
	if en := binding.Errno(err); en != 0 {
		return -int(en)
	}
	return -int(syscall.EIO)
}

// call runs a JS callback on the loop, routing an exception to the
// uncaught-exception path. It borrows fn and takes args.
func (b *procBinding) call(fn qjs.Value, args ...qjs.Value) {
	b.env.Call(fn, args...)
}

func strings0(c *qjs.Context, arr qjs.Value) []string {
	if !c.IsArray(arr) {
		return nil
	}
	n := c.Length(arr)
	out := make([]string, 0, n)
	for i := 0; i < n; i++ {
		v := c.GetIndex(arr, uint32(i))
		out = append(out, c.GoString(v))
		c.Free(v)
	}
	return out
}

func getInt(c *qjs.Context, obj qjs.Value, name string, def int) int {
	v := c.Get(obj, name)
	defer c.Free(v)
	if !v.IsNumber() {
		return def
	}
	return int(v.Int())
}

// parseOpts reads the options object built by lib/internal/child_process.js:
// {file, args, envPairs, cwd, stdio: [{type, fd}], detached, uid, gid,
// input, timeout, maxBuffer, killSignal}.
func parseOpts(c *qjs.Context, o qjs.Value) *spawnOpts {
	so := &spawnOpts{uid: -1, gid: -1}
	v := c.Get(o, "file")
	so.file = c.GoString(v)
	c.Free(v)
	v = c.Get(o, "args")
	so.args = strings0(c, v)
	c.Free(v)
	v = c.Get(o, "envPairs")
	so.env = strings0(c, v)
	c.Free(v)
	v = c.Get(o, "cwd")
	if v.IsString() {
		so.cwd = c.GoString(v)
	}
	c.Free(v)
	v = c.Get(o, "detached")
	so.detached = c.ToBool(v)
	c.Free(v)
	so.uid = getInt(c, o, "uid", -1)
	so.gid = getInt(c, o, "gid", -1)
	st := c.Get(o, "stdio")
	if c.IsArray(st) {
		n := c.Length(st)
		for i := 0; i < n; i++ {
			e := c.GetIndex(st, uint32(i))
			t := c.Get(e, "type")
			spec := stdioSpec{kind: c.GoString(t), fd: getInt(c, e, "fd", i), id: int64(getInt(c, e, "id", 0))}
			c.Free(t)
			c.Free(e)
			so.stdio = append(so.stdio, spec)
		}
	}
	c.Free(st)
	v = c.Get(o, "input")
	if b, ok := c.TypedArrayBytes(v); ok {
		so.input = append([]byte(nil), b...)
	}
	c.Free(v)
	if t := getInt(c, o, "timeout", 0); t > 0 {
		so.timeout = time.Duration(t) * time.Millisecond
	}
	v = c.Get(o, "maxBuffer")
	if v.IsNumber() {
		if f := v.Float(); f > 0 && f < 1e18 {
			so.maxBuffer = f
		}
	}
	c.Free(v)
	so.killSignal = syscall.Signal(getInt(c, o, "killSignal", int(syscall.SIGTERM)))
	return so
}

// lookPath finds file as execvp does, on the PATH of the child's
// environment (or a default one).
func lookPath(file string, env []string) (string, error) {
	if strings.Contains(file, "/") {
		return file, nil
	}
	if file == "" {
		return "", syscall.ENOENT
	}
	path := "/usr/local/bin:/usr/bin:/bin"
	for _, kv := range env {
		if p, ok := strings.CutPrefix(kv, "PATH="); ok {
			path = p
		}
	}
	denied := false
	for _, dir := range filepath.SplitList(path) {
		if dir == "" {
			dir = "."
		}
		p := filepath.Join(dir, file)
		st, err := os.Stat(p)
		if err != nil || st.IsDir() {
			continue
		}
		if st.Mode()&0o111 == 0 {
			denied = true
			continue
		}
		return p, nil
	}
	if denied {
		return "", syscall.EACCES
	}
	return "", syscall.ENOENT
}

// stdioSetup holds the files of one spawn: what the child gets, and the
// parent ends of its pipes.
type stdioSetup struct {
	child   []*os.File // index = child fd
	parent  []*os.File // parent end per index, or nil
	dupes   []*os.File // files to close in the parent after the start
	writeTo []bool     // parent end is the write side (stdin)
}

func (s *stdioSetup) closeChildEnds() {
	for _, f := range s.dupes {
		f.Close()
	}
	s.dupes = nil
}

func (s *stdioSetup) closeAll() {
	s.closeChildEnds()
	for _, f := range s.parent {
		if f != nil {
			f.Close()
		}
	}
}

// socketpair returns a connected pair of Unix stream sockets: the first
// is pollable (for the parent), the second blocking (for the child).
func socketpair() (*os.File, *os.File, error) {
	fds, err := syscall.Socketpair(syscall.AF_UNIX, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		return nil, nil, err
	}
	syscall.SetNonblock(fds[0], true)
	return os.NewFile(uintptr(fds[0]), "ipc"), os.NewFile(uintptr(fds[1]), "ipc"), nil
}

func (b *procBinding) setupStdio(specs []stdioSpec) (*stdioSetup, error) {
	if len(specs) < 3 {
		specs = append(specs, make([]stdioSpec, 3-len(specs))...)
	}
	s := &stdioSetup{
		child:   make([]*os.File, len(specs)),
		parent:  make([]*os.File, len(specs)),
		writeTo: make([]bool, len(specs)),
	}
	for i, sp := range specs {
		switch sp.kind {
		case "pipe", "overlapped":
			if i == 0 {
				r, w, err := os.Pipe()
				if err != nil {
					s.closeAll()
					return nil, err
				}
				s.child[i], s.parent[i], s.writeTo[i] = r, w, true
				s.dupes = append(s.dupes, r)
			} else if i <= 2 {
				r, w, err := os.Pipe()
				if err != nil {
					s.closeAll()
					return nil, err
				}
				s.child[i], s.parent[i] = w, r
				s.dupes = append(s.dupes, w)
			} else {
				p, ch, err := socketpair()
				if err != nil {
					s.closeAll()
					return nil, err
				}
				s.child[i], s.parent[i] = ch, p
				s.dupes = append(s.dupes, ch)
			}
		case "ipc":
			p, ch, err := socketpair()
			if err != nil {
				s.closeAll()
				return nil, err
			}
			s.child[i], s.parent[i] = ch, p
			s.dupes = append(s.dupes, ch)
		case "pipeid":
			p := b.pipes[sp.id]
			if p == nil || p.closed {
				s.closeAll()
				return nil, syscall.EBADF
			}
			s.child[i] = p.f
		case "inherit", "fd":
			fd := sp.fd
			if sp.kind == "inherit" {
				fd = i
			}
			switch fd {
			case 0:
				s.child[i] = os.Stdin
			case 1:
				s.child[i] = os.Stdout
			case 2:
				s.child[i] = os.Stderr
			default:
				nfd, err := syscall.Dup(fd)
				if err != nil {
					s.closeAll()
					return nil, err
				}
				syscall.CloseOnExec(nfd)
				f := os.NewFile(uintptr(nfd), "fd")
				s.child[i] = f
				s.dupes = append(s.dupes, f)
			}
		default: // "ignore", or a hole
			if i > 2 && sp.kind == "" {
				continue
			}
			f, err := os.OpenFile(os.DevNull, os.O_RDWR, 0)
			if err != nil {
				s.closeAll()
				return nil, err
			}
			s.child[i] = f
			s.dupes = append(s.dupes, f)
		}
	}
	return s, nil
}

// start starts the child with the files of s.
func start(so *spawnOpts, s *stdioSetup) (*os.Process, error) {
	path, err := lookPath(so.file, so.env)
	if err != nil {
		return nil, err
	}
	attr := &os.ProcAttr{Dir: so.cwd, Env: so.env, Files: s.child, Sys: &syscall.SysProcAttr{}}
	if attr.Env == nil {
		attr.Env = []string{}
	}
	if so.detached {
		attr.Sys.Setsid = true
	}
	if so.uid >= 0 || so.gid >= 0 {
		cr := &syscall.Credential{Uid: uint32(os.Getuid()), Gid: uint32(os.Getgid()), NoSetGroups: true}
		if so.uid >= 0 {
			cr.Uid = uint32(so.uid)
		}
		if so.gid >= 0 {
			cr.Gid = uint32(so.gid)
		}
		attr.Sys.Credential = cr
	}
	args := so.args
	if len(args) == 0 {
		args = []string{so.file}
	}
	p, err := os.StartProcess(path, args, attr)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		if errors.Is(err, syscall.ENOENT) && so.cwd != "" {
			if _, serr := os.Stat(so.cwd); serr != nil {
				return nil, syscall.ENOENT
			}
		}
		return nil, err
	}
	return p, nil
}

// exitOf returns the exit code (or -1) and the signal name (or "").
func exitOf(st *os.ProcessState) (int, string) {
	if ws, ok := st.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return -1, SignalName(ws.Signal())
	}
	return st.ExitCode(), ""
}

// addPipe registers a parent end. A pipe that is read keeps the loop
// alive (ref); a write-only one (a child's stdin) does not by itself, as
// in libuv, where only its pending writes do.
func (b *procBinding) addPipe(f *os.File, ref bool) *pipe {
	b.nextID++
	p := &pipe{id: b.nextID, b: b, f: f, refd: ref, actx: b.env.Loop.CaptureContext(),
		want: make(chan struct{}, 1), done: make(chan struct{}), eof: make(chan struct{})}
	b.pipes[p.id] = p
	if ref {
		b.env.Loop.Ref()
	}
	return p
}

func (b *procBinding) pipeArg(args []qjs.Value) *pipe {
	p := b.pipes[qjs.Arg(args, 0).Int()]
	if p == nil || p.closed {
		return nil
	}
	return p
}

// giveToken lets the read goroutine read one more chunk.
func (p *pipe) giveToken() {
	if !p.started {
		p.started = true
		go p.readLoop()
	}
	select {
	case p.want <- struct{}{}:
	default:
	}
}

func (p *pipe) readLoop() {
	buf := make([]byte, readSize)
	l := p.b.env.Loop
	for {
		select {
		case <-p.want:
		case <-p.done:
			return
		}
		var n int
		var fds []int
		var err error
		if p.ipc {
			n, fds, err = p.recv(buf)
		} else {
			n, err = p.f.Read(buf)
		}
		var chunk []byte
		if n > 0 {
			chunk = append([]byte(nil), buf[:n]...)
		}
		if err != nil {
			close(p.eof)
		}
		l.Post(func() { p.deliver(chunk, fds, err) })
		if err != nil {
			return
		}
	}
}

// recv reads one chunk from an IPC socket, with the descriptors passed
// along with it (each close-on-exec, owned by the caller).
func (p *pipe) recv(buf []byte) (int, []int, error) {
	rc, err := p.f.SyscallConn()
	if err != nil {
		return 0, nil, err
	}
	oob := make([]byte, syscall.CmsgSpace(maxPassedFds*4))
	var n, oobn int
	var rerr error
	if cerr := rc.Read(func(fd uintptr) bool {
		n, oobn, _, _, rerr = syscall.Recvmsg(int(fd), buf, oob, syscall.MSG_CMSG_CLOEXEC)
		return rerr != syscall.EAGAIN
	}); cerr != nil {
		return 0, nil, cerr
	}
	var fds []int
	if oobn > 0 {
		if msgs, perr := syscall.ParseSocketControlMessage(oob[:oobn]); perr == nil {
			for _, m := range msgs {
				if got, rerr := syscall.ParseUnixRights(&m); rerr == nil {
					fds = append(fds, got...)
				}
			}
		}
	}
	if rerr != nil {
		return 0, fds, rerr
	}
	if n == 0 && len(buf) > 0 {
		return 0, fds, io.EOF
	}
	return n, fds, nil
}

// maxPassedFds bounds the descriptors one IPC read takes.
const maxPassedFds = 8

func (p *pipe) deliver(chunk []byte, fds []int, err error) {
	if p.closed {
		for _, fd := range fds {
			syscall.Close(fd)
		}
		return
	}
	c := p.b.env.Ctx
	if len(fds) > 0 {
		arr := c.Array()
		for i, fd := range fds {
			c.SetIndex(arr, uint32(i), qjs.Int32(int32(fd)))
		}
		p.b.env.CallIn(p.actx, p.b.onread, qjs.Int64(p.id), c.Uint8Array(chunk), qjs.Int32(0), arr)
	} else if len(chunk) > 0 {
		p.b.env.CallIn(p.actx, p.b.onread, qjs.Int64(p.id), c.Uint8Array(chunk), qjs.Int32(0))
	}
	if err != nil && !p.closed {
		status := 0
		if !errors.Is(err, io.EOF) {
			status = errnoOf(err)
			if status == -int(syscall.ECONNRESET) {
				status = 0
			}
		}
		p.b.env.CallIn(p.actx, p.b.onread, qjs.Int64(p.id), qjs.Null, qjs.Int32(int32(status)))
	}
}

// tryWrite makes one non-blocking write attempt on the loop goroutine.
func (p *pipe) tryWrite(data []byte) (int, error) {
	if len(data) == 0 {
		return 0, nil
	}
	rc, err := p.f.SyscallConn()
	if err != nil {
		return 0, nil
	}
	var n int
	var werr error
	if cerr := rc.Write(func(fd uintptr) bool {
		n, werr = syscall.Write(int(fd), data)
		return true
	}); cerr != nil {
		return 0, nil
	}
	if n < 0 {
		n = 0
	}
	if werr == syscall.EAGAIN || werr == syscall.EINTR {
		werr = nil
	}
	return n, werr
}

func (p *pipe) enqueue(r *writeReq) {
	r.complete = p.b.env.Loop.Pending()
	p.wmu.Lock()
	p.wq = append(p.wq, r)
	if !p.writing {
		p.writing = true
		go p.writer()
	}
	p.wmu.Unlock()
}

func (p *pipe) writer() {
	for {
		p.wmu.Lock()
		if len(p.wq) == 0 {
			p.writing = false
			p.wmu.Unlock()
			return
		}
		r := p.wq[0]
		p.wq = p.wq[1:]
		p.wmu.Unlock()
		var err error
		switch {
		case r.end:
			err = p.closeWrite()
		case r.fd >= 0:
			err = p.sendFd(r.data, r.fd)
			syscall.Close(r.fd)
		default:
			_, err = p.f.Write(r.data)
		}
		r.complete(func() {
			c := p.b.env.Ctx
			if c.IsFunction(r.cb) {
				p.b.env.CallIn(p.actx, r.cb, qjs.Int32(int32(errnoOf(err))))
			}
			c.Free(r.cb)
		})
	}
}

// sendFd writes data with fd attached to its first byte (writer
// goroutine).
func (p *pipe) sendFd(data []byte, fd int) error {
	rc, err := p.f.SyscallConn()
	if err != nil {
		return err
	}
	var n int
	var serr error
	if cerr := rc.Write(func(s uintptr) bool {
		n, serr = syscall.SendmsgN(int(s), data, syscall.UnixRights(fd), nil, 0)
		return serr != syscall.EAGAIN
	}); cerr != nil {
		return cerr
	}
	if serr != nil {
		return serr
	}
	if n < len(data) {
		_, err = p.f.Write(data[n:])
	}
	return err
}

// closeWrite ends the write side: a half-close for a socket, a close for
// a pipe.
func (p *pipe) closeWrite() error {
	rc, err := p.f.SyscallConn()
	if err == nil {
		var serr error
		cerr := rc.Control(func(fd uintptr) {
			serr = syscall.Shutdown(int(fd), syscall.SHUT_WR)
		})
		if cerr == nil && serr == nil {
			return nil
		}
	}
	return p.f.Close()
}

func (p *pipe) close() {
	if p.closed {
		return
	}
	p.closed = true
	close(p.done)
	p.f.Close()
	delete(p.b.pipes, p.id)
	p.b.env.Loop.ReleaseContextAtClose(&p.actx)
	if p.refd {
		p.refd = false
		p.b.env.Loop.Unref()
	}
}

func initProcess(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	b := &procBinding{env: env, children: map[int64]*child{}, pipes: map[int64]*pipe{}}
	l := env.Loop

	// setCallbacks(onexit, onread) installs the callbacks, once per instance.
	binding.Func(c, obj, "setCallbacks", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		c.Free(b.onexit)
		c.Free(b.onread)
		b.onexit = c.Dup(qjs.Arg(args, 0))
		b.onread = c.Dup(qjs.Arg(args, 1))
		return qjs.Undefined
	})

	// spawn(opts) -> [errno, id, pid, pipeIds...]: errno is 0 or negative;
	// pipeIds holds, per stdio index, the id of the parent end of a 'pipe'
	// or 'ipc' entry, or -1.
	binding.Func(c, obj, "spawn", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		so := parseOpts(c, qjs.Arg(args, 0))
		out := c.Array()
		s, err := b.setupStdio(so.stdio)
		if err != nil {
			c.SetIndex(out, 0, qjs.Int32(int32(errnoOf(err))))
			return out
		}
		proc, err := start(so, s)
		s.closeChildEnds()
		if err != nil {
			for _, f := range s.parent {
				if f != nil {
					f.Close()
				}
			}
			c.SetIndex(out, 0, qjs.Int32(int32(errnoOf(err))))
			return out
		}
		b.nextID++
		ch := &child{id: b.nextID, proc: proc, refd: true, actx: l.CaptureContext()}
		b.children[ch.id] = ch
		l.Ref()
		c.SetIndex(out, 0, qjs.Int32(0))
		c.SetIndex(out, 1, qjs.Int64(ch.id))
		c.SetIndex(out, 2, qjs.Int64(int64(proc.Pid)))
		var outs []*pipe
		for i, f := range s.parent {
			id := int64(-1)
			if f != nil {
				p := b.addPipe(f, !s.writeTo[i])
				p.ipc = so.stdio[i].kind == "ipc"
				id = p.id
				if !s.writeTo[i] {
					outs = append(outs, p)
				}
			}
			c.SetIndex(out, uint32(3+i), qjs.Int64(id))
		}
		go func() {
			st, err := proc.Wait()
			// Output the child wrote before exiting comes first, as
			// with libuv, unless a pipe stays open (a descendant holds
			// it) or nobody reads it.
			grace := make(chan struct{})
			t := time.AfterFunc(exitGrace, func() { close(grace) })
			for _, p := range outs {
				select {
				case <-p.eof:
				case <-p.done:
				case <-grace:
				}
			}
			t.Stop()
			l.Post(func() {
				ch.exited = true
				delete(b.children, ch.id)
				if ch.refd {
					ch.refd = false
					l.Unref()
				}
				code, sig := -1, ""
				if err == nil {
					code, sig = exitOf(st)
				}
				sv := qjs.Null
				if sig != "" {
					sv = c.String(sig)
				}
				cv := qjs.Null
				if sig == "" {
					cv = qjs.Int32(int32(code))
				}
				b.env.CallIn(ch.actx, b.onexit, qjs.Int64(ch.id), cv, sv)
				l.ReleaseContext(ch.actx)
				ch.actx = nil
			})
		}()
		return out
	})

	// kill(id, signal) -> 0 or a negative errno (ESRCH once exited).
	binding.Func(c, obj, "kill", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		ch := b.children[qjs.Arg(args, 0).Int()]
		if ch == nil || ch.exited {
			return qjs.Int32(-int32(syscall.ESRCH))
		}
		return qjs.Int32(int32(errnoOf(ch.proc.Signal(syscall.Signal(qjs.Arg(args, 1).Int())))))
	})

	// ref(id, bool) refs or unrefs a child process.
	binding.Func(c, obj, "ref", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		ch := b.children[qjs.Arg(args, 0).Int()]
		ref := c.ToBool(qjs.Arg(args, 1))
		if ch != nil && ch.refd != ref {
			ch.refd = ref
			if ref {
				l.Ref()
			} else {
				l.Unref()
			}
		}
		return qjs.Undefined
	})

	// openFd(fd) -> pipe id over an inherited descriptor (the child's
	// end of an IPC channel), or a negative errno.
	binding.Func(c, obj, "openFd", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		fd := int(qjs.Arg(args, 0).Int())
		var st syscall.Stat_t
		if err := syscall.Fstat(fd, &st); err != nil {
			return qjs.Int32(int32(errnoOf(err)))
		}
		syscall.CloseOnExec(fd)
		syscall.SetNonblock(fd, true)
		p := b.addPipe(os.NewFile(uintptr(fd), "ipc"), true)
		p.ipc = true
		return qjs.Int64(p.id)
	})

	// read(pipeId) asks for the next chunk: onread runs once with it.
	binding.Func(c, obj, "read", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if p := b.pipeArg(args); p != nil {
			p.giveToken()
		}
		return qjs.Undefined
	})

	// write(pipeId, data, cb) writes a string (UTF-8) or typed array. It
	// returns 0 when all was written at once (cb is not called), 1 when
	// (the rest) was queued, cb(status) running on the loop when it is
	// done, or a negative errno.
	binding.Func(c, obj, "write", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := b.pipeArg(args)
		if p == nil {
			return qjs.Int32(-int32(syscall.EBADF))
		}
		d := qjs.Arg(args, 1)
		var data []byte
		if d.IsString() {
			data = []byte(c.GoString(d))
		} else if bs, ok := c.TypedArrayBytes(d); ok {
			data = bs
		}
		p.wmu.Lock()
		idle := !p.writing && len(p.wq) == 0
		p.wmu.Unlock()
		if idle {
			n, err := p.tryWrite(data)
			if err != nil {
				return qjs.Int32(int32(errnoOf(err)))
			}
			if n == len(data) {
				return qjs.Int32(0)
			}
			data = data[n:]
		}
		p.enqueue(&writeReq{data: append([]byte(nil), data...), fd: -1, cb: c.Dup(qjs.Arg(args, 2))})
		return qjs.Int32(1)
	})

	// writeFd(pipeId, data, fd, cb) writes data (a string or typed array)
	// on an IPC channel with a duplicate of the descriptor fd attached
	// (SCM_RIGHTS); cb(status) runs on the loop when it was sent. It
	// returns 1, or a negative errno.
	binding.Func(c, obj, "writeFd", 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := b.pipeArg(args)
		if p == nil || !p.ipc {
			return qjs.Int32(-int32(syscall.EBADF))
		}
		d := qjs.Arg(args, 1)
		var data []byte
		if d.IsString() {
			data = []byte(c.GoString(d))
		} else if bs, ok := c.TypedArrayBytes(d); ok {
			data = append([]byte(nil), bs...)
		}
		if len(data) == 0 {
			return qjs.Int32(-int32(syscall.EINVAL))
		}
		syscall.ForkLock.RLock()
		nfd, err := syscall.Dup(int(qjs.Arg(args, 2).Int()))
		if err == nil {
			syscall.CloseOnExec(nfd)
		}
		syscall.ForkLock.RUnlock()
		if err != nil {
			return qjs.Int32(int32(errnoOf(err)))
		}
		p.enqueue(&writeReq{data: data, fd: nfd, cb: c.Dup(qjs.Arg(args, 3))})
		return qjs.Int32(1)
	})

	// closeFd(fd) closes a descriptor received on an IPC channel that
	// nothing adopted.
	binding.Func(c, obj, "closeFd", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if fd := int(qjs.Arg(args, 0).Int()); fd > 2 {
			syscall.Close(fd)
		}
		return qjs.Undefined
	})

	// fd(pipeId) -> the descriptor of a pipe (process.channel.fd), or -1.
	binding.Func(c, obj, "fd", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := b.pipeArg(args)
		if p == nil {
			return qjs.Int32(-1)
		}
		fd := -1
		if rc, err := p.f.SyscallConn(); err == nil {
			rc.Control(func(s uintptr) { fd = int(s) })
		}
		return qjs.Int32(int32(fd))
	})

	// end(pipeId, cb) closes the write side after the queued writes.
	binding.Func(c, obj, "end", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := b.pipeArg(args)
		if p == nil {
			return qjs.Int32(-int32(syscall.EBADF))
		}
		p.enqueue(&writeReq{end: true, fd: -1, cb: c.Dup(qjs.Arg(args, 1))})
		return qjs.Int32(0)
	})

	// close(pipeId) closes a pipe; pending reads end silently.
	binding.Func(c, obj, "close", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if p := b.pipeArg(args); p != nil {
			p.close()
		}
		return qjs.Undefined
	})

	// pipeRef(pipeId, bool) refs or unrefs a pipe.
	binding.Func(c, obj, "pipeRef", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p := b.pipeArg(args)
		ref := c.ToBool(qjs.Arg(args, 1))
		if p != nil && p.refd != ref {
			p.refd = ref
			if ref {
				l.Ref()
			} else {
				l.Unref()
			}
		}
		return qjs.Undefined
	})

	// spawnSync(opts) -> {error, status, signal, pid, output}: runs the
	// child to completion. error is a negative errno or undefined; output
	// holds a Uint8Array per 'pipe' stdio entry (null for the others).
	binding.Func(c, obj, "spawnSync", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		so := parseOpts(c, qjs.Arg(args, 0))
		r := runSync(b, so)
		out := c.Object()
		if r.errno != 0 {
			c.Set(out, "error", qjs.Int32(int32(r.errno)))
		}
		c.Set(out, "pid", qjs.Int64(int64(r.pid)))
		if r.started {
			if r.signal != "" {
				c.Set(out, "status", qjs.Null)
				c.Set(out, "signal", c.String(r.signal))
			} else {
				c.Set(out, "status", qjs.Int32(int32(r.status)))
				c.Set(out, "signal", qjs.Null)
			}
			arr := c.Array()
			for i, o := range r.output {
				if o == nil {
					c.SetIndex(arr, uint32(i), qjs.Null)
				} else {
					c.SetIndex(arr, uint32(i), c.Uint8Array(o.buf))
				}
			}
			c.Set(out, "output", arr)
		} else {
			c.Set(out, "status", qjs.Null)
			c.Set(out, "signal", qjs.Null)
			c.Set(out, "output", qjs.Null)
		}
		return out
	})

	// signalName(n) -> "SIGTERM", or undefined.
	binding.Func(c, obj, "signalName", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if n := SignalName(syscall.Signal(qjs.Arg(args, 0).Int())); n != "" {
			return c.String(n)
		}
		return qjs.Undefined
	})
}

// syncOut collects one output pipe of spawnSync.
type syncOut struct {
	buf []byte
}

type syncResult struct {
	started bool
	pid     int
	status  int
	signal  string
	errno   int
	output  []*syncOut
}

// runSync runs a child to completion for spawnSync.
func runSync(b *procBinding, so *spawnOpts) syncResult {
	var r syncResult
	s, err := b.setupStdio(so.stdio)
	if err != nil {
		r.errno = errnoOf(err)
		return r
	}
	proc, err := start(so, s)
	s.closeChildEnds()
	if err != nil {
		for _, f := range s.parent {
			if f != nil {
				f.Close()
			}
		}
		r.errno = errnoOf(err)
		return r
	}
	r.started, r.pid = true, proc.Pid
	r.output = make([]*syncOut, len(s.parent))

	var mu sync.Mutex
	var total float64
	overflow := make(chan struct{})
	var overflowOnce sync.Once
	var wg sync.WaitGroup
	for i, f := range s.parent {
		if f == nil {
			continue
		}
		if s.writeTo[i] {
			go func(f *os.File) {
				if len(so.input) > 0 {
					f.Write(so.input)
				}
				f.Close()
			}(f)
			continue
		}
		o := &syncOut{buf: []byte{}}
		r.output[i] = o
		wg.Add(1)
		go func(f *os.File, o *syncOut) {
			defer wg.Done()
			defer f.Close()
			buf := make([]byte, readSize)
			for {
				n, err := f.Read(buf)
				if n > 0 {
					mu.Lock()
					total += float64(n)
					if so.maxBuffer > 0 && total > so.maxBuffer {
						overflowOnce.Do(func() { close(overflow) })
					}
					o.buf = append(o.buf, buf[:n]...)
					mu.Unlock()
				}
				if err != nil {
					return
				}
			}
		}(f, o)
	}

	waited := make(chan *os.ProcessState, 1)
	go func() {
		st, _ := proc.Wait()
		waited <- st
	}()
	var timeout <-chan time.Time
	if so.timeout > 0 {
		t := time.NewTimer(so.timeout)
		defer t.Stop()
		timeout = t.C
	}
	var st *os.ProcessState
	select {
	case st = <-waited:
	case <-timeout:
		r.errno = -int(syscall.ETIMEDOUT)
		proc.Signal(so.killSignal)
		st = <-waited
	case <-overflow:
		r.errno = -int(syscall.ENOBUFS)
		proc.Signal(so.killSignal)
		st = <-waited
	}
	if r.errno != 0 {
		// A killed child may have left descendants holding the pipes:
		// stop reading now.
		for i, f := range s.parent {
			if f != nil && !s.writeTo[i] {
				f.Close()
			}
		}
	}
	wg.Wait()
	if st != nil {
		r.status, r.signal = exitOf(st)
	}
	return r
}
