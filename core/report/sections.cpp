// core/report/sections.cpp — the report's later sections: cost and latency, error-mitigation
// overhead, the encoding cost curve, quantum vs classical (accuracy with binomial error bars,
// the VQC loss curve or the kernel concentration figures), reproducibility, what would have to
// change, and the provenance appendix. Every chart has axis labels with units and a caption;
// a chart without data is replaced by a sentence saying why.
#include "core/report/build.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace qpilot::report::detail {

using readiness::Scorecard;

namespace {

std::string hex(std::uint64_t v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%016llx", static_cast<unsigned long long>(v));
    return buf;
}

double binomialSe(double p, int n) { return n > 0 ? std::sqrt(std::max(0.0, p * (1 - p)) / n) : 0; }

} // namespace

Section costAndLatency(const Context& c)
{
    Section s{"Cost and latency", {}};
    const pilot::Objectives& o = c.pilot.objectives;
    Table t;
    t.caption = "Cost per 1000 inferences and latency of one inference per device (the pilot's cost assumptions; prices "
                "carry their date and source).";
    t.header = {"Device", "Price", "Price date", "Cost / 1k (mitigated)", "Cost / 1k (unmitigated)", "× classical",
                "Circuits / inference", "Latency"};
    t.numericColumns = {false, false, false, true, true, true, true, true};
    Chart cost;
    cost.kind = ChartKind::GroupedBar;
    cost.title = "Cost per 1000 inferences";
    cost.xLabel = "Target device";
    cost.yLabel = "Cost per 1k inferences (USD, log scale)";
    cost.logY = true;
    Series mit{"With mitigation", {}, {}, {}}, unmit{"Without mitigation", {}, {}, {}};
    Chart lat;
    lat.kind = ChartKind::StackedBar;
    lat.title = "Latency of one inference, by component";
    lat.xLabel = "Target device";
    lat.yLabel = "Latency per inference (s)";
    Series compile{"Compile", {}, {}, {}}, queue{"Queue", {}, {}, {}}, network{"Network", {}, {}, {}},
        execution{"Execution", {}, {}, {}};
    std::vector<std::string> unknownExecution;
    for (int i : c.okDevices()) {
        const pilot::DeviceOutcome& d = c.run.devices[size_t(i)];
        t.rows.push_back({deviceLabel(d), d.priceKey + (d.pricePlan.empty() ? "" : " / " + d.pricePlan), d.priceDate,
                          usd(d.costPer1kUsd), usd(d.costPer1kUnmitigatedUsd),
                          c.run.classicalPer1kUsd > 0 ? num(d.costPer1kUsd / c.run.classicalPer1kUsd, 2) + "×" : "—",
                          num(d.circuitExecutionsPerInference), d.latencySeconds ? secs(*d.latencySeconds) : "unknown"});
        const Scorecard* card = c.cardFor(i);
        t.rowRatings.push_back(card ? int(card->dimensions[size_t(readiness::Dimension::InferenceEconomics)].rating) : -1);
        cost.categories.push_back(d.deviceId);
        mit.y.push_back(d.costPer1kUsd);
        unmit.y.push_back(d.costPer1kUnmitigatedUsd);
        lat.categories.push_back(d.deviceId);
        compile.y.push_back(d.latencyCompile);
        queue.y.push_back(d.latencyQueue);
        network.y.push_back(d.latencyNetwork);
        execution.y.push_back(d.latencyExecution.value_or(0.0));
        if (!d.latencyExecution)
            unknownExecution.push_back(d.deviceId);
    }
    if (c.run.classicalPer1kUsd > 0) {
        cost.categories.push_back("Classical (" + c.pilot.cost.classicalInstance + ")");
        mit.y.push_back(c.run.classicalPer1kUsd);
        unmit.y.push_back(c.run.classicalPer1kUsd);
    }
    if (t.rows.empty()) {
        addParagraph(s, "No device completed, so there is no cost or latency to show.");
        return s;
    }
    s.blocks.emplace_back(std::move(t));
    // A log axis cannot show a zero (a free plan): fall back to linear then.
    bool positive = true;
    for (double v : mit.y)
        positive = positive && v > 0;
    for (double v : unmit.y)
        positive = positive && v > 0;
    if (!positive) {
        cost.logY = false;
        cost.yLabel = "Cost per 1k inferences (USD)";
    }
    cost.series = {mit, unmit};
    cost.referenceLines = {{"objective " + usd(o.maxCostPer1kUsd), o.maxCostPer1kUsd}};
    cost.caption = "Bars above the objective line miss the cost objective (" + usd(o.maxCostPer1kUsd) +
                   " per 1k); each decade on the log axis is a factor of ten. The classical bar is the same model class "
                   "served from a dedicated " + c.pilot.cost.classicalInstance + " instance.";
    addChart(s, std::move(cost), "no cost figures.");
    lat.series = {compile, queue, network, execution};
    lat.referenceLines = {{"objective " + secs(o.maxLatencySeconds), o.maxLatencySeconds}};
    lat.caption = "Where the time of one inference goes; the line is the latency objective (" + secs(o.maxLatencySeconds) +
                  "). Queueing is the pilot's assumption" +
                  (c.pilot.cost.queueSeconds ? " (" + secs(*c.pilot.cost.queueSeconds) + ")" : std::string(" (the provider's figure)")) +
                  ", not a measurement." +
                  (unknownExecution.empty() ? std::string()
                                            : " Execution time is unknown (no timing figures) for: " + [&] {
                                                  std::string j;
                                                  for (const std::string& u : unknownExecution)
                                                      j += (j.empty() ? "" : ", ") + u;
                                                  return j;
                                              }() + "; their bars show a lower bound.");
    addChart(s, std::move(lat), "no latency figures.");
    for (int i : c.okDevices())
        if (!c.run.devices[size_t(i)].costFormula.empty())
            addParagraph(s, c.run.devices[size_t(i)].deviceId + " cost: " + c.run.devices[size_t(i)].costFormula + ".");
    return s;
}

