// ui/report/reportcharts.cpp — report::Chart → vector graphics: QCustomPlot for the cartesian
// kinds and the heat map, QPainter for the radar chart. See reportcharts.h for the data rules.
#include "ui/report/reportcharts.h"

#include "ui/report/reportstyle.h"
#include "ui/report/richtext.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace qpilot::ui::report {

using qpilot::report::Chart;
using qpilot::report::ChartKind;
using qpilot::report::Series;

namespace {

constexpr double kUnit = 2.0;          // layout dots per QCustomPlot pixel (report plots drawn at 150 dpi)

// Sizes in points → QCustomPlot pixels for a plot whose pixel is `unit` layout dots, and the
// colours to draw with.
struct Scale {
    double unit = kUnit;
    ChartTheme theme = reportChartTheme();
    double px(double points) const { return pt(points) / unit; }
    QFont font(double points, bool bold = false) const { return chartFont(points, unit, bold); }
};

QVector<double> toVector(const std::vector<double>& v) { return QVector<double>(v.begin(), v.end()); }

// Inserts line breaks at spaces so that no line is much longer than `maxChars`.
QString wrapLabel(const QString& label, int maxChars)
{
    if (label.size() <= maxChars)
        return label;
    QStringList lines;
    QString cur;
    for (const QString& w : label.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!cur.isEmpty() && cur.size() + 1 + w.size() > maxChars) {
            lines << cur;
            cur = w;
        } else {
            cur = cur.isEmpty() ? w : cur + QLatin1Char(' ') + w;
        }
    }
    if (!cur.isEmpty())
        lines << cur;
    return lines.join(QLatin1Char('\n'));
}

void colorAxis(QCPAxis* a, const ChartTheme& theme)
{
    const QPen axisPen(theme.muted, 1.0);
    a->setBasePen(axisPen);
    a->setTickPen(axisPen);
    a->setSubTickPen(axisPen);
    a->setTickLabelColor(theme.text);
    a->setLabelColor(theme.text);
    a->grid()->setPen(QPen(theme.grid, 0.8));
    a->grid()->setZeroLinePen(QPen(theme.zeroLine, 0.8));
    a->grid()->setSubGridPen(QPen(theme.subGrid, 0.5));
}

void styleAxis(QCPAxis* a, const Scale& sc)
{
    colorAxis(a, sc.theme);
    a->setTickLength(0, 4);
    a->setSubTickLength(0, 2);
    a->setTickLabelFont(sc.font(8));
    a->setLabelFont(sc.font(8.5));
    a->setLabelPadding(int(sc.px(4)));
    a->grid()->setSubGridVisible(false);
}

void setupPlot(QCustomPlot& plot, const Chart& chart, const Scale& sc)
{
    plot.setBackground(QBrush(sc.theme.background));
    plot.setAntialiasedElements(QCP::aeAll);
    plot.setAutoAddPlottableToLegend(false);
    styleAxis(plot.xAxis, sc);
    styleAxis(plot.yAxis, sc);
    plot.xAxis->setLabel(qs(chart.xLabel));
    plot.yAxis->setLabel(qs(chart.yLabel));
    plot.axisRect()->setAutoMargins(QCP::msAll);
    plot.plotLayout()->setMargins(QMargins(0, int(sc.px(2)), int(sc.px(4)), 0));
    plot.legend->setFont(sc.font(7.5));
    plot.legend->setTextColor(sc.theme.text);
    plot.legend->setBorderPen(Qt::NoPen);
    plot.legend->setBrush(Qt::NoBrush);
    plot.legend->setIconSize(int(sc.px(12)), int(sc.px(7)));
    plot.legend->setIconTextPadding(int(sc.px(3)));
}

