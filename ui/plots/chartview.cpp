// ui/plots/chartview.cpp — the interactive chart: built by ui/report's buildChart at screen scale,
// then the screen's additions (tooltips, zoom/pan, legend toggles, context menu, export).
#include "ui/plots/chartview.h"

#include "ui/report/reportcharts.h"
#include "ui/report/reportstyle.h"

#include <QContextMenuEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSvgGenerator>
#include <QToolBar>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>

namespace qpilot::ui::plots {

namespace style = qpilot::ui::report;

namespace {

QString number(double v)
{
    if (!std::isfinite(v))
        return QStringLiteral("n/a");
    if (v != 0 && (std::abs(v) >= 1e5 || std::abs(v) < 1e-3))
        return QString::number(v, 'e', 3);
    return QString::number(v, 'g', 4);
}

QString withUnit(const QString& value, const QString& unit)
{
    if (unit.isEmpty())
        return value;
    if (unit == QLatin1String("×"))
        return value + unit;
    if (unit == QLatin1String("USD"))
        return QStringLiteral("$") + value;
    return value + QLatin1Char(' ') + unit;
}

QCPErrorBars* errorBarsOf(const QCustomPlot& constPlot, const QCPAbstractPlottable* p)
{
    auto& plot = const_cast<QCustomPlot&>(constPlot); // plottable(i) is not const in QCustomPlot
    for (int i = 0; i < plot.plottableCount(); ++i)
        if (auto* e = qobject_cast<QCPErrorBars*>(plot.plottable(i)))
            if (e->dataPlottable() == p)
                return e;
    return nullptr;
}

// Breaks `text` at spaces into lines of at most about `width` characters.
QString wrapped(const QString& text, int width)
{
    QStringList lines;
    QString line;
    for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
            lines << line;
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty())
        lines << line;
    return lines.join(QLatin1Char('\n'));
}

} // namespace

double screenDotsPerPixel(const QWidget* widget)
{
    const double dpi = widget ? std::max(72, widget->logicalDpiX()) : 96.0;
    return style::kLayoutDpi / (dpi * 1.25);
}

ChartView::ChartView(QWidget* parent) : QCustomPlot(parent)
{
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    setMouseTracking(true);
    setMinimumSize(320, 220);
    setSelectionTolerance(10);
    connect(this, &QCustomPlot::legendClick, this, &ChartView::onLegendClick);
}

QString ChartView::title() const { return QString::fromStdString(m_chart.chart.title); }

void ChartView::setDashboardChart(const DashboardChart& chart)
{
    m_chart = chart;
    build();
}

void ChartView::resetLayout()
{
    clearItems();
    clearPlottables();
    plotLayout()->clear(); // deletes axis rects, legend, colour scales and text elements
    for (auto* group : findChildren<QCPMarginGroup*>(QString(), Qt::FindDirectChildrenOnly))
        delete group;
    for (auto* group : findChildren<QCPBarsGroup*>(QString(), Qt::FindDirectChildrenOnly))
        delete group;
    plotLayout()->setMargins(QMargins());
    plotLayout()->setRowSpacing(5);
    plotLayout()->setColumnSpacing(5);
    auto* rect = new QCPAxisRect(this, true);
    plotLayout()->addElement(0, 0, rect);
    xAxis = rect->axis(QCPAxis::atBottom);
    yAxis = rect->axis(QCPAxis::atLeft);
    xAxis2 = rect->axis(QCPAxis::atTop);
    yAxis2 = rect->axis(QCPAxis::atRight);
    legend = new QCPLegend;
    legend->setVisible(false);
    rect->insetLayout()->addElement(legend, Qt::AlignRight | Qt::AlignTop);
    rect->insetLayout()->setMargins(QMargins(12, 12, 12, 12));
    rect->setLayer(QStringLiteral("background"));
    for (QCPAxis* axis : {xAxis, yAxis, xAxis2, yAxis2}) {
        axis->setLayer(QStringLiteral("axes"));
        axis->grid()->setLayer(QStringLiteral("grid"));
    }
    legend->setLayer(QStringLiteral("legend"));
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
}

