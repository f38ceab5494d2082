// Package sqlite implements the sqlite binding behind node:sqlite over
// SQLite translated to Go (modernc.org/sqlite/lib). JS (lib/sqlite.js)
// keeps the Node API surface and argument validation; this package owns
// the connections and statements (by integer id), binds parameters,
// steps statements and converts rows, and calls JS back for user
// functions, aggregates and the authorizer.
//
// Everything runs on the loop goroutine with one libc.TLS per instance,
// except backup batches, which run on their own goroutine and TLS (SQLite
// is built thread-safe and serializes use of a connection). JS callbacks
// are kept in a JS array on the binding object, never by Go, so that an
// instance's objects can all be collected when its engine closes; a
// sentinel's finalizer then closes the connections JS left open.
package sqlite

import (
	"math"
	"strconv"
	"sync"
	"unsafe"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
	"modernc.org/libc"
	sq "modernc.org/sqlite/lib"
)

func init() { binding.Register("sqlite", initSQLite) }

// Version is the SQLite library version (process.versions.sqlite).
const Version = sq.SQLITE_VERSION

// Statement flags passed from JS with each call.
const (
	flagReadBigInts  = 1
	flagReturnArrays = 2
	flagAllowBare    = 4
	flagAllowUnknown = 8
)

type db struct {
	p        uintptr // sqlite3*
	busy     int     // calls into SQLite in progress (JS callbacks may run)
	st       *state
	funcs    []int32 // udf ids owned by this connection
	authSlot int32   // the authorizer's slot (see putSlot)
	hasAu    bool
	authID   int32 // key of this connection in auths
}

type stmt struct {
	p    uintptr // sqlite3_stmt*
	db   int32
	bare map[string]string // bare name -> full name, built on first use
	bErr string            // conflict found while building bare
	// names caches the result column names during one call (bindAll
	// clears it: a schema change between calls can rename columns).
	names   []string
	running bool // stepping: JS callbacks must not re-enter it
}

// udf is a user function or aggregate registered on a connection.
type udf struct {
	st        *state
	name      string
	slot      int32 // [fn] or [start, step, result, inverse] (see putSlot)
	aggregate bool
	bigArgs   bool
}

type state struct {
	env      *binding.Env
	c        *qjs.Context
	tls      *libc.TLS
	next     int32
	dbs      map[int32]*db
	stmts    map[int32]*stmt
	backups  map[int32]uintptr   // sqlite3_backup* by id
	bdst     map[int32]uintptr   // the backup's destination connection
	aggs     map[int32]qjs.Value // aggregate accumulators by id
	sessions map[int32]*session
	pending  qjs.Value // exception thrown by a JS callback inside SQLite
	hasPend  bool
	// slots is a JS array on the binding object holding the callbacks
	// (borrowed: the binding object owns it).
	slots     qjs.Value
	nSlots    int32
	freeSlots []int32
	scratch   uintptr // C memory for strings handed to SQLite
	scrLen    int
}

var (
	regMu   sync.Mutex
	udfs    = map[int32]*udf{}
	auths   = map[int32]*db{}
	nextUDF int32
)

func (s *state) id() int32 { s.next++; return s.next }

// cstr copies str (NUL-terminated) into the state's scratch C memory; the
// pointer is valid until the next call.
func (s *state) cstr(str string) uintptr {
	n := len(str) + 1
	if n > s.scrLen {
		if s.scratch != 0 {
			libc.Xfree(s.tls, s.scratch)
		}
		sz := max(n, 256)
		s.scratch = libc.Xmalloc(s.tls, libc.Tsize_t(sz))
		s.scrLen = sz
	}
	b := unsafe.Slice((*byte)(ptr(s.scratch)), n)
	copy(b, str)
	b[n-1] = 0
	return s.scratch
}

// cstring allocates a C copy of str that the caller frees.
func (s *state) cstring(str string) uintptr {
	p, err := libc.CString(str)
	if err != nil {
		panic(err)
	}
	return p
}

// ptr converts a C address to a pointer (C memory does not move).
func ptr(p uintptr) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(&p)) }

