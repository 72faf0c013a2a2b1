// SPDX-License-Identifier: GPL-3.0-or-later
// ui/editor/circuititems.cpp — painting of the diagram's operations (see circuititems.h).
#include "ui/editor/circuititems.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace qpilot {

namespace {

// Controls built into a standard gate's name, and the gate drawn on its target(s).
struct ControlledForm {
    int controls = 0;
    GateKind base = GateKind::I;
};

ControlledForm controlledForm(GateKind k)
{
    switch (k) {
    case GateKind::CX: return {1, GateKind::X};
    case GateKind::CY: return {1, GateKind::Y};
    case GateKind::CZ: return {1, GateKind::Z};
    case GateKind::CH: return {1, GateKind::H};
    case GateKind::CP: return {1, GateKind::P};
    case GateKind::CU1: return {1, GateKind::U1};
    case GateKind::CRX: return {1, GateKind::RX};
    case GateKind::CRY: return {1, GateKind::RY};
    case GateKind::CRZ: return {1, GateKind::RZ};
    case GateKind::CU3: return {1, GateKind::U3};
    case GateKind::CU: return {1, GateKind::U};
    case GateKind::CCX: return {2, GateKind::X};
    case GateKind::CSwap: return {1, GateKind::Swap};
    default: return {0, k};
    }
}

QColor fillFor(const GateOp& g)
{
    if (g.kind == GateKind::Custom)
        return QColor(0xb3, 0x9d, 0xdb);
    const GateInfo& info = gateInfo(g.kind);
    if (info.qubits >= 2)
        return QColor(0x80, 0xcb, 0xc4);
    if (info.params > 0)
        return QColor(0xff, 0xcc, 0x80);
    return QColor(0x90, 0xca, 0xf9);
}

} // namespace

int DiagramGrid::rowAt(double y) const
{
    const int r = int(std::floor((y - kTop) / kRow));
    return std::clamp(r, 0, std::max(qubits - 1, 0));
}

int DiagramGrid::columnAt(double x) const
{
    return std::max(0, int(std::floor((x - kLeft) / kColumn)));
}

QString gateLabel(const GateOp& g)
{
    if (g.kind == GateKind::Custom)
        return QString::fromStdString(g.name);
    switch (g.kind) {
    case GateKind::SX: return QStringLiteral("\u221aX");
    case GateKind::SXdg: return QStringLiteral("\u221aX\u2020");
    case GateKind::Sdg: return QStringLiteral("S\u2020");
    case GateKind::Tdg: return QStringLiteral("T\u2020");
    case GateKind::ISwap: return QStringLiteral("iSWAP");
    default: break;
    }
    QString name = QString::fromLatin1(gateInfo(g.kind).name);
    return name.size() <= 4 ? name.toUpper() : name;
}

QString parameterText(const std::vector<Expr>& params)
{
    QStringList parts;
    for (const Expr& e : params)
        parts << QString::fromStdString(e.toQasm()).replace(QLatin1String("pi"), QStringLiteral("\u03c0"));
    return parts.join(QStringLiteral(", "));
}

OperationItem::OperationItem(const Operation& op, int index, int minRow, int maxRow, int column,
                             const DiagramGrid& grid)
    : m_op(op), m_index(index), m_minRow(minRow), m_maxRow(maxRow), m_column(column), m_grid(grid)
{
    m_home = QPointF(grid.columnCenter(column), grid.rowCenter(minRow));
    setPos(m_home);
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    setZValue(1);
    QString tip;
    if (const auto* g = std::get_if<GateOp>(&op.op)) {
        tip = g->kind == GateKind::Custom ? QString::fromStdString(g->name)
                                          : QString::fromLatin1(gateInfo(g->kind).name) + QStringLiteral(" \u2014 ")
                + QString::fromUtf8(gateInfo(g->kind).summary);
    } else if (const auto* m = std::get_if<MeasureOp>(&op.op)) {
        tip = QStringLiteral("measure q%1 \u2192 c%2").arg(m->qubit).arg(m->clbit);
    }
    setToolTip(tip);
}

