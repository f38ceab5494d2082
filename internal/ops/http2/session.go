// Package http2 is the HTTP/2 protocol engine behind node:http2: a
// byte-in, byte-out session state machine (frames, HPACK, stream states,
// flow control) that lib/internal/http2 drives over a net or tls socket.
// It does no I/O itself: JS feeds it what the socket read and writes out
// what it produced, so nothing here blocks the loop.
package http2

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"golang.org/x/net/http2"
	"golang.org/x/net/http2/hpack"
)

// Stream states, numbered as nghttp2 (and node's constants) number them.
const (
	stateIdle             = 1
	stateOpen             = 2
	stateReservedLocal    = 3
	stateReservedRemote   = 4
	stateHalfClosedLocal  = 5
	stateHalfClosedRemote = 6
	stateClosed           = 7
)

const clientPreface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"

// Event is one thing the session reports to JS.
type Event struct {
	Kind  string   // headers, data, rst, close, settings, settingsAck, ping, pingAck, goaway, error, frameError, windowUpdate
	SID   uint32   // stream id, where there is one
	A, B  int64    // kind-dependent numbers (flags, codes, ids)
	Data  []byte   // payload (data, ping, goaway debug data)
	Hdrs  []string // name, value pairs (headers) or setting id, value pairs (settings)
	Flag  bool     // end of stream for headers and data
	Extra string   // error message
}

type outItem struct {
	rst     bool
	code    http2.ErrCode
	headers bool
	hdrs    []hpack.HeaderField
	data    []byte
	end     bool
}

type stream struct {
	id           uint32
	state        int
	sendWin      int64
	recvWin      int64
	queue        []outItem
	localClosed  bool
	remoteClosed bool
	weight       int
}

// Session is one HTTP/2 connection's protocol state.
type Session struct {
	server   bool
	in       []byte
	out      bytes.Buffer
	events   []Event
	feed     feedReader
	rd       *http2.Framer
	wr       *http2.Framer
	enc      *hpack.Encoder
	encBuf   bytes.Buffer
	dec      *hpack.Decoder
	preface  bool // server: client preface seen
	streams  map[uint32]*stream
	nextID   uint32
	lastRecv uint32
	dead     bool

	connSendWin   int64
	connRecvWin   int64
	localConnWin  int64 // the size of our connection window we advertise
	peerInitWin   int64
	localInitWin  int64
	peerMaxFrame  uint32
	pendingLocal  [][]http2.Setting
	hdrSID        uint32
	hdrBlock      []byte
	hdrEnd        bool
	hdrFlags      int64
	goawaySent    bool
	goawayRecv    bool
	peerMaxStream uint32
	// localMaxStreams is the SETTINGS_MAX_CONCURRENT_STREAMS we sent.
	localMaxStreams uint32
	// localMaxHeaderList is the SETTINGS_MAX_HEADER_LIST_SIZE we sent.
	localMaxHeaderList uint32
}

type feedReader struct{ b []byte }

func (f *feedReader) Read(p []byte) (int, error) {
	if len(f.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p, f.b)
	f.b = f.b[n:]
	return n, nil
}

// NewSession starts a session; a client's begins with the connection
// preface. settings are sent in the first SETTINGS frame.
func NewSession(server bool, settings []http2.Setting) *Session {
	s := &Session{
		server:             server,
		streams:            map[uint32]*stream{},
		connSendWin:        65535,
		connRecvWin:        65535,
		localConnWin:       65535,
		peerInitWin:        65535,
		localInitWin:       65535,
		peerMaxFrame:       16384,
		peerMaxStream:      1<<32 - 1,
		localMaxStreams:    1<<32 - 1,
		localMaxHeaderList: 65535,
	}
	if server {
		s.nextID = 2
	} else {
		s.nextID = 1
		s.preface = true
		s.out.WriteString(clientPreface)
	}
	s.rd = http2.NewFramer(nil, &s.feed)
	s.rd.SetMaxReadFrameSize(1<<24 - 1)
	s.wr = http2.NewFramer(&s.out, nil)
	s.enc = hpack.NewEncoder(&s.encBuf)
	s.dec = hpack.NewDecoder(4096, nil)
	s.dec.SetMaxStringLength(1 << 24)
	s.Settings(settings)
	return s
}

