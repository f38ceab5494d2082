// Package tls implements the tls_wrap binding: TLS over Go's crypto/tls,
// run as a memory transform under a JS socket.
//
// JS feeds the ciphertext it reads from the underlying socket (feed), and
// receives the ciphertext to send (onCipher) and the plaintext read
// (onPlain). A goroutine per connection runs the handshake and the read
// loop over an in-memory net.Conn; a second goroutine writes plaintext in
// order. Results are posted to the event loop, the only goroutine that
// touches JS.
package tls

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

func init() { binding.Register("tls_wrap", initBinding) }

// memConn is the transport under a tls.Conn: reads come from JS, writes go
// to JS.
type memConn struct {
	e      *engine
	mu     sync.Mutex
	queue  [][]byte
	eof    bool
	closed bool
	signal chan struct{}
	cur    []byte
	// sync collects what the tls.Conn writes while the loop goroutine
	// writes plaintext itself (syncBuf), instead of posting it; posted
	// counts the chunks posted and not yet delivered, so that a
	// synchronous write never overtakes them.
	sync    bool
	syncBuf []byte
	posted  int
	// taken counts the chunks Read has taken from queue: an idle
	// report made when Read last ran dry is stale once it changed.
	taken uint64
}

func (m *memConn) Read(p []byte) (int, error) {
	for len(m.cur) == 0 {
		m.mu.Lock()
		if len(m.queue) > 0 {
			m.cur = m.queue[0]
			m.queue = m.queue[1:]
			m.taken++
			m.mu.Unlock()
			break
		}
		if m.closed {
			m.mu.Unlock()
			return 0, net.ErrClosed
		}
		if m.eof {
			m.mu.Unlock()
			return 0, io.EOF
		}
		m.mu.Unlock()
		// Out of input: what was decrypted goes to JS in one piece.
		m.e.flushPlain()
		if m.e.wantIdle.Swap(false) {
			// All fed input is consumed: let the loop go (after what
			// was posted so far), unless more is taken before then.
			e := m.e
			m.mu.Lock()
			gen := m.taken
			m.mu.Unlock()
			e.b.env.Loop.Post(func() { e.idle(gen) })
		}
		<-m.signal
	}
	n := copy(p, m.cur)
	m.cur = m.cur[n:]
	return n, nil
}

func (m *memConn) Write(p []byte) (int, error) {
	m.mu.Lock()
	if m.closed {
		m.mu.Unlock()
		return 0, net.ErrClosed
	}
	if m.sync {
		m.syncBuf = append(m.syncBuf, p...)
		m.mu.Unlock()
		return len(p), nil
	}
	m.posted++
	m.mu.Unlock()
	b := append([]byte(nil), p...)
	e := m.e
	e.b.env.Loop.Post(func() {
		m.mu.Lock()
		m.posted--
		m.mu.Unlock()
		e.b.onCipher(e, b)
	})
	return len(p), nil
}

// writeSync encrypts data on the loop goroutine and hands the records to
// JS at once, as node's TLS socket does; ok is false when it cannot
// (handshake not done, writes queued, output still posted), and the
// write then takes the queue.
func (e *engine) writeSync(data []byte) (ok bool, err error) {
	if !e.hsDone.Load() {
		return false, nil
	}
	if !e.isServer {
		select {
		case <-e.release:
		default:
			return false, nil
		}
	}
	e.wmu.Lock()
	idle := len(e.wq) == 0 && !e.writing && !e.closed
	e.wmu.Unlock()
	if !idle {
		return false, nil
	}
	m := e.mc
	m.mu.Lock()
	if m.posted > 0 || m.closed {
		m.mu.Unlock()
		return false, nil
	}
	m.sync = true
	m.mu.Unlock()
	_, err = e.conn.Write(data)
	m.mu.Lock()
	m.sync = false
	out := m.syncBuf
	m.syncBuf = nil
	m.mu.Unlock()
	if len(out) > 0 {
		e.b.onCipher(e, out)
	}
	return true, err
}

func (m *memConn) wake() {
	select {
	case m.signal <- struct{}{}:
	default:
	}
}

