// core/sim/simd.h — internal to core/sim: a portable vector of 8 doubles (4 interleaved complex
// numbers) built on the GCC/Clang vector extension — the compiler lowers it to AVX-512, AVX2,
// SSE2 or NEON as the target allows — and the inline pair kernels shared by kernels.cpp and
// the fused-block executor. Complex numbers stay interleaved (re, im): multiplying by a
// constant c is v·re(c) + swap(v)·(−im c, +im c, ...), two FMAs and one shuffle.
// Free functions here have internal linkage (static): translation units compiled for
// different instruction sets (tests, the app) must never share a copy that passes vectors
// in registers the other side does not have.
#pragma once

#include "core/sim/kernels.h"

#include <cstdint>
#include <cstring>

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

namespace qpilot::sim::simd {

using Index = std::int64_t;

constexpr Index kParallelMinAmps = Index(1) << 16; // below this a parallel region costs more than it saves
constexpr Index kChunk = Index(1) << 12; // amplitudes per scheduling unit

static inline bool goParallel(int threads, Index amps) { return threads > 1 && amps >= kParallelMinAmps; }

// Calls body(c) for c in [0, count), in parallel when asked. `amps` sizes the work.
template <class Body>
static inline void forEach(Index count, int threads, Index amps, const Body& body)
{
    if (goParallel(threads, amps) && count > 1) {
#if defined(_OPENMP)
#pragma omp parallel for num_threads(threads) schedule(static)
#endif
        for (Index c = 0; c < count; ++c)
            body(c);
    } else {
        for (Index c = 0; c < count; ++c)
            body(c);
    }
}

// Index with zero bits inserted at the (ascending) positions.
static inline Index insertZeros(Index x, const int* sortedPositions, int count)
{
    for (int b = 0; b < count; ++b) {
        const int p = sortedPositions[b];
        x = ((x >> p) << (p + 1)) | (x & ((Index(1) << p) - 1));
    }
    return x;
}

// Insertion sort of k <= 64 small ints (std::sort trips -Warray-bounds on tiny arrays).
static inline void sortedCopy(const int* in, int k, int* out)
{
    for (int i = 0; i < k; ++i) {
        int j = i;
        for (; j > 0 && out[j - 1] > in[i]; --j)
            out[j] = out[j - 1];
        out[j] = in[i];
    }
}

// The alignment is spelled out: by default it follows the target ISA, and the layout of
// structs holding V8 must not depend on the flags a translation unit was compiled with.
typedef double V8 __attribute__((vector_size(64), aligned(64)));
typedef std::int64_t I8 __attribute__((vector_size(64), aligned(64)));

static inline V8 load(const double* p)
{
    V8 v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
static inline void store(double* p, V8 v) { std::memcpy(p, &v, sizeof v); }
static inline V8 splat(double x) { return V8{x, x, x, x, x, x, x, x}; }

template <int A, int B, int C, int D, int E, int F, int G, int H>
static inline V8 shuffle(V8 v)
{
#if defined(__clang__)
    return __builtin_shufflevector(v, v, A, B, C, D, E, F, G, H);
#else
    return __builtin_shuffle(v, I8{A, B, C, D, E, F, G, H});
#endif
}
// (re, im) -> (im, re) in every complex lane.
static inline V8 swapReIm(V8 v) { return shuffle<1, 0, 3, 2, 5, 4, 7, 6>(v); }

// A complex constant prepared for interleaved multiplication.
struct CVec {
    V8 re, im; // re = (r, r, ...), im = (-i, +i, -i, +i, ...)
    CVec() = default;
    explicit CVec(Complex c) : re(splat(c.real())), im(V8{-c.imag(), c.imag(), -c.imag(), c.imag(), -c.imag(), c.imag(), -c.imag(), c.imag()}) {}
};
// c·v given v and swapReIm(v).
static inline V8 cmul(const CVec& c, V8 v, V8 vs) { return v * c.re + vs * c.im; }

// The 2x2 matrix classified once, with its entries prepared. RealImag: every entry is real
// or purely imaginary (H, Y, RX, RY, ...), so each product costs one FMA.
enum class Shape { General, RealImag, Diagonal, AntiDiagonal, PauliX, Identity };

struct Mat2 {
    Shape shape = Shape::General;
    CVec m00, m01, m10, m11;
    Complex c[4];
    int realMask = 0; // RealImag: bit e set when entry e is real (else imaginary)
    V8 k[4];          // RealImag: per entry, the coefficient of v (real) or of swap(v) (imaginary)
    Mat2() = default;
    explicit Mat2(const Complex* m) : m00(m[0]), m01(m[1]), m10(m[2]), m11(m[3]), c{m[0], m[1], m[2], m[3]}
    {
        const Complex zero(0), one(1);
        if (m[1] == zero && m[2] == zero) {
            shape = (m[0] == one && m[3] == one) ? Shape::Identity : Shape::Diagonal;
            return;
        }
        if (m[0] == zero && m[3] == zero) {
            shape = (m[1] == one && m[2] == one) ? Shape::PauliX : Shape::AntiDiagonal;
            return;
        }
        bool realImag = true;
        for (int e = 0; e < 4; ++e) {
            if (m[e].imag() == 0) {
                realMask |= 1 << e;
                k[e] = splat(m[e].real());
            } else if (m[e].real() == 0) {
                k[e] = CVec(m[e]).im;
            } else {
                realImag = false;
            }
        }
        if (realImag)
            shape = Shape::RealImag;
    }
};

// (x0, x1) <- M (x0, x1) over `len` complex numbers each (len >= 4 and a multiple of 4 uses
// vectors; shorter runs fall back to scalar code).
static inline void pairScalar(double* x0, double* x1, Index len, const Mat2& m)
{
    for (Index j = 0; j < len; ++j) {
        const Complex a(x0[2 * j], x0[2 * j + 1]), b(x1[2 * j], x1[2 * j + 1]);
        const Complex o0 = m.c[0] * a + m.c[1] * b, o1 = m.c[2] * a + m.c[3] * b;
        x0[2 * j] = o0.real();
        x0[2 * j + 1] = o0.imag();
        x1[2 * j] = o1.real();
        x1[2 * j + 1] = o1.imag();
    }
}

// RealImag pair loop: R<e> says whether entry e multiplies v (real) or swap(v) (imaginary).
template <bool R0, bool R1, bool R2, bool R3>
static inline void pairRealImag(double* __restrict x0, double* __restrict x1, Index d, const Mat2& m)
{
    const V8 k0 = m.k[0], k1 = m.k[1], k2 = m.k[2], k3 = m.k[3];
    for (Index j = 0; j < d; j += 8) {
        const V8 a = load(x0 + j), b = load(x1 + j);
        const V8 as = swapReIm(a), bs = swapReIm(b);
        store(x0 + j, (R0 ? a : as) * k0 + (R1 ? b : bs) * k1);
        store(x1 + j, (R2 ? a : as) * k2 + (R3 ? b : bs) * k3);
    }
}

template <int Mask = 0>
static inline void pairRealImagDispatch(double* x0, double* x1, Index d, const Mat2& m)
{
    if constexpr (Mask < 16) {
        if (m.realMask == Mask)
            pairRealImag<(Mask & 1) != 0, (Mask & 2) != 0, (Mask & 4) != 0, (Mask & 8) != 0>(x0, x1, d, m);
        else
            pairRealImagDispatch<Mask + 1>(x0, x1, d, m);
    }
}

static inline void pairApply(double* __restrict x0, double* __restrict x1, Index len, const Mat2& m)
{
    if (len < 4) {
        if (m.shape != Shape::Identity)
            pairScalar(x0, x1, len, m);
        return;
    }
    const Index d = 2 * len;
    switch (m.shape) {
    case Shape::Identity:
        return;
    case Shape::General: {
        const CVec m00 = m.m00, m01 = m.m01, m10 = m.m10, m11 = m.m11;
        for (Index j = 0; j < d; j += 8) {
            const V8 a = load(x0 + j), b = load(x1 + j);
            const V8 as = swapReIm(a), bs = swapReIm(b);
            store(x0 + j, ((a * m00.re + as * m00.im) + b * m01.re) + bs * m01.im);
            store(x1 + j, ((a * m10.re + as * m10.im) + b * m11.re) + bs * m11.im);
        }
        return;
    }
    case Shape::RealImag:
        pairRealImagDispatch(x0, x1, d, m);
        return;
    case Shape::Diagonal:
        for (Index j = 0; j < d; j += 8) {
            const V8 a = load(x0 + j), b = load(x1 + j);
            store(x0 + j, cmul(m.m00, a, swapReIm(a)));
            store(x1 + j, cmul(m.m11, b, swapReIm(b)));
        }
        return;
    case Shape::AntiDiagonal:
        for (Index j = 0; j < d; j += 8) {
            const V8 a = load(x0 + j), b = load(x1 + j);
            store(x0 + j, cmul(m.m01, b, swapReIm(b)));
            store(x1 + j, cmul(m.m10, a, swapReIm(a)));
        }
        return;
    case Shape::PauliX:
        for (Index j = 0; j < d; j += 8) {
            const V8 a = load(x0 + j), b = load(x1 + j);
            store(x0 + j, b);
            store(x1 + j, a);
        }
        return;
    }
}

// A 2x2 gate on qubit 0 or 1 inside groups of 4 amplitudes (one vector):
// out = A·v + B·swap(v) + C·p(v) + D·swap(p(v)), p = partner permutation, per-lane coefficients.
struct LowQubit {
    V8 A, B, C, D;
    int q = 0;
    LowQubit(const Mat2& m, int q_) : q(q_)
    {
        double a[8], b[8], c[8], dd[8];
        for (int d = 0; d < 8; ++d) {
            const int row = ((d / 2) >> q) & 1;
            const Complex own = m.c[row * 3], other = m.c[row == 0 ? 1 : 2];
            const double sign = (d & 1) ? 1.0 : -1.0;
            a[d] = own.real();
            b[d] = sign * own.imag();
            c[d] = other.real();
            dd[d] = sign * other.imag();
        }
        std::memcpy(&A, a, sizeof A);
        std::memcpy(&B, b, sizeof B);
        std::memcpy(&C, c, sizeof C);
        std::memcpy(&D, dd, sizeof D);
    }
};

template <int Q>
static inline void lowQubitGroups(double* __restrict a, Index groups, const LowQubit& k)
{
    for (Index g = 0; g < groups; ++g) {
        const V8 v = load(a + 8 * g);
        V8 p, ps;
        if constexpr (Q == 0) {
            p = shuffle<2, 3, 0, 1, 6, 7, 4, 5>(v);
            ps = shuffle<3, 2, 1, 0, 7, 6, 5, 4>(v);
        } else {
            p = shuffle<4, 5, 6, 7, 0, 1, 2, 3>(v);
            ps = shuffle<5, 4, 7, 6, 1, 0, 3, 2>(v);
        }
        store(a + 8 * g, k.A * v + k.B * swapReIm(v) + k.C * p + k.D * ps);
    }
}

// Multiplies `len` complex numbers by c.
static inline void scaleRun(double* __restrict x, Index len, const CVec& c, Complex cs)
{
    Index j = 0;
    for (; j + 4 <= len; j += 4) {
        const V8 v = load(x + 2 * j);
        store(x + 2 * j, cmul(c, v, swapReIm(v)));
    }
    for (; j < len; ++j) {
        const Complex o = cs * Complex(x[2 * j], x[2 * j + 1]);
        x[2 * j] = o.real();
        x[2 * j + 1] = o.imag();
    }
}

// Prepared kernels (kernels.cpp); same contracts as the public ones in kernels.h.
void apply1(Complex* amp, int numQubits, int q, const Mat2& m, int threads);
void applyControlled(Complex* amp, int numQubits, std::uint64_t controlMask, std::uint64_t controlValue, int target,
                     const Mat2& m, int threads);
void applyDense2(Complex* amp, int numQubits, int q0, int q1, const Complex* m, int threads);
void applyDenseK(Complex* amp, int numQubits, const int* qubits, int k, const Complex* m, int threads);
void applyDiag(Complex* amp, int numQubits, const int* qubits, int k, const Complex* diag, int threads);

} // namespace qpilot::sim::simd

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