func (s *Session) emit(e Event) { s.events = append(s.events, e) }

// Take returns the bytes to write and the events since the last call.
func (s *Session) Take() ([]byte, []Event) {
	var out []byte
	if s.out.Len() > 0 {
		out = append([]byte(nil), s.out.Bytes()...)
		s.out.Reset()
	}
	ev := s.events
	s.events = nil
	return out, ev
}

// Settings queues a SETTINGS frame; its values take effect locally when
// the peer acknowledges it.
func (s *Session) Settings(set []http2.Setting) {
	if s.dead {
		return
	}
	for _, st := range set {
		switch st.ID {
		case http2.SettingMaxConcurrentStreams:
			s.localMaxStreams = st.Val
		case http2.SettingMaxHeaderListSize:
			s.localMaxHeaderList = st.Val
		}
	}
	s.wr.WriteSettings(set...)
	s.pendingLocal = append(s.pendingLocal, set)
}

// connError ends the session with GOAWAY(code) and reports it.
func (s *Session) connError(code http2.ErrCode, msg string) {
	if s.dead {
		return
	}
	s.wr.WriteGoAway(s.lastRecv, code, nil)
	s.goawaySent = true
	s.emit(Event{Kind: "error", A: int64(code), Extra: msg})
	s.dead = true
}

// Receive consumes bytes read from the socket.
func (s *Session) Receive(p []byte) {
	if s.dead {
		return
	}
	s.in = append(s.in, p...)
	if !s.preface {
		n := len(s.in)
		if n > len(clientPreface) {
			n = len(clientPreface)
		}
		if string(s.in[:n]) != clientPreface[:n] {
			s.emit(Event{Kind: "badPreface"})
			s.dead = true
			return
		}
		if len(s.in) < len(clientPreface) {
			return
		}
		s.in = s.in[len(clientPreface):]
		s.preface = true
	}
	for !s.dead && len(s.in) >= 9 {
		length := int(s.in[0])<<16 | int(s.in[1])<<8 | int(s.in[2])
		if len(s.in) < 9+length {
			break
		}
		s.feed.b = s.in[:9+length]
		f, err := s.rd.ReadFrame()
		s.in = s.in[9+length:]
		if err != nil {
			var ce http2.ConnectionError
			var se http2.StreamError
			switch {
			case errors.As(err, &se):
				s.emit(Event{Kind: "frameError", SID: se.StreamID, A: int64(se.Code)})
				s.rst(se.StreamID, se.Code, true)
				continue
			case errors.As(err, &ce):
				s.connError(http2.ErrCode(ce), err.Error())
			default:
				s.connError(http2.ErrCodeProtocol, err.Error())
			}
			break
		}
		s.handle(f)
	}
	if len(s.in) == 0 {
		s.in = nil
	}
	s.pump()
}

func (s *Session) ownStream(id uint32) bool { return (id%2 == 0) == s.server }

