package uv

import "testing"

func TestErrors(t *testing.T) {
	if len(Errors()) < 80 {
		t.Fatalf("only %d errors parsed", len(Errors()))
	}
	for errno, code := range map[int]string{-2: "ENOENT", -3008: "EAI_NONAME", -3006: "EAI_MEMORY", -12: "ENOMEM"} {
		e, ok := Lookup(errno)
		if !ok || e.Code != code || e.Message == "" {
			t.Errorf("Lookup(%d) = %+v, %v; want %s", errno, e, ok, code)
		}
	}
}
