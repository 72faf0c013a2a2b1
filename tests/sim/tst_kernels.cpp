// tests/sim/tst_kernels.cpp — every state-vector kernel, the tiled executor and the fused
// paths against slow references: dense 2^n x 2^n matrices (support/reference.h) up to 8
// qubits, and a plain index loop (O(2^n · 2^k)) beyond, where tiles take over (n > 11).
// Every check runs for 1 and 2 threads, to 1e-10.
#include "core/sim/kernels.h"
#include "core/sim/program.h"
#include "core/sim/simulator.h"
#include "core/sim/tiles.h"
#include "support/random_circuit.h"
#include "support/reference.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <random>

using namespace qpilot;
using namespace qpilot::sim;

namespace {

std::vector<Complex> randomVector(std::mt19937_64& rng, size_t size)
{
    std::normal_distribution<double> d;
    std::vector<Complex> v(size);
    for (auto& x : v)
        x = Complex(d(rng), d(rng));
    return v;
}

std::vector<int> randomQubits(std::mt19937_64& rng, int n, int k)
{
    std::vector<int> all(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i)
        all[size_t(i)] = i;
    std::shuffle(all.begin(), all.end(), rng);
    all.resize(size_t(k));
    return all;
}

// Plain reference: out[i] = Σ_c m[sub(i)][c] in[i with the operand bits replaced by c].
std::vector<Complex> naiveApply(const std::vector<Complex>& in, const std::vector<int>& qubits, const Complex* m)
{
    const int k = int(qubits.size()), dim = 1 << k;
    std::vector<Complex> out(in.size());
    size_t mask = 0;
    for (int q : qubits)
        mask |= size_t(1) << q;
    for (size_t i = 0; i < in.size(); ++i) {
        int r = 0;
        for (int j = 0; j < k; ++j)
            if (i >> qubits[size_t(j)] & 1)
                r |= 1 << j;
        Complex s = 0;
        for (int c = 0; c < dim; ++c) {
            size_t src = i & ~mask;
            for (int j = 0; j < k; ++j)
                if (c >> j & 1)
                    src |= size_t(1) << qubits[size_t(j)];
            s += m[r * dim + c] * in[src];
        }
        out[i] = s;
    }
    return out;
}

std::vector<Complex> denseApply(const std::vector<Complex>& in, const std::vector<int>& qubits, const Complex* m, int n)
{
    const int k = int(qubits.size());
    const Matrix g{k, std::vector<Complex>(m, m + (size_t(1) << (2 * k)))};
    const Matrix full = test::embed(g, qubits, n);
    std::vector<Complex> out(in.size());
    for (int r = 0; r < full.dim(); ++r) {
        Complex s = 0;
        for (int c = 0; c < full.dim(); ++c)
            s += full.at(r, c) * in[size_t(c)];
        out[size_t(r)] = s;
    }
    return out;
}

double maxDiff(const std::vector<Complex>& a, const std::vector<Complex>& b)
{
    if (a.size() != b.size())
        return INFINITY;
    double d = 0, scale = 1e-300;
    for (size_t i = 0; i < a.size(); ++i) {
        d = std::max(d, std::abs(a[i] - b[i]));
        scale = std::max(scale, std::abs(b[i]));
    }
    return d / std::max(1.0, scale);
}

enum class KernelKind { Matrix1, Matrix2, MatrixK, Diagonal, Controlled1 };

// Applies one kernel of the given kind with a random matrix; returns the full matrix used.
std::vector<Complex> applyRandomKernel(KernelKind kind, std::vector<Complex>& state, int n, const std::vector<int>& qubits,
                                       std::mt19937_64& rng, int threads)
{
    const int k = int(qubits.size()), dim = 1 << k;
    std::vector<Complex> m = randomVector(rng, size_t(dim) * size_t(dim));
    switch (kind) {
    case KernelKind::Matrix1:
        applyMatrix1(state.data(), n, qubits[0], m.data(), threads);
        break;
    case KernelKind::Matrix2:
        applyMatrix2(state.data(), n, qubits[0], qubits[1], m.data(), threads);
        break;
    case KernelKind::MatrixK:
        applyMatrixK(state.data(), n, qubits.data(), k, m.data(), threads);
        break;
    case KernelKind::Diagonal: {
        std::vector<Complex> diag(static_cast<size_t>(dim));
        for (int r = 0; r < dim; ++r)
            for (int c = 0; c < dim; ++c)
                if (r != c)
                    m[size_t(r * dim + c)] = 0;
                else
                    diag[size_t(r)] = m[size_t(r * dim + c)];
        applyDiagonal(state.data(), n, qubits.data(), k, diag.data(), threads);
        break;
    }
    case KernelKind::Controlled1: {
        // Target qubits[0]; controls qubits[1..] with random values.
        std::uint64_t mask = 0, value = 0;
        int valueLocal = 0;
        for (int j = 1; j < k; ++j) {
            mask |= std::uint64_t(1) << qubits[size_t(j)];
            if (rng() & 1) {
                value |= std::uint64_t(1) << qubits[size_t(j)];
                valueLocal |= 1 << j;
            }
        }
        const std::vector<Complex> u = randomVector(rng, 4);
        std::fill(m.begin(), m.end(), Complex(0));
        for (int r = 0; r < dim; ++r)
            m[size_t(r * dim + r)] = 1;
        for (int r = 0; r < 2; ++r)
            for (int c = 0; c < 2; ++c)
                m[size_t((valueLocal | r) * dim + (valueLocal | c))] = u[size_t(2 * r + c)];
        applyControlled1(state.data(), n, mask, value, qubits[0], u.data(), threads);
        break;
    }
    }
    return m;
}

std::vector<Complex> referenceState(const Circuit& c)
{
    // Π embed(G_i) |0>, dense matrix-vector products.
    const int n = c.numQubits();
    std::vector<Complex> psi(size_t(1) << n);
    psi[0] = 1;
    for (const Operation& o : c.ops) {
        const auto* g = std::get_if<GateOp>(&o.op);
        if (!g)
            continue;
        const Matrix m = gateOpMatrix(*g, c).value();
        if (g->qubits.empty()) { // global phase
            for (auto& a : psi)
                a *= m.data[0];
            continue;
        }
        psi = denseApply(psi, g->qubits, m.data.data(), n);
    }
    return psi;
}

std::vector<Complex> naiveState(const Circuit& c)
{
    const int n = c.numQubits();
    std::vector<Complex> psi(size_t(1) << n);
    psi[0] = 1;
    for (const Operation& o : c.ops) {
        const auto* g = std::get_if<GateOp>(&o.op);
        if (!g)
            continue;
        const Matrix m = gateOpMatrix(*g, c).value();
        if (g->qubits.empty()) {
            for (auto& a : psi)
                a *= m.data[0];
            continue;
        }
        psi = naiveApply(psi, g->qubits, m.data.data());
    }
    return psi;
}

std::vector<Complex> simulated(const Circuit& c, int fusion, int threads)
{
    SimOptions o;
    o.wantStatevector = true;
    o.fusionMaxQubits = fusion;
    o.threads = threads;
    auto r = simulate(c, o);
    if (!r)
        qFatal("simulate: %s", r.error().message.c_str());
    return r->statevector;
}

} // namespace