func (s *Session) handle(f http2.Frame) {
	if s.hdrSID != 0 {
		if cf, ok := f.(*http2.ContinuationFrame); ok && cf.StreamID == s.hdrSID {
			s.hdrBlock = append(s.hdrBlock, cf.HeaderBlockFragment()...)
			if cf.HeadersEnded() {
				s.headersDone()
			}
			return
		}
		s.connError(http2.ErrCodeProtocol, "expected CONTINUATION")
		return
	}
	switch f := f.(type) {
	case *http2.SettingsFrame:
		if f.IsAck() {
			if len(s.pendingLocal) > 0 {
				set := s.pendingLocal[0]
				s.pendingLocal = s.pendingLocal[1:]
				var pairs []string
				for _, st := range set {
					s.applyLocal(st)
					pairs = append(pairs, fmt.Sprint(uint16(st.ID)), fmt.Sprint(st.Val))
				}
				s.emit(Event{Kind: "settingsAck", Hdrs: pairs})
			}
			return
		}
		var pairs []string
		err := f.ForeachSetting(func(st http2.Setting) error {
			if err := st.Valid(); err != nil {
				return err
			}
			s.applyRemote(st)
			pairs = append(pairs, fmt.Sprint(uint16(st.ID)), fmt.Sprint(st.Val))
			return nil
		})
		if err != nil {
			var ce http2.ConnectionError
			code := http2.ErrCodeProtocol
			if errors.As(err, &ce) {
				code = http2.ErrCode(ce)
			}
			s.connError(code, err.Error())
			return
		}
		s.wr.WriteSettingsAck()
		s.emit(Event{Kind: "settings", Hdrs: pairs})
	case *http2.HeadersFrame:
		s.hdrSID = f.StreamID
		s.hdrBlock = append(s.hdrBlock[:0], f.HeaderBlockFragment()...)
		s.hdrEnd = f.StreamEnded()
		s.hdrFlags = int64(f.Flags)
		if f.HasPriority() {
			if f.Priority.StreamDep == f.StreamID {
				s.hdrSID = 0
				s.rst(f.StreamID, http2.ErrCodeProtocol, true)
				return
			}
		}
		if f.HeadersEnded() {
			s.headersDone()
		}
	case *http2.DataFrame:
		n := int64(f.Length)
		s.connRecvWin -= n
		if n > 0 {
			s.wr.WriteWindowUpdate(0, uint32(n))
			s.connRecvWin += n
		}
		st := s.streams[f.StreamID]
		if st == nil || st.remoteClosed {
			if f.StreamID <= s.lastRecv || s.ownStream(f.StreamID) {
				s.wr.WriteRSTStream(f.StreamID, http2.ErrCodeStreamClosed)
			} else {
				s.connError(http2.ErrCodeProtocol, "DATA on idle stream")
			}
			return
		}
		st.recvWin -= n
		if n > 0 && !f.StreamEnded() {
			s.wr.WriteWindowUpdate(f.StreamID, uint32(n))
			st.recvWin += n
		}
		data := append([]byte(nil), f.Data()...)
		s.emit(Event{Kind: "data", SID: f.StreamID, Data: data, Flag: f.StreamEnded()})
		if f.StreamEnded() {
			s.remoteEnd(st)
		}
	case *http2.RSTStreamFrame:
		st := s.streams[f.StreamID]
		if st == nil {
			return
		}
		s.emit(Event{Kind: "rst", SID: f.StreamID, A: int64(f.ErrCode)})
		st.queue = nil
		s.closeStream(st, int64(f.ErrCode))
	case *http2.PingFrame:
		if f.IsAck() {
			s.emit(Event{Kind: "pingAck", Data: append([]byte(nil), f.Data[:]...)})
			return
		}
		s.wr.WritePing(true, f.Data)
		s.emit(Event{Kind: "ping", Data: append([]byte(nil), f.Data[:]...)})
	case *http2.GoAwayFrame:
		s.goawayRecv = true
		s.peerMaxStream = f.LastStreamID
		s.emit(Event{Kind: "goaway", A: int64(f.ErrCode), B: int64(f.LastStreamID), Data: append([]byte(nil), f.DebugData()...)})
	case *http2.WindowUpdateFrame:
		if f.StreamID == 0 {
			s.connSendWin += int64(f.Increment)
			if s.connSendWin > 1<<31-1 {
				s.connError(http2.ErrCodeFlowControl, "window overflow")
			}
			return
		}
		if st := s.streams[f.StreamID]; st != nil {
			st.sendWin += int64(f.Increment)
			if st.sendWin > 1<<31-1 {
				s.rst(st.id, http2.ErrCodeFlowControl, true)
			}
		}
	case *http2.PriorityFrame:
		if f.StreamDep == f.StreamID {
			s.rst(f.StreamID, http2.ErrCodeProtocol, true)
			return
		}
		if st := s.streams[f.StreamID]; st != nil {
			st.weight = int(f.Weight) + 1
		}
	case *http2.PushPromiseFrame:
		s.connError(http2.ErrCodeProtocol, "PUSH_PROMISE not supported")
	case *http2.ContinuationFrame:
		s.connError(http2.ErrCodeProtocol, "unexpected CONTINUATION")
	}
}

func (s *Session) applyLocal(st http2.Setting) {
	switch st.ID {
	case http2.SettingInitialWindowSize:
		d := int64(st.Val) - s.localInitWin
		s.localInitWin = int64(st.Val)
		for _, x := range s.streams {
			x.recvWin += d
		}
	case http2.SettingHeaderTableSize:
		s.dec.SetMaxDynamicTableSize(st.Val)
	}
}

