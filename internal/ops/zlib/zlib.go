// Package zlib implements the zlib binding: deflate/inflate, gzip/gunzip,
// raw deflate, unzip (gzip or zlib, detected), brotli and zstd, over Go's
// compress/* packages, github.com/andybalholm/brotli and
// github.com/klauspost/compress/zstd, plus crc32.
//
// A stream is an integer handle. Compressors are Go writers over a
// buffer: each write feeds a chunk and applies the flush flag, and the
// buffer's new bytes are the output. Decompressors are Go readers, which
// pull their input: each runs on its own goroutine over a feeder that
// hands it the chunks written from JS and reports when it has consumed
// them all and wants more, so that a write returns exactly the output the
// chunk produced.
//
// Writes run either on the calling goroutine (writeSync) or on a
// goroutine with the result posted to the loop (write).
package zlib

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"hash/adler32"
	"hash/crc32"
	"io"
	"reflect"
	"sync"

	"github.com/andybalholm/brotli"
	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/eventloop"
	"github.com/gonode/gonode/internal/qjs"
	"github.com/klauspost/compress/zstd"
)

func init() { binding.Register("zlib", initZlib) }

// Modes, as zlib.constants numbers them.
const (
	ModeDeflate        = 1
	ModeInflate        = 2
	ModeGzip           = 3
	ModeGunzip         = 4
	ModeDeflateRaw     = 5
	ModeInflateRaw     = 6
	ModeUnzip          = 7
	ModeBrotliDecode   = 8
	ModeBrotliEncode   = 9
	ModeZstdCompress   = 10
	ModeZstdDecompress = 11
	zNoFlush           = 0
	zFinish            = 4
	brotliOpFlush      = 1
	brotliOpFinish     = 2
	zNeedDict          = 2
	zDataError         = -3
	zBufError          = -5
	zStreamError       = -2
	brotliModeDefault  = 0
)

// Options configure a stream.
type Options struct {
	Mode       int
	Level      int // zlib level -1..9, or brotli quality 0..11
	Strategy   int
	Dictionary []byte
	LGWin      int   // brotli window bits, 0: default
	PauseAt    int   // decompressors: output bytes after which a write pauses, 0: never
	Checksum   bool  // zstd: write a content checksum
	Pledged    int64 // zstd: the announced input size, if HasPledged
	HasPledged bool
}

// Error is a zlib failure as Node reports it: message and errno (a zlib
// return code, or a brotli decoder error code).
type Error struct {
	Msg   string
	Errno int
}

func (e *Error) Error() string { return e.Msg }

// Stream is one compression or decompression stream.
type Stream struct {
	opts Options

	// compressors
	buf      bytes.Buffer
	in       int64 // input bytes written
	w        interface{ io.WriteCloser }
	flusher  interface{ Flush() error }
	finished bool

	// decompressors
	dec *decoder
}

// NewStream makes a stream for opts.
func NewStream(opts Options) (*Stream, error) {
	s := &Stream{opts: opts}
	if err := s.init(); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Stream) init() error {
	o := s.opts
	s.buf.Reset()
	s.finished = false
	s.in = 0
	s.dec = nil
	level := o.Level
	if o.Strategy == 2 && o.Mode != ModeBrotliEncode { // Z_HUFFMAN_ONLY
		level = flate.HuffmanOnly
	}
	var err error
	switch o.Mode {
	case ModeDeflate, ModeGzip, ModeDeflateRaw:
		var w *framedWriter
		w, err = newFramedWriter(o.Mode, &s.buf, level, o.Dictionary)
		s.w, s.flusher = w, w
	case ModeBrotliEncode:
		q := o.Level
		if q < 0 || q > 11 {
			q = 11
		}
		w := brotli.NewWriterOptions(&s.buf, brotli.WriterOptions{Quality: q, LGWin: o.LGWin})
		s.w, s.flusher = w, w
	case ModeZstdCompress:
		lvl := o.Level
		if lvl < 1 {
			lvl = 1
		}
		var w *zstd.Encoder
		w, err = zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.EncoderLevelFromZstd(lvl)),
			zstd.WithEncoderConcurrency(1), zstd.WithEncoderCRC(o.Checksum), zstd.WithZeroFrames(true))
		if err == nil {
			if o.HasPledged {
				w.ResetContentSize(&s.buf, o.Pledged)
			} else {
				w.Reset(&s.buf)
			}
		}
		s.w, s.flusher = w, w
	case ModeInflate, ModeGunzip, ModeInflateRaw, ModeUnzip, ModeBrotliDecode, ModeZstdDecompress:
		s.dec = newDecoder(o)
	default:
		return &Error{"Init error", zStreamError}
	}
	if err != nil {
		return &Error{"Init error", zStreamError}
	}
	return nil
}

