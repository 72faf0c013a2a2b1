// core/readiness/readiness.h — entry header of the readiness scorecard: nine dimensions scored
// 0–100 from measured numbers against editable thresholds (thresholds.h), each with a
// red/amber/green rating and a one-sentence rationale quoting the numbers; an overall verdict
// (production-ready / continue piloting with named conditions / not ready) and a "what would
// have to change" list computed from the models (the 2q error, price per shot, shot count ...
// at which the pilot would pass). Inputs are a flat set of numbers so what-if changes re-score
// instantly without re-simulating. Rules and defaults: docs/readiness.md.
#pragma once

#include "core/pilot/pilot.h"
#include "core/pilot/run.h"
#include "core/readiness/thresholds.h"

#include <optional>
#include <string>
#include <vector>

namespace qpilot::readiness {

enum class Rating { Red, Amber, Green };
const char* ratingKey(Rating r);                  // "red", "amber", "green"

// The measured numbers one device's scorecard is computed from (see inputsFor).
struct Inputs {
    std::string device;
    // 1
    double successProbability = 0;
    bool successKnown = true;                     // false: the profile publishes no errors to estimate it
    double mitigatedError = 0;                    // |mitigated − ideal| of the observable
    double unmitigatedError = 0;                  // |noisy − ideal|
    // 2
    double shotMultiplier = 1, timeMultiplier = 1;
    // 3
    int twoQubitGates = 0, depth = 0;
    double twoQubitGrowthPerFeature = 0;          // slope of the encoding curve (2q gates / feature)
    // 4
    double quantumAccuracy = 0, baselineAccuracy = 0; // ideal quantum / best tuned baseline test accuracy
    double gapUncertainty = 0;                    // combined standard error of the gap
    // the scored gap is noisyAccuracy − baselineAccuracy (what the device would deliver)
    double noisyAccuracy = 0;
    // 5
    double trainingExecutions = 0;                // at the pilot's data size
    double projectedTrainingExecutions = 0;       // at objectives.productionRows
    // 6
    double costPer1kUsd = 0, classicalPer1kUsd = 0;
    // 7
    std::optional<double> latencySeconds;         // nullopt: device lacks timing figures
    // 8
    double accuracySpread = 0;
    int seeds = 0;
    // 9
    bool provenanceComplete = false;              // seed, versions, dataset hash, calibration, prices
    bool reproduced = false;                      // a reproduce check confirmed bit-identical results
    bool circuitVersioned = false;
    bool exportsPresent = false;                  // report / MLflow export written
    // what-if scales (1 = as measured); applied by `score` through the models
    double twoQubitErrorScale = 1;
    double priceScale = 1;
    double shotScale = 1;
    std::optional<double> queueSeconds;

