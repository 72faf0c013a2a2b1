// tests/cost/tst_prices.cpp — the price tables: the shipped files load and carry a date and
// source per price, every shipped device's pricing key resolves, the §3 rates are what the
// reference states, user files override rows, and malformed tables give located errors.
#include "core/cost/cost.h"
#include "core/device/device.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace qpilot::cost;

namespace {

const char kValid[] = R"({
  "format_version": 1,
  "provider": "braket",
  "retrieved": "2026-11-24",
  "rows": [
    {"key": "braket:iqm_garnet", "plan": "on_demand", "name": "Garnet, negotiated", "model": "per_task_shot",
     "usd_per_task": 0.1, "usd_per_shot": 0.001, "date": "2026-11-01", "source": "contract"}
  ]
})";

std::string withRow(const std::string& row)
{
    return R"({
  "format_version": 1,
  "provider": "braket",
  "retrieved": "2026-11-24",
  "rows": [
    )" + row + R"(
  ]
})";
}

} // namespace

class TestPrices : public QObject {
    Q_OBJECT
private slots:
    void shippedTablesLoad()
    {
        const PriceTable t = builtinPrices();
        QCOMPARE(int(t.files.size()), 5);
        for (const std::string& f : t.files)
            QVERIFY2(f.find("invalid") == std::string::npos, f.c_str());
        QVERIFY(t.rows.size() >= 16);
        for (const PriceRow& r : t.rows) {
            QVERIFY2(!r.date.empty() && !r.source.empty(), r.key.c_str());
            QVERIFY2(r.source.find("[S") != std::string::npos, r.key.c_str()); // a reference source tag
            QVERIFY(!r.latency.queueNote.empty()); // the no-published-wait-time caveat
        }
        QCOMPARE(t.ibm.subjobOverheadSeconds, 2.0);
        QCOMPARE(t.ibm.quickRuleSecondsPerExecution, 0.00035);
    }

    void everyDeviceKeyResolves()
    {
        const PriceTable t = builtinPrices();
        for (const qpilot::DeviceProfile& d : qpilot::builtinDevices()) {
            auto r = t.find(d.pricing);
            QVERIFY2(r.ok(), (d.id + ": " + (r.ok() ? "" : r.error().message)).c_str());
        }
    }