// Reset restarts the stream with its options.
func (s *Stream) Reset() error {
	s.Close()
	return s.init()
}

// Close releases the stream (a decompressor's goroutine ends).
func (s *Stream) Close() {
	if s.dec != nil {
		s.dec.close()
	}
}

// emptyStream writes a whole stream for empty input as zlib does (its
// final block is an empty fixed-Huffman one, 2 bytes, where Go's encoder
// writes an empty stored block). It returns false for other modes.
func (s *Stream) emptyStream() bool {
	if fw, ok := s.w.(*framedWriter); !ok || fw.headerDone {
		return false
	}
	level := s.opts.Level
	if level == 0 {
		return false // stored: zlib too writes an empty stored block
	}
	if s.opts.Strategy == 2 {
		level = 1
	}
	block := []byte{0x03, 0x00}
	switch s.opts.Mode {
	case ModeDeflateRaw:
		if s.opts.Dictionary != nil {
			return false
		}
		s.buf.Write(block)
	case ModeDeflate:
		var lv byte
		switch {
		case level == 0 || level == 1:
			lv = 0
		case level >= 2 && level <= 5:
			lv = 1
		case level == 6 || level == -1:
			lv = 2
		default:
			lv = 3
		}
		flg := lv << 6
		if s.opts.Dictionary != nil {
			flg |= 0x20
		}
		flg += byte(31 - (0x78<<8|int(flg))%31)
		s.buf.Write([]byte{0x78, flg})
		if s.opts.Dictionary != nil {
			d := adler32.Checksum(s.opts.Dictionary)
			s.buf.Write([]byte{byte(d >> 24), byte(d >> 16), byte(d >> 8), byte(d)})
		}
		s.buf.Write(block)
		s.buf.Write([]byte{0, 0, 0, 1}) // the Adler-32 of nothing
	case ModeGzip:
		var xfl byte
		switch level {
		case 9:
			xfl = 2
		case 1:
			xfl = 4
		}
		s.buf.Write([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3})
		s.buf.Write(block)
		s.buf.Write(make([]byte, 8)) // CRC-32 and size, both 0
	default:
		return false
	}
	return true
}

// Params changes the level and strategy of a deflate, gzip or raw
// deflate compressor mid-stream, as zlib's deflateParams does.
func (s *Stream) Params(level, strategy int) error {
	fw, ok := s.w.(*framedWriter)
	if !ok || s.finished {
		return nil
	}
	if strategy == 2 {
		level = flate.HuffmanOnly
	}
	s.opts.Level, s.opts.Strategy = level, strategy
	if err := fw.params(level); err != nil {
		return &Error{"Init error", zStreamError}
	}
	return nil
}

// Consumed returns how many input bytes the stream has used: for a
// decompressor, bytes after the end of the compressed data do not count.
func (s *Stream) Consumed() int64 {
	if s.dec != nil {
		return s.dec.consumed()
	}
	return s.in
}

// More reports whether a decompressor paused with more output to come:
// the next Write (of no input) continues.
func (s *Stream) More() bool { return s.dec != nil && s.dec.state == evMore }

// EndedEarly reports whether a decompressor saw the end of its data
// with input to spare: the rest of the input is not part of the stream.
func (s *Stream) EndedEarly() bool {
	if s.dec == nil || s.dec.state != evDone {
		return false
	}
	s.dec.mu.Lock()
	defer s.dec.mu.Unlock()
	return s.dec.leftover > 0
}

