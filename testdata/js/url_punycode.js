const p = require('punycode');
for (const s of ['mañana', 'bücher', '☃-⌘', 'abc', '', 'ü', '😀x', 'Здравствуйте']) { const e = p.encode(s); console.log(JSON.stringify(s), e, p.decode(e) === s); }
console.log(p.toASCII('mañana.com'), p.toASCII('джумла@джpумлатест.bрфa'), p.toUnicode('xn--maana-pta.com'), p.toUnicode('XN--MAANA-PTA.com'), p.version);
console.log(JSON.stringify(p.ucs2.decode('a😀')), p.ucs2.encode([0x61, 0x1F600]));
try { p.decode('ü'); } catch (e) { console.log(e.name, e.message); }
try { p.decode('a-99999999999'); } catch (e) { console.log(e.name, e.message); }