void ChartView::build()
{
    m_ranges.clear();
    resetLayout();
    m_built = true;
    m_theme = style::chartTheme(palette());
    const DashboardChart& chart = m_chart;
    const double unit = screenDotsPerPixel(this);
    const QFont titleFont = style::chartFont(10.5, unit, true);
    if (!chart.empty.isEmpty()) {
        plotLayout()->clear(); // axes and legend go: nothing to zoom or hover
        setBackground(QBrush(m_theme.background));
        auto* head = new QCPTextElement(this, title(), titleFont);
        head->setTextColor(m_theme.title);
        plotLayout()->addElement(0, 0, head);
        auto* text = new QCPTextElement(this, wrapped(chart.empty, 60), style::chartFont(9.5, unit));
        text->setTextColor(m_theme.muted);
        text->setTextFlags(Qt::AlignCenter);
        // title, then the text centred between two spacers
        plotLayout()->addElement(1, 0, new QCPLayoutElement(this));
        plotLayout()->addElement(2, 0, text);
        plotLayout()->addElement(3, 0, new QCPLayoutElement(this));
        plotLayout()->setRowStretchFactors({0.01, 1, 0.01, 1.4});
        setInteractions({});
        replot();
        return;
    }
    const int width = std::max(this->width(), 640);
    style::buildChart(*this, chart.chart, width, unit, m_theme);
    plotLayout()->insertRow(0);
    auto* head = new QCPTextElement(this, title(), titleFont);
    head->setTextColor(m_theme.title);
    plotLayout()->addElement(0, 0, head);
    plotLayout()->setRowStretchFactor(0, 0.01);
    styleSeries();
    addCategoryNotes();
    // Dense heat maps: a tick every 5 rows instead of one label per row.
    for (int i = 0; i < plottableCount(); ++i)
        if (auto* map = qobject_cast<QCPColorMap*>(plottable(i)); map && map->data()->keySize() > 15) {
            for (QCPAxis* axis : {xAxis, yAxis}) {
                QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
                ticker->setTickStep(5);
                axis->setTicker(ticker);
                axis->setNumberFormat(QStringLiteral("f"));
                axis->setNumberPrecision(0);
            }
        }
    if (legend) {
        // Series drawn in a device's colour with its fit (ZNE points) share the fit's legend entry.
        for (int i = 0; i < plottableCount(); ++i)
            if (companionOf(plottable(i)) != plottable(i))
                legend->removeItem(legend->itemWithPlottable(plottable(i)));
        // More than four entries in one row clip their labels on a half-screen chart: three per
        // row. Re-flowing also closes the cells the removed entries left empty.
        if (legend->itemCount() > 4)
            legend->setWrap(3);
        legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
        for (int i = 0; i < legend->itemCount(); ++i) {
            if (QCPAbstractLegendItem* item = legend->item(i)) {
                item->setSelectable(false);
                item->setMargins(QMargins(2, 1, 8, 4)); // room for descenders (the _ of device ids)
            }
        }
        plotLayout()->setMargins(QMargins(0, 0, 0, 4));
    }
    saveRanges();
    replot();
}

void ChartView::styleSeries()
{
    for (int i = 0; i < plottableCount(); ++i) {
        QCPAbstractPlottable* p = plottable(i);
        if (qobject_cast<QCPErrorBars*>(p))
            continue;
        const QString name = p->name();
        int index = -1;
        for (size_t k = 0; k < m_chart.chart.series.size(); ++k)
            if (QString::fromStdString(m_chart.chart.series[k].name) == name)
                index = int(k);
        auto* g = qobject_cast<QCPGraph*>(p);
        if (g && std::find(m_chart.pointsOnly.begin(), m_chart.pointsOnly.end(), name) != m_chart.pointsOnly.end()) {
            g->setLineStyle(QCPGraph::lsNone);
            QCPScatterStyle s = g->scatterStyle();
            s.setSize(s.size() * 1.6);
            s.setShape(name.contains(QLatin1String("extrapolated")) ? QCPScatterStyle::ssDiamond : QCPScatterStyle::ssCircle);
            g->setScatterStyle(s);
        }
        if (g && std::find(m_chart.lineOnly.begin(), m_chart.lineOnly.end(), name) != m_chart.lineOnly.end())
            g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssNone));
        if (index >= 0 && size_t(index) < m_chart.seriesColors.size()) {
            const QColor c = m_theme.series(m_chart.seriesColors[size_t(index)]);
            if (g) {
                QPen pen = g->pen();
                pen.setColor(c);
                if (std::find(m_chart.lineOnly.begin(), m_chart.lineOnly.end(), name) != m_chart.lineOnly.end())
                    pen.setStyle(Qt::DashLine);
                g->setPen(pen);
                QCPScatterStyle s = g->scatterStyle();
                s.setPen(QPen(c, 1.4));
                s.setBrush(s.shape() == QCPScatterStyle::ssDiamond ? QBrush(c) : QBrush(m_theme.background));
                g->setScatterStyle(s);
            } else {
                p->setBrush(c);
                p->setPen(QPen(c.darker(125), 0.8));
            }
        }
        // Unknown values: the bar is left out (never drawn as a 0).
        if (auto* bars = qobject_cast<QCPBars*>(p))
            for (const auto& [series, category] : m_chart.unknownBars)
                if (series == index)
                    bars->data()->remove(category + 1);
    }
}

