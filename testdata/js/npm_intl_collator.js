'use strict';
// Sorting with Intl.Collator / localeCompare: punctuation, digits, then
// letters with lower case first; accents and case as later levels.
const cs = []; for (let i = 32; i < 127; i++) cs.push(String.fromCharCode(i));
const c = new Intl.Collator('en-US');
console.log(JSON.stringify(cs.slice().sort(c.compare).join('')));
const words = ['apple', 'Apple', 'APPLE', 'app', 'app-le', 'app_le', 'app le', 'a1', 'a10', 'a2', 'A2', 'résumé', 'resume', 'Resume', 'zebra', 'Zebra', '_x', '-x', '', 'éclair', 'eclair', 'Éclair', 'b', 'B', 'ab', 'aB', 'Ab', 'AB'];
console.log(words.slice().sort(c.compare));
console.log(words.slice().sort(new Intl.Collator('en', {caseFirst: 'upper'}).compare));
console.log(words.slice().sort(new Intl.Collator('en', {numeric: true}).compare));
console.log(words.map(w => new Intl.Collator('en', {sensitivity: 'base'}).compare(w, 'apple')).join(','), words.map(w => new Intl.Collator('en', {sensitivity: 'accent'}).compare(w, 'resume')).join(','));
console.log(words.map(w => new Intl.Collator('en', {sensitivity: 'case'}).compare(w, 'Resume')).join(','));
console.log(words.slice().sort((a, b) => a.localeCompare(b)).join(' '));