void legendBelow(QCustomPlot& plot, int items, const Scale& sc)
{
    if (items < 2)
        return;
    plot.legend->setVisible(true);
    plot.axisRect()->insetLayout()->take(plot.legend);
    plot.plotLayout()->addElement(1, 0, plot.legend);
    plot.legend->setWrap(std::min(items, 4));
    plot.legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true); // re-flows the items already there
    plot.legend->setColumnSpacing(int(sc.px(10)));
    plot.legend->setMargins(QMargins(0, int(sc.px(3)), 0, 0));
    plot.plotLayout()->setRowStretchFactor(1, 0.001);
    plot.plotLayout()->setRowSpacing(0);
}

struct Span {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    void add(double v, bool logY)
    {
        if (!std::isfinite(v) || (logY && v <= 0))
            return;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    bool valid() const { return lo <= hi; }
};

// The value axis: explicit yMin/yMax, else the data (plus reference lines), padded; bars
// start at zero on linear axes.
void setValueRange(QCPAxis* axis, const Chart& chart, Span span, bool fromZero)
{
    for (const auto& ref : chart.referenceLines)
        span.add(ref.second, chart.logY);
    if (chart.logY) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
        ticker->setLogBase(10);
        ticker->setSubTickCount(8);
        axis->setTicker(ticker);
        // one labelled tick per decade (up to ten decades)
        if (span.valid())
            ticker->setTickCount(std::clamp(int(std::ceil(std::log10(span.hi) - std::floor(std::log10(span.lo)))), 2, 10));
        axis->setNumberFormat(QStringLiteral("gb"));
        axis->setNumberPrecision(6);
        axis->grid()->setSubGridVisible(true);
    }
    if (chart.yMin != 0 || chart.yMax != 0) {
        axis->setRange(chart.yMin, chart.yMax);
        return;
    }
    if (!span.valid()) {
        axis->setRange(chart.logY ? 1 : 0, chart.logY ? 10 : 1);
        return;
    }
    if (chart.logY) {
        double lo = std::pow(10.0, std::floor(std::log10(span.lo)));
        double hi = std::pow(10.0, std::ceil(std::log10(span.hi)));
        if (hi <= lo * 1.0001)
            hi = lo * 10;
        axis->setRange(lo, hi);
        return;
    }
    double lo = span.lo, hi = span.hi;
    if (fromZero) {
        lo = std::min(0.0, lo);
        hi = std::max(0.0, hi);
    }
    double pad = (hi - lo) * 0.08;
    if (pad <= 0)
        pad = std::max(std::abs(hi) * 0.1, 1.0);
    axis->setRange(fromZero && lo >= 0 ? 0 : lo - pad, fromZero && hi <= 0 ? 0 : hi + pad);
}

void addReferenceLines(QCustomPlot& plot, const Chart& chart, const Scale& sc)
{
    for (const auto& [label, y] : chart.referenceLines) {
        auto* line = new QCPItemStraightLine(&plot);
        line->point1->setCoords(0, y);
        line->point2->setCoords(1, y);
        line->setPen(QPen(sc.theme.reference, 1.3, Qt::DashLine));
        if (label.empty())
            continue;
        auto* text = new QCPItemText(&plot);
        text->position->setAxes(plot.xAxis, plot.yAxis);
        text->position->setAxisRect(plot.axisRect());
        text->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
        text->position->setTypeY(QCPItemPosition::ptPlotCoords);
        text->position->setCoords(0.995, y);
        text->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
        text->setText(qs(label));
        text->setFont(sc.font(7));
        text->setColor(sc.theme.ink);
        text->setBrush(sc.theme.halo(210));
        text->setPadding(QMargins(int(sc.px(2)), 0, int(sc.px(2)), int(sc.px(1))));
    }
}

void categoryAxis(QCustomPlot& plot, const std::vector<std::string>& categories, int count, double plotWidthPx, const Scale& sc)
{
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    const double perCategory = plotWidthPx * 0.85 / std::max(1, count);
    const int maxChars = std::max(6, int(perCategory / (sc.px(7.5) * 0.58)));
    for (int i = 0; i < count; ++i) {
        const QString label = i < int(categories.size()) ? qs(categories[size_t(i)]) : QString::number(i + 1);
        ticker->addTick(i + 1, wrapLabel(label, maxChars));
    }
    ticker->setSubTickCount(0);
    plot.xAxis->setTicker(ticker);
    plot.xAxis->setRange(0.45, count + 0.55);
    plot.xAxis->grid()->setVisible(false);
    plot.xAxis->setTickLength(0, 0);
}

