import { test } from 'node:test';
test('esm test', () => {});
test.todo('esm todo that fails', () => {
  throw 'not yet';
});
