// SPDX-License-Identifier: GPL-3.0-or-later
// ui/document/document.h — the open document: the current circuit, where it came from
// (path and format) and what the views show of it (metrics, OpenQASM 3 text). Opening a
// file that fails to parse leaves the current document as it was. Every edit of the circuit is
// an undo command on undoStack() (see ui/commands); the document is modified while the stack
// is not at its clean index.
#pragma once

#include "core/circuit/circuit.h"
#include "core/common/result.h"
#include "core/circuit/circuit_file.h"

#include <QObject>
#include <QString>

#include <optional>
#include <vector>

class QUndoStack;

namespace qpilot {

class Document : public QObject {
    Q_OBJECT
public:
    explicit Document(QObject* parent = nullptr);

    bool hasCircuit() const { return m_hasCircuit; }
    const Circuit& circuit() const { return m_circuit; }
    const CircuitMetrics& metrics() const { return m_metrics; }
    // The circuit as OpenQASM 3 (or, if it cannot be written, the reason).
    const QString& qasm3Text() const { return m_qasm3; }

    // The file it was read from or last saved to; empty for a bundled example.
    QString filePath() const { return m_filePath; }
    // The file name shown to people ("bell.qasm"); empty when there is no circuit.
    QString displayName() const { return m_displayName; }
    CircuitFormat format() const { return m_format; }

    // Reads a file (or a ":/examples/..." resource, which then has no file path) and makes
    // it the document. On error nothing changes.
    std::optional<Error> open(const QString& path, CircuitFormat format = CircuitFormat::Auto);
    // Writes the circuit (atomically) in `format`; on success the document now lives there.
    std::optional<Error> saveAs(const QString& path, CircuitFormat format);
    // Writes back to filePath() in format(); an error when there is no file path.
    std::optional<Error> save();
    // Makes `circuit` the document, unmodified, as if read from `path` (e.g. a pilot's model
    // circuit: path is the .qpilot file, empty for an embedded example).
    void load(Circuit circuit, const QString& path, const QString& displayName);
    // The document was written to `path` by someone else (a pilot saved with it): now clean.
    void markSaved(const QString& path, const QString& displayName);
    // Starts a new, unsaved circuit "untitled.qasm" with `qubits` qubits (register q) and a
    // classical register c of the same size.
    void newCircuit(int qubits);

    QUndoStack* undoStack() const { return m_undoStack; }
    bool isModified() const;

    // Edits, each pushed as one undo command. An invalid edit pushes nothing and returns the
    // reason. A measurement to a classical bit that does not exist yet creates it.
    std::optional<Error> addOperation(const Operation& op, int index);
    std::optional<Error> removeOperations(const std::vector<int>& indices);
    // Consecutive moves of the same operations merge into one undo step.
    std::optional<Error> moveOperations(const std::vector<int>& indices, int qubitDelta, int columnDelta,
                                        std::vector<int>* newIndices = nullptr);
    // Replaces one operation (parameters, qubits); consecutive edits of one op merge.
    std::optional<Error> setOperation(int index, const Operation& op);
    std::optional<Error> addQubit();
    std::optional<Error> removeQubit(int qubit);
    std::optional<Error> addClbit();
    std::optional<Error> removeLastClbit();
    // Replaces the whole circuit (the OpenQASM source pane); nothing happens when equal.
    std::optional<Error> replaceCircuit(const Circuit& circuit, const QString& what);

    // For the undo commands: makes `circuit` the document's circuit (keeps the file).
    void applyCircuit(const Circuit& circuit);

signals:
    // Anything shown changed (circuit, file name, modified flag).
    void changed();
    // The circuit itself changed (an edit, undo/redo, or a file opened).
    void circuitChanged();

private:
    void setCircuit(Circuit circuit, const QString& path, const QString& displayName,
                    CircuitFormat format);
    std::optional<Error> push(Result<Circuit> edited, const QString& text, int mergeId = -1,
                              std::vector<int> mergeFrom = {}, std::vector<int> mergeTo = {});
    void updateDerived();

    QUndoStack* m_undoStack;

    Circuit m_circuit;
    CircuitMetrics m_metrics;
    QString m_qasm3;
    QString m_filePath;
    QString m_displayName;
    CircuitFormat m_format = CircuitFormat::Qasm3;
    bool m_hasCircuit = false;
};

// The name shown for an operation ("cx", "measure", a custom gate's name).
QString operationName(const Operation& op);

} // namespace qpilot
