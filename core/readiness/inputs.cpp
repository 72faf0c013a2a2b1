// core/readiness/inputs.cpp — from a pilot run to the flat numbers the scorecard scores
// (inputsFor: device outcome, baselines, the gap's binomial uncertainty, the training
// projection to the production size, the calibration-snapshot spread, provenance, the device's
// median 2q error and the price row's main rate for the what-if models) and scoreRun (one
// scorecard per successful device, the best by overall score).
#include "core/readiness/readiness.h"

#include "core/cost/cost.h"
#include "core/device/device.h"

#include <QDir>
#include <QFileInfo>
#include <QString>

#include <algorithm>
#include <cmath>

namespace qpilot::readiness {

namespace {

std::string baseId(const std::string& deviceId)
{
    const auto at = deviceId.find('@');
    return at == std::string::npos ? deviceId : deviceId.substr(0, at);
}

// Least-squares slope of 2q gates vs features over the encoding curve, transpiled for this
// device where the curve has those figures (else logical).
double growthPerFeature(const pilot::PilotRun& run, const std::string& deviceId)
{
    std::vector<std::pair<double, double>> pts;
    bool transpiled = true;
    for (const pilot::EncodingPoint& p : run.encodingCurve)
        if (!p.transpiledTwoQubitGates.count(deviceId))
            transpiled = false;
    for (const pilot::EncodingPoint& p : run.encodingCurve)
        pts.emplace_back(p.features, transpiled ? p.transpiledTwoQubitGates.at(deviceId) : p.twoQubitGates);
    if (pts.size() < 2)
        return 0;
    double mx = 0, my = 0;
    for (const auto& [x, y] : pts) {
        mx += x;
        my += y;
    }
    mx /= double(pts.size());
    my /= double(pts.size());
    double sxy = 0, sxx = 0;
    for (const auto& [x, y] : pts) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
    }
    return sxx > 0 ? sxy / sxx : 0;
}

// The price row's main rate, for "price would have to fall from $a to $b per unit".
void priceRate(const pilot::Pilot& pilot, const pilot::DeviceOutcome& d, Inputs& in)
{
    if (d.priceKey.empty())
        return;
    std::vector<std::string> files;
    for (const std::string& f : pilot.cost.priceFiles) {
        const QString q = QString::fromStdString(f);
        files.push_back(QFileInfo(q).isAbsolute() || pilot.baseDirectory.empty()
                            ? f
                            : QDir(QString::fromStdString(pilot.baseDirectory)).filePath(q).toStdString());
    }
    Result<cost::PriceTable> table = cost::loadPrices(files);
    const cost::PriceTable prices = table ? table.value() : cost::builtinPrices();
    Result<const cost::PriceRow*> row = prices.find(d.priceKey, d.pricePlan);
    if (!row)
        return;
    const cost::PriceRow& r = **row;
    in.priceName = r.name.empty() ? r.key : r.name;
    switch (r.model) {
    case cost::PriceModel::PerSecond: in.priceRateUsd = r.usdPerSecond; in.priceUnit = "second"; break;
    case cost::PriceModel::PerTaskShot: in.priceRateUsd = r.usdPerShot; in.priceUnit = "shot"; break;
    case cost::PriceModel::Hqc: in.priceRateUsd = r.usdPerHqc; in.priceUnit = "HQC"; break;
    case cost::PriceModel::Aqt: in.priceRateUsd = r.c2; in.priceUnit = "2q gate-shot"; break;
    case cost::PriceModel::Free: break;
    }
}

} // namespace

Inputs inputsFor(const pilot::PilotRun& run, const pilot::Pilot& pilot, int deviceIndex)
{
    return inputsFor(run, pilot, deviceIndex, RunContext{});
}

