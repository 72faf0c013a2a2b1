// ui/report/reportlayout.h — the report's layout engine: turns a report::Document into
// fragments (heading, paragraph line, key-figure row, table caption/header/row, chart) with
// heights measured in layout dots, paginates them (keep-with-next chains, charts whole,
// tables split between rows with their header repeated, forced page breaks), and paints one
// page at a time: the cover (page 1) or a flow page with its header and "Page N of M" footer.
// Pagination is computed once before painting, so every page knows the total.
#pragma once

#include "core/report/report.h"
#include "ui/report/reportstyle.h"

#include <QPointF>

#include <functional>
#include <vector>

class QCPPainter;

namespace qpilot::ui::report {

struct Fragment {
    double spaceBefore = 0;               // dropped at the top of a page
    double height = 0;
    bool keepWithNext = false;            // never last on a page when the next one follows
    bool pageBreak = false;               // a forced break (PageBreak block)
    bool floating = false;                // not in the flow: a table header repeated on new pages
    int repeatHeader = -1;                // table rows: the floating header to repeat
    std::function<void(QCPPainter&, QPointF)> paint; // paints at the top-left of the fragment
};

struct Placement {
    int fragment = 0;
    double y = 0;                         // from the top of the content area
};

struct Layout {
    PageGeometry page;
    std::vector<Fragment> fragments;
    std::vector<std::vector<Placement>> flowPages;   // the pages after the cover
    int pageCount() const { return 1 + int(flowPages.size()); }
};

Layout layoutDocument(const qpilot::report::Document& doc);

// Paints page `index` (0 = cover) of `layout` in layout dots (the caller maps dots to the device).
void paintPage(QCPPainter& painter, const qpilot::report::Document& doc, const Layout& layout, int index);

} // namespace qpilot::ui::report
