// ui/report/reportrenderer.h — entry header of ui/report: renders a report::Document (built in
// core/report) to an A4 PDF or to page images, with one layout so the CLI (offscreen) and the
// GUI produce identical reports. Page 1 is the cover (title, verdict banner coloured by rating,
// key-figure tiles, generated date and run id); the sections then flow across pages with a
// header (report title, subtitle) and a footer (Document::footer, "Page N of M") on each.
//
// Requirements: a QApplication (QCustomPlot charts are QWidgets) and the GUI thread. With no
// display, create the application on the offscreen platform (QT_QPA_PLATFORM=offscreen or
// `-platform offscreen`). Without a QApplication both functions refuse instead of crashing.
#pragma once

#include "core/common/result.h"
#include "core/report/report.h"

#include <QImage>
#include <QList>
#include <QString>

#include <optional>

namespace qpilot::ui {

// Writes `doc` as a PDF (A4, 300 dpi, vector charts, embedded DejaVu Sans, title/creator
// metadata) to `path`. Atomic: written to a temporary file and renamed into place, so a failure
// leaves no partial file. Returns an Error naming the path when it cannot be written.
std::optional<qpilot::Error> renderReportPdf(const qpilot::report::Document& doc, const QString& path);

// The same pages as images at `dpi` (clamped to 20..600), white background, for a preview.
// Empty when no QApplication exists.
QList<QImage> renderReportPages(const qpilot::report::Document& doc, int dpi);

// Number of pages `doc` lays out to (cover included); the same for the PDF and the images.
int reportPageCount(const qpilot::report::Document& doc);

} // namespace qpilot::ui
