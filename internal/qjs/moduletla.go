package qjs

import (
	"unsafe"

	lib "modernc.org/libquickjs"
)

// GraphHasTLA reports whether module m, or any module it imports directly
// or indirectly, uses top-level await. require() of such a graph fails in
// node even after import() has finished evaluating it, so the answer must
// come from the modules themselves, not from how evaluation went. m must
// be resolved (its imports linked).
func (m Module) GraphHasTLA() bool {
	seen := map[uintptr]bool{}
	var walk func(p uintptr) bool
	walk = func(p uintptr) bool {
		if p == 0 || seen[p] {
			return false
		}
		seen[p] = true
		d := (*lib.TJSModuleDef)(ptr(p))
		// has_tla is the first byte of the bit-field word that follows
		// init_func in JSModuleDef.
		flags := *(*uint32)(unsafe.Add(ptr(p), unsafe.Offsetof(d.Finit_func)+unsafe.Sizeof(d.Finit_func)))
		if flags&0xff != 0 {
			return true
		}
		size := unsafe.Sizeof(lib.TJSReqModuleEntry{})
		for i := 0; i < int(d.Freq_module_entries_count); i++ {
			e := (*lib.TJSReqModuleEntry)(unsafe.Add(ptr(d.Freq_module_entries), uintptr(i)*size))
			if walk(e.Fmodule) {
				return true
			}
		}
		return false
	}
	return walk(m.Ptr())
}

// IsModuleEvalPromise reports whether v is the promise the engine keeps
// for the evaluation of one of the context's loaded modules. The engine
// rejects it when the module throws, whether or not anything awaits it
// (an import() that fails gets its own promise), so the host uses this to
// tell such internal rejections from a program's.
func (c *Context) IsModuleEvalPromise(v Value) bool {
	p := v.Ptr()
	if p == 0 {
		return false
	}
	ctx := (*lib.TJSContext)(ptr(c.c))
	head := c.c + unsafe.Offsetof(ctx.Floaded_modules)
	link := unsafe.Offsetof(lib.TJSModuleDef{}.Flink)
	for el := ctx.Floaded_modules.Fnext; el != head && el != 0; el = (*lib.Tlist_head)(ptr(el)).Fnext {
		d := (*lib.TJSModuleDef)(ptr(el - link))
		if d.Fpromise.Ftag == int64(lib.EJS_TAG_OBJECT) && *(*uintptr)(unsafe.Pointer(&d.Fpromise.Fu)) == p {
			return true
		}
	}
	return false
}

// Ptr returns the address of the object v refers to, or 0 if v is not an
// object, usable to compare identities.
func (v Value) Ptr() uintptr {
	if v.v.Ftag != int64(lib.EJS_TAG_OBJECT) {
		return 0
	}
	return *(*uintptr)(unsafe.Pointer(&v.v.Fu))
}
