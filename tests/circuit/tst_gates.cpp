// tests/circuit/tst_gates.cpp — the standard gate table: every matrix is unitary, equals its
// exact definition expanded down to textbook U/CX/gphase, its inverse is the adjoint, names
// resolve, and modifiers (ctrl, negctrl, inv, pow) give the published matrices.
#include "support/reference.h"

#include <QtTest>

#include <cmath>

using namespace qpilot;
using namespace qpilot::test;

Q_DECLARE_METATYPE(qpilot::GateKind)

namespace {

// Parameters chosen irrational-looking so no accidental symmetry hides a wrong sign.
std::vector<double> sampleParams(int n)
{
    const double pool[] = {0.7324, -1.9181, 2.5131, 0.3071};
    return std::vector<double>(pool, pool + n);
}

std::vector<Expr> asExprs(const std::vector<double>& v) { return std::vector<Expr>(v.begin(), v.end()); }

// Expands a standard gate through gateDefinition until only U, CX and gphase remain and
// multiplies the textbook matrices (reference.h) — independent of gateMatrix.
void expandPrimitive(GateKind kind, const std::vector<Expr>& params, const std::vector<int>& operands, int n, Matrix& acc)
{
    if (kind == GateKind::U) {
        Matrix u = referenceU(params[0].constantValue(), params[1].constantValue(), params[2].constantValue());
        acc = matrixProduct(embed(u, operands, n), acc);
        return;
    }
    if (kind == GateKind::CX) {
        acc = matrixProduct(embed(referenceCX(), operands, n), acc);
        return;
    }
    if (kind == GateKind::GPhase) {
        for (Complex& z : acc.data)
            z *= std::exp(Complex(0, params[0].constantValue()));
        return;
    }
    for (const DefinitionStep& s : gateDefinition(kind, params)) {
        std::vector<int> ops;
        for (int o : s.operands)
            ops.push_back(operands[size_t(o)]);
        expandPrimitive(s.kind, s.params, ops, n, acc);
    }
}

} // namespace

class TestGates : public QObject {
    Q_OBJECT
private slots:
    void allGates_data()
    {
        QTest::addColumn<GateKind>("kind");
        for (const GateInfo& g : gateTable())
            QTest::newRow(g.name) << g.kind;
    }

    void tableIsConsistent()
    {
        QCOMPARE(int(gateTable().size()), int(GateKind::Custom));
        for (size_t i = 0; i < gateTable().size(); ++i)
            QCOMPARE(int(gateTable()[i].kind), int(i));
    }

    void matrixIsUnitary_data() { allGates_data(); }
    void matrixIsUnitary()
    {
        QFETCH(GateKind, kind);
        const GateInfo& info = gateInfo(kind);
        Matrix m = gateMatrix(kind, sampleParams(info.params));
        QCOMPARE(m.qubits, info.qubits);
        QVERIFY2(isUnitary(m), qPrintable(describe(m)));
    }

    void matrixEqualsDefinition_data() { allGates_data(); }
    void matrixEqualsDefinition()
    {
        QFETCH(GateKind, kind);
        const GateInfo& info = gateInfo(kind);
        const std::vector<double> p = sampleParams(info.params);
        std::vector<int> operands;
        for (int i = 0; i < info.qubits; ++i)
            operands.push_back(i);
        Matrix expanded = Matrix::identity(info.qubits);
        expandPrimitive(kind, asExprs(p), operands, info.qubits, expanded);
        Matrix table = gateMatrix(kind, p);
        const double diff = maxAbsDiff(table, expanded);
        QVERIFY2(diff < 1e-12, qPrintable(QString("%1: table%2\nvs definition%3").arg(info.name, describe(table), describe(expanded))));
    }

    void inverseIsAdjoint_data() { allGates_data(); }
    void inverseIsAdjoint()
    {
        QFETCH(GateKind, kind);
        const GateInfo& info = gateInfo(kind);
        const std::vector<double> p = sampleParams(info.params);
        Matrix inv = Matrix::identity(info.qubits);
        std::vector<int> operands;
        for (int i = 0; i < info.qubits; ++i)
            operands.push_back(i);
        for (const DefinitionStep& s : gateInverse(kind, asExprs(p))) {
            std::vector<double> sp;
            for (const Expr& e : s.params)
                sp.push_back(e.constantValue());
            Matrix sm = gateMatrix(s.kind, sp);
            if (s.kind == GateKind::GPhase) {
                for (Complex& z : inv.data)
                    z *= sm.data[0];
                continue;
            }
            inv = matrixProduct(embed(sm, s.operands, info.qubits), inv);
        }
        QVERIFY(maxAbsDiff(inv, matrixAdjoint(gateMatrix(kind, p))) < 1e-12);
    }

