package crypto

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

func legacyTestCert(t *testing.T) *x509.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(42),
		Subject: pkix.Name{CommonName: "localhost", Organization: []string{"a, b"},
			OrganizationalUnit: []string{"u1", "u2"}},
		NotBefore:      time.Now().Add(-time.Hour),
		NotAfter:       time.Now().Add(time.Hour),
		DNSNames:       []string{"localhost", "x,y"},
		EmailAddresses: []string{"a@b.c"},
		IPAddresses:    []net.IP{net.ParseIP("127.0.0.1"), net.ParseIP("::1")},
		ExtKeyUsage:    []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		OCSPServer:     []string{"http://ocsp/"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	c, err := ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestLegacyPresenter(t *testing.T) {
	c := legacyTestCert(t)
	san, ok := sanString(c)
	want := `DNS:localhost, DNS:"x\u002cy", email:a@b.c, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1`
	if !ok || san != want {
		t.Errorf("san %q, want %q", san, want)
	}
	if ia, _ := infoAccessText(c); ia != "OCSP - URI:http://ocsp/" {
		t.Errorf("infoAccess %q", ia)
	}
	if s := formatName(c.RawSubject); s != "O=a\\, b\nOU=u1 + OU=u2\nCN=localhost" {
		t.Errorf("subject %q", s)
	}
	o := legacyInfo(c)
	var keys []string
	for _, e := range o {
		keys = append(keys, e.k)
	}
	wantKeys := "subject issuer subjectaltname infoAccess ca pubkey bits valid_from valid_to fingerprint fingerprint256 fingerprint512 ext_key_usage serialNumber raw asn1Curve nistCurve"
	if got := strings.Join(keys, " "); got != wantKeys {
		t.Errorf("keys %q", got)
	}
	subj := o[0].v.(nullProto)
	if subj[1].k != "OU" || len(subj[1].v.([]any)) != 2 || subj[0].v != "a, b" {
		t.Errorf("subject object %#v", subj)
	}
}

func TestAltNameEscaping(t *testing.T) {
	for _, tc := range []struct {
		prefix, in string
		utf8       bool
		want       string
	}{
		{"", "http://example.com/", false, "http://example.com/"},
		{"", "a,b", false, `"a\u002cb"`},
		{"", "ex\xe4mple", false, `"ex\u00e4mple"`},
		{"", `"q"`, false, `"\"q\""`},
		{"XmppAddr", "a\x00b", true, `"XmppAddr:a\u0000b"`},
		{"", "M\xc3\xbcnchen,", true, "\"M\xc3\xbcnchen\\u002c\""},
	} {
		if got := altName(tc.prefix, tc.in, tc.utf8); got != tc.want {
			t.Errorf("altName(%q, %q) = %q, want %q", tc.prefix, tc.in, got, tc.want)
		}
	}
	if got := escape2253(" a+b "); got != `\ a\+b\ ` {
		t.Errorf("escape2253 %q", got)
	}
}
