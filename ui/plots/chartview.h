// ui/plots/chartview.h — one interactive dashboard chart: a QCustomPlot built from a
// DashboardChart through the report's chart builder (ui/report/reportcharts.h, so the app and the
// PDF report share fonts, palette and axes), plus what a screen adds: hover tooltips naming the
// nearest data point with its units, wheel zoom and drag pan (double-click resets), legend items
// that toggle their series, a context menu, and export as PNG, SVG or PDF. ChartPanel frames one
// view with a small toolbar (export, reset) and the chart's caption. Colours follow the widget's
// palette (report::chartTheme): a palette change (e.g. the dark theme) rebuilds the chart in the
// new colours, keeping zoom, pan and hidden series; exports are drawn as on screen.
#pragma once

#include "core/common/result.h"
#include "ui/plots/dashboardcharts.h"
#include "ui/report/reportstyle.h"

#include <qcustomplot.h>

#include <QWidget>

#include <optional>

class QLabel;
class QToolBar;

namespace qpilot::ui::plots {

class ChartView : public QCustomPlot {
    Q_OBJECT

public:
    explicit ChartView(QWidget* parent = nullptr);

    // Builds the chart, or its empty-state text when chart.empty is set, in the colours of the
    // widget's palette.
    void setDashboardChart(const DashboardChart& chart);
    // The colours the chart is drawn with (report::chartTheme of the palette it was built in).
    const qpilot::ui::report::ChartTheme& theme() const { return m_theme; }
    const DashboardChart& dashboardChart() const { return m_chart; }
    QString title() const;
    bool isEmptyState() const { return !m_chart.empty.isEmpty(); }

    // The series (plottable with a legend entry) called `name`; nullptr when none.
    QCPAbstractPlottable* series(const QString& name) const;
    QStringList seriesNames() const;
    // Shows or hides a series with its error bars and greys its legend entry (a legend click
    // also toggles the series that share the clicked entry, e.g. a device's ZNE points).
    void setSeriesVisible(QCPAbstractPlottable* plottable, bool visible);

    // Tooltip text of the data point nearest `pos` (widget pixels, within the selection
    // tolerance), "" when there is none. Text of point `index` of `plottable`.
    QString tooltipAt(const QPoint& pos) const;
    QString pointText(QCPAbstractPlottable* plottable, int index) const;
    // Pixel position of point `index` of `plottable` (bars: the bar's centre, colour map: the cell).
    QPointF pointPosition(QCPAbstractPlottable* plottable, int index) const;

    // Axis ranges as first drawn.
    void resetView();
    // Writes the chart as .png, .svg or .pdf (by suffix) at width × height pixels (0: the
    // widget's size, at least 800 × 500). Errors: unknown suffix, file not writable.
    std::optional<Error> exportTo(const QString& path, int width = 0, int height = 0);
    // Asks for a file name and exports (context menu, toolbar).
    void exportWithDialog(const QString& suffix);

signals:
    void seriesVisibilityChanged(const QString& name, bool visible);

protected:
    bool event(QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    // A fresh default layout (one axis rect with its four axes, an inset legend), as
    // QCustomPlot's constructor makes it: the chart can be built again in the same view.
    void resetLayout();
    void build();
    // Rebuilds in the palette's colours when they differ from the chart's (zoom, pan and hidden
    // series kept).
    void followPalette();
    void onLegendClick(QCPLegend* legend, QCPAbstractLegendItem* item, QMouseEvent* event);
    void styleSeries();
    void addCategoryNotes();
    void saveRanges();
    // The series whose legend entry stands for `p` (ZNE points → their device's fit), else p.
    QCPAbstractPlottable* companionOf(QCPAbstractPlottable* p) const;

    DashboardChart m_chart;
    bool m_built = false;
    qpilot::ui::report::ChartTheme m_theme;
    std::vector<std::pair<QCPAxis*, QCPRange>> m_ranges;
};

// A chart with its toolbar (Export PNG / SVG / PDF, Reset view) and caption.
class ChartPanel : public QWidget {
    Q_OBJECT

public:
    explicit ChartPanel(QWidget* parent = nullptr);
    ChartView* view() const { return m_view; }
    void setDashboardChart(const DashboardChart& chart);

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyPalette(); // toolbar text and caption in the palette's muted colour

    ChartView* m_view = nullptr;
    QLabel* m_caption = nullptr;
    QToolBar* m_bar = nullptr;
};

// Layout dots per plot pixel on this screen: fonts of the report's point sizes, slightly larger
// for reading at a distance.
double screenDotsPerPixel(const QWidget* widget);

} // namespace qpilot::ui::plots
