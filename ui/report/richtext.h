// ui/report/richtext.h — the report's small text engine: parses **bold** spans, wraps words to
// a width (breaking over-long tokens such as hashes by character), and paints the lines at
// positions computed once, so pagination and painting agree on every device.
#pragma once

#include <QFont>
#include <QPainter>
#include <QString>
#include <QVector>

#include <string>

namespace qpilot::ui::report {

struct TextPiece {
    QString text;
    bool bold = false;
    double x = 0;                     // from the line's left edge
};
struct TextLine {
    QVector<TextPiece> pieces;
    double width = 0;
};

class WrappedText {
public:
    WrappedText() = default;
    // Lays out `text` (UTF-8, **bold** spans, '\n' forces a break) in `width` dots with the
    // regular font `font` (its bold variant is derived). `lineFactor` scales the line spacing.
    WrappedText(const QString& text, const QFont& font, double width, double lineFactor = 1.2);

    double height() const { return m_lines.size() * m_lineHeight; }
    double lineHeight() const { return m_lineHeight; }
    int lineCount() const { return int(m_lines.size()); }
    double naturalWidth() const;      // widest line
    const QVector<TextLine>& lines() const { return m_lines; }

    // Paints lines [first, first+count) with the top of line `first` at `topLeft`;
    // `align` is Qt::AlignLeft, Qt::AlignRight or Qt::AlignHCenter within `width`.
    void paint(QPainter& p, QPointF topLeft, const QColor& color, Qt::Alignment align = Qt::AlignLeft,
               int first = 0, int count = -1) const;

private:
    QFont m_font, m_bold;
    double m_width = 0;
    double m_lineHeight = 0;
    double m_ascent = 0;
    QVector<TextLine> m_lines;
};

// Width of `text` on one line (bold spans measured bold, markers removed).
double singleLineWidth(const QString& text, const QFont& font);
// Width of the longest word of `text` (the narrowest a wrapped column can be without
// breaking a word).
double longestWordWidth(const QString& text, const QFont& font);
// The text without ** markers.
QString plainText(const QString& text);

inline QString qs(const std::string& s) { return QString::fromStdString(s); }

} // namespace qpilot::ui::report
