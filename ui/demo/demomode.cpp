// ui/demo/demomode.cpp — demo mode: navigation and painting of the slides.
#include "ui/demo/demomode.h"

#include "core/circuit/circuit_file.h"
#include "ui/document/document.h"
#include "ui/editor/circuitscene.h"
#include "ui/report/reportcharts.h"
#include "ui/report/reportstyle.h"

#include <QCloseEvent>
#include <QEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QRegularExpression>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace qpilot::ui {

namespace {

namespace rs = qpilot::ui::report;

struct Painter {
    QCPPainter& p;
    double u;                                     // pixels per design unit (1920×1080 design)
    QFont base;
    rs::ChartTheme t;                             // the window palette's colours (light or dark)

    // tiles and alternate rows: a step from the background towards the text
    QColor zebra() const { return t.dark ? t.subGrid : rs::colors::zebra(); }

    QFont font(double px, bool bold = false) const
    {
        QFont f = base;
        f.setPixelSize(std::max(6, int(std::lround(px * u))));
        f.setBold(bold);
        return f;
    }
    // Draws word-wrapped `text` at the top of `r`; returns the height used.
    double text(const QRectF& r, const QString& s, const QFont& f, const QColor& c, int flags = Qt::AlignLeft) const
    {
        if (s.isEmpty())
            return 0;
        p.setFont(f);
        p.setPen(c);
        const QRectF b = p.boundingRect(r, flags | Qt::TextWordWrap | Qt::AlignTop, s);
        p.drawText(r, flags | Qt::TextWordWrap | Qt::AlignTop, s);
        return std::min(b.height(), r.height());
    }
    QString elide(const QString& s, const QFont& f, double width) const
    {
        return QFontMetricsF(f).elidedText(s, Qt::ElideRight, width);
    }
    void chart(const qpilot::report::Chart& c, const QRectF& r) const
    {
        const double scale = 19 * u / rs::pt(7.5);
        p.save();
        p.translate(r.topLeft());
        p.scale(scale, scale);
        rs::paintChart(p, c, QRectF(0, 0, r.width() / scale, r.height() / scale), t);
        p.restore();
    }
    void tile(const QRectF& r, const DemoFigure& fig) const
    {
        const bool rated = rs::isRating(fig.rating);
        p.setPen(Qt::NoPen);
        p.setBrush(rated ? rs::ratingTint(fig.rating) : zebra());
        p.drawRoundedRect(r, 10 * u, 10 * u);
        if (rated) {
            p.setBrush(rs::ratingStrong(fig.rating));
            p.drawRoundedRect(QRectF(r.left(), r.top(), 8 * u, r.height()), 4 * u, 4 * u);
        }
        const double pad = 20 * u;
        const QRectF in = r.adjusted(pad + (rated ? 6 * u : 0), pad * 0.8, -pad, -pad * 0.6);
        const QFont lf = font(22), vf = font(46, true), nf = font(20);
        double y = in.top();
        p.setFont(lf);
        p.setPen(rated ? rs::colors::muted() : t.muted); // rated tiles keep their light tint
        p.drawText(QRectF(in.left(), y, in.width(), QFontMetricsF(lf).height()), Qt::AlignLeft, elide(fig.label, lf, in.width()));
        y += QFontMetricsF(lf).height() + 4 * u;
        p.setFont(vf);
        p.setPen(rated ? rs::ratingDark(fig.rating) : t.text);
        p.drawText(QRectF(in.left(), y, in.width(), QFontMetricsF(vf).height()), Qt::AlignLeft, elide(fig.value, vf, in.width()));
        y += QFontMetricsF(vf).height() + 2 * u;
        p.setFont(nf);
        p.setPen(rated ? rs::colors::muted() : t.muted);
        p.drawText(QRectF(in.left(), y, in.width(), std::max(0.0, in.bottom() - y)), Qt::AlignLeft, elide(fig.note, nf, in.width()));
    }
    // Tiles in a grid of `cols` columns from the top of `r`; returns the height used.
    double tiles(const QRectF& r, const std::vector<DemoFigure>& figs, int cols, double tileH) const
    {
        if (figs.empty())
            return 0;
        const double gap = 20 * u;
        const int rows = int((figs.size() + size_t(cols) - 1) / size_t(cols));
        const double w = (r.width() - gap * (cols - 1)) / cols;
        for (size_t i = 0; i < figs.size(); ++i) {
            const int row = int(i) / cols, col = int(i) % cols;
            tile(QRectF(r.left() + col * (w + gap), r.top() + row * (tileH + gap), w, tileH), figs[i]);
        }
        return rows * tileH + (rows - 1) * gap;
    }
    double bullets(const QRectF& r, const QStringList& items, double px, int maxItems = 1000) const
    {
        const QFont f = font(px);
        const double indent = 34 * u;
        double y = r.top();
        int shown = 0;
        for (const QString& b : items) {
            if (shown >= maxItems)
                break;
            const QRectF tr(r.left() + indent, y, r.width() - indent, r.bottom() - y);
            p.setFont(f);
            const QRectF need = p.boundingRect(tr, Qt::TextWordWrap | Qt::AlignTop, b);
            if (need.height() > tr.height() + 1) {
                const int rest = int(items.size()) - shown;
                text(QRectF(r.left() + indent, y, r.width() - indent, QFontMetricsF(f).height() * 1.2),
                     QStringLiteral("… and %1 more").arg(rest), f, t.muted);
                y += QFontMetricsF(f).height() * 1.2;
                break;
            }
            p.setPen(Qt::NoPen);
            p.setBrush(t.title);
            const double d = 10 * u;
            p.drawEllipse(QRectF(r.left() + 8 * u, y + QFontMetricsF(f).ascent() / 2 - d / 2 + 2 * u, d, d));
            y += text(tr, b, f, t.text) + 14 * u;
            ++shown;
        }
        return y - r.top();
    }
};

} // namespace

