package crypto

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/subtle"
	"encoding/binary"
	"sort"
	"strings"

	"golang.org/x/crypto/chacha20"
	"golang.org/x/crypto/poly1305" //nolint:staticcheck // the AEAD needs the raw MAC
)

// CipherInfo describes a cipher as crypto.getCipherInfo reports it.
type CipherInfo struct {
	Name      string
	NID       int
	BlockSize int
	IVLength  int
	KeyLength int
	Mode      string
	// Supported is false for ciphers whose info is known but that
	// createCipheriv cannot run yet.
	Supported bool
}

var cipherTable = []CipherInfo{
	{"aes-128-cbc", 419, 16, 16, 16, "cbc", true},
	{"aes-192-cbc", 423, 16, 16, 24, "cbc", true},
	{"aes-256-cbc", 427, 16, 16, 32, "cbc", true},
	{"aes-128-ecb", 418, 16, 0, 16, "ecb", true},
	{"aes-192-ecb", 422, 16, 0, 24, "ecb", true},
	{"aes-256-ecb", 426, 16, 0, 32, "ecb", true},
	{"aes-128-ctr", 904, 1, 16, 16, "ctr", true},
	{"aes-192-ctr", 905, 1, 16, 24, "ctr", true},
	{"aes-256-ctr", 906, 1, 16, 32, "ctr", true},
	{"aes-128-cfb", 421, 1, 16, 16, "cfb", true},
	{"aes-192-cfb", 425, 1, 16, 24, "cfb", true},
	{"aes-256-cfb", 429, 1, 16, 32, "cfb", true},
	{"aes-128-ofb", 420, 1, 16, 16, "ofb", true},
	{"aes-192-ofb", 424, 1, 16, 24, "ofb", true},
	{"aes-256-ofb", 428, 1, 16, 32, "ofb", true},
	{"aes-128-gcm", 895, 1, 12, 16, "gcm", true},
	{"aes-192-gcm", 898, 1, 12, 24, "gcm", true},
	{"aes-256-gcm", 901, 1, 12, 32, "gcm", true},
	{"aes-128-ccm", 896, 1, 12, 16, "ccm", false},
	{"aes-192-ccm", 899, 1, 12, 24, "ccm", false},
	{"aes-256-ccm", 902, 1, 12, 32, "ccm", false},
	{"aes-128-ocb", 958, 16, 12, 16, "ocb", false},
	{"aes-192-ocb", 959, 16, 12, 24, "ocb", false},
	{"aes-256-ocb", 960, 16, 12, 32, "ocb", false},
	{"id-aes128-wrap", 788, 8, 8, 16, "wrap", true},
	{"id-aes192-wrap", 789, 8, 8, 24, "wrap", true},
	{"id-aes256-wrap", 790, 8, 8, 32, "wrap", true},
	{"id-aes128-wrap-pad", 897, 8, 4, 16, "wrap", true},
	{"id-aes192-wrap-pad", 900, 8, 4, 24, "wrap", true},
	{"id-aes256-wrap-pad", 903, 8, 4, 32, "wrap", true},
	{"chacha20-poly1305", 1018, 1, 12, 32, "stream", true},
	{"chacha20", 1019, 1, 16, 32, "stream", true},
	{"aes-128-cfb8", 653, 1, 16, 16, "cfb", true},
	{"aes-192-cfb8", 657, 1, 16, 24, "cfb", true},
	{"aes-256-cfb8", 658, 1, 16, 32, "cfb", true},
	{"des-ede3-cbc", 44, 8, 8, 24, "cbc", true},
	{"des-ede3", 33, 8, 0, 24, "ecb", true},
	{"des-ede-cbc", 43, 8, 8, 16, "cbc", true},
	{"des-ede", 32, 8, 0, 16, "ecb", true},
	{"des-cbc", 31, 8, 8, 8, "cbc", true},
	{"des-ecb", 29, 8, 0, 8, "ecb", true},
}

