// Package tzname names the time zone in effect at an instant the way
// node's Date.prototype.toString does ("Central European Summer Time"):
// the engine formats dates without a zone name, and node takes its names
// from ICU, which gonode does not carry. Common zones get their long
// names from a table keyed by the tz database abbreviation; zones whose
// abbreviation is numeric get ICU's "GMT+03:00" form; any other keeps
// its abbreviation.
package tzname

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"time"
	// The zone database is built in, as node carries ICU's: named zones
	// work on a machine without /usr/share/zoneinfo.
	_ "time/tzdata"
)

// longNames maps tz database abbreviations to ICU's long names. An
// abbreviation shared by several regions (CST, IST) maps to the name of
// its most common use.
var longNames = map[string]string{
	"UTC": "Coordinated Universal Time", "GMT": "Greenwich Mean Time",
	"BST": "British Summer Time", "IST": "India Standard Time",
	"WET": "Western European Standard Time", "WEST": "Western European Summer Time",
	"CET": "Central European Standard Time", "CEST": "Central European Summer Time",
	"EET": "Eastern European Standard Time", "EEST": "Eastern European Summer Time",
	"MSK": "Moscow Standard Time",
	"EST": "Eastern Standard Time", "EDT": "Eastern Daylight Time",
	"CST": "Central Standard Time", "CDT": "Central Daylight Time",
	"MST": "Mountain Standard Time", "MDT": "Mountain Daylight Time",
	"PST": "Pacific Standard Time", "PDT": "Pacific Daylight Time",
	"AKST": "Alaska Standard Time", "AKDT": "Alaska Daylight Time",
	"HST": "Hawaii-Aleutian Standard Time", "AST": "Atlantic Standard Time",
	"ADT": "Atlantic Daylight Time", "NST": "Newfoundland Standard Time",
	"NDT": "Newfoundland Daylight Time",
	"JST": "Japan Standard Time", "KST": "Korean Standard Time",
	"HKT": "Hong Kong Standard Time", "PKT": "Pakistan Standard Time",
	"WIB": "Western Indonesia Time", "SAST": "South Africa Standard Time",
	"CAT": "Central Africa Time", "EAT": "East Africa Time", "WAT": "West Africa Standard Time",
	"AEST": "Australian Eastern Standard Time", "AEDT": "Australian Eastern Daylight Time",
	"ACST": "Australian Central Standard Time", "ACDT": "Australian Central Daylight Time",
	"AWST": "Australian Western Standard Time",
	"NZST": "New Zealand Standard Time", "NZDT": "New Zealand Daylight Time",
}

// byZone names zones whose abbreviation is ambiguous or numeric:
// standard, then daylight-saving name.
var byZone = map[string][2]string{
	"Asia/Shanghai":     {"China Standard Time", "China Daylight Time"},
	"Asia/Taipei":       {"Taipei Standard Time", "Taipei Daylight Time"},
	"Asia/Singapore":    {"Singapore Standard Time", ""},
	"Asia/Dubai":        {"Gulf Standard Time", ""},
	"America/Sao_Paulo": {"Brasilia Standard Time", "Brasilia Summer Time"},
}

var mu sync.Mutex // guards zones

// location returns the zone that TZ (as the C library reads it) names,
// or time.Local when TZ is unset or unknown to Go.
func location(tz string) *time.Location {
	tz = strings.TrimPrefix(tz, ":")
	if tz == "" {
		return time.Local
	}
	if l, _, ok := Load(tz); ok {
		return l
	}
	return time.Local
}

// At returns the name of the zone in effect at ms (milliseconds since
// the epoch) under the TZ environment variable.
func At(ms float64) string {
	tz, set := os.LookupEnv("TZ")
	loc := time.UTC
	if !set || tz != "" {
		loc = location(tz)
	}
	return PartsAt(ms, loc).Long
}

// Name returns the long name of a zone abbreviation; off is the zone's
// offset east of UTC in seconds, used when the abbreviation is numeric.
func Name(abbr string, off int) string {
	if n, ok := longNames[abbr]; ok {
		return n
	}
	if abbr == "" || abbr[0] == '+' || abbr[0] == '-' {
		if off == 0 {
			return "GMT"
		}
		sign := '+'
		if off < 0 {
			sign, off = '-', -off
		}
		return fmt.Sprintf("GMT%c%02d:%02d", sign, off/3600, off%3600/60)
	}
	return abbr
}

