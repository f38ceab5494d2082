package sqlite

import (
	"math"
	"unsafe"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
	"modernc.org/libc"
	sq "modernc.org/sqlite/lib"
)

// Function flags passed from JS.
const (
	fnDeterministic = 1
	fnDirectOnly    = 2
	fnBigIntArgs    = 4
)

func (s *state) registerUDF(d *db, u *udf) int32 {
	regMu.Lock()
	nextUDF++
	id := nextUDF
	udfs[id] = u
	regMu.Unlock()
	d.funcs = append(d.funcs, id)
	return id
}

// Elements of a function's slot.
const (
	slotFn      = 0 // scalar functions
	slotStart   = 0 // aggregates
	slotStep    = 1
	slotResult  = 2
	slotInverse = 3
)

// get returns element k of the function's slot (owned).
func (u *udf) get(k uint32) qjs.Value { return u.st.getSlot(u.slot, k) }

// putSlot stores vs (borrowed) as an array in the callbacks array and
// returns its index. Go keeps no reference of its own to JS callbacks,
// so that everything can be collected when the engine closes.
func (s *state) putSlot(vs ...qjs.Value) int32 {
	c := s.c
	arr := c.Array()
	for i, v := range vs {
		c.SetIndex(arr, uint32(i), c.Dup(v))
	}
	var i int32
	if n := len(s.freeSlots); n > 0 {
		i = s.freeSlots[n-1]
		s.freeSlots = s.freeSlots[:n-1]
	} else {
		i = s.nSlots
		s.nSlots++
	}
	c.SetIndex(s.slots, uint32(i), arr)
	return i
}

// getSlot returns element k of slot i (owned).
func (s *state) getSlot(i int32, k uint32) qjs.Value {
	arr := s.c.GetIndex(s.slots, uint32(i))
	v := s.c.GetIndex(arr, k)
	s.c.Free(arr)
	return v
}

func (s *state) dropSlot(i int32) {
	s.c.SetIndex(s.slots, uint32(i), qjs.Undefined)
	s.freeSlots = append(s.freeSlots, i)
}

func lookupUDF(ctx uintptr, tls *libc.TLS) *udf {
	id := int32(sq.Xsqlite3_user_data(tls, ctx))
	regMu.Lock()
	u := udfs[id]
	regMu.Unlock()
	return u
}

func textRep(flags int) int32 {
	r := int32(sq.SQLITE_UTF8)
	if flags&fnDeterministic != 0 {
		r |= sq.SQLITE_DETERMINISTIC
	}
	if flags&fnDirectOnly != 0 {
		r |= sq.SQLITE_DIRECTONLY
	}
	return r
}

// function(db, name, fn, nArg, flags)
func (s *state) jsCreateFunction(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
	d := s.getDB(a[0])
	name := c.GoString(a[1])
	flags := int(a[4].Int())
	u := &udf{st: s, name: name, slot: s.putSlot(a[2]), bigArgs: flags&fnBigIntArgs != 0}
	id := s.registerUDF(d, u)
	cname := s.cstring(name)
	defer libc.Xfree(s.tls, cname)
	rc := sq.Xsqlite3_create_function_v2(s.tls, d.p, cname, int32(a[3].Int()), textRep(flags), uintptr(id),
		cfp(udfCall), 0, 0, 0)
	if rc != sq.SQLITE_OK {
		return s.throwSQLite(d.p, rc)
	}
	return qjs.Undefined
}

