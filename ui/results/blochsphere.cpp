// SPDX-License-Identifier: GPL-3.0-or-later
// ui/results/blochsphere.cpp — the Bloch sphere grid (see blochsphere.h).
#include "ui/results/blochsphere.h"

#include <QHelpEvent>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QRadialGradient>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace qpilot {

namespace {

constexpr int kMaxCell = 190;

bool isDark(const QPalette& pal)
{
    return pal.color(QPalette::Base).lightness() < 128;
}

double length(const BlochVector& v)
{
    return std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
}

QString number(double v)
{
    return QString::number(std::abs(v) < 5e-4 ? 0.0 : v, 'f', 3);
}

} // namespace

QPointF blochProjection(const BlochVector& v, QPointF centre, double radius)
{
    const double ca = std::cos(kBlochAzimuth), sa = std::sin(kBlochAzimuth);
    const double ce = std::cos(kBlochElevation), se = std::sin(kBlochElevation);
    const double right = -v[0] * sa + v[1] * ca;
    const double up = v[2] * ce - (v[0] * ca + v[1] * sa) * se;
    return {centre.x() + radius * right, centre.y() - radius * up};
}

double blochDepth(const BlochVector& v)
{
    const double ca = std::cos(kBlochAzimuth), sa = std::sin(kBlochAzimuth);
    const double ce = std::cos(kBlochElevation), se = std::sin(kBlochElevation);
    return (v[0] * ca + v[1] * sa) * ce + v[2] * se;
}

BlochSphereWidget::BlochSphereWidget(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("blochSpheres"));
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setMouseTracking(true);
}

void BlochSphereWidget::setVectors(std::vector<BlochVector> vectors, std::vector<BlochVector> noisy,
                                   const QString& message)
{
    const bool reflow = vectors.size() != m_vectors.size() || noisy.empty() != m_noisy.empty();
    m_vectors = std::move(vectors);
    m_noisy = noisy.size() == m_vectors.size() ? std::move(noisy) : std::vector<BlochVector>{};
    m_message = message;
    if (reflow) {
        updateGeometry();
        setMinimumHeight(heightForWidth(width()));
    }
    update();
}

int BlochSphereWidget::drawnCount() const
{
    return std::min<int>(int(m_vectors.size()), kMaxSpheres);
}

int BlochSphereWidget::visibleHeight() const
{
    // In a scroll area the parent is its viewport: fit that when possible.
    return parentWidget() ? parentWidget()->height() : height();
}

BlochSphereWidget::Grid BlochSphereWidget::grid(int width) const
{
    const int n = std::max(drawnCount(), 1);
    const double w = std::max(width, kFitCell);
    const double h = visibleHeight() - 6 - topMargin() - (int(m_vectors.size()) > kMaxSpheres ? labelHeight() + 4 : 0);
    Grid best{1, 0};
    for (int c = 1; c <= n; ++c) {
        const int rows = (n + c - 1) / c;
        const double cell = std::min({w / c, h / rows - labelHeight(), double(kMaxCell)});
        if (cell > best.cell + 0.5)
            best = {c, cell};
    }
    if (best.cell >= kFitCell)
        return best;
    const int c = std::clamp(int(w) / kMinCell, 1, n);
    return {c, std::min<double>(w / c, kMaxCell)};
}

int BlochSphereWidget::topMargin() const
{
    return m_noisy.empty() ? 0 : labelHeight() + 2; // the legend row
}

int BlochSphereWidget::labelHeight() const
{
    return fontMetrics().height() + 2;
}

int BlochSphereWidget::heightForWidth(int width) const
{
    const int n = drawnCount();
    if (n == 0)
        return 3 * labelHeight();
    const int cols = columns(width);
    const int rows = (n + cols - 1) / cols;
    const int footer = int(m_vectors.size()) > kMaxSpheres ? labelHeight() + 4 : 0;
    return int(std::ceil(rows * (cellSize(width) + labelHeight()))) + footer + 4 + topMargin();
}

QSize BlochSphereWidget::sizeHint() const
{
    const int w = std::max(drawnCount(), 1) * kMinCell;
    return {std::min(w, 4 * kMinCell), heightForWidth(std::min(w, 4 * kMinCell))};
}

