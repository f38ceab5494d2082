package tls

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
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

func TestAltnamesReason(t *testing.T) {
	cert := makeCert(t, time.Now().Add(time.Hour))
	got := altnamesReason("example.com", cert)
	want := "Host: example.com. is not in the cert's altnames: DNS:localhost, IP Address:127.0.0.1"
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if got := altnamesReason("10.0.0.1", cert); !strings.HasPrefix(got, "IP: 10.0.0.1 is not in the cert's list:") {
		t.Errorf("ip reason %q", got)
	}
	if fp := fingerprint([]byte{0xab, 0x01}); fp != "AB:01" {
		t.Errorf("fingerprint %q", fp)
	}
}
