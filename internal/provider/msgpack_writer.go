package provider

import (
	"encoding/binary"
	"math"
)

// msgpackWriter appends Terraform's wire encoding of state (MessagePack, as
// cty reads it) for the few kinds of value a Duo object holds. Writing the
// state straight from the client's structs skips building, walking and
// marshalling a tftypes.Value tree, which for a large account costs
// seconds.
type msgpackWriter struct {
	buf []byte
}

func (w *msgpackWriter) null() {
	w.buf = append(w.buf, 0xc0)
}

func (w *msgpackWriter) bool(v bool) {
	if v {
		w.buf = append(w.buf, 0xc3)
	} else {
		w.buf = append(w.buf, 0xc2)
	}
}

func (w *msgpackWriter) int(v int64) {
	switch {
	case v >= 0 && v <= 127, v >= -32 && v < 0:
		w.buf = append(w.buf, byte(v))
	case v >= math.MinInt8 && v <= math.MaxInt8:
		w.buf = append(w.buf, 0xd0, byte(v))
	case v >= math.MinInt16 && v <= math.MaxInt16:
		w.buf = binary.BigEndian.AppendUint16(append(w.buf, 0xd1), uint16(v))
	case v >= math.MinInt32 && v <= math.MaxInt32:
		w.buf = binary.BigEndian.AppendUint32(append(w.buf, 0xd2), uint32(v))
	default:
		w.buf = binary.BigEndian.AppendUint64(append(w.buf, 0xd3), uint64(v))
	}
}

// float writes v as cty does: a whole number as an integer.
func (w *msgpackWriter) float(v float64) {
	if v == math.Trunc(v) && v >= math.MinInt64 && v < math.MaxInt64 {
		w.int(int64(v))
		return
	}
	w.buf = binary.BigEndian.AppendUint64(append(w.buf, 0xcb), math.Float64bits(v))
}

func (w *msgpackWriter) string(v string) {
	n := len(v)
	switch {
	case n < 32:
		w.buf = append(w.buf, 0xa0|byte(n))
	case n <= math.MaxUint8:
		w.buf = append(w.buf, 0xd9, byte(n))
	case n <= math.MaxUint16:
		w.buf = binary.BigEndian.AppendUint16(append(w.buf, 0xda), uint16(n))
	default:
		w.buf = binary.BigEndian.AppendUint32(append(w.buf, 0xdb), uint32(n))
	}
	w.buf = append(w.buf, v...)
}

// arrayHeader starts a list of n values.
func (w *msgpackWriter) arrayHeader(n int) {
	switch {
	case n < 16:
		w.buf = append(w.buf, 0x90|byte(n))
	case n <= math.MaxUint16:
		w.buf = binary.BigEndian.AppendUint16(append(w.buf, 0xdc), uint16(n))
	default:
		w.buf = binary.BigEndian.AppendUint32(append(w.buf, 0xdd), uint32(n))
	}
}

// mapHeader starts a map, or an object, of n entries: each a string key
// followed by its value.
func (w *msgpackWriter) mapHeader(n int) {
	switch {
	case n < 16:
		w.buf = append(w.buf, 0x80|byte(n))
	case n <= math.MaxUint16:
		w.buf = binary.BigEndian.AppendUint16(append(w.buf, 0xde), uint16(n))
	default:
		w.buf = binary.BigEndian.AppendUint32(append(w.buf, 0xdf), uint32(n))
	}
}

// raw appends a value that is already encoded.
func (w *msgpackWriter) raw(encoded []byte) {
	w.buf = append(w.buf, encoded...)
}

func (w *msgpackWriter) optionalString(v *string) {
	if v == nil {
		w.null()
		return
	}
	w.string(*v)
}

func (w *msgpackWriter) optionalBool(v *bool) {
	if v == nil {
		w.null()
		return
	}
	w.bool(*v)
}

func (w *msgpackWriter) optionalInt(v *int64) {
	if v == nil {
		w.null()
		return
	}
	w.int(*v)
}

func (w *msgpackWriter) optionalFloat(v *float64) {
	if v == nil {
		w.null()
		return
	}
	w.float(*v)
}
