'use strict';
// node:sqlite: tables, parameters, value conversion, user functions,
// aggregates, the authorizer and error shapes.
const { DatabaseSync, StatementSync, constants, backup } = require('node:sqlite');

function show(label, fn) {
  try {
    console.log(label, fn());
  } catch (e) {
    // The first line of the message only: a MODULE_NOT_FOUND message goes
    // on with the require stack, which names this file's path.
    console.log(label, 'threw', e.name, e.code, e.message.split('\n')[0],
                e.errcode === undefined ? '' : `errcode=${e.errcode} errstr=${e.errstr}`);
  }
}

const db = new DatabaseSync(':memory:');
show('isOpen', () => db.isOpen);
db.exec(`
  CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, price REAL, data BLOB);
`);

const insert = db.prepare('INSERT INTO items (name, price, data) VALUES (?, ?, ?)');
show('run 1', () => insert.run('apple', 1.25, Buffer.from('abc')));
show('run 2', () => insert.run('pear', 3, new Uint8Array([1, 2, 3])));
show('run 3', () => insert.run('fig', null, new DataView(new ArrayBuffer(2))));
show('typed', () => insert.run('plum', 7n, new Float32Array([1.5])));
show('unique', () => insert.run('apple', 1, null));
show('not null', () => insert.run(null, 1, null));
show('bad type', () => insert.run('x', {}, null));
show('bad type 2', () => insert.run('x', 1, undefined));
show('too big bigint', () => insert.run('x', 2n ** 64n, null));

show('all', () => db.prepare('SELECT * FROM items ORDER BY id').all());
show('get', () => db.prepare('SELECT name, price FROM items WHERE id = ?').get(2));
show('get none', () => db.prepare('SELECT * FROM items WHERE id = ?').get(99));
show('typeof', () => db.prepare('SELECT typeof(?) a, typeof(?) b, typeof(?) c, typeof(?) d').get(1, 1.5, 1n, true));

// Named parameters: with prefix, bare, unknown.
show('named $', () => db.prepare('SELECT $a + :b + @c AS s').get({ $a: 1, ':b': 2, '@c': 3 }));
show('named bare', () => db.prepare('SELECT $a * :b AS p').get({ a: 6, b: 7 }));
show('named unknown', () => db.prepare('SELECT $a AS a').get({ a: 1, z: 2 }));
const strictStmt = db.prepare('SELECT $a AS a', { allowBareNamedParameters: false });
show('bare disabled', () => strictStmt.get({ a: 1 }));
show('mixed', () => db.prepare('SELECT $a AS a, ? AS b, ?2 AS c').get({ a: 'x' }, 'y'));
const unk = db.prepare('SELECT $a AS a');
unk.setAllowUnknownNamedParameters(true);
show('unknown allowed', () => unk.get({ a: 1, zz: 2 }));

// Integers, BigInt and arrays.
const big = db.prepare('SELECT 9007199254740993 AS n, 42 AS m');
show('unsafe int', () => big.get());
big.setReadBigInts(true);
show('readBigInts', () => big.get());
big.setReturnArrays(true);
show('arrays', () => big.get());
show('run bigints', () => db.prepare('INSERT INTO items (name) VALUES (?)', { readBigInts: true }).run('kiwi'));

// Iteration.
const names = [];
for (const row of db.prepare('SELECT name FROM items ORDER BY name').iterate()) names.push(row.name);
show('iterate', () => names);
const it = db.prepare('SELECT id FROM items ORDER BY id').iterate();
show('next', () => it.next());
show('return', () => it.return());
show('next after return', () => it.next());

// Columns and SQL text.
const sel = db.prepare('SELECT id, name AS label, price * 2 FROM items WHERE name = ?');
show('columns', () => sel.columns());
show('sourceSQL', () => sel.sourceSQL);
sel.get("o'clock");
show('expandedSQL', () => sel.expandedSQL);

// User functions and aggregates.
db.function('double', (x) => x * 2);
db.function('join_all', { varargs: true, deterministic: true }, (...args) => args.join('-'));
db.function('boom', () => { throw new Error('boom from JS'); });
db.function('bad_result', () => ({}));
db.function('big_arg', { useBigIntArguments: true }, (x) => typeof x);
show('udf', () => db.prepare('SELECT double(21) AS d, join_all(1, \'a\', 2.5) AS j').get());
show('udf throws', () => db.prepare('SELECT boom()').get());
show('udf bad result', () => db.prepare('SELECT bad_result()').get());
show('udf bigint args', () => db.prepare('SELECT big_arg(5) AS t').get());
show('udf arity', () => db.prepare('SELECT double(1, 2)').get());

