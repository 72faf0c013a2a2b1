// tests/ml/tst_quantum_models.cpp — trainQuantumModel(): Iris two-class accuracy of the VQC
// and the kernel SVM, the report against independent recomputations (metrics from the
// predictions, execution counts from the documented formulas, circuit sizes from the resource
// formulas, scaling equivalent to doing it by hand), identical results for one seed, the SVM
// scores agreeing with its predictions, and every validation error.
#include "core/device/device.h"
#include "core/encoding/encoding.h"
#include "core/ml/ml.h"

#include <QtTest>

#include <cmath>

using namespace qpilot;
using namespace qpilot::ml;

namespace {

Split irisSplit(const std::vector<std::string>& classes, std::uint64_t seed)
{
    auto d = loadBuiltinDataset("iris");
    std::vector<int> keep;
    for (const std::string& c : classes)
        for (size_t k = 0; k < d->classNames.size(); ++k)
            if (d->classNames[k] == c)
                keep.push_back(int(k));
    const Dataset selected = keep.empty() ? *d : *selectClasses(*d, keep);
    return *stratifiedSplit(selected.samples, 0.3, seed);
}

} // namespace

class TestQuantumModels : public QObject {
    Q_OBJECT

private slots:
    void irisTwoClassAccuracy_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("second");
        QTest::addColumn<double>("minimum");
        QTest::newRow("vqc versicolor/virginica") << "vqc" << "virginica" << 0.8;
        QTest::newRow("kernel versicolor/virginica") << "kernel" << "virginica" << 0.8;
        QTest::newRow("vqc setosa/versicolor") << "vqc" << "setosa" << 0.95;
        QTest::newRow("kernel setosa/versicolor") << "kernel" << "setosa" << 0.85;
    }
    void irisTwoClassAccuracy()
    {
        QFETCH(QString, model);
        QFETCH(QString, second);
        QFETCH(double, minimum);
        const Split s = irisSplit({"versicolor", second.toStdString()}, 2);
        QuantumModelOptions o;
        o.seed = 2;
        auto r = trainQuantumModel(*quantumModelFromKey(model.toStdString()), s.train, s.test, o);
        QVERIFY2(r.ok(), r ? "" : r.error().message.c_str());
        qInfo("%s: accuracy %.4f", qPrintable(model), r->report.metrics.accuracy);
        QVERIFY(r->report.metrics.accuracy >= minimum);
        // The metrics are those of the predictions.
        QCOMPARE(int(r->report.predictions.size()), s.test.rows);
        QCOMPARE(r->report.metrics.accuracy, accuracy(s.test.y, r->report.predictions));
        QCOMPARE(r->report.metrics.confusion, confusionMatrix(s.test.y, r->report.predictions, 2));
        QVERIFY(r->report.metrics.rocAuc >= 0.5 && r->report.metrics.rocAuc <= 1.0);
        QCOMPARE(r->report.trainRows, s.train.rows);
        QCOMPARE(r->report.testRows, s.test.rows);
        QVERIFY(r->report.inferenceSamplesPerSecond > 0);
    }

    void vqcReportMatchesFormulas()
    {
        const Split s = irisSplit({"versicolor", "virginica"}, 2);
        QuantumModelOptions o;
        o.epochs = 7;
        auto r = trainQuantumModel(QuantumModelKind::Vqc, s.train, s.test, o);
        QVERIFY(r.ok());
        // Default: angle (RY) + real_amplitudes reps 2 on 4 qubits.
        auto enc = encoding::resources(encoding::Kind::Angle, 4);
        encoding::Options ao;
        ao.reps = 2;
        auto ans = encoding::resources(encoding::Kind::RealAmplitudes, 4, ao);
        const QuantumDetails& q = r->quantum;
        QCOMPARE(q.qubits, 4);
        QCOMPARE(q.inputs, 4);
        QCOMPARE(q.parameters, ans->trainableParameters);
        QCOMPARE(q.parameters, 12);
        QCOMPARE((long long)q.oneQubitGates, enc->oneQubitGates + ans->oneQubitGates);
        QCOMPARE((long long)q.twoQubitGates, ans->twoQubitGates);
        QCOMPARE(q.epochs, 7);
        QCOMPARE(int(q.loss.size()), 7);
        // Adam with parameter shift: iterations x rows x (2P + 1); prediction: one circuit per row.
        QCOMPARE(q.trainingExecutions, 7LL * s.train.rows * (2 * 12 + 1));
        QCOMPARE(q.predictionExecutions, (long long)s.test.rows);
        QCOMPARE(r->report.circuitExecutionsPerPrediction, 1.0);
        QVERIFY(r->report.grid.empty());
        QCOMPARE(r->report.model, std::string("vqc"));
    }

    void vqcEqualsManualScalingAndTraining()
    {
        // trainQuantumModel = min-max to [0, π] on the training set + trainVqc with the defaults.
        const Split s = irisSplit({"versicolor", "virginica"}, 4);
        QuantumModelOptions o;
        o.epochs = 10;
        o.seed = 9;
        auto r = trainQuantumModel(QuantumModelKind::Vqc, s.train, s.test, o);
        QVERIFY(r.ok());
        auto mm = fitMinMax(s.train, 0.0, M_PI);
        VqcOptions vo;
        vo.encoding = encoding::Kind::Angle;
        vo.ansatz = encoding::Kind::RealAmplitudes;
        vo.ansatzOptions.reps = 2;
        vo.iterations = 10;
        vo.seed = 9;
        auto m = trainVqc(mm->apply(s.train), vo);
        QVERIFY(m.ok());
        auto p = vqcPredict(*m, mm->apply(s.test));
        QCOMPARE(*p, r->report.predictions);
    }

    void kernelReportMatchesFormulas()
    {
        const Split s = irisSplit({"versicolor", "virginica"}, 2);
        QuantumModelOptions o;
        auto r = trainQuantumModel(QuantumModelKind::Kernel, s.train, s.test, o);
        QVERIFY(r.ok());
        const QuantumDetails& q = r->quantum;
        // Default zz, reps 1, full entanglement on 4 qubits: 2·reps·6 CX.
        encoding::Options zo;
        zo.reps = kDefaultKernelReps;
        auto zz = encoding::resources(encoding::Kind::ZZ, 4, zo);
        QCOMPARE((long long)q.twoQubitGates, zz->twoQubitGates);
        QCOMPARE(q.twoQubitGates, 12);
        QCOMPARE(q.parameters, 0);
        // Exact: one simulation per training row; the test kernel simulates test + train rows.
        QCOMPARE(q.trainingExecutions, (long long)s.train.rows);
        QCOMPARE(q.predictionExecutions, (long long)(s.test.rows + s.train.rows));
        QCOMPARE(r->report.grid.size(), size_t(6));
        QVERIFY(q.spread.min <= q.spread.mean && q.spread.mean <= q.spread.max);
        QCOMPARE(q.spread.concentrated, q.spread.variance < kConcentrationVariance);
        QVERIFY(q.alignment > 0 && q.alignment <= 1);
        QVERIFY(q.supportVectors > 0 && q.supportVectors <= s.train.rows);
        // Shots: compute-uncompute circuits = pairs (training) and test x train (prediction).
        o.shots = 100;
        auto shots = trainQuantumModel(QuantumModelKind::Kernel, s.train, s.test, o);
        QVERIFY(shots.ok());
        QCOMPARE(shots->quantum.trainingExecutions, (long long)s.train.rows * (s.train.rows - 1) / 2);
        QCOMPARE(shots->quantum.predictionExecutions, (long long)s.test.rows * s.train.rows);
        QCOMPARE(shots->report.circuitExecutionsPerPrediction, double(s.train.rows));
    }

    void sameSeedSameReport_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("shots");
        QTest::newRow("vqc exact") << "vqc" << 0;
        QTest::newRow("vqc shots") << "vqc" << 64;
        QTest::newRow("kernel exact") << "kernel" << 0;
        QTest::newRow("kernel shots") << "kernel" << 64;
    }
    void sameSeedSameReport()
    {
        QFETCH(QString, model);
        QFETCH(int, shots);
        const Split s = irisSplit({}, 5); // three classes
        QuantumModelOptions o;
        o.epochs = 5;
        o.shots = shots;
        o.seed = 11;
        const auto kind = *quantumModelFromKey(model.toStdString());
        auto a = trainQuantumModel(kind, s.train, s.test, o);
        o.threads = 1;
        auto b = trainQuantumModel(kind, s.train, s.test, o);
        QVERIFY2(a.ok() && b.ok(), a ? "" : a.error().message.c_str());
        QCOMPARE(a->report.predictions, b->report.predictions);
        QCOMPARE(a->report.metrics.accuracy, b->report.metrics.accuracy);
        QCOMPARE(a->report.metrics.confusion, b->report.metrics.confusion);
        QCOMPARE(a->quantum.loss, b->quantum.loss);
        QCOMPARE(a->quantum.trainingExecutions, b->quantum.trainingExecutions);
        QCOMPARE(int(a->report.metrics.confusion.size()), 3);
    }

    void svmScoresAgreeWithPredictions_data()
    {
        QTest::addColumn<int>("classes");
        QTest::newRow("binary") << 2;
        QTest::newRow("three classes") << 3;
    }
    void svmScoresAgreeWithPredictions()
    {
        QFETCH(int, classes);
        const Split s = classes == 2 ? irisSplit({"versicolor", "virginica"}, 3) : irisSplit({}, 3);
        auto mm = fitMinMax(s.train, 0.0, M_PI);
        auto fm = encoding::build(encoding::Kind::ZZ, 4, [] { encoding::Options o; o.reps = 1; return o; }());
        auto model = trainQuantumKernel(mm->apply(s.train), *fm);
        QVERIFY(model.ok());
        auto pred = predictQuantumKernelScores(*model, mm->apply(s.test), classes);
        QVERIFY(pred.ok());
        QCOMPARE(pred->scores.size(), size_t(s.test.rows) * size_t(classes));
        // argmax of the scores is libsvm's prediction (votes dominate the bounded margin term;
        // binary: the sign of the decision value).
        const std::vector<int> fromScores = predictFromScores(pred->scores, classes);
        int agree = 0;
        for (int i = 0; i < s.test.rows; ++i)
            agree += fromScores[size_t(i)] == pred->labels[size_t(i)];
        if (classes == 2)
            QCOMPARE(agree, s.test.rows);
        else
            QVERIFY(agree >= s.test.rows - 1); // a three-way vote tie may resolve either way
        auto labels = predictQuantumKernel(*model, mm->apply(s.test));
        QCOMPARE(*labels, pred->labels);
    }

    void defaultsAndScaling()
    {
        QCOMPARE(defaultQuantumEncoding(QuantumModelKind::Kernel), encoding::Kind::ZZ);
        QCOMPARE(defaultQuantumEncoding(QuantumModelKind::Vqc), encoding::Kind::Angle);
        for (auto k : {encoding::Kind::Angle, encoding::Kind::DenseAngle, encoding::Kind::ZZ, encoding::Kind::Reupload})
            QVERIFY(isAngleEncoding(k));
        QVERIFY(!isAngleEncoding(encoding::Kind::Amplitude));
        QVERIFY(!isAngleEncoding(encoding::Kind::Basis));
        QCOMPARE(*quantumQubits(encoding::Kind::Amplitude, 30), 5);
        QCOMPARE(*quantumQubits(encoding::Kind::DenseAngle, 13), 7);
        QVERIFY(!quantumQubits(encoding::Kind::RealAmplitudes, 4).ok());
        // Amplitude takes the raw features (no angle scaling), dense_angle is scaled.
        const Split s = irisSplit({"setosa", "versicolor"}, 1);
        QuantumModelOptions o;
        o.encoding = encoding::Kind::Amplitude;
        auto amp = trainQuantumModel(QuantumModelKind::Kernel, s.train, s.test, o);
        QVERIFY(amp.ok());
        QCOMPARE(amp->quantum.qubits, 2);
        QVERIFY(amp->quantum.scaling.rfind("none", 0) == 0);
        o.encoding = encoding::Kind::DenseAngle;
        auto dense = trainQuantumModel(QuantumModelKind::Kernel, s.train, s.test, o);
        QVERIFY(dense.ok());
        QCOMPARE(dense->quantum.qubits, 2);
        QVERIFY(dense->quantum.scaling.find("[0, pi]") != std::string::npos);
    }

    void noiseUsesDensityMatrices()
    {
        const Split s = irisSplit({"setosa", "versicolor"}, 1);
        auto device = findDevice("ibm_torino");
        QVERIFY(device.ok());
        QuantumModelOptions o;
        o.noiseDevice = &*device;
        auto noisy = trainQuantumModel(QuantumModelKind::Kernel, s.train, s.test, o);
        QVERIFY2(noisy.ok(), noisy ? "" : noisy.error().message.c_str());
        QVERIFY(noisy->quantum.method.rfind("density matrix", 0) == 0);
        auto ideal = trainQuantumModel(QuantumModelKind::Kernel, s.train, s.test, {});
        // Noise shrinks the overlaps: purity < 1 scales the kernel down.
        QVERIFY(noisy->quantum.spread.mean < ideal->quantum.spread.mean);
    }

    void validationErrors_data()
    {
        QTest::addColumn<int>("features");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<bool>("noisy");
        QTest::addColumn<bool>("binary");
        QTest::addColumn<QString>("message");
        QTest::newRow("too wide") << 9 << "zz" << false << false << "needs 9 qubits for 9 features, more than the cap of 8";
        QTest::newRow("dense fits 16") << 16 << "dense_angle" << false << false << "";
        QTest::newRow("too wide with noise") << 7 << "angle" << true << false << "noisy (density-matrix) cap of 6";
        QTest::newRow("amplitude 64 features, noisy") << 64 << "amplitude" << true << false << "";
        QTest::newRow("basis on reals") << 4 << "basis" << false << false << "needs features that are 0 or 1";
        QTest::newRow("basis on bits") << 4 << "basis" << false << true << "";
        QTest::newRow("ansatz as encoding") << 4 << "real_amplitudes" << false << false << "is an ansatz, not a data encoding";
    }
    void validationErrors()
    {
        QFETCH(int, features);
        QFETCH(QString, encoding);
        QFETCH(bool, noisy);
        QFETCH(bool, binary);
        QFETCH(QString, message);
        auto device = findDevice("ibm_torino");
        QuantumModelOptions o;
        o.encoding = encoding::kindByName(encoding.toStdString());
        if (noisy)
            o.noiseDevice = &*device;
        auto r = validateQuantumModel(QuantumModelKind::Kernel, features, 2, binary, o);
        if (message.isEmpty()) {
            QVERIFY2(r.ok(), r ? "" : r.error().message.c_str());
        } else {
            QVERIFY(!r.ok());
            QVERIFY2(QString::fromStdString(r.error().message).contains(message), r.error().message.c_str());
        }
    }

    void otherValidationErrors()
    {
        QuantumModelOptions o;
        o.shots = -1;
        QVERIFY(!validateQuantumModel(QuantumModelKind::Vqc, 4, 2, false, o).ok());
        o = {};
        o.epochs = 0;
        QVERIFY(!validateQuantumModel(QuantumModelKind::Vqc, 4, 2, false, o).ok());
        o = {};
        o.ansatz = encoding::Kind::RealAmplitudes;
        auto k = validateQuantumModel(QuantumModelKind::Kernel, 4, 2, false, o);
        QVERIFY(!k.ok() && k.error().message.find("vqc only") != std::string::npos);
        o.ansatz = encoding::Kind::ZZ;
        QVERIFY(!validateQuantumModel(QuantumModelKind::Vqc, 4, 2, false, o).ok());
        // A device smaller than the circuit (a 3-qubit custom profile).
        DeviceProfile tiny;
        tiny.id = "tiny";
        tiny.numQubits = 3;
        tiny.allToAll = true;
        o = {};
        o.noiseDevice = &tiny;
        auto t = validateQuantumModel(QuantumModelKind::Vqc, 4, 2, false, o);
        QVERIFY(!t.ok() && t.error().message.find("device tiny has 3 qubits") != std::string::npos);
        // Mismatched sets.
        Samples a, b;
        a.rows = 4; a.features = 2; a.x.assign(8, 0.5); a.y = {0, 1, 0, 1}; a.classes = 2;
        b.rows = 2; b.features = 3; b.x.assign(6, 0.5); b.y = {0, 1}; b.classes = 2;
        QVERIFY(!trainQuantumModel(QuantumModelKind::Kernel, a, b, {}).ok());
    }
};

QTEST_GUILESS_MAIN(TestQuantumModels)
#include "tst_quantum_models.moc"
