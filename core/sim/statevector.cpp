// core/sim/statevector.cpp — owns the StateVector value, the memory guard, the engines'
// aligned state buffer, and analysis without sampling (Pauli expectations, marginals).
#include "core/sim/statevector.h"

#include "core/sim/simd.h"
#include "core/sim/state_buffer.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <new>
#include <sstream>

#include <sys/mman.h>
#include <unistd.h>

namespace qpilot::sim {

namespace {

constexpr int kMaxAddressableQubits = 60;

} // namespace

// ---- memory guard --------------------------------------------------------------------------

double stateBytes(int numQubits, bool densityMatrix)
{
    return 16.0 * std::ldexp(1.0, densityMatrix ? 2 * numQubits : numQubits);
}

double availableMemoryBytes()
{
    std::ifstream in("/proc/meminfo");
    std::string key;
    double kib = 0;
    std::string unit;
    while (in >> key >> kib) {
        std::getline(in, unit);
        if (key == "MemAvailable:")
            return kib * 1024.0;
    }
    const long pages = sysconf(_SC_AVPHYS_PAGES), pageSize = sysconf(_SC_PAGESIZE);
    if (pages > 0 && pageSize > 0)
        return double(pages) * double(pageSize);
    return 1024.0 * 1024.0 * 1024.0; // unknown: assume 1 GiB
}

std::optional<Error> checkMemory(int numQubits, bool densityMatrix, double availableBytes)
{
    const double need = stateBytes(numQubits, densityMatrix);
    const int addressBits = densityMatrix ? 2 * numQubits : numQubits;
    if (need > availableBytes || addressBits > kMaxAddressableQubits)
        return detail::memoryError(numQubits, need, availableBytes, densityMatrix ? " as a density matrix" : "");
    return std::nullopt;
}

namespace detail {

std::string formatBytes(double bytes)
{
    static const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    if (!(bytes < std::ldexp(1.0, 70))) {
        // Beyond exbibytes: say it as a power of two.
        return "2^" + std::to_string(int(std::lround(std::log2(bytes)))) + " bytes";
    }
    int u = 0;
    while (u < 6 && bytes >= 1024.0) {
        bytes /= 1024.0;
        ++u;
    }
    char buf[32];
    if (bytes >= 10 || u == 0 || std::abs(bytes - std::round(bytes)) < 0.05)
        std::snprintf(buf, sizeof buf, "%.0f %s", std::floor(bytes + 0.5), units[u]);
    else
        std::snprintf(buf, sizeof buf, "%.1f %s", bytes, units[u]);
    return buf;
}

Error memoryError(int numQubits, double neededBytes, double availableBytes, const std::string& what)
{
    return Error{std::to_string(numQubits) + " qubits need " + formatBytes(neededBytes) + what + "; "
                 + formatBytes(std::max(0.0, availableBytes)) + " available"};
}

// ---- aligned state buffer ------------------------------------------------------------------

namespace {

constexpr std::size_t kHugePage = std::size_t(2) << 20;

} // namespace

StateBuffer::~StateBuffer()
{
    std::free(m_data);
}

void copyAmplitudes(Complex* dst, const Complex* src, std::size_t count, int threads)
{
    const simd::Index n = simd::Index(count);
    const simd::Index per = std::min<simd::Index>(n, simd::kChunk * 16);
    simd::forEach((n + per - 1) / per, threads, n, [&](simd::Index c) {
        const simd::Index b = c * per, e = std::min(n, b + per);
        if (src)
            std::memcpy(static_cast<void*>(dst + b), src + b, size_t(e - b) * sizeof(Complex));
        else
            std::memset(static_cast<void*>(dst + b), 0, size_t(e - b) * sizeof(Complex));
    });
}

Result<StateBuffer> StateBuffer::allocate(int numQubits, int threads, bool zeroFill)
{
    if (numQubits < 0 || numQubits > kMaxAddressableQubits)
        return Error{std::to_string(numQubits) + " qubits cannot be simulated as a state vector"};
    StateBuffer b;
    b.m_n = numQubits;
    const std::size_t bytes = (std::size_t(1) << numQubits) * sizeof(Complex);
    const std::size_t align = bytes >= kHugePage ? kHugePage : 64;
    b.m_bytes = (bytes + align - 1) / align * align;
    b.m_data = static_cast<Complex*>(std::aligned_alloc(align, b.m_bytes));
    if (!b.m_data)
        return Error{std::to_string(numQubits) + " qubits need " + formatBytes(double(bytes))
                     + "; the allocation was refused"};
#ifdef MADV_HUGEPAGE
    if (align == kHugePage)
        madvise(b.m_data, b.m_bytes, MADV_HUGEPAGE);
#endif
    if (zeroFill) {
        copyAmplitudes(b.m_data, nullptr, b.size(), threads);
        b.m_data[0] = Complex(1);
    }
    return b;
}

Result<StateBuffer> StateBuffer::clone(int threads) const
{
    auto c = allocate(m_n, threads, false);
    if (!c)
        return c;
    copyAmplitudes(c.value().data(), m_data, size(), threads);
    return c;
}

// ---- analysis ------------------------------------------------------------------------------

Result<double> expectationPauli(const Complex* amp, int numQubits, const std::string& pauli, int threads)
{
    if (int(pauli.size()) != numQubits)
        return Error{"Pauli string '" + pauli + "' has " + std::to_string(pauli.size()) + " letters; the state has "
                     + std::to_string(numQubits) + " qubits (one letter per qubit, qubit 0 rightmost)"};
    std::uint64_t flip = 0, sign = 0;
    int ys = 0;
    for (int q = 0; q < numQubits; ++q) {
        const char c = char(std::toupper(static_cast<unsigned char>(pauli[pauli.size() - 1 - size_t(q)])));
        switch (c) {
        case 'I': break;
        case 'X': flip |= std::uint64_t(1) << q; break;
        case 'Y':
            flip |= std::uint64_t(1) << q;
            sign |= std::uint64_t(1) << q;
            ++ys;
            break;
        case 'Z': sign |= std::uint64_t(1) << q; break;
        default:
            return Error{std::string("Pauli string '") + pauli + "' contains '" + pauli[pauli.size() - 1 - size_t(q)]
                         + "'; use only I, X, Y and Z"};
        }
    }
    // P|i> = i^ys (-1)^popcount(i & sign) |i ^ flip>, so <ψ|P|ψ> = Σ conj(ψ[i^flip]) i^ys s(i) ψ[i].
    const simd::Index n = simd::Index(1) << numQubits;
    constexpr int kChunks = 64;
    const simd::Index chunks = std::max<simd::Index>(1, std::min<simd::Index>(kChunks, n / 256));
    const simd::Index per = n / chunks;
    Complex partial[kChunks];
    simd::forEach(chunks, threads, n, [&](simd::Index c) {
        double re = 0, im = 0;
        for (simd::Index i = c * per; i < (c + 1) * per; ++i) {
            const Complex t = std::conj(amp[std::uint64_t(i) ^ flip]) * amp[i];
            const double s = (__builtin_popcountll(std::uint64_t(i) & sign) & 1) ? -1.0 : 1.0;
            re += s * t.real();
            im += s * t.imag();
        }
        partial[c] = Complex(re, im);
    });
    Complex sum = 0;
    for (simd::Index c = 0; c < chunks; ++c)
        sum += partial[c];
    static const Complex phase[4] = {Complex(1, 0), Complex(0, 1), Complex(-1, 0), Complex(0, -1)};
    return (phase[ys % 4] * sum).real();
}

std::vector<double> marginalProbabilities(const Complex* amp, int numQubits, const std::vector<int>& qubits,
                                          int threads)
{
    const int m = int(qubits.size());
    const simd::Index n = simd::Index(1) << numQubits;
    std::vector<double> out(std::size_t(1) << m, 0.0);
    bool identity = m == numQubits;
    for (int i = 0; i < m && identity; ++i)
        identity = qubits[size_t(i)] == i;
    if (identity) {
        simd::forEach((n + simd::kChunk - 1) / simd::kChunk, threads, n, [&](simd::Index c) {
            const simd::Index b = c * simd::kChunk, e = std::min(n, b + simd::kChunk);
            for (simd::Index i = b; i < e; ++i)
                out[size_t(i)] = std::norm(amp[i]);
        });
        return out;
    }
    // Outcome of index i: bits of i at `qubits`, from a table over the low 12 bits and one
    // over the rest (the map is linear over disjoint bits).
    const int lowBits = std::min(numQubits, 12);
    auto outcomeOf = [&](std::uint64_t i) {
        std::uint64_t o = 0;
        for (int b = 0; b < m; ++b) {
            const int q = qubits[size_t(b)];
            if (q >= 0 && q < numQubits)
                o |= ((i >> q) & 1) << b;
        }
        return o;
    };
    std::vector<std::uint32_t> lowTable(std::size_t(1) << lowBits);
    for (std::size_t j = 0; j < lowTable.size(); ++j)
        lowTable[j] = std::uint32_t(outcomeOf(j));
    const simd::Index blocks = n >> lowBits;
    const simd::Index blockLen = simd::Index(1) << lowBits;
    if (m <= 12) {
        // Few outcomes: fixed chunks of blocks accumulate privately, then add in order.
        constexpr int kChunks = 64;
        const simd::Index chunks = std::min<simd::Index>(kChunks, blocks);
        const simd::Index per = blocks / chunks;
        std::vector<double> partial(size_t(chunks) * out.size(), 0.0);
        simd::forEach(chunks, threads, n, [&](simd::Index c) {
            double* acc = partial.data() + size_t(c) * out.size();
            for (simd::Index b = c * per; b < (c + 1) * per; ++b) {
                const std::uint64_t high = outcomeOf(std::uint64_t(b) << lowBits);
                const Complex* a = amp + (b << lowBits);
                for (simd::Index j = 0; j < blockLen; ++j)
                    acc[high | lowTable[size_t(j)]] += std::norm(a[j]);
            }
        });
        for (simd::Index c = 0; c < chunks; ++c)
            for (size_t o = 0; o < out.size(); ++o)
                out[o] += partial[size_t(c) * out.size() + o];
        return out;
    }
    // Many outcomes: sequential accumulation in index order (deterministic; memory bound).
    for (simd::Index b = 0; b < blocks; ++b) {
        const std::uint64_t high = outcomeOf(std::uint64_t(b) << lowBits);
        const Complex* a = amp + (b << lowBits);
        for (simd::Index j = 0; j < blockLen; ++j)
            out[high | lowTable[size_t(j)]] += std::norm(a[j]);
    }
    return out;
}

} // namespace detail

// ---- StateVector ---------------------------------------------------------------------------

Result<StateVector> StateVector::zero(int numQubits)
{
    if (numQubits < 0)
        return Error{"a state needs a non-negative number of qubits"};
    if (auto e = checkMemory(numQubits, false))
        return *e;
    StateVector s;
    s.m_n = numQubits;
    try {
        s.m_amp.assign(std::size_t(1) << numQubits, Complex(0));
    } catch (const std::bad_alloc&) {
        return Error{std::to_string(numQubits) + " qubits need " + detail::formatBytes(stateBytes(numQubits, false))
                     + "; the allocation was refused"};
    }
    s.m_amp[0] = Complex(1);
    return s;
}

Result<double> expectationPauli(const StateVector& psi, const std::string& pauli, int threads)
{
    return detail::expectationPauli(psi.data(), psi.numQubits(), pauli, std::max(1, threads));
}

std::vector<double> marginalProbabilities(const StateVector& psi, const std::vector<int>& qubits, int threads)
{
    return detail::marginalProbabilities(psi.data(), psi.numQubits(), qubits, std::max(1, threads));
}

} // namespace qpilot::sim