var cipherAliases = map[string]string{
	"aes128": "aes-128-cbc", "aes192": "aes-192-cbc", "aes256": "aes-256-cbc",
	"des3": "des-ede3-cbc", "des": "des-cbc", "id-aes128-wrap-pad": "id-aes128-wrap-pad",
	"aes128-wrap": "id-aes128-wrap", "aes192-wrap": "id-aes192-wrap", "aes256-wrap": "id-aes256-wrap",
	"des-ede3-ecb": "des-ede3", "aes128-wrap-pad": "id-aes128-wrap-pad", "aes192-wrap-pad": "id-aes192-wrap-pad",
	"aes256-wrap-pad": "id-aes256-wrap-pad", "id-aes128-gcm": "aes-128-gcm", "id-aes192-gcm": "aes-192-gcm",
	"id-aes256-gcm": "aes-256-gcm", "des-ede-ecb": "des-ede", "des-ede": "des-ede",
}

// LookupCipher finds a cipher by name (case-insensitive) or alias.
func LookupCipher(name string) *CipherInfo {
	n := strings.ToLower(name)
	if a, ok := cipherAliases[n]; ok {
		n = a
	}
	for i := range cipherTable {
		if cipherTable[i].Name == n {
			return &cipherTable[i]
		}
	}
	return nil
}

// CipherNames lists the ciphers createCipheriv supports, sorted.
func CipherNames() []string {
	var out []string
	for _, ci := range cipherTable {
		if ci.Supported {
			out = append(out, ci.Name)
		}
	}
	for a, n := range cipherAliases {
		if ci := LookupCipher(n); ci != nil && ci.Supported && a != n {
			out = append(out, a)
		}
	}
	sort.Strings(out)
	return out
}

func cipherInfoOp(a *Args) (any, error) {
	var ci *CipherInfo
	if a.Has(0) {
		if n, ok := a.at(0).(float64); ok {
			for i := range cipherTable {
				if cipherTable[i].NID == int(n) {
					ci = &cipherTable[i]
				}
			}
		} else {
			ci = LookupCipher(a.Str(0))
		}
	}
	if ci == nil {
		return nil, nil
	}
	ivLen := ci.IVLength
	if a.Has(1) {
		kl := a.Int(1, 0)
		if kl != ci.KeyLength {
			return nil, nil
		}
	}
	if a.Has(2) {
		n := a.Int(2, 0)
		ok := n == ci.IVLength
		switch ci.Mode {
		case "gcm":
			ok = n > 0
		case "ccm":
			ok = n >= 7 && n <= 13
		case "ocb":
			ok = n >= 1 && n <= 15
		}
		if !ok {
			return nil, nil
		}
		ivLen = n
	}
	// [mode, name, nid, blockSize, ivLength, keyLength], null for absent.
	name := ci.Name
	if ci.Mode == "gcm" || ci.Mode == "ccm" {
		name = "id-" + strings.Replace(name, "-", "", 1)
	}
	var bs, iv any = ci.BlockSize, ivLen
	if ci.Mode == "stream" {
		bs = nil
	}
	if ci.Mode == "ecb" {
		iv = nil
	}
	return []any{ci.Mode, name, ci.NID, bs, iv, ci.KeyLength}, nil
}

// Cipher is a running createCipheriv/createDecipheriv.
type Cipher struct {
	info        *CipherInfo
	decrypt     bool
	block       cipher.Block
	cbc         cipher.BlockMode
	stream      cipher.Stream
	aead        aeadStream
	buf         []byte
	autoPadding bool
	tagLen      int
	tag         []byte
	iv          []byte
	key         []byte
	sawData     bool
}

type aeadStream interface {
	aad(b []byte)
	update(dst, src []byte, decrypt bool)
	sum() []byte
}

func errInvalidKey() error {
	return errCode("RangeError", "ERR_CRYPTO_INVALID_KEYLEN", "Invalid key length")
}
func errInvalidIV() error {
	return errCode("TypeError", "ERR_CRYPTO_INVALID_IV", "Invalid initialization vector")
}

