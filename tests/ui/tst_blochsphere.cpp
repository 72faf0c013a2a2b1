// SPDX-License-Identifier: GPL-3.0-or-later
// tests/ui/tst_blochsphere.cpp — the Bloch sphere view: the projection against hand-computed
// screen positions (azimuth 30°, elevation 20°) for |0>, |1>, |+>, |+i>, |-i> and mixed states;
// offscreen rendering has the arrow's colour at the projected tip and not at the opposite
// pole; the grid reflows and caps the spheres drawn; the results panel feeds it each new
// result (including a 20-qubit one through the worker's summary).
#include "core/circuit/qasm.h"
#include "ui/document/document.h"
#include "ui/results/blochsphere.h"
#include "ui/results/resultspanel.h"
#include "support/test_setup.h"

#include <QImage>
#include <QSpinBox>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

#include <cmath>

using namespace qpilot;

namespace {

Circuit parse(const std::string& text)
{
    auto c = parseQasm("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n" + text);
    if (!c)
        qFatal("test circuit does not parse: %s", c.error().toString().c_str());
    return c.value();
}

// Colour distance (max over channels).
int distance(QColor a, QColor b)
{
    return std::max({std::abs(a.red() - b.red()), std::abs(a.green() - b.green()), std::abs(a.blue() - b.blue())});
}

QImage render(BlochSphereWidget& w)
{
    QImage image(w.size(), QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    w.render(&image);
    return image;
}

QColor at(const QImage& image, QPointF p)
{
    return image.pixelColor(QPoint(int(std::lround(p.x())), int(std::lround(p.y()))));
}

} // namespace

class TestBlochSphere : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        test::isolateSettings("tst_blochsphere");
    }

    void projection_data()
    {
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("y");
        QTest::addColumn<double>("z");
        QTest::addColumn<double>("px");
        QTest::addColumn<double>("py");
        QTest::addColumn<double>("depth");
        // Centre (100, 100), radius 50. cos 30° = 0.8660254, sin 30° = 0.5,
        // cos 20° = 0.9396926, sin 20° = 0.3420201.
        QTest::newRow("|0>") << 0.0 << 0.0 << 1.0 << 100.0 << 100 - 50 * 0.9396926 << 0.3420201;
        QTest::newRow("|1>") << 0.0 << 0.0 << -1.0 << 100.0 << 100 + 50 * 0.9396926 << -0.3420201;
        // x: right = -sin a, up = -cos a sin e = -0.2961981
        QTest::newRow("|+>") << 1.0 << 0.0 << 0.0 << 75.0 << 100 + 50 * 0.2961981 << 0.8660254 * 0.9396926;
        // y: right = cos a, up = -sin a sin e = -0.1710101
        QTest::newRow("|+i>") << 0.0 << 1.0 << 0.0 << 100 + 50 * 0.8660254 << 100 + 50 * 0.1710101 << 0.5 * 0.9396926;
        QTest::newRow("|-i>") << 0.0 << -1.0 << 0.0 << 100 - 50 * 0.8660254 << 100 - 50 * 0.1710101 << -0.5 * 0.9396926;
        // Mixed: half-way up z (|0> with depolarising 0.5), and (0.5, 0.5, 0).
        QTest::newRow("mixed z/2") << 0.0 << 0.0 << 0.5 << 100.0 << 100 - 25 * 0.9396926 << 0.5 * 0.3420201;
        QTest::newRow("mixed (1/2,1/2,0)") << 0.5 << 0.5 << 0.0 << 100 + 50 * (-0.25 + 0.4330127)
                                           << 100 + 50 * (0.4330127 + 0.25) * 0.3420201
                                           << (0.4330127 + 0.25) * 0.9396926;
        QTest::newRow("maximally mixed") << 0.0 << 0.0 << 0.0 << 100.0 << 100.0 << 0.0;
    }

    void projection()
    {
        QFETCH(double, x);
        QFETCH(double, y);
        QFETCH(double, z);
        QFETCH(double, px);
        QFETCH(double, py);
        QFETCH(double, depth);
        const QPointF p = blochProjection({x, y, z}, QPointF(100, 100), 50);
        QVERIFY2(std::abs(p.x() - px) < 1e-4 && std::abs(p.y() - py) < 1e-4,
                 qPrintable(QStringLiteral("got (%1, %2), want (%3, %4)").arg(p.x()).arg(p.y()).arg(px).arg(py)));
        QVERIFY(std::abs(blochDepth({x, y, z}) - depth) < 1e-6);
    }

    void arrowDrawnAtTip()
    {
        BlochSphereWidget w;
        w.resize(420, 240);
        // q0 = |0> (up), q1 = |+> (towards the viewer, lower left), q2 mixed (0, 0.4, 0).
        w.setVectors({{0, 0, 1}, {1, 0, 0}, {0, 0.4, 0}});
        QCOMPARE(w.drawnCount(), 3);
        const QImage image = render(w);
        const QColor accent = w.vectorColor();
        for (int i = 0; i < 3; ++i) {
            const QColor c = at(image, w.tipPosition(i));
            QVERIFY2(distance(c, accent) <= 24, qPrintable(QStringLiteral("sphere %1 tip is %2, arrow colour %3")
                                                               .arg(i)
                                                               .arg(c.name(), accent.name())));
        }
        // The opposite pole of q0 has no arrow.
        const QPointF south = blochProjection({0, 0, -1}, w.sphereCentre(0), w.sphereRadius());
        QVERIFY(distance(at(image, south), accent) > 60);
        // The mixed vector's tip is inside the ball: |r| = 0.4 of the radius from the centre.
        const QPointF d = w.tipPosition(2) - w.sphereCentre(2);
        QVERIFY(std::hypot(d.x(), d.y()) < 0.45 * w.sphereRadius());

        // New vectors move the arrow: |1> on q0.
        w.setVectors({{0, 0, -1}, {1, 0, 0}, {0, 0.4, 0}});
        const QImage next = render(w);
        QVERIFY(distance(at(next, w.tipPosition(0)), accent) <= 24);
        QVERIFY(distance(at(next, blochProjection({0, 0, 1}, w.sphereCentre(0), w.sphereRadius())), accent) > 60);
    }

    void noisyArrowDrawn()
    {
        BlochSphereWidget w;
        w.resize(300, 200);
        // Ideal |0>, noisy shortened to z = 0.6 and tilted towards +y.
        w.setVectors({{0, 0, 1}}, {{0, 0.3, 0.6}}, {});
        QCOMPARE(w.noisyVectors().size(), std::size_t(1));
        const QImage image = render(w);
        QVERIFY(distance(at(image, w.tipPosition(0)), w.vectorColor()) <= 24);
        QVERIFY(distance(at(image, w.noisyTipPosition(0)), w.noisyColor()) <= 24);
        QVERIFY(distance(w.vectorColor(), w.noisyColor()) > 80);
        // A noisy list of the wrong length is ignored.
        w.setVectors({{0, 0, 1}}, {{0, 0, 1}, {0, 0, 1}}, {});
        QVERIFY(w.noisyVectors().empty());
    }

    void darkPaletteRecolours()
    {
        BlochSphereWidget w;
        w.resize(200, 200);
        w.setVectors({{0, 0, 1}});
        const QColor lightAccent = w.vectorColor();
        QPalette dark = w.palette();
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
        dark.setColor(QPalette::Text, QColor(0xdf, 0xe1, 0xe5));
        w.setPalette(dark);
        QVERIFY(w.vectorColor() != lightAccent);
        const QImage image = render(w);
        QVERIFY(distance(at(image, w.tipPosition(0)), w.vectorColor()) <= 24);
        QVERIFY(image.pixelColor(1, 1).lightness() < 60); // background from the dark palette
    }

    void gridReflowsAndCaps()
    {
        BlochSphereWidget w;
        w.resize(BlochSphereWidget::kMinCell * 4 + 10, 300);
        std::vector<BlochVector> many(40, BlochVector{0, 0, 1});
        w.setVectors(many);
        QCOMPARE(w.drawnCount(), BlochSphereWidget::kMaxSpheres);
        // Four per row: sphere 4 starts the second row.
        QCOMPARE(w.cellRect(4).left(), w.cellRect(0).left());
        QVERIFY(w.cellRect(4).top() > w.cellRect(0).bottom() - 1);
        QVERIFY(w.heightForWidth(w.width()) >= 8 * int(w.cellRect(0).height()));
        // Narrow: one per column, taller.
        QVERIFY(w.heightForWidth(BlochSphereWidget::kMinCell) > w.heightForWidth(w.width()));
        // Cells never overlap.
        for (int i = 0; i + 1 < w.drawnCount(); ++i)
            QVERIFY(!w.cellRect(i).intersected(w.cellRect(i + 1)).isValid()
                    || w.cellRect(i).intersected(w.cellRect(i + 1)).width() < 1e-9
                    || w.cellRect(i).intersected(w.cellRect(i + 1)).height() < 1e-9);
    }

    void panelFeedsSpheres()
    {
        Document d;
        ResultsPanel panel(&d);
        panel.shotsBox()->setValue(0);
        d.newCircuit(2);
        // q0: |+>, q1: |0> -> after cx both are maximally mixed (|r| = 0).
        QVERIFY(!d.replaceCircuit(parse("qubit[2] q; h q[0];"), "plus"));
        QTRY_VERIFY(panel.lastResult() && panel.lastResult()->bloch.size() == 2);
        QCOMPARE(panel.blochSpheres()->vectors().size(), std::size_t(2));
        QVERIFY(std::abs(panel.blochSpheres()->vectors()[0][0] - 1) < 1e-12);
        QVERIFY(!d.replaceCircuit(parse("qubit[2] q; h q[0]; cx q[0], q[1];"), "bell"));
        QTRY_VERIFY(panel.lastResult() && std::abs(panel.lastResult()->bloch[0][0]) < 1e-12);
        for (const BlochVector& v : panel.blochSpheres()->vectors())
            QVERIFY(std::hypot(v[0], v[1], v[2]) < 1e-12);
        // Mid-circuit measurement: no vectors, a message instead.
        QVERIFY(!d.replaceCircuit(parse("qubit[1] q; bit[1] c; h q[0]; c[0] = measure q[0]; x q[0];"), "mid"));
        QTRY_VERIFY(panel.lastResult() && panel.lastResult()->overClassicalBits);
        QVERIFY(panel.blochSpheres()->vectors().empty());
        QVERIFY(panel.blochSpheres()->message().contains("mid-circuit"));
    }
};

QTEST_MAIN(TestBlochSphere)
#include "tst_blochsphere.moc"
