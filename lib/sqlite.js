'use strict';
// node:sqlite (loadable only with the node: scheme): synchronous SQLite
// databases. SQLite itself is modernc.org/sqlite (C translated to Go);
// internalBinding('sqlite') owns connections and statements by integer id,
// binds parameters and converts rows. This file keeps Node's classes and
// argument checks.

// --no-experimental-sqlite removes the module, as in Node.
if (require('internal/options').getOptionValue('--experimental-sqlite') === false) {
  const err = new Error('No such built-in module: node:sqlite');
  err.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
  throw err;
}

const binding = internalBinding('sqlite');
const { notImplemented } = require('internal/errors');
const { Buffer } = require('buffer');

// Module-private accessors, set by the classes' static blocks.
let openHandle;
let makeStatement;
let statementGen;
let makeSession;
let dbAccessors;

// Sessions and connections that become unreachable are released in the
// binding, as Node does when it collects them (statements hold a native
// token whose finalizer does it at once). Ids are never reused, and the
// binding ignores ids it no longer has (those of a closed database).
const sessionRegistry = new FinalizationRegistry((id) => binding.sessionDelete(id, true));
const dbRegistry = new FinalizationRegistry((conn) => {
  if (conn.id !== 0) binding.close(conn.id);
});

// Statement flags understood by the binding.
const F_BIGINT = 1;
const F_ARRAYS = 2;
const F_BARE = 4;
const F_UNKNOWN = 8;

// Errors thrown by Node's C++ side: a plain message and a code property.
function codedError(Ctor, code, message) {
  const err = new Ctor(message);
  err.code = code;
  Error.captureStackTrace?.(err, codedError);
  return err;
}
const typeErr = (msg) => codedError(TypeError, 'ERR_INVALID_ARG_TYPE', msg);
const stateErr = (msg) => codedError(Error, 'ERR_INVALID_STATE', msg);
const notOpen = () => stateErr('database is not open');

function checkBool(obj, key, prefix = 'options.') {
  const v = obj[key];
  if (v !== undefined && typeof v !== 'boolean') {
    throw typeErr(`The "${prefix}${key}" argument must be a boolean.`);
  }
  return v;
}

