package qjs

import "modernc.org/libc"

// SetTZ sets (or, with unset, removes) TZ in the engine's C environment,
// which is separate from Go's: the engine's local-time conversions read TZ
// from there on every call, so Date follows a runtime change of
// process.env.TZ as in node.
func (c *Context) SetTZ(value string, unset bool) {
	name, err := libc.CString("TZ")
	if err != nil {
		return
	}
	defer libc.Xfree(c.tls, name)
	if unset {
		libc.Xunsetenv(c.tls, name)
		return
	}
	v, err := libc.CString(value)
	if err != nil {
		return
	}
	defer libc.Xfree(c.tls, v)
	libc.Xsetenv(c.tls, name, v, 1)
}
