// core/circuit/qasm_format.h — small text helpers shared by the OpenQASM writers and dialects.
#pragma once

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace qpilot {

// Shortest decimal text that reads back to the same double (no pi forms), e.g. durations.
inline std::string formatNumber(double value)
{
    char buf[64];
    for (int precision = 15; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, value);
        if (std::strtod(buf, nullptr) == value)
            break;
    }
    return buf;
}

} // namespace qpilot
