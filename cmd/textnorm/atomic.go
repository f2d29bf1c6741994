package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/textnorm/textnorm/diag"
)

// An atomicFile replaces a file atomically: it is written elsewhere in the
// same directory, then renamed over the file, with the file's mode
// (setuid, setgid and sticky bits included), owner and group, and on
// Linux its extended attributes and POSIX ACL. Until
// Commit the file is as it was, whatever happens: an error, an interrupt
// (SIGINT and SIGTERM remove the temporary file) or a kill. On Linux the
// new content goes to an unnamed file (O_TMPFILE) that vanishes with the
// process if it dies, and gets a name only to be renamed (a kill in that
// moment leaves it, for the next run to remove: see staleTemps). Commit
// replaces the file only if it is still the file that was read, as it
// was read.
type atomicFile struct {
	*os.File
	name  string      // the file as the user named it, for messages
	path  string      // the file replaced
	orig  *os.File    // the file, opened to be read
	read  os.FileInfo // its fstat when it was opened
	mode  os.FileMode
	owner owner  // the file's owner and group, where files have them
	temp  string // the temporary file's name, when it has one
	unnam bool   // an unnamed O_TMPFILE
}

// temps holds the names of the temporary files that exist, so that an
// interrupt removes them. Holding its lock also keeps the interrupt from
// exiting in the middle of a rename.
var temps = struct {
	sync.Mutex
	names map[string]bool
}{names: map[string]bool{}}

// tempPattern names the temporary files: hidden, next to the file, with
// the process's id, so that a later run can tell one a killed process
// left (see staleTemps): .NAME.textnorm-PID-*.tmp.
func tempPattern(path string) string {
	return "." + filepath.Base(path) + tempInfix + strconv.Itoa(os.Getpid()) + "-*.tmp"
}

const tempInfix = ".textnorm-"

// parseTempName reads a name that tempPattern made: the name of the file
// it is the temporary file of, and the id of the process that made it.
func parseTempName(name string) (file string, pid int, ok bool) {
	rest, ok1 := strings.CutPrefix(name, ".")
	rest, ok2 := strings.CutSuffix(rest, ".tmp")
	i := strings.LastIndex(rest, tempInfix)
	if !ok1 || !ok2 || i <= 0 {
		return "", 0, false
	}
	id, random, _ := strings.Cut(rest[i+len(tempInfix):], "-")
	pid, err := strconv.Atoi(id)
	if err != nil || pid <= 0 || !allDigits(id) || !allDigits(random) {
		return "", 0, false
	}
	return rest[:i], pid, true
}

func allDigits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// staleTemps removes the temporary files that a -w killed between naming
// its new file and the rename has left (on Linux; elsewhere, killed at any
// time while it wrote): the next -w of the file removes each of its
// .NAME.textnorm-PID-N.tmp whose process PID is gone. A directory is
// listed once a run, however many of its files are rewritten.
type staleTemps struct {
	mu   sync.Mutex
	dirs map[string]map[string][]string // directory -> file name -> its stale temporary files
}

func newStaleTemps() *staleTemps {
	return &staleTemps{dirs: map[string]map[string][]string{}}
}

// remove removes the stale temporary files of the file at path.
func (s *staleTemps) remove(path string) {
	dir, name := filepath.Split(path)
	s.mu.Lock()
	byName, ok := s.dirs[dir]
	if !ok {
		byName = findStaleTemps(dir)
		s.dirs[dir] = byName
	}
	stale := byName[name]
	delete(byName, name)
	s.mu.Unlock()
	for _, t := range stale {
		os.Remove(filepath.Join(dir, t)) // if it cannot be, the next run tries again
	}
}

// findStaleTemps lists the temporary files in dir whose process is gone,
// by the name of their file.
func findStaleTemps(dir string) map[string][]string {
	d, err := os.Open(filepath.Join(dir, "."))
	if err != nil {
		return nil
	}
	defer d.Close()
	names, _ := d.Readdirnames(-1)
	var stale map[string][]string
	for _, n := range names {
		if file, pid, ok := parseTempName(n); ok && processGone(pid) {
			if stale == nil {
				stale = map[string][]string{}
			}
			stale[file] = append(stale[file], n)
		}
	}
	return stale
}

// keptMode is what of a file's mode a rewrite keeps.
const keptMode = os.ModePerm | os.ModeSetuid | os.ModeSetgid | os.ModeSticky

// errReadOnly is the error for a file that the user could not write: -w
// does not replace it, though it could (its directory is writable).
var errReadOnly = errors.New("permission denied (read-only file)")

// A tempError is a temporary file that could not be created.
type tempError struct {
	dir string
	err error
}

func (e *tempError) Error() string {
	return fmt.Sprintf("cannot create a temporary file in %s: %v", diag.QuoteName(e.dir), systemReason(e.err))
}

func (e *tempError) Unwrap() error { return e.err }

