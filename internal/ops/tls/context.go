package tls

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/crypto/x509roots/fallback/bundle"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

// secureContext is what tls.createSecureContext builds: keys and
// certificates, trusted CAs, cipher and protocol settings. Engines copy
// a tls.Config from it when they start.
type secureContext struct {
	keys   []crypto.PrivateKey
	chains [][]*x509.Certificate
	pairs  []tls.Certificate

	ca     []*x509.Certificate // nil: the default CAs
	caSet  bool
	suites []uint16
	// honorOrder: a server picks the first of its suites the client
	// offers (else the client's first that it has).
	honorOrder bool
	minVer     uint16
	maxVer     uint16
	curves     []tls.CurveID
	tickets    [][32]byte
	rawKeys    []byte
	timeout    time.Duration
}

// osslError is an error shaped like the ones node builds from OpenSSL's
// error queue: message "error:XXXXXXXX:<library>::<reason>", and the
// code, library and reason properties.
type osslError struct {
	code, library, reason, hex string
}

var (
	errNoStartLine   = osslError{"ERR_OSSL_PEM_NO_START_LINE", "PEM routines", "no start line", "0480006C"}
	errUnsupported   = osslError{"ERR_OSSL_UNSUPPORTED", "DECODER routines", "unsupported", "1E08010C"}
	errKeyMismatch   = osslError{"ERR_OSSL_X509_KEY_VALUES_MISMATCH", "x509 certificate routines", "key values mismatch", "05800074"}
	errBadDecrypt    = osslError{"ERR_OSSL_BAD_DECRYPT", "Provider routines", "bad decrypt", "1C800064"}
	errPEMASN1       = osslError{"ERR_OSSL_PEM_ASN1_LIB", "PEM routines", "ASN1 lib", "0488000D"}
	errNoCipherMatch = osslError{"ERR_SSL_NO_CIPHER_MATCH", "SSL routines", "no cipher match", "0A0000B9"}
)

func (e osslError) Error() string {
	return "error:" + e.hex + ":" + e.library + "::" + e.reason
}

func throwOSSL(c *qjs.Context, e osslError) qjs.Value {
	v := c.MakeError("Error", e.Error())
	c.Set(v, "library", c.String(e.library))
	c.Set(v, "reason", c.String(e.reason))
	c.Set(v, "code", c.String(e.code))
	return c.Throw(v)
}

