// SPDX-License-Identifier: GPL-3.0-or-later
// tests/cloud/tst_simulation_check.cpp — a cloud job's counts against the simulator: TVD and
// Hellinger fidelity against hand-computed values, Qpilot's bit order (qubit 0 rightmost), the
// shot-noise yardstick ½ Σ √(2p(1−p)/(πN)) analytically, a device profile's noise model recognised
// in counts sampled from it, profiles without error figures, and every bad input as an error.
#include "core/cloud/simulation_check.h"
#include "core/circuit/qasm.h"
#include "core/device/device.h"
#include "core/mitigation/readout.h"
#include "core/noise/noise.h"
#include "core/sim/simulator.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace qpilot;
using namespace qpilot::cloud;

namespace {

using Counts = std::map<std::string, std::int64_t>;

const char kBell[] = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\nmeasure q -> c;\n";
const char kXOnQubit0[] = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[2];\nx q[0];\nmeasure q -> c;\n";

CloudJob job(const std::string& provider, const std::string& device, const std::string& qasm, const Counts& counts)
{
    CloudJob j;
    j.id = 7;
    j.provider = provider;
    j.deviceId = device;
    j.state = "completed";
    j.qasm = qasm;
    j.shots = 0;
    for (const auto& kv : counts)
        j.shots += int(kv.second);
    if (!counts.empty())
        j.countsJson = countsToJson(counts);
    return j;
}

double valueFor(const SimulationCheck& c, const std::vector<double>& v, const std::string& outcome)
{
    for (std::size_t i = 0; i < c.outcomes.size(); ++i)
        if (c.outcomes[i] == outcome)
            return v[i];
    return -1;
}

} // namespace

Q_DECLARE_METATYPE(Counts)

