// SPDX-License-Identifier: GPL-3.0-or-later
// tests/app/tst_cli_train.cpp — `qpilot train` and `qpilot datasets` as real processes: the
// JSON shape (fingerprint, split sizes, seed as a string, per-model metrics), reproducibility
// for a seed, a fingerprint independent of CSV formatting, explicit imputation, class
// selection, PCA, generators, and exit code 2 with the row and column named for every kind of
// bad CSV (tests/data/csv/) and bad usage.
#include "app/cli_runner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using qpilot::test::Run;
using qpilot::test::writeTemp;
using qpilot::test::jsonOf;
using qpilot::test::runQpilot;

namespace {

QString csvData(const QString& name) { return QStringLiteral(QPILOT_TEST_DATA_DIR "/csv/") + name; }

// 40 rows, two separable classes, in a given format.
QByteArray twoBlobs(char delim, bool quoted, int missingRow = -1)
{
    QByteArray text = quoted ? "\"u\"" : "u";
    text += delim;
    text += quoted ? "\"v\"" : "v";
    text += delim;
    text += "class\n";
    for (int i = 0; i < 40; ++i) {
        const int label = i % 2;
        const double u = (label ? 2.0 : -2.0) + 0.05 * (i % 7);
        const double v = 0.1 * (i % 5) - 0.2;
        text += QByteArray::number(u);
        text += delim;
        text += i == missingRow ? QByteArray("NA") : QByteArray::number(v);
        text += delim;
        text += label ? (quoted ? "\"b\"" : "b") : (quoted ? "\"a\"" : "a");
        text += '\n';
    }
    return text;
}

} // namespace

