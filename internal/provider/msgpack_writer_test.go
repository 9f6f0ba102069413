package provider

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
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
