package main

import (
	"runtime/metrics"
	"sync"
	"time"
)

// heapMetric is the live and not-yet-swept heap objects: what the Go heap holds.
const heapMetric = "/memory/classes/heap/objects:bytes"

// heapSampler records the peak of heapMetric, sampled every interval in the background and
// whenever Sample is called.
type heapSampler struct {
	mu     sync.Mutex
	peak   uint64
	sample []metrics.Sample
	stop   chan struct{}
	done   chan struct{}
}

// startHeapSampler starts sampling every interval until Stop.
func startHeapSampler(interval time.Duration) *heapSampler {
	h := &heapSampler{sample: []metrics.Sample{{Name: heapMetric}}, stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(h.done)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-h.stop:
				return
			case <-t.C:
				h.Sample()
			}
		}
	}()
	return h
}

// Sample reads the heap now and keeps the peak.
func (h *heapSampler) Sample() {
	h.mu.Lock()
	defer h.mu.Unlock()
	metrics.Read(h.sample)
	if v := h.sample[0].Value; v.Kind() == metrics.KindUint64 && v.Uint64() > h.peak {
		h.peak = v.Uint64()
	}
}

// Stop ends sampling and returns the peak in bytes.
func (h *heapSampler) Stop() uint64 {
	close(h.stop)
	<-h.done
	h.Sample()
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.peak
}

// heapNow returns heapMetric now.
func heapNow() uint64 {
	s := []metrics.Sample{{Name: heapMetric}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
