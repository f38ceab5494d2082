// Package udp implements the udp binding behind node:dgram: UDP sockets
// over Go's net.UDPConn.
//
// Each socket is an integer id. Only the loop goroutine touches JS. A bound
// socket runs a read goroutine that posts every datagram to the loop; the
// socket holds a loop reference while it is bound, open and ref'd, as a
// libuv UDP handle that is receiving does.
//
// A "connected" socket keeps its peer address: sends without an address go
// there, and datagrams from other addresses are dropped, which is what a
// connect(2)ed UDP socket does.
//
// Errors are returned to JS as negative errno numbers (libuv's), which
// lib/dgram.js turns into Node's exceptions.
package udp

import (
	"context"
	"errors"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"golang.org/x/net/ipv4"
	"golang.org/x/net/ipv6"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

func init() { binding.Register("udp", initUDP) }

// maxDatagram is the largest datagram one read takes.
const maxDatagram = 64 << 10

type socket struct {
	id        int64
	b         *udpBinding
	v6        bool
	reuseAddr bool
	v6only    bool
	recvSize  int
	sendSize  int

	conn    *net.UDPConn
	refd    bool
	counted bool
	closed  bool

	mu     sync.Mutex
	remote *net.UDPAddr // connected peer, or nil
}

type udpBinding struct {
	env       *binding.Env
	sockets   map[int64]*socket
	nextID    int64
	onmessage qjs.Value // onmessage(id, arraybuffer, address, family, port)
	onerror   qjs.Value // onerror(id, errno)
}

// errnoOf maps a Go network error to a negative libuv errno.
func errnoOf(err error) int {
	if err == nil {
		return 0
	}
	if en := binding.Errno(err); en != 0 {
		return -int(en)
	}
	if errors.Is(err, net.ErrClosed) {
		return -int(syscall.EBADF)
	}
	var ae *net.AddrError
	if errors.As(err, &ae) {
		return -int(syscall.EINVAL)
	}
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return -int(syscall.ETIMEDOUT)
	}
	return -int(syscall.EIO)
}

// update holds a loop reference exactly while the socket is bound, open
// and ref'd (loop goroutine).
func (s *socket) update() {
	active := s.refd && !s.closed && s.conn != nil
	if active == s.counted {
		return
	}
	s.counted = active
	if active {
		s.b.env.Loop.Ref()
	} else {
		s.b.env.Loop.Unref()
	}
}

func (b *udpBinding) get(args []qjs.Value) *socket {
	s := b.sockets[qjs.Arg(args, 0).Int()]
	if s == nil || s.closed {
		return nil
	}
	return s
}

// call runs a JS callback, routing an exception to the uncaught-exception
// path. It borrows fn and takes args.
func (b *udpBinding) call(fn qjs.Value, args ...qjs.Value) {
	b.env.Call(fn, args...)
}

// sockopt runs f on the socket's descriptor.
func (s *socket) sockopt(f func(fd int) error) error {
	if s.conn == nil {
		return syscall.EBADF
	}
	rc, err := s.conn.SyscallConn()
	if err != nil {
		return err
	}
	var serr error
	if err := rc.Control(func(fd uintptr) { serr = f(int(fd)) }); err != nil {
		return err
	}
	return serr
}

// addrParts returns the address string, family and port of a, as Node
// reports them (an IPv4 peer of an IPv6 socket reads as ::ffff:a.b.c.d).
func addrParts(a *net.UDPAddr, v6sock bool) (string, string, int) {
	if ip4 := a.IP.To4(); ip4 != nil {
		if v6sock {
			return "::ffff:" + ip4.String(), "IPv6", a.Port
		}
		return ip4.String(), "IPv4", a.Port
	}
	s := a.IP.String()
	if a.Zone != "" {
		s += "%" + a.Zone
	}
	return s, "IPv6", a.Port
}

// resolveAddr parses a numeric address (JS resolves names first).
func resolveAddr(host string, port int) (*net.UDPAddr, error) {
	return net.ResolveUDPAddr("udp", net.JoinHostPort(host, strconv.Itoa(port)))
}

