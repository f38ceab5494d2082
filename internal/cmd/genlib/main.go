// Command genlib precompiles the JS library to QuickJS bytecode
// (lib/bytecode.bin). Run it with `go generate ./lib` after changing any
// lib/*.js file; lib's TestBytecodeCurrent fails while the file is stale.
//
// Every module is compiled in its function wrapper (lib.WrapperHead and
// lib.WrapperTail) with source text stripped (Function.prototype.toString
// of library functions does not show their source; line numbers stay, for
// stack traces) and stored with the hash of its source, so that the loader
// falls back to compiling from source when the two disagree.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/gonode/gonode/internal/qjs"
	"github.com/gonode/gonode/lib"
)

func main() {
	out := flag.String("o", "bytecode.bin", "output file")
	flag.Parse()
	code, n, err := generate()
	if err != nil {
		fmt.Fprintln(os.Stderr, "genlib:", err)
		os.Exit(1)
	}
	if old, err := os.ReadFile(*out); err == nil && bytes.Equal(old, code) {
		return // unchanged: keep the file's time stamp
	}
	if err := os.WriteFile(*out, code, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "genlib:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "genlib: %d modules, %d bytes\n", n, len(code))
}

func generate() ([]byte, int, error) {
	rt, err := qjs.NewRuntime(lib.CompileOptions)
	if err != nil {
		return nil, 0, err
	}
	defer rt.Close()
	c := rt.Context()
	var ids []string
	var hashes []uint64
	var codes [][]byte
	for _, id := range lib.IDs() {
		src, _ := lib.Source(id)
		code, err := c.Compile(lib.WrapperHead+src+lib.WrapperTail, lib.FileName(id), false)
		if err != nil {
			if e, ok := err.(*qjs.Error); ok {
				return nil, 0, fmt.Errorf("%s: %v\n%s", id, e, e.Stack)
			}
			return nil, 0, fmt.Errorf("%s: %v", id, err)
		}
		ids = append(ids, id)
		hashes = append(hashes, lib.Hash(src))
		codes = append(codes, code)
	}
	return lib.Encode(ids, hashes, codes), len(ids), nil
}