// NewCipher starts a cipher. authTagLen is -1 when not given.
func NewCipher(name string, key, iv []byte, hasIV bool, decrypt bool, authTagLen int) (*Cipher, error) {
	ci := LookupCipher(name)
	if ci == nil {
		return nil, errCode("Error", "ERR_CRYPTO_UNKNOWN_CIPHER", "Unknown cipher")
	}
	if !ci.Supported {
		return nil, errCode("Error", "ERR_NOT_IMPLEMENTED", "crypto cipher %s is not implemented in gonode yet", ci.Name)
	}
	if len(key) != ci.KeyLength {
		return nil, errInvalidKey()
	}
	c := &Cipher{info: ci, decrypt: decrypt, autoPadding: true, tagLen: 16, key: key, iv: iv}
	switch ci.Mode {
	case "gcm":
		if !hasIV || len(iv) == 0 {
			return nil, errInvalidIV()
		}
	case "ecb":
		if hasIV && len(iv) != 0 {
			return nil, errInvalidIV()
		}
	case "wrap":
		if hasIV && len(iv) != ci.IVLength {
			return nil, errInvalidIV()
		}
	case "stream":
		if ci.Name == "chacha20" && (!hasIV || len(iv) != 16) {
			return nil, errInvalidIV()
		}
	default:
		if !hasIV || len(iv) != ci.IVLength {
			return nil, errInvalidIV()
		}
	}
	if authTagLen >= 0 {
		ok := false
		switch ci.Mode {
		case "gcm":
			ok = authTagLen >= 4 && authTagLen <= 16 && (authTagLen >= 12 || authTagLen == 4 || authTagLen == 8)
		case "stream":
			ok = authTagLen >= 1 && authTagLen <= 16 && ci.Name == "chacha20-poly1305"
		}
		if !ok {
			if ci.Mode == "gcm" || ci.Name == "chacha20-poly1305" {
				return nil, errCode("TypeError", "ERR_CRYPTO_INVALID_AUTH_TAG", "Invalid authentication tag length: %d", authTagLen)
			}
		} else {
			c.tagLen = authTagLen
		}
	}
	var err error
	switch {
	case strings.HasPrefix(ci.Name, "aes") || strings.HasPrefix(ci.Name, "id-aes"):
		c.block, err = aes.NewCipher(key)
	case strings.HasPrefix(ci.Name, "des-ede3"):
		c.block, err = des.NewTripleDESCipher(key)
	case strings.HasPrefix(ci.Name, "des-ede"):
		k := append(append([]byte{}, key...), key[:8]...)
		c.block, err = des.NewTripleDESCipher(k)
	case strings.HasPrefix(ci.Name, "des"):
		c.block, err = des.NewCipher(key)
	case ci.Name == "chacha20-poly1305":
		if len(iv) > 12 || len(iv) == 0 {
			return nil, errInvalidIV()
		}
		c.aead, err = newChachaPoly(key, iv)
	case ci.Name == "chacha20":
		var cc *chacha20.Cipher
		cc, err = chacha20.NewUnauthenticatedCipher(key, iv[4:])
		if err == nil {
			cc.SetCounter(binary.LittleEndian.Uint32(iv[:4]))
			c.stream = cc
		}
	}
	if err != nil {
		return nil, errInvalidKey()
	}
	switch ci.Mode {
	case "cbc":
		if decrypt {
			c.cbc = cipher.NewCBCDecrypter(c.block, iv)
		} else {
			c.cbc = cipher.NewCBCEncrypter(c.block, iv)
		}
	case "ctr":
		c.stream = cipher.NewCTR(c.block, iv)
	case "cfb":
		if strings.HasSuffix(ci.Name, "cfb8") {
			c.stream = &cfb8{b: c.block, reg: append([]byte{}, iv...), decrypt: decrypt}
			break
		}
		if decrypt {
			c.stream = cipher.NewCFBDecrypter(c.block, iv) //nolint:staticcheck
		} else {
			c.stream = cipher.NewCFBEncrypter(c.block, iv) //nolint:staticcheck
		}
	case "ofb":
		c.stream = cipher.NewOFB(c.block, iv) //nolint:staticcheck
	case "gcm":
		c.aead = newGCM(c.block, iv)
	}
	return c, nil
}

// Update processes data and returns the output ready so far.
func (c *Cipher) Update(data []byte) ([]byte, error) {
	c.sawData = true
	switch {
	case c.stream != nil:
		out := make([]byte, len(data))
		c.stream.XORKeyStream(out, data)
		return out, nil
	case c.aead != nil:
		out := make([]byte, len(data))
		c.aead.update(out, data, c.decrypt)
		return out, nil
	case c.info.Mode == "wrap":
		// Each update wraps (or unwraps) its input whole, as OpenSSL does.
		c.buf = append(c.buf[:0], data...)
		return c.wrapFinal()
	}
	bs := c.block.BlockSize()
	c.buf = append(c.buf, data...)
	n := len(c.buf) / bs * bs
	if c.decrypt && c.autoPadding && n == len(c.buf) && n > 0 {
		n -= bs
	}
	out := make([]byte, n)
	c.crypt(out, c.buf[:n])
	c.buf = append([]byte{}, c.buf[n:]...)
	return out, nil
}

