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

var (
	mu   sync.Mutex
	locs = map[string]*time.Location{}
)

// location returns the zone that TZ (as the C library reads it) names,
// or time.Local when TZ is unset or unknown to Go.
func location(tz string) *time.Location {
	tz = strings.TrimPrefix(tz, ":")
	if tz == "" {
		return time.Local
	}
	mu.Lock()
	defer mu.Unlock()
	if l, ok := locs[tz]; ok {
		return l
	}
	l, err := time.LoadLocation(tz)
	if err != nil {
		l = time.Local
	}
	locs[tz] = l
	return l
}

// At returns the name of the zone in effect at ms (milliseconds since
// the epoch) under the TZ environment variable.
func At(ms float64) string {
	tz, set := os.LookupEnv("TZ")
	var loc *time.Location
	if set && tz == "" {
		loc = time.UTC
	} else {
		loc = location(tz)
	}
	t := time.UnixMilli(int64(ms)).In(loc)
	abbr, off := t.Zone()
	if names, ok := byZone[loc.String()]; ok {
		if t.IsDST() && names[1] != "" {
			return names[1]
		}
		if !t.IsDST() {
			return names[0]
		}
	}
	return Name(abbr, off)
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
