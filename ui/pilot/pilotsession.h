// SPDX-License-Identifier: GPL-3.0-or-later
// ui/pilot/pilotsession.h — the open `.qpilot` pilot beside the circuit Document: opening a pilot
// (file or embedded example) puts its model circuit in the Document (the custom OpenQASM, else the
// encoding circuit the pipeline builds, core/pilot modelCircuit); saving writes the pilot back
// atomically with the edited circuit as circuit.custom_qasm only when it differs from the circuit
// the pilot was opened with. Errors are returned and leave everything as it was.
#pragma once

#include "core/circuit/ir.h"
#include "core/common/result.h"
#include "core/pilot/pilot.h"

#include <QObject>
#include <QString>

#include <optional>

namespace qpilot {

class Document;

class PilotSession : public QObject {
    Q_OBJECT
public:
    explicit PilotSession(Document* document, QObject* parent = nullptr);

    // The circuit document the session shares with the editor.
    Document* document() const { return m_document; }
    // A pilot is open and the document holds its circuit.
    bool isOpen() const { return m_open; }
    const pilot::Pilot& pilot() const { return m_pilot; }
    // The .qpilot file; empty for an embedded example (Save then needs Save As).
    QString filePath() const { return m_path; }
    // Where runs of this pilot put their reports: the pilot's folder ("" for an example).
    QString directory() const;

    // Reads a .qpilot file (errors name the file, line and field); nothing changes on error.
    std::optional<Error> open(const QString& path);
    // One of pilot::examplePilots() by name ("breast_cancer_kernel").
    std::optional<Error> openExample(const QString& name);
    // The document is no longer the pilot's (another circuit opened, a new one, saved as OpenQASM).
    void close();

    // The pilot as it would be saved now: the document's circuit becomes circuit.custom_qasm only
    // when it differs from the circuit the pilot was opened (or last saved) with.
    Result<pilot::Pilot> currentPilot() const;
    // Writes currentPilot() atomically to `path` (the document is then clean and lives there).
    std::optional<Error> saveAs(const QString& path);

    // The pilot editor changed the pilot (its base directory is kept). When the circuit was not
    // edited by hand and the pilot has no custom circuit, the document gets the new model circuit
    // (an encoding or feature change shows in the circuit editor). Errors leave everything as it was.
    std::optional<Error> applyEdits(const pilot::Pilot& edited);
    // The pilot differs from the one opened or last saved (edits in the pilot editor).
    bool isPilotModified() const { return m_pilotModified; }

signals:
    void changed();

private:
    std::optional<Error> adopt(Result<pilot::Pilot> loaded, const QString& path, const QString& displayName);

    Document* m_document;
    pilot::Pilot m_pilot;
    Circuit m_circuit; // the model circuit as opened / last saved
    QString m_path;
    bool m_open = false;
    bool m_pilotModified = false;
};

} // namespace qpilot
