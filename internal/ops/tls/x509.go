package tls

import (
	"crypto/x509"

	"github.com/gonode/gonode/internal/ops/crypto"
	"github.com/gonode/gonode/internal/qjs"
)

// certValue is the object getPeerCertificate and getCertificate return;
// the crypto package presents it (the same object as
// X509Certificate#toLegacyObject()).
func certValue(c *qjs.Context, cert *x509.Certificate) qjs.Value {
	return crypto.LegacyObject(c, cert)
}

// chainValue returns the certificate objects of a chain, leaf first, as
// an array; JS links issuerCertificate.
func chainValue(c *qjs.Context, chain []*x509.Certificate) qjs.Value {
	arr := c.Array()
	for i, cert := range chain {
		c.SetIndex(arr, uint32(i), certValue(c, cert))
	}
	return arr
}

// orderChain follows issuers from the leaf through the certificates the
// peer sent and, when known, the verified chain.
func orderChain(peer []*x509.Certificate, verified []*x509.Certificate) []*x509.Certificate {
	if len(verified) > 0 {
		return verified
	}
	if len(peer) == 0 {
		return nil
	}
	out := []*x509.Certificate{peer[0]}
	used := map[int]bool{0: true}
	for {
		last := out[len(out)-1]
		if string(last.RawIssuer) == string(last.RawSubject) {
			break
		}
		found := false
		for i, p := range peer {
			if !used[i] && string(p.RawSubject) == string(last.RawIssuer) {
				used[i] = true
				out = append(out, p)
				found = true
				break
			}
		}
		if !found {
			break
		}
	}
	return out
}

// parseCert parses one certificate as the crypto package does (leniently
// about extensions Go rejects).
func parseCert(der []byte) (*x509.Certificate, error) {
	return crypto.ParseCertificate(der)
}
