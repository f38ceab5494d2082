package crypto

import (
	"crypto/rand"
	"math/big"
)

// GeneratePrime returns a random prime of bits bits with its top two bits
// set, as OpenSSL makes them; with add, p ≡ rem (mod add); with safe,
// (p-1)/2 is prime too.
func GeneratePrime(bits int, add, rem *big.Int, safe bool) (*big.Int, error) {
	if add == nil {
		if safe && bits >= 16 {
			b, err := SafePrime(bits, 0)
			if err != nil {
				return nil, err
			}
			return new(big.Int).SetBytes(b), nil
		}
		if !safe && bits >= 2 {
			return rand.Prime(rand.Reader, bits)
		}
	}
	if add != nil && add.BitLen() > bits {
		return nil, errCode("RangeError", "ERR_OUT_OF_RANGE", "invalid options.add")
	}
	if add != nil && rem == nil {
		rem = big.NewInt(1)
		if safe {
			rem = big.NewInt(3)
		}
	}
	if add != nil && rem.Cmp(add) >= 0 {
		return nil, errCode("RangeError", "ERR_OUT_OF_RANGE", "invalid options.rem")
	}
	if bits < 2 {
		return nil, errSSL("03000070", "bignum routines", "bits too small")
	}
	one := big.NewInt(1)
	limit := new(big.Int).Lsh(one, uint(bits))
	for tries := 0; tries < 1<<20; tries++ {
		p, err := rand.Int(rand.Reader, limit)
		if err != nil {
			return nil, err
		}
		p.SetBit(p, bits-1, 1)
		p.SetBit(p, bits-2, 1)
		if add != nil {
			p.Sub(p, new(big.Int).Mod(p, add))
			p.Add(p, rem)
			if p.BitLen() != bits {
				continue
			}
		}
		if !p.ProbablyPrime(20) {
			continue
		}
		if safe && !new(big.Int).Rsh(p, 1).ProbablyPrime(20) {
			continue
		}
		return p, nil
	}
	return nil, errSSL("03000073", "bignum routines", "no solution")
}

// primeGen(bits, add?, rem?, safe) -> prime bytes
func primeGenOp(a *Args) (any, error) {
	var add, rem *big.Int
	if a.Has(1) {
		add = new(big.Int).SetBytes(a.Bytes(1))
	}
	if a.Has(2) {
		rem = new(big.Int).SetBytes(a.Bytes(2))
	}
	p, err := GeneratePrime(a.Int(0, 0), add, rem, a.Bool(3))
	if err != nil {
		return nil, err
	}
	return p.Bytes(), nil
}

// primeCheck(bytes, checks) -> bool
func primeCheckOp(a *Args) (any, error) {
	n := a.Int(1, 0)
	if n <= 0 {
		n = 20
	}
	return new(big.Int).SetBytes(a.Bytes(0)).ProbablyPrime(n), nil
}
