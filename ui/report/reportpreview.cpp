// ui/report/reportpreview.cpp — in-app report preview (QtPdf) with progressive rendering.
#include "ui/report/reportpreview.h"

#include "core/report/report.h"
#include "ui/report/reportlayout.h"
#include "ui/report/reportpdfwriter.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPdfDocument>
#include <QPdfPageNavigator>
#include <QPdfView>
#include <QPdfWriter>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace qpilot::ui {

struct ReportPreview::Job {
    quint64 generation = 0;
    QString path;
    report::Layout layout;
    bool laidOut = false;
    std::unique_ptr<QPdfWriter> writer;
    QCPPainter painter;
    int nextPage = 0;
    double scale = 1;
    QElapsedTimer total;

    ~Job()
    {
        if (painter.isActive())
            painter.end();
    }
};

ReportPreview::ReportPreview(QWidget* parent) : QWidget(parent)
{
    auto* root = new QVBoxLayout(this);
    root->setContentsMargins(0, 0, 0, 0);
    root->setSpacing(0);
    auto* bar = new QWidget(this);
    auto* tl = new QHBoxLayout(bar);
    tl->setContentsMargins(8, 6, 8, 6);
    auto tool = [bar](const QString& text, const QString& tip, QStyle::StandardPixmap icon = QStyle::SP_CustomBase) {
        auto* b = new QToolButton(bar);
        b->setText(text);
        b->setToolTip(tip);
        if (icon != QStyle::SP_CustomBase) {
            b->setIcon(bar->style()->standardIcon(icon));
            b->setToolButtonStyle(Qt::ToolButtonIconOnly);
        }
        b->setAutoRaise(true);
        return b;
    };
    m_prev = tool(tr("Previous"), tr("Previous page (Page Up)"), QStyle::SP_ArrowBack);
    m_next = tool(tr("Next"), tr("Next page (Page Down)"), QStyle::SP_ArrowForward);
    m_page = new QSpinBox(bar);
    m_page->setObjectName(QStringLiteral("report_page"));
    m_page->setPrefix(tr("Page "));
    m_page->setRange(1, 1);
    m_page->setKeyboardTracking(false);
    m_pageOf = new QLabel(bar);
    m_fitWidth = tool(tr("Fit width"), tr("Zoom to the width of the page"));
    m_fitPage = tool(tr("Fit page"), tr("Show the whole page"));
    m_fitWidth->setCheckable(true);
    m_fitPage->setCheckable(true);
    m_zoomOut = tool(QStringLiteral("−"), tr("Zoom out (Ctrl+-)"));
    m_zoomIn = tool(QStringLiteral("+"), tr("Zoom in (Ctrl++)"));
    m_zoomLabel = new QLabel(bar);
    m_zoomLabel->setMinimumWidth(m_zoomLabel->fontMetrics().horizontalAdvance(QStringLiteral("800 %")) + 8);
    m_zoomLabel->setAlignment(Qt::AlignCenter);
    m_export = new QPushButton(style()->standardIcon(QStyle::SP_DialogSaveButton), tr("Export PDF…"), bar);
    m_export->setObjectName(QStringLiteral("report_export"));
    m_progress = new QProgressBar(bar);
    m_progress->setMaximumWidth(180);
    m_progress->setTextVisible(true);
    m_status = new QLabel(bar);
    tl->addWidget(m_prev);
    tl->addWidget(m_page);
    tl->addWidget(m_pageOf);
    tl->addWidget(m_next);
    tl->addSpacing(16);
    tl->addWidget(m_fitWidth);
    tl->addWidget(m_fitPage);
    tl->addWidget(m_zoomOut);
    tl->addWidget(m_zoomLabel);
    tl->addWidget(m_zoomIn);
    tl->addSpacing(16);
    tl->addWidget(m_progress);
    tl->addWidget(m_status, 1);
    tl->addWidget(m_export);
    root->addWidget(bar);

    m_pdf = new QPdfDocument(this);
    m_view = new QPdfView(this);
    m_view->setObjectName(QStringLiteral("report_view"));
    m_view->setPageMode(QPdfView::PageMode::SinglePage);
    m_view->setZoomMode(QPdfView::ZoomMode::FitInView);
    m_view->setDocumentMargins(QMargins(12, 12, 12, 12));
    m_view->setStyleSheet(QStringLiteral("QPdfView { background: #5f6770; }"));
    root->addWidget(m_view, 1);
    m_view->viewport()->installEventFilter(this);

    // shortcuts only while the preview (or a child) has focus, so they never steal keys elsewhere in a window
    const auto shortcut = [this](const QKeySequence& key, void (ReportPreview::*slot)()) {
        auto* sc = new QShortcut(key, this);
        sc->setContext(Qt::WidgetWithChildrenShortcut);
        connect(sc, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence(Qt::Key_PageUp), &ReportPreview::previousPage);
    shortcut(QKeySequence(Qt::Key_PageDown), &ReportPreview::nextPage);
    shortcut(QKeySequence::ZoomIn, &ReportPreview::zoomIn);
    shortcut(QKeySequence::ZoomOut, &ReportPreview::zoomOut);
    connect(m_prev, &QToolButton::clicked, this, &ReportPreview::previousPage);
    connect(m_next, &QToolButton::clicked, this, &ReportPreview::nextPage);
    connect(m_page, qOverload<int>(&QSpinBox::valueChanged), this, [this](int v) { setCurrentPage(v - 1); });
    connect(m_fitWidth, &QToolButton::clicked, this, &ReportPreview::fitWidth);
    connect(m_fitPage, &QToolButton::clicked, this, &ReportPreview::fitPage);
    connect(m_zoomIn, &QToolButton::clicked, this, &ReportPreview::zoomIn);
    connect(m_zoomOut, &QToolButton::clicked, this, &ReportPreview::zoomOut);
    connect(m_export, &QPushButton::clicked, this, &ReportPreview::exportWithDialog);
    connect(m_view->pageNavigator(), &QPdfPageNavigator::currentPageChanged, this, [this](int page) {
        updateControls();
        emit currentPageChanged(page);
    });
    clear();
}

ReportPreview::~ReportPreview() = default;

void ReportPreview::clear()
{
    ++m_generation;
    m_job.reset();
    m_view->setDocument(nullptr);
    m_pdf->close();
    m_pdfPath.clear();
    m_report = {};
    m_progress->hide();
    m_status->setText(tr("No report"));
    updateControls();
}

void ReportPreview::setRun(const pilot::PilotRun& run, const pilot::Pilot& pilot, const readiness::RunContext& context)
{
    const readiness::RunScorecards cards = readiness::scoreRun(run, pilot, context);
    qpilot::report::ReportOptions options;
    options.resultDigest = pilot::resultDigest(run);
    options.reproduced = context.reproduced;
    setDocument(qpilot::report::buildReport(run, pilot, cards, std::string(), options));
}

void ReportPreview::setDocument(const qpilot::report::Document& doc)
{
    const quint64 generation = ++m_generation;
    m_job.reset();
    m_report = doc;
    if (!m_tmp) {
        m_tmp = std::make_unique<QTemporaryDir>();
        if (!m_tmp->isValid()) {
            const QString why = m_tmp->errorString();
            m_tmp.reset();
            failRender(tr("cannot create a temporary folder for the report preview: %1").arg(why));
            return;
        }
    }
    m_job = std::make_unique<Job>();
    m_job->generation = generation;
    m_job->path = m_tmp->filePath(QStringLiteral("report-%1.pdf").arg(generation));
    m_job->total.start();
    m_longestBlockMs = 0;
    m_totalRenderMs = 0;
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Laying out…"));
    m_progress->show();
    m_status->setText(tr("Rendering the report…"));
    updateControls();
    QTimer::singleShot(0, this, [this, generation] { renderNextPage(generation); });
}

void ReportPreview::renderNextPage(quint64 generation)
{
    if (!m_job || m_job->generation != generation)
        return; // abandoned
    Job& job = *m_job;
    QElapsedTimer block;
    block.start();
    if (!job.laidOut) {
        if (!qobject_cast<QApplication*>(QCoreApplication::instance())) {
            failRender(tr("rendering a report needs a QApplication"));
            return;
        }
        job.layout = report::layoutDocument(m_report);
        job.laidOut = true;
        job.writer = std::make_unique<QPdfWriter>(job.path);
        report::setupReportPdfWriter(*job.writer, m_report);
        if (!job.painter.begin(job.writer.get())) {
            failRender(tr("cannot write the report preview to %1").arg(QDir::toNativeSeparators(job.path)));
            return;
        }
        job.scale = job.writer->width() / job.layout.page.width;
        m_progress->setRange(0, job.layout.pageCount());
        m_progress->setValue(0);
    } else {
        if (job.nextPage > 0 && !job.writer->newPage()) {
            failRender(tr("cannot add page %1 to the report preview").arg(job.nextPage + 1));
            return;
        }
        job.painter.save();
        if (std::abs(job.scale - 1) > 1e-3)
            job.painter.scale(job.scale, job.scale);
        report::paintPage(job.painter, m_report, job.layout, job.nextPage);
        job.painter.restore();
        ++job.nextPage;
        m_progress->setValue(job.nextPage);
    }
    m_progress->setFormat(tr("Page %1 of %2").arg(job.nextPage).arg(job.layout.pageCount()));
    m_longestBlockMs = std::max(m_longestBlockMs, block.nsecsElapsed() / 1e6);
    if (job.nextPage >= job.layout.pageCount()) {
        finishRender();
        return;
    }
    QTimer::singleShot(0, this, [this, generation] { renderNextPage(generation); });
}

void ReportPreview::finishRender()
{
    QElapsedTimer block;
    block.start();
    Job& job = *m_job;
    job.painter.end();
    job.writer.reset();
    const QString path = job.path;
    m_view->setDocument(nullptr);
    m_pdf->close();
    if (const auto err = m_pdf->load(path); err != QPdfDocument::Error::None) {
        failRender(tr("cannot read back the rendered report (%1)").arg(QDir::toNativeSeparators(path)));
        return;
    }
    if (!m_pdfPath.isEmpty() && m_pdfPath != path)
        QFile::remove(m_pdfPath);
    m_pdfPath = path;
    m_view->setDocument(m_pdf);
    m_view->pageNavigator()->jump(0, QPointF(), 0);
    m_longestBlockMs = std::max(m_longestBlockMs, block.nsecsElapsed() / 1e6);
    m_totalRenderMs = job.total.nsecsElapsed() / 1e6;
    m_job.reset();
    m_progress->hide();
    m_status->setText(QString());
    updateControls();
    emit rendered();
}

void ReportPreview::failRender(const QString& message)
{
    m_job.reset();
    m_progress->hide();
    m_status->setText(message);
    updateControls();
    emit renderFailed(message);
}

bool ReportPreview::isRendering() const { return m_job != nullptr; }
bool ReportPreview::isReady() const { return !m_job && !m_pdfPath.isEmpty() && m_pdf->pageCount() > 0; }
int ReportPreview::pageCount() const { return isReady() ? m_pdf->pageCount() : 0; }
int ReportPreview::currentPage() const { return isReady() ? m_view->pageNavigator()->currentPage() : 0; }

void ReportPreview::setCurrentPage(int page)
{
    if (!isReady())
        return;
    page = std::clamp(page, 0, pageCount() - 1);
    if (page != currentPage())
        m_view->pageNavigator()->jump(page, QPointF(), m_view->zoomMode() == QPdfView::ZoomMode::Custom ? m_view->zoomFactor() : 0);
    updateControls();
}

void ReportPreview::nextPage() { setCurrentPage(currentPage() + 1); }
void ReportPreview::previousPage() { setCurrentPage(currentPage() - 1); }

void ReportPreview::fitWidth()
{
    m_view->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    updateControls();
}

void ReportPreview::fitPage()
{
    m_view->setZoomMode(QPdfView::ZoomMode::FitInView);
    updateControls();
}

double ReportPreview::zoomFactor() const
{
    if (m_view->zoomMode() == QPdfView::ZoomMode::Custom || !isReady())
        return m_view->zoomFactor();
    // QPdfView draws a page at its point size × logical dpi / 72 × zoom: the effective fit zoom
    const QSizeF pts = m_pdf->pagePointSize(currentPage());
    const double dpi = m_view->logicalDpiX() / 72.0;
    const QMargins mg = m_view->documentMargins();
    const QSize vp = m_view->viewport()->size();
    if (pts.isEmpty())
        return 1;
    const double fw = (vp.width() - mg.left() - mg.right()) / (pts.width() * dpi);
    if (m_view->zoomMode() == QPdfView::ZoomMode::FitToWidth)
        return fw;
    return std::min(fw, (vp.height() - mg.top() - mg.bottom()) / (pts.height() * dpi));
}

void ReportPreview::zoomIn()
{
    const double z = std::min(zoomFactor() * 1.25, 8.0);
    m_view->setZoomMode(QPdfView::ZoomMode::Custom);
    m_view->setZoomFactor(z);
    updateControls();
}

void ReportPreview::zoomOut()
{
    const double z = std::max(zoomFactor() / 1.25, 0.1);
    m_view->setZoomMode(QPdfView::ZoomMode::Custom);
    m_view->setZoomFactor(z);
    updateControls();
}

bool ReportPreview::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        updateControls(); // the fit zooms follow the viewport
    return QWidget::eventFilter(watched, event);
}