Section mitigationOverhead(const Context& c)
{
    Section s{"Error-mitigation overhead", {}};
    Table t;
    t.caption = "The representative circuit's observable, ideal vs noisy vs mitigated, and what the mitigation costs "
                "(shots for equal precision, QPU time, circuits per execution).";
    t.header = {"Device", "Plan", "Observable", "Ideal", "Noisy", "Mitigated", "Error before → after", "Shots ×", "Time ×",
                "Circuits"};
    t.numericColumns = {false, false, false, true, true, true, true, true, true, true};
    Chart values;
    values.kind = ChartKind::GroupedBar;
    values.title = "Observable: ideal, noisy and mitigated";
    values.xLabel = "Target device";
    values.yLabel = "Expectation value (dimensionless, −1 to 1)";
    Series ideal{"Ideal", {}, {}, {}}, noisy{"Noisy", {}, {}, {}}, mitigated{"Mitigated (± 1 s.e.)", {}, {}, {}};
    Chart overhead;
    overhead.kind = ChartKind::GroupedBar;
    overhead.title = "Mitigation overhead multipliers";
    overhead.xLabel = "Target device";
    overhead.yLabel = "Multiplier vs unmitigated (×, log scale)";
    overhead.logY = true;
    Series shots{"Shots × (equal precision)", {}, {}, {}}, time{"QPU time ×", {}, {}, {}};
    for (int i : c.okDevices()) {
        const pilot::DeviceOutcome& d = c.run.devices[size_t(i)];
        t.rows.push_back({deviceLabel(d), d.mitigationPlan, d.observable, num(d.idealValue), num(d.noisyValue),
                          num(d.mitigatedValue) + " ± " + num(d.mitigatedStdError, 2),
                          num(std::fabs(d.noisyValue - d.idealValue), 2) + " → " + num(std::fabs(d.mitigatedValue - d.idealValue), 2),
                          num(d.shotMultiplier), num(d.timeMultiplier), std::to_string(d.circuitsPerExecution)});
        values.categories.push_back(d.deviceId);
        ideal.y.push_back(d.idealValue);
        ideal.error.push_back(0);
        noisy.y.push_back(d.noisyValue);
        noisy.error.push_back(0);
        mitigated.y.push_back(d.mitigatedValue);
        mitigated.error.push_back(d.mitigatedStdError);
        overhead.categories.push_back(d.deviceId);
        shots.y.push_back(std::max(d.shotMultiplier, 1e-9));
        time.y.push_back(std::max(d.timeMultiplier, 1e-9));
    }
    if (t.rows.empty()) {
        addParagraph(s, "No device completed, so there is no mitigation result to show.");
        return s;
    }
    addParagraph(s, "Mitigation plan: " + c.pilot.mitigation + ". Overheads follow the reference's accounting "
                    "(ZNE Richardson weights (Σ|β|)² for equal precision, TREX/REM calibration, PEC γ²; "
                    "shared/reference/devices-prices-mitigation.md §1).");
    s.blocks.emplace_back(std::move(t));
    values.series = {ideal, noisy, mitigated};
    values.referenceLines = {{"0", 0}};
    values.caption = "The closer the mitigated bar is to the ideal one, the more of the noise-induced error the plan removed; "
                     "its error bar is the statistical cost of doing so.";
    addChart(s, std::move(values), "no observable values.");
    overhead.series = {shots, time};
    overhead.referenceLines = {{"×1 (no overhead)", 1}};
    overhead.caption = "How many times more shots (for the same precision) and QPU time the plan needs than an unmitigated run; "
                       "both multiply the cost and the execution latency.";
    addChart(s, std::move(overhead), "no overhead figures.");
    return s;
}