int categoryCount(const Chart& chart)
{
    size_t n = chart.categories.size();
    for (const Series& s : chart.series)
        n = std::max(n, s.y.size());
    return int(n);
}

void addErrorBars(QCustomPlot& plot, QCPAbstractPlottable* target, const Series& s, const Scale& sc)
{
    if (s.error.empty())
        return;
    auto* bars = new QCPErrorBars(plot.xAxis, plot.yAxis);
    bars->setDataPlottable(target);
    QVector<double> err = toVector(s.error);
    err.resize(int(s.y.size()));
    bars->setData(err);
    bars->setPen(QPen(sc.theme.ink, 1.1));
    bars->setWhiskerWidth(sc.px(6));
    bars->setSymbolGap(0);
}

void buildBars(QCustomPlot& plot, const Chart& chart, double widthPx, const Scale& sc)
{
    const int n = categoryCount(chart);
    categoryAxis(plot, chart.categories, n, widthPx, sc);
    const bool stacked = chart.kind == ChartKind::StackedBar;
    const int m = int(chart.series.size());
    QCPBarsGroup* group = (!stacked && m > 1) ? new QCPBarsGroup(&plot) : nullptr;
    if (group)
        group->setSpacing(sc.px(1.5));
    QCPBars* below = nullptr;
    Span span;
    std::vector<double> posStack(size_t(n), 0.0), negStack(size_t(n), 0.0);
    for (int si = 0; si < m; ++si) {
        const Series& s = chart.series[size_t(si)];
        auto* bars = new QCPBars(plot.xAxis, plot.yAxis);
        bars->setName(qs(s.name));
        const QColor c = sc.theme.series(si);
        bars->setBrush(c);
        bars->setPen(QPen(c.darker(125), 0.8));
        bars->setWidth(stacked || m == 1 ? 0.62 : 0.8 / m);
        if (chart.logY)
            bars->setBaseValue(1e-300);
        QVector<double> keys;
        for (int i = 0; i < int(s.y.size()); ++i)
            keys << i + 1;
        bars->setData(keys, toVector(s.y), true);
        if (group)
            bars->setBarsGroup(group);
        if (stacked) {
            if (below)
                bars->moveAbove(below);
            below = bars;
            for (size_t i = 0; i < s.y.size() && i < size_t(n); ++i)
                (s.y[i] >= 0 ? posStack[i] : negStack[i]) += s.y[i];
        } else {
            for (size_t i = 0; i < s.y.size(); ++i) {
                const double e = i < s.error.size() ? std::abs(s.error[i]) : 0;
                span.add(s.y[i] + e, chart.logY);
                span.add(s.y[i] - e, chart.logY);
            }
        }
        addErrorBars(plot, bars, s, sc);
        bars->addToLegend();
    }
    if (stacked)
        for (int i = 0; i < n; ++i) {
            span.add(posStack[size_t(i)], chart.logY);
            span.add(negStack[size_t(i)], chart.logY);
        }
    setValueRange(plot.yAxis, chart, span, true);
    legendBelow(plot, m, sc);
}

