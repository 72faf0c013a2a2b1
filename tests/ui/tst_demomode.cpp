// tests/ui/tst_demomode.cpp — demo mode (ui/demo): the slide order and titles, keyboard
// navigation (next/previous/home/end/number keys), Esc closes, F toggles full screen, and every
// figure on the cost, results and circuit slides equals the run's number (formatted as the
// report formats it); a failed device is named on the circuit slide and left out of the costs.
#include "support/pilot_fixture.h"
#include "core/readiness/readiness.h"
#include "ui/demo/demomode.h"
#include "ui/scorecard/scorecardview.h"

#include <QApplication>
#include <QSignalSpy>
#include <QtTest>

using namespace qpilot;

namespace {

const ui::DemoSlide* slideByKey(const ui::DemoWindow& w, const QString& key)
{
    for (const ui::DemoSlide& s : w.slides())
        if (s.key == key)
            return &s;
    return nullptr;
}

const ui::DemoFigure* figure(const ui::DemoSlide& s, const QString& label)
{
    for (const ui::DemoFigure& f : s.figures)
        if (f.label == label)
            return &f;
    return nullptr;
}

QString qs(const std::string& s) { return QString::fromStdString(s); }

} // namespace

class TestDemoMode : public QObject {
    Q_OBJECT
private slots:
    void slideOrderAndTitles()
    {
        const auto run = test::fixtureRun();
        const auto pilot = test::fixturePilot();
        ui::DemoWindow w;
        w.setRun(run, pilot);
        const QStringList keys{"title", "problem", "circuit", "results", "costs", "scorecard", "verdict"};
        const QStringList titles{qs(pilot.title), "The question", "The circuit", "Quantum vs tuned classical",
                                 "What it would cost", "Readiness scorecard", "Verdict"};
        QCOMPARE(w.slideCount(), int(keys.size()));
        for (int i = 0; i < w.slideCount(); ++i) {
            QCOMPARE(w.slides()[size_t(i)].key, keys[i]);
            QCOMPARE(w.slides()[size_t(i)].title, titles[i]);
        }
        QCOMPARE(w.currentSlide(), 0);
    }

    void keyNavigation_data()
    {
        QTest::addColumn<QList<int>>("keys");
        QTest::addColumn<QList<int>>("slides");
        using L = QList<int>;
        QTest::newRow("right, space, page down") << L{Qt::Key_Right, Qt::Key_Space, Qt::Key_PageDown} << L{1, 2, 3};
        QTest::newRow("back keys") << L{Qt::Key_End, Qt::Key_Left, Qt::Key_PageUp, Qt::Key_Backspace} << L{6, 5, 4, 3};
        QTest::newRow("clamped at both ends") << L{Qt::Key_Left, Qt::Key_End, Qt::Key_Right, Qt::Key_Home} << L{0, 6, 6, 0};
        QTest::newRow("number keys") << L{Qt::Key_5, Qt::Key_2, Qt::Key_7, Qt::Key_9, Qt::Key_1} << L{4, 1, 6, 6, 0};
    }
    void keyNavigation()
    {
        QFETCH(QList<int>, keys);
        QFETCH(QList<int>, slides);
        ui::DemoWindow w;
        w.setRun(test::fixtureRun(), test::fixturePilot());
        w.resize(1280, 720);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy spy(&w, &ui::DemoWindow::currentSlideChanged);
        int changes = 0, previous = w.currentSlide();
        for (int i = 0; i < keys.size(); ++i) {
            QTest::keyClick(&w, Qt::Key(keys[i]));
            QCOMPARE(w.currentSlide(), slides[i]);
            if (slides[i] != previous)
                ++changes;
            previous = slides[i];
        }
        QCOMPARE(spy.count(), changes); // a signal per actual move
    }

    void escapeClosesAndFTogglesFullScreen()
    {
        ui::DemoWindow w;
        w.setRun(test::fixtureRun(), test::fixturePilot());
        w.resize(1280, 720);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(!w.isFullScreen());
        QTest::keyClick(&w, Qt::Key_F);
        QVERIFY(w.windowState() & Qt::WindowFullScreen);
        QTest::keyClick(&w, Qt::Key_F);
        QVERIFY(!(w.windowState() & Qt::WindowFullScreen));
        QSignalSpy closed(&w, &ui::DemoWindow::closed);
        QTest::keyClick(&w, Qt::Key_Escape);
        QCOMPARE(closed.count(), 1);
        QVERIFY(!w.isVisible());
    }

