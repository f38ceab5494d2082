package crypto

import (
	"crypto/elliptic"
	"crypto/rand"
	"math/big"
	"sync"
)

// --- elliptic-curve Diffie-Hellman (createECDH) ------------------------

// ecCurve is a short Weierstrass curve y² = x³ + ax + b over GF(p), with
// arithmetic on big integers: enough for ECDH key agreement on the named
// curves, including secp256k1 which the standard library lacks.
type ecCurve struct {
	p, a, b, n, gx, gy *big.Int
	size               int
}

func hexInt(s string) *big.Int {
	v, _ := new(big.Int).SetString(s, 16)
	return v
}

func fromParams(c elliptic.Curve) *ecCurve {
	p := c.Params()
	return &ecCurve{p: p.P, a: new(big.Int).Sub(p.P, big.NewInt(3)), b: p.B, n: p.N, gx: p.Gx, gy: p.Gy, size: (p.BitSize + 7) / 8}
}

var (
	curvesOnce sync.Once
	ecCurves   map[string]*ecCurve
)

func ecCurveByName(name string) *ecCurve {
	curvesOnce.Do(func() {
		k1 := &ecCurve{
			p:    hexInt("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F"),
			a:    big.NewInt(0),
			b:    big.NewInt(7),
			n:    hexInt("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141"),
			gx:   hexInt("79BE667EF9DCBBAC55A06295CE870B07029BFCDB2DCE28D959F2815B16F81798"),
			gy:   hexInt("483ADA7726A3C4655DA4FBFC0E1108A8FD17B448A68554199C47D08FFB10D4B8"),
			size: 32,
		}
		ecCurves = map[string]*ecCurve{
			"prime256v1": fromParams(elliptic.P256()),
			"secp256r1":  fromParams(elliptic.P256()),
			"secp384r1":  fromParams(elliptic.P384()),
			"secp521r1":  fromParams(elliptic.P521()),
			"secp224r1":  fromParams(elliptic.P224()),
			"secp256k1":  k1,
		}
	})
	return ecCurves[name]
}

// CurveNames lists the curves getCurves reports.
func CurveNames() []string {
	return []string{"prime256v1", "secp224r1", "secp256k1", "secp384r1", "secp521r1"}
}

type point struct{ x, y *big.Int } // nil x: the point at infinity

func (c *ecCurve) mod(v *big.Int) *big.Int { return v.Mod(v, c.p) }

func (c *ecCurve) onCurve(pt point) bool {
	if pt.x == nil || pt.x.Sign() < 0 || pt.x.Cmp(c.p) >= 0 || pt.y.Sign() < 0 || pt.y.Cmp(c.p) >= 0 {
		return false
	}
	l := new(big.Int).Mul(pt.y, pt.y)
	r := new(big.Int).Mul(pt.x, pt.x)
	r.Mul(r, pt.x)
	ax := new(big.Int).Mul(c.a, pt.x)
	r.Add(r, ax).Add(r, c.b)
	return c.mod(l).Cmp(c.mod(r)) == 0
}

func (c *ecCurve) add(p1, p2 point) point {
	if p1.x == nil {
		return p2
	}
	if p2.x == nil {
		return p1
	}
	var l *big.Int
	if p1.x.Cmp(p2.x) == 0 {
		if new(big.Int).Add(p1.y, p2.y).Cmp(c.p) == 0 || p1.y.Sign() == 0 && p2.y.Sign() == 0 {
			return point{}
		}
		// λ = (3x² + a) / 2y
		num := new(big.Int).Mul(p1.x, p1.x)
		num.Mul(num, big.NewInt(3)).Add(num, c.a)
		den := new(big.Int).Lsh(p1.y, 1)
		l = num.Mul(num, den.ModInverse(c.mod(den), c.p))
	} else {
		num := new(big.Int).Sub(p2.y, p1.y)
		den := new(big.Int).Sub(p2.x, p1.x)
		l = num.Mul(num, den.ModInverse(c.mod(den), c.p))
	}
	c.mod(l)
	x := new(big.Int).Mul(l, l)
	x.Sub(x, p1.x).Sub(x, p2.x)
	c.mod(x)
	y := new(big.Int).Sub(p1.x, x)
	y.Mul(y, l).Sub(y, p1.y)
	c.mod(y)
	return point{x, y}
}

