// core/readiness/thresholds.cpp — the stable keys and titles of the scorecard's dimensions,
// ratings and verdicts (stored in the run store and printed by the CLI; never rename a key),
// and the number formatting the scorecard and the report share.
#include "core/readiness/readiness.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace qpilot::readiness {

const char* dimensionKey(Dimension d)
{
    switch (d) {
    case Dimension::HardwareReliability: return "hardware_reliability";
    case Dimension::MitigationOverhead: return "mitigation_overhead";
    case Dimension::EncodingCost: return "encoding_cost";
    case Dimension::BaselineGap: return "baseline_gap";
    case Dimension::TrainingScaling: return "training_scaling";
    case Dimension::InferenceEconomics: return "inference_economics";
    case Dimension::Latency: return "latency";
    case Dimension::Reproducibility: return "reproducibility";
    case Dimension::OperationalReadiness: return "operational_readiness";
    }
    return "hardware_reliability";
}

const char* dimensionTitle(Dimension d)
{
    switch (d) {
    case Dimension::HardwareReliability: return "Hardware reliability";
    case Dimension::MitigationOverhead: return "Error-mitigation overhead";
    case Dimension::EncodingCost: return "Data-encoding cost";
    case Dimension::BaselineGap: return "Classical baseline gap";
    case Dimension::TrainingScaling: return "Training and kernel scaling";
    case Dimension::InferenceEconomics: return "Inference economics";
    case Dimension::Latency: return "Latency";
    case Dimension::Reproducibility: return "Reproducibility";
    case Dimension::OperationalReadiness: return "Operational readiness";
    }
    return "";
}

std::vector<Dimension> allDimensions()
{
    std::vector<Dimension> all;
    for (int i = 0; i < kDimensionCount; ++i)
        all.push_back(static_cast<Dimension>(i));
    return all;
}

const char* ratingKey(Rating r)
{
    switch (r) {
    case Rating::Red: return "red";
    case Rating::Amber: return "amber";
    case Rating::Green: return "green";
    }
    return "red";
}

const char* verdictKey(Verdict v)
{
    switch (v) {
    case Verdict::ProductionReady: return "production_ready";
    case Verdict::ContinuePiloting: return "continue_piloting";
    case Verdict::NotReady: return "not_ready";
    }
    return "not_ready";
}

const char* verdictTitle(Verdict v)
{
    switch (v) {
    case Verdict::ProductionReady: return "Production-ready";
    case Verdict::ContinuePiloting: return "Continue piloting";
    case Verdict::NotReady: return "Not ready";
    }
    return "Not ready";
}

std::string formatNumber(double v, int significant)
{
    if (!std::isfinite(v))
        return std::isnan(v) ? "n/a" : (v > 0 ? "∞" : "−∞");
    char buf[64];
    const double a = std::fabs(v);
    if (a != 0 && (a >= 1e6 || a < 1e-3))
        std::snprintf(buf, sizeof buf, "%.*e", std::max(0, significant - 1), v);
    else if (a >= 1000)
        std::snprintf(buf, sizeof buf, "%.0f", v);
    else
        std::snprintf(buf, sizeof buf, "%.*g", significant, v);
    return buf;
}

std::string formatUsd(double v)
{
    if (!std::isfinite(v))
        return formatNumber(v);
    char buf[64];
    const double a = std::fabs(v);
    if (a >= 1e12 || (a != 0 && a < 1e-3)) {
        std::snprintf(buf, sizeof buf, "$%.2e", v);
    } else if (a >= 1e6) {
        // millions and billions stay readable in narrow places: "$133.6 M", "$2.41 B"
        const bool billions = a >= 1e9;
        const double scaled = v / (billions ? 1e9 : 1e6);
        const int decimals = std::fabs(scaled) >= 100 ? 0 : std::fabs(scaled) >= 10 ? 1 : 2;
        std::snprintf(buf, sizeof buf, "$%.*f %s", decimals, scaled, billions ? "B" : "M");
    } else if (a >= 1000) {
        // whole dollars with thousands separators: "$104,163"
        std::snprintf(buf, sizeof buf, "%.0f", a);
        std::string digits = buf, grouped;
        for (size_t i = 0; i < digits.size(); ++i) {
            if (i && (digits.size() - i) % 3 == 0)
                grouped += ',';
            grouped += digits[i];
        }
        return std::string(v < 0 ? "-$" : "$") + grouped;
    } else if (a >= 100) {
        std::snprintf(buf, sizeof buf, "$%.0f", v);
    } else if (a >= 0.1 || a == 0) {
        std::snprintf(buf, sizeof buf, "$%.2f", v);
    } else {
        std::snprintf(buf, sizeof buf, "$%.2g", v);
    }
    return buf;
}

std::string formatSeconds(double v)
{
    if (!std::isfinite(v))
        return formatNumber(v);
    char buf[64];
    const double a = std::fabs(v);
    if (a >= 7200)
        std::snprintf(buf, sizeof buf, "%.1f h", v / 3600);
    else if (a >= 120)
        std::snprintf(buf, sizeof buf, "%.1f min", v / 60);
    else if (a >= 1 || a == 0)
        std::snprintf(buf, sizeof buf, "%.3g s", v);
    else if (a >= 1e-3)
        std::snprintf(buf, sizeof buf, "%.3g ms", v * 1e3);
    else
        std::snprintf(buf, sizeof buf, "%.3g µs", v * 1e6);
    return buf;
}

} // namespace qpilot::readiness
