'use strict';
const { test, describe, it } = require('node:test');
console.log('output of pass.test.js');
describe('suite', () => {
  it('one', () => {});
  it.skip('skipped', () => {});
  it.todo('later');
  describe('inner', () => {
    it('deep', () => {});
  });
});
test('with subtests', async (t) => {
  await t.test('child', () => {});
});