func (c *ecCurve) mul(pt point, k *big.Int) point {
	r := point{}
	for i := k.BitLen() - 1; i >= 0; i-- {
		r = c.add(r, r)
		if k.Bit(i) == 1 {
			r = c.add(r, pt)
		}
	}
	return r
}

func (c *ecCurve) encode(pt point, format string) []byte {
	x := padBytes(pt.x.Bytes(), c.size)
	switch format {
	case "compressed":
		return append([]byte{2 + byte(pt.y.Bit(0))}, x...)
	case "hybrid":
		return append(append([]byte{6 + byte(pt.y.Bit(0))}, x...), padBytes(pt.y.Bytes(), c.size)...)
	}
	return append(append([]byte{4}, x...), padBytes(pt.y.Bytes(), c.size)...)
}

func (c *ecCurve) decode(b []byte) (point, bool) {
	if len(b) == 0 {
		return point{}, false
	}
	switch b[0] {
	case 4, 6, 7:
		if len(b) != 1+2*c.size {
			return point{}, false
		}
		pt := point{new(big.Int).SetBytes(b[1 : 1+c.size]), new(big.Int).SetBytes(b[1+c.size:])}
		if b[0] != 4 && pt.y.Bit(0) != uint(b[0]&1) {
			return point{}, false
		}
		return pt, c.onCurve(pt)
	case 2, 3:
		if len(b) != 1+c.size {
			return point{}, false
		}
		x := new(big.Int).SetBytes(b[1:])
		if x.Cmp(c.p) >= 0 {
			return point{}, false
		}
		y2 := new(big.Int).Mul(x, x)
		y2.Mul(y2, x).Add(y2, new(big.Int).Mul(c.a, x)).Add(y2, c.b)
		c.mod(y2)
		y := new(big.Int).ModSqrt(y2, c.p)
		if y == nil {
			return point{}, false
		}
		if y.Bit(0) != uint(b[0]&1) {
			y.Sub(c.p, y)
		}
		pt := point{x, y}
		return pt, c.onCurve(pt)
	}
	return point{}, false
}

func errECDHPublic() error {
	return errCode("Error", "ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY", "Public key is not valid for specified curve")
}

func unknownCurve() error {
	return errCode("TypeError", "ERR_CRYPTO_INVALID_CURVE", "Invalid EC curve name")
}

// ecdh(action, curve, ...) runs createECDH's operations:
// generate -> [priv, pub]; public(priv) -> pub or throws;
// compute(priv, peer) -> secret; convert(pub, format) -> bytes;
// check(curve) -> bool.
func ecdhOp(a *Args) (any, error) {
	action := a.Str(0)
	c := ecCurveByName(a.Str(1))
	if action == "check" {
		return c != nil, nil
	}
	if c == nil {
		return nil, unknownCurve()
	}
	g := point{c.gx, c.gy}
	switch action {
	case "generate":
		for {
			d, err := rand.Int(rand.Reader, c.n)
			if err != nil {
				return nil, err
			}
			if d.Sign() == 0 {
				continue
			}
			return []any{padBytes(d.Bytes(), (c.n.BitLen()+7)/8), c.encode(c.mul(g, d), "uncompressed")}, nil
		}
	case "public":
		d := new(big.Int).SetBytes(a.Bytes(2))
		if d.Sign() == 0 || d.Cmp(c.n) >= 0 {
			return nil, errCode("Error", "ERR_CRYPTO_INVALID_KEYTYPE", "Private key is not valid for specified curve.")
		}
		return c.encode(c.mul(g, d), a.Str(3)), nil
	case "compute":
		d := new(big.Int).SetBytes(a.Bytes(2))
		pt, ok := c.decode(a.Bytes(3))
		if !ok {
			return nil, errECDHPublic()
		}
		r := c.mul(pt, d)
		if r.x == nil {
			return nil, errECDHPublic()
		}
		return padBytes(r.x.Bytes(), c.size), nil
	case "convert":
		pt, ok := c.decode(a.Bytes(2))
		if !ok {
			return nil, errCode("Error", "ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY", "Public key is not valid for specified curve")
		}
		return c.encode(pt, a.Str(3)), nil
	}
	return nil, nil
}