Q_DECLARE_METATYPE(KernelKind)

class TestKernels : public QObject {
    Q_OBJECT
private slots:
    // Every kernel, every qubit choice drawn at random, small states against dense matrices
    // and large ones (tiled paths, qubits 0-2 included) against the index loop.
    void kernelMatchesReference_data()
    {
        QTest::addColumn<KernelKind>("kind");
        QTest::addColumn<int>("k");
        QTest::addColumn<int>("qubits");
        const struct {
            KernelKind kind;
            const char* name;
            int kMin, kMax;
        } kinds[] = {{KernelKind::Matrix1, "matrix1", 1, 1},   {KernelKind::Matrix2, "matrix2", 2, 2},
                     {KernelKind::MatrixK, "matrixK", 1, 5},   {KernelKind::Diagonal, "diagonal", 1, 5},
                     {KernelKind::Controlled1, "controlled1", 1, 4}};
        for (const auto& kd : kinds)
            for (int k = kd.kMin; k <= kd.kMax; ++k)
                for (int n : {1, 2, 3, 5, 8, 12, 13, 17}) // 17: parallel regions (>= 2^16 amplitudes)
                    if (k <= n)
                        QTest::addRow("%s k=%d n=%d", kd.name, k, n) << kd.kind << k << n;
    }
    void kernelMatchesReference()
    {
        QFETCH(KernelKind, kind);
        QFETCH(int, k);
        QFETCH(int, qubits);
        const int n = qubits;
        std::mt19937_64 rng(std::uint64_t(1000 * n + 10 * k + int(kind)));
        const int trials = n <= 8 ? 12 : n <= 13 ? 6 : 2;
        for (int t = 0; t < trials; ++t) {
            std::vector<int> qs = randomQubits(rng, n, k);
            if (t == 0 && n >= k) // always include the lowest qubits once
                for (int j = 0; j < k; ++j)
                    qs[size_t(j)] = j;
            const std::vector<Complex> start = randomVector(rng, size_t(1) << n);
            for (int threads : {1, 2}) {
                std::vector<Complex> state = start;
                std::mt19937_64 matrixRng{rng()};
                const std::vector<Complex> m = applyRandomKernel(kind, state, n, qs, matrixRng, threads);
                const std::vector<Complex> expected = n <= 8 ? denseApply(start, qs, m.data(), n) : naiveApply(start, qs, m.data());
                const double d = maxDiff(state, expected);
                QVERIFY2(d < 1e-10, qPrintable(QString("trial %1 threads %2: max diff %3").arg(t).arg(threads).arg(d)));
            }
        }
    }

