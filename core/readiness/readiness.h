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
    double mitigatedError = 0;                    // |mitigated − ideal| of the observable
    double unmitigatedError = 0;                  // |noisy − ideal|
    // 2
    double shotMultiplier = 1, timeMultiplier = 1;
    // 3
    int twoQubitGates = 0, depth = 0;
    double twoQubitGrowthPerFeature = 0;          // slope of the encoding curve (2q gates / feature)
    // 4
    double quantumAccuracy = 0, baselineAccuracy = 0;
    double gapUncertainty = 0;                    // combined standard error of the gap
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
};

// Builds the inputs of device `deviceIndex` of `run` (its objectives come from the run's pilot).
Inputs inputsFor(const pilot::PilotRun& run, const pilot::Pilot& pilot, int deviceIndex);

struct DimensionScore {
    Dimension dimension = Dimension::HardwareReliability;
    double score = 0;                             // 0..100
    Rating rating = Rating::Red;
    std::string measured;                         // "success 0.62" — the number(s) scored
    std::string threshold;                        // "green ≥ 0.9, red ≤ 0.3"
    std::string rationale;                        // one sentence quoting the numbers
};

enum class Verdict { ProductionReady, ContinuePiloting, NotReady };
const char* verdictKey(Verdict v);                // "production_ready", "continue_piloting", "not_ready"
const char* verdictTitle(Verdict v);              // "Production-ready", ...

struct Change {                                   // "what would have to change"
    Dimension dimension = Dimension::HardwareReliability;
    std::string what;                             // "two-qubit error"
    std::string from, to;                         // "3.2e-3" → "1.1e-3"
    std::string sentence;                         // full sentence
};

struct Scorecard {
    std::string device;
    std::vector<DimensionScore> dimensions;       // the nine, in order
    double overall = 0;                           // 0..100
    Verdict verdict = Verdict::NotReady;
    std::string verdictSentence;
    std::vector<std::string> conditions;          // ContinuePiloting: the named conditions
    std::vector<Change> changes;
};

Scorecard score(const Inputs& inputs, const pilot::Objectives& objectives, const Thresholds& thresholds);

// One scorecard per successful device of the run, and the index of the best (highest overall).
struct RunScorecards {
    std::vector<Scorecard> cards;
    int best = -1;
};
RunScorecards scoreRun(const pilot::PilotRun& run, const pilot::Pilot& pilot);

} // namespace qpilot::readiness
