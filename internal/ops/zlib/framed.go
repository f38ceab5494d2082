package zlib

import (
	"bytes"
	"compress/flate"
	"hash"
	"hash/adler32"
	"hash/crc32"
)

// framedWriter writes a deflate stream with zlib's framing (zlib or gzip
// header and trailer, or none for raw deflate) around flate writers, so
// that the level can change mid-stream (params): the current writer is
// flushed to a byte boundary and a new one continues the same stream.
type framedWriter struct {
	mode       int
	out        *bytes.Buffer
	fw         *flate.Writer
	level      int
	dict       []byte
	sum        hash.Hash32
	size       uint32
	headerDone bool
	dirty      bool // written since the last flush
}

func newFramedWriter(mode int, out *bytes.Buffer, level int, dict []byte) (*framedWriter, error) {
	w := &framedWriter{mode: mode, out: out, level: level, dict: dict}
	switch mode {
	case ModeDeflate:
		w.sum = adler32.New()
	case ModeGzip:
		w.sum = crc32.NewIEEE()
	}
	var err error
	w.fw, err = flate.NewWriterDict(out, level, dict)
	return w, err
}

// zlibHeader returns the two-byte zlib header for a level, as zlib sets
// its FLEVEL bits, with FDICT when a dictionary is used.
func zlibHeader(level int, dict bool) []byte {
	var lv byte
	switch {
	case level == flate.HuffmanOnly || level == 0 || level == 1:
		lv = 0
	case level >= 2 && level <= 5:
		lv = 1
	case level == 6 || level == -1:
		lv = 2
	default:
		lv = 3
	}
	flg := lv << 6
	if dict {
		flg |= 0x20
	}
	flg += byte(31 - (0x78<<8|int(flg))%31)
	return []byte{0x78, flg}
}

func (w *framedWriter) header() {
	if w.headerDone {
		return
	}
	w.headerDone = true
	switch w.mode {
	case ModeDeflate:
		w.out.Write(zlibHeader(w.level, w.dict != nil))
		if w.dict != nil {
			d := adler32.Checksum(w.dict)
			w.out.Write([]byte{byte(d >> 24), byte(d >> 16), byte(d >> 8), byte(d)})
		}
	case ModeGzip:
		var xfl byte
		switch {
		case w.level == 9:
			xfl = 2
		case w.level == 1 || w.level == 0 || w.level == flate.HuffmanOnly:
			xfl = 4
		}
		w.out.Write([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3})
	}
}

func (w *framedWriter) Write(p []byte) (int, error) {
	w.header()
	if w.sum != nil {
		w.sum.Write(p)
	}
	w.size += uint32(len(p))
	w.dirty = w.dirty || len(p) > 0
	return w.fw.Write(p)
}

func (w *framedWriter) Flush() error {
	w.header()
	w.dirty = false
	return w.fw.Flush()
}

func (w *framedWriter) Close() error {
	w.header()
	if err := w.fw.Close(); err != nil {
		return err
	}
	switch w.mode {
	case ModeDeflate:
		s := w.sum.Sum32()
		w.out.Write([]byte{byte(s >> 24), byte(s >> 16), byte(s >> 8), byte(s)})
	case ModeGzip:
		s := w.sum.Sum32()
		w.out.Write([]byte{byte(s), byte(s >> 8), byte(s >> 16), byte(s >> 24),
			byte(w.size), byte(w.size >> 8), byte(w.size >> 16), byte(w.size >> 24)})
	}
	return nil
}

// params continues the stream at a new level.
func (w *framedWriter) params(level int) error {
	w.header()
	if w.dirty {
		if err := w.Flush(); err != nil {
			return err
		}
	}
	fw, err := flate.NewWriter(w.out, level)
	if err != nil {
		return err
	}
	w.fw, w.level = fw, level
	return nil
}
