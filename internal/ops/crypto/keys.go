package crypto

import (
	"bytes"
	"crypto"
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/dsa" //nolint:staticcheck // Node still offers DSA keys
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/base64"
	"encoding/pem"
	"math/big"
	"os"
	"strings"
)

func init() {
	// Node accepts RSA keys shorter than 1024 bits (its tests use 512).
	if !strings.Contains(os.Getenv("GODEBUG"), "rsa1024min") {
		g := os.Getenv("GODEBUG")
		if g != "" {
			g += ","
		}
		os.Setenv("GODEBUG", g+"rsa1024min=0")
	}
}

// PSSParams are the restrictions an RSA-PSS key carries.
type PSSParams struct {
	Hash, MGF1Hash string
	SaltLength     int
}

// Key is a parsed asymmetric key.
type Key struct {
	Kind string // rsa, rsa-pss, ec, ed25519, x25519
	Priv any    // *rsa.PrivateKey, *ecdsa.PrivateKey, ed25519.PrivateKey, *ecdh.PrivateKey; nil for a public key
	Pub  any
	PSS  *PSSParams
	// Explicit is set for an EC key written with explicit curve parameters.
	Explicit bool
}

var (
	oidRSA       = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 1}
	oidRSAPSS    = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 10}
	oidMGF1      = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 8}
	oidPBES2     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 13}
	oidPBKDF2    = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 12}
	oidDESEDE3   = asn1.ObjectIdentifier{1, 2, 840, 113549, 3, 7}
	oidHMACSHA1  = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 7}
	oidAES128CBC = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 2}
	oidAES192CBC = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 22}
	oidAES256CBC = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 42}
)

var hashOIDs = map[string]asn1.ObjectIdentifier{
	"sha1":       {1, 3, 14, 3, 2, 26},
	"sha224":     {2, 16, 840, 1, 101, 3, 4, 2, 4},
	"sha256":     {2, 16, 840, 1, 101, 3, 4, 2, 1},
	"sha384":     {2, 16, 840, 1, 101, 3, 4, 2, 2},
	"sha512":     {2, 16, 840, 1, 101, 3, 4, 2, 3},
	"sha512-224": {2, 16, 840, 1, 101, 3, 4, 2, 5},
	"sha512-256": {2, 16, 840, 1, 101, 3, 4, 2, 6},
}

var hmacOIDs = map[string]asn1.ObjectIdentifier{
	"sha1":   {1, 2, 840, 113549, 2, 7},
	"sha224": {1, 2, 840, 113549, 2, 8},
	"sha256": {1, 2, 840, 113549, 2, 9},
	"sha384": {1, 2, 840, 113549, 2, 10},
	"sha512": {1, 2, 840, 113549, 2, 11},
}

func hashByOID(oid asn1.ObjectIdentifier, table map[string]asn1.ObjectIdentifier) string {
	for n, o := range table {
		if o.Equal(oid) {
			return n
		}
	}
	return ""
}

type pkcs8 struct {
	Version    int
	Algo       pkix.AlgorithmIdentifier
	PrivateKey []byte
}

type spki struct {
	Algo      pkix.AlgorithmIdentifier
	PublicKey asn1.BitString
}

type pssParamsASN1 struct {
	Hash       pkix.AlgorithmIdentifier `asn1:"optional,explicit,tag:0"`
	MGF        pkix.AlgorithmIdentifier `asn1:"optional,explicit,tag:1"`
	SaltLength int                      `asn1:"optional,explicit,tag:2,default:20"`
	Trailer    int                      `asn1:"optional,explicit,tag:3,default:1"`
}

func parsePSSParams(raw asn1.RawValue) (*PSSParams, error) {
	if len(raw.FullBytes) == 0 || raw.Tag == asn1.TagNull {
		return nil, nil
	}
	var p pssParamsASN1
	if _, err := asn1.Unmarshal(raw.FullBytes, &p); err != nil {
		return nil, err
	}
	out := &PSSParams{Hash: "sha1", MGF1Hash: "sha1", SaltLength: p.SaltLength}
	if len(p.Hash.Algorithm) > 0 {
		out.Hash = hashByOID(p.Hash.Algorithm, hashOIDs)
	}
	if len(p.MGF.Algorithm) > 0 {
		var h pkix.AlgorithmIdentifier
		if _, err := asn1.Unmarshal(p.MGF.Parameters.FullBytes, &h); err == nil {
			out.MGF1Hash = hashByOID(h.Algorithm, hashOIDs)
		}
	}
	return out, nil
}

func marshalPSSParams(p *PSSParams) asn1.RawValue {
	if p == nil {
		return asn1.RawValue{}
	}
	var v pssParamsASN1
	if p.Hash != "sha1" {
		v.Hash = pkix.AlgorithmIdentifier{Algorithm: hashOIDs[p.Hash]}
	}
	if p.MGF1Hash != "sha1" {
		hb, _ := asn1.Marshal(pkix.AlgorithmIdentifier{Algorithm: hashOIDs[p.MGF1Hash]})
		v.MGF = pkix.AlgorithmIdentifier{Algorithm: oidMGF1, Parameters: asn1.RawValue{FullBytes: hb}}
	}
	v.SaltLength = p.SaltLength
	v.Trailer = 1
	b, _ := asn1.Marshal(v)
	return asn1.RawValue{FullBytes: b}
}

func errDecoder() error { return errSSL("1E08010C", "DECODER routines", "unsupported") }

