//go:build !linux

package tcp

import "time"

// epoller is Linux only: elsewhere reads use a goroutine per connection.
type epoller struct{}

func newPoller(b *tcpBinding) *epoller                 { return nil }
func (p *epoller) add(h *handle, fd int) bool          { return false }
func (p *epoller) remove(fd int)                       {}
func (p *epoller) Active() bool                        { return false }
func (p *epoller) Poll(timeout time.Duration) []func() { return nil }
func (p *epoller) Wake()                               {}