// parseCertsPEM reads every CERTIFICATE block of a PEM text.
func parseCertsPEM(data []byte) ([]*x509.Certificate, error) {
	var out []*x509.Certificate
	rest := data
	for {
		var b *pem.Block
		b, rest = pem.Decode(rest)
		if b == nil {
			break
		}
		if b.Type != "CERTIFICATE" && b.Type != "TRUSTED CERTIFICATE" && b.Type != "X509 CERTIFICATE" {
			continue
		}
		c, err := x509.ParseCertificate(b.Bytes)
		if err != nil {
			return out, errUnsupported
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, errNoStartLine
	}
	return out, nil
}

// parseKeyPEM reads the first private key of a PEM text, decrypting it
// with passphrase when it is encrypted.
func parseKeyPEM(data []byte, passphrase string, hasPass bool) (crypto.PrivateKey, error) {
	rest := data
	for {
		var b *pem.Block
		b, rest = pem.Decode(rest)
		if b == nil {
			return nil, errUnsupported
		}
		der := b.Bytes
		switch b.Type {
		case "RSA PRIVATE KEY", "EC PRIVATE KEY", "PRIVATE KEY", "ENCRYPTED PRIVATE KEY":
		default:
			continue
		}
		//lint:ignore SA1019 legacy PEM encryption is what these keys use.
		if x509.IsEncryptedPEMBlock(b) { //nolint:staticcheck
			if !hasPass {
				return nil, errBadDecrypt
			}
			d, err := x509.DecryptPEMBlock(b, []byte(passphrase)) //nolint:staticcheck
			if err != nil {
				return nil, errBadDecrypt
			}
			der = d
		}
		if b.Type == "ENCRYPTED PRIVATE KEY" {
			if !hasPass {
				return nil, errBadDecrypt
			}
			d, err := decryptPKCS8(der, []byte(passphrase))
			if err != nil {
				return nil, err
			}
			der = d
		}
		if k, err := x509.ParsePKCS8PrivateKey(der); err == nil {
			return k, nil
		}
		if k, err := x509.ParsePKCS1PrivateKey(der); err == nil {
			return k, nil
		}
		if k, err := x509.ParseECPrivateKey(der); err == nil {
			return k, nil
		}
		return nil, errUnsupported
	}
}

func publicOf(k crypto.PrivateKey) crypto.PublicKey {
	switch k := k.(type) {
	case *rsa.PrivateKey:
		return &k.PublicKey
	case *ecdsa.PrivateKey:
		return &k.PublicKey
	case ed25519.PrivateKey:
		return k.Public()
	}
	return nil
}

func samePublic(a, b crypto.PublicKey) bool {
	type eq interface{ Equal(crypto.PublicKey) bool }
	if x, ok := a.(eq); ok {
		return x.Equal(b)
	}
	return false
}

// pair matches the certificate chains with the keys.
func (s *secureContext) pair() error {
	s.pairs = nil
	for _, ch := range s.chains {
		var key crypto.PrivateKey
		for _, k := range s.keys {
			if samePublic(ch[0].PublicKey, publicOf(k)) {
				key = k
				break
			}
		}
		if key == nil {
			if len(s.keys) > 0 && len(s.keys) >= len(s.chains) {
				return errKeyMismatch
			}
			continue
		}
		tc := tls.Certificate{PrivateKey: key, Leaf: ch[0]}
		for _, c := range ch {
			tc.Certificate = append(tc.Certificate, c.Raw)
		}
		s.pairs = append(s.pairs, tc)
	}
	return nil
}

// defaultCAs is the process's default trusted set: node's bundled roots
// (Mozilla's, as Go's x509roots/fallback bundles them), plus
// NODE_EXTRA_CA_CERTS, plus the system store with --use-system-ca; or
// what tls.setDefaultCACertificates set.
var defaultCAs struct {
	mu sync.Mutex
	// set, certs and pool: what tls.setDefaultCACertificates set.
	set   bool
	certs []*x509.Certificate
	pool  *x509.CertPool
	// computed holds the sets built from the stores, without ([0]) and
	// with ([1]) the system store: instances (workers) may differ.
	computed [2]struct {
		certs []*x509.Certificate
		pool  *x509.CertPool
	}
	bundled []*x509.Certificate
	once    sync.Once
}

func bundledCerts() []*x509.Certificate {
	defaultCAs.once.Do(func() {
		for r := range bundle.Roots() {
			if c, err := x509.ParseCertificate(r.Certificate); err == nil {
				defaultCAs.bundled = append(defaultCAs.bundled, c)
			}
		}
	})
	return defaultCAs.bundled
}

// systemCertFiles are where Linux distributions keep the system store.
var systemCertFiles = []string{
	"/etc/ssl/certs/ca-certificates.crt",
	"/etc/pki/tls/certs/ca-bundle.crt",
	"/etc/ssl/ca-bundle.pem",
	"/etc/pki/tls/cacert.pem",
	"/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",
	"/etc/ssl/cert.pem",
}

// certStores caches the system store and NODE_EXTRA_CA_CERTS, read once
// per process (startLoading may read them ahead, off the loop).
var certStores struct {
	systemOnce, extraOnce, startOnce sync.Once
	system, extra                    []*x509.Certificate
}

func systemCerts() []*x509.Certificate {
	certStores.systemOnce.Do(func() { certStores.system = readSystemCerts() })
	return certStores.system
}

func extraCerts() []*x509.Certificate {
	certStores.extraOnce.Do(func() { certStores.extra = readExtraCerts() })
	return certStores.extra
}

// startLoading reads the root stores on other goroutines, once per
// process, as node does when tls loads: the bundled roots, the system
// store (useSystem) and NODE_EXTRA_CA_CERTS. NODE_DEBUG_NATIVE=crypto
// reports each start on stderr.
func startLoading(useSystem bool) {
	certStores.startOnce.Do(func() {
		debug := false
		for _, k := range strings.Split(os.Getenv("NODE_DEBUG_NATIVE"), ",") {
			if strings.EqualFold(strings.TrimSpace(k), "crypto") {
				debug = true
			}
		}
		start := func(what string, load func() []*x509.Certificate) {
			if debug {
				fmt.Fprintf(os.Stderr, "Started loading %s root certificates off-thread\n", what)
			}
			go load()
		}
		start("bundled", bundledCerts)
		if useSystem {
			start("system", systemCerts)
		}
		if os.Getenv("NODE_EXTRA_CA_CERTS") != "" {
			start("extra", extraCerts)
		}
	})
}

func readSystemCerts() []*x509.Certificate {
	files := systemCertFiles
	if f := os.Getenv("SSL_CERT_FILE"); f != "" {
		files = []string{f}
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		certs, _ := parseCertsPEM(data)
		return certs
	}
	return nil
}

func readExtraCerts() []*x509.Certificate {
	f := os.Getenv("NODE_EXTRA_CA_CERTS")
	if f == "" {
		return nil
	}
	data, err := os.ReadFile(f)
	if err != nil {
		return nil
	}
	certs, _ := parseCertsPEM(data)
	return certs
}

func dedupe(in []*x509.Certificate) []*x509.Certificate {
	seen := map[string]bool{}
	var out []*x509.Certificate
	for _, c := range in {
		if !seen[string(c.Raw)] {
			seen[string(c.Raw)] = true
			out = append(out, c)
		}
	}
	return out
}

// defaultPool returns the pool for a context without ca.
func defaultPool(useSystem bool) *x509.CertPool {
	_, p := defaultSet(useSystem)
	return p
}

// defaultSet returns the default trusted certificates and their pool:
// what setDefaultCACertificates set, else the bundled roots, then
// NODE_EXTRA_CA_CERTS, then (useSystem) the system store, listed as node
// lists them (no duplicates removed).
func defaultSet(useSystem bool) ([]*x509.Certificate, *x509.CertPool) {
	defaultCAs.mu.Lock()
	defer defaultCAs.mu.Unlock()
	if defaultCAs.set {
		if defaultCAs.pool == nil {
			defaultCAs.pool = poolOf(defaultCAs.certs)
		}
		return defaultCAs.certs, defaultCAs.pool
	}
	i := 0
	if useSystem {
		i = 1
	}
	d := &defaultCAs.computed[i]
	if d.pool == nil {
		all := append([]*x509.Certificate(nil), bundledCerts()...)
		all = append(all, extraCerts()...)
		if useSystem {
			all = append(all, systemCerts()...)
		}
		d.certs = all
		d.pool = poolOf(all)
	}
	return d.certs, d.pool
}

func poolOf(certs []*x509.Certificate) *x509.CertPool {
	p := x509.NewCertPool()
	for _, c := range certs {
		p.AddCert(c)
	}
	return p
}

// pemOf encodes certificates as node lists them: the bundled roots
// without a final newline (node keeps them as literals), others with one.
func pemOf(certs []*x509.Certificate) []string {
	bundled := map[string]bool{}
	for _, c := range bundledCerts() {
		bundled[string(c.Raw)] = true
	}
	out := make([]string, len(certs))
	for i, c := range certs {
		p := string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.Raw}))
		if bundled[string(c.Raw)] {
			p = strings.TrimSuffix(p, "\n")
		}
		out[i] = p
	}
	return out
}

