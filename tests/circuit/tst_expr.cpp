// tests/circuit/tst_expr.cpp — Expr: folding, symbolic arithmetic, binding, evaluation errors
// and exact number formatting (every formatted double reads back to the same bits).
#include "core/circuit/circuit.h"

#include <QtTest>

#include <cmath>
#include <cstdlib>

using namespace qpilot;

class TestExpr : public QObject {
    Q_OBJECT
private slots:
    void constantsFold()
    {
        Expr e = Expr(M_PI) / 2.0 + 1.0;
        QVERIFY(e.isConstant());
        QCOMPARE(e.constantValue(), M_PI / 2 + 1.0);
        QVERIFY(Expr::function(ExprFunc::Cos, Expr(0.0)).isConstant());
        QCOMPARE(Expr::function(ExprFunc::Cos, Expr(0.0)).constantValue(), 1.0);
    }

    void symbolic()
    {
        Expr t = Expr::parameter("theta");
        Expr e = t * 2.0 + Expr::function(ExprFunc::Sin, Expr::parameter("phi"));
        QVERIFY(!e.isConstant());
        QCOMPARE(e.parameters(), (std::set<std::string>{"phi", "theta"}));
        QCOMPARE(QString::fromStdString(e.toQasm()), QString("theta*2.0 + sin(phi)"));
        auto v = e.evaluate({{"theta", 0.25}, {"phi", M_PI / 2}});
        QVERIFY(v.ok());
        QCOMPARE(v.value(), 1.5);
        auto missing = e.evaluate({{"theta", 1.0}});
        QVERIFY(!missing.ok());
        QVERIFY(QString::fromStdString(missing.error().message).contains("'phi'"));
        Expr partially = e.bind({{"phi", 0.0}});
        QCOMPARE(partially.parameters(), std::set<std::string>{"theta"});
    }

    void substituteExpressions()
    {
        Expr body = Expr::parameter("a") / 2.0;
        Expr s = body.substitute({{"a", Expr::parameter("x") + 1.0}});
        QCOMPARE(QString::fromStdString(s.toQasm()), QString("(x + 1.0)/2.0"));
        QCOMPARE(s.evaluate({{"x", 3.0}}).value(), 2.0);
    }

    void nonFiniteIsAnError()
    {
        auto v = Expr::function(ExprFunc::Ln, Expr(0.0)).evaluate();
        QVERIFY(!v.ok());
        QVERIFY(QString::fromStdString(v.error().message).contains("finite"));
    }

    void structuralEquality()
    {
        QVERIFY(Expr::parameter("a") + 1.0 == Expr::parameter("a") + 1.0);
        QVERIFY(Expr::parameter("a") + 1.0 != Expr::parameter("b") + 1.0);
        QVERIFY(Expr(0.5) == Expr(0.5));
        QVERIFY(Expr(0.5) != Expr(0.5000000001));
    }

    void precedenceSurvivesPrinting_data()
    {
        QTest::addColumn<QString>("text");
        Expr a = Expr::parameter("a"), b = Expr::parameter("b"), c = Expr::parameter("c");
        QTest::newRow("a-(b-c)") << QString::fromStdString((a - (b - c)).toQasm());
        QTest::newRow("a/(b*c)") << QString::fromStdString((a / (b * c)).toQasm());
        QTest::newRow("-(a+b)") << QString::fromStdString((-(a + b)).toQasm());
        QTest::newRow("(a+b)*c") << QString::fromStdString(((a + b) * c).toQasm());
    }
    void precedenceSurvivesPrinting()
    {
        QFETCH(QString, text);
        const QString tag = QTest::currentDataTag();
        // The printed form must keep the grouping of the tag (spaces aside).
        QString compact = text;
        compact.remove(' ');
        QCOMPARE(compact, tag);
    }

    void formatAngle_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("pi") << M_PI << "pi";
        QTest::newRow("-pi") << -M_PI << "-pi";
        QTest::newRow("pi/2") << M_PI / 2 << "pi/2";
        QTest::newRow("-pi/4") << -M_PI / 4 << "-pi/4";
        QTest::newRow("3pi/4") << 3 * M_PI / 4 << "3*pi/4";
        QTest::newRow("2pi") << 2 * M_PI << "2*pi";
        QTest::newRow("zero") << 0.0 << "0";
        QTest::newRow("one") << 1.0 << "1.0";
        QTest::newRow("half") << 0.5 << "0.5";
        QTest::newRow("small") << 1e-5 << "1.0e-05";
        QTest::newRow("17 digits") << 0.1 + 0.2 << "0.30000000000000004";
        // One ulp off -pi/2 (exactly what (-13*pi)/26 evaluates to): lowest terms, not -13*pi/26.
        QTest::newRow("-pi/2 one ulp off") << std::nextafter(-M_PI / 2, 0.0) << "-pi/2";
        QTest::newRow("pi/3 in lowest terms") << 2 * M_PI / 6 << "pi/3";
        QTest::newRow("not a pi fraction") << M_PI / 2 * (1 + 1e-12) << "1.5707963267964675";
    }
    void formatAngle()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(qpilot::formatAngle(value)), text);
    }

    void formatRoundTripsRandomDoubles()
    {
        // Non-pi values must read back bit for bit through strtod.
        std::uint64_t x = 0x9E3779B97F4A7C15ull;
        for (int i = 0; i < 2000; ++i) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            const double v = (double(x >> 11) / double(1ull << 53) - 0.5) * 20.0;
            const std::string s = qpilot::formatAngle(v);
            if (s.find("pi") != std::string::npos)
                continue;
            QCOMPARE(std::strtod(s.c_str(), nullptr), v);
        }
    }
};

QTEST_MAIN(TestExpr)
#include "tst_expr.moc"
