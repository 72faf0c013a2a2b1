// core/sim/state_buffer.h — internal to core/sim: the engines' state storage (aligned to
// 2 MiB, transparent huge pages requested, zero-filled by the threads that will use it) and
// the analysis of raw amplitude arrays shared by StateVector and the engines: Pauli
// expectation values, marginal probabilities, the memory guard's message.
#pragma once

#include "core/common/result.h"
#include "core/sim/kernels.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace qpilot::sim::detail {

class StateBuffer {
public:
    StateBuffer() = default;
    StateBuffer(const StateBuffer&) = delete;
    StateBuffer& operator=(const StateBuffer&) = delete;
    StateBuffer(StateBuffer&& o) noexcept { swap(o); }
    StateBuffer& operator=(StateBuffer&& o) noexcept
    {
        swap(o);
        return *this;
    }
    ~StateBuffer();

    // |0...0> (or an uninitialised copy target when `zeroFill` is false). Fails with a
    // message when the allocation is refused; the memory guard is the caller's job.
    static Result<StateBuffer> allocate(int numQubits, int threads, bool zeroFill = true);
    Result<StateBuffer> clone(int threads) const;

    int numQubits() const { return m_n; }
    std::size_t size() const { return std::size_t(1) << m_n; }
    Complex* data() { return m_data; }
    const Complex* data() const { return m_data; }

private:
    void swap(StateBuffer& o) noexcept
    {
        std::swap(m_n, o.m_n);
        std::swap(m_data, o.m_data);
        std::swap(m_bytes, o.m_bytes);
    }
    int m_n = 0;
    Complex* m_data = nullptr;
    std::size_t m_bytes = 0;
};

// Parallel copy / fill with the kernels' static schedule (first touch by the right thread).
void copyAmplitudes(Complex* dst, const Complex* src, std::size_t count, int threads);

Result<double> expectationPauli(const Complex* amp, int numQubits, const std::string& pauli, int threads);
// Probabilities of the marginal over `qubits` (outcome bit i = qubits[i]); summed in an order
// that does not depend on the thread count.
std::vector<double> marginalProbabilities(const Complex* amp, int numQubits, const std::vector<int>& qubits,
                                          int threads);

// `shots` outcome indices (basis states) drawn from |amp|², in draw order; identical for any
// thread count (see sampling.h for the method).
std::vector<std::uint64_t> sampleAmplitudes(const Complex* amp, int numQubits, int shots, std::uint64_t seed,
                                            std::uint64_t stream, int threads);

// The same draws as a histogram: (outcome, count) in increasing outcome order.
std::vector<std::pair<std::uint64_t, int>> sampleHistogram(const Complex* amp, int numQubits, int shots,
                                                           std::uint64_t seed, std::uint64_t stream, int threads);

// "32 GiB", "512 MiB", "2^104 bytes".
std::string formatBytes(double bytes);
// "31 qubits need 32 GiB; 22 GiB available" (`what` is appended to the qubit count).
Error memoryError(int numQubits, double neededBytes, double availableBytes, const std::string& what = {});

} // namespace qpilot::sim::detail
