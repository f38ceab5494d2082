package crypto

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"math/big"
	"testing"

	"golang.org/x/crypto/chacha20poly1305"
)

func mustHex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// run encrypts or decrypts data in uneven chunks through a Cipher.
func run(t *testing.T, c *Cipher, data []byte) []byte {
	t.Helper()
	var out []byte
	for i := 0; i < len(data); i += 7 {
		end := min(i+7, len(data))
		o, err := c.Update(data[i:end])
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, o...)
	}
	o, err := c.Final()
	if err != nil {
		t.Fatal(err)
	}
	return append(out, o...)
}

func TestGCMMatchesStandardLibrary(t *testing.T) {
	key := bytes.Repeat([]byte{3}, 32)
	msg := []byte("streaming GCM must agree with crypto/cipher's one-shot AEAD")
	aad := []byte("associated")
	for _, ivLen := range []int{12, 16, 8} {
		iv := bytes.Repeat([]byte{9}, ivLen)
		c, err := NewCipher("aes-256-gcm", key, iv, true, false, -1)
		if err != nil {
			t.Fatal(err)
		}
		c.aead.aad(aad)
		ct := run(t, c, msg)
		block, _ := aes.NewCipher(key)
		g, _ := cipher.NewGCMWithNonceSize(block, ivLen)
		want := g.Seal(nil, iv, msg, aad)
		if got := append(ct, c.tag...); !bytes.Equal(got, want) {
			t.Errorf("iv %d: got %x want %x", ivLen, got, want)
		}
		d, _ := NewCipher("aes-256-gcm", key, iv, true, true, -1)
		d.aead.aad(aad)
		d.tag = c.tag
		if pt := run(t, d, ct); !bytes.Equal(pt, msg) {
			t.Errorf("iv %d: decrypt %q", ivLen, pt)
		}
		bad, _ := NewCipher("aes-256-gcm", key, iv, true, true, -1)
		bad.tag = make([]byte, 16)
		bad.Update(ct)
		if _, err := bad.Final(); err == nil {
			t.Error("a wrong tag must fail")
		}
	}
}

func TestChaCha20Poly1305MatchesXCrypto(t *testing.T) {
	key := bytes.Repeat([]byte{5}, 32)
	iv := bytes.Repeat([]byte{6}, 12)
	msg := []byte("chacha20-poly1305 in pieces")
	c, err := NewCipher("chacha20-poly1305", key, iv, true, false, -1)
	if err != nil {
		t.Fatal(err)
	}
	c.aead.aad([]byte("aad"))
	ct := run(t, c, msg)
	a, _ := chacha20poly1305.New(key)
	want := a.Seal(nil, iv, msg, []byte("aad"))
	if got := append(ct, c.tag...); !bytes.Equal(got, want) {
		t.Errorf("got %x want %x", got, want)
	}
}

func TestCBCPadding(t *testing.T) {
	key := make([]byte, 16)
	iv := make([]byte, 16)
	for _, n := range []int{0, 1, 15, 16, 17, 32} {
		msg := bytes.Repeat([]byte{'a'}, n)
		c, _ := NewCipher("aes-128-cbc", key, iv, true, false, -1)
		ct := run(t, c, msg)
		if len(ct) != (n/16+1)*16 {
			t.Errorf("%d bytes -> %d", n, len(ct))
		}
		d, _ := NewCipher("aes-128-cbc", key, iv, true, true, -1)
		if pt := run(t, d, ct); !bytes.Equal(pt, msg) {
			t.Errorf("%d bytes: round trip %q", n, pt)
		}
	}
	d, _ := NewCipher("aes-128-cbc", key, iv, true, true, -1)
	d.Update(make([]byte, 15))
	if _, err := d.Final(); err == nil || err.(*Error).Code != "ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH" {
		t.Errorf("partial block: %v", err)
	}
	if _, err := NewCipher("aes-128-cbc", key[:15], iv, true, false, -1); err == nil {
		t.Error("short key accepted")
	}
	if _, err := NewCipher("aes-128-cbc", key, iv[:8], true, false, -1); err == nil {
		t.Error("short iv accepted")
	}
}

