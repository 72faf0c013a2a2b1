// tests/ui/tst_dashboards.cpp — the pilot dashboards (ui/plots) on the offscreen platform, against
// the hand-made fixture runs and a real run of the breast_cancer_kernel example pilot: chart data
// equals the run's numbers (cost bars, latency segments, technique overheads, ZNE points, kernel
// heat map cells and histogram, encoding curve, seeds, success vs depth), unknown figures are left
// out and labelled (never a fake 0), legend clicks toggle a series, hover tooltips name a known
// point with its units, double-click resets zoom, export writes valid PNG / SVG / PDF, the device
// comparison model passes QAbstractItemModelTester, empty states say why. Every page is rendered at
// 1920x1080 and 1366x768 (and the iris_reupload_vqc example's pages at 1920x1080); set
// QPILOT_DASHBOARD_SHOTS=<dir> to keep the PNGs.
#include "support/pilot_fixture.h"

#include "core/pilot/pipeline.h"
#include "ui/plots/dashboards.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QTableView>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <cmath>

using namespace qpilot;
using namespace qpilot::ui::plots;

namespace {

pilot::PilotRun runExample(const std::string& name)
{
    auto p = pilot::readExamplePilot(name);
    if (!p)
        qFatal("example pilot %s: %s", name.c_str(), p.error().message.c_str());
    pilot::PipelineHooks hooks;
    hooks.threads = 2;
    return pilot::runPilot(p.value(), hooks);
}

template <class T>
T* plottableNamed(ChartView* view, const QString& name)
{
    return qobject_cast<T*>(view ? view->series(name) : nullptr);
}

// Value of the bar at category index i (key i + 1); NaN when the bar is absent.
double barValue(QCPBars* bars, int i)
{
    if (!bars)
        return std::nan("");
    auto it = bars->data()->findBegin(i + 1, false);
    return it != bars->data()->constEnd() && it->key == i + 1 ? it->value : std::nan("");
}

bool itemTextContains(ChartView* view, const QString& text)
{
    for (int i = 0; i < view->itemCount(); ++i)
        if (auto* t = qobject_cast<QCPItemText*>(view->item(i)); t && t->text().contains(text))
            return true;
    return false;
}

} // namespace

class TestDashboards : public QObject {
    Q_OBJECT

    pilot::PilotRun m_real;    // breast_cancer_kernel, run for real
    pilot::PilotRun m_fixture; // fixtureRun()
    std::unique_ptr<DashboardsView> m_view;

    const pilot::PilotRun& runFor(const QString& which) const { return which == QLatin1String("real") ? m_real : m_fixture; }
    DashboardsView& viewOf(const pilot::PilotRun& run)
    {
        m_view->setRun(run);
        return *m_view;
    }

private slots:
    void initTestCase()
    {
        m_real = runExample("breast_cancer_kernel");
        QVERIFY2(m_real.status == pilot::RunStatus::Completed, m_real.stopReason.c_str());
        m_fixture = test::fixtureRun();
        m_view = std::make_unique<DashboardsView>();
        m_view->resize(1366, 768);
    }

    void placeholderThenPages()
    {
        DashboardsView v;
        QCOMPARE(v.chartCount(), 0);
        QVERIFY(v.chart(0) == nullptr);
        QVERIFY(v.exportChart(0, QStringLiteral("x.png")).has_value());
        v.setRun(m_real);
        QCOMPARE(v.pageCount(), 6);
        QCOMPARE(v.pageTitle(0), QStringLiteral("Encoding cost"));
        QCOMPARE(v.pageTitle(5), QStringLiteral("Devices"));
        QCOMPARE(v.chartCount(), int(dashboardCharts(m_real).size()));
        QCOMPARE(v.chartCount(), 15);
        for (int i = 0; i < v.chartCount(); ++i)
            QVERIFY2(!v.chartTitle(i).isEmpty(), qPrintable(QString::number(i)));
        QCOMPARE(v.chartTitle(v.chartIndex(QStringLiteral("cost-per-1k"))), QStringLiteral("Cost per 1,000 inferences"));
        v.clear();
        QCOMPARE(v.chartCount(), 0);
        QCOMPARE(v.pageCount(), 0);
    }

