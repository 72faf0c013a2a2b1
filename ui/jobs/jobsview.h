// SPDX-License-Identifier: GPL-3.0-or-later
// ui/jobs/jobsview.h — entry header of ui/jobs: running pilots and the runs they leave behind.
// JobsView combines JobProgressView (the job in flight on a PilotRunner: per-stage progress,
// elapsed/remaining time, log, cancel; shown on top once a job starts), RunHistoryView (the store's
// runs: filter, open, compare, reproduce with its verification, open report) and RunComparisonView
// (two runs side by side), the last two as tabs below. Widgets and models of the folder:
// stageprogressmodel.h, jobprogressview.h, runhistoryview.h, runcomparisonmodel.h, runcomparisonview.h.
#pragma once

#include "ui/jobs/jobprogressview.h"
#include "ui/jobs/runcomparisonview.h"
#include "ui/jobs/runhistoryview.h"

#include <QWidget>

class QSplitter;
class QTabWidget;

namespace qpilot {

class PilotRunner;

class JobsView : public QWidget {
    Q_OBJECT
public:
    explicit JobsView(PilotRunner* runner, QWidget* parent = nullptr);

    // The run store listed, compared and reproduced, and read for the remaining-time estimate.
    void setDatabasePath(const QString& path);
    QString databasePath() const { return m_history->databasePath(); }

    JobProgressView* progress() const { return m_progress; }
    RunHistoryView* history() const { return m_history; }
    RunComparisonView* comparison() const { return m_comparison; }
    QTabWidget* tabs() const { return m_tabs; }
    // Shows the comparison tab (after Compare) or the history tab.
    void showComparison();
    void showHistory();

signals:
    void runOpened(qint64 id);

private:
    PilotRunner* m_runner;
    JobProgressView* m_progress;
    RunHistoryView* m_history;
    RunComparisonView* m_comparison;
    QTabWidget* m_tabs;
    QSplitter* m_splitter;
};

} // namespace qpilot
