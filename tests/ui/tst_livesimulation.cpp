// SPDX-License-Identifier: GPL-3.0-or-later
// tests/ui/tst_livesimulation.cpp — the live simulation behind the results dock: analytic
// distributions and amplitudes (Bell, GHZ, phases), distributions over classical bits for
// mid-circuit measurement and reset, seeded sampled counts, a device's noisy distribution and
// success probability, refusals; the worker delivers only the newest request and cancels
// the stale one; the amplitudes model under QAbstractItemModelTester; the results panel's
// histogram (series, labels, top-k).
#include "core/circuit/qasm.h"
#include "core/sim/density_matrix.h"
#include "ui/document/document.h"
#include "ui/results/amplitudemodel.h"
#include "ui/results/expectationmodel.h"
#include "ui/results/livesimulator.h"
#include "ui/results/qubitmodel.h"
#include "ui/results/resultspanel.h"
#include "support/test_setup.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QSettings>
#include <QStandardPaths>
#include <QSignalSpy>
#include <QSpinBox>
#include <QtTest>
#include <qcustomplot.h>

#include <cmath>
#include <numeric>

using namespace qpilot;

namespace {

Circuit parse(const std::string& text)
{
    auto c = parseQasm("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n" + text);
    if (!c)
        qFatal("test circuit does not parse: %s", c.error().toString().c_str());
    return c.value();
}

const char* const kBell = "qubit[2] q; bit[2] c; h q[0]; cx q[0], q[1]; c = measure q;";

LiveSimResult run(const std::string& program, const QString& device = {}, int shots = 0, quint64 seed = 0)
{
    LiveSimRequest request;
    request.circuit = parse(program);
    request.deviceId = device;
    request.shots = shots;
    request.seed = seed;
    return LiveSimulator::compute(request, nullptr);
}

bool near(double a, double b, double tol = 1e-12)
{
    return std::abs(a - b) <= tol;
}

// A circuit that takes far longer than the test's Bell run: many layers on 20 qubits.
Circuit slowCircuit()
{
    Circuit c;
    c.addQreg("q", 20);
    for (int layer = 0; layer < 400; ++layer) {
        for (int q = 0; q < 20; ++q)
            c.gate(GateKind::RX, {q}, {Expr(0.1 * (layer + 1))});
        for (int q = 0; q + 1 < 20; q += 1)
            c.gate(GateKind::CZ, {q, q + 1});
    }
    return c;
}

} // namespace