// aggregate(db, name, start, step, result, inverse, nArg, flags)
func (s *state) jsCreateAggregate(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
	d := s.getDB(a[0])
	name := c.GoString(a[1])
	flags := int(a[7].Int())
	u := &udf{st: s, name: name, aggregate: true, slot: s.putSlot(a[2], a[3], a[4], a[5]),
		bigArgs: flags&fnBigIntArgs != 0}
	id := s.registerUDF(d, u)
	cname := s.cstring(name)
	defer libc.Xfree(s.tls, cname)
	var rc int32
	if a[5].IsUndefined() {
		rc = sq.Xsqlite3_create_window_function(s.tls, d.p, cname, int32(a[6].Int()), textRep(flags), uintptr(id),
			cfp(aggStep), cfp(aggFinal), 0, 0, 0)
	} else {
		rc = sq.Xsqlite3_create_window_function(s.tls, d.p, cname, int32(a[6].Int()), textRep(flags), uintptr(id),
			cfp(aggStep), cfp(aggFinal), cfp(aggValue), cfp(aggInverse), 0)
	}
	if rc != sq.SQLITE_OK {
		return s.throwSQLite(d.p, rc)
	}
	return qjs.Undefined
}

// args converts a function's SQLite arguments; ok is false (with the
// pending exception recorded) if one cannot be represented.
func (u *udf) args(tls *libc.TLS, argc int32, argv uintptr, lead int) ([]qjs.Value, bool) {
	s := u.st
	vs := make([]qjs.Value, lead, lead+int(argc))
	ps := unsafe.Slice((*uintptr)(ptr(argv)), argc)
	for _, p := range ps {
		v := s.sqlValue(p, u.bigArgs)
		if v.IsException() {
			s.setPending(s.c.TakeException())
			s.c.FreeAll(vs[lead:]...)
			return nil, false
		}
		vs = append(vs, v)
	}
	return vs, true
}

// call runs fn and records a thrown exception as pending.
func (u *udf) call(ctx uintptr, fn qjs.Value, args []qjs.Value) (qjs.Value, bool) {
	s := u.st
	r := s.c.CallRaw(fn, qjs.Undefined, args...)
	if r.IsException() {
		s.setPending(s.c.TakeException())
		sq.Xsqlite3_result_error(s.tls, ctx, s.cstr(""), 0)
		return qjs.Undefined, false
	}
	return r, true
}

// result hands a JS value (borrowed) to SQLite as the function's result.
func (s *state) result(ctx uintptr, v qjs.Value) {
	c := s.c
	tls := s.tls
	switch {
	case v.IsNullish():
		sq.Xsqlite3_result_null(tls, ctx)
	case v.IsNumber():
		sq.Xsqlite3_result_double(tls, ctx, v.Float())
	case v.IsString():
		str := c.GoString(v)
		sq.Xsqlite3_result_text64(tls, ctx, s.cstr(str), uint64(len(str)), sq.SQLITE_TRANSIENT, sq.SQLITE_UTF8)
	case v.IsBigInt():
		n, ok := s.bigInt(v)
		if !ok {
			s.resultError(ctx, "BigInt value is too large for SQLite")
			return
		}
		sq.Xsqlite3_result_int64(tls, ctx, n)
	default:
		if b, ok := c.TypedArrayBytes(v); ok {
			p := s.cstr("")
			if len(b) > 0 {
				p = uintptr(unsafe.Pointer(&b[0]))
			}
			sq.Xsqlite3_result_blob64(tls, ctx, p, uint64(len(b)), sq.SQLITE_TRANSIENT)
			return
		}
		if v.IsObject() {
			then := c.Get(v, "then")
			isPromise := c.IsFunction(then)
			c.Free(then)
			if isPromise {
				s.resultError(ctx, "Asynchronous user-defined functions are not supported")
				return
			}
		}
		s.resultError(ctx, "Returned JavaScript value cannot be converted to a SQLite value")
	}
}

func (s *state) resultError(ctx uintptr, msg string) {
	sq.Xsqlite3_result_error(s.tls, ctx, s.cstr(msg), int32(len(msg)))
}

func udfCall(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	u := lookupUDF(ctx, tls)
	if u == nil {
		return
	}
	args, ok := u.args(tls, argc, argv, 0)
	if !ok {
		sq.Xsqlite3_result_error(tls, ctx, u.st.cstr(""), 0)
		return
	}
	fn := u.get(slotFn)
	r, ok := u.call(ctx, fn, args)
	u.st.c.Free(fn)
	u.st.c.FreeAll(args...)
	if !ok {
		return
	}
	u.st.result(ctx, r)
	u.st.c.Free(r)
}