// Load returns the zone named name (an IANA name such as "Asia/Tokyo",
// matched case-insensitively for the first letters as ICU does not care
// about case) and its canonical spelling, or ok false when there is no
// such zone.
func Load(name string) (loc *time.Location, canonical string, ok bool) {
	if name == "" || strings.Contains(name, "..") || strings.HasPrefix(name, "/") {
		return nil, "", false
	}
	mu.Lock()
	defer mu.Unlock()
	if l, hit := zones[name]; hit {
		return l, l.String(), l != nil
	}
	l, err := time.LoadLocation(name)
	if err != nil {
		l = nil
	}
	zones[name] = l
	if l == nil {
		return nil, "", false
	}
	return l, l.String(), true
}

// zones caches Load's answers, misses included (as nil).
var zones = map[string]*time.Location{}

// icuCanonical maps zone names to the spelling ICU (so node's Intl)
// reports as canonical: the older names it keeps for renamed zones, and
// the targets of common links.
var icuCanonical = map[string]string{
	"Asia/Kolkata": "Asia/Calcutta", "Asia/Kathmandu": "Asia/Katmandu",
	"Asia/Ho_Chi_Minh": "Asia/Saigon", "Asia/Yangon": "Asia/Rangoon",
	"Europe/Kyiv": "Europe/Kiev", "America/Nuuk": "America/Godthab",
	"Atlantic/Faroe": "Atlantic/Faeroe", "Pacific/Pohnpei": "Pacific/Ponape",
	"Pacific/Chuuk": "Pacific/Truk", "America/Atikokan": "America/Coral_Harbour",
	"Africa/Asmara": "Africa/Asmera", "Pacific/Kanton": "Pacific/Enderbury",
	"America/Argentina/Buenos_Aires": "America/Buenos_Aires",
	"America/Indiana/Indianapolis":   "America/Indianapolis",
	"America/Kentucky/Louisville":    "America/Louisville",
	"US/Eastern":                     "America/New_York", "US/Central": "America/Chicago",
	"US/Mountain": "America/Denver", "US/Pacific": "America/Los_Angeles",
	"US/Alaska": "America/Anchorage", "US/Hawaii": "Pacific/Honolulu",
	"US/Arizona": "America/Phoenix", "Etc/UTC": "UTC", "Etc/GMT": "UTC",
	"Etc/Universal": "UTC", "Etc/Zulu": "UTC", "Universal": "UTC", "Zulu": "UTC",
	"GB": "Europe/London", "Japan": "Asia/Tokyo", "PRC": "Asia/Shanghai",
}

// Canonical returns the name ICU reports for the zone named name.
func Canonical(name string) string {
	if c, ok := icuCanonical[name]; ok {
		return c
	}
	return name
}

// Parts are the wall-clock fields of an instant in a zone.
type Parts struct {
	Year, Month, Day, Weekday, Hour, Minute, Second, Millisecond int
	Offset                                                       int // minutes east of UTC
	Abbr, Long                                                   string
}

// PartsAt returns the fields of ms (milliseconds since the epoch) in loc.
func PartsAt(ms float64, loc *time.Location) Parts {
	sec := int64(ms) / 1000
	msec := int64(ms) % 1000
	if msec < 0 {
		msec += 1000
		sec--
	}
	t := time.Unix(sec, msec*int64(time.Millisecond)).In(loc)
	abbr, off := t.Zone()
	long := Name(abbr, off)
	if names, ok := byZone[loc.String()]; ok {
		if !t.IsDST() {
			long = names[0]
		} else if names[1] != "" {
			long = names[1]
		}
	}
	return Parts{
		Year: t.Year(), Month: int(t.Month()) - 1, Day: t.Day(), Weekday: int(t.Weekday()),
		Hour: t.Hour(), Minute: t.Minute(), Second: t.Second(), Millisecond: int(msec),
		Offset: off / 60, Abbr: abbr, Long: long,
	}
}
