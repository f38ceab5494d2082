package fs

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// maxLinks bounds the symbolic links followed in one resolution, as the
// kernel's own limit does; more yield ELOOP.
const maxLinks = 40

// realpath resolves every symbolic link in p (made absolute first) and
// returns the canonical path.
//
// With jsStyle it behaves as node's fs.realpath: components are examined
// one by one (lstat, then stat and readlink for a link), a failure names
// the syscall and component that failed, and once a link to a pipe or a
// socket is resolved, the walk ends at the first component already known
// to be no link, as node's does (so /dev/stdin on a pipe resolves to
// /proc/<pid>/fd/pipe:[n], a name that does not exist). Otherwise it
// behaves as realpath(3) (realpath.native): every failure is reported as
// a realpath of p (such a pipe name is ENOENT).
func realpath(p string, jsStyle bool) (string, error) {
	orig := p
	p, err := filepath.Abs(p)
	if err != nil {
		return "", fail(err, "realpath", orig, "")
	}
	failed := func(err error, sc, at string) error {
		if jsStyle {
			return fail(err, sc, at, "")
		}
		return fail(err, "realpath", orig, "")
	}
	hard := map[string]bool{}
	links := 0
	afterPipe := false
	for {
		resolved := "/"
		comps := strings.Split(strings.TrimPrefix(p, "/"), "/")
		next := ""
		for i, name := range comps {
			if name == "" {
				continue
			}
			base := filepath.Join(resolved, name)
			if hard[base] {
				if afterPipe {
					return p, nil
				}
				resolved = base
				continue
			}
			afterPipe = false
			fi, err := os.Lstat(base)
			if err != nil {
				return "", failed(err, "lstat", base)
			}
			if fi.Mode()&os.ModeSymlink == 0 {
				hard[base] = true
				resolved = base
				continue
			}
			st, err := os.Stat(base)
			if err != nil {
				return "", failed(err, "stat", base)
			}
			target, err := os.Readlink(base)
			if err != nil {
				return "", failed(err, "readlink", base)
			}
			if links++; links > maxLinks {
				return "", failed(syscall.ELOOP, "stat", base)
			}
			if !filepath.IsAbs(target) {
				target = filepath.Join(resolved, target)
			}
			next = filepath.Join(append([]string{target}, comps[i+1:]...)...)
			afterPipe = jsStyle && st.Mode()&(os.ModeNamedPipe|os.ModeSocket) != 0
			break
		}
		if next == "" {
			return resolved, nil
		}
		p = next
	}
}
