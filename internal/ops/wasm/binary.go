package wasm

import (
	"errors"
	"math"
)

// Extern kinds, as the binary format numbers them.
const (
	kindFunc   = 0
	kindTable  = 1
	kindMemory = 2
	kindGlobal = 3
	kindTag    = 4
)

// kindNames are the kinds as WebAssembly.Module.imports/exports name them.
var kindNames = [...]string{"function", "table", "memory", "global", "tag"}

// Value types.
const (
	valI32       = 0x7f
	valI64       = 0x7e
	valF32       = 0x7d
	valF64       = 0x7c
	valV128      = 0x7b
	valFuncref   = 0x70
	valExternref = 0x6f
)

// limits are the bounds of a table or memory (in elements or pages).
type limits struct {
	min    uint32
	max    uint32
	hasMax bool
	shared bool
}

// funcType is a function signature.
type funcType struct {
	params, results []byte
}

// importDesc is one import of a module, with its type.
type importDesc struct {
	module, name string
	kind         byte
	fn           funcType // kindFunc
	tableType    byte     // kindTable: reference type
	lim          limits   // kindTable, kindMemory
	valType      byte     // kindGlobal
	mutable      bool     // kindGlobal
	mutPos       int      // kindGlobal: offset of the mutability byte in the module
	tagType      uint32   // kindTag: type index
}

// exportDesc is one export of a module.
type exportDesc struct {
	name  string
	kind  byte
	index uint32
}

// customSection is a custom section's name and contents.
type customSection struct {
	name string
	data []byte
}

// moduleInfo is what the JS API reports about a module, read from its
// binary (which wazero has already validated).
type moduleInfo struct {
	imports []importDesc
	exports []exportDesc
	customs []customSection
	// memShared tells whether the module defines a shared memory.
	memShared bool
	// globalImports[k] is the index in imports of the k-th global import.
	globalImports []int
}

var errMalformed = errors.New("malformed module")

type reader struct {
	b   []byte
	pos int
	err error
}

func (r *reader) byte() byte {
	if r.pos >= len(r.b) {
		r.err = errMalformed
		return 0
	}
	c := r.b[r.pos]
	r.pos++
	return c
}

func (r *reader) u32() uint32 {
	var v uint32
	for shift := 0; shift < 35; shift += 7 {
		c := r.byte()
		v |= uint32(c&0x7f) << shift
		if c&0x80 == 0 {
			return v
		}
	}
	r.err = errMalformed
	return 0
}

func (r *reader) bytes(n uint32) []byte {
	if r.err != nil || uint64(r.pos)+uint64(n) > uint64(len(r.b)) {
		r.err = errMalformed
		return nil
	}
	s := r.b[r.pos : r.pos+int(n)]
	r.pos += int(n)
	return s
}

func (r *reader) name() string { return string(r.bytes(r.u32())) }

func (r *reader) limits() limits {
	flags := r.byte()
	l := limits{min: r.u32()}
	if flags&1 != 0 {
		l.max, l.hasMax = r.u32(), true
	}
	l.shared = flags&2 != 0
	return l
}