// --- finite-field Diffie-Hellman -----------------------------------------

var (
	piOnce sync.Once
	piBits *big.Int // floor(pi * 2^piPrec)
)

const piPrec = 8300

// arctanInv returns floor(atan(1/x) * 2^prec) by its Taylor series.
func arctanInv(x int64, prec uint) *big.Int {
	one := new(big.Int).Lsh(big.NewInt(1), prec)
	bx := big.NewInt(x)
	x2 := new(big.Int).Mul(bx, bx)
	term := new(big.Int).Quo(one, bx)
	sum := new(big.Int).Set(term)
	for k := int64(1); term.Sign() != 0; k++ {
		term.Quo(term, x2)
		t := new(big.Int).Quo(term, big.NewInt(2*k+1))
		if k%2 == 1 {
			sum.Sub(sum, t)
		} else {
			sum.Add(sum, t)
		}
	}
	return sum
}

func pi() *big.Int {
	piOnce.Do(func() {
		const guard = 64
		a := arctanInv(5, piPrec+guard)
		b := arctanInv(239, piPrec+guard)
		p := new(big.Int).Sub(a.Lsh(a, 4), b.Lsh(b, 2))
		piBits = p.Rsh(p, guard)
	})
	return piBits
}

// modpPrime builds the RFC 2409/3526 prime of n bits:
// 2^n - 2^(n-64) - 1 + 2^64 * (floor(2^(n-130) * pi) + k).
func modpPrime(n uint, k int64) *big.Int {
	one := big.NewInt(1)
	p := new(big.Int).Lsh(one, n)
	p.Sub(p, new(big.Int).Lsh(one, n-64))
	p.Sub(p, one)
	t := new(big.Int).Rsh(pi(), piPrec-(n-130))
	t.Add(t, big.NewInt(k))
	return p.Add(p, t.Lsh(t, 64))
}

var modpGroups = map[string]struct {
	bits uint
	k    int64
}{
	"modp1": {768, 149686}, "modp2": {1024, 129093}, "modp5": {1536, 741804},
	"modp14": {2048, 124476}, "modp15": {3072, 1690314}, "modp16": {4096, 240904},
	"modp17": {6144, 929484}, "modp18": {8192, 4743158},
}

// ModpGroup returns the prime of a named group, or nil.
func ModpGroup(name string) []byte {
	g, ok := modpGroups[name]
	if !ok {
		return nil
	}
	return modpPrime(g.bits, g.k).Bytes()
}

// DH check flags, as OpenSSL reports them in verifyError.
const (
	dhCheckPNotPrime         = 0x01
	dhCheckPNotSafePrime     = 0x02
	dhUnableToCheckGenerator = 0x04
	dhNotSuitableGenerator   = 0x08
)

func dhCheck(p, g *big.Int) int {
	flags := 0
	if p.BitLen() < 512 {
		flags |= 0x80 // DH_MODULUS_TOO_SMALL
	}
	if g.Cmp(big.NewInt(1)) <= 0 || g.Cmp(new(big.Int).Sub(p, big.NewInt(1))) >= 0 {
		flags |= dhNotSuitableGenerator
	}
	if !p.ProbablyPrime(20) {
		flags |= dhCheckPNotPrime
	} else {
		q := new(big.Int).Rsh(p, 1)
		if !q.ProbablyPrime(20) {
			flags |= dhCheckPNotSafePrime
		}
	}
	return flags
}

