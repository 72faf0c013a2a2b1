// SPDX-License-Identifier: GPL-3.0-or-later
// ui/editor/circuitscene.cpp — the circuit diagram scene (see circuitscene.h).
#include "ui/editor/circuitscene.h"

#include "core/circuit/qasm.h"
#include "ui/commands/circuitedits.h"
#include "ui/document/document.h"

#include <QApplication>
#include <QClipboard>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsSimpleTextItem>
#include <QMenu>
#include <QPalette>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

namespace qpilot {

CircuitScene::CircuitScene(Document* document, QObject* parent) : QGraphicsScene(parent), m_document(document)
{
    connect(m_document, &Document::circuitChanged, this, &CircuitScene::rebuild);
    rebuild();
}

CircuitScene::~CircuitScene()
{
    m_items.clear();
    blockSignals(true); // no selection reports while the items go
    clear();
}

QPointF CircuitScene::cellCenter(int row, int column) const
{
    return {m_grid.columnCenter(column), m_grid.rowCenter(row)};
}

void CircuitScene::rebuild()
{
    std::vector<int> keep = m_pendingSelection.empty() ? selectedOperations() : m_pendingSelection;
    m_pendingSelection.clear();
    m_items.clear(); // before clear(): deleting a selected item reports the selection change
    {
        QSignalBlocker block(this);
        clear();
    }
    if (!m_document->hasCircuit()) {
        setSceneRect(0, 0, 400, 120);
        return;
    }
    const Circuit& c = m_document->circuit();
    const int n = c.numQubits();
    m_grid.qubits = n;
    m_grid.classical = c.numClbits() > 0;
    const edit::Layout layout = edit::layoutCircuit(c);
    const double right = m_grid.columnCenter(layout.columns + 1) + DiagramGrid::kColumn / 2;
    const QColor wire = QApplication::palette().color(QPalette::Mid);
    const QColor text = QApplication::palette().color(QPalette::WindowText);
    // Wire labels name the register ("q[0]"); plain index when there is no register.
    for (int q = 0; q < n; ++q) {
        QString label = QStringLiteral("q%1").arg(q);
        for (const Register& r : c.qregs) {
            if (q >= r.offset && q < r.offset + r.size)
                label = r.scalar ? QString::fromStdString(r.name)
                                 : QStringLiteral("%1[%2]").arg(QString::fromStdString(r.name)).arg(q - r.offset);
        }
        const double y = m_grid.rowCenter(q);
        addLine(DiagramGrid::kLeft - 4, y, right, y, QPen(wire, 1.4));
        auto* t = addSimpleText(label);
        t->setBrush(text);
        t->setPos(DiagramGrid::kLeft - 10 - t->boundingRect().width(), y - t->boundingRect().height() / 2);
    }
    if (m_grid.classical) {
        const double y = m_grid.classicalRow();
        addLine(DiagramGrid::kLeft - 4, y - 2, right, y - 2, QPen(wire, 1.2));
        addLine(DiagramGrid::kLeft - 4, y + 2, right, y + 2, QPen(wire, 1.2));
        QString label = c.cregs.size() == 1 ? QString::fromStdString(c.cregs.front().name) : QStringLiteral("c");
        auto* t = addSimpleText(QStringLiteral("%1 /%2").arg(label).arg(c.numClbits()));
        t->setBrush(text);
        t->setPos(DiagramGrid::kLeft - 10 - t->boundingRect().width(), y - t->boundingRect().height() / 2);
    }
    for (std::size_t i = 0; i < c.ops.size(); ++i) {
        const edit::Placement& p = layout.ops[i];
        const bool measure = std::holds_alternative<MeasureOp>(c.ops[i].op) && m_grid.classical;
        auto* item = new OperationItem(c.ops[i], int(i), p.minQubit, measure ? n : p.maxQubit, p.column, m_grid);
        addItem(item);
        m_items.push_back(item);
    }
    const double bottom = m_grid.rowCenter(n + (m_grid.classical ? 1 : 0)) - DiagramGrid::kRow / 2 + 8;
    setSceneRect(0, 0, right + 8, bottom);
    selectOperations(keep);
}

std::vector<int> CircuitScene::selectedOperations() const
{
    std::vector<int> out;
    for (OperationItem* item : m_items) {
        if (item->isSelected())
            out.push_back(item->operationIndex());
    }
    return out;
}

void CircuitScene::selectOperations(const std::vector<int>& indices)
{
    QSignalBlocker block(this);
    clearSelection();
    for (int i : indices) {
        if (OperationItem* item = itemForOperation(i))
            item->setSelected(true);
    }
    block.unblock();
    emit selectionChanged();
}

OperationItem* CircuitScene::itemForOperation(int index) const
{
    if (index < 0 || index >= int(m_items.size()))
        return nullptr;
    return m_items[std::size_t(index)];
}

void CircuitScene::report(const std::optional<Error>& error)
{
    if (error)
        emit editFailed(QString::fromStdString(error->message));
}

std::optional<Error> CircuitScene::dropEntry(const QString& entryId, const QPointF& scenePos)
{
    return placeEntry(entryId, m_grid.rowAt(scenePos.y()), m_grid.columnAt(scenePos.x()));
}

std::optional<Error> CircuitScene::placeEntry(const QString& entryId, int row, int column)
{
    std::optional<Error> error;
    if (!m_document->hasCircuit()) {
        error = Error("create or open a circuit first (File \u25b8 New)");
        report(error);
        return error;
    }
    const Circuit& c = m_document->circuit();
    const int n = c.numQubits();
    row = std::clamp(row, 0, std::max(n - 1, 0));
    Operation op;
    if (entryId.startsWith(QLatin1String("gate:"))) {
        const auto kind = gateKindByName(entryId.mid(5).toStdString());
        if (!kind) {
            error = Error("unknown gate " + entryId.mid(5).toStdString());
        } else {
            const GateInfo& info = gateInfo(*kind);
            if (info.qubits > n) {
                error = Error(std::string(info.name) + " needs " + std::to_string(info.qubits)
                              + " qubits; add a qubit first");
            } else {
                GateOp g;
                g.kind = *kind;
                const int first = std::min(row, n - info.qubits);
                for (int k = 0; k < info.qubits; ++k)
                    g.qubits.push_back(first + k);
                g.params.assign(std::size_t(info.params), Expr(M_PI / 2));
                op.op = g;
            }
        }
    } else if (entryId == QLatin1String("measure")) {
        op.op = MeasureOp{row, row};
    } else if (entryId == QLatin1String("reset")) {
        op.op = ResetOp{row};
    } else if (entryId == QLatin1String("barrier")) {
        op.op = BarrierOp{{row}};
    } else if (entryId.startsWith(QLatin1String("block:"))) {
        const int index = edit::insertionIndexForColumn(c, column);
        auto withBlock = edit::insertBlock(c, entryId.mid(6).toStdString(), row, index);
        if (!withBlock) {
            error = withBlock.error();
        } else {
            m_pendingSelection = {index};
            error = m_document->replaceCircuit(withBlock.value(), tr("Add %1").arg(entryId.mid(6)));
        }
        report(error);
        return error;
    } else {
        error = Error("unknown palette entry " + entryId.toStdString());
    }
    if (!error) {
        const int index = edit::insertionIndexForColumn(c, column);
        m_pendingSelection = {index};
        error = m_document->addOperation(op, index);
        if (error)
            m_pendingSelection.clear();
    }
    report(error);
    return error;
}

std::optional<Error> CircuitScene::deleteSelection()
{
    const std::vector<int> selected = selectedOperations();
    if (selected.empty())
        return Error("nothing selected to delete");
    m_pendingSelection.clear();
    clearSelection();
    auto error = m_document->removeOperations(selected);
    report(error);
    return error;
}

std::optional<Error> CircuitScene::nudgeSelection(int rows, int columns)
{
    const std::vector<int> selected = selectedOperations();
    if (selected.empty())
        return Error("nothing selected to move");
    std::vector<int> moved;
    auto error = m_document->moveOperations(selected, rows, columns, &moved);
    if (!error)
        selectOperations(moved);
    report(error);
    return error;
}

bool CircuitScene::copySelection()
{
    const std::vector<int> selected = selectedOperations();
    if (selected.empty() || !m_document->hasCircuit())
        return false;
    Circuit part = m_document->circuit();
    part.ops.clear();
    for (int i : selected)
        part.ops.push_back(m_document->circuit().ops[std::size_t(i)]);
    const auto text = writeQasm3(part);
    if (!text) {
        emit editFailed(QString::fromStdString(text.error().message));
        return false;
    }
    QApplication::clipboard()->setText(QString::fromStdString(*text));
    return true;
}

std::optional<Error> CircuitScene::paste()
{
    std::optional<Error> error;
    const QString text = QApplication::clipboard()->text();
    auto parsed = parseQasm(text.toStdString(), "clipboard");
    if (!m_document->hasCircuit()) {
        error = Error("create or open a circuit first (File \u25b8 New)");
    } else if (!parsed) {
        error = Error("the clipboard holds no OpenQASM operations: " + parsed.error().toString());
    } else if (parsed->numQubits() > m_document->circuit().numQubits()) {
        error = Error("the copied gates use " + std::to_string(parsed->numQubits())
                      + " qubits; add qubits first");
    } else {
        Circuit out = m_document->circuit();
        out = edit::ensureClbit(out, std::max(parsed->numClbits(), 1) - 1);
        std::vector<int> pasted;
        for (const Operation& op : parsed->ops) {
            pasted.push_back(int(out.ops.size()));
            out.ops.push_back(op);
        }
        for (const Operation& op : parsed->ops) {
            if (auto e = edit::validateOperation(out, op))
                error = e;
        }
        if (!error) {
            m_pendingSelection = pasted;
            error = m_document->replaceCircuit(out, tr("Paste"));
        }
    }
    report(error);
    return error;
}

std::optional<Error> CircuitScene::expandBlock(int index)
{
    auto expanded = edit::expandOperation(m_document->circuit(), index);
    std::optional<Error> error;
    if (!expanded)
        error = expanded.error();
    else
        error = m_document->replaceCircuit(expanded.value(), tr("Expand block"));
    report(error);
    return error;
}

void CircuitScene::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    QGraphicsScene::mousePressEvent(event);
    m_pressedOnItem = event->button() == Qt::LeftButton && mouseGrabberItem() != nullptr;
}

void CircuitScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event)
{
    QGraphicsScene::mouseReleaseEvent(event);
    if (!m_pressedOnItem || event->button() != Qt::LeftButton)
        return;
    m_pressedOnItem = false;
    // Qt moved every selected item by the same offset; snap it to whole rows and columns.
    std::vector<int> selected;
    QPointF offset;
    for (OperationItem* item : m_items) {
        if (item->isSelected()) {
            selected.push_back(item->operationIndex());
            offset = item->pos() - item->homePos();
        }
    }
    const int rows = int(std::lround(offset.y() / DiagramGrid::kRow));
    const int columns = int(std::lround(offset.x() / DiagramGrid::kColumn));
    if (selected.empty() || (rows == 0 && columns == 0)) {
        for (OperationItem* item : m_items)
            item->setPos(item->homePos());
        return;
    }
    std::vector<int> moved;
    auto error = m_document->moveOperations(selected, rows, columns, &moved);
    if (error) {
        for (OperationItem* item : m_items)
            item->setPos(item->homePos());
        report(error);
        return;
    }
    selectOperations(moved);
}

void CircuitScene::contextMenuEvent(QGraphicsSceneContextMenuEvent* event)
{
    if (!m_document->hasCircuit())
        return;
    const int row = m_grid.rowAt(event->scenePos().y());
    QMenu menu;
    QAction* add = menu.addAction(tr("Add qubit"));
    QAction* remove = menu.addAction(tr("Remove qubit %1 and its gates").arg(row));
    remove->setEnabled(m_grid.qubits > 1);
    QAction* del = nullptr;
    QAction* expand = nullptr;
    int blockIndex = -1;
    if (auto* item = dynamic_cast<OperationItem*>(itemAt(event->scenePos(), QTransform()))) {
        const Operation& op = m_document->circuit().ops[std::size_t(item->operationIndex())];
        if (const auto* g = std::get_if<GateOp>(&op.op); g && g->kind == GateKind::Custom) {
            blockIndex = item->operationIndex();
            expand = menu.addAction(tr("Expand %1").arg(QString::fromStdString(g->name)));
        }
    }
    if (!selectedOperations().empty())
        del = menu.addAction(tr("Delete selection"));
    QAction* chosen = menu.exec(event->screenPos());
    if (chosen && chosen == expand) {
        expandBlock(blockIndex);
        return;
    }
    if (chosen == add)
        report(m_document->addQubit());
    else if (chosen == remove)
        report(m_document->removeQubit(row));
    else if (chosen && chosen == del)
        deleteSelection();
}

} // namespace qpilot
