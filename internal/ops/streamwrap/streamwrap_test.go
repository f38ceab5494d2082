package streamwrap

import (
	"testing"

	"github.com/gonode/gonode/internal/binding/bindingtest"
	"github.com/gonode/gonode/internal/qjs"
)

func TestBinding(t *testing.T) {
	rt := bindingtest.New(t, "sw", initStreamWrap)
	defer rt.Close()
	c := rt.Context()
	src := `
const req = new sw.ShutdownWrap();
const out = [req.oncomplete, req.callback, req.handle, new sw.WriteWrap() instanceof sw.WriteWrap,
  sw.kReadBytesOrError, sw.kArrayBufferOffset, sw.kBytesWritten, sw.kLastWriteWasAsync,
  sw.streamBaseState instanceof Int32Array, sw.streamBaseState.length];
let status;
req.oncomplete = function (s) { status = [this === req, s]; };
req.oncomplete(-125);
out.push(status.join());
out.join('|');
`
	v, err := c.Eval(src, "streamwrap_test.js", qjs.EvalGlobal)
	if err != nil {
		t.Fatal(err)
	}
	got := c.GoString(v)
	c.Free(v)
	want := "|||true|0|1|2|3|true|4|true,-125"
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}
