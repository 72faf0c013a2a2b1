// SPDX-License-Identifier: GPL-3.0-or-later
// ui/editor/circuititems.h — what the diagram draws: the geometry grid (rows of qubits, a
// classical wire, columns) and OperationItem, one selectable, movable graphics item per
// operation (labelled box with its parameters, control dots and lines, ⊕ targets, swap
// crosses, measurement meter with its line to the classical wire, barrier, reset, if-blocks).
#pragma once

#include "core/circuit/circuit.h"

#include <QGraphicsItem>

namespace qpilot {

struct DiagramGrid {
    static constexpr double kLeft = 64;   // room for wire labels
    static constexpr double kTop = 16;
    static constexpr double kColumn = 64;
    static constexpr double kRow = 52;
    static constexpr double kBox = 40;    // gate box height
    int qubits = 0;
    bool classical = false;

    double columnCenter(int column) const { return kLeft + kColumn * column + kColumn / 2; }
    double rowCenter(int row) const { return kTop + kRow * row + kRow / 2; }
    double classicalRow() const { return rowCenter(qubits); }
    // Scene position -> the nearest row (clamped to the qubits) and column (>= 0).
    int rowAt(double y) const;
    int columnAt(double x) const;
};

class OperationItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };
    OperationItem(const Operation& op, int index, int minRow, int maxRow, int column, const DiagramGrid& grid);

    int type() const override { return Type; }
    int operationIndex() const { return m_index; }
    int column() const { return m_column; }
    int minRow() const { return m_minRow; }
    // Where the item sits when not being dragged.
    QPointF homePos() const { return m_home; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    // While dragged, the item snaps to whole rows and columns.
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    void paintGate(QPainter* p, const GateOp& g) const;
    void paintBox(QPainter* p, double y0, double y1, const QString& label, const QString& params,
                  const QColor& fill) const;
    double rowY(int qubit) const; // local y of a qubit's wire

    Operation m_op;
    int m_index;
    int m_minRow;
    int m_maxRow;   // last row reached (the classical wire's row for a measurement)
    int m_column;
    DiagramGrid m_grid;
    QPointF m_home;
};

// Short label of a gate ("H", "RX", "√X") and its parameters as text ("π/2, θ").
QString gateLabel(const GateOp& g);
QString parameterText(const std::vector<Expr>& params);

} // namespace qpilot