// cipherInfo describes a TLS 1.2 suite Go implements, under its OpenSSL
// name with the words OpenSSL's cipher strings select it by.
type cipherInfo struct {
	id      uint16
	name    string
	version string
	tags    string
}

var cipherTable = []cipherInfo{
	{tls.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, "ECDHE-ECDSA-AES256-GCM-SHA384", "TLSv1.2", "kECDHE ECDHE EECDH aECDSA ECDSA AES AES256 AESGCM SHA384 AEAD HIGH TLSv1.2"},
	{tls.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, "ECDHE-RSA-AES256-GCM-SHA384", "TLSv1.2", "kECDHE ECDHE EECDH aRSA AES AES256 AESGCM SHA384 AEAD HIGH TLSv1.2"},
	{tls.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, "ECDHE-ECDSA-CHACHA20-POLY1305", "TLSv1.2", "kECDHE ECDHE EECDH aECDSA ECDSA CHACHA20 AEAD HIGH TLSv1.2"},
	{tls.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, "ECDHE-RSA-CHACHA20-POLY1305", "TLSv1.2", "kECDHE ECDHE EECDH aRSA CHACHA20 AEAD HIGH TLSv1.2"},
	{tls.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, "ECDHE-ECDSA-AES128-GCM-SHA256", "TLSv1.2", "kECDHE ECDHE EECDH aECDSA ECDSA AES AES128 AESGCM SHA256 AEAD HIGH TLSv1.2"},
	{tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, "ECDHE-RSA-AES128-GCM-SHA256", "TLSv1.2", "kECDHE ECDHE EECDH aRSA AES AES128 AESGCM SHA256 AEAD HIGH TLSv1.2"},
	{tls.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, "ECDHE-ECDSA-AES128-SHA256", "TLSv1.2", "kECDHE ECDHE EECDH aECDSA ECDSA AES AES128 SHA256 HIGH TLSv1.2"},
	{tls.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, "ECDHE-RSA-AES128-SHA256", "TLSv1.2", "kECDHE ECDHE EECDH aRSA AES AES128 SHA256 HIGH TLSv1.2"},
	{tls.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA, "ECDHE-ECDSA-AES256-SHA", "TLSv1", "kECDHE ECDHE EECDH aECDSA ECDSA AES AES256 SHA1 SHA HIGH TLSv1 SSLv3"},
	{tls.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA, "ECDHE-RSA-AES256-SHA", "TLSv1", "kECDHE ECDHE EECDH aRSA AES AES256 SHA1 SHA HIGH TLSv1 SSLv3"},
	{tls.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, "ECDHE-ECDSA-AES128-SHA", "TLSv1", "kECDHE ECDHE EECDH aECDSA ECDSA AES AES128 SHA1 SHA HIGH TLSv1 SSLv3"},
	{tls.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, "ECDHE-RSA-AES128-SHA", "TLSv1", "kECDHE ECDHE EECDH aRSA AES AES128 SHA1 SHA HIGH TLSv1 SSLv3"},
	{tls.TLS_RSA_WITH_AES_256_GCM_SHA384, "AES256-GCM-SHA384", "TLSv1.2", "kRSA RSA aRSA AES AES256 AESGCM SHA384 AEAD HIGH TLSv1.2"},
	{tls.TLS_RSA_WITH_AES_128_GCM_SHA256, "AES128-GCM-SHA256", "TLSv1.2", "kRSA RSA aRSA AES AES128 AESGCM SHA256 AEAD HIGH TLSv1.2"},
	{tls.TLS_RSA_WITH_AES_128_CBC_SHA256, "AES128-SHA256", "TLSv1.2", "kRSA RSA aRSA AES AES128 SHA256 HIGH TLSv1.2"},
	{tls.TLS_RSA_WITH_AES_256_CBC_SHA, "AES256-SHA", "SSLv3", "kRSA RSA aRSA AES AES256 SHA1 SHA HIGH TLSv1 SSLv3"},
	{tls.TLS_RSA_WITH_AES_128_CBC_SHA, "AES128-SHA", "SSLv3", "kRSA RSA aRSA AES AES128 SHA1 SHA HIGH TLSv1 SSLv3"},
	{tls.TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA, "ECDHE-RSA-DES-CBC3-SHA", "TLSv1", "kECDHE ECDHE EECDH aRSA 3DES SHA1 SHA MEDIUM TLSv1 SSLv3"},
	{tls.TLS_RSA_WITH_3DES_EDE_CBC_SHA, "DES-CBC3-SHA", "SSLv3", "kRSA RSA aRSA 3DES SHA1 SHA MEDIUM TLSv1 SSLv3"},
}

