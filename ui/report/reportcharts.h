// ui/report/reportcharts.h — builds one report::Chart into a QCustomPlot (shared with the
// interactive dashboards of ui/plots, so the app and the PDF look the same) and paints it as vector graphics into a rectangle of a
// page: QCustomPlot (rendered through QCustomPlot::toPainter) for bar, grouped/stacked bar,
// line, scatter, histogram and heat-map charts, and a QPainter radar chart (QCustomPlot has
// none). Needs a QApplication (QCustomPlot is a QWidget); the offscreen platform is enough.
//
// How the chart data is read:
//  - Bar / GroupedBar / StackedBar / Radar: `categories` name the bars (radar axes); each
//    series holds one y per category (`error`, when present, adds ± error bars). Bar with more
//    than one series is drawn grouped. Radar's scale is 0..yMax (100 when yMax is 0).
//  - Line / Scatter: each series holds x and y (x empty: 1..n, labelled by `categories` when
//    their count matches).
//  - Histogram: per series either raw samples (x empty, no categories: binned here with the
//    Freedman–Diaconis rule on the pooled samples), bin centres (x.size() == y.size()), bin
//    edges (x.size() == y.size() + 1) or counts per category (x empty, categories given).
//  - HeatMap: `matrix[row][column]`, rows drawn top-down; `categories` label both axes when
//    their count matches; the colour scale spans yMin..yMax (or the data's range) and is
//    titled with the first series' name when there is one. Cells of matrices up to 12×12
//    carry their values.
//  - logY: logarithmic value axis (non-positive values are left out of the range).
//  - referenceLines: dashed horizontal lines labelled at their right end.
#pragma once

#include "core/report/report.h"
#include "ui/report/reportstyle.h"

#include <QRectF>

#include <functional>

class QCPPainter;
class QCustomPlot;

namespace qpilot::ui::report {

// Height (layout dots) of the plot area of `chart` drawn `width` dots wide.
double chartPlotHeight(const qpilot::report::Chart& chart, double width);

// Builds `chart` into a fresh `plot` exactly as the report draws it,
// sized for a plot whose pixel is `dotsPerPixel` layout dots (the report: 2, i.e. 150 dpi; a
// screen: kLayoutDpi / its logical dpi). `widthPx`: the plot's width in its pixels (category
// labels wrap to it). The radar kind is drawn as bars here (QCustomPlot has no radar).
// `theme`: the colours; the report's (white paper) unless a screen passes chartTheme(palette).
void buildChart(QCustomPlot& plot, const qpilot::report::Chart& chart, int widthPx, double dotsPerPixel,
                const ChartTheme& theme = reportChartTheme());

// Paints the plot area of `chart` (no title or caption) into `rect` (layout dots).
void paintChart(QCPPainter& painter, const qpilot::report::Chart& chart, const QRectF& rect,
                const ChartTheme& theme = reportChartTheme());

// Recolours the chrome of any QCustomPlot (background, every axis with its grid, colour-scale
// axes, title text elements of the plot layout, the legend and its items): for plots built
// by hand (the pilot editor's curve, the results histograms) to follow a palette.
void applyChartTheme(QCustomPlot& plot, const ChartTheme& theme);
// Keeps a hand-built `plot` in its palette's colours: applyChartTheme(chartTheme(palette)) now
// and after every palette change of the plot (the theme switched at run time), followed on a
// change by `after` (recolour what the caller drew: graphs, items), then a replot.
void followPalette(QCustomPlot* plot, std::function<void()> after = {});

} // namespace qpilot::ui::report