func (s *Session) applyRemote(st http2.Setting) {
	switch st.ID {
	case http2.SettingInitialWindowSize:
		d := int64(st.Val) - s.peerInitWin
		s.peerInitWin = int64(st.Val)
		for _, x := range s.streams {
			x.sendWin += d
		}
	case http2.SettingMaxFrameSize:
		s.peerMaxFrame = st.Val
	case http2.SettingHeaderTableSize:
		s.enc.SetMaxDynamicTableSizeLimit(st.Val)
	}
}

func (s *Session) headersDone() {
	sid, block, end, flags := s.hdrSID, s.hdrBlock, s.hdrEnd, s.hdrFlags
	s.hdrSID = 0
	s.hdrBlock = nil
	var pairs, sensitive []string
	s.dec.SetEmitFunc(func(f hpack.HeaderField) {
		if !validField(f) {
			return
		}
		pairs = append(pairs, latin1String(f.Name), latin1String(f.Value))
		if f.Sensitive {
			sensitive = append(sensitive, f.Name)
		}
	})
	if _, err := s.dec.Write(block); err != nil {
		s.connError(http2.ErrCodeCompression, err.Error())
		return
	}
	if err := s.dec.Close(); err != nil {
		s.connError(http2.ErrCodeCompression, err.Error())
		return
	}
	size := 0
	for i := 0; i+1 < len(pairs); i += 2 {
		size += len(pairs[i]) + len(pairs[i+1]) + 32
	}
	st := s.streams[sid]
	if uint32(size) > s.localMaxHeaderList {
		if st == nil && !s.ownStream(sid) && sid > s.lastRecv {
			s.lastRecv = sid
		}
		s.wr.WriteRSTStream(sid, http2.ErrCodeEnhanceYourCalm)
		if st != nil {
			st.queue = nil
			s.closeStream(st, int64(http2.ErrCodeEnhanceYourCalm))
		}
		return
	}
	if st == nil {
		if s.ownStream(sid) || sid <= s.lastRecv {
			s.wr.WriteRSTStream(sid, http2.ErrCodeStreamClosed)
			return
		}
		if s.goawaySent {
			return
		}
		s.lastRecv = sid
		if uint32(s.peerStreams()) >= s.localMaxStreams {
			s.wr.WriteRSTStream(sid, http2.ErrCodeRefusedStream)
			return
		}
		st = s.newStream(sid)
		st.state = stateOpen
	} else if st.remoteClosed {
		s.rst(sid, http2.ErrCodeStreamClosed, true)
		return
	}
	if end {
		flags |= 1
	}
	s.emit(Event{Kind: "headers", SID: sid, A: flags, Hdrs: pairs, Flag: end, Extra: strings.Join(sensitive, "\n")})
	if end {
		s.remoteEnd(st)
	}
}

// peerStreams counts the open streams the peer started.
func (s *Session) peerStreams() int {
	n := 0
	for id := range s.streams {
		if !s.ownStream(id) {
			n++
		}
	}
	return n
}

func (s *Session) newStream(id uint32) *stream {
	st := &stream{id: id, state: stateIdle, sendWin: s.peerInitWin, recvWin: s.localInitWin, weight: 16}
	s.streams[id] = st
	return st
}

func (s *Session) remoteEnd(st *stream) {
	st.remoteClosed = true
	if st.localClosed {
		s.closeStream(st, 0)
	} else {
		st.state = stateHalfClosedRemote
	}
}

func (s *Session) localEnd(st *stream) {
	st.localClosed = true
	if st.remoteClosed {
		s.closeStream(st, 0)
	} else {
		st.state = stateHalfClosedLocal
	}
}

func (s *Session) closeStream(st *stream, code int64) {
	if st.state == stateClosed {
		return
	}
	st.state = stateClosed
	delete(s.streams, st.id)
	s.emit(Event{Kind: "close", SID: st.id, A: code})
}