    void referenceRates_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("plan");
        QTest::addColumn<double>("rate");
        // §3.1 IBM per second
        QTest::newRow("ibm payg") << "ibm" << "payg" << 1.60;
        QTest::newRow("ibm flex $72/min") << "ibm" << "flex" << 72.0 / 60;
        QTest::newRow("ibm premium ~$48/min") << "ibm" << "premium" << 48.0 / 60;
        // §3.2 Braket per shot
        QTest::newRow("forte") << "braket:ionq_forte" << "on_demand" << 0.08;
        QTest::newRow("aria") << "braket:ionq_aria" << "on_demand" << 0.03;
        QTest::newRow("aqt") << "braket:aqt_ibex" << "on_demand" << 0.0235;
        QTest::newRow("quera") << "braket:quera_aquila" << "on_demand" << 0.01;
        QTest::newRow("emerald") << "braket:iqm_emerald" << "on_demand" << 0.0016;
        QTest::newRow("garnet") << "braket:iqm_garnet" << "on_demand" << 0.00145;
        QTest::newRow("cepheus") << "braket:rigetti_cepheus" << "on_demand" << 0.000425;
        QTest::newRow("ankaa") << "braket:rigetti_ankaa" << "on_demand" << 0.0009;
        // §3.3 Azure
        QTest::newRow("rigetti $0.02/10ms") << "azure:rigetti_cepheus" << "payg" << 2.0;
        QTest::newRow("hqc standard") << "azure:quantinuum_hqc" << "standard" << 12.5;
        QTest::newRow("hqc premium") << "azure:quantinuum_hqc" << "premium" << 10.294;
    }
    void referenceRates()
    {
        QFETCH(QString, key);
        QFETCH(QString, plan);
        QFETCH(double, rate);
        const PriceTable t = builtinPrices();
        auto r = t.find(key.toStdString(), plan.toStdString());
        QVERIFY(r.ok());
        const PriceRow& row = *r.value();
        const double got = row.model == PriceModel::PerSecond ? row.usdPerSecond
                           : row.model == PriceModel::Hqc     ? row.usdPerHqc
                                                              : row.usdPerShot;
        QVERIFY(std::abs(got - rate) < 1e-12);
        if (row.model == PriceModel::PerTaskShot)
            QCOMPARE(row.usdPerTask, 0.30);
    }

    void defaultPlanAndErrors()
    {
        const PriceTable t = builtinPrices();
        QCOMPARE(QString::fromStdString(t.find("ibm").value()->plan), QStringLiteral("payg"));
        QCOMPARE(QString::fromStdString(t.find("azure:quantinuum_hqc").value()->plan), QStringLiteral("standard"));
        auto bad = t.find("ibm", "gold");
        QVERIFY(!bad.ok());
        QVERIFY(QString::fromStdString(bad.error().message).contains("plans: payg, open, flex, premium"));
        QVERIFY(QString::fromStdString(t.find("acme").error().message).contains("known keys"));
    }

    void userFileOverrides()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mine.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kValid);
        f.close();
        auto t = loadPrices({path.toStdString()});
        QVERIFY(t.ok());
        const PriceRow& r = *t->find("braket:iqm_garnet").value();
        QCOMPARE(r.usdPerShot, 0.001);
        QCOMPARE(QString::fromStdString(r.file), path);
        QCOMPARE(t->rows.size(), builtinPrices().rows.size()); // replaced, not added
        auto missing = loadPrices({dir.filePath(QStringLiteral("nope.json")).toStdString()});
        QVERIFY(!missing.ok());
        QVERIFY(QString::fromStdString(missing.error().toString()).contains("nope.json"));
    }

    void malformed_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line");
        const std::string ok = R"({"key": "k", "plan": "p", "name": "n", "model": "per_task_shot", "usd_per_task": 0.3, )"
                               R"("usd_per_shot": 0.01, "date": "2026-01-01", "source": "[S1]"})";
        QTest::newRow("negative price")
            << QString::fromStdString(withRow(R"({"key": "k", "plan": "p", "name": "n", "model": "per_task_shot",)"
                                              "\n"
                                              R"("usd_per_task": 0.3, "usd_per_shot": -0.01, "date": "2026-01-01", "source": "s"})"))
            << "rows[0].usd_per_shot': must be >= 0 (got -0.01)" << 7;
        QTest::newRow("missing date")
            << QString::fromStdString(withRow(R"({"key": "k", "plan": "p", "name": "n", "model": "per_task_shot", "usd_per_task": 0.3, "usd_per_shot": 0.01, "source": "s"})"))
            << "rows[0].date': missing" << 0;
        QTest::newRow("bad date")
            << QString::fromStdString(withRow(R"({"key": "k", "plan": "p", "name": "n", "model": "per_task_shot", "usd_per_task": 0.3, "usd_per_shot": 0.01, "date": "May 2026", "source": "s"})"))
            << "ISO date" << 6;
        QTest::newRow("unknown key")
            << QString::fromStdString(withRow(R"({"key": "k", "plan": "p", "name": "n", "model": "per_task_shot", "usd_per_task": 0.3, "usd_per_shot": 0.01, "date": "2026-01-01", "source": "s", "usd_per_gate": 1})"))
            << "rows[0].usd_per_gate': unknown field" << 6;
        QTest::newRow("missing rate")
            << QString::fromStdString(withRow(R"({"key": "k", "plan": "p", "name": "n", "model": "aqt", "c1_usd": 0.1, "c2_usd": 0.1, "m_em_on_usd": 1, "date": "2026-01-01", "source": "s"})"))
            << "rows[0].m_em_off_usd': missing" << 0;
        QTest::newRow("unknown model")
            << QString::fromStdString(withRow(R"({"key": "k", "plan": "p", "name": "n", "model": "per_gate", "date": "2026-01-01", "source": "s"})"))
            << "unknown price model 'per_gate'" << 6;
        QTest::newRow("duplicate row") << QString::fromStdString(withRow(ok + ",\n    " + ok)) << "appears twice" << 0;
        QTest::newRow("unknown top-level") << R"({"format_version": 1, "provider": "x", "retrieved": "2026-01-01", "rows": [{}], "vat": 1})"
                                           << "'vat': unknown field" << 1;
        QTest::newRow("bad json") << "{\n  \"format_version\": 1,\n  \"rows\": [ }\n" << "invalid JSON" << 3;
        QTest::newRow("no rows") << R"({"format_version": 1, "provider": "x", "retrieved": "2026-01-01", "rows": []})"
                                 << "non-empty array" << 1;
        QTest::newRow("version") << R"({"format_version": 2, "provider": "x", "retrieved": "2026-01-01", "rows": []})"
                                 << "format_version" << 1;
    }
    void malformed()
    {
        QFETCH(QString, json);
        QFETCH(QString, message);
        QFETCH(int, line);
        PriceTable t;
        auto e = loadPriceFile(json.toStdString(), "mine.json", t);
        QVERIFY(e.has_value());
        QVERIFY2(QString::fromStdString(e->message).contains(message), e->message.c_str());
        QCOMPARE(QString::fromStdString(e->file), QStringLiteral("mine.json"));
        if (line > 0)
            QCOMPARE(e->line, line);
        QVERIFY(t.rows.empty()); // nothing half-applied
    }
};

QTEST_APPLESS_MAIN(TestPrices)
#include "tst_prices.moc"
