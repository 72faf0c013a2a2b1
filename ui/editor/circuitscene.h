// SPDX-License-Identifier: GPL-3.0-or-later
// ui/editor/circuitscene.h — the circuit diagram as a QGraphicsScene. It is a VIEW of the
// Document's circuit: it rebuilds its items whenever the circuit changes, and turns every
// gesture (palette drop, drag of gates, delete, paste) into an undo command on the Document.
#pragma once

#include "ui/editor/circuititems.h"

#include <QGraphicsScene>

#include <optional>
#include <vector>

namespace qpilot {

class Document;
struct Error;

class CircuitScene : public QGraphicsScene {
    Q_OBJECT
public:
    explicit CircuitScene(Document* document, QObject* parent = nullptr);
    ~CircuitScene() override;

    Document* document() const { return m_document; }
    const DiagramGrid& grid() const { return m_grid; }

    // Places a palette entry ("gate:cx", "measure", "reset", "barrier", "block:zz") at a
    // scene position (a block spans the drop row to the last qubit):
    // the row under it is the gate's first qubit (multi-qubit gates take the rows below, or
    // end on the last qubit), the column decides where it goes in the sequence.
    std::optional<Error> dropEntry(const QString& entryId, const QPointF& scenePos);
    // The same by row and column.
    std::optional<Error> placeEntry(const QString& entryId, int row, int column);
    // Scene position of a row/column cell's centre.
    QPointF cellCenter(int row, int column) const;

    std::vector<int> selectedOperations() const;
    void selectOperations(const std::vector<int>& indices);
    OperationItem* itemForOperation(int index) const;

    std::optional<Error> deleteSelection();
    // Moves the selected operations by rows/columns (arrow keys; consecutive moves merge).
    std::optional<Error> nudgeSelection(int rows, int columns);
    // Copies the selected operations as OpenQASM 3 text; paste appends them at the end.
    bool copySelection();
    std::optional<Error> paste();
    // Replaces the composite gate (encoding/ansatz block or custom gate) at `index` by its body.
    std::optional<Error> expandBlock(int index);
    // Redraws from the document (e.g. after a theme change).
    void refresh() { rebuild(); }

signals:
    // A gesture could not be applied (shown in the message bar).
    void editFailed(const QString& message);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent* event) override;

private:
    void rebuild();
    void report(const std::optional<Error>& error);

    Document* m_document;
    DiagramGrid m_grid;
    std::vector<OperationItem*> m_items;
    std::vector<int> m_pendingSelection;
    bool m_pressedOnItem = false;
};

} // namespace qpilot
