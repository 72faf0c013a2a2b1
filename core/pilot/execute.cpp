// core/pilot/execute.cpp — executePilot: validation, store records around the pipeline, circuit
// versioning, scoring and the report artefact (see execute.h).
#include "core/pilot/execute.h"

#include "core/common/hash.h"
#include "core/common/provenance.h"
#include "core/store/store.h"

#include <QElapsedTimer>

#include <memory>

namespace qpilot::pilot {

namespace {

void recordStage(PilotRun& run, Stage stage, const char* status, double seconds, std::string message)
{
    StageRecord record;
    record.stage = stage;
    record.status = status;
    record.seconds = seconds;
    record.message = std::move(message);
    run.stages.push_back(std::move(record));
}

} // namespace

readiness::RunScorecards scoreWithOperations(const PilotRun& run, const Pilot& pilot, bool circuitVersioned,
                                             bool reproduced, bool exportsPresent)
{
    readiness::RunContext context;
    context.circuitVersioned = circuitVersioned;
    context.reproduced = reproduced;
    context.exportsPresent = exportsPresent;
    return readiness::scoreRun(run, pilot, context);
}

Execution executePilot(const Pilot& pilot, const ExecuteOptions& options)
{
    Execution out;
    out.invalid = validatePilot(pilot);
    if (!out.invalid.empty())
        return out;

    std::unique_ptr<store::RunStore> db;
    if (!options.databasePath.empty()) {
        auto opened = store::RunStore::open(options.databasePath);
        if (!opened) {
            out.storeError = opened.error();
            return out;
        }
        db = std::move(opened).value();
        // The record exists before any work starts: a kill at any point leaves a traceable run.
        PilotRun start;
        start.pilotName = pilot.name;
        start.pilotFile = options.pilotFile;
        start.configurationJson = writePilot(pilot);
        start.seed = pilot.seed;
        start.appVersion = QPILOT_VERSION;
        start.startedAt = utcNow();
        start.status = RunStatus::Running;
        auto id = db->beginRun(start);
        if (!id) {
            out.storeError = id.error();
            return out;
        }
        out.runId = id.value();
        if (options.reproduces > 0)
            db->audit("reproduce", "run " + std::to_string(options.reproduces), "re-executed as run " + std::to_string(out.runId));
    }

    // Each finished stage is committed; a failing write cancels the rest of the run.
    std::atomic<bool> storeFailed{false};
    std::atomic<bool> cancel{false};
    PipelineHooks hooks = options.hooks;
    hooks.cancel = &cancel;
    const std::atomic<bool>* userCancel = options.hooks.cancel;
    hooks.progress = [&](const Progress& p) {
        if (userCancel && userCancel->load())
            cancel = true;
        if (options.hooks.progress)
            options.hooks.progress(p);
    };
    hooks.stageFinished = [&](const PilotRun& soFar, Stage stage) {
        if (db && !storeFailed) {
            if (auto e = db->saveRun(out.runId, soFar)) {
                out.storeError = *e;
                storeFailed = true;
                cancel = true;
            } else if (stage == Stage::Circuits && !soFar.circuitQasm.empty()) {
                auto version = db->commitCircuit(pilot.name, soFar.circuitQasm, "run " + std::to_string(out.runId));
                if (version)
                    out.circuitVersion = version.value();
            }
        }
        if (userCancel && userCancel->load())
            cancel = true;
        if (options.hooks.stageFinished)
            options.hooks.stageFinished(soFar, stage);
    };
    const std::string reportPath = options.reportPathForRun ? options.reportPathForRun(out.runId) : options.reportPath;
    out.run = runPilot(pilot, hooks);
    if (out.run.pilotFile.empty())
        out.run.pilotFile = options.pilotFile;
    if (storeFailed && out.run.status == RunStatus::Cancelled) {
        out.run.status = RunStatus::Failed;
        out.run.stopReason = "the run store could not be written: " + out.storeError->toString();
    }

    if (out.run.status == RunStatus::Completed) {
        QElapsedTimer timer;
        timer.start();
        if (options.hooks.progress)
            options.hooks.progress({Stage::Scorecard, 0, "scoring readiness"});
        const bool exports = !reportPath.empty();
        out.cards = scoreWithOperations(out.run, pilot, out.circuitVersion.has_value(), false, exports);
        recordStage(out.run, Stage::Scorecard, out.cards.cards.empty() ? "failed" : "done", timer.nsecsElapsed() / 1e9,
                    out.cards.cards.empty() ? "no device produced results to score"
                                            : std::to_string(out.cards.cards.size()) + " device scorecard(s)");
        if (options.hooks.progress)
            options.hooks.progress({Stage::Scorecard, 1, out.run.stages.back().message});
        if (out.cards.cards.empty()) {
            out.run.status = RunStatus::Failed;
            out.run.stopReason = "scorecard: every device failed, nothing to score";
        }
    }
    if (out.run.status == RunStatus::Completed && !reportPath.empty()) {
        QElapsedTimer timer;
        timer.start();
        if (options.hooks.progress)
            options.hooks.progress({Stage::Report, 0, "building and rendering the report"});
        const std::string id = out.runId > 0 ? std::to_string(out.runId) : std::string();
        report::ReportOptions reportOptions;
        reportOptions.resultDigest = resultDigest(out.run);
        const report::Document document = report::buildReport(out.run, pilot, out.cards, id, reportOptions);
        if (!options.renderReport)
            out.reportError = Error("no report renderer available");
        else
            out.reportError = options.renderReport(document, reportPath);
        if (!out.reportError) {
            out.reportSha256 = fileSha256(reportPath);
            recordStage(out.run, Stage::Report, "done", timer.nsecsElapsed() / 1e9, reportPath);
        } else {
            recordStage(out.run, Stage::Report, "failed", timer.nsecsElapsed() / 1e9, out.reportError->toString());
            out.run.status = RunStatus::Failed;
            out.run.stopReason = "report: " + out.reportError->toString();
        }
        if (options.hooks.progress)
            options.hooks.progress({Stage::Report, 1, out.run.stages.back().message});
    }
    out.run.finishedAt = utcNow();

    if (db && !storeFailed) {
        if (auto e = db->saveRun(out.runId, out.run))
            out.storeError = *e;
        if (!out.cards.cards.empty() && out.cards.best >= 0) {
            const readiness::Scorecard& best = out.cards.cards[static_cast<size_t>(out.cards.best)];
            if (auto e = db->saveScore(out.runId, readiness::verdictKey(best.verdict), best.overall,
                                       readiness::scorecardsToJson(out.cards)))
                out.storeError = *e;
        }
        if (!out.reportError && !reportPath.empty() && out.run.status == RunStatus::Completed) {
            store::Artefact artefact;
            artefact.kind = "report";
            artefact.path = reportPath;
            artefact.sha256 = out.reportSha256;
            if (auto e = db->addArtefact(out.runId, artefact))
                out.storeError = *e;
        }
    }
    return out;
}

} // namespace qpilot::pilot
