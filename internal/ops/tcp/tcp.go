// Package tcp implements the tcp binding: TCP and Unix-domain stream
// sockets and servers, read through the loop's own epoll set and
// otherwise over Go's netpoller.
//
// The loop goroutine is the only one that touches JS. Each open handle is
// an integer id. Connections are read on the loop itself, as libuv reads:
// the binding's epoll set (poll_linux.go) is what the loop waits on in
// its poll phase (eventloop.Poller), and a connection that is reading
// and readable is read there and its chunk handed to JS, with no
// goroutine in between. A connection that is not reading is not read,
// so readStop stops reading from the OS and TCP flow control pushes back
// on the peer. Goroutines do the other blocking work and post
// completions to the loop:
//
//   - an accept loop per server posts each new connection;
//   - where the poller is not available, a read loop per connection
//     reads only while it holds a token the loop hands out (readStart,
//     and again as each chunk is delivered while reading is on);
//   - a write that would block is copied and finished by a writer
//     goroutine, in order, with its callback run on the loop.
//
// Completions are posted in the order libuv would deliver them where a
// program can see the difference: a half-close completes from the loop,
// and a connection to a listener of the same instance reports 'connect'
// only after the server side's accept (see rendezvous).
//
// Errors are reported to JS as negative errno numbers (libuv's), which
// lib/internal/net.js turns into Node's exceptions.
package tcp

