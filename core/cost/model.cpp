// core/cost/model.cpp — the cost model (see cost.h): batch counts of a mitigated workload, the
// cost under each pricing model, IBM's usage estimate, latency, the classical baseline and the
// break-even search. Formulas: reference §3 (prices, IBM usage [S8]), §4, §6, §7.
#include "core/cost/cost.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace qpilot::cost {

namespace {

std::string money(double v)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "$%.6g", v);
    return buf;
}

std::string num(double v)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

std::int64_t perCircuitExecutions(const Workload& w)
{
    const mitigation::Overhead& o = w.overhead;
    if (o.executionsConfigured == 0)
        return w.shots; // overhead never computed: unmitigated
    return w.precision == Precision::Equal ? o.executionsEqualPrecision : o.executionsConfigured;
}

double circuitSeconds(const Workload& w)
{
    return w.overhead.meanDuration.value_or(w.figures.duration.value_or(0.0));
}

// Seconds of one shot on a non-IBM device: repetition delay + circuit, or the row's assumption.
std::optional<double> shotSeconds(const PriceRow& row, const Workload& w)
{
    if (w.repetitionDelay)
        return *w.repetitionDelay + circuitSeconds(w);
    if (row.assumedShotSeconds)
        return std::max(*row.assumedShotSeconds, circuitSeconds(w));
    return std::nullopt;
}

// Two-qubit gates per executed circuit, averaged over the ZNE noise factors (folding).
double twoQubitGatesExecuted(const Workload& w)
{
    return w.figures.twoQubitGates * w.overhead.meanDepthMultiplier;
}

mitigation::CircuitFigures scaledErrors(mitigation::CircuitFigures f, double s)
{
    for (double& r : f.errors1q)
        r *= s;
    for (double& r : f.errors2q)
        r *= s;
    if (f.error1q)
        *f.error1q *= s;
    if (f.error2q)
        *f.error2q *= s;
    for (double& p : f.readoutErrors)
        p *= s;
    if (f.totalGamma)
        f.totalGamma = std::exp(std::log(*f.totalGamma) * s);
    return f;
}

} // namespace

BatchCounts batchCounts(const Workload& w)
{
    BatchCounts b;
    const std::int64_t perInput = std::int64_t(w.circuitsPerInference) * w.inferences;
    b.workCircuits = perInput * std::max(w.overhead.circuits, 1);
    b.workExecutions = perInput * perCircuitExecutions(w);
    b.circuits = b.workCircuits + w.overhead.calibrationCircuits;
    b.executions = b.workExecutions + w.overhead.calibrationShots;
    return b;
}

double ibmUsageSeconds(std::int64_t subjobs, std::int64_t executions, double repDelay, double circuitSeconds,
                       const IbmUsageRule& rule)
{
    return double(subjobs) * rule.subjobOverheadSeconds
           + double(executions) * (repDelay + std::max(circuitSeconds, rule.typicalCircuitSeconds));
}