func TestAESKeyWrapRFC3394(t *testing.T) {
	// RFC 3394 section 4.1: 128-bit key data with a 128-bit KEK.
	kek := mustHex(t, "000102030405060708090A0B0C0D0E0F")
	data := mustHex(t, "00112233445566778899AABBCCDDEEFF")
	want := "1fa68b0a8112b447aef34bd8fb5a7b829d3e862371d2cfe5"
	c, err := NewCipher("id-aes128-wrap", kek, nil, false, false, -1)
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.Update(data)
	if err != nil || hex.EncodeToString(got) != want {
		t.Fatalf("wrap = %x, %v", got, err)
	}
	d, _ := NewCipher("id-aes128-wrap", kek, nil, false, true, -1)
	if pt, err := d.Update(got); err != nil || !bytes.Equal(pt, data) {
		t.Fatalf("unwrap = %x, %v", pt, err)
	}
}

func TestKDFVectors(t *testing.T) {
	// RFC 6070: PBKDF2-HMAC-SHA1, 2 iterations.
	if got := hex.EncodeToString(PBKDF2(hashes["sha1"], []byte("password"), []byte("salt"), 2, 20)); got != "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957" {
		t.Errorf("pbkdf2 = %s", got)
	}
	// RFC 5869 test case 1.
	ikm := bytes.Repeat([]byte{0x0b}, 22)
	salt := mustHex(t, "000102030405060708090a0b0c")
	info := mustHex(t, "f0f1f2f3f4f5f6f7f8f9")
	want := "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"
	if got := hex.EncodeToString(HKDF(sha256.New, ikm, salt, info, 42)); got != want {
		t.Errorf("hkdf = %s", got)
	}
	if !scryptCheck(16384, 8, 1, 32<<20) || scryptCheck(1<<20, 8, 1, 32<<20) || scryptCheck(1<<16, 1, 1, 1<<30) {
		t.Error("scryptCheck limits")
	}
}

