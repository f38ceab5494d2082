//go:build !linux

package os

import (
	"errors"
	"runtime"

	"github.com/gonode/gonode/internal/binding"
)

var errUnsupported = errors.New("not supported on " + runtime.GOOS)

func totalMem() uint64                        { return 0 }
func freeMem() uint64                         { return 0 }
func uptime() (float64, error)                { return 0, errUnsupported }
func loadAvg() []float64                      { return []float64{0, 0, 0} }
func cpus() []CPU                             { return make([]CPU, runtime.NumCPU()) }
func networkInterfaces() ([]Interface, error) { return nil, nil }
func osInfo() ([4]string, error)              { return [4]string{runtime.GOOS, "", "", runtime.GOARCH}, nil }
func userInfo(uid int) (User, error)          { return User{}, errUnsupported }
func getPriority(pid int) (int, error)        { return 0, errUnsupported }
func setPriority(pid, prio int) error         { return errUnsupported }
func signals() map[string]int                 { return map[string]int{"SIGINT": 2, "SIGKILL": 9, "SIGTERM": 15} }

func errnos() map[string]int { return binding.ErrnoNames() }
