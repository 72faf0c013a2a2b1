// core/sim/sampling.h — drawing shots from a probability vector in O(2^n + shots·log shots)
// (sorted counter-based uniforms swept once over the cumulative distribution), and turning
// outcomes into bitstring counts (classical bit 0 rightmost).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace qpilot::sim {

// Outcome index for each of `shots` draws, identical for any thread count.
// `probabilities` need not be normalised exactly (the sweep uses their running sum).
std::vector<std::uint64_t> sampleIndices(const std::vector<double>& probabilities, int shots,
                                         std::uint64_t seed, std::uint64_t stream);

// "0101"-style key with bit 0 rightmost, `width` characters.
std::string bitstring(std::uint64_t value, int width);

// Histogram of outcomes as bitstrings of `width` bits.
std::map<std::string, int> countsOf(const std::vector<std::uint64_t>& outcomes, int width);

} // namespace qpilot::sim
