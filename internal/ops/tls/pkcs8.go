package tls

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/asn1"
	"hash"
)

func randRead(b []byte) { _, _ = rand.Read(b) }

type algID struct {
	Algorithm  asn1.ObjectIdentifier
	Parameters asn1.RawValue `asn1:"optional"`
}

type encryptedPKInfo struct {
	Algo algID
	Data []byte
}

type pbes2Params struct {
	KDF algID
	Enc algID
}

type pbkdf2Params struct {
	Salt      []byte
	Iter      int
	KeyLength int   `asn1:"optional"`
	PRF       algID `asn1:"optional"`
}

var (
	oidPBES2      = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 13}
	oidPBKDF2     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 12}
	oidHMACSHA1   = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 7}
	oidHMACSHA256 = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 9}
	oidHMACSHA384 = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 10}
	oidHMACSHA512 = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 11}
	oidAES128CBC  = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 2}
	oidAES192CBC  = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 22}
	oidAES256CBC  = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 42}
	oidDESEDE3CBC = asn1.ObjectIdentifier{1, 2, 840, 113549, 3, 7}
)

// decryptPKCS8 decrypts a PKCS#8 EncryptedPrivateKeyInfo protected with
// PBES2 (PBKDF2 and AES-CBC or 3DES-CBC), the scheme OpenSSL writes.
func decryptPKCS8(der, password []byte) ([]byte, error) {
	var info encryptedPKInfo
	if _, err := asn1.Unmarshal(der, &info); err != nil {
		return nil, errUnsupported
	}
	if !info.Algo.Algorithm.Equal(oidPBES2) {
		return nil, errUnsupported
	}
	var p pbes2Params
	if _, err := asn1.Unmarshal(info.Algo.Parameters.FullBytes, &p); err != nil {
		return nil, errUnsupported
	}
	if !p.KDF.Algorithm.Equal(oidPBKDF2) {
		return nil, errUnsupported
	}
	var kp pbkdf2Params
	if _, err := asn1.Unmarshal(p.KDF.Parameters.FullBytes, &kp); err != nil {
		return nil, errUnsupported
	}
	h := func() hash.Hash { return sha1.New() }
	switch {
	case kp.PRF.Algorithm == nil, kp.PRF.Algorithm.Equal(oidHMACSHA1):
	case kp.PRF.Algorithm.Equal(oidHMACSHA256):
		h = sha256.New
	case kp.PRF.Algorithm.Equal(oidHMACSHA384):
		h = sha512.New384
	case kp.PRF.Algorithm.Equal(oidHMACSHA512):
		h = sha512.New
	default:
		return nil, errUnsupported
	}
	var iv []byte
	if _, err := asn1.Unmarshal(p.Enc.Parameters.FullBytes, &iv); err != nil {
		return nil, errUnsupported
	}
	var keyLen int
	var mk func([]byte) (cipher.Block, error)
	switch {
	case p.Enc.Algorithm.Equal(oidAES128CBC):
		keyLen, mk = 16, aes.NewCipher
	case p.Enc.Algorithm.Equal(oidAES192CBC):
		keyLen, mk = 24, aes.NewCipher
	case p.Enc.Algorithm.Equal(oidAES256CBC):
		keyLen, mk = 32, aes.NewCipher
	case p.Enc.Algorithm.Equal(oidDESEDE3CBC):
		keyLen, mk = 24, des.NewTripleDESCipher
	default:
		return nil, errUnsupported
	}
	key, err := pbkdf2.Key(h, string(password), kp.Salt, kp.Iter, keyLen)
	if err != nil {
		return nil, errBadDecrypt
	}
	block, err := mk(key)
	if err != nil || len(iv) != block.BlockSize() || len(info.Data)%block.BlockSize() != 0 || len(info.Data) == 0 {
		return nil, errBadDecrypt
	}
	out := make([]byte, len(info.Data))
	cipher.NewCBCDecrypter(block, iv).CryptBlocks(out, info.Data)
	pad := int(out[len(out)-1])
	if pad == 0 || pad > block.BlockSize() || pad > len(out) {
		return nil, errBadDecrypt
	}
	for _, b := range out[len(out)-pad:] {
		if int(b) != pad {
			return nil, errBadDecrypt
		}
	}
	return out[:len(out)-pad], nil
}