QString ReportPreview::pageLabel() const
{
    return isReady() ? tr("Page %1 of %2").arg(currentPage() + 1).arg(pageCount()) : QString();
}

void ReportPreview::updateControls()
{
    const bool ready = isReady();
    const int n = pageCount(), cur = currentPage();
    {
        const QSignalBlocker block(m_page);
        m_page->setRange(1, std::max(1, n));
        m_page->setValue(cur + 1);
    }
    m_page->setEnabled(ready);
    m_pageOf->setText(ready ? tr("of %1").arg(n) : QString());
    m_prev->setEnabled(ready && cur > 0);
    m_next->setEnabled(ready && cur + 1 < n);
    for (QToolButton* b : {m_fitWidth, m_fitPage, m_zoomIn, m_zoomOut})
        b->setEnabled(ready);
    m_fitWidth->setChecked(m_view->zoomMode() == QPdfView::ZoomMode::FitToWidth);
    m_fitPage->setChecked(m_view->zoomMode() == QPdfView::ZoomMode::FitInView);
    m_zoomLabel->setText(ready ? QStringLiteral("%1 %").arg(qRound(zoomFactor() * 100)) : QString());
    m_export->setEnabled(ready);
}

std::optional<Error> ReportPreview::exportPdf(const QString& path) const
{
    const std::string where = QDir::toNativeSeparators(path).toStdString();
    if (!isReady())
        return Error("no report to export yet (the preview is still rendering or empty)", where);
    if (path.isEmpty())
        return Error("no output path given for the PDF report");
    if (QFileInfo(path).isDir())
        return Error("cannot write the PDF report: the path is a directory", where);
    QFile in(m_pdfPath);
    if (!in.open(QIODevice::ReadOnly))
        return Error("cannot read the rendered report: " + in.errorString().toStdString(), m_pdfPath.toStdString());
    const QByteArray bytes = in.readAll();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return Error("cannot write the PDF report: " + out.errorString().toStdString(), where);
    if (out.write(bytes) != bytes.size()) {
        const std::string why = out.errorString().toStdString();
        out.cancelWriting();
        return Error("cannot write the PDF report: " + why, where);
    }
    if (!out.commit())
        return Error("cannot write the PDF report: " + out.errorString().toStdString(), where);
    return std::nullopt;
}

void ReportPreview::exportWithDialog()
{
    if (!isReady())
        return;
    QString base = QString::fromStdString(m_report.subtitle.empty() ? std::string("readiness-report") : m_report.subtitle);
    base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]+")), QStringLiteral("-"));
    base = base.left(60).trimmed();
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the readiness report"), dir + QLatin1Char('/') + base + QStringLiteral(".pdf"),
                                                      tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    if (const auto err = exportPdf(path))
        QMessageBox::warning(this, tr("Export PDF"), QString::fromStdString(err->toString()));
    else
        m_status->setText(tr("Exported to %1").arg(QDir::toNativeSeparators(path)));
}

} // namespace qpilot::ui
