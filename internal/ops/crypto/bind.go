package crypto

import (
	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

// ciphers holds the running ciphers of one instance (loop goroutine only).
type ciphers struct {
	next int
	m    map[int]*Cipher
}

func (cs *ciphers) get(a *Args) (*Cipher, error) {
	c := cs.m[a.Int(0, 0)]
	if c == nil {
		return nil, errCode("Error", "ERR_CRYPTO_INVALID_STATE", "Invalid state")
	}
	return c, nil
}

func registerOps(env *binding.Env, obj qjs.Value) {
	cs := &ciphers{m: map[int]*Cipher{}}
	ops := map[string]Op{
		"pbkdf2":      pbkdf2Op,
		"hkdf":        hkdfOp,
		"scrypt":      scryptOp,
		"scryptCheck": scryptCheckOp,
		"cipherInfo":  cipherInfoOp,
		"getCiphers":  func(a *Args) (any, error) { return CipherNames(), nil },
		"getCurves":   func(a *Args) (any, error) { return CurveNames(), nil },
		"keyParse":    keyParseOp,
		"keyPublic":   keyPublicOp,
		"keyExport":   keyExportOp,
		"keyDetails":  keyDetailsOp,
		"keyJwk":      keyJwkOp,
		"keyFromJwk":  keyFromJwkOp,
		"keyGen":      keyGenOp,
		"sign":        signOp,
		"verify":      verifyOp,
		"rsaCrypt":    rsaCryptOp,
		"dhKeys":      dhKeysOp,
		"ecdh":        ecdhOp,
		"dh":          dhOp,
		"x509":        x509Op,
		"primeGen":    primeGenOp,
		"spkac":       spkacOp,
		"primeCheck":  primeCheckOp,
		// cipherNew(name, key, iv|null, decrypt, authTagLength|-1) -> id
		"cipherNew": func(a *Args) (any, error) {
			c, err := NewCipher(a.Str(0), a.Bytes(1), a.Bytes(2), a.Has(2), a.Bool(3), a.Int(4, -1))
			if err != nil {
				return nil, err
			}
			cs.next++
			cs.m[cs.next] = c
			return cs.next, nil
		},
		"cipherUpdate": func(a *Args) (any, error) {
			c, err := cs.get(a)
			if err != nil {
				return nil, err
			}
			return c.Update(a.Bytes(1))
		},
		"cipherFinal": func(a *Args) (any, error) {
			c, err := cs.get(a)
			if err != nil {
				return nil, err
			}
			delete(cs.m, a.Int(0, 0))
			out, err := c.Final()
			if err != nil {
				return nil, err
			}
			if c.tag != nil && !c.decrypt {
				return []any{out, c.tag}, nil
			}
			return []any{out}, nil
		},
		"cipherFree": func(a *Args) (any, error) {
			delete(cs.m, a.Int(0, 0))
			return nil, nil
		},
		// cipherSetAAD(id, aad) -> false when the cipher takes no AAD
		"cipherSetAAD": func(a *Args) (any, error) {
			c, err := cs.get(a)
			if err != nil {
				return nil, err
			}
			if c.aead == nil || c.sawData {
				return false, nil
			}
			c.aead.aad(a.Bytes(1))
			return true, nil
		},
		"cipherSetAutoPadding": func(a *Args) (any, error) {
			c, err := cs.get(a)
			if err != nil {
				return nil, err
			}
			if c.aead != nil || c.stream != nil {
				return false, nil
			}
			c.autoPadding = a.Bool(1)
			return true, nil
		},
		// cipherSetAuthTag(id, tag) -> false when not an AEAD decipher
		"cipherSetAuthTag": func(a *Args) (any, error) {
			c, err := cs.get(a)
			if err != nil {
				return nil, err
			}
			if c.aead == nil || !c.decrypt || c.tag != nil {
				return false, nil
			}
			tag := a.Bytes(1)
			n := len(tag)
			ok := n >= 1 && n <= 16
			if c.info.Mode == "gcm" {
				ok = n == 4 || n == 8 || (n >= 12 && n <= 16)
			}
			if !ok || (c.tagLen != 16 && n != c.tagLen) {
				return nil, errCode("TypeError", "ERR_CRYPTO_INVALID_AUTH_TAG", "Invalid authentication tag length: %d", n)
			}
			c.tag = tag
			return true, nil
		},
		"cipherTagLength": func(a *Args) (any, error) {
			c, err := cs.get(a)
			if err != nil {
				return nil, err
			}
			return c.tagLen, nil
		},
	}
	async := map[string]bool{"pbkdf2": true, "hkdf": true, "scrypt": true, "keyGen": true, "dh": true, "sign": true, "verify": true,
		"primeGen": true, "primeCheck": true}
	addOps(env, obj, ops, async)
}
