package util

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/gonode/gonode/internal/qjs"
)

// formatSimple is util.inspect's fast path: it formats, in Go, a value
// tree made only of primitives, plain objects, plain arrays and Dates (the
// bulk of what console.log prints), exactly as lib/internal/util/inspect.js
// would with its options (no colors, numeric compact, not sorted, no
// hidden properties). Anything else in the tree (a class instance, a Map,
// a getter, a symbol key, a non-ASCII string, a cycle, a custom inspect
// function...) makes it give up with ok false, without having changed
// anything, and the JS formatter takes the value instead. It then also
// returns the objects (below value) on the way to what it could not
// format, which JS does not offer it again: a failed attempt is not
// repeated at every level. It goes at most maxLevels objects deep, so that
// a deep structure stays with JS (which stops at a stack overflow as it
// always did) and the text built is bounded.
//
// Its state mirrors the JS ctx: indentation, recursion depth, the
// "current depth" that decides whether an object may share a line, and
// the per-indentation output budget.
type fastInspect struct {
	c *qjs.Context

	depth           float64 // +Inf for depth: null
	breakLength     float64
	maxArrayLength  float64
	maxStringLength float64
	compact         int
	currentDepth    int

	// Objects being formatted (the JS ctx.seen and the Go stack): meeting
	// one again is a cycle, left to JS.
	ancestors []uintptr
	// stack holds the objects being formatted by this call (borrowed);
	// failPath, once set, what formatSimple returns on failure.
	stack    []qjs.Value
	failPath qjs.Value
	// budgetObj is ctx.budget; budget holds its entries as updated by this
	// call, committed only on success.
	budgetObj qjs.Value
	budget    map[int]float64

	custom, tag, iter, ctor qjs.Key
	checkCustom             bool
	objectProto, arrayProto uintptr
	dateProto               uintptr
	getTime                 qjs.Value
}

// maxBudget is the output per indentation level after which formatRaw
// stops descending (the JS side handles that case).
const maxBudget = 1 << 27

// maxLevels is how many nested objects one formatSimple call handles.
const maxLevels = 24

// formatSimple implements the binding function formatSimple(ctx, value,
// recurseTimes, intrinsics), where intrinsics is [inspect.custom,
// Object.prototype, Array.prototype, Date.prototype, Date.prototype.getTime,
// Symbol.toStringTag, Symbol.iterator]. It returns the string, or else
// undefined or an array of objects not to offer again.
func formatSimple(c *qjs.Context, ctx, value, recurse, intrinsics qjs.Value) qjs.Value {
	if !value.IsObject() || !ctx.IsObject() || !intrinsics.IsObject() {
		return qjs.Undefined
	}
	f := &fastInspect{c: c}
	num := func(name string) (float64, bool) {
		v := c.Get(ctx, name)
		defer c.Free(v)
		if v.IsNull() && name == "depth" {
			return math.Inf(1), true
		}
		if !v.IsNumber() {
			return 0, false
		}
		return v.Float(), true
	}
	var ok bool
	var indent, compact, cur float64
	if f.depth, ok = num("depth"); !ok {
		return qjs.Undefined
	}
	if f.breakLength, ok = num("breakLength"); !ok {
		return qjs.Undefined
	}
	if f.maxArrayLength, ok = num("maxArrayLength"); !ok {
		return qjs.Undefined
	}
	if f.maxStringLength, ok = num("maxStringLength"); !ok {
		return qjs.Undefined
	}
	if compact, ok = num("compact"); !ok || compact < 1 || compact != math.Trunc(compact) || compact > 1e6 {
		return qjs.Undefined
	}
	f.compact = int(compact)
	if indent, ok = num("indentationLvl"); !ok || indent < 0 || indent != math.Trunc(indent) {
		return qjs.Undefined
	}
	if cur, ok = num("currentDepth"); !ok || cur != math.Trunc(cur) {
		return qjs.Undefined
	}
	f.currentDepth = int(cur)
	if f.maxArrayLength < 0 || f.maxStringLength < 0 ||
		(f.maxStringLength != math.Trunc(f.maxStringLength) && !math.IsInf(f.maxStringLength, 1)) ||
		(f.maxArrayLength != math.Trunc(f.maxArrayLength) && !math.IsInf(f.maxArrayLength, 1)) ||
		math.IsNaN(f.breakLength) || math.IsNaN(f.depth) {
		return qjs.Undefined
	}
	ci := c.Get(ctx, "customInspect")
	f.checkCustom = c.ToBool(ci)
	c.Free(ci)

	seen := c.Get(ctx, "seen")
	n := c.Length(seen)
	for i := 0; i < n; i++ {
		v := c.GetIndex(seen, uint32(i))
		f.ancestors = append(f.ancestors, v.Ptr())
		c.Free(v)
	}
	c.Free(seen)
	f.budgetObj = c.Get(ctx, "budget")
	defer c.Free(f.budgetObj)
	if !f.budgetObj.IsObject() {
		return qjs.Undefined
	}

	var in [7]qjs.Value
	for i := range in {
		in[i] = c.GetIndex(intrinsics, uint32(i))
	}
	defer func() {
		for _, v := range in {
			c.Free(v)
		}
	}()
	keyOf := func(v qjs.Value) qjs.Key {
		k, ok := c.KeyOf(v)
		if !ok {
			c.ClearException()
		}
		return k
	}
	f.custom, f.tag, f.iter = keyOf(in[0]), keyOf(in[5]), keyOf(in[6])
	f.ctor = c.NamedKey("constructor")
	defer func() {
		c.FreeKey(f.custom)
		c.FreeKey(f.tag)
		c.FreeKey(f.iter)
		c.FreeKey(f.ctor)
	}()
	f.objectProto, f.arrayProto, f.dateProto = in[1].Ptr(), in[2].Ptr(), in[3].Ptr()
	f.getTime = in[4]

	rt := recurse.Float()
	if !recurse.IsNumber() || rt != math.Trunc(rt) {
		return qjs.Undefined
	}
	s, ok := f.object(value, int(rt), int(indent))
	if !ok {
		if f.failPath.IsObject() {
			return f.failPath
		}
		return qjs.Undefined
	}
	// Commit what the JS formatter would have changed.
	c.Set(ctx, "currentDepth", qjs.Int32(int32(f.currentDepth)))
	for lvl, total := range f.budget {
		c.SetIndex(f.budgetObj, uint32(lvl), qjs.Number(total))
	}
	return c.Latin1String([]byte(s))
}

