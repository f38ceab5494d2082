// Package lib embeds gonode's JavaScript library: the node:* modules
// (lib/<name>.js) and their private helpers (lib/internal/...).
//
// Each module is wrapped in a function taking (exports, require, module,
// process, internalBinding) and compiled lazily on first require. The
// wrappers are precompiled to QuickJS bytecode by `go generate ./lib`
// (bytecode.bin); a module whose source changed since is compiled from
// source instead, so a stale bytecode file is never wrong, only slower.
package lib

//go:generate go run ../internal/cmd/genlib

import (
	"embed"
	"encoding/binary"
	"hash/crc32"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/gonode/gonode/internal/qjs"
)

//go:embed *.js */*.js internal
var sources embed.FS

//go:embed bytecode.bin
var bytecode []byte

// WrapperHead and WrapperTail surround every library module's source.
const (
	WrapperHead = "(function (exports, require, module, process, internalBinding) {"
	WrapperTail = "\n})"
)

// Source returns the source of a library module by id ("events",
// "internal/errors").
func Source(id string) (string, bool) {
	b, err := sources.ReadFile(id + ".js")
	if err != nil {
		return "", false
	}
	return string(b), true
}

// IDs lists every library module id.
func IDs() []string {
	var out []string
	fs.WalkDir(sources, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".js") {
			out = append(out, strings.TrimSuffix(p, ".js"))
		}
		return nil
	})
	sort.Strings(out)
	return out
}

// Hash fingerprints a module source, to tell whether bytecode is current:
// its length and CRC-32C (hardware-accelerated, so checking every module
// loaded at start-up costs microseconds).
func Hash(src string) uint64 {
	return uint64(len(src))<<32 | uint64(crc32.Update(0, castagnoli, []byte(src)))
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// CompileOptions are the engine options under which bytecode.bin is
// compiled (by internal/cmd/genlib) and checked (by the tests).
var CompileOptions = qjs.Options{StripSource: true}

type entry struct {
	hash uint64
	code []byte
}

var (
	indexOnce sync.Once
	index     map[string]entry
)

// bytecode.bin format: repeated [u16 id length][id][u64 hash][u32 code length][code].
func loadIndex() {
	index = map[string]entry{}
	b := bytecode
	for len(b) >= 2 {
		n := int(binary.LittleEndian.Uint16(b))
		b = b[2:]
		if len(b) < n+12 {
			return
		}
		id := string(b[:n])
		b = b[n:]
		h := binary.LittleEndian.Uint64(b)
		cl := int(binary.LittleEndian.Uint32(b[8:]))
		b = b[12:]
		if len(b) < cl {
			return
		}
		index[id] = entry{h, b[:cl]}
		b = b[cl:]
	}
}

// Encode serialises compiled modules in bytecode.bin's format.
func Encode(ids []string, hashes []uint64, codes [][]byte) []byte {
	var out []byte
	for i, id := range ids {
		out = binary.LittleEndian.AppendUint16(out, uint16(len(id)))
		out = append(out, id...)
		out = binary.LittleEndian.AppendUint64(out, hashes[i])
		out = binary.LittleEndian.AppendUint32(out, uint32(len(codes[i])))
		out = append(out, codes[i]...)
	}
	return out
}

// FileName is the name a library module has in stack traces.
func FileName(id string) string { return "node:" + id }

// Compile returns the wrapper function of module id, from bytecode when it
// is current, else from source.
func Compile(c *qjs.Context, id string) (qjs.Value, error) {
	src, ok := Source(id)
	if !ok {
		return qjs.Undefined, &NotFoundError{id}
	}
	indexOnce.Do(loadIndex)
	if e, ok := index[id]; ok && e.hash == Hash(src) {
		if fn, err := c.LoadBytecode(e.code); err == nil {
			return c.EvalFunction(fn)
		} else if je, ok := err.(*qjs.Error); ok {
			je.Free()
		}
	}
	return c.Eval(WrapperHead+src+WrapperTail, FileName(id), qjs.EvalGlobal)
}

// NotFoundError reports a library module that does not exist.
type NotFoundError struct{ ID string }

func (e *NotFoundError) Error() string { return "no such built-in module: " + e.ID }
