// Package crypto implements the crypto binding: random bytes, message
// digests and HMACs over Go's standard library.
package crypto

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"hash"
	"strings"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

func init() { binding.Register("crypto", initCrypto) }

// hashes maps Node's digest names (lower-cased) to constructors.
var hashes = map[string]func() hash.Hash{
	"md5":        md5.New,
	"sha1":       sha1.New,
	"sha224":     sha256.New224,
	"sha256":     sha256.New,
	"sha384":     sha512.New384,
	"sha512":     sha512.New,
	"sha512-224": sha512.New512_224,
	"sha512-256": sha512.New512_256,
	"rsa-md5":    md5.New,
	"rsa-sha1":   sha1.New,
	"rsa-sha256": sha256.New,
	"rsa-sha384": sha512.New384,
	"rsa-sha512": sha512.New,
	"sha-1":      sha1.New,
	"sha-256":    sha256.New,
	"sha-384":    sha512.New384,
	"sha-512":    sha512.New,
}

// HashNames lists the supported digest names.
func HashNames() []string {
	return []string{"RSA-MD5", "RSA-SHA1", "RSA-SHA256", "RSA-SHA384", "RSA-SHA512", "md5", "sha1",
		"sha224", "sha256", "sha384", "sha512", "sha512-224", "sha512-256"}
}

// NewHash returns the hash named alg (case-insensitive), or nil.
func NewHash(alg string) hash.Hash {
	if f, ok := hashes[strings.ToLower(alg)]; ok {
		return f()
	}
	return nil
}

type state struct {
	next   int32
	hashes map[int32]hash.Hash
}

// bytesArg returns the bytes of a string (as UTF-8) or a typed array,
// ArrayBuffer or DataView.
func bytesArg(c *qjs.Context, v qjs.Value) ([]byte, bool) {
	if v.IsString() {
		s, err := c.ToGoString(v)
		if err != nil {
			return nil, false
		}
		return []byte(s), true
	}
	if b, ok := c.TypedArrayBytes(v); ok {
		return b, true
	}
	if b, ok := c.ArrayBufferBytes(v); ok {
		return b, true
	}
	c.ClearException()
	return nil, false
}

// Encode renders a digest as Node's output encodings do.
func Encode(b []byte, enc string) (string, bool) {
	switch enc {
	case "hex":
		return hex.EncodeToString(b), true
	case "base64":
		return base64.StdEncoding.EncodeToString(b), true
	case "base64url":
		return base64.RawURLEncoding.EncodeToString(b), true
	case "latin1", "binary":
		r := make([]rune, len(b))
		for i, x := range b {
			r[i] = rune(x)
		}
		return string(r), true
	}
	return "", false
}

func initCrypto(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	st := &state{hashes: map[int32]hash.Hash{}}
	add := func(h hash.Hash) qjs.Value {
		st.next++
		st.hashes[st.next] = h
		return qjs.Int32(st.next)
	}
	// randomFill(view) fills a typed array, DataView or ArrayBuffer in place.
	binding.Func(c, obj, "randomFill", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		v := qjs.Arg(args, 0)
		b, ok := c.TypedArrayBytes(v)
		if !ok {
			if b, ok = c.ArrayBufferBytes(v); !ok {
				c.ClearException()
				return c.ThrowTypeError("randomFill: not a buffer")
			}
		}
		rand.Read(b)
		return qjs.Undefined
	})
	// hashNew(alg) returns a handle, or -1 for an unknown digest.
	binding.Func(c, obj, "hashNew", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		h := NewHash(c.GoString(qjs.Arg(args, 0)))
		if h == nil {
			return qjs.Int32(-1)
		}
		return add(h)
	})
	// hmacNew(alg, key) returns a handle, or -1 for an unknown digest.
	binding.Func(c, obj, "hmacNew", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		f, ok := hashes[strings.ToLower(c.GoString(qjs.Arg(args, 0)))]
		if !ok {
			return qjs.Int32(-1)
		}
		key, ok := bytesArg(c, qjs.Arg(args, 1))
		if !ok {
			return c.ThrowTypeError("hmacNew: bad key")
		}
		return add(hmac.New(f, append([]byte(nil), key...)))
	})
	binding.Func(c, obj, "hashUpdate", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		id, _ := c.ToInt64(qjs.Arg(args, 0))
		h := st.hashes[int32(id)]
		b, ok := bytesArg(c, qjs.Arg(args, 1))
		if h == nil || !ok {
			return qjs.Bool(false)
		}
		h.Write(b)
		return qjs.Bool(true)
	})
	// hashCopy(id) clones the running state of a hash (not an HMAC).
	binding.Func(c, obj, "hashCopy", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		id, _ := c.ToInt64(qjs.Arg(args, 0))
		h := st.hashes[int32(id)]
		if cl, ok := h.(hash.Cloner); ok {
			if n, err := cl.Clone(); err == nil {
				return add(n)
			}
		}
		return qjs.Int32(-1)
	})
	// hashDigest(id, encoding?) finishes and frees a hash: a string for a
	// known encoding, else a Uint8Array.
	binding.Func(c, obj, "hashDigest", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		id, _ := c.ToInt64(qjs.Arg(args, 0))
		h := st.hashes[int32(id)]
		if h == nil {
			return qjs.Undefined
		}
		delete(st.hashes, int32(id))
		sum := h.Sum(nil)
		if e := qjs.Arg(args, 1); e.IsString() {
			if s, ok := Encode(sum, c.GoString(e)); ok {
				return c.String(s)
			}
		}
		return c.Uint8Array(sum)
	})
	binding.Func(c, obj, "hashFree", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		id, _ := c.ToInt64(qjs.Arg(args, 0))
		delete(st.hashes, int32(id))
		return qjs.Undefined
	})
	binding.Func(c, obj, "getHashes", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return c.StringArray(HashNames())
	})
}