// accumulator returns the id of the aggregate's accumulator (in
// state.aggs), creating it from start on first use; 0 on error. SQLite's
// aggregate context holds the id and a "used as a window" flag.
func (u *udf) accumulator(ctx uintptr) int32 {
	p := sq.Xsqlite3_aggregate_context(u.st.tls, ctx, 8)
	if p == 0 {
		return 0
	}
	slot := (*int32)(ptr(p))
	if *slot == 0 {
		*slot = u.newAcc(ctx)
	}
	return *slot
}

// newAcc makes an accumulator from start (called if a function).
func (u *udf) newAcc(ctx uintptr) int32 {
	s := u.st
	var v qjs.Value
	start := u.get(slotStart)
	if s.c.IsFunction(start) {
		r, ok := u.call(ctx, start, nil)
		s.c.Free(start)
		if !ok {
			return 0
		}
		v = r
	} else {
		v = start
	}
	id := s.id()
	s.aggs[id] = v
	return id
}

func aggStep(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	aggUpdate(tls, ctx, argc, argv, false)
}

func aggInverse(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	aggUpdate(tls, ctx, argc, argv, true)
}

func aggUpdate(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr, inverse bool) {
	u := lookupUDF(ctx, tls)
	if u == nil {
		return
	}
	s := u.st
	if s.hasPend {
		return
	}
	id := u.accumulator(ctx)
	if id == 0 {
		return
	}
	args, ok := u.args(tls, argc, argv, 1)
	if !ok {
		sq.Xsqlite3_result_error(tls, ctx, s.cstr(""), 0)
		return
	}
	args[0] = s.aggs[id]
	k := uint32(slotStep)
	if inverse {
		k = slotInverse
	}
	fn := u.get(k)
	r, ok := u.call(ctx, fn, args)
	s.c.Free(fn)
	s.c.FreeAll(args[1:]...)
	if !ok {
		return
	}
	s.c.Free(s.aggs[id])
	s.aggs[id] = r
}

func aggValue(tls *libc.TLS, ctx uintptr) { aggFinish(tls, ctx, false) }

func aggFinal(tls *libc.TLS, ctx uintptr) { aggFinish(tls, ctx, true) }

func aggFinish(tls *libc.TLS, ctx uintptr, final bool) {
	u := lookupUDF(ctx, tls)
	if u == nil {
		return
	}
	s := u.st
	var id int32
	p := sq.Xsqlite3_aggregate_context(tls, ctx, 0)
	if p != 0 {
		id = *(*int32)(ptr(p))
	}
	if s.hasPend {
		if id != 0 && final {
			s.c.Free(s.aggs[id])
			delete(s.aggs, id)
		}
		sq.Xsqlite3_result_error(tls, ctx, s.cstr(""), 0)
		return
	}
	fresh := false
	if id == 0 {
		id = u.newAcc(ctx)
		if id == 0 {
			return
		}
		fresh = true
	}
	acc := s.aggs[id]
	if p != 0 {
		// A window function's final call only cleans up: xValue already
		// produced each row's result.
		windowed := (*int32)(ptr(p + 4))
		if !final {
			*windowed = 1
		} else if *windowed != 0 {
			s.c.Free(acc)
			delete(s.aggs, id)
			sq.Xsqlite3_result_null(tls, ctx)
			return
		}
	}
	if final || fresh {
		defer func() {
			s.c.Free(s.aggs[id])
			delete(s.aggs, id)
		}()
	}
	if result := u.get(slotResult); s.c.IsFunction(result) {
		r, ok := u.call(ctx, result, []qjs.Value{acc})
		s.c.Free(result)
		if !ok {
			return
		}
		s.result(ctx, r)
		s.c.Free(r)
		return
	}
	s.result(ctx, acc)
}

