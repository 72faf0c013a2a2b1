// SPDX-License-Identifier: GPL-3.0-or-later
// ui/jobs/jobsview.cpp — progress on top, history and comparison below (see jobsview.h).
#include "ui/jobs/jobsview.h"

#include "ui/pilot/pilotrunner.h"

#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace qpilot {

JobsView::JobsView(PilotRunner* runner, QWidget* parent)
    : QWidget(parent), m_runner(runner), m_progress(new JobProgressView(runner, this)), m_history(new RunHistoryView(runner, this)),
      m_comparison(new RunComparisonView(this)), m_tabs(new QTabWidget(this)), m_splitter(new QSplitter(Qt::Vertical, this))
{
    setObjectName(QStringLiteral("jobsView"));
    m_tabs->setObjectName(QStringLiteral("jobsTabs"));
    m_tabs->addTab(m_history, tr("Run history"));
    m_tabs->addTab(m_comparison, tr("Comparison"));
    m_tabs->setDocumentMode(true);
    m_splitter->addWidget(m_progress);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
    // The progress view appears with the first job and stays with its outcome and log.
    m_progress->setVisible(m_runner->isRunning());
    connect(m_runner, &PilotRunner::started, this, [this] { m_progress->show(); });
    connect(m_history, &RunHistoryView::runOpened, this, &JobsView::runOpened);
    connect(m_history, &RunHistoryView::comparisonReady, this, [this](const ComparedRun& a, const ComparedRun& b) {
        m_comparison->setRuns(a, b);
        showComparison();
    });
}

void JobsView::setDatabasePath(const QString& path)
{
    m_progress->setDatabasePath(path);
    m_history->setDatabasePath(path);
}

void JobsView::showComparison()
{
    m_tabs->setCurrentWidget(m_comparison);
}

void JobsView::showHistory()
{
    m_tabs->setCurrentWidget(m_history);
}

} // namespace qpilot
