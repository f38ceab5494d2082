package crypto

import (
	"crypto/elliptic"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/hex"
	"math/big"
)

// EC keys with explicit curve parameters (paramEncoding 'explicit'): Go's
// x509 reads only named curves, so explicit parameters are matched to the
// named curve they describe on the way in and written out again on the
// way out.

var (
	oidECPublicKey = asn1.ObjectIdentifier{1, 2, 840, 10045, 2, 1}
	oidPrimeField  = asn1.ObjectIdentifier{1, 2, 840, 10045, 1, 1}
	curveOIDs      = map[string]asn1.ObjectIdentifier{
		"P-224": {1, 3, 132, 0, 33}, "P-256": {1, 2, 840, 10045, 3, 1, 7},
		"P-384": {1, 3, 132, 0, 34}, "P-521": {1, 3, 132, 0, 35},
	}
)

type fieldID struct {
	Type  asn1.ObjectIdentifier
	Prime *big.Int
}

type curveAB struct {
	A, B []byte
	Seed asn1.BitString `asn1:"optional"`
}

type ecParameters struct {
	Version  int
	Field    fieldID
	Curve    curveAB
	Base     []byte
	Order    *big.Int
	Cofactor *big.Int `asn1:"optional"`
}

// curveSeeds are the SEC 2 seeds OpenSSL writes with explicit parameters.
var curveSeeds = map[string]string{
	"P-224": "bd71344799d5c7fcdc45b59fa3b9ab8f6a948bc5",
	"P-256": "c49d360886e704936a6678e1139d26b7819f7e90",
	"P-384": "a335926aa319a27a1d00896a6773a4827acdac73",
	"P-521": "d09e8800291cb85396cc6717393284aaa0da64ba",
}

var namedCurves = []elliptic.Curve{elliptic.P224(), elliptic.P256(), elliptic.P384(), elliptic.P521()}

// explicitParams encodes curve c as ECParameters.
func explicitParams(c elliptic.Curve) []byte {
	p := c.Params()
	n := (p.BitSize + 7) / 8
	a := new(big.Int).Sub(p.P, big.NewInt(3))
	base := append(append([]byte{4}, padBytes(p.Gx.Bytes(), n)...), padBytes(p.Gy.Bytes(), n)...)
	seed, _ := hex.DecodeString(curveSeeds[p.Name])
	b, _ := asn1.Marshal(ecParameters{
		Version:  1,
		Field:    fieldID{oidPrimeField, p.P},
		Curve:    curveAB{A: padBytes(a.Bytes(), n), B: padBytes(p.B.Bytes(), n), Seed: asn1.BitString{Bytes: seed, BitLength: 8 * len(seed)}},
		Base:     base,
		Order:    p.N,
		Cofactor: big.NewInt(1),
	})
	return b
}

// namedFromExplicit returns the OID of the named curve that explicit
// ECParameters describe, or nil.
func namedFromExplicit(raw []byte) (asn1.ObjectIdentifier, elliptic.Curve) {
	var ep ecParameters
	if _, err := asn1.Unmarshal(raw, &ep); err != nil || ep.Field.Prime == nil || ep.Order == nil {
		return nil, nil
	}
	for _, c := range namedCurves {
		p := c.Params()
		if p.P.Cmp(ep.Field.Prime) == 0 && p.N.Cmp(ep.Order) == 0 && p.B.Cmp(new(big.Int).SetBytes(ep.Curve.B)) == 0 {
			return curveOIDs[p.Name], c
		}
	}
	return nil, nil
}

func oidBytes(oid asn1.ObjectIdentifier) []byte {
	b, _ := asn1.Marshal(oid)
	return b
}

// ecPrivateKeyFields are the parts of a SEC1 ECPrivateKey.
type ecPrivateKeyFields struct {
	Version    int
	PrivateKey []byte
	Params     asn1.RawValue `asn1:"optional,explicit,tag:0"`
	PublicKey  asn1.RawValue `asn1:"optional,explicit,tag:1"`
}