import (
	"context"
	"errors"
	"golang.org/x/sys/unix"
	"io"
	"net"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

func init() { binding.Register("tcp", initTCP) }

// UV_EOF is libuv's end-of-stream status.
const uvEOF = -4095

// readSize is the largest chunk one read delivers (libuv uses 64 KiB).
const readSize = 64 << 10

var readBufs = sync.Pool{New: func() any { b := make([]byte, readSize); return &b }}

// handle is one server or connection.
type handle struct {
	id     int64
	b      *tcpBinding
	actx   any // async context its callbacks run in (AsyncLocalStorage)
	pipe   bool
	v6sock bool // an AF_INET6 socket (IPv4 peers are v4-mapped)

	// server
	ln net.Listener

	// connection
	conn   net.Conn
	raw    syscall.RawConn
	cancel context.CancelFunc // pending connect

	// loop-side state
	refd    bool
	counted bool // holds a loop reference now (see update)
	reqs    int  // queued writes and shutdowns not yet completed
	closed  bool
	reading bool
	tokens  int  // read tokens given out whose chunk is not delivered yet
	started bool // read goroutine running

	// Reads polled by the loop (see epoller) instead of a goroutine.
	polled     bool
	fd         int
	readable   bool // data (or EOF) may be waiting: a read will not block
	readQueued bool // a readNow is queued
	hup        bool // the poller reported the peer's end or an error

	want chan struct{} // read tokens, capacity readAhead; closed on close

	// hook, when set, is offered each chunk read before onread is.
	hook ReadHook

	written int64 // bytes taken by write (sent or queued)
	shut    bool  // shutdown was asked: later writes fail (EPIPE)

	wmu     sync.Mutex
	wq      []*writeReq
	writing bool
	queued  atomic.Int64 // bytes waiting in wq
}

// writeReq is a queued write or shutdown.
type writeReq struct {
	data     [][]byte
	size     int
	shutdown bool
	cb       qjs.Value
	arg      qjs.Value // passed to cb after the status (owned)
}

// ReadHook receives a chunk read from a connection, on the loop
// goroutine, in place of the onread callback; data is valid only during
// the call. It returns false to have the chunk delivered to onread as
// usual. The http binding uses it to parse a server's requests without a
// trip through JS for the bytes.
type ReadHook func(data []byte) bool

// Hooks is what other bindings of the instance see of the tcp binding,
// as env.Shared["tcp"].
type Hooks interface {
	// SetReadHook sets (or, with nil, clears) the read hook of the
	// connection id, reporting whether the connection exists.
	SetReadHook(id int64, hook ReadHook) bool
}

// SetReadHook implements Hooks.
func (b *tcpBinding) SetReadHook(id int64, hook ReadHook) bool {
	h := b.handles[id]
	if h == nil || h.closed || h.conn == nil {
		return false
	}
	h.hook = hook
	return true
}

type tcpBinding struct {
	env      *binding.Env
	handles  map[int64]*handle
	nextID   int64
	poller   *epoller  // nil until a connection needs it, and when none is left
	noPoller bool      // the system has none: reads use goroutines
	onread   qjs.Value // onread(id, nread, arraybuffer)
	onconn   qjs.Value // onconnection(serverId, status, connId)
	rv       rendezvous
}

// rendezvous orders the two ends of a connection made inside one
// instance as libuv does: the server's 'connection' before the client's
// 'connect'. Accept and connect finish on different goroutines, so the
// connecting goroutine waits (briefly) until the accept of its own
// connection has been posted to the loop.
type rendezvous struct {
	mu       sync.Mutex
	ports    map[int]int              // listening TCP ports -> listeners
	waiting  map[string]chan struct{} // client address -> connect waiting
	accepted map[string]bool          // accepted before their connect asked
	order    []string                 // accepted, oldest first (bounded)
}

const maxAccepted = 4096

func connKey(a net.Addr) string {
	ta, ok := a.(*net.TCPAddr)
	if !ok {
		return ""
	}
	return string(ta.IP.To16()) + ":" + strconv.Itoa(ta.Port)
}

func (r *rendezvous) listen(port int, delta int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.ports == nil {
		r.ports = map[int]int{}
		r.waiting = map[string]chan struct{}{}
		r.accepted = map[string]bool{}
	}
	r.ports[port] += delta
	if r.ports[port] <= 0 {
		delete(r.ports, port)
	}
}

// accepted records that the accept of a connection from remote has been
// posted (accept goroutine).
func (r *rendezvous) accept(remote net.Addr) {
	k := connKey(remote)
	if k == "" {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if ch, ok := r.waiting[k]; ok {
		delete(r.waiting, k)
		close(ch)
		return
	}
	if r.accepted == nil {
		return
	}
	r.accepted[k] = true
	r.order = append(r.order, k)
	if len(r.order) > maxAccepted {
		delete(r.accepted, r.order[0])
		r.order = r.order[1:]
	}
}

// connected waits until the server side of conn, if it is one of this
// instance's listeners, has been accepted (connect goroutine).
func (r *rendezvous) connected(conn net.Conn) {
	ra, ok := conn.RemoteAddr().(*net.TCPAddr)
	if !ok {
		return
	}
	k := connKey(conn.LocalAddr())
	r.mu.Lock()
	if r.ports[ra.Port] == 0 || k == "" {
		r.mu.Unlock()
		return
	}
	if r.accepted[k] {
		delete(r.accepted, k)
		r.mu.Unlock()
		return
	}
	ch := make(chan struct{})
	r.waiting[k] = ch
	r.mu.Unlock()
	t := time.NewTimer(50 * time.Millisecond)
	select {
	case <-ch:
	case <-t.C:
		r.mu.Lock()
		delete(r.waiting, k)
		r.mu.Unlock()
	}
	t.Stop()
}

// errnoOf maps a Go network error to a negative libuv errno.
func errnoOf(err error) int {
	if err == nil {
		return 0
	}
	if en := binding.Errno(err); en != 0 {
		return -int(en)
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return -int(syscall.ETIMEDOUT)
	}
	if errors.Is(err, net.ErrClosed) || errors.Is(err, context.Canceled) {
		return -int(syscall.ECANCELED)
	}
	if errors.Is(err, os.ErrDeadlineExceeded) || errors.Is(err, context.DeadlineExceeded) {
		return -int(syscall.ETIMEDOUT)
	}
	var ae *net.AddrError
	if errors.As(err, &ae) {
		return -int(syscall.EINVAL)
	}
	return -int(syscall.EIO)
}

func (b *tcpBinding) add(h *handle) {
	b.nextID++
	h.id = b.nextID
	h.b = b
	h.refd = true
	h.want = make(chan struct{}, readAhead)
	b.handles[h.id] = h
	// As a libuv handle's callbacks in node, this one's run in the async
	// context of its creation (an accepted connection's, in its server's).
	h.actx = b.env.Loop.CaptureContext()
}

// call runs a callback of the handle in its async context.
func (h *handle) call(fn qjs.Value, args ...qjs.Value) { h.b.env.CallIn(h.actx, fn, args...) }

// update makes the handle hold a loop reference exactly while libuv's
// would be active: a server while listening, a connection while it
// connects, reads, or has writes or a shutdown in flight; and only if
// ref'd. An idle connection nobody reads from does not keep the process
// alive, as in Node (loop goroutine).
func (h *handle) update() {
	active := h.refd && !h.closed &&
		(h.ln != nil || h.cancel != nil || h.reading || h.reqs > 0)
	if active == h.counted {
		return
	}
	h.counted = active
	if active {
		h.b.env.Loop.Ref()
	} else {
		h.b.env.Loop.Unref()
	}
}

func (b *tcpBinding) get(args []qjs.Value) *handle {
	h := b.handles[qjs.Arg(args, 0).Int()]
	if h == nil || h.closed {
		return nil
	}
	return h
}

// call runs a JS callback on the loop, routing an exception to the
// uncaught-exception path. It borrows fn and takes args.
func (b *tcpBinding) call(fn qjs.Value, args ...qjs.Value) {
	b.env.Call(fn, args...)
}

// addrValue returns [address, family, port] for a TCP address, or the
// path for a Unix one. v6sock says the socket is AF_INET6, so that an
// IPv4 peer of a dual-stack socket reads as Node shows it
// ("::ffff:127.0.0.1", IPv6).
func addrValue(c *qjs.Context, a net.Addr, v6sock bool) qjs.Value {
	switch a := a.(type) {
	case *net.TCPAddr:
		arr := c.Array()
		fam := "IPv4"
		s := ""
		if ip4 := a.IP.To4(); ip4 != nil {
			s = ip4.String()
			if v6sock {
				fam, s = "IPv6", "::ffff:"+s
			}
		} else {
			fam, s = "IPv6", a.IP.String()
			if a.Zone != "" {
				s += "%" + a.Zone
			}
		}
		c.SetIndex(arr, 0, c.String(s))
		c.SetIndex(arr, 1, c.String(fam))
		c.SetIndex(arr, 2, qjs.Int32(int32(a.Port)))
		return arr
	case *net.UnixAddr:
		if len(a.Name) > 0 && a.Name[0] == '@' {
			return c.String("\x00" + a.Name[1:])
		}
		return c.String(a.Name)
	}
	return qjs.Undefined
}

func initTCP(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	b := &tcpBinding{env: env, handles: map[int64]*handle{}}
	l := env.Loop
	if env.Shared != nil {
		env.Shared["tcp"] = Hooks(b)
	}

	// setCallbacks(onread, onconnection) installs the two streaming
	// callbacks, once per instance.
	binding.Func(c, obj, "setCallbacks", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		c.Free(b.onread)
		c.Free(b.onconn)
		b.onread = c.Dup(qjs.Arg(args, 0))
		b.onconn = c.Dup(qjs.Arg(args, 1))
		return qjs.Undefined
	})

	// listen(host, port, backlog, ipv6Only, path, reusePort) -> id, or a
	// negative errno. A non-empty path listens on a Unix-domain socket; an
	// empty host listens on every address (dual-stack when IPv6 is
	// available). reusePort sets SO_REUSEPORT, which is also how cluster
	// workers share a port: the kernel spreads connections among them.
	binding.Func(c, obj, "listen", 6, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		host := c.GoString(qjs.Arg(args, 0))
		port := int(qjs.Arg(args, 1).Int())
		v6only := c.ToBool(qjs.Arg(args, 3))
		reusePort := c.ToBool(qjs.Arg(args, 5))
		path := ""
		if p := qjs.Arg(args, 4); p.IsString() {
			path = c.GoString(p)
		}
		var ln net.Listener
		var err error
		h := &handle{}
		if path != "" {
			h.pipe = true
			ln, err = net.Listen("unix", goUnixPath(path))
		} else {
			network := "tcp"
			ip := net.ParseIP(hostNoZone(host))
			if ip != nil && ip.To4() != nil {
				network = "tcp4"
			} else if ip != nil && (v6only || !ip.IsUnspecified()) {
				// "tcp6" makes Go set IPV6_V6ONLY; "::" without ipv6Only
				// is dual-stack in node, which "tcp" gives.
				network = "tcp6"
			}
			lc := net.ListenConfig{KeepAlive: -1}
			lc.Control = socketOptions(v6only, reusePort)
			ln, err = lc.Listen(context.Background(), network, net.JoinHostPort(host, strconv.Itoa(port)))
		}
		if err != nil {
			return qjs.Int32(int32(errnoOf(err)))
		}
		setBacklog(ln, int(qjs.Arg(args, 2).Int()))
		h.ln = ln
		if ta, ok := ln.Addr().(*net.TCPAddr); ok {
			b.rv.listen(ta.Port, 1)
		}
		if ta, ok := ln.Addr().(*net.TCPAddr); ok && ta.IP.To4() == nil {
			h.v6sock = true
		}
		b.add(h)
		h.update()
		go b.acceptLoop(h)
		return qjs.Int64(h.id)
	})

	// connect(host, port, path, localAddress, localPort, timeoutMs, cb) -> id.
	// cb(status) runs on the loop when the connection is up or failed.
	binding.Func(c, obj, "connect", 7, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		host := c.GoString(qjs.Arg(args, 0))
		port := int(qjs.Arg(args, 1).Int())
		path := ""
		if p := qjs.Arg(args, 2); p.IsString() {
			path = c.GoString(p)
		}
		d := net.Dialer{KeepAlive: -1}
		if la := qjs.Arg(args, 3); la.IsString() || qjs.Arg(args, 4).Int() != 0 {
			lh := ""
			if la.IsString() {
				lh = c.GoString(la)
			}
			d.LocalAddr = &net.TCPAddr{IP: net.ParseIP(lh), Port: int(qjs.Arg(args, 4).Int())}
			d.Control = setReuseAddr // as libuv binds a connecting socket
		}
		if t := qjs.Arg(args, 5).Int(); t > 0 {
			d.Timeout = time.Duration(t) * time.Millisecond
		}
		cb := c.Dup(qjs.Arg(args, 6))
		h := &handle{pipe: path != ""}
		b.add(h)
		ctx, cancel := context.WithCancel(context.Background())
		h.cancel = cancel
		h.update()
		network, addr := "tcp", net.JoinHostPort(host, strconv.Itoa(port))
		if path != "" {
			network, addr = "unix", goUnixPath(path)
		}
		go func() {
			conn, err := d.DialContext(ctx, network, addr)
			if err == nil {
				b.rv.connected(conn)
			}
			l.Post(func() {
				defer c.Free(cb)
				if h.closed {
					if conn != nil {
						conn.Close()
					}
					return
				}
				h.cancel = nil
				h.update()
				if err != nil {
					h.call(cb, qjs.Int32(int32(errnoOf(err))))
					return
				}
				h.setConn(conn)
				h.call(cb, qjs.Int32(0))
			})
		}()
		return qjs.Int64(h.id)
	})

	binding.Func(c, obj, "readStart", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if h := b.get(args); h != nil && h.conn != nil {
			h.reading = true
			h.update()
			h.giveToken()
		}
		return qjs.Undefined
	})
	binding.Func(c, obj, "readStop", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if h := b.get(args); h != nil {
			h.reading = false
			h.update()
		}
		return qjs.Undefined
	})

	// write(id, data, cb, arg) writes a string (UTF-8), a typed array or
	// an array of them. It returns 0 when everything was written at once
	// (cb is not called), 1 when the rest was queued (cb(status, arg) runs
	// later), or a negative errno (EPIPE once shutdown was asked, as
	// libuv). Passing a shared cb and a per-write arg spares JS a closure
	// per write. The handle counts the bytes it takes (bytesWritten).
	binding.Func(c, obj, "write", 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		h := b.get(args)
		if h == nil || h.conn == nil {
			return qjs.Int32(-int32(syscall.EBADF))
		}
		data := qjs.Arg(args, 1)
		if !c.IsArray(data) {
			// One chunk: written from the engine's own bytes when the
			// socket takes it all, copied only if some must wait.
			b, borrowed := viewOf(c, data)
			return qjs.Int32(int32(h.write([][]byte{b}, borrowed, qjs.Arg(args, 2), qjs.Arg(args, 3))))
		}
		n := c.Length(data)
		bufs := make([][]byte, 0, n)
		for i := 0; i < n; i++ {
			v := c.GetIndex(data, uint32(i))
			bufs = append(bufs, bytesOf(c, v))
			c.Free(v)
		}
		return qjs.Int32(int32(h.write(bufs, false, qjs.Arg(args, 2), qjs.Arg(args, 3))))
	})

	// bytesWritten(id): bytes the handle has taken from write so far.
	binding.Func(c, obj, "bytesWritten", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if h := b.get(args); h != nil {
			return qjs.Int64(h.written)
		}
		return qjs.Int32(0)
	})

	// shutdown(id, cb): half-close after queued writes; cb(status) on the loop.
	binding.Func(c, obj, "shutdown", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		h := b.get(args)
		if h == nil || h.conn == nil {
			return qjs.Int32(-int32(syscall.ENOTCONN))
		}
		cb := c.Dup(qjs.Arg(args, 1))
		h.shut = true
		h.wmu.Lock()
		idle := !h.writing && len(h.wq) == 0
		h.wmu.Unlock()
		if !idle {
			h.enqueue(&writeReq{shutdown: true, cb: cb, arg: qjs.Undefined})
			return qjs.Int32(0)
		}
		// Nothing queued: half-close from the poll phase, as libuv does,
		// and complete right away. The peer's view of the FIN can then
		// only reach this loop in a later batch, after this socket's
		// completion and close callbacks.
		h.reqs++
		h.update()
		l.Post(func() {
			h.reqs--
			h.update()
			var err error
			if cw, ok := h.conn.(interface{ CloseWrite() error }); ok && !h.closed {
				err = cw.CloseWrite()
			}
			b.call(cb, qjs.Int32(int32(errnoOf(err))))
			c.Free(cb)
		})
		return qjs.Int32(0)
	})

	// close(id, cb): closes the handle; cb runs in the close phase.
	binding.Func(c, obj, "close", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		h := b.handles[qjs.Arg(args, 0).Int()]
		cb := qjs.Arg(args, 1)
		if h != nil && !h.closed {
			h.close()
		}
		if c.IsFunction(cb) {
			cb = c.Dup(cb)
			l.OnClose(func() {
				b.call(cb)
				c.Free(cb)
			})
		} else if h != nil {
			// As a closing libuv handle does, this keeps the loop for one
			// more turn, so 'beforeExit' comes again after a close.
			l.OnClose(func() {})
		}
		return qjs.Undefined
	})

	binding.Func(c, obj, "ref", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		h := b.get(args)
		ref := c.ToBool(qjs.Arg(args, 1))
		if h != nil {
			h.refd = ref
			h.update()
		}
		return qjs.Undefined
	})

	// asyncReset(id): the handle's callbacks run from now on in the
	// async context current now (an agent reusing a connection for
	// another request, as node's asyncResetHandle).
	binding.Func(c, obj, "asyncReset", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if h := b.get(args); h != nil {
			l.ReleaseContext(h.actx)
			h.actx = l.CaptureContext()
		}
		return qjs.Undefined
	})
	binding.Func(c, obj, "setNoDelay", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if h := b.get(args); h != nil {
			if tc, ok := h.conn.(*net.TCPConn); ok {
				return qjs.Int32(int32(errnoOf(tc.SetNoDelay(c.ToBool(qjs.Arg(args, 1))))))
			}
		}
		return qjs.Int32(0)
	})

	// setLinger0(id): the next close resets the connection (RST).
	binding.Func(c, obj, "setLinger0", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if h := b.get(args); h != nil {
			if tc, ok := h.conn.(*net.TCPConn); ok {
				return qjs.Int32(int32(errnoOf(tc.SetLinger(0))))
			}
		}
		return qjs.Int32(0)
	})

	// setKeepAlive(id, enable, delaySeconds)
	binding.Func(c, obj, "setKeepAlive", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if h := b.get(args); h != nil {
			if tc, ok := h.conn.(*net.TCPConn); ok {
				on := c.ToBool(qjs.Arg(args, 1))
				cfg := net.KeepAliveConfig{Enable: on, Idle: -1, Interval: -1, Count: -1}
				if d := qjs.Arg(args, 2).Int(); on && d > 0 {
					cfg.Idle = time.Duration(d) * time.Second
				}
				return qjs.Int32(int32(errnoOf(tc.SetKeepAliveConfig(cfg))))
			}
		}
		return qjs.Int32(0)
	})

	// address(id) / remoteAddress(id): [address, family, port], a path
	// for a Unix socket, or undefined.
	binding.Func(c, obj, "address", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		h := b.get(args)
		switch {
		case h == nil:
			return qjs.Undefined
		case h.ln != nil:
			return addrValue(c, h.ln.Addr(), false)
		case h.conn != nil:
			return addrValue(c, h.conn.LocalAddr(), h.v6sock)
		}
		return qjs.Undefined
	})
	binding.Func(c, obj, "remoteAddress", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if h := b.get(args); h != nil && h.conn != nil {
			return addrValue(c, h.conn.RemoteAddr(), h.v6sock)
		}
		return qjs.Undefined
	})

	// writeQueueSize(id): bytes copied and waiting for the writer.
	binding.Func(c, obj, "writeQueueSize", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if h := b.get(args); h != nil {
			return qjs.Int64(h.queued.Load())
		}
		return qjs.Int32(0)
	})

	// openFd(fd, server) adopts a descriptor (one received over an IPC
	// channel, or inherited): a listening socket when server is true, else
	// a connected one. On success the descriptor is closed (the handle
	// holds its own duplicate); on failure it is left alone. It returns
	// the handle id, or a negative errno.
	binding.Func(c, obj, "openFd", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		orig := int(qjs.Arg(args, 0).Int())
		f, err := dupFile(orig)
		if err != nil {
			return qjs.Int32(int32(errnoOf(err)))
		}
		defer f.Close()
		h := &handle{}
		if c.ToBool(qjs.Arg(args, 1)) {
			ln, err := net.FileListener(f)
			if err != nil {
				return qjs.Int32(int32(errnoOf(err)))
			}
			h.ln = ln
			switch a := ln.Addr().(type) {
			case *net.UnixAddr:
				h.pipe = true
			case *net.TCPAddr:
				h.v6sock = a.IP.To4() == nil
				b.rv.listen(a.Port, 1)
			}
			b.add(h)
			h.update()
			go b.acceptLoop(h)
			syscall.Close(orig)
			return qjs.Int64(h.id)
		}
		conn, err := net.FileConn(f)
		if err != nil {
			return qjs.Int32(int32(errnoOf(err)))
		}
		syscall.Close(orig)
		switch a := conn.LocalAddr().(type) {
		case *net.UnixAddr:
			h.pipe = true
		case *net.TCPAddr:
			h.v6sock = a.IP.To4() == nil
		}
		b.add(h)
		h.setConn(conn)
		return qjs.Int64(h.id)
	})

	// fd(id) -> the descriptor of a handle (still owned by it), or -1.
	binding.Func(c, obj, "fd", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		h := b.get(args)
		fd := -1
		var sc syscall.Conn
		if h != nil && h.ln != nil {
			sc, _ = h.ln.(syscall.Conn)
		} else if h != nil && h.conn != nil {
			sc, _ = h.conn.(syscall.Conn)
		}
		if sc != nil {
			if rc, err := sc.SyscallConn(); err == nil {
				rc.Control(func(s uintptr) { fd = int(s) })
			}
		}
		return qjs.Int32(int32(fd))
	})

	// handleCount() reports open handles (for tests).
	binding.Func(c, obj, "handleCount", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return qjs.Int32(int32(len(b.handles)))
	})
	c.Set(obj, "UV_EOF", qjs.Int32(uvEOF))
}

