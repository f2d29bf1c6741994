package main

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"github.com/textnorm/textnorm/diag"
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
	return "", fmt.Errorf("%s: cannot name the temporary file", diag.QuoteName(dir))
}

// copyXattrs makes the extended attributes of to, the new file, those of
// from, the file it replaces: user.*, trusted.* and security.* where the
// user may set them (root, for trusted.*), and system.posix_acl_access,
// which holds the file's POSIX ACL. One that the new file has and the old
// has not, such as the ACL that a directory's default ACL gives new
// files, is removed. A file system without them (ENOTSUP) has none to copy.
func copyXattrs(from, to *os.File) error {
	names, err := listXattrs(from)
	if err != nil {
		if errors.Is(err, unix.ENOTSUP) {
			return nil
		}
		return fmt.Errorf("extended attributes: %w", err)
	}
	for _, name := range names {
		value, err := getXattr(from, name)
		if errors.Is(err, unix.ENODATA) {
			continue // removed since it was listed
		}
		if err == nil {
			err = unix.Fsetxattr(int(to.Fd()), name, value, 0)
		}
		if err != nil && !xattrMayStay(name, err) {
			return fmt.Errorf("extended attribute %s: %w", name, err)
		}
	}
	have, err := listXattrs(to)
	if err != nil {
		if errors.Is(err, unix.ENOTSUP) {
			return nil
		}
		return fmt.Errorf("extended attributes: %w", err)
	}
	for _, name := range have {
		if slices.Contains(names, name) {
			continue
		}
		if err := unix.Fremovexattr(int(to.Fd()), name); err != nil && !errors.Is(err, unix.ENODATA) && !xattrMayStay(name, err) {
			return fmt.Errorf("extended attribute %s: %w", name, err)
		}
	}
	return nil
}

// xattrMayStay reports whether an attribute that could not be set or
// removed may go as it is: the file system has no such attributes, or the
// user lacks the privilege that a namespace other than user.* and the ACL
// needs (security.capability, security.selinux, trusted.*).
func xattrMayStay(name string, err error) bool {
	if errors.Is(err, unix.ENOTSUP) {
		return true
	}
	privileged := !strings.HasPrefix(name, "user.") && !strings.HasPrefix(name, "system.posix_acl_")
	return privileged && (errors.Is(err, unix.EPERM) || errors.Is(err, unix.EACCES))
}

// listXattrs lists the names of f's extended attributes.
func listXattrs(f *os.File) ([]string, error) {
	buf, err := readXattr(func(dest []byte) (int, error) { return unix.Flistxattr(int(f.Fd()), dest) })
	if err != nil {
		return nil, err
	}
	var names []string
	for name := range strings.SplitSeq(string(buf), "\x00") {
		if name != "" {
			names = append(names, name)
		}
	}
	return names, nil
}

// getXattr reads the value of f's extended attribute name.
func getXattr(f *os.File, name string) ([]byte, error) {
	return readXattr(func(dest []byte) (int, error) { return unix.Fgetxattr(int(f.Fd()), name, dest) })
}

// readXattr calls read with a buffer of the size it asks for, again if
// what it reads grew meanwhile (ERANGE).
func readXattr(read func(dest []byte) (int, error)) ([]byte, error) {
	for {
		n, err := read(nil)
		if err != nil {
			return nil, err
		}
		buf := make([]byte, n)
		n, err = read(buf)
		if errors.Is(err, unix.ERANGE) {
			continue
		}
		if err != nil {
			return nil, err
		}
		return buf[:n], nil
	}
}