    void costBarsEqualTheRun_data()
    {
        QTest::addColumn<QString>("which");
        QTest::newRow("fixture") << "fixture";
        QTest::newRow("real breast_cancer_kernel") << "real";
    }

    void costBarsEqualTheRun()
    {
        QFETCH(QString, which);
        const pilot::PilotRun& run = runFor(which);
        DashboardsView& v = viewOf(run);
        ChartView* cost = v.chart(v.chartIndex(QStringLiteral("cost-per-1k")));
        QVERIFY(cost && !cost->isEmptyState());
        auto* with = plottableNamed<QCPBars>(cost, QStringLiteral("With mitigation"));
        auto* without = plottableNamed<QCPBars>(cost, QStringLiteral("Without mitigation"));
        QVERIFY(with && without);
        int i = 0;
        for (const pilot::DeviceOutcome& d : run.devices) {
            if (!d.error.empty())
                continue;
            QCOMPARE(barValue(with, i), d.costPer1kUsd);
            QCOMPARE(barValue(without, i), d.costPer1kUnmitigatedUsd);
            ++i;
        }
        QCOMPARE(with->dataCount(), i);
        QCOMPARE(cost->yAxis->scaleType(), QCPAxis::stLogarithmic);
        // the classical baseline is a labelled reference line
        QVERIFY(itemTextContains(cost, QStringLiteral("Classical, dedicated")));
    }

    // Latency: segments equal the run; an unknown execution time is left out and labelled.
    void latencyUnknownIsNotAZero()
    {
        DashboardsView& v = viewOf(m_fixture);
        ChartView* lat = v.chart(v.chartIndex(QStringLiteral("latency")));
        auto* queue = plottableNamed<QCPBars>(lat, QStringLiteral("Queue"));
        auto* exec = plottableNamed<QCPBars>(lat, QStringLiteral("Execution (with mitigation)"));
        QVERIFY(queue && exec);
        QCOMPARE(barValue(queue, 0), m_fixture.devices[0].latencyQueue);
        QVERIFY(m_fixture.devices[0].latencyExecution.has_value());
        QCOMPARE(barValue(exec, 0), *m_fixture.devices[0].latencyExecution);
        QVERIFY(!m_fixture.devices[1].latencyExecution.has_value()); // ionq_aria_1
        QVERIFY(std::isnan(barValue(exec, 1)));
        QVERIFY(itemTextContains(lat, QStringLiteral("execution: not published")));
    }

    void techniqueOverheadsEqualTheRun()
    {
        DashboardsView& v = viewOf(m_real);
        ChartView* shots = v.chart(v.chartIndex(QStringLiteral("overhead-shots")));
        ChartView* time = v.chart(v.chartIndex(QStringLiteral("overhead-time")));
        QVERIFY(!shots->isEmptyState() && !time->isEmptyState());
        int checked = 0;
        for (const pilot::DeviceOutcome& d : m_real.devices) {
            auto* s = plottableNamed<QCPBars>(shots, QString::fromStdString(d.deviceId));
            auto* t = plottableNamed<QCPBars>(time, QString::fromStdString(d.deviceId));
            QVERIFY(s);
            bool anyTime = false;
            for (const pilot::TechniqueOverhead& o : d.techniqueOverheads)
                anyTime = anyTime || (o.error.empty() && o.timeMultiplier);
            QCOMPARE(t != nullptr, anyTime); // a device without timing figures is not drawn (named in the caption)
            if (!anyTime)
                QVERIFY(time->dashboardChart().caption.contains(QString::fromStdString(d.deviceId)));
            QCOMPARE(int(d.techniqueOverheads.size()), 5);
            for (int k = 0; k < 5; ++k) {
                const pilot::TechniqueOverhead& o = d.techniqueOverheads[size_t(k)];
                if (o.error.empty())
                    QCOMPARE(barValue(s, k), o.shotMultiplier);
                else
                    QVERIFY(std::isnan(barValue(s, k)));
                if (o.error.empty() && o.timeMultiplier)
                    QCOMPARE(barValue(t, k), *o.timeMultiplier);
                else if (t)
                    QVERIFY(std::isnan(barValue(t, k)));
                ++checked;
            }
        }
        QCOMPARE(checked, 15);
    }

