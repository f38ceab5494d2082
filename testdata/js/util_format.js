'use strict';
// util.format / formatWithOptions placeholders and error formatting
// (stacks removed so the output does not depend on frames).
const util = require('util');
const log = (...a) => console.log(...a);
log(util.format('%s %s %s %s', 'str', 42, 42n, { a: { b: { c: 1 } } }), util.format('%d %i %f', '42.5', 42.9, '3.5abc'));
log(util.format('%d %d %i', 10n, Symbol('x'), 7n), util.format('%j', { a: [1] }), util.format('%o', [1, { a: 2 }]));
log(util.format('%O', { a: { b: { c: { d: 1 } } } }), util.format('%c%s', 'color: red', 'styled'), util.format('100%% %s', 'x'));
log(util.format('%s', null, undefined, 'extra', 5, { o: 1 }), util.format(1, 2, 'three'), util.format('%x %s', 1), util.format('%s'));
const c = {};
c.c = c;
log(util.format('%j', c), util.format('%s', [1, [2, [3]]]), util.format('%s', -0), util.format('%d', -0), util.format('%i', '0x10'));
log(util.format('%s', { toString() { return 'TOSTR'; } }), util.format('%s', Symbol('sy')), util.format('a', 'b'), util.format('%%', 1), util.format('%s:%s', 'only'));
log(util.format('%s', () => 1), util.format('%s', class Q {}), util.format('%d', {}), util.format('%f', 'x'), util.format('%s %s', 'a'));
log(util.formatWithOptions({ colors: true }, '%O and', { n: 1 }, 'tail', 2));
log(util.formatWithOptions({ depth: 0 }, { a: { b: 1 } }), util.format(), util.format(''), util.format('%s', ''), util.format('', 1));
const noStack = (e) => { delete e.stack; return e; };
log(util.inspect(noStack(new Error('boom'))), util.inspect(noStack(new TypeError('bad'))), [noStack(new Error('in array'))]);
const e = noStack(new Error('with props'));
e.code = 'E_X';
e.extra = { a: 1 };
log(e);
class MyError extends Error {}
class NamedError extends Error { constructor(m) { super(m); this.name = 'NamedError'; } }
log(noStack(new MyError('mine')), noStack(new NamedError('named')));
const e3 = noStack(new Error('msg'));
e3.name = 'Custom';
log(e3, { nested: noStack(new RangeError('nested')) });
const custom = new Error('m');
custom.stack = 'custom stack string';
log(custom, noStack(new Error('')));
log(util.inspect(noStack(new Error('outer', { cause: noStack(new Error('inner')) }))));
try {
  util.inherits(null);
} catch (err) {
  log(err.name, err.code, err.message, noStack(err));
}