func keyFromGo(priv, pub any) (*Key, error) {
	k := &Key{Priv: priv, Pub: pub}
	if priv != nil {
		if s, ok := priv.(interface{ Public() crypto.PublicKey }); ok {
			k.Pub = s.Public()
		}
	}
	switch p := k.Pub.(type) {
	case *rsa.PublicKey:
		k.Kind = "rsa"
	case *ecdsa.PublicKey:
		k.Kind = "ec"
	case ed25519.PublicKey:
		k.Kind = "ed25519"
	case *dsa.PublicKey:
		k.Kind = "dsa"
	case *ecdh.PublicKey:
		if p.Curve() != ecdh.X25519() {
			// An EC key read as ECDH: use the ECDSA form.
			ek, err := ecdhToECDSA(p)
			if err != nil {
				return nil, err
			}
			k.Pub = ek
			k.Kind = "ec"
		} else {
			k.Kind = "x25519"
		}
	default:
		return nil, errCode("Error", "ERR_NOT_IMPLEMENTED", "this key type is not implemented in gonode yet")
	}
	return k, nil
}

func ecdhToECDSA(p *ecdh.PublicKey) (*ecdsa.PublicKey, error) {
	var c elliptic.Curve
	switch p.Curve() {
	case ecdh.P256():
		c = elliptic.P256()
	case ecdh.P384():
		c = elliptic.P384()
	case ecdh.P521():
		c = elliptic.P521()
	}
	x, y := elliptic.Unmarshal(c, p.Bytes()) //nolint:staticcheck
	return &ecdsa.PublicKey{Curve: c, X: x, Y: y}, nil
}

// ParsePKCS8 reads a PKCS#8 private key.
func ParsePKCS8(der []byte) (*Key, error) {
	der, explicit := pkcs8Named(der)
	k, err := parsePKCS8(der)
	if k != nil {
		k.Explicit = explicit
	}
	return k, err
}

func parsePKCS8(der []byte) (*Key, error) {
	var p pkcs8
	if rest, err := asn1.Unmarshal(der, &p); err != nil || len(rest) != 0 {
		return nil, errDecoder()
	}
	if p.Algo.Algorithm.Equal(oidDSA) {
		return parseDSAPKCS8(p)
	}
	if p.Algo.Algorithm.Equal(oidDHKeyAgreement) {
		return parseDHPKCS8(p)
	}
	if p.Algo.Algorithm.Equal(oidECPublicKey) && isK1Params(p.Algo.Parameters) {
		return parseK1SEC1(p.PrivateKey)
	}
	if p.Algo.Algorithm.Equal(oidRSAPSS) {
		rk, err := x509.ParsePKCS1PrivateKey(p.PrivateKey)
		if err != nil {
			return nil, errDecoder()
		}
		params, err := parsePSSParams(p.Algo.Parameters)
		if err != nil {
			return nil, errDecoder()
		}
		return &Key{Kind: "rsa-pss", Priv: rk, Pub: &rk.PublicKey, PSS: params}, nil
	}
	priv, err := x509.ParsePKCS8PrivateKey(der)
	if err != nil {
		return nil, errDecoder()
	}
	return keyFromGo(priv, nil)
}

// ParseSPKI reads a SubjectPublicKeyInfo public key.
func ParseSPKI(der []byte) (*Key, error) {
	der, explicit := spkiNamed(der)
	k, err := parseSPKI(der)
	if k != nil {
		k.Explicit = explicit
	}
	return k, err
}

func parseSPKI(der []byte) (*Key, error) {
	var s spki
	if rest, err := asn1.Unmarshal(der, &s); err != nil || len(rest) != 0 {
		return nil, errDecoder()
	}
	if s.Algo.Algorithm.Equal(oidDHKeyAgreement) {
		return parseDHSPKI(s)
	}
	if s.Algo.Algorithm.Equal(oidECPublicKey) && isK1Params(s.Algo.Parameters) {
		return newK1Public(s.PublicKey.RightAlign())
	}
	if s.Algo.Algorithm.Equal(oidRSAPSS) {
		rk, err := x509.ParsePKCS1PublicKey(s.PublicKey.RightAlign())
		if err != nil {
			return nil, errDecoder()
		}
		params, err := parsePSSParams(s.Algo.Parameters)
		if err != nil {
			return nil, errDecoder()
		}
		return &Key{Kind: "rsa-pss", Pub: rk, PSS: params}, nil
	}
	pub, err := x509.ParsePKIXPublicKey(der)
	if err != nil {
		// A well-formed SubjectPublicKeyInfo of an algorithm we do not know.
		return nil, errSSL("03000093", "digital envelope routines", "decode error")
	}
	return keyFromGo(nil, pub)
}

// MarshalPKCS8 writes k's private key as PKCS#8.
func (k *Key) MarshalPKCS8() ([]byte, error) {
	if dk, ok := k.Priv.(*dsa.PrivateKey); ok {
		return marshalDSAPKCS8(dk)
	}
	if dk, ok := k.Priv.(*DHPrivateKey); ok {
		return marshalDHPKCS8(dk)
	}
	if kk, ok := k.Priv.(*K1PrivateKey); ok {
		return marshalK1PKCS8(kk)
	}
	if ek, ok := k.Priv.(*ecdsa.PrivateKey); ok && k.Explicit {
		der, err := x509.MarshalPKCS8PrivateKey(ek)
		if err != nil {
			return nil, err
		}
		return toExplicit("pkcs8", der, ek.Curve), nil
	}
	if k.Kind == "rsa-pss" {
		return asn1.Marshal(pkcs8{Algo: pkix.AlgorithmIdentifier{Algorithm: oidRSAPSS, Parameters: marshalPSSParams(k.PSS)},
			PrivateKey: x509.MarshalPKCS1PrivateKey(k.Priv.(*rsa.PrivateKey))})
	}
	return x509.MarshalPKCS8PrivateKey(k.Priv)
}

