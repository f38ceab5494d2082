package crypto

import (
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/base64"
	"encoding/pem"
	"strings"
)

// Netscape SPKI (the <keygen> element's output), as crypto.Certificate
// reads it: SignedPublicKeyAndChallenge, base64-encoded.

type publicKeyAndChallenge struct {
	SPKI      asn1.RawValue
	Challenge string `asn1:"ia5"`
}

type signedPKAC struct {
	PKAC      asn1.RawValue
	Algorithm pkix.AlgorithmIdentifier
	Signature asn1.BitString
}

func parseSPKAC(b []byte) (*signedPKAC, *publicKeyAndChallenge, bool) {
	s := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
			return -1
		}
		return r
	}, string(b))
	der, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, nil, false
	}
	var sp signedPKAC
	if rest, err := asn1.Unmarshal(der, &sp); err != nil || len(rest) != 0 {
		return nil, nil, false
	}
	var pc publicKeyAndChallenge
	if _, err := asn1.Unmarshal(sp.PKAC.FullBytes, &pc); err != nil {
		return nil, nil, false
	}
	return &sp, &pc, true
}

var sigAlgByOID = map[string]x509.SignatureAlgorithm{
	"1.2.840.113549.1.1.4": x509.MD5WithRSA, "1.2.840.113549.1.1.5": x509.SHA1WithRSA,
	"1.2.840.113549.1.1.11": x509.SHA256WithRSA, "1.2.840.113549.1.1.12": x509.SHA384WithRSA,
	"1.2.840.113549.1.1.13": x509.SHA512WithRSA, "1.2.840.10045.4.3.2": x509.ECDSAWithSHA256,
	"1.2.840.10045.4.3.3": x509.ECDSAWithSHA384, "1.2.840.10045.4.3.4": x509.ECDSAWithSHA512,
	"1.3.101.112": x509.PureEd25519,
}

// spkac(action, data): verify -> bool; publicKey -> PEM or ""; challenge -> bytes or "".
func spkacOp(a *Args) (any, error) {
	sp, pc, ok := parseSPKAC(a.Bytes(1))
	switch a.Str(0) {
	case "verify":
		if !ok {
			return false, nil
		}
		k, err := ParseSPKI(pc.SPKI.FullBytes)
		alg, known := sigAlgByOID[sp.Algorithm.Algorithm.String()]
		if err != nil || !known {
			return false, nil
		}
		parent := &x509.Certificate{PublicKey: k.Pub}
		if alg == x509.MD5WithRSA {
			// crypto/x509 refuses MD5 signatures; check it as OpenSSL does.
			return verifyMD5(k, sp.PKAC.FullBytes, sp.Signature.RightAlign()), nil
		}
		return parent.CheckSignature(alg, sp.PKAC.FullBytes, sp.Signature.RightAlign()) == nil, nil
	case "publicKey":
		if !ok {
			return "", nil
		}
		if _, err := ParseSPKI(pc.SPKI.FullBytes); err != nil {
			return "", nil
		}
		return string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: pc.SPKI.FullBytes})), nil
	case "challenge":
		if !ok {
			return "", nil
		}
		return []byte(pc.Challenge), nil
	}
	return nil, nil
}

func verifyMD5(k *Key, data, sig []byte) bool {
	ok, err := Verify(k, data, sig, signOpts{digest: "md5", saltLength: -100})
	return ok && err == nil
}