// cfp returns the C function pointer of a top-level Go function, as the
// translated C code calls it.
func cfp(f any) uintptr {
	type iface [2]uintptr
	return (*iface)(unsafe.Pointer(&f))[1]
}

func gostr(p uintptr) string {
	if p == 0 {
		return ""
	}
	return libc.GoString(p)
}

func gobytes(p uintptr, n int32) []byte {
	if p == 0 || n <= 0 {
		return nil
	}
	return unsafe.Slice((*byte)(ptr(p)), n)
}

// throwSQLite throws Node's ERR_SQLITE_ERROR for the connection's last
// error, or rethrows the exception a JS callback raised inside SQLite.
func (s *state) throwSQLite(p uintptr, rc int32) qjs.Value {
	c := s.c
	if s.hasPend {
		s.hasPend = false
		v := s.pending
		s.pending = qjs.Undefined
		return c.Throw(v)
	}
	msg := ""
	code := rc
	if p != 0 {
		code = sq.Xsqlite3_extended_errcode(s.tls, p)
		msg = gostr(sq.Xsqlite3_errmsg(s.tls, p))
	}
	errstr := gostr(sq.Xsqlite3_errstr(s.tls, code))
	if msg == "" {
		msg = errstr
	}
	return s.throwCode(msg, code, errstr)
}

func (s *state) throwCode(msg string, code int32, errstr string) qjs.Value {
	c := s.c
	e := c.MakeError("Error", msg)
	c.Set(e, "code", c.String("ERR_SQLITE_ERROR"))
	c.Set(e, "errcode", qjs.Int32(code))
	c.Set(e, "errstr", c.String(errstr))
	return c.Throw(e)
}

func (s *state) setPending(v qjs.Value) {
	if s.hasPend {
		s.c.Free(s.pending)
	}
	s.pending, s.hasPend = v, true
}

func (s *state) clearPending() {
	if s.hasPend {
		s.c.Free(s.pending)
		s.hasPend = false
		s.pending = qjs.Undefined
	}
}

func (s *state) getDB(v qjs.Value) *db {
	return s.dbs[int32(v.Int())]
}