QVariant OperationItem::itemChange(GraphicsItemChange change, const QVariant& value)
{
    if (change == ItemPositionChange && scene()) {
        const QPointF offset = value.toPointF() - m_home;
        return m_home + QPointF(std::round(offset.x() / DiagramGrid::kColumn) * DiagramGrid::kColumn,
                                std::round(offset.y() / DiagramGrid::kRow) * DiagramGrid::kRow);
    }
    return QGraphicsItem::itemChange(change, value);
}

double OperationItem::rowY(int qubit) const
{
    return (qubit - m_minRow) * DiagramGrid::kRow;
}

QRectF OperationItem::boundingRect() const
{
    const double w = DiagramGrid::kColumn - 4;
    return QRectF(-w / 2, -DiagramGrid::kRow / 2, w, (m_maxRow - m_minRow + 1) * DiagramGrid::kRow);
}

void OperationItem::paintBox(QPainter* p, double y0, double y1, const QString& label, const QString& params,
                             const QColor& fill) const
{
    const double w = DiagramGrid::kColumn - 12;
    const QRectF box(-w / 2, y0 - DiagramGrid::kBox / 2, w, y1 - y0 + DiagramGrid::kBox);
    p->setPen(QPen(fill.darker(170), 1.2));
    p->setBrush(fill);
    p->drawRoundedRect(box, 4, 4);
    p->setPen(Qt::black);
    QFont f = QApplication::font();
    f.setBold(true);
    f.setPointSizeF(std::max(7.0, f.pointSizeF()));
    p->setFont(f);
    QFontMetricsF fm(f);
    const QString text = fm.elidedText(label, Qt::ElideRight, w - 4);
    if (params.isEmpty()) {
        p->drawText(box, Qt::AlignCenter, text);
        return;
    }
    const double mid = (y0 + y1) / 2;
    p->drawText(QRectF(box.left(), mid - 17, w, 18), Qt::AlignHCenter | Qt::AlignBottom, text);
    QFont small = QApplication::font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() - 2));
    p->setFont(small);
    const QString ptext = QFontMetricsF(small).elidedText(params, Qt::ElideRight, w - 4);
    p->drawText(QRectF(box.left(), mid, w, 16), Qt::AlignHCenter | Qt::AlignTop, ptext);
}

void OperationItem::paintGate(QPainter* p, const GateOp& g) const
{
    const QColor line = QApplication::palette().color(QPalette::WindowText);
    ControlledForm form = controlledForm(g.kind);
    int modifierControls = 0;
    for (const Modifier& m : g.modifiers) {
        if (m.kind == Modifier::Kind::Ctrl || m.kind == Modifier::Kind::NegCtrl)
            modifierControls += m.count;
    }
    if (g.kind == GateKind::Custom || !g.modifiers.empty())
        form = {0, g.kind};
    const int controls = std::min<int>(int(g.qubits.size()), form.controls + modifierControls);
    const std::vector<int> targets(g.qubits.begin() + controls, g.qubits.end());
    if (g.qubits.size() > 1) {
        const auto [lo, hi] = std::minmax_element(g.qubits.begin(), g.qubits.end());
        p->setPen(QPen(line, 1.6));
        p->drawLine(QPointF(0, rowY(*lo)), QPointF(0, rowY(*hi)));
    }
    p->setPen(Qt::NoPen);
    p->setBrush(line);
    for (int c = 0; c < controls; ++c)
        p->drawEllipse(QPointF(0, rowY(g.qubits[std::size_t(c)])), 5, 5);
    if (targets.empty())
        return;
    const GateKind base = form.base;
    if (base == GateKind::X && controls > 0) {
        const double y = rowY(targets.front());
        p->setPen(QPen(line, 1.6));
        p->setBrush(Qt::NoBrush);
        p->drawEllipse(QPointF(0, y), 11, 11);
        p->drawLine(QPointF(-11, y), QPointF(11, y));
        p->drawLine(QPointF(0, y - 11), QPointF(0, y + 11));
        return;
    }
    if (base == GateKind::Z && controls > 0) {
        p->drawEllipse(QPointF(0, rowY(targets.front())), 5, 5);
        return;
    }
    if (base == GateKind::Swap) {
        p->setPen(QPen(line, 2));
        for (int t : targets) {
            const double y = rowY(t);
            p->drawLine(QPointF(-7, y - 7), QPointF(7, y + 7));
            p->drawLine(QPointF(-7, y + 7), QPointF(7, y - 7));
        }
        return;
    }
    GateOp shown = g;
    shown.kind = base;
    shown.modifiers.clear();
    QString label = gateLabel(shown);
    for (const Modifier& m : g.modifiers) {
        if (m.kind == Modifier::Kind::Inv)
            label += QStringLiteral("\u2020");
        else if (m.kind == Modifier::Kind::Pow)
            label += QStringLiteral("^") + QString::fromStdString(m.exponent.toQasm());
    }
    const auto [lo, hi] = std::minmax_element(targets.begin(), targets.end());
    paintBox(p, rowY(*lo), rowY(*hi), label, parameterText(g.params), fillFor(g));
}

void OperationItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*)
{
    p->setRenderHint(QPainter::Antialiasing);
    const QColor line = QApplication::palette().color(QPalette::WindowText);
    if (const auto* g = std::get_if<GateOp>(&m_op.op)) {
        paintGate(p, *g);
    } else if (const auto* m = std::get_if<MeasureOp>(&m_op.op)) {
        const double yc = rowY(m_maxRow);
        if (m->clbit >= 0 && m_grid.classical) {
            p->setPen(QPen(line, 1.2));
            p->drawLine(QPointF(-2, 0), QPointF(-2, yc - 6));
            p->drawLine(QPointF(2, 0), QPointF(2, yc - 6));
            p->setBrush(line);
            p->drawPolygon(QPolygonF({QPointF(-6, yc - 8), QPointF(6, yc - 8), QPointF(0, yc)}));
            QFont small = QApplication::font();
            small.setPointSizeF(std::max(6.0, small.pointSizeF() - 2));
            p->setFont(small);
            p->drawText(QRectF(4, yc - 20, 26, 14), Qt::AlignLeft | Qt::AlignVCenter, QString::number(m->clbit));
        }
        paintBox(p, 0, 0, QString(), QString(), QColor(0xcf, 0xd8, 0xdc));
        p->setPen(QPen(Qt::black, 1.4));
        p->setBrush(Qt::NoBrush);
        p->drawArc(QRectF(-12, -6, 24, 20), 20 * 16, 140 * 16);
        p->drawLine(QPointF(0, 8), QPointF(9, -9));
    } else if (std::holds_alternative<ResetOp>(m_op.op)) {
        paintBox(p, 0, 0, QStringLiteral("|0\u27e9"), QString(), QColor(0xcf, 0xd8, 0xdc));
    } else if (std::holds_alternative<BarrierOp>(m_op.op)) {
        const double y1 = rowY(m_maxRow);
        p->setPen(Qt::NoPen);
        p->setBrush(QColor(128, 128, 128, 50));
        p->drawRect(QRectF(-8, -DiagramGrid::kRow / 2 + 4, 16, y1 + DiagramGrid::kRow - 8));
        p->setPen(QPen(line, 1.5, Qt::DashLine));
        p->drawLine(QPointF(0, -DiagramGrid::kRow / 2 + 4), QPointF(0, y1 + DiagramGrid::kRow / 2 - 4));
    } else if (const auto* d = std::get_if<DelayOp>(&m_op.op)) {
        paintBox(p, 0, rowY(m_maxRow), QStringLiteral("delay"),
                 QString::number(d->duration) + QString::fromStdString(d->unit), QColor(0xee, 0xee, 0xee));
    } else {
        paintBox(p, 0, rowY(m_maxRow), QStringLiteral("if"), QString(), QColor(0xf8, 0xbb, 0xd0));
    }
    if (isSelected()) {
        p->setPen(QPen(QApplication::palette().color(QPalette::Highlight), 2, Qt::DashLine));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(boundingRect().adjusted(1, 1, -1, -1), 5, 5);
    }
}

} // namespace qpilot
