// tests/ui/tst_reportpreview.cpp — the in-app report preview (ui/report/reportpreview): renders the
// fixture run's report progressively, shows as many pages as reportPageCount gives for the same
// document built independently, navigates page by page, zooms, exports a "%PDF" file that QtPdf
// reads back with the same page count and the pilot's title, and refuses unwritable paths
// leaving no file behind.
#include "support/pilot_fixture.h"
#include "core/readiness/readiness.h"
#include "core/report/report.h"
#include "ui/report/reportpreview.h"
#include "ui/report/reportrenderer.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QPdfDocument>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

using namespace qpilot;

namespace {

bool renderRun(ui::ReportPreview& preview, const pilot::PilotRun& run, const pilot::Pilot& pilot)
{
    QSignalSpy done(&preview, &ui::ReportPreview::rendered);
    preview.setRun(run, pilot);
    return done.wait(60000) && preview.isReady();
}

} // namespace

class TestReportPreview : public QObject {
    Q_OBJECT
private slots:
    void pageCountMatchesRenderer_data()
    {
        QTest::addColumn<int>("which");
        QTest::newRow("kernel run, two devices") << 0;
        QTest::newRow("kernel run with a failed device") << 1;
        QTest::newRow("vqc run") << 2;
    }
    void pageCountMatchesRenderer()
    {
        QFETCH(int, which);
        const pilot::PilotRun run = which == 0 ? test::fixtureRun() : which == 1 ? test::fixtureRunWithFailedDevice() : test::fixtureVqcRun();
        const pilot::Pilot pilot = which == 0 ? test::fixturePilot() : which == 1 ? test::fixturePilotWithFailedDevice() : test::fixtureVqcPilot();
        ui::ReportPreview preview;
        QVERIFY(!preview.isReady());
        QVERIFY(renderRun(preview, run, pilot));
        const report::Document independent = report::buildReport(run, pilot, readiness::scoreRun(run, pilot), std::string());
        const int expected = ui::reportPageCount(independent);
        QVERIFY(expected >= 5);
        QCOMPARE(preview.pageCount(), expected);
        QCOMPARE(preview.pdf()->pageCount(), expected);
        QCOMPARE(preview.currentPage(), 0);
        QCOMPARE(preview.pageLabel(), QStringLiteral("Page 1 of %1").arg(expected));
        QVERIFY(preview.longestBlockMs() > 0);
        QVERIFY(preview.totalRenderMs() >= preview.longestBlockMs());
    }

    void navigation_data()
    {
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<QList<int>>("pages"); // expected current page after each step; -1 = last
        QTest::newRow("next, next, previous") << QStringList{"next", "next", "previous"} << QList<int>{1, 2, 1};
        QTest::newRow("previous at the start stays") << QStringList{"previous", "next", "previous", "previous"} << QList<int>{0, 1, 0, 0};
        QTest::newRow("jump past the end clamps") << QStringList{"goto:999", "next", "goto:-4"} << QList<int>{-1, -1, 0};
        QTest::newRow("spin box") << QStringList{"spin:3", "next", "spin:1"} << QList<int>{2, 3, 0};
    }
    void navigation()
    {
        QFETCH(QStringList, steps);
        QFETCH(QList<int>, pages);
        ui::ReportPreview preview;
        preview.resize(1000, 800);
        QVERIFY(renderRun(preview, test::fixtureRun(), test::fixturePilot()));
        const int last = preview.pageCount() - 1;
        auto* spin = preview.findChild<QSpinBox*>(QStringLiteral("report_page"));
        QVERIFY(spin);
        QCOMPARE(spin->maximum(), preview.pageCount());
        for (int i = 0; i < steps.size(); ++i) {
            const QString s = steps[i];
            if (s == QLatin1String("next"))
                preview.nextPage();
            else if (s == QLatin1String("previous"))
                preview.previousPage();
            else if (s.startsWith(QLatin1String("goto:")))
                preview.setCurrentPage(s.mid(5).toInt());
            else if (s.startsWith(QLatin1String("spin:")))
                spin->setValue(s.mid(5).toInt());
            const int want = pages[i] < 0 ? last : pages[i];
            QCOMPARE(preview.currentPage(), want);
            QCOMPARE(spin->value(), want + 1);
            QCOMPARE(preview.pageLabel(), QStringLiteral("Page %1 of %2").arg(want + 1).arg(last + 1));
        }
    }