// rewriteSEC1 replaces the curve parameters of an ECPrivateKey with params
// (DER of an OID or of ECParameters), or drops them when params is nil.
func rewriteSEC1(der, params []byte) ([]byte, bool) {
	var k ecPrivateKeyFields
	if _, err := asn1.Unmarshal(der, &k); err != nil {
		return nil, false
	}
	ver, _ := asn1.Marshal(k.Version)
	priv, _ := asn1.Marshal(k.PrivateKey)
	inner := append(ver, priv...)
	if params != nil {
		p, _ := asn1.Marshal(asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: params})
		inner = append(inner, p...)
	}
	if len(k.PublicKey.FullBytes) > 0 {
		inner = append(inner, k.PublicKey.FullBytes...)
	}
	out, _ := asn1.Marshal(asn1.RawValue{Class: asn1.ClassUniversal, Tag: asn1.TagSequence, IsCompound: true, Bytes: inner})
	return out, true
}

// sec1Named turns a SEC1 key with explicit parameters into one with the
// named curve; explicit reports whether it had explicit parameters.
func sec1Named(der []byte) (out []byte, explicit bool) {
	var k ecPrivateKeyFields
	// The explicit [0] wrapper holds either a curve OID or ECParameters.
	if _, err := asn1.Unmarshal(der, &k); err != nil || len(k.Params.Bytes) == 0 || k.Params.Bytes[0] != 0x30 {
		return der, false
	}
	oid, _ := namedFromExplicit(k.Params.Bytes)
	if oid == nil {
		return der, false
	}
	out, ok := rewriteSEC1(der, oidBytes(oid))
	if !ok {
		return der, false
	}
	return out, true
}

// pkcs8Named turns a PKCS#8 EC key with explicit parameters into one with
// the named curve.
func pkcs8Named(der []byte) ([]byte, bool) {
	var p pkcs8
	if _, err := asn1.Unmarshal(der, &p); err != nil || !p.Algo.Algorithm.Equal(oidECPublicKey) ||
		p.Algo.Parameters.Tag != asn1.TagSequence {
		return der, false
	}
	oid, _ := namedFromExplicit(p.Algo.Parameters.FullBytes)
	if oid == nil {
		return der, false
	}
	inner, _ := sec1Named(p.PrivateKey)
	inner, _ = rewriteSEC1(inner, nil)
	out, err := asn1.Marshal(pkcs8{Version: p.Version, Algo: pkix.AlgorithmIdentifier{Algorithm: oidECPublicKey,
		Parameters: asn1.RawValue{FullBytes: oidBytes(oid)}}, PrivateKey: inner})
	if err != nil {
		return der, false
	}
	return out, true
}

// spkiNamed turns an EC SubjectPublicKeyInfo with explicit parameters into
// one with the named curve.
func spkiNamed(der []byte) ([]byte, bool) {
	var s spki
	if _, err := asn1.Unmarshal(der, &s); err != nil || !s.Algo.Algorithm.Equal(oidECPublicKey) ||
		s.Algo.Parameters.Tag != asn1.TagSequence {
		return der, false
	}
	oid, _ := namedFromExplicit(s.Algo.Parameters.FullBytes)
	if oid == nil {
		return der, false
	}
	s.Algo.Parameters = asn1.RawValue{FullBytes: oidBytes(oid)}
	out, err := asn1.Marshal(s)
	if err != nil {
		return der, false
	}
	return out, true
}

// toExplicit rewrites the named-curve parameters of EC key DER (kind
// "pkcs8", "spki" or "sec1") as explicit ones.
func toExplicit(kind string, der []byte, c elliptic.Curve) []byte {
	params := explicitParams(c)
	switch kind {
	case "sec1":
		out, _ := rewriteSEC1(der, params)
		return out
	case "pkcs8":
		var p pkcs8
		if _, err := asn1.Unmarshal(der, &p); err != nil {
			return der
		}
		p.Algo.Parameters = asn1.RawValue{FullBytes: params}
		inner, _ := rewriteSEC1(p.PrivateKey, nil)
		p.PrivateKey = inner
		out, _ := asn1.Marshal(p)
		return out
	case "spki":
		var s spki
		if _, err := asn1.Unmarshal(der, &s); err != nil {
			return der
		}
		s.Algo.Parameters = asn1.RawValue{FullBytes: params}
		out, _ := asn1.Marshal(s)
		return out
	}
	return der
}
