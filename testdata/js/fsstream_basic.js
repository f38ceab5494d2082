'use strict';
// fs.createReadStream/createWriteStream: open/ready/close events, start/end,
// encodings, bytesRead/bytesWritten, ENOENT on the stream, flags r+ with
// start, pipeline, fd and FileHandle sources, filehandle.readLines.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fsstream-'));
const f = path.join(dir, 'a.txt');
fs.writeFileSync(f, 'hello world\n'.repeat(10));
const r = fs.createReadStream(f, { start: 6, end: 16, encoding: 'utf8' });
console.log('pending', r.pending, r.path === f, r.bytesRead);
r.on('open', (fd) => console.log('open', typeof fd));
r.on('ready', () => console.log('ready'));
let s = '';
r.on('data', (d) => { s += d; });
r.on('end', () => console.log('end', JSON.stringify(s), r.bytesRead));
r.on('close', () => {
  console.log('close');
  const bad = fs.createReadStream(path.join(dir, 'nope'));
  bad.on('error', (e) => {
    console.log('error', e.code, e.syscall, e.message.replace(dir, 'DIR'));
    const w = fs.createWriteStream(path.join(dir, 'out.txt'));
    w.on('open', () => console.log('w open'));
    w.write('abc');
    w.write(Buffer.from('def'));
    w.end('ghi\n', () => {
      console.log('finish cb', w.bytesWritten);
    });
    w.on('close', () => {
      console.log('w close', fs.readFileSync(path.join(dir, 'out.txt'), 'utf8'));
      const w2 = fs.createWriteStream(path.join(dir, 'out.txt'), { flags: 'r+', start: 1 });
      w2.end('XY', () => {
        console.log('patched', fs.readFileSync(path.join(dir, 'out.txt'), 'utf8'));
        const { pipeline } = require('stream');
        pipeline(fs.createReadStream(f), fs.createWriteStream(path.join(dir, 'copy')), (err) => {
          console.log('pipeline', err, fs.readFileSync(path.join(dir, 'copy'), 'utf8') === fs.readFileSync(f, 'utf8'));
          try { fs.createReadStream(f, { start: 5, end: 2 }); } catch (e) { console.log(e.code, e.message); }
          try { fs.createReadStream(f, { start: -1 }); } catch (e) { console.log(e.code, e.message); }
          const fd = fs.openSync(f, 'r');
          const r3 = fs.createReadStream(null, { fd, autoClose: false, end: 4 });
          r3.on('data', (d) => console.log('fd data', d.toString()));
          r3.on('end', () => {
            console.log('fd end; still open', fs.fstatSync(fd).size);
            fs.closeSync(fd);
            fs.promises.open(f).then(async (fh) => {
              let n = 0;
              for await (const c of fh.createReadStream({ start: 0, end: 11 })) n += c.length;
              console.log('filehandle stream bytes', n);
              const fh2 = await fs.promises.open(f);
              const lines = [];
              for await (const l of fh2.readLines()) lines.push(l);
              console.log('readLines', lines.length, lines[0]);
              fs.rmSync(dir, { recursive: true });
            });
          });
        });
      });
    });
  });
});