    void pageKeys()
    {
        ui::ReportPreview preview;
        preview.resize(1000, 800);
        preview.show();
        QVERIFY(QTest::qWaitForWindowExposed(&preview));
        QVERIFY(renderRun(preview, test::fixtureRun(), test::fixturePilot()));
        preview.activateWindow();
        preview.setFocus();
        QTest::keyClick(&preview, Qt::Key_PageDown);
        QTest::keyClick(&preview, Qt::Key_PageDown);
        QCOMPARE(preview.currentPage(), 2);
        QTest::keyClick(&preview, Qt::Key_PageUp);
        QCOMPARE(preview.currentPage(), 1);
    }

    void zoom()
    {
        ui::ReportPreview preview;
        preview.resize(1000, 800);
        preview.show();
        QVERIFY(renderRun(preview, test::fixtureRun(), test::fixturePilot()));
        preview.fitWidth();
        const double fitW = preview.zoomFactor();
        preview.fitPage();
        const double fitP = preview.zoomFactor();
        QVERIFY2(fitP < fitW, qPrintable(QStringLiteral("fit page %1, fit width %2").arg(fitP).arg(fitW))); // A4 in a wide window
        preview.zoomIn();
        QVERIFY(qAbs(preview.zoomFactor() - fitP * 1.25) < 1e-9);
        preview.zoomOut();
        preview.zoomOut();
        QVERIFY(qAbs(preview.zoomFactor() - fitP / 1.25) < 1e-9);
    }

    void exportWritesThePdf()
    {
        const auto run = test::fixtureRun();
        const auto pilot = test::fixturePilot();
        ui::ReportPreview preview;
        QVERIFY(renderRun(preview, run, pilot));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.pdf"));
        const auto err = preview.exportPdf(path);
        QVERIFY2(!err, err ? err->toString().c_str() : "");
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.read(4), QByteArray("%PDF"));
        f.close();
        QPdfDocument pdf;
        QCOMPARE(pdf.load(path), QPdfDocument::Error::None);
        const report::Document independent = report::buildReport(run, pilot, readiness::scoreRun(run, pilot), std::string());
        QCOMPARE(pdf.pageCount(), ui::reportPageCount(independent));
        const QString cover = pdf.getAllText(0).text().simplified();
        QVERIFY2(cover.contains(QString::fromStdString(independent.verdict)), qPrintable(cover));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("report.pdf")}); // no temporary left
    }

    void exportFailures_data()
    {
        QTest::addColumn<QString>("relative");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing folder") << "no/such/folder/report.pdf" << "cannot write the PDF report";
        QTest::newRow("a directory") << "." << "is a directory";
        QTest::newRow("empty path") << "" << "no output path";
    }
    void exportFailures()
    {
        QFETCH(QString, relative);
        QFETCH(QString, message);
        ui::ReportPreview preview;
        QVERIFY(renderRun(preview, test::fixtureRun(), test::fixturePilot()));
        QTemporaryDir dir;
        const QString path = relative.isEmpty() ? QString() : relative == QLatin1String(".") ? dir.path() : dir.filePath(relative);
        const auto err = preview.exportPdf(path);
        QVERIFY(err.has_value());
        QVERIFY2(QString::fromStdString(err->toString()).contains(message), err->toString().c_str());
        if (!relative.isEmpty() && relative != QLatin1String("."))
            QVERIFY(!QFile::exists(path));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());
    }

    void exportBeforeRenderRefuses()
    {
        ui::ReportPreview preview;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.pdf"));
        QVERIFY(preview.exportPdf(path).has_value());
        preview.setRun(test::fixtureRun(), test::fixturePilot());
        QVERIFY(preview.isRendering());
        QVERIFY(preview.exportPdf(path).has_value()); // still rendering
        QVERIFY(!QFile::exists(path));
    }

    void newRunAbandonsTheOldRender()
    {
        ui::ReportPreview preview;
        QSignalSpy done(&preview, &ui::ReportPreview::rendered);
        preview.setRun(test::fixtureRun(), test::fixturePilot());
        preview.setRun(test::fixtureVqcRun(), test::fixtureVqcPilot());
        QVERIFY(done.wait(60000));
        QTest::qWait(50);
        QCOMPARE(done.count(), 1);
        QVERIFY(QString::fromStdString(preview.document().subtitle).size() > 0);
        const auto vqc = test::fixtureVqcRun();
        const auto vqcPilot = test::fixtureVqcPilot();
        QCOMPARE(preview.pageCount(), ui::reportPageCount(report::buildReport(vqc, vqcPilot, readiness::scoreRun(vqc, vqcPilot), std::string())));
        preview.clear();
        QVERIFY(!preview.isReady());
        QCOMPARE(preview.pageCount(), 0);
    }
};

QTEST_MAIN(TestReportPreview)
#include "tst_reportpreview.moc"