Result<Cost> costOf(const PriceRow& row, const Workload& w, const IbmUsageRule& ibm)
{
    if (w.inferences < 1 || w.circuitsPerInference < 1 || w.shots < 1)
        return Error{"a workload needs at least 1 inference, 1 circuit per inference and 1 shot"};
    Cost c;
    const BatchCounts b = batchCounts(w);
    const mitigation::CircuitFigures& f = w.figures;
    const double workShotsPerProgram = double(b.workExecutions) / double(b.workCircuits);
    const std::int64_t calPrograms = w.overhead.calibrationCircuits;
    const double calShotsPerProgram = calPrograms ? double(w.overhead.calibrationShots) / double(calPrograms) : 0.0;

    switch (row.model) {
    case PriceModel::Free:
    case PriceModel::PerSecond: {
        double seconds = 0;
        if (row.provider == "ibm") {
            const double rep = w.repetitionDelay.value_or(ibm.defaultRepDelaySeconds);
            seconds = ibmUsageSeconds(1, b.executions, rep, circuitSeconds(w), ibm);
            c.formula = "usage = 1 job x " + num(ibm.subjobOverheadSeconds) + " s + " + std::to_string(b.executions)
                        + " executions x (" + num(rep * 1e6) + " us + max(" + num(circuitSeconds(w) * 1e6) + " us, "
                        + num(ibm.typicalCircuitSeconds * 1e6) + " us)) = " + num(seconds) + " s [S8]";
            if (!w.learning && std::abs(rep - ibm.defaultRepDelaySeconds) < 1e-12
                && circuitSeconds(w) <= ibm.typicalCircuitSeconds)
                c.notes.push_back("equals IBM's quick rule 2 + 0.00035 x executions s [S8]");
        } else {
            const auto shot = shotSeconds(row, w);
            if (!shot)
                return Error{"price row '" + row.key + "' bills per second but the device has no repetition delay "
                             "and the row no assumed_shot_time_s"};
            // Each program is billed in whole increments (Azure Rigetti: 10 ms).
            auto billed = [&](double t) {
                return row.billingIncrementSeconds > 0
                           ? std::ceil(t / row.billingIncrementSeconds - 1e-9) * row.billingIncrementSeconds
                           : t;
            };
            seconds = double(b.workCircuits) * billed(workShotsPerProgram * *shot)
                      + double(calPrograms) * billed(calShotsPerProgram * *shot);
            c.formula = std::to_string(b.circuits) + " programs, " + std::to_string(b.executions) + " shots x "
                        + num(*shot * 1e6) + " us per shot" + (row.billingIncrementSeconds > 0
                            ? ", each program rounded up to " + num(row.billingIncrementSeconds * 1e3) + " ms" : "")
                        + " = " + num(seconds) + " s";
            if (!w.repetitionDelay)
                c.notes.push_back("shot time is the price table's assumption (" + num(*row.assumedShotSeconds * 1e6)
                                  + " us): the device publishes no repetition delay");
        }
        c.qpuSeconds = seconds;
        c.billingUnits = seconds;
        if (row.model == PriceModel::Free) {
            c.batchUsd = 0;
            c.formula += "; free plan";
            c.notes.push_back(seconds <= row.freeSeconds
                                  ? "fits the free quota of " + num(row.freeSeconds) + " s per 28 days"
                                  : "exceeds the free quota of " + num(row.freeSeconds) + " s per 28 days "
                                        + num(seconds / row.freeSeconds) + "x");
        } else {
            c.batchUsd = seconds * row.usdPerSecond;
            c.formula += " x " + money(row.usdPerSecond) + "/s = " + money(c.batchUsd);
        }
        break;
    }
    case PriceModel::PerTaskShot:
        c.billingUnits = double(b.circuits);
        c.batchUsd = double(b.circuits) * row.usdPerTask + double(b.executions) * row.usdPerShot;
        c.formula = std::to_string(b.circuits) + " tasks x " + money(row.usdPerTask) + " + "
                    + std::to_string(b.executions) + " shots x " + money(row.usdPerShot) + " = " + money(c.batchUsd);
        if (row.minShotsErrorMitigation && workShotsPerProgram < double(*row.minShotsErrorMitigation))
            c.notes.push_back("the provider's own error mitigation needs >= " + std::to_string(*row.minShotsErrorMitigation)
                              + " shots per task [S31,S33]");
        break;
    case PriceModel::Aqt: {
        const double m = w.ionqErrorMitigation ? row.mEmOn : row.mEmOff;
        const double gates = (row.c1 * f.oneQubitGates + row.c2 * twoQubitGatesExecuted(w)) * workShotsPerProgram;
        const double perProgram = w.aqtReading == AqtReading::Additive ? m + gates : std::max(m, gates);
        const double calPerProgram = m; // calibration programs: state preparation + measurement, no billed gates
        c.billingUnits = double(b.workCircuits) * perProgram + double(calPrograms) * calPerProgram;
        c.batchUsd = c.billingUnits; // 1 AQT = $1
        c.formula = "AQT per program = " + std::string(w.aqtReading == AqtReading::Additive ? "" : "max(")
                    + num(m) + (w.aqtReading == AqtReading::Additive ? " + " : ", ") + "(" + num(row.c1) + " x "
                    + std::to_string(f.oneQubitGates) + " + " + num(row.c2) + " x " + num(twoQubitGatesExecuted(w))
                    + ") x " + num(workShotsPerProgram) + (w.aqtReading == AqtReading::Additive ? "" : ")") + " = "
                    + num(perProgram) + "; x " + std::to_string(b.workCircuits) + " programs"
                    + (calPrograms ? " + " + std::to_string(calPrograms) + " calibration programs x m" : "")
                    + " = " + money(c.batchUsd);
        c.notes.push_back(std::string("IonQ error mitigation ") + (w.ionqErrorMitigation ? "on" : "off")
                          + "; m read as " + (w.aqtReading == AqtReading::Additive ? "an additive term (the formula)"
                                                                                     : "a minimum price per program"));
        break;
    }
    case PriceModel::Hqc: {
        const double weight = f.oneQubitGates + row.hqc2qWeight * twoQubitGatesExecuted(w)
                              + row.hqcMeasureWeight * f.measuredQubits;
        const double perProgram = row.hqcBase + workShotsPerProgram * weight / row.hqcDivisor;
        const double calPerProgram = row.hqcBase + calShotsPerProgram * row.hqcMeasureWeight * f.measuredQubits / row.hqcDivisor;
        c.billingUnits = double(b.workCircuits) * perProgram + double(calPrograms) * calPerProgram;
        c.batchUsd = c.billingUnits * row.usdPerHqc;
        c.formula = "HQC per program = " + num(row.hqcBase) + " + " + num(workShotsPerProgram) + " x ("
                    + std::to_string(f.oneQubitGates) + " + " + num(row.hqc2qWeight) + " x "
                    + num(twoQubitGatesExecuted(w)) + " + " + num(row.hqcMeasureWeight) + " x "
                    + std::to_string(f.measuredQubits) + ") / " + num(row.hqcDivisor) + " = " + num(perProgram)
                    + "; total " + num(c.billingUnits) + " HQC x " + money(row.usdPerHqc) + " = " + money(c.batchUsd);
        break;
    }
    }
    c.perInferenceUsd = c.batchUsd / double(w.inferences);
    c.per1kUsd = c.perInferenceUsd * 1000;
    return c;
}

