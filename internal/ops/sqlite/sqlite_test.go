package sqlite

import (
	"os"
	"strings"
	"testing"

	"github.com/gonode/gonode/internal/binding/bindingtest"
	"github.com/gonode/gonode/internal/qjs"
)

// run evaluates src with the binding as global `b` and returns the
// result as JSON.
func run(t *testing.T, src string) string {
	t.Helper()
	rt := bindingtest.New(t, "b", initSQLite)
	defer rt.Close()
	c := rt.Context()
	// prepare returns a token whose collection finalizes the statement:
	// P keeps the tokens alive and hands out ids.
	prelude := "const keep = []; const P = (db, sql) => { const t = b.prepare(db, sql); keep.push(t); return t && t.id; };\n"
	v, err := c.Eval(prelude+src, "test.js", qjs.EvalGlobal)
	if err != nil {
		t.Fatalf("eval: %v", err)
	}
	defer c.Free(v)
	s, _, err := c.JSONStringify(v)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestRoundTrip(t *testing.T) {
	got := run(t, `
const db = b.open(':memory:', false, false, true, 0, false, true);
b.exec(db, 'CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT, r REAL, x BLOB)');
const ins = P(db, 'INSERT INTO t (s, r, x) VALUES (?, ?, ?)');
const r1 = b.run(ins, 0, ['héllo', 2.5, new Uint8Array([1, 2])]);
const r2 = b.run(ins, 0, ['two', 3, null]);
const sel = P(db, 'SELECT id, s, r, x, typeof(r) AS tr FROM t ORDER BY id');
const rows = b.all(sel, 0).map((r) => ({ ...r, x: r.x && Array.from(r.x) }));
const arr = b.get(sel, 2);
const named = P(db, 'SELECT $a || :b AS v');
const n = b.get(named, 4, [{ a: 'x', b: 'y' }]);
[r1, r2, rows, arr.slice(0, 3), n.v]`)
	want := `[{"changes":1,"lastInsertRowid":1},{"changes":1,"lastInsertRowid":2},` +
		`[{"id":1,"s":"héllo","r":2.5,"x":[1,2],"tr":"real"},{"id":2,"s":"two","r":3,"x":null,"tr":"real"}],` +
		`[1,"héllo",2.5],"xy"]`
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

func TestErrors(t *testing.T) {
	got := run(t, `
const db = b.open(':memory:', false, false, true, 0, false, true);
const out = [];
function attempt(f) {
  try { f(); out.push('no error'); } catch (e) { out.push([e.name, e.code, e.message, e.errcode ?? null]); }
}
attempt(() => b.exec(db, 'SELEKT 1'));
attempt(() => b.get(P(db, 'SELECT 9007199254740993'), 0));
attempt(() => b.get(P(db, 'SELECT ?'), 0, [{}]));
attempt(() => b.get(P(db, 'SELECT $a'), 0, [{ a: 1 }]));
attempt(() => b.get(P(db, 'SELECT ?'), 0, [2n ** 70n]));
out.push(P(db, '  '));
// Dropping the token finalizes the statement.
const gone = b.prepare(db, 'SELECT 1').id;
out.push(b.stmtExists(gone));
out`)
	want := `[["Error","ERR_SQLITE_ERROR","near \"SELEKT\": syntax error",1],` +
		`["RangeError","ERR_OUT_OF_RANGE","Value is too large to be represented as a JavaScript number: 9007199254740993",null],` +
		`"no error",` +
		`["Error","ERR_INVALID_STATE","Unknown named parameter 'a'",null],` +
		`["TypeError","ERR_INVALID_ARG_VALUE","BigInt value is too large to bind.",null],null,false]`
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

func TestFunctions(t *testing.T) {
	got := run(t, `
const db = b.open(':memory:', false, false, true, 0, false, true);
b.function(db, 'twice', (x) => x * 2, 1, 1);
b.function(db, 'fail', () => { throw new RangeError('from js'); }, 0, 0);
b.aggregate(db, 'total', 0, (acc, v) => acc + v, undefined, undefined, 1, 0);
b.exec(db, 'CREATE TABLE n (v INTEGER); INSERT INTO n VALUES (1), (2), (3)');
const out = [b.get(P(db, 'SELECT twice(21) AS d, total(v) AS t FROM n'), 0)];
try { b.get(P(db, 'SELECT fail()'), 0); } catch (e) { out.push(e.name + ': ' + e.message); }
b.close(db);
out`)
	want := `[{"d":42,"t":6},"RangeError: from js"]`
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	regMu.Lock()
	n := len(udfs)
	regMu.Unlock()
	if n != 0 {
		t.Fatalf("%d user functions still registered after close", n)
	}
}

// TestVersion checks that process.versions.sqlite names the linked SQLite.
func TestVersion(t *testing.T) {
	b, err := os.ReadFile("../../../lib/internal/bootstrap/process.js")
	if err != nil {
		t.Skip(err)
	}
	if !strings.Contains(string(b), "sqlite: '"+Version+"'") {
		t.Fatalf("process.versions.sqlite does not say %s", Version)
	}
}

// TestReentry checks that a user function cannot close its database or
// re-run the statement that is calling it (Node crashes on both).
func TestReentry(t *testing.T) {
	got := run(t, `
const db = b.open(':memory:', false, false, true, 0, false, true);
let self;
b.function(db, 'closer', () => { b.close(db); return 1; }, 0, 0);
b.function(db, 'again', () => { b.get(self, 0); return 1; }, 0, 0);
const out = [];
for (const sql of ['SELECT closer()', 'SELECT again()']) {
  self = P(db, sql);
  try { b.get(self, 0); out.push('no error'); } catch (e) { out.push(e.code + ': ' + e.message); }
}
out.push(b.get(P(db, 'SELECT 7 AS n'), 0).n);
out`)
	want := `["ERR_INVALID_STATE: cannot close the database while a statement is running",` +
		`"ERR_INVALID_STATE: statement is already running",7]`
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

// TestTeardown checks that closing the engine closes what JS left open.
func TestTeardown(t *testing.T) {
	rt := bindingtest.New(t, "b", initSQLite)
	c := rt.Context()
	v, err := c.Eval(`
const db = b.open(':memory:', false, false, true, 0, false, true);
b.function(db, 'f', (x) => x, 1, 0);
b.setAuthorizer(db, () => 0);
globalThis.stmt = b.prepare(db, 'SELECT f(1)');
`, "test.js", qjs.EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	c.Free(v)
	regMu.Lock()
	before := len(udfs) + len(auths)
	regMu.Unlock()
	rt.Close()
	regMu.Lock()
	after := len(udfs) + len(auths)
	regMu.Unlock()
	if before != 2 || after != 0 {
		t.Fatalf("registered callbacks: %d before teardown, %d after", before, after)
	}
}