QSize BlochSphereWidget::minimumSizeHint() const
{
    return {kMinCell, 3 * labelHeight()};
}

void BlochSphereWidget::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    const int h = heightForWidth(width());
    if (minimumHeight() != h)
        setMinimumHeight(h);
}

QRectF BlochSphereWidget::cellRect(int index) const
{
    const Grid g = grid(width());
    const int cols = g.columns;
    const double cell = g.cell;
    const double left = std::max(0.0, (width() - cols * cell) / 2);
    const int row = index / cols, col = index % cols;
    return {left + col * cell, 2 + topMargin() + row * (cell + labelHeight()), cell, cell + labelHeight()};
}

QPointF BlochSphereWidget::sphereCentre(int index) const
{
    const QRectF cell = cellRect(index);
    return {cell.center().x(), cell.top() + cellSize(width()) / 2};
}

double BlochSphereWidget::sphereRadius() const
{
    // Room around the ball for the axis labels.
    return std::max(8.0, cellSize(width()) / 2 - 0.8 * fontMetrics().height() - 3);
}

QPointF BlochSphereWidget::tipPosition(int index) const
{
    return blochProjection(m_vectors[std::size_t(index)], sphereCentre(index), sphereRadius());
}

QPointF BlochSphereWidget::noisyTipPosition(int index) const
{
    return blochProjection(m_noisy[std::size_t(index)], sphereCentre(index), sphereRadius());
}

QColor BlochSphereWidget::noisyColor() const
{
    return isDark(palette()) ? QColor(0xff, 0xa7, 0x26) : QColor(0xef, 0x6c, 0x00);
}

QColor BlochSphereWidget::vectorColor() const
{
    return isDark(palette()) ? QColor(0x6c, 0xb4, 0xff) : QColor(0x15, 0x65, 0xc0);
}

int BlochSphereWidget::sphereAt(QPoint pos) const
{
    for (int i = 0; i < drawnCount(); ++i) {
        if (cellRect(i).contains(pos))
            return i;
    }
    return -1;
}

bool BlochSphereWidget::eventFilter(QObject* watched, QEvent* e)
{
    // The viewport's height decides the sphere size: follow it.
    if (watched == parentWidget() && e->type() == QEvent::Resize) {
        const int h = heightForWidth(width());
        if (minimumHeight() != h)
            setMinimumHeight(h);
        update();
    }
    return QWidget::eventFilter(watched, e);
}

bool BlochSphereWidget::event(QEvent* e)
{
    if (e->type() == QEvent::ParentAboutToChange && parentWidget())
        parentWidget()->removeEventFilter(this);
    if (e->type() == QEvent::ParentChange && parentWidget())
        parentWidget()->installEventFilter(this);
    if (e->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(e);
        const int i = sphereAt(help->pos());
        if (i < 0) {
            QToolTip::hideText();
            e->ignore();
            return true;
        }
        const BlochVector& v = m_vectors[std::size_t(i)];
        QString text = tr("q%1: (x, y, z) = (%2, %3, %4), |r| = %5")
                           .arg(i)
                           .arg(number(v[0]), number(v[1]), number(v[2]), number(length(v)));
        if (!m_noisy.empty()) {
            const BlochVector& w = m_noisy[std::size_t(i)];
            text += QLatin1Char('\n')
                + tr("noisy: (%1, %2, %3), |r| = %4").arg(number(w[0]), number(w[1]), number(w[2]), number(length(w)));
        }
        QToolTip::showText(help->globalPos(), text, this, cellRect(i).toAlignedRect());
        return true;
    }
    return QWidget::event(e);
}