class TestLiveSimulation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        test::isolateSettings("tst_livesimulation");
    }

    void bell()
    {
        const LiveSimResult r = run(kBell);
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.bits, 2);
        QCOMPARE(r.ideal.size(), std::size_t(4));
        QVERIFY(near(r.ideal[0], 0.5) && near(r.ideal[1], 0) && near(r.ideal[2], 0) && near(r.ideal[3], 0.5));
        QCOMPARE(r.amplitudes.size(), std::size_t(4));
        QVERIFY(near(r.amplitudes[0].real(), M_SQRT1_2) && near(r.amplitudes[3].real(), M_SQRT1_2));
        QCOMPARE(r.marginals.size(), std::size_t(2));
        QVERIFY(near(r.marginals[0], 0.5) && near(r.marginals[1], 0.5));
        QVERIFY(r.noisy.empty());
    }

    void ghzAndPhase()
    {
        const LiveSimResult ghz = run("qubit[3] q; h q[0]; cx q[0], q[1]; cx q[1], q[2];");
        QVERIFY(near(ghz.ideal[0], 0.5) && near(ghz.ideal[7], 0.5));
        const LiveSimResult phase = run("qubit[1] q; h q[0]; s q[0];");
        QVERIFY(near(std::arg(phase.amplitudes[1]), M_PI / 2));
        const LiveSimResult x1 = run("qubit[3] q; x q[1];"); // qubit 1 set: index 2
        QVERIFY(near(x1.ideal[2], 1.0));
        QVERIFY(near(x1.marginals[0], 0) && near(x1.marginals[1], 1) && near(x1.marginals[2], 0));
    }

    void blochVectors()
    {
        // q0 = |+i> (y = 1), q1 = |1> (z = -1), q2/q3 a Bell pair (|r| = 0), q4 = ry(pi/3)|0>.
        const LiveSimResult r = run("qubit[5] q; h q[0]; s q[0]; x q[1]; h q[2]; cx q[2], q[3]; ry(pi/3) q[4];");
        QCOMPARE(r.bloch.size(), std::size_t(5));
        const std::array<double, 3> expected[] = {
            {0, 1, 0}, {0, 0, -1}, {0, 0, 0}, {0, 0, 0}, {std::sin(M_PI / 3), 0, std::cos(M_PI / 3)}};
        for (int q = 0; q < 5; ++q) {
            for (int k = 0; k < 3; ++k)
                QVERIFY2(near(r.bloch[std::size_t(q)][std::size_t(k)], expected[q][std::size_t(k)], 1e-12),
                         qPrintable(QStringLiteral("qubit %1 component %2").arg(q).arg(k)));
        }
        QubitModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setData(r.marginals, r.bloch, false);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(1, QubitModel::P1Column).data().toString(), QStringLiteral("1.0000"));
        QCOMPARE(model.index(0, QubitModel::YColumn).data().toString(), QStringLiteral("1.0000"));
        QVERIFY(near(model.index(2, QubitModel::LengthColumn).data(Qt::EditRole).toDouble(), 0, 1e-12));
        QVERIFY(near(model.index(4, QubitModel::LengthColumn).data(Qt::EditRole).toDouble(), 1, 1e-12));
        model.setData({0.5}, {}, true); // mixed (classical) results: no Bloch vectors
        QCOMPARE(model.index(0, QubitModel::NameColumn).data().toString(), QStringLiteral("c0"));
        QCOMPARE(model.index(0, QubitModel::XColumn).data().toString(), QStringLiteral("\u2014"));
    }

    void topStatesChosenOnWorker()
    {
        // 6 qubits, 64 states; x on q5 makes only states >= 32 possible.
        const LiveSimResult r = run("qubit[6] q; h q[0]; h q[1]; h q[2]; h q[3]; x q[5]; ry(0.3) q[4];");
        QCOMPARE(r.shownStates.size(), std::size_t(LiveSimulator::kTopStates));
        QVERIFY(std::is_sorted(r.shownStates.begin(), r.shownStates.end()));
        // The 16 most probable: q5 = 1, q4 = 0 (cos^2(0.15) > sin^2(0.15)), any q0..q3.
        for (quint64 s : r.shownStates)
            QVERIFY((s & 32u) && !(s & 16u));
        QCOMPARE(r.amplitudeRows.size(), std::size_t(64));
    }

    void marginalsAndBlochMatchNaiveSums()
    {
        // 11 qubits (2048 states: the blocked marginal path) with an entangled, phased state.
        std::string program = "qubit[11] q;";
        for (int q = 0; q < 11; ++q)
            program += " ry(" + std::to_string(0.2 + 0.25 * q) + ") q[" + std::to_string(q) + "]; rz(" +
                       std::to_string(0.1 * (q + 1)) + ") q[" + std::to_string(q) + "];";
        for (int q = 0; q + 1 < 11; ++q)
            program += " cx q[" + std::to_string(q) + "], q[" + std::to_string(q + 1) + "];";
        program += " h q[3]; s q[3]; rx(0.7) q[9];";
        const LiveSimResult r = run(program);
        QCOMPARE(r.amplitudes.size(), std::size_t(2048));
        for (int q = 0; q < 11; ++q) {
            const std::size_t bit = std::size_t(1) << q;
            double p1 = 0;
            Complex rho01 = 0;
            for (std::size_t i = 0; i < r.amplitudes.size(); ++i) {
                if (i & bit)
                    p1 += std::norm(r.amplitudes[i]);
                else
                    rho01 += r.amplitudes[i] * std::conj(r.amplitudes[i | bit]);
            }
            QVERIFY2(near(r.marginals[std::size_t(q)], p1, 1e-12), qPrintable(QString::number(q)));
            QVERIFY(near(r.bloch[std::size_t(q)][0], 2 * rho01.real(), 1e-12));
            QVERIFY(near(r.bloch[std::size_t(q)][1], -2 * rho01.imag(), 1e-12));
            QVERIFY(near(r.bloch[std::size_t(q)][2], 1 - 2 * p1, 1e-12));
        }
    }

    void noisyBlochVectors()
    {
        // |+> under the device's noise: still along +x, shorter than 1; the ideal one is exact.
        const LiveSimResult r = run("qubit[1] q; h q[0];", "ionq_aria_1");
        QVERIFY2(r.noiseError.isEmpty(), qPrintable(r.noiseError));
        QCOMPARE(r.noisyBloch.size(), std::size_t(1));
        QVERIFY(near(r.bloch[0][0], 1, 1e-12));
        const auto& b = r.noisyBloch[0];
        QVERIFY2(b[0] > 0.9 && b[0] < 1 - 1e-6, qPrintable(QString::number(b[0])));
        QVERIFY(std::abs(b[1]) < 0.05 && std::abs(b[2]) < 0.05);
        // Without a device, or above the size limit, there are none.
        QVERIFY(run("qubit[1] q; h q[0];").noisyBloch.empty());
        std::string wide = "qubit[" + std::to_string(LiveSimulator::kNoisyBlochMaxQubits + 1) + "] q; h q[0];";
        QVERIFY(run(wide, "ionq_aria_1").noisyBloch.empty());
        // From a pure state's density matrix the vectors equal the state-vector ones.
        const LiveSimResult pure = run("qubit[3] q; ry(0.4) q[0]; cx q[0], q[1]; h q[2]; s q[2]; rx(1.1) q[1];");
        const auto fromRho = blochVectorsOf(sim::DensityMatrix::fromPure(pure.amplitudes, 3));
        QCOMPARE(fromRho.size(), std::size_t(3));
        for (std::size_t q = 0; q < 3; ++q)
            for (std::size_t k = 0; k < 3; ++k)
                QVERIFY(near(fromRho[q][k], pure.bloch[q][k], 1e-12));
    }

    void topIndicesKeepsLargestWithTiesByIndex()
    {
        const std::vector<double> v = {0.1, 0.5, 0.2, 0.5, 0.0, 0.3, 0.2};
        QCOMPARE(topIndices(v.data(), v.size(), 4), (std::vector<quint64>{1, 3, 5, 2}));
        QCOMPARE(topIndices(v.data(), v.size(), 0), std::vector<quint64>{});
        QCOMPARE(topIndices(v.data(), v.size(), 20).size(), v.size());
    }

    void bigResultsDeliverOnlyTheSummary()
    {
        // 20 qubits in uniform superposition: 2^20 equal probabilities, ties go to low indices.
        LiveSimulator sim;
        QSignalSpy delivered(&sim, &LiveSimulator::resultReady);
        LiveSimRequest request;
        request.circuit = parse("qubit[20] q; h q;");
        sim.request(request);
        QVERIFY(sim.waitForIdle(60000));
        QTRY_COMPARE(delivered.count(), 1);
        const auto r = delivered.front().front().value<LiveSimResult>();
        QCOMPARE(r.numStates, quint64(1) << 20);
        QVERIFY(r.ideal.empty() && r.amplitudes.empty() && r.noisy.empty());
        QCOMPARE(r.shownStates.size(), std::size_t(LiveSimulator::kTopStates));
        QCOMPARE(r.shownIdeal.size(), r.shownStates.size());
        for (std::size_t k = 0; k < r.shownStates.size(); ++k) {
            QCOMPARE(r.shownStates[k], quint64(k));
            QVERIFY(near(r.shownIdeal[k], 1.0 / (1 << 20), 1e-15));
        }
        QCOMPARE(r.amplitudeRows.size(), std::size_t(AmplitudeModel::kMaxRows));
        QCOMPARE(r.amplitudeRows.back().index, quint64(AmplitudeModel::kMaxRows - 1));
        QCOMPARE(r.bloch.size(), std::size_t(20));
        for (const auto& b : r.bloch)
            QVERIFY(near(b[0], 1, 1e-9) && near(b[1], 0, 1e-9) && near(b[2], 0, 1e-9));

        // The panel's update touches only the summary: bounded model rows and bars.
        Document d;
        ResultsPanel panel(&d);
        panel.shotsBox()->setValue(100);
        d.newCircuit(2);
        QVERIFY(!d.replaceCircuit(parse("qubit[20] q; h q; cx q[0], q[19];"), "big"));
        QTRY_VERIFY_WITH_TIMEOUT(panel.lastResult() && panel.lastResult()->numQubits == 20, 30000);
        QVERIFY(panel.lastResult()->ideal.empty() && panel.lastResult()->amplitudes.empty());
        QCOMPARE(panel.amplitudeModel()->rowCount(), AmplitudeModel::kMaxRows);
        QCOMPARE(panel.qubitModel()->rowCount(), 20);
        QCOMPARE(panel.histogramLabels().size(), ResultsPanel::kTopK);
        QVERIFY(panel.histogram()->xAxis->label().contains("of 1048576"));
        QCOMPARE(panel.histogram()->plottableCount(), 2); // ideal and sampled
    }

    void pauliStrings_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<quint64>("x");
        QTest::addColumn<quint64>("z");
        QTest::addColumn<QString>("normalised");
        QTest::newRow("zz") << "Z0 Z1" << quint64(0) << quint64(3) << "Z0 Z1";
        QTest::newRow("packed, lower case") << "x0y2" << quint64(5) << quint64(4) << "X0 Y2";
        QTest::newRow("identity dropped") << "I1*Z3" << quint64(0) << quint64(8) << "Z3";
    }
    void pauliStrings()
    {
        QFETCH(QString, text);
        QFETCH(quint64, x);
        QFETCH(quint64, z);
        QFETCH(QString, normalised);
        auto p = parsePauliString(text.toStdString());
        QVERIFY2(p.ok(), p.ok() ? "" : p.error().message.c_str());
        QCOMPARE(quint64(p->x), x);
        QCOMPARE(quint64(p->z), z);
        QCOMPARE(QString::fromStdString(p->text), normalised);
        for (const char* bad : {"", "Q0", "Z", "Z0 X0", "Z99"})
            QVERIFY2(!parsePauliString(bad).ok(), bad);
    }

    void expectationValues()
    {
        LiveSimRequest request;
        request.circuit = parse(std::string(kBell));
        request.observables = {"Z0 Z1", "X0 X1", "Y0 Y1", "Z0", "Z5", "nonsense"};
        LiveSimResult r = LiveSimulator::compute(request, nullptr);
        QCOMPARE(r.expectations.size(), std::size_t(6));
        const double expected[] = {1, 1, -1, 0};
        for (int k = 0; k < 4; ++k) {
            QVERIFY2(r.expectations[std::size_t(k)].ideal, r.expectations[std::size_t(k)].observable.c_str());
            QVERIFY(near(*r.expectations[std::size_t(k)].ideal, expected[k], 1e-12));
        }
        QVERIFY(!r.expectations[4].ideal && r.expectations[4].error.find("does not exist") != std::string::npos);
        QVERIFY(!r.expectations[5].ideal && !r.expectations[5].error.empty());
        // ry(t) on |0>: <X> = sin t, <Z> = cos t; s·h: <Y> = 1.
        request.circuit = parse("qubit[2] q; ry(0.7) q[0]; h q[1]; s q[1];");
        request.observables = {"X0", "Z0", "Y1", "X0 Y1"};
        r = LiveSimulator::compute(request, nullptr);
        QVERIFY(near(*r.expectations[0].ideal, std::sin(0.7), 1e-12));
        QVERIFY(near(*r.expectations[1].ideal, std::cos(0.7), 1e-12));
        QVERIFY(near(*r.expectations[2].ideal, 1, 1e-12));
        QVERIFY(near(*r.expectations[3].ideal, std::sin(0.7), 1e-12));
        // With a device, Z strings also get the noisy value.
        request.circuit = parse(std::string(kBell));
        request.observables = {"Z0 Z1", "X0 X1"};
        request.deviceId = "ionq_aria_1";
        r = LiveSimulator::compute(request, nullptr);
        QVERIFY(r.expectations[0].noisy);
        QVERIFY(*r.expectations[0].noisy < 1.0 && *r.expectations[0].noisy > 0.8);
        QVERIFY(!r.expectations[1].noisy);
        ExpectationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setExpectations(r.expectations);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, ExpectationModel::ObservableColumn).data().toString(), QStringLiteral("\u27e8Z0 Z1\u27e9"));
        QCOMPARE(model.index(0, ExpectationModel::IdealColumn).data().toString(), QStringLiteral("1.000000"));
        QCOMPARE(model.index(1, ExpectationModel::NoisyColumn).data().toString(), QStringLiteral("\u2014"));
    }

    void midCircuitMeasurementUsesClassicalBits()
    {
        // c[0] is 50/50, then qubit 0 is reset and flipped, so c[1] is always 1.
        const LiveSimResult r = run("qubit[1] q; bit[2] c; h q[0]; c[0] = measure q[0]; reset q[0]; x q[0];"
                                    "c[1] = measure q[0];");
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QVERIFY(r.overClassicalBits);
        QVERIFY(r.amplitudes.empty());
        QCOMPARE(r.bits, 2);
        QVERIFY(near(r.ideal[2], 0.5, 1e-9) && near(r.ideal[3], 0.5, 1e-9));
        QVERIFY(near(r.ideal[0], 0, 1e-9) && near(r.ideal[1], 0, 1e-9));
    }

    void sampledCountsAreSeeded()
    {
        const LiveSimResult a = run(kBell, {}, 4000, 42);
        const LiveSimResult b = run(kBell, {}, 4000, 42);
        QCOMPARE(a.counts, b.counts);
        int total = 0;
        for (const auto& [key, n] : a.counts) {
            QVERIFY(key == "00" || key == "11");
            total += n;
        }
        QCOMPARE(total, 4000);
        // Binomial(4000, 1/2): 5 standard deviations = 158.
        QVERIFY(std::abs(a.counts.at("00") - 2000) < 158);
    }

    void deviceNoise()
    {
        const LiveSimResult r = run(kBell, "ionq_aria_1");
        QVERIFY2(r.noiseError.isEmpty(), qPrintable(r.noiseError));
        QCOMPARE(r.noisy.size(), std::size_t(4));
        QVERIFY(near(std::accumulate(r.noisy.begin(), r.noisy.end(), 0.0), 1.0, 1e-9));
        // Noise leaks probability into 01 and 10, but a 2-qubit Bell stays close to ideal.
        QVERIFY(r.noisy[1] + r.noisy[2] > 1e-4);
        QVERIFY(r.noisy[1] + r.noisy[2] < 0.1);
        QVERIFY(r.noisyMethod.contains("density"));
        QVERIFY(r.successProbability.has_value());
        QVERIFY(*r.successProbability > 0.5 && *r.successProbability < 1.0);
    }

    void refusals()
    {
        Circuit big;
        big.addQreg("q", LiveSimulator::kMaxQubits + 1);
        LiveSimRequest request;
        request.circuit = big;
        QVERIFY(LiveSimulator::compute(request, nullptr).error.contains("stops at"));
        const LiveSimResult unknown = run(kBell, "no_such_device");
        QVERIFY(unknown.error.isEmpty());
        QVERIFY(!unknown.noiseError.isEmpty());
        QVERIFY(unknown.noisy.empty());
        const LiveSimResult symbolic = run("input angle theta; qubit[1] q; rx(theta) q[0];");
        QVERIFY(symbolic.error.isEmpty());
        QVERIFY(symbolic.note.contains("theta"));
        QVERIFY(near(symbolic.ideal[0], 1.0));
        // With a device, the transpiled estimate uses the same bindings (no "not bound" error).
        const LiveSimResult symbolicNoisy = run("input angle theta; qubit[1] q; rx(theta) q[0];", "ionq_aria_1");
        QVERIFY2(symbolicNoisy.successProbability.has_value(), qPrintable(symbolicNoisy.successNote));
    }

    void newerRequestCancelsOlder()
    {
        LiveSimulator sim;
        QSignalSpy delivered(&sim, &LiveSimulator::resultReady);
        LiveSimRequest slow;
        slow.circuit = slowCircuit();
        sim.request(slow);
        LiveSimRequest bell;
        bell.circuit = parse(kBell);
        const quint64 generation = sim.request(bell);
        QVERIFY(sim.waitForIdle(60000));
        QTRY_COMPARE(delivered.count(), 1);
        QTest::qWait(20);
        QCOMPARE(delivered.count(), 1); // the stale run never arrives
        const auto result = delivered.front().front().value<LiveSimResult>();
        QCOMPARE(result.generation, generation);
        QVERIFY(near(result.ideal[0], 0.5) && near(result.ideal[3], 0.5));
        QCOMPARE(sim.cancelledRuns(), 1);
    }

    void amplitudeModel()
    {
        AmplitudeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const LiveSimResult r = run("qubit[2] q; h q[0]; s q[0];");
        model.setState(r.amplitudes, 2);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(AmplitudeModel::ColumnCount));
        QCOMPARE(model.index(1, AmplitudeModel::StateColumn).data().toString(), QStringLiteral("|01\u27e9"));
        QCOMPARE(model.index(1, AmplitudeModel::ProbabilityColumn).data().toString(), QStringLiteral("0.5000"));
        QCOMPARE(model.index(1, AmplitudeModel::PhaseColumn).data().toString(), QStringLiteral("90.0\u00b0"));
        QVERIFY(near(model.index(1, 0).data(AmplitudeModel::PhaseRole).toDouble(), M_PI / 2));
        QVERIFY(model.index(1, AmplitudeModel::PhaseColumn).data(Qt::BackgroundRole).isValid());
        QVERIFY(!model.index(2, AmplitudeModel::PhaseColumn).data(Qt::BackgroundRole).isValid()); // zero amplitude
        // Big states keep the most probable rows, most probable first.
        std::vector<Complex> big(std::size_t(1) << 13, Complex(0));
        big[5] = 0.6;
        big[4000] = 0.8;
        model.setState(big, 13);
        QCOMPARE(model.rowCount(), AmplitudeModel::kMaxRows);
        QCOMPARE(model.index(0, 0).data(AmplitudeModel::BasisIndexRole).toULongLong(), 4000ull);
        QCOMPARE(model.index(1, 0).data(AmplitudeModel::BasisIndexRole).toULongLong(), 5ull);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void resultsPanel()
    {
        Document d;
        ResultsPanel panel(&d);
        panel.shotsBox()->setValue(0);
        panel.deviceBox()->setCurrentIndex(0); // whatever another case left in the settings
        d.newCircuit(2);
        QVERIFY(!d.replaceCircuit(parse(kBell), "bell"));
        QTRY_VERIFY(panel.lastResult() && panel.lastResult()->ideal.size() == 4);
        QCOMPARE(panel.histogramLabels(), (QStringList{"00", "01", "10", "11"}));
        QCOMPARE(panel.histogram()->plottableCount(), 1);
        QCOMPARE(panel.amplitudeModel()->rowCount(), 4);
        // A device adds the noisy series; shots add the sampled one.
        panel.deviceBox()->setCurrentIndex(panel.deviceBox()->findData(QStringLiteral("ionq_aria_1")));
        panel.shotsBox()->setValue(500);
        QTRY_VERIFY(panel.lastResult() && !panel.lastResult()->noisy.empty() && panel.lastResult()->shots == 500);
        QCOMPARE(panel.histogram()->plottableCount(), 3);
        QVERIFY(panel.statusText().contains("success"));
        // Many outcomes: the top k, in basis order.
        panel.deviceBox()->setCurrentIndex(0);
        QVERIFY(!d.replaceCircuit(parse("qubit[5] q; h q; x q[4];"), "h on all"));
        QTRY_VERIFY(panel.lastResult() && panel.lastResult()->numQubits == 5);
        QCOMPARE(panel.histogramLabels().size(), ResultsPanel::kTopK);
        QVERIFY(panel.histogram()->xAxis->label().contains("top 16 of 32"));
        // An edit after a quiet spell runs at once; a burst within the debounce window adds
        // one trailing run with the last circuit.
        QTest::qWait(ResultsPanel::kDebounceMs * 3);
        const quint64 before = panel.simulator()->latestGeneration();
        for (int n = 1; n <= 4; ++n)
            QVERIFY(!d.replaceCircuit(parse("qubit[" + std::to_string(n) + "] q; x q[0];"), "burst"));
        QCOMPARE(panel.simulator()->latestGeneration(), before + 1); // the leading run
        QTRY_VERIFY(panel.lastResult() && panel.lastResult()->numQubits == 4);
        QCOMPARE(panel.simulator()->latestGeneration(), before + 2); // plus one trailing run
        // The device, shots and seed are remembered.
        QCOMPARE(QSettings().value("results/shots").toInt(), 500);
        ResultsPanel again(&d);
        QCOMPARE(again.shotsBox()->value(), 500);
    }

    // Counts measured elsewhere (a cloud job) drawn beside the simulation of the same circuit:
    // their frequencies at the right outcomes, the device's profile and shots selected; an edit
    // hides them, undo brings them back; a circuit measuring qubits into other bits, or counts
    // of another width, are not drawn and the status says why.
    void measuredCountsBesideTheSimulation()
    {
        Document d;
        ResultsPanel panel(&d);
        d.newCircuit(2);
        QVERIFY(!d.replaceCircuit(parse(kBell), "bell"));
        QTRY_VERIFY(panel.lastResult() && panel.lastResult()->ideal.size() == 4);
        const auto measuredSeries = [&panel]() -> QCPBars* {
            for (int i = 0; i < panel.histogram()->plottableCount(); ++i) {
                if (panel.histogram()->plottable(i)->name() == QLatin1String("Measured (job 3)"))
                    return qobject_cast<QCPBars*>(panel.histogram()->plottable(i));
            }
            return nullptr;
        };
        MeasuredCounts m;
        m.label = QStringLiteral("Measured (job 3)");
        m.description = QStringLiteral("cloud job 3 on qpu.aria-1, 200 shots");
        m.counts = {{"00", 90}, {"01", 6}, {"10", 4}, {"11", 100}};
        m.profileId = QStringLiteral("ionq_aria_1");
        panel.setMeasured(m);
        QCOMPARE(panel.deviceBox()->currentData().toString(), QString("ionq_aria_1"));
        QCOMPARE(panel.shotsBox()->value(), 200);
        QTRY_VERIFY(panel.measuredShown());
        QTRY_VERIFY(panel.lastResult()->shots == 200 && !panel.lastResult()->noisy.empty());
        QCPBars* bars = measuredSeries();
        QVERIFY(bars);
        QCOMPARE(panel.histogram()->plottableCount(), 4); // ideal, noisy, sampled, measured
        QCOMPARE(panel.histogramLabels(), (QStringList{"00", "01", "10", "11"}));
        const double expected[] = {0.45, 0.03, 0.02, 0.5}; // 90, 6, 4, 100 of 200
        for (int k = 0; k < 4; ++k)
            QVERIFY2(near(bars->data()->at(k)->value, expected[k]), qPrintable(QString::number(k)));
        QVERIFY(panel.statusText().contains("measured: cloud job 3 on qpu.aria-1, 200 shots"));

        // An edit: another circuit, no measured series; undo: the measured circuit again.
        QVERIFY(!d.replaceCircuit(parse("qubit[2] q; bit[2] c; x q[1]; h q[0]; cx q[0], q[1]; c = measure q;"), "edit"));
        QTRY_VERIFY(!panel.measuredShown() && panel.lastResult()->generation == panel.simulator()->latestGeneration());
        QVERIFY(!measuredSeries());
        QCOMPARE(panel.histogram()->plottableCount(), 3);
        QVERIFY(!panel.statusText().contains("measured"));
        d.undoStack()->undo();
        QTRY_VERIFY(panel.measuredShown());
        QVERIFY(measuredSeries());

        // Qubit 0 measured into bit 1: the histogram is over the qubits, the counts over the bits.
        QVERIFY(!d.replaceCircuit(parse("qubit[2] q; bit[2] c; x q[0]; c[1] = measure q[0]; c[0] = measure q[1];"), "swapped"));
        panel.setMeasured(m);
        QTRY_VERIFY(panel.measuredNote().contains("into other bits than their own"));
        QVERIFY(!panel.measuredShown());
        QVERIFY(!measuredSeries());
        QVERIFY(panel.statusText().contains("Measured (job 3) not drawn"));
        // Counts three bits wide for a two-bit circuit.
        QVERIFY(!d.replaceCircuit(parse(kBell), "bell"));
        m.counts = {{"000", 10}, {"111", 10}};
        panel.setMeasured(m);
        QTRY_VERIFY(panel.measuredNote().contains("its outcomes have 3 bits, this view's 2"));
        // Removed.
        panel.setMeasured(std::nullopt);
        QTRY_VERIFY(panel.measuredNote().isEmpty() && !panel.measuredShown());
        QVERIFY(!panel.measured());
    }
};

QTEST_MAIN(TestLiveSimulation)
#include "tst_livesimulation.moc"
