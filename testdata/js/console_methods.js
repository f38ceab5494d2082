'use strict';
// The console methods: levels, group indentation, count, dir, assert,
// table and the Console class over custom streams.
const util = require('util');
const { Console } = require('console');
const EventEmitter = require('events');
console.log('hello %s', 'world', { a: 1 });
console.info('info');
console.debug('debug');
console.error('to stderr', [1]);
console.warn('warn %d', 5);
console.group('G1');
console.log('in group\nmulti');
console.group();
console.log({ x: [1, 2] });
console.error('grouped error');
console.groupEnd();
console.groupCollapsed('collapsed');
console.groupEnd();
console.groupEnd();
console.groupEnd();
console.log('out');
console.count();
console.count();
console.count('x');
console.countReset();
console.count();
console.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
class WithCustom { constructor() { this.z = 1; } [util.inspect.custom]() { return 'nope'; } }
console.dir(new WithCustom());
console.log(new WithCustom());
console.dirxml('dirxml', 1);
console.assert(true, 'never');
console.assert(false, 'to stderr %s', 'formatted');
console.assert(false);
console.table([{ a: 1, b: 'xyz' }, { a: 22, c: [1, 2, 3, 4] }]);
console.table(['apples', 'oranges']);
console.table(new Map([['k', { v: 1 }]]));
console.table({ r1: { c: 1 }, r2: 5 }, ['c']);
console.table(new Set(['s1', 's2']));
console.table(5);
console.table([[1, 2], [3, 4]]);
console.table([{ name: 'ünïcode', n: 1 }, { name: '中文', n: 22 }]);
const out = [];
const stream = Object.assign(new EventEmitter(), { write(s) { out.push(s); return true; } });
const c = new Console(stream, stream);
c.log('to custom', 1);
c.error('err');
c.group('g');
c.warn('w');
console.log(JSON.stringify(out));
out.length = 0;
const c2 = new Console({ stdout: stream, inspectOptions: { depth: 0 }, groupIndentation: 4 });
c2.log({ a: { b: 1 } });
c2.group();
c2.log('x');
c2.table([{ a: 1 }]);
console.log(JSON.stringify(out));
out.length = 0;
const c3 = new Console({ stdout: stream, colorMode: true });
c3.log({ n: 1 }, 'str');
console.log(JSON.stringify(out));
try {
  new Console();
} catch (e) {
  console.log(e.code, e.message);
}
const { log } = console;
log('destructured', typeof console.Console, console.log.name);