func (m *memConn) push(b []byte, eof, closed bool) {
	m.mu.Lock()
	if b != nil {
		m.queue = append(m.queue, b)
	}
	if eof {
		m.eof = true
	}
	if closed {
		m.closed = true
	}
	m.mu.Unlock()
	m.wake()
}

func (m *memConn) Close() error                     { m.push(nil, false, true); return nil }
func (m *memConn) LocalAddr() net.Addr              { return dummyAddr{} }
func (m *memConn) RemoteAddr() net.Addr             { return dummyAddr{} }
func (m *memConn) SetDeadline(time.Time) error      { return nil }
func (m *memConn) SetReadDeadline(time.Time) error  { return nil }
func (m *memConn) SetWriteDeadline(time.Time) error { return nil }

type dummyAddr struct{}

func (dummyAddr) Network() string { return "tcp" }
func (dummyAddr) String() string  { return "0.0.0.0:0" }

// engine is one TLS connection.
type engine struct {
	id         int64
	b          *tlsBinding
	isServer   bool
	mc         *memConn
	conn       *tls.Conn
	servername string

	authorized bool
	authErr    string
	peer       []*x509.Certificate
	verified   []*x509.Certificate

	opts socketOptions
	// Loop references (loop goroutine only): one while the end of the
	// input is being processed, one per write in flight.
	endRef    bool
	busyRef   bool
	wantIdle  atomic.Bool
	runDone   bool
	writeRefs int
	// heldRefs is how many of writeRefs hold the loop: none while JS has
	// unref'd the socket.
	heldRefs int
	unrefd   bool
	sc       *secureContext
	// verify is the peer check of the engine\'s current config.
	verify func([][]byte, [][]*x509.Certificate) error
	hello  chan helloResult

	wmu    sync.Mutex
	wq     []writeReq
	wsig   chan struct{}
	closed bool
	// release opens a client's writes once JS has checked the server
	// (or the engine closes): nothing is sent to an unverified peer.
	release     chan struct{}
	releaseOnce sync.Once
	// writing: the writer goroutine is in a write (wmu).
	writing bool
	// hsDone: the handshake succeeded.
	hsDone atomic.Bool
	// plain is decrypted data not yet posted (pmu).
	pmu   sync.Mutex
	plain []byte
}

// allowWrites lets the writer send.
func (e *engine) allowWrites() {
	e.releaseOnce.Do(func() { close(e.release) })
}

type writeReq struct {
	data     []byte
	shutdown bool
	cb       qjs.Value
}

type tlsBinding struct {
	env     *binding.Env
	engines map[int64]*engine
	next    int64
	// callbacks: onCipher(id, ab), onPlain(id, ab|null, err),
	// onHandshake(id, err, info)
	onCipherFn, onPlainFn, onHandshakeFn, onHelloFn, onSessionFn qjs.Value

	contexts map[int64]*secureContext
	nextCtx  int64
}

func (b *tlsBinding) call(fn qjs.Value, args ...qjs.Value) {
	b.env.Call(fn, args...)
}

func (b *tlsBinding) onCipher(e *engine, data []byte) {
	if b.engines[e.id] == nil {
		return
	}
	b.call(b.onCipherFn, qjs.Int64(e.id), b.env.Ctx.ArrayBuffer(data))
}