void BlochSphereWidget::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    if (m_vectors.empty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
                   m_message.isEmpty() ? tr("No Bloch vectors yet.") : m_message);
        return;
    }
    if (!m_noisy.empty()) {
        // Legend: the ideal tip (dot) and the noisy arrow, in the histogram's order.
        const QFontMetricsF fm(font());
        const QString ideal = tr("ideal"), noisy = tr("noisy");
        const double y = 2 + labelHeight() / 2.0;
        const double total = 10 + 4 + fm.horizontalAdvance(ideal) + 16 + 18 + 4 + fm.horizontalAdvance(noisy);
        double x = (width() - total) / 2;
        p.setPen(QPen(pal.color(QPalette::Base), 1.0));
        p.setBrush(vectorColor());
        p.drawEllipse(QPointF(x + 5, y), 3.0, 3.0);
        x += 14;
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QPointF(x, y + fm.ascent() / 2 - 1), ideal);
        x += fm.horizontalAdvance(ideal) + 16;
        p.setPen(QPen(noisyColor(), 2.2, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(x, y), QPointF(x + 12, y));
        p.setPen(Qt::NoPen);
        p.setBrush(noisyColor());
        p.drawPolygon(QPolygonF({QPointF(x + 18, y), QPointF(x + 11, y - 3.5), QPointF(x + 11, y + 3.5)}));
        x += 22;
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QPointF(x, y + fm.ascent() / 2 - 1), noisy);
        p.setBrush(Qt::NoBrush);
    }
    for (int i = 0; i < drawnCount(); ++i)
        paintSphere(p, i);
    if (int(m_vectors.size()) > kMaxSpheres) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        const QRectF last = cellRect(drawnCount() - 1);
        p.drawText(QRectF(0, last.bottom() + 2, width(), labelHeight() + 2), Qt::AlignCenter,
                   tr("Showing q0\u2013q%1 of %2 qubits (all in the Table tab)")
                       .arg(kMaxSpheres - 1)
                       .arg(m_vectors.size()));
    }
}

