package crypto

import (
	"crypto/rand"
	"crypto/x509/pkix"
	"encoding/asn1"
	"math/big"
)

// Finite-field Diffie-Hellman key objects (generateKeyPair('dh')), in
// PKCS#3 form: PKCS#8 and SPKI with the dhKeyAgreement OID.

var oidDHKeyAgreement = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 3, 1}

// DHPublicKey is a DH public value with its group.
type DHPublicKey struct{ P, G, Y *big.Int }

// DHPrivateKey is a DH private value with its public half.
type DHPrivateKey struct {
	DHPublicKey
	X *big.Int
}

type dhGroupParams struct {
	P, G *big.Int
}

func dhAlgo(p, g *big.Int) pkix.AlgorithmIdentifier {
	b, _ := asn1.Marshal(dhGroupParams{p, g})
	return pkix.AlgorithmIdentifier{Algorithm: oidDHKeyAgreement, Parameters: asn1.RawValue{FullBytes: b}}
}

func marshalDHPKCS8(k *DHPrivateKey) ([]byte, error) {
	x, _ := asn1.Marshal(k.X)
	return asn1.Marshal(pkcs8{Algo: dhAlgo(k.P, k.G), PrivateKey: x})
}

func marshalDHSPKI(k *DHPublicKey) ([]byte, error) {
	y, _ := asn1.Marshal(k.Y)
	return asn1.Marshal(spki{Algo: dhAlgo(k.P, k.G), PublicKey: asn1.BitString{Bytes: y, BitLength: 8 * len(y)}})
}

func parseDHPKCS8(p pkcs8) (*Key, error) {
	var params dhGroupParams
	if _, err := asn1.Unmarshal(p.Algo.Parameters.FullBytes, &params); err != nil {
		return nil, errDecoder()
	}
	x := new(big.Int)
	if _, err := asn1.Unmarshal(p.PrivateKey, &x); err != nil {
		return nil, errDecoder()
	}
	priv := &DHPrivateKey{DHPublicKey{params.P, params.G, new(big.Int).Exp(params.G, x, params.P)}, x}
	return &Key{Kind: "dh", Priv: priv, Pub: &priv.DHPublicKey}, nil
}

func parseDHSPKI(s spki) (*Key, error) {
	var params dhGroupParams
	if _, err := asn1.Unmarshal(s.Algo.Parameters.FullBytes, &params); err != nil {
		return nil, errDecoder()
	}
	y := new(big.Int)
	if _, err := asn1.Unmarshal(s.PublicKey.RightAlign(), &y); err != nil {
		return nil, errDecoder()
	}
	return &Key{Kind: "dh", Pub: &DHPublicKey{params.P, params.G, y}}, nil
}

// generateDHKey makes a DH key pair over a named group, a given prime, or
// a new safe prime of primeLength bits.
func generateDHKey(opts map[string]any) (*Key, error) {
	g := big.NewInt(2)
	if f, ok := opts["generator"].(float64); ok {
		g = big.NewInt(int64(f))
	}
	var p *big.Int
	switch {
	case opts["group"] != nil:
		name, _ := opts["group"].(string)
		b := ModpGroup(name)
		if b == nil {
			return nil, errCode("Error", "ERR_CRYPTO_UNKNOWN_DH_GROUP", "Unknown DH group")
		}
		p = new(big.Int).SetBytes(b)
	case opts["prime"] != nil:
		b, _ := opts["prime"].([]byte)
		p = new(big.Int).SetBytes(b)
	default:
		bits, _ := opts["primeLength"].(float64)
		b, err := SafePrime(int(bits), int(g.Int64()))
		if err != nil {
			return nil, err
		}
		p = new(big.Int).SetBytes(b)
	}
	x, err := rand.Int(rand.Reader, new(big.Int).Sub(p, big.NewInt(3)))
	if err != nil {
		return nil, err
	}
	x.Add(x, big.NewInt(2))
	priv := &DHPrivateKey{DHPublicKey{p, g, new(big.Int).Exp(g, x, p)}, x}
	return &Key{Kind: "dh", Priv: priv, Pub: &priv.DHPublicKey}, nil
}

// dhKeySecret computes the shared secret of two DH key objects.
func dhKeySecret(priv, pub *Key) ([]byte, error) {
	a, ok1 := priv.Priv.(*DHPrivateKey)
	b, ok2 := pub.Pub.(*DHPublicKey)
	if !ok1 || !ok2 || a.P.Cmp(b.P) != 0 || a.G.Cmp(b.G) != 0 {
		return nil, errCode("Error", "ERR_CRYPTO_INCOMPATIBLE_KEY", "Incompatible key types for Diffie-Hellman: dh and dh")
	}
	s := new(big.Int).Exp(b.Y, a.X, a.P)
	return padBytes(s.Bytes(), (a.P.BitLen()+7)/8), nil
}