// dupFile returns a close-on-exec duplicate of fd as a file.
func dupFile(fd int) (*os.File, error) {
	if fd < 0 {
		return nil, syscall.EBADF
	}
	syscall.ForkLock.RLock()
	nfd, err := syscall.Dup(fd)
	if err == nil {
		syscall.CloseOnExec(nfd)
	}
	syscall.ForkLock.RUnlock()
	if err != nil {
		return nil, err
	}
	return os.NewFile(uintptr(nfd), "fd"), nil
}

func hostNoZone(h string) string {
	for i := 0; i < len(h); i++ {
		if h[i] == '%' {
			return h[:i]
		}
	}
	return h
}

// goUnixPath spells a Unix socket path as Go wants it: node names an
// abstract socket with a leading NUL byte, Go with a leading '@'.
func goUnixPath(p string) string {
	if len(p) > 0 && p[0] == 0 {
		return "@" + p[1:]
	}
	return p
}

// setBacklog sets the listen queue length: Linux accepts listen(2) again
// on a listening socket to change it (Go always passes somaxconn).
func setBacklog(ln net.Listener, backlog int) {
	sc, ok := ln.(syscall.Conn)
	if !ok || backlog <= 0 {
		return
	}
	if rc, err := sc.SyscallConn(); err == nil {
		rc.Control(func(fd uintptr) { syscall.Listen(int(fd), backlog) })
	}
}