Section encodingCost(const Context& c)
{
    Section s{"Encoding cost", {}};
    const std::vector<pilot::EncodingPoint>& curve = c.run.encodingCurve;
    Chart ch;
    ch.kind = ChartKind::Line;
    ch.title = "Two-qubit gates vs encoded features";
    ch.xLabel = "Encoded features (count)";
    ch.yLabel = "Two-qubit gates per model circuit (count, log scale)";
    ch.logY = true;
    Series logical{"Logical (before transpiling)", {}, {}, {}};
    for (const pilot::EncodingPoint& p : curve) {
        logical.x.push_back(p.features);
        logical.y.push_back(p.twoQubitGates);
    }
    if (!logical.y.empty())
        ch.series.push_back(logical);
    for (int i : c.okDevices()) {
        const std::string& id = c.run.devices[size_t(i)].deviceId;
        Series se{id + " (transpiled)", {}, {}, {}};
        for (const pilot::EncodingPoint& p : curve)
            if (auto it = p.transpiledTwoQubitGates.find(id); it != p.transpiledTwoQubitGates.end()) {
                se.x.push_back(p.features);
                se.y.push_back(it->second);
            }
        if (!se.y.empty())
            ch.series.push_back(se);
    }
    bool positive = true;
    for (const Series& se : ch.series)
        for (double v : se.y)
            positive = positive && v > 0;
    if (!positive) {
        ch.logY = false;
        ch.yLabel = "Two-qubit gates per model circuit (count)";
    }
    ch.caption = "How the circuit grows as more features are encoded: the gap between the logical and the transpiled "
                 "lines is what the device's connectivity adds (SWAP routing); a steepening line is the encoding bottleneck.";
    addChart(s, std::move(ch), "the run recorded no encoding cost curve.");
    if (!curve.empty()) {
        Table t;
        t.caption = "Encoding cost curve: the model circuit built for each feature count.";
        t.header = {"Features", "Qubits", "2q gates (logical)", "Depth (logical)"};
        std::vector<std::string> ids;
        for (int i : c.okDevices()) {
            ids.push_back(c.run.devices[size_t(i)].deviceId);
            t.header.push_back("2q gates on " + ids.back());
        }
        t.numericColumns.assign(t.header.size(), true);
        for (const pilot::EncodingPoint& p : curve) {
            std::vector<std::string> row{std::to_string(p.features), std::to_string(p.qubits), std::to_string(p.twoQubitGates),
                                         std::to_string(p.depth)};
            for (const std::string& id : ids) {
                auto it = p.transpiledTwoQubitGates.find(id);
                row.push_back(it == p.transpiledTwoQubitGates.end() ? "—" : std::to_string(it->second));
            }
            t.rows.push_back(std::move(row));
        }
        s.blocks.emplace_back(std::move(t));
    }
    return s;
}

