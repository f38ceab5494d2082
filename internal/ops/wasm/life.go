package wasm

import (
	"github.com/tetratelabs/wazero/api"

	"github.com/gonode/gonode/internal/qjs"
)

// Lifetimes. wazero keeps every module instance until it is closed, and
// each memory reserves address space, so instances are closed once JS can
// no longer reach them. A modRef counts who needs a module: the extern
// handles JS holds (exported functions keep theirs alive through a
// WeakMap in lib/internal/wasm.js), and the modules that import from it.
//
// Memories need care: wazero frees a memory's backing store when the
// first module that has it (its definer, or any importer) is closed, and
// afterwards grows it by moving it. So the modules sharing one memory
// form a group that closes together, once all of them are unreachable.

// modRef is one module instance and what keeps it.
type modRef struct {
	mod    api.Module
	refs   int
	deps   []*modRef
	group  *memGroup
	closed bool
	// values are JS functions a host module calls (owned).
	values []qjs.Value
	// globals are this module's entries in state.globals.
	globals []api.Global
}

// memGroup is the modules that share one memory.
type memGroup struct {
	rec     *memRec
	live    int
	members []*modRef
}

// newRef wraps mod with one reference (the caller's), taking one
// reference on each of deps.
func (s *state) newRef(mod api.Module, deps []*modRef) *modRef {
	r := &modRef{mod: mod, refs: 1, deps: deps}
	for _, d := range deps {
		d.refs++
	}
	if mem := mod.Memory(); mem != nil {
		if rec := s.mems[mem]; rec != nil {
			if rec.group == nil {
				rec.group = &memGroup{rec: rec}
			}
			r.group = rec.group
			r.group.live++
			r.group.members = append(r.group.members, r)
		}
	}
	return r
}

func (s *state) retain(r *modRef) *modRef {
	if r != nil {
		r.refs++
	}
	return r
}

// release drops a reference. A module nothing references can no longer
// run: it lets go of what it imports from at once, and closes (with its
// memory group, when it has a memory: once the whole group is
// unreferenced).
func (s *state) release(r *modRef) {
	if r == nil || r.closed {
		return
	}
	r.refs--
	if r.refs > 0 {
		return
	}
	deps := r.deps
	r.deps = nil
	if g := r.group; g == nil {
		s.closeRef(r)
	} else if g.live--; g.live == 0 {
		delete(s.mems, g.rec.mem)
		delete(s.liveBufs, g.rec)
		for _, m := range g.members {
			s.closeRef(m)
		}
	}
	for _, d := range deps {
		s.release(d)
	}
}

func (s *state) closeRef(r *modRef) {
	if r.closed {
		return
	}
	r.closed = true
	r.mod.Close(s.ctx)
	// Called from finalizers too: JS values are freed later, on the loop.
	s.deadValues = append(s.deadValues, r.values...)
	r.values = nil
	for _, g := range r.globals {
		delete(s.globals, g)
	}
}

// freeDead frees the JS values of closed host modules.
func (s *state) freeDead() {
	if len(s.deadValues) == 0 {
		return
	}
	vs := s.deadValues
	s.deadValues = nil
	s.c.FreeAll(vs...)
}
