// Package dns implements the cares_wrap binding, shaped like Node's:
// getaddrinfo and getnameinfo take a request object and report to its
// oncomplete method, with libuv's errno numbers; DNS queries for every
// record type node:dns resolves (query, cancelQuery) run off the loop
// and report c-ares' error codes as strings (ENOTFOUND, ENODATA,
// ESERVFAIL, EREFUSED, ETIMEOUT, ECONNREFUSED, ECANCELLED...).
package dns

import (
	"bufio"
	"context"
	"errors"
	"net"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gonode/gonode/internal/binding"
	"github.com/gonode/gonode/internal/eventloop"
	"github.com/gonode/gonode/internal/qjs"
)

func init() { binding.Register("cares_wrap", initCares) }

// getaddrinfo hint flags (Linux values) and result orders, as the binding
// exports them.
const (
	AIV4Mapped   = 8
	AIAll        = 16
	AIAddrConfig = 32

	OrderVerbatim  = 0
	OrderIPv4First = 1
	OrderIPv6First = 2
)

// libuv's numbers for getaddrinfo/getnameinfo failures.
const (
	uvEAIAgain   = -3001
	uvEAIBadFlag = -3002
	uvEAIFail    = -3004
	uvEAIFamily  = -3005
	uvEAINoData  = -3007
	uvEAINoName  = -3008
)

// Address is one resolved address.
type Address struct {
	IP     string
	Family int
}

// Lookup resolves host as getaddrinfo would: family 0, 4 or 6; hints a
// mask of AIV4Mapped, AIAll and AIAddrConfig; order one of the Order
// constants. It returns libuv's errno (negative) on failure.
func Lookup(ctx context.Context, host string, family, hints, order int) ([]Address, int) {
	if family != 0 && family != 4 && family != 6 {
		return nil, uvEAIFamily
	}
	if hints&^(AIV4Mapped|AIAll|AIAddrConfig) != 0 {
		return nil, uvEAIBadFlag
	}
	network := "ip"
	switch {
	case family == 4:
		network = "ip4"
	case family == 6 && hints&AIV4Mapped == 0:
		network = "ip6"
	}
	ips, err := net.DefaultResolver.LookupIP(ctx, network, host)
	if err != nil {
		return nil, lookupErrno(err)
	}
	var v4, v6 []Address
	for _, ip := range ips {
		if ip4 := ip.To4(); ip4 != nil {
			v4 = append(v4, Address{ip4.String(), 4})
		} else {
			v6 = append(v6, Address{ip.String(), 6})
		}
	}
	if hints&AIAddrConfig != 0 {
		has4, has6 := configuredFamilies()
		if !has4 {
			v4 = nil
		}
		if !has6 {
			v6 = nil
		}
	}
	var out []Address
	switch family {
	case 4:
		out = v4
	case 6:
		out = v6
		// V4MAPPED: IPv4 answers as ::ffff:a.b.c.d when there is no IPv6
		// answer (or always, with ALL).
		if hints&AIV4Mapped != 0 && (len(v6) == 0 || hints&AIAll != 0) {
			for _, a := range v4 {
				out = append(out, Address{"::ffff:" + a.IP, 6})
			}
		}
	default:
		// Keep the resolver's order (RFC 6724, as getaddrinfo sorts).
		for _, ip := range ips {
			if ip4 := ip.To4(); ip4 != nil {
				if v4 != nil {
					out = append(out, Address{ip4.String(), 4})
				}
			} else if v6 != nil {
				out = append(out, Address{ip.String(), 6})
			}
		}
	}
	if len(out) == 0 {
		return nil, uvEAINoName
	}
	switch order {
	case OrderIPv4First:
		sort.SliceStable(out, func(i, j int) bool { return out[i].Family < out[j].Family })
	case OrderIPv6First:
		sort.SliceStable(out, func(i, j int) bool { return out[i].Family > out[j].Family })
	}
	return out, 0
}

// configuredFamilies reports whether a non-loopback IPv4 and IPv6 address
// is configured, as AI_ADDRCONFIG checks.
func configuredFamilies() (has4, has6 bool) {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return true, true
	}
	for _, a := range addrs {
		n, ok := a.(*net.IPNet)
		if !ok || n.IP.IsLoopback() {
			continue
		}
		if n.IP.To4() != nil {
			has4 = true
		} else {
			has6 = true
		}
	}
	return has4, has6
}

