// tests/ml/tst_generators.cpp — the synthetic datasets: shapes, class balance, determinism
// from the seed, and each one's defining property (moons on their half circles, circles on
// their radii, parity labels, and ad hoc labels equal to the sign of the parity expectation
// with |value| ≥ gap, recomputed here with dense Kronecker-product matrices).
#include "core/ml/generators.h"

#include <QtTest>

#include <cmath>
#include <complex>

using namespace qpilot::ml;

namespace {

int countClass(const Samples& s, int c) { return static_cast<int>(std::count(s.y.begin(), s.y.end(), c)); }

using Matrix = std::vector<std::vector<std::complex<double>>>;

Matrix multiply(const Matrix& a, const Matrix& b)
{
    const std::size_t n = a.size(), m = b[0].size(), k = b.size();
    Matrix c(n, std::vector<std::complex<double>>(m));
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < m; ++j)
            for (std::size_t t = 0; t < k; ++t)
                c[i][j] += a[i][t] * b[t][j];
    return c;
}

Matrix kron(const Matrix& a, const Matrix& b)
{
    const std::size_t ra = a.size(), rb = b.size();
    Matrix c(ra * rb, std::vector<std::complex<double>>(ra * rb));
    for (std::size_t i = 0; i < ra; ++i)
        for (std::size_t j = 0; j < ra; ++j)
            for (std::size_t k = 0; k < rb; ++k)
                for (std::size_t l = 0; l < rb; ++l)
                    c[i * rb + k][j * rb + l] = a[i][j] * b[k][l];
    return c;
}

// ⟨Φ(x)|V† Z⊗…⊗Z V|Φ(x)⟩ with dense matrices: H⊗n by Kronecker products (qubit 0 the least
// significant factor), U(x) = exp(i·diag φ), all applied as matrix products.
double denseAdHocValue(const std::vector<double>& x, const std::vector<std::complex<double>>& v)
{
    const int n = static_cast<int>(x.size());
    const int dim = 1 << n;
    const double r = 1 / std::sqrt(2.0);
    const Matrix h1 = {{r, r}, {r, -r}};
    Matrix h = {{1.0}};
    for (int q = 0; q < n; ++q)
        h = kron(h1, h);
    Matrix u(dim, std::vector<std::complex<double>>(dim));
    Matrix parity = u;
    for (int b = 0; b < dim; ++b) {
        double phi = 0;
        int ones = 0;
        for (int i = 0; i < n; ++i) {
            const double zi = ((b >> i) & 1) ? -1 : 1;
            ones += (b >> i) & 1;
            phi += x[i] * zi;
            for (int j = i + 1; j < n; ++j)
                phi += (M_PI - x[i]) * (M_PI - x[j]) * zi * (((b >> j) & 1) ? -1 : 1);
        }
        u[b][b] = std::exp(std::complex<double>(0, phi));
        parity[b][b] = ones % 2 ? -1 : 1;
    }
    Matrix zero(dim, std::vector<std::complex<double>>(1));
    zero[0][0] = 1;
    Matrix vm(dim, std::vector<std::complex<double>>(dim));
    for (int i = 0; i < dim; ++i)
        for (int j = 0; j < dim; ++j)
            vm[i][j] = v[static_cast<std::size_t>(i * dim + j)];
    const Matrix w = multiply(vm, multiply(u, multiply(h, multiply(u, multiply(h, zero)))));
    const Matrix pw = multiply(parity, w);
    std::complex<double> value = 0;
    for (int i = 0; i < dim; ++i)
        value += std::conj(w[i][0]) * pw[i][0];
    return value.real();
}

} // namespace

class TestGenerators : public QObject {
    Q_OBJECT

private slots:
    void moonsLieOnTheirHalfCircles()
    {
        const double noise = 0.05;
        const Dataset d = makeMoons(201, noise, 9).value();
        const Samples& s = d.samples;
        QCOMPARE(s.rows, 201);
        QCOMPARE(s.features, 2);
        QCOMPARE(countClass(s, 0), 101);
        QCOMPARE(countClass(s, 1), 100);
        for (int r = 0; r < s.rows; ++r) {
            const double cx = s.y[r] == 0 ? 0.0 : 1.0, cy = s.y[r] == 0 ? 0.0 : 0.5;
            const double radius = std::hypot(s.at(r, 0) - cx, s.at(r, 1) - cy);
            QVERIFY(std::abs(radius - 1) < 6 * noise);
            // Upper half circle for class 0, lower for class 1 (within the noise).
            QVERIFY(s.y[r] == 0 ? s.at(r, 1) > -6 * noise : s.at(r, 1) < 0.5 + 6 * noise);
        }
        QCOMPARE(makeMoons(201, noise, 9).value().fingerprint, d.fingerprint);
        QVERIFY(makeMoons(201, noise, 10).value().fingerprint != d.fingerprint);
        // Without noise the points are exactly on the circles.
        const Samples exact = makeMoons(20, 0, 1).value().samples;
        for (int r = 0; r < exact.rows; ++r)
            QVERIFY(std::abs(std::hypot(exact.at(r, 0) - (exact.y[r] ? 1 : 0), exact.at(r, 1) - (exact.y[r] ? 0.5 : 0)) - 1) < 1e-12);
    }

