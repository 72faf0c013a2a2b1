// SPDX-License-Identifier: GPL-3.0-or-later
// ui/pilot/pilotpanel.h — the "Pilot" dock: a read-only summary of the open pilot (title,
// description, dataset, encoding and model, devices, mitigation, shots, seed, objectives), Run and
// Cancel, and while a run goes the stage (n of 7, its title and message), a progress bar and the
// elapsed time; afterwards the verdict and overall score (or why it stopped).
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace qpilot {

class PilotRunner;
class PilotSession;

class PilotPanel : public QWidget {
    Q_OBJECT
public:
    PilotPanel(PilotSession* session, PilotRunner* runner, QWidget* parent = nullptr);
    // Shown under the controls: where runs are recorded and reports written.
    void setLocations(const QString& databasePath, const QString& reportDirectory);

    QPushButton* runButton() const { return m_run; }
    QPushButton* cancelButton() const { return m_cancel; }
    // The last outcome line ("Continue piloting — overall 61.2 (run 3)").
    QString outcomeText() const;
    QString stageText() const;

signals:
    void runRequested();

private:
    void updateSummary();
    void updateButtons();
    void onStarted(bool reproduce);
    void onProgress(int stage, double fraction, const QString& message);
    void onFinished();
    void tick();

    PilotSession* m_session;
    PilotRunner* m_runner;
    QLabel* m_title;
    QLabel* m_summary;
    QLabel* m_stage;
    QLabel* m_elapsed;
    QLabel* m_outcome;
    QLabel* m_where;
    QProgressBar* m_progress;
    QPushButton* m_run;
    QPushButton* m_cancel;
    QTimer* m_ticker;
};

} // namespace qpilot