func (s *Session) rst(id uint32, code http2.ErrCode, write bool) {
	if write && !s.dead {
		s.wr.WriteRSTStream(id, code)
	}
	if st := s.streams[id]; st != nil {
		st.queue = nil
		s.closeStream(st, int64(code))
	}
}

// RST resets a stream with code; with NO_ERROR the reset waits for the
// stream's queued output to go out first.
func (s *Session) RST(id uint32, code uint32) {
	if st := s.streams[id]; st != nil && code == 0 && len(st.queue) > 0 {
		st.queue = append(st.queue, outItem{rst: true})
		s.pump()
		return
	}
	s.rst(id, http2.ErrCode(code), true)
}

func fields(pairs []string, sensitive map[string]bool) []hpack.HeaderField {
	out := make([]hpack.HeaderField, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, hpack.HeaderField{Name: latin1Bytes(pairs[i]), Value: latin1Bytes(pairs[i+1]), Sensitive: sensitive[pairs[i]]})
	}
	return out
}

// latin1Bytes encodes s as node writes header strings: one byte per
// character (the low 8 bits).
func latin1Bytes(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = append(b, byte(r))
	}
	return string(b)
}

// latin1String decodes header bytes as latin1 characters.
func latin1String(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			r := make([]rune, len(s))
			for j := 0; j < len(s); j++ {
				r[j] = rune(s[j])
			}
			return string(r)
		}
	}
	return s
}

// validField reports whether a received header field may be passed on;
// like nghttp2, fields with CR, LF or NUL in the value are dropped.
func validField(f hpack.HeaderField) bool {
	if f.Name == "" {
		return false
	}
	for i := 0; i < len(f.Value); i++ {
		if c := f.Value[i]; c == '\r' || c == '\n' || c == 0 {
			return false
		}
	}
	return true
}

// Request opens a client stream with headers; it returns the stream id,
// or 0 when no more streams can be opened.
func (s *Session) Request(pairs []string, sensitive map[string]bool, end bool) uint32 {
	if s.dead || s.nextID > 1<<31-1 || s.nextID%2 == 0 {
		return 0
	}
	id := s.nextID
	s.nextID += 2
	st := s.newStream(id)
	st.state = stateOpen
	st.queue = append(st.queue, outItem{headers: true, hdrs: fields(pairs, sensitive), end: end})
	s.pump()
	return id
}

// Headers queues a HEADERS frame (response, informational or trailers)
// on stream id.
func (s *Session) Headers(id uint32, pairs []string, sensitive map[string]bool, end bool) bool {
	st := s.streams[id]
	if st == nil || st.localClosed {
		return false
	}
	st.queue = append(st.queue, outItem{headers: true, hdrs: fields(pairs, sensitive), end: end})
	s.pump()
	return true
}

// Data queues body bytes on stream id; end closes the sending side.
func (s *Session) Data(id uint32, p []byte, end bool) bool {
	st := s.streams[id]
	if st == nil || st.localClosed {
		return false
	}
	st.queue = append(st.queue, outItem{data: append([]byte(nil), p...), end: end})
	s.pump()
	return true
}

// Ping sends a PING with an 8-byte payload.
func (s *Session) Ping(p [8]byte) {
	if !s.dead {
		s.wr.WritePing(false, p)
	}
}

// GoAway sends GOAWAY.
func (s *Session) GoAway(code uint32, last int64, debug []byte) {
	if s.dead {
		return
	}
	if last <= 0 || last > int64(s.lastRecv) {
		last = int64(s.lastRecv)
	}
	s.wr.WriteGoAway(uint32(last), http2.ErrCode(code), debug)
	s.goawaySent = true
}

// WindowUpdate sends WINDOW_UPDATE on stream id (0: the connection).
func (s *Session) WindowUpdate(id uint32, inc uint32) {
	if !s.dead && inc > 0 {
		s.wr.WriteWindowUpdate(id, inc)
		if id == 0 {
			s.localConnWin += int64(inc)
			s.connRecvWin += int64(inc)
		}
	}
}

// SetLocalWindowSize sets the connection's receive window to size,
// sending WINDOW_UPDATE when it grows.
func (s *Session) SetLocalWindowSize(size int64) {
	if s.dead {
		return
	}
	if d := size - s.localConnWin; d > 0 {
		s.wr.WriteWindowUpdate(0, uint32(d))
		s.connRecvWin += d
	} else {
		s.connRecvWin += d
	}
	s.localConnWin = size
}

