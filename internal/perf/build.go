package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"

	"github.com/redcapgen/redcapgen/generator"
)

// buildResult is the cost of compiling one generated package.
type buildResult struct {
	Elapsed time.Duration
	PeakRSS uint64 // bytes: the largest process of the build (the compiler)
	Bytes   int    // size of the generated Go source
}

// measureBuild generates the package of a dictionary into a temporary module that uses this
// checkout, and times `go build` of it. Its dependencies are built first, so only the
// generated package is compiled in the measured build; a nonce file makes sure it is.
func measureBuild(ctx context.Context, dictPath string) (buildResult, error) {
	var res buildResult
	root, err := moduleRoot()
	if err != nil {
		return res, err
	}
	gen, err := generator.Generate(ctx, generateConfig(dictPath))
	if err != nil {
		return res, fmt.Errorf("build: generate: %w", err)
	}
	mod, err := os.MkdirTemp("", "redcapgen-perf-build-")
	if err != nil {
		return res, fmt.Errorf("build: %w", err)
	}
	defer os.RemoveAll(mod)
	files := map[string][]byte{
		"go.mod":              []byte("module redcapgen.perf/build\n\ngo 1.24\n\nrequire github.com/redcapgen/redcapgen v0.0.0\n\nreplace github.com/redcapgen/redcapgen => " + root + "\n"),
		"bench/perf_nonce.go": fmt.Appendf(nil, "package bench\n\nconst perfNonce = %d\n", time.Now().UnixNano()),
	}
	if sum, err := os.ReadFile(filepath.Join(root, "go.sum")); err == nil {
		files["go.sum"] = sum
	}
	for _, f := range gen.Files {
		files[filepath.Join("bench", f.Path)] = f.Bytes
		res.Bytes += len(f.Bytes)
	}
	for name, data := range files {
		path := filepath.Join(mod, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return res, fmt.Errorf("build: %w", err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return res, fmt.Errorf("build: %w", err)
		}
	}
	if _, _, err := goCommand(ctx, mod, "build", "github.com/redcapgen/redcapgen/runtime/redcap"); err != nil {
		return res, err
	}
	res.Elapsed, res.PeakRSS, err = goCommand(ctx, mod, "build", "./bench")
	return res, err
}

// goCommand runs the go command in dir and returns its time and the peak resident memory of
// it and the tools it ran.
func goCommand(ctx context.Context, dir string, args ...string) (time.Duration, uint64, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	start := time.Now()
	out, err := cmd.CombinedOutput()
	elapsed := time.Since(start)
	if err != nil {
		return 0, 0, fmt.Errorf("go %v: %w\n%s", args, err, tail(out, 2000))
	}
	var rss uint64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = uint64(ru.Maxrss) * 1024 // Linux reports KiB
	}
	return elapsed, rss, nil
}

// tail returns at most the last n bytes of b.
func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}