// tls13Names are the TLS 1.3 suites; Go always enables all three.
var tls13Names = map[uint16]string{
	tls.TLS_AES_128_GCM_SHA256:       "TLS_AES_128_GCM_SHA256",
	tls.TLS_AES_256_GCM_SHA384:       "TLS_AES_256_GCM_SHA384",
	tls.TLS_CHACHA20_POLY1305_SHA256: "TLS_CHACHA20_POLY1305_SHA256",
}

// openSSLWords are cipher-string words OpenSSL knows that select nothing
// Go implements (anonymous, NULL, DHE, PSK, CAMELLIA...): a list made of
// them is accepted, and leaves no TLS 1.2 suite.
var openSSLWords = []string{"NULL", "ADH", "AECDH", "DHE", "EDH", "PSK", "SRP", "CAMELLIA", "ARIA", "SEED", "IDEA", "RC4", "RC2", "MD5", "CCM", "DES", "AES", "SHA", "ECDSA", "RSA", "DSS", "GOST", "EXPORT", "LOW", "MEDIUM", "HIGH", "ALL", "DEFAULT", "COMPLEMENTOFALL", "COMPLEMENTOFDEFAULT", "eNULL", "aNULL", "kRSA", "aRSA", "ECDHE", "EECDH", "kEECDH", "kECDHE", "CHACHA20", "AESGCM", "TLSv1", "TLSv1.2", "SSLv3"}

