package provider

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/zclconf/go-cty/cty"
	ctymsgpack "github.com/zclconf/go-cty/cty/msgpack"
)

// decodeState reads what a msgpackWriter wrote as Terraform would.
func decodeState(t *testing.T, typ tftypes.Type, w *msgpackWriter) tftypes.Value {
	t.Helper()
	value, err := (&tfprotov6.DynamicValue{MsgPack: w.buf}).Unmarshal(typ)
	if err != nil {
		t.Fatalf("Terraform cannot read the encoding: %v", err)
	}
	return value
}

func TestMsgpackWriterPrimitivesAtEveryEncodingBoundary(t *testing.T) {
	for _, n := range []int64{0, 1, 127, 128, 255, 256, -1, -32, -33, -128, -129, math.MaxInt16, math.MaxInt16 + 1, math.MinInt16, math.MinInt16 - 1,
		math.MaxInt32, math.MaxInt32 + 1, math.MinInt32, math.MinInt32 - 1, math.MaxInt64, math.MinInt64, 1700000000} {
		var w msgpackWriter
		w.int(n)
		if got := decodeState(t, tftypes.Number, &w); !got.Equal(tftypes.NewValue(tftypes.Number, n)) {
			t.Errorf("int %d decodes as %s", n, got)
		}
	}
	for _, n := range []int{0, 31, 32, 255, 256, math.MaxUint16, math.MaxUint16 + 1} {
		s := strings.Repeat("é", n/2) + strings.Repeat("x", n%2)
		var w msgpackWriter
		w.string(s)
		if got := decodeState(t, tftypes.String, &w); !got.Equal(tftypes.NewValue(tftypes.String, s)) {
			t.Errorf("string of %d bytes does not round-trip", len(s))
		}
	}
	for _, n := range []int{0, 15, 16, math.MaxUint16, math.MaxUint16 + 1} {
		var list, object msgpackWriter
		list.arrayHeader(n)
		object.mapHeader(n)
		elements := make([]tftypes.Value, n)
		entries := make(map[string]tftypes.Value, n)
		for i := range n {
			list.bool(i%2 == 0)
			elements[i] = tftypes.NewValue(tftypes.Bool, i%2 == 0)
			key := "k" + strconv.Itoa(i)
			object.string(key)
			object.null()
			entries[key] = tftypes.NewValue(tftypes.String, nil)
		}
		listType := tftypes.List{ElementType: tftypes.Bool}
		if got := decodeState(t, listType, &list); !got.Equal(tftypes.NewValue(listType, elements)) {
			t.Errorf("list of %d does not round-trip", n)
		}
		mapType := tftypes.Map{ElementType: tftypes.String}
		if got := decodeState(t, mapType, &object); !got.Equal(tftypes.NewValue(mapType, entries)) {
			t.Errorf("map of %d does not round-trip", n)
		}
	}
}

// Numbers are written as cty writes them (Terraform reads state with cty):
// whole numbers as the smallest integer, others as a double.
func TestMsgpackWriterNumbersAsCtyWritesThem(t *testing.T) {
	ints := []int64{0, 1, 127, 128, 255, 256, -1, -32, -33, -128, -129, math.MaxInt16 + 1, math.MinInt16 - 1,
		math.MaxUint32, math.MaxUint32 + 1, math.MinInt32 - 1, math.MaxInt64, math.MinInt64}
	for _, n := range ints {
		var w msgpackWriter
		w.int(n)
		want, err := ctymsgpack.Marshal(cty.NumberIntVal(n), cty.Number)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(w.buf, want) {
			t.Errorf("int %d: % x, cty writes % x", n, w.buf, want)
		}
	}
	floats := []float64{0, 3, -3, 1700000000, 0.5, -1.25, 1e-300, math.SmallestNonzeroFloat64,
		1 << 53, 1<<53 + 2, 1 << 62, -(1 << 63), math.Inf(1), math.Inf(-1)}
	for _, f := range floats {
		var w msgpackWriter
		w.float(f)
		want, err := ctymsgpack.Marshal(cty.NumberFloatVal(f), cty.Number)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(w.buf, want) {
			t.Errorf("float %g: % x, cty writes % x", f, w.buf, want)
		}
		got, err := ctymsgpack.Unmarshal(w.buf, cty.Number)
		if err != nil || !got.RawEquals(cty.NumberFloatVal(f)) {
			t.Errorf("float %g decodes as %#v (%v)", f, got, err)
		}
	}
	// cty writes these as decimal strings; the writer's doubles decode to
	// the same float64.
	for _, f := range []float64{1 << 63, -(1 << 64), 1e300, -math.MaxFloat64} {
		var w msgpackWriter
		w.float(f)
		got, err := ctymsgpack.Unmarshal(w.buf, cty.Number)
		if err != nil {
			t.Fatalf("float %g: %v", f, err)
		}
		if back, _ := got.AsBigFloat().Float64(); back != f {
			t.Errorf("float %g decodes as %g", f, back)
		}
	}
	var w msgpackWriter
	w.float(math.Copysign(0, -1))
	if got := decodeState(t, tftypes.Number, &w); !got.Equal(tftypes.NewValue(tftypes.Number, 0)) {
		t.Errorf("-0 decodes as %s", got)
	}
}

// Callers size buf up front and slice it between values, and raw splices
// encoded values in between: every value must be in buf, in order, as soon
// as its method returns.
func TestMsgpackWriterWritesInPlaceAndInOrder(t *testing.T) {
	w := msgpackWriter{buf: make([]byte, 0, 256)}
	start := &w.buf[:1][0]
	w.arrayHeader(4)
	w.string("a")
	afterString := len(w.buf)
	inner := msgpackWriter{}
	inner.mapHeader(1)
	inner.string("k")
	inner.optionalInt(nil)
	w.raw(inner.buf)
	afterRaw := len(w.buf)
	w.int(1 << 40)
	w.raw([]byte{0xc3})
	if &w.buf[0] != start {
		t.Error("the writer left the buffer it was given")
	}
	if afterString != 3 || afterRaw != afterString+len(inner.buf) {
		t.Errorf("lengths after each value: %d, %d", afterString, afterRaw)
	}
	typ := tftypes.Tuple{ElementTypes: []tftypes.Type{tftypes.String, tftypes.Map{ElementType: tftypes.Number}, tftypes.Number, tftypes.Bool}}
	want := tftypes.NewValue(typ, []tftypes.Value{
		tftypes.NewValue(tftypes.String, "a"),
		tftypes.NewValue(tftypes.Map{ElementType: tftypes.Number}, map[string]tftypes.Value{"k": tftypes.NewValue(tftypes.Number, nil)}),
		tftypes.NewValue(tftypes.Number, int64(1)<<40),
		tftypes.NewValue(tftypes.Bool, true),
	})
	if got := decodeState(t, typ, &w); !got.Equal(want) {
		t.Errorf("decodes as %s", got)
	}
}
