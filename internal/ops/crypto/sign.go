package crypto

import (
	"crypto"
	"crypto/dsa" //nolint:staticcheck // Node still offers DSA keys
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"encoding/asn1"
	"math/big"
	"strings"

	_ "crypto/md5"    // registers crypto.MD5
	_ "crypto/sha1"   // registers crypto.SHA1
	_ "crypto/sha256" // registers crypto.SHA256
	_ "crypto/sha3"   // registers crypto.SHA3_*
	_ "crypto/sha512" // registers crypto.SHA512
)

var cryptoHashes = map[string]crypto.Hash{
	"md5": crypto.MD5, "sha1": crypto.SHA1, "sha224": crypto.SHA224, "sha256": crypto.SHA256,
	"sha384": crypto.SHA384, "sha512": crypto.SHA512, "sha512-224": crypto.SHA512_224,
	"sha512-256": crypto.SHA512_256, "sha3-224": crypto.SHA3_224, "sha3-256": crypto.SHA3_256,
	"sha3-384": crypto.SHA3_384, "sha3-512": crypto.SHA3_512,
}

// normalizeDigest maps Node's digest spellings (RSA-SHA256, SHA-256,
// sha256WithRSAEncryption) to the canonical lower-case name.
func normalizeDigest(name string) string {
	n := strings.ToLower(name)
	n = strings.TrimPrefix(n, "rsa-")
	if strings.HasSuffix(n, "withrsaencryption") {
		n = strings.TrimSuffix(n, "withrsaencryption")
	}
	switch n {
	case "sha-1", "dss1", "dsa-sha1", "dsa-sha", "dsawithsha1", "ecdsa-with-sha1":
		n = "sha1"
	case "sha-224":
		n = "sha224"
	case "sha-256":
		n = "sha256"
	case "sha-384":
		n = "sha384"
	case "sha-512":
		n = "sha512"
	case "sha-512/224", "sha512/224":
		n = "sha512-224"
	case "sha-512/256", "sha512/256":
		n = "sha512-256"
	}
	return n
}

func lookupHash(name string) (crypto.Hash, bool) {
	h, ok := cryptoHashes[normalizeDigest(name)]
	return h, ok
}

func errInvalidDigest(name string) error {
	return errCode("TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: %s", name)
}

type ecdsaSig struct{ R, S *big.Int }

func pssSalt(n int, sign bool) int {
	switch n {
	case -1:
		return rsa.PSSSaltLengthEqualsHash
	case -2, -3:
		return rsa.PSSSaltLengthAuto
	}
	return n
}

// signOpts are the options of sign and verify.
type signOpts struct {
	digest     string
	padding    int // 0: default
	saltLength int // -100: default
	p1363      bool
}

func readSignOpts(a *Args, i int) signOpts {
	return signOpts{digest: a.Str(i), padding: a.Int(i+1, 0), saltLength: a.Int(i+2, -100), p1363: a.Str(i+3) == "ieee-p1363"}
}

func (o signOpts) hash(k *Key) (crypto.Hash, error) {
	if o.digest == "" {
		if k.PSS != nil {
			h, _ := lookupHash(k.PSS.Hash)
			return h, nil
		}
		return crypto.SHA256, nil
	}
	h, ok := lookupHash(o.digest)
	if !ok {
		return 0, errInvalidDigest(o.digest)
	}
	return h, nil
}

func (o signOpts) pss(k *Key, h crypto.Hash, sign bool) (*rsa.PSSOptions, error) {
	if k.Kind == "rsa-pss" && o.padding != 0 && o.padding != 6 {
		return nil, errSSL("1C8000A5", "Provider routines", "illegal or unsupported padding mode")
	}
	if k.Kind != "rsa-pss" && o.padding != 6 {
		if o.padding != 0 && o.padding != 1 {
			return nil, errSSL("1C8000A5", "Provider routines", "illegal or unsupported padding mode")
		}
		return nil, nil
	}
	salt := o.saltLength
	if k.PSS != nil {
		ph, _ := lookupHash(k.PSS.Hash)
		if ph != h {
			return nil, errSSL("1C8000AF", "Provider routines", "digest not allowed")
		}
		if salt == -100 {
			salt = k.PSS.SaltLength
		} else if salt >= 0 && salt < k.PSS.SaltLength {
			return nil, errSSL("1C800088", "Provider routines", "pss saltlen too small")
		}
	}
	if salt == -100 {
		salt = -2
	}
	return &rsa.PSSOptions{SaltLength: pssSalt(salt, sign), Hash: h}, nil
}

