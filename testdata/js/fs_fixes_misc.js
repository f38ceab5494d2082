'use strict';
// fs behaviours fixed for Node's own fs tests: read overloads, promisify
// results, cp over symlinks, truncate len, throwIfNoEntry, Utf8Stream.
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fsfix-'));
const file = path.join(dir, 'x.txt');
fs.writeFileSync(file, 'xyz\n');

const fd = fs.openSync(file, 'r');
// The asynchronous checks run one after another (their order would
// otherwise depend on which finishes first), after the synchronous ones.
fs.read(fd, null, (err, n, buf) => {
  console.log('read null opts', err, n, buf.byteLength);
  util.promisify(fs.read)(fd, Buffer.alloc(8), 0, 8, 0).then((r) => {
    console.log('promisified', Object.keys(r), r.bytesRead);
    fs.stat(path.join(dir, 'nope'), { throwIfNoEntry: false }, (err, st) => {
      console.log('stat quiet', err, st);
      utf8stream();
    });
  });
});
for (const bad of [false, [4, 4, 4, 4], 'amString']) {
  try { fs.readSync(fd, Buffer.alloc(4), bad); } catch (e) { console.log('readSync', JSON.stringify(bad), e.code); }
}
try { fs.read(fd, Buffer.alloc(4), 0, 4, () => {}, () => {}); } catch (e) { console.log('position fn', e.code); }

try { fs.truncateSync(file, null); } catch (e) { console.log('truncate null', e.code); }
console.log('constants proto', Object.getPrototypeOf(fs.constants));


// cp: a file over a symlink to a directory replaces the link.
fs.mkdirSync(path.join(dir, 'b'));
fs.symlinkSync(path.join(dir, 'b'), path.join(dir, 'c'));
fs.cpSync(file, path.join(dir, 'c'));
console.log('cp over link', fs.lstatSync(path.join(dir, 'c')).isFile());
try { fs.cpSync(dir, dir + '2', { dereference: true, verbatimSymlinks: true }); } catch (e) { console.log('cp pair', e.code); }

function utf8stream() {
  const out = path.join(dir, 'u.log');
  const s = new fs.Utf8Stream({ dest: out, sync: true });
  s.write('hello ');
  s.write('world\n');
  s.end();
  s.on('finish', () => console.log('utf8stream', JSON.stringify(fs.readFileSync(out, 'utf8'))));
  s.on('close', () => {
    fs.closeSync(fd);
    fs.rmSync(dir, { recursive: true });
  });
}