class TestSimulationCheck : public QObject {
    Q_OBJECT
    QTemporaryDir m_data;

private slots:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        qputenv("QPILOT_DATA_DIR", m_data.path().toUtf8()); // no user device copies leak in
    }

    void hellingerFidelity_data()
    {
        QTest::addColumn<std::vector<double>>("p");
        QTest::addColumn<std::vector<double>>("q");
        QTest::addColumn<double>("expected");
        QTest::newRow("equal") << std::vector<double>{0.5, 0.5} << std::vector<double>{0.5, 0.5} << 1.0;
        QTest::newRow("disjoint") << std::vector<double>{1, 0} << std::vector<double>{0, 1} << 0.0;
        // (√(0.45·0.5) + √(0.5·0.5) + √(0.05·0))² = (0.4743416 + 0.5)²
        QTest::newRow("bell with leakage") << std::vector<double>{0.45, 0, 0.05, 0.5} << std::vector<double>{0.5, 0, 0, 0.5}
                                           << std::pow(std::sqrt(0.225) + 0.5, 2);
        // uniform vs point mass on 4 outcomes: (√0.25)² = 0.25
        QTest::newRow("uniform vs point") << std::vector<double>{0.25, 0.25, 0.25, 0.25} << std::vector<double>{1, 0, 0, 0} << 0.25;
    }
    void hellingerFidelity()
    {
        QFETCH(std::vector<double>, p);
        QFETCH(std::vector<double>, q);
        QFETCH(double, expected);
        std::map<std::uint64_t, double> a, b;
        for (std::size_t i = 0; i < p.size(); ++i) {
            if (p[i] > 0)
                a[i] = p[i];
            if (q[i] > 0)
                b[i] = q[i];
        }
        QCOMPARE_LE(std::abs(mitigation::hellingerFidelity(a, b) - expected), 1e-12);
        QCOMPARE_LE(std::abs(mitigation::hellingerFidelity(b, a) - expected), 1e-12);
    }

    // Distances to the ideal simulation, against values worked out by hand. A device with no
    // Qpilot profile: the ideal comparison only, and a note saying why.
    void idealDistances_data()
    {
        QTest::addColumn<QString>("qasm");
        QTest::addColumn<Counts>("counts");
        QTest::addColumn<double>("tvd");
        QTest::addColumn<double>("fidelity");
        QTest::addColumn<int>("outcomes");
        QTest::newRow("bell exact") << QString(kBell) << Counts{{"00", 500}, {"11", 500}} << 0.0 << 1.0 << 2;
        // ½(|0.45−0.5| + |0.5−0.5| + |0.05−0|) = 0.05
        QTest::newRow("bell with leakage") << QString(kBell) << Counts{{"00", 450}, {"01", 50}, {"11", 500}} << 0.05
                                           << std::pow(std::sqrt(0.225) + 0.5, 2) << 3;
        // x on qubit 0: the ideal outcome is "01" (qubit 0 rightmost)
        QTest::newRow("qubit 0 is rightmost") << QString(kXOnQubit0) << Counts{{"01", 1000}} << 0.0 << 1.0 << 1;
        QTest::newRow("reversed order is far") << QString(kXOnQubit0) << Counts{{"10", 1000}} << 1.0 << 0.0 << 2;
        // only qubit 0 of three measured, into a 1-bit register: outcomes are 1 bit wide
        QTest::newRow("partial measurement")
            << QString("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[3] q;\nbit[1] c;\nh q[0];\nx q[1];\nc[0] = measure q[0];\n")
            << Counts{{"0", 300}, {"1", 700}} << 0.2 << std::pow(std::sqrt(0.15) + std::sqrt(0.35), 2) << 2;
    }
    void idealDistances()
    {
        QFETCH(QString, qasm);
        QFETCH(Counts, counts);
        QFETCH(double, tvd);
        QFETCH(double, fidelity);
        QFETCH(int, outcomes);
        auto check = checkAgainstSimulation(job("ibm", "ibm_nowhere", qasm.toStdString(), counts));
        QVERIFY2(check.ok(), check.ok() ? "" : check.error().message.c_str());
        QCOMPARE_LE(std::abs(check->tvdIdeal - tvd), 1e-12);
        QCOMPARE_LE(std::abs(check->fidelityIdeal - fidelity), 1e-12);
        QCOMPARE(int(check->outcomes.size()), outcomes);
        QCOMPARE(int(check->measured.size()), outcomes);
        QCOMPARE(int(check->ideal.size()), outcomes);
        QVERIFY(check->noisy.empty());
        QVERIFY(!check->tvdNoisy);
        QVERIFY(check->profileId.empty());
        QVERIFY2(QString::fromStdString(check->note).contains("no Qpilot device profile matches ibm_nowhere"), check->note.c_str());
        double sum = 0;
        for (double m : check->measured)
            sum += m;
        QCOMPARE_LE(std::abs(sum - 1), 1e-12);
        QVERIFY(std::is_sorted(check->outcomes.begin(), check->outcomes.end()));
    }

    // The shot-noise yardstick for a Bell state measured N times: p = ½ on two outcomes gives
    // ½·2·√(2·¼/(πN)) = √(1/(2πN)).
    void shotNoiseYardstick_data()
    {
        QTest::addColumn<int>("shots");
        QTest::newRow("100") << 100;
        QTest::newRow("1000") << 1000;
        QTest::newRow("100000") << 100000;
    }
    void shotNoiseYardstick()
    {
        QFETCH(int, shots);
        auto check = checkAgainstSimulation(job("ionq", "qpu.nowhere", kBell, Counts{{"00", shots / 2}, {"11", shots - shots / 2}}));
        QVERIFY(check.ok());
        QCOMPARE(check->shots, shots);
        QCOMPARE_LE(std::abs(check->shotNoiseTvd - std::sqrt(1.0 / (2 * M_PI * shots))), 1e-12);
    }

    // Counts sampled from ibm_fez's noise model (200,000 shots) are recognised: close to the noisy
    // simulation (within a few times the shot-noise yardstick) and clearly farther from the ideal.
    void recognisesTheDeviceModel()
    {
        auto device = findDevice("ibm_fez");
        QVERIFY(device.ok());
        auto noise = NoiseModel::fromDevice(device.value());
        QVERIFY(noise.ok());
        auto circuit = parseQasm(kBell);
        QVERIFY(circuit.ok());
        sim::SimOptions o;
        o.noise = &noise.value();
        o.shots = 200000;
        o.seed = 2026;
        o.method = sim::Method::DensityMatrix;
        auto sampled = sim::simulate(circuit.value(), o);
        QVERIFY(sampled.ok());
        Counts counts(sampled->counts.begin(), sampled->counts.end());

        auto check = checkAgainstSimulation(job("ibm", "ibm_fez", kBell, counts));
        QVERIFY2(check.ok(), check.ok() ? "" : check.error().message.c_str());
        QCOMPARE(check->profileId, std::string("ibm_fez"));
        QCOMPARE(check->noisyMethod, std::string("density matrix (exact)"));
        QVERIFY(check->tvdNoisy && check->fidelityNoisy);
        QCOMPARE(check->noisy.size(), check->outcomes.size());
        double sum = 0;
        for (double p : check->noisy)
            sum += p;
        QCOMPARE_LE(std::abs(sum - 1), 1e-9);
        // the model puts weight on the outcomes an ideal Bell state never gives
        QVERIFY(valueFor(check.value(), check->noisy, "01") > 1e-4);
        QCOMPARE(valueFor(check.value(), check->ideal, "01"), 0.0);
        QCOMPARE_LE(*check->tvdNoisy, 4 * check->shotNoiseTvd);
        QCOMPARE_GT(check->tvdIdeal, 5 * *check->tvdNoisy);
        QCOMPARE_GT(*check->fidelityNoisy, check->fidelityIdeal);
    }

    // IonQ Forte publishes no error figures: its model is ideal, so there is no noisy comparison.
    void profileWithoutErrorFigures()
    {
        auto check = checkAgainstSimulation(job("ionq", "qpu.forte-1", kBell, Counts{{"00", 510}, {"11", 490}}));
        QVERIFY(check.ok());
        QVERIFY(check->noisy.empty());
        QVERIFY2(QString::fromStdString(check->note).contains("ionq_forte_1 publishes no error"), check->note.c_str());
        QCOMPARE_LE(std::abs(check->tvdIdeal - 0.01), 1e-12);
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("qasm");
        QTest::addColumn<Counts>("counts");
        QTest::addColumn<QString>("message");
        QTest::newRow("no counts yet") << QString(kBell) << Counts{} << "has no counts yet";
        QTest::newRow("width differs") << QString(kBell) << Counts{{"000", 10}} << "counts are 3 bits wide but the circuit's outcomes are 2 bits";
        QTest::newRow("not a bitstring") << QString(kBell) << Counts{{"0a", 10}} << "is not a bitstring";
        QTest::newRow("no shots") << QString(kBell) << Counts{{"00", 0}} << "hold no shots";
        QTest::newRow("broken circuit") << QString("OPENQASM 2.0;\nqreg q[2];\nfoo q[0];\n") << Counts{{"00", 1}} << "does not parse";
        QTest::newRow("free parameter")
            << QString("OPENQASM 3.0;\ninclude \"stdgates.inc\";\ninput float theta;\nqubit[1] q;\nbit[1] c;\nrx(theta) q[0];\nc[0] = measure q[0];\n")
            << Counts{{"0", 1}} << "free parameters";
        QTest::newRow("too large") << QString("OPENQASM 3.0;\nqubit[60] q;\nbit[1] c;\nc[0] = measure q[0];\n") << Counts{{"0", 1}}
                                   << "too large to simulate";
    }
    void badInput()
    {
        QFETCH(QString, qasm);
        QFETCH(Counts, counts);
        QFETCH(QString, message);
        auto check = checkAgainstSimulation(job("ibm", "ibm_fez", qasm.toStdString(), counts));
        QVERIFY(!check.ok());
        QVERIFY2(QString::fromStdString(check.error().message).contains(message), check.error().message.c_str());
        QVERIFY2(QString::fromStdString(check.error().message).startsWith("job 7"), check.error().message.c_str());
    }

    void qubitLimit()
    {
        auto check = checkAgainstSimulation(job("ibm", "ibm_fez", kBell, Counts{{"00", 1}}), nullptr, 1);
        QVERIFY(!check.ok());
        QVERIFY2(QString::fromStdString(check.error().message).contains("has 2 qubits, above the 1 compared automatically"),
                 check.error().message.c_str());
        QVERIFY(checkAgainstSimulation(job("ibm", "ibm_fez", kBell, Counts{{"00", 1}}), nullptr, 2).ok());
    }

    void cancelled()
    {
        std::atomic<bool> cancel{true};
        auto check = checkAgainstSimulation(job("ibm", "ibm_fez", kBell, Counts{{"00", 1}}), &cancel);
        QVERIFY(!check.ok());
        QCOMPARE(check.error().message, std::string("cancelled"));
    }
};

QTEST_GUILESS_MAIN(TestSimulationCheck)
#include "tst_simulation_check.moc"
