// core/readiness/text.cpp — the scorecards as canonical JSON (what the run store keeps and
// `qpilot run --json` prints) and as a plain-text table for the CLI.
#include "core/readiness/readiness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace qpilot::readiness {

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }
QJsonValue number(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null); }
QJsonValue optional(const std::optional<double>& v) { return v ? number(*v) : QJsonValue(QJsonValue::Null); }
QJsonArray strings(const std::vector<std::string>& v)
{
    QJsonArray a;
    for (const std::string& s : v)
        a.append(q(s));
    return a;
}

QJsonObject inputsJson(const Inputs& in)
{
    QJsonObject o;
    o["device"] = q(in.device);
    o["device_name"] = q(in.deviceName);
    o["model"] = q(in.modelKind);
    o["success_probability"] = number(in.successProbability);
    o["mitigated_error"] = number(in.mitigatedError);
    o["unmitigated_error"] = number(in.unmitigatedError);
    o["two_qubit_error"] = optional(in.twoQubitError);
    o["shot_multiplier"] = number(in.shotMultiplier);
    o["time_multiplier"] = number(in.timeMultiplier);
    o["two_qubit_gates"] = in.twoQubitGates;
    o["depth"] = in.depth;
    o["two_qubit_growth_per_feature"] = number(in.twoQubitGrowthPerFeature);
    o["features"] = in.features;
    o["quantum_accuracy"] = number(in.quantumAccuracy);
    o["noisy_accuracy"] = number(in.noisyAccuracy);
    o["baseline_accuracy"] = number(in.baselineAccuracy);
    o["gap_uncertainty"] = number(in.gapUncertainty);
    o["test_rows"] = in.testRows;
    o["training_executions"] = number(in.trainingExecutions);
    o["projected_training_executions"] = number(in.projectedTrainingExecutions);
    o["cost_per_1k_usd"] = number(in.costPer1kUsd);
    o["classical_per_1k_usd"] = number(in.classicalPer1kUsd);
    o["latency_seconds"] = optional(in.latencySeconds);
    o["latency_queue_seconds"] = number(in.latencyQueue);
    o["accuracy_spread"] = number(in.accuracySpread);
    o["calibration_spread"] = optional(in.calibrationSpread);
    o["seeds"] = in.seeds;
    o["provenance_complete"] = in.provenanceComplete;
    o["provenance_missing"] = strings(in.provenanceMissing);
    o["reproduced"] = in.reproduced;
    o["circuit_versioned"] = in.circuitVersioned;
    o["exports_present"] = in.exportsPresent;
    QJsonObject w;
    w["two_qubit_error_scale"] = number(in.twoQubitErrorScale);
    w["price_scale"] = number(in.priceScale);
    w["shot_scale"] = number(in.shotScale);
    w["queue_seconds"] = optional(in.queueSeconds);
    o["what_if"] = w;
    return o;
}

QJsonObject cardJson(const Scorecard& c)
{
    QJsonObject o;
    o["device"] = q(c.device);
    o["device_index"] = c.deviceIndex;
    o["overall"] = number(c.overall);
    o["verdict"] = verdictKey(c.verdict);
    o["verdict_title"] = verdictTitle(c.verdict);
    o["verdict_sentence"] = q(c.verdictSentence);
    o["conditions"] = strings(c.conditions);
    o["blockers"] = strings(c.blockers);
    QJsonArray dims;
    for (const DimensionScore& d : c.dimensions) {
        QJsonObject x;
        x["key"] = dimensionKey(d.dimension);
        x["title"] = dimensionTitle(d.dimension);
        x["score"] = number(d.score);
        x["rating"] = ratingKey(d.rating);
        x["value"] = number(d.value);
        x["measured"] = q(d.measured);
        x["threshold"] = q(d.threshold);
        x["rationale"] = q(d.rationale);
        dims.append(x);
    }
    o["dimensions"] = dims;
    QJsonArray changes;
    for (const Change& ch : c.changes) {
        QJsonObject x;
        x["dimension"] = dimensionKey(ch.dimension);
        x["what"] = q(ch.what);
        x["from"] = q(ch.from);
        x["to"] = q(ch.to);
        x["from_value"] = number(ch.fromValue);
        x["to_value"] = ch.reachable ? number(ch.toValue) : QJsonValue(QJsonValue::Null);
        x["reachable"] = ch.reachable;
        x["sentence"] = q(ch.sentence);
        changes.append(x);
    }
    o["changes"] = changes;
    o["inputs"] = inputsJson(c.inputs);
    return o;
}

std::string pad(const std::string& s, size_t width)
{
    // width in code points (UTF-8 continuation bytes do not count)
    size_t n = 0;
    for (unsigned char ch : s)
        n += (ch & 0xC0) != 0x80;
    return n >= width ? s : s + std::string(width - n, ' ');
}

} // namespace

std::string scorecardsToJson(const RunScorecards& cards)
{
    QJsonObject o;
    o["best"] = cards.best;
    QJsonArray a;
    for (const Scorecard& c : cards.cards)
        a.append(cardJson(c));
    o["cards"] = a;
    if (cards.best >= 0 && cards.best < int(cards.cards.size())) {
        const Scorecard& b = cards.cards[size_t(cards.best)];
        o["verdict"] = verdictKey(b.verdict);
        o["best_device"] = q(b.device);
    } else {
        o["verdict"] = verdictKey(Verdict::NotReady);
        o["best_device"] = QJsonValue(QJsonValue::Null);
    }
    return QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
}

std::string formatScorecard(const Scorecard& c)
{
    std::string out = "Readiness scorecard: " + c.device + "\n\n";
    out += pad("dimension", 30) + pad("score", 7) + pad("rating", 8) + "measured\n";
    for (const DimensionScore& d : c.dimensions) {
        char s[16];
        std::snprintf(s, sizeof s, "%5.1f", d.score);
        out += pad(dimensionTitle(d.dimension), 30) + pad(s, 7) + pad(ratingKey(d.rating), 8) + d.measured + "\n";
        out += pad("", 45) + "threshold: " + d.threshold + "\n";
    }
    char overall[32];
    std::snprintf(overall, sizeof overall, "%.1f", c.overall);
    out += "\nOverall " + std::string(overall) + "/100 — " + verdictTitle(c.verdict) + "\n" + c.verdictSentence + "\n";
    if (!c.conditions.empty()) {
        out += "\nConditions:\n";
        for (const std::string& s : c.conditions)
            out += "  - " + s + "\n";
    }
    if (!c.blockers.empty()) {
        out += "\nBlockers:\n";
        for (const std::string& s : c.blockers)
            out += "  - " + s + "\n";
    }
    if (!c.changes.empty()) {
        out += "\nWhat would have to change:\n";
        for (const Change& ch : c.changes)
            out += "  - " + ch.sentence + "\n";
    }
    out += "\nRationale:\n";
    for (const DimensionScore& d : c.dimensions)
        out += "  " + std::string(dimensionTitle(d.dimension)) + ": " + d.rationale + "\n";
    return out;
}

} // namespace qpilot::readiness
