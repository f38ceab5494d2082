package tcp

import (
	"sync/atomic"
	"time"

	"golang.org/x/sys/unix"
)

// epoller waits for the connections' reads on the loop goroutine, as
// libuv does: one epoll set (edge-triggered) that the loop polls in its
// poll phase (eventloop.Poller), so that a chunk goes from the kernel to
// JS with no goroutine in between. An eventfd in the set lets Wake
// interrupt the wait.
type epoller struct {
	b      *tcpBinding
	epfd   int
	evfd   int
	count  int // registered connections
	events [128]unix.EpollEvent
	woken  atomic.Bool // an eventfd write is pending
	done   []func()
}

// newPoller makes the binding's poller, or returns nil (reads then use a
// goroutine per connection).
func newPoller(b *tcpBinding) *epoller {
	epfd, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
	if err != nil {
		return nil
	}
	evfd, err := unix.Eventfd(0, unix.EFD_CLOEXEC|unix.EFD_NONBLOCK)
	if err != nil {
		unix.Close(epfd)
		return nil
	}
	ev := unix.EpollEvent{Events: unix.EPOLLIN}
	setEventID(&ev, 0)
	if err := unix.EpollCtl(epfd, unix.EPOLL_CTL_ADD, evfd, &ev); err != nil {
		unix.Close(epfd)
		unix.Close(evfd)
		return nil
	}
	return &epoller{b: b, epfd: epfd, evfd: evfd}
}

// setEventID stores a handle id in an event's user data (0 is the
// eventfd).
func setEventID(ev *unix.EpollEvent, id int64) {
	ev.Fd = int32(uint64(id))
	ev.Pad = int32(uint64(id) >> 32)
}

func eventID(ev *unix.EpollEvent) int64 {
	return int64(uint64(uint32(ev.Fd)) | uint64(uint32(ev.Pad))<<32)
}

// add registers a connection's descriptor; false means it cannot be
// polled here (loop goroutine).
func (p *epoller) add(h *handle, fd int) bool {
	ev := unix.EpollEvent{Events: unix.EPOLLIN | unix.EPOLLRDHUP | unix.EPOLLET}
	setEventID(&ev, h.id)
	if unix.EpollCtl(p.epfd, unix.EPOLL_CTL_ADD, fd, &ev) != nil {
		return false
	}
	p.count++
	return true
}

// remove unregisters a connection before its descriptor closes, and
// reports whether none is left (loop goroutine).
func (p *epoller) remove(fd int) bool {
	unix.EpollCtl(p.epfd, unix.EPOLL_CTL_DEL, fd, nil)
	p.count--
	return p.count == 0
}

// close releases the poller's descriptors (loop goroutine, not in Poll).
func (p *epoller) close() {
	unix.Close(p.epfd)
	unix.Close(p.evfd)
}

// Active implements eventloop.Poller.
func (p *epoller) Active() bool { return p.count > 0 }

// Poll implements eventloop.Poller: each readable connection that is
// reading gets a read (readNow), in the order the kernel reported them.
func (p *epoller) Poll(timeout time.Duration) []func() {
	ms := -1
	if timeout >= 0 {
		ms = int((timeout + time.Millisecond - 1) / time.Millisecond)
	}
	n, err := unix.EpollWait(p.epfd, p.events[:], ms)
	if err != nil || n <= 0 {
		return nil
	}
	p.done = p.done[:0]
	for i := 0; i < n; i++ {
		id := eventID(&p.events[i])
		if id == 0 {
			var buf [8]byte
			unix.Read(p.evfd, buf[:])
			p.woken.Store(false)
			continue
		}
		h := p.b.handles[id]
		if h == nil || h.closed || !h.polled {
			continue
		}
		h.readable = true
		if p.events[i].Events&(unix.EPOLLRDHUP|unix.EPOLLHUP|unix.EPOLLERR) != 0 {
			h.hup = true
		}
		if h.reading && !h.readQueued {
			h.readQueued = true
			p.done = append(p.done, h.readNow)
		}
	}
	return p.done
}

// Wake implements eventloop.Poller.
func (p *epoller) Wake() {
	if p.woken.Swap(true) {
		return
	}
	one := [8]byte{1}
	unix.Write(p.evfd, one[:])
}