    void costSlideNumbersAreTheRuns_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("kernel, two devices") << 0;
        QTest::newRow("kernel with a failed device") << 1;
        QTest::newRow("vqc") << 2;
    }
    void costSlideNumbersAreTheRuns()
    {
        QFETCH(int, which);
        const pilot::PilotRun run = which == 0 ? test::fixtureRun() : which == 1 ? test::fixtureRunWithFailedDevice() : test::fixtureVqcRun();
        const pilot::Pilot pilot = which == 0 ? test::fixturePilot() : which == 1 ? test::fixturePilotWithFailedDevice() : test::fixtureVqcPilot();
        ui::DemoWindow w;
        w.setRun(run, pilot);
        const ui::DemoSlide* costs = slideByKey(w, QStringLiteral("costs"));
        QVERIFY(costs);
        int devicesShown = 0;
        for (const pilot::DeviceOutcome& d : run.devices) {
            const ui::DemoFigure* cost = figure(*costs, QStringLiteral("Cost per 1k · ") + qs(d.deviceId));
            const ui::DemoFigure* latency = figure(*costs, QStringLiteral("Latency · ") + qs(d.deviceId));
            if (!d.error.empty()) {
                QVERIFY(!cost && !latency);
                continue;
            }
            ++devicesShown;
            QVERIFY(cost && latency);
            QCOMPARE(cost->value, qs(readiness::formatUsd(d.costPer1kUsd)));
            if (d.latencySeconds)
                QCOMPARE(latency->value, qs(readiness::formatSeconds(*d.latencySeconds)));
            else
                QCOMPARE(latency->value, QStringLiteral("≥ ") + qs(readiness::formatSeconds(d.latencyCompile + d.latencyQueue + d.latencyNetwork)));
        }
        QVERIFY(devicesShown >= 1);
        QCOMPARE(figure(*costs, QStringLiteral("Cost per 1k · classical"))->value, qs(readiness::formatUsd(run.classicalPer1kUsd)));
        QCOMPARE(figure(*costs, QStringLiteral("Latency · classical"))->value, qs(readiness::formatSeconds(run.classicalLatencySeconds)));
        // the chart plots the same numbers (devices, then classical)
        QVERIFY(costs->chart);
        QCOMPARE(int(costs->chart->series[0].y.size()), devicesShown + 1);
        QCOMPARE(costs->chart->series[0].y.back(), run.classicalPer1kUsd);
        QCOMPARE(costs->chart->referenceLines[0].second, pilot.objectives.maxCostPer1kUsd);

        // results: the accuracies of the run
        const ui::DemoSlide* results = slideByKey(w, QStringLiteral("results"));
        QVERIFY(results);
        QCOMPARE(figure(*results, QStringLiteral("Quantum, noise-free"))->value,
                 QString::number(run.quantum.metrics.accuracy * 100, 'f', 1) + QStringLiteral(" %"));
        for (const pilot::DeviceOutcome& d : run.devices)
            if (d.error.empty())
                QCOMPARE(figure(*results, QStringLiteral("Quantum on ") + qs(d.deviceId))->value,
                         QString::number(d.noisyAccuracy * 100, 'f', 1) + QStringLiteral(" %"));

        // circuit: the transpiled figures, a failed device named
        const ui::DemoSlide* circuit = slideByKey(w, QStringLiteral("circuit"));
        QVERIFY(circuit);
        QCOMPARE(circuit->subtitle, qs(run.circuitDescription));
        for (const pilot::DeviceOutcome& d : run.devices) {
            if (d.error.empty())
                QCOMPARE(figure(*circuit, QStringLiteral("2q gates on ") + qs(d.deviceId))->value, QString::number(d.twoQubitGates));
            else
                QCOMPARE(figure(*circuit, QStringLiteral("On ") + qs(d.deviceId))->value, QStringLiteral("failed"));
        }

        // scorecard and verdict: the best card
        const auto cards = readiness::scoreRun(run, pilot);
        const readiness::Scorecard& best = cards.cards[size_t(cards.best)];
        const ui::DemoSlide* sc = slideByKey(w, QStringLiteral("scorecard"));
        QCOMPARE(sc->rag.size(), best.dimensions.size());
        for (size_t i = 0; i < best.dimensions.size(); ++i) {
            QCOMPARE(sc->rag[i].score, best.dimensions[i].score);
            QCOMPARE(sc->chart->series[0].y[i], best.dimensions[i].score);
        }
        const ui::DemoSlide* verdict = slideByKey(w, QStringLiteral("verdict"));
        QCOMPARE(verdict->verdict, QString::fromUtf8(readiness::verdictTitle(best.verdict)));
        QCOMPARE(verdict->verdictRating, int(ui::verdictRating(best.verdict)));
        QCOMPARE(verdict->paragraphs.join(QString()), qs(best.verdictSentence));
        QCOMPARE(verdict->bullets.size(), qsizetype(best.changes.size()));
    }

    void paintsAtAnySize_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1920x1080") << QSize(1920, 1080);
        QTest::newRow("1366x768") << QSize(1366, 768);
        QTest::newRow("minimum 640x360") << QSize(640, 360);
    }
    void paintsAtAnySize()
    {
        QFETCH(QSize, size);
        ui::DemoWindow w;
        w.setRun(test::fixtureRun(), test::fixturePilot());
        w.resize(size);
        for (int i = 0; i < w.slideCount(); ++i) {
            w.setCurrentSlide(i);
            const QImage img = w.grab().toImage();
            QCOMPARE(img.size(), size);
            // something beyond the white background and the footer was painted in the body
            int inked = 0;
            for (int y = size.height() / 5; y < size.height() * 4 / 5; y += 4)
                for (int x = 0; x < size.width(); x += 4)
                    if (img.pixel(x, y) != qRgb(255, 255, 255))
                        ++inked;
            QVERIFY2(inked > 50, qPrintable(w.slides()[size_t(i)].key));
        }
    }

    // The circuit slide draws the run's circuit on a card at the left (ink there that a run whose
    // circuit does not parse lacks; that slide still shows its figures and chart).
    void circuitSlideDrawsTheCircuit()
    {
        auto run = test::fixtureRun();
        run.circuitQasm = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\ninput float[64] x0;\nqubit[4] q;\nbit[4] c;\nh q;\n"
                          "rz(2 * x0) q[0];\ncx q[0], q[1];\ncx q[1], q[2];\ncx q[2], q[3];\nc = measure q;\n";
        const QSize size(1366, 768);
        auto leftInk = [&size](ui::DemoWindow& w) {
            w.resize(size);
            for (int i = 0; i < w.slideCount(); ++i)
                if (w.slides()[size_t(i)].key == QLatin1String("circuit"))
                    w.setCurrentSlide(i);
            const QImage img = w.grab().toImage();
            int dark = 0; // pixels of gates, wires and labels in the lower left (below the tiles)
            for (int y = size.height() * 2 / 5; y < size.height() * 4 / 5; y += 2)
                for (int x = size.width() / 10; x < size.width() / 2; x += 2)
                    if (qGray(img.pixel(x, y)) < 140)
                        ++dark;
            return dark;
        };
        ui::DemoWindow drawn;
        drawn.setRun(run, test::fixturePilot());
        QVERIFY(drawn.hasCircuitDiagram());
        const int withCircuit = leftInk(drawn);
        run.circuitQasm = "OPENQASM 3.0;\nqubit[4] q;\nfrobnicate q;\n";
        ui::DemoWindow undrawable;
        undrawable.setRun(run, test::fixturePilot());
        QVERIFY(!undrawable.hasCircuitDiagram());
        const int withoutCircuit = leftInk(undrawable);
        QVERIFY2(withCircuit > withoutCircuit + 300, qPrintable(QStringLiteral("%1 vs %2").arg(withCircuit).arg(withoutCircuit)));
    }

    void emptyWindow()
    {
        ui::DemoWindow w;
        QCOMPARE(w.slideCount(), 0);
        w.next();
        QCOMPARE(w.currentSlide(), 0);
        QVERIFY(!w.grab().isNull());
    }
};

QTEST_MAIN(TestDemoMode)
#include "tst_demomode.moc"