func initSQLite(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	s := &state{env: env, c: c, tls: libc.NewTLS(), dbs: map[int32]*db{}, stmts: map[int32]*stmt{},
		backups: map[int32]uintptr{}, bdst: map[int32]uintptr{}, aggs: map[int32]qjs.Value{}, sessions: map[int32]*session{}}
	c.Set(obj, "version", c.String(Version))
	s.slots = c.Array()
	c.Set(obj, "callbacks", s.slots)
	// The sentinel's finalizer runs when the engine tears down (the
	// binding object is only dropped then): it closes what JS left open.
	sentinel := c.Runtime().NewClass("SQLiteBinding", func(uintptr) { s.teardown() })
	c.Set(obj, "sentinel", c.NewInstance(sentinel, qjs.Undefined, 0))
	fn := func(name string, n int, f qjs.Func) { binding.Func(c, obj, name, n, f) }
	// stmtFn guards functions taking a statement id: a JS callback run by
	// SQLite (user function, authorizer) must not re-enter a statement
	// that is stepping, nor close its database.
	stmtFn := func(name string, n int, f qjs.Func) {
		fn(name, n, func(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
			st := s.stmts[int32(qjs.Arg(a, 0).Int())]
			if st == nil {
				return binding.ThrowCode(c, "Error", "ERR_INVALID_STATE", "statement has been finalized")
			}
			if st.running {
				return binding.ThrowCode(c, "Error", "ERR_INVALID_STATE", "statement is already running")
			}
			d := s.dbs[st.db]
			st.running = true
			d.busy++
			defer func() { st.running = false; d.busy-- }()
			return f(c, this, a)
		})
	}
	// stmtRead is for functions that only inspect a statement.
	stmtRead := func(name string, n int, f qjs.Func) {
		fn(name, n, func(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
			if s.stmts[int32(qjs.Arg(a, 0).Int())] == nil {
				return binding.ThrowCode(c, "Error", "ERR_INVALID_STATE", "statement has been finalized")
			}
			return f(c, this, a)
		})
	}
	// dbFn guards functions taking a database id that may call back JS.
	dbFn := func(name string, n int, f qjs.Func) {
		fn(name, n, func(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
			d := s.getDB(qjs.Arg(a, 0))
			if d == nil {
				return binding.ThrowCode(c, "Error", "ERR_INVALID_STATE", "database is not open")
			}
			d.busy++
			defer func() { d.busy-- }()
			return f(c, this, a)
		})
	}

	// open(path, readOnly, dqs, foreignKeys, timeout, allowExtension, defensive) -> id
	fn("open", 7, func(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
		path := c.GoString(qjs.Arg(a, 0))
		flags := int32(sq.SQLITE_OPEN_READWRITE | sq.SQLITE_OPEN_CREATE)
		if c.ToBool(qjs.Arg(a, 1)) {
			flags = sq.SQLITE_OPEN_READONLY
		}
		flags |= sq.SQLITE_OPEN_URI
		pp := s.tls.Alloc(8)
		defer s.tls.Free(8)
		*(*uintptr)(ptr(pp)) = 0
		cpath := s.cstring(path)
		rc := sq.Xsqlite3_open_v2(s.tls, cpath, pp, flags, 0)
		libc.Xfree(s.tls, cpath)
		p := *(*uintptr)(ptr(pp))
		if rc != sq.SQLITE_OK {
			r := s.throwSQLite(p, rc)
			if p != 0 {
				sq.Xsqlite3_close_v2(s.tls, p)
			}
			return r
		}
		dqs := boolInt(c.ToBool(qjs.Arg(a, 2)))
		s.dbConfig(p, sq.SQLITE_DBCONFIG_DQS_DML, dqs)
		s.dbConfig(p, sq.SQLITE_DBCONFIG_DQS_DDL, dqs)
		s.dbConfig(p, sq.SQLITE_DBCONFIG_ENABLE_FKEY, boolInt(c.ToBool(qjs.Arg(a, 3))))
		if t := qjs.Arg(a, 4); t.IsNumber() {
			sq.Xsqlite3_busy_timeout(s.tls, p, int32(t.Int()))
		}
		if c.ToBool(qjs.Arg(a, 6)) {
			s.dbConfig(p, sq.SQLITE_DBCONFIG_DEFENSIVE, 1)
		}
		id := s.id()
		s.dbs[id] = &db{p: p, st: s}
		return qjs.Int32(id)
	})
	fn("close", 1, func(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
		id := int32(qjs.Arg(a, 0).Int())
		d := s.dbs[id]
		if d == nil {
			return qjs.Undefined
		}
		if d.busy > 0 {
			return binding.ThrowCode(c, "Error", "ERR_INVALID_STATE", "cannot close the database while a statement is running")
		}
		s.closeDB(id, d, true)
		return qjs.Undefined
	})
	dbFn("exec", 2, func(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
		d := s.getDB(qjs.Arg(a, 0))
		sql := c.GoString(qjs.Arg(a, 1))
		csql := s.cstring(sql)
		defer libc.Xfree(s.tls, csql)
		s.clearPending()
		if rc := sq.Xsqlite3_exec(s.tls, d.p, csql, 0, 0, 0); rc != sq.SQLITE_OK {
			return s.throwSQLite(d.p, rc)
		}
		return qjs.Undefined
	})
	tokCls := c.Runtime().NewClass("SQLiteStatement", func(h uintptr) { s.finalizeStmt(int32(h)) })
	// prepare(db, sql) -> token {id} whose collection finalizes the
	// statement, or null when the SQL has no statement.
	dbFn("prepare", 2, func(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
		dbID := int32(qjs.Arg(a, 0).Int())
		d := s.dbs[dbID]
		sql := c.GoString(qjs.Arg(a, 1))
		csql := s.cstring(sql)
		defer libc.Xfree(s.tls, csql)
		pp := s.tls.Alloc(8)
		defer s.tls.Free(8)
		*(*uintptr)(ptr(pp)) = 0
		s.clearPending()
		if rc := sq.Xsqlite3_prepare_v2(s.tls, d.p, csql, -1, pp, 0); rc != sq.SQLITE_OK {
			return s.throwSQLite(d.p, rc)
		}
		p := *(*uintptr)(ptr(pp))
		if p == 0 {
			return qjs.Null
		}
		id := s.id()
		s.stmts[id] = &stmt{p: p, db: dbID}
		// The token's finalizer releases the statement when JS drops it.
		tok := c.NewInstance(tokCls, qjs.Undefined, uintptr(id))
		c.Set(tok, "id", qjs.Int32(id))
		return tok
	})
	// stmtExists(id): whether the statement is still alive.
	fn("stmtExists", 1, func(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
		return qjs.Bool(s.stmts[int32(qjs.Arg(a, 0).Int())] != nil)
	})
	// run(id, flags, params) -> {changes, lastInsertRowid}
	stmtFn("run", 2, func(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
		st, flags := s.stmts[int32(a[0].Int())], int(a[1].Int())
		d := s.dbs[st.db]
		if r, ok := s.bindArray(st, flags, qjs.Arg(a, 2)); !ok {
			return r
		}
		s.clearPending()
		var rc int32
		for {
			rc = sq.Xsqlite3_step(s.tls, st.p)
			if rc != sq.SQLITE_ROW {
				break
			}
		}
		sq.Xsqlite3_reset(s.tls, st.p)
		if rc != sq.SQLITE_DONE {
			return s.throwSQLite(d.p, rc)
		}
		changes := int64(sq.Xsqlite3_changes64(s.tls, d.p))
		last := int64(sq.Xsqlite3_last_insert_rowid(s.tls, d.p))
		o := c.Object()
		if flags&flagReadBigInts != 0 {
			c.Set(o, "changes", c.BigInt64(changes))
			c.Set(o, "lastInsertRowid", c.BigInt64(last))
		} else {
			c.Set(o, "changes", qjs.Int64(changes))
			c.Set(o, "lastInsertRowid", qjs.Int64(last))
		}
		return o
	})
	stmtFn("get", 2, func(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
		st, flags := s.stmts[int32(a[0].Int())], int(a[1].Int())
		if r, ok := s.bindArray(st, flags, qjs.Arg(a, 2)); !ok {
			return r
		}
		s.clearPending()
		defer sq.Xsqlite3_reset(s.tls, st.p)
		rc := sq.Xsqlite3_step(s.tls, st.p)
		switch rc {
		case sq.SQLITE_ROW:
			return s.row(st, flags)
		case sq.SQLITE_DONE:
			return qjs.Undefined
		}
		return s.throwSQLite(s.dbs[st.db].p, rc)
	})
	stmtFn("all", 2, func(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
		st, flags := s.stmts[int32(a[0].Int())], int(a[1].Int())
		if r, ok := s.bindArray(st, flags, qjs.Arg(a, 2)); !ok {
			return r
		}
		s.clearPending()
		defer sq.Xsqlite3_reset(s.tls, st.p)
		arr := c.Array()
		for i := uint32(0); ; i++ {
			rc := sq.Xsqlite3_step(s.tls, st.p)
			if rc == sq.SQLITE_DONE {
				return arr
			}
			if rc != sq.SQLITE_ROW {
				c.Free(arr)
				return s.throwSQLite(s.dbs[st.db].p, rc)
			}
			r := s.row(st, flags)
			if r.IsException() {
				c.Free(arr)
				return r
			}
			c.SetIndex(arr, i, r)
		}
	})
	// bind(id, flags, ...params): reset and bind for iterate().
	stmtFn("bind", 2, func(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
		st, flags := s.stmts[int32(a[0].Int())], int(a[1].Int())
		sq.Xsqlite3_reset(s.tls, st.p)
		if r, ok := s.bindArray(st, flags, qjs.Arg(a, 2)); !ok {
			return r
		}
		return qjs.Undefined
	})
	// step(id, flags) -> row, or null when done (the statement is reset).
	stmtFn("step", 2, func(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
		st, flags := s.stmts[int32(a[0].Int())], int(a[1].Int())
		s.clearPending()
		rc := sq.Xsqlite3_step(s.tls, st.p)
		switch rc {
		case sq.SQLITE_ROW:
			return s.row(st, flags)
		case sq.SQLITE_DONE:
			sq.Xsqlite3_reset(s.tls, st.p)
			return qjs.Null
		}
		r := s.throwSQLite(s.dbs[st.db].p, rc)
		sq.Xsqlite3_reset(s.tls, st.p)
		return r
	})
	stmtFn("reset", 1, func(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
		if st := s.stmts[int32(qjs.Arg(a, 0).Int())]; st != nil {
			sq.Xsqlite3_reset(s.tls, st.p)
		}
		return qjs.Undefined
	})
	stmtRead("columns", 1, func(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
		st := s.stmts[int32(a[0].Int())]
		n := sq.Xsqlite3_column_count(s.tls, st.p)
		arr := c.Array()
		strOrNull := func(p uintptr) qjs.Value {
			if p == 0 {
				return qjs.Null
			}
			return c.String(libc.GoString(p))
		}
		for i := int32(0); i < n; i++ {
			o := c.ObjectProto(qjs.Null)
			c.Set(o, "column", strOrNull(sq.Xsqlite3_column_origin_name(s.tls, st.p, i)))
			c.Set(o, "database", strOrNull(sq.Xsqlite3_column_database_name(s.tls, st.p, i)))
			c.Set(o, "name", strOrNull(sq.Xsqlite3_column_name(s.tls, st.p, i)))
			c.Set(o, "table", strOrNull(sq.Xsqlite3_column_table_name(s.tls, st.p, i)))
			c.Set(o, "type", strOrNull(sq.Xsqlite3_column_decltype(s.tls, st.p, i)))
			c.SetIndex(arr, uint32(i), o)
		}
		return arr
	})
	stmtRead("sourceSQL", 1, func(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
		st := s.stmts[int32(a[0].Int())]
		return c.String(gostr(sq.Xsqlite3_sql(s.tls, st.p)))
	})
	stmtRead("expandedSQL", 1, func(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
		st := s.stmts[int32(a[0].Int())]
		p := sq.Xsqlite3_expanded_sql(s.tls, st.p)
		if p == 0 {
			return s.throwCode("Expanded SQL text would exceed configured limits", sq.SQLITE_NOMEM,
				gostr(sq.Xsqlite3_errstr(s.tls, sq.SQLITE_NOMEM)))
		}
		r := c.String(libc.GoString(p))
		sq.Xsqlite3_free(s.tls, p)
		return r
	})
	// location(db, name) -> path or null
	fn("location", 2, func(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
		d := s.getDB(a[0])
		name := s.cstring(c.GoString(a[1]))
		defer libc.Xfree(s.tls, name)
		p := sq.Xsqlite3_db_filename(s.tls, d.p, name)
		if p == 0 || *(*byte)(ptr(p)) == 0 {
			return qjs.Null
		}
		return c.String(libc.GoString(p))
	})
	fn("isTransaction", 1, func(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
		d := s.getDB(a[0])
		return qjs.Bool(sq.Xsqlite3_get_autocommit(s.tls, d.p) == 0)
	})
	// limit(db, id, value): set when value >= 0; returns the old value.
	fn("limit", 3, func(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
		d := s.getDB(a[0])
		v := int32(-1)
		if x := qjs.Arg(a, 2); x.IsNumber() {
			f := x.Float()
			if f > math.MaxInt32 {
				f = math.MaxInt32
			}
			v = int32(f)
		}
		return qjs.Int32(sq.Xsqlite3_limit(s.tls, d.p, int32(a[1].Int()), v))
	})
	fn("function", 5, s.jsCreateFunction)
	fn("aggregate", 8, s.jsCreateAggregate)
	fn("setAuthorizer", 2, s.jsSetAuthorizer)
	fn("backupInit", 4, s.jsBackupInit)
	fn("backupStep", 2, s.jsBackupStep)
	fn("backupFinish", 1, func(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
		id := int32(a[0].Int())
		if b := s.backups[id]; b != 0 {
			sq.Xsqlite3_backup_finish(s.tls, b)
			sq.Xsqlite3_close_v2(s.tls, s.bdst[id])
			delete(s.backups, id)
			delete(s.bdst, id)
		}
		return qjs.Undefined
	})
	s.initSessions(c, obj, dbFn)
	fn("serialize", 2, s.jsSerialize)
	fn("deserialize", 3, s.jsDeserialize)
	fn("setDefensive", 2, func(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
		d := s.getDB(a[0])
		s.dbConfig(d.p, sq.SQLITE_DBCONFIG_DEFENSIVE, boolInt(c.ToBool(a[1])))
		return qjs.Undefined
	})
}

