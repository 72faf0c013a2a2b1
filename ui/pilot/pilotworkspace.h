// SPDX-License-Identifier: GPL-3.0-or-later
// ui/pilot/pilotworkspace.h — the pilot pages of the window's central tabs, kept out of MainWindow:
// Setup (PilotEditor on the open pilot: edits flow into the PilotSession), Devices (profiles with
// their sources, calibration import, what-if copies; price tables), Jobs (JobsView: the job
// in flight, the store's history, comparison, reproduction), Dashboards, Scorecard (what-ifs) and
// Report (the PDF preview and export), all showing one run — the last one that finished or one
// opened from the history — Cloud (cloud QPUs with live status, submitting the circuit with the
// cost guard, the cloud jobs in the store, accounts), and demo mode (Pilot ▸ Present, F5) on that run. Pages without a
// pilot or a run say what to do to fill them.
#pragma once

#include "core/pilot/execute.h"

#include <QObject>
#include <QString>

#include <optional>

class QAction;
class QMenu;
class QStackedWidget;
class QTabWidget;
class QWidget;

namespace qpilot {

class CloudAccountsPage;
class CloudDevicesView;
class CloudJobsPanel;
class DeviceProfilesView;
class JobsView;
class PriceTablesView;
class MessageBar;
class PilotEditor;
class PilotWorkbench;
namespace ui {
class DemoWindow;
class ReportPreview;
class ScorecardView;
namespace plots {
class DashboardsView;
}
} // namespace ui

class PilotWorkspace : public QObject {
    Q_OBJECT
public:
    enum Page { CircuitPage, SetupPage, DevicesPage, JobsPage, DashboardsPage, ScorecardPage, ReportPage, CloudPage };

    // Adds the Setup, Devices, Jobs, Dashboards, Scorecard, Report and Cloud tabs to `tabs` (whose first tab is the
    // circuit editor).
    PilotWorkspace(QTabWidget* tabs, PilotWorkbench* workbench, MessageBar* messageBar);
    ~PilotWorkspace() override;

    QTabWidget* tabs() const { return m_tabs; }
    PilotEditor* editor() const { return m_editor; }
    DeviceProfilesView* deviceProfiles() const { return m_deviceProfiles; }
    PriceTablesView* priceTables() const { return m_priceTables; }
    JobsView* jobs() const { return m_jobs; }
    // Created when the Cloud page is first shown (nullptr before).
    CloudAccountsPage* cloudAccounts() const { return m_cloudAccounts; }
    CloudJobsPanel* cloudJobs() const { return m_cloudJobs; }
    CloudDevicesView* cloudDevices() const { return m_cloudDevices; }
    ui::plots::DashboardsView* dashboards() const { return m_dashboards; }
    ui::ScorecardView* scorecard() const { return m_scorecard; }
    ui::ReportPreview* report() const { return m_report; }
    // The demo window while one is open (nullptr otherwise).
    ui::DemoWindow* demo() const { return m_demo; }

    // The run the pages show.
    bool hasRun() const { return m_shown.has_value(); }
    const pilot::StoredRun& shownRun() const { return *m_shown; }

    // Shows `stored` on the dashboards, the scorecard and (when its tab opens) the report.
    void showRun(const pilot::StoredRun& stored);
    // Opens run `id` of the store; errors go to the message bar. False on error.
    bool openStoredRun(qint64 id);
    // The run store the Jobs page lists.
    void setDatabasePath(const QString& path);

    // Adds Present (F5) and Export Report (Ctrl+E) to the Pilot menu.
    void addMenuActions(QMenu* pilotMenu);

public slots:
    // Demo mode on the shown run, full screen. False when there is no completed run to present.
    bool present();

signals:
    void runShown(qint64 id);

private:
    void onSessionChanged();
    void onPilotEdited();
    void onJobFinished();
    void onTabChanged(int index);
    void updateActions();
    // The submit dialog for `deviceId` of `providerKey` with the circuit page's circuit.
    void openCloudSubmit(const QString& providerKey, const QString& deviceId);
    QWidget* withPlaceholder(QWidget* page, QStackedWidget** stack, const QString& text);

    QTabWidget* m_tabs;
    PilotWorkbench* m_workbench;
    MessageBar* m_messageBar;
    PilotEditor* m_editor;
    DeviceProfilesView* m_deviceProfiles;
    PriceTablesView* m_priceTables;
    JobsView* m_jobs;
    CloudAccountsPage* m_cloudAccounts = nullptr;
    bool m_resumeCheckedAtStart = false;
    CloudJobsPanel* m_cloudJobs;
    CloudDevicesView* m_cloudDevices;
    bool m_cloudShown = false;
    QTabWidget* m_cloudTabs = nullptr;
    QString m_databasePath;
    ui::plots::DashboardsView* m_dashboards;
    ui::ScorecardView* m_scorecard;
    ui::ReportPreview* m_report;
    QStackedWidget* m_setupStack = nullptr;
    QStackedWidget* m_scorecardStack = nullptr;
    QStackedWidget* m_reportStack = nullptr;
    ui::DemoWindow* m_demo = nullptr;
    QAction* m_presentAction = nullptr;
    QAction* m_exportAction = nullptr;
    std::optional<pilot::StoredRun> m_shown;
    bool m_reportStale = false;
    bool m_applyingEdits = false;
};

} // namespace qpilot