func initBinding(env *binding.Env, obj qjs.Value) {
	b := &tlsBinding{env: env, engines: map[int64]*engine{}}
	c := env.Ctx
	b.initContext(c, obj)
	binding.Func(c, obj, "setCallbacks", 5, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		b.onCipherFn = c.Dup(qjs.Arg(args, 0))
		b.onPlainFn = c.Dup(qjs.Arg(args, 1))
		b.onHandshakeFn = c.Dup(qjs.Arg(args, 2))
		b.onHelloFn = c.Dup(qjs.Arg(args, 3))
		b.onSessionFn = c.Dup(qjs.Arg(args, 4))
		return qjs.Undefined
	})
	// create(isServer, ctxId, options) -> id. options: servername,
	// ALPNProtocols (array of strings), requestCert, useSystemCA, hello
	// (ask JS at the ClientHello: SNICallback, ALPNCallback).
	binding.Func(c, obj, "create", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		isServer := c.ToBool(qjs.Arg(args, 0))
		sc := b.contexts[qjs.Arg(args, 1).Int()]
		if sc == nil {
			return c.ThrowTypeError("tls_wrap.create: bad secure context")
		}
		o := qjs.Arg(args, 2)
		b.next++
		e := &engine{id: b.next, b: b, isServer: isServer, wsig: make(chan struct{}, 1), hello: make(chan helloResult, 1),
			release: make(chan struct{})}
		e.opts = b.socketOptions(c, o)
		e.sc = sc
		cfg := e.configFrom(sc)
		e.servername = cfg.ServerName
		e.mc = &memConn{e: e, signal: make(chan struct{}, 1)}
		b.engines[e.id] = e
		if isServer {
			if e.opts.hello {
				cfg.GetConfigForClient = e.onClientHello
			}
			e.conn = tls.Server(e.mc, cfg)
		} else {
			cache := &sessionCache{e: e}
			if v := c.Get(o, "session"); !v.IsNullish() {
				if d, ok := c.TypedArrayBytes(v); ok {
					cache.initial = parseSession(d)
				}
				c.Free(v)
			}
			cfg.ClientSessionCache = cache
			e.conn = tls.Client(e.mc, cfg)
		}
		return qjs.Int64(e.id)
	})
	// helloDone(id, ctxId, alpn, err): the answer to onHello. ctxId 0
	// keeps the socket's context; alpn undefined keeps the protocols,
	// false refuses all.
	binding.Func(c, obj, "helloDone", 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		e := b.engines[qjs.Arg(args, 0).Int()]
		if e == nil {
			return qjs.Undefined
		}
		r := helloResult{ctx: b.contexts[qjs.Arg(args, 1).Int()]}
		if a := qjs.Arg(args, 2); a.IsString() {
			r.alpn, r.hasALPN = c.GoString(a), true
		} else if a.IsBool() {
			r.refuseALPN = true
		}
		if m := qjs.Arg(args, 3); m.IsString() {
			r.err = c.GoString(m)
		}
		select {
		case e.hello <- r:
			if !e.busyRef && !e.runDone {
				// The handshake goes on: hold the loop until it waits
				// for input again (a JS parent stream holds nothing).
				e.busyRef = true
				b.env.Loop.Ref()
			}
			e.wantIdle.Store(true)
		default:
		}
		return qjs.Undefined
	})
	// start(id): run the handshake and the read loop.
	binding.Func(c, obj, "start", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if e := b.engines[qjs.Arg(args, 0).Int()]; e != nil {
			if !e.busyRef && !e.runDone {
				// Hold the loop until the handshake waits for input: a
				// JS parent stream (a JSStreamSocket) holds nothing
				// while the client's first flight is made.
				e.busyRef = true
				b.env.Loop.Ref()
			}
			e.wantIdle.Store(true)
			go e.run()
			go e.writer()
		}
		return qjs.Undefined
	})
	// feed(id, u8): ciphertext read from the socket.
	binding.Func(c, obj, "feed", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if e := b.engines[qjs.Arg(args, 0).Int()]; e != nil {
			d, ok := c.TypedArrayBytes(qjs.Arg(args, 1))
			if ok {
				if !e.busyRef && !e.runDone {
					// Hold the loop while the engine works on the input.
					e.busyRef = true
					b.env.Loop.Ref()
				}
				e.wantIdle.Store(true)
				e.mc.push(append([]byte(nil), d...), false, false)
			}
		}
		return qjs.Undefined
	})
	// feedEnd(id): the socket ended.
	binding.Func(c, obj, "feedEnd", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if e := b.engines[qjs.Arg(args, 0).Int()]; e != nil {
			// Keep the loop alive until the engine reports the end.
			if !e.endRef && !e.runDone {
				e.endRef = true
				b.env.Loop.Ref()
			}
			e.mc.push(nil, true, false)
		}
		return qjs.Undefined
	})
	// write(id, data, cb): encrypt and send; cb(status) when written. It
	// returns 1 (written at once, cb not called), -32 (failed at once) or
	// 0 (queued), or -1 for a closed engine.
	binding.Func(c, obj, "write", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		e := b.engines[qjs.Arg(args, 0).Int()]
		if e == nil {
			return qjs.Int32(-1)
		}
		var data []byte
		if v := qjs.Arg(args, 1); v.IsString() {
			data = []byte(c.GoString(v))
		} else if d, ok := c.TypedArrayBytes(v); ok {
			data = append([]byte(nil), d...)
		} else {
			return c.ThrowTypeError("tls_wrap.write: bad data")
		}
		if done, err := e.writeSync(data); done {
			// Written: 1, or -32 (EPIPE) when the connection failed.
			if err != nil {
				return qjs.Int32(-32)
			}
			return qjs.Int32(1)
		}
		e.holdWrite()
		e.enqueue(writeReq{data: data, cb: c.Dup(qjs.Arg(args, 2))})
		return qjs.Int32(0)
	})
	// shutdown(id, cb): send close_notify after queued writes.
	binding.Func(c, obj, "shutdown", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		e := b.engines[qjs.Arg(args, 0).Int()]
		if e == nil {
			return qjs.Int32(-1)
		}
		e.holdWrite()
		e.enqueue(writeReq{shutdown: true, cb: c.Dup(qjs.Arg(args, 1))})
		return qjs.Int32(0)
	})
	// setRef(id, ref): follow the socket's ref()/unref().
	binding.Func(c, obj, "setRef", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if e := b.engines[qjs.Arg(args, 0).Int()]; e != nil {
			e.setRef(c.ToBool(qjs.Arg(args, 1)))
		}
		return qjs.Undefined
	})
	// allowWrite(id): a client's server checked out; queued writes go.
	binding.Func(c, obj, "allowWrite", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if e := b.engines[qjs.Arg(args, 0).Int()]; e != nil {
			e.allowWrites()
		}
		return qjs.Undefined
	})
	// close(id): drop the engine.
	binding.Func(c, obj, "close", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		id := qjs.Arg(args, 0).Int()
		if e := b.engines[id]; e != nil {
			delete(b.engines, id)
			e.releaseEnd()
			for ; e.heldRefs > 0; e.heldRefs-- {
				b.env.Loop.Unref()
			}
			e.writeRefs = 0
			e.wmu.Lock()
			e.closed = true
			pending := e.wq
			e.wq = nil
			e.wmu.Unlock()
			// Writes still queued are cancelled: their callbacks hear
			// ECANCELED on a later turn.
			if len(pending) > 0 {
				b.env.Loop.Post(func() {
					c := b.env.Ctx
					for _, w := range pending {
						if !w.shutdown && c.IsFunction(w.cb) {
							b.call(w.cb, qjs.Int32(-125))
						}
						c.Free(w.cb)
					}
				})
			}
			e.mc.push(nil, false, true)
			select {
			case e.hello <- helloResult{err: "socket closed"}:
			default:
			}
			select {
			case e.wsig <- struct{}{}:
			default:
			}
			e.allowWrites()
		}
		return qjs.Undefined
	})
}

