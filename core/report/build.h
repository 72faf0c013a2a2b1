// core/report/build.h — internal to core/report: the context the section builders share and
// the small helpers they use (number text, charts that are only added when they have data).
// Not an entry header: use core/report/report.h.
#pragma once

#include "core/report/report.h"

#include <string>
#include <vector>

namespace qpilot::report::detail {

struct Context {
    const pilot::PilotRun& run;
    const pilot::Pilot& pilot;
    const readiness::RunScorecards& cards;
    const std::string& runId;
    const ReportOptions& options;

    // The scorecard of device `i` of the run, nullptr when the device failed.
    const readiness::Scorecard* cardFor(int deviceIndex) const;
    const readiness::Scorecard* best() const;
    // Indices of the devices that completed (no error), in run order.
    std::vector<int> okDevices() const;
    std::string baselineName() const;                 // best tuned baseline ("" when none)
    double baselineAccuracy() const;
};

std::string num(double v, int significant = 3);
std::string usd(double v);
std::string secs(double v);
std::string deviceLabel(const pilot::DeviceOutcome& d);   // "IBM Heron r1 (ibm_torino)" or the id

// A chart has data when it has a series with a finite value (positive for log scales, all
// series the size of the categories for category charts).
bool hasData(const Chart& c);
// Adds the chart, or — without data — a paragraph saying why it is skipped.
void addChart(Section& s, Chart c, const std::string& whyMissing);
void addParagraph(Section& s, const std::string& text);

Section executiveSummary(const Context& c);
Section scorecardSection(const Context& c);
Section deviceComparison(const Context& c);
Section costAndLatency(const Context& c);
Section mitigationOverhead(const Context& c);
Section encodingCost(const Context& c);
Section quantumVsClassical(const Context& c);
Section reproducibility(const Context& c);
Section whatWouldHaveToChange(const Context& c);
Section appendix(const Context& c);

} // namespace qpilot::report::detail