func digestOf(h crypto.Hash, data []byte) []byte {
	w := h.New()
	w.Write(data)
	return w.Sum(nil)
}

// Sign signs data with a private key.
func Sign(k *Key, data []byte, o signOpts) ([]byte, error) {
	switch p := k.Priv.(type) {
	case *rsa.PrivateKey:
		h, err := o.hash(k)
		if err != nil {
			return nil, err
		}
		pss, err := o.pss(k, h, true)
		if err != nil {
			return nil, err
		}
		d := digestOf(h, data)
		if pss != nil {
			return rsa.SignPSS(rand.Reader, p, h, d, pss)
		}
		s, err := rsa.SignPKCS1v15(nil, p, h, d)
		if err != nil {
			return nil, errSSL("1C8000AB", "Provider routines", "digest too big for rsa key")
		}
		return s, nil
	case *ecdsa.PrivateKey:
		h, err := o.hash(k)
		if err != nil {
			return nil, err
		}
		sig, err := ecdsa.SignASN1(rand.Reader, p, digestOf(h, data))
		if err != nil || !o.p1363 {
			return sig, err
		}
		var es ecdsaSig
		asn1.Unmarshal(sig, &es)
		n := (p.Curve.Params().BitSize + 7) / 8
		return append(padBytes(es.R.Bytes(), n), padBytes(es.S.Bytes(), n)...), nil
	case ed25519.PrivateKey:
		if o.digest != "" {
			return nil, errSSL("1C8000AD", "Provider routines", "invalid digest")
		}
		return ed25519.Sign(p, data), nil
	case *dsa.PrivateKey:
		h, err := o.hash(k)
		if err != nil {
			return nil, err
		}
		return dsaSign(p, digestOf(h, data), o.p1363)
	case *K1PrivateKey:
		h, err := o.hash(k)
		if err != nil {
			return nil, err
		}
		return k1Sign(p, digestOf(h, data), o.p1363)
	}
	return nil, errSSL("1C8000B5", "Provider routines", "operation not supported for this keytype")
}

// Verify checks a signature with a public key.
func Verify(k *Key, data, sig []byte, o signOpts) (bool, error) {
	switch p := k.Pub.(type) {
	case *rsa.PublicKey:
		h, err := o.hash(k)
		if err != nil {
			return false, err
		}
		pss, err := o.pss(k, h, false)
		if err != nil {
			return false, err
		}
		d := digestOf(h, data)
		if pss != nil {
			return rsa.VerifyPSS(p, h, d, sig, pss) == nil, nil
		}
		return rsa.VerifyPKCS1v15(p, h, d, sig) == nil, nil
	case *ecdsa.PublicKey:
		h, err := o.hash(k)
		if err != nil {
			return false, err
		}
		if o.p1363 {
			n := (p.Curve.Params().BitSize + 7) / 8
			if len(sig) != 2*n {
				return false, nil
			}
			sig, _ = asn1.Marshal(ecdsaSig{new(big.Int).SetBytes(sig[:n]), new(big.Int).SetBytes(sig[n:])})
		}
		return ecdsa.VerifyASN1(p, digestOf(h, data), sig), nil
	case ed25519.PublicKey:
		if o.digest != "" {
			return false, errSSL("1C8000AD", "Provider routines", "invalid digest")
		}
		return ed25519.Verify(p, data, sig), nil
	case *dsa.PublicKey:
		h, err := o.hash(k)
		if err != nil {
			return false, err
		}
		return dsaVerify(p, digestOf(h, data), sig, o.p1363), nil
	case *K1PublicKey:
		h, err := o.hash(k)
		if err != nil {
			return false, err
		}
		return k1Verify(p, digestOf(h, data), sig, o.p1363), nil
	}
	return false, errSSL("1C8000B5", "Provider routines", "operation not supported for this keytype")
}