func (e *engine) enqueue(w writeReq) {
	e.wmu.Lock()
	e.wq = append(e.wq, w)
	e.wmu.Unlock()
	select {
	case e.wsig <- struct{}{}:
	default:
	}
}

// writer writes queued plaintext in order, after the handshake (for a
// client, after JS has verified the server).
func (e *engine) writer() {
	if !e.isServer {
		<-e.release
	}
	for {
		e.wmu.Lock()
		if e.closed {
			e.wmu.Unlock()
			return
		}
		if len(e.wq) == 0 {
			e.wmu.Unlock()
			<-e.wsig
			continue
		}
		w := e.wq[0]
		e.wq = e.wq[1:]
		e.writing = true
		e.wmu.Unlock()
		var err error
		if w.shutdown {
			err = e.conn.CloseWrite()
		} else {
			_, err = e.conn.Write(w.data)
		}
		e.wmu.Lock()
		e.writing = false
		e.wmu.Unlock()
		status := 0
		if err != nil {
			status = -32 // EPIPE
		}
		b := e.b
		b.env.Loop.Post(func() {
			if e.writeRefs > 0 {
				e.writeRefs--
				if e.heldRefs > e.writeRefs {
					e.heldRefs--
					b.env.Loop.Unref()
				}
			}
			c := b.env.Ctx
			if w.cb.IsUndefined() || !c.IsFunction(w.cb) {
				c.Free(w.cb)
				return
			}
			fn := w.cb
			b.call(fn, qjs.Int32(int32(status)))
			c.Free(fn)
		})
	}
}

