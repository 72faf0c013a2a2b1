// SPDX-License-Identifier: GPL-3.0-or-later
// ui/commands/circuitcommands.h — the undo commands of the circuit editor. Each holds the
// circuit before and after its edit (Circuit is a cheap-to-compare value) and applies it to
// the Document; consecutive moves of the same operations and consecutive edits of the same
// operation's parameters merge into one undo step.
#pragma once

#include "core/circuit/circuit.h"

#include <QUndoCommand>

#include <vector>

namespace qpilot {

class Document;

class CircuitCommand : public QUndoCommand {
public:
    enum Id { NoMerge = -1, MoveId = 1, SetOperationId = 2 };

    CircuitCommand(Document* document, const QString& text, Circuit before, Circuit after,
                   int mergeId = NoMerge);
    void undo() override;
    void redo() override;
    int id() const override { return m_mergeId; }
    bool mergeWith(const QUndoCommand* other) override;

    const Circuit& before() const { return m_before; }
    const Circuit& after() const { return m_after; }
    // Merge keys: a move merges when it starts from the ops the previous move ended on; a
    // parameter/qubit edit merges with the previous edit of the same op.
    std::vector<int> mergeFrom;
    std::vector<int> mergeTo;

private:
    Document* m_document;
    Circuit m_before;
    Circuit m_after;
    int m_mergeId;
};

} // namespace qpilot
