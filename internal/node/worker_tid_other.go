//go:build !linux

package node

// gettid is -1 where gonode cannot name the calling OS thread:
// worker.cpuUsage then fails with ERR_OPERATION_FAILED.
func gettid() int { return -1 }