void ChartView::addCategoryNotes()
{
    if (!xAxis || !yAxis)
        return;
    for (const auto& [category, note] : m_chart.categoryNotes) {
        auto* text = new QCPItemText(this);
        text->position->setAxes(xAxis, yAxis);
        text->position->setTypeX(QCPItemPosition::ptPlotCoords);
        text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        text->position->setCoords(category + 1, 0.03);
        text->setPositionAlignment(Qt::AlignHCenter | Qt::AlignTop);
        text->setText(note);
        text->setFont(style::chartFont(7.5, screenDotsPerPixel(this), false));
        text->setColor(m_theme.muted);
        text->setBrush(m_theme.halo(220));
        text->setPadding(QMargins(3, 1, 3, 1));
        text->setClipToAxisRect(true);
    }
}

void ChartView::saveRanges()
{
    m_ranges.clear();
    for (QCPAxisRect* rect : axisRects())
        for (QCPAxis* axis : rect->axes())
            m_ranges.push_back({axis, axis->range()});
    for (QCPAxisRect* rect : axisRects()) {
        rect->setRangeDrag(Qt::Horizontal | Qt::Vertical);
        rect->setRangeZoom(Qt::Horizontal | Qt::Vertical);
    }
}

void ChartView::resetView()
{
    for (const auto& [axis, range] : m_ranges)
        axis->setRange(range);
    replot();
}

QCPAbstractPlottable* ChartView::series(const QString& name) const
{
    auto* self = const_cast<ChartView*>(this); // plottable(i) is not const in QCustomPlot
    for (int i = 0; i < plottableCount(); ++i)
        if (!qobject_cast<QCPErrorBars*>(self->plottable(i)) && self->plottable(i)->name() == name)
            return self->plottable(i);
    return nullptr;
}

QStringList ChartView::seriesNames() const
{
    auto* self = const_cast<ChartView*>(this);
    QStringList out;
    for (int i = 0; i < plottableCount(); ++i)
        if (!qobject_cast<QCPErrorBars*>(self->plottable(i)))
            out << self->plottable(i)->name();
    return out;
}

void ChartView::setSeriesVisible(QCPAbstractPlottable* p, bool visible)
{
    if (!p)
        return;
    p->setVisible(visible);
    if (QCPErrorBars* e = errorBarsOf(*this, p))
        e->setVisible(visible);
    if (legend)
        if (QCPPlottableLegendItem* item = legend->itemWithPlottable(p))
            item->setTextColor(visible ? m_theme.text : m_theme.hidden);
    replot();
    emit seriesVisibilityChanged(p->name(), visible);
}

QCPAbstractPlottable* ChartView::companionOf(QCPAbstractPlottable* p) const
{
    if (!p || std::find(m_chart.pointsOnly.begin(), m_chart.pointsOnly.end(), p->name()) == m_chart.pointsOnly.end())
        return p;
    // a points-only series coloured like a line-only series belongs to that line
    auto colourOf = [this](const QString& name) {
        for (size_t k = 0; k < m_chart.chart.series.size() && k < m_chart.seriesColors.size(); ++k)
            if (QString::fromStdString(m_chart.chart.series[k].name) == name)
                return m_chart.seriesColors[k];
        return -1;
    };
    const int colour = colourOf(p->name());
    if (colour < 0)
        return p;
    for (const QString& line : m_chart.lineOnly)
        if (colourOf(line) == colour)
            if (QCPAbstractPlottable* owner = series(line))
                return owner;
    return p;
}

