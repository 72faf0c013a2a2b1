// SPDX-License-Identifier: GPL-3.0-or-later
// tests/app/tst_cli.cpp — the `qpilot` command line, run as a real process (QProcess):
// version, help, convert to every format (read back with the engine), info, exit codes and
// located errors on stderr; plus the GUI path's --screenshot wiring.
#include "core/circuit/circuit.h"
#include "app/cli_runner.h"
#include "support/reference.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace qpilot;
using qpilot::test::Run;
using qpilot::test::runQpilot;

namespace {

QString fixture(const QString& name)
{
    return QStringLiteral(QPILOT_TEST_DATA_DIR "/app/") + name;
}

Result<Circuit> parseAs(const QString& format, const QString& text)
{
    const std::string s = text.toStdString();
    if (format == QLatin1String("ionq"))
        return parseIonqJson(s, "<ionq>");
    if (format == QLatin1String("braket"))
        return parseBraketQasm(s, "<braket>");
    return parseQasm(s, "<" + format.toStdString() + ">");
}

Circuit readFixture(const QString& name)
{
    auto c = readQasmFile(fixture(name).toStdString());
    if (!c)
        qFatal("fixture %s does not parse: %s", qPrintable(name), c.error().toString().c_str());
    return c.value();
}

// The gate part of a circuit (measurements dropped), for comparing circuits whose format
// re-expresses gates (Braket and IonQ decompose gates they have no name for) or measurement
// (IonQ measures every qubit at the end).
Circuit gatesOnly(const Circuit& c)
{
    Circuit g = c;
    g.ops.clear();
    for (const Operation& op : c.ops) {
        if (std::holds_alternative<GateOp>(op.op))
            g.ops.push_back(op);
    }
    return g;
}

QList<int> measuredQubits(const Circuit& c)
{
    QList<int> qubits;
    for (const Operation& op : c.ops) {
        if (const auto* m = std::get_if<MeasureOp>(&op.op))
            qubits << m->qubit;
    }
    std::sort(qubits.begin(), qubits.end());
    return qubits;
}

// Same number of qubits, same unitary up to a global phase, same measured qubits.
QString equivalence(const Circuit& a, const Circuit& b)
{
    if (a.numQubits() != b.numQubits())
        return QStringLiteral("qubit counts differ: %1 vs %2").arg(a.numQubits()).arg(b.numQubits());
    const Matrix ua = test::circuitUnitary(gatesOnly(a));
    const Matrix ub = test::circuitUnitary(gatesOnly(b));
    if (ua.data.empty() || ub.data.empty())
        return QStringLiteral("no unitary");
    const double diff = test::maxDiffUpToPhase(ua, ub);
    if (diff > 1e-9)
        return QStringLiteral("unitaries differ by %1").arg(diff);
    if (measuredQubits(a) != measuredQubits(b))
        return QStringLiteral("measured qubits differ");
    return {};
}

const QStringList kFormats = {"qasm2", "qasm3", "braket", "ionq"};

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void version()
    {
        const Run r = runQpilot({"--version"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("qpilot " QPILOT_VERSION "\n"));
        QCOMPARE(r.out, QStringLiteral("qpilot 0.1.0\n"));
        QVERIFY(r.err.isEmpty());
    }

    void commandLineNeedsNoDisplay()
    {
        // A platform that cannot start here: the CLI must not try to load it.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        const Run r = runQpilot({"info", fixture("ghz3.qasm")}, QString(), env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("depth")), qPrintable(r.out));
    }

    void help_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("mustContain");
        const QStringList global = {"convert FILE --to", "info FILE", "--version", "Exit codes",
                                    "qasm2", "qasm3", "braket", "ionq", "  2  bad usage"};
        QTest::newRow("--help") << QStringList{"--help"} << global;
        QTest::newRow("-h") << QStringList{"-h"} << global;
        QTest::newRow("help") << QStringList{"help"} << global;
        const QStringList convert = {"Usage: qpilot convert FILE --to FORMAT", "--from FORMAT",
                                     "-o, --output OUT", "--json", "Exit codes"};
        QTest::newRow("convert --help") << QStringList{"convert", "--help"} << convert;
        QTest::newRow("help convert") << QStringList{"help", "convert"} << convert;
        const QStringList info = {"Usage: qpilot info FILE", "--json", "two_qubit_depth"};
        QTest::newRow("info -h") << QStringList{"info", "-h"} << info;
        QTest::newRow("help info") << QStringList{"help", "info"} << info;
    }

