// SPDX-License-Identifier: GPL-3.0-or-later
// ui/pilot/pilotcommands.cpp — SetPilotFieldCommand: apply the after / before pilot; merge
// consecutive edits of one field (the merged step keeps the first before and the last after).
#include "ui/pilot/pilotcommands.h"

namespace qpilot {

SetPilotFieldCommand::SetPilotFieldCommand(Apply apply, QString field, pilot::Pilot before, pilot::Pilot after,
                                           bool mergeable, const QString& text)
    : QUndoCommand(text), m_apply(std::move(apply)), m_field(std::move(field)), m_before(std::move(before)),
      m_after(std::move(after)), m_mergeable(mergeable)
{
}

void SetPilotFieldCommand::undo() { m_apply(m_before); }

void SetPilotFieldCommand::redo() { m_apply(m_after); }

bool SetPilotFieldCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = dynamic_cast<const SetPilotFieldCommand*>(other);
    if (!o || !m_mergeable || !o->m_mergeable || o->m_field != m_field)
        return false;
    m_after = o->m_after;
    // Typed back to where it started: the step disappears from the stack.
    setObsolete(pilot::writePilot(m_after) == pilot::writePilot(m_before));
    return true;
}

} // namespace qpilot
