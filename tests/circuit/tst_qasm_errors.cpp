// tests/circuit/tst_qasm_errors.cpp — the OpenQASM reader on bad input: a table of malformed
// and unsupported programs, each checked for the error's file, line, column and a key phrase of
// its message; errors inside included files; and robustness (truncated and mutated corpus files
// must give an error or a circuit, never a crash or a hang).
#include "core/circuit/circuit.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <random>

using namespace qpilot;

class TestQasmErrors : public QObject {
    Q_OBJECT
private slots:
    void malformed_data();
    void malformed();
    void errorsInIncludedFiles();
    void unreadableFiles();
    void truncatedAndMutatedCorpus();
};

void TestQasmErrors::malformed_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("phrase");
    QTest::addColumn<int>("maxOperations"); // 0: the default
    const auto row = [](const char* name, const QByteArray& source, int line, int column,
                        const char* phrase, int maxOperations = 0) {
        QTest::newRow(name) << source << line << column << QString::fromUtf8(phrase) << maxOperations;
    };

    row("empty file", "", 1, 1, "empty program");
    row("only comments", "// nothing\n/* here */\n  \n", 1, 1, "empty program");
    row("unsupported version", "OPENQASM 4.0;", 1, 10, "unsupported OpenQASM version '4.0'");
    row("missing version number", "OPENQASM;", 1, 9, "expected a version number");
    row("header not first", "qubit q;\nOPENQASM 3.0;", 2, 1, "must be the first statement");
    row("NUL byte", QByteArray("OPENQASM 3.0;\nqubit q;\nh q;\0", 28), 3, 5, "file is not text");
    row("invalid UTF-8", "OPENQASM 3.0;\nqubit q; // caf\xE9\n", 2, 16, "invalid UTF-8 byte 0xE9");
    row("unterminated comment", "OPENQASM 3.0;\nqubit q;\n/* never closed\nh q;", 3, 1, "unterminated comment");
    row("unterminated string", "OPENQASM 3.0;\ninclude \"stdgates.inc;\n", 2, 9, "unterminated string");
    row("unexpected character", "OPENQASM 3.0;\nqubit q;\nh q # ;", 3, 5, "unexpected character '#'");
    row("invalid number suffix", "OPENQASM 3.0;\nqubit q;\nrx(1q) q;", 3, 4, "invalid suffix 'q'");
    row("integer literal too large", "OPENQASM 3.0;\nqubit q;\nrx(99999999999999999999) q;", 3, 4, "is too large");
    row("columns count characters", "OPENQASM 3.0;\nqubit θ; h θ; foo θ;", 2, 15, "unknown gate 'foo'");
    row("missing semicolon", "OPENQASM 3.0;\nqubit q\nh q;", 2, 8, "expected ';' after the statement");
    row("missing comma between operands", "OPENQASM 3.0;\nqubit[2] q;\ncx q[0] q[1];", 3, 8, "expected ',' between operands");
    row("missing closing parenthesis", "OPENQASM 3.0;\nqubit q;\nrx(0.5 q;", 3, 8, "expected ')'");
    row("missing closing brace", "OPENQASM 3.0;\nqubit q;\nif (true) {\n h q;\n", 3, 11, "'{' has no matching '}'");
    row("not a statement", "OPENQASM 3.0;\n5;", 2, 1, "expected a statement");
    row("else without if", "OPENQASM 3.0;\nelse { }", 2, 1, "'else' without a matching 'if'");
    row("include needs a string", "OPENQASM 3.0;\ninclude stdgates;", 2, 9, "expected a file name in quotes");
    row("pow needs an argument", "OPENQASM 3.0;\nqubit q;\npow @ x q;", 3, 5, "expected '(' after 'pow'");
    row("OpenQASM 2 qubit declaration", "OPENQASM 2.0;\nqubit q;", 2, 1, "OpenQASM 3 is needed for 'qubit' declarations");
    row("OpenQASM 2 for loop", "OPENQASM 2.0;\nqreg q[1];\nfor i in [0:1] { h q; }", 3, 1, "OpenQASM 3 is needed for 'for' loops");
    row("OpenQASM 2 if with block", "OPENQASM 2.0;\nqreg q[1];\ncreg c[1];\nif (c==1) { x q[0]; }", 4, 11, "OpenQASM 3 is needed for an 'if' with a block");
    row("OpenQASM 2 measure without arrow", "OPENQASM 2.0;\nqreg q[1];\nmeasure q[0];", 3, 1, "OpenQASM 3 is needed for 'measure' without '->'");
    row("deep parentheses", QByteArray("OPENQASM 3.0;\nqubit q;\nrx(") + QByteArray(100000, '(') + "1" + QByteArray(100000, ')') + ") q;", 3, 204, "nested too deeply");
    row("deep unary minus", QByteArray("OPENQASM 3.0;\nqubit q;\nrx(") + QByteArray(100000, '-') + "1) q;", 3, 204, "nested too deeply");
    row("deep blocks", QByteArray("OPENQASM 3.0;\n") + QByteArray(100000, '{'), 2, 201, "nested too deeply");
    row("very long sum", QByteArray("OPENQASM 3.0;\nqubit q;\nrx(") + QByteArray(10000, '1').replace("1", "1+") + "1) q;", 3, 2003, "too long or nested too deeply");
    row("operation limit", "OPENQASM 3.0;\nqubit q;\nfor int i in [0:100] { h q; }", 3, 24, "more than 50 operations", 50);
    row("endless while loop", "OPENQASM 3.0;\nint i = 0;\nwhile (true) { i += 1; }", 3, 1, "does not finish", 1000);
    row("huge for loop", "OPENQASM 3.0;\nfor int i in [0:2000000000] { }", 2, 1, "the loop runs more than");
    row("register too large", "OPENQASM 3.0;\nqubit[1000000000] q;", 2, 7, "register 'q' has 1000000000 qubits; Qpilot circuits hold at most 4096");
    row("total qubits too large", "OPENQASM 3.0;\nqubit[4000] a;\nqubit[100] b;", 3, 12, "brings the circuit to 4100 qubits");
    row("empty register", "OPENQASM 2.0;\nqreg q[0];", 2, 8, "at least 1 qubit");
    row("negative register size", "OPENQASM 3.0;\nconst int n = -1;\nqubit[n] q;", 3, 7, "at least 1 qubit, not -1");
    row("too many bits", "OPENQASM 3.0;\nbit[70000] c;", 2, 5, "has 70000 bits");
    row("duplicate declaration", "OPENQASM 3.0;\nqubit q;\nbit q;", 3, 5, "'q' is already declared (line 2)");
    row("redeclared constant pi", "OPENQASM 3.0;\nconst float pi = 3;", 2, 13, "built-in constant");
    row("qubit declared in a block", "OPENQASM 3.0;\n{ qubit q; }", 2, 3, "qubits must be declared at global scope");
    row("include in a block", "OPENQASM 3.0;\n{ include \"x.inc\"; }", 2, 3, "'include' must be at global scope");
    row("missing include file", "OPENQASM 3.0;\ninclude \"nothere.inc\";", 2, 9, "cannot find include file 'nothere.inc'");
    row("physical and declared qubits", "OPENQASM 3.0;\nqubit q;\nh $0;", 3, 3, "cannot be mixed");
    row("unknown gate", "OPENQASM 3.0;\nqubit q;\nfoo q;", 3, 1, "unknown gate 'foo'");
    row("too few qubits", "OPENQASM 3.0;\nqubit[2] q;\ncx q[0];", 3, 1, "gate 'cx' takes 2 qubits, got 1");
    row("too many parameters", "OPENQASM 3.0;\nqubit q;\nh(0.5) q;", 3, 1, "gate 'h' takes 0 parameters, got 1");
    row("missing parameter", "OPENQASM 3.0;\nqubit q;\nrx q;", 3, 1, "gate 'rx' takes 1 parameter, got 0");
    row("controls counted", "OPENQASM 3.0;\nqubit[2] q;\nctrl @ x q[0];", 3, 8, "gate 'x' with 1 control takes 2 qubits, got 1");
    row("zero controls", "OPENQASM 3.0;\nqubit q;\nctrl(0) @ x q;", 3, 6, "between 1 and 4096");
    row("duplicate qubit", "OPENQASM 3.0;\nqubit[2] q;\ncx q[0], q[0];", 3, 10, "qubit q[0] is used twice");
    row("broadcast size mismatch", "OPENQASM 3.0;\nqubit[2] a;\nqubit[3] b;\ncx a, b;", 4, 7, "different sizes");
    row("gate durations", "OPENQASM 3.0;\nqubit q;\nh[100ns] q;", 3, 2, "gate durations");
    row("custom gate parameter count", "OPENQASM 3.0;\ngate g(a) q { rx(a) q; }\nqubit q;\ng q;", 4, 1, "gate 'g' takes 1 parameter, got 0");
    row("recursive gate", "OPENQASM 3.0;\ngate g a { h a; g a; }", 2, 17, "recursive gate definition");
    row("redefined gate", "OPENQASM 3.0;\ngate g a { h a; }\ngate g a { x a; }", 3, 6, "gate 'g' is already defined (line 2)");
    row("standard name, other signature", "OPENQASM 3.0;\ngate cx a { x a; }", 2, 6, "'cx' is a standard gate with 2 qubits");
    row("body uses a later gate", "OPENQASM 3.0;\ngate a1 q { b1 q; }\ngate b1 q { h q; }", 2, 13, "unknown gate 'b1'");
    row("measure in a gate body", "OPENQASM 3.0;\ngate g a { measure a; }", 2, 12, "only gate calls and barriers");
    row("gate body uses a register", "OPENQASM 3.0;\nqubit[2] r;\ngate g a { cx a, r[0]; }", 3, 18, "cannot be used inside gate 'g'");
    row("gate argument indexed", "OPENQASM 3.0;\ngate g a { h a[0]; }", 2, 14, "gate argument 'a' is a single qubit");
    row("gate definition in a loop", "OPENQASM 3.0;\nfor i in [0:1] { gate g a { h a; } }", 2, 18, "gate definitions must be at global scope");
    row("opaque gate", "OPENQASM 2.0;\nopaque magic a;", 2, 1, "opaque gate 'magic'");
    row("index out of range", "OPENQASM 3.0;\nqubit[2] q;\nh q[5];", 3, 5, "qubit index 5 is out of range for register 'q' of size 2");
    row("negative index out of range", "OPENQASM 3.0;\nqubit[2] q;\nh q[-3];", 3, 5, "qubit index -3 is out of range");
    row("OpenQASM 2 negative index", "OPENQASM 2.0;\nqreg q[2];\nh q[-1];", 3, 5, "qubit index -1 is out of range");
    row("bit index out of range", "OPENQASM 3.0;\nqubit q;\nbit[2] c;\nc[2] = measure q;", 4, 3, "bit index 2 is out of range for register 'c' of size 2");
    row("scalar qubit indexed", "OPENQASM 3.0;\nqubit a;\nh a[0];", 3, 3, "'a' is a single qubit");
    row("range step zero", "OPENQASM 3.0;\nqubit[3] q;\nh q[0:0:2];", 3, 7, "a range step cannot be zero");
    row("empty range", "OPENQASM 3.0;\nqubit[3] q;\nh q[2:1];", 3, 5, "selects no qubits");
    row("measure size mismatch", "OPENQASM 3.0;\nqubit[2] q;\nbit[3] c;\nc = measure q;", 4, 1, "'q' has 2 qubits but 'c' has 3 bits");
    row("undeclared register", "OPENQASM 3.0;\nqubit q;\nh r;", 3, 3, "undeclared identifier 'r'");
    row("undeclared variable", "OPENQASM 3.0;\nqubit q;\nrx(alpha) q;", 3, 4, "undeclared identifier 'alpha'");
    row("assign to a qubit", "OPENQASM 3.0;\nqubit q;\nq = 1;", 3, 1, "cannot assign to qubit 'q'");
    row("division by zero", "OPENQASM 3.0;\nqubit q;\nrx(1/0) q;", 3, 5, "division by zero");
    row("real division by zero", "OPENQASM 3.0;\nqubit q;\nrx(1.0/0) q;", 3, 7, "division by zero");
    row("modulo by zero", "OPENQASM 3.0;\nint i = 5 % 0;", 2, 11, "division by zero in '%'");
    row("ln(0)", "OPENQASM 3.0;\nqubit q;\nrx(ln(0)) q;", 3, 4, "ln(0) is not a finite real number");
    row("sqrt(-1)", "OPENQASM 3.0;\nqubit q;\nrx(sqrt(-1)) q;", 3, 4, "sqrt(-1) is not a finite real number");
    row("integer overflow", "OPENQASM 3.0;\nint i = 9223372036854775807 + 1;", 2, 29, "integer overflow");
    row("shift out of range", "OPENQASM 3.0;\nint i = 1 << 64;", 2, 11, "shift amount 64");
    row("real stored in an int", "OPENQASM 3.0;\nint i = 2.5;", 2, 9, "without losing its fraction");
    row("assign to a constant", "OPENQASM 3.0;\nconst int n = 1;\nn = 2;", 3, 1, "cannot assign to constant 'n'");
    row("assign to an input", "OPENQASM 3.0;\ninput float t;\nt = 1;", 3, 1, "cannot assign to input parameter 't'");
    row("uninitialised variable", "OPENQASM 3.0;\nqubit q;\nint k;\nrx(k) q;", 4, 4, "'k' is used before it has a value");
    row("symbolic index", "OPENQASM 3.0;\ninput int n;\nqubit[2] q;\nh q[n];", 4, 5, "must be known when the circuit is built");
    row("symbolic loop bound", "OPENQASM 3.0;\ninput float t;\nqubit q;\nfor int i in [0:t] { h q; }", 4, 17, "the loop end must be known");
    row("symbolic comparison", "OPENQASM 3.0;\ninput float t;\nqubit q;\nif (t > 1) x q;", 4, 7, "cannot compare a value that depends on input parameter 't'");
    row("break outside a loop", "OPENQASM 3.0;\nbreak;", 2, 1, "'break' outside a loop");
    row("bits start at zero", "OPENQASM 3.0;\nbit c = 1;", 2, 9, "bits start at 0");
    row("loop over a register", "OPENQASM 3.0;\nqubit[2] q;\nfor i in q { h q[i]; }", 3, 10, "loops over a register");
    row("duration variable in delay", "OPENQASM 3.0;\nqubit q;\ndelay[d] q;", 3, 7, "duration variables");
    row("while on a measured value", "OPENQASM 3.0;\nqubit q;\nbit c;\nwhile (c == 0) { c = measure q; }", 4, 1, "unsupported: while loop on a measured value cannot be simulated");
    row("value depends on a measurement", "OPENQASM 3.0;\nqubit[2] q;\nbit c;\nint k = 0;\nc = measure q[0];\nif (c) k = 1;\nx q[k];", 7, 5, "depends on a measurement");
    row("measured bit as a number", "OPENQASM 3.0;\nqubit q;\nbit c;\nrx(c) q;", 4, 4, "only known when the circuit runs");
    row("register condition needs a comparison", "OPENQASM 3.0;\nqubit q;\nbit[2] c;\nif (c) x q;", 4, 5, "needs a comparison such as 'c == 1'");
    row("condition value too large", "OPENQASM 3.0;\nqubit q;\nbit[2] c;\nif (c == 4) x q;", 4, 10, "condition value 4 does not fit in register 'c' of 2 bits");
    row("bit condition value too large", "OPENQASM 3.0;\nqubit q;\nbit[2] c;\nif (c[0] == 2) x q;", 4, 13, "does not fit in a single bit");
    row("condition with unsupported operator", "OPENQASM 3.0;\nqubit q;\nbit[2] c;\nif (c > 1) x q;", 4, 5, "must compare one bit or one register with a constant");
    row("break in a measured branch", "OPENQASM 3.0;\nqubit q;\nbit c;\nfor i in [0:1] { if (c) break; }", 4, 25, "'break' inside a branch on a measured bit");
    row("defcal", "OPENQASM 3.0;\ndefcal x $0 { }", 2, 1, "unsupported: 'defcal'");
    row("defcalgrammar", "OPENQASM 3.0;\ndefcalgrammar \"openpulse\";", 2, 1, "unsupported: 'defcalgrammar'");
    row("cal", "OPENQASM 3.0;\ncal { }", 2, 1, "unsupported: 'cal' blocks");
    row("extern", "OPENQASM 3.0;\nextern f(int) -> int;", 2, 1, "unsupported: 'extern'");
    row("def", "OPENQASM 3.0;\ndef f(qubit a) { h a; }", 2, 1, "unsupported: subroutines ('def')");
    row("box", "OPENQASM 3.0;\nqubit q;\nbox { h q; }", 3, 1, "unsupported: 'box'");
    row("stretch", "OPENQASM 3.0;\nstretch s;", 2, 1, "unsupported: 'stretch'");
    row("duration", "OPENQASM 3.0;\nduration d = 100ns;", 2, 1, "unsupported: 'duration' variables");
    row("const duration", "OPENQASM 3.0;\nconst duration d = 1ns;", 2, 7, "unsupported: 'duration' variables");
    row("switch", "OPENQASM 3.0;\nint i = 1;\nswitch (i) { case 1 { } }", 3, 1, "unsupported: 'switch'");
    row("array", "OPENQASM 3.0;\narray[int[32], 3] a;", 2, 1, "unsupported: arrays");
    row("complex", "OPENQASM 3.0;\ncomplex c;", 2, 1, "unsupported: 'complex'");
    row("let", "OPENQASM 3.0;\nqubit[2] q;\nlet a = q[0];", 3, 1, "unsupported: aliases ('let')");

}