// sign(kind, der, data, digest, padding, saltLength, dsaEncoding)
func signOp(a *Args) (any, error) {
	k, err := loadKey(a.Str(0), a.Bytes(1))
	if err != nil {
		return nil, err
	}
	if k.Priv == nil {
		return nil, errCode("TypeError", "ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", "Invalid key object type public, expected private.")
	}
	return Sign(k, a.Bytes(2), readSignOpts(a, 3))
}

// verify(kind, der, data, signature, digest, padding, saltLength, dsaEncoding)
func verifyOp(a *Args) (any, error) {
	k, err := loadKey(a.Str(0), a.Bytes(1))
	if err != nil {
		return nil, err
	}
	return Verify(k, a.Bytes(2), a.Bytes(3), readSignOpts(a, 4))
}

const (
	rsaPKCS1Padding = 1
	rsaNoPadding    = 3
	rsaOAEPPadding  = 4
)

// rsaCrypt(op, kind, der, data, padding, oaepHash, oaepLabel)
func rsaCryptOp(a *Args) (any, error) {
	op := a.Str(0)
	k, err := loadKey(a.Str(1), a.Bytes(2))
	if err != nil {
		return nil, err
	}
	pub, ok := k.Pub.(*rsa.PublicKey)
	if !ok || k.Kind != "rsa" {
		return nil, errSSL("1C8000B5", "Provider routines", "operation not supported for this keytype")
	}
	data := a.Bytes(3)
	padding := a.Int(4, rsaOAEPPadding)
	h := crypto.SHA1
	if a.Has(5) {
		if h, ok = lookupHash(a.Str(5)); !ok {
			return nil, errSSL("0300009B", "digital envelope routines", "invalid digest")
		}
	}
	label := a.Bytes(6)
	priv, _ := k.Priv.(*rsa.PrivateKey)
	size := pub.Size()
	switch op {
	case "publicEncrypt":
		switch padding {
		case rsaOAEPPadding:
			out, err := rsa.EncryptOAEP(h.New(), rand.Reader, pub, data, label)
			if err != nil {
				return nil, errSSL("0200006E", "rsa routines", "data too large for key size")
			}
			return out, nil
		case rsaPKCS1Padding:
			out, err := rsa.EncryptPKCS1v15(rand.Reader, pub, data) //nolint:staticcheck
			if err != nil {
				return nil, errSSL("0200006E", "rsa routines", "data too large for key size")
			}
			return out, nil
		case rsaNoPadding:
			return rawPublic(pub, data)
		}
	case "privateDecrypt":
		switch padding {
		case rsaOAEPPadding:
			out, err := rsa.DecryptOAEP(h.New(), nil, priv, data, label)
			if err != nil {
				return nil, errSSL("02000079", "rsa routines", "oaep decoding error")
			}
			return out, nil
		case rsaPKCS1Padding:
			out, err := rsa.DecryptPKCS1v15(nil, priv, data) //nolint:staticcheck
			if err != nil {
				return nil, errSSL("02000072", "rsa routines", "padding check failed")
			}
			return out, nil
		case rsaNoPadding:
			return rawPrivate(priv, data)
		}
	case "privateEncrypt":
		switch padding {
		case rsaPKCS1Padding:
			out, err := rsa.SignPKCS1v15(nil, priv, 0, data)
			if err != nil {
				return nil, errSSL("0200006E", "rsa routines", "data too large for key size")
			}
			return out, nil
		case rsaNoPadding:
			return rawPrivate(priv, data)
		}
	case "publicDecrypt":
		switch padding {
		case rsaPKCS1Padding:
			m, err := rawPublic(pub, data)
			if err != nil {
				return nil, err
			}
			// EM = 0x00 || 0x01 || PS (0xff...) || 0x00 || M
			if len(m) != size || m[0] != 0 || m[1] != 1 {
				return nil, errSSL("02000066", "rsa routines", "invalid padding")
			}
			i := 2
			for i < len(m) && m[i] == 0xff {
				i++
			}
			if i == len(m) || m[i] != 0 || i < 10 {
				return nil, errSSL("02000066", "rsa routines", "invalid padding")
			}
			return m[i+1:], nil
		case rsaNoPadding:
			return rawPublic(pub, data)
		}
	}
	return nil, errSSL("1C8000A5", "Provider routines", "illegal or unsupported padding mode")
}

