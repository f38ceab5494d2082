// Intl.RelativeTimeFormat (en-US): every unit, style and numeric mode, parts,
// plural unit names, and a bad unit.
const units = ['year', 'quarter', 'month', 'week', 'day', 'hour', 'minute', 'second'];
for (const style of ['long', 'short', 'narrow']) {
  for (const numeric of ['always', 'auto']) {
    const f = new Intl.RelativeTimeFormat('en-US', { style, numeric });
    for (const u of units) {
      console.log(style, numeric, u, [-2, -1, 0, 1, 2, 1.5, -1000].map((v) => JSON.stringify(f.format(v, u))).join(' '));
    }
  }
}
const f = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });
console.log(JSON.stringify(f.formatToParts(-1, 'day')), JSON.stringify(f.formatToParts(1234.5, 'days')), JSON.stringify(f.resolvedOptions()));
console.log(JSON.stringify(new Intl.RelativeTimeFormat().formatToParts(-3, 'hours')), f.format(-0, 'second'), new Intl.RelativeTimeFormat().format(-0, 'seconds'));
try { f.format(1, 'decade'); } catch (e) { console.log(e.name, e.message); }
