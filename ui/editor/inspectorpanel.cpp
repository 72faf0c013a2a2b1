// SPDX-License-Identifier: GPL-3.0-or-later
// ui/editor/inspectorpanel.cpp — the operation inspector (see inspectorpanel.h).
#include "ui/editor/inspectorpanel.h"

#include "ui/commands/circuitedits.h"
#include "ui/document/document.h"
#include "ui/editor/circuitscene.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace qpilot {

namespace {

QString paramName(const GateOp& g, std::size_t i)
{
    static const char* const names3[] = {"\u03b8", "\u03c6", "\u03bb"};
    if (g.kind == GateKind::Custom || g.params.size() > 3)
        return QStringLiteral("p%1").arg(i);
    if (g.params.size() == 1)
        return QStringLiteral("\u03b8");
    return QString::fromUtf8(names3[i]);
}

} // namespace

InspectorPanel::InspectorPanel(Document* document, CircuitScene* scene, QWidget* parent)
    : QWidget(parent), m_document(document), m_scene(scene), m_title(new QLabel(this)), m_summary(new QLabel(this)),
      m_error(new QLabel(this)), m_form(nullptr), m_formLayout(nullptr)
{
    setObjectName(QStringLiteral("inspectorPanel"));
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() + 1);
    m_title->setFont(bold);
    m_summary->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("inspectorError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addStretch(1);
    layout->addWidget(m_error);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &InspectorPanel::refresh);
    connect(m_document, &Document::circuitChanged, this, &InspectorPanel::refresh);
    refresh();
}

QString InspectorPanel::errorText() const
{
    return m_error->text();
}

void InspectorPanel::refresh()
{
    if (m_refreshing)
        return;
    const std::vector<int> selected = m_scene->selectedOperations();
    const int index = selected.size() == 1 ? selected.front() : -1;
    const Circuit& c = m_document->circuit();
    const Operation* op = index >= 0 && index < int(c.ops.size()) ? &c.ops[std::size_t(index)] : nullptr;
    const auto* gate = op ? std::get_if<GateOp>(&op->op) : nullptr;
    const auto* measure = op ? std::get_if<MeasureOp>(&op->op) : nullptr;
    std::vector<int> qubits;
    if (gate)
        qubits = gate->qubits;
    else if (measure)
        qubits = {measure->qubit};
    else if (op && std::holds_alternative<ResetOp>(op->op))
        qubits = {std::get<ResetOp>(op->op).qubit};
    const std::size_t nParams = gate ? gate->params.size() : 0;
    const bool sameShape = index == m_index && m_params.size() == nParams && m_qubits.size() == qubits.size()
        && (m_clbit != nullptr) == (measure != nullptr) && m_form;
    m_index = index;
    m_error->clear();
    if (!op) {
        m_title->setText(selected.empty() ? tr("Nothing selected") : tr("%1 operations selected").arg(selected.size()));
        m_summary->setText(selected.empty() ? tr("Drag a gate from the palette onto a wire, then select it "
                                                 "here to edit its parameters and qubits.")
                                            : tr("Delete, copy or drag them together."));
    } else {
        m_title->setText(operationName(*op));
        m_summary->setText(gate && gate->kind != GateKind::Custom ? QString::fromUtf8(gateInfo(gate->kind).summary)
                                                                   : QString());
    }
    const QSignalBlocker blockTitle(m_title);
    if (!sameShape) {
        if (m_form)
            m_form->deleteLater();
        m_form = nullptr;
        m_params.clear();
        m_qubits.clear();
        m_clbit = nullptr;
        if (!op || (!gate && qubits.empty()))
            return;
        m_form = new QWidget(this);
        m_formLayout = new QFormLayout(m_form);
        m_formLayout->setContentsMargins(0, 6, 0, 0);
        static_cast<QVBoxLayout*>(layout())->insertWidget(2, m_form);
        for (std::size_t i = 0; i < nParams; ++i) {
            auto* e = new QLineEdit(m_form);
            e->setObjectName(QStringLiteral("parameter%1").arg(i));
            e->setToolTip(tr("A number, an expression such as pi/4 or 2*theta, or a parameter name"));
            m_formLayout->addRow(paramName(*gate, i), e);
            connect(e, &QLineEdit::editingFinished, this, [this] { apply(); });
            m_params.push_back(e);
        }
        for (std::size_t i = 0; i < qubits.size(); ++i) {
            auto* s = new QSpinBox(m_form);
            s->setObjectName(QStringLiteral("qubit%1").arg(i));
            m_formLayout->addRow(qubits.size() == 1 ? tr("Qubit") : tr("Qubit %1").arg(i), s);
            connect(s, &QSpinBox::valueChanged, this, [this] { apply(); });
            m_qubits.push_back(s);
        }
        if (measure) {
            m_clbit = new QSpinBox(m_form);
            m_clbit->setObjectName(QStringLiteral("clbit"));
            m_formLayout->addRow(tr("Classical bit"), m_clbit);
            connect(m_clbit, &QSpinBox::valueChanged, this, [this] { apply(); });
        }
    }
    m_refreshing = true;
    for (std::size_t i = 0; i < nParams; ++i) {
        if (!m_params[i]->hasFocus() || !sameShape)
            m_params[i]->setText(QString::fromStdString(gate->params[i].toQasm()));
    }
    for (std::size_t i = 0; i < qubits.size(); ++i) {
        const QSignalBlocker block(m_qubits[i]);
        m_qubits[i]->setRange(0, std::max(0, c.numQubits() - 1));
        m_qubits[i]->setValue(qubits[i]);
    }
    if (m_clbit) {
        const QSignalBlocker block(m_clbit);
        m_clbit->setRange(0, std::max(0, c.numClbits()));
        m_clbit->setValue(measure->clbit);
    }
    m_refreshing = false;
}

