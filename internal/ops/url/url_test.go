package url

import (
	"encoding/json"
	"os"
	"strconv"
	"testing"
)

// testdata/node24_cases.json holds [input, base, ok, href, protocol,
// username, password, host, hostname, port, pathname, search, hash, origin]
// rows produced by running Node 24's URL on each input.
func TestParseMatchesNode(t *testing.T) {
	b, err := os.ReadFile("testdata/node24_cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]any
	if err := json.Unmarshal(b, &rows); err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		input, base, ok := r[0].(string), r[1].(string), r[2].(bool)
		var bu *Record
		if base != "" {
			bu = Parse(base, nil)
		}
		u := Parse(input, bu)
		if !ok {
			if u != nil {
				t.Errorf("Parse(%q, %q) = %q, want failure", input, base, u.Href())
			}
			continue
		}
		if u == nil {
			t.Errorf("Parse(%q, %q) failed, want %q", input, base, r[3])
			continue
		}
		port := ""
		if u.Port != -1 {
			port = strconv.Itoa(u.Port)
		}
		host := u.Host
		if port != "" {
			host += ":" + port
		}
		search, hash := "", ""
		if u.HasQuery && u.Query != "" {
			search = "?" + u.Query
		}
		if u.HasFrag && u.Fragment != "" {
			hash = "#" + u.Fragment
		}
		got := []string{u.Href(), u.Scheme + ":", u.Username, u.Password, host, u.Host, port, u.PathString(), search, hash}
		names := []string{"href", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "hash"}
		for i, g := range got {
			if want := r[3+i].(string); g != want {
				t.Errorf("Parse(%q, %q).%s = %q, want %q", input, base, names[i], g, want)
			}
		}
	}
}

func TestSetters(t *testing.T) {
	tests := []struct {
		href, setter, value, want string
	}{
		{"http://a/b", "protocol", "https", "https://a/b"},
		{"http://a/b", "protocol", "foo", "http://a/b"},
		{"http://a:8080/b", "protocol", "https", "https://a:8080/b"},
		{"https://a:443/b", "port", "443", "https://a/b"},
		{"http://a/b", "port", "12ab", "http://a:12/b"},
		{"http://a/b", "port", "99999", "http://a/b"},
		{"http://a/b", "host", "c:81", "http://c:81/b"},
		{"http://a/b", "hostname", "c:81", "http://a/b"},
		{"http://a/b", "username", "u s", "http://u%20s@a/b"},
		{"http://a/b", "password", "p@", "http://:p%40@a/b"},
		{"file:///b", "username", "u", "file:///b"},
		{"http://a/b", "pathname", "x y/../z", "http://a/z"},
		{"http://a/b", "search", "?a b", "http://a/b?a%20b"},
		{"http://a/b?q", "search", "", "http://a/b"},
		{"http://a/b", "hash", "x`", "http://a/b#x%60"},
		{"mailto:x", "pathname", "y", "mailto:x"},
	}
	for _, tt := range tests {
		u := Parse(tt.href, nil)
		switch tt.setter {
		case "protocol":
			u.SetProtocol(tt.value)
		case "port":
			u.SetPort(tt.value)
		case "host":
			u.SetHost(tt.value)
		case "hostname":
			u.SetHostname(tt.value)
		case "username":
			u.SetUsername(tt.value)
		case "password":
			u.SetPassword(tt.value)
		case "pathname":
			u.SetPathname(tt.value)
		case "search":
			u.SetSearch(tt.value)
		case "hash":
			u.SetHash(tt.value)
		}
		if got := u.Href(); got != tt.want {
			t.Errorf("%s.%s = %q: got %q, want %q", tt.href, tt.setter, tt.value, got, tt.want)
		}
	}
}

func TestForm(t *testing.T) {
	if got := EncodeForm("a b&c=d/é*~"); got != "a+b%26c%3Dd%2F%C3%A9*%7E" {
		t.Errorf("EncodeForm = %q", got)
	}
	got := ParseForm("a=1&&b+c=%41%zz&d")
	want := []string{"a", "1", "b c", "A%zz", "d", ""}
	if len(got) != len(want) {
		t.Fatalf("ParseForm = %q", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("ParseForm[%d] = %q, want %q", i, got[i], want[i])
		}
	}
}