// finalizeStmt releases a statement whose JS object was collected; ids
// of closed databases are gone already. It runs inside the engine's
// garbage collection: it must not call into JS.
func (s *state) finalizeStmt(id int32) {
	if st := s.stmts[id]; st != nil && !st.running {
		sq.Xsqlite3_finalize(s.tls, st.p)
		delete(s.stmts, id)
	}
}

func boolInt(b bool) int32 {
	if b {
		return 1
	}
	return 0
}

// dbConfig calls sqlite3_db_config(db, op, value, NULL).
func (s *state) dbConfig(p uintptr, op, value int32) {
	va := libc.NewVaList(value, uintptr(0))
	sq.Xsqlite3_db_config(s.tls, p, op, va)
	libc.Xfree(s.tls, va)
}

// closeDB closes a connection with its statements, sessions and
// callbacks. freeJS is false during engine teardown, when the JS values
// go with the runtime.
func (s *state) closeDB(id int32, d *db, freeJS bool) {
	for sid, ss := range s.sessions {
		if ss.db == id {
			s.deleteSession(sid)
		}
	}
	for sid, st := range s.stmts {
		if st.db == id {
			sq.Xsqlite3_finalize(s.tls, st.p)
			delete(s.stmts, sid)
		}
	}
	sq.Xsqlite3_close_v2(s.tls, d.p)
	regMu.Lock()
	for _, fid := range d.funcs {
		if u := udfs[fid]; u != nil {
			if freeJS {
				s.dropSlot(u.slot)
			}
			delete(udfs, fid)
		}
	}
	delete(auths, d.authID)
	regMu.Unlock()
	if d.hasAu && freeJS {
		s.dropSlot(d.authSlot)
	}
	d.hasAu = false
	delete(s.dbs, id)
}