// value formats any value (formatValue).
func (f *fastInspect) value(v qjs.Value, recurse, indent int) (string, bool) {
	switch {
	case v.IsObject():
		return f.object(v, recurse, indent)
	case v.IsNumber():
		return f.number(v)
	case v.IsString():
		return f.string(v, indent)
	case v.IsUndefined():
		return "undefined", true
	case v.IsNull():
		return "null", true
	case v.IsBool():
		if v.Int() != 0 {
			return "true", true
		}
		return "false", true
	case v.IsBigInt():
		s, err := f.c.ToGoString(v)
		if err != nil {
			return "", false
		}
		return s + "n", true
	}
	return "", false
}

func (f *fastInspect) number(v qjs.Value) (string, bool) {
	x := v.Float()
	switch {
	case x == 0:
		if math.Signbit(x) {
			return "-0", true
		}
		return "0", true
	case x == math.Trunc(x) && math.Abs(x) < 1e21:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	}
	// The engine's own Number#toString for the rest (NaN, Infinity,
	// fractions, exponents).
	s, err := f.c.ToGoString(v)
	return s, err == nil
}

// string formats a string primitive (formatPrimitive): ASCII only, so
// that lengths in bytes are lengths in UTF-16 units.
func (f *fastInspect) string(v qjs.Value, indent int) (string, bool) {
	s := f.c.GoString(v)
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return "", false
		}
	}
	trailer := ""
	if float64(len(s)) > f.maxStringLength {
		remaining := len(s) - int(f.maxStringLength)
		s = s[:int(f.maxStringLength)]
		trailer = "... " + strconv.Itoa(remaining) + " more character"
		if remaining > 1 {
			trailer += "s"
		}
	}
	if len(s) > 16 && float64(len(s)) > f.breakLength-float64(indent)-4 {
		// Long strings are split after each newline and joined with " +".
		var b strings.Builder
		sep := " +\n" + strings.Repeat(" ", indent+2)
		for first := true; len(s) > 0; first = false {
			line := s
			if i := strings.IndexByte(s, '\n'); i >= 0 {
				line = s[:i+1]
			}
			s = s[len(line):]
			if !first {
				b.WriteString(sep)
			}
			b.WriteString(quoteASCII(line))
		}
		b.WriteString(trailer)
		return b.String(), true
	}
	return quoteASCII(s) + trailer, true
}

