// ui/demo/demoslides.h — the content of demo mode as data: the pilot story (title, problem,
// circuit, results, costs, scorecard, verdict) built from one PilotRun and its scorecards.
// Every number on a slide is read from the run or the scorecard (formatted with the report's
// formatNumber/formatUsd/formatSeconds); charts are report::Charts painted by the report's
// chart painter. DemoWindow (demomode.h) paints them.
#pragma once

#include "core/pilot/pilot.h"
#include "core/pilot/run.h"
#include "core/readiness/readiness.h"
#include "core/report/report.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace qpilot::ui {

struct DemoFigure {
    QString label;                                // "Cost per 1k inferences · ibm_torino"
    QString value;                                // "$104,163"
    QString note;                                 // "objective ≤ $10.00"
    int rating = -1;                              // -1 none, else readiness::Rating as int
};

struct DemoSlide {
    QString key;                                  // "title", "problem", "circuit", "results", "costs", "scorecard", "verdict"
    QString title;
    QString subtitle;
    QStringList paragraphs;
    QStringList bullets;
    std::vector<DemoFigure> figures;
    std::optional<qpilot::report::Chart> chart;
    std::vector<qpilot::readiness::DimensionScore> rag;  // scorecard slide
    int verdictRating = -1;                       // verdict slide (and title slide badge)
    QString verdict;
    QString circuitQasm;                          // circuit slide: the model circuit drawn beside the chart
};

// The slides of `run` (its best scored device leads the scorecard and verdict slides). An
// empty run (no scored device) still gives the title and problem slides and says so.
std::vector<DemoSlide> buildDemoSlides(const qpilot::pilot::PilotRun& run, const qpilot::pilot::Pilot& pilot,
                                       const qpilot::readiness::RunScorecards& cards);

} // namespace qpilot::ui
