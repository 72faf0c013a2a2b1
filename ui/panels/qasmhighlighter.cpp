// SPDX-License-Identifier: GPL-3.0-or-later
// ui/panels/qasmhighlighter.cpp — OpenQASM syntax colouring (see qasmhighlighter.h).
#include "ui/panels/qasmhighlighter.h"

#include "core/circuit/gates.h"

#include <QStringList>

namespace qpilot {

namespace {

QTextCharFormat charFormat(const QColor& color, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(color);
    if (bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
}

QRegularExpression words(const QStringList& list)
{
    QStringList escaped;
    for (const QString& w : list)
        escaped << QRegularExpression::escape(w);
    return QRegularExpression(QStringLiteral("\\b(%1)\\b").arg(escaped.join(QLatin1Char('|'))));
}

} // namespace

QasmHighlighter::QasmHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document), m_comment(charFormat(QColor(0x6a, 0x73, 0x7d), false, true))
{
    const QStringList keywords = {
        "OPENQASM", "include", "qubit", "bit", "qreg", "creg", "measure", "reset", "barrier",
        "if", "else", "for", "in", "while", "gate", "opaque", "def", "return", "const", "input",
        "output", "int", "uint", "float", "angle", "bool", "complex", "let", "delay", "box",
        "ctrl", "negctrl", "inv", "pow", "duration", "stretch", "break", "continue", "end"};
    QStringList gates;
    for (const GateInfo& g : gateTable())
        gates << QString::fromLatin1(g.name);
    gates << QStringLiteral("CX") << QStringLiteral("phase") << QStringLiteral("cphase");

    m_rules.push_back({words(gates), charFormat(QColor(0x6f, 0x42, 0xc1))});
    m_rules.push_back({words(keywords), charFormat(QColor(0x00, 0x5c, 0xc5), true)});
    m_rules.push_back({QRegularExpression(QStringLiteral("\\b(pi|tau|euler)\\b")),
                       charFormat(QColor(0xb3, 0x5c, 0x00))});
    m_rules.push_back({QRegularExpression(QStringLiteral(
                           "\\b[0-9]+(\\.[0-9]*)?([eE][-+]?[0-9]+)?(ns|us|ms|s|dt)?\\b")),
                       charFormat(QColor(0xb3, 0x5c, 0x00))});
    m_rules.push_back({QRegularExpression(QStringLiteral("\"[^\"]*\"")),
                       charFormat(QColor(0x22, 0x86, 0x3a))});
}

void QasmHighlighter::highlightBlock(const QString& text)
{
    for (const Rule& rule : m_rules) {
        auto it = rule.pattern.globalMatch(text);
        while (it.hasNext()) {
            const auto match = it.next();
            setFormat(int(match.capturedStart()), int(match.capturedLength()), rule.format);
        }
    }
    // Comments last, so they win: `// ...` to the end of the line, and /* ... */ across lines.
    int start = 0;
    if (previousBlockState() != 1) {
        start = int(text.indexOf(QLatin1String("/*")));
        const int line = int(text.indexOf(QLatin1String("//")));
        if (line >= 0 && (start < 0 || line < start)) {
            setFormat(line, int(text.size()) - line, m_comment);
            setCurrentBlockState(0);
            return;
        }
    }
    setCurrentBlockState(0);
    while (start >= 0) {
        const int end = int(text.indexOf(QLatin1String("*/"), start));
        if (end < 0) {
            setFormat(start, int(text.size()) - start, m_comment);
            setCurrentBlockState(1);
            return;
        }
        setFormat(start, end + 2 - start, m_comment);
        start = int(text.indexOf(QLatin1String("/*"), end + 2));
    }
}

} // namespace qpilot
