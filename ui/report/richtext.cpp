// ui/report/richtext.cpp — **bold** parsing, greedy word wrap and painting of report text.
#include "ui/report/richtext.h"

#include <QFontMetricsF>

#include <algorithm>

namespace qpilot::ui::report {

namespace {

struct Atom {
    QString text;
    bool bold = false;
};
using Word = QVector<Atom>;           // adjacent atoms without a space between them
struct Paragraph {
    QVector<Word> words;
};

// Splits into hard lines ('\n'), each into words of atoms; "**" toggles bold. An unmatched
// trailing "**" is kept literally.
QVector<Paragraph> parse(const QString& text)
{
    const int markers = int(text.count(QStringLiteral("**")));
    const int usable = markers - (markers % 2);
    QVector<Paragraph> out(1);
    bool bold = false;
    int used = 0;
    Word word;
    QString atom;
    auto flushAtom = [&] {
        if (!atom.isEmpty())
            word.push_back({atom, bold});
        atom.clear();
    };
    auto flushWord = [&] {
        flushAtom();
        if (!word.isEmpty())
            out.back().words.push_back(word);
        word.clear();
    };
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('*') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('*') && used < usable) {
            flushAtom();
            bold = !bold;
            ++used;
            ++i;
        } else if (c == QLatin1Char('\n')) {
            flushWord();
            out.push_back({});
        } else if (c.isSpace()) {
            flushWord();
        } else {
            atom += c;
        }
    }
    flushWord();
    return out;
}

} // namespace

QString plainText(const QString& text)
{
    QString out;
    for (const Paragraph& p : parse(text)) {
        if (!out.isEmpty())
            out += QLatin1Char('\n');
        QStringList words;
        for (const Word& w : p.words) {
            QString s;
            for (const Atom& a : w)
                s += a.text;
            words << s;
        }
        out += words.join(QLatin1Char(' '));
    }
    return out;
}

WrappedText::WrappedText(const QString& text, const QFont& font, double width, double lineFactor)
    : m_font(font), m_bold(font), m_width(width)
{
    m_bold.setBold(true);
    const QFontMetricsF fm(m_font), fb(m_bold);
    m_lineHeight = fm.height() * lineFactor;
    m_ascent = fm.ascent() + (m_lineHeight - fm.height()) / 2;
    const double space = fm.horizontalAdvance(QLatin1Char(' '));
    auto advance = [&](const Atom& a) { return (a.bold ? fb : fm).horizontalAdvance(a.text); };

    for (const Paragraph& para : parse(text)) {
        TextLine line;
        double x = 0;
        auto newLine = [&] {
            line.width = x;
            m_lines.push_back(line);
            line = TextLine();
            x = 0;
        };
        for (const Word& word : para.words) {
            double w = 0;
            for (const Atom& a : word)
                w += advance(a);
            const double start = line.pieces.isEmpty() ? 0 : x + space;
            if (start + w <= width || (line.pieces.isEmpty() && w <= width)) {
                double px = start;
                for (int k = 0; k < word.size(); ++k) {
                    const Atom& a = word.at(k);
                    // Same weight as the previous word: one run with a real space, so the PDF's
                    // text layer reads as words, not letters glued together.
                    if (k == 0 && !line.pieces.isEmpty() && line.pieces.back().bold == a.bold)
                        line.pieces.back().text += QLatin1Char(' ') + a.text;
                    else
                        line.pieces.push_back({a.text, a.bold, px});
                    px += advance(a);
                }
                x = px;
                continue;
            }
            if (!line.pieces.isEmpty())
                newLine();
            if (w <= width) {
                for (const Atom& a : word) {
                    line.pieces.push_back({a.text, a.bold, x});
                    x += advance(a);
                }
                continue;
            }
            // A token wider than the column (a hash, a path): break it by character.
            for (const Atom& a : word) {
                const QFontMetricsF& m = a.bold ? fb : fm;
                QString chunk;
                for (const QChar c : a.text) {
                    const double cw = m.horizontalAdvance(chunk + c);
                    if (x + cw > width && (x > 0 || !chunk.isEmpty())) {
                        if (!chunk.isEmpty())
                            line.pieces.push_back({chunk, a.bold, x});
                        x += m.horizontalAdvance(chunk);
                        newLine();
                        chunk.clear();
                    }
                    chunk += c;
                }
                if (!chunk.isEmpty()) {
                    line.pieces.push_back({chunk, a.bold, x});
                    x += m.horizontalAdvance(chunk);
                }
            }
        }
        newLine();
    }
    // Empty text: no lines at all (height 0).
    if (m_lines.size() == 1 && m_lines.front().pieces.isEmpty())
        m_lines.clear();
}

double WrappedText::naturalWidth() const
{
    double w = 0;
    for (const TextLine& l : m_lines)
        w = std::max(w, l.width);
    return w;
}

void WrappedText::paint(QPainter& p, QPointF topLeft, const QColor& color, Qt::Alignment align, int first,
                        int count) const
{
    if (count < 0)
        count = int(m_lines.size()) - first;
    p.setPen(color);
    for (int i = 0; i < count && first + i < m_lines.size(); ++i) {
        const TextLine& line = m_lines.at(first + i);
        double dx = 0;
        if (align & Qt::AlignRight)
            dx = m_width - line.width;
        else if (align & Qt::AlignHCenter)
            dx = (m_width - line.width) / 2;
        const double baseline = topLeft.y() + i * m_lineHeight + m_ascent;
        for (const TextPiece& piece : line.pieces) {
            p.setFont(piece.bold ? m_bold : m_font);
            p.drawText(QPointF(topLeft.x() + dx + piece.x, baseline), piece.text);
        }
    }
}

double singleLineWidth(const QString& text, const QFont& font)
{
    return WrappedText(text, font, 1e9).naturalWidth();
}

double longestWordWidth(const QString& text, const QFont& font)
{
    QFont bold(font);
    bold.setBold(true);
    const QFontMetricsF fm(font), fb(bold);
    double best = 0;
    for (const Paragraph& p : parse(text))
        for (const Word& w : p.words) {
            double width = 0;
            for (const Atom& a : w)
                width += (a.bold ? fb : fm).horizontalAdvance(a.text);
            best = std::max(best, width);
        }
    return best;
}

} // namespace qpilot::ui::report
