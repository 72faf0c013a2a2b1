// SPDX-License-Identifier: GPL-3.0-or-later
// ui/runs/runspanel.h — the "Runs" dock: the run store's runs (RunsModel) in a table, refreshed
// after each run and on demand; the selected run's summary (provenance, stages with timings,
// models, per-device key figures, artefacts); "Open report" (the run's PDF artefact) and
// "Reproduce" (re-executes the run on the PilotRunner and compares the results bit for bit).
// A missing store shows a hint; a store that cannot be read is reported through storeError().
#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace qpilot {

class PilotRunner;
class RunsModel;

class RunsPanel : public QWidget {
    Q_OBJECT
public:
    RunsPanel(PilotRunner* runner, QWidget* parent = nullptr);

    RunsModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QPushButton* openReportButton() const { return m_openReport; }
    QPushButton* reproduceButton() const { return m_reproduce; }
    QString detailsText() const;
    QString hintText() const;

    // The store shown (default: store::defaultDatabasePath() when empty).
    QString databasePath() const;
    void setDatabasePath(const QString& path);
    // Selects run `id` (when listed).
    void selectRun(qint64 id);
    qint64 selectedRun() const;
    // The selected run's report artefact ("" when none or the file is gone).
    QString selectedReport() const;

public slots:
    // Reads the store again, keeping the selection.
    void refresh();
    void reproduceSelected();
    void openSelectedReport();

signals:
    // The store could not be read (message for the message bar).
    void storeError(const QString& message);

private:
    void showSelected();

    PilotRunner* m_runner;
    RunsModel* m_model;
    QTableView* m_view;
    QLabel* m_hint;
    QTextBrowser* m_details;
    QPushButton* m_refresh;
    QPushButton* m_openReport;
    QPushButton* m_reproduce;
    QString m_databasePath;
    QString m_report;
};

} // namespace qpilot