func setReuseAddr(network, address string, rc syscall.RawConn) error {
	var serr error
	err := rc.Control(func(fd uintptr) {
		serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_REUSEADDR, 1)
	})
	if err != nil {
		return err
	}
	return serr
}

func setV6Only(network, address string, rc syscall.RawConn) error {
	var serr error
	err := rc.Control(func(fd uintptr) {
		serr = syscall.SetsockoptInt(int(fd), syscall.IPPROTO_IPV6, syscall.IPV6_V6ONLY, 1)
	})
	if err != nil {
		return err
	}
	return serr
}

// socketOptions returns a ListenConfig.Control setting IPV6_V6ONLY and
// SO_REUSEPORT as asked, or nil when neither is.
func socketOptions(v6only, reusePort bool) func(string, string, syscall.RawConn) error {
	if !v6only && !reusePort {
		return nil
	}
	return func(network, address string, rc syscall.RawConn) error {
		if v6only {
			if err := setV6Only(network, address, rc); err != nil {
				return err
			}
		}
		if !reusePort {
			return nil
		}
		var serr error
		if err := rc.Control(func(fd uintptr) {
			serr = unix.SetsockoptInt(int(fd), unix.SOL_SOCKET, unix.SO_REUSEPORT, 1)
		}); err != nil {
			return err
		}
		return serr
	}
}

