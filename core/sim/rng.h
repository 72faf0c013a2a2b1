// core/sim/rng.h — counter-based random numbers: every draw is a pure function of
// (seed, stream, counter), so results are identical for any thread count and on any machine.
#pragma once

#include <cstdint>

namespace qpilot::sim {

// SplitMix64-style finaliser over a mixed (seed, stream, counter) key.
inline std::uint64_t mix64(std::uint64_t z)
{
    z += 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

inline std::uint64_t randomBits(std::uint64_t seed, std::uint64_t stream, std::uint64_t counter)
{
    return mix64(mix64(seed ^ mix64(stream + 0x632BE59BD9B4E019ull)) + counter);
}

// Uniform in [0, 1) with 53 random bits.
inline double uniform01(std::uint64_t seed, std::uint64_t stream, std::uint64_t counter)
{
    return double(randomBits(seed, stream, counter) >> 11) * 0x1.0p-53;
}

// Well-known streams so that independent uses never share draws.
enum RngStream : std::uint64_t {
    StreamFinalSampling = 1,
    StreamShotBase = 1000, // per-shot streams: StreamShotBase + shot
};

} // namespace qpilot::sim
