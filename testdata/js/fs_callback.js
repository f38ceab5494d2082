'use strict';
// fs: the callback API, its errors, ordering against sync code, and 1000
// concurrent readFile calls.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonode-fs-cb-'));
const p = (...s) => path.join(dir, ...s);
const rel = (s) => (typeof s === 'string' ? s.split(dir).join('<tmp>') : s);
const errOf = (e) => e && { name: e.name, message: rel(e.message), code: e.code, errno: e.errno, syscall: e.syscall, path: rel(e.path), dest: rel(e.dest) };
const show = (label, v) => console.log(label, JSON.stringify(v));

function step(fn) {
  return new Promise((resolve) => fn(resolve));
}

(async () => {
  let sync = true;
  await step((done) => fs.writeFile(p('a.txt'), 'hello', (err) => {
    show('writeFile async', [err, sync]);
    done();
  }));
  sync = false;
  await step((done) => fs.readFile(p('a.txt'), 'utf8', (err, s) => { show('readFile', [err, s]); done(); }));
  await step((done) => fs.appendFile(p('a.txt'), '!', (err) => { show('appendFile', err); done(); }));
  await step((done) => fs.readFile(p('a.txt'), { encoding: 'utf8' }, (err, s) => { show('after append', s); done(); }));
  await step((done) => fs.readFile(p('missing'), (err) => { show('readFile ENOENT', errOf(err)); done(); }));
  await step((done) => fs.readFile(dir, (err) => { show('readFile EISDIR', errOf(err)); done(); }));
  await step((done) => fs.stat(p('a.txt'), (err, st) => { show('stat', [err, st.size, st.isFile()]); done(); }));
  await step((done) => fs.stat(p('a.txt'), { bigint: true }, (err, st) => { show('stat bigint', [typeof st.size, typeof st.mtimeNs, st.isFile()]); done(); }));
  await step((done) => fs.lstat(p('nx'), (err) => { show('lstat ENOENT', errOf(err)); done(); }));
  await step((done) => fs.access(p('nx'), fs.constants.R_OK, (err) => { show('access', errOf(err)); done(); }));
  await step((done) => fs.exists(p('a.txt'), (e) => { show('exists', e); done(); }));
  await step((done) => fs.exists(p('nx'), (e) => { show('exists missing', e); done(); }));
  await step((done) => fs.mkdir(p('x', 'y'), { recursive: true }, (err, first) => { show('mkdir recursive', [err, rel(first)]); done(); }));
  await step((done) => fs.mkdir(p('x'), (err) => { show('mkdir EEXIST', errOf(err)); done(); }));
  await step((done) => fs.readdir(dir, (err, names) => { show('readdir', [err, names]); done(); }));
  await step((done) => fs.readdir(dir, { withFileTypes: true }, (err, ents) => { show('readdir types', ents.map((d) => [d.name, d.isDirectory()])); done(); }));
  await step((done) => fs.readdir(dir, { recursive: true }, (err, names) => { show('readdir recursive', names.sort()); done(); }));
  await step((done) => fs.rename(p('a.txt'), p('b.txt'), (err) => { show('rename', err); done(); }));
  await step((done) => fs.rename(p('a.txt'), p('c.txt'), (err) => { show('rename ENOENT', errOf(err)); done(); }));
  await step((done) => fs.copyFile(p('b.txt'), p('c.txt'), (err) => { show('copyFile', err); done(); }));
  await step((done) => fs.copyFile(p('b.txt'), p('c.txt'), fs.constants.COPYFILE_EXCL, (err) => { show('copyFile EXCL', errOf(err)); done(); }));
  await step((done) => fs.symlink('b.txt', p('l'), (err) => { show('symlink', err); done(); }));
  await step((done) => fs.readlink(p('l'), (err, t) => { show('readlink', [err, t]); done(); }));
  await step((done) => fs.realpath(p('l'), (err, r) => { show('realpath', [err, rel(r)]); done(); }));
  await step((done) => fs.realpath.native(p('l'), (err, r) => { show('realpath native', [err, rel(r)]); done(); }));
  await step((done) => fs.truncate(p('c.txt'), 2, (err) => { show('truncate', [err, fs.readFileSync(p('c.txt'), 'utf8')]); done(); }));
  await step((done) => fs.chmod(p('c.txt'), 0o600, (err) => { show('chmod', [err, (fs.statSync(p('c.txt')).mode & 0o777).toString(8)]); done(); }));
  await step((done) => fs.utimes(p('c.txt'), 100, 200, (err) => { show('utimes', [err, fs.statSync(p('c.txt')).mtimeMs]); done(); }));
  await step((done) => fs.mkdtemp(p('t-'), (err, d) => { show('mkdtemp', [err, path.basename(d).length]); done(); }));

  // fd operations
  const fd = await new Promise((resolve) => fs.open(p('fd.txt'), 'w+', 0o644, (err, fd) => { show('open', [err, typeof fd]); resolve(fd); }));
  await step((done) => fs.write(fd, 'abcdef', (err, n, s) => { show('write string', [err, n, s]); done(); }));
  await step((done) => fs.write(fd, new Uint8Array([49, 50, 51]), 0, 3, 0, (err, n) => { show('write buffer pos', [err, n]); done(); }));
  await step((done) => {
    const buf = new Uint8Array(6);
    fs.read(fd, buf, 0, 6, 0, (err, n, b) => { show('read', [err, n, Array.from(b), b === buf]); done(); });
  });
  await step((done) => {
    const buf = new Uint8Array(4);
    fs.read(fd, { buffer: buf, position: 2 }, (err, n) => { show('read options', [err, n, Array.from(buf)]); done(); });
  });
  await step((done) => fs.writev(fd, [new Uint8Array([65]), new Uint8Array([66])], 0, (err, n) => { show('writev', [err, n]); done(); }));
  await step((done) => {
    const a = new Uint8Array(3);
    fs.readv(fd, [a], 0, (err, n) => { show('readv', [err, n, Array.from(a)]); done(); });
  });
  await step((done) => fs.fstat(fd, (err, st) => { show('fstat', [err, st.size]); done(); }));
  await step((done) => fs.ftruncate(fd, 1, (err) => { show('ftruncate', [err, fs.fstatSync(fd).size]); done(); }));
  await step((done) => fs.fsync(fd, (err) => { show('fsync', err); done(); }));
  await step((done) => fs.close(fd, (err) => { show('close', err); done(); }));
  await step((done) => fs.close(fd, (err) => { show('close again', errOf(err)); done(); }));

  // 1000 concurrent reads
  for (let i = 0; i < 10; i++) fs.writeFileSync(p(`n${i}`), String(i).repeat(1000));
  const reads = [];
  for (let i = 0; i < 1000; i++) {
    reads.push(new Promise((resolve, reject) => fs.readFile(p(`n${i % 10}`), 'utf8', (err, s) => (err ? reject(err) : resolve(s.length === 1000 && s[0] === String(i % 10))))));
  }
  const ok = await Promise.all(reads);
  show('1000 concurrent readFile', ok.every(Boolean));

  await step((done) => fs.rm(p('x'), (err) => { show('rm dir', errOf(err)); done(); }));
  await step((done) => fs.rm(dir, { recursive: true }, (err) => { show('rm recursive', [err, fs.existsSync(dir)]); done(); }));
})();
