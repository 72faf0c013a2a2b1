// tests/cost/tst_prices.cpp — the price tables: the shipped files load and carry a date and
// source per price, every shipped device's pricing key resolves, the §3 rates are what the
// reference states, user files override rows, malformed tables give located errors, and every
// row survives being written to a user price file (what-if copies) and read back.
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

    // Every shipped row written alone to a price file reads back as the same row.
    void everyRowRoundTripsThroughAPriceFile()
    {
        const PriceTable shipped = builtinPrices();
        for (const PriceRow& r : shipped.rows) {
            PriceTable t;
            const auto e = loadPriceFile(priceFileJson(r), "copy.json", t);
            QVERIFY2(!e, e ? e->toString().c_str() : "");
            QCOMPARE(int(t.rows.size()), 1);
            const PriceRow& c = t.rows[0];
            const std::string what = r.key + " " + r.plan;
            QVERIFY2(c.key == r.key && c.plan == r.plan && c.name == r.name && c.model == r.model && c.isDefault == r.isDefault,
                     what.c_str());
            QVERIFY2(c.usdPerSecond == r.usdPerSecond && c.billingIncrementSeconds == r.billingIncrementSeconds
                         && c.assumedShotSeconds == r.assumedShotSeconds && c.freeSeconds == r.freeSeconds
                         && c.usdPerTask == r.usdPerTask && c.usdPerShot == r.usdPerShot
                         && c.minShotsErrorMitigation == r.minShotsErrorMitigation,
                     what.c_str());
            QVERIFY2(c.c1 == r.c1 && c.c2 == r.c2 && c.mEmOn == r.mEmOn && c.mEmOff == r.mEmOff && c.usdPerHqc == r.usdPerHqc
                         && c.hqcBase == r.hqcBase && c.hqc2qWeight == r.hqc2qWeight && c.hqcMeasureWeight == r.hqcMeasureWeight
                         && c.hqcDivisor == r.hqcDivisor,
                     what.c_str());
            QVERIFY2(c.date == r.date && c.source == r.source && c.note == r.note && c.provider == r.provider, what.c_str());
            QVERIFY2(c.latency.queueSeconds == r.latency.queueSeconds && c.latency.queueNote == r.latency.queueNote
                         && c.latency.roundTripSeconds == r.latency.roundTripSeconds
                         && c.latency.roundTripNote == r.latency.roundTripNote,
                     what.c_str());
            QCOMPARE(c.file, std::string("copy.json"));
        }
    }

    // A what-if copy of IBM Pay-As-You-Go at half the rate, saved to the user store, prices a
    // workload at exactly half (the per-second model is linear in the rate); bad copies are
    // refused with the field named and nothing written.
    void userPriceFileSavedAndUsed()
    {
        QTemporaryDir dir;
        const std::string store = dir.filePath("prices").toStdString();
        QVERIFY(listUserPriceFiles(store).empty()); // missing store: none
        const PriceTable shipped = builtinPrices();
        const PriceRow& payg = *shipped.find("ibm", "payg").value();
        PriceRow copy = payg;
        copy.usdPerSecond = payg.usdPerSecond / 2;
        copy.date = "2026-11-24";
        copy.source = "what-if: half of [S22,S26]";
        auto saved = saveUserPriceFile(copy, store);
        QVERIFY2(saved.ok(), saved.ok() ? "" : saved.error().toString().c_str());
        QCOMPARE(QFileInfo(QString::fromStdString(saved.value())).fileName(), QStringLiteral("ibm--payg.json"));
        QCOMPARE(listUserPriceFiles(store), std::vector<std::string>{saved.value()});
        auto table = loadPrices(listUserPriceFiles(store));
        QVERIFY(table.ok());
        const PriceRow& used = *table->find("ibm").value(); // still the default plan
        QCOMPARE(used.usdPerSecond, payg.usdPerSecond / 2);
        QCOMPARE(used.source, copy.source);
        Workload w;
        w.figures.duration = 50e-6;
        w.figures.measuredQubits = 2;
        w.repetitionDelay = 250e-6;
        const double before = costOf(payg, w, shipped.ibm).value().batchUsd;
        const double after = costOf(used, w, table->ibm).value().batchUsd;
        QVERIFY(before > 0);
        QCOMPARE(after, before / 2);
        // Braket keys hold ':' — the file name does not.
        PriceRow garnet = *shipped.find("braket:iqm_garnet").value();
        garnet.usdPerShot = 0.001;
        auto g = saveUserPriceFile(garnet, store);
        QVERIFY(g.ok());
        QCOMPARE(QFileInfo(QString::fromStdString(g.value())).fileName(), QStringLiteral("braket_iqm_garnet--on_demand.json"));
        QCOMPARE(int(listUserPriceFiles(store).size()), 2);
        // Refused: no source, a negative rate, a date that is not ISO.
        PriceRow bad = copy;
        bad.source.clear();
        auto noSource = saveUserPriceFile(bad, store);
        QVERIFY(!noSource.ok());
        QVERIFY2(noSource.error().message.find("rows[0].source") != std::string::npos, noSource.error().message.c_str());
        bad = copy;
        bad.usdPerSecond = -1;
        QVERIFY(saveUserPriceFile(bad, store).error().message.find("usd_per_second") != std::string::npos);
        bad = copy;
        bad.date = "24.11.2026";
        QVERIFY(saveUserPriceFile(bad, store).error().message.find("ISO date") != std::string::npos);
        QCOMPARE(int(listUserPriceFiles(store).size()), 2);
        QCOMPARE(loadPrices(listUserPriceFiles(store))->find("ibm").value()->usdPerSecond, payg.usdPerSecond / 2);
        // Read file by file: a broken one is left out with its located error, the others load.
        QFile broken(QString::fromStdString(store) + "/broken.json");
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{\n  \"format_version\": 1,\n  \"rows\": [ }\n");
        broken.close();
        const UserPriceFiles user = loadUserPriceFiles(store);
        QCOMPARE(int(user.rows.size()), 2);
        QCOMPARE(int(user.files.size()), 2);
        QCOMPARE(int(user.errors.size()), 1);
        QVERIFY(user.errors[0].file.find("broken.json") != std::string::npos);
        QCOMPARE(user.errors[0].line, 3);
    }

    // A what-if ×0.7 copy of every priced row costs exactly 0.7 times as much for the same batch
    // (the cost is linear in the rates under every model), keeps key and plan, and says what it is.
    void scaledCopyScalesTheCost()
    {
        const PriceTable shipped = builtinPrices();
        Workload w;
        w.shots = 1000;
        w.inferences = 1000;
        w.figures.measuredQubits = 4;
        w.figures.oneQubitGates = 20;
        w.figures.twoQubitGates = 6;
        w.figures.twoQubitDepth = 4;
        w.figures.duration = 50e-6;
        w.repetitionDelay = 250e-6;
        int checked = 0;
        for (const PriceRow& r : shipped.rows) {
            if (r.model == PriceModel::Free)
                continue;
            auto copy = scaledPriceCopy(r, 0.7, "2026-11-24");
            QVERIFY2(copy.ok(), r.key.c_str());
            QCOMPARE(copy->key, r.key);
            QCOMPARE(copy->plan, r.plan);
            QCOMPARE(copy->date, std::string("2026-11-24"));
            QVERIFY2(copy->source.find("what-if \u00d70.7 of " + r.source + " (" + r.date + ")") == 0, copy->source.c_str());
            for (AqtReading reading : {AqtReading::Additive, AqtReading::Minimum}) {
                w.aqtReading = reading;
                auto before = costOf(r, w, shipped.ibm);
                auto after = costOf(copy.value(), w, shipped.ibm);
                QVERIFY2(before.ok() && after.ok(), r.key.c_str());
                QVERIFY2(before->batchUsd > 0, r.key.c_str());
                QVERIFY2(std::abs(after->batchUsd - 0.7 * before->batchUsd) <= 1e-12 * before->batchUsd,
                         (r.key + " " + r.plan).c_str());
            }
            ++checked;
        }
        QVERIFY(checked >= 12);
        // Refused: factors that are not > 0, a free plan, a date that is not ISO.
        const PriceRow& payg = *shipped.find("ibm", "payg").value();
        for (double bad : {0.0, -1.0, std::nan("")})
            QVERIFY(scaledPriceCopy(payg, bad, "2026-11-24").error().message.find("factor") != std::string::npos);
        QVERIFY(scaledPriceCopy(*shipped.find("ibm", "open").value(), 0.5, "2026-11-24").error().message.find("free")
                != std::string::npos);
        QVERIFY(scaledPriceCopy(payg, 0.5, "today").error().message.find("ISO date") != std::string::npos);
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
