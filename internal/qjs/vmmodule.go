package qjs

import (
	"errors"
	"unsafe"

	"modernc.org/libc"
	lib "modernc.org/libquickjs"
)

// Module records driven step by step, as node:vm's SourceTextModule and
// SyntheticModule need: compile without resolving imports, list the
// requests, link each request to a module record the caller chooses,
// instantiate (link) without evaluating, evaluate, read the status and
// the evaluation error.
//
// The engine keeps every module record in its context's list of loaded
// modules until the context is freed, so a record stays valid while its
// context lives.

// ModuleStatus is the engine's state of a module record.
type ModuleStatus int

// Module states.
const (
	ModuleUnlinked        ModuleStatus = lib.EJS_MODULE_STATUS_UNLINKED
	ModuleLinking         ModuleStatus = lib.EJS_MODULE_STATUS_LINKING
	ModuleLinked          ModuleStatus = lib.EJS_MODULE_STATUS_LINKED
	ModuleEvaluating      ModuleStatus = lib.EJS_MODULE_STATUS_EVALUATING
	ModuleEvaluatingAsync ModuleStatus = lib.EJS_MODULE_STATUS_EVALUATING_ASYNC
	ModuleEvaluated       ModuleStatus = lib.EJS_MODULE_STATUS_EVALUATED
)

// placeholderName names the module that stands for every import of a
// module compiled by CompileModuleUnlinked. It is never linked to a real
// module; evaluating it throws.
const placeholderName = "gonode:vm-unlinked-import"

// errGraphUnlinked reports a module graph with a request not yet linked.
var errGraphUnlinked = errors.New("qjs: module graph has unlinked requests")

// ModuleAt returns a borrowed Module for the record at address p (from
// Module.Ptr). The record must still live (its context must not have
// been freed).
func ModuleAt(p uintptr) Module {
	var v lib.TJSValue
	*(*uintptr)(unsafe.Pointer(&v.Fu)) = p
	v.Ftag = lib.EJS_TAG_MODULE
	return Module{Value{v}}
}

// ptrBits returns the payload of a heap value (its address).
func (v Value) ptrBits() uintptr { return *(*uintptr)(unsafe.Pointer(&v.v.Fu)) }

func moduleDef(m Module) *lib.TJSModuleDef { return (*lib.TJSModuleDef)(ptr(m.Ptr())) }

// The flags of a module record are 8-bit bitfields in one 32-bit word:
// has_tla (0), resolved (1), func_created (2) and status (3), allocated
// from the low bits on little-endian targets, from the high bits on
// big-endian ones.
var bigEndian = func() bool { x := uint16(1); return *(*byte)(unsafe.Pointer(&x)) == 0 }()

func flagShift(i uint) uint {
	if bigEndian {
		return 8 * (3 - i)
	}
	return 8 * i
}

// The flags word follows init_func; eval_has_exception (an 8-bit
// bitfield in a word of its own) follows resolving_funcs. (The transpiled
// struct names these fields by offset, which varies across targets.)
var (
	flagsOff   = unsafe.Offsetof(lib.TJSModuleDef{}.Finit_func) + unsafe.Sizeof(uintptr(0))
	evalExcOff = unsafe.Offsetof(lib.TJSModuleDef{}.Fresolving_funcs) + unsafe.Sizeof(lib.TJSModuleDef{}.Fresolving_funcs)
)

func moduleFlags(m Module) *uint32 { return (*uint32)(unsafe.Add(ptr(m.Ptr()), flagsOff)) }

// moduleFlag returns flag i of a module record.
func moduleFlag(m Module, i uint) byte { return byte(*moduleFlags(m) >> flagShift(i)) }

func setModuleResolved(m Module) {
	f := moduleFlags(m)
	sh := flagShift(1)
	*f = *f&^(0xff<<sh) | 1<<sh
}

// moduleHasException reports the eval_has_exception flag of a module.
func moduleHasException(m Module) bool {
	return *(*uint8)(unsafe.Add(ptr(m.Ptr()), evalExcOff)) != 0
}

// CompileModuleUnlinked compiles module source under name without
// resolving its imports: each request is left unlinked, to be linked with
// SetModuleRequest before InstantiateModule. The module belongs to c's
// realm.
func (c *Context) CompileModuleUnlinked(src, name string) (Module, error) {
	m, err := c.compileDeferred(src, name)
	if err != nil {
		return Module{}, err
	}
	d := moduleDef(m)
	for i := 0; i < int(d.Freq_module_entries_count); i++ {
		reqEntry(d, i).Fmodule = 0
	}
	return m, nil
}