// MarshalSPKI writes k's public key as SubjectPublicKeyInfo.
func (k *Key) MarshalSPKI() ([]byte, error) {
	if dk, ok := k.Pub.(*dsa.PublicKey); ok {
		return marshalDSASPKI(dk)
	}
	if dk, ok := k.Pub.(*DHPublicKey); ok {
		return marshalDHSPKI(dk)
	}
	if kk, ok := k.Pub.(*K1PublicKey); ok {
		return marshalK1SPKI(kk)
	}
	if ep, ok := k.Pub.(*ecdsa.PublicKey); ok && k.Explicit {
		der, err := x509.MarshalPKIXPublicKey(ep)
		if err != nil {
			return nil, err
		}
		return toExplicit("spki", der, ep.Curve), nil
	}
	if k.Kind == "rsa-pss" {
		b := x509.MarshalPKCS1PublicKey(k.Pub.(*rsa.PublicKey))
		return asn1.Marshal(spki{Algo: pkix.AlgorithmIdentifier{Algorithm: oidRSAPSS, Parameters: marshalPSSParams(k.PSS)},
			PublicKey: asn1.BitString{Bytes: b, BitLength: 8 * len(b)}})
	}
	return x509.MarshalPKIXPublicKey(k.Pub)
}

// canonical returns the stored form of k: PKCS#8 for a private key, SPKI
// for a public one.
func (k *Key) canonical() ([]byte, error) {
	if k.Priv != nil {
		return k.MarshalPKCS8()
	}
	return k.MarshalSPKI()
}

// loadKey reads a stored key: kind "private" (PKCS#8) or "public" (SPKI).
func loadKey(kind string, der []byte) (*Key, error) {
	if kind == "private" {
		return ParsePKCS8(der)
	}
	return ParseSPKI(der)
}

var errPassphraseRequired = errSSL("07880109", "common libcrypto routines", "interrupted or cancelled")

// --- encrypted PKCS#8 (PBES2) -----------------------------------------

type encryptedPKCS8 struct {
	Algo pkix.AlgorithmIdentifier
	Data []byte
}

type pbes2Params struct {
	KDF    pkix.AlgorithmIdentifier
	Scheme pkix.AlgorithmIdentifier
}

type pbkdf2Params struct {
	Salt      []byte
	Iter      int
	KeyLength int                      `asn1:"optional"`
	PRF       pkix.AlgorithmIdentifier `asn1:"optional"`
}

func pbes2Cipher(oid asn1.ObjectIdentifier, key []byte) (cipher.Block, int, error) {
	switch {
	case oid.Equal(oidAES128CBC):
		if key == nil {
			return nil, 16, nil
		}
		b, err := aes.NewCipher(key)
		return b, 16, err
	case oid.Equal(oidAES192CBC):
		if key == nil {
			return nil, 24, nil
		}
		b, err := aes.NewCipher(key)
		return b, 24, err
	case oid.Equal(oidAES256CBC):
		if key == nil {
			return nil, 32, nil
		}
		b, err := aes.NewCipher(key)
		return b, 32, err
	case oid.Equal(oidDESEDE3):
		if key == nil {
			return nil, 24, nil
		}
		b, err := des.NewTripleDESCipher(key)
		return b, 24, err
	}
	return nil, 0, errCode("Error", "ERR_NOT_IMPLEMENTED", "this PKCS#8 encryption is not implemented in gonode yet")
}

func decryptPKCS8(der, pass []byte) ([]byte, error) {
	var e encryptedPKCS8
	if _, err := asn1.Unmarshal(der, &e); err != nil || !e.Algo.Algorithm.Equal(oidPBES2) {
		return nil, errDecoder()
	}
	var p pbes2Params
	if _, err := asn1.Unmarshal(e.Algo.Parameters.FullBytes, &p); err != nil || !p.KDF.Algorithm.Equal(oidPBKDF2) {
		return nil, errDecoder()
	}
	var kp pbkdf2Params
	if _, err := asn1.Unmarshal(p.KDF.Parameters.FullBytes, &kp); err != nil {
		return nil, errDecoder()
	}
	prf := "sha1"
	if len(kp.PRF.Algorithm) > 0 {
		prf = hashByOID(kp.PRF.Algorithm, hmacOIDs)
	}
	h := hashFunc(prf)
	var iv []byte
	if _, err := asn1.Unmarshal(p.Scheme.Parameters.FullBytes, &iv); err != nil {
		return nil, errDecoder()
	}
	_, keyLen, err := pbes2Cipher(p.Scheme.Algorithm, nil)
	if err != nil {
		return nil, err
	}
	if h == nil {
		return nil, errDecoder()
	}
	key := PBKDF2(h, pass, kp.Salt, kp.Iter, keyLen)
	block, _, _ := pbes2Cipher(p.Scheme.Algorithm, key)
	if len(e.Data)%block.BlockSize() != 0 || len(e.Data) == 0 || len(iv) != block.BlockSize() {
		return nil, errBadDecrypt
	}
	out := make([]byte, len(e.Data))
	cipher.NewCBCDecrypter(block, iv).CryptBlocks(out, e.Data)
	n := int(out[len(out)-1])
	if n == 0 || n > block.BlockSize() {
		return nil, errBadDecrypt
	}
	for _, x := range out[len(out)-n:] {
		if int(x) != n {
			return nil, errBadDecrypt
		}
	}
	return out[:len(out)-n], nil
}