bool InspectorPanel::apply()
{
    if (m_refreshing || m_index < 0 || m_index >= int(m_document->circuit().ops.size()))
        return false;
    Operation op = m_document->circuit().ops[std::size_t(m_index)];
    if (auto* g = std::get_if<GateOp>(&op.op)) {
        for (std::size_t i = 0; i < m_params.size() && i < g->params.size(); ++i) {
            auto parsed = edit::parseParameter(m_params[i]->text().toStdString());
            if (!parsed) {
                m_error->setText(tr("%1: column %2: %3")
                                     .arg(paramName(*g, i))
                                     .arg(parsed.error().column)
                                     .arg(QString::fromStdString(parsed.error().message)));
                return false;
            }
            g->params[i] = parsed.value();
        }
        for (std::size_t i = 0; i < m_qubits.size() && i < g->qubits.size(); ++i)
            g->qubits[i] = m_qubits[i]->value();
    } else if (auto* m = std::get_if<MeasureOp>(&op.op)) {
        if (!m_qubits.empty())
            m->qubit = m_qubits.front()->value();
        if (m_clbit)
            m->clbit = m_clbit->value();
    } else if (auto* r = std::get_if<ResetOp>(&op.op)) {
        if (!m_qubits.empty())
            r->qubit = m_qubits.front()->value();
    }
    const int index = m_index;
    const std::vector<int> keep = {index};
    if (const auto* m = std::get_if<MeasureOp>(&op.op); m && m->clbit >= m_document->circuit().numClbits()) {
        Circuit out = edit::ensureClbit(m_document->circuit(), m->clbit);
        out.ops[std::size_t(index)] = op;
        if (auto e = m_document->replaceCircuit(out, tr("Edit measure"))) {
            m_error->setText(QString::fromStdString(e->message));
            return false;
        }
    } else if (auto e = m_document->setOperation(index, op)) {
        m_error->setText(QString::fromStdString(e->message));
        return false;
    }
    m_scene->selectOperations(keep);
    m_error->clear();
    return true;
}

} // namespace qpilot
