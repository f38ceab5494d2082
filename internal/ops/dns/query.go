package dns

import (
	"bufio"
	"context"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"net"
	"os"
	"strings"
	"syscall"
	"time"

	"golang.org/x/net/dns/dnsmessage"
)

// SystemServers returns the name servers of /etc/resolv.conf, or
// 127.0.0.1 when there are none (as c-ares does).
func SystemServers() []string {
	var out []string
	if f, err := os.Open("/etc/resolv.conf"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			fs := strings.Fields(sc.Text())
			if len(fs) >= 2 && fs[0] == "nameserver" {
				out = append(out, fs[1])
			}
		}
		f.Close()
	}
	if len(out) == 0 {
		out = []string{"127.0.0.1"}
	}
	return out
}

// Querier sends DNS queries to a list of servers, as a node:dns Resolver
// does with c-ares.
//
// Each round asks every server once; the wait for an answer grows from
// one round to the next (see roundTimeout).
type Querier struct {
	Servers    []string      // "ip", "ip:port" or "[ipv6]:port"; empty: the system's
	Timeout    time.Duration // first round's wait per attempt; <= 0 means the default (2s)
	Tries      int           // attempts per server; <= 0 means 4
	MaxTimeout time.Duration // cap on the wait per attempt; <= 0 means none
	Local4     net.IP        // local address for IPv4 servers, or nil
	Local6     net.IP        // local address for IPv6 servers, or nil
}

// roundTimeout is the wait per attempt in round r (0-based), modelled on
// c-ares: the first wait is the timeout (at least 250ms), each later round
// doubles it, less c-ares' random jitter (taken at its midpoint, 3/4),
// then MaxTimeout caps it, but never below the configured timeout.
func (q *Querier) roundTimeout(r int) time.Duration {
	const minWait = 250 * time.Millisecond
	timeout := q.Timeout
	if timeout <= 0 {
		timeout = 2 * time.Second
	}
	t := max(timeout, minWait)
	for i := 0; i < r && t < time.Hour; i++ {
		t *= 2
	}
	if r > 0 {
		t = t * 3 / 4
	}
	if q.MaxTimeout > 0 && t > q.MaxTimeout {
		t = q.MaxTimeout
	}
	return max(t, timeout)
}

// serverAddr normalises a server entry to host:port.
func serverAddr(s string) string {
	if ip := net.ParseIP(s); ip != nil {
		return net.JoinHostPort(s, "53")
	}
	if _, _, err := net.SplitHostPort(s); err == nil {
		return s
	}
	return net.JoinHostPort(strings.Trim(s, "[]"), "53")
}

var rrTypes = map[string]dnsmessage.Type{
	"A": dnsmessage.TypeA, "AAAA": dnsmessage.TypeAAAA, "CNAME": dnsmessage.TypeCNAME,
	"MX": dnsmessage.TypeMX, "NS": dnsmessage.TypeNS, "PTR": dnsmessage.TypePTR,
	"SOA": dnsmessage.TypeSOA, "SRV": dnsmessage.TypeSRV, "TXT": dnsmessage.TypeTXT,
	"CAA": dnsmessage.Type(257), "NAPTR": dnsmessage.Type(35), "TLSA": dnsmessage.Type(52),
	"ANY": dnsmessage.TypeALL,
}

// Query resolves name's records of type typ and returns them as JSON in
// the shapes node:dns gives (addresses always as {address, ttl}; the JS
// side drops ttl unless asked), or a c-ares error code.
func (q *Querier) Query(ctx context.Context, name, typ string) (string, string) {
	t, ok := rrTypes[typ]
	if !ok {
		return "", "ENOTIMP"
	}
	fq := name
	if !strings.HasSuffix(fq, ".") {
		fq += "."
	}
	qn, err := dnsmessage.NewName(fq)
	if err != nil {
		return "", "EBADNAME"
	}
	servers := q.Servers
	if len(servers) == 0 {
		servers = SystemServers()
	}
	tries := q.Tries
	if tries <= 0 {
		tries = 4
	}
	code := "ECONNREFUSED"
	for try := 0; try < tries; try++ {
		timeout := q.roundTimeout(try)
		for _, s := range servers {
			if ctx.Err() != nil {
				return "", "ECANCELLED"
			}
			msg, err := q.exchange(ctx, serverAddr(s), qn, t, timeout)
			if err != nil {
				code = netCode(err)
				if ctx.Err() != nil {
					return "", "ECANCELLED"
				}
				continue
			}
			switch msg.Header.RCode {
			case dnsmessage.RCodeSuccess:
			case dnsmessage.RCodeNameError:
				return "", "ENOTFOUND"
			case dnsmessage.RCodeServerFailure:
				code = "ESERVFAIL"
				continue
			case dnsmessage.RCodeRefused:
				code = "EREFUSED"
				continue
			case dnsmessage.RCodeFormatError:
				return "", "EFORMERR"
			case dnsmessage.RCodeNotImplemented:
				return "", "ENOTIMP"
			default:
				code = "ESERVFAIL"
				continue
			}
			out, code := records(msg, t)
			if code != "" {
				return "", code
			}
			j, _ := json.Marshal(out)
			return string(j), ""
		}
	}
	return "", code
}

