'use strict';
// fs: Node-shaped errors (code, errno, syscall, path, dest, message) and
// argument validation, for the sync API.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonode-fs-errors-'));
const rel = (s) => (typeof s === 'string' ? s.split(dir).join('<tmp>') : s);
const file = path.join(dir, 'f.txt');
fs.writeFileSync(file, 'x');
fs.mkdirSync(path.join(dir, 'sub'));

const cases = {
  rmMissing: () => fs.rmSync(path.join(dir, 'nx')),
  rmDirNoRecursive: () => fs.rmSync(path.join(dir, 'sub')),
  readDirAsFile: () => fs.readFileSync(dir),
  mkdirUnderFile: () => fs.mkdirSync(path.join(file, 'x'), { recursive: true }),
  mkdirExists: () => fs.mkdirSync(dir),
  truncateMissing: () => fs.truncateSync(path.join(dir, 'nx')),
  openNumberPath: () => fs.openSync(1),
  openBadFlags: () => fs.openSync('x', 'zz'),
  readBadFd: () => fs.readSync(100000, new Uint8Array(3)),
  nullByte: () => fs.statSync('a\0b'),
  cpMissing: () => fs.cpSync(path.join(dir, 'nx'), path.join(dir, 'y')),
  copyExcl: () => fs.copyFileSync(file, file, fs.constants.COPYFILE_EXCL),
  renameMissing: () => fs.renameSync('/nonexistent-a', '/nonexistent-b'),
  readdirMissing: () => fs.readdirSync('/nonexistent-a'),
  opendirMissing: () => fs.opendirSync('/nonexistent-a'),
  readlinkNotLink: () => fs.readlinkSync(file),
  realpathMissing: () => fs.realpathSync('/nonexistent-a/b/c'),
  realpathNativeMissing: () => fs.realpathSync.native('/nonexistent-a'),
  utimesMissing: () => fs.utimesSync('/nonexistent-a', 1, 1),
  accessMissing: () => fs.accessSync('/nonexistent-a'),
  mkdtempMissing: () => fs.mkdtempSync('/nonexistent-a/x'),
  statfsMissing: () => fs.statfsSync('/nonexistent-a'),
  writeMissingDir: () => fs.writeFileSync('/nonexistent-a/a', 'x'),
  unlinkDir: () => fs.unlinkSync(path.join(dir, 'sub')),
  linkMissing: () => fs.linkSync('/nonexistent-a', '/nonexistent-b'),
  symlinkExists: () => fs.symlinkSync('/nonexistent-a', dir),
  badEncoding: () => fs.readFileSync('x', 'bogus'),
  badFlag: () => fs.readFileSync('x', { flag: 'bogus' }),
  badMode: () => fs.openSync('x', 'r', -1),
  readLengthTooBig: () => fs.readSync(1, new Uint8Array(3), 2, 5, 0),
  negativeFd: () => fs.readSync(-1, new Uint8Array(3)),
  noCallback: () => fs.readFile('x'),
  noStatCallback: () => fs.stat('x'),
  recursiveNotBool: () => fs.mkdirSync('x', { recursive: 1 }),
  writeNumber: () => fs.writeFileSync(path.join(dir, 'q'), 12),
  writeObject: () => fs.writeSync(1, {}),
  readIntoString: () => fs.readSync(0, 'abc'),
  closeString: () => fs.closeSync('a'),
  accessBadMode: () => fs.accessSync('/', 8),
  chmodBadMode: () => fs.chmodSync('/nonexistent-a', 'abc'),
  chmodMissing: () => fs.chmodSync('/nonexistent-a', 0o644),
  statMissing: () => fs.statSync('/nonexistent-a'),
  lstatMissing: () => fs.lstatSync('/nonexistent-a'),
  fstatBadFd: () => fs.fstatSync(99999),
  ftruncateBadFd: () => fs.ftruncateSync(99999),
  rmdirMissing: () => fs.rmdirSync('/nonexistent-a'),
  rmdirNotEmpty: () => { fs.writeFileSync(path.join(dir, 'sub', 'k'), ''); fs.rmdirSync(path.join(dir, 'sub')); },
  statNoThrow: () => fs.statSync('/nonexistent-a', { throwIfNoEntry: false }),
  statNoThrowNotDir: () => fs.statSync(path.join(file, 'x'), { throwIfNoEntry: false }),
  existsDir: () => fs.existsSync(dir),
  existsMissing: () => fs.existsSync(path.join(dir, 'nx')),
  readdirFile: () => fs.readdirSync(file),
  copyMissing: () => fs.copyFileSync('/nonexistent-a', path.join(dir, 'zz')),
  rmForceMissing: () => fs.rmSync('/nonexistent-a', { force: true }),
  rmForceNotBool: () => fs.rmSync('/nonexistent-a', { force: 'yes' }),
  mkdtempNumber: () => fs.mkdtempSync(5),
  urlMissing: () => fs.writeFileSync(new URL('file:///nonexistent-a/a'), 'x'),
  urlScheme: () => fs.readFileSync(new URL('http://x/a')),
  urlEncodedSlash: () => fs.readFileSync(new URL('file:///a%2Fb')),
  writeOffsetTooBig: () => fs.writeSync(1, new Uint8Array(2), 3),
  writeLengthTooBig: () => fs.writeSync(1, new Uint8Array(2), 0, 3),
  openExclExists: () => fs.openSync(file, 'wx'),
};

for (const [name, f] of Object.entries(cases)) {
  try {
    const r = f();
    console.log(name, 'ok', JSON.stringify(r));
  } catch (e) {
    const o = { name: e.name, message: rel(e.message) };
    for (const k of ['code', 'errno', 'syscall', 'path', 'dest']) if (e[k] !== undefined) o[k] = rel(e[k]);
    console.log(name, JSON.stringify(o));
  }
}
fs.rmSync(dir, { recursive: true });
console.log('cleaned', fs.existsSync(dir));