Inputs inputsFor(const pilot::PilotRun& run, const pilot::Pilot& pilot, int deviceIndex, const RunContext& context)
{
    Inputs in;
    if (deviceIndex < 0 || deviceIndex >= int(run.devices.size()))
        return in;
    const pilot::DeviceOutcome& d = run.devices[size_t(deviceIndex)];
    in.device = d.deviceId;
    in.deviceName = d.deviceName;
    in.modelKind = pilot.model.kind;
    in.mitigationPlan = d.mitigationPlan;
    in.shots = pilot.shots;
    in.features = run.encodedFeatures > 0 ? run.encodedFeatures : run.features;
    in.trainRows = run.trainRows;
    in.testRows = run.testRows > 0 ? run.testRows : run.quantum.testRows;
    // 1
    in.successProbability = d.successProbability;
    in.successKnown = d.successProbabilityKnown;
    in.mitigatedError = std::fabs(d.mitigatedValue - d.idealValue);
    in.unmitigatedError = std::fabs(d.noisyValue - d.idealValue);
    in.twoQubitGatesForModel = d.twoQubitGates;
    Result<DeviceProfile> profile = findDevice(d.deviceId);
    if (!profile && !pilot.baseDirectory.empty())   // a profile file named relative to the .qpilot file
        profile = findDevice(QDir(QString::fromStdString(pilot.baseDirectory)).filePath(QString::fromStdString(d.deviceId)).toStdString());
    if (profile && profile->gateError2q)
        in.twoQubitError = *profile->gateError2q;
    // 2
    in.shotMultiplier = d.shotMultiplier;
    in.timeMultiplier = d.timeMultiplier;
    // 3
    in.twoQubitGates = d.twoQubitGates;
    in.depth = d.depth;
    in.twoQubitGrowthPerFeature = growthPerFeature(run, d.deviceId);
    // 4: binomial standard errors of the two test accuracies, combined as independent
    in.quantumAccuracy = run.quantum.metrics.accuracy;
    in.idealAccuracy = in.quantumAccuracy;
    in.noisyAccuracy = d.noisyAccuracy;
    if (run.bestBaseline >= 0 && run.bestBaseline < int(run.baselines.size()))
        in.baselineAccuracy = run.baselines[size_t(run.bestBaseline)].metrics.accuracy;
    if (in.testRows > 0) {
        const double n = in.testRows, q = in.noisyAccuracy, b = in.baselineAccuracy;
        in.gapUncertainty = std::sqrt(std::max(0.0, q * (1 - q)) / n + std::max(0.0, b * (1 - b)) / n);
    }
    // 5: kernel Gram matrix ∝ n(n−1); VQC ∝ n (epochs and parameters fixed)
    in.trainingExecutions = double(run.trainingExecutions);
    const double n = run.trainRows, P = double(pilot.objectives.productionRows);
    if (n > 1 && P > 0)
        in.projectedTrainingExecutions = pilot.model.kind == "kernel" ? in.trainingExecutions * (P * (P - 1)) / (n * (n - 1))
                                                                      : in.trainingExecutions * P / n;
    else
        in.projectedTrainingExecutions = in.trainingExecutions;
    // 6
    in.costPer1kUsd = d.costPer1kUsd;
    in.classicalPer1kUsd = run.classicalPer1kUsd;
    priceRate(pilot, d, in);
    // 7
    in.latencySeconds = d.latencySeconds;
    in.latencyCompile = d.latencyCompile;
    in.latencyQueue = d.latencyQueue;
    in.latencyNetwork = d.latencyNetwork;
    in.latencyExecution = d.latencyExecution;
    in.classicalLatencySeconds = run.classicalLatencySeconds;
    // 8: seeds, and noisy accuracy over the run's calibration snapshots of the same backend
    in.accuracySpread = run.accuracySpread;
    in.seeds = int(run.seeds.size());
    double lo = 1e300, hi = -1e300;
    for (const pilot::DeviceOutcome& o : run.devices)
        if (o.error.empty() && baseId(o.deviceId) == baseId(d.deviceId)) {
            ++in.calibrationSnapshots;
            lo = std::min(lo, o.noisyAccuracy);
            hi = std::max(hi, o.noisyAccuracy);
        }
    if (in.calibrationSnapshots >= 2)
        in.calibrationSpread = hi - lo;
    // 9
    auto need = [&](bool present, const char* what) {
        if (!present)
            in.provenanceMissing.push_back(what);
    };
    need(!run.configurationJson.empty(), "configuration");
    need(!run.appVersion.empty(), "app version");
    need(!run.buildId.empty(), "build id");
    need(!run.startedAt.empty(), "start time");
    need(!run.datasetFingerprint.empty(), "dataset fingerprint");
    need(!run.circuitHash.empty(), "circuit hash");
    need(!d.calibrationSource.empty(), "calibration source");
    need(!d.priceDate.empty() && !d.priceSource.empty(), "price date and source");
    in.provenanceComplete = in.provenanceMissing.empty();
    in.reproduced = context.reproduced.value_or(false);
    in.circuitVersioned = context.circuitVersioned.value_or(!run.circuitHash.empty() && !run.circuitQasm.empty());
    in.exportsPresent = context.exportsPresent.value_or(false);
    return in;
}

RunScorecards scoreRun(const pilot::PilotRun& run, const pilot::Pilot& pilot)
{
    return scoreRun(run, pilot, RunContext{});
}

RunScorecards scoreRun(const pilot::PilotRun& run, const pilot::Pilot& pilot, const RunContext& context)
{
    RunScorecards out;
    for (int i = 0; i < int(run.devices.size()); ++i) {
        if (!run.devices[size_t(i)].error.empty())
            continue;
        Scorecard card = score(inputsFor(run, pilot, i, context), pilot.objectives, pilot.thresholds);
        card.deviceIndex = i;
        // best: the most favourable verdict, then the highest overall score (first on ties)
        auto rank = [](const Scorecard& c) { return c.verdict == Verdict::ProductionReady ? 2 : c.verdict == Verdict::ContinuePiloting ? 1 : 0; };
        if (out.best < 0 || rank(card) > rank(out.cards[size_t(out.best)]) ||
            (rank(card) == rank(out.cards[size_t(out.best)]) && card.overall > out.cards[size_t(out.best)].overall))
            out.best = int(out.cards.size());
        out.cards.push_back(std::move(card));
    }
    return out;
}

} // namespace qpilot::readiness
