// core/report/report.cpp — buildReport: the cover (verdict, verdict sentence, key figures of
// the best device), the section order, and the first sections (executive summary, scorecard
// with the radar chart, device comparison). The remaining sections are in sections.cpp.
#include "core/report/build.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace qpilot::report {

using readiness::Dimension;
using readiness::Rating;
using readiness::Scorecard;
using readiness::Verdict;

namespace detail {

const Scorecard* Context::cardFor(int deviceIndex) const
{
    for (const Scorecard& s : cards.cards)
        if (s.deviceIndex == deviceIndex)
            return &s;
    return nullptr;
}

const Scorecard* Context::best() const
{
    return cards.best >= 0 && cards.best < int(cards.cards.size()) ? &cards.cards[size_t(cards.best)] : nullptr;
}

std::vector<int> Context::okDevices() const
{
    std::vector<int> out;
    for (int i = 0; i < int(run.devices.size()); ++i)
        if (run.devices[size_t(i)].error.empty())
            out.push_back(i);
    return out;
}

std::string Context::baselineName() const
{
    return run.bestBaseline >= 0 && run.bestBaseline < int(run.baselines.size())
               ? run.baselines[size_t(run.bestBaseline)].model
               : std::string();
}

double Context::baselineAccuracy() const
{
    return run.bestBaseline >= 0 && run.bestBaseline < int(run.baselines.size())
               ? run.baselines[size_t(run.bestBaseline)].metrics.accuracy
               : 0;
}

std::string num(double v, int significant) { return readiness::formatNumber(v, significant); }
std::string usd(double v) { return readiness::formatUsd(v); }
std::string secs(double v) { return readiness::formatSeconds(v); }
std::string deviceLabel(const pilot::DeviceOutcome& d) { return d.deviceName.empty() ? d.deviceId : d.deviceName; }

bool hasData(const Chart& c)
{
    if (c.kind == ChartKind::HeatMap)
        return !c.matrix.empty() && !c.matrix.front().empty();
    const bool categorical = c.kind == ChartKind::Bar || c.kind == ChartKind::GroupedBar ||
                             c.kind == ChartKind::StackedBar || c.kind == ChartKind::Radar ||
                             c.kind == ChartKind::Histogram;
    if (categorical && c.categories.empty())
        return false;
    bool any = false;
    for (const Series& s : c.series) {
        if (categorical && s.y.size() != c.categories.size())
            return false;
        if (!categorical && s.x.size() != s.y.size())
            return false;
        if (!s.error.empty() && s.error.size() != s.y.size())
            return false;
        for (double v : s.y)
            if (std::isfinite(v) && (!c.logY || v > 0))
                any = true;
    }
    return any;
}

void addParagraph(Section& s, const std::string& text) { s.blocks.emplace_back(Paragraph{text}); }

void addChart(Section& s, Chart c, const std::string& whyMissing)
{
    if (hasData(c))
        s.blocks.emplace_back(std::move(c));
    else
        addParagraph(s, c.title + ": not shown — " + whyMissing);
}

namespace {

int verdictRating(Verdict v)
{
    return int(v == Verdict::ProductionReady ? Rating::Green : v == Verdict::ContinuePiloting ? Rating::Amber : Rating::Red);
}

std::string joined(const std::vector<std::string>& v, const std::string& sep)
{
    std::string s;
    for (const std::string& x : v)
        s += (s.empty() ? "" : sep) + x;
    return s;
}

} // namespace

Section executiveSummary(const Context& c)
{
    Section s{"Executive summary", {}};
    const pilot::PilotRun& r = c.run;
    std::vector<std::string> devices, baselines;
    for (const pilot::DeviceOutcome& d : r.devices)
        devices.push_back(deviceLabel(d));
    for (const ml::ModelReport& m : r.baselines)
        baselines.push_back(m.model);
    std::string what = (c.pilot.title.empty() ? r.pilotName : c.pilot.title) + ". ";
    if (!c.pilot.description.empty())
        what += c.pilot.description + " ";
    what += "The pilot trained a quantum " + c.pilot.model.kind + " model (" + r.circuitDescription + ") on " +
            r.datasetName + " (" + std::to_string(r.rows) + " rows, " + std::to_string(r.features) + " features encoded as " +
            std::to_string(r.encodedFeatures) + ", " + std::to_string(r.classes) + " classes; " +
            std::to_string(r.trainRows) + " train / " + std::to_string(r.testRows) + " test rows), compared it with the tuned classical baselines (" +
            joined(baselines, ", ") + ") and evaluated it on " + std::to_string(devices.size()) + " target device" +
            (devices.size() == 1 ? "" : "s") + ": " + joined(devices, ", ") + ".";
    addParagraph(s, what);

    const Scorecard* b = c.best();
    if (!b) {
        std::string why = r.stopReason.empty() ? "no target device completed" : r.stopReason;
        addParagraph(s, "**Verdict: Not ready.** No device produced a scorecard: " + why + ".");
    } else {
        addParagraph(s, "**Verdict: " + std::string(readiness::verdictTitle(b->verdict)) + ".** " + b->verdictSentence);
        const pilot::DeviceOutcome& d = r.devices[size_t(b->deviceIndex)];
        const readiness::Inputs& in = b->inputs;
        std::string key = "On " + deviceLabel(d) + " the quantum model reached a noisy test accuracy of " + num(d.noisyAccuracy) +
                          " (ideal " + num(r.quantum.metrics.accuracy) + ") against " + num(c.baselineAccuracy()) +
                          " for the best tuned baseline (" + c.baselineName() + "): a gap of " +
                          num(d.noisyAccuracy - c.baselineAccuracy(), 2) + " ± " + num(in.gapUncertainty, 2) +
                          " against the " + num(c.pilot.objectives.minAccuracyDelta) + " objective. One thousand inferences cost " +
                          usd(d.costPer1kUsd) + " with mitigation (" + usd(d.costPer1kUnmitigatedUsd) + " without) against the " +
                          usd(c.pilot.objectives.maxCostPer1kUsd) + " objective and " + usd(r.classicalPer1kUsd) +
                          " on a classical " + c.pilot.cost.classicalInstance + " instance; ";
        key += d.latencySeconds ? "one inference takes " + secs(*d.latencySeconds)
                                : "one inference takes at least " + secs(in.latencyCompile + in.latencyQueue + in.latencyNetwork) +
                                      " (the execution time is unknown)";
        key += " against the " + secs(c.pilot.objectives.maxLatencySeconds) + " objective. The overall readiness score is " +
               num(b->overall, 2) + "/100.";
        addParagraph(s, key);
        if (!b->conditions.empty()) {
            addParagraph(s, "**Conditions to continue piloting:**");
            for (const std::string& cond : b->conditions)
                addParagraph(s, "• " + cond);
        }
        if (!b->blockers.empty()) {
            addParagraph(s, "**Why it is not ready:**");
            for (const std::string& bl : b->blockers)
                addParagraph(s, "• " + bl);
        }
        for (const Scorecard& other : c.cards.cards)
            if (&other != b)
                addParagraph(s, "On " + other.device + ": " + other.verdictSentence);
    }
    for (const pilot::DeviceOutcome& d : r.devices)
        if (!d.error.empty())
            addParagraph(s, deviceLabel(d) + " did not complete and is not scored: " + d.error + ".");
    if (r.status != pilot::RunStatus::Completed)
        addParagraph(s, "The run ended with status '" + std::string(pilot::runStatusKey(r.status)) + "'" +
                            (r.stopReason.empty() ? "." : ": " + r.stopReason + ".") +
                            " The figures below cover what it finished.");
    return s;
}

Section scorecardSection(const Context& c)
{
    Section s{"Readiness scorecard", {}};
    addParagraph(s, "Each dimension is scored 0–100 from measured numbers against the pilot's thresholds (green ≥ " +
                        num(c.pilot.thresholds.bands.green) + ", red < " + num(c.pilot.thresholds.bands.red) +
                        "); the mappings, defaults and verdict rules are in docs/readiness.md.");
    if (c.cards.cards.empty()) {
        addParagraph(s, "No scorecard: no target device completed.");
        return s;
    }
    for (const Scorecard& card : c.cards.cards) {
        Table t;
        t.caption = "Scorecard on " + card.device + " — overall " + num(card.overall, 2) + "/100, " +
                    readiness::verdictTitle(card.verdict) + ".";
        t.header = {"Dimension", "Score", "Rating", "Measured", "Threshold", "Rationale"};
        t.numericColumns = {false, true, false, false, false, false};
        for (const readiness::DimensionScore& d : card.dimensions) {
            t.rows.push_back({readiness::dimensionTitle(d.dimension), num(std::round(d.score), 3), readiness::ratingKey(d.rating),
                              d.measured, d.threshold, d.rationale});
            t.rowRatings.push_back(int(d.rating));
        }
        s.blocks.emplace_back(std::move(t));
    }
    Chart radar;
    radar.kind = ChartKind::Radar;
    radar.title = "Readiness profile per device";
    radar.xLabel = "Dimension";
    radar.yLabel = "Score (0–100)";
    radar.yMin = 0;
    radar.yMax = 100;
    for (Dimension d : readiness::allDimensions())
        radar.categories.push_back(readiness::dimensionTitle(d));
    for (const Scorecard& card : c.cards.cards) {
        Series se;
        se.name = card.device;
        for (const readiness::DimensionScore& d : card.dimensions)
            se.y.push_back(d.score);
        radar.series.push_back(std::move(se));
    }
    radar.referenceLines = {{"green", c.pilot.thresholds.bands.green}, {"red", c.pilot.thresholds.bands.red}};
    radar.caption = "Each axis is one dimension's score (0 at the centre, 100 at the rim); the further out, the readier. "
                    "Dents below " + num(c.pilot.thresholds.bands.red) + " (the red band) are the blockers to read first; " +
                    "green starts at " + num(c.pilot.thresholds.bands.green) + ".";
    addChart(s, std::move(radar), "no scores.");
    return s;
}

Section deviceComparison(const Context& c)
{
    Section s{"Device comparison", {}};
    Table t;
    t.caption = "Transpiled model circuit and outcomes per target device (one sample bound; success probability from the "
                "device's calibration; noisy accuracy from a density-matrix simulation with the device's noise).";
    t.header = {"Device", "Qubits", "2q gates", "Depth", "Success probability", "Noisy accuracy", "Cost / 1k", "Latency", "Status"};
    t.numericColumns = {false, true, true, true, true, true, true, true, false};
    for (int i = 0; i < int(c.run.devices.size()); ++i) {
        const pilot::DeviceOutcome& d = c.run.devices[size_t(i)];
        if (!d.error.empty()) {
            t.rows.push_back({deviceLabel(d), "—", "—", "—", "—", "—", "—", "—", "failed: " + d.error});
            t.rowRatings.push_back(int(Rating::Red));
            continue;
        }
        const Scorecard* card = c.cardFor(i);
        t.rows.push_back({deviceLabel(d), std::to_string(d.logicalQubits), std::to_string(d.twoQubitGates),
                          std::to_string(d.depth), d.successProbabilityKnown ? num(d.successProbability) : "not published",
                          num(d.noisyAccuracy) + (d.successProbabilityKnown ? "" : " (ideal)"), usd(d.costPer1kUsd),
                          d.latencySeconds ? secs(*d.latencySeconds) : "unknown",
                          card ? std::string(readiness::verdictTitle(card->verdict)) : "completed"});
        t.rowRatings.push_back(card ? verdictRating(card->verdict) : -1);
    }
    if (t.rows.empty())
        addParagraph(s, "The pilot lists no target devices.");
    else
        s.blocks.emplace_back(std::move(t));

    Chart ch;
    ch.kind = ChartKind::GroupedBar;
    ch.title = "Success probability and noisy accuracy per device";
    ch.xLabel = "Target device";
    ch.yLabel = "Probability / accuracy (fraction, 0–1)";
    ch.yMin = 0;
    ch.yMax = 1;
    Series success{"Estimated success probability", {}, {}, {}}, acc{"Noisy test accuracy", {}, {}, {}};
    for (int i : c.okDevices()) {
        const pilot::DeviceOutcome& d = c.run.devices[size_t(i)];
        ch.categories.push_back(d.deviceId);
        success.y.push_back(d.successProbabilityKnown ? d.successProbability : 0.0);
        acc.y.push_back(d.noisyAccuracy);
    }
    ch.series = {success, acc};
    ch.referenceLines = {{"baseline accuracy (" + c.baselineName() + ")", c.baselineAccuracy()}};
    ch.caption = "How likely one shot of the circuit runs error-free on each device, next to the accuracy the model keeps "
                 "under that device's noise; the line is the tuned classical baseline's accuracy. A device whose profile "
                 "publishes no gate errors has no success bar and an ideal (noise-free) accuracy.";
    addChart(s, std::move(ch), "no device completed.");
    return s;
}

} // namespace detail