    void help()
    {
        QFETCH(QStringList, args);
        QFETCH(QStringList, mustContain);
        const Run r = runQpilot(args);
        QCOMPARE(r.exitCode, 0);
        for (const QString& s : mustContain)
            QVERIFY2(r.out.contains(s), qPrintable(QStringLiteral("missing '%1' in:\n%2").arg(s, r.out)));
        QVERIFY(r.err.isEmpty());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("errContains");
        const QString ghz = fixture("ghz3.qasm");
        QTest::newRow("unknown verb") << QStringList{"frobnicate"} << 2 << "unknown verb 'frobnicate'";
        QTest::newRow("unknown option") << QStringList{"--frobnicate"} << 2 << "unknown option";
        // the workbench's options select the workbench even without a FILE, which checks them
        QTest::newRow("workbench --page") << QStringList{"--page", "bogus"} << 2 << "--page: unknown page 'bogus'";
        QTest::newRow("workbench --size") << QStringList{"--size", "10x10", "--page", "cloud"} << 2 << "--size: expected WxH";
        QTest::newRow("convert no file") << QStringList{"convert", "--to", "qasm3"} << 2 << "missing FILE";
        QTest::newRow("convert no --to") << QStringList{"convert", ghz} << 2 << "missing --to";
        QTest::newRow("convert --to no value") << QStringList{"convert", ghz, "--to"} << 2 << "--to";
        QTest::newRow("convert bad --to") << QStringList{"convert", ghz, "--to", "qasm4"} << 2
                                          << "unknown --to format 'qasm4'";
        QTest::newRow("convert --to auto") << QStringList{"convert", ghz, "--to", "auto"} << 2
                                           << "unknown --to format 'auto'";
        QTest::newRow("convert bad --from") << QStringList{"convert", ghz, "--to", "qasm2", "--from", "quil"}
                                            << 2 << "unknown --from format 'quil'";
        QTest::newRow("convert two files") << QStringList{"convert", ghz, ghz, "--to", "qasm2"} << 2
                                           << "one FILE expected";
        QTest::newRow("convert unknown flag") << QStringList{"convert", ghz, "--to", "qasm2", "--fast"}
                                              << 2 << "Unknown option 'fast'";
        QTest::newRow("convert missing file") << QStringList{"convert", "no-such-file.qasm", "--to", "qasm3"}
                                              << 2 << "no-such-file.qasm: no such file";
        QTest::newRow("info missing file") << QStringList{"info", "no-such-file.qasm"} << 2
                                           << "no-such-file.qasm: no such file";
        QTest::newRow("info no file") << QStringList{"info"} << 2 << "missing FILE";
        QTest::newRow("help unknown") << QStringList{"help", "frobnicate"} << 2 << "no help for";
        QTest::newRow("--from contradicts header")
            << QStringList{"convert", ghz, "--to", "qasm2", "--from", "qasm2"} << 2
            << "declares OpenQASM 3";
        QTest::newRow("qasm2 cannot express if")
            << QStringList{"convert", fixture("teleport.qasm"), "--to", "qasm2"} << 1
            << "cannot convert to OpenQASM 2.0";
        QTest::newRow("ionq cannot express mid-circuit measurement")
            << QStringList{"convert", fixture("teleport.qasm"), "--to", "ionq"} << 1
            << "cannot convert to IonQ JSON";
        QTest::newRow("output not writable")
            << QStringList{"convert", ghz, "--to", "qasm3", "-o", "/nonexistent-dir/out.qasm"} << 1
            << "/nonexistent-dir/out.qasm: cannot write";
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, errContains);
        const Run r = runQpilot(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.startsWith(QLatin1String("qpilot: ")), qPrintable(r.err));
        QVERIFY2(r.err.contains(errContains), qPrintable(r.err));
        QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
        const bool usage = !r.err.contains(QLatin1String("no such file"))
            && !r.err.contains(QLatin1String("declares")) && exitCode == 2;
        if (usage)
            QVERIFY2(r.err.contains(QLatin1String("--help")), qPrintable(r.err));
    }

    void malformedInput_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("extraArgs");
        QTest::addColumn<int>("line");
        QTest::newRow("qasm2 missing comma") << "missing_comma.qasm" << QStringList{} << 6;
        QTest::newRow("qasm3 unknown gate") << "unknown_gate.qasm" << QStringList{} << 6;
        QTest::newRow("truncated ionq json") << "truncated.json" << QStringList{} << 0;
        QTest::newRow("qasm read as ionq") << "ghz3.qasm" << QStringList{"--from", "ionq"} << 0;
    }

    void malformedInput()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, extraArgs);
        QFETCH(int, line);
        for (const QString& verb : {QStringLiteral("convert"), QStringLiteral("info")}) {
            QStringList args{verb, fixture(file)};
            if (verb == QLatin1String("convert"))
                args << QStringLiteral("--to") << QStringLiteral("qasm3");
            args << extraArgs;
            const Run r = runQpilot(args);
            QCOMPARE(r.exitCode, 2);
            QVERIFY(r.out.isEmpty());
            // "qpilot: <path>:<line>:<column>: message" (JSON errors may lack a column).
            const QString pattern = line > 0
                ? QStringLiteral("^qpilot: %1:%2:\\d+: \\S").arg(QRegularExpression::escape(fixture(file))).arg(line)
                : QStringLiteral("^qpilot: %1(:\\d+)*: \\S").arg(QRegularExpression::escape(fixture(file)));
            QVERIFY2(QRegularExpression(pattern).match(r.err).hasMatch(),
                     qPrintable(QStringLiteral("stderr '%1' does not match %2").arg(r.err, pattern)));
        }
    }

    void convertRoundTrip_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("to");
        for (const QString& file : {QStringLiteral("bell2.qasm"), QStringLiteral("ghz3.qasm"),
                                    QStringLiteral("rot3.qasm")}) {
            for (const QString& to : kFormats)
                QTest::newRow(qPrintable(file + " -> " + to)) << file << to;
        }
    }

    void convertRoundTrip()
    {
        QFETCH(QString, file);
        QFETCH(QString, to);
        const Circuit input = readFixture(file);
        const Run r = runQpilot({"convert", fixture(file), "--to", to});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.err.isEmpty());
        const auto back = parseAs(to, r.out);
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().toString().c_str());
        if (to == QLatin1String("qasm2") || to == QLatin1String("qasm3")) {
            QVERIFY2(back.value() == input, qPrintable(r.out));
        } else {
            const QString diff = equivalence(back.value(), input);
            QVERIFY2(diff.isEmpty(), qPrintable(diff + "\n" + r.out));
        }
        if (to == QLatin1String("qasm2"))
            QVERIFY(r.out.startsWith(QLatin1String("OPENQASM 2.0;")));
        if (to == QLatin1String("qasm3"))
            QVERIFY(r.out.startsWith(QLatin1String("OPENQASM 3")));
        if (to == QLatin1String("ionq"))
            QVERIFY(QJsonDocument::fromJson(r.out.toUtf8()).isObject());
    }

    void convertFromEachFormat_data()
    {
        QTest::addColumn<QString>("from");
        for (const QString& from : kFormats)
            QTest::newRow(qPrintable(from)) << from;
    }

    // FILE in each format (made by convert) reads back, with auto-detection, to the circuit.
    void convertFromEachFormat()
    {
        QFETCH(QString, from);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString made = dir.filePath(from == QLatin1String("ionq") ? "c.json" : "c.qasm");
        QCOMPARE(runQpilot({"convert", fixture("ghz3.qasm"), "--to", from, "-o", made}).exitCode, 0);
        QStringList args{"convert", made, "--to", "qasm3"};
        if (from == QLatin1String("braket"))
            args << "--from" << "braket";
        const Run r = runQpilot(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto back = parseQasm(r.out.toStdString());
        QVERIFY(back.ok());
        const QString diff = equivalence(back.value(), readFixture("ghz3.qasm"));
        QVERIFY2(diff.isEmpty(), qPrintable(diff + "\n" + r.out));
    }

    void outputFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString out = dir.filePath("bell3.qasm");
        QFile::remove(out);
        const Run r = runQpilot({"convert", fixture("bell2.qasm"), "--to", "qasm3", "-o", out});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.isEmpty());
        QVERIFY(r.err.isEmpty());
        const auto back = readQasmFile(out.toStdString());
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().toString().c_str());
        QVERIFY(back.value() == readFixture("bell2.qasm"));
        // Atomic replace: an existing file is overwritten, and no temporary file is left.
        QCOMPARE(runQpilot({"convert", fixture("ghz3.qasm"), "--to", "qasm2", "--output", out}).exitCode, 0);
        QVERIFY(readQasmFile(out.toStdString()).value() == readFixture("ghz3.qasm"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"bell3.qasm"});
    }

    void convertJson_data()
    {
        QTest::addColumn<bool>("toFile");
        QTest::newRow("stdout") << false;
        QTest::newRow("-o") << true;
    }

    void convertJson()
    {
        QFETCH(bool, toFile);
        QTemporaryDir dir;
        const QString out = dir.filePath("x.json");
        QStringList args{"convert", fixture("bell2.qasm"), "--to", "ionq", "--json"};
        if (toFile)
            args << "-o" << out;
        const Run r = runQpilot(args);
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonObject o = doc.object();
        for (const char* key : {"input", "from", "to", "output", "text"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QCOMPARE(o.value("input").toString(), fixture("bell2.qasm"));
        QCOMPARE(o.value("from").toString(), QStringLiteral("qasm2"));
        QCOMPARE(o.value("to").toString(), QStringLiteral("ionq"));
        if (toFile) {
            QCOMPARE(o.value("output").toString(), out);
            QFile f(out);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(QString::fromUtf8(f.readAll()), o.value("text").toString());
        } else {
            QVERIFY(o.value("output").isNull());
        }
        QVERIFY(parseIonqJson(o.value("text").toString().toStdString()).ok());
    }

    void infoJson_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("qubits");
        QTest::addColumn<int>("depth");
        QTest::addColumn<int>("twoQubitDepth");
        QTest::addColumn<int>("size");
        QTest::addColumn<QVariantMap>("counts");
        QTest::newRow("ghz3") << "ghz3.qasm" << "qasm3" << 3 << 4 << 2 << 6
                              << QVariantMap{{"h", 1}, {"cx", 2}, {"measure", 3}};
        QTest::newRow("bell2") << "bell2.qasm" << "qasm2" << 2 << 4 << 1 << 6
                               << QVariantMap{{"h", 1}, {"cx", 1}, {"rz", 1}, {"u3", 1}, {"measure", 2}};
    }

    void infoJson()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        QFETCH(int, qubits);
        QFETCH(int, depth);
        QFETCH(int, twoQubitDepth);
        QFETCH(int, size);
        QFETCH(QVariantMap, counts);
        const Run r = runQpilot({"info", fixture(file), "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value("format").toString(), format);
        QCOMPARE(o.value("num_qubits").toInt(), qubits);
        QCOMPARE(o.value("num_clbits").toInt(), qubits);
        QCOMPARE(o.value("depth").toInt(), depth);
        QCOMPARE(o.value("two_qubit_depth").toInt(), twoQubitDepth);
        QCOMPARE(o.value("size").toInt(), size);
        QCOMPARE(o.value("measurements").toInt(), qubits);
        QCOMPARE(o.value("counts").toObject().toVariantMap(), counts);
        for (const char* key : {"width", "one_qubit_gates", "two_qubit_gates", "multi_qubit_gates",
                                "resets", "barriers", "conditionals"})
            QVERIFY2(o.value(QLatin1String(key)).isDouble(), key);
    }

    void infoText()
    {
        const Run r = runQpilot({"info", fixture("ghz3.qasm")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("(OpenQASM 3)")));
        QVERIFY(QRegularExpression(QStringLiteral("qubits\\s+3\\n")).match(r.out).hasMatch());
        QVERIFY(QRegularExpression(QStringLiteral("depth\\s+4\\n")).match(r.out).hasMatch());
        QVERIFY(r.out.contains(QLatin1String("cx 2, h 1, measure 3")));
    }

    void examplesLoad_data()
    {
        QTest::addColumn<QString>("example");
        for (const char* name : {"bell.qasm", "ghz.qasm", "qft4.qasm", "teleport.qasm"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    // The bundled examples parse and convert to OpenQASM 3.
    void examplesLoad()
    {
        QFETCH(QString, example);
        const Run r = runQpilot({"convert", QStringLiteral(QPILOT_SOURCE_DIR "/resources/examples/") + example,
                                 "--to", "qasm3"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    // The GUI path: a circuit file plus --screenshot renders the window offscreen to a PNG.
    void guiScreenshot()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath("shot.png");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath("config"));
        const Run r = runQpilot({fixture("ghz3.qasm"), "--screenshot", png}, dir.path(), env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile f(png);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(8) == QByteArray("\x89PNG\r\n\x1a\n", 8));
        QVERIFY(f.size() > 10000);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
