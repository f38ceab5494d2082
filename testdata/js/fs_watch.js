'use strict';
// fs.watch (inotify), fsPromises.watch and fs.watchFile.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonode-fs-watch-'));
const f = path.join(dir, 'file.txt');
fs.writeFileSync(f, 'a');
const show = (label, v) => console.log(label, JSON.stringify(v));

const seen = new Set();
const w = fs.watch(dir, (eventType, filename) => {
  seen.add(`${eventType}:${filename}`);
  if (seen.has('rename:new.txt') && seen.has('change:file.txt')) {
    w.close();
  }
});
w.on('close', async () => {
  show('dir events', ['rename:new.txt', 'change:file.txt'].map((k) => seen.has(k)));
  const ac = new AbortController();
  setTimeout(() => fs.appendFileSync(f, 'c'), 20);
  const got = [];
  try {
    for await (const ev of fs.promises.watch(f, { signal: ac.signal })) {
      got.push(ev);
      ac.abort();
    }
  } catch (e) {
    show('promises watch aborted', e.name);
  }
  show('promises watch first', got[0]);
  fs.watchFile(f, { interval: 10 }, (curr, prev) => {
    show('watchFile', [prev.size, curr.size]);
    fs.unwatchFile(f);
    fs.rmSync(dir, { recursive: true });
    show('cleaned', fs.existsSync(dir));
  });
  setTimeout(() => fs.writeFileSync(f, 'abcdef'), 50);
});
setTimeout(() => {
  fs.writeFileSync(path.join(dir, 'new.txt'), 'x');
  fs.appendFileSync(f, 'b');
}, 20);
