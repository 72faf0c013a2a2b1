// SPDX-License-Identifier: GPL-3.0-or-later
// ui/document/document.cpp — the open document (see document.h).
#include "ui/document/document.h"

#include <QFileInfo>

namespace qpilot {

Document::Document(QObject* parent) : QObject(parent) {}

std::optional<Error> Document::open(const QString& path, CircuitFormat format)
{
    auto loaded = loadCircuitFile(path, format);
    if (!loaded)
        return loaded.error();
    const bool resource = path.startsWith(QLatin1Char(':'));
    const QFileInfo info(path);
    setCircuit(std::move(loaded.value().circuit), resource ? QString() : info.absoluteFilePath(),
               info.fileName(), loaded->format);
    return std::nullopt;
}

std::optional<Error> Document::saveAs(const QString& path, CircuitFormat format)
{
    if (!m_hasCircuit) {
        Error e;
        e.message = "there is no circuit to save";
        return e;
    }
    const auto text = writeCircuitText(m_circuit, format);
    if (!text) {
        Error e = text.error();
        e.message = "cannot save as " + circuitFormatTitle(format).toStdString() + ": "
            + e.message;
        return e;
    }
    if (auto error = saveTextAtomically(path, *text))
        return error;
    const QFileInfo info(path);
    m_filePath = info.absoluteFilePath();
    m_displayName = info.fileName();
    m_format = format;
    emit changed();
    return std::nullopt;
}

std::optional<Error> Document::save()
{
    if (m_filePath.isEmpty()) {
        Error e;
        e.message = "the document has no file yet; use Save As";
        return e;
    }
    return saveAs(m_filePath, m_format);
}

void Document::setCircuit(Circuit circuit, const QString& path, const QString& displayName,
                          CircuitFormat format)
{
    m_circuit = std::move(circuit);
    m_metrics = circuitMetrics(m_circuit);
    const auto text = writeQasm3(m_circuit);
    m_qasm3 = text ? QString::fromStdString(*text)
                   : QStringLiteral("// This circuit cannot be shown as OpenQASM 3:\n// %1\n")
                         .arg(QString::fromStdString(text.error().toString()));
    m_filePath = path;
    m_displayName = displayName;
    m_format = format;
    m_hasCircuit = true;
    emit changed();
}

} // namespace qpilot
