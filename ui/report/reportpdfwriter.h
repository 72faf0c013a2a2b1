// ui/report/reportpdfwriter.h — (internal to ui/report) the PDF page setup every report PDF
// shares: A4 portrait without margins at the layout's 300 dpi, title and creator metadata.
// Used by renderReportPdf (one call) and the preview's page-by-page render.
#pragma once

#include "core/report/report.h"

class QPdfWriter;

namespace qpilot::ui::report {

void setupReportPdfWriter(QPdfWriter& writer, const qpilot::report::Document& doc);

} // namespace qpilot::ui::report
