// Package module is gonode's ES module machinery on the Go side: the
// engine's module loader (resolve and load hooks that call into
// lib/internal/modules/esm/loader.js), facades that expose CommonJS,
// JSON and built-in modules as ES modules, the static CommonJS export
// lexer, TypeScript type stripping and the 'module_wrap' binding.
package module

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

func init() {
	binding.Register("module_wrap", initBinding)
}

// Loader implements qjs.ModuleLoader by delegating resolution and source
// loading to JS callbacks installed with setCallbacks.
type Loader struct {
	resolve  qjs.Value // (specifier, referrer) -> url
	load     qjs.Value // (url, type) -> { format, source } | { format, names, evaluate }
	initMeta qjs.Value // (meta, url) -> undefined
	// lazy, when set, loads the JS side, which then installs the callbacks.
	lazy qjs.Value

	// specifiers remembers, per resolved URL, a specifier that led to it,
	// to word link errors the way Node does.
	specifiers map[string]string
	wrappers   int
	// Main is the URL of the entry module, if it is an ES module.
	Main string
}

func loaderOf(env *binding.Env) *Loader {
	if l, ok := env.Shared["module.loader"].(*Loader); ok {
		return l
	}
	l := &Loader{specifiers: map[string]string{}, resolve: qjs.Undefined, load: qjs.Undefined, initMeta: qjs.Undefined, lazy: qjs.Undefined}
	env.Shared["module.loader"] = l
	env.Ctx.Runtime().SetModuleLoader(l)
	return l
}

// Resolve implements qjs.ModuleLoader.
func (l *Loader) Resolve(c *qjs.Context, base, specifier string, attrs qjs.Value) (string, error) {
	if l.resolve.IsUndefined() && !l.lazy.IsUndefined() {
		fn := l.lazy
		l.lazy = qjs.Undefined
		r, err := c.Call(fn, qjs.Undefined)
		c.Free(fn)
		if err != nil {
			return "", err
		}
		c.Free(r)
	}
	if l.resolve.IsUndefined() {
		return "", fmt.Errorf("module loader not initialised")
	}
	s, b := c.String(specifier), c.String(base)
	r, err := c.Call(l.resolve, qjs.Undefined, s, b)
	c.FreeAll(s, b)
	if err != nil {
		return "", err
	}
	url := c.GoString(r)
	c.Free(r)
	if !strings.HasPrefix(base, "gonode:") {
		l.specifiers[url] = specifier
	}
	return url, nil
}

// Load implements qjs.ModuleLoader.
func (l *Loader) Load(c *qjs.Context, name string, attrs qjs.Value) (qjs.Module, error) {
	typ := qjs.Undefined
	if attrs.IsObject() {
		typ = c.Get(attrs, "type")
	}
	u := c.String(name)
	res, err := c.Call(l.load, qjs.Undefined, u, typ)
	c.FreeAll(u, typ)
	if err != nil {
		return qjs.Module{}, err
	}
	defer c.Free(res)
	fv := c.Get(res, "format")
	format := c.GoString(fv)
	c.Free(fv)
	if format == "module" {
		sv := c.Get(res, "source")
		src := c.GoString(sv)
		c.Free(sv)
		m, err := c.CompileModule(src, name)
		if err != nil && MayNeedLowering(src) {
			// The engine has no `using` declarations: retry with them
			// rewritten, keeping the first error if that fails too.
			if lowered, lerr := LowerForEngine(src, name); lerr == nil {
				if m2, err2 := c.CompileModule(lowered, name); err2 == nil {
					if e, ok := err.(*qjs.Error); ok {
						e.Free()
					}
					m, err = m2, nil
				} else if e, ok := err2.(*qjs.Error); ok {
					e.Free()
				}
			}
		}
		if err != nil {
			return qjs.Module{}, err
		}
		meta := c.ImportMeta(m)
		u := c.String(name)
		r, err := c.Call(l.initMeta, qjs.Undefined, meta, u)
		c.FreeAll(meta, u, r)
		if err != nil {
			c.FreeModule(m)
			return qjs.Module{}, err
		}
		return m, nil
	}
	// A facade: export default and the listed names, taken from the
	// object that evaluate() returns when the facade is evaluated.
	nv := c.Get(res, "names")
	var names []string
	for i := 0; i < c.Length(nv); i++ {
		v := c.GetIndex(nv, uint32(i))
		names = append(names, c.GoString(v))
		c.Free(v)
	}
	c.Free(nv)
	m, err := c.CompileModule(FacadeSource(names), name)
	if err != nil {
		return qjs.Module{}, err
	}
	meta := c.ImportMeta(m)
	c.Set(meta, "evaluate", c.Get(res, "evaluate"))
	c.Free(meta)
	return m, nil
}