void BlochSphereWidget::paintSphere(QPainter& p, int index) const
{
    const QPalette pal = palette();
    const bool dark = isDark(pal);
    const QPointF c = sphereCentre(index);
    const double r = sphereRadius();
    const BlochVector& v = m_vectors[std::size_t(index)];
    const QColor text = pal.color(QPalette::Text);
    QColor line = text;
    line.setAlphaF(dark ? 0.55f : 0.45f);
    QColor faint = text;
    faint.setAlphaF(dark ? 0.28f : 0.22f);

    // The ball: lit from the upper left.
    QRadialGradient shade(c + QPointF(-0.35 * r, -0.4 * r), 1.45 * r);
    if (dark) {
        shade.setColorAt(0, QColor(0x4a, 0x52, 0x60));
        shade.setColorAt(1, QColor(0x22, 0x26, 0x2d));
    } else {
        shade.setColorAt(0, QColor(0xff, 0xff, 0xff));
        shade.setColorAt(1, QColor(0xcf, 0xd8, 0xe3));
    }
    p.setPen(QPen(line, 1.0));
    p.setBrush(shade);
    p.drawEllipse(c, r, r);
    p.setBrush(Qt::NoBrush);

    // Great circles: equator (xy), and the xz and yz meridians; the back half dashed.
    auto circle = [&](auto point) {
        constexpr int kSteps = 120;
        QPainterPath front, back;
        bool wasFront = false;
        for (int s = 0; s <= kSteps; ++s) {
            const double t = 2 * M_PI * s / kSteps;
            const BlochVector q = point(t);
            const QPointF at = blochProjection(q, c, r);
            const bool isFront = blochDepth(q) >= 0;
            QPainterPath& path = isFront ? front : back;
            if (s == 0 || isFront != wasFront)
                path.moveTo(at);
            else
                path.lineTo(at);
            wasFront = isFront;
        }
        QPen dashed(faint, 1.0, Qt::DashLine);
        p.setPen(dashed);
        p.drawPath(back);
        p.setPen(QPen(line, 1.0));
        p.drawPath(front);
    };
    circle([](double t) { return BlochVector{std::cos(t), std::sin(t), 0}; });
    circle([](double t) { return BlochVector{std::cos(t), 0, std::sin(t)}; });
    circle([](double t) { return BlochVector{0, std::cos(t), std::sin(t)}; });

    // Axes through the centre, labelled past their positive ends.
    QFont small = font();
    small.setPointSizeF(std::max(7.0, small.pointSizeF() * 0.9));
    p.setFont(small);
    const QFontMetricsF fm(small);
    const char* names[3] = {"x", "y", "z"};
    for (int k = 0; k < 3; ++k) {
        BlochVector plus{0, 0, 0}, minus{0, 0, 0};
        plus[std::size_t(k)] = 1;
        minus[std::size_t(k)] = -1;
        p.setPen(QPen(faint, 1.0));
        p.drawLine(blochProjection(minus, c, r), blochProjection(plus, c, r));
        BlochVector label{0, 0, 0};
        label[std::size_t(k)] = 1.0 + (fm.height() * 0.75) / r;
        QPointF at = blochProjection(label, c, r);
        if (k == 2) // beside the pole, clear of an arrow pointing at |0>
            at = blochProjection(plus, c, r) + QPointF(fm.height() * 0.7, -fm.height() * 0.45);
        p.setPen(line);
        const QString name = QString::fromLatin1(names[k]);
        p.drawText(QRectF(at.x() - fm.height(), at.y() - fm.height() / 2, 2 * fm.height(), fm.height()),
                   Qt::AlignCenter, name);
    }

    // The vector: its shadow on the equator plane, the arrow and a dot at the tip. With noise
    // the noisy vector (shorter: noise mixes the state) is the arrow, and the ideal one a thin
    // line under it with a dot at its tip.
    auto arrow = [&](const BlochVector& vec, const QColor& accent) {
        const QPointF tip = blochProjection(vec, c, r);
        const QPointF foot = blochProjection({vec[0], vec[1], 0}, c, r);
        QColor shadow = accent;
        shadow.setAlphaF(0.45f);
        p.setPen(QPen(shadow, 1.0, Qt::DotLine));
        if (std::hypot(vec[0], vec[1]) > 1e-3) {
            p.drawLine(c, foot);
            p.drawLine(foot, tip);
        }
        const QPointF d = tip - c;
        const double len2d = std::hypot(d.x(), d.y());
        const double head = std::clamp(r * 0.16, 5.0, 10.0);
        p.setPen(QPen(accent, 2.2, Qt::SolidLine, Qt::RoundCap));
        if (len2d > head) {
            const QPointF u = d / len2d;
            const QPointF n(-u.y(), u.x());
            const QPointF base = tip - u * head;
            p.drawLine(c, base);
            QPolygonF head3;
            head3 << tip << base + n * (head * 0.45) << base - n * (head * 0.45);
            p.setPen(Qt::NoPen);
            p.setBrush(accent);
            p.drawPolygon(head3);
        } else {
            p.drawLine(c, tip);
        }
        p.setPen(Qt::NoPen);
        p.setBrush(accent);
        p.drawEllipse(tip, 2.4, 2.4);
    };
    if (m_noisy.empty()) {
        arrow(v, vectorColor());
    } else {
        // The ideal vector as a thin reference line under the noisy arrow, its tip on top.
        const QPointF tip = blochProjection(v, c, r);
        p.setPen(QPen(vectorColor(), 1.3, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(c, tip);
        arrow(m_noisy[std::size_t(index)], noisyColor());
        p.setPen(QPen(pal.color(QPalette::Base), 1.0));
        p.setBrush(vectorColor());
        p.drawEllipse(tip, 3.0, 3.0);
    }
    p.setBrush(pal.color(QPalette::Text));
    p.drawEllipse(c, 1.6, 1.6);
    p.setBrush(Qt::NoBrush);

    // The label: q<i>, and |r| when the reduced state is mixed.
    const QRectF cell = cellRect(index);
    const double rl = length(v);
    QString label = QStringLiteral("q%1").arg(index);
    if (!m_noisy.empty())
        label += tr("  noisy |r| %1").arg(length(m_noisy[std::size_t(index)]), 0, 'f', 2);
    else if (rl < 0.995)
        label += QStringLiteral("  |r| = %1").arg(rl, 0, 'f', 2);
    p.setFont(font());
    p.setPen(pal.color(QPalette::Text));
    // Narrow cells (many spheres, a short dock): the short form, then elided; never over the next cell.
    const QFontMetricsF labelMetrics(font());
    if (labelMetrics.horizontalAdvance(label) > cell.width() && !m_noisy.empty())
        label = QStringLiteral("q%1 |r| %2").arg(index).arg(length(m_noisy[std::size_t(index)]), 0, 'f', 2);
    label = labelMetrics.elidedText(label, Qt::ElideRight, cell.width());
    const double labelTop = std::min(c.y() + r + 6, cell.bottom() - labelHeight() - 2);
    p.drawText(QRectF(cell.left(), labelTop, cell.width(), labelHeight()), Qt::AlignHCenter | Qt::AlignTop, label);
}

} // namespace qpilot
