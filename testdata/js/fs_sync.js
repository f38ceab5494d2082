'use strict';
// fs: the synchronous API on a temp directory.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonode-fs-sync-'));
const p = (...s) => path.join(dir, ...s);
const show = (label, v) => console.log(label, JSON.stringify(v));

// whole files
fs.writeFileSync(p('a.txt'), 'hello');
fs.appendFileSync(p('a.txt'), ' world');
fs.appendFileSync(p('a.txt'), new Uint8Array([33, 10]));
show('readFile utf8', fs.readFileSync(p('a.txt'), 'utf8'));
show('readFile opts', fs.readFileSync(p('a.txt'), { encoding: 'utf-8' }));
show('readFile bytes', Array.from(fs.readFileSync(p('a.txt'))).slice(0, 5));
fs.writeFileSync(p('b.txt'), 'abc', { flag: 'wx', mode: 0o600 });
show('mode 600', (fs.statSync(p('b.txt')).mode & 0o777).toString(8));
fs.writeFileSync(p('b.txt'), 'Z', { flag: 'r+' });
show('r+ overwrite', fs.readFileSync(p('b.txt'), 'utf8'));
fs.writeFileSync(new URL('file://' + p('url.txt')), 'via url');
show('url read', fs.readFileSync(new URL('file://' + p('url.txt')), 'utf8'));

// fds
const fd = fs.openSync(p('fd.txt'), 'w+');
show('write string', fs.writeSync(fd, 'héllo'));
show('write bytes', fs.writeSync(fd, new Uint8Array([65, 66, 67, 68]), 1, 2));
show('write at pos', fs.writeSync(fd, 'XY', 0));
const buf = new Uint8Array(16);
show('read pos 0', fs.readSync(fd, buf, 0, 16, 0));
show('bytes', Array.from(buf));
show('read options', fs.readSync(fd, buf, { offset: 2, length: 3, position: 1 }));
show('read len 0', fs.readSync(fd, buf, 0, 0, 0));
show('read bigint pos', fs.readSync(fd, buf, 0, 2, 2n));
show('writev', fs.writevSync(fd, [new Uint8Array([49, 50]), new Uint8Array([51])], 0));
const a = new Uint8Array(2);
const b = new Uint8Array(3);
show('readv', fs.readvSync(fd, [a, b], 0));
show('readv bytes', [Array.from(a), Array.from(b)]);
show('fstat size', fs.fstatSync(fd).size);
fs.ftruncateSync(fd, 3);
show('ftruncate', fs.fstatSync(fd).size);
fs.fsyncSync(fd);
fs.fdatasyncSync(fd);
fs.fchmodSync(fd, 0o640);
show('fchmod', (fs.fstatSync(fd).mode & 0o777).toString(8));
fs.futimesSync(fd, 1000, 2000.5);
show('futimes', [fs.fstatSync(fd).atimeMs, fs.fstatSync(fd).mtimeMs]);
fs.closeSync(fd);
show('fd content', fs.readFileSync(p('fd.txt'), 'utf8'));
const afd = fs.openSync(p('fd.txt'), 'a');
fs.writeSync(afd, '++');
fs.closeSync(afd);
show('append flag', fs.readFileSync(p('fd.txt'), 'utf8'));
show('numeric flags', fs.readFileSync(fs.openSync(p('fd.txt'), fs.constants.O_RDONLY), 'utf8'));

// directories
show('mkdir recursive', path.relative(dir, fs.mkdirSync(p('d1', 'd2', 'd3'), { recursive: true })));
show('mkdir recursive again', fs.mkdirSync(p('d1', 'd2'), { recursive: true }));
show('mkdir plain', fs.mkdirSync(p('e')));
fs.writeFileSync(p('d1', 'f'), '');
fs.writeFileSync(p('d1', 'd2', 'g'), '');
show('readdir', fs.readdirSync(dir));
show('readdir types', fs.readdirSync(p('d1'), { withFileTypes: true }).map((d) => [d.name, d.isFile(), d.isDirectory(), path.relative(dir, d.parentPath)]));
show('readdir recursive', fs.readdirSync(p('d1'), { recursive: true }));
show('readdir recursive types', fs.readdirSync(p('d1'), { recursive: true, withFileTypes: true }).map((d) => path.relative(dir, path.join(d.parentPath, d.name))));
fs.rmdirSync(p('e'));
show('rmdir', fs.existsSync(p('e')));

// links
fs.symlinkSync('a.txt', p('link'));
show('readlink', fs.readlinkSync(p('link')));
show('lstat isSymbolicLink', fs.lstatSync(p('link')).isSymbolicLink());
show('stat follows', fs.statSync(p('link')).isFile());
show('realpath', path.relative(dir, fs.realpathSync(p('link'))));
show('realpath native', path.relative(dir, fs.realpathSync.native(p('link'))));
fs.linkSync(p('a.txt'), p('hard'));
show('nlink', fs.statSync(p('a.txt')).nlink);
fs.lutimesSync(p('link'), 5, 6);
show('lutimes', fs.lstatSync(p('link')).mtimeMs);

// rename, copy, unlink, truncate, access, chmod, chown, utimes
fs.renameSync(p('hard'), p('hard2'));
show('rename', [fs.existsSync(p('hard')), fs.existsSync(p('hard2'))]);
fs.copyFileSync(p('a.txt'), p('copy.txt'));
show('copyFile', fs.readFileSync(p('copy.txt'), 'utf8'));
fs.unlinkSync(p('copy.txt'));
show('unlink', fs.existsSync(p('copy.txt')));
fs.truncateSync(p('a.txt'), 5);
show('truncate', fs.readFileSync(p('a.txt'), 'utf8'));
fs.truncateSync(p('a.txt'));
show('truncate 0', fs.statSync(p('a.txt')).size);
show('access', [fs.accessSync(dir), fs.accessSync(dir, fs.constants.R_OK | fs.constants.W_OK)]);
fs.chmodSync(p('a.txt'), '755');
show('chmod octal string', (fs.statSync(p('a.txt')).mode & 0o777).toString(8));
const st = fs.statSync(p('a.txt'));
fs.chownSync(p('a.txt'), st.uid, st.gid);
fs.lchownSync(p('link'), st.uid, st.gid);
fs.utimesSync(p('a.txt'), new Date(1e9), '12345');
const st2 = fs.statSync(p('a.txt'));
show('utimes', [st2.atimeMs, st2.mtimeMs, st2.atime.toISOString(), st2.mtime.getTime()]);

// rm
fs.rmSync(p('d1'), { recursive: true });
show('rm recursive', fs.existsSync(p('d1')));
fs.rmSync(p('nothing'), { force: true });
show('statfs', Object.keys(fs.statfsSync(dir)));
show('statfs bsize', fs.statfsSync(dir).bsize > 0);
fs.rmSync(dir, { recursive: true, force: true });
show('cleaned', fs.existsSync(dir));