var pemCiphers = map[string]struct {
	oid asn1.ObjectIdentifier
	alg x509.PEMCipher
}{
	"aes-128-cbc":  {oidAES128CBC, x509.PEMCipherAES128},
	"aes-192-cbc":  {oidAES192CBC, x509.PEMCipherAES192},
	"aes-256-cbc":  {oidAES256CBC, x509.PEMCipherAES256},
	"des-ede3-cbc": {oidDESEDE3, x509.PEMCipher3DES},
	"des-cbc":      {nil, x509.PEMCipherDES},
	"aes128":       {oidAES128CBC, x509.PEMCipherAES128},
	"aes192":       {oidAES192CBC, x509.PEMCipherAES192},
	"aes256":       {oidAES256CBC, x509.PEMCipherAES256},
	"des3":         {oidDESEDE3, x509.PEMCipher3DES},
}

func encryptPKCS8(der, pass []byte, cipherName string) ([]byte, error) {
	pc, ok := pemCiphers[strings.ToLower(cipherName)]
	if !ok || pc.oid == nil {
		return nil, errCode("TypeError", "ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher")
	}
	salt := make([]byte, 16)
	rand.Read(salt)
	_, keyLen, _ := pbes2Cipher(pc.oid, nil)
	key := PBKDF2(hashes["sha256"], pass, salt, 2048, keyLen)
	block, _, _ := pbes2Cipher(pc.oid, key)
	iv := make([]byte, block.BlockSize())
	rand.Read(iv)
	n := block.BlockSize() - len(der)%block.BlockSize()
	data := append(append([]byte{}, der...), bytes.Repeat([]byte{byte(n)}, n)...)
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(data, data)
	kdf, _ := asn1.Marshal(pbkdf2Params{Salt: salt, Iter: 2048, PRF: pkix.AlgorithmIdentifier{Algorithm: hmacOIDs["sha256"], Parameters: asn1.NullRawValue}})
	ivb, _ := asn1.Marshal(iv)
	params, _ := asn1.Marshal(pbes2Params{
		KDF:    pkix.AlgorithmIdentifier{Algorithm: oidPBKDF2, Parameters: asn1.RawValue{FullBytes: kdf}},
		Scheme: pkix.AlgorithmIdentifier{Algorithm: pc.oid, Parameters: asn1.RawValue{FullBytes: ivb}},
	})
	return asn1.Marshal(encryptedPKCS8{Algo: pkix.AlgorithmIdentifier{Algorithm: oidPBES2, Parameters: asn1.RawValue{FullBytes: params}}, Data: data})
}

// --- parsing what createPrivateKey/createPublicKey receive -------------

// parseKeyInput reads key material. want is "private" or "public"; format
// "pem" or "der"; typ "pkcs1", "pkcs8", "sec1", "spki" or "" (PEM).
func parseKeyInput(want string, data []byte, format, typ string, pass []byte, hasPass bool) (*Key, error) {
	if format == "pem" {
		return parsePEMKey(want, data, pass, hasPass)
	}
	var k *Key
	var err error
	switch typ {
	case "pkcs1":
		if want == "private" {
			var rk *rsa.PrivateKey
			if rk, err = x509.ParsePKCS1PrivateKey(data); err == nil {
				k = &Key{Kind: "rsa", Priv: rk, Pub: &rk.PublicKey}
			}
		} else {
			var pk *rsa.PublicKey
			if pk, err = x509.ParsePKCS1PublicKey(data); err == nil {
				k = &Key{Kind: "rsa", Pub: pk}
			} else if rk, err2 := x509.ParsePKCS1PrivateKey(data); err2 == nil {
				k, err = &Key{Kind: "rsa", Pub: &rk.PublicKey}, nil
			}
		}
	case "pkcs8":
		if isEncryptedPKCS8(data) {
			if !hasPass {
				return nil, errCode("TypeError", "ERR_MISSING_PASSPHRASE", "Passphrase required for encrypted key")
			}
			if data, err = decryptPKCS8(data, pass); err != nil {
				return nil, err
			}
		}
		k, err = ParsePKCS8(data)
	case "sec1":
		if sec1IsK1(data) {
			k, err = parseK1SEC1(data)
			break
		}
		var ek *ecdsa.PrivateKey
		named, explicit := sec1Named(data)
		if ek, err = x509.ParseECPrivateKey(named); err == nil {
			k = &Key{Kind: "ec", Priv: ek, Pub: &ek.PublicKey, Explicit: explicit}
		}
	case "spki":
		k, err = ParseSPKI(data)
	default:
		return nil, errCode("TypeError", "ERR_INVALID_ARG_VALUE", "The property 'options.type' is invalid. Received '%s'", typ)
	}
	if err != nil || k == nil {
		if _, ok := err.(*Error); ok {
			return nil, err
		}
		return nil, errDecoder()
	}
	if want == "public" {
		k.Priv = nil
	}
	return k, nil
}

