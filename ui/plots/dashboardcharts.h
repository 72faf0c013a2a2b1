// ui/plots/dashboardcharts.h — what each dashboard chart shows, as data: a pilot::PilotRun →
// report::Chart values (the same chart model the PDF report draws, so both look alike) plus the
// units the hover tooltips print, the empty-state text when the run lacks the chart's data, and
// the few touches a report chart has no field for (series drawn as points only or as a line only,
// bars left out because the figure is unknown, notes written over a category). Pure functions of
// the run: no widgets, testable without a display.
#pragma once

#include "core/pilot/run.h"
#include "core/report/report.h"

#include <QString>

#include <utility>
#include <vector>

namespace qpilot::ui::plots {

struct DashboardChart {
    QString page;                      // "Encoding cost", "Mitigation", ...
    QString id;                        // stable key: "encoding-curve", "cost-per-1k", ...
    qpilot::report::Chart chart;       // title, axis labels with units, series
    QString xUnit, yUnit;              // printed after the values in tooltips ("features", "USD")
    QString empty;                     // non-empty: the run lacks this chart's data; shown instead
    QString caption;                   // one line under the chart: where the numbers come from
    std::vector<QString> pointsOnly;   // series (by name) drawn as markers without a line
    std::vector<QString> lineOnly;     // series drawn as a line without markers
    std::vector<int> seriesColors;     // palette index per series (empty: series i gets colour i)
    // (series, category index 0-based) of bars whose value is unknown: left out, never a fake 0
    std::vector<std::pair<int, int>> unknownBars;
    std::vector<std::pair<int, QString>> categoryNotes; // category index 0-based → note over it
};

// The dashboard pages, in order.
std::vector<QString> dashboardPages();

// Every chart of the dashboards for `run`, page by page (in dashboardPages() order).
std::vector<DashboardChart> dashboardCharts(const pilot::PilotRun& run);

// Device ids "NAME@DATE" grouped by NAME (calibration snapshots of one device), in run order;
// only names with at least one dated snapshot.
std::vector<std::pair<std::string, std::vector<int>>> snapshotGroups(const pilot::PilotRun& run);

// Off-diagonal values (upper triangle) of the run's kernel sample.
std::vector<double> kernelOffDiagonal(const pilot::PilotRun& run);

} // namespace qpilot::ui::plots
