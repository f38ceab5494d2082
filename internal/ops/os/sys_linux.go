package os

import (
	"bufio"
	"net"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
)

// clockTicks is USER_HZ, the unit of /proc/stat's times (100 on every
// Linux platform Go runs on).
const clockTicks = 100

func meminfo() map[string]uint64 {
	out := map[string]uint64{}
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, rest, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) == 0 {
			continue
		}
		n, err := strconv.ParseUint(fields[0], 10, 64)
		if err != nil {
			continue
		}
		if len(fields) > 1 && fields[1] == "kB" {
			n *= 1024
		}
		out[name] = n
	}
	return out
}

func totalMem() uint64 {
	if n, ok := meminfo()["MemTotal"]; ok {
		return n
	}
	var si syscall.Sysinfo_t
	if syscall.Sysinfo(&si) == nil {
		return uint64(si.Totalram) * uint64(si.Unit)
	}
	return 0
}

func freeMem() uint64 {
	if n, ok := meminfo()["MemAvailable"]; ok {
		return n
	}
	var si syscall.Sysinfo_t
	if syscall.Sysinfo(&si) == nil {
		return uint64(si.Freeram) * uint64(si.Unit)
	}
	return 0
}

func uptime() (float64, error) {
	b, err := os.ReadFile("/proc/uptime")
	if err == nil {
		if f := strings.Fields(string(b)); len(f) > 0 {
			if u, err := strconv.ParseFloat(f[0], 64); err == nil {
				return u, nil
			}
		}
	}
	var si syscall.Sysinfo_t
	if err := syscall.Sysinfo(&si); err != nil {
		return 0, err
	}
	return float64(si.Uptime), nil
}

func loadAvg() []float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err == nil {
		f := strings.Fields(string(b))
		if len(f) >= 3 {
			out := make([]float64, 3)
			for i := range out {
				out[i], _ = strconv.ParseFloat(f[i], 64)
			}
			return out
		}
	}
	var si syscall.Sysinfo_t
	if syscall.Sysinfo(&si) == nil {
		return []float64{float64(si.Loads[0]) / 65536, float64(si.Loads[1]) / 65536, float64(si.Loads[2]) / 65536}
	}
	return []float64{0, 0, 0}
}

func cpus() []CPU {
	var out []CPU
	if f, err := os.Open("/proc/stat"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			fields := strings.Fields(sc.Text())
			if len(fields) < 8 || !strings.HasPrefix(fields[0], "cpu") || fields[0] == "cpu" {
				continue
			}
			n := func(i int) int64 {
				v, _ := strconv.ParseInt(fields[i], 10, 64)
				return v * 1000 / clockTicks
			}
			out = append(out, CPU{Times: CPUTimes{User: n(1), Nice: n(2), Sys: n(3), Idle: n(4), IRQ: n(6)}})
		}
		f.Close()
	}
	if len(out) == 0 {
		out = make([]CPU, runtime.NumCPU())
	}
	// Model names and speeds from /proc/cpuinfo, in processor order.
	var models []string
	var speeds []int
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			k, v, ok := strings.Cut(sc.Text(), ":")
			if !ok {
				continue
			}
			k, v = strings.TrimSpace(k), strings.TrimSpace(v)
			switch k {
			case "model name":
				models = append(models, v)
			case "cpu MHz":
				mhz, _ := strconv.ParseFloat(v, 64)
				speeds = append(speeds, int(mhz))
			}
		}
		f.Close()
	}
	for i := range out {
		out[i].Model = "unknown"
		if i < len(models) {
			out[i].Model = models[i]
		}
		if i < len(speeds) {
			out[i].Speed = speeds[i]
		}
		if b, err := os.ReadFile("/sys/devices/system/cpu/cpu" + strconv.Itoa(i) + "/cpufreq/scaling_cur_freq"); err == nil {
			if khz, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil {
				out[i].Speed = khz / 1000
			}
		}
	}
	return out
}