// viewOf returns the bytes of a string or typed array argument. Those of
// a typed array are not copied (borrowed is true): they are valid only
// until JS runs again. Those of a string are a Go string's, read-only.
func viewOf(c *qjs.Context, v qjs.Value) (b []byte, borrowed bool) {
	if v.IsString() {
		s := c.GoString(v)
		return unsafe.Slice(unsafe.StringData(s), len(s)), false
	}
	if b, ok := c.TypedArrayBytes(v); ok {
		return b, true
	}
	if b, ok := c.ArrayBufferBytes(v); ok {
		return b, true
	}
	c.ClearException()
	return []byte(c.GoString(v)), false
}

// bytesOf copies the bytes of a string or typed array argument.
func bytesOf(c *qjs.Context, v qjs.Value) []byte {
	if v.IsString() {
		return []byte(c.GoString(v))
	}
	if b, ok := c.TypedArrayBytes(v); ok {
		return append([]byte(nil), b...)
	}
	if b, ok := c.ArrayBufferBytes(v); ok {
		return append([]byte(nil), b...)
	}
	c.ClearException()
	return []byte(c.GoString(v))
}

// acceptLoop accepts connections until the listener closes, posting each
// to the loop.
func (b *tcpBinding) acceptLoop(h *handle) {
	l := b.env.Loop
	for {
		conn, err := h.ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				continue
			}
			en := errnoOf(err)
			l.Post(func() {
				if !h.closed && b.onconn.IsObject() {
					b.call(b.onconn, qjs.Int64(h.id), qjs.Int32(int32(en)), qjs.Int32(0))
				}
			})
			// EMFILE and friends: back off instead of spinning.
			time.Sleep(50 * time.Millisecond)
			continue
		}
		l.Post(func() {
			if h.closed || !b.onconn.IsObject() {
				conn.Close()
				return
			}
			l.RunInContext(h.actx, func() {
				ch := &handle{pipe: h.pipe, v6sock: h.v6sock}
				b.add(ch)
				ch.setConn(conn)
				b.env.Call(b.onconn, qjs.Int64(h.id), qjs.Int32(0), qjs.Int64(ch.id))
			})
		})
		if !h.pipe {
			b.rv.accept(conn.RemoteAddr())
		}
	}
}

