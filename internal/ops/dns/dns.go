// Package dns implements the dns binding: getaddrinfo-style lookups
// through Go's resolver, reverse lookups, and DNS queries for every record
// type node:dns resolves, each run off the loop with its result posted
// back.
//
// Errors reach JS as Node's codes (strings): lookups use getaddrinfo's
// (ENOTFOUND, EAI_AGAIN, EAI_FAIL...), queries use c-ares' (ENOTFOUND,
// ENODATA, ESERVFAIL, EREFUSED, ETIMEOUT, ECONNREFUSED...).
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

func init() { binding.Register("dns", initDNS) }

// Address is one resolved address.
type Address struct {
	IP     string
	Family int
}

// Lookup resolves host as getaddrinfo would: family 0, 4 or 6; order
// "verbatim", "ipv4first" or "ipv6first". It returns Node's error code on
// failure.
func Lookup(ctx context.Context, host string, family int, order string) ([]Address, string) {
	network := "ip"
	switch family {
	case 4:
		network = "ip4"
	case 6:
		network = "ip6"
	}
	ips, err := net.DefaultResolver.LookupIP(ctx, network, host)
	if err != nil {
		return nil, lookupCode(err)
	}
	out := make([]Address, 0, len(ips))
	for _, ip := range ips {
		if ip4 := ip.To4(); ip4 != nil {
			out = append(out, Address{ip4.String(), 4})
		} else {
			out = append(out, Address{ip.String(), 6})
		}
	}
	if len(out) == 0 {
		return nil, "ENOTFOUND"
	}
	switch order {
	case "ipv4first":
		sort.SliceStable(out, func(i, j int) bool { return out[i].Family < out[j].Family })
	case "ipv6first":
		sort.SliceStable(out, func(i, j int) bool { return out[i].Family > out[j].Family })
	}
	return out, ""
}

// lookupCode maps a resolver error to getaddrinfo's code as Node names it.
func lookupCode(err error) string {
	var de *net.DNSError
	if errors.As(err, &de) {
		switch {
		case de.IsNotFound:
			return "ENOTFOUND"
		case de.IsTimeout, de.IsTemporary:
			return "EAI_AGAIN"
		}
		return "EAI_FAIL"
	}
	if errors.Is(err, context.Canceled) {
		return "ECANCELLED"
	}
	var ae *net.AddrError
	if errors.As(err, &ae) {
		return "ENOTFOUND"
	}
	return "EAI_FAIL"
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
// as getnameinfo does.
func LookupService(ctx context.Context, addr string, port int) (host, service, code string) {
	names, err := net.DefaultResolver.LookupAddr(ctx, addr)
	if err != nil || len(names) == 0 {
		var de *net.DNSError
		if errors.As(err, &de) && (de.IsTimeout || de.IsTemporary) {
			return "", "", "EAI_AGAIN"
		}
		if err != nil || len(names) == 0 {
			// getnameinfo falls back to the numeric host.
			host = addr
		}
	} else {
		host = strings.TrimSuffix(names[0], ".")
	}
	return host, serviceName(port), ""
}

type dnsBinding struct {
	env *binding.Env
}

// call runs cb(args...) on the loop, freeing cb and args.
func (b *dnsBinding) call(cb qjs.Value, args ...qjs.Value) {
	b.env.Call(cb, args...)
	b.env.Ctx.Free(cb)
}

func errOrNull(c *qjs.Context, code string) qjs.Value {
	if code == "" {
		return qjs.Null
	}
	return c.String(code)
}

func initDNS(env *binding.Env, obj qjs.Value) {
	c := env.Ctx
	b := &dnsBinding{env: env}
	l := env.Loop

	// lookup(hostname, family, order, cb): cb(code|null, [address, family, ...]).
	binding.Func(c, obj, "lookup", 4, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		host := c.GoString(qjs.Arg(args, 0))
		family := int(qjs.Arg(args, 1).Int())
		order := c.GoString(qjs.Arg(args, 2))
		cb := c.Dup(qjs.Arg(args, 3))
		type res struct {
			addrs []Address
			code  string
		}
		eventloop.Go(l, func() res {
			a, code := Lookup(context.Background(), host, family, order)
			return res{a, code}
		}, func(r res) {
			if r.code != "" {
				b.call(cb, c.String(r.code))
				return
			}
			arr := c.Array()
			for i, a := range r.addrs {
				c.SetIndex(arr, uint32(2*i), c.String(a.IP))
				c.SetIndex(arr, uint32(2*i+1), qjs.Int32(int32(a.Family)))
			}
			b.call(cb, qjs.Null, arr)
		})
		return qjs.Undefined
	})

	// lookupService(address, port, cb): cb(code|null, hostname, service).
	binding.Func(c, obj, "lookupService", 3, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		addr := c.GoString(qjs.Arg(args, 0))
		port := int(qjs.Arg(args, 1).Int())
		cb := c.Dup(qjs.Arg(args, 2))
		type res struct{ host, svc, code string }
		eventloop.Go(l, func() res {
			h, s, code := LookupService(context.Background(), addr, port)
			return res{h, s, code}
		}, func(r res) {
			if r.code != "" {
				b.call(cb, c.String(r.code))
				return
			}
			b.call(cb, qjs.Null, c.String(r.host), c.String(r.svc))
		})
		return qjs.Undefined
	})

	// Queries in flight, by id, so that Resolver.cancel can stop them
	// (loop goroutine only).
	inflight := map[int64]context.CancelFunc{}
	var nextQuery int64

	// query(name, type, servers, timeoutMs, tries, cb) -> id:
	// cb(code|null, records) where records is a JSON string (see Query).
	binding.Func(c, obj, "query", 6, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
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
		timeout := time.Duration(qjs.Arg(args, 3).Int()) * time.Millisecond
		tries := int(qjs.Arg(args, 4).Int())
		cb := c.Dup(qjs.Arg(args, 5))
		type res struct {
			json string
			code string
		}
		nextQuery++
		id := nextQuery
		ctx, cancel := context.WithCancel(context.Background())
		inflight[id] = cancel
		eventloop.Go(l, func() res {
			q := &Querier{Servers: servers, Timeout: timeout, Tries: tries}
			j, code := q.Query(ctx, name, typ)
			return res{j, code}
		}, func(r res) {
			delete(inflight, id)
			cancel()
			if r.code != "" {
				b.call(cb, c.String(r.code))
				return
			}
			b.call(cb, qjs.Null, c.String(r.json))
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

	// defaultServers() lists the system's name servers ("ip" or "[ip]:port").
	binding.Func(c, obj, "defaultServers", 0, func(c *qjs.Context, this qjs.Value, args []qjs.Value) qjs.Value {
		return c.StringArray(SystemServers())
	})
}