// createAtomic starts replacing src's file, a regular file (symbolic
// links are followed: the file they point to is replaced, the link
// stays), and removes the temporary files of earlier runs that were
// killed (see staleTemps). A file the user could not write is refused
// (errReadOnly), as a temporary file that cannot be created in its
// directory is (a *tempError).
func createAtomic(src *source, stale *staleTemps) (*atomicFile, error) {
	real, err := filepath.EvalSymlinks(src.name)
	if err != nil {
		return nil, err
	}
	stale.remove(real)
	if err := checkWritable(real); err != nil {
		return nil, err
	}
	st := src.info
	a := &atomicFile{name: src.display, path: real, orig: src.file, read: st, mode: st.Mode() & keptMode, owner: ownerOf(st)}
	dir := filepath.Dir(real)
	if os.Getenv("TEXTNORM_NAMED_TEMP") == "" { // set by tests, to test the other way
		if f, err := openTemp(dir, a.mode.Perm()); err == nil {
			a.File, a.unnam = f, true
			return a, nil
		}
	}
	temps.Lock()
	defer temps.Unlock()
	f, err := os.CreateTemp(dir, tempPattern(real))
	if err != nil {
		return nil, &tempError{dir: dir, err: err}
	}
	a.File, a.temp = f, f.Name()
	temps.names[a.temp] = true
	return a, nil
}

// openTemp opens the unnamed temporary file; tests open a disk that is
// always full (/dev/full) instead.
var openTemp = openUnnamed

// Write writes to the new content. Its errors name the file it replaces:
// the temporary file's name would mean nothing to the user, and an
// unnamed one has none.
func (a *atomicFile) Write(p []byte) (int, error) {
	n, err := a.File.Write(p)
	if err != nil {
		err = &outputError{name: a.name, err: err}
	}
	return n, err
}

// Commit puts the new content in place of the file.
func (a *atomicFile) Commit() error {
	// The owner first: a change of owner clears the setuid and setgid
	// bits and file capabilities, which the attributes and the mode then
	// set; the mode last, since an ACL sets the mode's bits too.
	if err := keepOwner(a.File, a.owner); err != nil {
		a.Abort()
		return err
	}
	if err := copyXattrs(a.orig, a.File); err != nil {
		a.Abort()
		return err
	}
	if err := a.Chmod(a.mode); err != nil {
		a.Abort()
		return err
	}
	if err := a.Sync(); err != nil { // a write may fail only now, as on NFS
		a.Abort()
		return &outputError{name: a.name, err: err}
	}
	temps.Lock()
	defer temps.Unlock()
	if a.unnam {
		name, err := linkUnnamed(a.File, filepath.Dir(a.path), tempPattern(a.path))
		if err != nil {
			a.File.Close()
			return err
		}
		a.temp = name
		temps.names[name] = true
	}
	err := a.File.Close()
	if err != nil {
		err = &outputError{name: a.name, err: err}
	}
	if err == nil && beforeRename != nil {
		beforeRename(a.path)
	}
	if err == nil {
		err = a.checkUnchanged()
	}
	if err == nil {
		err = os.Rename(a.temp, a.path)
	}
	if err != nil {
		os.Remove(a.temp)
	}
	delete(temps.names, a.temp)
	return err
}

// beforeRename, when set (by tests), is called just before Commit checks
// that the file is unchanged, to change it there.
var beforeRename func(path string)

// errChanged is a file that changed while -w rewrote it: it is left as
// it is, with the change, rather than replaced by a text made from what
// it was.
var errChanged = errors.New("changed while -w was rewriting it; left as it is")

// checkUnchanged checks that the file at the path is still the one that
// was read, as it was: the same file (device and inode), with the same
// size and modification time, and, where the system keeps it, change
// time (a chmod, a new owner, attributes). A change that comes after this
// check, before the rename, or through a descriptor opened earlier and
// written after the rename, cannot be seen.
func (a *atomicFile) checkUnchanged() error {
	now, err := os.Stat(a.path)
	if err != nil {
		return err
	}
	if !os.SameFile(a.read, now) || now.Size() != a.read.Size() || !now.ModTime().Equal(a.read.ModTime()) ||
		!changeTime(now).Equal(changeTime(a.read)) {
		return errChanged
	}
	return nil
}

// Abort drops the new content; the file stays as it was.
func (a *atomicFile) Abort() {
	a.File.Close()
	if a.temp != "" {
		temps.Lock()
		os.Remove(a.temp)
		delete(temps.names, a.temp)
		temps.Unlock()
	}
}

// removeTemps removes every temporary file and keeps the lock, so that no
// rename happens after it: the process is about to exit.
func removeTemps() {
	temps.Lock()
	for name := range temps.names {
		os.Remove(name)
	}
}

// tempName makes a name for a temporary file from a pattern with a *.
func tempName(pattern, random string) string {
	i := strings.LastIndex(pattern, "*")
	return pattern[:i] + random + pattern[i+1:]
}
