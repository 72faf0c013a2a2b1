// SPDX-License-Identifier: GPL-3.0-or-later
// ui/panels/circuittextpanel.cpp — OpenQASM 3 view of the circuit (see circuittextpanel.h).
#include "ui/panels/circuittextpanel.h"

#include "ui/document/document.h"
#include "ui/panels/qasmhighlighter.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace qpilot {

CircuitTextPanel::CircuitTextPanel(const Document* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_summary(new QLabel(this)),
      m_text(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("circuitTextPanel"));
    m_summary->setObjectName(QStringLiteral("circuitSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);

    m_text->setObjectName(QStringLiteral("circuitText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (mono.pointSizeF() > 0)
        mono.setPointSizeF(mono.pointSizeF() + 1);
    m_text->setFont(mono);
    m_text->document()->setDocumentMargin(8);
    new QasmHighlighter(m_text->document());
    m_text->setPlaceholderText(
        tr("Open an OpenQASM 2 or 3 file (File \u25b8 Open\u2026, Ctrl+O), pick one under "
           "File \u25b8 Open Example, or drop a .qasm file on this window."));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_text, 1);

    connect(m_document, &Document::changed, this, &CircuitTextPanel::refresh);
    refresh();
}

QString CircuitTextPanel::text() const
{
    return m_text->toPlainText();
}

QString CircuitTextPanel::summary() const
{
    return m_summary->text();
}

void CircuitTextPanel::refresh()
{
    if (!m_document->hasCircuit()) {
        m_summary->setText(tr("No circuit open"));
        m_text->clear();
        return;
    }
    const CircuitFormat format = m_document->format();
    m_summary->setText(format == CircuitFormat::Qasm3
                           ? tr("%1 \u2014 OpenQASM 3").arg(m_document->displayName())
                           : tr("%1 \u2014 read as %2, shown as OpenQASM 3")
                                 .arg(m_document->displayName(), circuitFormatTitle(format)));
    m_text->setPlainText(m_document->qasm3Text());
}

} // namespace qpilot
