// bench/bench_kernel.cpp — quantum-kernel benchmark (issue 5): the exact Gram matrix of an
// 8-qubit ZZ feature map (reps 2, full entanglement) for 100 and 500 samples, split into the
// simulation part (one state per sample: linear in N) and the overlap part (N(N-1)/2 inner
// products: quadratic in N), compute-uncompute with shots for a small set, and the training
// time of a VQC on an Iris-sized problem.
//   cmake --build build/h --target qpilot_bench_kernel && build/h/bench/qpilot_bench_kernel [--threads T]
#include "core/encoding/encoding.h"
#include "core/ml/quantum_kernel.h"
#include "core/ml/vqc.h"

#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <random>

using namespace qpilot;

namespace {

ml::Samples samples(int rows, int features, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0, 3.14159265358979323846);
    ml::Samples s;
    s.rows = rows;
    s.features = features;
    for (int i = 0; i < rows * features; ++i)
        s.x.push_back(u(rng));
    return s;
}

template <class F>
double timed(F&& f)
{
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

} // namespace

int main(int argc, char** argv)
{
    int threads = omp_get_max_threads();
    for (int i = 1; i + 1 < argc; ++i)
        if (!std::strcmp(argv[i], "--threads"))
            threads = std::max(1, std::atoi(argv[i + 1]));
    encoding::Options o;
    o.reps = 2;
    o.entanglement = encoding::Entanglement::Full;
    auto fm = encoding::build(encoding::Kind::ZZ, 8, o);
    if (!fm) {
        std::fprintf(stderr, "%s\n", fm.error().message.c_str());
        return 1;
    }
    ml::KernelOptions k;
    k.threads = threads;
    std::printf("Quantum kernel: ZZ feature map, 8 qubits, reps 2, full entanglement (%zu gates), %d thread(s)\n",
                fm->circuit.ops.size(), threads);
    const int sizes[4] = {100, 200, 500, 1000};
    ml::KernelMatrix best[4];
    for (int t = 0; t < 4; ++t) {
        const int n = sizes[t];
        const ml::Samples s = samples(n, 8, 1);
        // Best of 5 runs by total time; the matrix reports its two parts.
        for (int r = 0; r < 5; ++r) {
            auto g = ml::gramMatrix(*fm, s, k);
            if (!g) {
                std::fprintf(stderr, "%s\n", g.error().message.c_str());
                return 1;
            }
            if (r == 0 || g->encodeSeconds + g->entrySeconds < best[t].encodeSeconds + best[t].entrySeconds)
                best[t] = std::move(g.value());
        }
        const long long pairs = (long long)n * (n - 1) / 2;
        const ml::KernelMatrix& g = best[t];
        std::printf("  N = %4d: Gram %.4f s = simulations %.4f s (%4d states, %.1f us each) + overlaps %.4f s "
                    "(%6lld pairs, %.0f ns each)\n",
                    n, g.encodeSeconds + g.entrySeconds, g.encodeSeconds, n, 1e6 * g.encodeSeconds / n, g.entrySeconds,
                    pairs, 1e9 * g.entrySeconds / pairs);
    }
    auto total = [&](int t) { return best[t].encodeSeconds + best[t].entrySeconds; };
    std::printf("  scaling 100 -> 500: total x%.1f; simulations x%.1f (N: x5); overlaps x%.1f (N^2 pairs: x%.1f)\n",
                total(2) / total(0), best[2].encodeSeconds / best[0].encodeSeconds,
                best[2].entrySeconds / best[0].entrySeconds, 124750.0 / 4950.0);
    std::printf("  target: Gram of 100 samples < 1 s: %s\n", total(0) < 1.0 ? "met" : "NOT met");

    // Compute-uncompute with shots: one circuit (2x the map) per pair.
    ml::KernelOptions cu = k;
    cu.method = ml::KernelMethod::ComputeUncompute;
    cu.shots = 1024;
    const ml::Samples small = samples(20, 8, 3);
    long long executions = 0;
    const double tcu = timed([&] {
        auto r = ml::gramMatrix(*fm, small, cu);
        executions = r ? r->circuitExecutions : -1;
    });
    std::printf("  compute-uncompute, N = 20, 1024 shots: %.3f s for %d circuits (%lld shots)\n", tcu, 20 * 19 / 2,
                executions);

    // VQC on an Iris-sized problem: 100 samples, 4 features, 3 classes; angle encoding +
    // RealAmplitudes(reps 2), parameter shift + Adam, exact probabilities.
    ml::Samples iris = samples(100, 4, 4);
    iris.classes = 3;
    for (int i = 0; i < iris.rows; ++i)
        iris.y.push_back(i % 3);
    ml::VqcOptions v;
    v.ansatzOptions.reps = 2;
    v.iterations = 30;
    v.threads = threads;
    ml::VqcReport report;
    auto model = ml::trainVqc(iris, v, &report);
    if (!model) {
        std::fprintf(stderr, "%s\n", model.error().message.c_str());
        return 1;
    }
    std::printf("VQC, 100 samples x 4 features, 3 classes, RealAmplitudes reps 2 (%zu weights), Adam, %d iterations:\n"
                "  %.3f s, %lld circuit executions (%.1f us each)\n",
                model->weights.size(), report.iterations, report.seconds, report.circuitExecutions,
                1e6 * report.seconds / double(report.circuitExecutions));
    return 0;
}
