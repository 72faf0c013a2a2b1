// SPDX-License-Identifier: GPL-3.0-or-later
// ui/commands/circuitcommands.cpp — undo commands of the circuit editor (see circuitcommands.h).
#include "ui/commands/circuitcommands.h"

#include "ui/document/document.h"

namespace qpilot {

CircuitCommand::CircuitCommand(Document* document, const QString& text, Circuit before, Circuit after,
                               int mergeId)
    : QUndoCommand(text), m_document(document), m_before(std::move(before)), m_after(std::move(after)),
      m_mergeId(mergeId)
{
}

void CircuitCommand::undo()
{
    m_document->applyCircuit(m_before);
}

void CircuitCommand::redo()
{
    m_document->applyCircuit(m_after);
}

bool CircuitCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = dynamic_cast<const CircuitCommand*>(other);
    if (!o || o->id() != id() || id() == NoMerge || o->mergeFrom != mergeTo || o->m_before != m_after)
        return false;
    m_after = o->m_after;
    mergeTo = o->mergeTo;
    return true;
}

} // namespace qpilot
