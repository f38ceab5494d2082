package main

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseMetaFlowLists(t *testing.T) {
	src := `// Copyright
/*---
esid: sec-array.prototype.at
description: |
  Some text: with a colon
  flags: [notAFlag]
includes: [propertyHelper.js, "compareArray.js"]
flags: [onlyStrict, async] # trailing comment
features: [Array.prototype.at,
  TypedArray]
---*/
flags: [ignored]
`
	m, err := parseMeta(src)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"propertyHelper.js", "compareArray.js"}; !reflect.DeepEqual(m.Includes, want) {
		t.Errorf("includes = %q, want %q", m.Includes, want)
	}
	if want := []string{"onlyStrict", "async"}; !reflect.DeepEqual(m.Flags, want) {
		t.Errorf("flags = %q, want %q", m.Flags, want)
	}
	if want := []string{"Array.prototype.at", "TypedArray"}; !reflect.DeepEqual(m.Features, want) {
		t.Errorf("features = %q, want %q", m.Features, want)
	}
	if m.Negative != nil {
		t.Errorf("negative = %+v, want nil", m.Negative)
	}
	if !m.HasFlag("async") || m.HasFlag("module") {
		t.Error("HasFlag wrong")
	}
}

func TestParseMetaBlockListsAndNegative(t *testing.T) {
	src := `/*---
info: >
  folded
negative:
  phase: parse
  type: SyntaxError
includes:
  - asyncHelpers.js
  - 'compareArray.js'
flags:
- module
features: [class]
---*/
$DONOTEVALUATE();
`
	m, err := parseMeta(src)
	if err != nil {
		t.Fatal(err)
	}
	if m.Negative == nil || m.Negative.Phase != "parse" || m.Negative.Type != "SyntaxError" {
		t.Errorf("negative = %+v", m.Negative)
	}
	if want := []string{"asyncHelpers.js", "compareArray.js"}; !reflect.DeepEqual(m.Includes, want) {
		t.Errorf("includes = %q, want %q", m.Includes, want)
	}
	if want := []string{"module"}; !reflect.DeepEqual(m.Flags, want) {
		t.Errorf("flags = %q, want %q", m.Flags, want)
	}
	if want := []string{"class"}; !reflect.DeepEqual(m.Features, want) {
		t.Errorf("features = %q, want %q", m.Features, want)
	}
}

func TestParseMetaErrors(t *testing.T) {
	if _, err := parseMeta("var x = 1;"); err == nil {
		t.Error("missing frontmatter: want error")
	}
	if _, err := parseMeta("/*---\nflags: [raw]\n"); err == nil {
		t.Error("unterminated frontmatter: want error")
	}
	if _, err := parseMeta("/*---\nnegative:\n  phase: parse\n---*/"); err == nil {
		t.Error("negative without type: want error")
	}
}

func TestParseMetaCRLineBreaks(t *testing.T) {
	src := "// c\r/*---\rdescription: x\rincludes: [nativeFunctionMatcher.js]\r---*/\rf();\r"
	m, err := parseMeta(src)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"nativeFunctionMatcher.js"}; !reflect.DeepEqual(m.Includes, want) {
		t.Errorf("includes = %q, want %q", m.Includes, want)
	}
	m, err = parseMeta(strings.ReplaceAll(src, "\r", "\r\n"))
	if err != nil || len(m.Includes) != 1 {
		t.Errorf("CRLF: includes = %q, err %v", m.Includes, err)
	}
}
