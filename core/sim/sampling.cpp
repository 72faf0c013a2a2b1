// core/sim/sampling.cpp — owns shot sampling (sampling.h, and detail::sampleAmplitudes).
//
// Method, O(2^n + shots·log shots) and independent of the thread count:
//  1. the distribution is cut into fixed blocks of 4096 outcomes; block sums in parallel;
//  2. their running sum (in block order) locates draw j, u_j = uniform(seed, stream, j) · total,
//     in its block by binary search;
//  3. every block that received draws sorts them and sweeps its outcomes once, in order,
//     accumulating probabilities until each draw is passed (blocks are independent, so
//     they run in parallel; the result does not depend on who ran them).
#include "core/sim/sampling.h"

#include "core/sim/rng.h"
#include "core/sim/simd.h"
#include "core/sim/state_buffer.h"

#include <algorithm>
#include <cmath>

namespace qpilot::sim {

namespace {

using simd::Index;

constexpr Index kBlock = 4096;

struct VectorProbabilities {
    const double* p;
    double at(Index i) const { return p[i] > 0 ? p[i] : 0.0; }
    double sum8(Index i) const
    {
        double v[8];
        for (int d = 0; d < 8; ++d)
            v[d] = at(i + d);
        return ((v[0] + v[1]) + (v[2] + v[3])) + ((v[4] + v[5]) + (v[6] + v[7]));
    }
    double sum(Index b, Index e) const
    {
        double acc[8] = {};
        Index i = b;
        for (; i + 8 <= e; i += 8)
            for (int d = 0; d < 8; ++d)
                acc[d] += p[i + d] > 0 ? p[i + d] : 0.0;
        for (; i < e; ++i)
            acc[0] += at(i);
        return ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
    }
};

struct AmplitudeProbabilities {
    const double* a; // interleaved (re, im)
    double at(Index i) const { return a[2 * i] * a[2 * i] + a[2 * i + 1] * a[2 * i + 1]; }
    double sum8(Index i) const
    {
        double v[8];
        for (int d = 0; d < 8; ++d)
            v[d] = at(i + d);
        return ((v[0] + v[1]) + (v[2] + v[3])) + ((v[4] + v[5]) + (v[6] + v[7]));
    }
    double sum(Index b, Index e) const
    {
        double acc[8] = {};
        Index j = 2 * b;
        for (; j + 8 <= 2 * e; j += 8)
            for (int d = 0; d < 8; ++d)
                acc[d] += a[j + d] * a[j + d];
        for (; j < 2 * e; ++j)
            acc[0] += a[j] * a[j];
        return ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
    }
};

// Draws `shots` outcomes. `out[j]` is draw j's outcome; `sorted` (if not null) receives the
// outcomes in increasing order.
template <class Probabilities>
void sampleCore(Index count, const Probabilities& P, int shots, std::uint64_t seed, std::uint64_t stream, int threads,
                std::vector<std::uint64_t>& out, std::vector<std::uint64_t>* sorted)
{
    out.assign(size_t(std::max(0, shots)), 0);
    if (sorted)
        sorted->assign(out.size(), 0);
    if (shots <= 0 || count <= 0)
        return;
    const Index blocks = (count + kBlock - 1) / kBlock;
    std::vector<double> prefix(size_t(blocks) + 1, 0.0);
    simd::forEach(blocks, threads, count, [&](Index b) {
        prefix[size_t(b) + 1] = P.sum(b * kBlock, std::min(count, (b + 1) * kBlock));
    });
    for (Index b = 0; b < blocks; ++b)
        prefix[size_t(b) + 1] += prefix[size_t(b)];
    const double total = prefix.back();
    if (!(total > 0))
        return; // no probability anywhere: every shot reads outcome 0
    Index lastBlock = blocks - 1; // the last block with probability
    while (lastBlock > 0 && !(prefix[size_t(lastBlock) + 1] > prefix[size_t(lastBlock)]))
        --lastBlock;

    // Draws and their blocks (in parallel: each draw is a pure function of its index).
    std::vector<double> u(out.size());
    std::vector<std::int32_t> blockOf(out.size());
    constexpr Index kDrawChunk = 1024;
    simd::forEach((shots + kDrawChunk - 1) / kDrawChunk, threads, Index(shots) * 64, [&](Index c) {
        for (Index j = c * kDrawChunk; j < std::min<Index>(shots, (c + 1) * kDrawChunk); ++j) {
            u[size_t(j)] = uniform01(seed, stream, std::uint64_t(j)) * total;
            Index b = Index(std::upper_bound(prefix.begin(), prefix.end(), u[size_t(j)]) - prefix.begin()) - 1;
            if (b >= blocks || b < 0)
                b = lastBlock;
            blockOf[size_t(j)] = std::int32_t(b);
        }
    });
    // Group by block (counting sort; draw order kept inside).
    std::vector<Index> start(size_t(blocks) + 1, 0);
    for (int j = 0; j < shots; ++j)
        ++start[size_t(blockOf[size_t(j)]) + 1];
    for (Index b = 0; b < blocks; ++b)
        start[size_t(b) + 1] += start[size_t(b)];
    std::vector<std::int32_t> order(out.size());
    {
        std::vector<Index> fill(start.begin(), start.end() - 1);
        for (int j = 0; j < shots; ++j)
            order[size_t(fill[size_t(blockOf[size_t(j)])]++)] = j;
    }
    std::vector<Index> busy;
    for (Index b = 0; b < blocks; ++b)
        if (start[size_t(b) + 1] > start[size_t(b)])
            busy.push_back(b);

    simd::forEach(Index(busy.size()), threads, count, [&](Index k) {
        const Index b = busy[size_t(k)];
        std::int32_t* first = order.data() + start[size_t(b)];
        std::int32_t* last = order.data() + start[size_t(b) + 1];
        std::sort(first, last, [&](std::int32_t x, std::int32_t y) {
            return u[size_t(x)] < u[size_t(y)] || (u[size_t(x)] == u[size_t(y)] && x < y);
        });
        const double base = prefix[size_t(b)];
        const Index begin = b * kBlock, end = std::min(count, begin + kBlock);
        std::int32_t* d = first;
        auto below = [&](double c) { return d < last && u[size_t(*d)] - base < c; };
        // Exact scan of [i, e) starting from cumulative c; returns the new cumulative.
        auto scan = [&](Index i, Index e, double c) {
            Index lastNonZero = -1;
            for (; i < e; ++i) {
                const double p = P.at(i);
                if (!(p > 0))
                    continue;
                lastNonZero = i;
                c += p;
                while (below(c))
                    out[size_t(*d++)] = std::uint64_t(i);
            }
            return std::make_pair(c, lastNonZero);
        };
        // Cumulative sums advance 8 outcomes at a time; only chunks holding a draw are
        // scanned one by one (this breaks the chain of dependent additions).
        double c = 0;
        Index i = begin;
        for (; i + 8 <= end && d < last; i += 8) {
            const double next = c + P.sum8(i);
            if (below(next)) {
                const auto [fine, lastNonZero] = scan(i, i + 8, c);
                (void)fine;
                while (below(next)) // rounding between the two sums: the chunk's last outcome
                    out[size_t(*d++)] = std::uint64_t(lastNonZero);
            }
            c = next;
        }
        if (d < last)
            c = scan(i, end, c).first;
        if (d < last) {
            // Rounding left draws past the block's last outcome: they belong to it.
            Index lastNonZero = end - 1;
            while (lastNonZero > begin && !(P.at(lastNonZero) > 0))
                --lastNonZero;
            while (d < last)
                out[size_t(*d++)] = std::uint64_t(lastNonZero);
        }
        if (sorted)
            for (std::int32_t* x = first; x < last; ++x)
                (*sorted)[size_t(x - order.data())] = out[size_t(*x)];
    });
}

} // namespace

std::vector<std::uint64_t> sampleIndices(const std::vector<double>& probabilities, int shots, std::uint64_t seed,
                                         std::uint64_t stream)
{
    std::vector<std::uint64_t> out;
    sampleCore(Index(probabilities.size()), VectorProbabilities{probabilities.data()}, shots, seed, stream, 1, out,
               nullptr);
    return out;
}

std::string bitstring(std::uint64_t value, int width)
{
    std::string s(size_t(std::max(0, width)), '0');
    for (int i = 0; i < width && i < 64; ++i)
        if (value >> i & 1)
            s[size_t(width - 1 - i)] = '1';
    return s;
}

std::map<std::string, int> countsOf(const std::vector<std::uint64_t>& outcomes, int width)
{
    // Fixed-width bitstrings sort like the numbers they spell, so sorted outcomes can be
    // appended at the end of the map.
    std::vector<std::uint64_t> sorted = outcomes;
    if (width < 64) {
        const std::uint64_t mask = (std::uint64_t(1) << std::max(0, width)) - 1;
        for (auto& v : sorted)
            v &= mask;
    }
    std::sort(sorted.begin(), sorted.end());
    std::map<std::string, int> counts;
    for (size_t i = 0; i < sorted.size();) {
        size_t j = i;
        while (j < sorted.size() && sorted[j] == sorted[i])
            ++j;
        counts.emplace_hint(counts.end(), bitstring(sorted[i], width), int(j - i));
        i = j;
    }
    return counts;
}

namespace detail {

std::vector<std::uint64_t> sampleAmplitudes(const Complex* amp, int numQubits, int shots, std::uint64_t seed,
                                            std::uint64_t stream, int threads)
{
    std::vector<std::uint64_t> out;
    sampleCore(Index(1) << numQubits, AmplitudeProbabilities{reinterpret_cast<const double*>(amp)}, shots, seed, stream,
               threads, out, nullptr);
    return out;
}

std::vector<std::pair<std::uint64_t, int>> sampleHistogram(const Complex* amp, int numQubits, int shots,
                                                           std::uint64_t seed, std::uint64_t stream, int threads)
{
    std::vector<std::uint64_t> out, sorted;
    sampleCore(Index(1) << numQubits, AmplitudeProbabilities{reinterpret_cast<const double*>(amp)}, shots, seed, stream,
               threads, out, &sorted);
    std::vector<std::pair<std::uint64_t, int>> h;
    for (size_t i = 0; i < sorted.size();) {
        size_t j = i;
        while (j < sorted.size() && sorted[j] == sorted[i])
            ++j;
        h.emplace_back(sorted[i], int(j - i));
        i = j;
    }
    return h;
}

} // namespace detail

} // namespace qpilot::sim