DemoWindow::DemoWindow(QWidget* parent) : QWidget(parent, Qt::Window)
{
    setWindowTitle(tr("Qpilot — demo mode"));
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(640, 360);
}

DemoWindow::~DemoWindow()
{
    delete m_circuitScene; // before the document it shows
}

void DemoWindow::setRun(const pilot::PilotRun& run, const pilot::Pilot& pilot, const readiness::RunContext& context)
{
    m_slides = buildDemoSlides(run, pilot, readiness::scoreRun(run, pilot, context));
    m_footer = QString::fromStdString(pilot.title.empty() ? run.pilotName : pilot.title);
    delete m_circuitScene;
    m_circuitScene = nullptr;
    m_circuitDocument.reset();
    for (const DemoSlide& s : m_slides) {
        if (s.circuitQasm.isEmpty())
            continue;
        auto loaded = parseCircuitText(s.circuitQasm.toStdString(), QStringLiteral("model circuit"));
        if (!loaded)
            break; // the slide keeps its figures and chart
        m_circuitDocument = std::make_unique<Document>();
        m_circuitDocument->load(std::move(loaded.value().circuit), QString(), QStringLiteral("model circuit"));
        m_circuitScene = new CircuitScene(m_circuitDocument.get(), this);
    }
    m_current = 0;
    update();
    emit currentSlideChanged(m_current);
}

void DemoWindow::setCurrentSlide(int index)
{
    if (m_slides.empty())
        return;
    index = std::clamp(index, 0, slideCount() - 1);
    if (index == m_current)
        return;
    m_current = index;
    update();
    emit currentSlideChanged(index);
}

void DemoWindow::next() { setCurrentSlide(m_current + 1); }
void DemoWindow::previous() { setCurrentSlide(m_current - 1); }

void DemoWindow::present()
{
    showFullScreen();
    raise();
    activateWindow();
    setFocus();
}

void DemoWindow::keyPressEvent(QKeyEvent* e)
{
    switch (e->key()) {
    case Qt::Key_Right:
    case Qt::Key_Space:
    case Qt::Key_PageDown:
    case Qt::Key_Down: next(); return;
    case Qt::Key_Left:
    case Qt::Key_PageUp:
    case Qt::Key_Backspace:
    case Qt::Key_Up: previous(); return;
    case Qt::Key_Home: setCurrentSlide(0); return;
    case Qt::Key_End: setCurrentSlide(slideCount() - 1); return;
    case Qt::Key_Escape: close(); return;
    case Qt::Key_F:
    case Qt::Key_F11:
        if (isFullScreen())
            showNormal();
        else
            showFullScreen();
        return;
    default: break;
    }
    if (e->key() >= Qt::Key_1 && e->key() <= Qt::Key_9) {
        const int index = e->key() - Qt::Key_1;
        if (index < slideCount())
            setCurrentSlide(index);
        return;
    }
    QWidget::keyPressEvent(e);
}

void DemoWindow::mousePressEvent(QMouseEvent* e)
{
    if (e->button() == Qt::LeftButton)
        next();
    else if (e->button() == Qt::RightButton)
        previous();
}

void DemoWindow::closeEvent(QCloseEvent* e)
{
    QWidget::closeEvent(e);
    emit closed();
}