void buildLines(QCustomPlot& plot, const Chart& chart, double widthPx, const Scale& sc)
{
    const bool scatter = chart.kind == ChartKind::Scatter;
    Span xs, ys;
    bool anyX = false;
    for (const Series& s : chart.series)
        anyX = anyX || !s.x.empty();
    for (int si = 0; si < int(chart.series.size()); ++si) {
        const Series& s = chart.series[size_t(si)];
        auto* g = new QCPGraph(plot.xAxis, plot.yAxis);
        g->setName(qs(s.name));
        const QColor c = sc.theme.series(si);
        QVector<double> x = toVector(s.x);
        if (x.isEmpty())
            for (int i = 0; i < int(s.y.size()); ++i)
                x << i + 1;
        QVector<double> y = toVector(s.y);
        const int k = std::min(x.size(), y.size());
        x.resize(k);
        y.resize(k);
        g->setData(x, y);
        if (scatter) {
            g->setLineStyle(QCPGraph::lsNone);
            QColor fill = c;
            fill.setAlpha(170);
            g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QPen(c.darker(120), 0.6), fill, sc.px(5)));
        } else {
            g->setPen(QPen(c, 1.8));
            static const QCPScatterStyle::ScatterShape kShapes[] = {
                QCPScatterStyle::ssCircle, QCPScatterStyle::ssSquare, QCPScatterStyle::ssTriangle,
                QCPScatterStyle::ssDiamond, QCPScatterStyle::ssCross, QCPScatterStyle::ssPlus};
            g->setScatterStyle(QCPScatterStyle(kShapes[si % 6], QPen(c, 1.2), sc.theme.background, sc.px(4.5)));
        }
        for (int i = 0; i < k; ++i) {
            xs.add(x[i], false);
            const double e = i < int(s.error.size()) ? std::abs(s.error[size_t(i)]) : 0;
            ys.add(y[i] + e, chart.logY);
            ys.add(y[i] - e, chart.logY);
        }
        addErrorBars(plot, g, s, sc);
        g->addToLegend();
    }
    if (!anyX && !chart.categories.empty()) {
        categoryAxis(plot, chart.categories, categoryCount(chart), widthPx, sc);
        plot.xAxis->grid()->setVisible(true);
    } else if (xs.valid()) {
        const double pad = xs.hi > xs.lo ? (xs.hi - xs.lo) * 0.04 : 1;
        plot.xAxis->setRange(xs.lo - pad, xs.hi + pad);
        bool integral = true;
        for (const Series& s : chart.series)
            for (double v : s.x)
                integral = integral && v == std::round(v);
        if (integral) { // features, seeds, qubits: no ticks at 2.5
            QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
            ticker->setTickStep(1);
            ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
            ticker->setTickCount(8);
            plot.xAxis->setTicker(ticker);
            plot.xAxis->setSubTicks(false);
        }
    }
    setValueRange(plot.yAxis, chart, ys, false);
    legendBelow(plot, int(chart.series.size()), sc);
}

// Freedman–Diaconis bin edges of the pooled samples (sqrt rule when the IQR is 0).
std::vector<double> binEdges(std::vector<double> pooled)
{
    std::sort(pooled.begin(), pooled.end());
    const double lo = pooled.front(), hi = pooled.back();
    if (hi <= lo)
        return {lo - 0.5, lo + 0.5};
    const size_t n = pooled.size();
    const double iqr = pooled[n * 3 / 4] - pooled[n / 4];
    int bins = int(std::ceil(std::sqrt(double(n))));
    if (iqr > 0)
        bins = int(std::ceil((hi - lo) / (2 * iqr / std::cbrt(double(n)))));
    bins = std::clamp(bins, 5, 40);
    std::vector<double> edges;
    for (int i = 0; i <= bins; ++i)
        edges.push_back(lo + (hi - lo) * i / bins);
    return edges;
}