void TestQasmErrors::malformed()
{
    QFETCH(QByteArray, source);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, phrase);
    QFETCH(int, maxOperations);
    QasmReadOptions options;
    if (maxOperations > 0)
        options.maxOperations = std::size_t(maxOperations);
    const Result<Circuit> r = parseQasm(std::string(source.constData(), std::size_t(source.size())), "bad.qasm", options);
    QVERIFY2(!r.ok(), "the program was accepted");
    const Error& e = r.error();
    const QString shown = QString::fromStdString(e.toString());
    QCOMPARE(QString::fromStdString(e.file), QString("bad.qasm"));
    QVERIFY2(e.line == line && e.column == column,
             qPrintable(QString("expected %1:%2, got %3").arg(line).arg(column).arg(shown)));
    QVERIFY2(QString::fromStdString(e.message).contains(phrase), qPrintable(shown));
}

void TestQasmErrors::errorsInIncludedFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&](const QString& name, const QByteArray& text) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    const auto read = [&](const QString& name) { return readQasmFile(dir.filePath(name).toStdString()); };

    // An error inside an included file names that file and the position in it.
    write("broken.inc", "gate ok a { h a; }\n\ngate bad a { cx a; }\n");
    write("main.qasm", "OPENQASM 3.0;\ninclude \"broken.inc\";\n");
    Result<Circuit> r = read("main.qasm");
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.error().file), dir.filePath("broken.inc"));
    QCOMPARE(r.error().line, 3);
    QCOMPARE(r.error().column, 14);
    QVERIFY(QString::fromStdString(r.error().message).contains("gate 'cx' takes 2 qubits, got 1"));

    // Include cycles are refused at the include that closes the cycle.
    write("a.inc", "include \"b.inc\";\n");
    write("b.inc", "// b\ninclude \"a.inc\";\n");
    write("cycle.qasm", "OPENQASM 3.0;\ninclude \"a.inc\";\n");
    r = read("cycle.qasm");
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.error().file), dir.filePath("b.inc"));
    QCOMPARE(r.error().line, 2);
    QCOMPARE(r.error().column, 1);
    QVERIFY(QString::fromStdString(r.error().message).contains("include cycle"));

    // A file including itself.
    write("self.qasm", "OPENQASM 3.0;\ninclude \"self.qasm\";\n");
    r = read("self.qasm");
    QVERIFY(!r.ok());
    QVERIFY(QString::fromStdString(r.error().message).contains("include cycle"));

    // An included file may not declare another version.
    write("v2.inc", "OPENQASM 2.0;\nqreg q[1];\n");
    write("v3.qasm", "OPENQASM 3.0;\ninclude \"v2.inc\";\n");
    r = read("v3.qasm");
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.error().file), dir.filePath("v2.inc"));
    QCOMPARE(r.error().line, 1);
    QVERIFY(QString::fromStdString(r.error().message).contains("declares OpenQASM 2.0"));

    // A missing include is reported at the include, in the including file.
    write("missing.qasm", "OPENQASM 3.0;\n\n  include \"gone.inc\";\n");
    r = read("missing.qasm");
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.error().file), dir.filePath("missing.qasm"));
    QCOMPARE(r.error().line, 3);
    QCOMPARE(r.error().column, 11);
}

