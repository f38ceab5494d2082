// Command genlib precompiles the JS library to QuickJS bytecode
// (lib/bytecode.bin). Run it with `go generate ./lib`.
package main

import (
	"fmt"
	"os"

	"github.com/gonode/gonode/internal/qjs"
	"github.com/gonode/gonode/lib"
)

func main() {
	rt, err := qjs.NewRuntime(qjs.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
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
			fmt.Fprintf(os.Stderr, "genlib: %s: %v\n", id, err)
			os.Exit(1)
		}
		ids = append(ids, id)
		hashes = append(hashes, lib.Hash(src))
		codes = append(codes, code)
	}
	if err := os.WriteFile("bytecode.bin", lib.Encode(ids, hashes, codes), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
