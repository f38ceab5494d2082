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
	Kind  string   // headers, push, altsvc, origin, data, rst, close, settings, settingsAck, ping, pingAck, goaway, error, frameError, windowUpdate
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
	// promise, when non-zero, makes a headers item a PUSH_PROMISE that
	// reserves that stream id.
	promise uint32
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
	// unpromised holds back a pushed stream's output until the
	// PUSH_PROMISE that reserves it has been written.
	unpromised bool
	// maxHeaderList is the header list limit when the stream was made.
	maxHeaderList uint32
	// headersOut is set once a HEADERS frame of the stream was written.
	headersOut bool
	// started is set once an own stream's first HEADERS went out.
	started bool
	// contentLength is a received request's content-length (-1: none);
	// recvBytes counts its body so far.
	contentLength int64
	recvBytes     int64
	// endQueued is set once an item that ends the sending side is queued.
	endQueued bool
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
	hdrPromise    uint32 // the promised stream id when the block is a PUSH_PROMISE's
	goawaySent    bool
	goawayRecv    bool
	peerMaxStream uint32
	// localMaxStreams is the SETTINGS_MAX_CONCURRENT_STREAMS we sent.
	localMaxStreams uint32
	// localMaxHeaderList is the SETTINGS_MAX_HEADER_LIST_SIZE we sent.
	localMaxHeaderList uint32
	// peerEnablePush is the peer's SETTINGS_ENABLE_PUSH; localEnablePush ours.
	peerEnablePush  bool
	localEnablePush bool
	// lastPromised is the highest stream id a peer's PUSH_PROMISE reserved.
	lastPromised uint32
	// MaxReservedRemote caps the pushed streams a client holds reserved
	// (promised, not yet answered); more are refused with CANCEL.
	MaxReservedRemote int
	// MaxSettings caps the entries of a received SETTINGS frame.
	MaxSettings int
	// MaxSendHeaderBlock caps the header blocks we send (0: no cap);
	// a larger one is not sent: a request that never went out is
	// refused (REFUSED_STREAM), other streams are reset (FRAME_SIZE_ERROR).
	MaxSendHeaderBlock int
	// MaxInvalidFrames is how many invalid frames the peer may send
	// before the session fails (node's maxSessionInvalidFrames).
	MaxInvalidFrames int
	invalidFrames    int
	// LaxWhitespace keeps received fields whose value starts or ends
	// with a space or tab (RFC 9113 says to treat them as malformed;
	// like nghttp2 we drop them unless this is set).
	LaxWhitespace bool
	// MaxHeaderPairs caps the fields of a received header block.
	MaxHeaderPairs int
	// peerMaxConcurrent is the peer's SETTINGS_MAX_CONCURRENT_STREAMS:
	// own streams beyond it wait, unsent, for others to close.
	peerMaxConcurrent uint32
	// acks counts the PING and SETTINGS acknowledgements written since
	// the last Take: a peer that makes us queue too many is flooding.
	acks int
	// localEnableConnect is our SETTINGS_ENABLE_CONNECT_PROTOCOL;
	// peerEnableConnect the peer's, which it may not turn off again.
	localEnableConnect bool
	peerEnableConnect  bool
	// repump asks pump for another round (a promised stream got free).
	repump bool
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
		peerEnablePush:     true,
		MaxReservedRemote:  200,
		peerMaxConcurrent:  1<<32 - 1,
		MaxSettings:        32,
		MaxInvalidFrames:   1000,
		MaxSendHeaderBlock: 65536,
		MaxHeaderPairs:     128,
		localEnablePush:    true,
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
	s.pump()
	s.acks = 0
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
	s.pump()
	for _, st := range set {
		switch st.ID {
		case http2.SettingMaxConcurrentStreams:
			s.localMaxStreams = st.Val
		case http2.SettingMaxHeaderListSize:
			// Later changes apply when the peer acknowledges them.
			if len(s.pendingLocal) == 0 && s.out.Len() <= len(clientPreface) {
				s.localMaxHeaderList = st.Val
			}
		case http2.SettingEnablePush:
			s.localEnablePush = st.Val != 0
		case settingEnableConnectProtocol:
			s.localEnableConnect = st.Val != 0
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
				s.invalidFrame()
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
		if f.NumSettings() > s.MaxSettings {
			s.connError(http2.ErrCodeEnhanceYourCalm, "too many settings")
			return
		}
		var pairs []string
		err := f.ForeachSetting(func(st http2.Setting) error {
			if err := st.Valid(); err != nil {
				return err
			}
			s.applyRemote(st)
			if s.dead {
				return errSessionEnded
			}
			pairs = append(pairs, fmt.Sprint(uint16(st.ID)), fmt.Sprint(st.Val))
			return nil
		})
		if err == errSessionEnded {
			return
		}
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
		s.countAck()
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
		// Like nghttp2, windows are topped up once half of them is used.
		n := int64(f.Length)
		s.connRecvWin -= n
		if used := s.localConnWin - s.connRecvWin; used > 0 && used >= s.localConnWin/2 {
			s.wr.WriteWindowUpdate(0, uint32(used))
			s.connRecvWin += used
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
		if n == 0 && !f.StreamEnded() {
			// An empty DATA frame that does not end the stream does
			// nothing: node counts it as invalid.
			if s.invalidFrame() {
				return
			}
		}
		st.recvWin -= n
		if used := s.localInitWin - st.recvWin; used > 0 && used >= s.localInitWin/2 && !f.StreamEnded() {
			s.wr.WriteWindowUpdate(f.StreamID, uint32(used))
			st.recvWin += used
		}
		if st.contentLength >= 0 {
			st.recvBytes += int64(len(f.Data()))
			if st.recvBytes > st.contentLength || (f.StreamEnded() && st.recvBytes != st.contentLength) {
				s.rst(st.id, http2.ErrCodeProtocol, true)
				return
			}
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
		s.countAck()
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
		if s.server || !s.localEnablePush {
			s.connError(http2.ErrCodeProtocol, "unexpected PUSH_PROMISE")
			return
		}
		if f.PromiseID%2 != 0 || f.PromiseID <= s.lastPromised {
			s.connError(http2.ErrCodeProtocol, "invalid promised stream id")
			return
		}
		s.hdrSID = f.StreamID
		s.hdrPromise = f.PromiseID
		s.hdrBlock = append(s.hdrBlock[:0], f.HeaderBlockFragment()...)
		s.hdrEnd = false
		s.hdrFlags = int64(f.Flags)
		if f.HeadersEnded() {
			s.headersDone()
		}
	case *http2.ContinuationFrame:
		s.connError(http2.ErrCodeProtocol, "unexpected CONTINUATION")
	case *http2.UnknownFrame:
		s.extensionFrame(f)
	}
}

const (
	frameAltsvc = 0xa
	frameOrigin = 0xc
)

// extensionFrame handles the ALTSVC (RFC 7838) and ORIGIN (RFC 8336)
// frames a client receives; like nghttp2 it ignores malformed ones and
// all others.
func (s *Session) extensionFrame(f *http2.UnknownFrame) {
	if s.server {
		return
	}
	p := f.Payload()
	switch f.Type {
	case frameAltsvc:
		if len(p) < 2 {
			return
		}
		n := int(p[0])<<8 | int(p[1])
		if 2+n > len(p) {
			return
		}
		origin, value := string(p[2:2+n]), p[2+n:]
		if len(value) == 0 {
			return
		}
		if f.StreamID == 0 {
			if origin == "" {
				return
			}
		} else if origin != "" || s.streams[f.StreamID] == nil {
			return
		}
		s.emit(Event{Kind: "altsvc", SID: f.StreamID, Data: append([]byte(nil), value...), Extra: origin})
	case frameOrigin:
		if f.StreamID != 0 || f.Flags != 0 {
			return
		}
		var origins []string
		for len(p) >= 2 {
			n := int(p[0])<<8 | int(p[1])
			if 2+n > len(p) {
				return
			}
			origins = append(origins, string(p[2:2+n]))
			p = p[2+n:]
		}
		s.emit(Event{Kind: "origin", Hdrs: origins})
	}
}

// Altsvc sends an ALTSVC frame on stream id (0: for origin).
func (s *Session) Altsvc(id uint32, origin, value string) {
	if s.dead {
		return
	}
	s.pump()
	p := make([]byte, 0, 2+len(origin)+len(value))
	p = append(p, byte(len(origin)>>8), byte(len(origin)))
	p = append(p, origin...)
	p = append(p, value...)
	s.wr.WriteRawFrame(frameAltsvc, 0, id, p)
}

// Origin sends an ORIGIN frame listing origins.
func (s *Session) Origin(origins []string) {
	if s.dead {
		return
	}
	s.pump()
	var p []byte
	for _, o := range origins {
		p = append(p, byte(len(o)>>8), byte(len(o)))
		p = append(p, o...)
	}
	s.wr.WriteRawFrame(frameOrigin, 0, 0, p)
}

// maxOutboundAck is nghttp2's default limit of unsent acknowledgements.
const maxOutboundAck = 1000

// nghttp2's library error codes NGHTTP2_ERR_FLOODED, NGHTTP2_ERR_PROTO
// and NGHTTP2_ERR_STREAM_CLOSED.
const (
	errFlooded      = -904
	errProto        = -505
	errStreamClosed = -510
)

// invalidFrame counts an invalid frame received; past the limit the
// session fails with a tooManyInvalidFrames event. It reports whether
// it did.
func (s *Session) invalidFrame() bool {
	over := s.invalidFrames > s.MaxInvalidFrames
	s.invalidFrames++
	if over && !s.dead {
		s.emit(Event{Kind: "tooManyInvalidFrames"})
		s.dead = true
	}
	return over
}

// errSessionEnded stops the processing of a frame that ended the session.
var errSessionEnded = errors.New("session ended")

// countAck notes an acknowledgement written; past the limit the session
// ends as flooded (reported as an nghttp2 library error).
func (s *Session) countAck() {
	s.acks++
	if s.acks > maxOutboundAck && !s.dead {
		s.emit(Event{Kind: "ngError", A: errFlooded})
		s.dead = true
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
	case http2.SettingMaxHeaderListSize:
		s.localMaxHeaderList = st.Val
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
	case http2.SettingEnablePush:
		s.peerEnablePush = st.Val != 0
	case http2.SettingMaxConcurrentStreams:
		s.peerMaxConcurrent = st.Val
	case settingEnableConnectProtocol:
		if s.peerEnableConnect && st.Val == 0 && !s.server {
			s.wr.WriteGoAway(s.lastRecv, http2.ErrCodeProtocol, nil)
			s.goawaySent = true
			s.emit(Event{Kind: "ngError", A: errProto})
			s.dead = true
			return
		}
		s.peerEnableConnect = st.Val != 0
	}
}

func (s *Session) headersDone() {
	sid, block, end, flags, promise := s.hdrSID, s.hdrBlock, s.hdrEnd, s.hdrFlags, s.hdrPromise
	s.hdrSID = 0
	s.hdrPromise = 0
	s.hdrBlock = nil
	var pairs, sensitive []string
	s.dec.SetEmitFunc(func(f hpack.HeaderField) {
		if !validField(f) {
			return
		}
		if v := f.Value; !s.LaxWhitespace && v != "" && (isWS(v[0]) || isWS(v[len(v)-1])) {
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
	if promise != 0 {
		s.pushPromised(st, promise, pairs, sensitive, flags)
		return
	}
	limit := s.localMaxHeaderList
	if st != nil {
		limit = st.maxHeaderList
	}
	if uint32(size) > limit || len(pairs)/2 > max(s.MaxHeaderPairs, 4) {
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
		cl := int64(-1)
		if s.server {
			var ok bool
			if cl, ok = s.checkRequest(pairs, end); !ok {
				s.wr.WriteRSTStream(sid, http2.ErrCodeProtocol)
				s.invalidFrame()
				return
			}
		}
		st = s.newStream(sid)
		st.state = stateOpen
		st.contentLength = cl
	} else if st.remoteClosed {
		// Like nghttp2: HEADERS on a stream the peer already ended is a
		// connection error (NGHTTP2_ERR_STREAM_CLOSED).
		s.wr.WriteGoAway(s.lastRecv, http2.ErrCodeStreamClosed, nil)
		s.goawaySent = true
		s.emit(Event{Kind: "ngError", A: errStreamClosed})
		s.dead = true
		return
	} else if st.state == stateReservedRemote {
		st.state = stateHalfClosedLocal
	}
	if end {
		flags |= 1
	}
	s.emit(Event{Kind: "headers", SID: sid, A: flags, Hdrs: pairs, Flag: end, Extra: strings.Join(sensitive, "\n")})
	if end {
		s.remoteEnd(st)
	}
}

// pushPromised handles a PUSH_PROMISE received on stream parent that
// reserves stream id.
func (s *Session) pushPromised(parent *stream, id uint32, pairs, sensitive []string, flags int64) {
	s.lastPromised = id
	if id > s.lastRecv {
		s.lastRecv = id
	}
	if parent == nil || parent.remoteClosed || s.goawaySent {
		s.wr.WriteRSTStream(id, http2.ErrCodeRefusedStream)
		return
	}
	reserved := 0
	for _, x := range s.streams {
		if x.state == stateReservedRemote {
			reserved++
		}
	}
	if reserved >= s.MaxReservedRemote {
		s.wr.WriteRSTStream(id, http2.ErrCodeCancel)
		return
	}
	st := s.newStream(id)
	st.state = stateReservedRemote
	st.localClosed = true
	s.emit(Event{Kind: "push", SID: id, A: int64(parent.id), B: flags, Hdrs: pairs, Extra: strings.Join(sensitive, "\n")})
}

// PushPromise reserves a stream for a server push announced on stream
// parent with the request headers pairs. It returns the promised stream
// id, or 0 and a reason: "disabled" (the peer turned push off),
// "closed" (the parent can no longer send) or "ids" (no ids left).
func (s *Session) PushPromise(parent uint32, pairs []string, sensitive map[string]bool) (uint32, string) {
	if !s.server || !s.peerEnablePush {
		return 0, "disabled"
	}
	ps := s.streams[parent]
	if s.dead || ps == nil || ps.localClosed || s.goawayRecv {
		return 0, "closed"
	}
	if s.nextID > 1<<31-1 {
		return 0, "ids"
	}
	id := s.nextID
	s.nextID += 2
	st := s.newStream(id)
	st.state = stateReservedLocal
	st.remoteClosed = true
	st.unpromised = true
	st.started = true
	// The promise goes out before the parent's body: after its leading
	// HEADERS, ahead of any DATA or end of stream still queued.
	at := 0
	for at < len(ps.queue) && ps.queue[at].headers && !ps.queue[at].end {
		at++
	}
	ps.queue = append(ps.queue, outItem{})
	copy(ps.queue[at+1:], ps.queue[at:])
	ps.queue[at] = outItem{headers: true, hdrs: fields(pairs, sensitive), promise: id}
	return id, ""
}

const settingEnableConnectProtocol = http2.SettingID(8)

// connectionHeaders are the HTTP/1 connection-specific fields HTTP/2
// forbids.
var connectionHeaders = map[string]bool{
	"connection": true, "keep-alive": true, "proxy-connection": true,
	"transfer-encoding": true, "upgrade": true,
}

// checkRequest applies HTTP/2's rules for a request header block (as
// nghttp2 does): the pseudo-header fields, the forbidden fields and the
// content-length. It returns the content-length (-1: none) and whether
// the request is well formed.
func (s *Session) checkRequest(pairs []string, end bool) (int64, bool) {
	seen := map[string]bool{}
	regular := false
	cl := int64(-1)
	for i := 0; i+1 < len(pairs); i += 2 {
		name, value := pairs[i], pairs[i+1]
		if strings.HasPrefix(name, ":") {
			if regular || seen[name] {
				return 0, false
			}
			switch name {
			case ":method", ":scheme", ":authority", ":path", ":protocol":
			default:
				return 0, false
			}
			seen[name] = true
			if name == ":path" {
				if value == "" {
					return 0, false
				}
				for j := 0; j < len(value); j++ {
					if c := value[j]; c <= 0x20 || c == 0x7f {
						return 0, false
					}
				}
			}
			continue
		}
		regular = true
		if name != strings.ToLower(name) || connectionHeaders[name] || (name == "te" && value != "trailers") {
			return 0, false
		}
		if name == "content-length" {
			if cl >= 0 || value == "" {
				return 0, false
			}
			var n int64
			for j := 0; j < len(value); j++ {
				c := value[j]
				if c < '0' || c > '9' || n > (1<<62)/10 {
					return 0, false
				}
				n = n*10 + int64(c-'0')
			}
			cl = n
		}
	}
	method := ""
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i] == ":method" {
			method = pairs[i+1]
		}
	}
	if method == "" {
		return 0, false
	}
	if seen[":protocol"] {
		if method != "CONNECT" || !s.localEnableConnect {
			return 0, false
		}
	}
	if method == "CONNECT" && !seen[":protocol"] {
		if !seen[":authority"] || seen[":scheme"] || seen[":path"] {
			return 0, false
		}
	} else if !seen[":scheme"] || !seen[":path"] {
		return 0, false
	}
	if end && cl > 0 {
		return 0, false
	}
	return cl, true
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
	st := &stream{contentLength: -1, id: id, state: stateIdle, sendWin: s.peerInitWin, recvWin: s.localInitWin, weight: 16, maxHeaderList: s.localMaxHeaderList}
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
	if st := s.streams[id]; st != nil && s.ownStream(id) && !st.started && st.state == stateOpen {
		// Never sent: the peer does not know the stream.
		write = false
	}
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
	s.pump()
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

func isWS(c byte) bool { return c == ' ' || c == '\t' }

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
// or 0 when no more streams can be opened. Like Headers and Data it only
// queues: the frames are written by the next Take (or any call that
// writes a frame of its own, which keeps the order of calls).
func (s *Session) Request(pairs []string, sensitive map[string]bool, end bool) uint32 {
	if s.dead || s.nextID > 1<<31-1 || s.nextID%2 == 0 {
		return 0
	}
	id := s.nextID
	s.nextID += 2
	st := s.newStream(id)
	st.state = stateOpen
	st.endQueued = end
	st.queue = append(st.queue, outItem{headers: true, hdrs: fields(pairs, sensitive), end: end})
	return id
}

// Headers queues a HEADERS frame (response, informational or trailers)
// on stream id.
func (s *Session) Headers(id uint32, pairs []string, sensitive map[string]bool, end bool) bool {
	st := s.streams[id]
	if st == nil || st.localClosed || st.endQueued {
		return false
	}
	st.endQueued = end
	st.queue = append(st.queue, outItem{headers: true, hdrs: fields(pairs, sensitive), end: end})
	return true
}

// Data queues body bytes on stream id; end closes the sending side.
func (s *Session) Data(id uint32, p []byte, end bool) bool {
	st := s.streams[id]
	if st == nil || st.localClosed || st.endQueued {
		return false
	}
	st.endQueued = end
	st.queue = append(st.queue, outItem{data: append([]byte(nil), p...), end: end})
	return true
}

// Ping sends a PING with an 8-byte payload.
func (s *Session) Ping(p [8]byte) {
	s.pump()
	if !s.dead {
		s.wr.WritePing(false, p)
	}
}

// GoAway sends GOAWAY.
func (s *Session) GoAway(code uint32, last int64, debug []byte) {
	if s.dead {
		return
	}
	s.pump()
	if last <= 0 || last > int64(s.lastRecv) {
		last = int64(s.lastRecv)
	}
	s.wr.WriteGoAway(uint32(last), http2.ErrCode(code), debug)
	s.goawaySent = true
}

// WindowUpdate sends WINDOW_UPDATE on stream id (0: the connection).
func (s *Session) WindowUpdate(id uint32, inc uint32) {
	s.pump()
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
	s.pump()
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
	s.pump()
	if st := s.streams[id]; st != nil {
		st.weight = int(weight) + 1
	}
	s.wr.WritePriority(id, http2.PriorityParam{StreamDep: parent, Weight: weight, Exclusive: exclusive})
}

// pump writes queued stream output as far as flow control allows.
func (s *Session) pump() {
	for i := 0; i < 4; i++ {
		s.repump = false
		s.pumpOnce()
		if !s.repump {
			return
		}
	}
}

func (s *Session) pumpOnce() {
	if s.dead {
		return
	}
	ids := make([]int, 0, len(s.streams))
	for id, st := range s.streams {
		if len(st.queue) > 0 && !st.unpromised {
			ids = append(ids, int(id))
		}
	}
	sort.Ints(ids)
	// Like nghttp2, HEADERS and PUSH_PROMISE frames at the head of the
	// queues go out before any DATA.
	active := 0
	for _, st := range s.streams {
		if st.started {
			active++
		}
	}
	for _, id := range ids {
		st := s.streams[uint32(id)]
		if st != nil && s.ownStream(st.id) && !st.started {
			if uint32(active) >= s.peerMaxConcurrent {
				continue
			}
			active++
			st.started = true
		}
		for st != nil && len(st.queue) > 0 && st.queue[0].headers && !st.unpromised {
			it := st.queue[0]
			st.queue = st.queue[1:]
			s.writeItemHeaders(st, it)
			st = s.streams[uint32(id)]
		}
	}
	for _, id := range ids {
		st := s.streams[uint32(id)]
		if st != nil && s.ownStream(st.id) && !st.started {
			continue
		}
		for st != nil && len(st.queue) > 0 {
			it := &st.queue[0]
			if it.rst {
				s.rst(st.id, it.code, true)
				break
			}
			if it.headers {
				hd := *it
				st.queue = st.queue[1:]
				s.writeItemHeaders(st, hd)
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

// writeItemHeaders writes a queued HEADERS or PUSH_PROMISE item of st.
func (s *Session) writeItemHeaders(st *stream, it outItem) {
	if it.promise != 0 {
		s.writePushPromise(st.id, it.promise, it.hdrs)
		if ps := s.streams[it.promise]; ps != nil && ps.unpromised {
			ps.unpromised = false
			if len(ps.queue) > 0 {
				s.repump = true
			}
		}
		return
	}
	if s.MaxSendHeaderBlock > 0 {
		n := 0
		for _, h := range it.hdrs {
			n += len(h.Name) + len(h.Value)
		}
		if n > s.MaxSendHeaderBlock {
			// Like nghttp2: the frame is not sent (FRAME_SIZE_ERROR) and
			// the stream is refused.
			s.emit(Event{Kind: "frameError", SID: st.id, A: int64(http2.ErrCodeFrameSize), B: int64(http2.FrameHeaders)})
			st.queue = nil
			if s.ownStream(st.id) && !st.headersOut {
				s.closeStream(st, int64(http2.ErrCodeRefusedStream))
			} else {
				s.rst(st.id, http2.ErrCodeFrameSize, true)
			}
			return
		}
	}
	s.writeHeaders(st.id, it.hdrs, it.end)
	st.headersOut = true
	if st.state == stateReservedLocal {
		st.state = stateHalfClosedRemote
	}
	if it.end {
		s.localEnd(st)
	}
}

func (s *Session) writePushPromise(id, promise uint32, hdrs []hpack.HeaderField) {
	// A PUSH_PROMISE frame spends 4 bytes of its payload on the promised id.
	s.writeHeaderBlock(id, hdrs, int(s.peerMaxFrame)-4, func(first []byte, endHeaders bool) {
		s.wr.WritePushPromise(http2.PushPromiseParam{StreamID: id, PromiseID: promise, BlockFragment: first, EndHeaders: endHeaders})
	})
}

func (s *Session) writeHeaders(id uint32, hdrs []hpack.HeaderField, end bool) {
	s.writeHeaderBlock(id, hdrs, int(s.peerMaxFrame), func(first []byte, endHeaders bool) {
		s.wr.WriteHeaders(http2.HeadersFrameParam{StreamID: id, BlockFragment: first, EndStream: end, EndHeaders: endHeaders})
	})
}

// writeHeaderBlock encodes hdrs and writes the block: its first max bytes
// through first (a HEADERS or PUSH_PROMISE frame), the rest as
// CONTINUATION frames of stream id.
func (s *Session) writeHeaderBlock(id uint32, hdrs []hpack.HeaderField, max int, first func(frag []byte, endHeaders bool)) {
	s.encBuf.Reset()
	for _, h := range hdrs {
		s.enc.WriteField(h)
	}
	block := s.encBuf.Bytes()
	frag := block[:min(len(block), max)]
	block = block[len(frag):]
	first(frag, len(block) == 0)
	for len(block) > 0 {
		chunk := block[:min(len(block), max)]
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
