// SPDX-License-Identifier: GPL-3.0-or-later
// app/cli/device_format.h — how the device and calibration verbs print calibration numbers:
// an optional value with precision and unit ('n/a' when unknown), times with a readable unit,
// and counts such as CLOPS.
#pragma once

#include <cmath>
#include <iomanip>
#include <optional>
#include <sstream>
#include <string>

namespace qpilot::cli {

inline std::string formatValue(const std::optional<double>& v, double scale, int precision, const char* unit)
{
    if (!v)
        return "n/a";
    std::ostringstream s;
    s << std::setprecision(precision) << *v * scale << unit;
    return s.str();
}

// A time in seconds with a readable unit (ns for gates, µs for T1/T2, s for trapped ions).
inline std::string formatTime(const std::optional<double>& seconds)
{
    if (!seconds)
        return "n/a";
    if (*seconds >= 0.1)
        return formatValue(seconds, 1, 3, " s");
    if (*seconds >= 1e-3)
        return formatValue(seconds, 1e3, 3, " ms");
    if (*seconds >= 1e-6)
        return formatValue(seconds, 1e6, 4, " us");
    return formatValue(seconds, 1e9, 4, " ns");
}

inline std::string formatCount(const std::optional<double>& v)
{
    if (!v)
        return "n/a";
    std::ostringstream s;
    s << std::fixed << std::setprecision(0) << *v;
    return s.str();
}

} // namespace qpilot::cli
