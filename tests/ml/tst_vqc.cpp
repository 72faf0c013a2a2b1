// tests/ml/tst_vqc.cpp — the variational quantum classifier: parameter-shift gradients equal
// central finite differences (both readouts, multi-class softmax, re-uploading), circuit
// execution counts equal their formulas (rows·(2P+1) per gradient: P shifts up and down plus
// the loss itself), training lowers the loss and reaches >= 0.9 accuracy on a separable
// two-feature set, same seed ⇒ identical weights and losses (also with shots), SPSA, COBYLA,
// noise, and bad input.
#include "core/device/device.h"
#include "core/ml/vqc.h"
#include "core/noise/noise.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace qpilot;
using namespace qpilot::ml;

Q_DECLARE_METATYPE(qpilot::ml::VqcOptions)

namespace {

// Two features in [0, π]; class 1 when x0 + x1 > π, points within `margin` of the line dropped.
Samples separable(int rows, std::uint64_t seed, double margin = 0.3)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0, 3.14159265358979323846);
    Samples s;
    s.features = 2;
    s.classes = 2;
    while (s.rows < rows) {
        const double a = u(rng), b = u(rng);
        if (std::abs(a + b - 3.14159265358979323846) < margin)
            continue;
        s.x.push_back(a);
        s.x.push_back(b);
        s.y.push_back(a + b > 3.14159265358979323846 ? 1 : 0);
        ++s.rows;
    }
    return s;
}

Samples randomLabelled(int rows, int features, int classes, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(-2, 2);
    Samples s;
    s.rows = rows;
    s.features = features;
    s.classes = classes;
    for (int i = 0; i < rows * features; ++i)
        s.x.push_back(u(rng));
    for (int i = 0; i < rows; ++i)
        s.y.push_back(i % classes);
    return s;
}

double accuracy(const VqcModel& m, const Samples& s)
{
    auto p = vqcPredict(m, s);
    if (!p)
        qFatal("%s", p.error().message.c_str());
    int c = 0;
    for (int i = 0; i < s.rows; ++i)
        c += p.value()[size_t(i)] == s.y[size_t(i)];
    return double(c) / s.rows;
}

} // namespace

class TestVqc : public QObject {
    Q_OBJECT
private slots:
    void gradientMatchesFiniteDifferences_data();
    void gradientMatchesFiniteDifferences();
    void executionCounts();
    void trainsToHighAccuracy();
    void sameSeedSameResult();
    void shotEstimatesWithinBinomialError();
    void spsaAndCobylaLowerTheLoss();
    void noisyModel();
    void badInput();
};

void TestVqc::gradientMatchesFiniteDifferences_data()
{
    QTest::addColumn<VqcOptions>("options");
    QTest::addColumn<int>("features");
    QTest::addColumn<int>("classes");
    VqcOptions o;
    o.ansatzOptions.reps = 2;
    QTest::newRow("angle+RA expectation") << o << 2 << 2;
    o.readout = VqcReadout::Parity;
    QTest::newRow("angle+RA parity") << o << 3 << 2;
    QTest::newRow("angle+RA parity 3 classes") << o << 3 << 3;
    o.readout = VqcReadout::Expectation;
    QTest::newRow("angle+RA softmax 3 classes") << o << 3 << 3;
    o.encoding = encoding::Kind::ZZ;
    o.ansatz = encoding::Kind::EfficientSU2;
    o.ansatzOptions.reps = 1;
    QTest::newRow("zz+SU2") << o << 2 << 2;
    o.encoding = encoding::Kind::Angle;
    o.ansatz = encoding::Kind::HardwareEfficient;
    o.ansatzOptions.nativeGates = {"rz", "sx", "cz"};
    QTest::newRow("angle+HEA rz/sx/cz") << o << 3 << 2;
    VqcOptions r;
    r.encoding = encoding::Kind::Reupload;
    r.encodingOptions.layers = 2;
    r.ansatz.reset();
    QTest::newRow("reupload") << r << 2 << 2;
}

