// ui/report/reportstyle.h — the report's look in one place: page geometry (A4 laid out in
// 300-dpi dots), fonts (DejaVu Sans at fixed pixel sizes, so metrics do not depend on the
// paint device), the colour-blind-safe Okabe–Ito series palette, and the red/amber/green
// rating colours used by the cover, the key-figure tiles, the table markers and the charts;
// and ChartTheme, the colours of a chart's chrome: the report's white paper, or (the one mapping
// for every chart on screen) a widget palette.
#pragma once

#include <QColor>
#include <QFont>
#include <QString>

class QPalette;

namespace qpilot::ui::report {

// Layout unit: one dot at kLayoutDpi. Every coordinate of the layout engine is in dots.
constexpr double kLayoutDpi = 300.0;
constexpr double mm(double v) { return v * kLayoutDpi / 25.4; }
constexpr double pt(double v) { return v * kLayoutDpi / 72.0; }

struct PageGeometry {
    double width = mm(210), height = mm(297);     // A4 portrait
    double left = mm(20), right = mm(20);
    double top = mm(22), bottom = mm(20);         // the header / footer live inside these margins
    double contentWidth() const { return width - left - right; }
    double contentHeight() const { return height - top - bottom; }
};

// A DejaVu Sans font of `points` (converted to layout dots; pixel-sized so that measuring and
// painting agree on every device).
QFont reportFont(double points, bool bold = false, bool italic = false);
// The same font for QCustomPlot, whose own coordinate unit is `dotsPerUnit` layout dots.
QFont chartFont(double points, double dotsPerUnit, bool bold = false);

// Okabe–Ito palette (blue, reddish purple, sky blue, orange, bluish green, vermillion, black,
// yellow), cycled for series index i.
QColor seriesColor(int i);

// Rating colours (rating as int: 0 red, 1 amber, 2 green; anything else: neutral grey).
constexpr bool isRating(int rating) { return rating >= 0 && rating <= 2; }
QColor ratingStrong(int rating);   // markers, bars, banner edge
QColor ratingDark(int rating);     // text on a tinted background
QColor ratingTint(int rating);     // banner / tile background
QString ratingWord(int rating);    // "Red", "Amber", "Green", "" for none

namespace colors {
inline QColor text() { return QColor(0x1f, 0x23, 0x28); }
inline QColor muted() { return QColor(0x5f, 0x67, 0x70); }
inline QColor rule() { return QColor(0xc8, 0xce, 0xd6); }
inline QColor accent() { return QColor(0x0b, 0x3d, 0x6b); }      // headings, cover band
inline QColor headerFill() { return QColor(0xdf, 0xe6, 0xee); }
inline QColor zebra() { return QColor(0xf4, 0xf6, 0xf9); }
} // namespace colors

// WCAG 2 contrast ratio of two colours (1 … 21; alpha ignored).
double contrastRatio(const QColor& a, const QColor& b);

// The colours of everything in a chart but its data: what buildChart / paintChart draw the
// background, axes, labels, grid, legend, titles and notes with. Series keep the Okabe–Ito
// palette (series(i)); on a dark background a series colour too dark to read is lifted.
struct ChartTheme {
    QColor background;   // plot background (paper / palette Base)
    QColor text;         // tick labels, axis titles, legend text, radar labels
    QColor muted;        // axis lines and ticks, notes, captions, radar ring values, "No data"
    QColor title;        // chart titles
    QColor grid;         // grid lines
    QColor zeroLine;     // the grid's zero line
    QColor subGrid;      // logarithmic sub-grid
    QColor ring;         // radar rings and spokes
    QColor ringOuter;    // the radar's outer ring
    QColor reference;    // dashed reference lines
    QColor ink;          // error bars, reference-line labels
    QColor hidden;       // legend text of a hidden series
    bool dark = false;   // light text on a dark background

    // seriesColor(i), lightened (same hue) until it stands 4.5:1 from a dark background when it
    // does not reach 3:1 (only the dark grey #444444 of the palette on the workbench's dark Base).
    QColor series(int i) const;
    // The background at `alpha`: the halo behind labels drawn over data.
    QColor halo(int alpha) const;
    bool operator==(const ChartTheme& o) const;
    bool operator!=(const ChartTheme& o) const { return !(*this == o); }
};

// The report's chart colours (white paper): what the PDF always uses, whatever the
// application's palette.
ChartTheme reportChartTheme();
// Chart colours for a widget palette (on screen): background = Base, text = Text, the rest
// mixed from the two (so any light or dark palette works), titles in the report's accent or,
// where that is too dark to read on the background, a lighter shade of it.
ChartTheme chartTheme(const QPalette& palette);

} // namespace qpilot::ui::report