// setConn attaches a connected socket (loop goroutine).
func (h *handle) setConn(conn net.Conn) {
	h.conn = conn
	if sc, ok := conn.(syscall.Conn); ok {
		if raw, err := sc.SyscallConn(); err == nil {
			h.raw = raw
		}
	}
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetNoDelay(false) // libuv's default: Nagle on
	}
	h.poll()
}

// poll registers the connection with the binding's poller, making one
// if need be (loop goroutine). Without one, reads use readLoop.
func (h *handle) poll() {
	b := h.b
	if h.raw == nil || b.noPoller {
		return
	}
	fd := -1
	h.raw.Control(func(s uintptr) { fd = int(s) })
	if fd < 0 {
		return
	}
	if b.poller == nil {
		if b.poller = newPoller(b); b.poller == nil {
			b.noPoller = true
			return
		}
		b.env.Loop.SetPoller(b.poller)
	}
	if b.poller.add(h, fd) {
		h.polled, h.fd, h.readable = true, fd, true
	}
}

// unpoll unregisters a polled connection before it closes, dropping the
// poller when it was the last (loop goroutine).
func (h *handle) unpoll() {
	if !h.polled {
		return
	}
	h.polled = false
	b := h.b
	if b.poller.remove(h.fd) {
		b.env.Loop.SetPoller(nil)
		b.poller.close()
		b.poller = nil
	}
}