func (c *Cipher) crypt(dst, src []byte) {
	if c.cbc != nil {
		c.cbc.CryptBlocks(dst, src)
		return
	}
	bs := c.block.BlockSize()
	for i := 0; i < len(src); i += bs {
		if c.decrypt {
			c.block.Decrypt(dst[i:i+bs], src[i:i+bs])
		} else {
			c.block.Encrypt(dst[i:i+bs], src[i:i+bs])
		}
	}
}

var (
	errBadDecrypt      = errSSL("1C800064", "Provider routines", "bad decrypt")
	errWrongFinalBlock = errSSL("1C80006B", "Provider routines", "wrong final block length")
	errAuth            = plainErr("Unsupported state or unable to authenticate data")
)

// Final finishes the cipher.
func (c *Cipher) Final() ([]byte, error) {
	switch {
	case c.stream != nil:
		return []byte{}, nil
	case c.aead != nil:
		sum := c.aead.sum()[:c.tagLen]
		if !c.decrypt {
			c.tag = sum
			return []byte{}, nil
		}
		if c.tag == nil || len(c.tag) > len(sum) || subtle.ConstantTimeCompare(sum[:len(c.tag)], c.tag) != 1 {
			return nil, errAuth
		}
		return []byte{}, nil
	case c.info.Mode == "wrap":
		return []byte{}, nil
	}
	bs := c.block.BlockSize()
	if !c.decrypt {
		if c.autoPadding {
			p := bs - len(c.buf)%bs
			for i := 0; i < p; i++ {
				c.buf = append(c.buf, byte(p))
			}
		} else if len(c.buf)%bs != 0 {
			return nil, errWrongFinalBlock
		}
		out := make([]byte, len(c.buf))
		c.crypt(out, c.buf)
		c.buf = nil
		return out, nil
	}
	if len(c.buf)%bs != 0 || (c.autoPadding && len(c.buf) == 0) {
		if c.autoPadding || len(c.buf)%bs != 0 {
			return nil, errWrongFinalBlock
		}
	}
	out := make([]byte, len(c.buf))
	c.crypt(out, c.buf)
	c.buf = nil
	if !c.autoPadding {
		return out, nil
	}
	p := int(out[len(out)-1])
	if p == 0 || p > bs {
		return nil, errBadDecrypt
	}
	for _, x := range out[len(out)-p:] {
		if int(x) != p {
			return nil, errBadDecrypt
		}
	}
	return out[:len(out)-p], nil
}

// --- GCM, streaming --------------------------------------------------
//
// The output is produced as data arrives (counter mode from J0+1, as
// OpenSSL streams it); the tag is computed at the end by crypto/cipher's
// GCM over the plaintext seen, which gives the same ciphertext and so the
// same tag, at the speed of the standard library's GHASH.

type gcmStream struct {
	block    cipher.Block
	iv       []byte
	h        [2]uint64
	j0       [16]byte
	ctr      [16]byte
	ks       [16]byte
	ksUsed   int
	aadBuf   []byte
	plain    []byte
	finished []byte
}

func newGCM(b cipher.Block, iv []byte) *gcmStream {
	g := &gcmStream{block: b, ksUsed: 16, iv: append([]byte{}, iv...)}
	if len(iv) == 12 {
		copy(g.j0[:], iv)
		g.j0[15] = 1
	} else {
		var zero, hb [16]byte
		b.Encrypt(hb[:], zero[:])
		g.h = [2]uint64{binary.BigEndian.Uint64(hb[:8]), binary.BigEndian.Uint64(hb[8:])}
		var y [2]uint64
		g.ghashBlocks(&y, iv)
		var l [16]byte
		binary.BigEndian.PutUint64(l[8:], uint64(len(iv))*8)
		g.ghashBlocks(&y, l[:])
		binary.BigEndian.PutUint64(g.j0[:8], y[0])
		binary.BigEndian.PutUint64(g.j0[8:], y[1])
	}
	g.ctr = g.j0
	inc32(&g.ctr)
	return g
}

func inc32(b *[16]byte) {
	binary.BigEndian.PutUint32(b[12:], binary.BigEndian.Uint32(b[12:])+1)
}

