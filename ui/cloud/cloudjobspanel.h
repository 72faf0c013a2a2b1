// SPDX-License-Identifier: GPL-3.0-or-later
// ui/cloud/cloudjobspanel.h — the "Cloud jobs" panel: the run store's cloud jobs (CloudJobsModel)
// with state, cost and provider job id; "Resume unfinished" (reconciles and polls every open job
// until it ends), "Cancel" and "Result" (counts, fetched once then read from the store) for the
// selected job. A completed job's counts are drawn beside its details, next to the same circuit
// simulated ideal and with the device profile's noise model (cloud::checkAgainstSimulation, on a
// thread-pool thread; TVD and Hellinger fidelity in the details). The network work runs on a worker thread (its own RunStore, transport and
// provider clients; credentials from core/cloud/secrets) with an atomic cancel flag ("Stop");
// every state change it records refreshes the table.
#pragma once

#include "core/cloud/jobs.h"
#include "core/cloud/simulation_check.h"
#include "ui/results/measuredcounts.h"

#include <QString>
#include <QWidget>

#include <atomic>
#include <memory>
#include <optional>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;
class QTextBrowser;
class QThread;

namespace qpilot {

class CloudJobsModel;
namespace ui::plots {
class ChartView;
}

class CloudJobsPanel : public QWidget {
    Q_OBJECT
public:
    explicit CloudJobsPanel(QWidget* parent = nullptr);
    ~CloudJobsPanel() override;

    CloudJobsModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QPushButton* resumeButton() const { return m_resume; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* resultButton() const { return m_result; }
    QPushButton* stopButton() const { return m_stop; }
    QPushButton* openInEditorButton() const { return m_openInEditor; }
    QString statusText() const;
    QString detailsText() const;
    // The selected completed job's counts as a histogram (qubit 0 rightmost), the same charts as
    // the dashboards (hover, zoom, export); empty state until a job with counts is selected.
    ui::plots::ChartView* countsChart() const { return m_counts; }
    // The selected job's comparison with the simulator once it has been computed (nullopt while
    // it runs, when no completed job is selected, or when it failed: see simulationCheckError()).
    const std::optional<cloud::SimulationCheck>& simulationCheck() const { return m_check; }
    QString simulationCheckError() const { return m_checkError; }
    bool isCheckingSimulation() const { return m_checkRunning; }
    bool isBusy() const { return m_thread != nullptr; }

    QString databasePath() const;                     // default: store::defaultDatabasePath()
    void setDatabasePath(const QString& path);
    void setWaitOptions(const cloud::WaitOptions& options) { m_wait = options; }
    // Restarting Qpilot resumes polling every unfinished job: unless the user unticked "Resume
    // unfinished jobs at start" (setting cloud/resumeOnStart, default on), counts the unfinished
    // jobs of the store at `databasePath` off the GUI thread (a missing store is not created) and,
    // when there are any, shows that store and resumes them (resumingAtStart). No-op when busy.
    void resumeAtStart(const QString& databasePath);
    QCheckBox* resumeOnStartBox() const { return m_resumeOnStart; }
    void selectJob(qint64 id);
    qint64 selectedJob() const;

public slots:
    void refresh();
    void resumeUnfinished();
    void cancelSelected();
    void showSelectedResult();
    void openSelectedInEditor();
    void stop();

signals:
    void storeError(const QString& message);
    void busyChanged(bool busy);
    // A worker finished: "" on success, else the error.
    void workFinished(const QString& error);
    // resumeAtStart found `jobs` unfinished jobs and resumes them.
    void resumingAtStart(int jobs);
    // The comparison of the shown job with the simulator finished (see simulationCheck()).
    void simulationCheckFinished();
    // "Open in editor": the selected job's circuit as the user gave it, a name for it
    // ("cloud-job-3.qasm") and, when the job completed, its counts (empty counts otherwise).
    void openInEditorRequested(const QString& qasm, const QString& name, const qpilot::MeasuredCounts& measured);

private:
    enum class Action { Resume, Cancel, Result };
    void start(Action action, qint64 jobId);
    void showSelected();
    void showCounts(const store::CloudJobRecord* job);
    void startSimulationCheck(const store::CloudJobRecord& job);
    void rebuildCountsChart(const store::CloudJobRecord* job);
    void setBusy(bool busy);

    CloudJobsModel* m_model;
    QTableView* m_view;
    QLabel* m_status;
    QTextBrowser* m_details;
    ui::plots::ChartView* m_counts;
    std::optional<QString> m_countsKey; // job id and counts the chart shows (nullopt: none yet)
    std::optional<cloud::SimulationCheck> m_check; // for m_countsKey
    QString m_checkError;
    bool m_checkRunning = false;
    int m_checkGeneration = 0;
    std::shared_ptr<std::atomic<bool>> m_checkCancel; // the running check's flag
    QPushButton *m_refresh, *m_resume, *m_cancel, *m_result, *m_stop, *m_openInEditor;
    QCheckBox* m_resumeOnStart;
    QString m_databasePath;
    cloud::WaitOptions m_wait;
    QThread* m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
};

} // namespace qpilot