// run does the handshake, reports it, then reads plaintext until EOF.
func (e *engine) run() {
	err := e.conn.Handshake()
	b := e.b
	if err != nil {
		msg := handshakeMessage(err)
		b.env.Loop.Post(func() {
			e.releaseEnd()
			if b.engines[e.id] == nil {
				return
			}
			c := b.env.Ctx
			b.call(b.onHandshakeFn, qjs.Int64(e.id), c.String(msg), qjs.Undefined)
		})
		return
	}
	e.hsDone.Store(true)
	st := e.conn.ConnectionState()
	if st.DidResume && e.peer == nil && len(st.PeerCertificates) > 0 && e.verify != nil {
		// A resumed session carries the peer's certificates without
		// sending them again: check them as a full handshake would.
		raw := make([][]byte, len(st.PeerCertificates))
		for i, c := range st.PeerCertificates {
			raw[i] = c.Raw
		}
		_ = e.verify(raw, nil)
	}
	b.env.Loop.Post(func() {
		if b.engines[e.id] == nil {
			return
		}
		c := b.env.Ctx
		b.call(b.onHandshakeFn, qjs.Int64(e.id), qjs.Null, e.info(c, st))
	})
	buf := make([]byte, 16<<10)
	for {
		n, err := e.conn.Read(buf)
		if n > 0 {
			e.addPlain(buf[:n])
		}
		if err != nil {
			e.flushPlain()
			msg := ""
			if !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) {
				msg = err.Error()
			}
			if errors.Is(err, net.ErrClosed) {
				return
			}
			b.env.Loop.Post(func() {
				e.releaseEnd()
				if b.engines[e.id] == nil {
					return
				}
				c := b.env.Ctx
				ev := qjs.Undefined
				if msg != "" {
					ev = c.String(msg)
				}
				b.call(b.onPlainFn, qjs.Int64(e.id), qjs.Null, ev)
			})
			return
		}
	}
}

// chooseSuite picks a server's TLS 1.2 suite from the client's offer:
// with honorOrder the first of the server's list the client offers, else
// the client's first the server has; only suites the server's keys can
// sign for. ok is false when there is nothing to choose.
func chooseSuite(sc *secureContext, offered []uint16) (uint16, bool) {
	if len(sc.suites) == 0 || len(offered) == 0 {
		return 0, false
	}
	hasRSA, hasEC := false, false
	for _, p := range sc.pairs {
		switch p.PrivateKey.(type) {
		case *rsa.PrivateKey:
			hasRSA = true
		case *ecdsa.PrivateKey, ed25519.PrivateKey:
			hasEC = true
		}
	}
	usable := func(id uint16) bool {
		name, _, _ := cipherName(id)
		if name == "" {
			return false
		}
		if strings.Contains(name, "ECDSA") {
			return hasEC
		}
		return hasRSA
	}
	mine := map[uint16]bool{}
	for _, id := range sc.suites {
		mine[id] = true
	}
	theirs := map[uint16]bool{}
	for _, id := range offered {
		theirs[id] = true
	}
	first, in := sc.suites, theirs
	if !sc.honorOrder {
		first, in = offered, mine
	}
	for _, id := range first {
		if in[id] && usable(id) {
			return id, true
		}
	}
	return 0, false
}

// addPlain keeps decrypted bytes until the engine runs out of input (or
// has 64 KiB): records that arrived together reach JS together, as
// node's TLS socket reads all it can before JS runs again.
func (e *engine) addPlain(d []byte) {
	e.pmu.Lock()
	e.plain = append(e.plain, d...)
	full := len(e.plain) >= 64<<10
	e.pmu.Unlock()
	if full {
		e.flushPlain()
	}
}