void DemoWindow::changeEvent(QEvent* e)
{
    QWidget::changeEvent(e);
    if (e->type() == QEvent::PaletteChange && m_circuitScene)
        m_circuitScene->refresh(); // the diagram's ink follows the theme, as the editor's does
}

void DemoWindow::paintEvent(QPaintEvent*)
{
    QCPPainter qp(this);
    qp.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    const rs::ChartTheme theme = rs::chartTheme(palette()); // white slides in the light theme
    qp.fillRect(rect(), theme.background);
    const double W = width(), H = height();
    Painter P{qp, std::min(W / 1920.0, H / 1080.0), font(), theme};
    P.base.setFamily(QStringLiteral("DejaVu Sans"));
    const double u = P.u;
    const double m = 80 * u;

    // footer: story line, counter, progress
    const double barH = std::max(3.0, 8 * u);
    const int n = std::max(1, slideCount());
    qp.fillRect(QRectF(0, H - barH, W, barH), theme.dark ? theme.grid : rs::colors::headerFill());
    qp.fillRect(QRectF(0, H - barH, W * (m_current + 1) / n, barH), theme.title);
    const QFont ff = P.font(20);
    const double footY = H - barH - 52 * u;
    qp.setFont(ff);
    qp.setPen(theme.muted);
    qp.drawText(QRectF(m, footY, W / 2, 40 * u), Qt::AlignLeft | Qt::AlignVCenter,
                P.elide(m_footer + QStringLiteral("  ·  Qpilot readiness review"), ff, W / 2));
    qp.drawText(QRectF(W / 2, footY, W / 2 - m, 40 * u), Qt::AlignRight | Qt::AlignVCenter,
                QStringLiteral("%1 / %2").arg(m_slides.empty() ? 0 : m_current + 1).arg(slideCount()));

    if (m_slides.empty()) {
        P.text(QRectF(m, H / 2 - 40 * u, W - 2 * m, 100 * u), tr("No pilot run to present"), P.font(48, true), theme.muted, Qt::AlignHCenter);
        return;
    }
    const DemoSlide& s = m_slides[size_t(m_current)];
    const double bottom = footY - 20 * u;

    if (s.key == QLatin1String("title")) {
        qp.fillRect(QRectF(0, 0, W, H * 0.5), rs::colors::accent());
        double y = H * 0.14;
        y += P.text(QRectF(m, y, W - 2 * m, H * 0.3), s.title, P.font(72, true), Qt::white);
        y += 18 * u;
        P.text(QRectF(m, y, W - 2 * m, 60 * u), s.subtitle, P.font(34), QColor(0xdf, 0xe6, 0xee));
        const double tilesTop = H * 0.5 + 50 * u;
        const double th = 190 * u;
        P.tiles(QRectF(m, tilesTop, W - 2 * m, th), s.figures, int(s.figures.size()), th);
        if (!s.verdict.isEmpty()) {
            const QFont vf = P.font(30, true);
            const QString v = tr("Verdict: %1").arg(s.verdict);
            const double vw = QFontMetricsF(vf).horizontalAdvance(v) + 48 * u, vh = 64 * u;
            const QRectF badge(m, tilesTop + th + 40 * u, vw, vh);
            if (badge.bottom() < bottom) {
                qp.setPen(Qt::NoPen);
                qp.setBrush(rs::ratingStrong(s.verdictRating));
                qp.drawRoundedRect(badge, vh / 2, vh / 2);
                qp.setFont(vf);
                qp.setPen(Qt::white);
                qp.drawText(badge, Qt::AlignCenter, v);
            }
        }
        return;
    }

    // heading
    double y = 60 * u;
    y += P.text(QRectF(m, y, W - 2 * m, 90 * u), s.title, P.font(58, true), theme.title);
    if (!s.subtitle.isEmpty()) {
        y += 6 * u;
        const QFont sf = P.font(28);
        y += P.text(QRectF(m, y, W - 2 * m, 44 * u), P.elide(s.subtitle, sf, W - 2 * m), sf, theme.muted);
    }
    qp.fillRect(QRectF(m, y + 18 * u, 120 * u, 5 * u), theme.title);
    y += 48 * u;
    const QRectF body(m, y, W - 2 * m, bottom - y);

    if (s.key == QLatin1String("problem")) {
        const double leftW = body.width() * 0.58;
        double ly = body.top();
        for (const QString& para : s.paragraphs) {
            // the largest type (30 → 22) that fits the story into half the body; longer stories
            // are cut at a sentence boundary with an ellipsis rather than mid-line
            const QRectF box(body.left(), ly, leftW, body.height() * 0.5);
            QString shown = para;
            QFont f = P.font(30);
            for (double px : {30.0, 27.0, 24.0, 22.0}) {
                f = P.font(px);
                if (QFontMetricsF(f).boundingRect(QRectF(0, 0, leftW, 1e6), Qt::TextWordWrap, para).height() <= box.height())
                    break;
            }
            while (QFontMetricsF(f).boundingRect(QRectF(0, 0, leftW, 1e6), Qt::TextWordWrap, shown).height() > box.height()) {
                const int cut = shown.lastIndexOf(QRegularExpression(QStringLiteral("[.;:]\\s")), shown.endsWith(QStringLiteral("…")) ? -4 : -1);
                const int space = shown.lastIndexOf(QLatin1Char(' '), -3);
                if (cut > 40)
                    shown = shown.left(cut + 1) + QStringLiteral(" …");
                else if (space > 0)
                    shown = shown.left(space) + QStringLiteral(" …");
                else
                    break;
            }
            ly += P.text(box, shown, f, theme.text) + 24 * u;
        }
        ly += P.text(QRectF(body.left(), ly, leftW, 50 * u), tr("Service-level objectives"), P.font(30, true), theme.title) + 14 * u;
        P.bullets(QRectF(body.left(), ly, leftW, body.bottom() - ly), s.bullets, 26);
        const double rx = body.left() + leftW + 60 * u;
        const double th = std::min(170 * u, (body.height() - 40 * u) / 3);
        for (size_t i = 0; i < s.figures.size(); ++i)
            P.tile(QRectF(rx, body.top() + i * (th + 20 * u), body.right() - rx, th), s.figures[i]);
        return;
    }

    if (s.key == QLatin1String("scorecard")) {
        if (s.rag.empty()) {
            P.text(body, s.paragraphs.join(QLatin1Char('\n')), P.font(30), theme.text);
            return;
        }
        const QRectF left(body.left(), body.top(), body.width() * 0.55, body.height());
        if (s.chart)
            P.chart(*s.chart, left);
        const double rx = left.right() + 40 * u;
        const double rowH = body.height() / double(s.rag.size());
        const QFont df = P.font(26, true), mf = P.font(19), scf = P.font(30, true);
        for (size_t i = 0; i < s.rag.size(); ++i) {
            const readiness::DimensionScore& d = s.rag[i];
            const QRectF row(rx, body.top() + i * rowH, body.right() - rx, rowH - 6 * u);
            qp.setPen(Qt::NoPen);
            qp.setBrush(i % 2 ? theme.background : P.zebra());
            qp.drawRect(row);
            const double dot = std::min(26 * u, row.height() * 0.5);
            qp.setBrush(rs::ratingStrong(int(d.rating)));
            qp.drawEllipse(QRectF(row.left() + 14 * u, row.center().y() - dot / 2, dot, dot));
            const double tx = row.left() + 14 * u + dot + 18 * u;
            const double scoreW = QFontMetricsF(scf).horizontalAdvance(QStringLiteral("100")) + 20 * u;
            const double twidth = row.right() - tx - scoreW - 14 * u;
            const double lh = QFontMetricsF(df).height(), mh = QFontMetricsF(mf).height();
            const double ty = row.center().y() - (lh + mh) / 2;
            qp.setFont(df);
            qp.setPen(theme.text);
            qp.drawText(QRectF(tx, ty, twidth, lh), Qt::AlignLeft | Qt::AlignVCenter,
                        P.elide(QString::fromUtf8(readiness::dimensionTitle(d.dimension)), df, twidth));
            qp.setFont(mf);
            qp.setPen(theme.muted);
            qp.drawText(QRectF(tx, ty + lh, twidth, mh), Qt::AlignLeft | Qt::AlignVCenter,
                        P.elide(QString::fromStdString(d.measured), mf, twidth));
            qp.setFont(scf);
            qp.setPen(theme.dark ? rs::ratingStrong(int(d.rating)) : rs::ratingDark(int(d.rating))); // dark shades vanish on dark rows
            qp.drawText(QRectF(row.right() - scoreW - 14 * u, row.top(), scoreW, row.height()), Qt::AlignRight | Qt::AlignVCenter,
                        QString::number(d.score, 'f', 0));
        }
        return;
    }

    if (s.key == QLatin1String("verdict")) {
        const QFont vf = P.font(64, true), tf = P.font(28);
        const double pad = 36 * u;
        qp.setFont(tf);
        const double textW = body.width() - 2 * pad - 12 * u;
        const QString sentence = s.paragraphs.join(QLatin1Char(' '));
        const double sentH = std::min(qp.boundingRect(QRectF(0, 0, textW, 1e6), Qt::TextWordWrap, sentence).height(), body.height() * 0.4);
        const double bannerH = pad * 2 + QFontMetricsF(vf).height() + 12 * u + sentH;
        const QRectF banner(body.left(), body.top(), body.width(), bannerH);
        qp.setPen(Qt::NoPen);
        qp.setBrush(rs::ratingTint(s.verdictRating));
        qp.drawRoundedRect(banner, 12 * u, 12 * u);
        qp.setBrush(rs::ratingStrong(s.verdictRating));
        qp.drawRoundedRect(QRectF(banner.left(), banner.top(), 14 * u, banner.height()), 6 * u, 6 * u);
        double by = banner.top() + pad;
        by += P.text(QRectF(banner.left() + pad + 12 * u, by, textW, QFontMetricsF(vf).height()), s.verdict, vf, rs::ratingDark(s.verdictRating));
        by += 12 * u;
        P.text(QRectF(banner.left() + pad + 12 * u, by, textW, sentH), sentence, tf, rs::ratingDark(s.verdictRating));
        double cy = banner.bottom() + 36 * u;
        if (!s.bullets.isEmpty()) {
            cy += P.text(QRectF(body.left(), cy, body.width(), 50 * u), tr("What would have to change"), P.font(30, true), theme.title) + 14 * u;
            P.bullets(QRectF(body.left(), cy, body.width(), body.bottom() - cy), s.bullets, 24);
        }
        return;
    }

    // figures + chart (circuit, results, costs)
    const int nf = int(s.figures.size());
    const int cols = nf <= 4 ? std::max(1, nf) : (nf + 1) / 2;
    const double tileH = std::min(160 * u, body.height() * 0.2);
    double ty = body.top() + P.tiles(QRectF(body.left(), body.top(), body.width(), tileH), s.figures, cols, tileH);
    ty += 30 * u;
    double chartBottom = body.bottom();
    if (!s.bullets.isEmpty()) {
        const QFont bf = P.font(22);
        chartBottom -= QFontMetricsF(bf).height() * 1.6;
        P.text(QRectF(body.left(), chartBottom + 10 * u, body.width(), body.bottom() - chartBottom), s.bullets.join(QStringLiteral("  ·  ")), bf,
               theme.muted);
    }
    if (s.key == QLatin1String("circuit") && m_circuitScene && chartBottom - ty > 120 * u) {
        // The whole circuit, centred on a card, at most 2.5× the editor's size (a small circuit
        // stays a diagram): at the left of the encoding-cost chart, or above it across the slide
        // when the circuit is long (it would be drawn under 0.75× beside the chart).
        const QRectF source = m_circuitScene->itemsBoundingRect().adjusted(-8, -8, 8, 8);
        const double inset = 20 * u;
        auto fit = [&](const QRectF& card) {
            return std::min({(card.width() - 2 * inset) / source.width(), (card.height() - 2 * inset) / source.height(), 2.5 * u});
        };
        const QRectF area(body.left(), ty, body.width(), chartBottom - ty);
        QRectF card(area.left(), area.top(), area.width() * (s.chart ? 0.56 : 1.0), area.height());
        QRectF chartRect(card.right() + 30 * u, area.top(), area.right() - card.right() - 30 * u, area.height());
        if (s.chart && fit(card) < 0.75 * u) {
            const double h = std::min(source.height() * fit(area) + 2 * inset, area.height() * 0.4);
            card = QRectF(area.left(), area.top(), area.width(), h);
            const double top = card.bottom() + 20 * u, cw = std::min(area.width(), (area.bottom() - top) * 3.2);
            chartRect = QRectF(area.center().x() - cw / 2, top, cw, area.bottom() - top);
        }
        qp.setPen(Qt::NoPen);
        qp.setBrush(P.zebra());
        qp.drawRoundedRect(card, 10 * u, 10 * u);
        const double k = fit(card);
        QRectF target(0, 0, source.width() * k, source.height() * k);
        target.moveCenter(card.center());
        m_circuitScene->render(&qp, target, source, Qt::KeepAspectRatio);
        if (s.chart && chartRect.height() > 80 * u)
            P.chart(*s.chart, chartRect);
        return;
    }
    if (s.chart && chartBottom - ty > 120 * u) {
        const double cw = std::min(body.width(), (chartBottom - ty) * 3.2);
        P.chart(*s.chart, QRectF(body.center().x() - cw / 2, ty, cw, chartBottom - ty));
    }
}

} // namespace qpilot::ui