// readNow reads one chunk of a polled connection on the loop and
// delivers it, as libuv reads when epoll reports the socket readable.
// A chunk that fills the buffer may have more behind it: another read is
// queued; a shorter one drained the socket, and new data will be
// reported (the poller is edge-triggered).
func (h *handle) readNow() {
	h.readQueued = false
	if h.closed || !h.reading || !h.readable {
		return
	}
	bp := readBufs.Get().(*[]byte)
	var n int
	var err error
	for {
		n, err = syscall.Read(h.fd, *bp)
		if err != syscall.EINTR {
			break
		}
	}
	switch {
	case err == syscall.EAGAIN:
		h.readable = false
		readBufs.Put(bp)
		return
	case err != nil:
		h.readable = false
		readBufs.Put(bp)
		h.deliver(nil, 0, err)
		return
	case n == 0:
		h.readable = false
		readBufs.Put(bp)
		h.deliver(nil, 0, io.EOF)
		return
	}
	if n < len(*bp) && !h.hup && !h.pipe {
		// A short read drained the socket: new data will be reported.
		// Not so when the end or an error was reported already (there is
		// no new edge for it), nor on a Unix socket, whose reads may stop
		// early at a message boundary.
		h.readable = false
	}
	h.deliver(bp, n, nil)
}

// queueRead queues a readNow for a polled connection that is reading and
// may have data (loop goroutine).
func (h *handle) queueRead() {
	if h.readQueued || !h.readable || !h.reading || h.closed {
		return
	}
	h.readQueued = true
	h.b.env.Loop.Post(h.readNow)
}

// readAhead is how many chunks the read goroutine may read beyond those
// the loop has delivered: a program that stops reading gets at most that
// many more chunks.
const readAhead = 1

// giveToken lets the read goroutine read up to readAhead chunks ahead
// (loop goroutine).
func (h *handle) giveToken() {
	if h.closed {
		return
	}
	if h.polled {
		h.queueRead()
		return
	}
	if !h.started {
		h.started = true
		go h.readLoop()
	}
	for h.tokens < readAhead {
		h.tokens++
		h.want <- struct{}{}
	}
}

// readLoop reads one chunk per token and posts it to the loop.
func (h *handle) readLoop() {
	l := h.b.env.Loop
	for {
		if _, ok := <-h.want; !ok {
			return
		}
		bp, n, err := h.readOnce()
		l.Post(func() { h.deliver(bp, n, err) })
		if err != nil || n == 0 {
			return
		}
	}
}

// readOnce waits until the socket is readable and reads one chunk. A
// buffer is taken from the pool only once data is there, so an idle
// connection holds none.
func (h *handle) readOnce() (*[]byte, int, error) {
	if h.raw == nil {
		bp := readBufs.Get().(*[]byte)
		n, err := h.conn.Read(*bp)
		if n > 0 {
			return bp, n, nil
		}
		readBufs.Put(bp)
		return nil, 0, err
	}
	var bp *[]byte
	var n int
	var rerr error
	err := h.raw.Read(func(fd uintptr) bool {
		for {
			bp = readBufs.Get().(*[]byte)
			n, rerr = syscall.Read(int(fd), *bp)
			if rerr == syscall.EINTR {
				readBufs.Put(bp)
				continue
			}
			if rerr == syscall.EAGAIN {
				readBufs.Put(bp)
				bp = nil
				return false
			}
			return true
		}
	})
	if err == nil {
		err = rerr
	}
	if err != nil || n <= 0 {
		if bp != nil {
			readBufs.Put(bp)
		}
		if err == nil {
			err = io.EOF
		}
		return nil, 0, err
	}
	return bp, n, nil
}

