//go:build !unix

package detect_test

import "time"

// cpuTime returns 0: BenchmarkDetect reports no MB/cpu-s here.
func cpuTime() time.Duration { return 0 }