    void zneSeriesEqualTheRun()
    {
        DashboardsView& v = viewOf(m_real);
        ChartView* zne = v.chart(v.chartIndex(QStringLiteral("zne")));
        QVERIFY(!zne->isEmptyState());
        for (const pilot::DeviceOutcome& d : m_real.devices) {
            QVERIFY(!d.zne.factors.empty());
            const QString id = QString::fromStdString(d.deviceId);
            auto* measured = plottableNamed<QCPGraph>(zne, id + QStringLiteral(" measured"));
            auto* fit = plottableNamed<QCPGraph>(zne, id + QStringLiteral(" (") + QString::fromStdString(d.zne.method) + " fit)");
            auto* extrapolated = plottableNamed<QCPGraph>(zne, id + QStringLiteral(" extrapolated (λ = 0)"));
            QVERIFY(measured && fit && extrapolated);
            QCOMPARE(measured->lineStyle(), QCPGraph::lsNone);
            QCOMPARE(measured->dataCount(), int(d.zne.factors.size()));
            for (int i = 0; i < measured->dataCount(); ++i) {
                QCOMPARE(measured->data()->at(i)->key, d.zne.factors[size_t(i)]);
                QCOMPARE(measured->data()->at(i)->value, d.zne.values[size_t(i)]);
            }
            QCOMPARE(fit->dataCount(), int(d.zne.curveFactors.size()));
            QCOMPARE(extrapolated->data()->at(0)->value, d.zne.estimate);
            QCOMPARE(measured->pen().color(), fit->pen().color()); // one colour per device
        }
    }

    void kernelHeatMapAndHistogram()
    {
        DashboardsView& v = viewOf(m_real);
        ChartView* heat = v.chart(v.chartIndex(QStringLiteral("kernel-heatmap")));
        QVERIFY(!heat->isEmptyState());
        QCPColorMap* map = nullptr;
        for (int i = 0; i < heat->plottableCount(); ++i)
            map = map ? map : qobject_cast<QCPColorMap*>(heat->plottable(i));
        QVERIFY(map);
        const int n = m_real.kernelSampleRows;
        QCOMPARE(n, 40);
        QCOMPARE(map->data()->keySize(), n);
        QCOMPARE(map->data()->valueSize(), n);
        for (auto [i, j] : {std::pair{0, 0}, std::pair{0, 1}, std::pair{7, 3}, std::pair{39, 12}, std::pair{20, 39}})
            QCOMPARE(map->data()->cell(j, i), m_real.kernelSample[size_t(i) * size_t(n) + size_t(j)]);
        // tooltip of cell (row 8, column 4), on the laid-out page
        v.renderPage(3, QSize(1920, 1080));
        const QPointF p = heat->pointPosition(map, 7 * n + 3);
        QCOMPARE(heat->tooltipAt(p.toPoint()),
                 QStringLiteral("k(xᵢ, xⱼ)\nrow 8, column 4: %1").arg(QString::number(m_real.kernelSample[size_t(7 * n + 3)], 'g', 4)));
        // histogram: every off-diagonal pair of the sample counted once
        ChartView* hist = v.chart(v.chartIndex(QStringLiteral("kernel-histogram")));
        auto* bars = plottableNamed<QCPBars>(hist, QStringLiteral("Off-diagonal values"));
        QVERIFY(bars);
        double total = 0;
        for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
            total += it->value;
        QCOMPARE(total, double(n * (n - 1) / 2));
        QCOMPARE(kernelOffDiagonal(m_real).size(), size_t(n * (n - 1) / 2));
    }

