// SPDX-License-Identifier: GPL-3.0-or-later
// ui/editor/circuitview.h — the view of the circuit scene: accepts palette drops (and shows
// where the gate will land), rubber-band selection, zoom (Ctrl+wheel, zoomIn/zoomOut), pan
// (middle-button drag or scroll bars) and the editing keys (Delete, arrows to move gates).
#pragma once

#include <QGraphicsView>

namespace qpilot {

class CircuitScene;

class CircuitView : public QGraphicsView {
    Q_OBJECT
public:
    explicit CircuitView(CircuitScene* scene, QWidget* parent = nullptr);

    CircuitScene* circuitScene() const { return m_scene; }
    double zoom() const { return transform().m11(); }
    void setZoom(double factor);
    void zoomIn() { setZoom(zoom() * 1.25); }
    void zoomOut() { setZoom(zoom() / 1.25); }
    void resetZoom() { setZoom(1.0); }
    // Zooms out (never in, never below 0.5) so the whole circuit width fits the view.
    void zoomToFit();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;

private:
    CircuitScene* m_scene;
    QPoint m_panOrigin;
    bool m_panning = false;
    bool m_dropHint = false;
    QPointF m_dropPos;
};

} // namespace qpilot