// flushPlain posts the kept plaintext to JS.
func (e *engine) flushPlain() {
	e.pmu.Lock()
	d := e.plain
	e.plain = nil
	e.pmu.Unlock()
	if len(d) == 0 {
		return
	}
	b := e.b
	b.env.Loop.Post(func() {
		if b.engines[e.id] == nil {
			return
		}
		b.call(b.onPlainFn, qjs.Int64(e.id), b.env.Ctx.ArrayBuffer(d), qjs.Undefined)
	})
}

// holdWrite keeps the loop alive until a write's callback is posted.
func (e *engine) holdWrite() {
	e.writeRefs++
	if !e.unrefd {
		e.heldRefs++
		e.b.env.Loop.Ref()
	}
}

// setRef makes the engine's writes in flight keep the loop alive (ref)
// or not (unref), following the socket's ref()/unref(). Loop goroutine.
func (e *engine) setRef(ref bool) {
	e.unrefd = !ref
	for ; ref && e.heldRefs < e.writeRefs; e.heldRefs++ {
		e.b.env.Loop.Ref()
	}
	for ; !ref && e.heldRefs > 0; e.heldRefs-- {
		e.b.env.Loop.Unref()
	}
}

// idle drops the reference taken for fed input once the engine waits for
// more (loop goroutine). gen is the count of chunks the engine had taken
// when it ran dry: if it took more since, or input waits, it is still at
// work and reports again once it runs dry.
func (e *engine) idle(gen uint64) {
	if !e.busyRef {
		return
	}
	e.mc.mu.Lock()
	busy := e.mc.taken != gen || len(e.mc.queue) > 0
	e.mc.mu.Unlock()
	if busy {
		e.wantIdle.Store(true)
		return
	}
	e.busyRef = false
	e.b.env.Loop.Unref()
}

// releaseEnd marks the read side done and drops the feedEnd reference.
// Loop goroutine only.
func (e *engine) releaseEnd() {
	e.runDone = true
	if e.busyRef {
		e.busyRef = false
		e.b.env.Loop.Unref()
	}
	if e.endRef {
		e.endRef = false
		e.b.env.Loop.Unref()
	}
}

// sessionCache is a client's session store: it starts with the session
// JS gave (options.session) and reports each new one to JS as the
// 'session' event's bytes.
type sessionCache struct {
	e       *engine
	mu      sync.Mutex
	initial *tls.ClientSessionState
}

func (s *sessionCache) Get(string) (*tls.ClientSessionState, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.initial, s.initial != nil
}

func (s *sessionCache) Put(_ string, cs *tls.ClientSessionState) {
	if cs == nil {
		return
	}
	ticket, state, err := cs.ResumptionState()
	if err != nil || state == nil {
		return
	}
	sb, err := state.Bytes()
	if err != nil {
		return
	}
	out := make([]byte, 4, 4+len(ticket)+len(sb))
	binary.BigEndian.PutUint32(out, uint32(len(ticket)))
	out = append(out, ticket...)
	out = append(out, sb...)
	e := s.e
	b := e.b
	b.env.Loop.Post(func() {
		if b.engines[e.id] == nil {
			return
		}
		b.call(b.onSessionFn, qjs.Int64(e.id), b.env.Ctx.ArrayBuffer(out))
	})
}

// parseSession reads the bytes sessionCache.Put made.
func parseSession(d []byte) *tls.ClientSessionState {
	if len(d) < 4 {
		return nil
	}
	n := int(binary.BigEndian.Uint32(d))
	if 4+n > len(d) {
		return nil
	}
	ticket := append([]byte(nil), d[4:4+n]...)
	state, err := tls.ParseSessionState(d[4+n:])
	if err != nil {
		return nil
	}
	cs, err := tls.NewResumptionState(ticket, state)
	if err != nil {
		return nil
	}
	return cs
}

func handshakeMessage(err error) string {
	s := err.Error()
	s = strings.TrimPrefix(s, "tls: ")
	return s
}

