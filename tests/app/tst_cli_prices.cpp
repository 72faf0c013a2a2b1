// SPDX-License-Identifier: GPL-3.0-or-later
// tests/app/tst_cli_prices.cpp — `qpilot prices`: the list holds every published entry (then the
// user's what-if files, marked); `prices whatif` saves a copy with every rate × F that
// `qpilot estimate --prices` then uses (the batch costs exactly F times as much, the price named
// by its new source); usage errors are located and nothing is written.
#include "app/cli_runner.h"

#include "core/cost/cost.h"

#include <QDir>
#include <QJsonArray>
#include <QTest>

using namespace qpilot;
using namespace qpilot::test;

namespace {

QProcessEnvironment envWithData(const QTemporaryDir& home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QPILOT_DATA_DIR"), home.filePath("data"));
    return env;
}

} // namespace

class TestCliPrices : public QObject {
    Q_OBJECT

private slots:
    void listsThePublishedEntries()
    {
        QTemporaryDir home;
        const cost::PriceTable shipped = cost::builtinPrices();
        Run r = runQpilot({"prices", "--json"}, {}, envWithData(home));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(rows.size(), int(shipped.rows.size()));
        for (int i = 0; i < rows.size(); ++i) {
            const QJsonObject o = rows[i].toObject();
            QCOMPARE(o.value("key").toString().toStdString(), shipped.rows[size_t(i)].key);
            QCOMPARE(o.value("date").toString().toStdString(), shipped.rows[size_t(i)].date);
            QCOMPARE(o.value("source").toString().toStdString(), shipped.rows[size_t(i)].source);
            QCOMPARE(o.value("what_if").toBool(), false);
        }
        Run text = runQpilot({"prices"}, {}, envWithData(home));
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(QStringLiteral("%1 published entries").arg(shipped.rows.size())));
        QVERIFY(text.out.contains("$1.6/s"));
    }

    void whatIfCopyPricesTheEstimate()
    {
        QTemporaryDir home;
        const QProcessEnvironment env = envWithData(home);
        Run r = runQpilot({"prices", "whatif", "ibm", "--plan", "payg", "--factor", "0.5", "--source", "contract Q-2026-114", "--json"},
                          {}, env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject copy = jsonOf(r);
        const QString file = copy.value("file").toString();
        QCOMPARE(file, QDir(home.filePath("data/prices")).filePath("ibm--payg.json"));
        QVERIFY(QFile::exists(file));
        QCOMPARE(copy.value("unit_prices").toString(), QString("$0.8/s"));
        QCOMPARE(copy.value("unit_prices_published").toString(), QString("$1.6/s"));
        QCOMPARE(copy.value("source").toString(), QString("contract Q-2026-114"));
        // listed after the published entries, marked
        const QJsonArray rows = QJsonDocument::fromJson(runQpilot({"prices", "--json"}, {}, env).out.toUtf8()).array();
        QCOMPARE(rows.size(), int(cost::builtinPrices().rows.size()) + 1);
        QVERIFY(rows.last().toObject().value("what_if").toBool());
        // the estimate with the copy costs half, and names it
        const QString ghz = QStringLiteral(QPILOT_SOURCE_DIR "/resources/examples/ghz.qasm");
        Run published = runQpilot({"estimate", ghz, "--device", "ibm_fez", "--shots", "1000", "--json"}, {}, env);
        Run whatIf = runQpilot({"estimate", ghz, "--device", "ibm_fez", "--shots", "1000", "--prices", file, "--json"}, {}, env);
        QVERIFY2(published.exitCode == 0 && whatIf.exitCode == 0, qPrintable(published.err + whatIf.err));
        const double before = jsonOf(published).value("cost").toObject().value("unmitigated").toObject().value("batch_usd").toDouble();
        const double after = jsonOf(whatIf).value("cost").toObject().value("unmitigated").toObject().value("batch_usd").toDouble();
        QVERIFY(before > 0);
        QCOMPARE(after, before * 0.5);
        QVERIFY2(whatIf.out.contains("contract Q-2026-114"), qPrintable(whatIf.out));
        // the same key and plan again replaces the file
        Run again = runQpilot({"prices", "whatif", "ibm", "--factor", "0.25"}, {}, env);
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY(again.out.contains("$0.4/s"));
        QCOMPARE(QDir(home.filePath("data/prices")).entryList(QDir::Files).size(), 1);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no factor") << QStringList{"prices", "whatif", "ibm"} << "--factor F is required";
        QTest::newRow("bad factor") << QStringList{"prices", "whatif", "ibm", "--factor", "cheap"} << "not a number 'cheap'";
        QTest::newRow("zero factor") << QStringList{"prices", "whatif", "ibm", "--factor", "0"} << "must be a number > 0";
        QTest::newRow("no key") << QStringList{"prices", "whatif", "--factor", "0.5"} << "expected one pricing KEY";
        QTest::newRow("unknown key") << QStringList{"prices", "whatif", "acme", "--factor", "0.5"} << "known keys";
        QTest::newRow("unknown plan") << QStringList{"prices", "whatif", "ibm", "--plan", "gold", "--factor", "0.5"} << "plans: payg";
        QTest::newRow("free plan") << QStringList{"prices", "whatif", "ibm", "--plan", "open", "--factor", "0.5"} << "no rates to scale";
        QTest::newRow("empty source") << QStringList{"prices", "whatif", "ibm", "--factor", "0.5", "--source", " "}
                                      << "every price carries its source";
        QTest::newRow("factor without whatif") << QStringList{"prices", "--factor", "0.5"} << "--factor belongs to 'prices whatif'";
        QTest::newRow("unknown sub-command") << QStringList{"prices", "edit"} << "unknown sub-command 'edit'";
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QTemporaryDir home;
        Run r = runQpilot(args, {}, envWithData(home));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QDir(home.filePath("data/prices")).exists() || QDir(home.filePath("data/prices")).isEmpty()); // nothing written
    }
};

QTEST_GUILESS_MAIN(TestCliPrices)
#include "tst_cli_prices.moc"