void TestVqc::gradientMatchesFiniteDifferences()
{
    QFETCH(VqcOptions, options);
    QFETCH(int, features);
    QFETCH(int, classes);
    options.seed = 4;
    auto m = makeVqc(features, classes, options);
    QVERIFY2(m.ok(), m ? "" : m.error().message.c_str());
    QVERIFY(m->parameterShiftValid);
    const Samples s = randomLabelled(6, features, classes, 9);
    auto g = vqcGradient(*m, s);
    QVERIFY(g.ok());
    const double h = 1e-5;
    double maxAbs = 0;
    for (size_t j = 0; j < m->weights.size(); ++j) {
        VqcModel plus = *m, minus = *m;
        plus.weights[j] += h;
        minus.weights[j] -= h;
        const double fd = (vqcLoss(plus, s).value() - vqcLoss(minus, s).value()) / (2 * h);
        QVERIFY2(std::abs(fd - g.value()[j]) < 1e-6,
                 qPrintable(QString("θ%1: shift %2, fd %3").arg(j).arg(g.value()[j]).arg(fd)));
        maxAbs = std::max(maxAbs, std::abs(fd));
    }
    QVERIFY(maxAbs > 1e-3); // the gradient is not trivially zero
}

void TestVqc::executionCounts()
{
    VqcOptions o;
    o.ansatzOptions.reps = 1;
    auto m = makeVqc(3, 2, o);
    QVERIFY(m.ok());
    const long long P = static_cast<long long>(m->weights.size());
    QCOMPARE(P, 6LL); // RealAmplitudes(3, reps=1): n(reps+1)
    const Samples s = randomLabelled(7, 3, 2, 1);
    long long exec = 0;
    QVERIFY(vqcGradient(*m, s, &exec).ok());
    QCOMPARE(exec, 7 * (2 * P + 1));
    exec = 0;
    QVERIFY(vqcLoss(*m, s, &exec).ok());
    QCOMPARE(exec, 7LL);
    exec = 0;
    QVERIFY(vqcPredict(*m, s, &exec).ok());
    QCOMPARE(exec, 7LL);
    // Training: Adam iterations x rows x (2P+1); SPSA 2 x rows per step; COBYLA rows per evaluation.
    o.iterations = 3;
    VqcReport r;
    QVERIFY(trainVqc(s, o, &r).ok());
    QCOMPARE(r.circuitExecutions, 3 * 7 * (2 * P + 1));
    QCOMPARE(r.iterations, 3);
    QCOMPARE(r.shots, 0LL);
    o.optimizer = VqcOptimizer::SPSA;
    o.iterations = 5;
    o.shots = 100;
    QVERIFY(trainVqc(s, o, &r).ok());
    QCOMPARE(r.circuitExecutions, 5LL * 2 * 7);
    QCOMPARE(r.shots, 5LL * 2 * 7 * 100);
    o.optimizer = VqcOptimizer::COBYLA;
    o.shots = 0;
    o.iterations = 20;
    QVERIFY(trainVqc(s, o, &r).ok());
    QCOMPARE(r.circuitExecutions, static_cast<long long>(r.iterations) * 7);
    QVERIFY(r.iterations <= 20 && r.iterations > 0);
    // Mini-batches: rows per step = batch size.
    o.optimizer = VqcOptimizer::Adam;
    o.iterations = 4;
    o.batchSize = 3;
    QVERIFY(trainVqc(s, o, &r).ok());
    QCOMPARE(r.circuitExecutions, 4 * 3 * (2 * P + 1));
}

