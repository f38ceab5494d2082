'use strict';
// string-width (yargs, cliui, wrap-ansi, ora) needs Intl.Segmenter; others format
// numbers, dates (UTC here), lists and plurals in en-US.
const seg = new Intl.Segmenter();
console.log([...seg.segment('e\u0301👨‍👩‍👧🇫🇷a\r\nb1️⃣👍🏽')].map(s => [s.segment, s.index]));
console.log([...new Intl.Segmenter('en', {granularity: 'word'}).segment("Hello, world! it's 3.5  ok")].map(s => [s.segment, s.isWordLike]));
console.log(typeof Intl.DateTimeFormat().resolvedOptions().timeZone, typeof Intl, Object.prototype.toString.call(Intl));
const nf = new Intl.NumberFormat('en-US');
console.log(nf.format(1234567.891), nf.format(-0), nf.format(1.0005), nf.format(NaN), nf.format(-Infinity), nf.format(12345678901234567890n), nf.format(0.1+0.2));
console.log(new Intl.NumberFormat('en', {maximumFractionDigits: 2}).format(1.005), new Intl.NumberFormat('en', {minimumFractionDigits: 2}).format(3));
console.log(new Intl.NumberFormat('en-US', {style: 'currency', currency: 'USD'}).format(-1234.5), new Intl.NumberFormat('en-US', {style: 'currency', currency: 'EUR'}).format(2), new Intl.NumberFormat('en-US', {style: 'currency', currency: 'CHF'}).format(2));
console.log(new Intl.NumberFormat('en-US', {style: 'percent'}).format(0.256), new Intl.NumberFormat('en-US', {maximumSignificantDigits: 3}).format(123456), new Intl.NumberFormat('en-US', {maximumSignificantDigits: 3}).format(0.0012345));
console.log(new Intl.NumberFormat('en-US', {useGrouping: false}).format(12345), new Intl.NumberFormat('en-US', {minimumIntegerDigits: 3}).format(5), new Intl.NumberFormat().formatToParts(-1234.5));
const d = new Date(Date.UTC(2020, 0, 2, 15, 4, 5, 123));
const fmts = [{timeZone: 'UTC'}, {dateStyle: 'full', timeZone: 'UTC'}, {dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC'}, {dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC'}, {dateStyle: 'short', timeStyle: 'full', timeZone: 'UTC'},
  {year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC'}, {weekday: 'short', month: 'short', day: '2-digit', timeZone: 'UTC'}, {hour: 'numeric', minute: '2-digit', timeZone: 'UTC'}, {hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: 'UTC'},
  {hour: 'numeric', timeZone: 'UTC'}, {month: 'long', year: 'numeric', timeZone: 'UTC'}, {year: '2-digit', month: '2-digit', day: '2-digit', timeZone: 'UTC'}, {hour: 'numeric', minute: 'numeric', second: 'numeric', fractionalSecondDigits: 2, timeZone: 'UTC'}, {timeZoneName: 'short', timeZone: 'UTC'}, {weekday: 'long', timeZone: 'UTC'},
  {year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23', timeZone: 'UTC'}, {minute: '2-digit', second: '2-digit', timeZone: 'UTC'}];
for (const o of fmts) { const f = new Intl.DateTimeFormat('en-US', o); console.log(JSON.stringify(o), '=>', f.format(d), JSON.stringify(f.resolvedOptions())); }
console.log(new Intl.DateTimeFormat('en-US', {hour: 'numeric', minute: '2-digit', timeZone: 'UTC'}).formatToParts(d));
const c = new Intl.Collator();
console.log(['b', 'A', 'a', 'B', 'é', 'e', 'Z', '10', '9', 'ä'].sort(c.compare), ['x10', 'x9', 'x1'].sort(new Intl.Collator(undefined, {numeric: true}).compare), new Intl.Collator('en', {sensitivity: 'base'}).compare('a', 'Á'));
const pr = new Intl.PluralRules('en-US'); const po = new Intl.PluralRules('en-US', {type: 'ordinal'});
console.log([0, 1, 2, 1.5].map(n => pr.select(n)), [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101].map(n => po.select(n)));
for (const type of ['conjunction', 'disjunction', 'unit']) for (const style of ['long', 'short', 'narrow']) { const lf = new Intl.ListFormat('en', {type, style}); console.log(type, style, lf.format(['a', 'b', 'c']), '|', lf.format(['a', 'b']), '|', lf.format(['a'])); }
console.log(Intl.getCanonicalLocales(['EN-us', 'de-de']), typeof Intl.NumberFormat.supportedLocalesOf, new Intl.NumberFormat() instanceof Intl.NumberFormat);
const sw = (s) => [...new Intl.Segmenter().segment(s)].length;
console.log(sw('abc'), sw('👍🏽x'), sw('a\u0308o\u0308'), new Intl.Segmenter().segment('abc').containing(1));
console.log(Intl.NumberFormat('en-US').format(1e21), Intl.Collator().compare('a', 'b'), typeof Intl.DateTimeFormat);
