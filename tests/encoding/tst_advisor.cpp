// tests/encoding/tst_advisor.cpp — the encoding advisor: the ranking agrees with the reported
// metrics (success probability, then 2q gates, then depth), the logical counts equal the
// resource formulas, routing adds two-qubit gates on heavy-hex but never on an all-to-all ion
// trap (level 0: exactly 3 CZ per swap), amplitude uses ⌈log2 N⌉ qubits, encodings wider than
// the device do not fit, basis applies to 0/1 data only, and the same seed gives the same advice.
#include "core/device/device.h"
#include "core/encoding/encoding.h"

#include <QtTest>

#include <cmath>

using namespace qpilot;
using namespace qpilot::encoding;

namespace {

const AdvisorEntry* entry(const Advice& a, const std::string& name)
{
    for (const AdvisorEntry& e : a.entries)
        if (e.name == name)
            return &e;
    return nullptr;
}

Advice advise(int features, const std::string& device, AdvisorOptions o = {})
{
    auto d = findDevice(device);
    if (!d)
        qFatal("%s", d.error().message.c_str());
    auto a = adviseEncodings(features, *d, o);
    if (!a)
        qFatal("%s", a.error().message.c_str());
    return *a;
}

} // namespace

class TestAdvisor : public QObject {
    Q_OBJECT

private slots:
    void rankingFollowsTheMetrics_data()
    {
        QTest::addColumn<QString>("device");
        QTest::addColumn<int>("features");
        QTest::addColumn<int>("level");
        QTest::newRow("ibm_torino N=4") << "ibm_torino" << 4 << 1;
        QTest::newRow("ibm_brisbane N=6 level 2") << "ibm_brisbane" << 6 << 2;
        QTest::newRow("ionq_aria_1 N=5") << "ionq_aria_1" << 5 << 1;
        QTest::newRow("iqm_garnet N=8") << "iqm_garnet" << 8 << 1;
        QTest::newRow("quantinuum_h1_1 N=6 (no success estimate)") << "quantinuum_h1_1" << 6 << 1;
    }
    void rankingFollowsTheMetrics()
    {
        QFETCH(QString, device);
        QFETCH(int, features);
        QFETCH(int, level);
        AdvisorOptions o;
        o.level = level;
        const Advice a = advise(features, device.toStdString(), o);
        QCOMPARE(a.entries.size(), size_t(7));
        int ranked = 0;
        for (size_t i = 0; i < a.entries.size(); ++i) {
            const AdvisorEntry& e = a.entries[i];
            if (!e.fits) {
                QCOMPARE(e.rank, 0);
                QVERIFY(!e.reason.empty());
                continue;
            }
            ++ranked;
            QCOMPARE(e.rank, ranked);
            QCOMPARE(int(i), ranked - 1); // ranked entries come first, in rank order
            if (i == 0)
                continue;
            const AdvisorEntry& p = a.entries[i - 1];
            if (p.successProbability && e.successProbability && std::abs(*p.successProbability - *e.successProbability) > 1e-9) {
                QVERIFY(*p.successProbability > *e.successProbability);
            } else if (p.successProbability.has_value() == e.successProbability.has_value()) {
                QVERIFY(p.after.twoQubitGates < e.after.twoQubitGates
                        || (p.after.twoQubitGates == e.after.twoQubitGates && p.after.depth <= e.after.depth));
            } else {
                QVERIFY(p.successProbability.has_value()); // known before unknown
            }
        }
        QCOMPARE(ranked, 6); // basis is not applicable to real-valued data
        QVERIFY(!entry(a, "basis")->applicable);
    }

    void logicalCountsMatchTheFormulas_data()
    {
        QTest::addColumn<int>("features");
        for (int n : {1, 2, 3, 5, 8})
            QTest::newRow(qPrintable(QString("N=%1").arg(n))) << n;
    }
    void logicalCountsMatchTheFormulas()
    {
        QFETCH(int, features);
        const Advice a = advise(features, "ibm_torino");
        struct Case {
            const char* name;
            Kind kind;
            Options options;
        };
        Options zzl, zzf, re;
        zzl.reps = zzf.reps = 2;
        zzl.entanglement = Entanglement::Linear;
        zzf.entanglement = Entanglement::Full;
        re.layers = 2;
        for (const Case& c : {Case{"angle", Kind::Angle, {}}, Case{"dense_angle", Kind::DenseAngle, {}},
                              Case{"amplitude", Kind::Amplitude, {}}, Case{"zz_linear", Kind::ZZ, zzl},
                              Case{"zz_full", Kind::ZZ, zzf}, Case{"reupload", Kind::Reupload, re}}) {
            const AdvisorEntry* e = entry(a, c.name);
            QVERIFY(e && e->fits);
            auto r = resources(c.kind, features, c.options);
            QCOMPARE(e->before.qubits, r->qubits);
            QCOMPARE(e->before.twoQubitGates, r->twoQubitGates);
            QCOMPARE(e->before.oneQubitGates, r->oneQubitGates);
            QCOMPARE(e->before.depth, r->depth);
            QCOMPARE(e->after.qubits, r->qubits); // physical qubits used = logical qubits
        }
    }

