// node:stream, node:stream/promises and node:stream/consumers as ES modules.
import stream, { Readable, pipeline } from 'node:stream';
import { pipeline as pp, finished } from 'stream/promises';
import { text } from 'node:stream/consumers';
console.log(typeof stream, typeof Readable, typeof pipeline, typeof pp, typeof finished);
console.log(await text(Readable.from(['esm ', 'ok'])));
await pp(Readable.from(['x']), new stream.PassThrough().resume());
console.log('done');
