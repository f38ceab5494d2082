package tls

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"net"
	"strings"
	"testing"
	"time"
)

func makeCert(t *testing.T, notAfter time.Time) *x509.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(42),
		Subject:               pkix.Name{CommonName: "localhost"},
		NotBefore:             time.Now().Add(-48 * time.Hour),
		NotAfter:              notAfter,
		DNSNames:              []string{"localhost"},
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA:                  true,
		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// verify runs the engine's peer check on cert with roots.
func verify(t *testing.T, cert *x509.Certificate, roots *x509.CertPool) *engine {
	t.Helper()
	e := &engine{}
	if err := e.verifyPeer(roots, "")([][]byte{cert.Raw}, nil); err != nil {
		t.Fatal(err)
	}
	return e
}

func TestVerifyPeer(t *testing.T) {
	cert := makeCert(t, time.Now().Add(time.Hour))
	if e := verify(t, cert, x509.NewCertPool()); e.authorized || e.authErr != "DEPTH_ZERO_SELF_SIGNED_CERT" {
		t.Errorf("untrusted self-signed: authorized=%v err=%q", e.authorized, e.authErr)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	if e := verify(t, cert, pool); !e.authorized || e.authErr != "" {
		t.Errorf("trusted: authorized=%v err=%q", e.authorized, e.authErr)
	}
	expired := makeCert(t, time.Now().Add(-time.Hour))
	pool2 := x509.NewCertPool()
	pool2.AddCert(expired)
	if e := verify(t, expired, pool2); e.authorized || e.authErr != "CERT_HAS_EXPIRED" {
		t.Errorf("expired: authorized=%v err=%q", e.authorized, e.authErr)
	}
}

func TestParseCipherList(t *testing.T) {
	ids, ok := parseCipherList("ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA")
	if !ok || len(ids) != 2 || ids[0] != 0xc02f || ids[1] != 0x002f {
		t.Errorf("explicit list: %x %v", ids, ok)
	}
	if _, ok := parseCipherList("no-such-cipher"); ok {
		t.Error("no-such-cipher accepted")
	}
	if ids, ok := parseCipherList("AECDH-NULL-SHA"); !ok || len(ids) != 0 {
		t.Errorf("known OpenSSL name without a Go suite: %x %v", ids, ok)
	}
	ids, _ = parseCipherList("ECDHE+AESGCM:!aECDSA")
	for _, id := range ids {
		if name, _, _ := cipherName(id); !strings.HasPrefix(name, "ECDHE-RSA-AES") || !strings.Contains(name, "GCM") {
			t.Errorf("ECDHE+AESGCM:!aECDSA selected %s", name)
		}
	}
	if len(ids) != 2 {
		t.Errorf("ECDHE+AESGCM:!aECDSA: %d suites", len(ids))
	}
}

func TestChooseSuite(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	server, _ := parseCipherList("ECDHE-RSA-AES128-GCM-SHA256:AES128-GCM-SHA256:ECDHE-ECDSA-AES128-GCM-SHA256:AES128-SHA256")
	sc := &secureContext{suites: server, pairs: []tls.Certificate{{PrivateKey: key}}}
	client, _ := parseCipherList("ECDHE-ECDSA-AES128-GCM-SHA256:AES128-SHA256:AES128-GCM-SHA256")
	name := func(id uint16) string { n, _, _ := cipherName(id); return n }
	if id, ok := chooseSuite(sc, client); !ok || name(id) != "AES128-SHA256" {
		t.Errorf("client order: %s %v", name(id), ok)
	}
	sc.honorOrder = true
	if id, ok := chooseSuite(sc, client); !ok || name(id) != "AES128-GCM-SHA256" {
		t.Errorf("server order: %s %v", name(id), ok)
	}
	if _, ok := chooseSuite(&secureContext{suites: server}, client); ok {
		t.Error("chose a suite without a key")
	}
}

func TestVerifyCodeChain(t *testing.T) {
	mk := func(subject, issuer string) *x509.Certificate {
		return &x509.Certificate{RawSubject: []byte(subject), RawIssuer: []byte(issuer)}
	}
	leaf, inter, root := mk("leaf", "inter"), mk("inter", "root"), mk("root", "root")
	err := x509.UnknownAuthorityError{}
	for _, tc := range []struct {
		certs []*x509.Certificate
		want  string
	}{
		{[]*x509.Certificate{mk("self", "self")}, "DEPTH_ZERO_SELF_SIGNED_CERT"},
		{[]*x509.Certificate{leaf}, "UNABLE_TO_VERIFY_LEAF_SIGNATURE"},
		{[]*x509.Certificate{leaf, inter}, "UNABLE_TO_GET_ISSUER_CERT_LOCALLY"},
		{[]*x509.Certificate{leaf, root, inter}, "SELF_SIGNED_CERT_IN_CHAIN"},
	} {
		if got := verifyCode(tc.certs, err); got != tc.want {
			t.Errorf("%d certs: got %s, want %s", len(tc.certs), got, tc.want)
		}
	}
}
