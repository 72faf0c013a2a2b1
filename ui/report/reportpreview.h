// ui/report/reportpreview.h — the readiness report inside the app: builds the report of a run
// (core/report), renders it to a temporary PDF one page per event-loop turn (the renderer needs
// the GUI thread, so the GUI stays responsive between pages), and shows it with QtPdf page by
// page: previous/next, a page spin box with "of N", fit width / fit page / zoom in-out, and
// "Export PDF…" (an atomic copy of exactly the PDF shown).
#pragma once

#include "core/common/result.h"
#include "core/pilot/pilot.h"
#include "core/pilot/run.h"
#include "core/readiness/readiness.h"
#include "core/report/report.h"

#include <QString>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QPdfDocument;
class QEvent;
class QPdfView;
class QProgressBar;
class QSpinBox;
class QTemporaryDir;
class QToolButton;
class QPushButton;

namespace qpilot::ui {

class ReportPreview : public QWidget {
    Q_OBJECT
public:
    explicit ReportPreview(QWidget* parent = nullptr);
    ~ReportPreview() override;

    // Builds and renders the report of `run` (asynchronously, page by page); rendered() or
    // renderFailed() follows. A new call abandons a render in progress.
    void setRun(const qpilot::pilot::PilotRun& run, const qpilot::pilot::Pilot& pilot,
                const qpilot::readiness::RunContext& context = {});
    // Renders an already built document (same path as setRun).
    void setDocument(const qpilot::report::Document& doc);
    void clear();

    bool isRendering() const;
    bool isReady() const;                          // a PDF is loaded and shown
    int pageCount() const;
    int currentPage() const;                       // 0-based
    void setCurrentPage(int page);                 // clamped
    void nextPage();
    void previousPage();
    void fitWidth();
    void fitPage();
    void zoomIn();
    void zoomOut();
    double zoomFactor() const;
    const qpilot::report::Document& document() const { return m_report; }
    QPdfDocument* pdf() const { return m_pdf; }
    QString pageLabel() const;                     // "Page 2 of 14"

    // Writes the shown PDF to `path` (atomic; nothing is left behind on failure).
    std::optional<qpilot::Error> exportPdf(const QString& path) const;

    // Measured by the last render: the longest time the GUI thread was blocked in one step
    // (layout or one page) and the total render time, in milliseconds.
    double longestBlockMs() const { return m_longestBlockMs; }
    double totalRenderMs() const { return m_totalRenderMs; }

public slots:
    void exportWithDialog();

signals:
    void rendered();
    void renderFailed(const QString& message);
    void currentPageChanged(int page);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Job;
    void renderNextPage(quint64 generation);
    void finishRender();
    void failRender(const QString& message);
    void updateControls();

    qpilot::report::Document m_report;
    std::unique_ptr<Job> m_job;
    quint64 m_generation = 0;
    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_pdfPath;
    double m_longestBlockMs = 0, m_totalRenderMs = 0;

    QPdfDocument* m_pdf = nullptr;
    QPdfView* m_view = nullptr;
    QToolButton* m_prev = nullptr;
    QToolButton* m_next = nullptr;
    QSpinBox* m_page = nullptr;
    QLabel* m_pageOf = nullptr;
    QToolButton* m_fitWidth = nullptr;
    QToolButton* m_fitPage = nullptr;
    QToolButton* m_zoomIn = nullptr;
    QToolButton* m_zoomOut = nullptr;
    QLabel* m_zoomLabel = nullptr;
    QPushButton* m_export = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace qpilot::ui