// compileDeferred compiles a module whose every request is linked to the
// placeholder module.
func (c *Context) compileDeferred(src, name string) (Module, error) {
	r := c.rt
	if r.ModuleLoader == nil {
		// The placeholder comes through the loader hooks.
		lib.XJS_SetModuleLoaderFunc2(r.tls, r.rt, cfp(moduleNormalize), cfp(moduleLoad), cfp(moduleCheckAttrs), 0)
	}
	prev := r.deferImports
	r.deferImports = true
	v := c.evalRaw(src, name, EvalModule|EvalCompile)
	r.deferImports = prev
	if v.IsException() {
		return Module{}, c.takeException()
	}
	return Module{v}, nil
}

func reqEntry(d *lib.TJSModuleDef, i int) *lib.TJSReqModuleEntry {
	return (*lib.TJSReqModuleEntry)(unsafe.Add(ptr(d.Freq_module_entries), uintptr(i)*unsafe.Sizeof(lib.TJSReqModuleEntry{})))
}

// deferredNormalize and deferredLoad serve imports while a module is
// compiled by CompileModuleUnlinked: every import names the placeholder.
func deferredNormalize(tls *libc.TLS, cx uintptr) uintptr {
	n := len(placeholderName)
	p := lib.Xjs_malloc(tls, cx, lib.Tsize_t(n+1))
	if p == 0 {
		return 0
	}
	dst := unsafe.Slice((*byte)(ptr(p)), n+1)
	for i := 0; i < n; i++ {
		dst[i] = placeholderName[i]
	}
	dst[n] = 0
	return p
}

func deferredLoad(tls *libc.TLS, cx uintptr) uintptr {
	name, _ := libc.CString(placeholderName)
	defer libc.Xfree(tls, name)
	m := lib.XJS_NewCModule(tls, cx, name, cfp(placeholderInit))
	if m != 0 {
		setModuleResolved(ModuleAt(m))
	}
	return m
}

// int init(JSContext *ctx, JSModuleDef *m): evaluating the placeholder
// throws null.
func placeholderInit(tls *libc.TLS, cx, m uintptr) int32 {
	lib.XJS_Throw(tls, cx, Null.v)
	return -1
}

// ModuleRequest is one import request of a module, in source order (one
// per import or export-from declaration, duplicates included).
type ModuleRequest struct {
	Specifier string
	// Attributes is the import attributes object (null prototype) or
	// Undefined; owned by the caller.
	Attributes Value
}

// ModuleRequests lists m's import requests.
func (c *Context) ModuleRequests(m Module) []ModuleRequest {
	d := moduleDef(m)
	out := make([]ModuleRequest, int(d.Freq_module_entries_count))
	for i := range out {
		e := reqEntry(d, i)
		s := Value{lib.XJS_AtomToValue(c.tls, c.c, e.Fmodule_name)}
		out[i].Specifier = c.GoString(s)
		c.Free(s)
		out[i].Attributes = c.Dup(Value{e.Fattributes})
	}
	return out
}

// SetModuleRequest links request i of the unlinked module m to dep. The
// engine holds no reference for the link: dep must live as long as m.
func (c *Context) SetModuleRequest(m Module, i int, dep Module) error {
	d := moduleDef(m)
	if i < 0 || i >= int(d.Freq_module_entries_count) {
		return errors.New("qjs: module request index out of range")
	}
	if c.ModuleStatus(m) != ModuleUnlinked {
		return errors.New("qjs: module already linked")
	}
	reqEntry(d, i).Fmodule = dep.Ptr()
	return nil
}

// ModuleStatus returns m's state.
func (c *Context) ModuleStatus(m Module) ModuleStatus {
	return ModuleStatus(moduleFlag(m, 3))
}

// ModuleHasTLA reports whether m's body uses top-level await.
func (c *Context) ModuleHasTLA(m Module) bool { return moduleFlag(m, 0) != 0 }

// ModuleError returns the exception m's evaluation threw (owned), and
// whether it threw.
func (c *Context) ModuleError(m Module) (Value, bool) {
	if !moduleHasException(m) {
		return Undefined, false
	}
	return c.Dup(Value{moduleDef(m).Feval_exception}), true
}

