const w = require('path').win32;
const s = (x) => JSON.stringify(x);
const paths = ['', '.', '..', 'a', 'C:', 'C:\\', 'C:/', 'C:a', 'C:\\a\\b\\', 'c:/a//b/../c/.', '\\', '/', '\\\\', '\\\\server',
  '\\\\server\\share', '\\\\server\\share\\', '\\\\server\\share\\a\\..\\b', '//server/share/x/', 'a\\b\\..\\..\\..\\c',
  '\\a\\..\\..\\b', 'file.txt', '.bashrc', 'a.b.c', 'a\\b.', 'C:\\path\\dir\\file.txt', '\\\\?\\C:\\x', 'a/b/c/',
  'C:..\\x', '..\\..', 'foo\\\\bar', '\\\\\\a\\b'];
for (const p of paths) {
  console.log(s(p), s(w.normalize(p)), w.isAbsolute(p), s(w.dirname(p)), s(w.basename(p)), s(w.extname(p)), s(w.parse(p)), w.isAbsolute(p) ? s(w.toNamespacedPath(p)) : "");
}
const joins = [['a', 'b'], ['\\\\server', 'share'], ['//', 'a'], ['\\\\\\a', 'b'], ['', ''], ['C:', 'a'], ['a', '..', '..'], ['/', '//x']];
for (const j of joins) console.log(s(j), s(w.join(...j)));
const res = [['C:\\a', 'b'], ['C:\\a', 'D:\\b', 'c'], ['\\\\s\\sh\\x', '..\\y'], ['C:\\a', '\\b'], ['c:/ignore', 'd:\\a/b\\c/d', '\\e.exe']];
for (const r of res) console.log(s(r), s(w.resolve(...r)));
const rel = [['C:\\a\\b', 'C:\\a\\c'], ['C:\\a', 'C:\\a\\b\\c'], ['C:\\', 'D:\\x'], ['c:\\A\\b', 'C:\\a\\B'], ['\\\\s\\sh\\a', '\\\\s\\sh\\b'], ['C:\\a\\b\\c', 'C:\\']];
for (const r of rel) console.log(s(r), s(w.relative(...r)));
console.log(w.basename('C:\\a\\file.html', '.html'), w.basename('aaa', 'a'), w.basename('a', 'a'), w.basename('C:', 'C:'), w.basename('x.HTML', '.html'));
console.log(w.format({ root: 'C:\\', dir: 'C:\\path\\dir', base: 'file.txt' }), w.format({ root: 'C:\\', name: 'f', ext: 'txt' }), w.sep, w.delimiter, w.posix === require('path'), w.win32 === w);
try { w.join(1); } catch (e) { console.log(e.code); }
