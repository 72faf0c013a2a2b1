// tests/ui/tst_charttheme.cpp — chart colours and the workbench theme: report::chartTheme (the one
// palette → chart colours mapping: contrast, series legibility on dark), ChartView following a
// dark application palette and back (background pixels, axis, legend and title colours; zoom and
// hidden series kept; exports drawn as on screen), the scorecard's ChartWidget, the demo slides,
// the pilot editor's curve and the results histogram; and the PDF report untouched by the palette
// (report charts keep the light colours, rendered pages identical under light and dark palettes).
#include "report_fixture.h"
#include "support/pilot_fixture.h"
#include "support/test_setup.h"

#include "core/pilot/pilot.h"
#include "ui/demo/demomode.h"
#include "ui/document/document.h"
#include "ui/pilot/piloteditor.h"
#include "ui/plots/chartview.h"
#include "ui/plots/dashboards.h"
#include "ui/report/reportcharts.h"
#include "ui/report/reportrenderer.h"
#include "ui/report/reportstyle.h"
#include "ui/results/resultspanel.h"
#include "ui/scorecard/chartwidget.h"
#include "ui/settings/workbenchsettings.h"

#include <QApplication>
#include <QDir>
#include <QHash>
#include <QLabel>
#include <QLayout>
#include <QStyle>
#include <QTemporaryDir>
#include <QtTest>

#include <qcustomplot.h>

using namespace qpilot;
using ui::plots::ChartView;
namespace rs = qpilot::ui::report;

namespace {

// The workbench's dark palette (MainWindow::applyTheme).
QPalette darkPalette() { return workbenchDarkPalette(); }

// A light palette that is not plain white/black, so "follows the palette" is visible.
QPalette lightPalette()
{
    QPalette p(QColor(0xee, 0xee, 0xec));
    p.setColor(QPalette::Base, QColor(0xfc, 0xfc, 0xfa));
    p.setColor(QPalette::Text, QColor(0x10, 0x18, 0x20));
    p.setColor(QPalette::WindowText, QColor(0x10, 0x18, 0x20));
    return p;
}

// A dark palette of another hue (system dark themes differ from ours).
QPalette navyPalette()
{
    QPalette p(QColor(0x1b, 0x22, 0x33));
    p.setColor(QPalette::Base, QColor(0x10, 0x16, 0x24));
    p.setColor(QPalette::Text, QColor(0xc8, 0xd0, 0xdc));
    return p;
}

// What the theme switch does (MainWindow::applyTheme); the widgets hear of it through posted
// events, delivered here as the event loop would.
void setAppPalette(const QPalette& palette)
{
    QApplication::setPalette(palette);
    QCoreApplication::sendPostedEvents();
}

// The most frequent colour of `image` (sampled on a grid): the background of a chart.
QRgb dominant(const QImage& image)
{
    QHash<QRgb, int> count;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            ++count[image.pixel(x, y) | 0xff000000u];
    QRgb best = 0;
    int most = -1;
    for (auto it = count.cbegin(); it != count.cend(); ++it)
        if (it.value() > most) {
            most = it.value();
            best = it.key();
        }
    return best;
}

// Two series with error bars, a reference line and a note: every chrome element of a bar chart.
ui::plots::DashboardChart barChart()
{
    ui::plots::DashboardChart c;
    c.page = QStringLiteral("Test");
    c.id = QStringLiteral("bars");
    c.chart.kind = report::ChartKind::Bar;
    c.chart.title = "Accuracy by model";
    c.chart.xLabel = "model";
    c.chart.yLabel = "accuracy (%)";
    c.chart.categories = {"quantum kernel", "RBF SVM", "logistic"};
    report::Series a;
    a.name = "test";
    a.y = {91, 95, 93};
    a.error = {2, 1, 1.5};
    report::Series b;
    b.name = "train";
    b.y = {96, 98, 94};
    c.chart.series = {a, b};
    c.chart.referenceLines = {{"target", 90}};
    c.caption = QStringLiteral("Five-fold cross-validation.");
    c.categoryNotes = {{2, QStringLiteral("baseline")}};
    return c;
}

// Three lines, the third in palette colour 2 (dark grey #444444).
report::Chart lineChart()
{
    report::Chart c;
    c.kind = report::ChartKind::Line;
    c.title = "Encoding cost";
    c.xLabel = "features";
    c.yLabel = "count";
    for (int s = 0; s < 3; ++s) {
        report::Series series;
        series.name = "series " + std::to_string(s);
        for (int i = 1; i <= 6; ++i) {
            series.x.push_back(i);
            series.y.push_back(i * (s + 1));
        }
        c.series.push_back(series);
    }
    return c;
}

report::Chart radarChart()
{
    report::Chart c;
    c.kind = report::ChartKind::Radar;
    c.title = "Readiness";
    c.categories = {"accuracy", "cost", "latency", "robustness", "maturity"};
    c.yMax = 100;
    for (int s = 0; s < 3; ++s) {
        report::Series series;
        series.name = "device " + std::to_string(s);
        series.y = {80.0 - 10 * s, 60.0, 40.0 + 10 * s, 70.0, 55.0};
        c.series.push_back(series);
    }
    return c;
}

QImage paintReportChart(const report::Chart& chart)
{
    QImage image(600, 420, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QCPPainter p(&image);
    p.scale(0.5, 0.5); // layout dots → pixels
    rs::paintChart(p, chart, QRectF(0, 0, 1200, 840));
    p.end();
    return image;
}

pilot::Pilot examplePilot(const std::string& name)
{
    auto p = pilot::readExamplePilot(name);
    if (!p)
        qFatal("%s", p.error().toString().c_str());
    return *p;
}

} // namespace

class TestChartTheme : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { test::isolateSettings("tst_charttheme"); }
    void cleanup() { setAppPalette(QApplication::style()->standardPalette()); }