// checkModuleGraph checks that every request reachable from m through
// unlinked modules is linked, so that the engine may walk the graph. It
// appends to evaluating the modules being evaluated that the graph
// imports.
func checkModuleGraph(m uintptr, seen map[uintptr]bool, evaluating *[]uintptr) error {
	if seen[m] {
		return nil
	}
	seen[m] = true
	switch ModuleStatus(moduleFlag(ModuleAt(m), 3)) {
	case ModuleUnlinked:
	case ModuleEvaluating:
		*evaluating = append(*evaluating, m)
		return nil
	default:
		return nil // linked already, with its imports
	}
	d := (*lib.TJSModuleDef)(ptr(m))
	for i := 0; i < int(d.Freq_module_entries_count); i++ {
		dep := reqEntry(d, i).Fmodule
		if dep == 0 {
			return errGraphUnlinked
		}
		if err := checkModuleGraph(dep, seen, evaluating); err != nil {
			return err
		}
	}
	return nil
}

// setModuleStatus sets the status flag of a module record.
func setModuleStatus(m uintptr, s ModuleStatus) {
	f := moduleFlags(ModuleAt(m))
	sh := flagShift(3)
	*f = *f&^(0xff<<sh) | uint32(s)<<sh
}

// InstantiateModule links m and the modules it imports (resolving every
// imported binding) without evaluating them. Every request in the graph
// must have been linked with SetModuleRequest. A link error (e.g. a
// missing export) is returned as the engine's SyntaxError.
func (c *Context) InstantiateModule(m Module) error {
	if c.ModuleStatus(m) != ModuleUnlinked {
		return nil
	}
	var evaluating []uintptr
	if err := checkModuleGraph(m.Ptr(), map[uintptr]bool{}, &evaluating); err != nil {
		return err
	}
	// The engine links only graphs of unlinked and linked or evaluated
	// modules. A module being evaluated has its bindings: link against it
	// as if it were linked (its evaluation is not touched).
	for _, e := range evaluating {
		setModuleStatus(e, ModuleLinked)
	}
	defer func() {
		for _, e := range evaluating {
			setModuleStatus(e, ModuleEvaluating)
		}
	}()
	// The engine links only on the way to evaluating. Evaluate a helper
	// module that imports first the placeholder, whose evaluation throws,
	// then m: the whole graph is linked, and evaluation stops before m.
	helper, err := c.compileDeferred("import 'a'; import 'b';", "gonode:vm-link")
	if err != nil {
		return err
	}
	reqEntry(moduleDef(helper), 1).Fmodule = m.Ptr()
	// The helper's rejected promise is not the program's.
	r := c.rt
	tracker := r.RejectionTracker
	r.RejectionTracker = nil
	p := Value{lib.XJS_EvalFunction(c.tls, c.c, c.Dup(helper.v).v)}
	r.RejectionTracker = tracker
	if p.IsException() {
		err = c.takeException()
	} else {
		c.Free(p)
	}
	c.dropModule(helper)
	return err
}

// dropModule removes a module record from its context's list and drops
// that reference and the caller's (m), freeing the record.
func (c *Context) dropModule(m Module) {
	c.ForgetModule(m)
	c.Free(m.v)
}

// EvaluateModule evaluates the linked module m (and the modules it
// imports) and returns the evaluation promise: already settled when the
// graph has no top-level await. Evaluating an evaluated module returns
// its settled promise again. m is borrowed.
func (c *Context) EvaluateModule(m Module) (Value, error) {
	switch c.ModuleStatus(m) {
	case ModuleUnlinked, ModuleLinking:
		return Undefined, errors.New("qjs: module is not linked")
	case ModuleEvaluating:
		return Undefined, errors.New("qjs: module is evaluating")
	}
	r := c.rt
	prev := r.RejectionTracker
	if prev == nil {
		return c.EvalFunction(c.Dup(m.v))
	}
	// The engine runs a module body as an async function whose promise it
	// inspects and drops: a throw rejects that promise with no handler.
	// Hold the rejection notices until the evaluation returns, then pass
	// on all but those of such internal promises (rejected with the
	// module's error; the evaluation promise carries it to the program).
	type notice struct {
		promise, reason Value
		handled         bool
	}
	var notices []notice
	r.RejectionTracker = func(p, reason Value, handled bool) {
		notices = append(notices, notice{c.Dup(p), c.Dup(reason), handled})
	}
	res, err := c.EvalFunction(c.Dup(m.v))
	r.RejectionTracker = prev
	merr, errored := c.ModuleError(m)
	internal := map[uintptr]bool{}
	for _, n := range notices {
		if errored && !n.handled && n.promise.ptrBits() != res.ptrBits() && c.StrictEquals(n.reason, merr) {
			internal[n.promise.ptrBits()] = true
		}
	}
	for _, n := range notices {
		if !internal[n.promise.ptrBits()] {
			prev(n.promise, n.reason, n.handled)
		}
		c.FreeAll(n.promise, n.reason)
	}
	c.Free(merr)
	return res, err
}