func isEncryptedPKCS8(der []byte) bool {
	var e encryptedPKCS8
	_, err := asn1.Unmarshal(der, &e)
	return err == nil && e.Algo.Algorithm.Equal(oidPBES2)
}

func parsePEMKey(want string, data, pass []byte, hasPass bool) (*Key, error) {
	rest := data
	for {
		var blk *pem.Block
		blk, rest = pem.Decode(rest)
		if blk == nil {
			return nil, errSSL("1E08010C", "DECODER routines", "unsupported")
		}
		der := blk.Bytes
		if x509.IsEncryptedPEMBlock(blk) { //nolint:staticcheck
			if !hasPass {
				return nil, errPassphraseRequired
			}
			var err error
			if der, err = x509.DecryptPEMBlock(blk, pass); err != nil { //nolint:staticcheck
				return nil, errBadDecrypt
			}
		}
		var k *Key
		var err error
		switch blk.Type {
		case "PRIVATE KEY":
			k, err = ParsePKCS8(der)
		case "ENCRYPTED PRIVATE KEY":
			if !hasPass {
				return nil, errPassphraseRequired
			}
			if der, err = decryptPKCS8(der, pass); err == nil {
				k, err = ParsePKCS8(der)
			}
		case "RSA PRIVATE KEY":
			var rk *rsa.PrivateKey
			if rk, err = x509.ParsePKCS1PrivateKey(der); err == nil {
				k = &Key{Kind: "rsa", Priv: rk, Pub: &rk.PublicKey}
			}
		case "EC PRIVATE KEY":
			if sec1IsK1(der) {
				k, err = parseK1SEC1(der)
				break
			}
			var ek *ecdsa.PrivateKey
			named, explicit := sec1Named(der)
			if ek, err = x509.ParseECPrivateKey(named); err == nil {
				k = &Key{Kind: "ec", Priv: ek, Pub: &ek.PublicKey, Explicit: explicit}
			}
		case "PUBLIC KEY":
			if want == "public" {
				k, err = ParseSPKI(der)
			} else {
				continue
			}
		case "RSA PUBLIC KEY":
			if want == "public" {
				var pk *rsa.PublicKey
				if pk, err = x509.ParsePKCS1PublicKey(der); err == nil {
					k = &Key{Kind: "rsa", Pub: pk}
				}
			} else {
				continue
			}
		case "CERTIFICATE":
			if want == "public" {
				var cert *x509.Certificate
				if cert, err = x509.ParseCertificate(der); err == nil {
					k, err = ParseSPKI(cert.RawSubjectPublicKeyInfo)
				}
			} else {
				continue
			}
		case "DSA PRIVATE KEY":
			k, err = parseDSATraditional(der)
		case "EC PARAMETERS", "DSA PARAMETERS":
			continue
		default:
			continue
		}
		if err != nil {
			if _, ok := err.(*Error); ok {
				return nil, err
			}
			return nil, errDecoder()
		}
		if want == "public" {
			k.Priv = nil
		}
		return k, nil
	}
}

// keyParse(want, data, format, type, passphrase?) -> [type, asymmetricKeyType, der]
func keyParseOp(a *Args) (any, error) {
	k, err := parseKeyInput(a.Str(0), a.Bytes(1), a.Str(2), a.Str(3), a.Bytes(4), a.Has(4))
	if err != nil {
		return nil, err
	}
	return keyResult(k)
}

func keyResult(k *Key) (any, error) {
	der, err := k.canonical()
	if err != nil {
		return nil, err
	}
	typ := "public"
	if k.Priv != nil {
		typ = "private"
	}
	return []any{typ, k.Kind, der}, nil
}

// keyPublic(pkcs8) -> spki
func keyPublicOp(a *Args) (any, error) {
	k, err := ParsePKCS8(a.Bytes(0))
	if err != nil {
		return nil, err
	}
	k.Priv = nil
	return k.MarshalSPKI()
}