    void routingGrowsTwoQubitCountOnlyOnHeavyHex()
    {
        AdvisorOptions o;
        o.level = 0; // no optimisation: every swap is three CZ on Heron
        const Advice heavy = advise(6, "ibm_torino", o);
        const Advice ion = advise(6, "ionq_aria_1", o);
        const AdvisorEntry* h = entry(heavy, "zz_full");
        const AdvisorEntry* i = entry(ion, "zz_full");
        QVERIFY(h->fits && i->fits);
        QCOMPARE(h->before.twoQubitGates, 60LL); // 2 reps x 15 pairs x 2 CX
        QCOMPARE(i->before.twoQubitGates, 60LL);
        QVERIFY(h->swaps > 0);
        QCOMPARE(h->after.twoQubitGates, h->before.twoQubitGates + 3LL * h->swaps);
        QCOMPARE(i->swaps, 0);
        QVERIFY(i->after.twoQubitGates <= i->before.twoQubitGates);
        // The linear map fits a heavy-hex path: no routing there either.
        QCOMPARE(entry(heavy, "zz_linear")->swaps, 0);
        QCOMPARE(entry(heavy, "zz_linear")->after.twoQubitGates, entry(heavy, "zz_linear")->before.twoQubitGates);
        // And it ranks above the full map on both devices.
        QVERIFY(entry(heavy, "zz_linear")->rank < h->rank);
        QVERIFY(entry(ion, "zz_linear")->rank < i->rank);
    }

    void amplitudeUsesLogQubits_data()
    {
        QTest::addColumn<int>("features");
        QTest::addColumn<int>("qubits");
        QTest::newRow("2") << 2 << 1;
        QTest::newRow("3") << 3 << 2;
        QTest::newRow("4") << 4 << 2;
        QTest::newRow("5") << 5 << 3;
        QTest::newRow("13") << 13 << 4;
        QTest::newRow("30") << 30 << 5;
        QTest::newRow("64") << 64 << 6;
    }
    void amplitudeUsesLogQubits()
    {
        QFETCH(int, features);
        QFETCH(int, qubits);
        QCOMPARE(qubits, int(std::ceil(std::log2(double(features)))));
        const Advice a = advise(features, "iqm_garnet");
        const AdvisorEntry* e = entry(a, "amplitude");
        QVERIFY(e->fits);
        QCOMPARE(e->before.qubits, qubits);
        QCOMPARE(e->after.qubits, qubits);
        QCOMPARE(entry(a, "dense_angle")->before.qubits, (features + 1) / 2);
    }

    void widerThanTheDeviceDoesNotFit()
    {
        const Advice a = advise(30, "iqm_garnet"); // 20 qubits
        for (const char* name : {"angle", "zz_linear", "zz_full", "reupload"}) {
            const AdvisorEntry* e = entry(a, name);
            QVERIFY(!e->fits);
            QCOMPARE(e->rank, 0);
            QVERIFY2(e->reason.find("does not fit: needs 30 qubits, iqm_garnet has 20") == 0, e->reason.c_str());
        }
        QVERIFY(entry(a, "dense_angle")->fits); // 15 qubits
        QVERIFY(entry(a, "amplitude")->fits);   // 5 qubits
        QCOMPARE(a.entries[0].rank, 1);
        QCOMPARE(a.entries[1].rank, 2);
    }

    void basisAppliesToBinaryDataOnly()
    {
        AdvisorOptions o;
        o.binaryFeatures = true;
        const Advice a = advise(5, "ibm_torino", o);
        const AdvisorEntry* b = entry(a, "basis");
        QVERIFY(b->applicable && b->fits);
        QCOMPARE(b->before.twoQubitGates, 0LL);
        QCOMPARE(b->before.oneQubitGates, 3LL); // X on bits 0, 2, 4 of the sample 1,0,1,0,1
        QCOMPARE(b->rank, 1);                   // fewest gates: highest success probability
        const Advice real = advise(5, "ibm_torino");
        QVERIFY(!entry(real, "basis")->applicable);
        QVERIFY(entry(real, "basis")->reason.find("0/1") != std::string::npos);
    }

    void sameSeedSameAdvice()
    {
        AdvisorOptions o;
        o.level = 3;
        o.seed = 5;
        const Advice a = advise(7, "ibm_fez", o), b = advise(7, "ibm_fez", o);
        for (size_t i = 0; i < a.entries.size(); ++i) {
            QCOMPARE(a.entries[i].name, b.entries[i].name);
            QCOMPARE(a.entries[i].after.twoQubitGates, b.entries[i].after.twoQubitGates);
            QCOMPARE(a.entries[i].swaps, b.entries[i].swaps);
            QCOMPARE(a.entries[i].successProbability, b.entries[i].successProbability);
        }
    }

    void sampleIsGeneric()
    {
        const std::vector<double> x = advisorSample(50);
        for (double v : x) {
            QVERIFY(v > 0.2 - 1e-12 && v < M_PI - 0.2 + 1e-12);
            QVERIFY(std::abs(std::remainder(v, M_PI / 2)) > 1e-3); // never a Clifford angle
        }
    }

    void badInput()
    {
        auto d = findDevice("ibm_torino");
        QVERIFY(!adviseEncodings(0, *d).ok());
        AdvisorOptions o;
        o.level = 4;
        QVERIFY(!adviseEncodings(4, *d, o).ok());
        o = {};
        o.zzReps = 0;
        QVERIFY(!adviseEncodings(4, *d, o).ok());
    }
};

QTEST_GUILESS_MAIN(TestAdvisor)
#include "tst_advisor.moc"