// deliver hands a chunk (or EOF, or an error) to JS (loop goroutine).
func (h *handle) deliver(bp *[]byte, n int, err error) {
	if !h.polled {
		h.tokens--
	}
	c := h.b.env.Ctx
	if h.closed || !h.b.onread.IsObject() {
		if bp != nil {
			readBufs.Put(bp)
		}
		return
	}
	if err != nil {
		// libuv stops reading at EOF or on an error.
		h.reading = false
		h.update()
		st := uvEOF
		if !errors.Is(err, io.EOF) {
			st = errnoOf(err)
		}
		h.call(h.b.onread, qjs.Int64(h.id), qjs.Int32(int32(st)), qjs.Undefined)
		return
	}
	// Let the next reads overlap with JS handling this chunk (see
	// readAhead).
	if hook := h.hook; hook != nil {
		if h.reading {
			h.giveToken()
		}
		var handled bool
		if h.actx == nil {
			handled = hook((*bp)[:n])
		} else {
			// The hook (the HTTP server's parser) calls into JS.
			h.b.env.Loop.RunInContext(h.actx, func() { handled = hook((*bp)[:n]) })
		}
		if handled {
			readBufs.Put(bp)
			if h.reading && !h.closed {
				h.giveToken()
			}
			return
		}
		if h.closed {
			readBufs.Put(bp)
			return
		}
	}
	ab := c.ArrayBuffer((*bp)[:n])
	readBufs.Put(bp)
	if h.reading {
		h.giveToken()
	}
	h.call(h.b.onread, qjs.Int64(h.id), qjs.Int32(int32(n)), ab)
	if h.reading && !h.closed {
		h.giveToken()
	}
}

// write writes bufs at once when nothing is queued and the socket takes
// them all; otherwise queues the rest (a copy of it when borrowed says
// bufs are views of engine memory, or of a string that must not be
// written to). See the binding's doc.
func (h *handle) write(bufs [][]byte, borrowed bool, cb, arg qjs.Value) int {
	if h.shut {
		// As libuv: a stream being shut down is no longer writable.
		return -int(syscall.EPIPE)
	}
	h.wmu.Lock()
	idle := !h.writing && len(h.wq) == 0
	h.wmu.Unlock()
	size := 0
	for _, b := range bufs {
		size += len(b)
	}
	if idle && h.raw != nil {
		var werr error
		rem := bufs
		err := h.raw.Write(func(fd uintptr) bool {
			for len(rem) > 0 {
				if len(rem[0]) == 0 {
					rem = rem[1:]
					continue
				}
				var n int
				var e error
				if len(rem) == 1 {
					n, e = syscall.Write(int(fd), rem[0])
				} else {
					// One system call for the lot (writev takes at most
					// IOV_MAX buffers at a time).
					n, e = unix.Writev(int(fd), rem[:min(len(rem), 1024)])
				}
				if e == syscall.EINTR {
					continue
				}
				if e != nil {
					if e != syscall.EAGAIN {
						werr = e
					}
					return true
				}
				for n > 0 {
					if n < len(rem[0]) {
						rem[0] = rem[0][n:]
						break
					}
					n -= len(rem[0])
					rem = rem[1:]
				}
			}
			return true
		})
		if err == nil {
			err = werr
		}
		if err != nil {
			return errnoOf(err)
		}
		h.written += int64(size)
		if len(rem) == 0 {
			return 0
		}
		bufs = rem
		size = 0
		for _, b := range bufs {
			size += len(b)
		}
	} else {
		h.written += int64(size)
	}
	if borrowed {
		for i, b := range bufs {
			bufs[i] = append([]byte(nil), b...)
		}
	}
	c := h.b.env.Ctx
	h.enqueue(&writeReq{data: bufs, size: size, cb: c.Dup(cb), arg: c.Dup(arg)})
	return 1
}

// enqueue adds a request for the writer goroutine (loop goroutine).
func (h *handle) enqueue(r *writeReq) {
	h.reqs++
	h.update()
	h.queued.Add(int64(r.size))
	h.wmu.Lock()
	h.wq = append(h.wq, r)
	start := !h.writing
	h.writing = true
	h.wmu.Unlock()
	if start {
		go h.writer()
	}
}

// writer drains the write queue in order, then exits.
func (h *handle) writer() {
	l := h.b.env.Loop
	for {
		h.wmu.Lock()
		if len(h.wq) == 0 {
			h.writing = false
			h.wmu.Unlock()
			return
		}
		r := h.wq[0]
		h.wq = h.wq[1:]
		h.wmu.Unlock()
		var err error
		if r.shutdown {
			if cw, ok := h.conn.(interface{ CloseWrite() error }); ok {
				err = cw.CloseWrite()
			}
		} else {
			nb := net.Buffers(r.data)
			_, err = nb.WriteTo(h.conn)
		}
		st := errnoOf(err)
		h.queued.Add(-int64(r.size))
		l.Post(func() {
			c := h.b.env.Ctx
			h.reqs--
			h.update()
			if c.IsFunction(r.cb) {
				h.call(r.cb, qjs.Int32(int32(st)), c.Dup(r.arg))
			}
			c.Free(r.cb)
			c.Free(r.arg)
		})
	}
}

// close releases the handle (loop goroutine).
func (h *handle) close() {
	h.closed = true
	close(h.want)
	if h.cancel != nil {
		h.cancel()
	}
	if h.ln != nil {
		if ta, ok := h.ln.Addr().(*net.TCPAddr); ok {
			h.b.rv.listen(ta.Port, -1)
		}
		h.ln.Close()
	}
	if h.conn != nil {
		h.unpoll()
		h.conn.Close()
	}
	h.update()
	delete(h.b.handles, h.id)
	h.b.env.Loop.ReleaseContextAtClose(&h.actx)
}
