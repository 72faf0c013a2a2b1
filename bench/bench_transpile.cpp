// bench/bench_transpile.cpp — routing quality and speed of the transpiler (issue 4): QFT-n,
// Cuccaro ripple-carry adders, random 2-local layers and ZZ feature maps (full entanglement,
// 2 reps) at n = 8, 16, 27, 64, 127 on heavy-hex 127 and 156 and a 10×12 square lattice, at
// level 1; swaps and 2q counts next to the greedy shortest-path router (greedy_router.h); the
// percentage of added two-qubit gates saved; and the time to transpile a 127-qubit circuit with
// 2,000 two-qubit gates at level 1.
//   cmake --build build/h --target qpilot_bench_transpile && build/h/bench/qpilot_bench_transpile
#include "greedy_router.h"

#include "core/device/device.h"
#include "core/transpile/transpile.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace qpilot;

namespace {

struct Rng {
    std::uint64_t s;
    std::uint64_t next()
    {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % std::uint64_t(n)); }
    double angle() { return double(next() >> 11) / double(1ull << 53) * 2 * M_PI; }
};

Circuit qft(int n)
{
    Circuit c;
    c.addQreg("q", n);
    for (int i = n - 1; i >= 0; --i) {
        c.gate(GateKind::H, {i});
        for (int j = i - 1; j >= 0; --j)
            c.gate(GateKind::CP, {j, i}, {M_PI / std::pow(2.0, i - j)});
    }
    return c;
}

// Cuccaro et al. (quant-ph/0410184): a (m bits), b (m bits), carry-in c0, carry-out z.
Circuit cuccaro(int n)
{
    const int m = (n - 2) / 2;
    Circuit c;
    c.addQreg("q", n);
    auto a = [&](int i) { return 1 + 2 * i + 1; };
    auto b = [&](int i) { return 1 + 2 * i; };
    const int c0 = 0, z = 2 * m + 1;
    auto maj = [&](int x, int y, int w) {
        c.gate(GateKind::CX, {w, y}).gate(GateKind::CX, {w, x}).gate(GateKind::CCX, {x, y, w});
    };
    auto uma = [&](int x, int y, int w) {
        c.gate(GateKind::CCX, {x, y, w}).gate(GateKind::CX, {w, x}).gate(GateKind::CX, {x, y});
    };
    maj(c0, b(0), a(0));
    for (int i = 1; i < m; ++i)
        maj(a(i - 1), b(i), a(i));
    c.gate(GateKind::CX, {a(m - 1), z});
    for (int i = m - 1; i >= 1; --i)
        uma(a(i - 1), b(i), a(i));
    uma(c0, b(0), a(0));
    return c;
}

// Layers of random disjoint pairs (about n/2 per layer), each a cx between random rotations.
Circuit random2Local(int n, int twoQubitGates, std::uint64_t seed)
{
    Rng rng{seed};
    Circuit c;
    c.addQreg("q", n);
    int placed = 0;
    std::vector<int> perm(static_cast<size_t>(n));
    while (placed < twoQubitGates) {
        for (int i = 0; i < n; ++i)
            perm[size_t(i)] = i;
        for (int i = n - 1; i > 0; --i)
            std::swap(perm[size_t(i)], perm[size_t(rng.below(i + 1))]);
        for (int i = 0; i + 1 < n && placed < twoQubitGates; i += 2, ++placed) {
            c.gate(GateKind::RY, {perm[size_t(i)]}, {rng.angle()});
            c.gate(GateKind::CX, {perm[size_t(i)], perm[size_t(i + 1)]});
        }
    }
    return c;
}

Circuit zzFeatureMap(int n, int reps)
{
    Rng rng{7};
    std::vector<double> x(static_cast<size_t>(n));
    for (double& v : x)
        v = rng.angle() / 2;
    Circuit c;
    c.addQreg("q", n);
    for (int r = 0; r < reps; ++r) {
        for (int i = 0; i < n; ++i)
            c.gate(GateKind::H, {i}).gate(GateKind::P, {i}, {2 * x[size_t(i)]});
        for (int i = 0; i < n; ++i)
            for (int j = i + 1; j < n; ++j)
                c.gate(GateKind::CX, {i, j})
                    .gate(GateKind::P, {j}, {2 * (M_PI - x[size_t(i)]) * (M_PI - x[size_t(j)])})
                    .gate(GateKind::CX, {i, j});
    }
    return c;
}

DeviceProfile device(const std::string& id, int qubits, std::vector<std::pair<int, int>> couplers)
{
    DeviceProfile d;
    d.id = id;
    d.numQubits = qubits;
    d.couplers = std::move(couplers);
    d.nativeGates = {"cz", "rz", "sx", "x"};
    d.gateError1q = 2.5e-4;
    d.gateError2q = 3e-3;
    d.gateTime1q = 32e-9;
    d.gateTime2q = 68e-9;
    d.readoutTime = 1.56e-6;
    d.readoutError = 0.012;
    d.t1 = 250e-6;
    return d;
}

