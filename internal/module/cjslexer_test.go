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
