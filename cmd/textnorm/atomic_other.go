//go:build !linux

package main

import (
	"errors"
	"os"
)

func openUnnamed(dir string, mode os.FileMode) (*os.File, error) {
	return nil, errors.New("no unnamed temporary files")
}

func linkUnnamed(f *os.File, dir, pattern string) (string, error) {
	return "", errors.New("no unnamed temporary files")
}