func cipherMatches(ci cipherInfo, word string) bool {
	if word == ci.name {
		return true
	}
	switch word {
	case "ALL", "DEFAULT":
		return true
	case "COMPLEMENTOFDEFAULT", "COMPLEMENTOFALL", "eNULL", "NULL", "aNULL", "ADH", "AECDH", "LOW", "EXPORT":
		return false
	}
	for _, t := range strings.Fields(ci.tags) {
		if t == word {
			return true
		}
	}
	return false
}

// parseCipherList applies an OpenSSL cipher string to Go's TLS 1.2
// suites. ok is false when no word names a cipher at all.
func parseCipherList(s string) (ids []uint16, ok bool) {
	var list []cipherInfo
	removed := map[uint16]bool{}
	known := false
	for _, tok := range strings.FieldsFunc(s, func(r rune) bool { return r == ':' || r == ',' || r == ' ' }) {
		if strings.HasPrefix(tok, "@") {
			known = true
			continue
		}
		op := byte(0)
		if tok[0] == '!' || tok[0] == '-' || tok[0] == '+' {
			op = tok[0]
			tok = tok[1:]
		}
		words := strings.Split(tok, "+")
		var sel []cipherInfo
		for _, ci := range cipherTable {
			all := true
			for _, w := range words {
				if !cipherMatches(ci, w) {
					all = false
					break
				}
			}
			if all {
				sel = append(sel, ci)
			}
		}
		if len(sel) > 0 || isOpenSSLWord(tok) {
			known = true
		}
		switch op {
		case '!', '-':
			for _, ci := range sel {
				if op == '!' {
					removed[ci.id] = true
				}
				for i := 0; i < len(list); i++ {
					if list[i].id == ci.id {
						list = append(list[:i], list[i+1:]...)
						i--
					}
				}
			}
		case '+':
			var keep, moved []cipherInfo
			for _, l := range list {
				in := false
				for _, ci := range sel {
					if ci.id == l.id {
						in = true
					}
				}
				if in {
					moved = append(moved, l)
				} else {
					keep = append(keep, l)
				}
			}
			list = append(keep, moved...)
		default:
			for _, ci := range sel {
				if removed[ci.id] {
					continue
				}
				dup := false
				for _, l := range list {
					if l.id == ci.id {
						dup = true
					}
				}
				if !dup {
					list = append(list, ci)
				}
			}
		}
	}
	for _, l := range list {
		ids = append(ids, l.id)
	}
	return ids, known
}