void buildHistogram(QCustomPlot& plot, const Chart& chart, double widthPx, const Scale& sc)
{
    std::vector<double> pooled;
    bool raw = chart.categories.empty();
    for (const Series& s : chart.series)
        raw = raw && s.x.empty();
    if (raw)
        for (const Series& s : chart.series)
            pooled.insert(pooled.end(), s.y.begin(), s.y.end());
    if (!raw && chart.series.size() > 0 && chart.series.front().x.empty()) {
        // counts per category
        Chart bars = chart;
        bars.kind = ChartKind::Bar;
        buildBars(plot, bars, widthPx, sc);
        return;
    }
    const std::vector<double> edges = pooled.empty() ? std::vector<double>{} : binEdges(pooled);
    Span ys, xs;
    const int m = int(chart.series.size());
    for (int si = 0; si < m; ++si) {
        const Series& s = chart.series[size_t(si)];
        QVector<double> keys, counts;
        double width = 1;
        if (raw) {
            if (edges.size() < 2)
                continue;
            const int bins = int(edges.size()) - 1;
            counts.fill(0, bins);
            width = edges[1] - edges[0];
            for (double v : s.y) {
                int b = int((v - edges.front()) / width);
                counts[std::clamp(b, 0, bins - 1)] += 1;
            }
            for (int b = 0; b < bins; ++b)
                keys << (edges[size_t(b)] + edges[size_t(b) + 1]) / 2;
            xs.add(edges.front(), false);
            xs.add(edges.back(), false);
        } else if (s.x.size() == s.y.size() + 1) {
            for (size_t b = 0; b < s.y.size(); ++b) {
                keys << (s.x[b] + s.x[b + 1]) / 2;
                counts << s.y[b];
            }
            width = s.y.empty() ? 1 : s.x[1] - s.x[0];
            xs.add(s.x.front(), false);
            xs.add(s.x.back(), false);
        } else {
            keys = toVector(s.x);
            counts = toVector(s.y);
            keys.resize(std::min(keys.size(), counts.size()));
            counts.resize(keys.size());
            width = keys.size() > 1 ? keys[1] - keys[0] : 1;
            if (!keys.isEmpty()) {
                xs.add(keys.front() - width / 2, false);
                xs.add(keys.back() + width / 2, false);
            }
        }
        auto* bars = new QCPBars(plot.xAxis, plot.yAxis);
        bars->setName(qs(s.name));
        QColor c = sc.theme.series(si);
        bars->setPen(QPen(m > 1 ? c.darker(120) : sc.theme.background, 0.8));
        if (m > 1)
            c.setAlpha(140);
        bars->setBrush(c);
        bars->setWidth(std::abs(width));
        if (chart.logY)
            bars->setBaseValue(1e-300);
        bars->setData(keys, counts);
        for (double v : counts)
            ys.add(v, chart.logY);
        bars->addToLegend();
    }
    if (xs.valid())
        plot.xAxis->setRange(xs.lo - (xs.hi - xs.lo) * 0.02, xs.hi + (xs.hi - xs.lo) * 0.02);
    plot.xAxis->grid()->setVisible(false);
    setValueRange(plot.yAxis, chart, ys, true);
    legendBelow(plot, m, sc);
}

QCPColorGradient viridis()
{
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorStopAt(0.0, QColor(0x44, 0x01, 0x54));
    g.setColorStopAt(0.25, QColor(0x3b, 0x52, 0x8b));
    g.setColorStopAt(0.5, QColor(0x21, 0x91, 0x8c));
    g.setColorStopAt(0.75, QColor(0x5e, 0xc9, 0x62));
    g.setColorStopAt(1.0, QColor(0xfd, 0xe7, 0x25));
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    g.setLevelCount(256);
    return g;
}