// teardown closes every connection when the engine goes away. It runs
// inside the engine's collector: no JS calls, and JS values are left to
// the runtime.
func (s *state) teardown() {
	for id, b := range s.backups {
		sq.Xsqlite3_backup_finish(s.tls, b)
		sq.Xsqlite3_close_v2(s.tls, s.bdst[id])
	}
	clear(s.backups)
	clear(s.bdst)
	for id, d := range s.dbs {
		s.closeDB(id, d, false)
	}
	clear(s.aggs)
	s.hasPend = false
}

// bindArray binds the parameters held in a JS array (the rest parameter
// of run/get/all/iterate: passing it whole avoids a spread call).
func (s *state) bindArray(st *stmt, flags int, arr qjs.Value) (qjs.Value, bool) {
	c := s.c
	n := 0
	if arr.IsObject() {
		n = c.Length(arr)
	}
	var buf [8]qjs.Value
	params := buf[:0]
	for i := 0; i < n; i++ {
		params = append(params, c.GetIndex(arr, uint32(i)))
	}
	r, ok := s.bindAll(st, flags, params)
	c.FreeAll(params...)
	return r, ok
}

// bindAll clears the statement's bindings and binds params as Node does:
// a leading plain object binds named parameters, the rest bind the
// anonymous ones in order.
func (s *state) bindAll(st *stmt, flags int, params []qjs.Value) (qjs.Value, bool) {
	c := s.c
	st.names = st.names[:0]
	sq.Xsqlite3_clear_bindings(s.tls, st.p)
	start := 0
	if len(params) > 0 && params[0].IsObject() {
		if _, isView := c.TypedArrayBytes(params[0]); !isView {
			start = 1
			if r, ok := s.bindNamed(st, flags, params[0]); !ok {
				return r, false
			}
		}
	}
	idx := int32(1)
	for _, v := range params[start:] {
		for s.isNamed(st.p, idx) {
			idx++
		}
		if r, ok := s.bindValue(st, idx, v); !ok {
			return r, false
		}
		idx++
	}
	return qjs.Undefined, true
}