func rawPublic(pub *rsa.PublicKey, data []byte) ([]byte, error) {
	c := new(big.Int).SetBytes(data)
	if c.Cmp(pub.N) >= 0 || len(data) > pub.Size() {
		return nil, errSSL("0200006E", "rsa routines", "data too large for modulus")
	}
	m := new(big.Int).Exp(c, big.NewInt(int64(pub.E)), pub.N)
	return padBytes(m.Bytes(), pub.Size()), nil
}

func rawPrivate(priv *rsa.PrivateKey, data []byte) ([]byte, error) {
	if priv == nil {
		return nil, errSSL("1C8000B5", "Provider routines", "operation not supported for this keytype")
	}
	c := new(big.Int).SetBytes(data)
	if c.Cmp(priv.N) >= 0 || len(data) > priv.Size() {
		return nil, errSSL("0200006E", "rsa routines", "data too large for modulus")
	}
	m := new(big.Int).Exp(c, priv.D, priv.N)
	return padBytes(m.Bytes(), priv.Size()), nil
}

// dhKeys(privateDer, publicDer) -> shared secret of two key objects.
func dhKeysOp(a *Args) (any, error) {
	priv, err := ParsePKCS8(a.Bytes(0))
	if err != nil {
		return nil, err
	}
	pub, err := ParseSPKI(a.Bytes(1))
	if err != nil {
		return nil, err
	}
	if priv.Kind == "dh" && pub.Kind == "dh" {
		return dhKeySecret(priv, pub)
	}
	if kp, ok := priv.Priv.(*K1PrivateKey); ok {
		if kq, ok := pub.Pub.(*K1PublicKey); ok {
			return k1Secret(kp, kq), nil
		}
		return nil, errCode("Error", "ERR_CRYPTO_INCOMPATIBLE_KEY", "Incompatible key types for Diffie-Hellman: ec and ec")
	}
	if priv.Kind != pub.Kind {
		return nil, errCode("Error", "ERR_CRYPTO_INCOMPATIBLE_KEY", "Incompatible key types for Diffie-Hellman: %s and %s", priv.Kind, pub.Kind)
	}
	var pk *ecdh.PrivateKey
	var pp *ecdh.PublicKey
	switch p := priv.Priv.(type) {
	case *ecdh.PrivateKey:
		pk = p
		pp = pub.Pub.(*ecdh.PublicKey)
	case *ecdsa.PrivateKey:
		if pk, err = p.ECDH(); err != nil {
			return nil, err
		}
		if pp, err = pub.Pub.(*ecdsa.PublicKey).ECDH(); err != nil {
			return nil, err
		}
		if pk.Curve() != pp.Curve() {
			return nil, errCode("Error", "ERR_CRYPTO_INCOMPATIBLE_KEY", "Incompatible key types for Diffie-Hellman: %s and %s", priv.Kind, pub.Kind)
		}
	default:
		return nil, errCode("Error", "ERR_CRYPTO_INCOMPATIBLE_KEY", "Incompatible key types for Diffie-Hellman: %s and %s", priv.Kind, pub.Kind)
	}
	s, err := pk.ECDH(pp)
	if err != nil {
		return nil, errSSL("1C8000B7", "Provider routines", "failed during derivation")
	}
	return s, nil
}