// lookupErrno maps a resolver error to getaddrinfo's errno as libuv
// numbers it.
func lookupErrno(err error) int {
	var de *net.DNSError
	if errors.As(err, &de) {
		switch {
		case de.IsNotFound:
			return uvEAINoName
		case de.IsTimeout, de.IsTemporary:
			return uvEAIAgain
		}
		return uvEAIFail
	}
	var ae *net.AddrError
	if errors.As(err, &ae) {
		return uvEAINoName
	}
	return uvEAIFail
}

var (
	servicesOnce sync.Once
	services     map[string]string // "port/proto" -> name
)

// serviceName returns the /etc/services name of a TCP port, or the port
// number as a string (as getnameinfo does).
func serviceName(port int) string {
	servicesOnce.Do(func() {
		services = map[string]string{}
		f, err := os.Open("/etc/services")
		if err != nil {
			return
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := sc.Text()
			if i := strings.IndexByte(line, '#'); i >= 0 {
				line = line[:i]
			}
			fs := strings.Fields(line)
			if len(fs) < 2 {
				continue
			}
			if _, dup := services[fs[1]]; !dup {
				services[fs[1]] = fs[0]
			}
		}
	})
	if s, ok := services[strconv.Itoa(port)+"/tcp"]; ok {
		return s
	}
	return strconv.Itoa(port)
}

// LookupService resolves addr and port to a host name and service name,
// as getnameinfo does with NI_NAMEREQD (as node asks): an address without
// a name fails with EAI_NONAME. It returns libuv's errno on failure.
func LookupService(ctx context.Context, addr string, port int) (host, service string, errno int) {
	if net.ParseIP(addr) == nil {
		return "", "", uvEAINoName
	}
	names, err := net.DefaultResolver.LookupAddr(ctx, addr)
	if err != nil {
		return "", "", lookupErrno(err)
	}
	if len(names) == 0 {
		return "", "", uvEAINoName
	}
	return strings.TrimSuffix(names[0], "."), serviceName(port), 0
}

// canonicalizeIP returns the canonical text of an IP address, or "".
func canonicalizeIP(s string) string {
	ip := net.ParseIP(s)
	if ip == nil {
		return ""
	}
	if strings.Contains(s, ":") {
		// An IPv6 text stays IPv6, even for a mapped IPv4 address.
		if ip4 := ip.To4(); ip4 != nil && ip.Equal(ip4) {
			return "::ffff:" + ip4.String()
		}
		return ip.String()
	}
	return ip.To4().String()
}

type caresBinding struct {
	env *binding.Env
}

// complete calls req.oncomplete(args...) with this = req, on the loop; it
// frees req and args.
func (b *caresBinding) complete(req qjs.Value, args ...qjs.Value) {
	c := b.env.Ctx
	fn := c.Get(req, "oncomplete")
	r, err := c.Call(fn, req, args...)
	c.FreeAll(args...)
	c.Free(fn)
	c.Free(req)
	if err != nil {
		b.env.Uncaught(err)
		return
	}
	c.Free(r)
}