func TestKeyRoundTrips(t *testing.T) {
	gen := func(typ string, opts map[string]any) (*Key, *Key) {
		r, err := keyGenOp(&Args{vals: []any{typ, opts}})
		if err != nil {
			t.Fatalf("%s: %v", typ, err)
		}
		pair := r.([]any)
		pub, err := ParseSPKI(pair[0].([]byte))
		if err != nil {
			t.Fatalf("%s spki: %v", typ, err)
		}
		priv, err := ParsePKCS8(pair[1].([]byte))
		if err != nil {
			t.Fatalf("%s pkcs8: %v", typ, err)
		}
		return pub, priv
	}
	cases := []struct {
		typ  string
		opts map[string]any
		o    signOpts
	}{
		{"rsa", map[string]any{"modulusLength": 1024.0}, signOpts{digest: "sha256", saltLength: -100}},
		{"rsa", map[string]any{"modulusLength": 512.0, "publicExponent": 3.0}, signOpts{digest: "sha1", saltLength: -100}},
		{"rsa-pss", map[string]any{"modulusLength": 1024.0, "hashAlgorithm": "sha256", "saltLength": 20.0}, signOpts{saltLength: -100}},
		{"ec", map[string]any{"namedCurve": "P-384"}, signOpts{digest: "sha384", saltLength: -100, p1363: true}},
		{"ec", map[string]any{"namedCurve": "prime256v1", "paramEncoding": "explicit"}, signOpts{digest: "sha256", saltLength: -100}},
		{"ec", map[string]any{"namedCurve": "secp256k1"}, signOpts{digest: "sha256", saltLength: -100}},
		{"ec", map[string]any{"namedCurve": "secp256k1"}, signOpts{digest: "sha512", saltLength: -100, p1363: true}},
		{"dsa", map[string]any{"modulusLength": 1024.0}, signOpts{digest: "sha256", saltLength: -100}},
		{"ed25519", map[string]any{}, signOpts{saltLength: -100}},
	}
	for _, tc := range cases {
		pub, priv := gen(tc.typ, tc.opts)
		if pub.Kind != tc.typ || priv.Kind != tc.typ {
			t.Errorf("%s: kinds %s/%s", tc.typ, pub.Kind, priv.Kind)
		}
		sig, err := Sign(priv, []byte("data"), tc.o)
		if err != nil {
			t.Fatalf("%s sign: %v", tc.typ, err)
		}
		if ok, err := Verify(pub, []byte("data"), sig, tc.o); !ok || err != nil {
			t.Errorf("%s verify: %v %v", tc.typ, ok, err)
		}
		if ok, _ := Verify(pub, []byte("other"), sig, tc.o); ok {
			t.Errorf("%s: verified the wrong data", tc.typ)
		}
		if tc.opts["paramEncoding"] == "explicit" && (!pub.Explicit || !priv.Explicit) {
			t.Errorf("explicit parameters lost")
		}
	}
	// PEM export and import, with and without a passphrase.
	_, priv := gen("rsa", map[string]any{"modulusLength": 1024.0})
	der, _ := priv.MarshalPKCS8()
	for _, typ := range []string{"pkcs1", "pkcs8"} {
		out, err := keyExportOp(&Args{vals: []any{"private", der, "pem", typ, "aes-256-cbc", []byte("pw")}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := parseKeyInput("private", []byte(out.(string)), "pem", "", nil, false); err == nil {
			t.Errorf("%s: encrypted key read without a passphrase", typ)
		}
		if _, err := parseKeyInput("private", []byte(out.(string)), "pem", "", []byte("no"), true); err == nil {
			t.Errorf("%s: wrong passphrase accepted", typ)
		}
		k, err := parseKeyInput("private", []byte(out.(string)), "pem", "", []byte("pw"), true)
		if err != nil {
			t.Fatalf("%s: %v", typ, err)
		}
		back, _ := k.MarshalPKCS8()
		if !bytes.Equal(back, der) {
			t.Errorf("%s: key changed in the round trip", typ)
		}
	}
}

func TestECDHCurves(t *testing.T) {
	for _, name := range CurveNames() {
		c := ecCurveByName(name)
		g := point{c.gx, c.gy}
		a, b := big.NewInt(12345), big.NewInt(67890)
		pa, pb := c.mul(g, a), c.mul(g, b)
		if !c.onCurve(pa) {
			t.Fatalf("%s: point off the curve", name)
		}
		s1, s2 := c.mul(pb, a), c.mul(pa, b)
		if s1.x.Cmp(s2.x) != 0 {
			t.Errorf("%s: secrets differ", name)
		}
		for _, f := range []string{"compressed", "uncompressed", "hybrid"} {
			if p, ok := c.decode(c.encode(pa, f)); !ok || p.x.Cmp(pa.x) != 0 || p.y.Cmp(pa.y) != 0 {
				t.Errorf("%s %s: decode failed", name, f)
			}
		}
	}
	// The big-integer arithmetic agrees with the standard library on P-256.
	k, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	c := ecCurveByName("prime256v1")
	p := c.mul(point{c.gx, c.gy}, k.D)
	if p.x.Cmp(k.X) != 0 || p.y.Cmp(k.Y) != 0 {
		t.Error("P-256 scalar multiplication differs from crypto/ecdsa")
	}
}

func TestPrimes(t *testing.T) {
	p, err := GeneratePrime(3, nil, nil, false)
	if err != nil || p.Int64() != 7 {
		t.Errorf("3-bit prime = %v, %v", p, err)
	}
	p, err = GeneratePrime(4, big.NewInt(15), big.NewInt(13), false)
	if err != nil || p.Int64() != 13 {
		t.Errorf("add/rem prime = %v, %v", p, err)
	}
	if _, err := GeneratePrime(64, new(big.Int).Lsh(big.NewInt(1), 64), nil, false); err == nil {
		t.Error("impossible add accepted")
	}
	p, err = GeneratePrime(64, big.NewInt(5), nil, true)
	if err != nil || new(big.Int).Mod(p, big.NewInt(5)).Int64() != 3 || !new(big.Int).Rsh(p, 1).ProbablyPrime(20) {
		t.Errorf("safe prime = %v, %v", p, err)
	}
}
