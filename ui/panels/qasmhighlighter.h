// SPDX-License-Identifier: GPL-3.0-or-later
// ui/panels/qasmhighlighter.h — syntax colouring of OpenQASM 2/3 text: keywords, standard
// gate names (from the gate table), numbers, strings and comments.
#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <vector>

namespace qpilot {

class QasmHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit QasmHighlighter(QTextDocument* document);

protected:
    void highlightBlock(const QString& text) override;

private:
    struct Rule {
        QRegularExpression pattern;
        QTextCharFormat format;
    };
    std::vector<Rule> m_rules;
    QTextCharFormat m_comment;
};

} // namespace qpilot
