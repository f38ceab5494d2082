package sqlite

import (
	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
	"modernc.org/libc"
	sq "modernc.org/sqlite/lib"
)

// session is an sqlite3_session recording changes on a connection.
type session struct {
	p  uintptr
	db int32
}

// applyCtx carries applyChangeset's callbacks to the C trampolines.
type applyCtx struct {
	s          *state
	filter     qjs.Value
	onConflict qjs.Value
}

// applyChangeset calls in progress, by id (guarded by regMu).
var (
	applies   = map[int32]*applyCtx{}
	nextApply int32
)

func (s *state) initSessions(c *qjs.Context, obj qjs.Value, dbFn func(string, int, qjs.Func)) {
	fn := func(name string, n int, f qjs.Func) { binding.Func(c, obj, name, n, f) }
	// sessionCreate(db, table | null, dbName) -> id
	fn("sessionCreate", 3, func(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
		dbID := int32(a[0].Int())
		d := s.dbs[dbID]
		pp := s.tls.Alloc(8)
		defer s.tls.Free(8)
		*(*uintptr)(ptr(pp)) = 0
		name := s.cstring(c.GoString(a[2]))
		defer libc.Xfree(s.tls, name)
		if rc := sq.Xsqlite3session_create(s.tls, d.p, name, pp); rc != sq.SQLITE_OK {
			return s.throwSQLite(d.p, rc)
		}
		p := *(*uintptr)(ptr(pp))
		var table uintptr
		if t := qjs.Arg(a, 1); t.IsString() {
			table = s.cstring(c.GoString(t))
			defer libc.Xfree(s.tls, table)
		}
		if rc := sq.Xsqlite3session_attach(s.tls, p, table); rc != sq.SQLITE_OK {
			sq.Xsqlite3session_delete(s.tls, p)
			return s.throwSQLite(d.p, rc)
		}
		id := s.id()
		s.sessions[id] = &session{p: p, db: dbID}
		return qjs.Int32(id)
	})
	// sessionChangeset(id, patchset) -> Uint8Array
	fn("sessionChangeset", 2, func(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
		ss := s.sessions[int32(a[0].Int())]
		if ss == nil {
			return binding.ThrowCode(c, "Error", "ERR_INVALID_STATE", "session is not open")
		}
		pn := s.tls.Alloc(16)
		defer s.tls.Free(16)
		*(*int32)(ptr(pn)) = 0
		*(*uintptr)(ptr(pn + 8)) = 0
		var rc int32
		if c.ToBool(a[1]) {
			rc = sq.Xsqlite3session_patchset(s.tls, ss.p, pn, pn+8)
		} else {
			rc = sq.Xsqlite3session_changeset(s.tls, ss.p, pn, pn+8)
		}
		if rc != sq.SQLITE_OK {
			return s.throwSQLite(s.dbs[ss.db].p, rc)
		}
		n := *(*int32)(ptr(pn))
		p := *(*uintptr)(ptr(pn + 8))
		r := c.Uint8Array(gobytes(p, n))
		sq.Xsqlite3_free(s.tls, p)
		return r
	})
	// sessionDelete(id, quiet): quiet ignores a session already deleted.
	fn("sessionDelete", 2, func(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
		id := int32(a[0].Int())
		if s.sessions[id] == nil {
			if c.ToBool(qjs.Arg(a, 1)) {
				return qjs.Undefined
			}
			return binding.ThrowCode(c, "Error", "ERR_INVALID_STATE", "session is not open")
		}
		s.deleteSession(id)
		return qjs.Undefined
	})
	// applyChangeset(db, bytes, filter, onConflict) -> bool
	dbFn("applyChangeset", 4, func(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
		d := s.getDB(a[0])
		b, ok := c.TypedArrayBytes(a[1])
		if !ok {
			return binding.ThrowCode(c, "TypeError", "ERR_INVALID_ARG_TYPE", "The \"changeset\" argument must be a Uint8Array.")
		}
		// The changeset lives in engine memory, which a callback could
		// free: hand SQLite a C copy.
		buf := libc.Xmalloc(s.tls, libc.Tsize_t(max(len(b), 1)))
		defer libc.Xfree(s.tls, buf)
		copy(gobytes(buf, int32(len(b))), b)
		ac := &applyCtx{s: s, filter: a[2], onConflict: a[3]}
		regMu.Lock()
		nextApply++
		id := nextApply
		applies[id] = ac
		regMu.Unlock()
		defer func() {
			regMu.Lock()
			delete(applies, id)
			regMu.Unlock()
		}()
		var xFilter uintptr
		if c.IsFunction(ac.filter) {
			xFilter = cfp(changesetFilter)
		}
		s.clearPending()
		rc := sq.Xsqlite3changeset_apply(s.tls, d.p, int32(len(b)), buf, xFilter, cfp(changesetConflict), uintptr(id))
		if s.hasPend {
			return s.throwSQLite(d.p, rc)
		}
		switch rc {
		case sq.SQLITE_OK:
			return qjs.Bool(true)
		case sq.SQLITE_ABORT:
			return qjs.Bool(false)
		}
		return s.throwSQLite(d.p, rc)
	})
}

func (s *state) deleteSession(id int32) {
	if ss := s.sessions[id]; ss != nil {
		sq.Xsqlite3session_delete(s.tls, ss.p)
		delete(s.sessions, id)
	}
}

func lookupApply(id uintptr) *applyCtx {
	regMu.Lock()
	defer regMu.Unlock()
	return applies[int32(id)]
}

func changesetFilter(tls *libc.TLS, pCtx uintptr, zTab uintptr) int32 {
	ac := lookupApply(pCtx)
	if ac == nil || ac.s.hasPend {
		return 0
	}
	c := ac.s.c
	name := c.String(libc.GoString(zTab))
	r := c.CallRaw(ac.filter, qjs.Undefined, name)
	c.Free(name)
	if r.IsException() {
		ac.s.setPending(c.TakeException())
		return 0
	}
	ok := c.ToBool(r)
	c.Free(r)
	return boolInt(ok)
}

func changesetConflict(tls *libc.TLS, pCtx uintptr, eConflict int32, pIter uintptr) int32 {
	ac := lookupApply(pCtx)
	if ac == nil || ac.s.hasPend {
		return sq.SQLITE_CHANGESET_ABORT
	}
	if !ac.s.c.IsFunction(ac.onConflict) {
		return sq.SQLITE_CHANGESET_ABORT
	}
	c := ac.s.c
	r := c.CallRaw(ac.onConflict, qjs.Undefined, qjs.Int32(eConflict))
	if r.IsException() {
		ac.s.setPending(c.TakeException())
		return sq.SQLITE_CHANGESET_ABORT
	}
	defer c.Free(r)
	if !r.IsNumber() {
		return -1
	}
	return int32(r.Int())
}
