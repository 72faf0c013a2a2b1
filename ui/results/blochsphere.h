// SPDX-License-Identifier: GPL-3.0-or-later
// ui/results/blochsphere.h — each qubit's Bloch vector drawn on a sphere: a shaded ball with
// its equator and two meridians (back halves dashed), the x, y, z axes, and the vector as an
// arrow whose length is |r| (shorter than the radius when the qubit's reduced state is mixed,
// i.e. entangled with the rest). One sphere per qubit in a grid that reflows with the width
// (at most kMaxSpheres drawn; put the widget in a scroll area). The projection is a fixed
// orthographic view (blochProjection) so tests can check it by hand; everything is painted
// with antialiased vector strokes in the widget's palette (light and dark themes, crisp at any
// device pixel ratio). Hovering a sphere shows (x, y, z) and |r|.
#pragma once

#include <QPointF>
#include <QRectF>
#include <QString>
#include <QWidget>

#include <array>
#include <vector>

namespace qpilot {

using BlochVector = std::array<double, 3>;

// The view: azimuth kBlochAzimuth about z (x points out of the screen to the lower left, y to
// the right), elevation kBlochElevation above the equator (z up). For a vector (x, y, z):
//   right = -x sin(a) + y cos(a)
//   up    =  z cos(e) - (x cos(a) + y sin(a)) sin(e)
//   depth = (x cos(a) + y sin(a)) cos(e) + z sin(e)      (> 0: in front of the centre)
constexpr double kBlochAzimuth = 0.5235987755982988;   // 30 degrees
constexpr double kBlochElevation = 0.3490658503988659; // 20 degrees

// Screen position of `v` on a sphere of `radius` pixels centred at `centre` (y grows down).
QPointF blochProjection(const BlochVector& v, QPointF centre, double radius);
double blochDepth(const BlochVector& v);

class BlochSphereWidget : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxSpheres = 32;
    static constexpr int kMinCell = 128; // px per sphere cell when scrolling (before the label)
    static constexpr int kFitCell = 96;  // smallest cell used to avoid scrolling

    explicit BlochSphereWidget(QWidget* parent = nullptr);

    // One vector per qubit (q0 first); empty with `message` explains why there are none.
    void setVectors(std::vector<BlochVector> vectors, const QString& message = {})
    {
        setVectors(std::move(vectors), {}, message);
    }
    // With the noisy vectors too (one per qubit, or empty): drawn as a second arrow in the
    // histogram's noisy colour.
    void setVectors(std::vector<BlochVector> vectors, std::vector<BlochVector> noisy, const QString& message);
    const std::vector<BlochVector>& vectors() const { return m_vectors; }
    const std::vector<BlochVector>& noisyVectors() const { return m_noisy; }
    int drawnCount() const;
    QString message() const { return m_message; }

    // Geometry of sphere `index` in the current size: its cell, centre and radius.
    QRectF cellRect(int index) const;
    QPointF sphereCentre(int index) const;
    double sphereRadius() const;
    // Where the arrow of sphere `index` ends.
    QPointF tipPosition(int index) const;
    QPointF noisyTipPosition(int index) const;
    // The colours of the arrows (depend on the palette).
    QColor vectorColor() const;
    QColor noisyColor() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    bool event(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Grid {
        int columns = 1;
        double cell = kMinCell;
    };
    // The grid for `width`: as large spheres as fit the visible height (the scroll area's
    // viewport) without scrolling, else kMinCell-wide cells that scroll.
    Grid grid(int width) const;
    int columns(int width) const { return grid(width).columns; }
    double cellSize(int width) const { return grid(width).cell; }
    int visibleHeight() const;
    int labelHeight() const;
    int topMargin() const;
    void paintSphere(class QPainter& p, int index) const;
    int sphereAt(QPoint pos) const;

    std::vector<BlochVector> m_vectors;
    std::vector<BlochVector> m_noisy;
    QString m_message;
};

} // namespace qpilot