// isNamed reports whether parameter i has a name ($a, :a, @a); ?NNN
// parameters count as anonymous.
func (s *state) isNamed(p uintptr, i int32) bool {
	n := sq.Xsqlite3_bind_parameter_name(s.tls, p, i)
	return n != 0 && *(*byte)(ptr(n)) != '?'
}

func (s *state) bindNamed(st *stmt, flags int, obj qjs.Value) (qjs.Value, bool) {
	c := s.c
	if flags&flagAllowBare != 0 && st.bare == nil {
		st.bare = map[string]string{}
		n := sq.Xsqlite3_bind_parameter_count(s.tls, st.p)
		for i := int32(1); i <= n; i++ {
			p := sq.Xsqlite3_bind_parameter_name(s.tls, st.p, i)
			if p == 0 || *(*byte)(ptr(p)) == '?' {
				continue
			}
			full := libc.GoString(p)
			bare := full[1:]
			if prev, dup := st.bare[bare]; dup && prev != full {
				st.bErr = "Cannot create bare named parameter '" + bare + "' because of conflicting names '" + prev + "' and '" + full + "'."
				break
			}
			st.bare[bare] = full
		}
	}
	if flags&flagAllowBare != 0 && st.bErr != "" {
		return binding.ThrowCode(c, "Error", "ERR_INVALID_STATE", st.bErr), false
	}
	keys, err := c.Keys(obj)
	if err != nil {
		return c.ThrowError(err), false
	}
	for _, k := range keys {
		i := sq.Xsqlite3_bind_parameter_index(s.tls, st.p, s.cstr(k))
		if i == 0 && flags&flagAllowBare != 0 {
			if full, ok := st.bare[k]; ok {
				i = sq.Xsqlite3_bind_parameter_index(s.tls, st.p, s.cstr(full))
			}
		}
		if i == 0 {
			if flags&flagAllowUnknown != 0 {
				continue
			}
			return binding.ThrowCode(c, "Error", "ERR_INVALID_STATE", "Unknown named parameter '"+k+"'"), false
		}
		v := c.Get(obj, k)
		if v.IsException() {
			return v, false
		}
		r, ok := s.bindValue(st, i, v)
		c.Free(v)
		if !ok {
			return r, false
		}
	}
	return qjs.Undefined, true
}

