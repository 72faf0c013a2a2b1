// SPDX-License-Identifier: GPL-3.0-or-later
// ui/panels/circuittextpanel.h — the circuit as OpenQASM 3 text (read-only, monospace),
// under a one-line summary of where it came from and its size.
#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace qpilot {

class Document;

class CircuitTextPanel : public QWidget {
    Q_OBJECT
public:
    explicit CircuitTextPanel(const Document* document, QWidget* parent = nullptr);

    QString text() const;
    QString summary() const;

private:
    void refresh();

    const Document* m_document;
    QLabel* m_summary;
    QPlainTextEdit* m_text;
};

} // namespace qpilot