    // Added with the scoring model: context the rationales quote and the what-if models need.
    std::string deviceName;                       // profile display name
    std::string modelKind;                        // "kernel" | "vqc" (pilot.model.kind)
    std::string mitigationPlan;                   // describePlan of the plan that ran
    int shots = 0;                                // per circuit (pilot.shots)
    int features = 0;                             // encoded features (after PCA)
    int trainRows = 0, testRows = 0;
    double idealAccuracy = 0;                     // noise-free quantum test accuracy (= quantumAccuracy)
    std::optional<double> twoQubitError;          // device median 2q error r (profile); nullopt: unknown
    int twoQubitGatesForModel = 0;                // 2q gates the success model scales (= twoQubitGates)
    double latencyCompile = 0, latencyQueue = 0, latencyNetwork = 0;
    std::optional<double> latencyExecution;       // nullopt: the device lacks timing figures
    double classicalLatencySeconds = 0;
    std::optional<double> calibrationSpread;      // noisy-accuracy spread over calibration snapshots of this backend
    int calibrationSnapshots = 0;                 // how many snapshots of this backend the run has
    std::vector<std::string> provenanceMissing;   // which provenance items are missing
    std::string priceName;                        // price row ("IBM Pay-As-You-Go"); empty: not found
    double priceRateUsd = 0;                      // the row's main rate (per second, per shot, per HQC ...)
    std::string priceUnit;                        // "second", "shot", "HQC", "AQT"; empty: no single rate
};

// The figures the what-if scales act on, after applying them through the models:
//   success(s)  = success · ((1 − 1.25·s·r₂)/(1 − 1.25·r₂))^n₂        (the transpiler's success model)
//   cost(p, k)  = cost · p · k                                      (linear in price; ∝ shots, see docs)
//   latency(q,k)= compile + q + network + execution · k             (q replaces the queue time)
struct Effective {
    double successProbability = 0;
    double costPer1kUsd = 0;
    std::optional<double> latencySeconds;         // nullopt: execution time unknown
    double latencyLowerBound = 0;                 // compile + queue + network (+ execution when known)
    double shots = 0;
};
Effective effective(const Inputs& inputs);

// What the run alone cannot know (the store and the CLI can): whether a reproduce check
// confirmed the results, whether the circuit is versioned in a store, whether exports exist.
struct RunContext {
    std::optional<bool> reproduced;               // nullopt: not checked (scored as not reproduced)
    std::optional<bool> circuitVersioned;         // nullopt: versioned when the run has a circuit hash
    std::optional<bool> exportsPresent;           // nullopt: false
};
Inputs inputsFor(const pilot::PilotRun& run, const pilot::Pilot& pilot, int deviceIndex, const RunContext& context);

// Builds the inputs of device `deviceIndex` of `run` (its objectives come from the run's pilot).
Inputs inputsFor(const pilot::PilotRun& run, const pilot::Pilot& pilot, int deviceIndex);

struct DimensionScore {
    Dimension dimension = Dimension::HardwareReliability;
    double score = 0;                             // 0..100
    Rating rating = Rating::Red;
    std::string measured;                         // "success 0.62" — the number(s) scored
    std::string threshold;                        // "green ≥ 0.9, red ≤ 0.3"
    std::string rationale;                        // one sentence quoting the numbers
    double value = 0;                             // the scored number (after what-if scales)
};

enum class Verdict { ProductionReady, ContinuePiloting, NotReady };
const char* verdictKey(Verdict v);                // "production_ready", "continue_piloting", "not_ready"
const char* verdictTitle(Verdict v);              // "Production-ready", ...

struct Change {                                   // "what would have to change"
    Dimension dimension = Dimension::HardwareReliability;
    std::string what;                             // "two-qubit error"
    std::string from, to;                         // "3.2e-3" → "1.1e-3"
    std::string sentence;                         // full sentence
    double fromValue = 0, toValue = 0;            // the same as numbers (toValue meaningless if !reachable)
    bool reachable = true;                        // false: this lever alone cannot reach green
};

struct Scorecard {
    std::string device;
    std::vector<DimensionScore> dimensions;       // the nine, in order
    double overall = 0;                           // 0..100
    Verdict verdict = Verdict::NotReady;
    std::string verdictSentence;
    std::vector<std::string> conditions;          // ContinuePiloting: the named conditions
    std::vector<std::string> blockers;            // NotReady: why (one sentence each)
    std::vector<Change> changes;
    Inputs inputs;                                // what was scored (the GUI edits the what-if scales)
    int deviceIndex = -1;                         // index into PilotRun::devices (-1: not from a run)
};

Scorecard score(const Inputs& inputs, const pilot::Objectives& objectives, const Thresholds& thresholds);

// One scorecard per successful device of the run, and the index of the best (most favourable
// verdict, then highest overall).
struct RunScorecards {
    std::vector<Scorecard> cards;
    int best = -1;
};
RunScorecards scoreRun(const pilot::PilotRun& run, const pilot::Pilot& pilot);
RunScorecards scoreRun(const pilot::PilotRun& run, const pilot::Pilot& pilot, const RunContext& context);

// Canonical JSON of the scorecards (stable key order; what the store keeps and `qpilot run
// --json` prints under "scorecards").
std::string scorecardsToJson(const RunScorecards& cards);
// Plain-text table of one scorecard for the CLI (dimension, score, rating, measured,
// threshold), then the verdict, its conditions and the changes.
std::string formatScorecard(const Scorecard& card);

// Number formatting shared with the report: 3 significant digits ("0.0412", "1.23e+06"),
// money ("$41.20", "$0.0035", "$1.2e-07"), durations ("850 ms", "12.0 s", "2.5 h").
std::string formatNumber(double v, int significant = 3);
std::string formatUsd(double v);
std::string formatSeconds(double v);

} // namespace qpilot::readiness