// Priority sends a PRIORITY frame.
func (s *Session) Priority(id, parent uint32, weight uint8, exclusive bool) {
	if s.dead {
		return
	}
	if st := s.streams[id]; st != nil {
		st.weight = int(weight) + 1
	}
	s.wr.WritePriority(id, http2.PriorityParam{StreamDep: parent, Weight: weight, Exclusive: exclusive})
}

// pump writes queued stream output as far as flow control allows.
func (s *Session) pump() {
	if s.dead {
		return
	}
	ids := make([]int, 0, len(s.streams))
	for id, st := range s.streams {
		if len(st.queue) > 0 {
			ids = append(ids, int(id))
		}
	}
	sort.Ints(ids)
	for _, id := range ids {
		st := s.streams[uint32(id)]
		for st != nil && len(st.queue) > 0 {
			it := &st.queue[0]
			if it.rst {
				s.rst(st.id, it.code, true)
				break
			}
			if it.headers {
				s.writeHeaders(st.id, it.hdrs, it.end)
				st.queue = st.queue[1:]
				if it.end {
					s.localEnd(st)
				}
				continue
			}
			n := int64(len(it.data))
			if n > st.sendWin {
				n = st.sendWin
			}
			if n > s.connSendWin {
				n = s.connSendWin
			}
			if n > int64(s.peerMaxFrame) {
				n = int64(s.peerMaxFrame)
			}
			if n < 0 {
				n = 0
			}
			if n == 0 && len(it.data) > 0 {
				break
			}
			last := n == int64(len(it.data))
			end := last && it.end
			s.wr.WriteData(st.id, end, it.data[:n])
			st.sendWin -= n
			s.connSendWin -= n
			it.data = it.data[n:]
			if last {
				st.queue = st.queue[1:]
				if end {
					s.localEnd(st)
				}
			}
		}
	}
}

func (s *Session) writeHeaders(id uint32, hdrs []hpack.HeaderField, end bool) {
	s.encBuf.Reset()
	for _, h := range hdrs {
		s.enc.WriteField(h)
	}
	block := s.encBuf.Bytes()
	max := int(s.peerMaxFrame)
	first := block
	if len(first) > max {
		first = first[:max]
	}
	block = block[len(first):]
	s.wr.WriteHeaders(http2.HeadersFrameParam{StreamID: id, BlockFragment: first, EndStream: end, EndHeaders: len(block) == 0})
	for len(block) > 0 {
		chunk := block
		if len(chunk) > max {
			chunk = chunk[:max]
		}
		block = block[len(chunk):]
		s.wr.WriteContinuation(id, len(block) == 0, chunk)
	}
}

// State reports the session numbers node's session.state shows:
// effectiveLocalWindowSize, effectiveRecvDataLength, nextStreamID,
// localWindowSize, lastProcStreamID, remoteWindowSize, outboundQueueSize,
// deflateDynamicTableSize, inflateDynamicTableSize.
func (s *Session) State() []float64 {
	return []float64{
		float64(s.localConnWin), float64(s.localConnWin - s.connRecvWin), float64(s.nextID),
		float64(max(65535, s.localConnWin)), float64(s.lastRecv), float64(s.connSendWin), float64(s.out.Len()),
		0, 0,
	}
}

// StreamState reports state, weight, sumDependencyWeight, localClose,
// remoteClose, localWindowSize of stream id (state 7 when gone).
func (s *Session) StreamState(id uint32) []float64 {
	st := s.streams[id]
	if st == nil {
		return []float64{stateClosed, 16, 0, 1, 1, 0}
	}
	b := func(v bool) float64 {
		if v {
			return 1
		}
		return 0
	}
	return []float64{float64(st.state), float64(st.weight), 0, b(st.localClosed), b(st.remoteClosed), float64(st.recvWin)}
}

// Pending reports how many bytes are queued unsent on stream id.
func (s *Session) Pending(id uint32) int {
	st := s.streams[id]
	if st == nil {
		return 0
	}
	n := 0
	for _, it := range st.queue {
		n += len(it.data)
	}
	return n
}