func (s *state) bindValue(st *stmt, i int32, v qjs.Value) (qjs.Value, bool) {
	c := s.c
	var rc int32
	switch {
	case v.IsNumber():
		// Node binds every number as a double (typeof(?) is 'real').
		rc = sq.Xsqlite3_bind_double(s.tls, st.p, i, v.Float())
	case v.IsString():
		str := c.GoString(v)
		rc = sq.Xsqlite3_bind_text64(s.tls, st.p, i, s.cstr(str), uint64(len(str)), sq.SQLITE_TRANSIENT, sq.SQLITE_UTF8)
	case v.IsNull():
		rc = sq.Xsqlite3_bind_null(s.tls, st.p, i)
	case v.IsBool():
		rc = sq.Xsqlite3_bind_int64(s.tls, st.p, i, v.Int())
	case v.IsBigInt():
		n, ok := s.bigInt(v)
		if !ok {
			return binding.ThrowCode(c, "TypeError", "ERR_INVALID_ARG_VALUE", "BigInt value is too large to bind."), false
		}
		rc = sq.Xsqlite3_bind_int64(s.tls, st.p, i, n)
	default:
		b, ok := c.TypedArrayBytes(v)
		if !ok {
			return binding.ThrowCode(c, "TypeError", "ERR_INVALID_ARG_TYPE",
				"Provided value cannot be bound to SQLite parameter "+strconv.Itoa(int(i))+"."), false
		}
		var p uintptr
		if len(b) > 0 {
			p = uintptr(unsafe.Pointer(&b[0]))
		} else {
			p = s.cstr("")
		}
		rc = sq.Xsqlite3_bind_blob64(s.tls, st.p, i, p, uint64(len(b)), sq.SQLITE_TRANSIENT)
	}
	if rc != sq.SQLITE_OK {
		return s.throwSQLite(s.dbs[st.db].p, rc), false
	}
	return qjs.Undefined, true
}

