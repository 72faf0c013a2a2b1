// SPDX-License-Identifier: GPL-3.0-or-later
// ui/pilot/pilotcommands.h — the undo command of the pilot editor: one generic "set pilot field"
// command holding the whole pilot before and after the edit (a Pilot is a small value) and the
// field it changed; consecutive edits of the same field (typing, spinning) merge into one step.
#pragma once

#include "core/pilot/pilot.h"

#include <QString>
#include <QUndoCommand>

#include <functional>

namespace qpilot {

class SetPilotFieldCommand : public QUndoCommand {
public:
    enum { Id = 0x5170 };
    using Apply = std::function<void(const pilot::Pilot&)>;

    // `field` is the validation path ("shots", "circuit.encoding", "devices"); `apply` puts a
    // pilot into the editor. `mergeable`: a later edit of the same field merges into this one.
    SetPilotFieldCommand(Apply apply, QString field, pilot::Pilot before, pilot::Pilot after, bool mergeable,
                         const QString& text);
    void undo() override;
    void redo() override;
    int id() const override { return m_mergeable ? Id : -1; }
    bool mergeWith(const QUndoCommand* other) override;

    const QString& field() const { return m_field; }
    const pilot::Pilot& before() const { return m_before; }
    const pilot::Pilot& after() const { return m_after; }

private:
    Apply m_apply;
    QString m_field;
    pilot::Pilot m_before;
    pilot::Pilot m_after;
    bool m_mergeable;
};

} // namespace qpilot
