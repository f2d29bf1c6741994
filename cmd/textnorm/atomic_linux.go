package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// changeTime is a file's change time (st_ctime), which a chmod, a chown
// or a new attribute moves too.
func changeTime(st os.FileInfo) time.Time {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		return time.Unix(s.Ctim.Unix())
	}
	return time.Time{}
}

// openUnnamed opens an unnamed file in dir (O_TMPFILE), where the
// filesystem supports it.
func openUnnamed(dir string, mode os.FileMode) (*os.File, error) {
	fd, err := unix.Open(dir, unix.O_TMPFILE|unix.O_WRONLY|unix.O_CLOEXEC, uint32(mode))
	if err != nil {
		return nil, err
	}
	return os.NewFile(uintptr(fd), filepath.Join(dir, "(unnamed)")), nil
}

// linkUnnamed gives f, opened by openUnnamed, a name in dir made from
// pattern.
func linkUnnamed(f *os.File, dir, pattern string) (string, error) {
	for range 100 {
		name := filepath.Join(dir, tempName(pattern, fmt.Sprint(rand.Uint32())))
		err := unix.Linkat(unix.AT_FDCWD, fmt.Sprintf("/proc/self/fd/%d", f.Fd()), unix.AT_FDCWD, name, unix.AT_SYMLINK_FOLLOW)
		if err == unix.EEXIST {
			continue
		}
		return name, err
	}
	return "", fmt.Errorf("%s: cannot name the temporary file", dir)
}
