// core/readiness/thresholds.h — the editable thresholds of the readiness scorecard: for each
// dimension the value at which it turns green and the value below which it is red (amber in
// between). Kept apart from readiness.h so the pilot document can carry them without pulling in
// the scoring model.
#pragma once

#include <array>
#include <string>
#include <vector>

namespace qpilot::readiness {

enum class Dimension {
    HardwareReliability,      // 1
    MitigationOverhead,       // 2
    EncodingCost,             // 3
    BaselineGap,              // 4
    TrainingScaling,          // 5
    InferenceEconomics,       // 6
    Latency,                  // 7
    Reproducibility,          // 8
    OperationalReadiness      // 9
};
constexpr int kDimensionCount = 9;
const char* dimensionKey(Dimension d);    // "hardware_reliability", ...
const char* dimensionTitle(Dimension d);  // "Hardware reliability", ...
std::vector<Dimension> allDimensions();

// Scores are 0–100. Rating: score ≥ green → green; score < red → red; otherwise amber.
struct RatingBands {
    double green = 70;
    double red = 40;
};

// The measured-value thresholds each dimension scores against (what 100 and what 0 mean).
// Defaults and their justification: docs/readiness.md.
struct Thresholds {
    RatingBands bands;
    // 1. success probability of the transpiled circuit at which hardware scores 100 / 0
    double successGood = 0.9, successBad = 0.3;
    // 2. sampling-overhead multiplier (shots × time) at which mitigation scores 100 / 0
    double overheadGood = 3, overheadBad = 100;
    // 3. transpiled 2q-gate count of one model circuit at which encoding scores 100 / 0
    double twoQubitGatesGood = 50, twoQubitGatesBad = 1000;
    // 4. accuracy gap (quantum − baseline) at which the gap scores 100 / 0
    double gapGood = 0.0, gapBad = -0.15;
    // 5. circuit executions to train at production size at which training scores 100 / 0
    double trainingExecutionsGood = 1e6, trainingExecutionsBad = 1e10;
    // 6/7. cost and latency score 100 at or below this fraction of the objective, 0 at ×bad
    double objectiveGoodFraction = 0.5, objectiveBadMultiple = 10;
    // 8. accuracy spread over seeds, as a multiple of the tolerance, scoring 100 / 0
    double spreadGoodFraction = 0.5, spreadBadMultiple = 3;

    // Added with the scoring model (docs/readiness.md):
    // 1. |mitigated − ideal| of the observable at which that part of hardware scores 100 / 0
    double mitigatedErrorGood = 0.05, mitigatedErrorBad = 0.5;
    // Overall score: weighted mean of the nine scores, weights in Dimension order.
    std::array<double, kDimensionCount> weights{1.5, 1, 1, 2, 1, 1.5, 1.5, 1, 0.5};
    // Verdict: production-ready needs no red and at most this many amber dimensions.
    int maxAmberForProduction = 2;
    // Verdict: more red dimensions than this (fixable or not) means not ready.
    int maxRedForPiloting = 2;
    // A red hardware or cost dimension counts as fixable (continue piloting) when the change
    // the model computes is at most this factor (2q error ÷ f, price ÷ f, shots ÷ f).
    double fixableFactor = 3;
};

} // namespace qpilot::readiness