class TestCliTrain : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void jsonReportOnIris()
    {
        const Run r = runQpilot({"train", "--dataset", "iris", "--seed", "12345678901234567890", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = jsonOf(r);
        QCOMPARE(j["seed"].toString(), QString("12345678901234567890")); // exact as a string
        const QJsonObject ds = j["dataset"].toObject();
        QCOMPARE(ds["name"].toString(), QString("iris"));
        QCOMPARE(ds["rows"].toInt(), 150);
        QVERIFY(QRegularExpression("^[0-9a-f]{64}$").match(ds["fingerprint"].toString()).hasMatch());
        QCOMPARE(j["split"].toObject()["train"].toInt(), 105);
        QCOMPARE(j["split"].toObject()["test"].toInt(), 45);
        const QJsonArray models = j["models"].toArray();
        QCOMPARE(models.size(), 3);
        QStringList names;
        for (const QJsonValue& v : models) {
            const QJsonObject m = v.toObject();
            names << m["model"].toString();
            const QJsonObject metrics = m["metrics"].toObject();
            QVERIFY(metrics["accuracy"].toDouble() >= 0.85);
            QVERIFY(metrics["roc_auc"].toDouble() > 0.9);
            const QJsonArray cm = metrics["confusion_matrix"].toArray();
            QCOMPARE(cm.size(), 3);
            int total = 0;
            for (const QJsonValue& row : cm)
                for (const QJsonValue& c : row.toArray())
                    total += c.toInt();
            QCOMPARE(total, 45);
            QVERIFY(!m["best"].toObject().isEmpty());
            QVERIFY(m["grid"].toArray().size() >= 5);
            QVERIFY(m["inference_samples_per_second"].toDouble() > 0);
            QVERIFY(m["train_seconds"].toDouble() > 0);
        }
        QCOMPARE(names, (QStringList{"logistic", "svm", "mlp"}));
    }

    void textReportListsMetricsGridAndFingerprint()
    {
        const QString fp = jsonOf(runQpilot({"train", "--dataset", "iris", "--model", "logistic", "--json"}))["dataset"]
                               .toObject()["fingerprint"].toString();
        const Run r = runQpilot({"train", "--dataset", "iris", "--model", "logistic"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("sha256    " + fp));
        QVERIFY(r.out.contains("split     105 train / 45 test, stratified"));
        QVERIFY(r.out.contains(QRegularExpression("\\nlogistic +0\\.\\d{4} +0\\.\\d{4} +0\\.\\d{4} +\\d\\.\\d{4}")));
        QVERIFY(r.out.contains("confusion matrix (rows = true, columns = predicted)"));
        // The text shows the grid's size and its best 5 points, the chosen one among them.
        QVERIFY(r.out.contains("grid: 13 points; the best 5")); // C = 0.001 … 1000, half-decades
        QCOMPARE(r.out.count(QRegularExpression("\\n  [ *] C=")), 5);
        QCOMPARE(r.out.count(QRegularExpression("\\n  \\* C=")), 1);
    }

    void sameSeedSameMetrics()
    {
        const QStringList args = {"train", "--dataset", "wine", "--seed", "5", "--folds", "3", "--json"};
        const QJsonObject a = jsonOf(runQpilot(args)), b = jsonOf(runQpilot(args));
        QCOMPARE(a["dataset"].toObject()["fingerprint"], b["dataset"].toObject()["fingerprint"]);
        const QJsonArray ma = a["models"].toArray(), mb = b["models"].toArray();
        QCOMPARE(ma.size(), 3);
        for (int i = 0; i < ma.size(); ++i) {
            QCOMPARE(ma[i].toObject()["metrics"], mb[i].toObject()["metrics"]);
            QCOMPARE(ma[i].toObject()["grid"], mb[i].toObject()["grid"]);
        }
    }

    void fingerprintIgnoresCsvFormatting()
    {
        const QString comma = writeTemp(m_dir, "comma.csv", twoBlobs(',', false));
        const QString semi = writeTemp(m_dir, "semi.txt", twoBlobs(';', true));
        const QString tab = writeTemp(m_dir, "tab.tsv", twoBlobs('\t', false));
        QString fingerprint;
        for (const QString& path : {comma, semi, tab}) {
            const Run r = runQpilot({"train", "--dataset", path, "--model", "logistic", "--json"});
            QCOMPARE(r.exitCode, 0);
            const QJsonObject j = jsonOf(r);
            const QString fp = j["dataset"].toObject()["fingerprint"].toString();
            if (fingerprint.isEmpty())
                fingerprint = fp;
            QCOMPARE(fp, fingerprint);
            QCOMPARE(j["models"].toArray()[0].toObject()["metrics"].toObject()["accuracy"].toDouble(), 1.0);
        }
    }

    void imputationIsExplicitAndListed()
    {
        const QString path = writeTemp(m_dir, "gap.csv", twoBlobs(',', false, 6));
        const Run refused = runQpilot({"train", "--dataset", path, "--model", "logistic"});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("gap.csv:8:2: missing value in column 2 ('v')"), qPrintable(refused.err));
        QVERIFY(refused.err.contains("--impute"));
        const Run mean = runQpilot({"train", "--dataset", path, "--model", "logistic", "--impute", "mean"});
        QCOMPARE(mean.exitCode, 0);
        QVERIFY2(mean.out.contains("imputed   line 8, column 2 ('v') = "), qPrintable(mean.out));
        const QJsonObject j = jsonOf(runQpilot({"train", "--dataset", path, "--model", "logistic", "--impute", "drop", "--json"}));
        QCOMPARE(j["csv"].toObject()["dropped_rows"].toInt(), 1);
        QCOMPARE(j["dataset"].toObject()["rows"].toInt(), 39);
    }

    void badCsvFilesExitTwoWithLocation_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing value") << "missing_value.csv" << "missing_value.csv:3:2: missing value in column 2 ('b')";
        QTest::newRow("non-numeric") << "non_numeric.csv" << "non_numeric.csv:4:2: non-numeric value 'five' in column 2 ('b')";
        QTest::newRow("ragged") << "ragged.csv" << "ragged.csv:4: ragged row: expected 3 fields";
        QTest::newRow("single class") << "single_class.csv" << "single_class.csv: only one class ('x') in the label column 'label' (column 3)";
        QTest::newRow("constant column") << "constant_column.csv" << "constant_column.csv: column 2 ('b') has the same value 2 in every row";
        QTest::newRow("empty") << "empty.csv" << "empty.csv: the file is empty";
    }
    void badCsvFilesExitTwoWithLocation()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const Run r = runQpilot({"train", "--dataset", csvData(file)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("qpilot: "), qPrintable(r.err));
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void classSelectionAndPca()
    {
        const Run r = runQpilot({"train", "--dataset", "iris", "--classes", "versicolor,virginica", "--model", "svm", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = jsonOf(r);
        QCOMPARE(j["dataset"].toObject()["rows"].toInt(), 100);
        QCOMPARE(j["dataset"].toObject()["class_names"].toArray().size(), 2);
        const Run p = runQpilot({"train", "--dataset", "breast_cancer", "--pca", "2", "--model", "logistic", "--json"});
        QCOMPARE(p.exitCode, 0);
        const QJsonObject pj = jsonOf(p);
        const QJsonArray ratio = pj["pca"].toObject()["explained_variance_ratio"].toArray();
        QCOMPARE(ratio.size(), 2);
        QVERIFY(ratio[0].toDouble() >= ratio[1].toDouble());
        QVERIFY(pj["models"].toArray()[0].toObject()["metrics"].toObject()["accuracy"].toDouble() > 0.9);
    }

    void generatedDatasets()
    {
        const Run r = runQpilot({"train", "--dataset", "moons:rows=120,noise=0.1", "--model", "svm", "--seed", "3", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = jsonOf(r);
        QCOMPARE(j["dataset"].toObject()["kind"].toString(), QString("generated"));
        QCOMPARE(j["dataset"].toObject()["rows"].toInt(), 120);
        QVERIFY(j["models"].toArray()[0].toObject()["metrics"].toObject()["accuracy"].toDouble() >= 0.95);
        const Run bad = runQpilot({"train", "--dataset", "moons:width=2"});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY(bad.err.contains("no parameter 'width'"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no dataset") << QStringList{"train"} << "--dataset is required";
        QTest::newRow("unknown dataset") << QStringList{"train", "--dataset", "mnist"} << "unknown dataset 'mnist'";
        QTest::newRow("missing file") << QStringList{"train", "--dataset", "nope.csv"} << "nope.csv: no such file";
        QTest::newRow("bad fraction") << QStringList{"train", "--dataset", "iris", "--test-fraction", "1.5"} << "--test-fraction";
        QTest::newRow("bad seed") << QStringList{"train", "--dataset", "iris", "--seed", "-1"} << "--seed";
        QTest::newRow("bad model") << QStringList{"train", "--dataset", "iris", "--model", "forest"} << "unknown --model 'forest'";
        QTest::newRow("too many folds") << QStringList{"train", "--dataset", "iris", "--folds", "20", "--test-fraction", "0.9"}
                                        << "fewer than the 20 folds";
        QTest::newRow("pca too large") << QStringList{"train", "--dataset", "iris", "--pca", "5"} << "exceeds the 4 features";
        QTest::newRow("label on builtin") << QStringList{"train", "--dataset", "iris", "--label", "class"} << "CSV files only";
        QTest::newRow("unknown class") << QStringList{"train", "--dataset", "iris", "--classes", "rose,setosa"} << "no class 'rose'";
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const Run r = runQpilot(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(expected), qPrintable(r.err));
    }

    void datasetsListing()
    {
        const Run r = runQpilot({"datasets", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject j = jsonOf(r);
        const QJsonArray ds = j["datasets"].toArray();
        QCOMPARE(ds.size(), 3);
        QJsonObject byName;
        for (const QJsonValue& v : ds)
            byName[v.toObject()["name"].toString()] = v;
        QCOMPARE(byName["breast_cancer"].toObject()["rows"].toInt(), 569);
        QCOMPARE(byName["wine"].toObject()["features"].toInt(), 13);
        QCOMPARE(byName["iris"].toObject()["classes"].toInt(), 3);
        QVERIFY(byName["iris"].toObject()["citation"].toString().contains("Fisher"));
        QCOMPARE(j["generators"].toArray().size(), 5);
        const Run text = runQpilot({"datasets"});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains("breast_cancer      569        30        2"));
        QCOMPARE(runQpilot({"datasets", "extra"}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliTrain)
#include "tst_cli_train.moc"
