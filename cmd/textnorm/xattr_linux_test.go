package main

import (
	"encoding/binary"
	"errors"
	"maps"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// POSIX ACL entries as Linux stores them in system.posix_acl_access and
// system.posix_acl_default (include/uapi/linux/posix_acl_xattr.h).
const (
	aclUserObj  = 0x01
	aclUser     = 0x02
	aclGroupObj = 0x04
	aclMask     = 0x10
	aclOther    = 0x20
	aclNoID     = 0xFFFFFFFF
)

// aclXattr encodes an ACL: entries of tag, permissions and id.
func aclXattr(entries ...[3]uint32) []byte {
	b := binary.LittleEndian.AppendUint32(nil, 2) // the format's version
	for _, e := range entries {
		b = binary.LittleEndian.AppendUint16(b, uint16(e[0]))
		b = binary.LittleEndian.AppendUint16(b, uint16(e[1]))
		b = binary.LittleEndian.AppendUint32(b, e[2])
	}
	return b
}

// xattrsOf reads every extended attribute of the file at path.
func xattrsOf(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	names, err := listXattrs(f)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, n := range names {
		v, err := getXattr(f, n)
		if err != nil {
			t.Fatal(err)
		}
		got[n] = string(v)
	}
	return got
}

// TestRewriteKeepsXattrs rewrites files with extended attributes and POSIX
// ACLs: the new file has exactly the old one's, user.* (an empty value
// too), trusted.* when run as root, the ACL, and not the ACL that the
// directory's default ACL gives new files when the old file had none;
// through the unnamed temporary file and a named one. The files are in
// t.TempDir(), under $TMPDIR (/tmp: ext4 here, which has user attributes
// and ACLs); where its file system has none (ENOTSUP: tmpfs before Linux
// 6.6 has no user.*, some have no ACLs) the test is skipped.
func TestRewriteKeepsXattrs(t *testing.T) {
	const orig = "The  talks\u00a0went on.  \n"
	access := aclXattr([3]uint32{aclUserObj, 6, aclNoID}, [3]uint32{aclUser, 4, 65534},
		[3]uint32{aclGroupObj, 4, aclNoID}, [3]uint32{aclMask, 4, aclNoID}, [3]uint32{aclOther, 0, aclNoID})
	dflt := aclXattr([3]uint32{aclUserObj, 7, aclNoID}, [3]uint32{aclUser, 7, 65534},
		[3]uint32{aclGroupObj, 5, aclNoID}, [3]uint32{aclMask, 7, aclNoID}, [3]uint32{aclOther, 5, aclNoID})
	for _, tc := range []struct {
		name  string
		file  map[string][]byte // set on the file
		dir   map[string][]byte // set on its directory, after the file is made
		named bool
	}{
		{"attributes and an ACL", map[string][]byte{
			"user.textnorm.source":     []byte("scraped 2024-05-01"),
			"user.empty":               nil,
			"trusted.textnorm":         []byte("root only"),
			"system.posix_acl_access":  access,
			"user.binary\x01name-free": {0, 1, 2, 0xff},
		}, nil, false},
		{"attributes and an ACL, named temporary file", map[string][]byte{
			"user.textnorm.source":    []byte("scraped"),
			"system.posix_acl_access": access,
		}, nil, true},
		{"no ACL, in a directory with a default ACL", nil, map[string][]byte{"system.posix_acl_default": dflt}, false},
		{"no ACL, in a directory with a default ACL, named temporary file", nil, map[string][]byte{"system.posix_acl_default": dflt}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.named {
				t.Setenv("TEXTNORM_NAMED_TEMP", "1")
			}
			dir := t.TempDir()
			path := filepath.Join(dir, "page.txt")
			if err := os.WriteFile(path, []byte(orig), 0o640); err != nil {
				t.Fatal(err)
			}
			set := func(path string, attrs map[string][]byte) {
				for name, value := range attrs {
					err := unix.Setxattr(path, name, value, 0)
					switch {
					case errors.Is(err, unix.ENOTSUP):
						t.Skipf("%s: %s: the file system has no such attributes", path, name)
					case errors.Is(err, unix.EPERM) && os.Geteuid() != 0:
						continue // trusted.*: root's
					case err != nil:
						t.Fatalf("%s: %v", name, err)
					}
				}
			}
			set(path, tc.file)
			set(dir, tc.dir)
			want := xattrsOf(t, path)

			stdout, stderr, code := runCLI(t, "", "normalize", "-w", path)
			if code != exitOK || stdout != "" || stderr != "" {
				t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
			}
			if got, _ := os.ReadFile(path); string(got) != "The talks went on.\n" {
				t.Fatalf("not rewritten: %q", got)
			}
			if got := xattrsOf(t, path); !maps.Equal(got, want) {
				t.Errorf("attributes %q, want %q", got, want)
			}
			if st, _ := os.Stat(path); st.Mode().Perm() != 0o640 {
				t.Errorf("mode %o, want 640", st.Mode().Perm())
			}
		})
	}
}