// gfMul multiplies in GF(2^128) as GHASH does (used for J0 only).
func gfMul(x, h [2]uint64) [2]uint64 {
	var z [2]uint64
	v := h
	for i := 0; i < 128; i++ {
		var bit uint64
		if i < 64 {
			bit = (x[0] >> (63 - i)) & 1
		} else {
			bit = (x[1] >> (127 - i)) & 1
		}
		if bit == 1 {
			z[0] ^= v[0]
			z[1] ^= v[1]
		}
		lsb := v[1] & 1
		v[1] = v[1]>>1 | v[0]<<63
		v[0] >>= 1
		if lsb == 1 {
			v[0] ^= 0xe1 << 56
		}
	}
	return z
}

// ghashBlocks absorbs b, zero-padded to whole blocks.
func (g *gcmStream) ghashBlocks(y *[2]uint64, b []byte) {
	for len(b) > 0 {
		var blk [16]byte
		n := copy(blk[:], b)
		b = b[n:]
		y[0] ^= binary.BigEndian.Uint64(blk[:8])
		y[1] ^= binary.BigEndian.Uint64(blk[8:])
		*y = gfMul(*y, g.h)
	}
}

func (g *gcmStream) aad(b []byte) { g.aadBuf = append(g.aadBuf, b...) }

func (g *gcmStream) update(dst, src []byte, decrypt bool) {
	if !decrypt {
		g.plain = append(g.plain, src...)
	}
	i := 0
	for i < len(src) {
		if g.ksUsed == 16 {
			if len(src)-i >= 16 {
				// Whole blocks straight from the counter.
				g.block.Encrypt(g.ks[:], g.ctr[:])
				inc32(&g.ctr)
				subtle.XORBytes(dst[i:i+16], src[i:i+16], g.ks[:])
				i += 16
				continue
			}
			g.block.Encrypt(g.ks[:], g.ctr[:])
			inc32(&g.ctr)
			g.ksUsed = 0
		}
		dst[i] = src[i] ^ g.ks[g.ksUsed]
		g.ksUsed++
		i++
	}
	if decrypt {
		g.plain = append(g.plain, dst...)
	}
}

func (g *gcmStream) sum() []byte {
	if g.finished != nil {
		return g.finished
	}
	a, err := cipher.NewGCMWithNonceSize(g.block, len(g.iv))
	if err != nil {
		g.finished = make([]byte, 16)
		return g.finished
	}
	sealed := a.Seal(nil, g.iv, g.plain, g.aadBuf)
	g.finished = sealed[len(sealed)-16:]
	g.plain = nil
	return g.finished
}

// --- ChaCha20-Poly1305 (RFC 8439), streaming -------------------------

type chachaPoly struct {
	c       *chacha20.Cipher
	mac     *poly1305.MAC
	aadLen  uint64
	ctLen   uint64
	inData  bool
	done    []byte
	partial int
}

func newChachaPoly(key, iv []byte) (*chachaPoly, error) {
	nonce := make([]byte, 12)
	copy(nonce[12-len(iv):], iv)
	c, err := chacha20.NewUnauthenticatedCipher(key, nonce)
	if err != nil {
		return nil, err
	}
	var pk [32]byte
	c.XORKeyStream(pk[:], pk[:])
	c.SetCounter(1)
	return &chachaPoly{c: c, mac: poly1305.New(&pk)}, nil
}

func (p *chachaPoly) pad(n uint64) {
	if r := n % 16; r != 0 {
		p.mac.Write(make([]byte, 16-r))
	}
}

func (p *chachaPoly) aad(b []byte) {
	p.aadLen += uint64(len(b))
	p.mac.Write(b)
}

func (p *chachaPoly) update(dst, src []byte, decrypt bool) {
	if !p.inData {
		p.pad(p.aadLen)
		p.inData = true
	}
	if decrypt {
		p.mac.Write(src)
	}
	p.c.XORKeyStream(dst, src)
	if !decrypt {
		p.mac.Write(dst)
	}
	p.ctLen += uint64(len(src))
}

func (p *chachaPoly) sum() []byte {
	if p.done != nil {
		return p.done
	}
	if !p.inData {
		p.pad(p.aadLen)
	}
	p.pad(p.ctLen)
	var l [16]byte
	binary.LittleEndian.PutUint64(l[:8], p.aadLen)
	binary.LittleEndian.PutUint64(l[8:], p.ctLen)
	p.mac.Write(l[:])
	p.done = p.mac.Sum(nil)
	return p.done
}

