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
	"crypto/sha1"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"io"
	"net"
	"strings"
	"sync"
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
}

func (m *memConn) Read(p []byte) (int, error) {
	for len(m.cur) == 0 {
		m.mu.Lock()
		if len(m.queue) > 0 {
			m.cur = m.queue[0]
			m.queue = m.queue[1:]
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
		<-m.signal
	}
	n := copy(p, m.cur)
	m.cur = m.cur[n:]
	return n, nil
}

func (m *memConn) Write(p []byte) (int, error) {
	m.mu.Lock()
	closed := m.closed
	m.mu.Unlock()
	if closed {
		return 0, net.ErrClosed
	}
	b := append([]byte(nil), p...)
	e := m.e
	e.b.env.Loop.Post(func() { e.b.onCipher(e, b) })
	return len(p), nil
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

	wmu    sync.Mutex
	wq     []writeReq
	wsig   chan struct{}
	closed bool
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
	onCipherFn, onPlainFn, onHandshakeFn qjs.Value
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
	binding.Func(c, obj, "setCallbacks", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		b.onCipherFn = c.Dup(qjs.Arg(args, 0))
		b.onPlainFn = c.Dup(qjs.Arg(args, 1))
		b.onHandshakeFn = c.Dup(qjs.Arg(args, 2))
		return qjs.Undefined
	})
	// create(isServer, options) -> id. options: cert, key, ca (PEM strings
	// or arrays), servername, ALPNProtocols (array of strings),
	// requestCert, minVersion, maxVersion.
	binding.Func(c, obj, "create", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		isServer := c.ToBool(qjs.Arg(args, 0))
		o := qjs.Arg(args, 1)
		cfg, err := b.config(c, isServer, o)
		if err != nil {
			return c.ThrowTypeError(err.Error())
		}
		b.next++
		e := &engine{id: b.next, b: b, isServer: isServer, wsig: make(chan struct{}, 1)}
		e.servername = cfg.ServerName
		e.mc = &memConn{e: e, signal: make(chan struct{}, 1)}
		b.engines[e.id] = e
		if isServer {
			cfg.VerifyPeerCertificate = e.verifyPeer(cfg.ClientCAs, "")
			e.conn = tls.Server(e.mc, cfg)
		} else {
			name := cfg.ServerName
			if net.ParseIP(name) != nil {
				cfg.ServerName = ""
			}
			cfg.VerifyPeerCertificate = e.verifyPeer(cfg.RootCAs, name)
			e.conn = tls.Client(e.mc, cfg)
		}
		return qjs.Int64(e.id)
	})
	// start(id): run the handshake and the read loop.
	binding.Func(c, obj, "start", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if e := b.engines[qjs.Arg(args, 0).Int()]; e != nil {
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
				e.mc.push(append([]byte(nil), d...), false, false)
			}
		}
		return qjs.Undefined
	})
	// feedEnd(id): the socket ended.
	binding.Func(c, obj, "feedEnd", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if e := b.engines[qjs.Arg(args, 0).Int()]; e != nil {
			e.mc.push(nil, true, false)
		}
		return qjs.Undefined
	})
	// write(id, data, cb): encrypt and send; cb(status) when written.
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
		e.enqueue(writeReq{data: data, cb: c.Dup(qjs.Arg(args, 2))})
		return qjs.Int32(0)
	})
	// shutdown(id, cb): send close_notify after queued writes.
	binding.Func(c, obj, "shutdown", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		e := b.engines[qjs.Arg(args, 0).Int()]
		if e == nil {
			return qjs.Int32(-1)
		}
		e.enqueue(writeReq{shutdown: true, cb: c.Dup(qjs.Arg(args, 1))})
		return qjs.Int32(0)
	})
	// close(id): drop the engine.
	binding.Func(c, obj, "close", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		id := qjs.Arg(args, 0).Int()
		if e := b.engines[id]; e != nil {
			delete(b.engines, id)
			e.wmu.Lock()
			e.closed = true
			pending := e.wq
			e.wq = nil
			e.wmu.Unlock()
			for _, w := range pending {
				c.Free(w.cb)
			}
			e.mc.push(nil, false, true)
			select {
			case e.wsig <- struct{}{}:
			default:
			}
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

// writer writes queued plaintext in order, after the handshake.
func (e *engine) writer() {
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
		e.wmu.Unlock()
		var err error
		if w.shutdown {
			err = e.conn.CloseWrite()
		} else {
			_, err = e.conn.Write(w.data)
		}
		status := 0
		if err != nil {
			status = -32 // EPIPE
		}
		b := e.b
		b.env.Loop.Post(func() {
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
			if b.engines[e.id] == nil {
				return
			}
			c := b.env.Ctx
			b.call(b.onHandshakeFn, qjs.Int64(e.id), c.String(msg), qjs.Undefined)
		})
		return
	}
	st := e.conn.ConnectionState()
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
			d := append([]byte(nil), buf[:n]...)
			b.env.Loop.Post(func() {
				if b.engines[e.id] == nil {
					return
				}
				b.call(b.onPlainFn, qjs.Int64(e.id), b.env.Ctx.ArrayBuffer(d), qjs.Undefined)
			})
		}
		if err != nil {
			msg := ""
			if !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) {
				msg = err.Error()
			}
			if errors.Is(err, net.ErrClosed) {
				return
			}
			b.env.Loop.Post(func() {
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
		_, err := certs[0].Verify(opts)
		if err == nil {
			e.authorized = true
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
		leaf := certs[0]
		if len(certs) == 1 && string(leaf.RawIssuer) == string(leaf.RawSubject) {
			return "DEPTH_ZERO_SELF_SIGNED_CERT"
		}
		last := certs[len(certs)-1]
		if len(certs) > 1 && string(last.RawIssuer) == string(last.RawSubject) {
			return "SELF_SIGNED_CERT_IN_CHAIN"
		}
		return "UNABLE_TO_VERIFY_LEAF_SIGNATURE"
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
	c.Set(o, "cipher", c.String(tls.CipherSuiteName(st.CipherSuite)))
	c.Set(o, "servername", c.String(st.ServerName))
	c.Set(o, "authorized", qjs.Bool(e.authorized))
	if e.authErr != "" {
		c.Set(o, "authorizationError", c.String(e.authErr))
	}
	if len(e.peer) > 0 {
		c.Set(o, "peerCertificate", certValue(c, e.peer[0]))
		if !e.isServer && e.servername != "" {
			if err := e.peer[0].VerifyHostname(e.servername); err != nil {
				c.Set(o, "hostnameError", c.String(altnamesReason(e.servername, e.peer[0])))
			}
		}
	}
	return o
}

func altnamesReason(host string, cert *x509.Certificate) string {
	var names []string
	for _, n := range cert.DNSNames {
		names = append(names, "DNS:"+n)
	}
	for _, ip := range cert.IPAddresses {
		names = append(names, "IP Address:"+ip.String())
	}
	if net.ParseIP(host) != nil {
		return "IP: " + host + " is not in the cert's list: " + strings.Join(names, ", ")
	}
	return "Host: " + host + ". is not in the cert's altnames: " + strings.Join(names, ", ")
}

func nameValue(c *qjs.Context, n []string, cn string, o []string, ou []string, country []string) qjs.Value {
	v := c.Object()
	if len(country) > 0 {
		c.Set(v, "C", c.String(country[0]))
	}
	if len(o) > 0 {
		c.Set(v, "O", c.String(o[0]))
	}
	if len(ou) > 0 {
		c.Set(v, "OU", c.String(ou[0]))
	}
	if cn != "" {
		c.Set(v, "CN", c.String(cn))
	}
	_ = n
	return v
}

func fingerprint(b []byte) string {
	h := strings.ToUpper(hex.EncodeToString(b))
	var sb strings.Builder
	for i := 0; i < len(h); i += 2 {
		if i > 0 {
			sb.WriteByte(':')
		}
		sb.WriteString(h[i : i+2])
	}
	return sb.String()
}

// certValue is the object getPeerCertificate returns.
func certValue(c *qjs.Context, cert *x509.Certificate) qjs.Value {
	o := c.Object()
	s := cert.Subject
	c.Set(o, "subject", nameValue(c, nil, s.CommonName, s.Organization, s.OrganizationalUnit, s.Country))
	is := cert.Issuer
	c.Set(o, "issuer", nameValue(c, nil, is.CommonName, is.Organization, is.OrganizationalUnit, is.Country))
	var alt []string
	for _, n := range cert.DNSNames {
		alt = append(alt, "DNS:"+n)
	}
	for _, ip := range cert.IPAddresses {
		alt = append(alt, "IP Address:"+ip.String())
	}
	if len(alt) > 0 {
		c.Set(o, "subjectaltname", c.String(strings.Join(alt, ", ")))
	}
	c.Set(o, "valid_from", c.String(cert.NotBefore.UTC().Format("Jan _2 15:04:05 2006 GMT")))
	c.Set(o, "valid_to", c.String(cert.NotAfter.UTC().Format("Jan _2 15:04:05 2006 GMT")))
	s1 := sha1.Sum(cert.Raw)
	s256 := sha256.Sum256(cert.Raw)
	c.Set(o, "fingerprint", c.String(fingerprint(s1[:])))
	c.Set(o, "fingerprint256", c.String(fingerprint(s256[:])))
	c.Set(o, "serialNumber", c.String(strings.ToUpper(cert.SerialNumber.Text(16))))
	c.Set(o, "raw", c.Uint8Array(cert.Raw))
	return o
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

func (b *tlsBinding) config(c *qjs.Context, isServer bool, o qjs.Value) (*tls.Config, error) {
	get := func(name string) qjs.Value { return c.Get(o, name) }
	cfg := &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS12}
	certs := get("cert")
	keys := get("key")
	defer c.FreeAll(certs, keys)
	cl, kl := pemList(c, certs), pemList(c, keys)
	if len(cl) > 0 && len(kl) > 0 {
		pair, err := tls.X509KeyPair(cl[0], kl[0])
		if err != nil {
			return nil, err
		}
		cfg.Certificates = []tls.Certificate{pair}
	} else if isServer {
		// Node's server without a certificate fails the handshake with
		// "no shared cipher"; Go needs the callback to start at all.
		cfg.GetCertificate = func(*tls.ClientHelloInfo) (*tls.Certificate, error) {
			return nil, errors.New("no shared cipher")
		}
	}
	ca := get("ca")
	defer c.Free(ca)
	if l := pemList(c, ca); len(l) > 0 {
		pool := x509.NewCertPool()
		for _, p := range l {
			pool.AppendCertsFromPEM(p)
		}
		if isServer {
			cfg.ClientCAs = pool
		} else {
			cfg.RootCAs = pool
		}
	} else if !isServer {
		if pool, err := x509.SystemCertPool(); err == nil {
			cfg.RootCAs = pool
		}
	}
	sn := get("servername")
	if sn.IsString() {
		cfg.ServerName = c.GoString(sn)
	}
	c.Free(sn)
	alpn := get("ALPNProtocols")
	if c.IsArray(alpn) {
		n := c.Length(alpn)
		for i := 0; i < n; i++ {
			e := c.GetIndex(alpn, uint32(i))
			cfg.NextProtos = append(cfg.NextProtos, c.GoString(e))
			c.Free(e)
		}
	}
	c.Free(alpn)
	if isServer {
		rc := get("requestCert")
		if c.ToBool(rc) {
			cfg.ClientAuth = tls.RequestClientCert
		}
		c.Free(rc)
	}
	for _, f := range []struct {
		name string
		dst  *uint16
	}{{"minVersion", &cfg.MinVersion}, {"maxVersion", &cfg.MaxVersion}} {
		v := get(f.name)
		if v.IsString() {
			switch c.GoString(v) {
			case "TLSv1":
				*f.dst = tls.VersionTLS10
			case "TLSv1.1":
				*f.dst = tls.VersionTLS11
			case "TLSv1.2":
				*f.dst = tls.VersionTLS12
			case "TLSv1.3":
				*f.dst = tls.VersionTLS13
			}
		}
		c.Free(v)
	}
	return cfg, nil
}