std::vector<std::string> sectionHeadings()
{
    return {"Executive summary", "Readiness scorecard", "Device comparison", "Cost and latency",
            "Error-mitigation overhead", "Encoding cost", "Quantum vs classical", "Reproducibility",
            "What would have to change", "Appendix: provenance and assumptions"};
}

Document buildReport(const pilot::PilotRun& run, const pilot::Pilot& pilot, const readiness::RunScorecards& cards,
                     const std::string& runId)
{
    return buildReport(run, pilot, cards, runId, ReportOptions{});
}

Document buildReport(const pilot::PilotRun& run, const pilot::Pilot& pilot, const readiness::RunScorecards& cards,
                     const std::string& runId, const ReportOptions& options)
{
    using namespace detail;
    const Context c{run, pilot, cards, runId, options};
    Document doc;
    doc.title = "Quantum ML pilot readiness report";
    doc.subtitle = pilot.title.empty() ? run.pilotName : pilot.title;
    doc.runId = runId;
    doc.generatedAt = options.generatedAt.empty()
                          ? QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString()
                          : options.generatedAt;
    doc.footer = "Qpilot " + (run.appVersion.empty() ? std::string(QPILOT_VERSION) : run.appVersion) +
                 (runId.empty() ? "" : " · run " + runId) + " · seed " + std::to_string(run.seed);

    const Scorecard* b = c.best();
    if (b) {
        doc.verdict = readiness::verdictTitle(b->verdict);
        doc.verdictRating = verdictRating(b->verdict);
        doc.verdictSentence = b->verdictSentence;
        const pilot::DeviceOutcome& d = run.devices[size_t(b->deviceIndex)];
        const pilot::Objectives& o = pilot.objectives;
        auto rating = [&](Dimension dim) { return int(b->dimensions[size_t(dim)].rating); };
        doc.coverFigures.push_back({"Best device", deviceLabel(d), "overall score " + num(b->overall, 2) + "/100", verdictRating(b->verdict)});
        doc.coverFigures.push_back({"Accuracy vs baseline", num(d.noisyAccuracy) + " vs " + num(c.baselineAccuracy()),
                                    "noisy quantum vs tuned " + c.baselineName() + "; objective gap ≥ " + num(o.minAccuracyDelta),
                                    rating(Dimension::BaselineGap)});
        doc.coverFigures.push_back({"Cost per 1k inferences", usd(d.costPer1kUsd),
                                    "objective ≤ " + usd(o.maxCostPer1kUsd) + "; classical " + usd(run.classicalPer1kUsd),
                                    rating(Dimension::InferenceEconomics)});
        doc.coverFigures.push_back({"Latency per inference",
                                    d.latencySeconds ? secs(*d.latencySeconds) : "≥ " + secs(b->inputs.latencyCompile + b->inputs.latencyQueue + b->inputs.latencyNetwork),
                                    "objective ≤ " + secs(o.maxLatencySeconds), rating(Dimension::Latency)});
    } else {
        doc.verdict = readiness::verdictTitle(Verdict::NotReady);
        doc.verdictRating = int(Rating::Red);
        doc.verdictSentence = "Not ready: no target device completed" + (run.stopReason.empty() ? std::string(".") : " (" + run.stopReason + ").");
    }

    doc.sections = {executiveSummary(c), scorecardSection(c), deviceComparison(c), costAndLatency(c),
                    mitigationOverhead(c), encodingCost(c), quantumVsClassical(c), reproducibility(c),
                    whatWouldHaveToChange(c), appendix(c)};
    return doc;
}

} // namespace qpilot::report
