'use strict';
const { test } = require('node:test');
test('passes', () => {});
test('fails', () => {
  throw 'boom';
});