func initCares(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	b := &caresBinding{env: env}
	l := env.Loop

	for name, v := range map[string]int32{
		"AF_UNSPEC": 0, "AF_INET": 2, "AF_INET6": 10,
		"AI_ADDRCONFIG": AIAddrConfig, "AI_ALL": AIAll, "AI_V4MAPPED": AIV4Mapped,
		"DNS_ORDER_VERBATIM": OrderVerbatim, "DNS_ORDER_IPV4_FIRST": OrderIPv4First,
		"DNS_ORDER_IPV6_FIRST": OrderIPv6First,
	} {
		c.Set(obj, name, qjs.Int32(v))
	}

	// getaddrinfo(req, hostname, family, hints, order) -> 0; later
	// req.oncomplete(errno, [address...]) (errno 0 on success).
	binding.Func(c, obj, "getaddrinfo", 5, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		req := c.Dup(qjs.Arg(args, 0))
		host := c.GoString(qjs.Arg(args, 1))
		family := int(qjs.Arg(args, 2).Int())
		hints := int(qjs.Arg(args, 3).Int())
		order := int(qjs.Arg(args, 4).Int())
		type res struct {
			addrs []Address
			errno int
		}
		eventloop.Go(l, func() res {
			a, errno := Lookup(context.Background(), host, family, hints, order)
			return res{a, errno}
		}, func(r res) {
			if r.errno != 0 {
				b.complete(req, qjs.Int32(int32(r.errno)), qjs.Null)
				return
			}
			ips := make([]string, len(r.addrs))
			for i, a := range r.addrs {
				ips[i] = a.IP
			}
			b.complete(req, qjs.Int32(0), c.StringArray(ips))
		})
		return qjs.Int32(0)
	})

	// getnameinfo(req, address, port) -> 0; later
	// req.oncomplete(errno, hostname, service).
	binding.Func(c, obj, "getnameinfo", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		req := c.Dup(qjs.Arg(args, 0))
		addr := c.GoString(qjs.Arg(args, 1))
		port := int(qjs.Arg(args, 2).Int())
		type res struct {
			host, svc string
			errno     int
		}
		eventloop.Go(l, func() res {
			h, s, errno := LookupService(context.Background(), addr, port)
			return res{h, s, errno}
		}, func(r res) {
			if r.errno != 0 {
				b.complete(req, qjs.Int32(int32(r.errno)))
				return
			}
			b.complete(req, qjs.Int32(0), c.String(r.host), c.String(r.svc))
		})
		return qjs.Int32(0)
	})

	// canonicalizeIP(ip) -> the canonical text, or undefined.
	binding.Func(c, obj, "canonicalizeIP", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if s := canonicalizeIP(c.GoString(qjs.Arg(args, 0))); s != "" {
			return c.String(s)
		}
		return qjs.Undefined
	})

	// Queries in flight, by id, so that a channel's cancel can stop them
	// (loop goroutine only).
	inflight := map[int64]context.CancelFunc{}
	var nextQuery int64

	// query(name, type, servers, timeoutMs, tries, maxTimeoutMs, local4,
	// local6, cb) -> id: cb(code|null, records) where records is a JSON
	// string (see Query).
	binding.Func(c, obj, "query", 9, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		name := c.GoString(qjs.Arg(args, 0))
		typ := c.GoString(qjs.Arg(args, 1))
		var servers []string
		if sv := qjs.Arg(args, 2); c.IsArray(sv) {
			for i := 0; i < c.Length(sv); i++ {
				v := c.GetIndex(sv, uint32(i))
				servers = append(servers, c.GoString(v))
				c.Free(v)
			}
		}
		q := &Querier{
			Servers:    servers,
			Timeout:    time.Duration(qjs.Arg(args, 3).Int()) * time.Millisecond,
			Tries:      int(qjs.Arg(args, 4).Int()),
			MaxTimeout: time.Duration(qjs.Arg(args, 5).Int()) * time.Millisecond,
		}
		if v := qjs.Arg(args, 6); v.IsString() {
			q.Local4 = net.ParseIP(c.GoString(v))
		}
		if v := qjs.Arg(args, 7); v.IsString() {
			q.Local6 = net.ParseIP(c.GoString(v))
		}
		cb := c.Dup(qjs.Arg(args, 8))
		type res struct {
			json string
			code string
		}
		nextQuery++
		id := nextQuery
		ctx, cancel := context.WithCancel(context.Background())
		inflight[id] = cancel
		eventloop.Go(l, func() res {
			j, code := q.Query(ctx, name, typ)
			return res{j, code}
		}, func(r res) {
			delete(inflight, id)
			cancel()
			if r.code != "" {
				env.Call(cb, c.String(r.code))
			} else {
				env.Call(cb, qjs.Null, c.String(r.json))
			}
			c.Free(cb)
		})
		return qjs.Int64(id)
	})

	// cancelQuery(id) stops a query; its callback gets ECANCELLED.
	binding.Func(c, obj, "cancelQuery", 1, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		if cancel, ok := inflight[qjs.Arg(args, 0).Int()]; ok {
			cancel()
		}
		return qjs.Undefined
	})

	// defaultServers() lists the system's name servers ("ip").
	binding.Func(c, obj, "defaultServers", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return c.StringArray(SystemServers())
	})
}
