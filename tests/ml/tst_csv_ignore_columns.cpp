// tests/ml/tst_csv_ignore_columns.cpp — CSV columns left out of the features (CsvOptions::
// ignoreColumns, a pilot's dataset.ignore_columns): by header name, case-insensitively, by
// 1-based index; a text column that would be an error as a feature is fine when ignored; errors
// after ignoring still name the file column; bad names, the label, and ignoring everything are
// located errors; the report lists every column and the ignored ones; the pilot document reads
// and writes the list (only when not empty).
#include "core/ml/dataset.h"
#include "core/pilot/pilot.h"

#include <QtTest>

#include <QTemporaryDir>

using namespace qpilot;

namespace {

const char* kCsv = "id,name,petal,sepal,kind\n"
                   "1,anna,1.0,5.1,0\n2,bert,1.2,4.9,0\n3,carl,1.1,5.0,0\n"
                   "4,dora,4.5,6.1,1\n5,emil,4.7,6.3,1\n6,fred,4.4,6.0,1\n";

} // namespace

class TestCsvIgnoreColumns : public QObject {
    Q_OBJECT
private slots:
    void ignored_data()
    {
        QTest::addColumn<QStringList>("ignore");
        QTest::addColumn<QStringList>("features");
        QTest::newRow("by name") << QStringList{"name"} << QStringList{"id", "petal", "sepal"};
        QTest::newRow("two, case-insensitive") << QStringList{"NAME", "Id"} << QStringList{"petal", "sepal"};
        QTest::newRow("by index") << QStringList{"2", "1"} << QStringList{"petal", "sepal"};
        QTest::newRow("twice the same") << QStringList{"name", "2"} << QStringList{"id", "petal", "sepal"};
    }
    void ignored()
    {
        QFETCH(QStringList, ignore);
        QFETCH(QStringList, features);
        ml::CsvOptions o;
        for (const QString& i : ignore)
            o.ignoreColumns.push_back(i.toStdString());
        auto r = ml::parseCsv(kCsv, "people.csv", o);
        QVERIFY2(r, r ? "" : r.error().toString().c_str());
        QStringList names;
        for (const std::string& n : r->dataset.featureNames)
            names.append(QString::fromStdString(n));
        QCOMPARE(names, features);
        QCOMPARE(r->dataset.samples.features, int(features.size()));
        QCOMPARE(r->report.columnNames, (std::vector<std::string>{"id", "name", "petal", "sepal", "kind"}));
        QCOMPARE(r->report.labelColumn, 4);
        QVERIFY(std::find(r->report.ignoredColumns.begin(), r->report.ignoredColumns.end(), 1) != r->report.ignoredColumns.end());
        // Values: the first row's petal is feature index of "petal".
        const int petal = int(names.indexOf("petal"));
        QCOMPARE(r->dataset.samples.at(0, petal), 1.0);
        QCOMPARE(r->dataset.samples.at(3, petal), 4.5);
        QCOMPARE(r->dataset.samples.classes, 2);
    }

    void textColumnNeedsIgnoring()
    {
        auto r = ml::parseCsv(kCsv, "people.csv", {});
        QVERIFY(!r);
        QVERIFY(r.error().message.find("non-numeric value 'anna' in column 2") != std::string::npos);
    }

    void errorsStillNameFileColumns()
    {
        // A missing value in file column 4 ('sepal') after ignoring column 2: reported as column 4.
        const char* csv = "id,name,petal,sepal,kind\n1,a,1.0,5.1,0\n2,b,1.2,,0\n3,c,1.1,5.0,0\n"
                          "4,d,4.5,6.1,1\n5,e,4.7,6.3,1\n6,f,4.4,6.0,1\n";
        ml::CsvOptions o;
        o.ignoreColumns = {"name"};
        auto r = ml::parseCsv(csv, "gap.csv", o);
        QVERIFY(!r);
        QCOMPARE(r.error().line, 3);
        QCOMPARE(r.error().column, 4);
        o.impute = ml::Impute::Mean;
        auto filled = ml::parseCsv(csv, "gap.csv", o);
        QVERIFY(filled);
        QCOMPARE(int(filled->report.imputed.size()), 1);
        QCOMPARE(filled->report.imputed[0].column, 4);
        QCOMPARE(filled->report.imputed[0].feature, std::string("sepal"));
        QCOMPARE(filled->report.imputed[0].value, (5.1 + 5.0 + 6.1 + 6.3 + 6.0) / 5);
    }

