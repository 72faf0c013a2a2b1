// ui/plots/dashboardcharts.cpp — the dashboards' charts as data, read from a PilotRun only: every
// number plotted is a field of the run (docs/dashboards.md says which); nothing is estimated here
// except means and standard deviations over the run's seeds and the kernel sample's off-diagonal.
#include "ui/plots/dashboardcharts.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <map>

namespace qpilot::ui::plots {

using qpilot::report::Chart;
using qpilot::report::ChartKind;
using qpilot::report::Series;

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

QString money(double usd)
{
    if (usd >= 1)
        return QStringLiteral("$") + QLocale::c().toString(usd, 'f', usd >= 100 ? 0 : 2);
    return QStringLiteral("$") + QString::number(usd, 'g', 3);
}

std::vector<const pilot::DeviceOutcome*> okDevices(const pilot::PilotRun& run)
{
    std::vector<const pilot::DeviceOutcome*> out;
    for (const pilot::DeviceOutcome& d : run.devices)
        if (d.error.empty())
            out.push_back(&d);
    return out;
}

std::vector<std::string> deviceNames(const std::vector<const pilot::DeviceOutcome*>& devices)
{
    std::vector<std::string> out;
    for (const pilot::DeviceOutcome* d : devices)
        out.push_back(d->deviceId);
    return out;
}

bool isKernel(const pilot::PilotRun& run) { return run.quantum.model == "kernel"; }

double mean(const std::vector<double>& v)
{
    double s = 0;
    for (double x : v)
        s += x;
    return v.empty() ? 0 : s / double(v.size());
}

double sampleStd(const std::vector<double>& v)
{
    if (v.size() < 2)
        return 0;
    const double m = mean(v);
    double ss = 0;
    for (double x : v)
        ss += (x - m) * (x - m);
    return std::sqrt(ss / double(v.size() - 1));
}

DashboardChart make(const QString& page, const QString& id, ChartKind kind, const std::string& title, const std::string& xLabel,
                    const std::string& yLabel, const QString& xUnit, const QString& yUnit)
{
    DashboardChart c;
    c.page = page;
    c.id = id;
    c.chart.kind = kind;
    c.chart.title = title;
    c.chart.xLabel = xLabel;
    c.chart.yLabel = yLabel;
    c.xUnit = xUnit;
    c.yUnit = yUnit;
    return c;
}

const char* const kPageEncoding = "Encoding cost";
const char* const kPageMitigation = "Mitigation";
const char* const kPageCost = "Cost & latency";
const char* const kPageQuantum = "Quantum vs classical";
const char* const kPageRepro = "Reproducibility";
const char* const kPageDevices = "Devices";

// ---- Encoding cost -------------------------------------------------------------------------

DashboardChart encodingCurve(const pilot::PilotRun& run)
{
    DashboardChart c = make(kPageEncoding, "encoding-curve", ChartKind::Line, "Encoding cost vs input features",
                            "Input features (count)", "Qubits, 2q gates, depth (count, log scale)", "features", "");
    c.chart.logY = true;
    if (run.encodingCurve.empty()) {
        c.empty = QStringLiteral("Encoding cost: this run has no encoding curve (it stopped before the devices stage).");
        return c;
    }
    Series qubits{"Qubits", {}, {}, {}}, gates{"2q gates (logical)", {}, {}, {}}, depth{"Depth (logical)", {}, {}, {}};
    std::vector<Series> transpiled;
    for (const pilot::DeviceOutcome* d : okDevices(run))
        transpiled.push_back(Series{"2q gates on " + d->deviceId, {}, {}, {}});
    for (const pilot::EncodingPoint& p : run.encodingCurve) {
        qubits.x.push_back(p.features);
        qubits.y.push_back(p.qubits);
        gates.x.push_back(p.features);
        gates.y.push_back(p.twoQubitGates);
        depth.x.push_back(p.features);
        depth.y.push_back(p.depth);
        for (Series& s : transpiled) {
            auto it = p.transpiledTwoQubitGates.find(s.name.substr(std::string("2q gates on ").size()));
            if (it != p.transpiledTwoQubitGates.end()) {
                s.x.push_back(p.features);
                s.y.push_back(it->second);
            }
        }
    }
    c.chart.series = {qubits, gates, depth};
    for (Series& s : transpiled)
        if (!s.y.empty())
            c.chart.series.push_back(s);
    const std::string& what = run.circuitDescription;
    const size_t qubitsAt = what.find(" qubits");
    const size_t cut = qubitsAt == std::string::npos ? std::string::npos : what.rfind(", ", qubitsAt);
    c.caption = QStringLiteral("The model circuit (%1) rebuilt for 2–%2 features and transpiled (level 1) for each device; "
                               "the pilot runs %3 encoded features.")
                    .arg(qs(what.substr(0, cut)))
                    .arg(run.encodingCurve.back().features)
                    .arg(run.encodedFeatures);
    return c;
}

DashboardChart transpiledFigures(const pilot::PilotRun& run)
{
    DashboardChart c = make(kPageEncoding, "transpiled-circuit", ChartKind::GroupedBar, "Model circuit after transpiling, per device",
                            "Device", "Gates and layers (count)", "", "");
    const auto devices = okDevices(run);
    if (devices.empty()) {
        c.empty = QStringLiteral("Transpiled circuit: no device completed in this run.");
        return c;
    }
    c.chart.categories = deviceNames(devices);
    Series one{"1q gates", {}, {}, {}}, two{"2q gates", {}, {}, {}}, depth{"Depth", {}, {}, {}}, depth2{"2q depth", {}, {}, {}};
    for (const pilot::DeviceOutcome* d : devices) {
        one.y.push_back(d->oneQubitGates);
        two.y.push_back(d->twoQubitGates);
        depth.y.push_back(d->depth);
        depth2.y.push_back(d->twoQubitDepth);
    }
    c.chart.series = {one, two, depth, depth2};
    c.caption = QStringLiteral("The representative circuit (one test sample bound) transpiled at level 1 for each device's "
                               "native gates and coupling map.");
    return c;
}

// ---- Mitigation ----------------------------------------------------------------------------

const std::vector<std::pair<std::string, std::string>>& techniques()
{
    static const std::vector<std::pair<std::string, std::string>> list = {
        {"rem", "REM"}, {"zne", "ZNE"}, {"pec", "PEC"}, {"twirl", "Twirling"}, {"dd", "DD"}};
    return list;
}

DashboardChart techniqueChart(const pilot::PilotRun& run, bool time)
{
    DashboardChart c = make(kPageMitigation, time ? "overhead-time" : "overhead-shots", ChartKind::GroupedBar,
                            time ? "QPU time multiplier per technique" : "Shot multiplier per technique (equal precision)",
                            "Mitigation technique (each alone)",
                            time ? "QPU time × (log scale)" : "Shots × (log scale)", "", "×");
    c.chart.logY = true;
    const auto devices = okDevices(run);
    bool any = false;
    for (const pilot::DeviceOutcome* d : devices)
        any = any || !d->techniqueOverheads.empty();
    if (!any) {
        c.empty = QStringLiteral("Mitigation overhead: this run has no per-technique overheads (runs stored before they "
                                 "were recorded; run the pilot again).");
        return c;
    }
    for (const auto& t : techniques())
        c.chart.categories.push_back(t.second);
    int si = 0;
    double top = 1;
    std::vector<std::vector<std::string>> missing(techniques().size());
    std::vector<std::string> noTiming;
    for (const pilot::DeviceOutcome* d : devices) {
        Series s{d->deviceId, {}, {}, {}};
        std::vector<int> unknown;
        for (size_t k = 0; k < techniques().size(); ++k) {
            auto it = std::find_if(d->techniqueOverheads.begin(), d->techniqueOverheads.end(),
                                   [&](const pilot::TechniqueOverhead& o) { return o.technique == techniques()[k].first; });
            std::optional<double> v;
            if (it != d->techniqueOverheads.end() && it->error.empty())
                v = time ? it->timeMultiplier : std::optional<double>(it->shotMultiplier);
            s.y.push_back(v.value_or(1));
            if (v)
                top = std::max(top, *v);
            else
                unknown.push_back(int(k));
        }
        if (time && int(unknown.size()) == int(techniques().size())) {
            noTiming.push_back(d->deviceId); // no timing figures at all: not drawn, named in the caption
            continue;
        }
        for (int k : unknown) {
            c.unknownBars.push_back({si, k});
            missing[size_t(k)].push_back(d->deviceId);
        }
        c.chart.series.push_back(s);
        ++si;
    }
    for (size_t k = 0; k < missing.size(); ++k)
        if (!missing[k].empty())
            c.categoryNotes.push_back({int(k), missing[k].size() == 1 ? QStringLiteral("n/a: ") + qs(missing[k][0])
                                                                       : QStringLiteral("n/a: %1 devices").arg(missing[k].size())});
    // Multipliers start at 1×: the axis starts below it so a 1× bar is visible.
    c.chart.yMin = 0.5;
    c.chart.yMax = std::pow(10.0, std::ceil(std::log10(top * 1.5)));
    if (c.chart.series.size() == 1) // a single series has no legend: name the device on the axis
        c.chart.xLabel += " on " + c.chart.series.front().name;
    QString noTimingNames;
    for (const std::string& n : noTiming)
        noTimingNames += (noTimingNames.isEmpty() ? QString() : QStringLiteral(", ")) + qs(n);
    if (c.chart.series.empty()) {
        c.empty = QStringLiteral("QPU time multiplier: no device of this run publishes the timing figures it needs (%1).")
                      .arg(noTimingNames);
        return c;
    }
    c.caption = time ? QStringLiteral("Execution time with the technique ÷ without (cost::latencyOf with "
                                      "mitigation::overheadFor); n/a: the device lacks timing figures or the technique "
                                      "does not apply (e.g. PEC above its γ² cap).")
                     : QStringLiteral("Shots needed for the same precision ÷ unmitigated shots (mitigation::overheadFor on "
                                      "each device's transpiled circuit); n/a: the technique does not apply.");
    if (!noTiming.empty())
        c.caption += QStringLiteral(" Not drawn (no timing figures published): %1.").arg(noTimingNames);
    return c;
}

DashboardChart biasChart(const pilot::PilotRun& run)
{
    DashboardChart c = make(kPageMitigation, "bias", ChartKind::GroupedBar, "Bias before and after mitigation", "Device",
                            "|⟨O⟩ − ideal| (expectation value)", "", "");
    const auto devices = okDevices(run);
    if (devices.empty()) {
        c.empty = QStringLiteral("Bias: no device completed in this run.");
        return c;
    }
    c.chart.categories = deviceNames(devices);
    Series noisy{"|noisy − ideal|", {}, {}, {}}, mitigated{"|mitigated − ideal| (± 1 s.e.)", {}, {}, {}};
    for (const pilot::DeviceOutcome* d : devices) {
        noisy.y.push_back(std::abs(d->noisyValue - d->idealValue));
        mitigated.y.push_back(std::abs(d->mitigatedValue - d->idealValue));
        mitigated.error.push_back(d->mitigatedStdError);
    }
    c.chart.series = {noisy, mitigated};
    c.caption = QStringLiteral("⟨%1⟩ of the representative circuit on each device's noisy simulator; plan: %2.")
                    .arg(qs(devices.front()->observable), qs(devices.front()->mitigationPlan));
    return c;
}

DashboardChart zneChart(const pilot::PilotRun& run)
{
    DashboardChart c = make(kPageMitigation, "zne", ChartKind::Line, "Zero-noise extrapolation", "Noise scale factor λ (×)",
                            "⟨O⟩ (expectation value)", "×", "");
    int color = 0;
    bool planHasZne = false;
    for (const pilot::DeviceOutcome* d : okDevices(run)) {
        planHasZne = planHasZne || d->mitigationPlan.find("zne") != std::string::npos;
        if (d->zne.factors.empty())
            continue;
        const std::string fit = d->deviceId + " (" + d->zne.method + " fit)";
        const std::string measured = d->deviceId + " measured";
        const std::string extrapolated = d->deviceId + " extrapolated (λ = 0)";
        c.chart.series.push_back(Series{measured, d->zne.factors, d->zne.values, d->zne.stdErrors});
        c.chart.series.push_back(Series{fit, d->zne.curveFactors, d->zne.curveValues, {}});
        c.chart.series.push_back(Series{extrapolated, {0.0}, {d->zne.estimate}, {d->zne.stdError}});
        c.pointsOnly.push_back(qs(measured));
        c.pointsOnly.push_back(qs(extrapolated));
        c.lineOnly.push_back(qs(fit));
        c.seriesColors.insert(c.seriesColors.end(), {color, color, color});
        ++color;
    }
    if (c.chart.series.empty())
        c.empty = planHasZne ? QStringLiteral("ZNE extrapolation: this run has no ZNE series (stored before they were "
                                              "recorded; run the pilot again).")
                             : QStringLiteral("ZNE extrapolation: this pilot's mitigation plan has no ZNE.");
    else
        c.caption = QStringLiteral("Measured ⟨O⟩ at each folded noise factor (± 1 s.e.), the extrapolator's fitted curve "
                                   "and its value at λ = 0.");
    return c;
}

// ---- Cost & latency ------------------------------------------------------------------------

DashboardChart costChart(const pilot::PilotRun& run)
{
    DashboardChart c = make(kPageCost, "cost-per-1k", ChartKind::GroupedBar, "Cost per 1,000 inferences", "Device",
                            "USD per 1,000 inferences (log scale)", "", "USD");
    c.chart.logY = true;
    const auto devices = okDevices(run);
    if (devices.empty()) {
        c.empty = QStringLiteral("Cost: no device completed in this run.");
        return c;
    }
    c.chart.categories = deviceNames(devices);
    Series with{"With mitigation", {}, {}, {}}, without{"Without mitigation", {}, {}, {}};
    for (const pilot::DeviceOutcome* d : devices) {
        with.y.push_back(d->costPer1kUsd);
        without.y.push_back(d->costPer1kUnmitigatedUsd);
    }
    c.chart.series = {with, without};
    if (run.classicalPer1kUsd > 0)
        c.chart.referenceLines.push_back({"Classical, dedicated " + money(run.classicalPer1kUsd).toStdString(), run.classicalPer1kUsd});
    if (run.classicalServerlessPer1kUsd > 0)
        c.chart.referenceLines.push_back(
            {"Classical, serverless " + money(run.classicalServerlessPer1kUsd).toStdString(), run.classicalServerlessPer1kUsd});
    c.caption = QStringLiteral("cost::costOf with each device's price row (plan, date and source in the device table) and "
                               "the pilot's shots; dashed: the classical baseline.");
    return c;
}

DashboardChart latencyChart(const pilot::PilotRun& run)
{
    DashboardChart c = make(kPageCost, "latency", ChartKind::StackedBar, "Latency of one inference", "Device",
                            "Seconds per inference (s)", "", "s");
    const auto devices = okDevices(run);
    if (devices.empty()) {
        c.empty = QStringLiteral("Latency: no device completed in this run.");
        return c;
    }
    c.chart.categories = deviceNames(devices);
    Series compile{"Compile", {}, {}, {}}, queue{"Queue", {}, {}, {}}, network{"Network", {}, {}, {}},
        execution{"Execution (with mitigation)", {}, {}, {}};
    for (size_t i = 0; i < devices.size(); ++i) {
        const pilot::DeviceOutcome* d = devices[i];
        compile.y.push_back(d->latencyCompile);
        queue.y.push_back(d->latencyQueue);
        network.y.push_back(d->latencyNetwork);
        execution.y.push_back(d->latencyExecution.value_or(0));
        if (!d->latencyExecution) {
            c.unknownBars.push_back({3, int(i)});
            c.categoryNotes.push_back({int(i), QStringLiteral("execution: not published")});
        }
    }
    c.chart.series = {compile, queue, network, execution};
    c.caption = QStringLiteral("cost::latencyOf: queue is the pilot's assumption, compilation is done once per model (0 per "
                               "inference), execution includes the mitigation overhead; classical: %1 s.")
                    .arg(QString::number(run.classicalLatencySeconds, 'g', 3));
    return c;
}

// ---- Quantum vs classical ------------------------------------------------------------------

DashboardChart metricsChart(const pilot::PilotRun& run)
{
    DashboardChart c = make(kPageQuantum, "metrics", ChartKind::GroupedBar, "Test accuracy and F1: quantum vs classical",
                            "Model", "Test score (fraction, 0–1)", "", "");
    c.chart.yMin = 0;
    c.chart.yMax = 1.08;
    if (run.quantum.model.empty() && run.baselines.empty()) {
        c.empty = QStringLiteral("Metrics: this run has no trained model.");
        return c;
    }
    std::vector<double> acc, f1;
    for (const pilot::SeedOutcome& s : run.seeds) {
        acc.push_back(s.accuracy);
        f1.push_back(s.f1);
    }
    Series a{"Accuracy", {}, {}, {}}, f{"F1", {}, {}, {}};
    if (!run.quantum.model.empty()) {
        c.chart.categories.push_back(run.quantum.model + " (quantum)");
        a.y.push_back(run.quantum.metrics.accuracy);
        f.y.push_back(run.quantum.metrics.f1);
        a.error.push_back(sampleStd(acc));
        f.error.push_back(sampleStd(f1));
    }
    for (const ml::ModelReport& b : run.baselines) {
        c.chart.categories.push_back(b.model);
        a.y.push_back(b.metrics.accuracy);
        f.y.push_back(b.metrics.f1);
        a.error.push_back(0);
        f.error.push_back(0);
    }
    c.chart.series = {a, f};
    c.caption = QStringLiteral("Error bars: ± 1 standard deviation of the quantum model over %1 seeds (new split and draws "
                               "each); the baselines ran once at the run seed.")
                    .arg(run.seeds.size());
    return c;
}

DashboardChart heatMap(const pilot::PilotRun& run)
{
    const int n = run.kernelSampleRows;
    DashboardChart c = make(kPageQuantum, "kernel-heatmap", ChartKind::HeatMap,
                            n > 0 ? "Kernel matrix, first " + std::to_string(n) + " training rows" : std::string("Kernel matrix"),
                            "Training row j",
                            "Training row i", "", "");
    if (!isKernel(run)) {
        c.empty = QStringLiteral("Kernel heat map: this pilot's model is a %1, not a quantum kernel.")
                      .arg(run.quantum.model.empty() ? QStringLiteral("classical model") : qs(run.quantum.model).toUpper());
        return c;
    }
    if (n <= 0 || run.kernelSample.size() != size_t(n) * size_t(n)) {
        c.empty = QStringLiteral("Kernel heat map: this run has no kernel sample (stored before it was recorded; run the "
                                 "pilot again).");
        return c;
    }
    for (int i = 0; i < n; ++i)
        c.chart.matrix.emplace_back(run.kernelSample.begin() + std::ptrdiff_t(i) * n, run.kernelSample.begin() + std::ptrdiff_t(i + 1) * n);
    c.chart.series.push_back(Series{"k(xᵢ, xⱼ)", {}, {}, {}});
    c.chart.yMin = 0;
    c.chart.yMax = 1;
    c.caption = QStringLiteral("Ideal fidelity kernel |⟨φ(xᵢ)|φ(xⱼ)⟩|² of the first %1 training rows (statevector); "
                               "a uniform off-diagonal means the kernel cannot tell rows apart.")
                    .arg(n);
    return c;
}

DashboardChart histogram(const pilot::PilotRun& run)
{
    DashboardChart c = make(kPageQuantum, "kernel-histogram", ChartKind::Histogram, "Off-diagonal kernel values (concentration)",
                            "Kernel value k(xᵢ, xⱼ), i ≠ j (0–1)", "Pairs (count)", "", "pairs");
    if (!isKernel(run)) {
        c.empty = QStringLiteral("Kernel histogram: this pilot's model is a %1, not a quantum kernel.")
                      .arg(run.quantum.model.empty() ? QStringLiteral("classical model") : qs(run.quantum.model).toUpper());
        return c;
    }
    const std::vector<double> values = kernelOffDiagonal(run);
    if (values.empty()) {
        c.empty = QStringLiteral("Kernel histogram: this run has no kernel sample (stored before it was recorded; run the "
                                 "pilot again).");
        return c;
    }
    c.chart.series.push_back(Series{"Off-diagonal values", {}, values, {}});
    c.caption = QStringLiteral("%1 pairs of the sample; the whole training set: mean %2, variance %3 (concentrated kernels "
                               "pile up near one value).")
                    .arg(values.size())
                    .arg(run.kernelOffDiagonalMean, 0, 'g', 3)
                    .arg(run.kernelOffDiagonalVariance, 0, 'g', 3);
    return c;
}

DashboardChart lossChart(const pilot::PilotRun& run)
{
    DashboardChart c = make(kPageQuantum, "training-loss", ChartKind::Line, "VQC training loss", "Optimiser iteration",
                            "Training loss (cross-entropy)", "", "");
    if (run.trainingLoss.empty()) {
        c.empty = isKernel(run) ? QStringLiteral("Training curve: this pilot's model is a quantum kernel (one SVM solve, "
                                                 "no iterations).")
                                : QStringLiteral("Training curve: this run has no training loss.");
        return c;
    }
    Series s{"Training loss", {}, run.trainingLoss, {}};
    for (size_t i = 0; i < run.trainingLoss.size(); ++i)
        s.x.push_back(double(i + 1));
    c.chart.series = {s};
    c.lineOnly.push_back(QStringLiteral("Training loss"));
    c.caption = QStringLiteral("The VQC's loss at each optimiser iteration (ideal simulator, run seed).");
    return c;
}

// ---- Reproducibility -----------------------------------------------------------------------

DashboardChart seedsChart(const pilot::PilotRun& run)
{
    DashboardChart c = make(kPageRepro, "seeds", ChartKind::GroupedBar, "Quantum model per seed", "Seed",
                            "Test score (fraction, 0–1)", "", "");
    c.chart.yMin = 0;
    c.chart.yMax = 1.08;
    if (run.seeds.empty()) {
        c.empty = QStringLiteral("Reproducibility: this run has no seed repeats.");
        return c;
    }
    Series a{"Accuracy", {}, {}, {}}, f{"F1", {}, {}, {}};
    std::vector<double> acc;
    for (size_t i = 0; i < run.seeds.size(); ++i) {
        c.chart.categories.push_back(i == 0 ? "Run seed" : "Repeat " + std::to_string(i));
        a.y.push_back(run.seeds[i].accuracy);
        f.y.push_back(run.seeds[i].f1);
        acc.push_back(run.seeds[i].accuracy);
    }
    c.chart.series = {a, f};
    c.chart.referenceLines.push_back({"mean accuracy " + QString::number(mean(acc), 'f', 3).toStdString(), mean(acc)});
    c.caption = QStringLiteral("Accuracy spread (max − min) %1, standard deviation %2 over %3 seeds (each a new split and new "
                               "model draws).")
                    .arg(run.accuracySpread, 0, 'f', 3)
                    .arg(run.accuracyStd, 0, 'f', 3)
                    .arg(run.seeds.size());
    return c;
}

DashboardChart snapshotsChart(const pilot::PilotRun& run)
{
    DashboardChart c = make(kPageRepro, "snapshots", ChartKind::GroupedBar, "Calibration snapshots of one device",
                            "Device @ calibration date", "Fraction (0–1)", "", "");
    c.chart.yMin = 0;
    c.chart.yMax = 1.08;
    const auto groups = snapshotGroups(run);
    if (groups.empty()) {
        c.empty = QStringLiteral("Calibration snapshots: the pilot lists no dated snapshots (NAME@DATE) of a device.");
        return c;
    }
    Series acc{"Noisy accuracy", {}, {}, {}}, success{"Success probability", {}, {}, {}};
    for (const auto& [name, members] : groups)
        for (int i : members) {
            const pilot::DeviceOutcome& d = run.devices[size_t(i)];
            c.chart.categories.push_back(d.deviceId);
            acc.y.push_back(d.noisyAccuracy);
            success.y.push_back(d.successProbability);
            if (!d.successProbabilityKnown)
                c.unknownBars.push_back({1, int(c.chart.categories.size()) - 1});
        }
    c.chart.series = {acc, success};
    c.caption = QStringLiteral("Each snapshot is the device's profile at that calibration date; differences are calibration "
                               "drift.");
    return c;
}

// ---- Devices -------------------------------------------------------------------------------

DashboardChart successDepthChart(const pilot::PilotRun& run)
{
    DashboardChart c = make(kPageDevices, "success-depth", ChartKind::Line, "Success probability vs circuit depth",
                            "Transpiled circuit depth (layers)", "Estimated success probability (log scale)", "layers", "");
    c.chart.logY = true;
    for (const pilot::DeviceOutcome* d : okDevices(run)) {
        Series s{d->deviceId, {}, {}, {}};
        for (const pilot::DepthPoint& p : d->successByDepth)
            if (p.successProbability && *p.successProbability > 0) {
                s.x.push_back(p.depth);
                s.y.push_back(*p.successProbability);
            }
        if (!s.y.empty())
            c.chart.series.push_back(s);
    }
    if (c.chart.series.empty())
        c.empty = QStringLiteral("Success vs depth: no device has the figures for the transpiler's success model (or the run "
                                 "was stored before the curve was recorded).");
    else
        c.caption = QStringLiteral("The transpiled circuit repeated 1–%1 times, scored with the transpiler's success model "
                                   "(gate, readout and idle errors of each profile).")
                        .arg(pilot::kSuccessCurveLayers);
    return c;
}

} // namespace

