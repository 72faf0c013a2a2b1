// SPDX-License-Identifier: GPL-3.0-or-later
// ui/results/measuredcounts.h — counts measured outside the simulator (a completed cloud job) for
// the circuit in the editor. The results dock draws them beside the live simulation while the
// editor holds exactly the circuit that was measured (ResultsPanel::setMeasured).
#pragma once

#include <QString>

#include <cstdint>
#include <map>
#include <string>

namespace qpilot {

struct MeasuredCounts {
    QString label;                              // the legend's name: "Measured (job 3)"
    QString description;                        // the status line's: "cloud job 3 on qpu.aria-1, 200 shots"
    std::map<std::string, std::int64_t> counts; // over the classical register, bit 0 rightmost
    QString profileId;                          // the device's Qpilot profile for the noisy series ("" none)
};

} // namespace qpilot
