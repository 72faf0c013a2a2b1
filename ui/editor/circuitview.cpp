// SPDX-License-Identifier: GPL-3.0-or-later
// ui/editor/circuitview.cpp — the circuit view (see circuitview.h).
#include "ui/editor/circuitview.h"

#include "ui/editor/circuitscene.h"
#include "ui/editor/palettemodel.h"

#include <QDragEnterEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>

namespace qpilot {

CircuitView::CircuitView(CircuitScene* scene, QWidget* parent) : QGraphicsView(scene, parent), m_scene(scene)
{
    setObjectName(QStringLiteral("circuitView"));
    setAcceptDrops(true);
    viewport()->setAcceptDrops(true);
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setRenderHint(QPainter::Antialiasing);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setFocusPolicy(Qt::StrongFocus);
}

void CircuitView::setZoom(double factor)
{
    factor = std::clamp(factor, 0.25, 4.0);
    setTransform(QTransform::fromScale(factor, factor));
}

void CircuitView::zoomToFit()
{
    const QRectF rect = sceneRect();
    const QSize area = maximumViewportSize() - QSize(4, 4);
    if (rect.isEmpty() || area.isEmpty())
        return;
    const double factor = std::min({1.0, area.width() / rect.width(), area.height() / rect.height()});
    setZoom(std::max(0.5, factor));
}

void CircuitView::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasFormat(QString::fromLatin1(PaletteModel::kMimeType)))
        event->acceptProposedAction();
    else
        QGraphicsView::dragEnterEvent(event);
}

void CircuitView::dragMoveEvent(QDragMoveEvent* event)
{
    if (event->mimeData()->hasFormat(QString::fromLatin1(PaletteModel::kMimeType))) {
        event->acceptProposedAction();
        const QPointF p = mapToScene(event->position().toPoint());
        const DiagramGrid& g = m_scene->grid();
        m_dropPos = m_scene->cellCenter(g.rowAt(p.y()), g.columnAt(p.x()));
        m_dropHint = true;
        viewport()->update();
    } else {
        QGraphicsView::dragMoveEvent(event);
    }
}

void CircuitView::dragLeaveEvent(QDragLeaveEvent* event)
{
    m_dropHint = false;
    viewport()->update();
    QGraphicsView::dragLeaveEvent(event);
}

void CircuitView::dropEvent(QDropEvent* event)
{
    m_dropHint = false;
    viewport()->update();
    const QString format = QString::fromLatin1(PaletteModel::kMimeType);
    if (!event->mimeData()->hasFormat(format)) {
        QGraphicsView::dropEvent(event);
        return;
    }
    event->acceptProposedAction();
    m_scene->dropEntry(QString::fromUtf8(event->mimeData()->data(format)), mapToScene(event->position().toPoint()));
    setFocus();
}

void CircuitView::drawForeground(QPainter* painter, const QRectF& rect)
{
    QGraphicsView::drawForeground(painter, rect);
    if (!m_dropHint)
        return;
    painter->setPen(QPen(palette().color(QPalette::Highlight), 2, Qt::DashLine));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(QRectF(m_dropPos - QPointF(24, 20), QSizeF(48, 40)), 4, 4);
}

void CircuitView::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        if (event->angleDelta().y() > 0)
            zoomIn();
        else if (event->angleDelta().y() < 0)
            zoomOut();
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void CircuitView::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        m_scene->deleteSelection();
        return;
    case Qt::Key_Up:
        m_scene->nudgeSelection(-1, 0);
        return;
    case Qt::Key_Down:
        m_scene->nudgeSelection(1, 0);
        return;
    case Qt::Key_Left:
        m_scene->nudgeSelection(0, -1);
        return;
    case Qt::Key_Right:
        m_scene->nudgeSelection(0, 1);
        return;
    default:
        QGraphicsView::keyPressEvent(event);
    }
}

void CircuitView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::MiddleButton) {
        m_panning = true;
        m_panOrigin = event->pos();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void CircuitView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_panning) {
        const QPoint delta = event->pos() - m_panOrigin;
        m_panOrigin = event->pos();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void CircuitView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_panning && event->button() == Qt::MiddleButton) {
        m_panning = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

} // namespace qpilot
