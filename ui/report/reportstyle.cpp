// ui/report/reportstyle.cpp — fonts, palette and rating colours of the PDF report; chart themes
// (the report's, and the one palette → chart colours mapping used on screen).
#include "ui/report/reportstyle.h"

#include <QPalette>
#include <QtMath>

#include <algorithm>
#include <cmath>

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
double channel(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor& c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

// `a` moved a fraction `t` of the way to `b` (in sRGB; opaque).
QColor mix(const QColor& a, const QColor& b, double t)
{
    auto m = [t](int x, int y) { return int(std::lround(x + (y - x) * t)); };
    return QColor(m(a.red(), b.red()), m(a.green(), b.green()), m(a.blue(), b.blue()));
}

// `c` with its HSL lightness moved away from `background` until the contrast reaches `ratio`
// (or the lightness runs out): same hue, readable shade.
QColor readableOn(QColor c, const QColor& background, double ratio)
{
    const bool lighten = luminance(background) < 0.18;
    for (int step = 0; step < 100 && contrastRatio(c, background) < ratio; ++step) {
        const double l = c.lightnessF();
        if ((lighten && l >= 1.0) || (!lighten && l <= 0.0))
            break;
        c = QColor::fromHslF(c.hslHueF() < 0 ? 0 : c.hslHueF(), c.hslSaturationF(),
                             std::clamp(l + (lighten ? 0.01 : -0.01), 0.0, 1.0));
    }
    return c.toRgb();
}

} // namespace

double contrastRatio(const QColor& a, const QColor& b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor ChartTheme::series(int i) const
{
    const QColor c = seriesColor(i);
    if (!dark || contrastRatio(c, background) >= 3.0)
        return c;
    return readableOn(c, background, 4.5);
}

QColor ChartTheme::halo(int alpha) const
{
    QColor c = background;
    c.setAlpha(alpha);
    return c;
}

bool ChartTheme::operator==(const ChartTheme& o) const
{
    return background == o.background && text == o.text && muted == o.muted && title == o.title && grid == o.grid
        && zeroLine == o.zeroLine && subGrid == o.subGrid && ring == o.ring && ringOuter == o.ringOuter
        && reference == o.reference && ink == o.ink && hidden == o.hidden && dark == o.dark;
}

ChartTheme reportChartTheme()
{
    ChartTheme t;
    t.background = QColor(Qt::white);
    t.text = colors::text();
    t.muted = colors::muted();
    t.title = colors::accent();
    t.grid = QColor(0xdc, 0xe0, 0xe5);
    t.zeroLine = QColor(0xb8, 0xbe, 0xc6);
    t.subGrid = QColor(0xf0, 0xf2, 0xf4);
    t.ring = QColor(0xd6, 0xdb, 0xe1);
    t.ringOuter = QColor(0xa8, 0xb0, 0xb9);
    t.reference = QColor(0x33, 0x33, 0x33);
    t.ink = QColor(0x22, 0x22, 0x22);
    t.hidden = colors::rule();
    t.dark = false;
    return t;
}

ChartTheme chartTheme(const QPalette& palette)
{
    ChartTheme t;
    t.background = palette.color(QPalette::Active, QPalette::Base);
    t.background.setAlpha(255);
    t.text = palette.color(QPalette::Active, QPalette::Text);
    t.text.setAlpha(255);
    if (contrastRatio(t.text, t.background) < 4.5) // a palette with unreadable Text: pick a side
        t.text = luminance(t.background) < 0.18 ? QColor(0xe6, 0xe6, 0xe6) : QColor(0x1f, 0x23, 0x28);
    t.dark = luminance(t.background) < luminance(t.text);
    // shares chosen so that on white with near-black text they give the report's greys
    t.muted = mix(t.text, t.background, 0.35);
    t.grid = mix(t.text, t.background, t.dark ? 0.80 : 0.86);
    t.zeroLine = mix(t.text, t.background, t.dark ? 0.62 : 0.72);
    t.subGrid = mix(t.text, t.background, t.dark ? 0.88 : 0.94);
    t.ring = t.grid;
    t.ringOuter = t.zeroLine;
    t.reference = mix(t.text, t.background, 0.12);
    t.ink = t.text;
    t.hidden = mix(t.text, t.background, 0.7);
    t.title = readableOn(colors::accent(), t.background, 4.5);
    return t;
}

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
