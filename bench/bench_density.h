// bench/bench_density.h — workload (C) of the simulator benchmark: the density-matrix engine
// with a depolarizing channel after every gate (n = 10, 12, 13).
#pragma once

namespace qpilot::bench {

// Prints one line per size to stdout: time per gate+channel, the same in "passes" (one read
// and one write of the 16·4^n-byte density matrix at `bytesPerSecond`, counting read and
// written bytes; 0 = unknown, no passes column) and whether the target is met.
// `threads` as in SimOptions (0 = all).
void benchDensity(int threads, double bytesPerSecond);

} // namespace qpilot::bench
