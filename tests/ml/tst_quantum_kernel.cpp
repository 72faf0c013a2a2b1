// tests/ml/tst_quantum_kernel.cpp — the fidelity kernel against analytic overlaps (angle
// encoding: Π cos²((x_i - x'_i)/2)), Gram matrix properties (symmetric, unit diagonal, PSD by
// Cholesky), compute-uncompute shot estimates within binomial error of the exact value and
// seeded, noisy kernels (purity < 1 on the diagonal), kernel-target alignment on a hand
// example, the concentration diagnostic, the tuned precomputed-kernel SVM, progress/cancel,
// and bad input.
#include "core/device/device.h"
#include "core/ml/quantum_kernel.h"
#include "core/noise/noise.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace qpilot;
using namespace qpilot::ml;

Q_DECLARE_METATYPE(qpilot::encoding::Axis)

namespace {

Samples randomSamples(int rows, int features, std::uint64_t seed, double lo = -3, double hi = 3)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(lo, hi);
    Samples s;
    s.rows = rows;
    s.features = features;
    for (int i = 0; i < rows * features; ++i)
        s.x.push_back(u(rng));
    for (int i = 0; i < rows; ++i)
        s.y.push_back(i % 2);
    s.classes = 2;
    return s;
}

encoding::Built featureMap(encoding::Kind kind, int n, encoding::Options o = {})
{
    auto b = encoding::build(kind, n, o);
    if (!b)
        qFatal("%s", b.error().message.c_str());
    return *b;
}

// Cholesky of K + εI succeeds iff K is (numerically) positive semi-definite.
bool choleskyOk(const KernelMatrix& k, double eps)
{
    const int n = k.rows;
    std::vector<double> L(size_t(n) * size_t(n), 0.0);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j <= i; ++j) {
            double s = k.at(i, j) + (i == j ? eps : 0.0);
            for (int p = 0; p < j; ++p)
                s -= L[size_t(i * n + p)] * L[size_t(j * n + p)];
            if (i == j) {
                if (s <= 0)
                    return false;
                L[size_t(i * n + i)] = std::sqrt(s);
            } else {
                L[size_t(i * n + j)] = s / L[size_t(j * n + j)];
            }
        }
    return true;
}

} // namespace

class TestQuantumKernel : public QObject {
    Q_OBJECT
private slots:
    void angleKernelIsProductOfCosines_data();
    void angleKernelIsProductOfCosines();
    void gramIsSymmetricPsdUnitDiagonal_data();
    void gramIsSymmetricPsdUnitDiagonal();
    void computeUncomputeWithinBinomialError();
    void noisyKernels();
    void alignmentHandExample();
    void spreadAndConcentration();
    void svmSeparatesTriviallySeparableData();
    void svmTuningIsSeededAndStratified();
    void progressAndCancel();
    void badInput();
};

void TestQuantumKernel::angleKernelIsProductOfCosines_data()
{
    QTest::addColumn<encoding::Axis>("axis");
    QTest::newRow("ry") << encoding::Axis::Y;
    QTest::newRow("rx") << encoding::Axis::X;
    QTest::newRow("rz") << encoding::Axis::Z;
}

void TestQuantumKernel::angleKernelIsProductOfCosines()
{
    QFETCH(encoding::Axis, axis);
    encoding::Options o;
    o.rotation = axis;
    const auto fm = featureMap(encoding::Kind::Angle, 3, o);
    const Samples a = randomSamples(9, 3, 11), b = randomSamples(5, 3, 12);
    auto gram = gramMatrix(fm, a);
    auto cross = crossKernel(fm, b, a);
    QVERIFY(gram.ok() && cross.ok());
    QCOMPARE(gram->circuitExecutions, 9LL);      // one simulation per sample
    QCOMPARE(cross->circuitExecutions, 5LL + 9); // test + train states
    auto analytic = [&](const Samples& p, int i, const Samples& q, int j) {
        if (axis == encoding::Axis::Z)
            return 1.0; // RZ on |0> only adds a phase
        double k = 1;
        for (int f = 0; f < 3; ++f)
            k *= std::pow(std::cos((p.at(i, f) - q.at(j, f)) / 2), 2);
        return k;
    };
    for (int i = 0; i < 9; ++i)
        for (int j = 0; j < 9; ++j)
            QVERIFY(std::abs(gram->at(i, j) - analytic(a, i, a, j)) < 1e-12);
    for (int i = 0; i < 5; ++i)
        for (int j = 0; j < 9; ++j)
            QVERIFY(std::abs(cross->at(i, j) - analytic(b, i, a, j)) < 1e-12);
}