// FacadeSource is the source of a module that re-exports the values of
// import.meta.evaluate()'s result: its default property as the default
// export and each name as a named export.
func FacadeSource(names []string) string {
	var b strings.Builder
	b.WriteString("const __e = import.meta.evaluate();\nexport default __e.default;\n")
	seen := map[string]bool{"default": true}
	for i, n := range names {
		if seen[n] {
			continue
		}
		seen[n] = true
		q, _ := json.Marshal(n)
		fmt.Fprintf(&b, "var __n%d = __e[%s]; export { __n%d as %s };\n", i, q, i, q)
	}
	return b.String()
}

// RunMain loads the entry module at url and evaluates it, returning the
// evaluation promise.
func (l *Loader) RunMain(c *qjs.Context, url string) (qjs.Value, error) {
	l.Main = url
	m, err := l.Load(c, url, qjs.Undefined)
	if err != nil {
		return qjs.Undefined, err
	}
	if err := c.ResolveModule(m); err != nil {
		c.FreeModule(m)
		return qjs.Undefined, err
	}
	p, err := c.EvalModule(m)
	if err != nil {
		return qjs.Undefined, l.linkError(c, err)
	}
	return p, nil
}

// Require evaluates the module graph at url synchronously, as require()
// of an ES module does, and returns its namespace. A graph that does not
// settle synchronously (top-level await) is an ERR_REQUIRE_ASYNC_MODULE.
func (l *Loader) Require(c *qjs.Context, url string) (qjs.Value, error) {
	q, _ := json.Marshal(url)
	ns, err := l.evalWrapper(c, fmt.Sprintf("import * as ns from %s;\nexport { ns };\n", q))
	if err != nil {
		return qjs.Undefined, err
	}
	// Node marks the result of require(esm) with __esModule when the
	// module has a default export and does not say otherwise.
	if c.Has(ns, "default") && !c.Has(ns, "__esModule") {
		ns2, err := l.evalWrapper(c, fmt.Sprintf("export * from %s;\nexport { default } from %s;\nexport const __esModule = true;\n", q, q))
		if err == nil {
			c.Free(ns)
			return ns2, nil
		}
		if e, ok := err.(*qjs.Error); ok {
			e.Free()
		}
	}
	return ns, nil
}

// evalWrapper compiles and evaluates a helper module; it returns the
// value of its "ns" export, or the namespace itself if it has none.
func (l *Loader) evalWrapper(c *qjs.Context, src string) (qjs.Value, error) {
	l.wrappers++
	name := "gonode:require/" + strconv.Itoa(l.wrappers)
	m, err := c.CompileModule(src, name)
	if err != nil {
		return qjs.Undefined, err
	}
	keep := c.DupModule(m)
	defer c.FreeModule(keep)
	if err := c.ResolveModule(m); err != nil {
		c.FreeModule(m)
		return qjs.Undefined, err
	}
	// A graph with top-level await cannot be required, even once import()
	// has evaluated it.
	if keep.GraphHasTLA() {
		c.FreeModule(m)
		return qjs.Undefined, errRequireAsync
	}
	p, err := c.EvalModule(m)
	if err != nil {
		return qjs.Undefined, l.linkError(c, err)
	}
	defer c.Free(p)
	markHandled(c, p)
	switch c.PromiseState(p) {
	case qjs.PromiseRejected:
		r := c.PromiseResult(p)
		// The rejection is reported through the throw, not as unhandled.
		return qjs.Undefined, c.NewError(r)
	case qjs.PromisePending:
		return qjs.Undefined, errRequireAsync
	}
	nsObj := c.Namespace(keep)
	if strings.Contains(src, "export { ns }") {
		v := c.Get(nsObj, "ns")
		c.Free(nsObj)
		return v, nil
	}
	return nsObj, nil
}

// markHandled attaches a no-op rejection handler to promise p, so that a
// rejection reported synchronously is not also an unhandled rejection.
func markHandled(c *qjs.Context, p qjs.Value) {
	catch := c.Get(p, "catch")
	noop := c.Function("", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value { return qjs.Undefined })
	r, err := c.Call(catch, p, noop)
	c.FreeAll(catch, noop)
	if err != nil {
		err.(*qjs.Error).Free()
		return
	}
	c.Free(r)
}

var errRequireAsync = fmt.Errorf("ERR_REQUIRE_ASYNC_MODULE")

var missingExport = regexp.MustCompile(`^Could not find export '(.*)' in module '(.*)'$`)