void ChartView::onLegendClick(QCPLegend*, QCPAbstractLegendItem* item, QMouseEvent*)
{
    auto* pi = qobject_cast<QCPPlottableLegendItem*>(item);
    if (!pi)
        return;
    QCPAbstractPlottable* owner = pi->plottable();
    const bool visible = !owner->visible();
    for (int i = 0; i < plottableCount(); ++i)
        if (plottable(i) != owner && companionOf(plottable(i)) == owner)
            setSeriesVisible(plottable(i), visible);
    setSeriesVisible(owner, visible);
}

QPointF ChartView::pointPosition(QCPAbstractPlottable* p, int index) const
{
    if (auto* map = qobject_cast<QCPColorMap*>(p)) {
        const int nx = map->data()->keySize();
        double key = 0, value = 0;
        map->data()->cellToCoord(index % nx, index / nx, &key, &value);
        return QPointF(map->keyAxis()->coordToPixel(key), map->valueAxis()->coordToPixel(value));
    }
    QCPPlottableInterface1D* d = p ? p->interface1D() : nullptr;
    if (!d || index < 0 || index >= d->dataCount())
        return {};
    if (auto* bars = qobject_cast<QCPBars*>(p)) {
        const auto it = bars->data()->constBegin() + index;
        double below = 0;
        for (QCPBars* b = bars->barBelow(); b; b = b->barBelow()) {
            auto bi = b->data()->findBegin(it->key, false);
            if (bi != b->data()->constEnd() && bi->key == it->key)
                below += bi->value;
        }
        const double top = bars->valueAxis()->coordToPixel(below + it->value);
        const double bottom = below > 0 ? bars->valueAxis()->coordToPixel(below) : bars->valueAxis()->axisRect()->bottom();
        const double y = (top + bottom) / 2;
        // The bar's horizontal extent (grouped bars sit beside the category): scan for its hits.
        const double from = bars->keyAxis()->coordToPixel(it->key - 0.5), to = bars->keyAxis()->coordToPixel(it->key + 0.5);
        double lo = 1e9, hi = -1e9;
        for (double x = std::min(from, to); x <= std::max(from, to); x += 1) {
            QVariant details;
            if (bars->selectTest(QPointF(x, y), false, &details) >= 0) {
                const QCPDataSelection sel = details.value<QCPDataSelection>();
                if (!sel.isEmpty() && sel.dataRange().begin() == index) {
                    lo = std::min(lo, x);
                    hi = std::max(hi, x);
                }
            }
        }
        return QPointF(lo <= hi ? (lo + hi) / 2 : bars->keyAxis()->coordToPixel(it->key), y);
    }
    return QPointF(p->keyAxis()->coordToPixel(d->dataMainKey(index)), p->valueAxis()->coordToPixel(d->dataMainValue(index)));
}

QString ChartView::pointText(QCPAbstractPlottable* p, int index) const
{
    if (auto* map = qobject_cast<QCPColorMap*>(p)) {
        const int nx = map->data()->keySize();
        const int ix = index % nx, iy = index / nx;
        return QStringLiteral("%1\nrow %2, column %3: %4")
            .arg(QString::fromStdString(m_chart.chart.series.empty() ? std::string("value") : m_chart.chart.series[0].name))
            .arg(iy + 1)
            .arg(ix + 1)
            .arg(withUnit(number(map->data()->cell(ix, iy)), m_chart.yUnit));
    }
    QCPPlottableInterface1D* d = p ? p->interface1D() : nullptr;
    if (!d || index < 0 || index >= d->dataCount())
        return {};
    const double key = d->dataMainKey(index), value = d->dataMainValue(index);
    QString where;
    auto ticker = p->keyAxis()->ticker().dynamicCast<QCPAxisTickerText>();
    if (ticker && ticker->ticks().contains(key))
        where = ticker->ticks().value(key).replace(QLatin1Char('\n'), QLatin1Char(' '));
    else if (m_chart.chart.kind == qpilot::report::ChartKind::Histogram)
        where = QStringLiteral("bin at %1").arg(withUnit(number(key), m_chart.xUnit));
    else
        where = QString::fromStdString(m_chart.chart.xLabel.substr(0, m_chart.chart.xLabel.find(" (")))
                + QStringLiteral(" ") + withUnit(number(key), m_chart.xUnit == QLatin1String("features") || m_chart.xUnit == QLatin1String("layers") ? QString() : m_chart.xUnit);
    QString text = withUnit(number(value), m_chart.yUnit);
    if (QCPErrorBars* e = errorBarsOf(*this, p))
        if (index < e->dataCount() && e->data()->at(index).errorPlus > 0)
            text += QStringLiteral(" ± ") + number(e->data()->at(index).errorPlus);
    return QStringLiteral("%1 · %2\n%3").arg(p->name(), where, text);
}

