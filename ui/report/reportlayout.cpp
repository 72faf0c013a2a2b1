// ui/report/reportlayout.cpp — fragments, pagination, the cover page and the page chrome.
#include "ui/report/reportlayout.h"

#include "ui/report/reportcharts.h"
#include "ui/report/richtext.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <qcustomplot.h>

#include <algorithm>
#include <memory>

namespace qpilot::ui::report {

using namespace qpilot::report;

namespace {

// ---- key-figure tiles (cover and KeyFigures blocks) ---------------------------------------

struct Tile {
    KeyFigure figure;
    WrappedText label, value, note;
};
struct TileRow {
    std::vector<Tile> tiles;
    double height = 0;
};
struct Tiles {
    std::vector<TileRow> rows;
    double tileWidth = 0, gap = mm(4);
};

constexpr double kTilePad = mm(3.2);

Tiles layoutTiles(const std::vector<KeyFigure>& figures, double width, double valuePoints)
{
    Tiles t;
    const int n = int(figures.size());
    const int cols = n <= 4 ? std::max(1, n) : 3;
    t.tileWidth = (width - t.gap * (cols - 1)) / cols;
    const double inner = t.tileWidth - 2 * kTilePad - mm(1.5);
    for (int i = 0; i < n; i += cols) {
        TileRow row;
        for (int k = i; k < std::min(n, i + cols); ++k) {
            const KeyFigure& f = figures[size_t(k)];
            Tile tile{f, WrappedText(qs(f.label), reportFont(7.8), inner - (isRating(f.rating) ? mm(13) : 0), 1.15),
                      WrappedText(qs(f.value), reportFont(valuePoints, true), inner, 1.1),
                      WrappedText(qs(f.note), reportFont(7.5), inner, 1.15)};
            const double h = 2 * kTilePad + tile.label.height() + mm(1.2) + tile.value.height() +
                             (tile.note.lineCount() ? mm(1) + tile.note.height() : 0);
            row.height = std::max(row.height, h);
            row.tiles.push_back(std::move(tile));
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

void paintTileRow(QPainter& p, const TileRow& row, double tileWidth, double gap, QPointF at)
{
    double x = at.x();
    for (const Tile& tile : row.tiles) {
        const QRectF r(x, at.y(), tileWidth, row.height);
        const int rating = tile.figure.rating;
        p.setPen(Qt::NoPen);
        p.setBrush(isRating(rating) ? ratingTint(rating) : QColor(0xf0, 0xf3, 0xf6));
        p.drawRect(r);
        p.setBrush(isRating(rating) ? ratingStrong(rating) : colors::accent());
        p.drawRect(QRectF(r.left(), r.top(), mm(1.5), r.height()));
        const double left = r.left() + mm(1.5) + kTilePad;
        double y = r.top() + kTilePad;
        tile.label.paint(p, QPointF(left, y), colors::muted());
        if (isRating(rating)) {
            p.setFont(reportFont(7, true));
            p.setPen(ratingDark(rating));
            const QFontMetricsF fm(p.font());
            const QString word = ratingWord(rating).toUpper();
            p.drawText(QPointF(r.right() - kTilePad - fm.horizontalAdvance(word), y + fm.ascent()), word);
        }
        y += tile.label.height() + mm(1.2);
        tile.value.paint(p, QPointF(left, y), isRating(rating) ? ratingDark(rating) : colors::text());
        y += tile.value.height() + mm(1);
        tile.note.paint(p, QPointF(left, y), colors::text());
        x += tileWidth + gap;
    }
}

// ---- the flow ------------------------------------------------------------------------------

class Builder {
public:
    explicit Builder(const PageGeometry& page) : m_width(page.contentWidth()) {}

    std::vector<Fragment> fragments;

    void section(int number, const Section& s)
    {
        const QString text = QStringLiteral("%1   %2").arg(number).arg(qs(s.heading));
        auto wrapped = std::make_shared<WrappedText>(text, reportFont(15, true), m_width, 1.15);
        Fragment f;
        f.spaceBefore = number == 1 ? 0 : pt(20);
        f.height = wrapped->height() + pt(9);
        f.keepWithNext = true;
        f.paint = [wrapped, w = m_width](QCPPainter& p, QPointF at) {
            wrapped->paint(p, at, colors::accent());
            p.setPen(QPen(colors::accent(), pt(1.1)));
            const double y = at.y() + wrapped->height() + pt(3);
            p.drawLine(QPointF(at.x(), y), QPointF(at.x() + w, y));
        };
        push(f);
        for (const Block& b : s.blocks)
            std::visit([this](const auto& block) { add(block); }, b);
    }

private:
    double m_width;
    int m_tables = 0, m_figures = 0;

    void push(Fragment f) { fragments.push_back(std::move(f)); }

    void add(const Paragraph& para)
    {
        auto text = std::make_shared<WrappedText>(qs(para.text), reportFont(10), m_width, 1.32);
        const int n = text->lineCount();
        for (int i = 0; i < n; ++i) {
            Fragment f;
            f.spaceBefore = i == 0 ? pt(7) : 0;
            f.height = text->lineHeight();
            // no orphaned first line, no widowed last line
            f.keepWithNext = (i == 0 && n > 1) || (i == n - 2 && n > 2);
            f.paint = [text, i](QCPPainter& p, QPointF at) { text->paint(p, at, colors::text(), Qt::AlignLeft, i, 1); };
            push(f);
        }
    }

    void add(const KeyFigures& k)
    {
        auto tiles = std::make_shared<Tiles>(layoutTiles(k.figures, m_width, 14));
        for (size_t r = 0; r < tiles->rows.size(); ++r) {
            Fragment f;
            f.spaceBefore = r == 0 ? pt(9) : tiles->gap;
            f.height = tiles->rows[r].height;
            f.paint = [tiles, r](QCPPainter& p, QPointF at) {
                paintTileRow(p, tiles->rows[r], tiles->tileWidth, tiles->gap, at);
            };
            push(f);
        }
    }

    void add(const PageBreak&)
    {
        Fragment f;
        f.pageBreak = true;
        push(f);
    }

    void add(const Chart& chart)
    {
        ++m_figures;
        const QString titleText = QStringLiteral("**Figure %1.** %2").arg(m_figures).arg(qs(chart.title));
        auto title = std::make_shared<WrappedText>(titleText, reportFont(9.5), m_width, 1.2);
        auto caption = std::make_shared<WrappedText>(qs(chart.caption), reportFont(8.5, false, true), m_width, 1.25);
        const double plotH = chartPlotHeight(chart, m_width);
        auto data = std::make_shared<Chart>(chart);
        Fragment f;
        f.spaceBefore = pt(14);
        f.height = title->height() + pt(4) + plotH + (caption->lineCount() ? pt(4) + caption->height() : 0);
        f.paint = [title, caption, data, plotH, w = m_width](QCPPainter& p, QPointF at) {
            title->paint(p, at, colors::text());
            const QRectF plot(at.x(), at.y() + title->height() + pt(4), w, plotH);
            paintChart(p, *data, plot);
            caption->paint(p, QPointF(at.x(), plot.bottom() + pt(4)), colors::muted());
        };
        push(f);
    }

    void add(const Table& t);
};

struct TableGeometry {
    std::vector<double> widths;           // per data column, padding included
    double markerWidth = 0;
    double padX = mm(1.6), padY = mm(1.0);
};

void Builder::add(const Table& t)
{
    ++m_tables;
    size_t cols = t.header.size();
    for (const auto& row : t.rows)
        cols = std::max(cols, row.size());
    if (cols == 0)
        return;
    const QFont body = reportFont(8.3), head = reportFont(8.3, true);
    auto geo = std::make_shared<TableGeometry>();
    const bool markers = std::any_of(t.rowRatings.begin(), t.rowRatings.end(), [](int r) { return isRating(r); });
    geo->markerWidth = markers ? mm(5) : 0;
    auto cell = [&](const std::vector<std::string>& row, size_t c) {
        return c < row.size() ? qs(row[c]) : QString();
    };
    std::vector<double> natural(cols, 0), minimum(cols, 0);
    for (size_t c = 0; c < cols; ++c) {
        const QString h = cell(t.header, c);
        natural[c] = singleLineWidth(h, head);
        // short headers ("Shots ×", "Cost / 1k") stay on one line
        minimum[c] = std::max(longestWordWidth(h, head), std::min(natural[c], mm(14)));
        for (const auto& row : t.rows) {
            natural[c] = std::max(natural[c], singleLineWidth(cell(row, c), body));
            minimum[c] = std::max(minimum[c], longestWordWidth(cell(row, c), body));
        }
        natural[c] += 2 * geo->padX + 1;
        minimum[c] = std::min(minimum[c], mm(32)) + 2 * geo->padX + 1;
    }
    const double avail = m_width - geo->markerWidth;
    double sumNat = 0, sumMin = 0;
    for (size_t c = 0; c < cols; ++c) {
        sumNat += natural[c];
        sumMin += minimum[c];
    }
    geo->widths.resize(cols);
    for (size_t c = 0; c < cols; ++c) {
        if (sumNat <= avail)
            geo->widths[c] = natural[c] + (avail - sumNat) * natural[c] / sumNat;
        else if (sumMin >= avail)
            geo->widths[c] = minimum[c] * avail / sumMin;
        else
            geo->widths[c] = minimum[c] + (avail - sumMin) * (natural[c] - minimum[c]) / (sumNat - sumMin);
    }
    auto numeric = [&t](size_t c) { return c < t.numericColumns.size() && t.numericColumns[c]; };

    struct Row {
        std::vector<WrappedText> cells;
        double height = 0;
    };
    auto makeRow = [&](const std::vector<std::string>& data, const QFont& font) {
        Row r;
        for (size_t c = 0; c < cols; ++c)
            r.cells.emplace_back(cell(data, c), font, geo->widths[c] - 2 * geo->padX, 1.2);
        for (const auto& w : r.cells)
            r.height = std::max(r.height, w.height());
        r.height = std::max(r.height, QFontMetricsF(font).height() * 1.2) + 2 * geo->padY;
        return r;
    };
    auto paintRow = [geo, numeric](QPainter& p, const Row& r, QPointF at) {
        double x = at.x() + geo->markerWidth;
        for (size_t c = 0; c < r.cells.size(); ++c) {
            r.cells[c].paint(p, QPointF(x + geo->padX, at.y() + geo->padY), colors::text(),
                             numeric(c) ? Qt::AlignRight : Qt::AlignLeft);
            x += geo->widths[c];
        }
    };

    // caption
    const QString captionText = QStringLiteral("**Table %1.** %2").arg(m_tables).arg(qs(t.caption));
    auto caption = std::make_shared<WrappedText>(captionText, reportFont(9.5), m_width, 1.2);
    Fragment cap;
    cap.spaceBefore = pt(14);
    cap.height = caption->height() + pt(4);
    cap.keepWithNext = true;
    cap.paint = [caption](QCPPainter& p, QPointF at) { caption->paint(p, at, colors::text()); };
    push(cap);

    auto header = std::make_shared<Row>(makeRow(t.header, head));
    const double width = m_width;
    auto paintHeader = [header, paintRow, width](QPainter& p, QPointF at) {
        p.setPen(Qt::NoPen);
        p.setBrush(colors::headerFill());
        p.drawRect(QRectF(at.x(), at.y(), width, header->height));
        paintRow(p, *header, at);
        p.setPen(QPen(colors::accent(), pt(0.9)));
        p.drawLine(QPointF(at.x(), at.y() + header->height), QPointF(at.x() + width, at.y() + header->height));
    };
    if (!t.header.empty()) {
        Fragment h;
        h.height = header->height;
        h.keepWithNext = true;
        h.paint = paintHeader;
        push(h);
    }
    // the header repeated at the top of a continuation page
    int repeat = -1;
    if (!t.header.empty()) {
        auto cont = std::make_shared<WrappedText>(
            QStringLiteral("Table %1 (continued)").arg(m_tables), reportFont(8, false, true), m_width, 1.2);
        Fragment r;
        r.floating = true;
        r.height = cont->height() + pt(3) + header->height;
        r.paint = [cont, paintHeader](QCPPainter& p, QPointF at) {
            cont->paint(p, at, colors::muted());
            paintHeader(p, QPointF(at.x(), at.y() + cont->height() + pt(3)));
        };
        push(r);
        repeat = int(fragments.size()) - 1;
    }
    for (size_t i = 0; i < t.rows.size(); ++i) {
        auto row = std::make_shared<Row>(makeRow(t.rows[i], body));
        const int rating = i < t.rowRatings.size() ? t.rowRatings[i] : -1;
        const bool last = i + 1 == t.rows.size();
        Fragment f;
        f.height = row->height;
        f.repeatHeader = repeat;
        f.keepWithNext = i == 0 && t.rows.size() > 1 && t.header.empty();
        f.paint = [row, rating, last, i, geo, width, paintRow](QCPPainter& p, QPointF at) {
            if (i % 2 == 1) {
                p.setPen(Qt::NoPen);
                p.setBrush(colors::zebra());
                p.drawRect(QRectF(at.x(), at.y(), width, row->height));
            }
            if (isRating(rating)) {
                p.setPen(Qt::NoPen);
                p.setBrush(ratingStrong(rating));
                const double r = mm(1.35);
                p.drawEllipse(QPointF(at.x() + geo->markerWidth / 2, at.y() + geo->padY + pt(5.2)), r, r);
            }
            paintRow(p, *row, at);
            p.setPen(QPen(last ? colors::accent() : colors::rule(), last ? pt(0.9) : pt(0.4)));
            p.drawLine(QPointF(at.x(), at.y() + row->height), QPointF(at.x() + width, at.y() + row->height));
        };
        push(f);
    }
}

// Keep-with-next needs: the extra height the chain after fragment i asks for on the same page.
double chainExtra(const std::vector<Fragment>& f, size_t i)
{
    double extra = 0;
    size_t j = i;
    for (int depth = 0; depth < 4 && f[j].keepWithNext; ++depth) {
        size_t k = j + 1;
        while (k < f.size() && f[k].floating)
            ++k;
        if (k >= f.size() || f[k].pageBreak)
            break;
        extra += f[k].spaceBefore + f[k].height;
        j = k;
    }
    return extra;
}

std::vector<std::vector<Placement>> paginate(const std::vector<Fragment>& f, double pageHeight)
{
    std::vector<std::vector<Placement>> pages;
    double y = 0;
    bool fresh = true;                    // nothing on the current page yet
    bool breakPending = false;            // a PageBreak waits for the next fragment
    auto newPage = [&] {
        pages.emplace_back();
        y = 0;
        fresh = true;
    };
    for (size_t i = 0; i < f.size(); ++i) {
        const Fragment& fr = f[i];
        if (fr.floating)
            continue;
        if (fr.pageBreak) {
            breakPending = true;          // lazily: no empty page for a trailing or repeated break
            continue;
        }
        if (pages.empty())
            newPage();
        double need = (fresh ? 0 : fr.spaceBefore) + fr.height;
        const double extra = chainExtra(f, i);
        if (fr.height + extra <= pageHeight) // a chain that cannot fit any page is not kept together
            need += extra;
        if (!fresh && (breakPending || y + need > pageHeight))
            newPage();
        breakPending = false;
        if (fresh && fr.repeatHeader >= 0) {
            // a table continues on this page: repeat its header first
            pages.back().push_back({fr.repeatHeader, y});
            y += f[size_t(fr.repeatHeader)].height;
            fresh = false;
        }
        y += fresh ? 0 : fr.spaceBefore;
        pages.back().push_back({int(i), y});
        y += fr.height;
        fresh = false;
    }
    return pages;
}

// ---- page chrome and cover -----------------------------------------------------------------

QString elided(const QString& s, const QFont& font, double width)
{
    return QFontMetricsF(font).elidedText(s, Qt::ElideRight, width);
}

void paintFooter(QPainter& p, const Document& doc, const PageGeometry& g, int index, int total)
{
    const QFont font = reportFont(7.5);
    const QFontMetricsF fm(font);
    const double ruleY = g.height - g.bottom + mm(6);
    p.setPen(QPen(colors::rule(), pt(0.5)));
    p.drawLine(QPointF(g.left, ruleY), QPointF(g.width - g.right, ruleY));
    p.setFont(font);
    p.setPen(colors::muted());
    const QString page = QStringLiteral("Page %1 of %2").arg(index + 1).arg(total);
    const double pageW = fm.horizontalAdvance(page);
    const double base = ruleY + mm(2) + fm.ascent();
    p.drawText(QPointF(g.left, base), elided(qs(doc.footer), font, g.contentWidth() - pageW - mm(6)));
    p.drawText(QPointF(g.width - g.right - pageW, base), page);
}

void paintHeader(QPainter& p, const Document& doc, const PageGeometry& g)
{
    const QFont font = reportFont(7.5);
    const QFontMetricsF fm(font);
    const double ruleY = g.top - mm(6);
    const double base = ruleY - mm(1.8) - fm.descent();
    p.setFont(reportFont(7.5, true));
    p.setPen(colors::accent());
    const QString title = elided(qs(doc.title), p.font(), g.contentWidth() * 0.48);
    p.drawText(QPointF(g.left, base), title);
    p.setFont(font);
    p.setPen(colors::muted());
    const QString sub = elided(qs(doc.subtitle), font, g.contentWidth() * 0.48);
    p.drawText(QPointF(g.width - g.right - fm.horizontalAdvance(sub), base), sub);
    p.setPen(QPen(colors::rule(), pt(0.5)));
    p.drawLine(QPointF(g.left, ruleY), QPointF(g.width - g.right, ruleY));
}

QString prettyDate(const std::string& iso)
{
    const QDateTime t = QDateTime::fromString(qs(iso), Qt::ISODate);
    if (!t.isValid())
        return qs(iso);
    return t.toUTC().toString(QStringLiteral("d MMMM yyyy, HH:mm 'UTC'"));
}

void paintCover(QPainter& p, const Document& doc, const PageGeometry& g)
{
    const double w = g.contentWidth();
    // top band
    p.setPen(Qt::NoPen);
    p.setBrush(colors::accent());
    p.drawRect(QRectF(0, 0, g.width, mm(16)));
    p.setFont(reportFont(9, true));
    p.setPen(Qt::white);
    const QFontMetricsF bfm(p.font());
    p.drawText(QPointF(g.left, mm(8) + bfm.ascent() / 2 - bfm.descent() / 2), QStringLiteral("QPILOT"));
    p.setFont(reportFont(8.5));
    const QString band = QStringLiteral("Quantum machine-learning pilot readiness");
    p.drawText(QPointF(g.width - g.right - QFontMetricsF(p.font()).horizontalAdvance(band),
                       mm(8) + bfm.ascent() / 2 - bfm.descent() / 2),
               band);

    double y = mm(38);
    const WrappedText title(qs(doc.title), reportFont(26, true), w, 1.12);
    title.paint(p, QPointF(g.left, y), colors::accent());
    y += title.height() + mm(3);
    const WrappedText subtitle(qs(doc.subtitle), reportFont(14), w, 1.2);
    subtitle.paint(p, QPointF(g.left, y), colors::muted());
    y += subtitle.height() + mm(12);

    // verdict banner
    const int rating = doc.verdictRating;
    const double pad = mm(5);
    const WrappedText kicker(QStringLiteral("VERDICT") +
                                 (ratingWord(rating).isEmpty() ? QString() : QStringLiteral("  ·  ") + ratingWord(rating).toUpper()),
                             reportFont(8.5, true), w - 2 * pad, 1.1);
    const WrappedText verdict(qs(doc.verdict), reportFont(22, true), w - 2 * pad - mm(3), 1.1);
    const WrappedText sentence(qs(doc.verdictSentence), reportFont(10.5), w - 2 * pad - mm(3), 1.3);
    const double bannerH = 2 * pad + kicker.height() + mm(2) + verdict.height() +
                           (sentence.lineCount() ? mm(3) + sentence.height() : 0);
    p.setPen(Qt::NoPen);
    p.setBrush(ratingTint(rating));
    p.drawRect(QRectF(g.left, y, w, bannerH));
    p.setBrush(ratingStrong(rating));
    p.drawRect(QRectF(g.left, y, mm(3), bannerH));
    double by = y + pad;
    const double bx = g.left + mm(3) + pad;
    kicker.paint(p, QPointF(bx, by), ratingDark(rating));
    by += kicker.height() + mm(2);
    verdict.paint(p, QPointF(bx, by), ratingDark(rating));
    by += verdict.height() + mm(3);
    sentence.paint(p, QPointF(bx, by), colors::text());
    y += bannerH + mm(12);

    // key figures
    if (!doc.coverFigures.empty()) {
        p.setFont(reportFont(9, true));
        p.setPen(colors::muted());
        const QFontMetricsF fm(p.font());
        p.drawText(QPointF(g.left, y + fm.ascent()), QStringLiteral("KEY FIGURES"));
        y += fm.height() + mm(3);
        const Tiles tiles = layoutTiles(doc.coverFigures, w, 16);
        for (const TileRow& row : tiles.rows) {
            paintTileRow(p, row, tiles.tileWidth, tiles.gap, QPointF(g.left, y));
            y += row.height + tiles.gap;
        }
    }

    // provenance block at the bottom
    std::vector<std::pair<QString, QString>> meta;
    if (!doc.generatedAt.empty())
        meta.emplace_back(QStringLiteral("Generated"), prettyDate(doc.generatedAt));
    if (!doc.runId.empty())
        meta.emplace_back(QStringLiteral("Run"), qs(doc.runId));
    if (!doc.footer.empty())
        meta.emplace_back(QStringLiteral("Produced by"), qs(doc.footer));
    const QFont lf = reportFont(8.5, true), vf = reportFont(8.5);
    const QFontMetricsF mfm(vf);
    const double lineH = mfm.height() * 1.45;
    double my = g.height - g.bottom - meta.size() * lineH;
    p.setPen(QPen(colors::rule(), pt(0.5)));
    if (!meta.empty())
        p.drawLine(QPointF(g.left, my - mm(3)), QPointF(g.left + w, my - mm(3)));
    for (const auto& [label, value] : meta) {
        p.setFont(lf);
        p.setPen(colors::muted());
        p.drawText(QPointF(g.left, my + mfm.ascent()), label);
        p.setFont(vf);
        p.setPen(colors::text());
        p.drawText(QPointF(g.left + mm(30), my + mfm.ascent()), elided(value, vf, w - mm(30)));
        my += lineH;
    }
}

} // namespace

Layout layoutDocument(const Document& doc)
{
    Layout layout;
    Builder builder(layout.page);
    int number = 0;
    for (const Section& s : doc.sections)
        builder.section(++number, s);
    layout.fragments = std::move(builder.fragments);
    layout.flowPages = paginate(layout.fragments, layout.page.contentHeight());
    return layout;
}

void paintPage(QCPPainter& p, const Document& doc, const Layout& layout, int index)
{
    const PageGeometry& g = layout.page;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.fillRect(QRectF(0, 0, g.width, g.height), Qt::white);
    if (index == 0) {
        paintCover(p, doc, g);
    } else {
        paintHeader(p, doc, g);
        for (const Placement& pl : layout.flowPages[size_t(index - 1)]) {
            p.save();
            // a block taller than a page (a huge table cell) is cut at the footer, not drawn over it
            p.setClipRect(QRectF(0, g.top - mm(2), g.width, g.contentHeight() + mm(4)));
            layout.fragments[size_t(pl.fragment)].paint(p, QPointF(g.left, g.top + pl.y));
            p.restore();
        }
    }
    paintFooter(p, doc, g, index, layout.pageCount());
    p.restore();
}

} // namespace qpilot::ui::report
