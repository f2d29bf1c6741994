//go:build !unix

package main

import "os"

// An owner is a file's owner and group: none here.
type owner struct {
	uid, gid int
	ok       bool // never
}

func ownerOf(st os.FileInfo) owner { return owner{} }

func keepOwner(f *os.File, o owner) error { return nil }

// checkWritable refuses a read-only file.
func checkWritable(path string) error {
	st, err := os.Stat(path)
	if err == nil && st.Mode().Perm()&0o200 == 0 {
		return errReadOnly
	}
	return nil
}

// openNonblock is nothing where the file system has no named pipes.
const openNonblock = 0
