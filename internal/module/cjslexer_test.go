package module

import (
	"reflect"
	"testing"
)

func TestLexCJS(t *testing.T) {
	cases := []struct {
		src      string
		exports  []string
		reexport []string
	}{
		{"exports.a = 1; module.exports.b = 2; exports['c-d'] = 3;", []string{"a", "b", "c-d"}, nil},
		{"Object.defineProperty(exports, '__esModule', { value: true });\nexports.default = f;", []string{"__esModule", "default"}, nil},
		{"module.exports = { a, b: b2, 'c': c, d: 1, e };", []string{"a", "b", "c"}, nil},
		{"module.exports = require('./other');", nil, []string{"./other"}},
		{"__exportStar(require(\"./x\"), exports);", nil, []string{"./x"}},
		{"const s = `exports.no = ${ {a: 1}.a } exports.no2 = 1`; exports.yes = 1;", []string{"yes"}, nil},
		{"// exports.no = 1\n/* exports.no2 = 2 */ var r = /exports.no3 = 1/; exports.yes = r;", []string{"yes"}, nil},
		{"if (exports.a == 1) x = 1; foo.exports.b = 1;", nil, nil},
		{"module.exports = { ...require('./a'), b };", []string{"b"}, []string{"./a"}},
	}
	for _, c := range cases {
		e, r := LexCJS(c.src)
		if !reflect.DeepEqual(e, c.exports) || !reflect.DeepEqual(r, c.reexport) {
			t.Errorf("%s\n got %q %q\nwant %q %q", c.src, e, r, c.exports, c.reexport)
		}
	}
}

func TestLexCJSStringEscapes(t *testing.T) {
	src := "exports['\\u{D83C}'] = 1;\nexports['\\u{D83C}\\u{DF10}'] = 2;\nexports['\\x41\\u0042'] = 3;\nexports['a\\'b'] = 4;\n"
	got, _ := LexCJS(src)
	want := []string{"🌐", "AB", "a'b"}
	if len(got) != len(want) {
		t.Fatalf("LexCJS = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("LexCJS = %q, want %q", got, want)
		}
	}
}

func TestLexCJSBabelReexport(t *testing.T) {
	src := `"use strict";
var _external = require("./other.js");
Object.keys(_external).forEach(function (key) {
  if (key === "default" || key === "__esModule") return;
  Object.defineProperty(exports, key, { enumerable: true, get: function () { return _external[key]; } });
});
var _unrelated = require("./unrelated.js");
`
	_, re := LexCJS(src)
	if len(re) != 1 || re[0] != "./other.js" {
		t.Fatalf("reexports = %q, want [./other.js]", re)
	}
}
