// core/readiness/score.cpp — the scoring model: the what-if models (effective), each of the
// nine dimensions mapped from its measured number to 0–100 against the thresholds (linear or
// log-linear interpolation, clamped; the objective-based dimensions put the objective exactly
// on the green edge), the ratings, the "what would have to change" levers inverted from the
// same models, the overall score and the verdict rules. Rules and defaults: docs/readiness.md.
#include "core/readiness/readiness.h"

#include <algorithm>
#include <cmath>

namespace qpilot::readiness {

namespace {

// ---- the score mappings -------------------------------------------------------------------

// A monotone map from a measured value to 0–100: `bad` → 0 and `good` → 100 (two points), or
// additionally `mid` → the green band edge G (three points; used where an objective exists so
// that meeting the objective is exactly green). Linear in the value or in log10 of the value.
struct Scale {
    double bad = 0, good = 1;
    bool log = false;
    bool threePoint = false;
    double mid = 0;
};

double axis(double v, bool log) { return log ? std::log10(std::max(v, 1e-300)) : v; }
double unaxis(double a, bool log) { return log ? std::pow(10.0, a) : a; }

double clampMid(const Scale& s)
{
    const double b = axis(s.bad, s.log), g = axis(s.good, s.log), m = axis(s.mid, s.log);
    return std::clamp(m, std::min(b, g), std::max(b, g));
}

double scoreOf(const Scale& s, double v, double G)
{
    const double a = axis(v, s.log), b = axis(s.bad, s.log), g = axis(s.good, s.log);
    if (g == b)
        return a >= g ? 100 : 0;
    const double dir = g > b ? 1 : -1;
    if (!s.threePoint)
        return 100 * std::clamp((a - b) / (g - b), 0.0, 1.0);
    const double m = clampMid(s);
    if (dir * (a - g) >= 0)
        return 100;
    if (dir * (a - b) <= 0)
        return 0;
    if (dir * (a - m) >= 0)
        return m == g ? 100 : G + (100 - G) * (a - m) / (g - m);
    return G * (a - b) / (m - b);
}

// The value at which scoreOf(s, ·) reaches `score` (the inverse map).
double valueAt(const Scale& s, double score, double G)
{
    const double b = axis(s.bad, s.log), g = axis(s.good, s.log);
    if (!s.threePoint)
        return unaxis(b + score / 100 * (g - b), s.log);
    const double m = clampMid(s);
    if (score >= G)
        return unaxis(G >= 100 ? m : m + (score - G) / (100 - G) * (g - m), s.log);
    return unaxis(b + score / G * (m - b), s.log);
}

Rating ratingOf(double score, const RatingBands& bands)
{
    if (score >= bands.green)
        return Rating::Green;
    if (score < bands.red)
        return Rating::Red;
    return Rating::Amber;
}

double greenEdge(const Thresholds& t) { return std::clamp(t.bands.green, 1.0, 99.0); }

std::string num(double v, int sig = 3) { return formatNumber(v, sig); }

// "green ≥ 0.72, red < 0.54 (100 at 0.9, 0 at 0.3)"
std::string thresholdText(const Scale& s, const Thresholds& t, bool higherBetter, const char* unit)
{
    const double G = greenEdge(t);
    auto f = [&](double v) { return num(v) + unit; };
    const char* ge = higherBetter ? "≥ " : "≤ ";
    const char* lt = higherBetter ? "< " : "> ";
    return std::string("green ") + ge + f(valueAt(s, G, G)) + ", red " + lt + f(valueAt(s, t.bands.red, G)) +
           " (100 at " + f(s.good) + ", 0 at " + f(s.bad) + ")";
}

struct Builder {
    const Inputs& in;
    const pilot::Objectives& obj;
    const Thresholds& t;
    Effective eff;
    Scorecard card;
    std::vector<bool> fixable = std::vector<bool>(kDimensionCount, true);