    void reductions_data()
    {
        QTest::addColumn<int>("qubits");
        for (int n : {1, 2, 4, 9, 14, 17})
            QTest::addRow("n=%d", n) << n;
    }
    void reductions()
    {
        QFETCH(int, qubits);
        std::mt19937_64 rng{std::uint64_t(qubits)};
        std::vector<Complex> psi = randomVector(rng, size_t(1) << qubits);
        double norm = 0;
        for (const Complex& a : psi)
            norm += std::norm(a);
        for (int threads : {1, 2}) {
            const double ns = normSquared(psi.data(), qubits, threads);
            QVERIFY(std::abs(ns - norm) < 1e-10 * norm);
            QCOMPARE(ns, normSquared(psi.data(), qubits, 1)); // identical for any thread count
            for (int q = 0; q < qubits; ++q) {
                double p1 = 0;
                for (size_t i = 0; i < psi.size(); ++i)
                    if (i >> q & 1)
                        p1 += std::norm(psi[i]);
                const double got = probabilityOfOne(psi.data(), qubits, q, threads);
                QVERIFY(std::abs(got - p1) < 1e-10 * norm);
                QCOMPARE(got, probabilityOfOne(psi.data(), qubits, q, 1));
                for (int outcome : {0, 1}) {
                    std::vector<Complex> c = psi;
                    const double p = outcome ? p1 : norm - p1;
                    collapse(c.data(), qubits, q, outcome, p, threads);
                    for (size_t i = 0; i < c.size(); ++i) {
                        const Complex expected = int(i >> q & 1) == outcome ? psi[i] / std::sqrt(p) : Complex(0);
                        QVERIFY(std::abs(c[i] - expected) < 1e-10 * std::max(1.0, std::abs(expected)));
                    }
                }
            }
        }
    }

    // A sequence of kernels through the tiled executor equals the kernels one by one.
    void tiledSequence_data()
    {
        QTest::addColumn<int>("qubits");
        QTest::addColumn<int>("span");
        for (int n : {12, 13, 14, 17})
            for (int span : {1, 2, 3, 4, 5, 6})
                if (n < 17 || span == 3 || span == 6) // 17: parallel tiles, kept short
                    QTest::addRow("n=%d span=%d", n, span) << n << span;
    }
    void tiledSequence()
    {
        QFETCH(int, qubits);
        QFETCH(int, span);
        const int n = qubits;
        std::mt19937_64 rng(std::uint64_t(77 * n + span));
        for (int trial = 0; trial < 6; ++trial) {
            std::vector<int> pool = randomQubits(rng, n, n);
            if (trial % 3 == 0) // qubits 0..2 in the block: the buffer's bit exchange
                std::stable_partition(pool.begin(), pool.end(), [](int q) { return q < 3; });
            pool.resize(size_t(span));
            std::vector<detail::GateKernel> kernels;
            std::vector<Complex> expected = randomVector(rng, size_t(1) << n);
            const std::vector<Complex> start = expected;
            for (int g = 0; g < 8; ++g) {
                std::shuffle(pool.begin(), pool.end(), rng);
                const int k = 1 + int(rng() % std::uint64_t(std::min(span, 3)));
                const std::vector<int> qs(pool.begin(), pool.begin() + k);
                std::vector<Complex> m = randomVector(rng, size_t(1) << (2 * k));
                const int shape = int(rng() % 3);
                const int dim = 1 << k;
                if (shape == 1) { // diagonal
                    for (int r = 0; r < dim; ++r)
                        for (int c = 0; c < dim; ++c)
                            if (r != c)
                                m[size_t(r * dim + c)] = 0;
                } else if (shape == 2 && k > 1) { // controlled on all operands but the first
                    const std::vector<Complex> u = randomVector(rng, 4);
                    std::fill(m.begin(), m.end(), Complex(0));
                    for (int r = 0; r < dim; ++r)
                        m[size_t(r * dim + r)] = 1;
                    m[size_t((dim - 2) * dim + dim - 2)] = u[0];
                    m[size_t((dim - 2) * dim + dim - 1)] = u[1];
                    m[size_t((dim - 1) * dim + dim - 2)] = u[2];
                    m[size_t((dim - 1) * dim + dim - 1)] = u[3];
                }
                kernels.push_back(detail::classifyGate(m.data(), qs.data(), k));
                expected = naiveApply(expected, qs, m.data());
            }
            for (int threads : {1, 2}) {
                std::vector<Complex> state = start;
                detail::applyTiled(state.data(), n, kernels.data(), int(kernels.size()), threads);
                const double d = maxDiff(state, expected);
                QVERIFY2(d < 1e-10, qPrintable(QString("trial %1 threads %2: max diff %3").arg(trial).arg(threads).arg(d)));
            }
        }
    }

