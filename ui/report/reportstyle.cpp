// ui/report/reportstyle.cpp — fonts, palette and rating colours of the PDF report.
#include "ui/report/reportstyle.h"

#include <QtMath>

namespace qpilot::ui::report {

namespace {
QFont makeFont(int pixels, bool bold, bool italic)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setStyleHint(QFont::SansSerif);
    f.setPixelSize(qMax(1, pixels));
    f.setBold(bold);
    f.setItalic(italic);
    f.setKerning(true);
    f.setHintingPreference(QFont::PreferNoHinting); // same advances at every scale
    return f;
}
} // namespace

QFont reportFont(double points, bool bold, bool italic)
{
    return makeFont(qRound(pt(points)), bold, italic);
}

QFont chartFont(double points, double dotsPerUnit, bool bold)
{
    return makeFont(qRound(pt(points) / dotsPerUnit), bold, false);
}

QColor seriesColor(int i)
{
    // The colours the ratings use (orange, bluish green, vermillion) come last, so a series
    // is not mistaken for a rating in the common 1–3 series charts; the first three (blue,
    // reddish purple, dark grey) stay apart in hue and lightness.
    static const QColor kPalette[] = {
        QColor(0x00, 0x72, 0xb2), QColor(0xcc, 0x79, 0xa7), QColor(0x44, 0x44, 0x44),
        QColor(0x56, 0xb4, 0xe9), QColor(0xe6, 0x9f, 0x00), QColor(0x00, 0x9e, 0x73),
        QColor(0xd5, 0x5e, 0x00), QColor(0xf0, 0xe4, 0x42)};
    constexpr int n = int(sizeof(kPalette) / sizeof(kPalette[0]));
    return kPalette[((i % n) + n) % n];
}

QColor ratingStrong(int rating)
{
    switch (rating) {
    case 0: return QColor(0xd5, 0x5e, 0x00);   // Okabe–Ito vermillion
    case 1: return QColor(0xe6, 0x9f, 0x00);   // orange
    case 2: return QColor(0x00, 0x9e, 0x73);   // bluish green
    default: return QColor(0x9a, 0xa2, 0xab);
    }
}

QColor ratingDark(int rating)
{
    switch (rating) {
    case 0: return QColor(0x8f, 0x33, 0x00);
    case 1: return QColor(0x7a, 0x50, 0x00);
    case 2: return QColor(0x00, 0x5c, 0x43);
    default: return colors::text();
    }
}

QColor ratingTint(int rating)
{
    switch (rating) {
    case 0: return QColor(0xfb, 0xe7, 0xdb);
    case 1: return QColor(0xfd, 0xf2, 0xd9);
    case 2: return QColor(0xdb, 0xf2, 0xea);
    default: return QColor(0xee, 0xf0, 0xf3);
    }
}

QString ratingWord(int rating)
{
    switch (rating) {
    case 0: return QStringLiteral("Red");
    case 1: return QStringLiteral("Amber");
    case 2: return QStringLiteral("Green");
    default: return {};
    }
}

} // namespace qpilot::ui::report