    DimensionScore& add(Dimension d, double score, double value)
    {
        DimensionScore ds;
        ds.dimension = d;
        ds.score = std::clamp(score, 0.0, 100.0);
        ds.rating = ratingOf(ds.score, t.bands);
        ds.value = value;
        card.dimensions.push_back(ds);
        return card.dimensions.back();
    }
    void change(Dimension d, std::string what, std::string from, std::string to, double fromValue, double toValue,
                bool reachable, std::string sentence)
    {
        Change c;
        c.dimension = d;
        c.what = std::move(what);
        c.from = std::move(from);
        c.to = std::move(to);
        c.fromValue = fromValue;
        c.toValue = toValue;
        c.reachable = reachable;
        c.sentence = std::move(sentence);
        card.changes.push_back(std::move(c));
    }
    // Keeps a score below the green edge (a rule that forbids green).
    double capAmber(double score) const { return std::min(score, t.bands.green - 1); }

    void hardware();
    void mitigation();
    void encoding();
    void gap();
    void training();
    void economics();
    void latency();
    void reproducibility();
    void operational();
    void verdict();
};

const std::string& deviceLabel(const Inputs& in) { return in.device.empty() ? in.deviceName : in.device; }

// ---- 1. hardware reliability ----------------------------------------------------------------

void Builder::hardware()
{
    const double G = greenEdge(t);
    if (!in.successKnown) {
        // Nothing to score against: never green, never a blocker; the fix is data, not hardware.
        const double amber = t.bands.red + (std::min(G, t.bands.green) - t.bands.red) / 2;
        DimensionScore& d = add(Dimension::HardwareReliability, amber, 0);
        d.measured = "success probability not published";
        d.threshold = "needs gate and readout errors in the device profile";
        d.rationale = "The " + deviceLabel(in) +
                      " profile publishes no gate or readout errors, so its success probability cannot be estimated "
                      "and its noisy simulation is ideal; import a calibration snapshot to score it.";
        fixable[0] = true;
        return;
    }
    const Scale ss{t.successBad, t.successGood, false, false, 0};
    const Scale es{t.mitigatedErrorBad, t.mitigatedErrorGood, false, false, 0};
    const double S = eff.successProbability;
    const double sS = scoreOf(ss, S, G), sE = scoreOf(es, in.mitigatedError, G);
    DimensionScore& d = add(Dimension::HardwareReliability, std::min(sS, sE), S);
    d.measured = "success " + num(S) + "; |mitigated − ideal| " + num(in.mitigatedError) + " (unmitigated " +
                 num(in.unmitigatedError) + ")";
    d.threshold = "success " + thresholdText(ss, t, true, "") + "; error " + thresholdText(es, t, false, "");
    const double sGreen = valueAt(ss, G, G);
    std::string r = "Estimated success probability " + num(S) + " on " + deviceLabel(in);
    if (in.twoQubitErrorScale != 1 && in.twoQubitError)
        r += " (2q error ×" + num(in.twoQubitErrorScale) + " = " + num(*in.twoQubitError * in.twoQubitErrorScale) + ")";
    r += S >= sGreen ? " meets the " + num(sGreen, 2) + " green threshold"
                     : " is below the " + num(sGreen, 2) + " green threshold";
    if (in.mitigationPlan.empty() || in.mitigationPlan == "none")
        r += "; without mitigation the observable's error is " + num(in.unmitigatedError, 2) + ".";
    else
        r += "; " + in.mitigationPlan + " took the observable's error from " + num(in.unmitigatedError, 2) + " to " +
             num(in.mitigatedError, 2) + ".";
    d.rationale = r;

    if (sS < G) {
        if (in.twoQubitError && *in.twoQubitError > 0 && in.twoQubitGatesForModel > 0) {
            const int n2 = in.twoQubitGatesForModel;
            const double rNow = *in.twoQubitError * in.twoQubitErrorScale;
            const double eNow = std::min(1.25 * rNow, 1.0);
            const double fRest = eNow < 1 ? S / std::pow(1 - eNow, n2) : 0;
            if (fRest > sGreen) {
                const double rNeed = (1 - std::pow(sGreen / fRest, 1.0 / n2)) / 1.25;
                fixable[0] = rNow / rNeed <= t.fixableFactor;
                change(Dimension::HardwareReliability, "two-qubit error", num(rNow), num(rNeed), rNow, rNeed, true,
                       "The median two-qubit error would have to fall from " + num(rNow) + " to " + num(rNeed) + " (÷" +
                           num(rNow / rNeed, 2) + ") for the " + std::to_string(n2) +
                           "-gate circuit's success probability to reach " + num(sGreen, 2) + ".");
            } else {
                fixable[0] = false;
                change(Dimension::HardwareReliability, "two-qubit error", num(rNow), "unreachable", rNow, 0, false,
                       "Even error-free two-qubit gates leave a success probability of " + num(fRest, 2) +
                           " (1q gates, readout and idling), below " + num(sGreen, 2) +
                           ": the circuit must get shorter or the device better overall.");
            }
        } else {
            fixable[0] = false;
            change(Dimension::HardwareReliability, "success probability", num(S), num(sGreen), S, sGreen, true,
                   "The success probability would have to rise from " + num(S, 2) + " to " + num(sGreen, 2) +
                       " (the device profile has no two-qubit error to solve for).");
        }
    }
    if (sE < G) {
        const double eGreen = valueAt(es, G, G);
        fixable[0] = false;
        change(Dimension::HardwareReliability, "mitigated error", num(in.mitigatedError), num(eGreen), in.mitigatedError,
               eGreen, true,
               "The mitigated observable's error would have to fall from " + num(in.mitigatedError, 2) + " to " +
                   num(eGreen, 2) + ".");
    }
}

// ---- 2. mitigation overhead -------------------------------------------------------------------

void Builder::mitigation()
{
    const double G = greenEdge(t);
    const Scale s{t.overheadBad, t.overheadGood, true, false, 0};
    const double target = in.baselineAccuracy + obj.minAccuracyDelta;
    const bool needed = in.noisyAccuracy < target;
    const double plan = std::max({1.0, in.shotMultiplier, in.timeMultiplier});
    const double O = needed ? plan : 1.0;
    DimensionScore& d = add(Dimension::MitigationOverhead, scoreOf(s, O, G), O);
    d.measured = "×" + num(O) + " needed (plan: shots ×" + num(in.shotMultiplier) + ", time ×" + num(in.timeMultiplier) + ")";
    d.threshold = thresholdText(s, t, false, "×");
    const bool none = in.mitigationPlan.empty() || in.mitigationPlan == "none";
    if (!needed)
        d.rationale = "No mitigation overhead is needed: the unmitigated noisy accuracy " + num(in.noisyAccuracy) +
                      " already meets the objective " + num(target) + " (baseline " + num(in.baselineAccuracy) + " " +
                      (obj.minAccuracyDelta < 0 ? "− " : "+ ") + num(std::fabs(obj.minAccuracyDelta)) + ")" +
                      (none ? "." : ", so the plan's ×" + num(plan) + " is optional.");
    else if (none)
        d.rationale = "The noisy accuracy " + num(in.noisyAccuracy) + " misses the objective " + num(target) +
                      " and no mitigation is planned, so there is no overhead to pay yet (the gap dimension carries the shortfall).";
    else
        d.rationale = "The noisy accuracy " + num(in.noisyAccuracy) + " misses the objective " + num(target) + ", so " +
                      in.mitigationPlan + " is needed at shots ×" + num(in.shotMultiplier) + " and QPU time ×" +
                      num(in.timeMultiplier) + ".";
    if (d.score < G) {
        const double need = valueAt(s, G, G);
        change(Dimension::MitigationOverhead, "mitigation overhead", "×" + num(O), "×" + num(need), O, need, true,
               "The mitigation overhead would have to fall from ×" + num(O) + " to ×" + num(need) +
                   " (fewer noise factors or a lower-variance extrapolation), or the unmitigated accuracy would have to reach " +
                   num(target) + ".");
    }
}

// ---- 3. encoding cost ------------------------------------------------------------------------

void Builder::encoding()
{
    const double G = greenEdge(t);
    const Scale s{t.twoQubitGatesBad, t.twoQubitGatesGood, true, false, 0};
    const double g2 = in.twoQubitGates;
    DimensionScore& d = add(Dimension::EncodingCost, g2 <= 0 ? 100 : scoreOf(s, g2, G), g2);
    d.measured = std::to_string(in.twoQubitGates) + " 2q gates, depth " + std::to_string(in.depth) + ", +" +
                 num(in.twoQubitGrowthPerFeature) + " 2q gates/feature";
    d.threshold = thresholdText(s, t, false, " 2q gates");
    const double need = valueAt(s, G, G);
    d.rationale = "The transpiled model circuit on " + deviceLabel(in) + " has " + std::to_string(in.twoQubitGates) +
                  " two-qubit gates at depth " + std::to_string(in.depth) + " for " + std::to_string(in.features) +
                  " features, growing by about " + num(in.twoQubitGrowthPerFeature) + " per added feature (green ≤ " +
                  num(need) + ").";
    if (d.score < G) {
        std::string sentence = "The transpiled circuit would have to shrink from " + std::to_string(in.twoQubitGates) +
                               " to " + num(need) + " two-qubit gates";
        if (in.twoQubitGrowthPerFeature > 0 && in.features > 0) {
            const double f = std::floor(in.features - (g2 - need) / in.twoQubitGrowthPerFeature);
            sentence += f >= 1 ? " — at the measured growth that means encoding at most " + num(f) + " features (now " +
                                     std::to_string(in.features) + ")."
                               : " — fewer features alone cannot get there; a shallower encoding or better connectivity is needed.";
        } else {
            sentence += ".";
        }
        change(Dimension::EncodingCost, "two-qubit gates", std::to_string(in.twoQubitGates), num(need), g2, need, true, sentence);
    }
}

// ---- 4. baseline gap --------------------------------------------------------------------------

void Builder::gap()
{
    const double G = greenEdge(t);
    const Scale s{t.gapBad, t.gapGood, false, true, obj.minAccuracyDelta};
    const double gapValue = in.noisyAccuracy - in.baselineAccuracy;
    const double sigma = in.gapUncertainty;
    double score = scoreOf(s, gapValue, G);
    const bool withinNoise = gapValue + sigma >= obj.minAccuracyDelta;
    if (withinNoise && score < t.bands.red)
        score = t.bands.red;   // the objective is not missed by more than 1σ: at least amber
    DimensionScore& d = add(Dimension::BaselineGap, score, gapValue);
    d.measured = "gap " + num(gapValue) + " ± " + num(sigma) + " (noisy " + num(in.noisyAccuracy) + ", ideal " +
                 num(in.quantumAccuracy) + ", baseline " + num(in.baselineAccuracy) + ")";
    d.threshold = "green ≥ " + num(valueAt(s, G, G)) + " (objective), red < " + num(valueAt(s, t.bands.red, G)) +
                  " unless within 1σ of the objective (100 at " + num(t.gapGood) + ", 0 at " + num(t.gapBad) + ")";
    std::string r = "Noisy quantum accuracy " + num(in.noisyAccuracy) + " on " + deviceLabel(in) + " (ideal " +
                    num(in.quantumAccuracy) + ") vs the tuned baseline's " + num(in.baselineAccuracy) + ": gap " +
                    num(gapValue, 2) + " ± " + num(sigma, 2) + " (1σ, " + std::to_string(in.testRows) + " test rows), ";
    if (gapValue >= obj.minAccuracyDelta)
        r += "meeting the " + num(obj.minAccuracyDelta) + " objective.";
    else if (withinNoise)
        r += "below the " + num(obj.minAccuracyDelta) + " objective but within 1σ of it.";
    else
        r += "below the " + num(obj.minAccuracyDelta) + " objective by more than 1σ.";
    d.rationale = r;
    fixable[3] = gapValue + 2 * sigma >= obj.minAccuracyDelta;
    if (d.score < G) {
        const double need = in.baselineAccuracy + obj.minAccuracyDelta;
        change(Dimension::BaselineGap, "quantum accuracy", num(in.noisyAccuracy), num(need), in.noisyAccuracy, need, true,
               "The quantum model's accuracy on " + deviceLabel(in) + " would have to rise from " + num(in.noisyAccuracy) +
                   " to " + num(need) + " (+" + num(100 * (need - in.noisyAccuracy), 2) +
                   " percentage points) to meet the accuracy objective against the tuned baseline.");
    }
}

// ---- 5. training scaling ----------------------------------------------------------------------

void Builder::training()
{
    const double G = greenEdge(t);
    const Scale s{t.trainingExecutionsBad, t.trainingExecutionsGood, true, false, 0};
    const double E = in.projectedTrainingExecutions;
    DimensionScore& d = add(Dimension::TrainingScaling, E <= 0 ? 100 : scoreOf(s, E, G), E);
    const bool kernel = in.modelKind == "kernel";
    d.measured = num(in.trainingExecutions) + " executions on " + std::to_string(in.trainRows) + " rows → " + num(E) +
                 " at " + num(double(obj.productionRows)) + " rows";
    d.threshold = thresholdText(s, t, false, " executions");
    d.rationale = "Training took " + num(in.trainingExecutions) + " circuit executions on " + std::to_string(in.trainRows) +
                  " rows; " + (kernel ? "the kernel's Gram matrix grows as n², so " : "VQC training grows as n·epochs·parameters, so ") +
                  num(double(obj.productionRows)) + " production rows need " + num(E) + ".";
    if (d.score < G && E > 0) {
        const double need = valueAt(s, G, G);
        const double ratio = need / E;
        const double rows = double(obj.productionRows) * (kernel ? std::sqrt(ratio) : ratio);
        change(Dimension::TrainingScaling, "training executions", num(E), num(need), E, need, true,
               "Training at production size would have to need at most " + num(need) + " circuit executions instead of " +
                   num(E) + ", i.e. train on at most " + num(std::floor(rows)) + " rows (subsampling" +
                   (kernel ? " or a low-rank kernel approximation)." : ")."));
    }
}

// ---- 6. inference economics -------------------------------------------------------------------

void Builder::economics()
{
    const double G = greenEdge(t);
    const Scale s{t.objectiveBadMultiple, t.objectiveGoodFraction, true, true, 1.0};
    const double C = eff.costPer1kUsd, target = obj.maxCostPer1kUsd;
    const double ratio = target > 0 ? C / target : HUGE_VAL;
    DimensionScore& d = add(Dimension::InferenceEconomics, target > 0 ? scoreOf(s, ratio, G) : 0, C);
    d.measured = formatUsd(C) + " per 1k (" + num(ratio) + "× objective; classical " + formatUsd(in.classicalPer1kUsd) + ")";
    d.threshold = "green ≤ " + formatUsd(target) + " (objective), red > " + formatUsd(target * valueAt(s, t.bands.red, G)) +
                  " (100 at ≤ " + formatUsd(target * t.objectiveGoodFraction) + ", 0 at ≥ " +
                  formatUsd(target * t.objectiveBadMultiple) + ")";
    std::string r = "Cost per 1k inferences " + formatUsd(C) + " on " + deviceLabel(in);
    if (in.priceScale != 1 || in.shotScale != 1)
        r += " (price ×" + num(in.priceScale) + ", shots ×" + num(in.shotScale) + ")";
    r += " is " + num(ratio, 2) + "× the " + formatUsd(target) + " objective";
    if (in.classicalPer1kUsd > 0)
        r += " and " + num(C / in.classicalPer1kUsd, 2) + "× the classical " + formatUsd(in.classicalPer1kUsd);
    d.rationale = r + ".";
    if (!std::isfinite(ratio))
        fixable[5] = false;   // no positive objective: nothing to reach
    if (ratio > 1 && std::isfinite(ratio)) {
        const double scale = 1 / ratio;   // cost is linear in price and (assumed) in shots
        fixable[5] = ratio <= t.fixableFactor;
        std::string price = "All prices would have to be scaled by " + num(scale) + " (÷" + num(ratio, 3) + ")";
        if (!in.priceName.empty() && in.priceRateUsd > 0 && !in.priceUnit.empty()) {
            const double now = in.priceRateUsd * in.priceScale;
            price += ": " + in.priceName + " from " + formatUsd(now) + " to " + formatUsd(now * scale) + " per " + in.priceUnit;
        }
        change(Dimension::InferenceEconomics, "price scale", num(in.priceScale), num(in.priceScale * scale), in.priceScale,
               in.priceScale * scale, true, price + " to meet the " + formatUsd(target) + " per 1k objective.");
        const double shotsNow = eff.shots;
        const double shotsNeed = std::floor(shotsNow * scale);
        if (shotsNeed >= 1)
            change(Dimension::InferenceEconomics, "shots per circuit", num(shotsNow), num(shotsNeed), shotsNow, shotsNeed, true,
                   "At today's prices the shots per circuit would have to fall from " + num(shotsNow) + " to " +
                       num(shotsNeed) + " (cost taken as proportional to shots; per-task fees make this optimistic), "
                       "raising the shot noise ×" + num(std::sqrt(shotsNow / shotsNeed), 2) + ".");
        else
            change(Dimension::InferenceEconomics, "shots per circuit", num(shotsNow), "unreachable", shotsNow, 0, false,
                   "Fewer shots alone cannot meet the objective: even one shot per circuit would cost " +
                       formatUsd(C / std::max(shotsNow, 1.0)) + " per 1k.");
    }
}

// ---- 7. latency ---------------------------------------------------------------------------------

void Builder::latency()
{
    const double G = greenEdge(t);
    const Scale s{t.objectiveBadMultiple, t.objectiveGoodFraction, true, true, 1.0};
    const double target = obj.maxLatencySeconds;
    const bool known = eff.latencySeconds.has_value();
    const double L = known ? *eff.latencySeconds : eff.latencyLowerBound;
    const double ratio = target > 0 ? L / target : HUGE_VAL;
    double score = target > 0 ? scoreOf(s, ratio, G) : 0;
    if (!known)
        score = capAmber(score);
    DimensionScore& d = add(Dimension::Latency, score, L);
    const double queue = in.queueSeconds.value_or(in.latencyQueue);
    d.measured = (known ? "" : "≥ ") + formatSeconds(L) + " per inference (queue " + formatSeconds(queue) + ")";
    d.threshold = "green ≤ " + formatSeconds(target) + " (objective), red > " +
                  formatSeconds(target * valueAt(s, t.bands.red, G)) + "; unknown execution time caps at amber";
    std::string r = known ? "Per-inference latency " + formatSeconds(L) + " on " + deviceLabel(in)
                          : "Per-inference latency is at least " + formatSeconds(L) + " on " + deviceLabel(in) +
                                " (the device lacks timing figures for the execution)";
    r += ", of which queueing is " + formatSeconds(queue) + ", against the " + formatSeconds(target) + " objective";
    if (in.classicalLatencySeconds > 0)
        r += " (classical " + formatSeconds(in.classicalLatencySeconds) + ")";
    d.rationale = r + ".";
    if (ratio > 1 || !known) {
        const double others = L - queue;
        const double qNeed = target - others;
        fixable[6] = qNeed >= 0 && known;
        if (!known && qNeed >= queue)
            // The queue is not what is missing: the execution time is.
            change(Dimension::Latency, "execution time", "unknown", "measured", L, L, true,
                   "The execution time on " + deviceLabel(in) + " is not published and must be measured: the known "
                       "parts (compile, queue, network) take " + formatSeconds(L) + " of the " + formatSeconds(target) +
                       " objective.");
        else if (qNeed >= 0)
            change(Dimension::Latency, "queue time", formatSeconds(queue), formatSeconds(qNeed), queue, qNeed, true,
                   "The queue wait would have to fall from " + formatSeconds(queue) + " to " + formatSeconds(qNeed) +
                       " (reserved access or a dedicated session)" +
                       (known ? "" : "; the execution time is unknown and must be measured") + ".");
        else
            change(Dimension::Latency, "queue time", formatSeconds(queue), "unreachable", queue, 0, false,
                   "Even with no queue, compile, network and execution take " + formatSeconds(others) + ", above the " +
                       formatSeconds(target) + " objective.");
    }
}

// ---- 8. reproducibility -----------------------------------------------------------------------

void Builder::reproducibility()
{
    const double G = greenEdge(t);
    const Scale s{t.spreadBadMultiple, t.spreadGoodFraction, false, true, 1.0};
    const double tol = obj.reproducibilityTolerance;
    const double spread = std::max(in.accuracySpread, in.calibrationSpread.value_or(0.0));
    const double ratio = tol > 0 ? spread / tol : (spread > 0 ? HUGE_VAL : 0);
    double score = scoreOf(s, ratio, G);
    const bool measurable = in.seeds >= 2 || in.calibrationSnapshots >= 2;
    if (!measurable)
        score = capAmber(score);
    DimensionScore& d = add(Dimension::Reproducibility, score, spread);
    d.measured = "spread " + num(spread) + " over " + std::to_string(in.seeds) + " seeds" +
                 (in.calibrationSpread ? ", " + num(*in.calibrationSpread) + " over " +
                                             std::to_string(in.calibrationSnapshots) + " calibrations"
                                       : std::string());
    d.threshold = "green ≤ " + num(tol) + " (tolerance), red > " + num(tol * valueAt(s, t.bands.red, G)) +
                  "; fewer than 2 seeds caps at amber";
    std::string r = "Test accuracy spread " + num(in.accuracySpread) + " over " + std::to_string(in.seeds) + " seeds";
    if (in.calibrationSpread)
        r += " and " + num(*in.calibrationSpread) + " over " + std::to_string(in.calibrationSnapshots) +
             " calibration snapshots";
    r += std::string(" against a tolerance of ") + num(tol);
    if (!measurable)
        r += " (one seed cannot show a spread)";
    d.rationale = r + ".";
    if (!measurable)
        change(Dimension::Reproducibility, "seeds", std::to_string(in.seeds), "3", in.seeds, 3, true,
               "Repeat the pilot with at least 3 seeds to measure the spread.");
    else if (ratio > 1)
        change(Dimension::Reproducibility, "accuracy spread", num(spread), num(tol), spread, tol, true,
               "The accuracy spread would have to fall from " + num(spread) + " to the " + num(tol) +
                   " tolerance (a more stable optimiser, more shots or a larger test set).");
}

// ---- 9. operational readiness -----------------------------------------------------------------

void Builder::operational()
{
    double score = (in.provenanceComplete ? 40 : 0) + (in.reproduced ? 30 : 0) + (in.circuitVersioned ? 15 : 0) +
                   (in.exportsPresent ? 15 : 0);
    if (!in.provenanceComplete)
        score = std::min(score, t.bands.red - 1);
    DimensionScore& d = add(Dimension::OperationalReadiness, score, score);
    auto yn = [](bool b) { return b ? "yes" : "no"; };
    d.measured = std::string("provenance ") + yn(in.provenanceComplete) + ", reproduced " + yn(in.reproduced) +
                 ", circuit versioned " + yn(in.circuitVersioned) + ", exports " + yn(in.exportsPresent);
    d.threshold = "points: provenance 40, reproduced 30, versioned 15, exports 15; incomplete provenance is red";
    std::string missing;
    for (const std::string& m : in.provenanceMissing)
        missing += (missing.empty() ? "" : ", ") + m;
    d.rationale = std::string("Provenance is ") + (in.provenanceComplete ? "complete" : "missing " + missing) +
                  ", the results were " + (in.reproduced ? "" : "not yet ") + "confirmed bit-identical by a reproduce run, the circuit is " +
                  (in.circuitVersioned ? "" : "not ") + "versioned and exports are " + (in.exportsPresent ? "" : "not ") +
                  "written.";
    if (!in.provenanceComplete)
        change(Dimension::OperationalReadiness, "provenance", "incomplete", "complete", 0, 1, true,
               "Record the missing provenance: " + missing + ".");
    if (!in.reproduced)
        change(Dimension::OperationalReadiness, "reproduced", "no", "yes", 0, 1, true,
               "Confirm the results bit-identical with 'qpilot runs reproduce'.");
    if (!in.circuitVersioned)
        change(Dimension::OperationalReadiness, "circuit versioned", "no", "yes", 0, 1, true,
               "Store the run so the circuit gets a version in the run store.");
    if (!in.exportsPresent)
        change(Dimension::OperationalReadiness, "exports", "no", "yes", 0, 1, true,
               "Write the report and the MLflow export for the run.");
}

// ---- overall and verdict ----------------------------------------------------------------------

bool critical(Dimension d)
{
    return d == Dimension::HardwareReliability || d == Dimension::BaselineGap || d == Dimension::InferenceEconomics ||
           d == Dimension::Latency;
}

void Builder::verdict()
{
    double sum = 0, weights = 0;
    int reds = 0, ambers = 0;
    bool criticalRed = false;
    std::vector<std::string> blockers;
    for (const DimensionScore& d : card.dimensions) {
        const double w = std::max(0.0, t.weights[size_t(d.dimension)]);
        sum += w * d.score;
        weights += w;
        if (d.rating == Rating::Red) {
            ++reds;
            criticalRed = criticalRed || critical(d.dimension);
            if (critical(d.dimension) && !fixable[size_t(d.dimension)])
                blockers.push_back(std::string(dimensionTitle(d.dimension)) + " is red and out of reach of a feasible change: " +
                                   d.rationale);
        } else if (d.rating == Rating::Amber) {
            ++ambers;
        }
    }
    card.overall = weights > 0 ? sum / weights : 0;
    if (criticalRed)
        card.overall = std::min(card.overall, t.bands.green - 1);
    if (reds > t.maxRedForPiloting)
        blockers.push_back(std::to_string(reds) + " dimensions are red (more than " + std::to_string(t.maxRedForPiloting) +
                           ").");
    const std::string on = " on " + deviceLabel(in);
    const std::string overall = " (overall " + num(card.overall, 2) + "/100)";
    if (!blockers.empty()) {
        card.verdict = Verdict::NotReady;
        card.blockers = blockers;
        card.verdictSentence = "Not ready" + on + overall + ": " + blockers.front();
        return;
    }
    if (reds == 0 && ambers <= t.maxAmberForProduction) {
        card.verdict = Verdict::ProductionReady;
        card.verdictSentence = "Production-ready" + on + overall + ": no dimension is red and " + std::to_string(ambers) +
                               (ambers == 1 ? " is" : " are") + " amber.";
        return;
    }
    card.verdict = Verdict::ContinuePiloting;
    std::string names;
    for (const DimensionScore& d : card.dimensions) {
        if (d.rating == Rating::Green)
            continue;
        std::string condition;
        for (const Change& c : card.changes)
            if (c.dimension == d.dimension && c.reachable) {
                condition = c.sentence;
                break;
            }
        if (condition.empty())
            condition = d.rationale;
        card.conditions.push_back(std::string(dimensionTitle(d.dimension)) + " (" + ratingKey(d.rating) + "): " + condition);
        names += (names.empty() ? "" : ", ") + std::string(dimensionTitle(d.dimension));
    }
    card.verdictSentence = "Continue piloting" + on + overall + " on " + std::to_string(card.conditions.size()) +
                           " condition" + (card.conditions.size() == 1 ? "" : "s") + ": " + names + ".";
}

} // namespace

Effective effective(const Inputs& in)
{
    Effective e;
    e.successProbability = in.successProbability;
    if (in.twoQubitErrorScale != 1 && in.twoQubitError && in.twoQubitGatesForModel > 0) {
        const double e0 = 1.25 * *in.twoQubitError;
        const double e1 = std::min(1.25 * *in.twoQubitError * std::max(in.twoQubitErrorScale, 0.0), 1.0);
        if (e0 < 1)
            e.successProbability = in.successProbability * std::pow((1 - e1) / (1 - e0), in.twoQubitGatesForModel);
    }
    e.successProbability = std::clamp(e.successProbability, 0.0, 1.0);
    const double k = std::max(in.shotScale, 0.0);
    e.costPer1kUsd = in.costPer1kUsd * std::max(in.priceScale, 0.0) * k;
    e.shots = in.shots * k;
    const double queue = std::max(in.queueSeconds.value_or(in.latencyQueue), 0.0);
    e.latencyLowerBound = in.latencyCompile + queue + in.latencyNetwork;
    if (in.latencyExecution) {
        e.latencyLowerBound += *in.latencyExecution * k;
        if (in.latencySeconds)
            e.latencySeconds = *in.latencySeconds + (queue - in.latencyQueue) + *in.latencyExecution * (k - 1);
        else
            e.latencySeconds = e.latencyLowerBound;
    } else if (in.latencySeconds) {
        // A total without a breakdown (hand-made inputs): the queue what-if still applies.
        e.latencySeconds = *in.latencySeconds + (queue - in.latencyQueue);
        e.latencyLowerBound = *e.latencySeconds;
    }
    return e;
}

Scorecard score(const Inputs& inputs, const pilot::Objectives& objectives, const Thresholds& thresholds)
{
    Builder b{inputs, objectives, thresholds, effective(inputs), Scorecard{}};
    b.card.device = deviceLabel(inputs);
    b.card.inputs = inputs;
    b.hardware();
    b.mitigation();
    b.encoding();
    b.gap();
    b.training();
    b.economics();
    b.latency();
    b.reproducibility();
    b.operational();
    b.verdict();
    return b.card;
}

} // namespace qpilot::readiness