// parseModule reads the imports, exports and custom sections of a module.
func parseModule(b []byte) (*moduleInfo, error) {
	r := &reader{b: b}
	if len(b) < 8 {
		return nil, errMalformed
	}
	r.pos = 8
	info := &moduleInfo{}
	var types []funcType
	for r.pos < len(b) && r.err == nil {
		id := r.byte()
		size := r.u32()
		body := r.bytes(size)
		if r.err != nil {
			break
		}
		base := r.pos - len(body)
		s := &reader{b: body}
		switch id {
		case 0:
			name := s.name()
			if s.err == nil {
				info.customs = append(info.customs, customSection{name, body[s.pos:]})
			}
		case 1:
			n := s.u32()
			for i := uint32(0); i < n && s.err == nil; i++ {
				var ft funcType
				if s.byte() != 0x60 {
					// A type form this reader does not know (GC proposal):
					// imports naming it are reported without a signature.
					types = append(types, ft)
					continue
				}
				ft.params = s.bytes(s.u32())
				ft.results = s.bytes(s.u32())
				types = append(types, ft)
			}
		case 2:
			n := s.u32()
			for i := uint32(0); i < n && s.err == nil; i++ {
				d := importDesc{module: s.name(), name: s.name(), kind: s.byte()}
				switch d.kind {
				case kindFunc:
					if t := s.u32(); int(t) < len(types) {
						d.fn = types[t]
					}
				case kindTable:
					d.tableType = s.byte()
					d.lim = s.limits()
				case kindMemory:
					d.lim = s.limits()
				case kindGlobal:
					d.valType = s.byte()
					d.mutPos = base + s.pos
					d.mutable = s.byte() == 1
				case kindTag:
					s.byte()
					d.tagType = s.u32()
				default:
					s.err = errMalformed
				}
				info.imports = append(info.imports, d)
			}
		case 5:
			if s.u32() > 0 {
				info.memShared = s.limits().shared
			}
		case 7:
			n := s.u32()
			for i := uint32(0); i < n && s.err == nil; i++ {
				info.exports = append(info.exports, exportDesc{name: s.name(), kind: s.byte(), index: s.u32()})
			}
		}
		if s.err != nil {
			return nil, s.err
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	for i, d := range info.imports {
		if d.kind == kindGlobal {
			info.globalImports = append(info.globalImports, i)
		}
	}
	return info, nil
}

// writer builds a module binary.
type writer struct{ b []byte }

func (w *writer) u32(v uint32) {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if v != 0 {
			w.b = append(w.b, c|0x80)
			continue
		}
		w.b = append(w.b, c)
		return
	}
}

func (w *writer) s64(v int64) {
	for {
		c := byte(v & 0x7f)
		v >>= 7
		if (v == 0 && c&0x40 == 0) || (v == -1 && c&0x40 != 0) {
			w.b = append(w.b, c)
			return
		}
		w.b = append(w.b, c|0x80)
	}
}

func (w *writer) name(s string) {
	w.u32(uint32(len(s)))
	w.b = append(w.b, s...)
}

func (w *writer) limits(l limits) {
	var flags byte
	if l.hasMax {
		flags |= 1
	}
	if l.shared {
		flags |= 2
	}
	w.b = append(w.b, flags)
	w.u32(l.min)
	if l.hasMax {
		w.u32(l.max)
	}
}

// section appends a section with the body that f writes.
func (w *writer) section(id byte, f func(s *writer)) {
	var s writer
	f(&s)
	w.b = append(w.b, id)
	w.u32(uint32(len(s.b)))
	w.b = append(w.b, s.b...)
}

func newModuleWriter() *writer {
	return &writer{b: []byte{0, 'a', 's', 'm', 1, 0, 0, 0}}
}

// memoryModule is a module that defines and exports (as "m") a memory.
func memoryModule(l limits) []byte {
	w := newModuleWriter()
	w.section(5, func(s *writer) { s.u32(1); s.limits(l) })
	w.section(7, func(s *writer) { s.u32(1); s.name("m"); s.b = append(s.b, kindMemory); s.u32(0) })
	return w.b
}

// tableModule is a module that defines and exports (as "t") a table.
func tableModule(refType byte, l limits) []byte {
	w := newModuleWriter()
	w.section(4, func(s *writer) { s.u32(1); s.b = append(s.b, refType); s.limits(l) })
	w.section(7, func(s *writer) { s.u32(1); s.name("t"); s.b = append(s.b, kindTable); s.u32(0) })
	return w.b
}

// globalModule is a module that defines and exports (as "g") a global
// whose initial value has the bits v.
func globalModule(valType byte, mutable bool, v uint64) []byte {
	w := newModuleWriter()
	w.section(6, func(s *writer) {
		s.u32(1)
		mut := byte(0)
		if mutable {
			mut = 1
		}
		s.b = append(s.b, valType, mut)
		switch valType {
		case valI32:
			s.b = append(s.b, 0x41)
			s.s64(int64(int32(uint32(v))))
		case valI64:
			s.b = append(s.b, 0x42)
			s.s64(int64(v))
		case valF32:
			s.b = append(s.b, 0x43)
			f := uint32(v)
			s.b = append(s.b, byte(f), byte(f>>8), byte(f>>16), byte(f>>24))
		case valF64:
			s.b = append(s.b, 0x44)
			for i := 0; i < 8; i++ {
				s.b = append(s.b, byte(v>>(8*i)))
			}
		default: // reference types: null
			s.b = append(s.b, 0xd0, valType)
		}
		s.b = append(s.b, 0x0b)
	})
	w.section(7, func(s *writer) { s.u32(1); s.name("g"); s.b = append(s.b, kindGlobal); s.u32(0) })
	return w.b
}

// shimEntry is one import of a user module satisfied by the export name
// of the module registered under source.
type shimEntry struct {
	imp    *importDesc
	source string
	name   string
}

// shimModule is a module that imports each entry from its source and
// re-exports it under the name the user module imports it by, so that
// one import module name can gather functions, memories, globals and
// tables from different places.
func shimModule(entries []shimEntry) []byte {
	w := newModuleWriter()
	var nfunc int
	for _, e := range entries {
		if e.imp.kind == kindFunc {
			nfunc++
		}
	}
	if nfunc > 0 {
		w.section(1, func(s *writer) {
			s.u32(uint32(nfunc))
			for _, e := range entries {
				if e.imp.kind != kindFunc {
					continue
				}
				s.b = append(s.b, 0x60)
				s.u32(uint32(len(e.imp.fn.params)))
				s.b = append(s.b, e.imp.fn.params...)
				s.u32(uint32(len(e.imp.fn.results)))
				s.b = append(s.b, e.imp.fn.results...)
			}
		})
	}
	var counts [5]uint32
	index := make([]uint32, len(entries))
	w.section(2, func(s *writer) {
		s.u32(uint32(len(entries)))
		for i, e := range entries {
			d := e.imp
			s.name(e.source)
			s.name(e.name)
			s.b = append(s.b, d.kind)
			switch d.kind {
			case kindFunc:
				s.u32(counts[kindFunc])
			case kindTable:
				s.b = append(s.b, d.tableType)
				s.limits(d.lim)
			case kindMemory:
				s.limits(d.lim)
			case kindGlobal:
				mut := byte(0)
				if d.mutable {
					mut = 1
				}
				s.b = append(s.b, d.valType, mut)
			}
			index[i] = counts[d.kind]
			counts[d.kind]++
		}
	})
	w.section(7, func(s *writer) {
		s.u32(uint32(len(entries)))
		for i, e := range entries {
			s.name(e.imp.name)
			s.b = append(s.b, e.imp.kind)
			s.u32(index[i])
		}
	})
	return w.b
}

// f32bits and f64bits convert a JS number to a wasm float's bits.
func f32bits(f float64) uint64 { return uint64(math.Float32bits(float32(f))) }
func f64bits(f float64) uint64 { return math.Float64bits(f) }

// isRef reports whether t is a reference type.
func isRef(t byte) bool { return t == valExternref || t == valFuncref }

// mutableRefImports returns a copy of module b in which every immutable
// global import of a reference type is declared mutable, and the indexes
// of those imports; nil if there are none. Wasm cannot set such a global
// either way, but only a mutable global can be given a non-null value
// from outside (a constant expression cannot make one).
func mutableRefImports(b []byte, info *moduleInfo) ([]byte, []int) {
	var idx []int
	for i, d := range info.imports {
		if d.kind == kindGlobal && !d.mutable && isRef(d.valType) {
			idx = append(idx, i)
		}
	}
	if idx == nil {
		return nil, nil
	}
	out := append([]byte(nil), b...)
	for _, i := range idx {
		out[info.imports[i].mutPos] = 1
	}
	return out, idx
}