// bigInt reads a BigInt losslessly as int64.
func (s *state) bigInt(v qjs.Value) (int64, bool) {
	c := s.c
	n, err := c.ToBigInt64(v)
	if err != nil {
		c.ClearException()
		return 0, false
	}
	back := c.BigInt64(n)
	eq := c.StrictEquals(back, v)
	c.Free(back)
	return n, eq
}

// row converts the current row.
func (s *state) row(st *stmt, flags int) qjs.Value {
	c := s.c
	n := sq.Xsqlite3_column_count(s.tls, st.p)
	if flags&flagReturnArrays != 0 {
		arr := c.Array()
		for i := int32(0); i < n; i++ {
			v := s.column(st.p, i, flags)
			if v.IsException() {
				c.Free(arr)
				return v
			}
			c.SetIndex(arr, uint32(i), v)
		}
		return arr
	}
	if len(st.names) != int(n) {
		st.names = make([]string, n)
		for i := range st.names {
			st.names[i] = gostr(sq.Xsqlite3_column_name(s.tls, st.p, int32(i)))
		}
	}
	// The object has no prototype, so a plain set defines an own data
	// property even for "__proto__" (and is cheaper than a define).
	o := c.ObjectProto(qjs.Null)
	for i := int32(0); i < n; i++ {
		v := s.column(st.p, i, flags)
		if v.IsException() {
			c.Free(o)
			return v
		}
		c.Set(o, st.names[i], v)
	}
	return o
}

const maxSafe = 1<<53 - 1

func (s *state) intValue(n int64, big bool) qjs.Value {
	if big {
		return s.c.BigInt64(n)
	}
	if n > maxSafe || n < -maxSafe {
		return binding.ThrowCode(s.c, "RangeError", "ERR_OUT_OF_RANGE",
			"Value is too large to be represented as a JavaScript number: "+strconv.FormatInt(n, 10))
	}
	return qjs.Int64(n)
}

func (s *state) column(p uintptr, i int32, flags int) qjs.Value {
	c := s.c
	switch sq.Xsqlite3_column_type(s.tls, p, i) {
	case sq.SQLITE_INTEGER:
		return s.intValue(int64(sq.Xsqlite3_column_int64(s.tls, p, i)), flags&flagReadBigInts != 0)
	case sq.SQLITE_FLOAT:
		return qjs.Float64(sq.Xsqlite3_column_double(s.tls, p, i))
	case sq.SQLITE_TEXT:
		t := sq.Xsqlite3_column_text(s.tls, p, i)
		n := sq.Xsqlite3_column_bytes(s.tls, p, i)
		return c.String(string(gobytes(t, n)))
	case sq.SQLITE_BLOB:
		b := sq.Xsqlite3_column_blob(s.tls, p, i)
		n := sq.Xsqlite3_column_bytes(s.tls, p, i)
		return c.Uint8Array(gobytes(b, n))
	}
	return qjs.Null
}

// sqlValue converts an sqlite3_value (a function argument) to JS.
func (s *state) sqlValue(v uintptr, big bool) qjs.Value {
	c := s.c
	switch sq.Xsqlite3_value_type(s.tls, v) {
	case sq.SQLITE_INTEGER:
		return s.intValue(int64(sq.Xsqlite3_value_int64(s.tls, v)), big)
	case sq.SQLITE_FLOAT:
		return qjs.Float64(sq.Xsqlite3_value_double(s.tls, v))
	case sq.SQLITE_TEXT:
		t := sq.Xsqlite3_value_text(s.tls, v)
		n := sq.Xsqlite3_value_bytes(s.tls, v)
		return c.String(string(gobytes(t, n)))
	case sq.SQLITE_BLOB:
		b := sq.Xsqlite3_value_blob(s.tls, v)
		n := sq.Xsqlite3_value_bytes(s.tls, v)
		return c.Uint8Array(gobytes(b, n))
	}
	return qjs.Null
}
