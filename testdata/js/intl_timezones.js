// Intl.DateTimeFormat in named IANA zones (fields and names from the zone
// database), ICU's canonical zone names, and the era option.
const d = new Date(Date.UTC(2024, 6, 4, 15, 30, 45, 123));
for (const tz of ['Asia/Tokyo', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Adelaide', 'America/Sao_Paulo']) {
  console.log(tz, d.toLocaleString('en-US', { timeZone: tz }), '|', d.toLocaleDateString('en-US', { timeZone: tz, dateStyle: 'full' }));
  console.log(' ', new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'short', hour: 'numeric' }).format(d),
    '|', new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'long', hour: '2-digit', minute: '2-digit' }).format(d),
    '|', new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'shortOffset' }).format(d));
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(d);
  console.log(' ', parts.map((p) => p.type + '=' + p.value).join(' '));
  console.log(' ', new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone);
}
try { new Intl.DateTimeFormat('en-US', { timeZone: 'Mars/Base' }); } catch (e) { console.log(e.name, e.message); }
const d2 = new Date(Date.UTC(2024, 2, 10, 6, 30, 5));
const opts = [
  { era: 'short', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' },
  { era: 'short' }, { era: 'long' }, { era: 'narrow' },
  { era: 'short', year: 'numeric' }, { era: 'long', year: 'numeric', month: 'long', day: 'numeric' },
  { era: 'short', month: 'short', day: 'numeric' }, { era: 'short', hour: 'numeric' },
  { era: 'short', year: 'numeric', month: '2-digit', day: '2-digit' },
];
for (const o of opts) {
  const f = new Intl.DateTimeFormat('en-US', { ...o, timeZone: 'UTC' });
  console.log(JSON.stringify(f.format(d2)), JSON.stringify(f.formatToParts(new Date(Date.UTC(-50, 0, 1))).map((p) => [p.type, p.value])));
}
