// The entry point itself uses module syntax: it runs as an ES module.
import { basename } from 'node:path';
import cj from './fixtures/esm_basic/cj.cjs';
console.log(basename(import.meta.filename), import.meta.main, typeof require, typeof module);
console.log(cj.x);
await new Promise((r) => setTimeout(r, 1));
console.log('after tla');
process.on('exit', (c) => console.log('exit', c));