int twoQubitCount(const Circuit& c)
{
    int k = 0;
    for (const Operation& o : c.ops)
        if (const auto* g = std::get_if<GateOp>(&o.op); g && g->qubits.size() == 2)
            ++k;
    return k;
}

double seconds(std::chrono::steady_clock::time_point a)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - a).count();
}

} // namespace

int main(int argc, char** argv)
{
    int level = 1;
    bool quick = false, speedOnly = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--level") && i + 1 < argc)
            level = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--quick"))
            quick = true;
        else if (!std::strcmp(argv[i], "--speed"))
            speedOnly = true;
        else {
            std::fprintf(stderr, "usage: %s [--level 0-3] [--quick] [--speed]\n", argv[0]);
            return 2;
        }
    }
    std::vector<DeviceProfile> devices = {device("heavy-hex-127", 127, heavyHexCouplers(127).value()),
                                          device("heavy-hex-156", 156, heavyHexCouplers(156).value()),
                                          device("square-10x12", 120, squareLatticeCouplers(10, 12))};
    const std::vector<int> sizes = quick ? std::vector<int>{8, 16, 27} : std::vector<int>{8, 16, 27, 64, 127};
    std::printf("level %d; added 2q = 2q after routing - 2q before routing (greedy: 3 per swap)\n", level);
    std::printf("%-14s %-10s %4s %8s %8s %8s %8s %9s %9s %7s %8s\n", "device", "circuit", "n", "2q-in",
                "g.swaps", "g.2q", "s.swaps", "s.2q", "s.added", "saved", "time");
    double savedSum = 0;
    int savedCount = 0;
    for (const DeviceProfile& d : devices) {
        if (speedOnly)
            break;
        const CouplingMap map = couplingMapFor(d).value();
        const NativeBasis basis = nativeBasisFor(d).value();
        for (const char* kind : {"qft", "adder", "random", "zzmap"}) {
            for (int n : sizes) {
                if (n > d.numQubits)
                    continue;
                Circuit c = !std::strcmp(kind, "qft")      ? qft(n)
                            : !std::strcmp(kind, "adder")  ? cuccaro(n % 2 ? n - 1 : n)
                            : !std::strcmp(kind, "random") ? random2Local(n, 10 * n, 11)
                                                           : zzFeatureMap(n, 2);
                const Circuit logical = canonicalizeTwoQubit(unrollCircuit(c).value(), basis).value();
                const int in2q = twoQubitCount(logical);
                const int greedySwaps = bench::greedyRouteSwaps(logical, map);
                TranspileOptions o;
                o.level = level;
                o.seed = 1;
                const auto t0 = std::chrono::steady_clock::now();
                auto r = transpile(c, d, o);
                const double t = seconds(t0);
                if (!r) {
                    std::printf("%s %s %d: %s\n", d.id.c_str(), kind, n, r.error().message.c_str());
                    return 1;
                }
                const int s2q = r.value().metrics.twoQubitCount;
                const int gAdded = 3 * greedySwaps, sAdded = s2q - in2q;
                const double saved = gAdded > 0 ? 100.0 * (gAdded - sAdded) / gAdded : 0;
                if (gAdded > 0) {
                    savedSum += saved;
                    ++savedCount;
                }
                std::printf("%-14s %-10s %4d %8d %8d %8d %8d %9d %9d %6.1f%% %7.3fs\n", d.id.c_str(), kind,
                            logical.numQubits(), in2q, greedySwaps, in2q + gAdded, r.value().metrics.swaps, s2q, sAdded,
                            saved, t);
                std::fflush(stdout);
            }
        }
    }
    if (!speedOnly)
        std::printf("mean saving of added 2q gates vs greedy: %.1f%% over %d cases (target >= 30%%)\n",
                savedCount ? savedSum / savedCount : 0.0, savedCount);

    // Speed: 127 qubits, 2,000 two-qubit gates, level 1 (best of 3).
    const DeviceProfile& hh = devices[0];
    const Circuit big = random2Local(127, 2000, 99);
    double best = 1e9;
    int swaps = 0;
    for (int rep = 0; rep < 3; ++rep) {
        TranspileOptions o;
        o.level = 1;
        const auto t0 = std::chrono::steady_clock::now();
        auto r = transpile(big, hh, o);
        best = std::min(best, seconds(t0));
        swaps = r.value().metrics.swaps;
    }
    const int greedy = bench::greedyRouteSwaps(big, couplingMapFor(hh).value());
    std::printf("127 qubits, 2000 cx, level 1 on heavy-hex-127: %.3f s (best of 3; %d swaps, greedy %d; target < 1 s)\n",
                best, swaps, greedy);
    return 0;
}
