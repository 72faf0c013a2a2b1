// SPDX-License-Identifier: GPL-3.0-or-later
// ui/jobs/jobprogressview.h — the job in flight on a PilotRunner: one row per pipeline stage
// (StageProgressModel: status colour, seconds, a progress bar on the running stage, last message),
// the overall elapsed time and an estimate of the time left (from the stage fractions and, once
// loaded off the GUI thread, the stage timings of the pilot's previous completed run in the store
// — or of the run being reproduced), a timestamped log (progress, warnings, the outcome; read-only,
// selectable, with Copy) and Cancel.
#pragma once

#include <QString>
#include <QWidget>

#include <optional>

#include "ui/jobs/stageprogressmodel.h"

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTimer;

namespace qpilot {

class PilotRunner;

class JobProgressView : public QWidget {
    Q_OBJECT
public:
    explicit JobProgressView(PilotRunner* runner, QWidget* parent = nullptr);

    // The store whose previous runs feed the estimate ("" : no history).
    void setDatabasePath(const QString& path) { m_databasePath = path; }

    StageProgressModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QPushButton* cancelButton() const { return m_cancel; }
    QString logText() const;
    QString elapsedText() const;
    QString remainingText() const;
    // The headline: what runs, or how the last job ended.
    QString headlineText() const;
    // The last estimate (nullopt: "estimating…").
    std::optional<double> remainingSeconds() const { return m_estimate; }
    bool hasHistory() const { return m_model->previousDurations().has_value(); }

signals:
    // Each refresh of the estimate while a job runs: known false = "estimating…".
    void remainingEstimated(bool known, double seconds);
    // The previous run's stage timings arrived (or none were found: found false).
    void historyReady(bool found);

private:
    void onStarted(bool reproduce);
    void onProgress(int stage, double fraction, const QString& message);
    void onFinished();
    void tick();
    void appendLog(const QString& line);
    void loadHistory(const QString& pilotName, qint64 reproducedRun);

    PilotRunner* m_runner;
    StageProgressModel* m_model;
    QTableView* m_view;
    QLabel* m_headline;
    QLabel* m_elapsed;
    QLabel* m_remaining;
    QProgressBar* m_overall;
    QPlainTextEdit* m_log;
    QPushButton* m_cancel;
    QPushButton* m_copy;
    QTimer* m_ticker;
    QString m_databasePath;
    std::optional<double> m_estimate;
    double m_endSeconds = 0;                  // the last job's duration (log stamps after it ended)
    int m_lastStage = -1;
    QString m_lastMessage;
    int m_job = 0;                            // increments per job: a late history load is dropped
};

// "12 s", "3 min 05 s", "1 h 02 min" for the elapsed / remaining labels.
QString formatClock(double seconds);

} // namespace qpilot
