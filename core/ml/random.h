// core/ml/random.h — the seeded random draws of core/ml (generators, splits, MLP initialisation
// and shuffling): a counter-based stream over core/sim/rng.h, so every draw is a pure function
// of (seed, stream, counter) and identical on every platform (no std distributions, whose
// algorithms are implementation-defined).
#pragma once

#include "core/sim/rng.h"

#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace qpilot::ml {

// Streams, so that independent uses of one seed never share draws.
enum MlStream : std::uint64_t {
    StreamGenerator = 0x4D4C0001,
    StreamSplit = 0x4D4C0002,
    StreamFolds = 0x4D4C0003,
    StreamMlp = 0x4D4C0004,
    StreamAdHocUnitary = 0x4D4C0005,
};

class Rng {
public:
    Rng(std::uint64_t seed, std::uint64_t stream) : m_seed(seed), m_stream(stream) {}

    std::uint64_t bits() { return sim::randomBits(m_seed, m_stream, m_counter++); }
    // Uniform in [0, 1).
    double uniform() { return sim::uniform01(m_seed, m_stream, m_counter++); }
    double uniform(double a, double b) { return a + (b - a) * uniform(); }
    // Standard normal (Box–Muller on two uniforms; the second value is discarded).
    double normal()
    {
        const double u1 = 1.0 - uniform(); // (0, 1]
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    // Uniform integer in [0, n) (n > 0), unbiased by rejection.
    std::uint64_t below(std::uint64_t n)
    {
        const std::uint64_t limit = ~std::uint64_t(0) - (~std::uint64_t(0) % n);
        for (;;) {
            const std::uint64_t b = bits();
            if (b < limit)
                return b % n;
        }
    }
    // Fisher–Yates shuffle.
    template <class T>
    void shuffle(std::vector<T>& v)
    {
        for (std::size_t i = v.size(); i > 1; --i)
            std::swap(v[i - 1], v[below(i)]);
    }

private:
    std::uint64_t m_seed;
    std::uint64_t m_stream;
    std::uint64_t m_counter = 0;
};

} // namespace qpilot::ml