// NewSyntheticModule makes a module with the given export names (each
// undefined at first) whose evaluation calls steps (borrowed) with no
// arguments; a throw makes the module errored. The module is linked
// already: SetModuleExport may be called at once.
func (c *Context) NewSyntheticModule(name string, exports []string, steps Value) (Module, error) {
	cname, _ := libc.CString(name)
	p := lib.XJS_NewCModule(c.tls, c.c, cname, cfp(syntheticInit))
	libc.Xfree(c.tls, cname)
	if p == 0 {
		return Module{}, c.takeException()
	}
	setModuleResolved(ModuleAt(p))
	m := Module{c.Dup(ModuleAt(p).v)}
	for _, e := range exports {
		ce, _ := libc.CString(e)
		rc := lib.XJS_AddModuleExport(c.tls, c.c, p, ce)
		libc.Xfree(c.tls, ce)
		if rc < 0 {
			c.Free(m.v)
			return Module{}, c.takeException()
		}
	}
	lib.XJS_SetModulePrivateValue(c.tls, c.c, p, c.Dup(steps).v)
	if err := c.InstantiateModule(m); err != nil {
		c.Free(m.v)
		return Module{}, err
	}
	return m, nil
}

// int init(JSContext *ctx, JSModuleDef *m) of synthetic modules: call the
// evaluation steps kept as the module's private value.
func syntheticInit(tls *libc.TLS, cx, m uintptr) int32 {
	steps := lib.XJS_GetModulePrivateValue(tls, cx, m)
	defer lib.XFreeValue(tls, cx, steps)
	if lib.XJS_IsFunction(tls, cx, steps) == 0 {
		return 0
	}
	r := lib.XJS_Call(tls, cx, steps, Undefined.v, 0, 0)
	if r.Ftag == lib.EJS_TAG_EXCEPTION {
		return -1
	}
	lib.XFreeValue(tls, cx, r)
	return 0
}

// SetModuleExport sets the export name of the synthetic module m to v
// (borrowed). It reports false if m has no such export.
func (c *Context) SetModuleExport(m Module, name string, v Value) bool {
	d := moduleDef(m)
	if d.Finit_func == 0 || moduleFlag(m, 2) == 0 {
		return false // not a synthetic module, or not instantiated
	}
	cname, _ := libc.CString(name)
	defer libc.Xfree(c.tls, cname)
	return lib.XJS_SetModuleExport(c.tls, c.c, m.Ptr(), cname, c.Dup(v).v) == 0
}

// ImportInterceptor serves some imports before the ModuleLoader: node:vm
// uses it for the import() calls of vm scripts and modules, which their
// importModuleDynamically option handles.
type ImportInterceptor interface {
	// Claim reports whether the interceptor serves the import of
	// specifier from the script or module named base; if so it returns
	// the name under which Load will be asked for the module. The name
	// must not be one of a loaded module.
	Claim(c *Context, base, specifier string) (name string, ok bool)
	// Claimed reports whether name is one that Claim returned.
	Claimed(name string) bool
	// Load returns the module for a claimed name (owned by the caller).
	// attrs are the import attributes (borrowed).
	Load(c *Context, name string, attrs Value) (Module, error)
}

// ForgetModule removes m from its context's list of loaded modules and
// drops the list's reference: the record is freed once the other
// references to it go. m (borrowed) must not be imported by name again.
func (c *Context) ForgetModule(m Module) {
	d := moduleDef(m)
	if d.Flink.Fnext == 0 {
		return
	}
	prev, next := d.Flink.Fprev, d.Flink.Fnext
	(*lib.Tlist_head)(ptr(prev)).Fnext = next
	(*lib.Tlist_head)(ptr(next)).Fprev = prev
	d.Flink.Fprev, d.Flink.Fnext = 0, 0
	lib.XFreeValue(c.tls, c.c, m.v.v)
}
