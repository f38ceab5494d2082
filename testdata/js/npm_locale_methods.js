'use strict';
// Packages sort with localeCompare and print numbers/dates with toLocaleString:
// both must answer as V8 with ICU does for en-US.
const d = new Date(Date.UTC(2020, 0, 2, 15, 4, 5));
console.log(d.toLocaleString('en-US', {timeZone: 'UTC'}), '|', d.toLocaleDateString('en-US', {timeZone: 'UTC'}), '|', d.toLocaleTimeString('en-US', {timeZone: 'UTC'}));
console.log(d.toLocaleDateString('en-US', {timeZone: 'UTC', month: 'long', day: 'numeric'}), '|', d.toLocaleTimeString('en-US', {timeZone: 'UTC', hour: '2-digit', minute: '2-digit'}), '|', d.toLocaleString('en-US', {timeZone: 'UTC', weekday: 'long'}));
console.log(new Date(NaN).toLocaleString(), (1234567.891).toLocaleString(), (0.5).toLocaleString('en-US', {style: 'percent'}), 12345678901234567890n.toLocaleString(), [1234, 5678].toLocaleString());
console.log(['b', 'A', 'a', 'B', 'é', 'e'].sort((x, y) => x.localeCompare(y)), 'a'.localeCompare('B'), 'a'.localeCompare('a'), 'x2'.localeCompare('x10', undefined, {numeric: true}));
console.log(Number.prototype.toLocaleString.length, String.prototype.localeCompare.length, Date.prototype.toLocaleString.name);
try { Number.prototype.toLocaleString.call('x') } catch (e) { console.log(e.name) }