// keyExport(kind, der, format, type, cipher?, passphrase?) -> bytes or PEM string
func keyExportOp(a *Args) (any, error) {
	k, err := loadKey(a.Str(0), a.Bytes(1))
	if err != nil {
		return nil, err
	}
	format, typ, cipherName, pass := a.Str(2), a.Str(3), a.Str(4), a.Bytes(5)
	var der []byte
	var label string
	legacyEncrypt := false
	if k.Priv == nil {
		switch typ {
		case "pkcs1":
			rk, ok := k.Pub.(*rsa.PublicKey)
			if !ok || k.Kind != "rsa" {
				return nil, errCode("TypeError", "ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS", "The selected key encoding pkcs1 can only be used for RSA keys.")
			}
			der, label = x509.MarshalPKCS1PublicKey(rk), "RSA PUBLIC KEY"
		case "spki":
			der, err = k.MarshalSPKI()
			label = "PUBLIC KEY"
		default:
			return nil, errCode("TypeError", "ERR_INVALID_ARG_VALUE", "The property 'options.type' is invalid. Received '%s'", typ)
		}
	} else {
		switch typ {
		case "pkcs1":
			rk, ok := k.Priv.(*rsa.PrivateKey)
			if !ok || k.Kind != "rsa" {
				return nil, errCode("TypeError", "ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS", "The selected key encoding pkcs1 can only be used for RSA keys.")
			}
			der, label, legacyEncrypt = x509.MarshalPKCS1PrivateKey(rk), "RSA PRIVATE KEY", true
		case "sec1":
			if kk, ok := k.Priv.(*K1PrivateKey); ok {
				der, label, legacyEncrypt = marshalK1SEC1(kk, true), "EC PRIVATE KEY", true
				break
			}
			ek, ok := k.Priv.(*ecdsa.PrivateKey)
			if !ok {
				return nil, errCode("TypeError", "ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS", "The selected key encoding sec1 can only be used for EC keys.")
			}
			der, err = x509.MarshalECPrivateKey(ek)
			if err == nil && k.Explicit {
				der = toExplicit("sec1", der, ek.Curve)
			}
			label, legacyEncrypt = "EC PRIVATE KEY", true
		case "pkcs8":
			der, err = k.MarshalPKCS8()
			label = "PRIVATE KEY"
			if cipherName != "" {
				if der, err = encryptPKCS8(der, pass, cipherName); err != nil {
					return nil, err
				}
				label = "ENCRYPTED PRIVATE KEY"
			}
		default:
			return nil, errCode("TypeError", "ERR_INVALID_ARG_VALUE", "The property 'options.type' is invalid. Received '%s'", typ)
		}
	}
	if err != nil {
		return nil, err
	}
	if format == "der" {
		if legacyEncrypt && cipherName != "" {
			return nil, errCode("TypeError", "ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS", "The selected key encoding %s does not support encryption.", typ)
		}
		return der, nil
	}
	blk := &pem.Block{Type: label, Bytes: der}
	if legacyEncrypt && cipherName != "" {
		pc, ok := pemCiphers[strings.ToLower(cipherName)]
		if !ok {
			return nil, errCode("TypeError", "ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher")
		}
		blk, err = x509.EncryptPEMBlock(rand.Reader, label, der, pass, pc.alg) //nolint:staticcheck
		if err != nil {
			return nil, err
		}
		// OpenSSL writes the IV in upper-case hex.
		blk.Headers["DEK-Info"] = strings.ToUpper(blk.Headers["DEK-Info"])
	}
	return string(pem.EncodeToMemory(blk)), nil
}

var curveNames = map[elliptic.Curve]string{}

func init() {
	curveNames[elliptic.P224()] = "secp224r1"
	curveNames[elliptic.P256()] = "prime256v1"
	curveNames[elliptic.P384()] = "secp384r1"
	curveNames[elliptic.P521()] = "secp521r1"
}

var jwkCurves = map[string]string{"prime256v1": "P-256", "secp384r1": "P-384", "secp521r1": "P-521", "secp256k1": "secp256k1"}

// CurveByName returns the elliptic curve Node calls name.
func CurveByName(name string) elliptic.Curve {
	switch name {
	case "prime256v1", "P-256", "secp256r1":
		return elliptic.P256()
	case "secp384r1", "P-384":
		return elliptic.P384()
	case "secp521r1", "P-521":
		return elliptic.P521()
	case "secp224r1", "P-224":
		return elliptic.P224()
	}
	return nil
}

// keyDetails(kind, der) -> asymmetricKeyDetails
func keyDetailsOp(a *Args) (any, error) {
	k, err := loadKey(a.Str(0), a.Bytes(1))
	if err != nil {
		return nil, err
	}
	m := ordered{}
	switch p := k.Pub.(type) {
	case *rsa.PublicKey:
		m.set("modulusLength", p.N.BitLen())
		m.set("publicExponent", big.NewInt(int64(p.E)))
		if k.PSS != nil {
			m.set("hashAlgorithm", k.PSS.Hash)
			m.set("mgf1HashAlgorithm", k.PSS.MGF1Hash)
			m.set("saltLength", k.PSS.SaltLength)
		}
	case *ecdsa.PublicKey:
		m.set("namedCurve", curveNames[p.Curve])
	case *K1PublicKey:
		m.set("namedCurve", "secp256k1")
	case *dsa.PublicKey:
		m.set("modulusLength", p.P.BitLen())
		m.set("divisorLength", p.Q.BitLen())
	}
	return m, nil
}

// keyJwk(kind, der) -> JWK object
func keyJwkOp(a *Args) (any, error) {
	k, err := loadKey(a.Str(0), a.Bytes(1))
	if err != nil {
		return nil, err
	}
	m := ordered{}
	switch p := k.Pub.(type) {
	case *rsa.PublicKey:
		if k.Kind != "rsa" {
			return nil, errCode("Error", "ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE", "Unsupported JWK Key Type.")
		}
		m.set("kty", "RSA")
		m.set("n", b64u(p.N.Bytes()))
		m.set("e", b64u(big.NewInt(int64(p.E)).Bytes()))
		if rk, ok := k.Priv.(*rsa.PrivateKey); ok {
			m.set("d", b64u(rk.D.Bytes()))
			m.set("p", b64u(rk.Primes[0].Bytes()))
			m.set("q", b64u(rk.Primes[1].Bytes()))
			m.set("dp", b64u(rk.Precomputed.Dp.Bytes()))
			m.set("dq", b64u(rk.Precomputed.Dq.Bytes()))
			m.set("qi", b64u(rk.Precomputed.Qinv.Bytes()))
		}
	case *ecdsa.PublicKey:
		crv, ok := jwkCurves[curveNames[p.Curve]]
		if !ok {
			return nil, errCode("Error", "ERR_CRYPTO_JWK_UNSUPPORTED_CURVE", "Unsupported JWK EC curve: %s.", curveNames[p.Curve])
		}
		n := (p.Curve.Params().BitSize + 7) / 8
		m.set("kty", "EC")
		m.set("x", b64u(padBytes(p.X.Bytes(), n)))
		m.set("y", b64u(padBytes(p.Y.Bytes(), n)))
		m.set("crv", crv)
		if ek, ok := k.Priv.(*ecdsa.PrivateKey); ok {
			m.set("d", b64u(padBytes(ek.D.Bytes(), n)))
		}
	case *K1PublicKey:
		m.set("kty", "EC")
		m.set("x", b64u(padBytes(p.X.Bytes(), 32)))
		m.set("y", b64u(padBytes(p.Y.Bytes(), 32)))
		m.set("crv", "secp256k1")
		if kk, ok := k.Priv.(*K1PrivateKey); ok {
			m.set("d", b64u(padBytes(kk.D.Bytes(), 32)))
		}
	case ed25519.PublicKey:
		m.set("crv", "Ed25519")
		if ek, ok := k.Priv.(ed25519.PrivateKey); ok {
			m.set("d", b64u(ek.Seed()))
		}
		m.set("x", b64u(p))
		m.set("kty", "OKP")
	case *ecdh.PublicKey:
		m.set("crv", "X25519")
		if ek, ok := k.Priv.(*ecdh.PrivateKey); ok {
			m.set("d", b64u(ek.Bytes()))
		}
		m.set("x", b64u(p.Bytes()))
		m.set("kty", "OKP")
	default:
		return nil, errCode("Error", "ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE", "Unsupported JWK Key Type.")
	}
	return m, nil
}

