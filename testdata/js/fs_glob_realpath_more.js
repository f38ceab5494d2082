'use strict';
// glob's walk (extglobs, symbolic links, trailing slashes, exclude),
// path.matchesGlob, fs.realpath (cycles, pipes), FileHandle.readableWebStream
// and readFile with a signal, and a few argument checks of fs.
const fs = require('fs');
const path = require('path');
const os = require('os');
const { compose } = require('stream');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gonode-glob-'));
process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));
for (const f of ['a/.abcdef/x/y/z/a', 'a/abcdef/g/h', 'a/abcfed/g/h', 'a/b/c/d', 'a/bc/e/f',
  'a/c/d/c/b', 'a/cb/e/f', 'a/x/.y/b', 'a/z/.y/b', 'a/.b', 'a/b/.b']) {
  fs.mkdirSync(path.join(root, path.dirname(f)), { recursive: true });
  fs.writeFileSync(path.join(root, f), 'x');
}
fs.mkdirSync(path.join(root, 'a/symlink/a/b'), { recursive: true });
fs.symlinkSync('../..', path.join(root, 'a/symlink/a/b/c'), 'dir');

const patterns = [
  'a/*/+(c|g)/./d', 'a/abc{fed/g,def}/**/', '**/a', './**/a', './**/a/**/a/**/',
  '+(a|b|c)/a{/,bc*}/**', 'a/!(symlink)/**/../*/*', 'a/symlink/a/**/*', '**/c/*', 'a/**/*/b',
  'a/**/[cg]/../[cg]', 'a/symlink/a/b/*/a', 'a/symlink/a/b/c/*', 'a/b/c/d/', 'a/b/c/d/.', '.', 'a/..',
  '**/..', 'a/!(b)c', 'a/*(c|b)c', 'a/?(b|c)', 'a/[[:alpha:]]', 'a/\\b', 'a/nonexist/**', 'a/**/.y/**',
];
for (const p of patterns) console.log(p, JSON.stringify(fs.globSync(p, { cwd: root }).sort()));
console.log(JSON.stringify(fs.globSync('a/**/[cg]', { cwd: root, exclude: ['a/**/[cg]/../c'] }).sort()));
console.log(JSON.stringify(fs.globSync('a/**', { cwd: root, exclude: ['a/**'] })));
console.log(JSON.stringify(fs.globSync('a/*/', { cwd: root, withFileTypes: true })
  .map((d) => [path.relative(root, d.parentPath), d.name, d.isDirectory()]).sort()));

for (const [p, g] of [['a', 'a/**'], ['a/', 'a/**'], ['.a', '*'], ['/abs/x', '**/x'], ['/abs/x', '/abs/*'],
  ['a/b', 'a/b/'], ['a/b/', 'a/b'], ['a/./b', 'a/b'], ['b', 'a/../b'], ['a/.b/c', 'a/**/c'],
  ['foo.md', '!(*.js)'], ['.x', '!(a)'], ['foo.ts', '*.+(js|ts)']]) {
  console.log('matchesGlob', p, g, path.matchesGlob(p, g));
}

// realpath: a cycle is ELOOP; a missing component is reported by lstat.
fs.symlinkSync('loop2', path.join(root, 'loop1'));
fs.symlinkSync('loop1', path.join(root, 'loop2'));
for (const f of [fs.realpathSync, fs.realpathSync.native]) {
  try {
    f(path.join(root, 'loop1'));
  } catch (e) {
    console.log(e.code, e.syscall, path.relative(root, e.path));
  }
}
try {
  fs.realpathSync(path.join(root, 'missing/x'));
} catch (e) {
  console.log(e.code, e.syscall, path.relative(root, e.path));
}
console.log(path.relative(root, fs.realpathSync(path.join(root, 'a/symlink/a/b/c/a/b/c'))));

// Argument checks.
const fd = fs.openSync(path.join(root, 'a/b/c/d'), 'r+');
try {
  fs.writeSync(fd, 'abc', 0, 'hex');
} catch (e) {
  console.log(e.code, e.message);
}
console.log(fs.writeSync(fd, 'abcd', 0, 'hex'));
fs.closeSync(fd);

(async () => {
  const fh = await fs.promises.open(__filename);
  try {
    await fh.read(new Uint8Array(0), 0, 1, 0);
  } catch (e) {
    console.log(e.code, e.message);
  }
  console.log((await fh.read(new Uint8Array(0), 0, 0, 0)).bytesRead);
  const ac = new AbortController();
  process.nextTick(() => ac.abort());
  await fh.readFile({ signal: ac.signal }).catch((e) => console.log('readFile', e.name));

  // readableWebStream: the whole file, then the handle is locked.
  let size = 0;
  for await (const chunk of fh.readableWebStream()) size += chunk.byteLength;
  console.log('web stream bytes', size === fs.statSync(__filename).size);
  try {
    fh.readableWebStream();
  } catch (e) {
    console.log(e.code, e.message);
  }
  await fh.close();
  try {
    fh.readableWebStream();
  } catch (e) {
    console.log(e.code, e.message);
  }
  const fh2 = await fs.promises.open(__filename);
  const text = await new Response(fh2.readableWebStream({ autoClose: true })).text();
  console.log('autoClose', text.length > 0, await fh2.read().catch((e) => e.code));

  // A file over 2 GiB is not read whole.
  const big = path.join(root, 'big');
  fs.writeFileSync(big, '');
  fs.truncateSync(big, 2 ** 31);
  try {
    fs.readFileSync(big);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
  await fs.promises.readFile(big).catch((e) => console.log(e.name, e.code, e.message));

  // compose with a web stream at the end reads it only when read.
  const d = compose(
    new ReadableStream({ start(c) { c.enqueue('x'); } }),
    new TransformStream({ transform() { console.log('transform called'); } }),
  );
  d.on('error', (e) => console.log('error', e.message));
  d.end('xyz');
  setTimeout(() => console.log('composed destroyed', d.destroyed), 50);

  const upper = compose(
    new TransformStream({ transform(chunk, c) { c.enqueue(chunk.toString().toUpperCase()); } }),
    new TransformStream({ transform(chunk, c) { c.enqueue(`${chunk}!`); } }),
  );
  let out = '';
  upper.on('data', (c) => { out += c; }).on('end', () => console.log('composed', out));
  upper.end('hello');
})();
