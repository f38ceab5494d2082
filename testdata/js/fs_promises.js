'use strict';
// fs/promises and FileHandle.
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');

const show = (label, v) => console.log(label, JSON.stringify(v));

(async () => {
  show('same object', fsp === fs.promises);
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'gonode-fsp-'));
  const p = (...s) => path.join(dir, ...s);
  const rel = (s) => (typeof s === 'string' ? s.split(dir).join('<tmp>') : s);
  const errOf = (e) => ({ name: e.name, message: rel(e.message), code: e.code, errno: e.errno, syscall: e.syscall, path: rel(e.path) });

  await fsp.writeFile(p('a.txt'), 'hello');
  await fsp.appendFile(p('a.txt'), ' there');
  show('readFile', await fsp.readFile(p('a.txt'), 'utf8'));
  show('readFile bytes', Array.from(await fsp.readFile(p('a.txt'))).length);
  await fsp.writeFile(p('iter.txt'), ['a', 'b', 'c']);
  show('writeFile iterable', await fsp.readFile(p('iter.txt'), 'utf8'));
  await fsp.writeFile(p('aiter.txt'), (async function* () { yield 'x'; yield new Uint8Array([89]); })());
  show('writeFile async iterable', await fsp.readFile(p('aiter.txt'), 'utf8'));
  try { await fsp.readFile(p('nx')); } catch (e) { show('readFile ENOENT', errOf(e)); }
  try { await fsp.readFile(123); } catch (e) { show('readFile bad path rejects', [e.code, e.name]); }
  const st = await fsp.stat(p('a.txt'));
  show('stat', [st.size, st.isFile(), st.isDirectory(), typeof st.mtimeMs, st.mtime instanceof Date]);
  const bst = await fsp.lstat(p('a.txt'), { bigint: true });
  show('bigint stat', [typeof bst.size, bst.size === 11n, typeof bst.atimeNs, bst.isFile()]);
  show('access', await fsp.access(p('a.txt'), fs.constants.R_OK));
  try { await fsp.access(p('nx')); } catch (e) { show('access ENOENT', errOf(e)); }
  show('mkdir recursive', rel(await fsp.mkdir(p('d', 'e'), { recursive: true })));
  show('mkdir', await fsp.mkdir(p('f')));
  await fsp.writeFile(p('d', 'e', 'x'), '1');
  show('readdir', await fsp.readdir(dir));
  show('readdir types', (await fsp.readdir(p('d'), { withFileTypes: true })).map((d) => [d.name, d.isDirectory()]));
  show('readdir recursive', (await fsp.readdir(p('d'), { recursive: true })).sort());
  await fsp.copyFile(p('a.txt'), p('b.txt'));
  await fsp.rename(p('b.txt'), p('c.txt'));
  await fsp.symlink('c.txt', p('lnk'));
  show('readlink', await fsp.readlink(p('lnk')));
  show('realpath', rel(await fsp.realpath(p('lnk'))));
  await fsp.link(p('c.txt'), p('hard'));
  show('nlink', (await fsp.stat(p('c.txt'))).nlink);
  await fsp.unlink(p('hard'));
  await fsp.truncate(p('c.txt'), 4);
  show('truncate', await fsp.readFile(p('c.txt'), 'utf8'));
  await fsp.chmod(p('c.txt'), 0o700);
  show('chmod', ((await fsp.stat(p('c.txt'))).mode & 0o777).toString(8));
  await fsp.utimes(p('c.txt'), 10, 20);
  show('utimes', (await fsp.stat(p('c.txt'))).mtimeMs);
  await fsp.rmdir(p('f'));
  try { await fsp.rm(p('d')); } catch (e) { show('rm dir', [e.code, rel(e.message)]); }
  await fsp.rm(p('d'), { recursive: true });
  show('rm', fs.existsSync(p('d')));
  show('statfs', typeof (await fsp.statfs(dir)).bsize);

  // FileHandle
  const fh = await fsp.open(p('fh.txt'), 'w+');
  show('fd', typeof fh.fd);
  show('write', await fh.write('hello world').then((r) => [r.bytesWritten, r.buffer]));
  show('write buffer', await fh.write(new Uint8Array([33]), 0, 1, 11).then((r) => r.bytesWritten));
  const r = await fh.read(new Uint8Array(5), 0, 5, 6);
  show('read', [r.bytesRead, Array.from(r.buffer)]);
  const r2 = await fh.read({ buffer: new Uint8Array(3), position: 0 });
  show('read options', [r2.bytesRead, Array.from(r2.buffer)]);
  show('stat', (await fh.stat()).size);
  await fh.truncate(5);
  show('truncate', (await fh.stat()).size);
  await fh.writev([new Uint8Array([65]), new Uint8Array([66])], 0);
  const a = new Uint8Array(2);
  show('readv', (await fh.readv([a], 0)).bytesRead, Array.from(a));
  await fh.chmod(0o600);
  await fh.sync();
  await fh.datasync();
  await fh.utimes(1, 2);
  show('utimes', (await fh.stat()).mtimeMs);
  await fh.close();
  show('closed fd', fh.fd);
  try { await fh.stat(); } catch (e) { show('use after close', [e.message, e.code, e.syscall]); }

  const fh2 = await fsp.open(p('fh2.txt'), 'w');
  let closed = false;
  fh2.on('close', () => { closed = true; });
  await fh2.writeFile('written');
  await fh2.appendFile(' more');
  await fh2.close();
  show('close event', closed);
  const fh3 = await fsp.open(p('fh2.txt'));
  show('fh readFile', await fh3.readFile({ encoding: 'utf8' }));
  await fh3[Symbol.asyncDispose]();
  show('asyncDispose', fh3.fd);
  show('fsp.readFile(filehandle)', await fsp.open(p('fh2.txt')).then(async (h) => { const s = await fsp.readFile(h, 'utf8'); await h.close(); return s; }));

  // Dir
  const d = await fsp.opendir(dir);
  const names = [];
  for await (const ent of d) names.push(ent.name);
  show('opendir', names.sort());
  const d2 = fs.opendirSync(dir);
  let e;
  const syncNames = [];
  while ((e = d2.readSync()) !== null) syncNames.push(e.name);
  d2.closeSync();
  show('opendirSync', syncNames.sort());
  try { d2.closeSync(); } catch (err) { show('closed twice', err.code); }

  await fsp.rm(dir, { recursive: true });
  show('cleaned', fs.existsSync(dir));
})();
