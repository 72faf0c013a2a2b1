// SPDX-License-Identifier: GPL-3.0-or-later
// ui/jobs/runhistoryview.h — the runs of the store (RunsModel, read off the GUI thread with a busy
// indicator) filtered by pilot name and status (RunsFilterModel), sortable; Open (runOpened, and
// loadRun() for the caller), Compare (two selected runs, loaded off the GUI thread, handed out
// by comparisonReady), Reproduce (PilotRunner::startReproduce, then the verification result:
// bit-identical, or the fields that differ) and Open report (the run's PDF artefact).
#pragma once

#include "core/common/result.h"
#include "core/pilot/run.h"
#include "ui/jobs/runcomparisonmodel.h"

#include <QSortFilterProxyModel>
#include <QString>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace qpilot {

class PilotRunner;
class RunsModel;

// Rows of a RunsModel whose pilot name contains a text (case-insensitive) and whose status is
// the one chosen ("" = any).
class RunsFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit RunsFilterModel(QObject* parent = nullptr);
    void setPilotFilter(const QString& text);
    void setStatusFilter(const QString& status);
    QString pilotFilter() const { return m_pilot; }
    QString statusFilter() const { return m_status; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_pilot, m_status;
};

class RunHistoryView : public QWidget {
    Q_OBJECT
public:
    explicit RunHistoryView(PilotRunner* runner, QWidget* parent = nullptr);

    // The store shown (read again at once, off the GUI thread).
    void setDatabasePath(const QString& path);
    QString databasePath() const { return m_databasePath; }

    RunsModel* model() const { return m_model; }
    RunsFilterModel* filter() const { return m_filter; }
    QTableView* view() const { return m_view; }
    QLineEdit* pilotFilterEdit() const { return m_pilotEdit; }
    QComboBox* statusFilterBox() const { return m_statusBox; }
    QPushButton* openButton() const { return m_open; }
    QPushButton* compareButton() const { return m_compare; }
    QPushButton* reproduceButton() const { return m_reproduce; }
    QPushButton* openReportButton() const { return m_openReport; }

    bool isLoading() const { return m_loading > 0; }
    // Milliseconds the last listing took on the worker (read + sort), -1 before the first.
    double lastListMilliseconds() const { return m_listMs; }
    // The verification of the last reproduction ("" before one finished).
    QString verificationText() const;
    QString hintText() const;

    // Selected run ids, in view order.
    QList<qint64> selectedRuns() const;
    void selectRuns(const QList<qint64>& ids);

    // Run `id` from the store (opens its own connection; blocks briefly).
    Result<pilot::PilotRun> loadRun(qint64 id) const;
    // Run `id`'s report artefact ("" when it has none or the file is gone).
    QString reportPath(qint64 id) const;

public slots:
    // Lists the store again off the GUI thread; listed() when done.
    void refresh();
    void openSelected();
    // Loads runs a and b off the GUI thread; comparisonReady() when done.
    void compareRuns(qint64 a, qint64 b);
    void compareSelected();
    void reproduceSelected();
    void openSelectedReport();

signals:
    void runOpened(qint64 id);
    void listed();
    void comparisonReady(const qpilot::ComparedRun& a, const qpilot::ComparedRun& b);
    // A listing, loading or reproduction problem (for the message bar).
    void storeError(const QString& message);
    // A reproduction started from this view finished: identical, or the differing fields.
    void verified(bool identical);

private:
    void updateButtons();
    void onRunnerFinished();
    void setBusy(bool busy, const QString& what);

    PilotRunner* m_runner;
    RunsModel* m_model;
    RunsFilterModel* m_filter;
    QTableView* m_view;
    QLineEdit* m_pilotEdit;
    QComboBox* m_statusBox;
    QLabel* m_hint;
    QLabel* m_busyLabel;
    QProgressBar* m_busy;
    QLabel* m_verification;
    QPushButton* m_refresh;
    QPushButton* m_open;
    QPushButton* m_compare;
    QPushButton* m_reproduce;
    QPushButton* m_openReport;
    QString m_databasePath;
    int m_loading = 0;
    int m_generation = 0;             // a listing older than the latest request is dropped
    double m_listMs = -1;
    qint64 m_reproducing = 0;
    QList<qint64> m_reselect;
};

} // namespace qpilot

Q_DECLARE_METATYPE(qpilot::ComparedRun)
