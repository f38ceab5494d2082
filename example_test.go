package gonode_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/gonode/gonode"
)

// ExampleNew runs a script that uses a module written in Go.
func ExampleNew() {
	rt, err := gonode.New(gonode.Options{
		Stdout: os.Stdout,
		Modules: map[string]gonode.ModuleFunc{
			"strings": func(m *gonode.Module) {
				m.Set("separator", "-")
				m.Func("upper", func(args []any) (any, error) {
					s, ok := args[0].(string)
					if !ok {
						return nil, fmt.Errorf("upper: want a string, got %T", args[0])
					}
					return strings.ToUpper(s), nil
				})
			},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer rt.Close()
	code, err := rt.RunScript("main.js", `
		const s = require('gonode:strings');
		console.log(['hello', 'world'].map(s.upper).join(s.separator));
		try { s.upper(42); } catch (e) { console.log(e.message); }
		setTimeout(() => { process.exitCode = 3; }, 1);
	`)
	fmt.Println(code, err)
	// Output:
	// HELLO-WORLD
	// upper: want a string, got float64
	// 3 <nil>
}