func isOpenSSLWord(tok string) bool {
	for _, part := range strings.FieldsFunc(tok, func(r rune) bool { return r == '-' || r == '+' }) {
		for _, w := range openSSLWords {
			if part == w || strings.HasPrefix(part, w) {
				return true
			}
		}
	}
	return false
}

// cipherName gives a suite's OpenSSL name and version for getCipher.
func cipherName(id uint16) (name, standard, version string) {
	if n, ok := tls13Names[id]; ok {
		return n, n, "TLSv1.3"
	}
	for _, ci := range cipherTable {
		if ci.id == id {
			v := ci.version
			if v == "TLSv1" {
				v = "TLSv1.0"
			}
			return ci.name, tls.CipherSuiteName(id), v
		}
	}
	n := tls.CipherSuiteName(id)
	return n, n, "TLSv1.2"
}

func (b *tlsBinding) ctx(c *qjs.Context, v qjs.Value) *secureContext {
	return b.contexts[v.Int()]
}

func bytesArg(c *qjs.Context, v qjs.Value) ([]byte, bool) {
	if v.IsString() {
		return []byte(c.GoString(v)), true
	}
	if d, ok := c.TypedArrayBytes(v); ok {
		return append([]byte(nil), d...), true
	}
	if d, ok := c.ArrayBufferBytes(v); ok {
		return append([]byte(nil), d...), true
	}
	return nil, false
}

var protoVersions = map[string]uint16{
	"TLSv1":   tls.VersionTLS10,
	"TLSv1.1": tls.VersionTLS11,
	"TLSv1.2": tls.VersionTLS12,
	"TLSv1.3": tls.VersionTLS13,
}

var curveNames = map[string]tls.CurveID{
	"prime256v1": tls.CurveP256, "P-256": tls.CurveP256, "secp256r1": tls.CurveP256,
	"secp384r1": tls.CurveP384, "P-384": tls.CurveP384,
	"secp521r1": tls.CurveP521, "P-521": tls.CurveP521,
	"X25519": tls.X25519, "x25519": tls.X25519,
}