// --- AES key wrap (RFC 3394, RFC 5649) --------------------------------

var defaultWrapIV = []byte{0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6}

func (c *Cipher) wrapFinal() ([]byte, error) {
	padded := strings.HasSuffix(c.info.Name, "-pad")
	data := c.buf
	c.buf = nil
	if !c.decrypt {
		var a []byte
		if padded {
			a = []byte{0xa6, 0x59, 0x59, 0xa6, 0, 0, 0, 0}
			if len(c.iv) == 4 {
				copy(a, c.iv)
			}
			binary.BigEndian.PutUint32(a[4:], uint32(len(data)))
			if r := len(data) % 8; r != 0 || len(data) == 0 {
				data = append(append([]byte{}, data...), make([]byte, (8-r)%8)...)
				if len(data) == 0 {
					data = make([]byte, 8)
				}
			}
			if len(data) == 8 {
				out := make([]byte, 16)
				c.block.Encrypt(out, append(a, data...))
				return out, nil
			}
		} else {
			if len(data)%8 != 0 || len(data) < 16 {
				return nil, errWrongFinalBlock
			}
			a = append([]byte{}, defaultWrapIV...)
			if len(c.iv) == 8 {
				copy(a, c.iv)
			}
		}
		return aesWrap(c.block, a, data), nil
	}
	if len(data)%8 != 0 || len(data) < 16 {
		return nil, errBadDecrypt
	}
	var a, p []byte
	if padded && len(data) == 16 {
		out := make([]byte, 16)
		c.block.Decrypt(out, data)
		a, p = out[:8], out[8:]
	} else {
		a, p = aesUnwrap(c.block, data)
	}
	if !padded {
		want := defaultWrapIV
		if len(c.iv) == 8 {
			want = c.iv
		}
		if subtle.ConstantTimeCompare(a, want) != 1 {
			return nil, errBadDecrypt
		}
		return p, nil
	}
	want := []byte{0xa6, 0x59, 0x59, 0xa6}
	if len(c.iv) == 4 {
		want = c.iv
	}
	n := int(binary.BigEndian.Uint32(a[4:]))
	if subtle.ConstantTimeCompare(a[:4], want) != 1 || n > len(p) || n <= len(p)-8 {
		return nil, errBadDecrypt
	}
	return p[:n], nil
}

func aesWrap(b cipher.Block, a, p []byte) []byte {
	n := len(p) / 8
	r := append([]byte{}, p...)
	var buf [16]byte
	for j := 0; j < 6; j++ {
		for i := 0; i < n; i++ {
			copy(buf[:8], a)
			copy(buf[8:], r[i*8:i*8+8])
			b.Encrypt(buf[:], buf[:])
			t := uint64(n*j + i + 1)
			binary.BigEndian.PutUint64(buf[:8], binary.BigEndian.Uint64(buf[:8])^t)
			a = append(a[:0], buf[:8]...)
			copy(r[i*8:], buf[8:])
		}
	}
	return append(append([]byte{}, a...), r...)
}

func aesUnwrap(b cipher.Block, c []byte) (a, r []byte) {
	n := len(c)/8 - 1
	a = append([]byte{}, c[:8]...)
	r = append([]byte{}, c[8:]...)
	var buf [16]byte
	for j := 5; j >= 0; j-- {
		for i := n - 1; i >= 0; i-- {
			t := uint64(n*j + i + 1)
			binary.BigEndian.PutUint64(buf[:8], binary.BigEndian.Uint64(a)^t)
			copy(buf[8:], r[i*8:i*8+8])
			b.Decrypt(buf[:], buf[:])
			copy(a, buf[:8])
			copy(r[i*8:], buf[8:])
		}
	}
	return a, r
}

// cfb8 is CFB mode with 8-bit feedback.
type cfb8 struct {
	b       cipher.Block
	reg     []byte
	decrypt bool
}

func (c *cfb8) XORKeyStream(dst, src []byte) {
	out := make([]byte, c.b.BlockSize())
	for i := range src {
		c.b.Encrypt(out, c.reg)
		in := src[i]
		dst[i] = in ^ out[0]
		fb := dst[i]
		if c.decrypt {
			fb = in
		}
		copy(c.reg, c.reg[1:])
		c.reg[len(c.reg)-1] = fb
	}
}