void TestQasmErrors::unreadableFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A folder is not a readable program.
    Result<Circuit> r = readQasmFile(dir.path().toStdString());
    QVERIFY(!r.ok());
    QCOMPARE(QString::fromStdString(r.error().file), dir.path());

    // A binary file is "not text", with the position of the first bad byte.
    QFile bin(dir.filePath("image.qasm"));
    QVERIFY(bin.open(QIODevice::WriteOnly));
    bin.write(QByteArray("OPENQASM 3.0;\nqubit q;\n\x89PNG\r\n", 28));
    bin.close();
    r = readQasmFile(bin.fileName().toStdString());
    QVERIFY(!r.ok());
    QCOMPARE(r.error().line, 3);
    QCOMPARE(r.error().column, 1);
    QVERIFY(QString::fromStdString(r.error().message).contains("file is not text"));
}

void TestQasmErrors::truncatedAndMutatedCorpus()
{
    // Every prefix of some corpus files, and random byte edits of all of them, must read to a
    // circuit or to a located error: never a crash, an exception or a hang.
    QDir dir(QPILOT_TEST_DATA_DIR "/qasm");
    const QStringList files = dir.entryList({"*.qasm"}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 12);
    QasmReadOptions options;
    options.maxOperations = 20000;
    const auto check = [&](const std::string& text) {
        const Result<Circuit> r = parseQasm(text, "fuzz.qasm", options);
        if (!r.ok()) {
            QVERIFY2(!r.error().message.empty(), text.c_str());
            QVERIFY2(r.error().line >= 1 && r.error().column >= 1, qPrintable(QString::fromStdString(r.error().toString())));
        }
    };
    std::mt19937_64 rng(20240611);
    const char alphabet[] = "{}[]();,:=+-*/%^!<>@$\"'\\/ \n\t0123456789.eqxchrmitpsuµπ\xff";
    for (const QString& name : files) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const std::string text = f.readAll().toStdString();
        if (name.startsWith("teleport") || name.startsWith("modifiers") || name.startsWith("classical"))
            for (std::size_t n = 0; n <= text.size(); ++n)
                check(text.substr(0, n));
        for (int k = 0; k < 300; ++k) {
            std::string m = text;
            const int edits = 1 + int(rng() % 3);
            for (int e = 0; e < edits; ++e) {
                const std::size_t at = rng() % (m.size() + 1);
                switch (rng() % 3) {
                case 0: m.insert(at, 1, alphabet[rng() % (sizeof alphabet - 1)]); break;
                case 1: if (at < m.size()) m.erase(at, 1); break;
                default: if (at < m.size()) m[at] = alphabet[rng() % (sizeof alphabet - 1)]; break;
                }
            }
            check(m);
        }
    }
}

QTEST_MAIN(TestQasmErrors)
#include "tst_qasm_errors.moc"