// initContext adds the secure context functions to the binding.
func (b *tlsBinding) initContext(c *qjs.Context, obj qjs.Value) {
	b.contexts = map[int64]*secureContext{}
	binding.Func(c, obj, "ctxNew", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		b.nextCtx++
		sc := &secureContext{minVer: tls.VersionTLS12, maxVer: tls.VersionTLS13, timeout: 300 * time.Second}
		// One ticket key per context, so that its connections can resume
		// each other's sessions.
		sc.rawKeys = make([]byte, 48)
		randRead(sc.rawKeys)
		var k [32]byte
		copy(k[:], sc.rawKeys)
		sc.tickets = [][32]byte{k}
		b.contexts[b.nextCtx] = sc
		return qjs.Int64(b.nextCtx)
	})
	binding.Func(c, obj, "ctxFree", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		delete(b.contexts, qjs.Arg(args, 0).Int())
		return qjs.Undefined
	})
	// ctxSetKey(id, pem, passphrase?)
	binding.Func(c, obj, "ctxSetKey", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := b.ctx(c, qjs.Arg(args, 0))
		data, _ := bytesArg(c, qjs.Arg(args, 1))
		pass := qjs.Arg(args, 2)
		hasPass := pass.IsString()
		k, err := parseKeyPEM(data, c.GoString(pass), hasPass)
		if err != nil {
			var oe osslError
			if errors.As(err, &oe) {
				return throwOSSL(c, oe)
			}
			return c.ThrowError(err)
		}
		s.keys = append(s.keys, k)
		if err := s.pair(); err != nil {
			s.keys = s.keys[:len(s.keys)-1]
			return throwOSSL(c, err.(osslError))
		}
		return qjs.Undefined
	})
	// ctxSetCert(id, pem): a leaf and its chain.
	binding.Func(c, obj, "ctxSetCert", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := b.ctx(c, qjs.Arg(args, 0))
		data, _ := bytesArg(c, qjs.Arg(args, 1))
		certs, err := parseCertsPEM(data)
		if err != nil {
			return throwOSSL(c, err.(osslError))
		}
		s.chains = append(s.chains, certs)
		if err := s.pair(); err != nil {
			s.chains = s.chains[:len(s.chains)-1]
			s.pair()
			return throwOSSL(c, err.(osslError))
		}
		return qjs.Undefined
	})
	// ctxAddCACert(id, pem)
	binding.Func(c, obj, "ctxAddCACert", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := b.ctx(c, qjs.Arg(args, 0))
		data, _ := bytesArg(c, qjs.Arg(args, 1))
		certs, _ := parseCertsPEM(data)
		s.caSet = true
		s.ca = append(s.ca, certs...)
		return qjs.Undefined
	})
	// ctxSetCiphers(id, openSSLList, hasTLS13Suites)
	binding.Func(c, obj, "ctxSetCiphers", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := b.ctx(c, qjs.Arg(args, 0))
		list := c.GoString(qjs.Arg(args, 1))
		has13 := c.ToBool(qjs.Arg(args, 2))
		ids, known := parseCipherList(list)
		if !known && !has13 {
			return throwOSSL(c, errNoCipherMatch)
		}
		if len(ids) == 0 {
			// No TLS 1.2 suite: an unknown id keeps Go from falling
			// back to its defaults.
			ids = []uint16{0}
		}
		s.suites = ids
		return qjs.Undefined
	})
	// ctxSetHonorCipherOrder(id, bool): a server's choice of suite.
	binding.Func(c, obj, "ctxSetHonorCipherOrder", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := b.ctx(c, qjs.Arg(args, 0))
		s.honorOrder = c.ToBool(qjs.Arg(args, 1))
		return qjs.Undefined
	})
	// ctxSetProto(id, min, max): version names, or "" to keep.
	binding.Func(c, obj, "ctxSetProto", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := b.ctx(c, qjs.Arg(args, 0))
		if v, ok := protoVersions[c.GoString(qjs.Arg(args, 1))]; ok {
			s.minVer = v
		}
		if v, ok := protoVersions[c.GoString(qjs.Arg(args, 2))]; ok {
			s.maxVer = v
		}
		return qjs.Undefined
	})
	// ctxSetECDHCurve(id, "a:b") -> false when a name is unknown.
	binding.Func(c, obj, "ctxSetECDHCurve", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := b.ctx(c, qjs.Arg(args, 0))
		name := c.GoString(qjs.Arg(args, 1))
		if name == "auto" {
			s.curves = nil
			return qjs.Bool(true)
		}
		var out []tls.CurveID
		for _, n := range strings.Split(name, ":") {
			id, ok := curveNames[n]
			if !ok {
				return qjs.Bool(false)
			}
			out = append(out, id)
		}
		s.curves = out
		return qjs.Bool(true)
	})
	// ctxSetTicketKeys(id, 48 bytes)
	binding.Func(c, obj, "ctxSetTicketKeys", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := b.ctx(c, qjs.Arg(args, 0))
		d, _ := bytesArg(c, qjs.Arg(args, 1))
		s.rawKeys = d
		var k [32]byte
		copy(k[:], d)
		s.tickets = [][32]byte{k}
		return qjs.Undefined
	})
	binding.Func(c, obj, "ctxGetTicketKeys", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := b.ctx(c, qjs.Arg(args, 0))
		if s.rawKeys == nil {
			s.rawKeys = make([]byte, 48)
			randRead(s.rawKeys)
			var k [32]byte
			copy(k[:], s.rawKeys)
			s.tickets = [][32]byte{k}
		}
		return c.Uint8Array(s.rawKeys)
	})
	binding.Func(c, obj, "ctxSetSessionTimeout", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := b.ctx(c, qjs.Arg(args, 0))
		s.timeout = time.Duration(qjs.Arg(args, 1).Int()) * time.Second
		return qjs.Undefined
	})
	// ctxGetCertificate(id) -> DER of the first certificate, or null.
	binding.Func(c, obj, "ctxGetCertificate", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := b.ctx(c, qjs.Arg(args, 0))
		if s == nil || len(s.chains) == 0 {
			return qjs.Null
		}
		return c.Uint8Array(s.chains[0][0].Raw)
	})
	// certInfo(der) -> the getPeerCertificate object of one certificate.
	binding.Func(c, obj, "certInfo", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		d, _ := bytesArg(c, qjs.Arg(args, 0))
		cert, err := parseCert(d)
		if err != nil {
			return qjs.Null
		}
		return certValue(c, cert)
	})
	// startLoadingCertificates(useSystem): read the root stores ahead.
	binding.Func(c, obj, "startLoadingCertificates", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		startLoading(c.ToBool(qjs.Arg(args, 0)))
		return qjs.Undefined
	})
	// getCACertificates(type, useSystem) -> PEM strings.
	binding.Func(c, obj, "getCACertificates", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		var certs []*x509.Certificate
		switch c.GoString(qjs.Arg(args, 0)) {
		case "bundled":
			certs = bundledCerts()
		case "system":
			certs = systemCerts()
		case "extra":
			certs = extraCerts()
		default:
			certs, _ = defaultSet(c.ToBool(qjs.Arg(args, 1)))
		}
		return c.StringArray(pemOf(certs))
	})
	// setDefaultCACertificates(array of PEM) -> count; throws on a bad one.
	binding.Func(c, obj, "setDefaultCACertificates", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		var all []*x509.Certificate
		for _, p := range pemList(c, qjs.Arg(args, 0)) {
			certs, err := parseCertsPEM(p)
			if err == errUnsupported {
				return throwOSSL(c, errPEMASN1)
			}
			if len(certs) == 0 {
				if der, err2 := x509.ParseCertificate(p); err2 == nil {
					certs = []*x509.Certificate{der}
				}
			}
			all = append(all, certs...)
		}
		if len(all) == 0 && len(pemList(c, qjs.Arg(args, 0))) > 0 {
			return binding.ThrowCode(c, "Error", "ERR_CRYPTO_OPERATION_FAILED", "No valid certificates found in the provided array")
		}
		defaultCAs.mu.Lock()
		defaultCAs.set = true
		defaultCAs.certs = dedupe(all)
		defaultCAs.pool = nil
		defaultCAs.mu.Unlock()
		return qjs.Int32(int32(len(all)))
	})
}

