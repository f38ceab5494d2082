package module

import (
	"strings"
	"testing"
)

func TestStripTypesKeepsLines(t *testing.T) {
	src := "interface A {\n  x: number;\n}\n\ntype B = string;\nconst a: number = 1;\n\n\nfunction f(x: A): B {\n  throw new Error('here');\n}\nconst s = `multi\nline`;\nexport { a, f, s };\n"
	out, err := StripTypes(src, "/t/x.ts")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(out, "\n")
	find := func(sub string) int {
		for i, l := range lines {
			if strings.Contains(l, sub) {
				return i + 1
			}
		}
		return -1
	}
	if n := find("throw new Error"); n != 10 {
		t.Errorf("throw on line %d, want 10:\n%s", n, out)
	}
	if n := find("const a = 1"); n != 6 {
		t.Errorf("const a on line %d, want 6:\n%s", n, out)
	}
	if !strings.Contains(out, "`multi\nline`") {
		t.Errorf("template changed:\n%s", out)
	}
}

func TestStripTypesEnum(t *testing.T) {
	out, err := StripTypes("enum E { A, B }\nnamespace N { export const x = 1; }\nconsole.log(E.B, N.x);\n", "/t/e.ts")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "enum E") || !strings.Contains(out, `E2["B"] = 1`) {
		t.Errorf("enum not compiled:\n%s", out)
	}
}

func TestStripTypesError(t *testing.T) {
	if _, err := StripTypes("const x: = 1;", "/t/bad.ts"); err == nil || !strings.Contains(err.Error(), "/t/bad.ts:1") {
		t.Fatalf("want located error, got %v", err)
	}
}

func TestMapStack(t *testing.T) {
	lineMapsMu.Lock()
	lineMaps["/t/m.ts"] = []int{1, 0, 5, 6}
	lineMapsMu.Unlock()
	got := MapStack("Error: x\n    at f (/t/m.ts:3:7)\n    at /t/other.js:3:1")
	if !strings.Contains(got, "/t/m.ts:5:7") || !strings.Contains(got, "/t/other.js:3:1") {
		t.Fatal(got)
	}
}

func TestFacadeSource(t *testing.T) {
	src := FacadeSource([]string{"a", "default", "module.exports"})
	if !strings.Contains(src, `export { __n0 as "a" }`) || strings.Contains(src, `as "default"`) || !strings.Contains(src, `"module.exports"`) {
		t.Fatal(src)
	}
}

func TestLowerForEngineAsyncField(t *testing.T) {
	src := "export class A {\n    name;\n    async;\n    static async;\n    x = 1;\n}\n"
	if !MayNeedLowering(src) {
		t.Fatal("MayNeedLowering should see the async field")
	}
	out, err := LowerForEngine(src, "a.js")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "async;") {
		t.Fatalf("async field not lowered:\n%s", out)
	}
}