// verifyPeer checks the peer chain against roots (nil: the system pool)
// without failing the handshake: the result is reported to JS, which
// decides (rejectUnauthorized).
func (e *engine) verifyPeer(roots *x509.CertPool, host string) func([][]byte, [][]*x509.Certificate) error {
	return func(raw [][]byte, _ [][]*x509.Certificate) error {
		var certs []*x509.Certificate
		for _, r := range raw {
			c, err := x509.ParseCertificate(r)
			if err != nil {
				e.authErr = "UNABLE_TO_GET_ISSUER_CERT"
				return nil
			}
			certs = append(certs, c)
		}
		e.peer = certs
		if len(certs) == 0 {
			e.authErr = "UNABLE_TO_GET_ISSUER_CERT"
			return nil
		}
		inter := x509.NewCertPool()
		for _, c := range certs[1:] {
			inter.AddCert(c)
		}
		opts := x509.VerifyOptions{Roots: roots, Intermediates: inter}
		if e.isServer {
			opts.KeyUsages = []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}
		}
		chains, err := certs[0].Verify(opts)
		if err == nil {
			e.authorized = true
			if len(chains) > 0 {
				e.verified = chains[0]
			}
			return nil
		}
		e.authErr = verifyCode(certs, err)
		return nil
	}
}

// verifyCode names a verification failure as OpenSSL does.
func verifyCode(certs []*x509.Certificate, err error) string {
	var ci x509.CertificateInvalidError
	if errors.As(err, &ci) {
		switch ci.Reason {
		case x509.Expired:
			if time.Now().Before(ci.Cert.NotBefore) {
				return "CERT_NOT_YET_VALID"
			}
			return "CERT_HAS_EXPIRED"
		}
		return "CERT_REJECTED"
	}
	var ua x509.UnknownAuthorityError
	if errors.As(err, &ua) {
		// Follow the issuers through what the peer sent, as OpenSSL
		// builds the chain, and name where it stopped.
		chain := orderChain(certs, nil)
		last := chain[len(chain)-1]
		selfSigned := string(last.RawIssuer) == string(last.RawSubject)
		switch {
		case selfSigned && len(chain) == 1:
			return "DEPTH_ZERO_SELF_SIGNED_CERT"
		case selfSigned:
			return "SELF_SIGNED_CERT_IN_CHAIN"
		case len(chain) == 1:
			return "UNABLE_TO_VERIFY_LEAF_SIGNATURE"
		}
		return "UNABLE_TO_GET_ISSUER_CERT_LOCALLY"
	}
	return "UNABLE_TO_VERIFY_LEAF_SIGNATURE"
}

var versionNames = map[uint16]string{
	tls.VersionTLS10: "TLSv1",
	tls.VersionTLS11: "TLSv1.1",
	tls.VersionTLS12: "TLSv1.2",
	tls.VersionTLS13: "TLSv1.3",
}

// info describes a finished handshake for JS.
func (e *engine) info(c *qjs.Context, st tls.ConnectionState) qjs.Value {
	o := c.Object()
	c.Set(o, "protocol", c.String(versionNames[st.Version]))
	if st.NegotiatedProtocol != "" {
		c.Set(o, "alpnProtocol", c.String(st.NegotiatedProtocol))
	} else {
		c.Set(o, "alpnProtocol", qjs.Bool(false))
	}
	name, std, ver := cipherName(st.CipherSuite)
	c.Set(o, "cipher", c.String(name))
	c.Set(o, "standardName", c.String(std))
	c.Set(o, "cipherVersion", c.String(ver))
	c.Set(o, "servername", c.String(st.ServerName))
	c.Set(o, "authorized", qjs.Bool(e.authorized))
	c.Set(o, "resumed", qjs.Bool(st.DidResume))
	if e.authErr != "" {
		c.Set(o, "authorizationError", c.String(e.authErr))
	}
	if len(e.peer) > 0 {
		c.Set(o, "peerChain", chainValue(c, orderChain(e.peer, e.verified)))
	}
	return o
}

// socketOptions are the per-socket settings create reads.
type socketOptions struct {
	servername  string
	alpn        []string
	requestCert bool
	useSystem   bool
	hello       bool
}