func jwkField(m map[string]any, name string) ([]byte, error) {
	s, ok := m[name].(string)
	if !ok {
		return nil, errCode("TypeError", "ERR_INVALID_ARG_TYPE", "The \"key.%s\" property must be of type string.", name)
	}
	b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
	if err != nil {
		b, err = base64.StdEncoding.DecodeString(s)
	}
	if err != nil {
		return nil, errCode("TypeError", "ERR_CRYPTO_INVALID_JWK", "Invalid JWK data")
	}
	return b, nil
}

// keyFromJwk(jwk, wantPrivate) -> [type, asymmetricKeyType, der]
func keyFromJwkOp(a *Args) (any, error) {
	m := a.Map(0)
	priv := a.Bool(1)
	invalid := errCode("TypeError", "ERR_CRYPTO_INVALID_JWK", "Invalid JWK %s key", "")
	bi := func(name string) (*big.Int, error) {
		b, err := jwkField(m, name)
		if err != nil {
			return nil, err
		}
		return new(big.Int).SetBytes(b), nil
	}
	var k *Key
	switch m["kty"] {
	case "RSA":
		invalid.Msg = "Invalid JWK RSA key"
		n, err := bi("n")
		if err != nil {
			return nil, err
		}
		e, err := bi("e")
		if err != nil {
			return nil, err
		}
		pub := &rsa.PublicKey{N: n, E: int(e.Int64())}
		k = &Key{Kind: "rsa", Pub: pub}
		if priv {
			var vals [6]*big.Int
			for i, f := range []string{"d", "p", "q", "dp", "dq", "qi"} {
				if vals[i], err = bi(f); err != nil {
					return nil, err
				}
			}
			rk := &rsa.PrivateKey{PublicKey: *pub, D: vals[0], Primes: []*big.Int{vals[1], vals[2]}}
			rk.Precompute()
			if rk.Validate() != nil {
				return nil, invalid
			}
			k.Priv = rk
		}
	case "EC":
		invalid.Msg = "Invalid JWK EC key"
		crv, _ := m["crv"].(string)
		if crv == "secp256k1" {
			x, err := jwkField(m, "x")
			if err != nil {
				return nil, err
			}
			y, err := jwkField(m, "y")
			if err != nil {
				return nil, err
			}
			pub := append(append([]byte{4}, padBytes(x, 32)...), padBytes(y, 32)...)
			if priv {
				d, err := jwkField(m, "d")
				if err != nil {
					return nil, err
				}
				if k, err = newK1Private(new(big.Int).SetBytes(d)); err != nil {
					return nil, invalid
				}
			} else if k, err = newK1Public(pub); err != nil {
				return nil, invalid
			}
			return keyResult(k)
		}
		c := CurveByName(crv)
		if c == nil || crv == "P-224" {
			return nil, errCode("TypeError", "ERR_CRYPTO_INVALID_JWK", "Invalid JWK EC key")
		}
		x, err := bi("x")
		if err != nil {
			return nil, err
		}
		y, err := bi("y")
		if err != nil {
			return nil, err
		}
		pub := &ecdsa.PublicKey{Curve: c, X: x, Y: y}
		if !c.IsOnCurve(x, y) { //nolint:staticcheck
			return nil, invalid
		}
		k = &Key{Kind: "ec", Pub: pub}
		if priv {
			d, err := bi("d")
			if err != nil {
				return nil, err
			}
			k.Priv = &ecdsa.PrivateKey{PublicKey: *pub, D: d}
		}
	case "OKP":
		invalid.Msg = "Invalid JWK OKP key"
		crv, _ := m["crv"].(string)
		x, err := jwkField(m, "x")
		if err != nil {
			return nil, err
		}
		switch crv {
		case "Ed25519":
			if len(x) != ed25519.PublicKeySize {
				return nil, invalid
			}
			k = &Key{Kind: "ed25519", Pub: ed25519.PublicKey(x)}
			if priv {
				d, err := jwkField(m, "d")
				if err != nil {
					return nil, err
				}
				if len(d) != ed25519.SeedSize {
					return nil, invalid
				}
				k.Priv = ed25519.NewKeyFromSeed(d)
			}
		case "X25519":
			pub, err := ecdh.X25519().NewPublicKey(x)
			if err != nil {
				return nil, invalid
			}
			k = &Key{Kind: "x25519", Pub: pub}
			if priv {
				d, err := jwkField(m, "d")
				if err != nil {
					return nil, err
				}
				pk, err := ecdh.X25519().NewPrivateKey(d)
				if err != nil {
					return nil, invalid
				}
				k.Priv = pk
			}
		default:
			return nil, errCode("TypeError", "ERR_CRYPTO_INVALID_JWK", "Invalid JWK OKP key")
		}
	default:
		return nil, errCode("TypeError", "ERR_CRYPTO_INVALID_JWK", "Invalid JWK data")
	}
	return keyResult(k)
}