std::vector<QString> dashboardPages()
{
    return {kPageEncoding, kPageMitigation, kPageCost, kPageQuantum, kPageRepro, kPageDevices};
}

std::vector<DashboardChart> dashboardCharts(const pilot::PilotRun& run)
{
    return {encodingCurve(run), transpiledFigures(run), techniqueChart(run, false), techniqueChart(run, true),
            biasChart(run),     zneChart(run),          costChart(run),             latencyChart(run),
            metricsChart(run),  heatMap(run),           histogram(run),             lossChart(run),
            seedsChart(run),    snapshotsChart(run),    successDepthChart(run)};
}

std::vector<std::pair<std::string, std::vector<int>>> snapshotGroups(const pilot::PilotRun& run)
{
    std::vector<std::pair<std::string, std::vector<int>>> out;
    for (size_t i = 0; i < run.devices.size(); ++i) {
        const std::string& id = run.devices[i].deviceId;
        const size_t at = id.find('@');
        if (at == std::string::npos || !run.devices[i].error.empty())
            continue;
        const std::string name = id.substr(0, at);
        auto it = std::find_if(out.begin(), out.end(), [&](const auto& g) { return g.first == name; });
        if (it == out.end()) {
            out.push_back({name, {}});
            it = out.end() - 1;
        }
        it->second.push_back(int(i));
    }
    // the undated profile of the same device joins its group (the current calibration)
    for (auto& [name, members] : out)
        for (size_t i = 0; i < run.devices.size(); ++i)
            if (run.devices[i].deviceId == name && run.devices[i].error.empty())
                members.insert(members.begin(), int(i));
    return out;
}

std::vector<double> kernelOffDiagonal(const pilot::PilotRun& run)
{
    std::vector<double> out;
    const int n = run.kernelSampleRows;
    if (n <= 1 || run.kernelSample.size() != size_t(n) * size_t(n))
        return out;
    for (int i = 0; i < n; ++i)
        for (int j = i + 1; j < n; ++j)
            out.push_back(run.kernelSample[size_t(i) * size_t(n) + size_t(j)]);
    return out;
}

} // namespace qpilot::ui::plots