QString ChartView::tooltipAt(const QPoint& pos) const
{
    QCPAbstractPlottable* best = nullptr;
    int bestIndex = -1;
    double bestDistance = selectionTolerance();
    auto* self = const_cast<ChartView*>(this);
    for (int i = 0; i < plottableCount(); ++i) {
        QCPAbstractPlottable* p = self->plottable(i);
        if (!p->visible() || qobject_cast<QCPErrorBars*>(p))
            continue;
        if (auto* map = qobject_cast<QCPColorMap*>(p)) {
            double key = 0, value = 0;
            map->pixelsToCoords(QPointF(pos), key, value);
            if (!map->data()->keyRange().contains(key) && std::abs(key - map->data()->keyRange().lower) > 0.5
                && std::abs(key - map->data()->keyRange().upper) > 0.5)
                continue;
            int ix = -1, iy = -1;
            map->data()->coordToCell(key, value, &ix, &iy);
            if (ix < 0 || iy < 0 || ix >= map->data()->keySize() || iy >= map->data()->valueSize())
                continue;
            return pointText(map, iy * map->data()->keySize() + ix);
        }
        QVariant details;
        const double distance = p->selectTest(QPointF(pos), false, &details);
        if (distance < 0 || distance > bestDistance)
            continue;
        const QCPDataSelection sel = details.value<QCPDataSelection>();
        if (sel.isEmpty())
            continue;
        best = p;
        bestIndex = sel.dataRange().begin();
        bestDistance = distance;
    }
    return best ? pointText(best, bestIndex) : QString();
}

bool ChartView::event(QEvent* event)
{
    const bool result = QCustomPlot::event(event);
    if (event->type() == QEvent::ApplicationPaletteChange)
        followPalette();
    return result;
}

void ChartView::changeEvent(QEvent* event)
{
    QCustomPlot::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        followPalette();
}

void ChartView::followPalette()
{
    if (!m_built || style::chartTheme(palette()) == m_theme)
        return;
    // what the user did to the chart survives the rebuild: zoom/pan and hidden series
    std::vector<QCPRange> current;
    for (QCPAxisRect* rect : axisRects())
        for (QCPAxis* axis : rect->axes())
            current.push_back(axis->range());
    QStringList hidden;
    for (int i = 0; i < plottableCount(); ++i)
        if (!qobject_cast<QCPErrorBars*>(plottable(i)) && !plottable(i)->visible())
            hidden << plottable(i)->name();
    const QSignalBlocker quiet(this); // the series were hidden before: nothing to announce
    build();
    size_t k = 0;
    for (QCPAxisRect* rect : axisRects())
        for (QCPAxis* axis : rect->axes())
            if (k < current.size())
                axis->setRange(current[k++]);
    for (const QString& name : hidden)
        setSeriesVisible(series(name), false);
    replot();
}

void ChartView::mouseMoveEvent(QMouseEvent* event)
{
    QCustomPlot::mouseMoveEvent(event);
    if (event->buttons() != Qt::NoButton)
        return;
    const QString text = tooltipAt(event->pos());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
}

void ChartView::mouseDoubleClickEvent(QMouseEvent* event)
{
    QCustomPlot::mouseDoubleClickEvent(event);
    resetView();
}

