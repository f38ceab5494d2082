package crypto

import "testing"

func TestDigests(t *testing.T) {
	// Expected values from node: crypto.createHash(alg).update('abc').digest(enc).
	tests := []struct{ alg, enc, want string }{
		{"md5", "hex", "900150983cd24fb0d6963f7d28e17f72"},
		{"SHA1", "hex", "a9993e364706816aba3e25717850c26c9cd0d89d"},
		{"sha256", "base64", "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="},
		{"sha512", "base64url", "3a81oZNherrMQXNJriBBMRLm-k6JqX6iCp7u5ktV05ohkpkqJ0_BqDa6PCOj_uu9RU1EI2Q86A4qmslPpUyknw"},
		{"sha256", "latin1", "\u00ba\u0078\u0016\u00bf\u008f\u0001\u00cf\u00ea\u0041\u0041\u0040\u00de\u005d\u00ae\u0022\u0023\u00b0\u0003\u0061\u00a3\u0096\u0017\u007a\u009c\u00b4\u0010\u00ff\u0061\u00f2\u0000\u0015\u00ad"},
	}
	for _, tt := range tests {
		h := NewHash(tt.alg)
		if h == nil {
			t.Fatalf("NewHash(%q) = nil", tt.alg)
		}
		h.Write([]byte("abc"))
		got, ok := Encode(h.Sum(nil), tt.enc)
		if !ok || got != tt.want {
			t.Errorf("%s/%s = %q, want %q", tt.alg, tt.enc, got, tt.want)
		}
	}
	if NewHash("nope") != nil {
		t.Error("NewHash(nope) should be nil")
	}
	if _, ok := Encode(nil, "utf16le"); ok {
		t.Error("Encode(utf16le) should not be handled in Go")
	}
}