Section quantumVsClassical(const Context& c)
{
    Section s{"Quantum vs classical", {}};
    const pilot::PilotRun& r = c.run;
    const int n = r.testRows > 0 ? r.testRows : r.quantum.testRows;
    Table t;
    t.caption = "Test-set metrics of the tuned classical baselines and the quantum model (" + std::to_string(n) +
                " test rows; ± is the binomial standard error of the accuracy).";
    t.header = {"Model", "Accuracy", "Balanced accuracy", "F1", "ROC AUC", "Train time", "Best hyper-parameters"};
    t.numericColumns = {false, true, true, true, true, true, false};
    Chart ch;
    ch.kind = ChartKind::Bar;
    ch.title = "Test accuracy per model";
    ch.xLabel = "Model";
    ch.yLabel = "Test accuracy (fraction, ± 1 s.e.)";
    Series acc{"Accuracy", {}, {}, {}};
    auto add = [&](const std::string& name, const ml::ModelReport& m, double accuracy) {
        std::string params;
        for (const ml::HyperParameter& h : m.best)
            params += (params.empty() ? "" : ", ") + h.name + "=" + h.value;
        t.rows.push_back({name, num(accuracy) + " ± " + num(binomialSe(accuracy, n), 2), num(m.metrics.balancedAccuracy),
                          num(m.metrics.f1), std::isfinite(m.metrics.rocAuc) ? num(m.metrics.rocAuc) : "n/a",
                          secs(m.trainSeconds()), params.empty() ? "—" : params});
        t.rowRatings.push_back(-1);
        ch.categories.push_back(name);
        acc.y.push_back(accuracy);
        acc.error.push_back(binomialSe(accuracy, n));
    };
    for (const ml::ModelReport& m : r.baselines)
        add(m.model + (m.model == c.baselineName() ? " (best baseline)" : ""), m, m.metrics.accuracy);
    add("quantum " + r.quantum.model + " (ideal)", r.quantum, r.quantum.metrics.accuracy);
    for (int i : c.okDevices()) {
        const pilot::DeviceOutcome& d = r.devices[size_t(i)];
        t.rows.push_back({"quantum on " + d.deviceId + " (noisy)", num(d.noisyAccuracy) + " ± " + num(binomialSe(d.noisyAccuracy, n), 2),
                          "—", "—", "—", "—", "—"});
        t.rowRatings.push_back(-1);
        ch.categories.push_back("quantum on " + d.deviceId);
        acc.y.push_back(d.noisyAccuracy);
        acc.error.push_back(binomialSe(d.noisyAccuracy, n));
    }
    s.blocks.emplace_back(std::move(t));
    double lo = 1;
    for (double v : acc.y)
        lo = std::min(lo, v);
    ch.yMin = std::max(0.0, std::floor((lo - 0.1) * 10) / 10);
    ch.yMax = 1;
    ch.series = {acc};
    ch.referenceLines = {{"objective: baseline " + num(c.pilot.objectives.minAccuracyDelta),
                          c.baselineAccuracy() + c.pilot.objectives.minAccuracyDelta}};
    ch.caption = "Bars whose error bars overlap are not distinguishable on this test set; the line is the accuracy the "
                 "quantum model must reach (best baseline " + num(c.baselineAccuracy()) + " plus the " +
                 num(c.pilot.objectives.minAccuracyDelta) + " objective). The axis starts at " + num(ch.yMin) + ".";
    addChart(s, std::move(ch), "no model was scored.");

    addParagraph(s, "Training the quantum model took " + num(double(r.trainingExecutions)) + " circuit executions on " +
                        std::to_string(r.trainRows) + " rows.");
    if (c.pilot.model.kind == "vqc") {
        Chart loss;
        loss.kind = ChartKind::Line;
        loss.title = "VQC training loss";
        loss.xLabel = "Epoch";
        loss.yLabel = "Training loss (cross-entropy, nats)";
        Series se{"Training loss", {}, {}, {}};
        for (size_t e = 0; e < r.trainingLoss.size(); ++e) {
            se.x.push_back(double(e + 1));
            se.y.push_back(r.trainingLoss[e]);
        }
        loss.series = {se};
        if (!r.trainingLoss.empty())
            loss.caption = "The loss fell from " + num(r.trainingLoss.front()) + " to " + num(r.trainingLoss.back()) +
                           " over " + std::to_string(r.trainingLoss.size()) +
                           " epochs; a curve still falling at the end means more epochs could help, a flat one that the "
                           "ansatz or the optimiser limits the model.";
        addChart(s, std::move(loss), "the run recorded no training loss.");
    } else {
        Table k;
        k.caption = "Kernel concentration: the statistics of the off-diagonal training kernel values. Values bunched near "
                    "one number (small variance) make the kernel input-independent and need exponentially many shots "
                    "(Thanasilp et al. [S44]).";
        k.header = {"Kernel figure", "Value"};
        k.numericColumns = {false, true};
        k.rows = {{"Off-diagonal mean", num(r.kernelOffDiagonalMean)},
                  {"Off-diagonal variance", num(r.kernelOffDiagonalVariance)},
                  {"Off-diagonal standard deviation", num(std::sqrt(std::max(0.0, r.kernelOffDiagonalVariance)))},
                  {"Kernel–target alignment", num(r.kernelAlignment)}};
        s.blocks.emplace_back(std::move(k));
        Chart conc;
        conc.kind = ChartKind::Bar;
        conc.title = "Off-diagonal kernel values";
        conc.xLabel = "Statistic";
        conc.yLabel = "Kernel value / alignment (dimensionless)";
        conc.yMin = r.kernelAlignment < 0 ? -1 : 0;   // alignment lies in [−1, 1]
        conc.yMax = 1;
        conc.categories = {"mean ± 1 std", "kernel–target alignment"};
        conc.series = {Series{"Value", {}, {r.kernelOffDiagonalMean, r.kernelAlignment},
                              {std::sqrt(std::max(0.0, r.kernelOffDiagonalVariance)), 0.0}}};
        conc.caption = "A mean far from 0 and 1 with a wide spread means the kernel still distinguishes inputs; a narrow "
                       "spread is exponential concentration.";
        if (r.kernelOffDiagonalMean == 0 && r.kernelOffDiagonalVariance == 0 && r.kernelAlignment == 0)
            conc.series.clear();
        addChart(s, std::move(conc), "the run recorded no kernel statistics.");
    }
    return s;
}

