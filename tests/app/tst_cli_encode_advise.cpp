// SPDX-License-Identifier: GPL-3.0-or-later
// tests/app/tst_cli_encode_advise.cpp — `qpilot encode --advise` as a real process: the JSON
// shape and ranks, N taken from a dataset (Iris: 4) or --features, 0/1 data enabling the
// basis encoding, the text table, determinism, and exit code 2 for bad usage.
#include "app/cli_runner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using qpilot::test::Run;
using qpilot::test::jsonOf;
using qpilot::test::runQpilot;

namespace {

QJsonObject encodingOf(const QJsonObject& root, const QString& name)
{
    for (const QJsonValue& v : root["encodings"].toArray())
        if (v.toObject()["encoding"].toString() == name)
            return v.toObject();
    return {};
}

} // namespace

class TestCliEncodeAdvise : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void jsonForADataset()
    {
        const Run r = runQpilot({"encode", "--advise", "--dataset", "iris", "--device", "ibm_torino", "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject j = jsonOf(r);
        QCOMPARE(j["features"].toInt(), 4);
        QCOMPARE(j["dataset"].toString(), QStringLiteral("iris"));
        QCOMPARE(j["device"].toString(), QStringLiteral("ibm_torino"));
        QCOMPARE(j["level"].toInt(), 1);
        const QJsonArray list = j["encodings"].toArray();
        QCOMPARE(list.size(), 7);
        double previous = 2;
        for (int i = 0; i < 6; ++i) {
            const QJsonObject e = list[i].toObject();
            QCOMPARE(e["rank"].toInt(), i + 1);
            QVERIFY(e["fits"].toBool());
            const QJsonObject after = e["after"].toObject();
            for (const char* key : {"qubits", "one_qubit_gates", "two_qubit_gates", "depth", "two_qubit_depth", "swaps",
                                    "duration_seconds", "success_probability"})
                QVERIFY2(after.contains(key), key);
            const double p = after["success_probability"].toDouble();
            QVERIFY(p > 0 && p <= previous);
            previous = p;
        }
        const QJsonObject basis = list[6].toObject();
        QCOMPARE(basis["encoding"].toString(), QStringLiteral("basis"));
        QVERIFY(basis["rank"].isNull());
        QCOMPARE(basis["applicable"].toBool(), false);
        QCOMPARE(encodingOf(j, "amplitude")["before"].toObject()["qubits"].toInt(), 2);
        QCOMPARE(encodingOf(j, "zz_full")["before"].toObject()["two_qubit_gates"].toInt(), 24); // 2 x 6 pairs x 2
    }

    void binaryCsvEnablesBasis()
    {
        const QString path = m_dir.filePath("bits.csv");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("a,b,c,label\n0,1,1,x\n1,0,1,y\n1,1,0,x\n0,0,1,y\n1,0,0,x\n0,1,0,y\n");
        f.close();
        const Run r = runQpilot({"encode", "--advise", "--dataset", path, "--device", "iqm_garnet", "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject j = jsonOf(r);
        QCOMPARE(j["binary_features"].toBool(), true);
        QCOMPARE(encodingOf(j, "basis")["applicable"].toBool(), true);
        QCOMPARE(encodingOf(j, "basis")["rank"].toInt(), 1);
    }

    void featuresAndDoesNotFit()
    {
        const Run r = runQpilot({"encode", "--advise", "--features", "30", "--device", "iqm_garnet"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("N = 30 features on iqm_garnet (20 qubits)"));
        QVERIFY(r.out.contains("angle        does not fit: needs 30 qubits, iqm_garnet has 20"));
        QVERIFY(r.out.contains("P(success)"));
        const Run a = runQpilot({"encode", "--advise", "--features", "5", "--device", "ibm_fez", "--level", "3", "--seed", "4", "--json"});
        const Run b = runQpilot({"encode", "--advise", "--features", "5", "--device", "ibm_fez", "--level", "3", "--seed", "4", "--json"});
        QCOMPARE(a.exitCode, 0);
        QCOMPARE(a.out, b.out);
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no device") << QStringList{"encode", "--advise", "--features", "4"} << "--device ID is required";
        QTest::newRow("no N") << QStringList{"encode", "--advise", "--device", "ibm_torino"} << "give either --dataset D or --features N";
        QTest::newRow("both") << QStringList{"encode", "--advise", "--dataset", "iris", "--features", "4", "--device", "ibm_torino"}
                              << "give either";
        QTest::newRow("bad level") << QStringList{"encode", "--advise", "--features", "4", "--device", "ibm_torino", "--level", "5"}
                                   << "--level must be 0, 1, 2 or 3";
        QTest::newRow("unknown device") << QStringList{"encode", "--advise", "--features", "4", "--device", "nosuch"} << "unknown device";
        QTest::newRow("unknown dataset") << QStringList{"encode", "--advise", "--dataset", "mnist", "--device", "ibm_torino"}
                                         << "unknown dataset 'mnist'";
        QTest::newRow("encoding with advise") << QStringList{"encode", "--advise", "--features", "4", "--device", "ibm_torino",
                                                             "--encoding", "zz"}
                                              << "does not apply";
        QTest::newRow("level without advise") << QStringList{"encode", "--encoding", "zz", "--features", "4", "--level", "2"}
                                              << "goes with --advise";
        QTest::newRow("zero features") << QStringList{"encode", "--advise", "--features", "0", "--device", "ibm_torino"}
                                       << "--features must be a positive integer";
    }
    void badUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = runQpilot(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("qpilot: ") && r.err.contains(message), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliEncodeAdvise)
#include "tst_cli_encode_advise.moc"
