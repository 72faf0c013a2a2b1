// SPDX-License-Identifier: GPL-3.0-or-later
// ui/panels/circuittextpanel.cpp — the synchronised OpenQASM 3 source pane (see circuittextpanel.h).
#include "ui/panels/circuittextpanel.h"

#include "core/circuit/qasm.h"
#include "ui/document/document.h"
#include "ui/panels/qasmhighlighter.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

namespace qpilot {

namespace {
constexpr int kDebounceMs = 400;
}

CircuitTextPanel::CircuitTextPanel(Document* document, QWidget* parent)
    : QWidget(parent), m_document(document), m_summary(new QLabel(this)), m_text(new QPlainTextEdit(this)),
      m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("circuitTextPanel"));
    m_summary->setObjectName(QStringLiteral("circuitSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);

    m_text->setObjectName(QStringLiteral("circuitText"));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_text->setFont(mono);
    m_text->document()->setDocumentMargin(6);
    new QasmHighlighter(m_text->document());
    m_text->setPlaceholderText(
        tr("Open an OpenQASM 2 or 3 file (File \u25b8 Open\u2026, Ctrl+O), pick one under "
           "File \u25b8 Open Example, or drop a .qasm file on this window."));

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &CircuitTextPanel::applyText);
    // textChanged also fires for format-only changes (the highlighter's deferred pass), so
    // compare with the last text that was shown or parsed.
    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_updating && m_text->toPlainText() != m_lastText)
            m_debounce->start();
    });

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

void CircuitTextPanel::setSourceText(const QString& text)
{
    m_text->setPlainText(text);
    m_debounce->stop();
    applyText();
}

bool CircuitTextPanel::isReparsePending() const
{
    return m_debounce->isActive();
}

bool CircuitTextPanel::applyText()
{
    m_debounce->stop();
    if (!m_document->hasCircuit())
        return false;
    m_lastText = m_text->toPlainText();
    const std::string source = m_lastText.toStdString();
    auto parsed = parseQasm(source, m_document->displayName().toStdString());
    if (!parsed) {
        const Error& e = parsed.error();
        showError(e.line, e.column, QString::fromStdString(e.toString()));
        return false;
    }
    showError(0, 0, QString());
    m_updating = true;
    const auto error = m_document->replaceCircuit(parsed.value(), tr("Edit OpenQASM source"));
    m_updating = false;
    if (error) {
        showError(0, 0, QString::fromStdString(error->toString()));
        return false;
    }
    return true;
}

void CircuitTextPanel::showError(int line, int column, const QString& message)
{
    const bool changed = message != m_error;
    m_error = message;
    m_errorLine = line;
    m_errorColumn = column;
    QList<QTextEdit::ExtraSelection> selections;
    if (!message.isEmpty() && line > 0) {
        QTextBlock block = m_text->document()->findBlockByNumber(line - 1);
        if (block.isValid()) {
            QTextEdit::ExtraSelection sel;
            sel.cursor = QTextCursor(block);
            const int col = std::clamp(column - 1, 0, std::max(0, block.length() - 1));
            sel.cursor.setPosition(block.position() + col);
            // Underline the word at the error (or the rest of the line when there is none).
            sel.cursor.movePosition(QTextCursor::EndOfWord, QTextCursor::KeepAnchor);
            if (!sel.cursor.hasSelection())
                sel.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
            if (!sel.cursor.hasSelection()) {
                sel.cursor.setPosition(block.position());
                sel.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
            }
            sel.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            sel.format.setUnderlineColor(QColor(0xd3, 0x2f, 0x2f));
            sel.format.setToolTip(message);
            selections << sel;
        }
    }
    m_text->setExtraSelections(selections);
    if (changed)
        emit parseErrorChanged(message);
}

void CircuitTextPanel::refresh()
{
    if (!m_document->hasCircuit()) {
        m_summary->setText(tr("No circuit open"));
        m_updating = true;
        m_text->clear();
        m_lastText.clear();
        m_updating = false;
        return;
    }
    const CircuitFormat format = m_document->format();
    m_summary->setText(format == CircuitFormat::Qasm3
                           ? tr("%1 \u2014 OpenQASM 3").arg(m_document->displayName())
                           : tr("%1 \u2014 read as %2, shown as OpenQASM 3")
                                 .arg(m_document->displayName(), circuitFormatTitle(format)));
    if (m_updating)
        return; // the change came from this text; keep the cursor where the person types
    if (m_text->toPlainText() != m_document->qasm3Text()) {
        m_updating = true;
        m_debounce->stop();
        m_text->setPlainText(m_document->qasm3Text());
        m_lastText = m_document->qasm3Text();
        showError(0, 0, QString());
        m_updating = false;
    }
}

} // namespace qpilot