func (b *udpBinding) readLoop(s *socket, conn *net.UDPConn) {
	l := b.env.Loop
	buf := make([]byte, maxDatagram)
	for {
		n, addr, err := conn.ReadFromUDP(buf)
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return
			}
			en := errnoOf(err)
			l.Post(func() {
				if s.closed {
					return
				}
				b.call(b.onerror, qjs.Int64(s.id), qjs.Int32(int32(en)))
			})
			continue
		}
		s.mu.Lock()
		remote := s.remote
		s.mu.Unlock()
		if remote != nil && (!remote.IP.Equal(addr.IP) || remote.Port != addr.Port) {
			continue
		}
		data := append([]byte(nil), buf[:n]...)
		host, fam, port := addrParts(addr, s.v6)
		l.Post(func() {
			if s.closed {
				return
			}
			c := b.env.Ctx
			b.call(b.onmessage, qjs.Int64(s.id), c.ArrayBuffer(data), c.String(host), c.String(fam),
				qjs.Int32(int32(port)))
		})
	}
}

func initUDP(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	b := &udpBinding{env: env, sockets: map[int64]*socket{}}

	// setCallbacks(onmessage, onerror), once per instance.
	binding.Func(c, obj, "setCallbacks", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		c.Free(b.onmessage)
		c.Free(b.onerror)
		b.onmessage = c.Dup(qjs.Arg(args, 0))
		b.onerror = c.Dup(qjs.Arg(args, 1))
		return qjs.Undefined
	})

	// create(ipv6, reuseAddr, ipv6Only, recvBufferSize, sendBufferSize) -> id.
	binding.Func(c, obj, "create", 5, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		b.nextID++
		s := &socket{
			id: b.nextID, b: b, refd: true,
			v6:        c.ToBool(qjs.Arg(args, 0)),
			reuseAddr: c.ToBool(qjs.Arg(args, 1)),
			v6only:    c.ToBool(qjs.Arg(args, 2)),
			recvSize:  int(qjs.Arg(args, 3).Int()),
			sendSize:  int(qjs.Arg(args, 4).Int()),
		}
		b.sockets[s.id] = s
		return qjs.Int64(s.id)
	})

	// bind(id, address, port) -> 0 or a negative errno.
	binding.Func(c, obj, "bind", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := b.get(args)
		if s == nil {
			return qjs.Int32(-int32(syscall.EBADF))
		}
		if s.conn != nil {
			return qjs.Int32(-int32(syscall.EINVAL))
		}
		host := c.GoString(qjs.Arg(args, 1))
		port := int(qjs.Arg(args, 2).Int())
		network := "udp4"
		if s.v6 {
			network = "udp6"
		}
		lc := net.ListenConfig{Control: func(_, _ string, rc syscall.RawConn) error {
			var serr error
			err := rc.Control(func(fd uintptr) {
				if s.reuseAddr {
					serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_REUSEADDR, 1)
				}
				if serr == nil && s.v6 {
					v := 0
					if s.v6only {
						v = 1
					}
					serr = syscall.SetsockoptInt(int(fd), syscall.IPPROTO_IPV6, syscall.IPV6_V6ONLY, v)
				}
			})
			if err != nil {
				return err
			}
			return serr
		}}
		pc, err := lc.ListenPacket(context.Background(), network, net.JoinHostPort(host, strconv.Itoa(port)))
		if err != nil {
			return qjs.Int32(int32(errnoOf(err)))
		}
		conn := pc.(*net.UDPConn)
		if s.recvSize > 0 {
			_ = conn.SetReadBuffer(s.recvSize)
		}
		if s.sendSize > 0 {
			_ = conn.SetWriteBuffer(s.sendSize)
		}
		s.conn = conn
		s.update()
		go b.readLoop(s, conn)
		return qjs.Int32(0)
	})

	// send(id, chunks, address, port) -> bytes sent, or a negative errno.
	// An empty address sends to the connected peer.
	binding.Func(c, obj, "send", 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := b.get(args)
		if s == nil || s.conn == nil {
			return qjs.Int32(-int32(syscall.EBADF))
		}
		var data []byte
		list := qjs.Arg(args, 1)
		n := c.Length(list)
		for i := 0; i < n; i++ {
			v := c.GetIndex(list, uint32(i))
			if bs, ok := c.TypedArrayBytes(v); ok {
				data = append(data, bs...)
			} else if bs, ok := c.ArrayBufferBytes(v); ok {
				data = append(data, bs...)
			} else {
				c.ClearException()
				data = append(data, c.GoString(v)...)
			}
			c.Free(v)
		}
		host := qjs.Arg(args, 2)
		var dst *net.UDPAddr
		if host.IsString() && c.GoString(host) != "" {
			a, err := resolveAddr(c.GoString(host), int(qjs.Arg(args, 3).Int()))
			if err != nil {
				return qjs.Int32(int32(errnoOf(err)))
			}
			dst = a
		} else {
			s.mu.Lock()
			dst = s.remote
			s.mu.Unlock()
			if dst == nil {
				return qjs.Int32(-int32(syscall.EDESTADDRREQ))
			}
		}
		if s.v6 && dst.IP.To4() != nil {
			dst = &net.UDPAddr{IP: dst.IP.To16(), Port: dst.Port}
		}
		w, err := s.conn.WriteToUDP(data, dst)
		if err != nil {
			return qjs.Int32(int32(errnoOf(err)))
		}
		return qjs.Int32(int32(w))
	})

	// connect(id, address, port) -> 0 or a negative errno.
	binding.Func(c, obj, "connect", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := b.get(args)
		if s == nil || s.conn == nil {
			return qjs.Int32(-int32(syscall.EBADF))
		}
		a, err := resolveAddr(c.GoString(qjs.Arg(args, 1)), int(qjs.Arg(args, 2).Int()))
		if err != nil {
			return qjs.Int32(int32(errnoOf(err)))
		}
		if !s.v6 && a.IP.To4() == nil {
			return qjs.Int32(-int32(syscall.EAFNOSUPPORT))
		}
		s.mu.Lock()
		s.remote = a
		s.mu.Unlock()
		return qjs.Int32(0)
	})

	// disconnect(id).
	binding.Func(c, obj, "disconnect", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if s := b.get(args); s != nil {
			s.mu.Lock()
			s.remote = nil
			s.mu.Unlock()
		}
		return qjs.Undefined
	})

	// address(id) -> [address, family, port] (local), or a negative errno.
	binding.Func(c, obj, "address", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := b.get(args)
		if s == nil || s.conn == nil {
			return qjs.Int32(-int32(syscall.EBADF))
		}
		return addrArray(c, s.conn.LocalAddr().(*net.UDPAddr), s.v6)
	})

	// remoteAddress(id) -> [address, family, port], or a negative errno.
	binding.Func(c, obj, "remoteAddress", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := b.get(args)
		if s == nil || s.conn == nil {
			return qjs.Int32(-int32(syscall.EBADF))
		}
		s.mu.Lock()
		r := s.remote
		s.mu.Unlock()
		if r == nil {
			return qjs.Int32(-int32(syscall.ENOTCONN))
		}
		return addrArray(c, r, false)
	})

	// close(id).
	binding.Func(c, obj, "close", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := b.get(args)
		if s == nil {
			return qjs.Undefined
		}
		s.closed = true
		if s.conn != nil {
			_ = s.conn.Close()
		}
		s.update()
		delete(b.sockets, s.id)
		return qjs.Undefined
	})

	// bindFd(id, fd) makes a created, unbound socket adopt a bound UDP
	// descriptor (one received over an IPC channel); on success fd is
	// closed (the socket holds its own duplicate), on failure left alone.
	// It returns 0 or a negative errno.
	binding.Func(c, obj, "bindFd", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := b.get(args)
		if s == nil || s.conn != nil {
			return qjs.Int32(-int32(syscall.EINVAL))
		}
		orig := int(qjs.Arg(args, 1).Int())
		if orig < 0 {
			return qjs.Int32(-int32(syscall.EBADF))
		}
		syscall.ForkLock.RLock()
		nfd, err := syscall.Dup(orig)
		if err == nil {
			syscall.CloseOnExec(nfd)
		}
		syscall.ForkLock.RUnlock()
		if err != nil {
			return qjs.Int32(int32(errnoOf(err)))
		}
		f := os.NewFile(uintptr(nfd), "fd")
		pc, err := net.FilePacketConn(f)
		f.Close()
		if err != nil {
			return qjs.Int32(int32(errnoOf(err)))
		}
		syscall.Close(orig)
		conn, ok := pc.(*net.UDPConn)
		if !ok {
			pc.Close()
			return qjs.Int32(-int32(syscall.EINVAL))
		}
		if a, ok := conn.LocalAddr().(*net.UDPAddr); ok {
			s.v6 = a.IP.To4() == nil
		}
		s.conn = conn
		s.update()
		go b.readLoop(s, conn)
		return qjs.Int32(0)
	})

	// fd(id) -> the descriptor of a bound socket (still owned by it), or -1.
	binding.Func(c, obj, "fd", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := b.get(args)
		fd := -1
		if s != nil {
			s.sockopt(func(d int) error { fd = d; return nil })
		}
		return qjs.Int32(int32(fd))
	})

	// ref(id, on).
	binding.Func(c, obj, "ref", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if s := b.get(args); s != nil {
			s.refd = c.ToBool(qjs.Arg(args, 1))
			s.update()
		}
		return qjs.Undefined
	})

	// setOption(id, name, value) -> 0 or a negative errno, for the
	// boolean and integer socket options.
	binding.Func(c, obj, "setOption", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := b.get(args)
		if s == nil || s.conn == nil {
			return qjs.Int32(-int32(syscall.EBADF))
		}
		name := c.GoString(qjs.Arg(args, 1))
		val := qjs.Arg(args, 2)
		n := int(val.Int())
		on := c.ToBool(val)
		var err error
		switch name {
		case "broadcast":
			err = s.sockopt(func(fd int) error {
				return syscall.SetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_BROADCAST, boolInt(on))
			})
		case "ttl":
			if s.v6 {
				err = ipv6.NewPacketConn(s.conn).SetHopLimit(n)
			} else {
				err = ipv4.NewPacketConn(s.conn).SetTTL(n)
			}
		case "multicastTTL":
			if s.v6 {
				err = ipv6.NewPacketConn(s.conn).SetMulticastHopLimit(n)
			} else {
				err = ipv4.NewPacketConn(s.conn).SetMulticastTTL(n)
			}
		case "multicastLoopback":
			if s.v6 {
				err = ipv6.NewPacketConn(s.conn).SetMulticastLoopback(on)
			} else {
				err = ipv4.NewPacketConn(s.conn).SetMulticastLoopback(on)
			}
		case "recvBufferSize":
			err = s.conn.SetReadBuffer(n)
		case "sendBufferSize":
			err = s.conn.SetWriteBuffer(n)
		default:
			err = syscall.EINVAL
		}
		return qjs.Int32(int32(errnoOf(err)))
	})

	// getBufferSize(id, recv) -> size or a negative errno. Linux reports
	// twice the size set, as node shows it.
	binding.Func(c, obj, "getBufferSize", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := b.get(args)
		if s == nil || s.conn == nil {
			return qjs.Int32(-int32(syscall.EBADF))
		}
		opt := syscall.SO_SNDBUF
		if c.ToBool(qjs.Arg(args, 1)) {
			opt = syscall.SO_RCVBUF
		}
		var size int
		err := s.sockopt(func(fd int) error {
			v, err := syscall.GetsockoptInt(fd, syscall.SOL_SOCKET, opt)
			size = v
			return err
		})
		if err != nil {
			return qjs.Int32(int32(errnoOf(err)))
		}
		return qjs.Int32(int32(size))
	})

	// membership(id, add, group, interface, source) -> 0 or a negative
	// errno: join or leave a multicast group (source-specific when source
	// is not empty).
	binding.Func(c, obj, "membership", 5, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := b.get(args)
		if s == nil || s.conn == nil {
			return qjs.Int32(-int32(syscall.EBADF))
		}
		add := c.ToBool(qjs.Arg(args, 1))
		group := net.ParseIP(c.GoString(qjs.Arg(args, 2)))
		if group == nil {
			return qjs.Int32(-int32(syscall.EINVAL))
		}
		var ifi *net.Interface
		if v := qjs.Arg(args, 3); v.IsString() {
			if ip := net.ParseIP(c.GoString(v)); ip != nil {
				ifi = interfaceFor(ip)
			}
		}
		var source net.IP
		if v := qjs.Arg(args, 4); v.IsString() {
			source = net.ParseIP(c.GoString(v))
		}
		g := &net.UDPAddr{IP: group}
		var err error
		if s.v6 {
			p := ipv6.NewPacketConn(s.conn)
			switch {
			case source != nil && add:
				err = p.JoinSourceSpecificGroup(ifi, g, &net.UDPAddr{IP: source})
			case source != nil:
				err = p.LeaveSourceSpecificGroup(ifi, g, &net.UDPAddr{IP: source})
			case add:
				err = p.JoinGroup(ifi, g)
			default:
				err = p.LeaveGroup(ifi, g)
			}
		} else {
			p := ipv4.NewPacketConn(s.conn)
			switch {
			case source != nil && add:
				err = p.JoinSourceSpecificGroup(ifi, g, &net.UDPAddr{IP: source})
			case source != nil:
				err = p.LeaveSourceSpecificGroup(ifi, g, &net.UDPAddr{IP: source})
			case add:
				err = p.JoinGroup(ifi, g)
			default:
				err = p.LeaveGroup(ifi, g)
			}
		}
		return qjs.Int32(int32(errnoOf(err)))
	})

	// setMulticastInterface(id, address) -> 0 or a negative errno.
	binding.Func(c, obj, "setMulticastInterface", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := b.get(args)
		if s == nil || s.conn == nil {
			return qjs.Int32(-int32(syscall.EBADF))
		}
		addr := c.GoString(qjs.Arg(args, 1))
		zone := ""
		if i := strings.IndexByte(addr, '%'); i >= 0 {
			addr, zone = addr[:i], addr[i+1:]
		}
		ip := net.ParseIP(addr)
		if ip == nil || (ip.To4() == nil) != s.v6 {
			return qjs.Int32(-int32(syscall.EINVAL))
		}
		ifi := interfaceFor(ip)
		if zone != "" {
			// An unknown scope selects the default interface, as on Linux.
			ifi, _ = net.InterfaceByName(zone)
		}
		if ifi == nil && !ip.IsUnspecified() {
			return qjs.Int32(-int32(syscall.EADDRNOTAVAIL))
		}
		var err error
		if s.v6 {
			err = ipv6.NewPacketConn(s.conn).SetMulticastInterface(ifi)
		} else {
			err = ipv4.NewPacketConn(s.conn).SetMulticastInterface(ifi)
		}
		return qjs.Int32(int32(errnoOf(err)))
	})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// interfaceFor finds the interface that has address ip.
func interfaceFor(ip net.IP) *net.Interface {
	ifs, err := net.Interfaces()
	if err != nil {
		return nil
	}
	for i := range ifs {
		addrs, err := ifs[i].Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && n.IP.Equal(ip) {
				return &ifs[i]
			}
		}
	}
	return nil
}

func addrArray(c *qjs.Context, a *net.UDPAddr, v6sock bool) qjs.Value {
	host, fam, port := addrParts(a, v6sock)
	arr := c.Array()
	c.SetIndex(arr, 0, c.String(host))
	c.SetIndex(arr, 1, c.String(fam))
	c.SetIndex(arr, 2, qjs.Int32(int32(port)))
	return arr
}
