package behaviour

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestRuntimeTZ checks that setting process.env.TZ while running changes
// the local time Date uses, as in node. The expected offsets are those of
// the IANA zones on 2018-04-14 (node prints the same); the test needs the
// system's zone files and skips without them.
func TestRuntimeTZ(t *testing.T) {
	for _, zone := range []string{"Europe/Amsterdam", "America/New_York", "Australia/Adelaide"} {
		if _, err := os.Stat("/usr/share/zoneinfo/" + zone); err != nil {
			t.Skip("no zone files in /usr/share/zoneinfo")
		}
	}
	script := `
const d = new Date('2018-04-14T12:34:56.789Z');
const out = [];
for (const tz of ['Europe/Amsterdam', 'America/New_York', 'Australia/Adelaide', 'UTC']) {
  process.env.TZ = tz;
  out.push(tz + ' ' + d.getHours() + ':' + d.getMinutes() + ' ' + d.getTimezoneOffset());
}
delete process.env.TZ;
console.log(out.join('\n'));`
	cmd := exec.Command(gonodeBin, "-e", script)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	got, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("gonode: %v\n%s", err, got)
	}
	want := strings.Join([]string{
		"Europe/Amsterdam 14:34 -120",
		"America/New_York 8:34 240",
		"Australia/Adelaide 22:4 -570",
		"UTC 12:34 0",
	}, "\n") + "\n"
	if string(got) != want {
		t.Fatalf("got:\n%s\nwant:\n%s", got, want)
	}
}