// setAuthorizer(db, fn | null)
func (s *state) jsSetAuthorizer(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
	d := s.getDB(a[0])
	if d.hasAu {
		s.dropSlot(d.authSlot)
		d.hasAu = false
	}
	regMu.Lock()
	delete(auths, d.authID)
	regMu.Unlock()
	fn := qjs.Arg(a, 1)
	if fn.IsNull() || fn.IsUndefined() {
		sq.Xsqlite3_set_authorizer(s.tls, d.p, 0, 0)
		return qjs.Undefined
	}
	d.authSlot, d.hasAu = s.putSlot(fn), true
	regMu.Lock()
	nextUDF++
	id := nextUDF
	auths[id] = d
	regMu.Unlock()
	d.authID = id
	sq.Xsqlite3_set_authorizer(s.tls, d.p, cfp(authorize), uintptr(id))
	return qjs.Undefined
}

func authorize(tls *libc.TLS, pArg uintptr, action int32, a1, a2, a3, a4 uintptr) int32 {
	regMu.Lock()
	d := auths[int32(pArg)]
	regMu.Unlock()
	if d == nil || !d.hasAu {
		return sq.SQLITE_OK
	}
	s := d.st
	c := s.c
	str := func(p uintptr) qjs.Value {
		if p == 0 {
			return qjs.Null
		}
		return c.String(libc.GoString(p))
	}
	args := []qjs.Value{qjs.Int32(action), str(a1), str(a2), str(a3), str(a4)}
	fn := s.getSlot(d.authSlot, 0)
	r := c.CallRaw(fn, qjs.Undefined, args...)
	c.Free(fn)
	c.FreeAll(args...)
	if r.IsException() {
		s.setPending(c.TakeException())
		return sq.SQLITE_DENY
	}
	defer c.Free(r)
	if !r.IsNumber() || r.Float() != math.Trunc(r.Float()) {
		e := c.MakeError("TypeError", "Authorizer callback must return an integer authorization code")
		s.setPending(e)
		return sq.SQLITE_DENY
	}
	code := r.Int()
	if code != sq.SQLITE_OK && code != sq.SQLITE_DENY && code != sq.SQLITE_IGNORE {
		e := c.MakeError("RangeError", "Authorizer callback returned a invalid authorization code")
		s.setPending(e)
		return sq.SQLITE_DENY
	}
	return int32(code)
}

// backupInit(srcDb, path, sourceName, targetName) -> id. It opens the
// destination file and starts an sqlite3_backup.
func (s *state) jsBackupInit(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
	src := s.getDB(a[0])
	pp := s.tls.Alloc(8)
	defer s.tls.Free(8)
	*(*uintptr)(ptr(pp)) = 0
	path := s.cstring(c.GoString(a[1]))
	defer libc.Xfree(s.tls, path)
	rc := sq.Xsqlite3_open_v2(s.tls, path, pp, sq.SQLITE_OPEN_READWRITE|sq.SQLITE_OPEN_CREATE|sq.SQLITE_OPEN_URI, 0)
	dst := *(*uintptr)(ptr(pp))
	if rc != sq.SQLITE_OK {
		r := s.throwSQLite(dst, rc)
		sq.Xsqlite3_close_v2(s.tls, dst)
		return r
	}
	srcName := s.cstring(c.GoString(a[2]))
	defer libc.Xfree(s.tls, srcName)
	dstName := s.cstring(c.GoString(a[3]))
	defer libc.Xfree(s.tls, dstName)
	b := sq.Xsqlite3_backup_init(s.tls, dst, dstName, src.p, srcName)
	if b == 0 {
		r := s.throwSQLite(dst, sq.Xsqlite3_errcode(s.tls, dst))
		sq.Xsqlite3_close_v2(s.tls, dst)
		return r
	}
	id := s.id()
	s.backups[id] = b
	s.bdst[id] = dst
	return qjs.Int32(id)
}