func netCode(err error) string {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return "ETIMEOUT"
	}
	if errors.Is(err, syscall.ECONNREFUSED) {
		return "ECONNREFUSED"
	}
	if errors.Is(err, context.Canceled) {
		return "ECANCELLED"
	}
	if errors.Is(err, errBadResp) {
		return "EBADRESP"
	}
	return "ECONNREFUSED"
}

var errBadResp = errors.New("bad response")

// exchange sends one query over UDP (then TCP if the answer was
// truncated) and returns the parsed reply.
func (q *Querier) exchange(ctx context.Context, server string, name dnsmessage.Name, t dnsmessage.Type, timeout time.Duration) (*dnsmessage.Message, error) {
	id := uint16(rand.Uint32())
	req := dnsmessage.Message{
		Header:    dnsmessage.Header{ID: id, RecursionDesired: true},
		Questions: []dnsmessage.Question{{Name: name, Type: t, Class: dnsmessage.ClassINET}},
	}
	packed, err := req.Pack()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var d net.Dialer
	local := q.Local4
	if host, _, err := net.SplitHostPort(server); err == nil && strings.Contains(host, ":") {
		local = q.Local6
	}
	if local != nil {
		d.LocalAddr = &net.UDPAddr{IP: local}
	}
	conn, err := d.DialContext(ctx, "udp", server)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if dl, ok := ctx.Deadline(); ok {
		conn.SetDeadline(dl)
	}
	// Cancellation unblocks the read at once.
	stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	if _, err := conn.Write(packed); err != nil {
		return nil, err
	}
	buf := make([]byte, 65535)
	for {
		n, err := conn.Read(buf)
		if err != nil {
			return nil, err
		}
		var m dnsmessage.Message
		if err := m.Unpack(buf[:n]); err != nil || m.Header.ID != id || !m.Header.Response {
			continue // not our answer: keep waiting
		}
		if !m.Header.Truncated {
			return &m, nil
		}
		break
	}
	// Truncated: ask again over TCP.
	if local != nil {
		d.LocalAddr = &net.TCPAddr{IP: local}
	}
	tc, err := d.DialContext(ctx, "tcp", server)
	if err != nil {
		return nil, err
	}
	defer tc.Close()
	if dl, ok := ctx.Deadline(); ok {
		tc.SetDeadline(dl)
	}
	stopTCP := context.AfterFunc(ctx, func() { tc.SetDeadline(time.Unix(1, 0)) })
	defer stopTCP()
	framed := make([]byte, 2+len(packed))
	binary.BigEndian.PutUint16(framed, uint16(len(packed)))
	copy(framed[2:], packed)
	if _, err := tc.Write(framed); err != nil {
		return nil, err
	}
	var lenb [2]byte
	if _, err := readFull(tc, lenb[:]); err != nil {
		return nil, err
	}
	body := make([]byte, binary.BigEndian.Uint16(lenb[:]))
	if _, err := readFull(tc, body); err != nil {
		return nil, err
	}
	var m dnsmessage.Message
	if err := m.Unpack(body); err != nil || m.Header.ID != id {
		return nil, errBadResp
	}
	return &m, nil
}

