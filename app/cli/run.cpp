// SPDX-License-Identifier: GPL-3.0-or-later
// app/cli/run.cpp — `qpilot run PILOT.qpilot [--report OUT.pdf] [--db FILE] [--json]`: runs a pilot
// end to end through core/pilot/execute.h (store record first, pipeline stage by stage,
// scorecard, report rendered by ui/report), prints the stages, the verdict, the scorecard and the
// per-device figures, and exits 0 (completed), 1 (the run failed or was cancelled) or 2 (bad pilot).
#include "app/cli/cli.h"
#include "app/cli/run_output.h"
#include "app/cli/verbs.h"

#include "core/pilot/execute.h"
#include "core/store/store.h"
#include "ui/report/reportrenderer.h"

#include <QFileInfo>

#include <atomic>
#include <csignal>

namespace qpilot::cli {

namespace {

const char kUsage[] =
    "Usage: qpilot run PILOT.qpilot [--report OUT.pdf] [--db FILE | --no-store] [--seed S]\n"
    "                  [--quiet] [--json]\n"
    "\n"
    "Runs a pilot end to end: loads and fingerprints the data, tunes the classical baselines,\n"
    "builds the circuit and trains the quantum model, then per target device transpiles,\n"
    "evaluates with the device's noise, mitigates, samples, prices and times it; repeats with\n"
    "derived seeds for the reproducibility spread; scores readiness on nine dimensions and\n"
    "writes the PDF report. Every stage is committed to the run store as it finishes, so an\n"
    "interrupted run keeps what it finished ('qpilot runs show ID'). Ctrl-C cancels cleanly.\n"
    "\n"
    "Options:\n"
    "  --report OUT.pdf  write the readiness report (PDF)\n"
    "  --db FILE         run store (default: $QPILOT_DATA_DIR/runs.sqlite, else the user's data\n"
    "                    directory)\n"
    "  --no-store        do not record the run\n"
    "  --seed S          override the pilot's seed\n"
    "  --quiet           no progress lines on standard error\n"
    "  --json            print the run id, status, verdict, per-dimension scores and key metrics\n"
    "                    as one JSON object\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit codes: 0 completed; 1 the run failed or was cancelled (what finished is stored);\n"
    "2 bad usage or an invalid pilot (each problem names its field).\n"
    "\n"
    "Examples:\n"
    "  qpilot run resources/examples/breast_cancer_kernel.qpilot --report bc.pdf\n"
    "  qpilot run pilot.qpilot --db runs.sqlite --json\n";

// Set by SIGINT/SIGTERM; the pipeline polls it (a lock-free atomic is signal-safe).
std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int)
{
    g_interrupted = true;
}

int runRun(const QStringList& args, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    const QCommandLineOption reportOpt(QStringLiteral("report"), QString(), QStringLiteral("PDF"));
    const QCommandLineOption dbOpt(QStringLiteral("db"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption noStoreOpt(QStringLiteral("no-store"));
    const QCommandLineOption seedOpt(QStringLiteral("seed"), QString(), QStringLiteral("S"));
    const QCommandLineOption quietOpt(QStringLiteral("quiet"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"));
    parser.addOptions({reportOpt, dbOpt, noStoreOpt, seedOpt, quietOpt, jsonOpt, helpOption()});
    if (int code = parseVerbArgs(parser, kRunVerb, args, out, err); code >= 0)
        return code;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return reportError(err, ExitUsage, files.isEmpty() ? "run: missing PILOT.qpilot" : "run: one PILOT expected",
                           kRunVerb.name);
    if (parser.isSet(dbOpt) && parser.isSet(noStoreOpt))
        return reportError(err, ExitUsage, "run: --db and --no-store contradict each other", kRunVerb.name);

    auto loaded = pilot::loadPilotFile(files.first().toStdString());
    if (!loaded)
        return reportError(err, ExitUsage, loaded.error().toString());
    pilot::Pilot pilot = loaded.value();
    if (parser.isSet(seedOpt)) {
        bool ok = false;
        const qulonglong seed = parser.value(seedOpt).toULongLong(&ok);
        if (!ok)
            return reportError(err, ExitUsage, "run: --seed must be a non-negative integer", kRunVerb.name);
        pilot.seed = seed;
    }

    pilot::ExecuteOptions options;
    options.pilotFile = QFileInfo(files.first()).absoluteFilePath().toStdString();
    if (!parser.isSet(noStoreOpt))
        options.databasePath = parser.isSet(dbOpt) ? parser.value(dbOpt).toStdString() : store::defaultDatabasePath();
    if (parser.isSet(reportOpt)) {
        options.reportPath = parser.value(reportOpt).toStdString();
        options.renderReport = [](const report::Document& document, const std::string& path) {
            return ui::renderReportPdf(document, QString::fromStdString(path));
        };
    }
    g_interrupted = false;
    if (!parser.isSet(quietOpt))
        options.hooks = progressPrinter(err);
    options.hooks.cancel = &g_interrupted;
    auto previousInt = std::signal(SIGINT, onInterrupt);
    auto previousTerm = std::signal(SIGTERM, onInterrupt);
    const pilot::Execution execution = pilot::executePilot(pilot, options);
    std::signal(SIGINT, previousInt);
    std::signal(SIGTERM, previousTerm);

    if (!execution.invalid.empty()) {
        for (const Error& e : execution.invalid)
            reportError(err, ExitUsage, files.first().toStdString() + ": " + e.toString());
        return ExitUsage;
    }
    if (execution.storeError && execution.runId == 0)
        return reportError(err, ExitFailed, "run store: " + execution.storeError->toString());

    printExecution(execution, pilot, options, parser.isSet(jsonOpt), out);
    if (execution.storeError)
        reportError(err, ExitFailed, "run store: " + execution.storeError->toString());
    if (execution.run.status != pilot::RunStatus::Completed) {
        reportError(err, ExitFailed,
                    std::string("run ") + pilot::runStatusKey(execution.run.status) + ": " + execution.run.stopReason);
        return ExitFailed;
    }
    return execution.storeError ? ExitFailed : ExitOk;
}

} // namespace

const Verb kRunVerb = {
    "run",
    "run a pilot end to end: baselines, quantum model, devices, cost, scorecard, PDF report",
    "run PILOT.qpilot [--report OUT.pdf] [--db FILE] [--json]",
    kUsage,
    &runRun,
};

} // namespace qpilot::cli