// dh(action, ...) runs the finite-field Diffie-Hellman operations:
// group(name) -> prime; check(prime, gen) -> verifyError flags;
// generate(prime, gen, priv?) -> [priv, pub]; public(prime, gen, priv) -> pub;
// compute(prime, priv, peer) -> secret or null for a bad key;
// prime(bits, gen) -> a new safe prime.
func dhOp(a *Args) (any, error) {
	bi := func(i int) *big.Int { return new(big.Int).SetBytes(a.Bytes(i)) }
	switch a.Str(0) {
	case "group":
		if p := ModpGroup(a.Str(1)); p != nil {
			return p, nil
		}
		return nil, nil
	case "check":
		return dhCheck(bi(1), bi(2)), nil
	case "generate":
		p, g := bi(1), bi(2)
		var x *big.Int
		if a.Has(3) {
			x = bi(3)
		} else {
			bits := p.BitLen()
			if bits > 2048 {
				bits = 2048
			}
			x, _ = rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), uint(bits-1)))
			x.Add(x, big.NewInt(2))
		}
		y := new(big.Int).Exp(g, x, p)
		return []any{x.Bytes(), y.Bytes()}, nil
	case "compute":
		p, x, y := bi(1), bi(2), bi(3)
		pm1 := new(big.Int).Sub(p, big.NewInt(1))
		if y.Cmp(big.NewInt(1)) <= 0 {
			return "Supplied key is too small", nil
		}
		if y.Cmp(pm1) >= 0 {
			return "Supplied key is too large", nil
		}
		s := new(big.Int).Exp(y, x, p)
		return padBytes(s.Bytes(), (p.BitLen()+7)/8), nil
	case "prime":
		bits := a.Int(1, 0)
		if bits < 2 {
			return nil, errSSL("05800080", "Diffie-Hellman routines", "modulus too small")
		}
		return SafePrime(bits, a.Int(2, 2))
	}
	return nil, nil
}

// smallPrimes is computed on first use: building it at start-up cost
// every process about 5 ms.
var smallPrimes = sync.OnceValue(func() []uint64 {
	var out []uint64
	for n := uint64(3); len(out) < 20000; n += 2 {
		isP := true
		for _, p := range out {
			if p*p > n {
				break
			}
			if n%p == 0 {
				isP = false
				break
			}
		}
		if isP {
			out = append(out, n)
		}
	}
	return out
})

// SafePrime returns a prime p of bits bits with (p-1)/2 prime, shaped for
// generator g as OpenSSL shapes it (p ≡ 23 mod 24 for 2, p ≡ 59 mod 60 for 5).
func SafePrime(bits, g int) ([]byte, error) {
	if bits < 16 {
		// Tiny sizes: search exhaustively from a random start.
		for {
			q, err := rand.Prime(rand.Reader, bits-1)
			if err != nil {
				return nil, err
			}
			p := new(big.Int).Lsh(q, 1)
			p.Add(p, big.NewInt(1))
			if p.BitLen() == bits && p.ProbablyPrime(20) {
				return p.Bytes(), nil
			}
		}
	}
	// Search q ≡ r (mod m) so that p = 2q+1 meets the generator's rule.
	m, r := int64(12), int64(11)
	if g == 5 {
		m, r = int64(30), int64(29)
	}
	one := big.NewInt(1)
	for {
		q, err := rand.Int(rand.Reader, new(big.Int).Lsh(one, uint(bits-1)))
		if err != nil {
			return nil, err
		}
		q.SetBit(q, bits-2, 1)
		q.SetBit(q, bits-3, 1)
		q.Sub(q, new(big.Int).Mod(q, big.NewInt(m)))
		q.Add(q, big.NewInt(r))
		res := make([]uint64, len(smallPrimes()))
		for i, sp := range smallPrimes() {
			res[i] = new(big.Int).Mod(q, new(big.Int).SetUint64(sp)).Uint64()
		}
		for step := uint64(0); step < 1<<16; step += uint64(m) {
			ok := true
			for i, sp := range smallPrimes() {
				x := (res[i] + step) % sp
				if x == 0 || (2*x+1)%sp == 0 {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			cand := new(big.Int).Add(q, new(big.Int).SetUint64(step))
			p := new(big.Int).Lsh(cand, 1)
			p.Add(p, one)
			if p.BitLen() != bits {
				break
			}
			// A base-2 Fermat test (one modular exponentiation) weeds out
			// nearly all composites before the full tests.
			if fermat2(cand) && fermat2(p) && cand.ProbablyPrime(20) && p.ProbablyPrime(20) {
				return p.Bytes(), nil
			}
		}
	}
}

var two = big.NewInt(2)

// fermat2 reports whether 2^(n-1) ≡ 1 (mod n).
func fermat2(n *big.Int) bool {
	e := new(big.Int).Sub(n, big.NewInt(1))
	return new(big.Int).Exp(two, e, n).Cmp(big.NewInt(1)) == 0
}