db.aggregate('sum_sq', { start: 0, step: (acc, v) => acc + v * v });
db.aggregate('concat', {
  start: () => [],
  step: (acc, v) => { acc.push(v); return acc; },
  inverse: (acc) => { acc.shift(); return acc; },
  result: (acc) => acc.join(','),
});
show('aggregate', () => db.prepare('SELECT sum_sq(id) AS s FROM items').get());
show('aggregate empty', () => db.prepare('SELECT sum_sq(id) AS s FROM items WHERE 0').get());
show('window', () => db.prepare(`SELECT id, concat(name) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS w
  FROM items ORDER BY id`).all());

// Transactions.
db.exec('BEGIN');
show('isTransaction', () => db.isTransaction);
db.exec('ROLLBACK');
show('isTransaction after', () => db.isTransaction);

// Authorizer.
const seen = [];
db.setAuthorizer((action, a, b) => {
  seen.push([action, a, b]);
  return action === constants.SQLITE_DELETE ? constants.SQLITE_DENY : constants.SQLITE_OK;
});
show('denied', () => db.exec('DELETE FROM items'));
show('authorizer saw', () => seen.slice(0, 2));
db.setAuthorizer(null);

// Limits and misc.
show('limit', () => db.limits.column);
db.limits.column = 3;
show('limit hit', () => db.prepare('SELECT 1, 2, 3, 4').get());
show('location', () => db.location());
show('no statements', () => db.prepare('  '));
show('syntax', () => db.exec('SELEKT 1'));
show('illegal ctor', () => new StatementSync());
show('no new', () => DatabaseSync(':memory:'));
show('bad path', () => new DatabaseSync(42));
show('bad option', () => new DatabaseSync(':memory:', { readOnly: 1 }));
show('bare require', () => require('sqlite'));
show('load extension', () => db.loadExtension('x'));
show('constants', () => [constants.SQLITE_OK, constants.SQLITE_DENY, constants.SQLITE_INSERT]);

// Sessions: record changes, apply them elsewhere, resolve a conflict.
{
  const a = new DatabaseSync(':memory:');
  const b = new DatabaseSync(':memory:');
  for (const d of [a, b]) d.exec('CREATE TABLE kv (k TEXT PRIMARY KEY, v TEXT)');
  b.exec("INSERT INTO kv VALUES ('one', 'old')");
  const session = a.createSession({ table: 'kv' });
  a.exec("INSERT INTO kv VALUES ('one', '1'), ('two', '2')");
  const changes = session.changeset();
  show('changeset', () => changes instanceof Uint8Array && changes.length > 0);
  show('patchset', () => session.patchset() instanceof Uint8Array);
  show('apply abort', () => b.applyChangeset(changes));
  const conflicts = [];
  show('apply replace', () => b.applyChangeset(changes, {
    onConflict: (type) => { conflicts.push(type); return constants.SQLITE_CHANGESET_REPLACE; },
  }));
  show('conflicts', () => conflicts);
  show('applied rows', () => b.prepare('SELECT * FROM kv ORDER BY k').all());
  show('apply filtered', () => b.applyChangeset(changes, { filter: () => false }));
  session.close();
  show('session closed', () => session.changeset());
  a.close();
  b.close();
}

// Backup to a file and read it back.
const path = require('path');
const os = require('os');
const fs = require('fs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonode-sqlite-'));
const file = path.join(dir, 'copy.db');
backup(db, file, { rate: 1, progress: () => {} }).then((pages) => {
  console.log('backup pages > 0', pages > 0);
  const copy = new DatabaseSync(file, { readOnly: true });
  console.log('backup rows', copy.prepare('SELECT count(*) AS n FROM items').get());
  show('readonly', () => copy.exec('DELETE FROM items'));
  copy.close();
  db.close();
  show('closed', () => db.prepare('SELECT 1'));
  show('close twice', () => db.close());
  fs.rmSync(dir, { recursive: true });
});