// generateRSA makes an RSA key with any odd public exponent.
func generateRSA(bits, e int) (*rsa.PrivateKey, error) {
	if e == 65537 && bits >= 1024 {
		return rsa.GenerateKey(rand.Reader, bits)
	}
	E := big.NewInt(int64(e))
	one := big.NewInt(1)
	for {
		p, err := rand.Prime(rand.Reader, bits-bits/2)
		if err != nil {
			return nil, err
		}
		q, err := rand.Prime(rand.Reader, bits/2)
		if err != nil {
			return nil, err
		}
		if p.Cmp(q) == 0 {
			continue
		}
		n := new(big.Int).Mul(p, q)
		if n.BitLen() != bits {
			continue
		}
		pm := new(big.Int).Sub(p, one)
		qm := new(big.Int).Sub(q, one)
		phi := new(big.Int).Mul(pm, qm)
		d := new(big.Int).ModInverse(E, phi)
		if d == nil {
			continue
		}
		k := &rsa.PrivateKey{PublicKey: rsa.PublicKey{N: n, E: e}, D: d, Primes: []*big.Int{p, q}}
		k.Precompute()
		return k, nil
	}
}

// keyGen(type, options) -> [spki, pkcs8]
func keyGenOp(a *Args) (any, error) {
	opts := a.Map(1)
	num := func(name string, def int) int {
		if f, ok := opts[name].(float64); ok {
			return int(f)
		}
		return def
	}
	str := func(name string) string { s, _ := opts[name].(string); return s }
	var k *Key
	switch typ := a.Str(0); typ {
	case "rsa", "rsa-pss":
		rk, err := generateRSA(num("modulusLength", 2048), num("publicExponent", 65537))
		if err != nil {
			return nil, err
		}
		k = &Key{Kind: typ, Priv: rk, Pub: &rk.PublicKey}
		if typ == "rsa-pss" && (str("hashAlgorithm") != "" || str("mgf1HashAlgorithm") != "" || opts["saltLength"] != nil) {
			h := strings.ToLower(str("hashAlgorithm"))
			if h == "" {
				h = "sha1"
			}
			mh := strings.ToLower(str("mgf1HashAlgorithm"))
			if mh == "" {
				mh = h
			}
			if _, ok := hashOIDs[h]; !ok {
				return nil, errCode("TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid hash algorithm: %s", h)
			}
			if _, ok := hashOIDs[mh]; !ok {
				return nil, errCode("TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid MGF1 digest: %s", mh)
			}
			sl := num("saltLength", hashFunc(h)().Size())
			k.PSS = &PSSParams{Hash: h, MGF1Hash: mh, SaltLength: sl}
		}
	case "ec":
		if str("namedCurve") == "secp256k1" {
			var err error
			if k, err = generateK1(); err != nil {
				return nil, err
			}
			break
		}
		c := CurveByName(str("namedCurve"))
		if c == nil {
			return nil, errCode("TypeError", "ERR_CRYPTO_INVALID_CURVE", "Invalid EC curve name")
		}
		ek, err := ecdsa.GenerateKey(c, rand.Reader)
		if err != nil {
			return nil, err
		}
		k = &Key{Kind: "ec", Priv: ek, Pub: &ek.PublicKey, Explicit: str("paramEncoding") == "explicit"}
	case "ed25519":
		pub, priv, _ := ed25519.GenerateKey(rand.Reader)
		k = &Key{Kind: "ed25519", Priv: priv, Pub: pub}
	case "dh":
		var err error
		if k, err = generateDHKey(opts); err != nil {
			return nil, err
		}
	case "dsa":
		var err error
		if k, err = generateDSA(num("modulusLength", 2048), num("divisorLength", -1)); err != nil {
			return nil, err
		}
	case "x25519":
		pk, _ := ecdh.X25519().GenerateKey(rand.Reader)
		k = &Key{Kind: "x25519", Priv: pk, Pub: pk.PublicKey()}
	default:
		return nil, errCode("Error", "ERR_NOT_IMPLEMENTED", "crypto.generateKeyPair type %s is not implemented in gonode yet", typ)
	}
	priv, err := k.MarshalPKCS8()
	if err != nil {
		return nil, err
	}
	pub, err := k.MarshalSPKI()
	if err != nil {
		return nil, err
	}
	return []any{pub, priv}, nil
}

func b64u(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

func padBytes(b []byte, n int) []byte {
	if len(b) >= n {
		return b
	}
	return append(make([]byte, n-len(b)), b...)
}