void buildHeatMap(QCustomPlot& plot, const Chart& chart, const Scale& sc)
{
    const int ny = int(chart.matrix.size());
    int nx = 0;
    for (const auto& row : chart.matrix)
        nx = std::max(nx, int(row.size()));
    if (nx == 0 || ny == 0)
        return;
    auto* map = new QCPColorMap(plot.xAxis, plot.yAxis);
    map->data()->setSize(nx, ny);
    map->data()->setRange(QCPRange(1, nx), QCPRange(1, ny));
    Span span;
    for (int iy = 0; iy < ny; ++iy)
        for (int ix = 0; ix < nx; ++ix) {
            const auto& row = chart.matrix[size_t(iy)];
            const double v = ix < int(row.size()) ? row[size_t(ix)] : std::nan("");
            map->data()->setCell(ix, iy, v);
            span.add(v, false);
        }
    map->setInterpolate(false);
    auto* scale = new QCPColorScale(&plot);
    plot.plotLayout()->addElement(0, 1, scale);
    scale->setType(QCPAxis::atRight);
    scale->setBarWidth(int(sc.px(9)));
    styleAxis(scale->axis(), sc);
    scale->axis()->grid()->setVisible(false);
    if (!chart.series.empty())
        scale->setLabel(qs(chart.series.front().name));
    map->setColorScale(scale);
    map->setGradient(viridis());
    QCPRange range(span.valid() ? span.lo : 0, span.valid() ? span.hi : 1);
    if (chart.yMin != 0 || chart.yMax != 0)
        range = QCPRange(chart.yMin, chart.yMax);
    if (range.upper <= range.lower)
        range.upper = range.lower + 1;
    map->setDataRange(range);
    auto* group = new QCPMarginGroup(&plot);
    plot.axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, group);
    scale->setMarginGroup(QCP::msTop | QCP::msBottom, group);

    auto labelAxis = [&](QCPAxis* axis, int count) {
        QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
        for (int i = 0; i < count; ++i)
            ticker->addTick(i + 1, int(chart.categories.size()) == count ? qs(chart.categories[size_t(i)])
                                                                         : QString::number(i + 1));
        ticker->setSubTickCount(0);
        axis->setTicker(ticker);
        axis->setRange(0.5, count + 0.5);
        axis->grid()->setVisible(false);
    };
    labelAxis(plot.xAxis, nx);
    labelAxis(plot.yAxis, ny);
    plot.yAxis->setRangeReversed(true);
    if (nx <= 12 && ny <= 12) {
        const QFont font = sc.font(nx <= 8 ? 6.5 : 5.5);
        for (int iy = 0; iy < ny; ++iy)
            for (int ix = 0; ix < nx; ++ix) {
                const double v = map->data()->cell(ix, iy);
                if (!std::isfinite(v))
                    continue;
                auto* text = new QCPItemText(&plot);
                text->position->setCoords(ix + 1, iy + 1);
                text->setText(QString::number(v, 'f', 2));
                text->setFont(font);
                const double t = (v - range.lower) / (range.upper - range.lower);
                text->setColor(t > 0.62 ? QColor(0x1f, 0x1f, 0x1f) : QColor(Qt::white));
            }
    }
}

// ---- radar -------------------------------------------------------------------------------

