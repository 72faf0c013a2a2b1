// SPDX-License-Identifier: GPL-3.0-or-later
// ui/panels/circuittextpanel.h — the OpenQASM 3 source pane, synchronised both ways with the
// document: an edit of the diagram rewrites the text; typing in the text re-parses it after
// a short pause and replaces the circuit through one undo command. A parse error underlines
// its location with the parser's message and leaves the circuit (and the diagram) as it was.
#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTimer;

namespace qpilot {

class Document;

class CircuitTextPanel : public QWidget {
    Q_OBJECT
public:
    explicit CircuitTextPanel(Document* document, QWidget* parent = nullptr);

    QString text() const;
    QString summary() const;
    QPlainTextEdit* editor() const { return m_text; }
    // The current parse error ("line:column: message"), empty when the text is valid.
    QString errorText() const { return m_error; }
    // 1-based line/column of the underlined error (0 when none).
    int errorLine() const { return m_errorLine; }
    int errorColumn() const { return m_errorColumn; }

    // Replaces the text as if typed, and parses it now instead of after the pause.
    void setSourceText(const QString& text);
    // Whether typed text waits for the debounce to be parsed.
    bool isReparsePending() const;
    // Parses the text now (what the debounce timer does); returns whether it was valid.
    bool applyText();

signals:
    // A parse error (message with location) or an empty string when the text is valid again.
    void parseErrorChanged(const QString& message);

private:
    void refresh();
    void showError(int line, int column, const QString& message);

    Document* m_document;
    QLabel* m_summary;
    QPlainTextEdit* m_text;
    QTimer* m_debounce;
    QString m_lastText; // last text shown from the document or parsed
    QString m_error;
    int m_errorLine = 0;
    int m_errorColumn = 0;
    bool m_updating = false;
};

} // namespace qpilot