func readFull(c net.Conn, b []byte) (int, error) {
	n := 0
	for n < len(b) {
		k, err := c.Read(b[n:])
		n += k
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

func trimDot(n dnsmessage.Name) string {
	s := n.String()
	if len(s) > 1 {
		return strings.TrimSuffix(s, ".")
	}
	return s
}

// records converts the answers of type t to node's shapes.
func records(m *dnsmessage.Message, t dnsmessage.Type) (any, string) {
	var list []any
	var soa map[string]any
	for _, a := range m.Answers {
		if t != dnsmessage.TypeALL && a.Header.Type != t {
			continue
		}
		r := record(a)
		if r == nil {
			continue
		}
		if t == dnsmessage.TypeSOA {
			soa = r.(map[string]any)
			continue
		}
		list = append(list, r)
	}
	if t == dnsmessage.TypeSOA {
		if soa == nil {
			return nil, "ENODATA"
		}
		delete(soa, "type")
		return soa, ""
	}
	if len(list) == 0 {
		return nil, "ENODATA"
	}
	return list, ""
}

// record converts one answer; every shape carries "type" for ANY, and
// address records carry ttl.
func record(a dnsmessage.Resource) any {
	ttl := a.Header.TTL
	switch b := a.Body.(type) {
	case *dnsmessage.AResource:
		return map[string]any{"type": "A", "address": net.IP(b.A[:]).String(), "ttl": ttl}
	case *dnsmessage.AAAAResource:
		return map[string]any{"type": "AAAA", "address": net.IP(b.AAAA[:]).String(), "ttl": ttl}
	case *dnsmessage.CNAMEResource:
		return map[string]any{"type": "CNAME", "value": trimDot(b.CNAME)}
	case *dnsmessage.NSResource:
		return map[string]any{"type": "NS", "value": trimDot(b.NS)}
	case *dnsmessage.PTRResource:
		return map[string]any{"type": "PTR", "value": trimDot(b.PTR)}
	case *dnsmessage.MXResource:
		return map[string]any{"type": "MX", "exchange": trimDot(b.MX), "priority": b.Pref}
	case *dnsmessage.TXTResource:
		return map[string]any{"type": "TXT", "entries": b.TXT}
	case *dnsmessage.SRVResource:
		return map[string]any{"type": "SRV", "name": trimDot(b.Target), "port": b.Port, "priority": b.Priority, "weight": b.Weight}
	case *dnsmessage.SOAResource:
		return map[string]any{"type": "SOA", "nsname": trimDot(b.NS), "hostmaster": trimDot(b.MBox),
			"serial": b.Serial, "refresh": b.Refresh, "retry": b.Retry, "expire": b.Expire, "minttl": b.MinTTL}
	case *dnsmessage.UnknownResource:
		switch a.Header.Type {
		case 257:
			return caa(b.Data)
		case 35:
			return naptr(b.Data)
		case 52:
			if len(b.Data) < 3 {
				return nil
			}
			return map[string]any{"type": "TLSA", "certUsage": b.Data[0], "selector": b.Data[1],
				"match": b.Data[2], "data": hex.EncodeToString(b.Data[3:])}
		}
	}
	return nil
}

func caa(d []byte) any {
	if len(d) < 2 || int(d[1])+2 > len(d) {
		return nil
	}
	tag := string(d[2 : 2+d[1]])
	return map[string]any{"type": "CAA", "critical": int(d[0]), tag: string(d[2+d[1]:])}
}

func naptr(d []byte) any {
	if len(d) < 4 {
		return nil
	}
	order := binary.BigEndian.Uint16(d)
	pref := binary.BigEndian.Uint16(d[2:])
	p := 4
	str := func() (string, bool) {
		if p >= len(d) || p+1+int(d[p]) > len(d) {
			return "", false
		}
		s := string(d[p+1 : p+1+int(d[p])])
		p += 1 + int(d[p])
		return s, true
	}
	flags, ok1 := str()
	service, ok2 := str()
	regexp, ok3 := str()
	if !ok1 || !ok2 || !ok3 {
		return nil
	}
	var labels []string
	for p < len(d) && d[p] != 0 {
		n := int(d[p])
		if p+1+n > len(d) {
			return nil
		}
		labels = append(labels, string(d[p+1:p+1+n]))
		p += 1 + n
	}
	return map[string]any{"type": "NAPTR", "flags": flags, "service": service, "regexp": regexp,
		"replacement": strings.Join(labels, "."), "order": order, "preference": pref}
}
