package crypto

import (
	"crypto/dsa" //nolint:staticcheck // Node still offers DSA keys
	"crypto/rand"
	"crypto/x509/pkix"
	"encoding/asn1"
	"math/big"
)

var oidDSA = asn1.ObjectIdentifier{1, 2, 840, 10040, 4, 1}

type dsaParams struct{ P, Q, G *big.Int }

// dsaTraditional is OpenSSL's "DSA PRIVATE KEY" structure.
type dsaTraditional struct {
	Version       int
	P, Q, G, Y, X *big.Int
}

func dsaKeyFromParts(p, q, g, x *big.Int) *Key {
	y := new(big.Int).Exp(g, x, p)
	priv := &dsa.PrivateKey{PublicKey: dsa.PublicKey{Parameters: dsa.Parameters{P: p, Q: q, G: g}, Y: y}, X: x}
	return &Key{Kind: "dsa", Priv: priv, Pub: &priv.PublicKey}
}

// parseDSAPKCS8 reads the inside of a PKCS#8 DSA key.
func parseDSAPKCS8(p pkcs8) (*Key, error) {
	var params dsaParams
	if _, err := asn1.Unmarshal(p.Algo.Parameters.FullBytes, &params); err != nil {
		return nil, errDecoder()
	}
	x := new(big.Int)
	if _, err := asn1.Unmarshal(p.PrivateKey, &x); err != nil {
		return nil, errDecoder()
	}
	return dsaKeyFromParts(params.P, params.Q, params.G, x), nil
}

func parseDSATraditional(der []byte) (*Key, error) {
	var t dsaTraditional
	if _, err := asn1.Unmarshal(der, &t); err != nil {
		return nil, errDecoder()
	}
	return dsaKeyFromParts(t.P, t.Q, t.G, t.X), nil
}

func dsaAlgo(pp dsa.Parameters) pkix.AlgorithmIdentifier {
	b, _ := asn1.Marshal(dsaParams{pp.P, pp.Q, pp.G})
	return pkix.AlgorithmIdentifier{Algorithm: oidDSA, Parameters: asn1.RawValue{FullBytes: b}}
}

func marshalDSAPKCS8(k *dsa.PrivateKey) ([]byte, error) {
	x, _ := asn1.Marshal(k.X)
	return asn1.Marshal(pkcs8{Algo: dsaAlgo(k.Parameters), PrivateKey: x})
}

func marshalDSASPKI(k *dsa.PublicKey) ([]byte, error) {
	y, _ := asn1.Marshal(k.Y)
	return asn1.Marshal(spki{Algo: dsaAlgo(k.Parameters), PublicKey: asn1.BitString{Bytes: y, BitLength: 8 * len(y)}})
}

// truncateHash keeps the leftmost bits of a digest that fit the group
// order, as FIPS 186 says.
func truncateHash(h []byte, q *big.Int) []byte {
	n := (q.BitLen() + 7) / 8
	if len(h) > n {
		h = h[:n]
	}
	return h
}

func dsaSign(k *dsa.PrivateKey, digest []byte, p1363 bool) ([]byte, error) {
	r, s, err := dsa.Sign(rand.Reader, k, truncateHash(digest, k.Q))
	if err != nil {
		return nil, err
	}
	if p1363 {
		n := (k.Q.BitLen() + 7) / 8
		return append(padBytes(r.Bytes(), n), padBytes(s.Bytes(), n)...), nil
	}
	return asn1.Marshal(ecdsaSig{r, s})
}

func dsaVerify(k *dsa.PublicKey, digest, sig []byte, p1363 bool) bool {
	var es ecdsaSig
	if p1363 {
		n := (k.Q.BitLen() + 7) / 8
		if len(sig) != 2*n {
			return false
		}
		es = ecdsaSig{new(big.Int).SetBytes(sig[:n]), new(big.Int).SetBytes(sig[n:])}
	} else if rest, err := asn1.Unmarshal(sig, &es); err != nil || len(rest) != 0 {
		return false
	}
	return dsa.Verify(k, truncateHash(digest, k.Q), es.R, es.S)
}

// generateDSA makes DSA parameters with an L-bit p and N-bit q (any sizes,
// as OpenSSL allows) and a key pair over them.
func generateDSA(l, n int) (*Key, error) {
	if n <= 0 {
		// OpenSSL 3's defaults.
		n = 256
		if l < 2048 {
			n = 224
		}
	}
	if l < 512 || n >= l {
		return nil, errSSL("0A000079", "dsa routines", "bad ffc parameters")
	}
	one := big.NewInt(1)
	q, err := rand.Prime(rand.Reader, n)
	if err != nil {
		return nil, err
	}
	twoQ := new(big.Int).Lsh(q, 1)
	var p *big.Int
	for p == nil {
		x, err := rand.Int(rand.Reader, new(big.Int).Lsh(one, uint(l)))
		if err != nil {
			return nil, err
		}
		x.SetBit(x, l-1, 1)
		c := new(big.Int).Mod(x, twoQ)
		cand := x.Sub(x, c).Add(x, one)
		if cand.BitLen() == l && cand.ProbablyPrime(20) {
			p = cand
		}
	}
	e := new(big.Int).Div(new(big.Int).Sub(p, one), q)
	var g *big.Int
	for h := int64(2); ; h++ {
		g = new(big.Int).Exp(big.NewInt(h), e, p)
		if g.Cmp(one) != 0 {
			break
		}
	}
	x, err := rand.Int(rand.Reader, new(big.Int).Sub(q, one))
	if err != nil {
		return nil, err
	}
	x.Add(x, one)
	return dsaKeyFromParts(p, q, g, x), nil
}
