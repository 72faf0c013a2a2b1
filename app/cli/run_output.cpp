// SPDX-License-Identifier: GPL-3.0-or-later
// app/cli/run_output.cpp — progress lines and the text / JSON summary of a pilot execution.
#include "app/cli/run_output.h"
#include "app/cli/verbs.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <memory>
#include <sstream>

namespace qpilot::cli {

namespace {

std::string seconds(std::optional<double> s)
{
    return s ? readiness::formatSeconds(*s) : std::string("n/a");
}

QJsonValue optionalNumber(std::optional<double> v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

} // namespace

pilot::PipelineHooks progressPrinter(std::ostream& err)
{
    pilot::PipelineHooks hooks;
    auto current = std::make_shared<int>(-1);
    hooks.progress = [&err, current](const pilot::Progress& p) {
        const int index = static_cast<int>(p.stage);
        if (index != *current) {
            *current = index;
            err << "[" << index + 1 << "/" << pilot::kStageCount << "] " << pilot::stageTitle(p.stage) << "\n";
        }
    };
    hooks.stageFinished = [&err](const pilot::PilotRun& run, pilot::Stage) {
        if (run.stages.empty())
            return;
        const pilot::StageRecord& r = run.stages.back();
        err << "      " << r.status << " in " << fixed(r.seconds, 1) << " s" << (r.message.empty() ? "" : ": ")
            << r.message << "\n";
    };
    return hooks;
}

void printExecution(const pilot::Execution& execution, const pilot::Pilot& pilot,
                    const pilot::ExecuteOptions& options, bool json, std::ostream& out)
{
    const pilot::PilotRun& run = execution.run;
    const readiness::Scorecard* best = execution.cards.best >= 0
                                           ? &execution.cards.cards[static_cast<size_t>(execution.cards.best)]
                                           : nullptr;
    const ml::ModelReport* baseline = run.bestBaseline >= 0 && run.bestBaseline < static_cast<int>(run.baselines.size())
                                          ? &run.baselines[static_cast<size_t>(run.bestBaseline)]
                                          : nullptr;
    const std::string digest = run.status == pilot::RunStatus::Completed ? pilot::resultDigest(run) : std::string();
    if (json) {
        QJsonObject o;
        o["run_id"] = execution.runId > 0 ? QJsonValue(static_cast<qint64>(execution.runId)) : QJsonValue(QJsonValue::Null);
        o["pilot"] = q(pilot.name);
        o["status"] = pilot::runStatusKey(run.status);
        o["stop_reason"] = q(run.stopReason);
        o["seed"] = QString::number(run.seed);
        o["result_digest"] = q(digest);
        o["database"] = q(options.databasePath);
        QJsonArray stages;
        for (const pilot::StageRecord& s : run.stages)
            stages.append(QJsonObject{{"stage", pilot::stageKey(s.stage)}, {"status", q(s.status)},
                                      {"seconds", s.seconds}, {"message", q(s.message)}});
        o["stages"] = stages;
        o["quantum_accuracy"] = run.quantum.metrics.accuracy;
        o["baseline_model"] = baseline ? q(baseline->model) : QJsonValue(QJsonValue::Null);
        o["baseline_accuracy"] = baseline ? QJsonValue(baseline->metrics.accuracy) : QJsonValue(QJsonValue::Null);
        o["accuracy_spread"] = run.accuracySpread;
        QJsonArray devices;
        for (const pilot::DeviceOutcome& d : run.devices) {
            QJsonObject dev{{"device", q(d.deviceId)}};
            if (!d.error.empty()) {
                dev["error"] = q(d.error);
            } else {
                dev["two_qubit_gates"] = d.twoQubitGates;
                dev["depth"] = d.depth;
                dev["success_probability"] = d.successProbability;
                dev["noisy_accuracy"] = d.noisyAccuracy;
                dev["cost_per_1k_usd"] = d.costPer1kUsd;
                dev["cost_per_1k_unmitigated_usd"] = d.costPer1kUnmitigatedUsd;
                dev["latency_seconds"] = optionalNumber(d.latencySeconds);
            }
            devices.append(dev);
        }
        o["devices"] = devices;
        if (best) {
            o["verdict"] = readiness::verdictKey(best->verdict);
            o["overall"] = best->overall;
            o["best_device"] = q(best->device);
            QJsonObject scores;
            for (const readiness::DimensionScore& d : best->dimensions)
                scores[readiness::dimensionKey(d.dimension)] = d.score;
            o["scores"] = scores;
            o["scorecards"] = QJsonDocument::fromJson(QByteArray::fromStdString(readiness::scorecardsToJson(execution.cards))).object();
        } else {
            o["verdict"] = QJsonValue(QJsonValue::Null);
        }
        if (!options.reportPath.empty())
            o["report"] = execution.reportError ? QJsonValue(QJsonValue::Null)
                                                : QJsonValue(QJsonObject{{"path", q(options.reportPath)},
                                                                         {"sha256", q(execution.reportSha256)}});
        out << QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
        return;
    }

    out << "Pilot " << pilot.name << (pilot.title.empty() ? "" : ": " + pilot.title) << "\n"
        << "Status: " << pilot::runStatusKey(run.status) << (run.stopReason.empty() ? "" : " (" + run.stopReason + ")")
        << ", seed " << run.seed << "\n";
    if (!run.datasetName.empty())
        out << "Data: " << run.datasetName << ", " << run.rows << " rows x " << run.features << " features, "
            << run.classes << " classes; " << run.preprocessing << "\n"
            << "      fingerprint " << run.datasetFingerprint << "\n";
    if (!run.circuitDescription.empty())
        out << "Circuit: " << run.circuitDescription << " (sha256 " << run.circuitHash.substr(0, 12) << ")\n";
    if (baseline)
        out << "Accuracy: quantum " << fixed(run.quantum.metrics.accuracy, 3) << " vs tuned " << baseline->model << " "
            << fixed(baseline->metrics.accuracy, 3) << " (test set, " << run.testRows << " rows); spread over "
            << run.seeds.size() << " seeds " << fixed(run.accuracySpread, 3) << "\n";
    if (!run.devices.empty()) {
        out << "\n" << std::left << std::setw(26) << "Device" << std::right << std::setw(9) << "2q gates" << std::setw(9)
            << "success" << std::setw(11) << "noisy acc" << std::setw(13) << "cost / 1k" << std::setw(12) << "latency" << "\n";
        for (const pilot::DeviceOutcome& d : run.devices) {
            out << std::left << std::setw(26) << d.deviceId << std::right;
            if (!d.error.empty()) {
                out << "  failed: " << d.error << "\n";
                continue;
            }
            out << std::setw(9) << d.twoQubitGates << std::setw(9)
                << (d.successProbabilityKnown ? fixed(d.successProbability, 3) : std::string("n/p")) << std::setw(11)
                << fixed(d.noisyAccuracy, 3) << std::setw(13) << readiness::formatUsd(d.costPer1kUsd) << std::setw(12)
                << seconds(d.latencySeconds) << "\n";
        }
        out << std::left << std::setw(26) << "classical (" + pilot.cost.classicalInstance + ")" << std::right
            << std::setw(9) << "-" << std::setw(9) << "-" << std::setw(11)
            << (baseline ? fixed(baseline->metrics.accuracy, 3) : std::string("-")) << std::setw(13)
            << readiness::formatUsd(run.classicalPer1kUsd) << std::setw(12) << seconds(run.classicalLatencySeconds) << "\n";
        if (std::any_of(run.devices.begin(), run.devices.end(),
                        [](const pilot::DeviceOutcome& d) { return d.error.empty() && !d.successProbabilityKnown; }))
            out << "n/p: not published (the device profile has no gate errors; its noisy simulation is ideal)\n";
    }
    if (best) {
        out << "\nVerdict: " << readiness::verdictTitle(best->verdict) << " (overall " << fixed(best->overall, 0)
            << "/100, best device " << best->device << ")\n\n"
            << readiness::formatScorecard(*best);
    }
    for (const std::string& w : run.warnings)
        out << "warning: " << w << "\n";
    out << "\n";
    if (!digest.empty())
        out << "Result digest: " << digest << "\n";
    if (!options.reportPath.empty() && !execution.reportError)
        out << "Report: " << options.reportPath << " (sha256 " << execution.reportSha256.substr(0, 12) << ")\n";
    if (execution.runId > 0)
        out << "Stored as run " << execution.runId << " in " << options.databasePath << " ('qpilot runs show "
            << execution.runId << "', 'qpilot runs reproduce " << execution.runId << "')\n";
}

} // namespace qpilot::cli
