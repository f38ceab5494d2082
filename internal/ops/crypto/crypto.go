// Package crypto implements the crypto binding: random bytes, message
// digests and HMACs over Go's standard library.
package crypto

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"hash"
	"strings"

	"golang.org/x/crypto/blake2b"
	"golang.org/x/crypto/blake2s"
	"golang.org/x/crypto/ripemd160" //nolint:staticcheck // Node offers it

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
	"sha3-224":   func() hash.Hash { return sha3.New224() },
	"sha3-256":   func() hash.Hash { return sha3.New256() },
	"sha3-384":   func() hash.Hash { return sha3.New384() },
	"sha3-512":   func() hash.Hash { return sha3.New512() },
	"rsa-sha224": sha256.New224,
	"sha-224":    sha256.New224,
	"md5-sha1":   newMD5SHA1,
	"ripemd160":  ripemd160.New,
	"ripemd":     ripemd160.New,
	"rmd160":     ripemd160.New,
	"blake2b512": func() hash.Hash { h, _ := blake2b.New512(nil); return h },
	"blake2s256": func() hash.Hash { h, _ := blake2s.New256(nil); return h },
}

// md5sha1 is the concatenation of MD5 and SHA-1 digests (TLS 1.0's).
type md5sha1 struct{ a, b hash.Hash }

func newMD5SHA1() hash.Hash { return &md5sha1{md5.New(), sha1.New()} }

func (h *md5sha1) Write(p []byte) (int, error) { h.a.Write(p); return h.b.Write(p) }
func (h *md5sha1) Sum(b []byte) []byte         { return h.b.Sum(h.a.Sum(b)) }
func (h *md5sha1) Reset()                      { h.a.Reset(); h.b.Reset() }
func (h *md5sha1) Size() int                   { return 36 }
func (h *md5sha1) BlockSize() int              { return 64 }

// xof is a SHAKE hash read to a fixed output length.
type xof struct {
	s *sha3.SHAKE
	n int
}

func (h *xof) Write(p []byte) (int, error) { return h.s.Write(p) }
func (h *xof) Sum(b []byte) []byte {
	out := make([]byte, h.n)
	h.s.Read(out)
	return append(b, out...)
}
func (h *xof) Reset() { h.s.Reset() }

// Clone copies the running state (hash.copy()).
func (h *xof) Clone() (hash.Cloner, error) {
	b, err := h.s.MarshalBinary()
	if err != nil {
		return nil, err
	}
	s := new(sha3.SHAKE)
	if err := s.UnmarshalBinary(b); err != nil {
		return nil, err
	}
	return &xof{s, h.n}, nil
}
func (h *xof) Size() int      { return h.n }
func (h *xof) BlockSize() int { return h.s.BlockSize() }

// newXOF returns SHAKE128/256 with an output length (-1: the default).
func newXOF(name string, n int) hash.Hash {
	switch strings.ToLower(name) {
	case "shake128":
		if n < 0 {
			n = 16
		}
		return &xof{sha3.NewSHAKE128(), n}
	case "shake256":
		if n < 0 {
			n = 32
		}
		return &xof{sha3.NewSHAKE256(), n}
	}
	return nil
}

// HashNames lists the supported digest names.
func HashNames() []string {
	return []string{"RSA-MD5", "RSA-RIPEMD160", "RSA-SHA1", "RSA-SHA1-2", "RSA-SHA224", "RSA-SHA256",
		"RSA-SHA3-224", "RSA-SHA3-256", "RSA-SHA3-384", "RSA-SHA3-512", "RSA-SHA384", "RSA-SHA512",
		"RSA-SHA512/224", "RSA-SHA512/256", "blake2b512", "blake2s256", "md5", "md5-sha1",
		"md5WithRSAEncryption", "ripemd", "ripemd160", "ripemd160WithRSA", "rmd160", "sha1",
		"sha1WithRSAEncryption", "sha224", "sha224WithRSAEncryption", "sha256", "sha256WithRSAEncryption",
		"sha3-224", "sha3-256", "sha3-384", "sha3-512", "sha384", "sha384WithRSAEncryption", "sha512",
		"sha512-224", "sha512-224WithRSAEncryption", "sha512-256", "sha512-256WithRSAEncryption",
		"sha512WithRSAEncryption", "shake128", "shake256"}
}

// NewHash returns the hash named alg (case-insensitive), or nil.
func NewHash(alg string) hash.Hash {
	if f := hashFunc(alg); f != nil {
		return f()
	}
	return newXOF(alg, -1)
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
	// hashNew(alg, outputLength?) returns a handle, or -1 for an unknown
	// digest, or -2 for an output length a fixed-length digest cannot give.
	binding.Func(c, obj, "hashNew", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		name := c.GoString(qjs.Arg(args, 0))
		h := NewHash(name)
		if n := qjs.Arg(args, 1); n.IsNumber() && h != nil {
			l := int(n.Int())
			if x := newXOF(name, l); x != nil {
				h = x
			} else if l != h.Size() {
				return qjs.Int32(-2)
			}
		}
		if h == nil {
			return qjs.Int32(-1)
		}
		return add(h)
	})
	// hmacNew(alg, key) returns a handle, or -1 for an unknown digest.
	binding.Func(c, obj, "hmacNew", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		f := hashFunc(normalizeDigest(c.GoString(qjs.Arg(args, 0))))
		if f == nil {
			f = hashFunc(c.GoString(qjs.Arg(args, 0)))
		}
		if f == nil {
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
	registerOps(env, obj)
	binding.Func(c, obj, "getHashes", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return c.StringArray(HashNames())
	})
}