// quoteASCII is strEscape for an ASCII string: single quotes unless the
// string holds one, then double quotes, then backticks; control
// characters, backslashes and the chosen quote (if single) escaped.
func quoteASCII(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 {
		if strings.IndexByte(s, '"') < 0 {
			quote = '"'
		} else if strings.IndexByte(s, '`') < 0 && !strings.Contains(s, "${") {
			quote = '`'
		}
	}
	plain := true
	for i := 0; i < len(s); i++ {
		if b := s[i]; b < 0x20 || b == 0x7f || b == '\\' || (b == '\'' && quote == '\'') {
			plain = false
			break
		}
	}
	if plain {
		return string(quote) + s + string(quote)
	}
	var b strings.Builder
	b.WriteByte(quote)
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch == '\b':
			b.WriteString(`\b`)
		case ch == '\t':
			b.WriteString(`\t`)
		case ch == '\n':
			b.WriteString(`\n`)
		case ch == '\f':
			b.WriteString(`\f`)
		case ch == '\r':
			b.WriteString(`\r`)
		case ch == '\\':
			b.WriteString(`\\`)
		case ch == '\'' && quote == '\'':
			b.WriteString(`\'`)
		case ch < 0x20 || ch == 0x7f:
			const hex = "0123456789ABCDEF"
			b.WriteString(`\x`)
			b.WriteByte(hex[ch>>4])
			b.WriteByte(hex[ch&15])
		default:
			b.WriteByte(ch)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// plainShape checks what formatValue and formatRaw would look at before
// choosing the plain layout: not a cycle, no custom inspect function, the
// expected prototype (whose constructor JS has checked), no own
// "constructor", no string Symbol.toStringTag.
func (f *fastInspect) plainShape(v qjs.Value, proto uintptr) bool {
	c := f.c
	p := v.Ptr()
	for _, a := range f.ancestors {
		if a == p {
			return false
		}
	}
	if f.checkCustom {
		ci := c.GetKey(v, f.custom)
		if ci.IsException() {
			c.ClearException()
			return false
		}
		c.Free(ci)
		if !ci.IsUndefined() {
			return false
		}
	}
	pr := c.Prototype(v)
	if pr.IsException() {
		c.ClearException()
		return false
	}
	c.Free(pr)
	if pr.Ptr() != proto || proto == 0 {
		return false
	}
	val, kind, _ := c.OwnProperty(v, f.ctor)
	if kind < 0 {
		c.ClearException()
		return false
	}
	c.Free(val)
	if kind != qjs.PropMissing {
		return false
	}
	tag := c.GetKey(v, f.tag)
	if tag.IsException() {
		c.ClearException()
		return false
	}
	c.Free(tag)
	return !tag.IsString()
}

// object formats an object (formatValue then formatRaw) if it is a plain
// object, plain array or Date.
func (f *fastInspect) object(v qjs.Value, recurse, indent int) (string, bool) {
	s, ok := f.object1(v, recurse, indent)
	if !ok && !f.failPath.IsObject() && len(f.stack) > 1 {
		// The deepest failure: the objects from below the root down to
		// where it happened are still on the stack.
		c := f.c
		f.failPath = c.Array()
		for i, o := range f.stack[1:] {
			c.SetIndex(f.failPath, uint32(i), c.Dup(o))
		}
	}
	return s, ok
}

func (f *fastInspect) object1(v qjs.Value, recurse, indent int) (string, bool) {
	c := f.c
	switch c.ClassID(v) {
	case qjs.ClassObject:
		if !f.plainShape(v, f.objectProto) {
			return "", false
		}
		return f.plainObject(v, recurse, indent)
	case qjs.ClassArray:
		if !f.plainShape(v, f.arrayProto) {
			return "", false
		}
		it := c.GetKey(v, f.iter)
		if it.IsException() {
			c.ClearException()
			return "", false
		}
		c.Free(it)
		if it.IsUndefined() {
			return "", false
		}
		return f.array(v, recurse, indent)
	case qjs.ClassDate:
		if !f.plainShape(v, f.dateProto) {
			return "", false
		}
		keys, ok := c.OwnKeys(v, true)
		if !ok {
			c.ClearException()
			return "", false
		}
		for _, k := range keys {
			c.FreeKey(k)
		}
		if len(keys) != 0 {
			return "", false
		}
		t, err := c.Call(f.getTime, v)
		if err != nil || !t.IsNumber() {
			return "", false
		}
		ms := t.Float()
		if math.IsNaN(ms) {
			return "Invalid Date", true
		}
		// toISOString's four-digit years only.
		if ms < -62167219200000 || ms > 253402300799999 {
			return "", false
		}
		return time.UnixMilli(int64(ms)).UTC().Format("2006-01-02T15:04:05.000Z"), true
	}
	return "", false
}

// push enters v (false when that is too deep); pop leaves it.
func (f *fastInspect) push(v qjs.Value) bool {
	f.ancestors = append(f.ancestors, v.Ptr())
	f.stack = append(f.stack, v)
	return len(f.stack) <= maxLevels
}

func (f *fastInspect) pop() {
	f.ancestors = f.ancestors[:len(f.ancestors)-1]
	f.stack = f.stack[:len(f.stack)-1]
}

func (f *fastInspect) plainObject(v qjs.Value, recurse, indent int) (string, bool) {
	c := f.c
	keys, ok := c.OwnKeys(v, true)
	if !ok {
		c.ClearException()
		return "", false
	}
	defer func() {
		for _, k := range keys {
			c.FreeKey(k)
		}
	}()
	if len(keys) == 0 {
		return "{}", true
	}
	if float64(recurse) > f.depth {
		return "[Object]", true
	}
	recurse++
	f.currentDepth = recurse
	if !f.push(v) {
		return "", false
	}
	output := make([]string, 0, len(keys))
	for _, k := range keys {
		kv := c.KeyValue(k)
		if !kv.IsString() {
			c.Free(kv)
			return "", false
		}
		name := c.GoString(kv)
		c.Free(kv)
		val, kind, _ := c.OwnProperty(v, k)
		if kind < 0 {
			c.ClearException()
			return "", false
		}
		if kind == qjs.PropMissing {
			continue
		}
		if kind != qjs.PropData {
			return "", false
		}
		str, ok := f.value(val, recurse, indent+2)
		c.Free(val)
		if !ok {
			return "", false
		}
		if isPlainKey(name) {
		} else if name == "__proto__" {
			name = "['__proto__']"
		} else {
			for i := 0; i < len(name); i++ {
				if name[i] >= 0x80 {
					return "", false
				}
			}
			name = quoteASCII(name)
		}
		output = append(output, name+": "+str)
	}
	f.pop()
	return f.reduce(output, "{", "}", false, recurse, indent, nil)
}

// array formats a plain array without holes, accessors or extra keys.
func (f *fastInspect) array(v qjs.Value, recurse, indent int) (string, bool) {
	c := f.c
	extra := c.OwnNonIndexKeys(v, true)
	if extra.IsException() {
		c.ClearException()
		return "", false
	}
	nExtra := c.Length(extra)
	c.Free(extra)
	if nExtra != 0 {
		return "", false
	}
	lv := c.Get(v, "length")
	length := lv.Float()
	c.Free(lv)
	if length == 0 {
		return "[]", true
	}
	if float64(recurse) > f.depth {
		return "[Array]", true
	}
	recurse++
	f.currentDepth = recurse
	if !f.push(v) {
		return "", false
	}
	shown := int(math.Min(f.maxArrayLength, length))
	output := make([]string, 0, shown+1)
	numeric := make([]bool, 0, shown+1)
	for i := 0; i < shown; i++ {
		k := c.IndexKey(uint32(i))
		val, kind, _ := c.OwnProperty(v, k)
		c.FreeKey(k)
		if kind < 0 {
			c.ClearException()
			return "", false
		}
		if kind != qjs.PropData {
			c.Free(val)
			return "", false
		}
		str, ok := f.value(val, recurse, indent+2)
		numeric = append(numeric, val.IsNumber() || val.IsBigInt())
		c.Free(val)
		if !ok {
			return "", false
		}
		output = append(output, str)
	}
	if length > float64(shown) {
		output = append(output, moreItems(int(length)-shown))
		// The column layout also looks at the element after the shown ones.
		nv := c.GetIndex(v, uint32(shown))
		if nv.IsException() {
			c.ClearException()
			return "", false
		}
		numeric = append(numeric, nv.IsNumber() || nv.IsBigInt())
		c.Free(nv)
	}
	f.pop()
	return f.reduce(output, "[", "]", true, recurse, indent, numeric)
}

func moreItems(n int) string {
	s := "... " + strconv.Itoa(n) + " more item"
	if n > 1 {
		s += "s"
	}
	return s
}

// reduce is reduceToSingleString for a numeric compact, no base, then
// the budget bookkeeping of formatRaw.
func (f *fastInspect) reduce(output []string, open, close string, isArray bool, recurse, indent int, numeric []bool) (string, bool) {
	var res string
	entries := len(output)
	if isArray && entries > 6 {
		output = f.group(output, indent, numeric)
	}
	done := false
	if f.currentDepth-recurse < f.compact && entries == len(output) {
		start := len(output) + indent + len(open) + 10
		if f.belowBreakLength(output, start) {
			joined := strings.Join(output, ", ")
			if strings.IndexByte(joined, '\n') < 0 {
				res = open + " " + joined + " " + close
				done = true
			}
		}
	}
	if !done {
		ind := "\n" + strings.Repeat(" ", indent)
		res = open + ind + "  " + strings.Join(output, ","+ind+"  ") + ind + close
	}
	if f.budget == nil {
		f.budget = map[int]float64{}
	}
	b, ok := f.budget[indent]
	if !ok {
		bv := f.c.GetIndex(f.budgetObj, uint32(indent))
		if bv.IsNumber() {
			b = bv.Float()
		} else if !bv.IsUndefined() {
			f.c.Free(bv)
			return "", false
		}
	}
	b += float64(len(res))
	if b > maxBudget {
		return "", false
	}
	f.budget[indent] = b
	return res, true
}

func (f *fastInspect) belowBreakLength(output []string, start int) bool {
	total := float64(len(output) + start)
	if total+float64(len(output)) > f.breakLength {
		return false
	}
	for _, s := range output {
		total += float64(len(s))
	}
	return total <= f.breakLength
}

// jsRound is Math.round: the nearest integer, ties towards +Infinity.
func jsRound(x float64) float64 {
	r := math.Floor(x)
	if x-r >= 0.5 {
		r++
	}
	return r
}

// group is groupArrayElements: many short entries laid out in columns.
func (f *fastInspect) group(output []string, indent int, numeric []bool) []string {
	totalLength := 0
	maxLength := 0
	count := len(output)
	if f.maxArrayLength < float64(len(output)) {
		count--
	}
	const separatorSpace = 2
	widths := make([]int, count)
	for i := 0; i < count; i++ {
		l := len(output[i])
		widths[i] = l
		totalLength += l + separatorSpace
		if maxLength < l {
			maxLength = l
		}
	}
	actualMax := maxLength + separatorSpace
	if float64(actualMax*3+indent) < f.breakLength &&
		(float64(totalLength)/float64(actualMax) > 5 || maxLength <= 6) {
		averageBias := math.Sqrt(float64(actualMax) - float64(totalLength)/float64(len(output)))
		biasedMax := math.Max(float64(actualMax)-3-averageBias, 1)
		columns := math.Min(math.Min(
			jsRound(math.Sqrt(2.5*biasedMax*float64(count))/biasedMax),
			math.Floor((f.breakLength-float64(indent))/float64(actualMax))),
			math.Min(float64(f.compact*4), 15))
		if columns <= 1 || math.IsNaN(columns) {
			return output
		}
		cols := int(columns)
		columnWidths := make([]int, cols)
		for ci := 0; ci < cols; ci++ {
			w := 0
			for j := ci; j < count; j += cols {
				if widths[j] > w {
					w = widths[j]
				}
			}
			columnWidths[ci] = w + separatorSpace
		}
		padStart := true
		for i := 0; i < len(output); i++ {
			if !numeric[i] {
				padStart = false
				break
			}
		}
		rows := make([]string, 0, count/cols+2)
		for i := 0; i < count; i += cols {
			end := min(i+cols, count)
			var line strings.Builder
			j := i
			for ; j < end-1; j++ {
				cell := output[j] + ", "
				pad := strings.Repeat(" ", max(0, columnWidths[j-i]-len(cell)))
				if padStart {
					line.WriteString(pad)
					line.WriteString(cell)
				} else {
					line.WriteString(cell)
					line.WriteString(pad)
				}
			}
			if padStart {
				width := columnWidths[j-i] - separatorSpace
				line.WriteString(strings.Repeat(" ", max(0, width-len(output[j]))))
			}
			line.WriteString(output[j])
			rows = append(rows, line.String())
		}
		if f.maxArrayLength < float64(len(output)) {
			rows = append(rows, output[count])
		}
		output = rows
	}
	return output
}