func (b *tlsBinding) socketOptions(c *qjs.Context, o qjs.Value) socketOptions {
	var so socketOptions
	get := func(name string) qjs.Value { return c.Get(o, name) }
	sn := get("servername")
	if sn.IsString() {
		so.servername = c.GoString(sn)
	}
	c.Free(sn)
	alpn := get("ALPNProtocols")
	if c.IsArray(alpn) {
		n := c.Length(alpn)
		for i := 0; i < n; i++ {
			e := c.GetIndex(alpn, uint32(i))
			so.alpn = append(so.alpn, c.GoString(e))
			c.Free(e)
		}
	}
	c.Free(alpn)
	for _, f := range []struct {
		name string
		dst  *bool
	}{{"requestCert", &so.requestCert}, {"useSystemCA", &so.useSystem}, {"hello", &so.hello}} {
		v := get(f.name)
		*f.dst = c.ToBool(v)
		c.Free(v)
	}
	return so
}

// configFrom makes the engine's tls.Config from a secure context and the
// socket's options.
func (e *engine) configFrom(sc *secureContext) *tls.Config {
	cfg := sc.config(e.isServer, e.opts.useSystem)
	cfg.NextProtos = e.opts.alpn
	if e.isServer {
		if e.opts.requestCert {
			cfg.ClientAuth = tls.RequestClientCert
		}
		if len(cfg.Certificates) == 0 {
			// Node's server without a certificate fails the handshake
			// with "no shared cipher"; Go needs the callback to start.
			cfg.GetCertificate = func(*tls.ClientHelloInfo) (*tls.Certificate, error) {
				return nil, errors.New("no shared cipher")
			}
		}
		cfg.VerifyPeerCertificate = e.verifyPeer(cfg.ClientCAs, "")
		e.verify = cfg.VerifyPeerCertificate
	} else {
		cfg.ServerName = e.opts.servername
		if net.ParseIP(cfg.ServerName) != nil {
			cfg.ServerName = ""
		}
		cfg.VerifyPeerCertificate = e.verifyPeer(cfg.RootCAs, e.opts.servername)
		e.verify = cfg.VerifyPeerCertificate
	}
	return cfg
}

// helloResult is JS's answer at a ClientHello.
type helloResult struct {
	ctx        *secureContext
	alpn       string
	hasALPN    bool
	refuseALPN bool
	err        string
}

// onClientHello asks JS (SNICallback, ALPNCallback) and waits.
func (e *engine) onClientHello(chi *tls.ClientHelloInfo) (*tls.Config, error) {
	b := e.b
	name := chi.ServerName
	protos := append([]string(nil), chi.SupportedProtos...)
	b.env.Loop.Post(func() {
		// JS has the ClientHello: waiting for its answer keeps nothing
		// alive by itself (a callback that never answers lets node exit).
		if e.busyRef {
			e.busyRef = false
			b.env.Loop.Unref()
		}
		if b.engines[e.id] == nil {
			return
		}
		c := b.env.Ctx
		b.call(b.onHelloFn, qjs.Int64(e.id), c.String(name), c.StringArray(protos))
	})
	r := <-e.hello
	if r.err != "" {
		return nil, errors.New(r.err)
	}
	sc := e.sc
	if r.ctx != nil {
		sc = r.ctx
	}
	suite, pick := chooseSuite(sc, chi.CipherSuites)
	if r.ctx == nil && !r.hasALPN && !r.refuseALPN && !pick {
		return nil, nil
	}
	cfg := e.configFrom(sc)
	if pick {
		// Go orders TLS 1.2 suites itself: offer only the one chosen as
		// OpenSSL would (TLS 1.3 suites are not affected).
		cfg.CipherSuites = []uint16{suite}
	}
	if r.hasALPN {
		cfg.NextProtos = []string{r.alpn}
	} else if r.refuseALPN {
		cfg.NextProtos = []string{"\x00"}
	}
	return cfg, nil
}

// pemList reads a PEM string, a Buffer or an array of them.
func pemList(c *qjs.Context, v qjs.Value) [][]byte {
	if v.IsNullish() {
		return nil
	}
	if c.IsArray(v) {
		var out [][]byte
		n := c.Length(v)
		for i := 0; i < n; i++ {
			e := c.GetIndex(v, uint32(i))
			out = append(out, pemList(c, e)...)
			c.Free(e)
		}
		return out
	}
	if v.IsString() {
		return [][]byte{[]byte(c.GoString(v))}
	}
	if d, ok := c.TypedArrayBytes(v); ok {
		return [][]byte{append([]byte(nil), d...)}
	}
	return nil
}