void TestQuantumKernel::gramIsSymmetricPsdUnitDiagonal_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("features");
    QTest::newRow("zz 3") << int(encoding::Kind::ZZ) << 3;
    QTest::newRow("zz 5") << int(encoding::Kind::ZZ) << 5;
    QTest::newRow("amplitude 6") << int(encoding::Kind::Amplitude) << 6;
    QTest::newRow("dense 4") << int(encoding::Kind::DenseAngle) << 4;
}

void TestQuantumKernel::gramIsSymmetricPsdUnitDiagonal()
{
    QFETCH(int, kind);
    QFETCH(int, features);
    const auto fm = featureMap(static_cast<encoding::Kind>(kind), features);
    const Samples s = randomSamples(24, features, 5);
    auto k = gramMatrix(fm, s);
    QVERIFY(k.ok());
    for (int i = 0; i < s.rows; ++i) {
        QVERIFY(std::abs(k->at(i, i) - 1) < 1e-12);
        for (int j = 0; j < s.rows; ++j) {
            QCOMPARE(k->at(i, j), k->at(j, i));
            QVERIFY(k->at(i, j) >= -1e-12 && k->at(i, j) <= 1 + 1e-12);
        }
    }
    QVERIFY(choleskyOk(*k, 1e-9));
    // A matrix that is not PSD fails the same check (the check can fail).
    KernelMatrix bad = *k;
    bad.values[1] = bad.values[size_t(bad.cols)] = 1.5;
    QVERIFY(!choleskyOk(bad, 1e-9));
}

void TestQuantumKernel::computeUncomputeWithinBinomialError()
{
    const auto fm = featureMap(encoding::Kind::ZZ, 3);
    const Samples s = randomSamples(8, 3, 21, 0, 2);
    auto exact = gramMatrix(fm, s);
    KernelOptions o;
    o.method = KernelMethod::ComputeUncompute;
    o.shots = 4000;
    o.seed = 99;
    auto shots = gramMatrix(fm, s, o);
    QVERIFY(exact.ok() && shots.ok());
    QCOMPARE(shots->circuitExecutions, 8LL * 7 / 2 * 4000);
    int outside2sigma = 0;
    for (int i = 0; i < 8; ++i) {
        QCOMPARE(shots->at(i, i), 1.0);
        for (int j = i + 1; j < 8; ++j) {
            const double k = exact->at(i, j);
            const double sigma = std::sqrt(k * (1 - k) / o.shots) + 1.0 / o.shots;
            QVERIFY2(std::abs(shots->at(i, j) - k) <= 5 * sigma,
                     qPrintable(QString("%1 vs %2").arg(shots->at(i, j)).arg(k)));
            outside2sigma += std::abs(shots->at(i, j) - k) > 2 * sigma;
            QCOMPARE(shots->at(j, i), shots->at(i, j));
        }
    }
    QVERIFY(outside2sigma <= 6); // of 28 entries; ~1.3 expected
    // Same seed: identical; another seed: different estimates.
    auto again = gramMatrix(fm, s, o);
    QVERIFY(again->values == shots->values);
    o.threads = 1; // any thread count gives the same draws
    auto single = gramMatrix(fm, s, o);
    QVERIFY(single->values == shots->values);
    o.threads = 0;
    o.seed = 100;
    auto other = gramMatrix(fm, s, o);
    QVERIFY(other->values != shots->values);
    // Cross kernel: shots per (test, train) pair.
    auto cross = crossKernel(fm, randomSamples(3, 3, 7, 0, 2), s, o);
    QVERIFY(cross.ok());
    QCOMPARE(cross->circuitExecutions, 3LL * 8 * 4000);
}