void ChartView::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu menu(this);
    menu.addAction(tr("Export as PNG…"), this, [this] { exportWithDialog(QStringLiteral("png")); });
    menu.addAction(tr("Export as SVG…"), this, [this] { exportWithDialog(QStringLiteral("svg")); });
    menu.addAction(tr("Export as PDF…"), this, [this] { exportWithDialog(QStringLiteral("pdf")); });
    menu.addSeparator();
    QAction* reset = menu.addAction(tr("Reset view"), this, &ChartView::resetView);
    reset->setEnabled(!isEmptyState());
    QAction* all = menu.addAction(tr("Show all series"), this, [this] {
        for (int i = 0; i < plottableCount(); ++i)
            if (!qobject_cast<QCPErrorBars*>(plottable(i)) && !plottable(i)->visible())
                setSeriesVisible(plottable(i), true);
    });
    all->setEnabled(!isEmptyState());
    menu.exec(event->globalPos());
}

std::optional<Error> ChartView::exportTo(const QString& path, int width, int height)
{
    const int w = width > 0 ? width : std::max(this->width(), 800);
    const int h = height > 0 ? height : std::max(this->height(), 500);
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool ok = false;
    if (suffix == QLatin1String("png")) {
        ok = savePng(path, w, h);
    } else if (suffix == QLatin1String("pdf")) {
        ok = savePdf(path, w, h, QCP::epNoCosmetic, QStringLiteral("Qpilot"), title());
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(QSize(w, h));
        svg.setViewBox(QRect(0, 0, w, h));
        svg.setTitle(title());
        svg.setDescription(QStringLiteral("Qpilot dashboard chart"));
        QCPPainter painter;
        if (painter.begin(&svg)) {
            painter.setMode(QCPPainter::pmVectorized);
            painter.setMode(QCPPainter::pmNoCaching);
            toPainter(&painter, w, h);
            ok = painter.end();
        }
        ok = ok && QFileInfo(path).size() > 0;
    } else {
        return Error("export: unknown format '" + suffix.toStdString() + "' (use .png, .svg or .pdf)", path.toStdString());
    }
    if (!ok)
        return Error("export: could not write the " + suffix.toUpper().toStdString() + " file", path.toStdString());
    return std::nullopt;
}

void ChartView::exportWithDialog(const QString& suffix)
{
    QString base = title().toLower();
    base.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export chart"), base + QLatin1Char('.') + suffix,
                                                      suffix.toUpper() + QStringLiteral(" (*.") + suffix + QLatin1Char(')'));
    if (path.isEmpty())
        return;
    if (auto error = exportTo(path))
        QMessageBox::warning(this, tr("Export chart"), QString::fromStdString(error->toString()));
}

ChartPanel::ChartPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    auto* bar = m_bar = new QToolBar(this);
    bar->setIconSize(QSize(14, 14));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_view = new ChartView(this);
    auto* spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    for (const QString& s : {QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf")}) {
        QAction* a = bar->addAction(tr("Export %1").arg(s.toUpper()), m_view, [this, s] { m_view->exportWithDialog(s); });
        a->setToolTip(tr("Save this chart as %1").arg(s.toUpper()));
    }
    bar->addAction(tr("Reset view"), m_view, &ChartView::resetView)->setToolTip(tr("Undo zoom and pan (or double-click the chart)"));
    layout->addWidget(bar);
    layout->addWidget(m_view, 1);
    m_caption = new QLabel(this);
    m_caption->setWordWrap(true);
    layout->addWidget(m_caption);
    applyPalette();
}

void ChartPanel::applyPalette()
{
    const QString muted = style::chartTheme(palette()).muted.name();
    m_bar->setStyleSheet(QStringLiteral("QToolBar { border: 0; } QToolButton { padding: 1px 6px; color: %1; }").arg(muted));
    m_caption->setStyleSheet(QStringLiteral("color: %1;").arg(muted));
}

void ChartPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void ChartPanel::setDashboardChart(const DashboardChart& chart)
{
    m_view->setDashboardChart(chart);
    m_caption->setText(chart.caption);
    m_caption->setVisible(!chart.caption.isEmpty());
}

} // namespace qpilot::ui::plots