    void encodingCurveAndSuccessDepth()
    {
        DashboardsView& v = viewOf(m_real);
        ChartView* enc = v.chart(v.chartIndex(QStringLiteral("encoding-curve")));
        auto* qubits = plottableNamed<QCPGraph>(enc, QStringLiteral("Qubits"));
        auto* gates = plottableNamed<QCPGraph>(enc, QStringLiteral("2q gates (logical)"));
        QVERIFY(qubits && gates);
        QCOMPARE(qubits->dataCount(), int(m_real.encodingCurve.size()));
        for (int i = 0; i < qubits->dataCount(); ++i) {
            QCOMPARE(qubits->data()->at(i)->key, double(m_real.encodingCurve[size_t(i)].features));
            QCOMPARE(qubits->data()->at(i)->value, double(m_real.encodingCurve[size_t(i)].qubits));
            QCOMPARE(gates->data()->at(i)->value, double(m_real.encodingCurve[size_t(i)].twoQubitGates));
        }
        QCOMPARE(enc->yAxis->scaleType(), QCPAxis::stLogarithmic);
        QVERIFY(plottableNamed<QCPGraph>(enc, QStringLiteral("2q gates on ibm_fez")));

        ChartView* depth = v.chart(v.chartIndex(QStringLiteral("success-depth")));
        for (const pilot::DeviceOutcome& d : m_real.devices) {
            auto* g = plottableNamed<QCPGraph>(depth, QString::fromStdString(d.deviceId));
            if (!d.successProbabilityKnown) { // ionq_forte_1 has no error figures: no curve
                QVERIFY(!g);
                continue;
            }
            QVERIFY(g);
            QCOMPARE(g->dataCount(), int(d.successByDepth.size()));
            QCOMPARE(g->data()->at(0)->key, double(d.depth));
            QCOMPARE(g->data()->at(0)->value, d.successProbability);
        }
    }

    void seedsAndMetrics()
    {
        DashboardsView& v = viewOf(m_real);
        ChartView* seeds = v.chart(v.chartIndex(QStringLiteral("seeds")));
        auto* acc = plottableNamed<QCPBars>(seeds, QStringLiteral("Accuracy"));
        QCOMPARE(acc->dataCount(), int(m_real.seeds.size()));
        for (int i = 0; i < acc->dataCount(); ++i)
            QCOMPARE(barValue(acc, i), m_real.seeds[size_t(i)].accuracy);
        ChartView* metrics = v.chart(v.chartIndex(QStringLiteral("metrics")));
        auto* a = plottableNamed<QCPBars>(metrics, QStringLiteral("Accuracy"));
        QCOMPARE(barValue(a, 0), m_real.quantum.metrics.accuracy);
        for (size_t b = 0; b < m_real.baselines.size(); ++b)
            QCOMPARE(barValue(a, int(b) + 1), m_real.baselines[b].metrics.accuracy);
        // error bar of the quantum model: the sample standard deviation over the seeds
        QCPErrorBars* err = nullptr;
        for (int i = 0; i < metrics->plottableCount(); ++i)
            if (auto* e = qobject_cast<QCPErrorBars*>(metrics->plottable(i)); e && e->dataPlottable() == a)
                err = e;
        QVERIFY(err);
        QVERIFY(std::abs(err->data()->at(0).errorPlus - m_real.accuracyStd) < 1e-12);
    }

