// bench/bench_sim.cpp — the simulator benchmark of issue 3, in one run: the in-process memory
// bandwidth of a read-modify-write sweep over an array as large as the state (the physical
// limit), then for each workload the time per original gate and "passes per gate" (that time
// divided by one read+write pass over the state at the measured bandwidth):
//   (A) n = 20..26: H on all, then 10 layers of RX(θ) on every qubit and a CNOT ladder,
//       fused and unfused;  (B) n = 24: 100 random 1-qubit gates on random qubits, unfused;
//   (C) density matrix n = 10, 12, 13 with depolarizing noise (bench_density.cpp);
//   (D) 10,000 shots sampled from a 20-qubit state.
// Usage: qpilot_bench_sim [--threads T] [--workloads ABCD] [--sizes 20,22,24,26] [--fusion 0,4,5,6]
#include "bench/bench_density.h"

#include "core/sim/engine.h"
#include "core/sim/rng.h"
#include "core/sim/state_buffer.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

using namespace qpilot;
using namespace qpilot::sim;


namespace {

double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string cpuModel()
{
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0)
            return line.substr(line.find(':') + 2);
    return "unknown CPU";
}

std::vector<int> parseList(const char* s)
{
    std::vector<int> v;
    for (const char* p = s; *p;) {
        v.push_back(std::atoi(p));
        while (*p && *p != ',')
            ++p;
        if (*p == ',')
            ++p;
    }
    return v;
}

// Best of `repeats` read-modify-write sweeps over `doubles` values: seconds per sweep.
double sweepSeconds(double* a, std::size_t doubles, int threads, int repeats)
{
    double best = 1e300;
    const long n = long(doubles);
    for (int r = 0; r < repeats; ++r) {
        const double t0 = now();
#pragma omp parallel for num_threads(threads) schedule(static)
        for (long i = 0; i < n; ++i)
            a[i] = a[i] * 0.9999999999 + 1e-300;
        best = std::min(best, now() - t0);
    }
    return best;
}

struct Pass {
    double seconds = 0; // one read + write of the whole state
    double bytesPerSecond = 0;
};

Pass measurePass(detail::StateBuffer& s, int threads)
{
    const std::size_t doubles = 2 * s.size();
    const double sec = sweepSeconds(reinterpret_cast<double*>(s.data()), doubles, threads, 7);
    return Pass{sec, 2.0 * 8.0 * double(doubles) / sec};
}

Circuit workloadA(int n)
{
    Circuit c;
    c.addQreg("q", n);
    for (int q = 0; q < n; ++q)
        c.gate(GateKind::H, {q});
    for (int l = 0; l < 10; ++l) {
        for (int q = 0; q < n; ++q)
            c.gate(GateKind::RX, {q}, {Expr(0.1 + 0.37 * q + 0.11 * l)});
        for (int q = 0; q + 1 < n; ++q)
            c.gate(GateKind::CX, {q, q + 1});
    }
    return c;
}

Circuit workloadB(int n, int gates)
{
    Circuit c;
    c.addQreg("q", n);
    std::uint64_t k = 0;
    auto u = [&] { return uniform01(12345, 77, k++); };
    for (int g = 0; g < gates; ++g) {
        const int q = int(u() * n);
        c.gate(GateKind::U, {q}, {Expr(u() * 3.14), Expr(u() * 6.28), Expr(u() * 6.28)});
    }
    return c;
}

// Seconds to apply the program's gates to `s` (already allocated), best of `repeats`.
double timeGates(const Circuit& c, int fusion, detail::StateBuffer& s, int threads, int repeats, int* blocks, int* gates)
{
    const Program p = compileProgram(c).value();
    const detail::PreparedProgram P = detail::prepareProgram(p, fusion);
    *blocks = P.unitarySteps;
    *gates = P.sourceGates;
    double best = 1e300;
    for (int r = 0; r < repeats; ++r) {
        const double t0 = now();
        detail::applyUnitarySteps(P, s.data(), threads);
        best = std::min(best, now() - t0);
    }
    return best;
}

const char* verdict(bool met) { return met ? "met" : "NOT met"; }

void benchA(const std::vector<int>& sizes, const std::vector<int>& fusions, int threads)
{
    std::printf("\n(A) H on all, then 10 layers of RX on every qubit + CNOT ladder  [targets at n=24,26: fused <= 0.35, "
                "unfused <= 0.9 passes/gate]\n");
    std::printf("    %3s %-9s %7s %7s %10s %12s %12s  %s\n", "n", "fusion", "gates", "passes", "pass ms", "ms/gate",
                "passes/gate", "target");
    for (int n : sizes) {
        auto s = detail::StateBuffer::allocate(n, threads);
        if (!s) {
            std::printf("    %3d  skipped: %s\n", n, s.error().message.c_str());
            continue;
        }
        // The memory's speed varies between runs and processes on shared machines: the
        // physical limit is the fastest pass seen around the workload.
        Pass pass = measurePass(s.value(), threads);
        std::vector<std::pair<int, double>> rows; // (fusion, seconds per gate)
        std::vector<std::pair<int, int>> shape;   // (gates, blocks)
        for (int k : fusions) {
            int blocks = 0, gates = 0;
            const int repeats = n <= 22 ? 3 : 1;
            const double t = timeGates(workloadA(n), k, s.value(), threads, repeats, &blocks, &gates);
            rows.emplace_back(k, t / gates);
            shape.emplace_back(gates, blocks);
        }
        const Pass after = measurePass(s.value(), threads);
        if (after.seconds < pass.seconds)
            pass = after;
        for (size_t r = 0; r < rows.size(); ++r) {
            const int k = rows[r].first, gates = shape[r].first, blocks = shape[r].second;
            const double perGate = rows[r].second;
            const double passes = perGate / pass.seconds;
            const bool judged = n == 24 || n == 26;
            const bool met = k == 0 ? passes <= 0.9 : passes <= 0.35;
            char label[16];
            std::snprintf(label, sizeof label, k <= 1 ? "unfused" : "fused k=%d", k);
            std::printf("    %3d %-9s %7d %7d %10.2f %12.3f %12.3f  %s\n", n, label, gates, blocks, pass.seconds * 1e3,
                        perGate * 1e3, passes, judged ? verdict(met) : "-");
            std::fflush(stdout);
        }
    }
}

