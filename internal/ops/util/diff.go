package util

import (
	"encoding/binary"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/qjs"
)

// Edit operations of a diff, as myersDiff reports them.
const (
	opCommon = 0 // the element is in both sequences
	opA      = 1 // the element is only in the first sequence (actual)
	opB      = 2 // the element is only in the second sequence (expected)
)

// maxTrace bounds the memory of one diff (entries of the saved diagonals,
// 4 bytes each); past it the caller falls back to a coarser diff.
const maxTrace = 16 << 20

// myersDiff returns the shortest edit script turning a into b (Myers'
// O(ND) algorithm, walking back from the end so that equal elements are
// matched as node's assert does), or nil when it would need more than
// maxTrace saved entries.
func myersDiff(a, b []int32) []byte {
	n, m := len(a), len(b)
	limit := n + m
	offset := limit + 1
	v := make([]int32, 2*limit+3)
	var trace [][]int32
	size := 0
	found := false
	for d := 0; d <= limit && !found; d++ {
		// The walk back reads diagonals -d-1..d+1 of this step.
		snap := make([]int32, 2*d+3)
		copy(snap, v[offset-d-1:offset+d+2])
		trace = append(trace, snap)
		size += len(snap)
		if size > maxTrace {
			return nil
		}
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[offset+k-1] < v[offset+k+1]) {
				x = int(v[offset+k+1])
			} else {
				x = int(v[offset+k-1]) + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[offset+k] = int32(x)
			if x >= n && y >= m {
				found = true
				break
			}
		}
	}
	out := make([]byte, 0, n+m)
	x, y := n, m
	for d := len(trace) - 1; d >= 0; d-- {
		vd := trace[d]
		base := d + 1
		k := x - y
		prevK := k - 1
		if k == -d || (k != d && vd[base+k-1] < vd[base+k+1]) {
			prevK = k + 1
		}
		prevX := int(vd[base+prevK])
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			out = append(out, opCommon)
			x--
			y--
		}
		if d > 0 {
			if x == prevX {
				out = append(out, opB)
			} else {
				out = append(out, opA)
			}
		}
		x, y = prevX, prevY
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

func int32s(b []byte) []int32 {
	out := make([]int32, len(b)/4)
	for i := range out {
		out[i] = int32(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return out
}

func initDiff(c *qjs.Context, obj qjs.Value) {
	// myersDiff(a, b): a and b are Int32Arrays of element ids; returns a
	// Uint8Array of operations in order (0 common, 1 only in a, 2 only in
	// b), or null when the diff is too large to compute exactly.
	binding.Func(c, obj, "myersDiff", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		ab, ok1 := c.TypedArrayBytes(qjs.Arg(args, 0))
		bb, ok2 := c.TypedArrayBytes(qjs.Arg(args, 1))
		if !ok1 || !ok2 {
			return c.ThrowTypeError("myersDiff: expected two Int32Arrays")
		}
		ops := myersDiff(int32s(ab), int32s(bb))
		if ops == nil {
			return qjs.Null
		}
		return c.Uint8Array(ops)
	})
}