Latency latencyOf(const PriceRow& row, const Workload& w0, const IbmUsageRule& ibm, const LatencyInputs& in,
                  bool wholeBatch)
{
    Workload w = w0;
    if (!wholeBatch)
        w.inferences = 1;
    Latency l;
    const BatchCounts b = batchCounts(w);
    l.compile = in.compileSeconds.value_or(0.0) * w.circuitsPerInference;
    l.queue = in.queueSeconds.value_or(row.latency.queueSeconds);
    l.queueNote = in.queueSeconds ? "queue time as given" : row.latency.queueNote;
    l.network = in.roundTripsPerJob * row.latency.roundTripSeconds;
    const double unmitigated = double(w.inferences) * w.circuitsPerInference * double(w.shots);
    l.mitigationMultiplier = double(b.executions) / unmitigated;
    if (row.provider == "ibm") {
        l.execution = ibmUsageSeconds(1, b.executions, w.repetitionDelay.value_or(ibm.defaultRepDelaySeconds),
                                      circuitSeconds(w), ibm);
        l.executionNote = "IBM usage estimate [S8]";
    } else if (in.shotRate && *in.shotRate > 0) {
        l.execution = double(b.executions) / *in.shotRate;
        l.executionNote = "executions / the device's shot rate";
    } else if (w.repetitionDelay || row.assumedShotSeconds) {
        l.execution = double(b.executions) * *shotSeconds(row, w);
        l.executionNote = w.repetitionDelay ? "executions x (repetition delay + circuit duration)"
                                            : "executions x the price table's assumed shot time";
    } else if (w.figures.duration) {
        l.execution = double(b.executions) * circuitSeconds(w);
        l.executionNote = "executions x circuit duration from gate times (no published repetition delay or shot "
                          "rate: a lower bound)";
    } else {
        l.executionNote = "unknown: no circuit duration (the profile lacks a gate or readout time), repetition delay "
                          "or shot rate for this device";
    }
    if (l.execution)
        l.total = l.compile + l.queue + l.network + *l.execution;
    return l;
}

