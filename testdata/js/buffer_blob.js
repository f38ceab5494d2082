'use strict';
// Blob and File.
const { Blob, File } = require('buffer');
(async () => {
  const b = new Blob(['héllo ', Buffer.from('wörld'), new Uint16Array([0x2121]), new Blob(['!'])], { type: 'Text/Plain' });
  console.log(b.size, b.type, await b.text(), Buffer.from(await b.arrayBuffer()).toString('hex'));
  const s = b.slice(1, -3, 'x/y');
  console.log(s.size, s.type, JSON.stringify(await s.text()), (await b.slice(-4).bytes()).join());
  console.log(new Blob().size, new Blob([], { type: 'é' }).type === '', Object.prototype.toString.call(b));
  for (const f of [() => new Blob('abc'), () => new Blob([], { endings: 'bad' }), () => new File(['a'])]) {
    try { f(); } catch (e) { console.log(e.name, e.code, e.message); }
  }
  const file = new File(['abc'], 'a.txt', { type: 'text/plain', lastModified: 42 });
  console.log(file.name, file.size, file.type, file.lastModified, file instanceof Blob, await file.text());
  console.log(globalThis.Blob === Blob, globalThis.File === File, typeof atob, atob(btoa('round trip')));
})();
