// SPDX-License-Identifier: GPL-3.0-or-later
// ui/pilot/pilotworkspace.cpp — the pilot pages of the central tabs (see pilotworkspace.h).
#include "ui/pilot/pilotworkspace.h"

#include "ui/cloud/cloudaccountspage.h"
#include "ui/cloud/clouddevicesview.h"
#include "ui/cloud/cloudjobspanel.h"
#include "ui/cloud/cloudsubmitdialog.h"
#include "ui/document/document.h"
#include "core/circuit/qasm.h"
#include "ui/demo/demomode.h"
#include "ui/devices/deviceeditors.h"
#include "ui/jobs/jobsview.h"
#include "ui/pilot/piloteditor.h"
#include "ui/pilot/pilotrunner.h"
#include "ui/pilot/pilotsession.h"
#include "ui/pilot/pilotworkbench.h"
#include "ui/plots/dashboards.h"
#include "ui/report/reportpreview.h"
#include "ui/runs/runspanel.h"
#include "ui/scorecard/scorecardview.h"
#include "ui/widgets/messagebar.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QUndoStack>

#include <algorithm>

namespace qpilot {

PilotWorkspace::PilotWorkspace(QTabWidget* tabs, PilotWorkbench* workbench, MessageBar* messageBar)
    : QObject(tabs), m_tabs(tabs), m_workbench(workbench), m_messageBar(messageBar), m_editor(new PilotEditor(tabs)),
      m_deviceProfiles(new DeviceProfilesView(tabs)), m_priceTables(new PriceTablesView(tabs)),
      m_jobs(new JobsView(workbench->runner(), tabs)),
      m_cloudJobs(new CloudJobsPanel(tabs)), m_cloudDevices(new CloudDevicesView(tabs)), m_dashboards(new ui::plots::DashboardsView(tabs)),
      m_scorecard(new ui::ScorecardView(tabs)), m_report(new ui::ReportPreview(tabs))
{
    m_editor->setObjectName(QStringLiteral("pilotEditor"));
    m_jobs->setObjectName(QStringLiteral("jobsView"));
    m_dashboards->setObjectName(QStringLiteral("dashboardsView"));
    m_scorecard->setObjectName(QStringLiteral("scorecardView"));
    m_report->setObjectName(QStringLiteral("reportPreview"));

    m_tabs->addTab(withPlaceholder(m_editor, &m_setupStack,
                                   tr("No pilot is open.\n\nOpen one with File \u25B8 Open (a .qpilot file) or "
                                      "File \u25B8 Open Example Pilot to edit its dataset, encoding, devices, "
                                      "mitigation and objectives here.")),
                   tr("Setup"));
    auto* devices = new QTabWidget(tabs);
    devices->setObjectName(QStringLiteral("devicesTabs"));
    devices->setDocumentMode(true);
    devices->addTab(m_deviceProfiles, tr("Device profiles"));
    devices->addTab(m_priceTables, tr("Price tables"));
    m_tabs->addTab(devices, tr("Devices"));
    m_tabs->addTab(m_jobs, tr("Jobs"));
    m_tabs->addTab(m_dashboards, tr("Dashboards"));
    const QString noRun = tr("No run to show yet.\n\nRun the open pilot with Pilot \u25B8 Run Pilot (Ctrl+R), or open "
                             "a past run from the Jobs page.");
    m_tabs->addTab(withPlaceholder(m_scorecard, &m_scorecardStack, noRun), tr("Scorecard"));
    m_tabs->addTab(withPlaceholder(m_report, &m_reportStack, noRun), tr("Report"));
    m_cloudTabs = new QTabWidget(tabs);
    m_cloudTabs->setObjectName(QStringLiteral("cloudTabs"));
    m_cloudTabs->setDocumentMode(true);
    m_cloudTabs->addTab(m_cloudDevices, tr("Devices"));
    m_cloudTabs->addTab(m_cloudJobs, tr("Jobs"));
    m_cloudTabs->addTab(new QWidget(m_cloudTabs), tr("Accounts")); // the page on first showing (keychain calls)
    m_tabs->addTab(m_cloudTabs, tr("Cloud"));
    connect(m_cloudJobs, &CloudJobsPanel::storeError, m_messageBar, &MessageBar::showError);
    connect(m_cloudJobs, &CloudJobsPanel::resumingAtStart, m_messageBar, [this](int jobs) {
        m_messageBar->showInfo(tr("Resuming %n unfinished cloud job(s) from the last session: see Cloud \u25B8 Jobs.", nullptr, jobs));
    });
    connect(m_cloudDevices, &CloudDevicesView::submitRequested, this, &PilotWorkspace::openCloudSubmit);

    setDatabasePath(m_workbench->runsPanel()->databasePath());
    connect(m_workbench->session(), &PilotSession::changed, this, &PilotWorkspace::onSessionChanged);
    connect(m_editor, &PilotEditor::pilotEdited, this, &PilotWorkspace::onPilotEdited);
    connect(m_workbench->runner(), &PilotRunner::finished, this, &PilotWorkspace::onJobFinished);
    connect(m_workbench->runner(), &PilotRunner::started, this, [this] {
        if (m_tabs->currentIndex() != CircuitPage)
            m_tabs->setCurrentIndex(JobsPage);
        updateActions();
    });
    connect(m_jobs, &JobsView::runOpened, this, [this](qint64 id) {
        if (openStoredRun(id))
            m_tabs->setCurrentIndex(DashboardsPage);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &PilotWorkspace::onTabChanged);
    // A new snapshot or what-if copy can be picked in the pilot editor right away.
    connect(m_deviceProfiles, &DeviceProfilesView::profilesChanged, this, [this] { m_editor->devicesModel()->reload(); });
    // A what-if price copy, used in the open pilot when asked (one undoable edit of its price files).
    connect(m_priceTables, &PriceTablesView::priceCopyCreated, this, [this](const QString& path, bool useInPilot) {
        if (!useInPilot || !m_workbench->session()->isOpen()) {
            m_messageBar->showInfo(tr("Saved the what-if price %1. List it in a pilot's extra price files (Setup \u25B8 Cost) "
                                      "to price its runs with it.")
                                       .arg(QDir::toNativeSeparators(path)));
            return;
        }
        m_editor->edit(QStringLiteral("cost.price_files"), [path](pilot::Pilot& p) {
            const std::string file = path.toStdString();
            if (std::find(p.cost.priceFiles.begin(), p.cost.priceFiles.end(), file) == p.cost.priceFiles.end())
                p.cost.priceFiles.push_back(file);
        });
        m_messageBar->showInfo(tr("Saved the what-if price %1; the open pilot now uses it (Setup \u25B8 Cost, extra price "
                                  "files). Run the pilot to see its cost with it.")
                                   .arg(QDir::toNativeSeparators(path)));
    });
    onSessionChanged();
}

PilotWorkspace::~PilotWorkspace()
{
    delete m_demo;
}

QWidget* PilotWorkspace::withPlaceholder(QWidget* page, QStackedWidget** stack, const QString& text)
{
    *stack = new QStackedWidget(m_tabs);
    auto* label = new QLabel(text, *stack);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setObjectName(QStringLiteral("placeholder"));
    label->setContentsMargins(40, 40, 40, 40);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 1.2);
    label->setFont(f);
    (*stack)->addWidget(label);
    // Scrolls rather than forcing its minimum size on the window (the tabs take the largest page's).
    auto* scroll = new QScrollArea(*stack);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    (*stack)->addWidget(scroll);
    return *stack;
}

void PilotWorkspace::setDatabasePath(const QString& path)
{
    m_jobs->setDatabasePath(path);
    m_databasePath = path;
    if (!m_resumeCheckedAtStart) { // the first store of this session: its unfinished cloud jobs resume
        m_resumeCheckedAtStart = true;
        m_cloudJobs->resumeAtStart(path);
    }
    if (m_tabs->currentIndex() == CloudPage)
        m_cloudJobs->setDatabasePath(path);
}

void PilotWorkspace::onSessionChanged()
{
    if (m_applyingEdits)
        return;
    PilotSession* session = m_workbench->session();
    m_priceTables->setPilotOpen(session->isOpen());
    if (!session->isOpen()) {
        m_setupStack->setCurrentIndex(0);
        m_editor->undoStack()->clear();
        return;
    }
    // A pilot was opened or saved: the editor starts from it (a save keeps what the editor shows).
    m_applyingEdits = true; // loading is not an edit
    m_editor->setPilot(session->pilot(), QString::fromStdString(session->pilot().baseDirectory));
    m_applyingEdits = false;
    m_setupStack->setCurrentIndex(1);
}

void PilotWorkspace::onPilotEdited()
{
    PilotSession* session = m_workbench->session();
    if (m_applyingEdits || !session->isOpen())
        return;
    m_applyingEdits = true;
    const auto error = session->applyEdits(m_editor->pilot());
    m_applyingEdits = false;
    if (error)
        m_messageBar->showError(tr("The edited pilot's circuit cannot be built:\n%1").arg(QString::fromStdString(error->toString())));
}

void PilotWorkspace::onJobFinished()
{
    updateActions();
    const pilot::Execution& e = m_workbench->runner()->result().execution;
    if (e.run.status != pilot::RunStatus::Completed)
        return;
    if (e.runId > 0) {
        auto stored = pilot::loadStoredRun(m_jobs->databasePath().toStdString(), e.runId);
        if (stored) {
            showRun(stored.value());
            return;
        }
    }
    // Not stored (the store failed): show it as executed.
    auto p = pilot::readPilot(e.run.configurationJson, e.run.pilotFile);
    if (!p)
        return;
    pilot::StoredRun s;
    s.run = e.run;
    s.pilot = std::move(p).value();
    s.context.circuitVersioned = e.circuitVersion.has_value();
    s.context.reproduced = false;
    s.context.exportsPresent = !e.reportSha256.empty();
    s.cards = e.cards;
    showRun(s);
}

void PilotWorkspace::showRun(const pilot::StoredRun& stored)
{
    m_shown = stored;
    m_dashboards->setRun(stored.run);
    const bool scored = stored.run.status == pilot::RunStatus::Completed && !stored.cards.cards.empty();
    if (scored) {
        m_scorecard->setRun(stored.run, stored.pilot, stored.context);
        m_scorecardStack->setCurrentIndex(1);
        m_reportStack->setCurrentIndex(1);
        m_reportStale = true;
        if (m_tabs->currentIndex() == ReportPage)
            onTabChanged(ReportPage);
    } else {
        m_scorecard->clear();
        m_report->clear();
        m_scorecardStack->setCurrentIndex(0);
        m_reportStack->setCurrentIndex(0);
    }
    updateActions();
    emit runShown(stored.id);
}

bool PilotWorkspace::openStoredRun(qint64 id)
{
    auto stored = pilot::loadStoredRun(m_jobs->databasePath().toStdString(), id);
    if (!stored) {
        m_messageBar->showError(tr("Cannot open run %1:\n%2").arg(id).arg(QString::fromStdString(stored.error().toString())));
        return false;
    }
    showRun(stored.value());
    return true;
}

void PilotWorkspace::onTabChanged(int index)
{
    if (index == CloudPage) {
        m_cloudJobs->setDatabasePath(m_databasePath); // reads the store's cloud jobs (not at start-up)
        if (!m_cloudAccounts) {
            m_cloudAccounts = new CloudAccountsPage(m_cloudTabs); // reads the credential status on a worker
            m_cloudAccounts->setObjectName(QStringLiteral("cloudAccounts"));
            // saved endpoints: the device list of that provider is fetched again from them
            connect(m_cloudAccounts, &CloudAccountsPage::endpointsChanged, this, [this](const QString& key) {
                if (key == QLatin1String(cloud::providerKey(m_cloudDevices->provider())))
                    m_cloudDevices->refresh();
            });
            QWidget* stub = m_cloudTabs->widget(2);
            m_cloudTabs->removeTab(2);
            delete stub;
            m_cloudTabs->insertTab(2, m_cloudAccounts, tr("Accounts"));
        }
        if (!m_cloudShown) { // the first look lists the devices (a worker; no network before that)
            m_cloudShown = true;
            m_cloudDevices->refresh();
        }
    }
    if (index == ReportPage && m_reportStale && m_shown) {
        m_reportStale = false;
        m_report->setRun(m_shown->run, m_shown->pilot, m_shown->context);
    }
}

void PilotWorkspace::openCloudSubmit(const QString& providerKey, const QString& deviceId)
{
    auto* dialog = new CloudSubmitDialog(m_tabs->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setDatabasePath(m_cloudJobs->databasePath());
    Document* document = m_workbench->session()->document();
    if (document->hasCircuit()) {
        if (auto qasm = writeQasm3(document->circuit()))
            dialog->setCircuit(QString::fromStdString(qasm.value()), document->displayName());
    }
    if (auto provider = cloud::providerFromKey(providerKey.toStdString())) {
        dialog->devicesView()->setProvider(provider.value());
        connect(
            dialog->devicesView(), &CloudDevicesView::refreshFinished, dialog,
            [dialog, deviceId] { dialog->devicesView()->selectDevice(deviceId); }, Qt::SingleShotConnection);
    }
    connect(dialog, &CloudSubmitDialog::submitted, this, [this](qint64 id) {
        m_cloudJobs->refresh();
        m_cloudJobs->selectJob(id);
        m_cloudTabs->setCurrentWidget(m_cloudJobs);
    });
    dialog->open();
}

void PilotWorkspace::addMenuActions(QMenu* pilotMenu)
{
    pilotMenu->addSeparator();
    m_presentAction = pilotMenu->addAction(tr("&Present (Demo Mode)"), this, &PilotWorkspace::present);
    m_presentAction->setObjectName(QStringLiteral("actionPresent"));
    m_presentAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_presentAction->setToolTip(tr("Walk stakeholders through the shown run full screen: problem, circuit, "
                                   "results, costs, scorecard, verdict"));
    m_exportAction = pilotMenu->addAction(tr("&Export Report\u2026"), this, [this] {
        m_tabs->setCurrentIndex(ReportPage);
        m_report->exportWithDialog();
    });
    m_exportAction->setObjectName(QStringLiteral("actionExportReport"));
    m_exportAction->setShortcut(QKeySequence(tr("Ctrl+E")));
    updateActions();
}

void PilotWorkspace::updateActions()
{
    const bool completed = m_shown && m_shown->run.status == pilot::RunStatus::Completed && !m_shown->cards.cards.empty();
    if (m_presentAction)
        m_presentAction->setEnabled(completed);
    if (m_exportAction)
        m_exportAction->setEnabled(completed);
}

bool PilotWorkspace::present()
{
    if (!m_shown || m_shown->run.status != pilot::RunStatus::Completed || m_shown->cards.cards.empty())
        return false;
    delete m_demo;
    m_demo = new ui::DemoWindow(nullptr);
    m_demo->setObjectName(QStringLiteral("demoWindow"));
    m_demo->setRun(m_shown->run, m_shown->pilot, m_shown->context);
    connect(m_demo, &ui::DemoWindow::closed, this, [this] {
        if (m_demo) {
            m_demo->deleteLater();
            m_demo = nullptr;
        }
    });
    m_demo->present();
    return true;
}

} // namespace qpilot
