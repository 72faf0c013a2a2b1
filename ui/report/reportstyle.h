// ui/report/reportstyle.h — the report's look in one place: page geometry (A4 laid out in
// 300-dpi dots), fonts (DejaVu Sans at fixed pixel sizes, so metrics do not depend on the
// paint device), the colour-blind-safe Okabe–Ito series palette, and the red/amber/green
// rating colours used by the cover, the key-figure tiles, the table markers and the charts.
#pragma once

#include <QColor>
#include <QFont>
#include <QString>

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

} // namespace qpilot::ui::report