void TestQuantumKernel::noisyKernels()
{
    const auto devices = builtinDevices();
    QVERIFY(!devices.empty());
    auto noise = NoiseModel::fromDevice(devices.front());
    QVERIFY(noise.ok());
    const auto fm = featureMap(encoding::Kind::ZZ, 2);
    const Samples s = randomSamples(5, 2, 3);
    KernelOptions o;
    o.noise = &noise.value();
    auto noisy = gramMatrix(fm, s, o);
    auto ideal = gramMatrix(fm, s);
    QVERIFY2(noisy.ok(), noisy ? "" : noisy.error().message.c_str());
    double maxDiff = 0;
    for (int i = 0; i < 5; ++i) {
        QVERIFY(noisy->at(i, i) < 1 - 1e-6); // purity Tr ρ² < 1
        QVERIFY(noisy->at(i, i) > 0.5);
        for (int j = 0; j < 5; ++j) {
            QCOMPARE(noisy->at(i, j), noisy->at(j, i));
            maxDiff = std::max(maxDiff, std::abs(noisy->at(i, j) - ideal->at(i, j)));
        }
    }
    QVERIFY(maxDiff > 1e-6 && maxDiff < 0.2);
    o.method = KernelMethod::ComputeUncompute;
    o.shots = 200000;
    auto cu = gramMatrix(fm, s, o);
    QVERIFY(cu.ok());
    for (int i = 0; i < 5; ++i)
        QVERIFY(cu->at(i, i) < 1.0); // noisy U†U no longer returns to |00> with certainty
}

void TestQuantumKernel::alignmentHandExample()
{
    KernelMatrix k;
    k.rows = k.cols = 3;
    k.values = {1, 0.5, 0, 0.5, 1, 0.2, 0, 0.2, 1};
    // Y = [[1,1,-1],[1,1,-1],[-1,-1,1]]: <K,Y> = 3 + 2*0.5 - 2*0 - 2*0.2 = 3.6; |K| = sqrt(3.58); |Y| = 3.
    const double expected = 3.6 / (std::sqrt(3.58) * 3);
    QVERIFY(std::abs(kernelTargetAlignment(k, {0, 0, 1}) - expected) < 1e-12);
    // The ideal kernel of the labels aligns perfectly.
    KernelMatrix ideal;
    ideal.rows = ideal.cols = 3;
    ideal.values = {1, 1, -1, 1, 1, -1, -1, -1, 1};
    QVERIFY(std::abs(kernelTargetAlignment(ideal, {0, 0, 1}) - 1) < 1e-12);
}

void TestQuantumKernel::spreadAndConcentration()
{
    KernelMatrix k;
    k.rows = k.cols = 3;
    k.values = {1, 0.5, 0, 0.5, 1, 0.2, 0, 0.2, 1};
    KernelSpread s = offDiagonalSpread(k);
    QVERIFY(std::abs(s.mean - 0.7 / 3) < 1e-12);
    const double var = (0.25 + 0 + 0.04) / 3 - std::pow(0.7 / 3, 2);
    QVERIFY(std::abs(s.variance - var) < 1e-12);
    QCOMPARE(s.min, 0.0);
    QCOMPARE(s.max, 0.5);
    QVERIFY(!s.concentrated);
    QVERIFY(s.warning.empty());
    // Many qubits, wide random angles: a ZZ kernel concentrates near 2^-n.
    const auto fm = featureMap(encoding::Kind::ZZ, 10);
    Samples many = randomSamples(12, 10, 8, -3, 3);
    auto gram = gramMatrix(fm, many);
    QVERIFY(gram.ok());
    s = offDiagonalSpread(*gram);
    QVERIFY2(s.concentrated, qPrintable(QString::number(s.variance)));
    QVERIFY(s.mean < 0.01);
    QVERIFY(s.warning.find("concentrated") != std::string::npos);
}