// linkError rewords the engine's link errors as Node words them.
func (l *Loader) linkError(c *qjs.Context, err error) error {
	e, ok := err.(*qjs.Error)
	if !ok || e.Name != "SyntaxError" {
		return err
	}
	if m := missingExport.FindStringSubmatch(e.Message); m != nil {
		spec := l.specifiers[m[2]]
		if spec == "" {
			spec = m[2]
		}
		msg := fmt.Sprintf("The requested module '%s' does not provide an export named '%s'", spec, m[1])
		v := e.Value()
		c.Set(v, "message", c.String(msg))
		st := c.Get(v, "stack")
		if st.IsString() {
			s := c.GoString(st)
			c.Set(v, "stack", c.String("SyntaxError: "+msg+"\n"+strings.TrimPrefix(s, "SyntaxError: "+e.Message+"\n")))
		}
		c.Free(st)
	}
	return err
}

func initBinding(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	l := loaderOf(env)
	binding.Func(c, obj, "setCallbacks", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		c.FreeAll(l.resolve, l.load, l.initMeta)
		l.resolve = c.Dup(qjs.Arg(args, 0))
		l.load = c.Dup(qjs.Arg(args, 1))
		l.initMeta = c.Dup(qjs.Arg(args, 2))
		return qjs.Undefined
	})
	binding.Func(c, obj, "setLazyLoader", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if l.resolve.IsUndefined() {
			c.Free(l.lazy)
			l.lazy = c.Dup(qjs.Arg(args, 0))
		}
		return qjs.Undefined
	})
	binding.Func(c, obj, "runMain", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		p, err := l.RunMain(c, c.GoString(qjs.Arg(args, 0)))
		if err != nil {
			return c.ThrowError(err)
		}
		return p
	})
	binding.Func(c, obj, "requireModule", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		ns, err := l.Require(c, c.GoString(qjs.Arg(args, 0)))
		if err == errRequireAsync {
			return binding.ThrowCode(c, "Error", "ERR_REQUIRE_ASYNC_MODULE", "require() cannot be used on an ESM graph with top-level await. Use import() instead. To see where the top-level await comes from, use --experimental-print-required-tla.")
		}
		if err != nil {
			return c.ThrowError(err)
		}
		return ns
	})
	binding.Func(c, obj, "cjsLexer", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		exp, reexp := LexCJS(c.GoString(qjs.Arg(args, 0)))
		o := c.Object()
		// Defined, not set: Object.prototype may carry setters of these names.
		c.Define(o, "exports", c.StringArray(exp), true, true, true)
		c.Define(o, "reexports", c.StringArray(reexp), true, true, true)
		return o
	})
	binding.Func(c, obj, "stripTypeScript", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		src := c.GoString(qjs.Arg(args, 0))
		filename := c.GoString(qjs.Arg(args, 1))
		out, err := StripTypes(src, filename)
		if err != nil {
			e := c.MakeError("SyntaxError", err.Error())
			c.Set(e, "code", c.String("ERR_INVALID_TYPESCRIPT_SYNTAX"))
			return c.Throw(e)
		}
		return c.String(out)
	})
	// lowerForEngine(source, filename) -> source with what the engine
	// cannot parse rewritten (see LowerForEngine), or null when there is
	// nothing to rewrite.
	binding.Func(c, obj, "lowerForEngine", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		src := c.GoString(qjs.Arg(args, 0))
		if !MayNeedLowering(src) {
			return qjs.Null
		}
		out, err := LowerForEngine(src, c.GoString(qjs.Arg(args, 1)))
		if err != nil {
			return qjs.Null
		}
		return c.String(out)
	})
	// hasLineMaps() -> whether transformed code (TypeScript, or lowered
	// `using` declarations) was loaded, so that stacks need mapping.
	binding.Func(c, obj, "hasLineMaps", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		lineMapsMu.Lock()
		n := len(lineMaps)
		lineMapsMu.Unlock()
		return qjs.Bool(n > 0)
	})
	binding.Func(c, obj, "mapStack", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return c.String(MapStack(c.GoString(qjs.Arg(args, 0))))
	})
	// registerSourceMap(filename, source) reads the file's sourceMappingURL
	// (--enable-source-maps) and reports whether a map was found.
	binding.Func(c, obj, "registerSourceMap", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return qjs.Bool(RegisterSourceMapFor(c.GoString(qjs.Arg(args, 0)), c.GoString(qjs.Arg(args, 1))))
	})
}

// lineMaps holds, per transformed file (path and file URL), the original
// line of each generated line, for MapStack.
var (
	lineMapsMu sync.Mutex
	lineMaps   = map[string][]int{}
)