void TestVqc::trainsToHighAccuracy()
{
    const Samples train = separable(80, 1), test = separable(40, 2);
    VqcOptions o;
    o.ansatzOptions.reps = 1;
    o.iterations = 60;
    o.learningRate = 0.1;
    o.seed = 7;
    VqcReport r;
    auto m = trainVqc(train, o, &r);
    QVERIFY2(m.ok(), m ? "" : m.error().message.c_str());
    QCOMPARE(int(r.loss.size()), 60);
    QVERIFY2(r.loss.back() < 0.7 * r.loss.front(), qPrintable(QString("%1 -> %2").arg(r.loss.front()).arg(r.loss.back())));
    const double trainAcc = accuracy(*m, train), testAcc = accuracy(*m, test);
    qInfo("loss %.3f -> %.3f, train accuracy %.3f, test accuracy %.3f, %lld executions, %.2f s", r.loss.front(),
          r.loss.back(), trainAcc, testAcc, r.circuitExecutions, r.seconds);
    QVERIFY(trainAcc >= 0.9);
    QVERIFY(testAcc >= 0.9);
}

void TestVqc::sameSeedSameResult()
{
    const Samples train = separable(20, 3);
    for (int shots : {0, 256}) {
        VqcOptions o;
        o.ansatzOptions.reps = 1;
        o.iterations = 8;
        o.seed = 42;
        o.shots = shots;
        VqcReport a, b;
        auto m1 = trainVqc(train, o, &a);
        o.threads = 1; // thread count must not matter
        auto m2 = trainVqc(train, o, &b);
        QVERIFY(m1.ok() && m2.ok());
        QCOMPARE(m1->weights, m2->weights);
        QCOMPARE(a.loss, b.loss);
        QCOMPARE(a.circuitExecutions, b.circuitExecutions);
        o.seed = 43;
        VqcReport c;
        auto m3 = trainVqc(train, o, &c);
        QVERIFY(m3.ok());
        QVERIFY(m3->weights != m1->weights);
    }
}

void TestVqc::shotEstimatesWithinBinomialError()
{
    VqcOptions o;
    o.seed = 8;
    auto exact = makeVqc(2, 2, o);
    o.shots = 4000;
    auto shots = makeVqc(2, 2, o);
    QVERIFY(exact.ok() && shots.ok());
    QCOMPARE(exact->weights, shots->weights);
    const Samples s = separable(20, 6);
    auto pe = vqcProbabilities(*exact, s), ps = vqcProbabilities(*shots, s);
    QVERIFY(pe.ok() && ps.ok());
    int differ = 0;
    for (int i = 0; i < s.rows; ++i) {
        const double p = pe.value()[size_t(i)][1], q = ps.value()[size_t(i)][1];
        const double sigma = std::sqrt(p * (1 - p) / o.shots) + 1.0 / o.shots;
        QVERIFY2(std::abs(p - q) <= 5 * sigma, qPrintable(QString("%1 vs %2").arg(q).arg(p)));
        QVERIFY(std::abs(q * o.shots - std::round(q * o.shots)) < 1e-6); // a count over 4000 shots
        differ += p != q;
    }
    QVERIFY(differ > 0);
}

void TestVqc::spsaAndCobylaLowerTheLoss()
{
    const Samples train = separable(30, 5);
    for (VqcOptimizer opt : {VqcOptimizer::SPSA, VqcOptimizer::COBYLA}) {
        VqcOptions o;
        o.ansatzOptions.reps = 1;
        o.optimizer = opt;
        o.iterations = opt == VqcOptimizer::SPSA ? 80 : 120;
        o.learningRate = 0.3;
        o.seed = 11;
        auto start = makeVqc(2, 2, o);
        QVERIFY(start.ok());
        const double before = vqcLoss(*start, train).value();
        VqcReport r;
        auto m = trainVqc(train, o, &r);
        QVERIFY2(m.ok(), m ? "" : m.error().message.c_str());
        const double after = vqcLoss(*m, train).value();
        qInfo("%s: loss %.3f -> %.3f in %d iterations", vqcOptimizerName(opt), before, after, r.iterations);
        QVERIFY(after < before - 0.05);
    }
    // SPSA and COBYLA accept ansätze without a shift rule (PRX phases).
    VqcOptions o;
    o.ansatz = encoding::Kind::HardwareEfficient;
    o.ansatzOptions.nativeGates = {"prx", "cz"};
    o.ansatzOptions.reps = 1;
    o.optimizer = VqcOptimizer::SPSA;
    o.iterations = 5;
    QVERIFY(trainVqc(train, o).ok());
}

