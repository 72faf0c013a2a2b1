// SPDX-License-Identifier: GPL-3.0-or-later
// ui/document/document.h — the open document: the current circuit, where it came from
// (path and format) and what the views show of it (metrics, OpenQASM 3 text). Opening a
// file that fails to parse leaves the current document as it was.
#pragma once

#include "core/circuit/circuit.h"
#include "core/common/result.h"
#include "core/circuit/circuit_file.h"

#include <QObject>
#include <QString>

#include <optional>

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

signals:
    void changed();

private:
    void setCircuit(Circuit circuit, const QString& path, const QString& displayName,
                    CircuitFormat format);

    Circuit m_circuit;
    CircuitMetrics m_metrics;
    QString m_qasm3;
    QString m_filePath;
    QString m_displayName;
    CircuitFormat m_format = CircuitFormat::Qasm3;
    bool m_hasCircuit = false;
};

} // namespace qpilot
