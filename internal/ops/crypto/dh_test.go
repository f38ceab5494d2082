package crypto

import (
	"encoding/hex"
	"math/big"
	"testing"
	"time"
)

// The 1024-bit MODP prime of RFC 2409 (modp2), as Node's test helper lists it.
const modp2Hex = "ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74020bbea63b139b22514a08798e3404dd" +
	"ef9519b3cd3a431b302b0a6df25f14374fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b0bff5cb6f406b7ed" +
	"ee386bfb5a899fa5ae9f24117c4b1fe649286651ece65381ffffffffffffffff"

func TestModpGroups(t *testing.T) {
	if got := hex.EncodeToString(ModpGroup("modp2")); got != modp2Hex {
		t.Fatalf("modp2 = %s", got)
	}
	for name, g := range modpGroups {
		p := new(big.Int).SetBytes(ModpGroup(name))
		if p.BitLen() != int(g.bits) {
			t.Errorf("%s: %d bits", name, p.BitLen())
		}
		if g.bits > 2048 { // the larger ones take a minute to check
			continue
		}
		if dhCheck(p, big.NewInt(2))&^dhNotSuitableGenerator != 0 {
			t.Errorf("%s is not a safe prime", name)
		}
	}
}

func TestSafePrime(t *testing.T) {
	start := time.Now()
	b, err := SafePrime(512, 2)
	if err != nil {
		t.Fatal(err)
	}
	p := new(big.Int).SetBytes(b)
	if p.BitLen() != 512 || dhCheck(p, big.NewInt(2)) != 0 || new(big.Int).Mod(p, big.NewInt(24)).Int64() != 23 {
		t.Fatalf("bad safe prime %x", b)
	}
	t.Logf("512-bit safe prime in %v", time.Since(start))
}
