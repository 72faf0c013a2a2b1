// SPDX-License-Identifier: GPL-3.0-or-later
// ui/pilot/pilotsession.cpp — the open pilot (see pilotsession.h).
#include "ui/pilot/pilotsession.h"

#include "core/circuit/qasm.h"
#include "core/pilot/pipeline.h"
#include "ui/document/document.h"

#include <QFileInfo>

namespace qpilot {

PilotSession::PilotSession(Document* document, QObject* parent) : QObject(parent), m_document(document) {}

QString PilotSession::directory() const
{
    return m_path.isEmpty() ? QString() : QFileInfo(m_path).absolutePath();
}

std::optional<Error> PilotSession::open(const QString& path)
{
    const QFileInfo info(path);
    return adopt(pilot::loadPilotFile(path.toStdString()), info.absoluteFilePath(), info.fileName());
}

std::optional<Error> PilotSession::openExample(const QString& name)
{
    Result<pilot::Pilot> example = pilot::readExamplePilot(name.toStdString());
    if (!example)
        return example.error();
    return adopt(std::move(example), QString(), name + QStringLiteral(".qpilot"));
}

std::optional<Error> PilotSession::adopt(Result<pilot::Pilot> loaded, const QString& path, const QString& displayName)
{
    if (!loaded)
        return loaded.error();
    auto circuit = pilot::modelCircuit(loaded.value());
    if (!circuit) {
        Error e = circuit.error();
        e.message = "the pilot's model circuit: " + e.message;
        return e;
    }
    m_pilot = std::move(loaded).value();
    m_circuit = circuit.value();
    m_path = path;
    m_open = true;
    m_pilotModified = false;
    m_document->load(std::move(circuit).value(), path, displayName);
    emit changed();
    return std::nullopt;
}

void PilotSession::close()
{
    if (!m_open)
        return;
    m_open = false;
    m_pilotModified = false;
    m_path.clear();
    m_pilot = pilot::Pilot{};
    emit changed();
}

Result<pilot::Pilot> PilotSession::currentPilot() const
{
    if (!m_open)
        return Error("no pilot is open");
    pilot::Pilot p = m_pilot;
    if (!(m_document->circuit() == m_circuit)) {
        auto qasm = writeQasm3(m_document->circuit());
        if (!qasm)
            return Error("circuit.custom_qasm: the edited circuit cannot be written as OpenQASM 3: " + qasm.error().message);
        p.circuit.customQasm = qasm.value();
    }
    return p;
}

std::optional<Error> PilotSession::saveAs(const QString& path)
{
    auto p = currentPilot();
    if (!p)
        return p.error();
    if (auto e = pilot::savePilotFile(p.value(), path.toStdString()))
        return e;
    const QFileInfo info(path);
    m_pilot = std::move(p).value();
    m_pilot.baseDirectory = info.absolutePath().toStdString();
    m_circuit = m_document->circuit();
    m_path = info.absoluteFilePath();
    m_pilotModified = false;
    m_document->markSaved(m_path, info.fileName());
    emit changed();
    return std::nullopt;
}

std::optional<Error> PilotSession::applyEdits(const pilot::Pilot& edited)
{
    if (!m_open)
        return Error("no pilot is open");
    pilot::Pilot next = edited;
    next.baseDirectory = m_pilot.baseDirectory;
    const bool circuitFollowsPilot = m_document->circuit() == m_circuit && next.circuit.customQasm.empty();
    if (circuitFollowsPilot) {
        auto circuit = pilot::modelCircuit(next);
        if (!circuit) {
            Error e = circuit.error();
            e.message = "the pilot's model circuit: " + e.message;
            return e;
        }
        if (!(circuit.value() == m_circuit)) {
            m_circuit = circuit.value();
            m_document->load(std::move(circuit).value(), m_document->filePath(), m_document->displayName());
        }
    }
    m_pilot = std::move(next);
    m_pilotModified = true;
    emit changed();
    return std::nullopt;
}

} // namespace qpilot