// Write feeds chunk with a flush flag (Z_* for zlib modes, a
// BROTLI_OPERATION_* for brotli) and returns the output it produced.
func (s *Stream) Write(chunk []byte, flush int) ([]byte, error) {
	if s.dec != nil {
		finish := flush == zFinish
		if s.opts.Mode == ModeBrotliDecode || s.opts.Mode == ModeZstdDecompress {
			finish = flush == brotliOpFinish
		}
		return s.dec.write(chunk, finish)
	}
	if s.finished {
		return nil, nil
	}
	s.in += int64(len(chunk))
	if s.opts.Mode == ModeZstdCompress && s.opts.HasPledged &&
		(s.in > s.opts.Pledged || flush == brotliOpFinish && s.in != s.opts.Pledged) {
		return nil, &Error{"Src size is incorrect", 72}
	}
	if len(chunk) > 0 {
		if _, err := s.w.Write(chunk); err != nil {
			return nil, &Error{err.Error(), zStreamError}
		}
	}
	var err error
	if s.opts.Mode == ModeBrotliEncode || s.opts.Mode == ModeZstdCompress {
		// BROTLI_OPERATION_* and ZSTD_e_* share their numbers.
		switch flush {
		case brotliOpFlush:
			err = s.flusher.Flush()
		case brotliOpFinish:
			err = s.w.Close()
			s.finished = true
		}
	} else {
		switch {
		case flush == zFinish && s.in == 0 && s.emptyStream():
			s.finished = true
		case flush == zFinish:
			err = s.w.Close()
			s.finished = true
		case flush != zNoFlush:
			err = s.flusher.Flush()
		}
	}
	if err != nil {
		if s.opts.Mode == ModeZstdCompress {
			return nil, &Error{"Src size is incorrect", 72}
		}
		return nil, &Error{err.Error(), zStreamError}
	}
	out := append([]byte(nil), s.buf.Bytes()...)
	s.buf.Reset()
	return out, nil
}

// Header errors Go's readers report only as a bad header.
var (
	errUnknownMethod = errors.New("unknown compression method")
	errWindowSize    = errors.New("invalid window size")
)

// decoder events, from its goroutine to the writer.
type event int

const (
	evNeed event = iota // all input consumed, more wanted
	evDone              // end of the compressed stream
	evErr               // failed; decoder.err says why
	evMore              // paused with output ready, more to come
)

// errStopped ends a decoder goroutine whose stream was closed.
var errStopped = errors.New("zlib: stream closed")

// decoder runs a pull-style Go reader over pushed chunks.
type decoder struct {
	opts    Options
	feed    chan []byte
	ev      chan event
	stop    chan struct{}
	resume  chan struct{}
	started bool
	closed  bool // feed closed (finish)
	stopped bool
	state   event

	mu       sync.Mutex
	out      []byte
	err      error
	fed      int64 // bytes handed to the goroutine
	leftover int64 // unused input at the end of the stream

	buf []byte // goroutine side: unread input
	eof bool
}

func newDecoder(o Options) *decoder {
	return &decoder{opts: o, feed: make(chan []byte), ev: make(chan event), stop: make(chan struct{}),
		resume: make(chan struct{})}
}

// fetch gets the next input chunk (goroutine side); false at the end.
func (d *decoder) fetch() bool {
	if d.eof {
		return false
	}
	select {
	case d.ev <- evNeed:
	case <-d.stop:
		d.eof = true
		return false
	}
	select {
	case b, ok := <-d.feed:
		if !ok {
			d.eof = true
			return false
		}
		d.buf = append(d.buf, b...)
		return true
	case <-d.stop:
		d.eof = true
		return false
	}
}

// Read implements io.Reader over the fed chunks.
func (d *decoder) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	for len(d.buf) == 0 {
		if !d.fetch() {
			return 0, io.EOF
		}
	}
	n := copy(p, d.buf)
	d.buf = d.buf[n:]
	return n, nil
}

// ReadByte implements io.ByteReader, so that flate reads no further than
// it needs.
func (d *decoder) ReadByte() (byte, error) {
	for len(d.buf) == 0 {
		if !d.fetch() {
			return 0, io.EOF
		}
	}
	b := d.buf[0]
	d.buf = d.buf[1:]
	return b, nil
}

// peek returns up to n unread bytes, fetching as needed.
func (d *decoder) peek(n int) []byte {
	for len(d.buf) < n && d.fetch() {
	}
	return d.buf[:min(n, len(d.buf))]
}

func (d *decoder) emit(e event) {
	select {
	case d.ev <- e:
	case <-d.stop:
	}
}

func (d *decoder) fail(err error) {
	d.mu.Lock()
	d.err = err
	d.mu.Unlock()
	d.emit(evErr)
}