void paintRadar(QPainter& p, const Chart& chart, const QRectF& rect, const ChartTheme& theme)
{
    const int n = int(chart.categories.size());
    const int m = int(chart.series.size());
    double maxV = chart.yMax > 0 ? chart.yMax : 100;
    if (chart.yMax <= 0)
        for (const Series& s : chart.series)
            for (double v : s.y)
                maxV = std::max(maxV, v);
    const QFont labelFont = reportFont(7.5);
    const QFont smallFont = reportFont(6.5);
    const QFontMetricsF lfm(labelFont);
    const double legendH = m > 1 ? lfm.height() * 1.6 : 0;
    const QRectF area(rect.left(), rect.top(), rect.width(), rect.height() - legendH);
    const double labelW = mm(34);
    const double radius = std::max(mm(10), std::min(area.width() / 2 - labelW - mm(3), area.height() / 2 - mm(9)));
    const QPointF c = area.center();
    auto angle = [n](int i) { return -M_PI / 2 + 2 * M_PI * i / n; };
    auto at = [&](int i, double r) { return QPointF(c.x() + r * std::cos(angle(i)), c.y() + r * std::sin(angle(i))); };

    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    // rings and spokes
    for (int ring = 1; ring <= 4; ++ring) {
        QPolygonF poly;
        for (int i = 0; i < n; ++i)
            poly << at(i, radius * ring / 4.0);
        p.setPen(QPen(ring == 4 ? theme.ringOuter : theme.ring, pt(ring == 4 ? 0.8 : 0.6)));
        p.setBrush(Qt::NoBrush);
        p.drawPolygon(poly);
    }
    p.setPen(QPen(theme.ring, pt(0.6)));
    for (int i = 0; i < n; ++i)
        p.drawLine(c, at(i, radius));
    // series
    for (int si = 0; si < m; ++si) {
        const Series& s = chart.series[size_t(si)];
        QPolygonF poly;
        for (int i = 0; i < n; ++i) {
            const double v = i < int(s.y.size()) ? std::clamp(s.y[size_t(i)], 0.0, maxV) : 0.0;
            poly << at(i, radius * v / maxV);
        }
        QColor fill = theme.series(si);
        fill.setAlpha(50);
        p.setPen(QPen(theme.series(si), pt(1.4)));
        p.setBrush(fill);
        p.drawPolygon(poly);
        p.setBrush(theme.series(si));
        p.setPen(Qt::NoPen);
        for (const QPointF& q : poly)
            p.drawEllipse(q, pt(1.7), pt(1.7));
    }
    // ring values along the first spoke
    p.setFont(smallFont);
    p.setPen(theme.muted);
    const QFontMetricsF sfm(smallFont);
    for (int ring = 1; ring <= 4; ++ring) {
        const QPointF q = at(0, radius * ring / 4.0);
        const QString v = QString::number(maxV * ring / 4.0, 'g', 4);
        const QRectF box(q.x() + pt(1.5), q.y() - sfm.height() / 2, sfm.horizontalAdvance(v) + pt(2), sfm.height());
        p.fillRect(box, theme.halo(200));
        p.drawText(QPointF(box.left() + pt(1), q.y() + sfm.ascent() / 2 - sfm.descent() / 2), v);
    }
    // axis labels
    for (int i = 0; i < n; ++i) {
        const WrappedText text(qs(chart.categories[size_t(i)]), labelFont, labelW, 1.1);
        const double cx = std::cos(angle(i)), cy = std::sin(angle(i));
        const QPointF q = at(i, radius + mm(2.5));
        double x = q.x() - labelW / 2;
        Qt::Alignment align = Qt::AlignHCenter;
        if (cx > 0.25) {
            x = q.x();
            align = Qt::AlignLeft;
        } else if (cx < -0.25) {
            x = q.x() - labelW;
            align = Qt::AlignRight;
        }
        double y = q.y() - text.height() / 2;
        if (cy < -0.5)
            y = q.y() - text.height();
        else if (cy > 0.5)
            y = q.y();
        text.paint(p, QPointF(x, y), theme.text, align);
    }
    // legend
    if (m > 1) {
        double total = 0;
        const double sw = mm(6), gap = mm(2), spacing = mm(8);
        for (const Series& s : chart.series)
            total += sw + gap + lfm.horizontalAdvance(qs(s.name)) + spacing;
        total -= spacing;
        double x = rect.center().x() - total / 2;
        const double y = rect.bottom() - legendH / 2;
        p.setFont(labelFont);
        for (int si = 0; si < m; ++si) {
            QColor fill = theme.series(si);
            fill.setAlpha(60);
            p.setPen(QPen(theme.series(si), pt(1.4)));
            p.setBrush(fill);
            p.drawRect(QRectF(x, y - mm(1.5), sw, mm(3)));
            x += sw + gap;
            p.setPen(theme.text);
            const QString name = qs(chart.series[size_t(si)].name);
            p.drawText(QPointF(x, y + lfm.ascent() / 2 - lfm.descent() / 2), name);
            x += lfm.horizontalAdvance(name) + spacing;
        }
    }
    p.restore();
}

bool hasData(const Chart& chart)
{
    if (chart.kind == ChartKind::HeatMap)
        return std::any_of(chart.matrix.begin(), chart.matrix.end(), [](const auto& row) { return !row.empty(); });
    return std::any_of(chart.series.begin(), chart.series.end(), [](const Series& s) { return !s.y.empty(); });
}

} // namespace

double chartPlotHeight(const Chart& chart, double width)
{
    switch (chart.kind) {
    case ChartKind::Radar: return std::min(width * 0.62, mm(108));
    case ChartKind::HeatMap: return std::min(width * 0.62, mm(105));
    default: return std::min(width * 0.5, mm(85));
    }
}