ClassicalCost classicalCost(const ClassicalOptions& o)
{
    ClassicalCost c;
    c.latencySeconds = 1 / o.throughputPerSecond;
    c.dedicatedPer1kUsd = 1000 / o.throughputPerSecond * o.usdPerHour / 3600;
    const double billed = std::max(o.lambdaMinBilledSeconds,
                                   std::ceil(c.latencySeconds / o.lambdaMinBilledSeconds - 1e-9) * o.lambdaMinBilledSeconds);
    c.serverlessPer1kUsd = 1000 * (o.lambdaUsdPerRequest + o.lambdaMemoryGb * billed * o.lambdaUsdPerGbSecond);
    return c;
}

BreakEven breakEven(const PriceRow& row, const Workload& w, const mitigation::MitigationPlan& plan,
                    const IbmUsageRule& ibm, double target)
{
    BreakEven be;
    be.targetPer1kUsd = target;
    const auto now = costOf(row, w, ibm);
    if (!now)
        return be;
    const Cost& c = now.value();
    be.currentPer1kUsd = c.per1kUsd;
    be.priceScale = c.per1kUsd > 0 ? target / c.per1kUsd : 1.0;
    const double batchTarget = target * double(w.inferences) / 1000;
    const BatchCounts b = batchCounts(w);
    switch (row.model) {
    case PriceModel::PerTaskShot:
        if (batchTarget > double(b.circuits) * row.usdPerTask)
            be.usdPerShotNeeded = (batchTarget - double(b.circuits) * row.usdPerTask) / double(b.executions);
        else
            be.note = "the per-task fee alone exceeds the target";
        break;
    case PriceModel::PerSecond:
        if (c.qpuSeconds && *c.qpuSeconds > 0)
            be.usdPerSecondNeeded = batchTarget / *c.qpuSeconds;
        break;
    case PriceModel::Aqt:
    case PriceModel::Hqc:
        if (c.billingUnits > 0)
            be.usdPerUnitNeeded = batchTarget / c.billingUnits; // $ per AQT or per HQC
        break;
    case PriceModel::Free: break;
    }
    constexpr double kInf = std::numeric_limits<double>::infinity();
    // Per-1k cost at another shot count / error scale (infinite when the plan refuses).
    auto per1kAt = [&](std::int64_t shots, double errorScale) {
        Workload v = w;
        v.shots = shots;
        v.figures = errorScale == 1.0 ? w.figures : scaledErrors(w.figures, errorScale);
        auto o = mitigation::overheadFor(plan, v.figures, shots);
        if (!o)
            return kInf;
        v.overhead = o.value();
        auto k = costOf(row, v, ibm);
        return k ? k.value().per1kUsd : kInf;
    };
    if (row.model != PriceModel::Free) {
        if (per1kAt(1, 1.0) <= target) {
            std::int64_t lo = 1, hi = 2;
            while (hi < (std::int64_t(1) << 50) && per1kAt(hi, 1.0) <= target) {
                lo = hi;
                hi *= 2;
            }
            while (hi - lo > 1) {
                const std::int64_t mid = lo + (hi - lo) / 2;
                (per1kAt(mid, 1.0) <= target ? lo : hi) = mid;
            }
            be.maxShots = lo;
        } else if (be.note.empty()) {
            be.note = "even 1 shot per circuit exceeds the target";
        }
        // Error rates enter the cost through γ² (PEC) and 1/f² (readout correction) at equal precision.
        if (plan.pec || ((plan.readout || plan.trex) && w.precision == Precision::Equal)) {
            if (c.per1kUsd <= target) {
                be.errorScale = 1.0;
            } else if (per1kAt(w.shots, 0.0) <= target) {
                double lo = 0, hi = 1;
                for (int i = 0; i < 60; ++i) {
                    const double mid = (lo + hi) / 2;
                    (per1kAt(w.shots, mid) <= target ? lo : hi) = mid;
                }
                be.errorScale = lo;
            }
        }
    }
    return be;
}

} // namespace qpilot::cost