// config makes the tls.Config an engine starts from.
func (s *secureContext) config(isServer, useSystem bool) *tls.Config {
	cfg := &tls.Config{
		InsecureSkipVerify: true,
		MinVersion:         s.minVer,
		MaxVersion:         s.maxVer,
		CipherSuites:       s.suites,
		CurvePreferences:   s.curves,
	}
	for _, p := range s.pairs {
		cfg.Certificates = append(cfg.Certificates, s.autoChain(p))
	}
	var pool *x509.CertPool
	if s.caSet {
		pool = x509.NewCertPool()
		for _, c := range s.ca {
			pool.AddCert(c)
		}
	} else {
		pool = defaultPool(useSystem)
	}
	if isServer {
		cfg.ClientCAs = pool
		if len(s.tickets) > 0 {
			cfg.SetSessionTicketKeys(s.tickets)
		}
	} else {
		cfg.RootCAs = pool
	}
	return cfg
}

// autoChain appends to a lone certificate its issuers found among the
// context's CAs, as OpenSSL builds the chain a peer is sent.
func (s *secureContext) autoChain(p tls.Certificate) tls.Certificate {
	if len(p.Certificate) != 1 || len(s.ca) == 0 || p.Leaf == nil {
		return p
	}
	out := p
	out.Certificate = append([][]byte(nil), p.Certificate...)
	cur := p.Leaf
	for i := 0; i < 8; i++ {
		if bytes.Equal(cur.RawIssuer, cur.RawSubject) {
			break
		}
		var next *x509.Certificate
		for _, c := range s.ca {
			if bytes.Equal(c.RawSubject, cur.RawIssuer) && cur.CheckSignatureFrom(c) == nil {
				next = c
				break
			}
		}
		if next == nil {
			break
		}
		out.Certificate = append(out.Certificate, next.Raw)
		cur = next
	}
	return out
}
