package crypto

import (
	"crypto/rand"
	"crypto/x509/pkix"
	"encoding/asn1"
	"math/big"
)

// secp256k1 keys, which crypto/ecdsa does not offer: EC key objects whose
// arithmetic is the big-integer curve code of createECDH.

var oidSecp256k1 = asn1.ObjectIdentifier{1, 3, 132, 0, 10}

// K1PublicKey is a secp256k1 public point.
type K1PublicKey struct{ X, Y *big.Int }

// K1PrivateKey is a secp256k1 private scalar with its public point.
type K1PrivateKey struct {
	K1PublicKey
	D *big.Int
}

func k1Curve() *ecCurve { return ecCurveByName("secp256k1") }

func newK1Private(d *big.Int) (*Key, error) {
	c := k1Curve()
	if d.Sign() <= 0 || d.Cmp(c.n) >= 0 {
		return nil, errDecoder()
	}
	p := c.mul(point{c.gx, c.gy}, d)
	priv := &K1PrivateKey{K1PublicKey{p.x, p.y}, d}
	return &Key{Kind: "ec", Priv: priv, Pub: &priv.K1PublicKey}, nil
}

func newK1Public(b []byte) (*Key, error) {
	pt, ok := k1Curve().decode(b)
	if !ok {
		return nil, errDecoder()
	}
	return &Key{Kind: "ec", Pub: &K1PublicKey{pt.x, pt.y}}, nil
}

func (p *K1PublicKey) bytes() []byte { return k1Curve().encode(point{p.X, p.Y}, "uncompressed") }

func k1Algo() pkix.AlgorithmIdentifier {
	return pkix.AlgorithmIdentifier{Algorithm: oidECPublicKey, Parameters: asn1.RawValue{FullBytes: oidBytes(oidSecp256k1)}}
}

// isK1Params reports whether algorithm parameters name secp256k1.
func isK1Params(raw asn1.RawValue) bool {
	var oid asn1.ObjectIdentifier
	_, err := asn1.Unmarshal(raw.FullBytes, &oid)
	return err == nil && oid.Equal(oidSecp256k1)
}

// parseK1SEC1 reads an ECPrivateKey on secp256k1 (the curve may be named
// in its [0] field or known from the PKCS#8 wrapper).
func parseK1SEC1(der []byte) (*Key, error) {
	var k ecPrivateKeyFields
	if _, err := asn1.Unmarshal(der, &k); err != nil {
		return nil, errDecoder()
	}
	return newK1Private(new(big.Int).SetBytes(k.PrivateKey))
}

// sec1IsK1 reports whether a SEC1 key names secp256k1.
func sec1IsK1(der []byte) bool {
	var k ecPrivateKeyFields
	if _, err := asn1.Unmarshal(der, &k); err != nil || len(k.Params.Bytes) == 0 {
		return false
	}
	var oid asn1.ObjectIdentifier
	_, err := asn1.Unmarshal(k.Params.Bytes, &oid)
	return err == nil && oid.Equal(oidSecp256k1)
}

func marshalK1SEC1(k *K1PrivateKey, withParams bool) []byte {
	pub := k.bytes()
	v := struct {
		Version    int
		PrivateKey []byte
		Params     asn1.ObjectIdentifier `asn1:"optional,explicit,tag:0"`
		PublicKey  asn1.BitString        `asn1:"optional,explicit,tag:1"`
	}{1, padBytes(k.D.Bytes(), 32), nil, asn1.BitString{Bytes: pub, BitLength: 8 * len(pub)}}
	if withParams {
		v.Params = oidSecp256k1
	}
	b, _ := asn1.Marshal(v)
	return b
}

func marshalK1PKCS8(k *K1PrivateKey) ([]byte, error) {
	return asn1.Marshal(pkcs8{Algo: k1Algo(), PrivateKey: marshalK1SEC1(k, false)})
}

func marshalK1SPKI(k *K1PublicKey) ([]byte, error) {
	b := k.bytes()
	return asn1.Marshal(spki{Algo: k1Algo(), PublicKey: asn1.BitString{Bytes: b, BitLength: 8 * len(b)}})
}

func k1Hash(digest []byte, n *big.Int) *big.Int {
	z := new(big.Int).SetBytes(digest)
	if excess := len(digest)*8 - n.BitLen(); excess > 0 {
		z.Rsh(z, uint(excess))
	}
	return z
}

func k1Sign(k *K1PrivateKey, digest []byte, p1363 bool) ([]byte, error) {
	c := k1Curve()
	z := k1Hash(digest, c.n)
	for {
		r0, err := rand.Int(rand.Reader, new(big.Int).Sub(c.n, big.NewInt(1)))
		if err != nil {
			return nil, err
		}
		kk := r0.Add(r0, big.NewInt(1))
		p := c.mul(point{c.gx, c.gy}, kk)
		r := new(big.Int).Mod(p.x, c.n)
		if r.Sign() == 0 {
			continue
		}
		s := new(big.Int).Mul(r, k.D)
		s.Add(s, z).Mul(s, new(big.Int).ModInverse(kk, c.n)).Mod(s, c.n)
		if s.Sign() == 0 {
			continue
		}
		if p1363 {
			return append(padBytes(r.Bytes(), 32), padBytes(s.Bytes(), 32)...), nil
		}
		return asn1.Marshal(ecdsaSig{r, s})
	}
}

func k1Verify(k *K1PublicKey, digest, sig []byte, p1363 bool) bool {
	c := k1Curve()
	var es ecdsaSig
	if p1363 {
		if len(sig) != 64 {
			return false
		}
		es = ecdsaSig{new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:])}
	} else if rest, err := asn1.Unmarshal(sig, &es); err != nil || len(rest) != 0 {
		return false
	}
	if es.R.Sign() <= 0 || es.S.Sign() <= 0 || es.R.Cmp(c.n) >= 0 || es.S.Cmp(c.n) >= 0 {
		return false
	}
	w := new(big.Int).ModInverse(es.S, c.n)
	u1 := new(big.Int).Mul(k1Hash(digest, c.n), w)
	u1.Mod(u1, c.n)
	u2 := new(big.Int).Mul(es.R, w)
	u2.Mod(u2, c.n)
	p := c.add(c.mul(point{c.gx, c.gy}, u1), c.mul(point{k.X, k.Y}, u2))
	if p.x == nil {
		return false
	}
	return new(big.Int).Mod(p.x, c.n).Cmp(es.R) == 0
}

func generateK1() (*Key, error) {
	c := k1Curve()
	d, err := rand.Int(rand.Reader, new(big.Int).Sub(c.n, big.NewInt(1)))
	if err != nil {
		return nil, err
	}
	return newK1Private(d.Add(d, big.NewInt(1)))
}

func k1Secret(priv *K1PrivateKey, pub *K1PublicKey) []byte {
	p := k1Curve().mul(point{pub.X, pub.Y}, priv.D)
	return padBytes(p.x.Bytes(), 32)
}