// drain copies r's output until its end.
func (d *decoder) drain(r io.Reader) error {
	out := make([]byte, 32<<10)
	for {
		n, err := r.Read(out)
		if n > 0 {
			d.mu.Lock()
			d.out = append(d.out, out[:n]...)
			full := d.opts.PauseAt > 0 && len(d.out) >= d.opts.PauseAt
			d.mu.Unlock()
			if full {
				// Let the writer take this output before making more, so
				// that a paused reader holds back decompression.
				d.emit(evMore)
				select {
				case <-d.resume:
				case <-d.stop:
					return errStopped
				}
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// consumed is the input used so far (writer side).
func (d *decoder) consumed() int64 {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.fed - d.leftover
}

// finish reports the end of the compressed data, with extra input bytes
// held by the Go reader beyond those of the feeder.
func (d *decoder) finish(extra int) {
	d.mu.Lock()
	d.leftover = int64(len(d.buf) + extra)
	d.mu.Unlock()
	d.emit(evDone)
}

func (d *decoder) run() {
	mode := d.opts.Mode
	if mode == ModeUnzip {
		h := d.peek(2)
		if len(h) == 2 && h[0] == 0x1f && h[1] == 0x8b {
			mode = ModeGunzip
		} else {
			mode = ModeInflate
		}
	}
	var err error
	switch mode {
	case ModeInflate:
		var r io.ReadCloser
		if h := d.peek(2); len(h) == 2 && (int(h[0])<<8|int(h[1]))%31 == 0 {
			if h[0]&0x0f != 8 {
				err = errUnknownMethod
			} else if h[0]>>4 > 7 {
				err = errWindowSize
			}
		}
		if err != nil {
			break
		}
		if d.opts.Dictionary != nil {
			r, err = zlib.NewReaderDict(d, d.opts.Dictionary)
		} else {
			r, err = zlib.NewReader(d)
		}
		if err == nil {
			err = d.drain(r)
		}
	case ModeInflateRaw:
		err = d.drain(flate.NewReaderDict(d, d.opts.Dictionary))
	case ModeBrotliDecode:
		br := brotli.NewReader(d)
		err = d.drain(br)
		if err != nil && err.Error() == "brotli: excessive input" {
			// The stream ended with input to spare, which stays in the
			// reader's buffer.
			d.finish(reflect.ValueOf(br).Elem().FieldByName("in").Len())
			return
		}
	case ModeZstdDecompress:
		var zr *zstd.Decoder
		zr, err = zstd.NewReader(d, zstd.WithDecoderConcurrency(1), zstd.WithDecoderLowmem(true))
		if err == nil {
			if len(d.peek(1)) == 0 {
				err = io.ErrUnexpectedEOF
			} else {
				err = d.drain(zr)
			}
			zr.Close()
		}
	case ModeGunzip:
		var zr *gzip.Reader
		if h := d.peek(2); len(h) > 0 && (h[0] != 0x1f || len(h) == 2 && h[1] != 0x8b) {
			err = gzip.ErrHeader
		}
		for err == nil {
			if h := d.peek(3); len(h) == 3 && h[2] != 8 {
				err = errUnknownMethod
				break
			}
			if zr == nil {
				zr, err = gzip.NewReader(d)
			} else {
				err = zr.Reset(d)
			}
			if err != nil {
				break
			}
			zr.Multistream(false)
			if err = d.drain(zr); err != nil {
				break
			}
			// Another member follows only if its magic does; anything
			// else after a member is ignored, as zlib does.
			h := d.peek(2)
			if len(h) < 2 || h[0] != 0x1f || h[1] != 0x8b {
				break
			}
		}
	}
	if err != nil {
		d.fail(err)
		return
	}
	d.finish(0)
}

// await waits for the goroutine's next event.
func (d *decoder) await() {
	select {
	case e := <-d.ev:
		d.state = e
	case <-d.stop:
		d.state = evDone
	}
}

func (d *decoder) write(chunk []byte, finish bool) ([]byte, error) {
	if d.stopped {
		return nil, nil
	}
	if !d.started {
		d.started = true
		go d.run()
		d.await()
	}
	if d.state == evMore {
		d.resume <- struct{}{}
		d.await()
	}
	for d.state == evMore && len(chunk) > 0 {
		// New input while output is pending: take all of it first.
		d.resume <- struct{}{}
		d.await()
	}
	if d.state == evMore {
		d.mu.Lock()
		out := d.out
		d.out = nil
		d.mu.Unlock()
		return out, nil
	}
	if d.state == evDone && len(chunk) > 0 {
		// Past the end of the compressed data: unused input.
		d.mu.Lock()
		d.fed += int64(len(chunk))
		d.leftover += int64(len(chunk))
		d.mu.Unlock()
	}
	if d.state == evNeed && len(chunk) > 0 {
		d.mu.Lock()
		d.fed += int64(len(chunk))
		d.mu.Unlock()
		d.feed <- append([]byte(nil), chunk...)
		d.await()
	}
	if finish && d.state == evNeed && !d.closed {
		d.closed = true
		close(d.feed)
		d.await()
	}
	d.mu.Lock()
	out := d.out
	d.out = nil
	err := d.err
	d.mu.Unlock()
	if d.state == evErr && err != nil {
		return out, d.mapErr(err)
	}
	return out, nil
}

func (d *decoder) close() {
	if !d.stopped {
		d.stopped = true
		close(d.stop)
	}
}

// mapErr turns a Go decoder error into zlib's message and code.
func (d *decoder) mapErr(err error) *Error {
	if d.opts.Mode == ModeBrotliDecode {
		if v := reflect.ValueOf(err); v.Kind() == reflect.Int {
			return &Error{"Decompression failed", int(v.Int())}
		}
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return &Error{"unexpected end of file", zBufError}
		}
		return &Error{"Decompression failed", -31}
	}
	if d.opts.Mode == ModeZstdDecompress {
		switch {
		case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
			return &Error{"unexpected end of file", zBufError}
		case errors.Is(err, zstd.ErrMagicMismatch):
			return &Error{"Unknown frame descriptor", 10}
		case errors.Is(err, zstd.ErrCRCMismatch):
			return &Error{"Restored data doesn't match checksum", 22}
		case errors.Is(err, zstd.ErrWindowSizeExceeded), errors.Is(err, zstd.ErrDecoderSizeExceeded):
			return &Error{"Frame requires too much memory for decoding", 16}
		}
		return &Error{"Corrupted block detected", 20}
	}
	var ce flate.CorruptInputError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return &Error{"unexpected end of file", zBufError}
	case err == errUnknownMethod, err == errWindowSize:
		return &Error{err.Error(), zDataError}
	case errors.Is(err, zlib.ErrHeader), errors.Is(err, gzip.ErrHeader):
		return &Error{"incorrect header check", zDataError}
	case errors.Is(err, zlib.ErrChecksum), errors.Is(err, gzip.ErrChecksum):
		return &Error{"incorrect data check", zDataError}
	case errors.Is(err, zlib.ErrDictionary):
		if d.opts.Dictionary == nil {
			return &Error{"Missing dictionary", zNeedDict}
		}
		return &Error{"Bad dictionary", zNeedDict}
	case errors.As(err, &ce):
		return &Error{"invalid block type", zDataError}
	}
	return &Error{err.Error(), zDataError}
}

// zlibBinding holds the streams of one instance.
type zlibBinding struct {
	env     *binding.Env
	streams map[int64]*Stream
	nextID  int64
}

func bytesArg(c *qjs.Context, v qjs.Value) []byte {
	if v.IsString() {
		return []byte(c.GoString(v))
	}
	if b, ok := c.TypedArrayBytes(v); ok {
		return b
	}
	if b, ok := c.ArrayBufferBytes(v); ok {
		return b
	}
	c.ClearException()
	return nil
}

// throwErr throws a zlib error as Node does: message, errno, code set by
// JS (zlib.codes), here errno only.
func throwErr(c *qjs.Context, err error) qjs.Value {
	var ze *Error
	if !errors.As(err, &ze) {
		ze = &Error{err.Error(), zStreamError}
	}
	e := c.MakeError("Error", ze.Msg)
	c.Set(e, "errno", qjs.Int32(int32(ze.Errno)))
	return c.Throw(e)
}

func initZlib(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	b := &zlibBinding{env: env, streams: map[int64]*Stream{}}

	// create(mode, level, strategy, dictionary, lgwin, checksum,
	// pledgedSize, pauseAt) -> id.
	binding.Func(c, obj, "create", 8, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		o := Options{
			Mode:     int(qjs.Arg(args, 0).Int()),
			Level:    int(qjs.Arg(args, 1).Int()),
			Strategy: int(qjs.Arg(args, 2).Int()),
			LGWin:    int(qjs.Arg(args, 4).Int()),
			Checksum: c.ToBool(qjs.Arg(args, 5)),
			PauseAt:  int(qjs.Arg(args, 7).Int()),
		}
		if p := qjs.Arg(args, 6); p.IsNumber() {
			o.Pledged, o.HasPledged = p.Int(), true
		}
		if d := qjs.Arg(args, 3); !d.IsNullish() {
			o.Dictionary = append([]byte{}, bytesArg(c, d)...)
		}
		s, err := NewStream(o)
		if err != nil {
			return throwErr(c, err)
		}
		b.nextID++
		b.streams[b.nextID] = s
		return qjs.Int64(b.nextID)
	})

	// writeSync(id, chunk, flush, maxOutput) -> Uint8Array with all the
	// output, or null past maxOutput bytes; throws on error.
	binding.Func(c, obj, "writeSync", 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := b.streams[qjs.Arg(args, 0).Int()]
		if s == nil {
			return throwErr(c, &Error{"zlib binding closed", zStreamError})
		}
		flush := int(qjs.Arg(args, 2).Int())
		limit := qjs.Arg(args, 3).Float()
		out, err := s.Write(bytesArg(c, qjs.Arg(args, 1)), flush)
		for err == nil && s.More() {
			if limit > 0 && float64(len(out)) > limit {
				return qjs.Null
			}
			var more []byte
			more, err = s.Write(nil, flush)
			out = append(out, more...)
		}
		if err != nil {
			return throwErr(c, err)
		}
		if limit > 0 && float64(len(out)) > limit {
			return qjs.Null
		}
		return c.Uint8Array(out)
	})

	// write(id, chunk, flush, cb): the work runs off the loop; then
	// cb(output, message, errno, more) runs on it: message and errno
	// on failure, more when a decompressor paused with output pending
	// (write again with no input to go on).
	binding.Func(c, obj, "write", 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		s := b.streams[qjs.Arg(args, 0).Int()]
		cb := c.Dup(qjs.Arg(args, 3))
		chunk := append([]byte(nil), bytesArg(c, qjs.Arg(args, 1))...)
		flush := int(qjs.Arg(args, 2).Int())
		type result struct {
			out  []byte
			err  error
			more bool
		}
		eventloop.Go(env.Loop, func() result {
			if s == nil {
				return result{nil, &Error{"zlib binding closed", zStreamError}, false}
			}
			out, err := s.Write(chunk, flush)
			return result{out, err, s.More()}
		}, func(r result) {
			defer c.Free(cb)
			args := []qjs.Value{c.Uint8Array(r.out)}
			if r.err != nil {
				var ze *Error
				if !errors.As(r.err, &ze) {
					ze = &Error{r.err.Error(), zStreamError}
				}
				args = append(args, c.String(ze.Msg), qjs.Int32(int32(ze.Errno)))
			} else {
				args = append(args, qjs.Undefined, qjs.Undefined, qjs.Bool(r.more))
			}
			res, err := c.Call(cb, qjs.Undefined, args...)
			c.FreeAll(args...)
			if err != nil {
				env.Uncaught(err)
				return
			}
			c.Free(res)
		})
		return qjs.Undefined
	})

	// params(id, level, strategy) changes a deflate stream's level.
	binding.Func(c, obj, "params", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if s := b.streams[qjs.Arg(args, 0).Int()]; s != nil {
			if err := s.Params(int(qjs.Arg(args, 1).Int()), int(qjs.Arg(args, 2).Int())); err != nil {
				return throwErr(c, err)
			}
		}
		return qjs.Undefined
	})

	// consumed(id) -> input bytes the stream has used.
	binding.Func(c, obj, "consumed", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if s := b.streams[qjs.Arg(args, 0).Int()]; s != nil {
			return qjs.Int64(s.Consumed())
		}
		return qjs.Int32(0)
	})

	// endedEarly(id) -> whether the compressed data ended before the input.
	binding.Func(c, obj, "endedEarly", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if s := b.streams[qjs.Arg(args, 0).Int()]; s != nil {
			return qjs.Bool(s.EndedEarly())
		}
		return qjs.Bool(false)
	})

	binding.Func(c, obj, "reset", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if s := b.streams[qjs.Arg(args, 0).Int()]; s != nil {
			if err := s.Reset(); err != nil {
				return throwErr(c, err)
			}
		}
		return qjs.Undefined
	})

	binding.Func(c, obj, "close", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		id := qjs.Arg(args, 0).Int()
		if s := b.streams[id]; s != nil {
			s.Close()
			delete(b.streams, id)
		}
		return qjs.Undefined
	})

	// crc32(data, value) -> the CRC-32 of data continuing from value.
	binding.Func(c, obj, "crc32", 2, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return qjs.Int64(int64(crc32.Update(uint32(qjs.Arg(args, 1).Int()), crc32.IEEETable, bytesArg(c, qjs.Arg(args, 0)))))
	})
}