Section reproducibility(const Context& c)
{
    Section s{"Reproducibility", {}};
    const pilot::PilotRun& r = c.run;
    const double tol = c.pilot.objectives.reproducibilityTolerance;
    addParagraph(s, "The quantum model was trained and scored with " + std::to_string(r.seeds.size()) +
                        " seeds derived from the run seed " + std::to_string(r.seed) + ": test-accuracy spread (max − min) " +
                        num(r.accuracySpread) + ", standard deviation " + num(r.accuracyStd) + ", against a tolerance of " +
                        num(tol) + (r.accuracySpread <= tol ? " — within tolerance." : " — outside tolerance."));
    Chart ch;
    ch.kind = ChartKind::Bar;
    ch.title = "Test accuracy per seed";
    ch.xLabel = "Repetition (seed)";
    ch.yLabel = "Ideal test accuracy (fraction)";
    Series acc{"Accuracy", {}, {}, {}};
    Table t;
    t.caption = "The repetitions (first = the run seed).";
    t.header = {"#", "Seed", "Accuracy", "F1", "Train time"};
    t.numericColumns = {true, false, true, true, true};
    double lo = 1, hi = 0;
    for (size_t i = 0; i < r.seeds.size(); ++i) {
        const pilot::SeedOutcome& so = r.seeds[i];
        ch.categories.push_back("#" + std::to_string(i + 1) + (i == 0 ? " (run seed)" : ""));
        acc.y.push_back(so.accuracy);
        lo = std::min(lo, so.accuracy);
        hi = std::max(hi, so.accuracy);
        t.rows.push_back({std::to_string(i + 1), hex(so.seed), num(so.accuracy), num(so.f1), secs(so.trainSeconds)});
    }
    ch.series = {acc};
    if (!r.seeds.empty()) {
        ch.yMin = std::max(0.0, std::floor((lo - tol - 0.05) * 20) / 20);
        ch.yMax = std::min(1.0, std::ceil((hi + tol) * 20) / 20);
        ch.referenceLines = {{"lowest + tolerance", lo + tol}};
        ch.caption = "All bars below the line means the spread (" + num(r.accuracySpread) + ") is within the tolerance (" +
                     num(tol) + "); the axis starts at " + num(ch.yMin) + ".";
    }
    addChart(s, std::move(ch), "the run has no reproducibility repeats.");
    if (!t.rows.empty())
        s.blocks.emplace_back(std::move(t));
    std::string digest = c.options.resultDigest.empty()
                             ? "The result digest (SHA-256 of every computed result) is kept with the stored run ('qpilot runs show')."
                             : "Result digest (SHA-256 of every computed result): " + c.options.resultDigest + ".";
    if (c.options.reproduced)
        digest += *c.options.reproduced ? " A reproduce run confirmed the results bit-identical."
                                        : " A reproduce run found differences: the results are not bit-identical.";
    else
        digest += " No reproduce check has run yet ('qpilot runs reproduce ID' re-executes the run from its record).";
    addParagraph(s, digest);
    return s;
}

