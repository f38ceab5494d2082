package tzname

import "testing"

func TestName(t *testing.T) {
	cases := []struct {
		abbr string
		off  int
		want string
	}{
		{"CEST", 7200, "Central European Summer Time"},
		{"UTC", 0, "Coordinated Universal Time"},
		{"+03", 3 * 3600, "GMT+03:00"},
		{"-0330", -(3*3600 + 1800), "GMT-03:30"},
		{"XYZ", 60, "XYZ"},
	}
	for _, c := range cases {
		if got := Name(c.abbr, c.off); got != c.want {
			t.Errorf("Name(%q, %d) = %q, want %q", c.abbr, c.off, got, c.want)
		}
	}
}

func TestAt(t *testing.T) {
	t.Setenv("TZ", "Europe/Amsterdam")
	// 2018-04-14T12:34:56Z is summer time in Amsterdam.
	if got := At(1523709296000); got != "Central European Summer Time" {
		t.Errorf("At(summer) = %q", got)
	}
	if got := At(1515933296000); got != "Central European Standard Time" {
		t.Errorf("At(winter) = %q", got)
	}
	t.Setenv("TZ", "UTC")
	if got := At(0); got != "Coordinated Universal Time" {
		t.Errorf("At(UTC) = %q", got)
	}
}

func TestAtByZone(t *testing.T) {
	t.Setenv("TZ", "Asia/Shanghai")
	if got := At(1523709296000); got != "China Standard Time" {
		t.Errorf("At(Shanghai) = %q", got)
	}
}

func TestPartsAt(t *testing.T) {
	loc, name, ok := Load("Asia/Tokyo")
	if !ok || name != "Asia/Tokyo" {
		t.Fatalf("Load(Asia/Tokyo) = %v %q", ok, name)
	}
	p := PartsAt(0, loc)
	if p.Year != 1970 || p.Month != 0 || p.Day != 1 || p.Hour != 9 || p.Offset != 540 || p.Long != "Japan Standard Time" {
		t.Fatalf("PartsAt(0, Tokyo) = %+v", p)
	}
	p = PartsAt(-1, loc)
	if p.Second != 59 || p.Millisecond != 999 || p.Hour != 8 {
		t.Fatalf("PartsAt(-1, Tokyo) = %+v", p)
	}
	if _, _, ok := Load("Mars/Olympus"); ok {
		t.Fatal("Load(Mars/Olympus) succeeded")
	}
}

func TestCanonical(t *testing.T) {
	if got := Canonical("Asia/Kolkata"); got != "Asia/Calcutta" {
		t.Errorf("Canonical(Asia/Kolkata) = %q", got)
	}
	if got := Canonical("Asia/Tokyo"); got != "Asia/Tokyo" {
		t.Errorf("Canonical(Asia/Tokyo) = %q", got)
	}
}
