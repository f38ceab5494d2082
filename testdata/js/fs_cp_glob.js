'use strict';
// fs.cp / cpSync / fsPromises.cp, fs.globSync / glob, Stats shape.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonode-fs-cp-'));
const p = (...s) => path.join(dir, ...s);
const rel = (s) => (typeof s === 'string' ? s.split(dir).join('<tmp>') : s);
const show = (label, v) => console.log(label, JSON.stringify(v));
const tree = (root) => fs.readdirSync(root, { recursive: true }).sort();
const tryIt = (label, f) => {
  try { f(); show(label, 'ok'); } catch (e) { show(label, { name: e.name, code: e.code, message: rel(e.message) }); }
};

fs.mkdirSync(p('src', 'sub', 'deep'), { recursive: true });
fs.writeFileSync(p('src', 'a.js'), 'a');
fs.writeFileSync(p('src', 'b.txt'), 'b');
fs.writeFileSync(p('src', 'sub', 'c.js'), 'c');
fs.writeFileSync(p('src', 'sub', 'deep', 'd.js'), 'd');
fs.writeFileSync(p('src', '.hidden.js'), 'h');
fs.symlinkSync('a.js', p('src', 'link.js'));

fs.cpSync(p('src'), p('dst'), { recursive: true });
show('cpSync tree', tree(p('dst')));
show('cpSync symlink', fs.readlinkSync(p('dst', 'link.js')) === p('src', 'a.js'));
fs.cpSync(p('src'), p('dst2'), { recursive: true, filter: (s) => !s.endsWith('.txt') });
show('cpSync filter', tree(p('dst2')));
fs.cpSync(p('src'), p('dst3'), { recursive: true, verbatimSymlinks: true });
show('verbatimSymlinks', fs.readlinkSync(p('dst3', 'link.js')));
fs.cpSync(p('src', 'a.js'), p('single.js'));
show('cpSync file', fs.readFileSync(p('single.js'), 'utf8'));
fs.writeFileSync(p('single.js'), 'changed');
fs.cpSync(p('src', 'a.js'), p('single.js'), { force: false });
show('force false keeps', fs.readFileSync(p('single.js'), 'utf8'));
fs.cpSync(p('src', 'a.js'), p('single.js'));
show('force overwrites', fs.readFileSync(p('single.js'), 'utf8'));
tryIt('errorOnExist', () => fs.cpSync(p('src', 'a.js'), p('single.js'), { force: false, errorOnExist: true }));
tryIt('dir without recursive', () => fs.cpSync(p('src'), p('dst4')));
tryIt('dir to file', () => fs.cpSync(p('src'), p('single.js'), { recursive: true }));
tryIt('file to dir', () => fs.cpSync(p('single.js'), p('dst'), { recursive: true }));
tryIt('same', () => fs.cpSync(p('src'), p('src'), { recursive: true }));
tryIt('missing', () => fs.cpSync(p('nx'), p('y')));
tryIt('bad option', () => fs.cpSync(p('src'), p('y'), { recursive: 'yes' }));

// globs
const cwd = p('src');
for (const pat of ['*.js', '**/*.js', '**', 'sub/**', '{a,b}.*', '?.js', 'sub/*/d.js', '**/deep', '*', 'sub/../a.js', './a.js', '[ab].*', '.*.js']) {
  show(`glob ${pat}`, fs.globSync(pat, { cwd }).sort());
}
show('glob exclude', fs.globSync('**/*.js', { cwd, exclude: ['sub/**'] }).sort());
show('glob exclude fn', fs.globSync('**/*.js', { cwd, exclude: (f) => f.includes('deep') }).sort());
show('glob array', fs.globSync(['a.js', 'b.txt'], { cwd }).sort());
show('glob types', fs.globSync('*.js', { cwd, withFileTypes: true }).map((d) => [d.name, d.isFile()]).sort());

// Stats shape
const st = fs.statSync(p('src', 'a.js'));
show('stats keys', Object.keys(st));
show('stats proto', ['isFile', 'isDirectory', 'isSymbolicLink', 'isFIFO', 'isSocket', 'isBlockDevice', 'isCharacterDevice'].map((m) => st[m]()));
show('stats instanceof', st instanceof fs.Stats);
show('dates', [st.mtime.getTime() === Math.round(st.mtimeMs), st.birthtime instanceof Date]);
const bst = fs.statSync(p('src', 'a.js'), { bigint: true });
show('bigint keys', Object.keys(bst));
show('bigint relations', [bst.mtimeMs === bst.mtimeNs / 1000000n, bst.isFile(), bst.size === 1n]);
show('dirent', fs.readdirSync(p('src'), { withFileTypes: true }).map((d) => [d.name, d instanceof fs.Dirent, d.isSymbolicLink()]));
show('constants', [fs.constants.O_CREAT, fs.constants.S_IFMT, fs.constants.COPYFILE_EXCL, fs.constants.W_OK, fs.constants.UV_DIRENT_DIR]);

fs.cp(p('src'), p('async'), { recursive: true }, (err) => {
  show('cp callback', [err, tree(p('async'))]);
  fs.promises.cp(p('src', 'sub'), p('async2'), { recursive: true }).then(async () => {
    show('cp promise', tree(p('async2')));
    const it = [];
    for await (const f of fs.promises.glob('**/*.js', { cwd })) it.push(f);
    show('glob promise', it.sort());
    fs.glob('*.txt', { cwd }, (e, files) => {
      show('glob callback', [e, files]);
      fs.rmSync(dir, { recursive: true });
      show('cleaned', fs.existsSync(dir));
    });
  });
});