    void legendClickTogglesTheSeries()
    {
        DashboardsView& v = viewOf(m_real);
        v.renderPage(2, QSize(1366, 768)); // lays the Cost & latency page out
        ChartView* cost = v.chart(v.chartIndex(QStringLiteral("cost-per-1k")));
        QCPAbstractPlottable* with = cost->series(QStringLiteral("With mitigation"));
        QCPPlottableLegendItem* item = cost->legend->itemWithPlottable(with);
        QVERIFY(item && with->visible());
        QSignalSpy spy(cost, &ChartView::seriesVisibilityChanged);
        const QPoint at = item->outerRect().center();
        QTest::mouseClick(cost, Qt::LeftButton, {}, at);
        QVERIFY(!with->visible());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(1).toBool(), false);
        // a hidden series has no tooltip
        QVERIFY(!cost->tooltipAt(cost->pointPosition(with, 0).toPoint()).startsWith(QStringLiteral("With mitigation")));
        QTest::mouseClick(cost, Qt::LeftButton, {}, at);
        QVERIFY(with->visible());
        // ZNE: one legend entry per device (its fit); clicking it hides the device's points too
        v.renderPage(1, QSize(1366, 768));
        ChartView* zne = v.chart(v.chartIndex(QStringLiteral("zne")));
        const pilot::DeviceOutcome& d = m_real.devices[0];
        const QString id = QString::fromStdString(d.deviceId);
        QCPAbstractPlottable* fit = zne->series(id + QStringLiteral(" (") + QString::fromStdString(d.zne.method) + " fit)");
        QCPAbstractPlottable* measured = zne->series(id + QStringLiteral(" measured"));
        QVERIFY(fit && measured);
        QVERIFY(zne->legend->itemWithPlottable(measured) == nullptr);
        QCOMPARE(zne->legend->itemCount(), int(m_real.devices.size()));
        QTest::mouseClick(zne, Qt::LeftButton, {}, zne->legend->itemWithPlottable(fit)->outerRect().center());
        QVERIFY(!fit->visible());
        QVERIFY(!measured->visible());
    }

    void tooltipNamesTheNearestPoint()
    {
        DashboardsView& v = viewOf(m_fixture);
        v.renderPage(2, QSize(1920, 1080));
        ChartView* cost = v.chart(v.chartIndex(QStringLiteral("cost-per-1k")));
        QCPAbstractPlottable* with = cost->series(QStringLiteral("With mitigation"));
        const QPointF p = cost->pointPosition(with, 0);
        QCOMPARE(cost->tooltipAt(p.toPoint()),
                 QStringLiteral("With mitigation · ibm_torino\n$%1").arg(QString::number(m_fixture.devices[0].costPer1kUsd, 'g', 4)));
        QVERIFY(cost->tooltipAt(QPoint(2, 2)).isEmpty()); // outside the plot: nothing
        ChartView* enc = v.chart(v.chartIndex(QStringLiteral("encoding-curve")));
        v.renderPage(0, QSize(1920, 1080));
        QCPAbstractPlottable* qubits = enc->series(QStringLiteral("Qubits"));
        const pilot::EncodingPoint& e = m_fixture.encodingCurve[1];
        QCOMPARE(enc->tooltipAt(enc->pointPosition(qubits, 1).toPoint()),
                 QStringLiteral("Qubits · Input features %1\n%2").arg(e.features).arg(e.qubits));
    }

    void doubleClickResetsZoom()
    {
        DashboardsView& v = viewOf(m_fixture);
        v.renderPage(0, QSize(1366, 768));
        ChartView* enc = v.chart(v.chartIndex(QStringLiteral("encoding-curve")));
        const QCPRange original = enc->xAxis->range();
        enc->xAxis->setRange(original.lower + 1, original.lower + 2);
        QVERIFY(enc->xAxis->range() != original);
        QTest::mouseDClick(enc, Qt::LeftButton, {}, enc->axisRect()->rect().center());
        QCOMPARE(enc->xAxis->range(), original);
    }

    void exportWritesValidFiles_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("png") << "png";
        QTest::newRow("svg") << "svg";
        QTest::newRow("pdf") << "pdf";
    }

    void exportWritesValidFiles()
    {
        QFETCH(QString, suffix);
        DashboardsView& v = viewOf(m_real);
        QTemporaryDir dir;
        for (const char* id : {"cost-per-1k", "kernel-heatmap", "training-loss"}) { // bars, colour map, empty state
            const QString path = dir.filePath(QString::fromLatin1(id) + QLatin1Char('.') + suffix);
            const auto error = v.exportChart(v.chartIndex(QString::fromLatin1(id)), path);
            QVERIFY2(!error, error ? error->toString().c_str() : "");
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            if (suffix == QLatin1String("png")) {
                QVERIFY(bytes.startsWith("\x89PNG\r\n\x1a\n"));
                QImage image;
                QVERIFY(image.loadFromData(bytes, "PNG"));
                QVERIFY(image.width() >= 800 && image.height() >= 500);
            } else if (suffix == QLatin1String("pdf")) {
                QVERIFY(bytes.startsWith("%PDF"));
            } else {
                QXmlStreamReader xml(bytes);
                while (!xml.atEnd() && !xml.isStartElement())
                    xml.readNext();
                QCOMPARE(xml.name().toString(), QStringLiteral("svg"));
                while (!xml.atEnd())
                    xml.readNext();
                QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
            }
        }
        const auto bad = v.exportChart(0, dir.filePath(QStringLiteral("chart.bmp")));
        QVERIFY(bad.has_value());
        QVERIFY(QString::fromStdString(bad->message).contains(QStringLiteral("use .png, .svg or .pdf")));
    }

    void deviceComparisonModel()
    {
        const pilot::PilotRun run = test::fixtureRunWithFailedDevice();
        DeviceComparisonModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRun(run);
        QCOMPARE(model.rowCount(), int(run.devices.size()));
        QCOMPARE(model.columnCount(), int(DeviceComparisonModel::ColumnCount));
        for (int r = 0; r < model.rowCount(); ++r) {
            const pilot::DeviceOutcome& d = run.devices[size_t(r)];
            QCOMPARE(model.index(r, DeviceComparisonModel::Device).data().toString(), QString::fromStdString(d.deviceId));
            const QVariant cost = model.index(r, DeviceComparisonModel::CostPer1k).data(Qt::UserRole);
            if (d.error.empty()) {
                QCOMPARE(cost.toDouble(), d.costPer1kUsd);
                QCOMPARE(model.index(r, DeviceComparisonModel::TwoQubitGates).data(Qt::UserRole).toInt(), d.twoQubitGates);
            } else {
                QVERIFY(!cost.isValid());
                QVERIFY(model.index(r, DeviceComparisonModel::Status).data().toString().startsWith(QStringLiteral("failed: ")));
            }
        }
        QCOMPARE(model.index(1, DeviceComparisonModel::LatencySeconds).data().toString(), QStringLiteral("not published"));
        QCOMPARE(model.headerData(DeviceComparisonModel::CostPer1k, Qt::Horizontal).toString(), QStringLiteral("Cost / 1k (USD)"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        // the view's table shows the same model
        DashboardsView& v = viewOf(run);
        QCOMPARE(v.deviceTable()->model(), static_cast<QAbstractItemModel*>(v.deviceModel()));
        QCOMPARE(v.deviceModel()->rowCount(), 3);
    }

    void emptyStatesSayWhy_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<QString>("chart");
        QTest::addColumn<QString>("text"); // "" = the chart has data
        QTest::newRow("vqc heat map") << "vqc" << "kernel-heatmap" << "this pilot's model is a VQC";
        QTest::newRow("vqc histogram") << "vqc" << "kernel-histogram" << "this pilot's model is a VQC";
        QTest::newRow("vqc loss") << "vqc" << "training-loss" << "";
        QTest::newRow("kernel loss") << "real" << "training-loss" << "this pilot's model is a quantum kernel";
        QTest::newRow("kernel heat map") << "real" << "kernel-heatmap" << "";
        QTest::newRow("old run heat map") << "fixture" << "kernel-heatmap" << "no kernel sample";
        QTest::newRow("old run zne") << "fixture" << "zne" << "no ZNE series";
        QTest::newRow("old run overheads") << "fixture" << "overhead-shots" << "no per-technique overheads";
        QTest::newRow("no snapshots") << "real" << "snapshots" << "no dated snapshots (NAME@DATE)";
        QTest::newRow("snapshots") << "snapshots" << "snapshots" << "";
        QTest::newRow("no plan zne") << "nozne" << "zne" << "mitigation plan has no ZNE";
    }

    void emptyStatesSayWhy()
    {
        QFETCH(QString, which);
        QFETCH(QString, chart);
        QFETCH(QString, text);
        pilot::PilotRun run = which == QLatin1String("vqc") ? test::fixtureVqcRun() : runFor(which);
        if (which == QLatin1String("snapshots")) {
            run = m_real;
            run.devices[1].deviceId = "ibm_fez@2026-05-01";
            run.devices[2].deviceId = "ibm_fez@2026-06-01";
        }
        if (which == QLatin1String("nozne")) {
            run = m_real;
            for (pilot::DeviceOutcome& d : run.devices) {
                d.mitigationPlan = "rem";
                d.zne = {};
            }
        }
        DashboardsView& v = viewOf(run);
        ChartView* view = v.chart(v.chartIndex(chart));
        QVERIFY(view);
        QCOMPARE(view->isEmptyState(), !text.isEmpty());
        if (!text.isEmpty()) {
            QVERIFY2(view->dashboardChart().empty.contains(text), qPrintable(view->dashboardChart().empty));
            QCOMPARE(view->plottableCount(), 0);
        } else {
            QVERIFY(view->plottableCount() > 0);
        }
        if (which == QLatin1String("snapshots")) {
            const auto groups = snapshotGroups(run);
            QCOMPARE(groups.size(), size_t(1));
            QCOMPARE(groups[0].first, std::string("ibm_fez"));
            QCOMPARE(groups[0].second, (std::vector<int>{0, 1, 2})); // the undated profile joins its snapshots
        }
    }

    // Every page at both sizes: an image of the size asked, with content (not blank). With
    // QPILOT_DASHBOARD_SHOTS set, the PNGs are written there.
    void renderEveryPage_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("example");
        QTest::newRow("kernel 1920x1080") << QSize(1920, 1080) << "breast_cancer_kernel";
        QTest::newRow("kernel 1366x768") << QSize(1366, 768) << "breast_cancer_kernel";
        QTest::newRow("vqc 1920x1080") << QSize(1920, 1080) << "iris_reupload_vqc";
    }

    void renderEveryPage()
    {
        QFETCH(QSize, size);
        QFETCH(QString, example);
        DashboardsView view;
        const bool vqc = example == QLatin1String("iris_reupload_vqc");
        const pilot::PilotRun run = vqc ? runExample(example.toStdString()) : m_real;
        QVERIFY2(run.status == pilot::RunStatus::Completed, run.stopReason.c_str());
        view.setRun(run);
        if (vqc) { // the VQC's loss curve is drawn and equals the run
            ChartView* loss = view.chart(view.chartIndex(QStringLiteral("training-loss")));
            auto* g = plottableNamed<QCPGraph>(loss, QStringLiteral("Training loss"));
            QVERIFY(g);
            QCOMPARE(g->dataCount(), int(run.trainingLoss.size()));
            QCOMPARE(g->data()->at(g->dataCount() - 1)->value, run.trainingLoss.back());
        }
        const QString out = qEnvironmentVariable("QPILOT_DASHBOARD_SHOTS");
        for (int page = 0; page < view.pageCount(); ++page) {
            const QImage image = view.renderPage(page, size);
            QCOMPARE(image.size() / image.devicePixelRatio(), size);
            int dark = 0;
            for (int y = 0; y < image.height(); y += 7)
                for (int x = 0; x < image.width(); x += 7)
                    dark += qGray(image.pixel(x, y)) < 128;
            QVERIFY2(dark > 50, qPrintable(view.pageTitle(page)));
            if (!out.isEmpty()) {
                QDir().mkpath(out);
                QString name = view.pageTitle(page).toLower();
                name.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
                QVERIFY(image.save(QDir(out).filePath(QStringLiteral("dashboard-%1%2-%3x%4.png")
                                                          .arg(vqc ? QStringLiteral("vqc-") : QString(), name)
                                                          .arg(size.width())
                                                          .arg(size.height()))));
            }
        }
    }
};

QTEST_MAIN(TestDashboards)
#include "tst_dashboards.moc"
