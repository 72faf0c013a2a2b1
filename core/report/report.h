// core/report/report.h — the readiness report as data: a cover (title, verdict, key figures),
// then sections of paragraphs, tables, charts (series values, axes, units, log scales) and key
// figures, built from a pilot run and its scorecards. No painting here: ui/report renders the
// same document to PDF (and on screen), so the CLI and the GUI produce identical reports.
#pragma once

#include "core/pilot/pilot.h"
#include "core/pilot/run.h"
#include "core/readiness/readiness.h"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace qpilot::report {

struct Paragraph {
    std::string text;                             // plain text; **bold** spans allowed
};

struct KeyFigure {
    std::string label;                            // "Cost per 1k inferences"
    std::string value;                            // "$41.20"
    std::string note;                             // "objective ≤ $10"
    int rating = -1;                              // -1 none, else readiness::Rating as int
};
struct KeyFigures {
    std::vector<KeyFigure> figures;
};

struct Table {
    std::string caption;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<int> rowRatings;                  // per row: -1 none, else readiness::Rating (colours a row marker)
    std::vector<bool> numericColumns;             // right-aligned columns (size = header)
};

enum class ChartKind { Bar, GroupedBar, StackedBar, Line, Scatter, Radar, Histogram, HeatMap };

struct Series {
    std::string name;
    std::vector<double> x;                        // Line/Scatter; empty for category charts
    std::vector<double> y;                        // one value per category (bar, radar) or per x
    std::vector<double> error;                    // optional ± error bars (same size as y)
};

struct Chart {
    ChartKind kind = ChartKind::Bar;
    std::string title;
    std::string xLabel, yLabel;                   // with units: "Cost per 1k inferences (USD)"
    bool logY = false;
    std::vector<std::string> categories;          // bar/radar axes
    std::vector<Series> series;
    std::vector<std::pair<std::string, double>> referenceLines; // horizontal lines: label, y ("objective")
    std::vector<std::vector<double>> matrix;      // HeatMap only
    double yMin = 0, yMax = 0;                    // both 0 = automatic
    std::string caption;                          // what the reader should see in it
};

struct PageBreak {};

using Block = std::variant<Paragraph, KeyFigures, Table, Chart, PageBreak>;

struct Section {
    std::string heading;
    std::vector<Block> blocks;
};

struct Document {
    std::string title;                            // "Quantum ML pilot readiness report"
    std::string subtitle;                         // pilot title
    std::string verdict;                          // verdictTitle
    int verdictRating = 0;                        // readiness::Rating as int
    std::string verdictSentence;
    std::vector<KeyFigure> coverFigures;
    std::string generatedAt;                      // ISO 8601 UTC
    std::string runId;                            // store id when known
    std::string footer;                           // "Qpilot 0.1.0 · run 12 · seed 1"
    std::vector<Section> sections;                // executive summary first, appendix last
};

// Builds the report of `run` (with its scorecards). `runId` is the store's id ("" if not stored).
Document buildReport(const pilot::PilotRun& run, const pilot::Pilot& pilot,
                     const readiness::RunScorecards& cards, const std::string& runId);

// What the caller may know beyond the run (the store and the CLI do): the run's result digest
// (pilot::resultDigest), the outcome of a reproduce check, and a fixed generation time (tests,
// re-rendering a stored report identically).
struct ReportOptions {
    std::string resultDigest;                     // "" = not shown (the appendix says where to get it)
    std::optional<bool> reproduced;               // nullopt: no reproduce check ran
    std::string generatedAt;                      // ISO 8601 UTC; "" = now
};
Document buildReport(const pilot::PilotRun& run, const pilot::Pilot& pilot,
                     const readiness::RunScorecards& cards, const std::string& runId, const ReportOptions& options);

// The section headings buildReport produces, in order (a section is always present; its
// content says when data is missing).
std::vector<std::string> sectionHeadings();

} // namespace qpilot::report