// backupStep(id, pages, callback) copies up to pages pages on another
// goroutine (with its own TLS: SQLite serializes access to the source
// connection) and then calls callback(err, done, remaining, total) on the
// loop. On completion or error the backup is finished and the destination
// closed.
func (s *state) jsBackupStep(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
	id := int32(a[0].Int())
	b, dst := s.backups[id], s.bdst[id]
	pages := int32(a[1].Int())
	cb := c.Dup(a[2])
	complete := s.env.Loop.Pending()
	go func() {
		tls := libc.NewTLS()
		rc := sq.Xsqlite3_backup_step(tls, b, pages)
		rem := sq.Xsqlite3_backup_remaining(tls, b)
		total := sq.Xsqlite3_backup_pagecount(tls, b)
		var code int32
		var msg string
		failed := rc != sq.SQLITE_OK && rc != sq.SQLITE_BUSY && rc != sq.SQLITE_LOCKED && rc != sq.SQLITE_DONE
		if failed {
			code = sq.Xsqlite3_extended_errcode(tls, dst)
			msg = gostr(sq.Xsqlite3_errmsg(tls, dst))
			if code == sq.SQLITE_OK {
				code = rc
			}
		}
		tls.Close()
		complete(func() {
			defer c.Free(cb)
			if failed || rc == sq.SQLITE_DONE {
				sq.Xsqlite3_backup_finish(s.tls, b)
				sq.Xsqlite3_close_v2(s.tls, dst)
				delete(s.backups, id)
				delete(s.bdst, id)
			}
			if failed {
				errstr := gostr(sq.Xsqlite3_errstr(s.tls, code))
				if msg == "" {
					msg = errstr
				}
				s.throwCode(msg, code, errstr)
				s.env.Call(cb, c.TakeException())
				return
			}
			s.env.Call(cb, qjs.Null, qjs.Bool(rc == sq.SQLITE_DONE), qjs.Int32(rem), qjs.Int32(total))
		})
	}()
	return qjs.Undefined
}

// serialize(db, name) -> Uint8Array
func (s *state) jsSerialize(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
	d := s.getDB(a[0])
	name := s.cstring(c.GoString(a[1]))
	defer libc.Xfree(s.tls, name)
	psz := s.tls.Alloc(8)
	defer s.tls.Free(8)
	p := sq.Xsqlite3_serialize(s.tls, d.p, name, psz, 0)
	if p == 0 {
		if n := *(*int64)(ptr(psz)); n == 0 {
			return c.Uint8Array(nil)
		}
		return s.throwSQLite(d.p, sq.Xsqlite3_errcode(s.tls, d.p))
	}
	n := *(*int64)(ptr(psz))
	r := c.Uint8Array(unsafe.Slice((*byte)(ptr(p)), n))
	sq.Xsqlite3_free(s.tls, p)
	return r
}

// deserialize(db, bytes, name)
func (s *state) jsDeserialize(c *qjs.Context, this qjs.Value, a []qjs.Value) qjs.Value {
	d := s.getDB(a[0])
	b, ok := c.TypedArrayBytes(a[1])
	if !ok {
		return binding.ThrowCode(c, "TypeError", "ERR_INVALID_ARG_TYPE", "The \"buffer\" argument must be a Uint8Array.")
	}
	name := s.cstring(c.GoString(a[2]))
	defer libc.Xfree(s.tls, name)
	p := sq.Xsqlite3_malloc64(s.tls, uint64(max(len(b), 1)))
	copy(unsafe.Slice((*byte)(ptr(p)), len(b)), b)
	rc := sq.Xsqlite3_deserialize(s.tls, d.p, name, p, int64(len(b)), int64(len(b)),
		sq.SQLITE_DESERIALIZE_FREEONCLOSE|sq.SQLITE_DESERIALIZE_RESIZEABLE)
	if rc != sq.SQLITE_OK {
		return s.throwSQLite(d.p, rc)
	}
	return qjs.Undefined
}