void benchB(int threads)
{
    const int n = 24, gates = 100;
    std::printf("\n(B) n = %d: %d random 1-qubit gates on random qubits, unfused  [target <= 8.5 ms/gate]\n", n, gates);
    auto s = detail::StateBuffer::allocate(n, threads);
    if (!s) {
        std::printf("    skipped: %s\n", s.error().message.c_str());
        return;
    }
    const Pass pass = measurePass(s.value(), threads);
    int blocks = 0, count = 0;
    const double t = timeGates(workloadB(n, gates), 0, s.value(), threads, 3, &blocks, &count);
    const double perGate = t / count;
    std::printf("    pass %.2f ms; %.3f ms/gate = %.3f passes/gate  %s\n", pass.seconds * 1e3, perGate * 1e3,
                perGate / pass.seconds, verdict(perGate * 1e3 <= 8.5));
}

void benchD(int threads)
{
    const int n = 20, shots = 10000;
    std::printf("\n(D) %d shots sampled from a %d-qubit state  [target <= 3 ms]\n", shots, n);
    auto s = detail::StateBuffer::allocate(n, threads);
    int blocks = 0, gates = 0;
    timeGates(workloadA(n), 4, s.value(), threads, 1, &blocks, &gates); // a spread-out state
    double bestSample = 1e300, bestCounts = 1e300;
    std::size_t distinct = 0;
    for (int r = 0; r < 20; ++r) {
        // The engine's path: a histogram of outcomes, then bitstring keys (classical bit 0
        // rightmost) appended in order.
        const double t0 = now();
        const auto histogram = detail::sampleHistogram(s.value().data(), n, shots, std::uint64_t(r), 1, threads);
        const double t1 = now();
        std::map<std::string, int> counts;
        for (const auto& [index, k] : histogram)
            counts.emplace_hint(counts.end(), bitstring(index, n), k);
        const double t2 = now();
        bestSample = std::min(bestSample, t1 - t0);
        bestCounts = std::min(bestCounts, t2 - t0);
        distinct = counts.size();
    }
    std::printf("    sampling %.3f ms; with the bitstring counts (%zu distinct) %.3f ms  %s\n", bestSample * 1e3, distinct,
                bestCounts * 1e3, verdict(bestCounts * 1e3 <= 3.0));
}

} // namespace

int main(int argc, char** argv)
{
    int threads = 2;
    std::string workloads = "ABCD";
    std::vector<int> sizes = {20, 22, 24, 26};
    std::vector<int> fusions = {0, 4, 5, 6}; // 0 = unfused
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const char* value = i + 1 < argc ? argv[i + 1] : "";
        if (a == "--threads") {
            threads = std::max(1, std::atoi(value));
            ++i;
        } else if (a == "--workloads") {
            workloads = value;
            ++i;
        } else if (a == "--sizes") {
            sizes = parseList(value);
            ++i;
        } else if (a == "--fusion") {
            fusions = parseList(value);
            ++i;
        } else {
            std::fprintf(stderr,
                         "usage: %s [--threads T] [--workloads ABCD] [--sizes 20,22,24,26] [--fusion 0,4,5,6]\n", argv[0]);
            return a == "--help" || a == "-h" ? 0 : 2;
        }
    }
    std::printf("Qpilot simulator benchmark — %u hardware threads, %s; running with %d threads\n",
                std::thread::hardware_concurrency(), cpuModel().c_str(), threads);
    std::printf("Memory bandwidth (read-modify-write sweep over an array as large as the state):\n");
    double bandwidthAt13 = 0;
    for (int n : sizes) {
        auto s = detail::StateBuffer::allocate(n, threads);
        if (!s)
            continue;
        const Pass p = measurePass(s.value(), threads);
        std::printf("    n=%d (%s): one pass %.2f ms = %.1f GB/s\n", n, detail::formatBytes(16.0 * double(s.value().size())).c_str(),
                    p.seconds * 1e3, p.bytesPerSecond / 1e9);
    }
    {
        // The density-matrix workload's pass: 16·4^13 bytes = 1 GiB (a 26-qubit vector).
        if (workloads.find('C') != std::string::npos) {
            auto s = detail::StateBuffer::allocate(26, threads);
            if (s)
                bandwidthAt13 = measurePass(s.value(), threads).bytesPerSecond;
        }
    }
    if (workloads.find('A') != std::string::npos)
        benchA(sizes, fusions, threads);
    if (workloads.find('B') != std::string::npos)
        benchB(threads);
    if (workloads.find('C') != std::string::npos) {
        std::printf("\n(C) density matrix with a depolarizing channel after every gate  [targets: n=12 <= 25 ms, "
                    "n=13 <= 100 ms per gate+channel]\n");
        std::fflush(stdout);
        bench::benchDensity(threads, bandwidthAt13);
    }
    if (workloads.find('D') != std::string::npos)
        benchD(threads);
    return 0;
}