    // ---- the mapping ---------------------------------------------------------------------------

    void themeFromPalette_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::addColumn<bool>("dark");
        QTest::newRow("workbench dark") << darkPalette() << true;
        QTest::newRow("navy dark") << navyPalette() << true;
        QTest::newRow("light") << lightPalette() << false;
        QTest::newRow("standard") << QApplication::style()->standardPalette() << false;
    }
    void themeFromPalette()
    {
        QFETCH(QPalette, palette);
        QFETCH(bool, dark);
        const rs::ChartTheme t = rs::chartTheme(palette);
        QCOMPARE(t.background, palette.color(QPalette::Base));
        QCOMPARE(t.text, palette.color(QPalette::Text));
        QCOMPARE(t.dark, dark);
        // text-like roles readable (WCAG AA 4.5:1), lines visible but quieter than text
        for (const QColor& c : {t.text, t.muted, t.title, t.ink, t.reference})
            QVERIFY2(rs::contrastRatio(c, t.background) >= 4.5, qPrintable(c.name() + " on " + t.background.name()));
        QVERIFY(rs::contrastRatio(t.grid, t.background) >= 1.2);
        QVERIFY(rs::contrastRatio(t.grid, t.background) < rs::contrastRatio(t.zeroLine, t.background));
        QVERIFY(rs::contrastRatio(t.zeroLine, t.background) < rs::contrastRatio(t.muted, t.background));
        QVERIFY(rs::contrastRatio(t.hidden, t.background) < rs::contrastRatio(t.muted, t.background));
        // every series colour stands out from the background as a graphic (3:1) on dark
        // backgrounds; colours that already do are the shared palette's own
        for (int i = 0; i < 8; ++i) {
            const QColor c = t.series(i);
            if (!dark) {
                QCOMPARE(c, rs::seriesColor(i));
                continue;
            }
            QVERIFY2(rs::contrastRatio(c, t.background) >= 3.0, qPrintable(QString::number(i) + " " + c.name()));
            if (rs::contrastRatio(rs::seriesColor(i), t.background) >= 3.0)
                QCOMPARE(c, rs::seriesColor(i));
            else
                QVERIFY(c.lightness() > rs::seriesColor(i).lightness()); // lifted, not replaced
        }
        // the series stay apart from each other
        for (int i = 0; i < 8; ++i)
            for (int j = i + 1; j < 8; ++j)
                QVERIFY(t.series(i) != t.series(j));
    }

    void contrastRatioKnownValues()
    {
        QCOMPARE(rs::contrastRatio(Qt::black, Qt::white), 21.0);
        QCOMPARE(rs::contrastRatio(Qt::white, Qt::white), 1.0);
        // WCAG example: #777777 on white is 4.48:1
        QVERIFY(std::abs(rs::contrastRatio(QColor(0x77, 0x77, 0x77), Qt::white) - 4.48) < 0.01);
    }

    void reportThemeIsThePaper()
    {
        const rs::ChartTheme t = rs::reportChartTheme();
        QCOMPARE(t.background, QColor(Qt::white));
        QCOMPARE(t.text, rs::colors::text());
        QCOMPARE(t.muted, rs::colors::muted());
        QCOMPARE(t.title, rs::colors::accent());
        QVERIFY(!t.dark);
        for (int i = 0; i < 8; ++i)
            QCOMPARE(t.series(i), rs::seriesColor(i));
    }

    // ---- the dashboards' ChartView --------------------------------------------------------------

    void chartViewFollowsApplicationPalette()
    {
        setAppPalette(lightPalette());
        ui::plots::ChartPanel panel;
        panel.resize(720, 480);
        panel.setDashboardChart(barChart());
        ChartView* view = panel.view();
        const auto check = [&](const QPalette& pal) {
            const rs::ChartTheme t = rs::chartTheme(pal);
            QCOMPARE(view->theme(), t);
            QCOMPARE(dominant(view->toPixmap(640, 420).toImage()), t.background.rgb());
            for (QCPAxis* axis : {view->xAxis, view->yAxis}) {
                QCOMPARE(axis->tickLabelColor(), pal.color(QPalette::Text));
                QCOMPARE(axis->labelColor(), pal.color(QPalette::Text));
                QCOMPARE(axis->basePen().color(), t.muted);
            }
            QCOMPARE(view->yAxis->grid()->pen().color(), t.grid);
            QCOMPARE(view->legend->textColor(), pal.color(QPalette::Text));
            QCOMPARE(view->legend->item(0)->textColor(), pal.color(QPalette::Text));
            auto* title = qobject_cast<QCPTextElement*>(view->plotLayout()->element(0, 0));
            QVERIFY(title);
            QCOMPARE(title->textColor(), t.title);
            auto* bars = qobject_cast<QCPBars*>(view->series(QStringLiteral("test")));
            QVERIFY(bars);
            QCOMPARE(bars->brush().color(), t.series(0));
            // error bars, reference line and its label, the category note: drawn in theme colours
            bool errorBars = false;
            for (int i = 0; i < view->plottableCount(); ++i)
                if (auto* e = qobject_cast<QCPErrorBars*>(view->plottable(i))) {
                    QCOMPARE(e->pen().color(), t.ink);
                    errorBars = true;
                }
            QVERIFY(errorBars);
            int texts = 0;
            for (int i = 0; i < view->itemCount(); ++i) {
                if (auto* line = qobject_cast<QCPItemStraightLine*>(view->item(i)))
                    QCOMPARE(line->pen().color(), t.reference);
                if (auto* text = qobject_cast<QCPItemText*>(view->item(i))) {
                    QVERIFY(text->color() == t.ink || text->color() == t.muted);
                    QCOMPARE(text->brush().color().rgb(), t.background.rgb());
                    ++texts;
                }
            }
            QCOMPARE(texts, 2);
            auto* caption = panel.findChild<QLabel*>();
            QVERIFY(caption && caption->text() == QStringLiteral("Five-fold cross-validation."));
            QVERIFY(caption->styleSheet().contains(t.muted.name()));
        };
        check(lightPalette());

        // the user zooms and hides a series; then the theme changes at run time
        view->xAxis->setRange(1.5, 3.5);
        view->setSeriesVisible(view->series(QStringLiteral("train")), false);
        QSignalSpy toggled(view, &ChartView::seriesVisibilityChanged);
        setAppPalette(darkPalette());
        check(darkPalette());
        QCOMPARE(view->xAxis->range(), QCPRange(1.5, 3.5));
        QVERIFY(!view->series(QStringLiteral("train"))->visible());
        QCOMPARE(view->legend->itemWithPlottable(view->series(QStringLiteral("train")))->textColor(),
                 rs::chartTheme(darkPalette()).hidden);
        QCOMPARE(toggled.count(), 0); // nothing the user did
        view->resetView();
        QCOMPARE(view->xAxis->range().lower, 0.45); // the first-drawn range survives for Reset view

        setAppPalette(lightPalette()); // and back
        view->setSeriesVisible(view->series(QStringLiteral("train")), true);
        check(lightPalette());
    }

    void chartViewFollowsOwnPalette()
    {
        ChartView view;
        view.resize(640, 420);
        ui::plots::DashboardChart c;
        c.chart = lineChart();
        view.setDashboardChart(c);
        view.setPalette(navyPalette()); // PaletteChange without an application change
        const rs::ChartTheme t = rs::chartTheme(navyPalette());
        QCOMPARE(view.theme(), t);
        QCOMPARE(dominant(view.toPixmap(640, 420).toImage()), t.background.rgb());
        auto* g = qobject_cast<QCPGraph*>(view.series(QStringLiteral("series 2")));
        QVERIFY(g);
        QCOMPARE(g->pen().color(), t.series(2)); // the grey, lifted for the dark background
        QVERIFY(g->pen().color() != rs::seriesColor(2));
        QCOMPARE(g->scatterStyle().brush().color(), t.background); // hollow markers
    }

    void emptyStateFollowsPalette()
    {
        ChartView view;
        view.resize(500, 300);
        ui::plots::DashboardChart c;
        c.chart.title = "Mitigation";
        c.empty = QStringLiteral("The run has no mitigation data.");
        view.setDashboardChart(c);
        setAppPalette(darkPalette());
        const rs::ChartTheme t = rs::chartTheme(darkPalette());
        QCOMPARE(dominant(view.toPixmap(640, 420).toImage()), t.background.rgb());
        auto* title = qobject_cast<QCPTextElement*>(view.plotLayout()->element(0, 0));
        QVERIFY(title);
        QCOMPARE(title->textColor(), t.title);
        QVERIFY(view.isEmptyState());
        // a view can be built again (the empty state dropped its axes): a real chart next
        c = barChart();
        view.setDashboardChart(c);
        QVERIFY(view.xAxis && view.yAxis && view.series(QStringLiteral("test")));
        QCOMPARE(view.xAxis->tickLabelColor(), t.text);
    }

    void exportsAsOnScreen_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("png") << "png";
        QTest::newRow("svg") << "svg";
        QTest::newRow("pdf") << "pdf";
    }
    void exportsAsOnScreen()
    {
        QFETCH(QString, suffix);
        setAppPalette(darkPalette());
        ChartView view;
        view.resize(640, 420);
        view.setDashboardChart(barChart());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("chart.") + suffix);
        QVERIFY(!view.exportTo(path, 640, 420));
        const QString base = rs::chartTheme(darkPalette()).background.name();
        if (suffix == QLatin1String("png")) {
            QImage image(path);
            QCOMPARE(dominant(image), rs::chartTheme(darkPalette()).background.rgb());
        } else if (suffix == QLatin1String("svg")) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(QString::fromUtf8(f.readAll()).contains(base, Qt::CaseInsensitive));
        } else {
            QVERIFY(QFileInfo(path).size() > 1000);
        }
    }

    // Every dashboard page of a run in the dark theme: the page and its charts on the palette's
    // Base (QPILOT_DARK_SHOTS=DIR saves the pages as PNGs to look at).
    void dashboardPagesInDark()
    {
        setAppPalette(darkPalette());
        ui::plots::DashboardsView view;
        view.setRun(test::fixtureRun());
        const QString out = qEnvironmentVariable("QPILOT_DARK_SHOTS");
        for (int page = 0; page < view.pageCount(); ++page) {
            const QImage image = view.renderPage(page, QSize(1440, 900));
            QCOMPARE(dominant(image), rs::chartTheme(darkPalette()).background.rgb());
            if (!out.isEmpty())
                QVERIFY(image.save(QDir(out).filePath(QStringLiteral("dark-%1.png").arg(page))));
        }
        for (int i = 0; i < view.chartCount(); ++i)
            QCOMPARE(view.chart(i)->theme(), rs::chartTheme(darkPalette()));
    }

    // ---- painted charts: scorecard radar, demo slides ------------------------------------------

    void scorecardChartFollowsPalette_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::newRow("dark") << darkPalette();
        QTest::newRow("light") << lightPalette();
    }
    void scorecardChartFollowsPalette()
    {
        QFETCH(QPalette, palette);
        ui::ChartWidget w;
        w.resize(480, 380);
        w.setChart(radarChart());
        setAppPalette(palette);
        const QImage image = w.grab().toImage();
        QCOMPARE(dominant(image), rs::chartTheme(palette).background.rgb());
        // the labels are drawn in the palette's text colour: some pixels close to it
        const QColor text = palette.color(QPalette::Text);
        int near = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                near += std::abs(c.red() - text.red()) + std::abs(c.green() - text.green()) + std::abs(c.blue() - text.blue()) < 30;
            }
        QVERIFY2(near > 50, qPrintable(QString::number(near)));
    }

    void demoSlidesFollowPalette()
    {
        setAppPalette(darkPalette());
        ui::DemoWindow w;
        w.setRun(test::fixtureRun(), test::fixturePilot());
        w.resize(960, 540);
        for (int i = 0; i < w.slideCount(); ++i) {
            w.setCurrentSlide(i);
            const QImage image = w.grab().toImage();
            if (!qEnvironmentVariableIsEmpty("QPILOT_DARK_SHOTS"))
                QVERIFY(image.save(QDir(qEnvironmentVariable("QPILOT_DARK_SHOTS")).filePath(QStringLiteral("demo-%1.png").arg(i))));
            if (w.slides()[size_t(i)].key == QLatin1String("title"))
                continue; // half of it is the accent band
            QCOMPARE(dominant(image), rs::chartTheme(darkPalette()).background.rgb());
        }
    }

    // ---- hand-built plots: pilot editor curve, results histogram --------------------------------

    void pilotEditorCurveFollowsPalette()
    {
        PilotEditor editor;
        editor.setPilot(examplePilot("breast_cancer_kernel"), QString());
        auto* curve = editor.findChild<QCustomPlot*>(QStringLiteral("preview.curve"));
        QVERIFY(curve);
        curve->resize(600, 300);
        QVERIFY(curve->graphCount() == 3);
        for (const QPalette& pal : {darkPalette(), lightPalette()}) {
            setAppPalette(pal);
            const rs::ChartTheme t = rs::chartTheme(pal);
            QCOMPARE(curve->xAxis->tickLabelColor(), t.text);
            QCOMPARE(curve->yAxis->labelColor(), t.text);
            QCOMPARE(curve->legend->textColor(), t.text);
            QCOMPARE(curve->legend->brush().color(), t.background);
            QCOMPARE(curve->graphCount(), 3); // redrawn in the new colours
            for (int i = 0; i < 3; ++i)
                QCOMPARE(curve->graph(i)->pen().color(), t.series(i));
            QCOMPARE(dominant(curve->toPixmap(600, 300).toImage()), t.background.rgb());
            // the resource tiles above the curve: their values in the titles' colour
            const auto* qubits = editor.findChild<QLabel*>(QStringLiteral("preview.qubits"));
            QVERIFY(qubits && qubits->styleSheet().contains(t.title.name()));
            if (t.dark && !qEnvironmentVariableIsEmpty("QPILOT_DARK_SHOTS")) {
                QWidget* box = curve->parentWidget();
                box->resize(720, 560);
                box->layout()->activate();
                curve->replot(QCustomPlot::rpImmediateRefresh);
                QVERIFY(box->grab().save(QDir(qEnvironmentVariable("QPILOT_DARK_SHOTS")).filePath(QStringLiteral("curve.png"))));
            }
        }
    }

    void resultsHistogramFollowsPalette()
    {
        Document d;
        ResultsPanel panel(&d);
        auto* histogram = panel.findChild<QCustomPlot*>(QStringLiteral("histogram"));
        QVERIFY(histogram);
        for (const QPalette& pal : {darkPalette(), lightPalette()}) {
            setAppPalette(pal);
            const rs::ChartTheme t = rs::chartTheme(pal);
            QCOMPARE(histogram->yAxis->labelColor(), t.text);
            QCOMPARE(histogram->legend->textColor(), t.text);
            QCOMPARE(dominant(histogram->toPixmap(400, 240).toImage()), t.background.rgb());
        }
    }

    // ---- the PDF report keeps its white paper ---------------------------------------------------

    void reportChartsIgnoreApplicationPalette()
    {
        setAppPalette(darkPalette());
        const rs::ChartTheme paper = rs::reportChartTheme();
        // what the report's builder uses with a dark application palette: the light colours
        QCustomPlot plot;
        report::Chart chart = lineChart();
        chart.series[0].error = {1, 1, 1, 1, 1, 1};
        rs::buildChart(plot, chart, 600, 2.0);
        QCOMPARE(dominant(plot.toPixmap(600, 400).toImage()), QColor(Qt::white).rgb());
        QCOMPARE(plot.xAxis->tickLabelColor(), rs::colors::text());
        QCOMPARE(plot.yAxis->labelColor(), rs::colors::text());
        QCOMPARE(plot.xAxis->basePen().color(), rs::colors::muted());
        QCOMPARE(plot.yAxis->grid()->pen().color(), paper.grid);
        QCOMPARE(plot.legend->textColor(), rs::colors::text());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(plot.graph(i)->pen().color(), rs::seriesColor(i)); // #444444 stays on paper
        QCOMPARE(plot.graph(0)->scatterStyle().brush().color(), QColor(Qt::white));

        // painted charts (bars through QCustomPlot, the radar with QPainter): the same pixels
        // whatever the application palette
        for (const report::Chart& c : {lineChart(), radarChart(), barChart().chart}) {
            setAppPalette(darkPalette());
            const QImage underDark = paintReportChart(c);
            setAppPalette(lightPalette());
            const QImage underLight = paintReportChart(c);
            QVERIFY2(underDark == underLight, c.title.c_str());
        }
    }

    void reportPagesUnchangedByDarkTheme()
    {
        const report::Document doc = testfixture::breastCancerReportFixture();
        setAppPalette(lightPalette());
        const QList<QImage> light = ui::renderReportPages(doc, 30);
        setAppPalette(darkPalette());
        const QList<QImage> dark = ui::renderReportPages(doc, 30);
        QVERIFY(!light.isEmpty());
        QCOMPARE(dark.size(), light.size());
        for (int i = 0; i < light.size(); ++i)
            QVERIFY2(dark[i] == light[i], qPrintable(QStringLiteral("page %1").arg(i + 1)));
        QCOMPARE(dominant(dark.front()), QColor(Qt::white).rgb());
    }
};

QTEST_MAIN(TestChartTheme)
#include "tst_charttheme.moc"
