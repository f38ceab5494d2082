const t = Date.now();
let s = '';
for (let i = 0; i < 200000; i++) s += i.toString(36);
let count = 0;
for (const part of s.split('a')) count += part.length;
console.log('strings', count, Date.now() - t, 'ms');
