// core/sim/tiles.cpp — owns gate classification and the tiled executor (see tiles.h).
//
// Tile layout. For a set S of touched qubits (|S| = k <= 6), the tile bits R are S plus the
// lowest (T - k) other bits. A tile is the 2^T amplitudes that agree outside R. It is copied
// into a buffer in memory order (runs of 2^m contiguous amplitudes, m = the lowest bit not
// in R); then each touched bit below 3 is exchanged with one of R's untouched bits above 2
// (vector shuffles), so that every kernel acts on buffer qubits >= 3 and its inner loops run
// over whole vectors. The exchanges are undone before the copy back.
//
// (Measured and rejected: tiles processed in place in the state, streaming stores for the
// copy back, software prefetch of the next tile, and a second level of 512 KiB tiles with
// longer runs: none beat this single level on the benchmark's workloads.)
#include "core/sim/tiles.h"

#include <algorithm>
#include <bitset>
#include <cstring>

namespace qpilot::sim::detail {

using namespace simd;

namespace {

bool isZero(Complex c) { return c == Complex(0); }

// The kernel applied directly to a state (no tiling).
void applyDirect(Complex* amp, int numQubits, const GateKernel& g, int threads)
{
    switch (g.kind) {
    case GateKernel::Kind::Matrix1:
        apply1(amp, numQubits, g.qubits[0], g.m2, threads);
        return;
    case GateKernel::Kind::Controlled1:
        applyControlled(amp, numQubits, g.controlMask, g.controlValue, g.qubits[0], g.m2, threads);
        return;
    case GateKernel::Kind::Diagonal:
        applyDiag(amp, numQubits, g.qubits, g.k, g.data(), threads);
        return;
    case GateKernel::Kind::Dense:
        if (g.k == 1)
            apply1(amp, numQubits, g.qubits[0], Mat2(g.data()), threads);
        else if (g.k == 2)
            applyDense2(amp, numQubits, g.qubits[0], g.qubits[1], g.data(), threads);
        else
            applyDenseK(amp, numQubits, g.qubits, g.k, g.data(), threads);
        return;
    }
}

// Where the tile bits go, and the memory runs of one tile.
struct Layout {
    int numQubits = 0;
    int tileBits = 0;
    int localPos[64] = {};  // buffer bit of each bit of R
    int rankPos[64] = {};   // its rank in R (the buffer order right after the memory copy)
    int rBits[64] = {};     // R's bits, ascending (the tile index skips them)
    int m = 0;              // memory runs are 2^m contiguous amplitudes
    bool inPlace = false;   // a tile is a contiguous chunk in buffer order: no copy
    int runs = 0;
    Index runGlobal[64] = {};
    Index runLocal[64] = {};
    int swaps = 0;
    int swapLow[3] = {}, swapHigh[3] = {}; // buffer bit pairs exchanged after the gather
};

void makeLayout(Layout& L, int numQubits, std::uint64_t touched, int tileBits)
{
    L.numQubits = numQubits;
    const int k = int(std::bitset<64>(touched).count());
    std::uint64_t R = touched;
    for (int b = 0, need = tileBits - k; b < numQubits && need > 0; ++b)
        if (!(touched >> b & 1)) {
            R |= std::uint64_t(1) << b;
            --need;
        }
    // Buffer positions: rank in R (memory order), then each touched bit below 3 swaps places
    // with one of the lowest untouched bits of R above 2.
    const std::uint64_t liftedBits = touched & 7;
    int pos = 0, t = 0;
    for (int b = 0; b < numQubits; ++b)
        if (R >> b & 1) {
            L.rankPos[b] = pos++;
            L.rBits[t++] = b;
        }
    std::copy(L.rankPos, L.rankPos + 64, L.localPos);
    L.swaps = 0;
    for (int b = 0, partner = 3; b < 3; ++b) {
        if (!(liftedBits >> b & 1))
            continue;
        while (!((R >> partner & 1) && !(touched >> partner & 1)))
            ++partner;
        L.swapLow[L.swaps] = L.rankPos[b];
        L.swapHigh[L.swaps] = L.rankPos[partner];
        ++L.swaps;
        std::swap(L.localPos[b], L.localPos[partner]);
        ++partner;
    }
    L.tileBits = t;
    L.m = 0;
    while (L.m < numQubits && (R >> L.m & 1))
        ++L.m;
    L.inPlace = L.swaps == 0 && L.m == t;
    auto rankOf = [&](Index global) {
        Index l = 0;
        for (int b = 0; b < numQubits; ++b)
            if ((R >> b & 1) && (global >> b & 1))
                l |= Index(1) << L.rankPos[b];
        return l;
    };
    // Runs: every combination of R's bits at or above m.
    int high[64], nh = 0;
    for (int b = L.m; b < numQubits; ++b)
        if (R >> b & 1)
            high[nh++] = b;
    L.runs = 1 << nh;
    for (int h = 0; h < L.runs; ++h) {
        Index g = 0;
        for (int i = 0; i < nh; ++i)
            if (h >> i & 1)
                g |= Index(1) << high[i];
        L.runGlobal[h] = g;
        L.runLocal[h] = rankOf(g);
    }
}

// Copies `len` (>= 4, a power of two) amplitudes with whole vectors (memcpy may pick
// `rep movsb`, slow for these sizes on some CPUs).
#if defined(__GNUC__) && !defined(__clang__)
__attribute__((optimize("no-tree-loop-distribute-patterns"))) // keep the loop: no memcpy call
#endif
void copyRun(Complex* dst, const Complex* src, Index len)
{
    double* __restrict d = reinterpret_cast<double*>(dst);
    const double* __restrict s = reinterpret_cast<const double*>(src);
    for (Index j = 0; j < 2 * len; j += 8)
        store(d + j, load(s + j));
}

// Exchanges buffer bits `low` (< 3) and `high` (>= 3) of a 2^t-amplitude buffer.
void swapBits(Complex* buf, int t, int low, int high)
{
    double* a = reinterpret_cast<double*>(buf);
    const Index n = Index(1) << t;
    const Index hs = Index(1) << high;
    for (Index i = 0; i < n; i += 8) {
        if (i & hs)
            continue;
        double* x = a + 2 * i;       // 8 amplitudes with bit `high` = 0
        double* y = a + 2 * (i + hs); // ... and = 1
        if (low == 2) {
            // bit 2 picks the second vector of the 8: swap x[4..7] with y[0..3]
            const V8 u = load(x + 8), v = load(y);
            store(x + 8, v);
            store(y, u);
            continue;
        }
        for (int half = 0; half < 2; ++half) {
            const V8 u = load(x + 8 * half), v = load(y + 8 * half);
            V8 nu, nv;
#if defined(__clang__)
            if (low == 0) {
                nu = __builtin_shufflevector(u, v, 0, 1, 8, 9, 4, 5, 12, 13);
                nv = __builtin_shufflevector(u, v, 2, 3, 10, 11, 6, 7, 14, 15);
            } else {
                nu = __builtin_shufflevector(u, v, 0, 1, 2, 3, 8, 9, 10, 11);
                nv = __builtin_shufflevector(u, v, 4, 5, 6, 7, 12, 13, 14, 15);
            }
#else
            if (low == 0) {
                nu = __builtin_shuffle(u, v, I8{0, 1, 8, 9, 4, 5, 12, 13});
                nv = __builtin_shuffle(u, v, I8{2, 3, 10, 11, 6, 7, 14, 15});
            } else {
                nu = __builtin_shuffle(u, v, I8{0, 1, 2, 3, 8, 9, 10, 11});
                nv = __builtin_shuffle(u, v, I8{4, 5, 6, 7, 12, 13, 14, 15});
            }
#endif
            store(x + 8 * half, nu);
            store(y + 8 * half, nv);
        }
    }
}

GateKernel remap(const GateKernel& g, const Layout& L)
{
    GateKernel r;
    r.kind = g.kind;
    r.k = g.k;
    r.m2 = g.m2;
    r.external = g.data();
    for (int i = 0; i < 6; ++i)
        r.qubits[i] = L.localPos[g.qubits[i]];
    for (int b = 0; b < 64; ++b) {
        if (g.controlMask >> b & 1)
            r.controlMask |= std::uint64_t(1) << L.localPos[b];
        if (g.controlValue >> b & 1)
            r.controlValue |= std::uint64_t(1) << L.localPos[b];
    }
    return r;
}

// Kernels remapped to a layout's buffer positions, on the stack for short sequences.
struct LocalKernels {
    static constexpr int kInline = 8;
    GateKernel inlineStore[kInline];
    std::vector<GateKernel> heapStore;
    GateKernel* k = inlineStore;
    LocalKernels(const GateKernel* kernels, int count, const Layout& L)
    {
        if (count > kInline) {
            heapStore.resize(size_t(count));
            k = heapStore.data();
        }
        for (int i = 0; i < count; ++i)
            k[i] = remap(kernels[i], L);
    }
};

// One tile: gather (or work in place), exchange low bits, kernels, and back.
void processTile(Complex* amp, Index base, const Layout& L, const GateKernel* local, int count)
{
    const int t = L.tileBits;
    if (L.inPlace) {
        for (int i = 0; i < count; ++i)
            applyDirect(amp + base, t, local[i], 1);
        return;
    }
    const Index runLen = Index(1) << L.m;
    alignas(64) double raw[2 << kTileBits]; // not Complex: no zero-initialisation
    Complex* buf = reinterpret_cast<Complex*>(raw);
    for (int h = 0; h < L.runs; ++h)
        copyRun(buf + L.runLocal[h], amp + base + L.runGlobal[h], runLen);
    for (int s = 0; s < L.swaps; ++s)
        swapBits(buf, t, L.swapLow[s], L.swapHigh[s]);
    for (int i = 0; i < count; ++i)
        applyDirect(buf, t, local[i], 1);
    for (int s = 0; s < L.swaps; ++s)
        swapBits(buf, t, L.swapLow[s], L.swapHigh[s]);
    for (int h = 0; h < L.runs; ++h)
        copyRun(amp + base + L.runGlobal[h], buf + L.runLocal[h], runLen);
}

// Every tile of the state, in parallel.
void runTiles(Complex* amp, int numQubits, std::uint64_t touched, const GateKernel* kernels, int count, int threads)
{
    Layout L;
    makeLayout(L, numQubits, touched, kTileBits);
    const LocalKernels local(kernels, count, L);
    const Index tiles = Index(1) << (numQubits - L.tileBits);
    forEach(tiles, threads, Index(1) << numQubits, [&](Index tile) {
        processTile(amp, insertZeros(tile, L.rBits, L.tileBits), L, local.k, count);
    });
}

} // namespace

std::uint64_t GateKernel::touched() const
{
    std::uint64_t t = controlMask;
    const int ops = (kind == Kind::Matrix1 || kind == Kind::Controlled1) ? 1 : k;
    for (int i = 0; i < ops; ++i)
        t |= std::uint64_t(1) << qubits[i];
    return t;
}

double GateKernel::cost() const
{
    auto oneQubit = [&] {
        switch (m2.shape) {
        case Shape::Identity: return 0.0;
        case Shape::PauliX: return 0.3;
        case Shape::Diagonal:
        case Shape::AntiDiagonal: return 0.6;
        case Shape::RealImag: return 0.55;
        case Shape::General: return 1.0;
        }
        return 1.0;
    };
    switch (kind) {
    case Kind::Matrix1: return oneQubit();
    case Kind::Controlled1: return 0.1 + oneQubit() / double(1 << std::bitset<64>(controlMask).count());
    case Kind::Diagonal: return 0.7;
    case Kind::Dense: return k == 1 ? 1.0 : k == 2 ? 2.4 : 0.65 * double(1 << k);
    }
    return 1.0;
}

GateKernel classifyGate(const Complex* m, const int* qubits, int k)
{
    GateKernel g;
    const int dim = 1 << k;
    auto at = [&](int r, int c) { return m[size_t(r) * size_t(dim) + size_t(c)]; };
    std::copy(qubits, qubits + k, g.qubits);
    g.k = k;
    if (k == 1) {
        g.kind = GateKernel::Kind::Matrix1;
        g.m2 = Mat2(m);
        return g;
    }
    bool diagonal = true;
    for (int r = 0; r < dim && diagonal; ++r)
        for (int c = 0; c < dim; ++c)
            if (r != c && !isZero(at(r, c))) {
                diagonal = false;
                break;
            }
    if (diagonal) {
        g.kind = GateKernel::Kind::Diagonal;
        g.storage.resize(size_t(dim));
        for (int r = 0; r < dim; ++r)
            g.storage[size_t(r)] = at(r, r);
        return g;
    }
    // Operand j is a control with value v when the matrix never changes bit j and is the
    // identity wherever bit j != v.
    int controlOperands = 0, controlValues = 0, controls = 0;
    for (int j = 0; j < k; ++j) {
        for (int v = 0; v < 2; ++v) {
            bool ok = true;
            for (int r = 0; r < dim && ok; ++r)
                for (int c = 0; c < dim && ok; ++c) {
                    const Complex e = at(r, c);
                    if (((r ^ c) >> j & 1) && !isZero(e))
                        ok = false;
                    else if (((r >> j) & 1) != v && ((r ^ c) >> j & 1) == 0)
                        ok = (r == c) ? e == Complex(1) : isZero(e);
                }
            if (ok) {
                controlOperands |= 1 << j;
                controlValues |= v << j;
                ++controls;
                break;
            }
        }
    }
    if (controls == k - 1) {
        int target = 0;
        while (controlOperands >> target & 1)
            ++target;
        Complex u[4];
        for (int r = 0; r < 2; ++r)
            for (int c = 0; c < 2; ++c)
                u[2 * r + c] = at(controlValues | (r << target), controlValues | (c << target));
        g.kind = GateKernel::Kind::Controlled1;
        g.qubits[0] = qubits[target];
        for (int j = 0; j < k; ++j)
            if (controlOperands >> j & 1) {
                g.controlMask |= std::uint64_t(1) << qubits[j];
                if (controlValues >> j & 1)
                    g.controlValue |= std::uint64_t(1) << qubits[j];
            }
        g.m2 = Mat2(u);
        g.k = 1;
        return g;
    }
    g.kind = GateKernel::Kind::Dense;
    g.storage.assign(m, m + size_t(dim) * size_t(dim));
    return g;
}

void applyKernel(Complex* amp, int numQubits, const GateKernel& g, int threads)
{
    const std::uint64_t touched = g.touched();
    // The dense loops want whole vectors: runs of >= 4 amplitudes below the lowest touched
    // bit (>= 8 for k >= 3). Controlled gates handle bits 0 and 1 with lane coefficients.
    const bool lowBits = g.kind == GateKernel::Kind::Dense && (g.k == 2 ? (touched & 3) != 0 : g.k > 2 && (touched & 7) != 0);
    if (lowBits && numQubits > kTileBits)
        applyTiled(amp, numQubits, &g, 1, threads);
    else
        applyDirect(amp, numQubits, g, threads);
}

void applyTiled(Complex* amp, int numQubits, const GateKernel* kernels, int count, int threads)
{
    std::uint64_t touched = 0;
    for (int i = 0; i < count; ++i)
        touched |= kernels[i].touched();
    if (numQubits <= kTileBits || std::bitset<64>(touched).count() > 6) {
        for (int i = 0; i < count; ++i)
            applyDirect(amp, numQubits, kernels[i], threads);
        return;
    }
    runTiles(amp, numQubits, touched, kernels, count, threads);
}

} // namespace qpilot::sim::detail
