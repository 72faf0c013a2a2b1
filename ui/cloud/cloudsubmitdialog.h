// SPDX-License-Identifier: GPL-3.0-or-later
// ui/cloud/cloudsubmitdialog.h — submit a circuit to a cloud QPU from the GUI: the circuit (the
// current one as OpenQASM 3 via setCircuit, or "Open file…"), the device (an embedded
// CloudDevicesView: provider, live status and queue length), shots, the estimated cost from the
// cost guard ("unknown" when no Qpilot profile matches) and the budget (setting "cloud/budgetUsd",
// else QPILOT_CLOUD_BUDGET): above it — or with an unknown cost — Submit needs the explicit
// confirmation box. Preparation (transpile to the device's ISA when a profile matches, cost) is
// core/cloud/submission.h's prepareSubmission, the same path as `qpilot cloud submit`, and runs on
// a worker; so does JobTracker::submit (the job is stored before it is sent). On success the
// dialog emits submitted(jobId) and closes: CloudJobsPanel::refresh() + selectJob(jobId) show it.
#pragma once

#include "core/cloud/submission.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QString>

#include <optional>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace qpilot {

class CloudDevicesView;

class CloudSubmitDialog : public QDialog {
    Q_OBJECT
public:
    explicit CloudSubmitDialog(QWidget* parent = nullptr);
    ~CloudSubmitDialog() override;

    // The circuit to run: OpenQASM 3 (or 2) text and a name for it ("Bell pair", "bell.qasm").
    // Parse errors are shown inline and leave no circuit.
    void setCircuit(const QString& qasm, const QString& displayName);
    // Loads a circuit file of any format Qpilot reads; false (and the error inline) on failure.
    bool openFile(const QString& path);
    bool hasCircuit() const { return m_circuit.has_value(); }

    QString databasePath() const;                     // default: store::defaultDatabasePath()
    void setDatabasePath(const QString& path);
    // The budget in USD (nullopt: none, no confirmation needed); saved to the setting.
    std::optional<double> budget() const;
    void setBudget(std::optional<double> usd);
    void setShots(int shots);

    CloudDevicesView* devicesView() const { return m_devices; }
    QSpinBox* shotsBox() const { return m_shots; }
    QDoubleSpinBox* budgetBox() const { return m_budget; }
    QCheckBox* confirmBox() const { return m_confirm; }
    QPushButton* submitButton() const { return m_submit; }
    QPushButton* openFileButton() const { return m_open; }
    QString circuitText() const;
    QString costText() const;
    QString noteText() const;
    QString statusText() const;
    bool isPreparing() const { return m_prepWatcher != nullptr; }
    bool isSubmitting() const { return m_submitWatcher != nullptr; }
    // The last successful preparation for the current circuit, device and shots.
    const std::optional<cloud::PreparedSubmission>& prepared() const { return m_prepared; }
    bool budgetExceeded() const;

public slots:
    void submit();

signals:
    void submitted(qint64 jobId);
    // A preparation (transpile + cost) ended: "" on success, else the error shown.
    void preparationFinished(const QString& error);
    // A submission ended: "" on success (submitted() was emitted), else the error shown.
    void submitFinished(const QString& error);

private:
    struct Prep {
        Result<cloud::PreparedSubmission> prepared = Error("not prepared");
    };
    struct Sent {
        Result<cloud::CloudJob> job = Error("not sent");
    };
    void prepare();
    void prepFinished();
    void submitDone();
    void updateState();

    std::optional<cloud::SubmissionCircuit> m_circuit;
    QString m_circuitName;
    std::optional<cloud::PreparedSubmission> m_prepared;
    QString m_prepError;
    bool m_prepAgain = false;
    QString m_databasePath;

    QLabel* m_circuitLabel;
    QPushButton* m_open;
    QPlainTextEdit* m_preview;
    CloudDevicesView* m_devices;
    QSpinBox* m_shots;
    QDoubleSpinBox* m_budget;
    QLabel* m_cost;
    QLabel* m_note;
    QLabel* m_over;
    QCheckBox* m_confirm;
    QLabel* m_status;
    QPushButton* m_submit;
    QPushButton* m_close;
    QFutureWatcher<Prep>* m_prepWatcher = nullptr;
    QFutureWatcher<Sent>* m_submitWatcher = nullptr;
};

} // namespace qpilot