void applyChartTheme(QCustomPlot& plot, const ChartTheme& theme)
{
    plot.setBackground(QBrush(theme.background));
    for (QCPAxisRect* rect : plot.axisRects())
        for (QCPAxis* axis : rect->axes())
            colorAxis(axis, theme);
    for (int i = 0; i < plot.plotLayout()->elementCount(); ++i) {
        if (auto* scale = qobject_cast<QCPColorScale*>(plot.plotLayout()->elementAt(i)))
            colorAxis(scale->axis(), theme);
        else if (auto* title = qobject_cast<QCPTextElement*>(plot.plotLayout()->elementAt(i)))
            title->setTextColor(theme.title);
    }
    if (plot.legend) {
        plot.legend->setTextColor(theme.text);
        for (int i = 0; i < plot.legend->itemCount(); ++i)
            if (QCPAbstractLegendItem* item = plot.legend->item(i))
                item->setTextColor(theme.text);
        if (plot.legend->brush().style() != Qt::NoBrush)
            plot.legend->setBrush(theme.background);
        if (plot.legend->borderPen().style() != Qt::NoPen)
            plot.legend->setBorderPen(QPen(theme.muted, plot.legend->borderPen().widthF()));
    }
}

namespace {
// Child of a plot; re-themes it when its palette changes.
class PaletteFollower : public QObject {
public:
    PaletteFollower(QCustomPlot* plot, std::function<void()> after) : QObject(plot), m_plot(plot), m_after(std::move(after))
    {
        plot->installEventFilter(this);
    }
    void apply(bool withAfter)
    {
        applyChartTheme(*m_plot, chartTheme(m_plot->palette()));
        if (withAfter && m_after)
            m_after();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_plot && event->type() == QEvent::PaletteChange)
            apply(true);
        return QObject::eventFilter(watched, event);
    }

private:
    QCustomPlot* m_plot;
    std::function<void()> m_after;
};
} // namespace

void followPalette(QCustomPlot* plot, std::function<void()> after)
{
    if (!plot)
        return;
    (new PaletteFollower(plot, std::move(after)))->apply(false);
}

void buildChart(QCustomPlot& plot, const Chart& chart, int widthPx, double dotsPerPixel, const ChartTheme& theme)
{
    const Scale sc{dotsPerPixel, theme};
    plot.clearItems();
    plot.clearPlottables();
    setupPlot(plot, chart, sc);
    switch (chart.kind) {
    case ChartKind::Bar:
    case ChartKind::GroupedBar:
    case ChartKind::StackedBar:
    case ChartKind::Radar: // fewer than three axes: a radar is meaningless, show bars
        buildBars(plot, chart, widthPx, sc);
        break;
    case ChartKind::Line:
    case ChartKind::Scatter: buildLines(plot, chart, widthPx, sc); break;
    case ChartKind::Histogram: buildHistogram(plot, chart, widthPx, sc); break;
    case ChartKind::HeatMap: buildHeatMap(plot, chart, sc); break;
    }
    addReferenceLines(plot, chart, sc);
    if (!hasData(chart)) {
        auto* text = new QCPItemText(&plot);
        text->position->setType(QCPItemPosition::ptAxisRectRatio);
        text->position->setCoords(0.5, 0.5);
        text->setText(QStringLiteral("No data"));
        text->setFont(sc.font(10));
        text->setColor(sc.theme.muted);
    }
}

void paintChart(QCPPainter& painter, const Chart& chart, const QRectF& rect, const ChartTheme& theme)
{
    if (chart.kind == ChartKind::Radar && chart.categories.size() >= 3) {
        paintRadar(painter, chart, rect, theme);
        return;
    }
    QCustomPlot plot;
    const int w = int(rect.width() / kUnit), h = int(rect.height() / kUnit);
    buildChart(plot, chart, w, kUnit, theme);
    painter.save();
    painter.translate(rect.topLeft());
    painter.scale(kUnit, kUnit);
    painter.setMode(QCPPainter::pmVectorized, true);
    painter.setMode(QCPPainter::pmNoCaching, true);
    painter.setMode(QCPPainter::pmNonCosmetic, true);
    plot.toPainter(&painter, w, h);
    painter.restore();
}

} // namespace qpilot::ui::report