func networkInterfaces() ([]Interface, error) {
	ifs, err := net.Interfaces()
	if err != nil {
		return nil, err
	}
	var out []Interface
	for _, ifc := range ifs {
		if ifc.Flags&net.FlagUp == 0 {
			continue
		}
		addrs, err := ifc.Addrs()
		if err != nil {
			continue
		}
		mac := ifc.HardwareAddr.String()
		if mac == "" {
			mac = "00:00:00:00:00:00"
		}
		for _, a := range addrs {
			ipn, ok := a.(*net.IPNet)
			if !ok {
				continue
			}
			ones, _ := ipn.Mask.Size()
			e := Interface{
				Name:     ifc.Name,
				Address:  ipn.IP.String(),
				MAC:      mac,
				Internal: ifc.Flags&net.FlagLoopback != 0,
				CIDR:     ipn.IP.String() + "/" + strconv.Itoa(ones),
			}
			if ip4 := ipn.IP.To4(); ip4 != nil {
				e.Family = "IPv4"
				e.Netmask = net.IP(ipn.Mask).String()
			} else {
				e.Family = "IPv6"
				e.Netmask = net.IP(ipn.Mask).String()
				scope := 0
				if ipn.IP.IsLinkLocalUnicast() {
					scope = ifc.Index
				}
				e.ScopeID = &scope
			}
			out = append(out, e)
		}
	}
	return out, nil
}

func osInfo() ([4]string, error) {
	var u syscall.Utsname
	if err := syscall.Uname(&u); err != nil {
		return [4]string{}, err
	}
	return [4]string{cstring(u.Sysname[:]), cstring(u.Release[:]), cstring(u.Version[:]), cstring(u.Machine[:])}, nil
}

// cstring reads a NUL-terminated utsname field (int8 or uint8 by platform).
func cstring[T ~int8 | ~uint8](a []T) string {
	b := make([]byte, 0, len(a))
	for _, c := range a {
		if c == 0 {
			break
		}
		b = append(b, byte(c))
	}
	return string(b)
}

// userInfo reads uid's entry from /etc/passwd.
func userInfo(uid int) (User, error) {
	f, err := os.Open("/etc/passwd")
	if err != nil {
		return User{}, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		p := strings.Split(sc.Text(), ":")
		if len(p) < 7 {
			continue
		}
		if id, err := strconv.Atoi(p[2]); err != nil || id != uid {
			continue
		}
		gid, _ := strconv.Atoi(p[3])
		return User{UID: uid, GID: gid, Username: p[0], Homedir: p[5], Shell: p[6]}, nil
	}
	return User{}, syscall.ENOENT
}

// getPriority returns pid's nice value. The raw system call answers
// 20 - nice, to stay positive.
func getPriority(pid int) (int, error) {
	p, err := syscall.Getpriority(syscall.PRIO_PROCESS, pid)
	if err != nil {
		return 0, err
	}
	return 20 - p, nil
}

func setPriority(pid, prio int) error {
	return syscall.Setpriority(syscall.PRIO_PROCESS, pid, prio)
}

// signals lists the signals in the order Node's os.constants.signals has
// them, as [name, number] pairs.
func signals() [][2]any {
	list := []struct {
		name string
		sig  syscall.Signal
	}{
		{"SIGHUP", syscall.SIGHUP}, {"SIGINT", syscall.SIGINT}, {"SIGQUIT", syscall.SIGQUIT},
		{"SIGILL", syscall.SIGILL}, {"SIGTRAP", syscall.SIGTRAP}, {"SIGABRT", syscall.SIGABRT},
		{"SIGIOT", syscall.SIGIOT}, {"SIGBUS", syscall.SIGBUS}, {"SIGFPE", syscall.SIGFPE},
		{"SIGKILL", syscall.SIGKILL}, {"SIGUSR1", syscall.SIGUSR1}, {"SIGSEGV", syscall.SIGSEGV},
		{"SIGUSR2", syscall.SIGUSR2}, {"SIGPIPE", syscall.SIGPIPE}, {"SIGALRM", syscall.SIGALRM},
		{"SIGTERM", syscall.SIGTERM}, {"SIGCHLD", syscall.SIGCHLD}, {"SIGSTKFLT", syscall.Signal(16)},
		{"SIGCONT", syscall.SIGCONT}, {"SIGSTOP", syscall.SIGSTOP}, {"SIGTSTP", syscall.SIGTSTP},
		{"SIGTTIN", syscall.SIGTTIN}, {"SIGTTOU", syscall.SIGTTOU}, {"SIGURG", syscall.SIGURG},
		{"SIGXCPU", syscall.SIGXCPU}, {"SIGXFSZ", syscall.SIGXFSZ}, {"SIGVTALRM", syscall.SIGVTALRM},
		{"SIGPROF", syscall.SIGPROF}, {"SIGWINCH", syscall.SIGWINCH}, {"SIGIO", syscall.SIGIO},
		{"SIGPOLL", syscall.SIGIO}, {"SIGPWR", syscall.SIGPWR}, {"SIGSYS", syscall.SIGSYS},
	}
	out := make([][2]any, len(list))
	for i, e := range list {
		out[i] = [2]any{e.name, int(e.sig)}
	}
	return out
}

