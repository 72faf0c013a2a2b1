// tests/mitigation/tst_report.cpp — mitigateOnSimulator on shipped devices: exact GHZ runs where
// zne and pec reduce |bias| and rem removes the readout bias, the spent overhead next to
// overheadFor's prediction, the rem baseline for combined plans, and refused inputs.
#include "core/device/device.h"
#include "mitigation/fixtures.h"
#include "core/mitigation/mitigation.h"

#include <QtTest>

#include <cmath>

using namespace qpilot;
using namespace qpilot::mitigation;

using qpilot::test::ghz;

namespace {

const TechniqueReport* find(const MitigationReport& r, const std::string& name)
{
    for (const TechniqueReport& t : r.techniques)
        if (t.technique == name)
            return &t;
    return nullptr;
}

} // namespace

class TestReport : public QObject {
    Q_OBJECT
private slots:
    void exactGhzOnDevices_data()
    {
        QTest::addColumn<QString>("device");
        for (const char* d : {"ibm_torino", "ibm_kingston", "quantinuum_h1_1", "ionq_aria_1"})
            QTest::newRow(d) << d;
    }
    void exactGhzOnDevices()
    {
        QFETCH(QString, device);
        const DeviceProfile d = findDevice(device.toStdString()).value();
        SimulatorRunOptions o;
        o.shots = 0;
        auto r = mitigateOnSimulator(ghz(4, true), d, "zzzz", parsePlan("zne,pec").value(), o);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(r.value().observable, std::string("ZZZZ"));
        QVERIFY(std::abs(r.value().ideal - 1) < 1e-12);
        const double before = std::abs(r.value().noisy.value - 1);
        QVERIFY(before > 0);
        for (const char* name : {"zne", "pec"}) {
            const TechniqueReport* t = find(r.value(), name);
            QVERIFY(t);
            QCOMPARE(t->effect.biasBefore(), r.value().noisy.value - 1);
            QVERIFY2(std::abs(t->effect.biasAfter()) < before,
                     qPrintable(QString("%1: before %2 after %3").arg(name).arg(before).arg(t->effect.biasAfter())));
            QVERIFY(t->predicted.has_value());
        }
        const TechniqueReport* zne = find(r.value(), "zne");
        QCOMPARE(zne->effect.circuits, std::int64_t(zne->predicted->circuits));
    }

    void remBaselineAndSpent()
    {
        const DeviceProfile d = findDevice("ibm_torino").value();
        SimulatorRunOptions o;
        o.shots = 4000;
        o.seed = 3;
        auto r = mitigateOnSimulator(ghz(3, true), d, "IZZ", parsePlan("rem,zne").value(), o);
        QVERIFY(r.ok());
        const TechniqueReport* rem = find(r.value(), "rem");
        const TechniqueReport* zne = find(r.value(), "zne");
        QVERIFY(rem && zne);
        // rem: same shots, corrected; readout bias (2.3 % per qubit) mostly gone.
        QVERIFY(std::abs(rem->effect.biasAfter()) < 0.5 * std::abs(rem->effect.biasBefore()));
        QCOMPARE(rem->effect.calibrationCircuits, rem->predicted->calibrationCircuits);
        QCOMPARE(rem->effect.calibrationShots, rem->predicted->calibrationShots);
        // zne is judged against the readout-corrected noisy value, and says so.
        QCOMPARE(zne->effect.noisy, rem->effect.mitigated);
        QVERIFY(!zne->notes.empty());
        QCOMPARE(zne->effect.shots, zne->predicted->executionsConfigured);
    }

    void refused_data()
    {
        QTest::addColumn<QString>("plan");
        QTest::addColumn<QString>("observable");
        QTest::addColumn<int>("qubits");
        QTest::addColumn<QString>("message");
        QTest::newRow("trex") << "trex" << "ZZ" << 2 << "trex is not simulated";
        QTest::newRow("pauli length") << "zne" << "ZZZ" << 2 << "has 3 letters";
        QTest::newRow("pauli letter") << "zne" << "ZA" << 2 << "letter 2";
        QTest::newRow("too many qubits") << "zne" << "ZZZZZZZZZZZZZ" << 13 << "up to 12 qubits";
    }
    void refused()
    {
        QFETCH(QString, plan);
        QFETCH(QString, observable);
        QFETCH(int, qubits);
        QFETCH(QString, message);
        auto r = mitigateOnSimulator(ghz(qubits, true), findDevice("ibm_torino").value(), observable.toStdString(),
                                     parsePlan(plan.toStdString()).value(), SimulatorRunOptions{});
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error().message).contains(message), r.error().message.c_str());
    }

    void pecCapRefused()
    {
        MitigationPlan plan = parsePlan("pec").value();
        plan.pec->maxOverhead = 1.0;
        auto r = mitigateOnSimulator(ghz(4, true), findDevice("ibm_torino").value(), "ZZZZ", plan, SimulatorRunOptions{});
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.find("gamma^2 = ") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestReport)
#include "tst_report.moc"