Section whatWouldHaveToChange(const Context& c)
{
    Section s{"What would have to change", {}};
    addParagraph(s, "Computed from the same models that produced the scores (success probability ∝ (1 − 1.25·r₂)^n₂, cost "
                    "linear in price and proportional to shots, latency = compile + queue + network + execution); each line "
                    "is the change that alone would turn its dimension green.");
    if (c.cards.cards.empty())
        addParagraph(s, "No scorecard: no target device completed.");
    for (const Scorecard& card : c.cards.cards) {
        addParagraph(s, "**" + card.device + "** (" + readiness::verdictTitle(card.verdict) + ")");
        if (card.changes.empty())
            addParagraph(s, "Nothing: every dimension is green.");
        for (const readiness::Change& ch : card.changes)
            addParagraph(s, "• " + std::string(readiness::dimensionTitle(ch.dimension)) + " — " + ch.sentence);
    }
    return s;
}

Section appendix(const Context& c)
{
    Section s{"Appendix: provenance and assumptions", {}};
    const pilot::PilotRun& r = c.run;
    Table p;
    p.caption = "Provenance: what ran, on what, when and by whom.";
    p.header = {"Item", "Value"};
    p.numericColumns = {false, false};
    auto row = [&](const std::string& k, const std::string& v) { p.rows.push_back({k, v.empty() ? "(not recorded)" : v}); };
    row("Run id", c.runId);
    row("Pilot", r.pilotName + (r.pilotFile.empty() ? "" : " (" + r.pilotFile + ")"));
    row("Status", std::string(pilot::runStatusKey(r.status)) + (r.stopReason.empty() ? "" : ": " + r.stopReason));
    row("Seed", std::to_string(r.seed));
    row("Qpilot version", r.appVersion);
    row("Build", r.buildId);
    row("User", r.user);
    row("Started", r.startedAt);
    row("Finished", r.finishedAt);
    row("Dataset", r.datasetName);
    row("Dataset source", r.datasetSource);
    row("Dataset fingerprint (SHA-256)", r.datasetFingerprint);
    row("Preprocessing", r.preprocessing);
    row("Circuit", r.circuitDescription);
    row("Circuit hash (SHA-256 of the OpenQASM)", r.circuitHash);
    row("Result digest", c.options.resultDigest.empty() ? "kept with the stored run" : c.options.resultDigest);
    row("Price tables", r.priceTablesUsed);
    for (const pilot::DeviceOutcome& d : r.devices) {
        row("Calibration: " + d.deviceId, d.calibrationSource.empty() && !d.error.empty() ? "failed: " + d.error : d.calibrationSource);
        if (d.error.empty())
            row("Price: " + d.deviceId, d.priceKey + " / " + d.pricePlan + ", dated " + d.priceDate + " " + d.priceSource);
    }
    s.blocks.emplace_back(std::move(p));

    Table st;
    st.caption = "Stage timings.";
    st.header = {"Stage", "Status", "Seconds", "Note"};
    st.numericColumns = {false, false, true, false};
    for (const pilot::StageRecord& rec : r.stages)
        st.rows.push_back({pilot::stageTitle(rec.stage), rec.status, num(rec.seconds), rec.message});
    if (st.rows.empty())
        addParagraph(s, "No stage timings were recorded.");
    else
        s.blocks.emplace_back(std::move(st));

    const pilot::Objectives& o = c.pilot.objectives;
    const pilot::CostAssumptions& ca = c.pilot.cost;
    Table a;
    a.caption = "Assumptions: the pilot's objectives and cost assumptions.";
    a.header = {"Assumption", "Value"};
    a.numericColumns = {false, false};
    a.rows = {{"Max latency per inference", secs(o.maxLatencySeconds)},
              {"Max cost per 1k inferences", usd(o.maxCostPer1kUsd)},
              {"Min accuracy vs best baseline", num(o.minAccuracyDelta)},
              {"Reproducibility tolerance (accuracy spread)", num(o.reproducibilityTolerance)},
              {"Production data size (training projection)", std::to_string(o.productionRows) + " rows"},
              {"Inferences per month", std::to_string(o.inferencesPerMonth)},
              {"Shots per circuit", std::to_string(c.pilot.shots)},
              {"Mitigation plan", c.pilot.mitigation},
              {"Price plan", ca.plan.empty() ? "each provider's default plan" : ca.plan},
              {"Queue time", ca.queueSeconds ? secs(*ca.queueSeconds) + " (pilot assumption)" : "provider figure"},
              {"Classical instance", ca.classicalInstance + " at " + usd(ca.classicalUsdPerHour) + "/h, " +
                                         num(ca.classicalThroughputPerSecond) + " inferences/s"},
              {"Cost scaling", "per-1k cost as computed by the cost model; what-if levers assume cost ∝ price and ∝ shots"}};
    s.blocks.emplace_back(std::move(a));

    const readiness::Thresholds& th = c.pilot.thresholds;
    Table tt;
    tt.caption = "Scorecard thresholds used (100 / 0 points; the objectives above put the green edge of cost, latency, "
                 "gap and reproducibility).";
    tt.header = {"Threshold", "Value"};
    tt.numericColumns = {false, false};
    tt.rows = {{"Rating bands", "green ≥ " + num(th.bands.green) + ", red < " + num(th.bands.red)},
               {"Success probability", "100 at " + num(th.successGood) + ", 0 at " + num(th.successBad)},
               {"Mitigated error", "100 at " + num(th.mitigatedErrorGood) + ", 0 at " + num(th.mitigatedErrorBad)},
               {"Mitigation overhead", "100 at ×" + num(th.overheadGood) + ", 0 at ×" + num(th.overheadBad)},
               {"Transpiled 2q gates", "100 at " + num(th.twoQubitGatesGood) + ", 0 at " + num(th.twoQubitGatesBad)},
               {"Accuracy gap", "100 at " + num(th.gapGood) + ", 0 at " + num(th.gapBad)},
               {"Training executions", "100 at " + num(th.trainingExecutionsGood) + ", 0 at " + num(th.trainingExecutionsBad)},
               {"Cost and latency", "100 at ≤ " + num(th.objectiveGoodFraction) + "× objective, 0 at ≥ " +
                                        num(th.objectiveBadMultiple) + "×"},
               {"Reproducibility spread", "100 at ≤ " + num(th.spreadGoodFraction) + "× tolerance, 0 at ≥ " +
                                              num(th.spreadBadMultiple) + "×"},
               {"Verdict", "production-ready: no red and ≤ " + std::to_string(th.maxAmberForProduction) +
                               " amber; not ready: > " + std::to_string(th.maxRedForPiloting) +
                               " red or a critical red beyond a ÷" + num(th.fixableFactor) + " change"}};
    s.blocks.emplace_back(std::move(tt));

    std::vector<std::string> notes = r.warnings;
    for (const pilot::DeviceOutcome& d : r.devices)
        for (const std::string& n : d.notes)
            notes.push_back(d.deviceId + ": " + n);
    if (!notes.empty()) {
        addParagraph(s, "**Warnings and notes**");
        for (const std::string& n : notes)
            addParagraph(s, "• " + n);
    }
    return s;
}

} // namespace qpilot::report::detail