function pathToString(path) {
  if (typeof path === 'string') {
    if (!path.includes('\0')) return path;
  } else if (path instanceof Uint8Array) {
    const s = Buffer.from(path.buffer, path.byteOffset, path.byteLength).toString();
    if (!s.includes('\0')) return s;
  } else if (path !== null && typeof path === 'object' && typeof path.href === 'string' &&
             typeof path.protocol === 'string') {
    if (path.protocol !== 'file:') {
      throw codedError(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file:');
    }
    if (!path.href.includes('\0')) return path.href;
  }
  throw typeErr('The "path" argument must be a string, Uint8Array, or URL without null bytes.');
}

const limitNames = [
  ['length', 0], ['sqlLength', 1], ['column', 2], ['exprDepth', 3],
  ['compoundSelect', 4], ['vdbeOp', 5], ['functionArg', 6], ['attach', 7],
  ['likePatternLength', 8], ['variableNumber', 9], ['triggerDepth', 10],
];

class DatabaseSyncImpl {
  #id = 0;
  #conn = { id: 0 }; // the id, for dbRegistry (which must not hold this)
  #path;
  #opts;
  #limits;
  #pendingLimits;
  #extensions = true; // enableLoadExtension state, with options.allowExtension

  constructor(path, options) {
    this.#path = pathToString(path);
    let open = true;
    const o = {
      readOnly: false, enableForeignKeyConstraints: true, enableDoubleQuotedStringLiterals: false,
      allowExtension: false, timeout: 0, readBigInts: false, returnArrays: false,
      allowBareNamedParameters: true, allowUnknownNamedParameters: false, defensive: true,
    };
    if (options !== undefined) {
      if (options === null || typeof options !== 'object') {
        throw typeErr('The "options" argument must be an object.');
      }
      if (checkBool(options, 'open') === false) open = false;
      for (const k of ['readOnly', 'enableForeignKeyConstraints', 'enableDoubleQuotedStringLiterals',
        'allowExtension']) {
        const v = checkBool(options, k);
        if (v !== undefined) o[k] = v;
      }
      if (options.timeout !== undefined) {
        if (!Number.isInteger(options.timeout)) {
          throw typeErr('The "options.timeout" argument must be an integer.');
        }
        o.timeout = options.timeout;
      }
      for (const k of ['readBigInts', 'returnArrays', 'allowBareNamedParameters',
        'allowUnknownNamedParameters', 'defensive']) {
        const v = checkBool(options, k);
        if (v !== undefined) o[k] = v;
      }
      if (options.limits !== undefined) {
        const l = options.limits;
        if (l === null || typeof l !== 'object') {
          throw typeErr('The "options.limits" argument must be an object.');
        }
        const pending = [];
        for (const [name, id] of limitNames) {
          const v = l[name];
          if (v === undefined) continue;
          if (!Number.isInteger(v)) {
            throw typeErr(`The "options.limits.${name}" argument must be an integer.`);
          }
          if (v < 0) {
            throw codedError(RangeError, 'ERR_OUT_OF_RANGE',
                             `The "options.limits.${name}" argument must be non-negative.`);
          }
          pending.push([id, v]);
        }
        this.#pendingLimits = pending;
      }
    }
    this.#opts = o;
    Object.defineProperties(this, dbAccessors);
    dbRegistry.register(this, this.#conn);
    if (open) this.open();
  }

  static {
    openHandle = (db) => {
      if (db.#id === 0) throw notOpen();
      return db.#id;
    };
  }

  open() {
    if (this.#id !== 0) throw stateErr('database is already open');
    const o = this.#opts;
    this.#id = binding.open(this.#path, o.readOnly, o.enableDoubleQuotedStringLiterals,
                            o.enableForeignKeyConstraints, o.timeout, o.allowExtension,
                            o.defensive);
    this.#conn.id = this.#id;
    if (this.#pendingLimits) {
      for (const [id, v] of this.#pendingLimits) binding.limit(this.#id, id, v);
    }
  }

  close() {
    if (this.#id === 0) throw notOpen();
    // The binding finalizes the statements and deletes the sessions.
    binding.close(this.#id);
    this.#id = 0;
    this.#conn.id = 0;
  }

  [Symbol.dispose]() {
    if (this.#id !== 0) this.close();
  }

  // Node exposes isOpen, isTransaction and limits as accessors on each
  // instance (util.inspect and Object.keys show them).
  static {
    const accessor = (get) => ({ __proto__: null, enumerable: true, configurable: true, get });
    dbAccessors = {
      isOpen: accessor(function isOpen() { return this.#isOpen(); }),
      isTransaction: accessor(function isTransaction() { return this.#isTransaction(); }),
      limits: accessor(function limits() { return this.#getLimits(); }),
      [Symbol.for('sqlite-type')]: { __proto__: null, value: 'node:sqlite', enumerable: true },
    };
  }

  #isOpen() { return this.#id !== 0; }

  #isTransaction() {
    return binding.isTransaction(openHandle(this));
  }

  #getLimits() {
    if (this.#limits === undefined) {
      const db = this;
      const obj = {};
      for (const [name, id] of limitNames) {
        Object.defineProperty(obj, name, {
          enumerable: true, configurable: false,
          get() { return binding.limit(openHandle(db), id, -1); },
          set(v) {
            const h = openHandle(db);
            if (v === Infinity) v = 0x7fffffff;
            else if (typeof v !== 'number' || !Number.isInteger(v)) {
              throw typeErr('Limit value must be a non-negative integer or Infinity.');
            }
            if (v < 0) {
              throw codedError(RangeError, 'ERR_OUT_OF_RANGE', 'Limit value must be non-negative.');
            }
            binding.limit(h, id, v);
          },
        });
      }
      this.#limits = obj;
    }
    return this.#limits;
  }

  exec(sql) {
    const h = openHandle(this);
    if (typeof sql !== 'string') throw typeErr('The "sql" argument must be a string.');
    binding.exec(h, sql);
  }

  prepare(sql, options) {
    const h = openHandle(this);
    if (typeof sql !== 'string') throw typeErr('The "sql" argument must be a string.');
    let flags = 0;
    const o = this.#opts;
    let { readBigInts, returnArrays, allowBareNamedParameters, allowUnknownNamedParameters } = o;
    if (options !== undefined) {
      if (options === null || typeof options !== 'object') {
        throw typeErr('The "options" argument must be an object.');
      }
      readBigInts = checkBool(options, 'readBigInts') ?? readBigInts;
      returnArrays = checkBool(options, 'returnArrays') ?? returnArrays;
      allowBareNamedParameters = checkBool(options, 'allowBareNamedParameters') ?? allowBareNamedParameters;
      allowUnknownNamedParameters = checkBool(options, 'allowUnknownNamedParameters') ??
        allowUnknownNamedParameters;
    }
    if (readBigInts) flags |= F_BIGINT;
    if (returnArrays) flags |= F_ARRAYS;
    if (allowBareNamedParameters) flags |= F_BARE;
    if (allowUnknownNamedParameters) flags |= F_UNKNOWN;
    const token = binding.prepare(h, sql);
    if (token === null) {
      throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE', 'The SQL query contains no statements.');
    }
    return makeStatement(this, token, flags);
  }

  createTagStore(maxSize = 1000) {
    openHandle(this);
    return new SQLTagStore(this, maxSize);
  }

  location(dbName = 'main') {
    const h = openHandle(this);
    if (typeof dbName !== 'string') throw typeErr('The "dbName" argument must be a string.');
    return binding.location(h, dbName);
  }

  function(name, options, fn) {
    const h = openHandle(this);
    if (typeof name !== 'string') throw typeErr('The "name" argument must be a string.');
    if (typeof options === 'function' && fn === undefined) {
      fn = options;
      options = undefined;
    }
    let flags = 0;
    let varargs = false;
    if (options !== undefined) {
      if (options === null || typeof options !== 'object') {
        throw typeErr('The "options" argument must be an object.');
      }
      if (checkBool(options, 'deterministic')) flags |= 1;
      if (checkBool(options, 'directOnly')) flags |= 2;
      if (checkBool(options, 'useBigIntArguments')) flags |= 4;
      varargs = checkBool(options, 'varargs') ?? false;
    }
    if (typeof fn !== 'function') throw typeErr('The "function" argument must be a function.');
    binding.function(h, name, fn, varargs ? -1 : fn.length, flags);
  }

  aggregate(name, options) {
    const h = openHandle(this);
    if (typeof name !== 'string') throw typeErr('The "name" argument must be a string.');
    if (options === null || typeof options !== 'object') {
      throw typeErr('The "options" argument must be an object.');
    }
    if (!('start' in options)) {
      throw typeErr('The "options.start" argument must be a function or a primitive value.');
    }
    const { start, step, result, inverse } = options;
    if (typeof step !== 'function') throw typeErr('The "options.step" argument must be a function.');
    if (result !== undefined && typeof result !== 'function') {
      throw typeErr('The "options.result" argument must be a function.');
    }
    if (inverse !== undefined && typeof inverse !== 'function') {
      throw typeErr('The "options.inverse" argument must be a function.');
    }
    let flags = 0;
    if (checkBool(options, 'deterministic')) flags |= 1;
    if (checkBool(options, 'directOnly')) flags |= 2;
    if (checkBool(options, 'useBigIntArguments')) flags |= 4;
    const varargs = checkBool(options, 'varargs') ?? false;
    const argc = varargs ? -1 :
      Math.max(step.length, inverse ? inverse.length : 0) - 1;
    binding.aggregate(h, name, start, step, result, inverse, varargs ? -1 : Math.max(argc, 0), flags);
  }

  setAuthorizer(callback) {
    const h = openHandle(this);
    if (callback !== null && typeof callback !== 'function') {
      throw typeErr('The "callback" argument must be a function or null.');
    }
    binding.setAuthorizer(h, callback);
  }

  enableDefensive(active) {
    const h = openHandle(this);
    if (typeof active !== 'boolean') throw typeErr('The "active" argument must be a boolean.');
    binding.setDefensive(h, active);
  }

  enableLoadExtension(allow) {
    openHandle(this);
    if (typeof allow !== 'boolean') throw typeErr('The "allow" argument must be a boolean.');
    if (allow && !this.#opts.allowExtension) {
      throw stateErr('Cannot enable extension loading because it was disabled at database creation.');
    }
    this.#extensions = allow;
  }

  loadExtension(path, entryPoint) {
    openHandle(this);
    if (!this.#opts.allowExtension || !this.#extensions) {
      throw stateErr('extension loading is not allowed');
    }
    if (typeof path !== 'string') throw typeErr('The "path" argument must be a string.');
    // SQLite here is Go code: it cannot dlopen native extensions.
    throw notImplemented('DatabaseSync.prototype.loadExtension (native SQLite extensions)');
  }

  serialize(dbName = 'main') {
    const h = openHandle(this);
    if (typeof dbName !== 'string') throw typeErr('The "dbName" argument must be a string.');
    return binding.serialize(h, dbName);
  }

  deserialize(buffer, options) {
    const h = openHandle(this);
    if (!(buffer instanceof Uint8Array)) throw typeErr('The "buffer" argument must be a Uint8Array.');
    let dbName = 'main';
    if (options !== undefined) {
      if (options === null || typeof options !== 'object') {
        throw typeErr('The "options" argument must be an object.');
      }
      if (options.dbName !== undefined) {
        if (typeof options.dbName !== 'string') throw typeErr('The "options.dbName" argument must be a string.');
        dbName = options.dbName;
      }
    }
    binding.deserialize(h, buffer, dbName);
  }

  createSession(options) {
    const h = openHandle(this);
    let table = null;
    let dbName = 'main';
    if (options !== undefined) {
      if (options === null || typeof options !== 'object') {
        throw typeErr('The "options" argument must be an object.');
      }
      if (options.table !== undefined) {
        if (typeof options.table !== 'string') throw typeErr('The "options.table" argument must be a string.');
        table = options.table;
      }
      if (options.db !== undefined) {
        if (typeof options.db !== 'string') throw typeErr('The "options.db" argument must be a string.');
        dbName = options.db;
      }
    }
    const id = binding.sessionCreate(h, table, dbName);
    const session = makeSession(this, id);
    sessionRegistry.register(session, id);
    return session;
  }

  applyChangeset(changeset, options) {
    const h = openHandle(this);
    if (!(changeset instanceof Uint8Array)) throw typeErr('The "changeset" argument must be a Uint8Array.');
    let filter;
    let onConflict;
    if (options !== undefined) {
      if (options === null || typeof options !== 'object') {
        throw typeErr('The "options" argument must be an object.');
      }
      if (options.filter !== undefined) {
        if (typeof options.filter !== 'function') throw typeErr('The "options.filter" argument must be a function.');
        filter = options.filter;
      }
      if (options.onConflict !== undefined) {
        if (typeof options.onConflict !== 'function') {
          throw typeErr('The "options.onConflict" argument must be a function.');
        }
        onConflict = options.onConflict;
      }
    }
    return binding.applyChangeset(h, changeset, filter, onConflict);
  }
}

// DatabaseSync is a plain function over the class so that calling it
// without new throws Node's error rather than the engine's.
function DatabaseSync(path, options) {
  if (new.target === undefined) {
    throw codedError(TypeError, 'ERR_CONSTRUCT_CALL_REQUIRED', 'Cannot call constructor without `new`');
  }
  return Reflect.construct(DatabaseSyncImpl, [path, options], new.target);
}
DatabaseSync.prototype = DatabaseSyncImpl.prototype;
Object.defineProperty(DatabaseSync.prototype, 'constructor', {
  value: DatabaseSync, writable: true, enumerable: false, configurable: true,
});


let constructing = false;

class StatementSync {
  #id;
  #token; // native object: the binding finalizes the statement when it goes
  #db;
  #flags;
  #gen = 0; // bumped by each run/get/all/iterate: older iterators are invalid

  constructor() {
    if (!constructing) throw codedError(Error, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
  }

  static {
    makeStatement = (db, token, flags) => {
      constructing = true;
      let s;
      try {
        s = new StatementSync();
      } finally {
        constructing = false;
      }
      s.#id = token.id;
      s.#token = token;
      s.#db = db;
      s.#flags = flags;
      return s;
    };
    statementGen = (s) => s.#gen;
  }

  run(...params) {
    const id = this.#id;
    this.#gen++;
    return binding.run(id, this.#flags, params);
  }

  get(...params) {
    const id = this.#id;
    this.#gen++;
    return binding.get(id, this.#flags, params);
  }

  all(...params) {
    const id = this.#id;
    this.#gen++;
    return binding.all(id, this.#flags, params);
  }

  iterate(...params) {
    const id = this.#id;
    this.#gen++;
    binding.bind(id, this.#flags, params);
    return new StatementSyncIterator(this, id, this.#flags, this.#gen);
  }

  columns() {
    return binding.columns(this.#id);
  }

  // Node has these as accessors on each instance; they live on the
  // prototype here, which keeps prepare() cheap (only util.inspect of a
  // statement shows the difference).
  get sourceSQL() { return binding.sourceSQL(this.#id); }
  get expandedSQL() { return binding.expandedSQL(this.#id); }

  #setFlag(bit, value, name) {
    if (!binding.stmtExists(this.#id)) throw stateErr('statement has been finalized');
    if (typeof value !== 'boolean') throw typeErr(`The "${name}" argument must be a boolean.`);
    this.#flags = value ? (this.#flags | bit) : (this.#flags & ~bit);
  }

  setReadBigInts(readBigInts) { this.#setFlag(F_BIGINT, readBigInts, 'readBigInts'); }
  setReturnArrays(returnArrays) { this.#setFlag(F_ARRAYS, returnArrays, 'returnArrays'); }
  setAllowBareNamedParameters(enabled) { this.#setFlag(F_BARE, enabled, 'allowBareNamedParameters'); }
  setAllowUnknownNamedParameters(enabled) { this.#setFlag(F_UNKNOWN, enabled, 'enabled'); }
}

const IteratorProto = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
class StatementSyncIterator {
  #stmt;
  #id;
  #flags;
  #gen;
  #done = false;

  constructor(stmt, id, flags, gen) {
    this.#stmt = stmt;
    this.#id = id;
    this.#flags = flags;
    this.#gen = gen;
  }

  next() {
    if (this.#done) return { __proto__: null, done: true, value: null };
    if (statementGen(this.#stmt) !== this.#gen) {
      throw stateErr('iterator was invalidated');
    }
    const row = binding.step(this.#id, this.#flags);
    if (row === null) {
      this.#done = true;
      return { __proto__: null, done: true, value: null };
    }
    return { __proto__: null, done: false, value: row };
  }

  return() {
    if (!this.#done) {
      this.#done = true;
      if (statementGen(this.#stmt) === this.#gen && binding.stmtExists(this.#id)) {
        binding.reset(this.#id);
      }
    }
    return { __proto__: null, done: true, value: null };
  }
}
Object.setPrototypeOf(StatementSyncIterator.prototype, IteratorProto);

class SQLTagStore {
  #db;
  #capacity;
  #cache = new Map();

  constructor(db, capacity) {
    this.#db = db;
    this.#capacity = capacity;
  }

  get db() { return this.#db; }
  get capacity() { return this.#capacity; }
  get size() { return this.#cache.size; }
  clear() { this.#cache.clear(); }

  #stmt(strings) {
    openHandle(this.#db);
    const sql = strings.join('?');
    let s = this.#cache.get(sql);
    if (s !== undefined) {
      this.#cache.delete(sql);
    } else {
      s = this.#db.prepare(sql);
      if (this.#cache.size >= this.#capacity) {
        this.#cache.delete(this.#cache.keys().next().value);
      }
    }
    this.#cache.set(sql, s);
    return s;
  }

  run(strings, ...values) { return this.#stmt(strings).run(...values); }
  get(strings, ...values) { return this.#stmt(strings).get(...values); }
  all(strings, ...values) { return this.#stmt(strings).all(...values); }
  iterate(strings, ...values) { return this.#stmt(strings).iterate(...values); }
}

// Session records the changes made to a database (the SQLite session
// extension) as a changeset or patchset.
class Session {
  #db;
  #id = 0;

  constructor() {
    if (!constructing) throw codedError(Error, 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
  }

  static {
    makeSession = (db, id) => {
      constructing = true;
      let s;
      try {
        s = new Session();
      } finally {
        constructing = false;
      }
      s.#db = db;
      s.#id = id;
      return s;
    };
  }

  // The binding throws 'session is not open' for a deleted session.
  #handle() {
    openHandle(this.#db);
    return this.#id;
  }

  changeset() { return binding.sessionChangeset(this.#handle(), false); }
  patchset() { return binding.sessionChangeset(this.#handle(), true); }

  close() {
    binding.sessionDelete(this.#handle(), false);
  }

  [Symbol.dispose]() {
    if (this.#db.isOpen) binding.sessionDelete(this.#id, true);
  }
}

// backup(sourceDb, path, options) copies a database page by page, `rate`
// pages per batch; it resolves with the number of pages copied.
function backup(sourceDb, path, options = undefined) {
  if (!(sourceDb instanceof DatabaseSync)) {
    throw typeErr('The "sourceDb" argument must be an object.');
  }
  const h = openHandle(sourceDb);
  const dest = pathToString(path);
  let rate = 100;
  let source = 'main';
  let target = 'main';
  let progress;
  if (options !== undefined) {
    if (options === null || typeof options !== 'object') {
      throw typeErr('The "options" argument must be an object.');
    }
    if (options.rate !== undefined) {
      if (!Number.isInteger(options.rate) || options.rate > 0x7fffffff || options.rate < -0x80000000) {
        throw typeErr('The "options.rate" argument must be an integer.');
      }
      rate = options.rate;
    }
    if (options.source !== undefined) {
      if (typeof options.source !== 'string') throw typeErr('The "options.source" argument must be a string.');
      source = options.source;
    }
    if (options.target !== undefined) {
      if (typeof options.target !== 'string') throw typeErr('The "options.target" argument must be a string.');
      target = options.target;
    }
    if (options.progress !== undefined) {
      if (typeof options.progress !== 'function') {
        throw typeErr('The "options.progress" argument must be a function.');
      }
      progress = options.progress;
    }
  }
  return new Promise((resolve, reject) => {
    let id;
    try {
      id = binding.backupInit(h, dest, source, target);
    } catch (err) {
      reject(err);
      return;
    }
    // Each batch runs off the loop thread; progress runs on it between
    // batches.
    const step = () => binding.backupStep(id, rate, (err, done, remaining, total) => {
      if (err) {
        reject(err);
        return;
      }
      if (done) {
        resolve(total);
        return;
      }
      if (progress) {
        try {
          progress({ totalPages: total, remainingPages: remaining });
        } catch (err) {
          binding.backupFinish(id);
          reject(err);
          return;
        }
      }
      step();
    });
    step();
  });
}

const constants = {
  SQLITE_CHANGESET_OMIT: 0,
  SQLITE_CHANGESET_REPLACE: 1,
  SQLITE_CHANGESET_ABORT: 2,
  SQLITE_CHANGESET_DATA: 1,
  SQLITE_CHANGESET_NOTFOUND: 2,
  SQLITE_CHANGESET_CONFLICT: 3,
  SQLITE_CHANGESET_CONSTRAINT: 4,
  SQLITE_CHANGESET_FOREIGN_KEY: 5,
  SQLITE_OK: 0,
  SQLITE_DENY: 1,
  SQLITE_IGNORE: 2,
  SQLITE_CREATE_INDEX: 1,
  SQLITE_CREATE_TABLE: 2,
  SQLITE_CREATE_TEMP_INDEX: 3,
  SQLITE_CREATE_TEMP_TABLE: 4,
  SQLITE_CREATE_TEMP_TRIGGER: 5,
  SQLITE_CREATE_TEMP_VIEW: 6,
  SQLITE_CREATE_TRIGGER: 7,
  SQLITE_CREATE_VIEW: 8,
  SQLITE_DELETE: 9,
  SQLITE_DROP_INDEX: 10,
  SQLITE_DROP_TABLE: 11,
  SQLITE_DROP_TEMP_INDEX: 12,
  SQLITE_DROP_TEMP_TABLE: 13,
  SQLITE_DROP_TEMP_TRIGGER: 14,
  SQLITE_DROP_TEMP_VIEW: 15,
  SQLITE_DROP_TRIGGER: 16,
  SQLITE_DROP_VIEW: 17,
  SQLITE_INSERT: 18,
  SQLITE_PRAGMA: 19,
  SQLITE_READ: 20,
  SQLITE_SELECT: 21,
  SQLITE_TRANSACTION: 22,
  SQLITE_UPDATE: 23,
  SQLITE_ATTACH: 24,
  SQLITE_DETACH: 25,
  SQLITE_ALTER_TABLE: 26,
  SQLITE_REINDEX: 27,
  SQLITE_ANALYZE: 28,
  SQLITE_CREATE_VTABLE: 29,
  SQLITE_DROP_VTABLE: 30,
  SQLITE_FUNCTION: 31,
  SQLITE_SAVEPOINT: 32,
  SQLITE_COPY: 0,
  SQLITE_RECURSIVE: 33,
};

// Node's methods are C++ functions of length 0.
for (const proto of [DatabaseSync.prototype, StatementSync.prototype, Session.prototype,
  StatementSyncIterator.prototype, SQLTagStore.prototype]) {
  for (const key of Reflect.ownKeys(proto)) {
    const d = Object.getOwnPropertyDescriptor(proto, key);
    if (key !== 'constructor' && typeof d.value === 'function') {
      Object.defineProperty(d.value, 'length', { value: 0 });
    }
  }
}
Object.defineProperty(DatabaseSync, 'length', { value: 0 });

module.exports = { DatabaseSync, StatementSync, Session, constants, backup };
