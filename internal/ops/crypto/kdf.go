package crypto

import (
	"crypto/hmac"
	"encoding/binary"
	"hash"
	"strings"

	"golang.org/x/crypto/scrypt"
)

// hashFunc returns the constructor of a digest by Node name, or nil.
func hashFunc(name string) func() hash.Hash {
	n := strings.ToLower(name)
	if f, ok := hashes[n]; ok {
		return f
	}
	switch n {
	case "rsa-sha1-2":
		n = "sha1"
	case "ripemd160withrsa", "rsa-ripemd160":
		n = "ripemd160"
	default:
		n = normalizeDigest(n)
	}
	if f, ok := hashes[n]; ok {
		return f
	}
	return nil
}

// PBKDF2 derives keyLen bytes (RFC 8018) with HMAC over h.
func PBKDF2(h func() hash.Hash, password, salt []byte, iter, keyLen int) []byte {
	prf := hmac.New(h, password)
	out := make([]byte, 0, keyLen)
	var buf [4]byte
	for block := uint32(1); len(out) < keyLen; block++ {
		prf.Reset()
		prf.Write(salt)
		binary.BigEndian.PutUint32(buf[:], block)
		prf.Write(buf[:])
		u := prf.Sum(nil)
		t := append([]byte{}, u...)
		for i := 1; i < iter; i++ {
			prf.Reset()
			prf.Write(u)
			u = prf.Sum(u[:0])
			for j := range t {
				t[j] ^= u[j]
			}
		}
		out = append(out, t...)
	}
	return out[:keyLen]
}

// HKDF derives length bytes (RFC 5869).
func HKDF(h func() hash.Hash, ikm, salt, info []byte, length int) []byte {
	if len(salt) == 0 {
		salt = make([]byte, h().Size())
	}
	ext := hmac.New(h, salt)
	ext.Write(ikm)
	prk := ext.Sum(nil)
	m := hmac.New(h, prk)
	var out, prev []byte
	for i := byte(1); len(out) < length; i++ {
		m.Reset()
		m.Write(prev)
		m.Write(info)
		m.Write([]byte{i})
		prev = m.Sum(nil)
		out = append(out, prev...)
	}
	return out[:length]
}

// pbkdf2(password, salt, iterations, keylen, digest)
func pbkdf2Op(a *Args) (any, error) {
	h := hashFunc(a.Str(4))
	if h == nil {
		return nil, errCode("TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: %s", a.Str(4))
	}
	return PBKDF2(h, a.Bytes(0), a.Bytes(1), a.Int(2, 1), a.Int(3, 0)), nil
}

// hkdf(digest, ikm, salt, info, length)
func hkdfOp(a *Args) (any, error) {
	h := hashFunc(a.Str(0))
	if h == nil {
		return nil, errCode("TypeError", "ERR_CRYPTO_INVALID_DIGEST", "Invalid digest: %s", a.Str(0))
	}
	return HKDF(h, a.Bytes(1), a.Bytes(2), a.Bytes(3), a.Int(4, 0)), nil
}

// scryptCheck reports whether N, r, p and maxmem are acceptable, as
// OpenSSL judges them.
func scryptCheck(n, r, p uint64, maxmem float64) bool {
	if n < 2 || n&(n-1) != 0 || r == 0 || p == 0 {
		return false
	}
	if p > (1<<30-1)/r {
		return false
	}
	if 16*r <= 63 && n >= 1<<(16*r) {
		return false
	}
	mem := 128*r*(n+2) + 128*r*p
	return float64(mem) <= maxmem
}

// scryptCheck(N, r, p, maxmem) -> bool
func scryptCheckOp(a *Args) (any, error) {
	return scryptCheck(uint64(a.Float(0, 0)), uint64(a.Float(1, 0)), uint64(a.Float(2, 0)), a.Float(3, 0)), nil
}

// scrypt(password, salt, keylen, N, r, p)
func scryptOp(a *Args) (any, error) {
	kl := a.Int(2, 0)
	if kl == 0 {
		return []byte{}, nil
	}
	k, err := scrypt.Key(a.Bytes(0), a.Bytes(1), a.Int(3, 16384), a.Int(4, 8), a.Int(5, 1), kl)
	if err != nil {
		return nil, errCode("Error", "ERR_CRYPTO_INVALID_SCRYPT_PARAMS", "Invalid scrypt params: %s", err.Error())
	}
	return k, nil
}
