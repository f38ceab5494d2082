'use strict';
// node:test: where test()/it()/describe() attach when called after an
// await: inside an async suite body or a running test they nest; calls from
// the main module's synchronous code stay top-level.
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => write(String(chunk)
  .replace(/\(\d+(\.\d+)?ms\)/g, '(*ms)')
  .replace(/duration_ms [\d.]+/g, 'duration_ms *'), ...rest);

const { describe, it, test } = require('node:test');

describe('async suite', async () => {
  it('before await', () => {});
  await new Promise((resolve) => setTimeout(resolve, 5));
  it('after await', () => {});
  describe('nested', () => {
    it('deep', () => {});
  });
});

test('outer', async () => {
  await new Promise((resolve) => setTimeout(resolve, 5));
  await test('inner via module test()', async () => {
    await null;
  });
  await it('inner via it()', () => {});
});

test('top', () => {});
