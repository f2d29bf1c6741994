//go:build unix

package main

import (
	"errors"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// An owner is a file's owner and group.
type owner struct {
	uid, gid int
	ok       bool // known
}

func ownerOf(st os.FileInfo) owner {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		return owner{uid: int(s.Uid), gid: int(s.Gid), ok: true}
	}
	return owner{}
}

// keepOwner gives f the owner and group o, where they differ. Only root
// can give a file away: for another user, a file owned by someone else
// becomes the user's (as with any editor that writes a new file), and
// keeps its group if the user is in it.
func keepOwner(f *os.File, o owner) error {
	if !o.ok {
		return nil
	}
	st, err := f.Stat()
	if err != nil {
		return err
	}
	cur := ownerOf(st)
	if cur.ok && cur.uid == o.uid && cur.gid == o.gid {
		return nil
	}
	err = f.Chown(o.uid, o.gid)
	if err == nil || !errors.Is(err, syscall.EPERM) || os.Geteuid() == 0 {
		return err
	}
	if cur.gid != o.gid {
		if err := f.Chown(-1, o.gid); err != nil && !errors.Is(err, syscall.EPERM) {
			return err
		}
	}
	return nil
}

// checkWritable refuses a file that the user could not write (access(2)
// with W_OK: mode bits, ACLs, a read-only file system; root may write
// any file).
func checkWritable(path string) error {
	err := unix.Access(path, unix.W_OK)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, syscall.EACCES) || errors.Is(err, syscall.EPERM):
		return errReadOnly
	case errors.Is(err, syscall.EROFS):
		return errors.New("read-only file system")
	}
	return nil // let the rewrite find out
}

// openNonblock makes an open not wait: for a named pipe, for a writer.
const openNonblock = unix.O_NONBLOCK
