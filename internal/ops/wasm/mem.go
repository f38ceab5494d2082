package wasm

import (
	"sync"
	"sync/atomic"
	"syscall"
	"unsafe"

	"github.com/tetratelabs/wazero/experimental"
)

// pageSize is the OS page size that mappings are rounded to.
var pageSize = syscall.Getpagesize()

// maxMemoryBytes bounds a linear memory: an ArrayBuffer's length is a
// signed 32-bit number in the engine, so one wasm page less than 2 GiB.
const maxMemoryBytes = 1<<31 - 1<<16

// linearMem is a wasm linear memory whose whole maximum size is reserved
// up front (PROT_NONE, costing address space only) and committed as it
// grows, so that its address never changes: ArrayBuffers handed to JS
// alias it without copying, and a grow only detaches them.
//
// One header page precedes the data: an external SharedArrayBuffer keeps a
// reference count just before its bytes.
type linearMem struct {
	mu        sync.Mutex
	region    []byte // the whole mapping: header page + reserved data
	data      []byte // region[pageSize:], len = reserved bytes
	committed int    // bytes of data made read-write
	size      int    // current length of the memory
	refs      int    // wazero's reference plus one per live ArrayBuffer
}

// liveMems counts the mappings of linear memories (for tests).
var liveMems atomic.Int64

// allocator makes linear memories for wazero.
var allocator = experimental.MemoryAllocatorFunc(func(capBytes, maxBytes uint64) experimental.LinearMemory {
	m, err := newLinearMem(maxBytes)
	if err != nil {
		return nil
	}
	return m
})

// sharedMems finds the linear memory of a shared memory by the address of
// its data, for a memory posted to another thread (process-wide: workers
// are goroutines of this process).
var (
	sharedMu   sync.Mutex
	sharedMems = map[uintptr]*linearMem{}
)

func registerShared(m *linearMem) {
	sharedMu.Lock()
	sharedMems[uintptr(unsafe.Pointer(unsafe.SliceData(m.data)))] = m
	sharedMu.Unlock()
}

func lookupShared(p uintptr) *linearMem {
	sharedMu.Lock()
	defer sharedMu.Unlock()
	return sharedMems[p]
}

// sharedView is another runtime's handle on a shared linear memory.
type sharedView struct{ m *linearMem }

// Reallocate implements experimental.LinearMemory.
func (v sharedView) Reallocate(size uint64) []byte { return v.m.Reallocate(size) }

// Free implements experimental.LinearMemory.
func (v sharedView) Free() { v.m.unref() }

func newLinearMem(maxBytes uint64) (*linearMem, error) {
	if maxBytes > maxMemoryBytes {
		maxBytes = maxMemoryBytes
	}
	reserve := roundUp(int(maxBytes))
	region, err := syscall.Mmap(-1, 0, pageSize+reserve, syscall.PROT_NONE, syscall.MAP_PRIVATE|syscall.MAP_ANON|syscall.MAP_NORESERVE)
	if err != nil {
		return nil, err
	}
	if err := syscall.Mprotect(region[:pageSize], syscall.PROT_READ|syscall.PROT_WRITE); err != nil {
		syscall.Munmap(region)
		return nil, err
	}
	liveMems.Add(1)
	return &linearMem{region: region, data: region[pageSize:], refs: 1}, nil
}

func roundUp(n int) int { return (n + pageSize - 1) / pageSize * pageSize }

// Reallocate implements experimental.LinearMemory: it commits the memory
// up to size bytes without moving it.
func (m *linearMem) Reallocate(size uint64) []byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	if size > uint64(len(m.data)) {
		return nil
	}
	n := int(size)
	if n > m.committed {
		end := roundUp(n)
		if err := syscall.Mprotect(m.data[m.committed:end], syscall.PROT_READ|syscall.PROT_WRITE); err != nil {
			return nil
		}
		m.committed = end
	}
	m.size = n
	return m.data[:n:n]
}

// Free implements experimental.LinearMemory: wazero is done with it. The
// mapping goes once no ArrayBuffer views it either.
func (m *linearMem) Free() { m.unref() }

func (m *linearMem) ref() {
	m.mu.Lock()
	m.refs++
	m.mu.Unlock()
}

func (m *linearMem) unref() {
	m.mu.Lock()
	m.refs--
	last := m.refs == 0
	m.mu.Unlock()
	if last {
		syscall.Munmap(m.region)
		liveMems.Add(-1)
	}
}