void TestQuantumKernel::svmSeparatesTriviallySeparableData()
{
    // One RY-encoded feature, classes near 0, pi/2... : K = cos²(Δ/2) is ~1 within a class.
    for (int classes : {2, 3}) {
        std::mt19937_64 rng(3);
        std::normal_distribution<double> noise(0, 0.1);
        auto make = [&](int rows) {
            Samples s;
            s.rows = rows;
            s.features = 1;
            s.classes = classes;
            for (int i = 0; i < rows; ++i) {
                const int c = i % classes;
                s.y.push_back(c);
                s.x.push_back(c * 3.0 / (classes - 1) + noise(rng));
            }
            return s;
        };
        const Samples train = make(30), test = make(15);
        const auto fm = featureMap(encoding::Kind::Angle, 1);
        auto model = trainQuantumKernel(train, fm);
        QVERIFY2(model.ok(), model ? "" : model.error().message.c_str());
        qInfo("classes %d: alignment %.3f, best C %g, cv %.3f", classes, model->alignment, model->tuning.bestC, model->tuning.bestAccuracy);
        QVERIFY(model->alignment > (classes == 2 ? 0.6 : 0.1));
        QCOMPARE(model->tuning.scores.size(), size_t(6));
        QVERIFY(model->tuning.bestAccuracy >= 0.95);
        long long exec = 0;
        auto pred = predictQuantumKernel(*model, test, &exec);
        QVERIFY(pred.ok());
        QCOMPARE(exec, 15LL + 30);
        int correct = 0;
        for (int i = 0; i < test.rows; ++i)
            correct += pred.value()[size_t(i)] == test.y[size_t(i)];
        QCOMPARE(correct, test.rows);
        QVERIFY(model->svm.supportVectors() > 0);
    }
}

void TestQuantumKernel::svmTuningIsSeededAndStratified()
{
    const auto fm = featureMap(encoding::Kind::ZZ, 2);
    Samples s = randomSamples(30, 2, 4, 0, 3);
    for (int i = 0; i < s.rows; ++i)
        s.y[size_t(i)] = s.at(i, 0) > 1.5 ? 1 : 0;
    auto gram = gramMatrix(fm, s);
    QVERIFY(gram.ok());
    SvmTuning t;
    t.seed = 5;
    auto a = tuneSvmC(*gram, s.y, t);
    auto b = tuneSvmC(*gram, s.y, t);
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a->scores, b->scores);
    QCOMPARE(a->bestC, b->bestC);
    for (const auto& [C, acc] : a->scores) {
        QVERIFY(acc >= 0 && acc <= 1);
        QVERIFY(acc <= a->bestAccuracy);
    }
}

void TestQuantumKernel::progressAndCancel()
{
    const auto fm = featureMap(encoding::Kind::ZZ, 3);
    const Samples s = randomSamples(40, 3, 2);
    std::vector<double> seen;
    KernelOptions o;
    o.progress = [&](double f) { seen.push_back(f); };
    auto k = gramMatrix(fm, s, o);
    QVERIFY(k.ok());
    QVERIFY(!seen.empty());
    QVERIFY(std::is_sorted(seen.begin(), seen.end()));
    QVERIFY(std::abs(seen.back() - 1) < 1e-12);
    std::atomic<bool> cancel{false};
    o.cancel = &cancel;
    o.progress = [&](double f) { if (f > 0.3) cancel = true; };
    auto c = gramMatrix(fm, s, o);
    QVERIFY(!c.ok());
    QCOMPARE(QString::fromStdString(c.error().message), QString("cancelled"));
}

void TestQuantumKernel::badInput()
{
    const auto fm = featureMap(encoding::Kind::ZZ, 3);
    auto k = gramMatrix(fm, randomSamples(4, 2, 1));
    QVERIFY(!k.ok());
    QVERIFY(QString::fromStdString(k.error().message).contains("built for 3"));
    auto ansatz = featureMap(encoding::Kind::RealAmplitudes, 3);
    QVERIFY(!gramMatrix(ansatz, randomSamples(4, 3, 1)).ok());
    auto reupload = featureMap(encoding::Kind::Reupload, 3);
    QVERIFY(!gramMatrix(reupload, randomSamples(4, 3, 1)).ok());
    Samples one = randomSamples(6, 3, 1);
    for (int& y : one.y)
        y = 0;
    auto m = trainQuantumKernel(one, fm);
    QVERIFY(!m.ok());
    QVERIFY(QString::fromStdString(m.error().message).contains("single class"));
    KernelOptions o;
    o.method = KernelMethod::ComputeUncompute;
    o.shots = 0;
    QVERIFY(!gramMatrix(fm, randomSamples(4, 3, 1), o).ok());
    auto basis = featureMap(encoding::Kind::Basis, 3);
    auto b = gramMatrix(basis, randomSamples(4, 3, 1));
    QVERIFY(!b.ok());
    QVERIFY(QString::fromStdString(b.error().message).contains("row 0"));
}

QTEST_APPLESS_MAIN(TestQuantumKernel)
#include "tst_quantum_kernel.moc"