    void badIgnore_data()
    {
        QTest::addColumn<QStringList>("ignore");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown name") << QStringList{"age"} << "" << "ignore columns: no column named 'age' in the header";
        QTest::newRow("out of range") << QStringList{"9"} << "" << "ignore columns: ignored column 9 is out of range";
        QTest::newRow("the label") << QStringList{"kind"} << "" << "'kind' is the label column";
        QTest::newRow("the named label") << QStringList{"petal"} << "petal" << "'petal' is the label column";
        QTest::newRow("everything") << QStringList{"id", "name", "petal", "sepal"} << "" << "no feature columns left";
    }
    void badIgnore()
    {
        QFETCH(QStringList, ignore);
        QFETCH(QString, label);
        QFETCH(QString, expected);
        ml::CsvOptions o;
        o.labelColumn = label.toStdString();
        for (const QString& i : ignore)
            o.ignoreColumns.push_back(i.toStdString());
        auto r = ml::parseCsv(kCsv, "people.csv", o);
        QVERIFY(!r);
        QVERIFY2(r.error().message.find(expected.toStdString()) != std::string::npos, r.error().message.c_str());
        QCOMPARE(r.error().file, std::string("people.csv"));
    }

    void pilotDocument()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath("people.csv"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kCsv);
        f.close();
        const std::string base = R"({"schema_version": 2, "name": "people", "dataset": {"source": "people.csv"%1},
            "preprocessing": {"pca": 2}, "circuit": {"encoding": "zz", "reps": 1}, "model": {"kind": "kernel"},
            "devices": ["ibm_torino"]})";
        auto make = [&](const char* extra) { return QString::fromStdString(base).arg(QLatin1String(extra)).toStdString(); };
        // Without ignoring, the 'name' column is a CSV error naming the file.
        auto plain = pilot::readPilot(make(""), "p.qpilot", dir.path().toStdString());
        QVERIFY(!plain);
        QVERIFY(plain.error().message.find("non-numeric value 'anna'") != std::string::npos);
        auto p = pilot::readPilot(make(R"(, "ignore_columns": ["name", "id"])"), "p.qpilot", dir.path().toStdString());
        QVERIFY2(p, p ? "" : p.error().toString().c_str());
        QCOMPARE(p->dataset.ignoreColumns, (std::vector<std::string>{"name", "id"}));
        const std::string text = pilot::writePilot(*p);
        QVERIFY(text.find("\"ignore_columns\": [\"name\", \"id\"]") != std::string::npos);
        auto back = pilot::readPilot(text, "p.qpilot", dir.path().toStdString());
        QVERIFY(back);
        QCOMPARE(pilot::writePilot(*back), text);
        // Not written when empty (the example pilots keep their text).
        pilot::Pilot none = *p;
        none.dataset.ignoreColumns.clear();
        QVERIFY(pilot::writePilot(none).find("ignore_columns") == std::string::npos);
        // Wrong type: located error naming the field.
        auto bad = pilot::readPilot(make(R"(, "ignore_columns": "name")"), "p.qpilot", dir.path().toStdString());
        QVERIFY(!bad);
        QVERIFY(bad.error().message.find("dataset.ignore_columns") != std::string::npos);
        // A shipped dataset has no columns to ignore.
        pilot::Pilot builtin = *p;
        builtin.dataset.source = "builtin:iris";
        bool named = false;
        for (const Error& e : pilot::validatePilot(builtin))
            named = named || e.message.rfind("dataset.ignore_columns: applies to CSV files only", 0) == 0;
        QVERIFY(named);
    }
};

QTEST_GUILESS_MAIN(TestCsvIgnoreColumns)
#include "tst_csv_ignore_columns.moc"