// errnos lists the errno constants Node exposes as os.constants.errno.
func errnos() map[string]int {
	m := map[string]syscall.Errno{
		"E2BIG": syscall.E2BIG, "EACCES": syscall.EACCES, "EADDRINUSE": syscall.EADDRINUSE,
		"EADDRNOTAVAIL": syscall.EADDRNOTAVAIL, "EAFNOSUPPORT": syscall.EAFNOSUPPORT,
		"EAGAIN": syscall.EAGAIN, "EALREADY": syscall.EALREADY, "EBADF": syscall.EBADF,
		"EBADMSG": syscall.EBADMSG, "EBUSY": syscall.EBUSY, "ECANCELED": syscall.ECANCELED,
		"ECHILD": syscall.ECHILD, "ECONNABORTED": syscall.ECONNABORTED,
		"ECONNREFUSED": syscall.ECONNREFUSED, "ECONNRESET": syscall.ECONNRESET,
		"EDEADLK": syscall.EDEADLK, "EDESTADDRREQ": syscall.EDESTADDRREQ, "EDOM": syscall.EDOM,
		"EDQUOT": syscall.EDQUOT, "EEXIST": syscall.EEXIST, "EFAULT": syscall.EFAULT,
		"EFBIG": syscall.EFBIG, "EHOSTUNREACH": syscall.EHOSTUNREACH, "EIDRM": syscall.EIDRM,
		"EILSEQ": syscall.EILSEQ, "EINPROGRESS": syscall.EINPROGRESS, "EINTR": syscall.EINTR,
		"EINVAL": syscall.EINVAL, "EIO": syscall.EIO, "EISCONN": syscall.EISCONN,
		"EISDIR": syscall.EISDIR, "ELOOP": syscall.ELOOP, "EMFILE": syscall.EMFILE,
		"EMLINK": syscall.EMLINK, "EMSGSIZE": syscall.EMSGSIZE, "EMULTIHOP": syscall.EMULTIHOP,
		"ENAMETOOLONG": syscall.ENAMETOOLONG, "ENETDOWN": syscall.ENETDOWN,
		"ENETRESET": syscall.ENETRESET, "ENETUNREACH": syscall.ENETUNREACH,
		"ENFILE": syscall.ENFILE, "ENOBUFS": syscall.ENOBUFS, "ENODATA": syscall.ENODATA,
		"ENODEV": syscall.ENODEV, "ENOENT": syscall.ENOENT, "ENOEXEC": syscall.ENOEXEC,
		"ENOLCK": syscall.ENOLCK, "ENOLINK": syscall.ENOLINK, "ENOMEM": syscall.ENOMEM,
		"ENOMSG": syscall.ENOMSG, "ENOPROTOOPT": syscall.ENOPROTOOPT, "ENOSPC": syscall.ENOSPC,
		"ENOSR": syscall.ENOSR, "ENOSTR": syscall.ENOSTR, "ENOSYS": syscall.ENOSYS,
		"ENOTCONN": syscall.ENOTCONN, "ENOTDIR": syscall.ENOTDIR, "ENOTEMPTY": syscall.ENOTEMPTY,
		"ENOTSOCK": syscall.ENOTSOCK, "ENOTSUP": syscall.ENOTSUP, "ENOTTY": syscall.ENOTTY,
		"ENXIO": syscall.ENXIO, "EOPNOTSUPP": syscall.EOPNOTSUPP, "EOVERFLOW": syscall.EOVERFLOW,
		"EPERM": syscall.EPERM, "EPIPE": syscall.EPIPE, "EPROTO": syscall.EPROTO,
		"EPROTONOSUPPORT": syscall.EPROTONOSUPPORT, "EPROTOTYPE": syscall.EPROTOTYPE,
		"ERANGE": syscall.ERANGE, "EROFS": syscall.EROFS, "ESPIPE": syscall.ESPIPE,
		"ESRCH": syscall.ESRCH, "ESTALE": syscall.ESTALE, "ETIME": syscall.ETIME,
		"ETIMEDOUT": syscall.ETIMEDOUT, "ETXTBSY": syscall.ETXTBSY,
		"EWOULDBLOCK": syscall.EWOULDBLOCK, "EXDEV": syscall.EXDEV,
	}
	out := make(map[string]int, len(m))
	for k, v := range m {
		out[k] = int(v)
	}
	return out
}
