package provider

import (
	"math"

	"github.com/vmihailenco/msgpack/v5"
)

// msgpackWriter appends Terraform's wire encoding of state (MessagePack, as
// cty reads it) for the few kinds of value a Duo object holds. Writing the
// state straight from the client's structs skips building, walking and
// marshalling a tftypes.Value tree, which for a large account costs
// seconds.
//
// The values are encoded by msgpack.Encoder, the encoder terraform-plugin-go
// and cty use, writing into buf through the writer itself: the encoder
// writes each value as it encodes it and buffers nothing, so buf always holds
// everything written so far, raw can append to it directly, and callers may
// preallocate buf and slice it between values. The encoder holds a pointer to
// the writer, so a writer is not copied once it has written.
type msgpackWriter struct {
	buf []byte
	enc *msgpack.Encoder
}

// Write appends p to buf, for the encoder; it never fails.
func (w *msgpackWriter) Write(p []byte) (int, error) {
	w.buf = append(w.buf, p...)
	return len(p), nil
}

// WriteByte appends c to buf, for the encoder; it never fails.
func (w *msgpackWriter) WriteByte(c byte) error {
	w.buf = append(w.buf, c)
	return nil
}

// encoder returns the writer's encoder. The encoder's errors are those of
// Write and WriteByte, which never fail, so they are not checked.
func (w *msgpackWriter) encoder() *msgpack.Encoder {
	if w.enc == nil {
		w.enc = msgpack.NewEncoder(w)
	}
	return w.enc
}

func (w *msgpackWriter) null() {
	_ = w.encoder().EncodeNil()
}

func (w *msgpackWriter) bool(v bool) {
	_ = w.encoder().EncodeBool(v)
}

// int writes v in the fewest bytes, as cty does (EncodeInt always picks the
// smallest width, with or without UseCompactInts).
func (w *msgpackWriter) int(v int64) {
	_ = w.encoder().EncodeInt(v)
}

// float writes v as cty does: a whole number as an integer. The range check
// is explicit rather than the encoder's UseCompactFloats, which tests
// float64(int64(v)) == v: where the conversion saturates (arm64), 2^63
// passes that test and would be written as MaxInt64. A whole number beyond
// int64 is written as a double, where cty writes its decimal digits as a
// string; both decode to the same float64.
func (w *msgpackWriter) float(v float64) {
	if v == math.Trunc(v) && v >= math.MinInt64 && v < math.MaxInt64 {
		w.int(int64(v))
		return
	}
	_ = w.encoder().EncodeFloat64(v)
}

func (w *msgpackWriter) string(v string) {
	_ = w.encoder().EncodeString(v)
}

// arrayHeader starts a list of n values.
func (w *msgpackWriter) arrayHeader(n int) {
	_ = w.encoder().EncodeArrayLen(n)
}

// mapHeader starts a map, or an object, of n entries: each a string key
// followed by its value.
func (w *msgpackWriter) mapHeader(n int) {
	_ = w.encoder().EncodeMapLen(n)
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