void TestVqc::noisyModel()
{
    auto noise = NoiseModel::fromDevice(builtinDevices().front());
    QVERIFY(noise.ok());
    VqcOptions o;
    o.ansatzOptions.reps = 1;
    o.seed = 2;
    auto ideal = makeVqc(2, 2, o);
    o.noise = &noise.value();
    auto noisy = makeVqc(2, 2, o);
    QVERIFY(ideal.ok() && noisy.ok());
    const Samples s = separable(6, 4);
    auto pi = vqcProbabilities(*ideal, s), pn = vqcProbabilities(*noisy, s);
    QVERIFY(pi.ok() && pn.ok());
    double diff = 0;
    for (int i = 0; i < s.rows; ++i) {
        QVERIFY(std::abs(pn.value()[size_t(i)][0] + pn.value()[size_t(i)][1] - 1) < 1e-9);
        diff = std::max(diff, std::abs(pn.value()[size_t(i)][1] - pi.value()[size_t(i)][1]));
    }
    QVERIFY(diff > 1e-6 && diff < 0.1);
    // The noisy gradient still matches finite differences (exact density-matrix probabilities).
    auto g = vqcGradient(*noisy, s);
    QVERIFY(g.ok());
    VqcModel plus = *noisy, minus = *noisy;
    plus.weights[0] += 1e-5;
    minus.weights[0] -= 1e-5;
    const double fd = (vqcLoss(plus, s).value() - vqcLoss(minus, s).value()) / 2e-5;
    QVERIFY2(std::abs(fd - g.value()[0]) < 1e-5, qPrintable(QString("%1 vs %2").arg(fd).arg(g.value()[0])));
    o.iterations = 2;
    QVERIFY(trainVqc(s, o).ok());
}

void TestVqc::badInput()
{
    VqcOptions o;
    o.ansatz = encoding::Kind::HardwareEfficient;
    o.ansatzOptions.nativeGates = {"prx", "cz"};
    auto m = makeVqc(2, 2, o);
    QVERIFY(!m.ok());
    QVERIFY(QString::fromStdString(m.error().message).contains("SPSA"));
    VqcOptions e;
    auto tooMany = makeVqc(2, 3, e); // expectation readout, 3 classes on 2 qubits
    QVERIFY(!tooMany.ok());
    QVERIFY(QString::fromStdString(tooMany.error().message).contains("parity"));
    QVERIFY(!makeVqc(2, 1, e).ok());
    e.ansatz = encoding::Kind::ZZ;
    QVERIFY(!makeVqc(2, 2, e).ok());
    VqcOptions none;
    none.ansatz.reset();
    QVERIFY(!makeVqc(2, 2, none).ok()); // angle encoding alone has nothing to train
    auto ok = makeVqc(2, 2, VqcOptions{});
    QVERIFY(ok.ok());
    auto wrong = vqcLoss(*ok, randomLabelled(3, 3, 2, 1));
    QVERIFY(!wrong.ok());
    QVERIFY(QString::fromStdString(wrong.error().message).contains("3 features"));
    Samples badLabel = randomLabelled(3, 2, 2, 1);
    badLabel.y[1] = 5;
    QVERIFY(!vqcLoss(*ok, badLabel).ok());
    std::atomic<bool> cancel{true};
    VqcOptions c;
    c.cancel = &cancel;
    auto cancelled = trainVqc(separable(5, 1), c);
    QVERIFY(!cancelled.ok());
    QCOMPARE(QString::fromStdString(cancelled.error().message), QString("cancelled"));
}

QTEST_APPLESS_MAIN(TestVqc)
#include "tst_vqc.moc"