    void namesResolve_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("expected"); // -1 = unknown
        for (const GateInfo& g : gateTable())
            QTest::newRow(g.name) << QString(g.name) << int(g.kind);
        QTest::newRow("CX alias") << "CX" << int(GateKind::CX);
        QTest::newRow("phase alias") << "phase" << int(GateKind::P);
        QTest::newRow("cphase alias") << "cphase" << int(GateKind::CP);
        QTest::newRow("u alias") << "u" << int(GateKind::U3);
        QTest::newRow("unknown") << "foo" << -1;
        QTest::newRow("case matters") << "H" << -1;
        QTest::newRow("empty") << "" << -1;
    }
    void namesResolve()
    {
        QFETCH(QString, name);
        QFETCH(int, expected);
        auto k = gateKindByName(name.toStdString());
        QCOMPARE(k ? int(*k) : -1, expected);
    }

    void libraryMembership()
    {
        // OpenQASM 3 stdgates.inc lacks these; qelib1.inc lacks iswap, ecr, ryy, gphase.
        for (GateKind k : {GateKind::SXdg, GateKind::CU1, GateKind::CU3, GateKind::RXX, GateKind::RYY,
                           GateKind::RZZ, GateKind::ECR, GateKind::ISwap})
            QVERIFY2(!gateInfo(k).inStdgates, gateInfo(k).name);
        for (GateKind k : {GateKind::ISwap, GateKind::ECR, GateKind::RYY, GateKind::GPhase})
            QVERIFY2(!gateInfo(k).inQelib1, gateInfo(k).name);
        for (GateKind k : {GateKind::PRX, GateKind::GPI, GateKind::GPI2, GateKind::MS})
            QVERIFY2(!gateInfo(k).inQelib1 && !gateInfo(k).inStdgates, gateInfo(k).name);
        QVERIFY(gateInfo(GateKind::CX).inStdgates && gateInfo(GateKind::CX).inQelib1);
    }

    // The hardware-native gates against their published special cases and matrices
    // (IonQ native-gates guide; IQM prx = Qiskit RGate).
    void nativeGatesMatchKnownMatrices_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QList<double>>("params");
        QTest::addColumn<int>("refKind");
        QTest::addColumn<QList<double>>("refParams");
        QTest::newRow("prx(t,0) = rx(t)") << int(GateKind::PRX) << QList<double>{0.813, 0} << int(GateKind::RX) << QList<double>{0.813};
        QTest::newRow("prx(t,pi/2) = ry(t)") << int(GateKind::PRX) << QList<double>{-1.27, M_PI / 2} << int(GateKind::RY) << QList<double>{-1.27};
        QTest::newRow("gpi(0) = x") << int(GateKind::GPI) << QList<double>{0} << int(GateKind::X) << QList<double>{};
        QTest::newRow("gpi(pi/2) = y") << int(GateKind::GPI) << QList<double>{M_PI / 2} << int(GateKind::Y) << QList<double>{};
        QTest::newRow("gpi2(0) = rx(pi/2)") << int(GateKind::GPI2) << QList<double>{0} << int(GateKind::RX) << QList<double>{M_PI / 2};
        QTest::newRow("gpi2(p) = prx(pi/2,p)") << int(GateKind::GPI2) << QList<double>{0.377} << int(GateKind::PRX) << QList<double>{M_PI / 2, 0.377};
        QTest::newRow("ms(0,0,t) = rxx(t)") << int(GateKind::MS) << QList<double>{0, 0, 0.9} << int(GateKind::RXX) << QList<double>{0.9};
        QTest::newRow("ms(pi/2,pi/2,t) = ryy(t)") << int(GateKind::MS) << QList<double>{M_PI / 2, M_PI / 2, -0.4} << int(GateKind::RYY) << QList<double>{-0.4};
    }
    void nativeGatesMatchKnownMatrices()
    {
        QFETCH(int, kind);
        QFETCH(QList<double>, params);
        QFETCH(int, refKind);
        QFETCH(QList<double>, refParams);
        const Matrix a = gateMatrix(GateKind(kind), std::vector<double>(params.begin(), params.end()));
        const Matrix b = gateMatrix(GateKind(refKind), std::vector<double>(refParams.begin(), refParams.end()));
        QVERIFY2(maxAbsDiff(a, b) < 1e-12, qPrintable(describe(a) + " vs " + describe(b)));
    }

    void ionqMsPublishedMatrix()
    {
        // IonQ: MS(φ0, φ1) at θ = 0.25 turns = π/2, rows/columns |q0 q1> with q0 the left bit:
        // 1/√2 [[1, 0, 0, -i e^{-i(φ0+φ1)}], [0, 1, -i e^{-i(φ0-φ1)}, 0],
        //       [0, -i e^{i(φ0-φ1)}, 1, 0], [-i e^{i(φ0+φ1)}, 0, 0, 1]].
        const double p0 = 0.31, p1 = -1.12;
        const Matrix m = gateMatrix(GateKind::MS, {p0, p1, M_PI / 2});
        const Complex i(0, 1);
        const double r = 1 / std::sqrt(2.0);
        // Our index has operand 0 (q0) as bit 0, so IonQ's |q0 q1> = |01> (q0=0,q1=1) is our index 2.
        auto idx = [](int q0, int q1) { return q0 | (q1 << 1); };
        QVERIFY(std::abs(m.at(idx(0, 0), idx(1, 1)) - (-i * std::exp(-i * (p0 + p1)) * r)) < 1e-12);
        QVERIFY(std::abs(m.at(idx(0, 1), idx(1, 0)) - (-i * std::exp(-i * (p0 - p1)) * r)) < 1e-12);
        QVERIFY(std::abs(m.at(idx(1, 0), idx(0, 1)) - (-i * std::exp(i * (p0 - p1)) * r)) < 1e-12);
        QVERIFY(std::abs(m.at(idx(1, 1), idx(0, 0)) - (-i * std::exp(i * (p0 + p1)) * r)) < 1e-12);
        QVERIFY(std::abs(m.at(idx(0, 1), idx(0, 1)) - r) < 1e-12);
    }

    void qubitOrderConvention()
    {
        // cx(control=operand 0, target=operand 1): |control=1, target=0> is index 1 -> index 3.
        Matrix cx = gateMatrix(GateKind::CX, {});
        QCOMPARE(cx.at(3, 1), Complex(1));
        QCOMPARE(cx.at(1, 1), Complex(0));
        QCOMPARE(cx.at(2, 2), Complex(1)); // control 0: target untouched
        QVERIFY(maxAbsDiff(cx, referenceCX()) == 0);
    }

    void modifiers_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QList<int>>("modifierKinds");   // Modifier::Kind per modifier
        QTest::addColumn<QList<double>>("modifierArgs"); // count or exponent
        QTest::addColumn<int>("expectedKind");
        QTest::addColumn<QList<double>>("expectedParams");
        const int ctrl = int(Modifier::Kind::Ctrl), neg = int(Modifier::Kind::NegCtrl),
                  inv = int(Modifier::Kind::Inv), pw = int(Modifier::Kind::Pow);
        QTest::newRow("ctrl @ x = cx") << "" << int(GateKind::X) << QList<int>{ctrl} << QList<double>{1} << int(GateKind::CX) << QList<double>{};
        QTest::newRow("ctrl(2) @ x = ccx") << "" << int(GateKind::X) << QList<int>{ctrl} << QList<double>{2} << int(GateKind::CCX) << QList<double>{};
        QTest::newRow("ctrl @ ctrl @ x = ccx") << "" << int(GateKind::X) << QList<int>{ctrl, ctrl} << QList<double>{1, 1} << int(GateKind::CCX) << QList<double>{};
        QTest::newRow("ctrl @ swap = cswap") << "" << int(GateKind::Swap) << QList<int>{ctrl} << QList<double>{1} << int(GateKind::CSwap) << QList<double>{};
        QTest::newRow("ctrl @ p = cp") << "" << int(GateKind::P) << QList<int>{ctrl} << QList<double>{1} << int(GateKind::CP) << QList<double>{0.9};
        QTest::newRow("ctrl @ gphase = p") << "" << int(GateKind::GPhase) << QList<int>{ctrl} << QList<double>{1} << int(GateKind::P) << QList<double>{0.9};
        QTest::newRow("inv @ s = sdg") << "" << int(GateKind::S) << QList<int>{inv} << QList<double>{0} << int(GateKind::Sdg) << QList<double>{};
        QTest::newRow("pow(1/2) @ z = s") << "" << int(GateKind::Z) << QList<int>{pw} << QList<double>{0.5} << int(GateKind::S) << QList<double>{};
        QTest::newRow("pow(1/2) @ x = sx") << "" << int(GateKind::X) << QList<int>{pw} << QList<double>{0.5} << int(GateKind::SX) << QList<double>{};
        QTest::newRow("pow(2) @ t = s") << "" << int(GateKind::T) << QList<int>{pw} << QList<double>{2} << int(GateKind::S) << QList<double>{};
        QTest::newRow("pow(-1) @ t = tdg") << "" << int(GateKind::T) << QList<int>{pw} << QList<double>{-1} << int(GateKind::Tdg) << QList<double>{};
        QTest::newRow("inv @ pow(1/2) @ z = sdg") << "" << int(GateKind::Z) << QList<int>{inv, pw} << QList<double>{0, 0.5} << int(GateKind::Sdg) << QList<double>{};
        QTest::newRow("ctrl @ rz = crz") << "" << int(GateKind::RZ) << QList<int>{ctrl} << QList<double>{1} << int(GateKind::CRZ) << QList<double>{0.9};
        QTest::newRow("ctrl @ U = cu3") << "" << int(GateKind::U) << QList<int>{ctrl} << QList<double>{1} << int(GateKind::CU3) << QList<double>{0.9};
        Q_UNUSED(neg);
    }
    void modifiers()
    {
        QFETCH(int, kind);
        QFETCH(QList<int>, modifierKinds);
        QFETCH(QList<double>, modifierArgs);
        QFETCH(int, expectedKind);
        QFETCH(QList<double>, expectedParams);
        GateOp op;
        op.kind = GateKind(kind);
        const int np = gateInfo(op.kind).params;
        std::vector<double> params;
        for (int i = 0; i < np; ++i)
            params.push_back(i < expectedParams.size() ? expectedParams[i] : 0.3 * (i + 1));
        op.params = asExprs(params);
        int controls = 0;
        for (int i = 0; i < modifierKinds.size(); ++i) {
            Modifier m;
            m.kind = Modifier::Kind(modifierKinds[i]);
            if (m.kind == Modifier::Kind::Pow)
                m.exponent = modifierArgs[i];
            else if (m.kind != Modifier::Kind::Inv)
                m.count = int(modifierArgs[i]);
            controls += (m.kind == Modifier::Kind::Ctrl || m.kind == Modifier::Kind::NegCtrl) ? m.count : 0;
            op.modifiers.push_back(m);
        }
        for (int q = 0; q < controls + gateInfo(op.kind).qubits; ++q)
            op.qubits.push_back(q);
        auto m = gateOpMatrix(op, Circuit{});
        QVERIFY(m.ok());
        std::vector<double> ep(expectedParams.begin(), expectedParams.end());
        if (GateKind(kind) == GateKind::U)
            ep = params;
        Matrix expected = gateMatrix(GateKind(expectedKind), ep);
        QVERIFY2(maxAbsDiff(m.value(), expected) < 1e-12, qPrintable(describe(m.value()) + "\nexpected" + describe(expected)));
    }

    void negctrlActsOnZero()
    {
        GateOp op;
        op.kind = GateKind::X;
        op.modifiers = {Modifier{Modifier::Kind::NegCtrl, 1, Expr()}};
        op.qubits = {0, 1};
        Matrix m = gateOpMatrix(op, Circuit{}).value();
        // Control (operand 0) = 0: index 0 (|t=0,c=0>) -> index 2 (|t=1,c=0>).
        QCOMPARE(m.at(2, 0), Complex(1));
        QCOMPARE(m.at(1, 1), Complex(1)); // control 1: untouched
    }

    void powerUsesPrincipalBranch()
    {
        // Z has eigenvalue -1 = e^{iπ}: the principal square root is S (i), not S† (-i).
        auto m = matrixPower(gateMatrix(GateKind::Z, {}), 0.5);
        QVERIFY(m.ok());
        QVERIFY(maxAbsDiff(m.value(), gateMatrix(GateKind::S, {})) < 1e-12);
        QVERIFY(!matrixPower(gateMatrix(GateKind::Z, {}), NAN).ok());
    }
};

QTEST_MAIN(TestGates)
#include "tst_gates.moc"