    // Whole circuits (every gate of the table, with modifiers): every fusion size equals the
    // dense reference.
    void circuitsMatchDenseReference_data()
    {
        QTest::addColumn<int>("qubits");
        QTest::addColumn<int>("seed");
        for (int n = 1; n <= 8; ++n)
            for (int seed = 1; seed <= 3; ++seed)
                QTest::addRow("n=%d seed=%d", n, seed) << n << seed;
    }
    void circuitsMatchDenseReference()
    {
        QFETCH(int, qubits);
        QFETCH(int, seed);
        test::RandomCircuitOptions ro;
        ro.qubits = qubits;
        ro.gates = 40;
        ro.modifiers = seed % 2 == 1;
        ro.globalPhase = seed == 3;
        const Circuit c = test::randomCircuit(std::uint64_t(seed * 131 + qubits), ro);
        const std::vector<Complex> expected = referenceState(c);
        for (int fusion : {0, 2, 3, 4, 5, 6})
            for (int threads : {1, 2}) {
                const double d = maxDiff(simulated(c, fusion, threads), expected);
                QVERIFY2(d < 1e-10, qPrintable(QString("fusion %1 threads %2: max diff %3").arg(fusion).arg(threads).arg(d)));
            }
    }

    // Beyond the tile size the fused blocks run tiled: same answers as the index loop.
    void largeCircuitsMatchNaive_data()
    {
        QTest::addColumn<int>("qubits");
        QTest::addColumn<int>("seed");
        for (int n : {12, 13})
            for (int seed = 1; seed <= 2; ++seed)
                QTest::addRow("n=%d seed=%d", n, seed) << n << seed;
    }
    void largeCircuitsMatchNaive()
    {
        QFETCH(int, qubits);
        QFETCH(int, seed);
        test::RandomCircuitOptions ro;
        ro.qubits = qubits;
        ro.gates = 60;
        ro.modifiers = seed == 2;
        const Circuit c = test::randomCircuit(std::uint64_t(seed * 17 + qubits), ro);
        const std::vector<Complex> expected = naiveState(c);
        for (int fusion : {0, 3, 5})
            for (int threads : {1, 2}) {
                const double d = maxDiff(simulated(c, fusion, threads), expected);
                QVERIFY2(d < 1e-10, qPrintable(QString("fusion %1 threads %2: max diff %3").arg(fusion).arg(threads).arg(d)));
            }
    }

    // fuseProgram's dense blocks (used by the density-matrix engine) multiply out correctly,
    // keep blocks within the size limit and remap branch targets.
    void fuseProgramBlocks_data()
    {
        QTest::addColumn<int>("maxQubits");
        for (int k = 1; k <= 6; ++k)
            QTest::addRow("k=%d", k) << k;
    }
    void fuseProgramBlocks()
    {
        QFETCH(int, maxQubits);
        test::RandomCircuitOptions ro;
        ro.qubits = 7;
        ro.gates = 50;
        ro.conditions = true;
        const Circuit c = test::randomCircuit(99, ro);
        const Program p = compileProgram(c).value();
        const Program f = fuseProgram(p, maxQubits);
        int gates = 0;
        for (const Step& s : f.steps)
            if (const auto* u = std::get_if<UnitaryStep>(&s)) {
                QVERIFY(int(u->qubits.size()) <= std::max(maxQubits, 3));
                gates += u->sourceGates;
            }
        int original = 0;
        for (const Step& s : p.steps)
            if (const auto* u = std::get_if<UnitaryStep>(&s))
                original += u->sourceGates;
        QCOMPARE(gates, original);
        // Straight-line stretches: compare on a random state between non-unitary steps, by
        // running both programs' unitary steps with the branches all taken.
        std::mt19937_64 rng(5);
        const std::vector<Complex> start = randomVector(rng, 1 << 7);
        auto run = [&](const Program& prog) {
            std::vector<Complex> s = start;
            for (const Step& st : prog.steps)
                if (const auto* u = std::get_if<UnitaryStep>(&st))
                    applyMatrixK(s.data(), 7, u->qubits.data(), int(u->qubits.size()), u->matrix.data.data(), 1);
            return s;
        };
        QVERIFY(maxDiff(run(f), run(p)) < 1e-10);
        for (const Step& s : f.steps)
            if (const auto* b = std::get_if<BranchStep>(&s))
                QVERIFY(b->target >= 0 && b->target <= int(f.steps.size()));
    }
};

QTEST_GUILESS_MAIN(TestKernels)
#include "tst_kernels.moc"