    void circlesHaveTheirRadii()
    {
        const Samples s = makeCircles(100, 0, 0.3, 4).value().samples;
        QCOMPARE(countClass(s, 0), 50);
        for (int r = 0; r < s.rows; ++r)
            QVERIFY(std::abs(std::hypot(s.at(r, 0), s.at(r, 1)) - (s.y[r] == 0 ? 1.0 : 0.3)) < 1e-12);
        QVERIFY(!makeCircles(100, 0, 1.5, 4).ok());
    }

    void parityLabels_data()
    {
        QTest::addColumn<int>("bits");
        QTest::newRow("xor") << 2;
        QTest::newRow("3 bits") << 3;
        QTest::newRow("5 bits") << 5;
    }
    void parityLabels()
    {
        QFETCH(int, bits);
        const Samples s = makeParity(64, bits, 0.1, 3).value().samples;
        QCOMPARE(s.features, bits);
        QCOMPARE(countClass(s, 0), 32);
        for (int r = 0; r < s.rows; ++r) {
            int parity = 0;
            for (int b = 0; b < bits; ++b)
                parity ^= s.at(r, b) > 0 ? 1 : 0; // noise 0.1 ≪ 1: the sign is the bit
            QCOMPARE(parity, s.y[r]);
        }
    }

    void adHocUnitaryIsUnitary()
    {
        const auto v = adHocUnitary(3, 5);
        for (int i = 0; i < 8; ++i)
            for (int j = 0; j < 8; ++j) {
                std::complex<double> dot = 0; // (V†V)_ij
                for (int k = 0; k < 8; ++k)
                    dot += std::conj(v[static_cast<std::size_t>(k * 8 + i)]) * v[static_cast<std::size_t>(k * 8 + j)];
                QVERIFY(std::abs(dot - (i == j ? 1.0 : 0.0)) < 1e-12);
            }
        QVERIFY(adHocUnitary(3, 6) != v);
        QCOMPARE(adHocUnitary(3, 5), v);
    }

    void adHocLabelsAreParitySignsBeyondTheGap_data()
    {
        QTest::addColumn<int>("qubits");
        QTest::addColumn<double>("gap");
        QTest::newRow("2 qubits, gap 0.3") << 2 << 0.3;
        QTest::newRow("3 qubits, gap 0.1") << 3 << 0.1;
    }
    void adHocLabelsAreParitySignsBeyondTheGap()
    {
        QFETCH(int, qubits);
        QFETCH(double, gap);
        const std::uint64_t seed = 2024;
        const Dataset d = makeAdHoc(40, qubits, gap, seed).value();
        const Samples& s = d.samples;
        QCOMPARE(s.rows, 40);
        QCOMPARE(s.features, qubits);
        QCOMPARE(countClass(s, 0), 20);
        const auto v = adHocUnitary(qubits, seed);
        for (int r = 0; r < s.rows; ++r) {
            const std::vector<double> x(s.row(r), s.row(r) + qubits);
            for (double xi : x)
                QVERIFY(xi >= 0 && xi < 2 * M_PI);
            const double f = denseAdHocValue(x, v);
            QVERIFY(std::abs(f - adHocParityExpectation(x, v)) < 1e-10);
            QVERIFY2(std::abs(f) >= gap, qPrintable(QString::number(f)));
            QCOMPARE(s.y[r], f > 0 ? 0 : 1);
        }
        QCOMPARE(makeAdHoc(40, qubits, gap, seed).value().fingerprint, d.fingerprint);
    }

    void specsAndErrors()
    {
        const Dataset d = generateDataset("moons:rows=50,noise=0", 1).value();
        QCOMPARE(d.samples.rows, 50);
        QCOMPARE(generateDataset("adhoc:rows=10", 1).value().samples.features, 2);
        QCOMPARE(generateDataset("parity:bits=4,rows=16", 1).value().samples.features, 4);
        QVERIFY(!generateDataset("spirals", 1).ok());
        const auto badKey = generateDataset("moons:width=2", 1);
        QVERIFY(!badKey.ok());
        QVERIFY(badKey.error().message.find("no parameter 'width'") != std::string::npos);
        QVERIFY(!generateDataset("moons:noise=abc", 1).ok());
        QVERIFY(!makeAdHoc(10, 9, 0.3, 1).ok());
        QVERIFY(!makeParity(2, 2, 0, 1).ok());
        QCOMPARE(generators().size(), std::size_t(5));
    }
};

QTEST_GUILESS_MAIN(TestGenerators)
#include "tst_generators.moc"
