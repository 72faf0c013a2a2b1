// bench/bench_scorecard.cpp — the scorecard view, the report preview and demo mode on a real run
// (issue 9): runs an example pilot end to end, then
//   - measures how long the report preview blocks the GUI thread (longest single step of its
//     progressive render: layout or one page) against the one-shot renderReportPdf, and
//   - renders the scorecard view (as measured and with a what-if), the report preview and every
//     demo slide to PNG at 1920×1080 and 1366×768 (QWidget::grab, offscreen).
//   cmake --build build/h --target qpilot_bench_scorecard
//   QT_QPA_PLATFORM=offscreen build/h/bench/qpilot_bench_scorecard [--pilot NAME] [--out DIR]
#include "core/pilot/pilot.h"
#include "core/pilot/pipeline.h"
#include "core/readiness/readiness.h"
#include "core/report/report.h"
#include "ui/demo/demomode.h"
#include "ui/report/reportpreview.h"
#include "ui/report/reportrenderer.h"
#include "ui/scorecard/scorecardview.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace qpilot;

namespace {

bool save(QWidget& w, QSize size, const QString& path)
{
    w.resize(size);
    w.show();
    QEventLoop loop; // let layouts settle (one turn of the event loop, not a processEvents spin)
    QTimer::singleShot(50, &loop, &QEventLoop::quit);
    loop.exec();
    const bool ok = w.grab().save(path);
    std::printf("  %s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
    return ok;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QString pilotName = QStringLiteral("breast_cancer_kernel");
    QString out = QStringLiteral("scorecard-screens");
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--pilot"))
            pilotName = args[i + 1];
        else if (args[i] == QLatin1String("--out"))
            out = args[i + 1];
    }
    QDir().mkpath(out);
    std::optional<pilot::Pilot> found;
    for (const pilot::ExamplePilot& e : pilot::examplePilots())
        if (QString::fromStdString(e.name) == pilotName)
            if (auto p = pilot::readPilot(e.json, e.name + ".qpilot"))
                found = p.value();
    if (!found) {
        std::fprintf(stderr, "qpilot_bench_scorecard: no example pilot '%s'\n", qPrintable(pilotName));
        return 2;
    }
    const pilot::Pilot pilot = *found;
    QElapsedTimer t;
    t.start();
    const pilot::PilotRun run = pilot::runPilot(pilot);
    std::printf("pilot %s: run %.2f s, status %s, %zu devices\n", qPrintable(pilotName), t.nsecsElapsed() / 1e9,
                pilot::runStatusKey(run.status), run.devices.size());

    // report: one-shot render vs the preview's progressive render
    const readiness::RunScorecards cards = readiness::scoreRun(run, pilot);
    report::ReportOptions options;
    options.resultDigest = pilot::resultDigest(run);
    const report::Document doc = report::buildReport(run, pilot, cards, std::string(), options);
    QTemporaryDir tmp;
    for (int rep = 0; rep < 3; ++rep) {
        t.restart();
        const auto err = ui::renderReportPdf(doc, tmp.filePath(QStringLiteral("r.pdf")));
        std::printf("renderReportPdf (one call, blocks the GUI thread): %.0f ms, %d pages%s\n", t.nsecsElapsed() / 1e6,
                    ui::reportPageCount(doc), err ? " ERROR" : "");
    }
    ui::ReportPreview preview;
    for (int rep = 0; rep < 3; ++rep) {
        QEventLoop loop;
        QObject::connect(&preview, &ui::ReportPreview::rendered, &loop, &QEventLoop::quit);
        QObject::connect(&preview, &ui::ReportPreview::renderFailed, &loop, &QEventLoop::quit);
        preview.setDocument(doc);
        loop.exec();
        std::printf("ReportPreview progressive render: total %.0f ms, longest GUI block %.0f ms, %d pages\n",
                    preview.totalRenderMs(), preview.longestBlockMs(), preview.pageCount());
    }

    ui::ScorecardView view;
    view.setRun(run, pilot);
    ui::DemoWindow demo;
    demo.setRun(run, pilot);
    std::printf("screens in %s:\n", qPrintable(out));
    for (QSize size : {QSize(1920, 1080), QSize(1366, 768)}) {
        const QString tag = QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
        view.setWhatIf({});
        save(view, size, QStringLiteral("%1/scorecard-%2.png").arg(out, tag));
        ui::WhatIf w;
        w.priceScale = 1e-6;
        w.queueSeconds = 0.0;
        w.twoQubitErrorScale = 0.5;
        view.setWhatIf(w);
        save(view, size, QStringLiteral("%1/scorecard-whatif-%2.png").arg(out, tag));
        preview.fitPage();
        preview.setCurrentPage(0);
        save(preview, size, QStringLiteral("%1/report-preview-%2.png").arg(out, tag));
        preview.fitWidth();
        preview.setCurrentPage(3);
        save(preview, size, QStringLiteral("%1/report-preview-page4-%2.png").arg(out, tag));
        for (int i = 0; i < demo.slideCount(); ++i) {
            demo.setCurrentSlide(i);
            save(demo, size, QStringLiteral("%1/demo-%2-%3-%4.png").arg(out).arg(i + 1).arg(demo.slides()[size_t(i)].key, tag));
        }
    }
    return 0;
}
