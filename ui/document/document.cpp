// SPDX-License-Identifier: GPL-3.0-or-later
// ui/document/document.cpp — the open document (see document.h).
#include "ui/document/document.h"

#include "ui/commands/circuitcommands.h"
#include "ui/commands/circuitedits.h"

#include <QFileInfo>
#include <algorithm>
#include <QUndoStack>

namespace qpilot {

Document::Document(QObject* parent) : QObject(parent), m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this, &Document::changed);
}

bool Document::isModified() const
{
    return m_hasCircuit && !m_undoStack->isClean();
}

void Document::newCircuit(int qubits)
{
    Circuit c;
    c.addQreg("q", std::max(1, qubits));
    c.addCreg("c", std::max(1, qubits));
    m_undoStack->clear();
    setCircuit(std::move(c), QString(), QStringLiteral("untitled.qasm"), CircuitFormat::Qasm3);
}

void Document::applyCircuit(const Circuit& circuit)
{
    m_circuit = circuit;
    m_hasCircuit = true;
    updateDerived();
    emit circuitChanged();
    emit changed();
}

void Document::updateDerived()
{
    m_metrics = circuitMetrics(m_circuit);
    const auto text = writeQasm3(m_circuit);
    m_qasm3 = text ? QString::fromStdString(*text)
                   : QStringLiteral("// This circuit cannot be shown as OpenQASM 3:\n// %1\n")
                         .arg(QString::fromStdString(text.error().toString()));
}

std::optional<Error> Document::push(Result<Circuit> edited, const QString& text, int mergeId,
                                    std::vector<int> mergeFrom, std::vector<int> mergeTo)
{
    if (!m_hasCircuit)
        return Error("there is no circuit to edit; create one with File ▸ New");
    if (!edited)
        return edited.error();
    if (edited.value() == m_circuit)
        return std::nullopt;
    auto* command = new CircuitCommand(this, text, m_circuit, std::move(edited.value()), mergeId);
    command->mergeFrom = std::move(mergeFrom);
    command->mergeTo = std::move(mergeTo);
    m_undoStack->push(command);
    return std::nullopt;
}

std::optional<Error> Document::addOperation(const Operation& op, int index)
{
    Circuit base = m_circuit;
    if (const auto* m = std::get_if<MeasureOp>(&op.op))
        base = edit::ensureClbit(base, m->clbit);
    return push(edit::insertOperation(base, op, index), tr("Add %1").arg(operationName(op)));
}

std::optional<Error> Document::removeOperations(const std::vector<int>& indices)
{
    return push(edit::removeOperations(m_circuit, indices),
                indices.size() == 1 ? tr("Delete gate") : tr("Delete %1 gates").arg(indices.size()));
}

std::optional<Error> Document::moveOperations(const std::vector<int>& indices, int qubitDelta, int columnDelta,
                                              std::vector<int>* newIndices)
{
    auto moved = edit::moveOperations(m_circuit, indices, qubitDelta, columnDelta);
    if (!moved)
        return moved.error();
    std::vector<int> from = indices;
    std::sort(from.begin(), from.end());
    if (newIndices)
        *newIndices = moved->indices;
    return push(moved->circuit, indices.size() == 1 ? tr("Move gate") : tr("Move %1 gates").arg(indices.size()),
                CircuitCommand::MoveId, from, moved->indices);
}

std::optional<Error> Document::setOperation(int index, const Operation& op)
{
    return push(edit::replaceOperation(m_circuit, index, op), tr("Edit %1").arg(operationName(op)),
                CircuitCommand::SetOperationId, {index}, {index});
}

std::optional<Error> Document::addQubit()
{
    return push(edit::addQubit(m_circuit), tr("Add qubit"));
}

std::optional<Error> Document::removeQubit(int qubit)
{
    return push(edit::removeQubit(m_circuit, qubit), tr("Remove qubit %1").arg(qubit));
}

std::optional<Error> Document::addClbit()
{
    return push(edit::addClbit(m_circuit), tr("Add classical bit"));
}

std::optional<Error> Document::removeLastClbit()
{
    return push(edit::removeLastClbit(m_circuit), tr("Remove classical bit"));
}

std::optional<Error> Document::replaceCircuit(const Circuit& circuit, const QString& what)
{
    return push(circuit, what);
}

QString operationName(const Operation& op)
{
    if (const auto* g = std::get_if<GateOp>(&op.op))
        return g->kind == GateKind::Custom ? QString::fromStdString(g->name) : QString::fromLatin1(gateInfo(g->kind).name);
    if (std::holds_alternative<MeasureOp>(op.op))
        return QStringLiteral("measure");
    if (std::holds_alternative<ResetOp>(op.op))
        return QStringLiteral("reset");
    if (std::holds_alternative<BarrierOp>(op.op))
        return QStringLiteral("barrier");
    if (std::holds_alternative<DelayOp>(op.op))
        return QStringLiteral("delay");
    return QStringLiteral("if");
}

std::optional<Error> Document::open(const QString& path, CircuitFormat format)
{
    auto loaded = loadCircuitFile(path, format);
    if (!loaded)
        return loaded.error();
    const bool resource = path.startsWith(QLatin1Char(':'));
    const QFileInfo info(path);
    m_undoStack->clear();
    setCircuit(std::move(loaded.value().circuit), resource ? QString() : info.absoluteFilePath(),
               info.fileName(), loaded->format);
    return std::nullopt;
}

void Document::load(Circuit circuit, const QString& path, const QString& displayName)
{
    m_undoStack->clear();
    setCircuit(std::move(circuit), path, displayName, CircuitFormat::Qasm3);
}

void Document::markSaved(const QString& path, const QString& displayName)
{
    m_filePath = path;
    m_displayName = displayName;
    m_undoStack->setClean();
    emit changed();
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
    m_undoStack->setClean();
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
    updateDerived();
    m_filePath = path;
    m_displayName = displayName;
    m_format = format;
    m_hasCircuit = true;
    emit circuitChanged();
    emit changed();
}

} // namespace qpilot
