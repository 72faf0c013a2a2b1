// SPDX-License-Identifier: GPL-3.0-or-later
// core/pilot/stored_run.cpp — loadStoredRun (execute.h): a stored run with its pilot, the
// operational context the store records and its scorecards in that context.
#include "core/pilot/execute.h"

#include "core/store/store.h"

#include <QFileInfo>

namespace qpilot::pilot {

Result<StoredRun> loadStoredRun(const std::string& databasePath, std::int64_t id)
{
    auto store = store::RunStore::open(databasePath);
    if (!store)
        return store.error();
    auto run = store.value()->loadRun(id);
    if (!run)
        return run.error();
    StoredRun out;
    out.id = id;
    out.run = std::move(run).value();
    const std::string baseDir =
        out.run.pilotFile.empty() ? std::string() : QFileInfo(QString::fromStdString(out.run.pilotFile)).absolutePath().toStdString();
    auto pilot = readPilot(out.run.configurationJson, "run " + std::to_string(id) + " configuration", baseDir);
    if (!pilot)
        return Error("run " + std::to_string(id) + ": its stored configuration cannot be read: " + pilot.error().message);
    out.pilot = std::move(pilot).value();
    auto reproduced = store.value()->isReproduced(id);
    if (!reproduced)
        return reproduced.error();
    auto artefacts = store.value()->artefacts(id);
    if (!artefacts)
        return artefacts.error();
    out.context.circuitVersioned = !out.run.circuitHash.empty();
    out.context.reproduced = reproduced.value();
    out.context.exportsPresent = !artefacts.value().empty();
    if (out.run.status == RunStatus::Completed)
        out.cards = readiness::scoreRun(out.run, out.pilot, out.context);
    return out;
}

} // namespace qpilot::pilot
