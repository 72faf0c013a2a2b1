// SPDX-License-Identifier: GPL-3.0-or-later
// core/pilot/reproduce.cpp — reproduceRun(): re-executes a stored run from its record and compares
// the results field by field (see execute.h); `qpilot runs reproduce` and the workbench's Runs
// dock both call it.
#include "core/pilot/execute.h"

#include "core/store/store.h"

#include <QFileInfo>
#include <QString>

namespace qpilot::pilot {

Reproduction reproduceRun(const std::string& databasePath, std::int64_t id, const PipelineHooks& hooks)
{
    Reproduction r;
    auto opened = store::RunStore::open(databasePath);
    if (!opened) {
        r.error = opened.error();
        return r;
    }
    store::RunStore& s = *opened.value();
    auto loaded = s.loadRun(id);
    if (!loaded) {
        r.error = loaded.error();
        return r;
    }
    r.stored = std::move(loaded).value();
    const PilotRun& stored = r.stored;
    if (stored.status != RunStatus::Completed) {
        r.error = Error("run " + std::to_string(id) + " is " + runStatusKey(stored.status)
                        + "; only completed runs can be reproduced");
        r.notReproducible = true;
        return r;
    }
    // Relative paths (a CSV beside the pilot) resolve where the original pilot file was.
    const std::string base = stored.pilotFile.empty()
        ? std::string()
        : QFileInfo(QString::fromStdString(stored.pilotFile)).absolutePath().toStdString();
    auto configured = readPilot(stored.configurationJson, "run " + std::to_string(id) + " configuration", base);
    if (!configured) {
        r.error = configured.error();
        return r;
    }
    const Pilot pilot = std::move(configured).value();

    ExecuteOptions options;
    options.databasePath = databasePath;
    options.reproduces = id;
    options.pilotFile = stored.pilotFile;
    options.hooks = hooks;
    r.execution = executePilot(pilot, options);
    const Execution& execution = r.execution;
    if (!execution.invalid.empty()) {
        r.invalid = execution.invalid;
        return r;
    }
    if (execution.storeError && execution.runId == 0) {
        r.error = execution.storeError;
        return r;
    }

    if (execution.run.status == RunStatus::Completed)
        r.differences = compareResults(stored, execution.run);
    else
        r.differences.push_back(std::string("the re-execution ") + runStatusKey(execution.run.status) + ": "
                                + execution.run.stopReason);
    r.identical = r.differences.empty();
    std::string joined;
    for (const std::string& d : r.differences)
        joined += d + "\n";
    if (auto e = s.recordReproduction(id, execution.runId, r.identical, joined))
        r.storeErrors.push_back(e->toString());
    if (r.identical) {
        // Both runs are now reproduced: their scorecards say so.
        for (std::int64_t runIdToScore : {id, execution.runId}) {
            auto artefacts = s.artefacts(runIdToScore);
            const bool exports = artefacts && !artefacts.value().empty();
            const readiness::RunScorecards cards =
                scoreWithOperations(stored, pilot, !stored.circuitHash.empty(), true, exports);
            if (cards.best >= 0) {
                const readiness::Scorecard& best = cards.cards[static_cast<size_t>(cards.best)];
                if (auto e = s.saveScore(runIdToScore, readiness::verdictKey(best.verdict), best.overall,
                                         readiness::scorecardsToJson(cards)))
                    r.storeErrors.push_back(e->toString());
            }
        }
    }
    r.digest = resultDigest(stored);
    r.reproducedDigest = execution.run.status == RunStatus::Completed ? resultDigest(execution.run) : std::string();
    return r;
}

} // namespace qpilot::pilot
