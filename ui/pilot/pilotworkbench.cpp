// SPDX-License-Identifier: GPL-3.0-or-later
// ui/pilot/pilotworkbench.cpp — the pilot side of the window (see pilotworkbench.h).
#include "ui/pilot/pilotworkbench.h"

#include "core/store/store.h"
#include "ui/pilot/pilotpanel.h"
#include "ui/pilot/pilotrunner.h"
#include "ui/pilot/pilotsession.h"
#include "ui/runs/runspanel.h"
#include "ui/widgets/messagebar.h"

#include <QAction>
#include <functional>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>

namespace qpilot {

PilotWorkbench::PilotWorkbench(QMainWindow* window, Document* document, MessageBar* messageBar)
    : QObject(window), m_window(window), m_messageBar(messageBar), m_session(new PilotSession(document, this)),
      m_runner(new PilotRunner(this)), m_panel(new PilotPanel(m_session, m_runner, window)), m_runs(new RunsPanel(m_runner, window))
{
    connect(m_panel, &PilotPanel::runRequested, this, &PilotWorkbench::run);
    connect(m_runner, &PilotRunner::finished, this, &PilotWorkbench::onFinished);
    connect(m_runs, &RunsPanel::storeError, m_messageBar, &MessageBar::showError);
    connect(m_session, &PilotSession::changed, this, [this] {
        m_panel->setLocations(m_runs->databasePath(), reportDirectory());
        if (m_session->isOpen() && m_pilotDock)
            m_pilotDock->raise();
    });
}

QString PilotWorkbench::databasePath()
{
    return QString::fromStdString(store::defaultDatabasePath());
}

QString PilotWorkbench::reportDirectory() const
{
    const QString dir = m_session->directory();
    if (!dir.isEmpty())
        return dir;
    if (!m_exampleReportDirectory.isEmpty())
        return m_exampleReportDirectory;
    return QFileInfo(m_runs->databasePath()).absoluteDir().filePath(QStringLiteral("reports"));
}

void PilotWorkbench::setLocations(const QString& runStorePath, const QString& exampleReportDirectory)
{
    if (runStorePath != m_runs->databasePath())
        m_runs->setDatabasePath(runStorePath);
    m_exampleReportDirectory = exampleReportDirectory;
    m_panel->setLocations(m_runs->databasePath(), reportDirectory());
}

void PilotWorkbench::addDocks(QDockWidget* pilotBeside, QDockWidget* runsBeside)
{
    auto dock = [this](QWidget* widget, const QString& title, const char* name, QDockWidget* beside) {
        auto* d = new QDockWidget(title, m_window);
        d->setObjectName(QLatin1String(name));
        d->setWidget(widget);
        m_window->addDockWidget(m_window->dockWidgetArea(beside), d);
        m_window->tabifyDockWidget(beside, d);
        return d;
    };
    m_pilotDock = dock(m_panel, tr("Pilot"), "pilotDock", pilotBeside);
    m_runsDock = dock(m_runs, tr("Runs"), "runsDock", runsBeside == pilotBeside ? m_pilotDock : runsBeside);
    pilotBeside->raise();
    runsBeside->raise();
}

void PilotWorkbench::addMenus(QMenuBar* bar, QMenu* examples, const std::function<void(const QString&)>& openExample)
{
    for (const pilot::ExamplePilot& example : pilot::examplePilots()) {
        const QString name = QString::fromStdString(example.name);
        examples->addAction(name + QStringLiteral(".qpilot"), this, [openExample, name] { openExample(name); });
    }
    QMenu* menu = bar->addMenu(tr("&Pilot"));
    menu->setObjectName(QStringLiteral("pilotMenu"));
    QAction* runAction = menu->addAction(tr("&Run Pilot"), this, &PilotWorkbench::run);
    runAction->setObjectName(QStringLiteral("actionRunPilot"));
    runAction->setShortcut(QKeySequence(tr("Ctrl+R")));
    QAction* cancel = menu->addAction(tr("&Cancel Run"), m_runner, &PilotRunner::cancel);
    cancel->setObjectName(QStringLiteral("actionCancelRun"));
    menu->addSeparator();
    QAction* refresh = menu->addAction(tr("Refresh &Runs"), m_runs, &RunsPanel::refresh);
    refresh->setObjectName(QStringLiteral("actionRefreshRuns"));
    auto update = [this, runAction, cancel] {
        runAction->setEnabled(m_session->isOpen() && !m_runner->isRunning());
        cancel->setEnabled(m_runner->isRunning());
    };
    connect(m_session, &PilotSession::changed, this, update);
    connect(m_runner, &PilotRunner::started, this, update);
    connect(m_runner, &PilotRunner::finished, this, update);
    update();
}

bool PilotWorkbench::run()
{
    if (!m_session->isOpen() || m_runner->isRunning())
        return false;
    auto current = m_session->currentPilot();
    if (!current) {
        m_messageBar->showError(tr("Cannot run the pilot:\n%1").arg(QString::fromStdString(current.error().toString())));
        return false;
    }
    const bool started = m_runner->start(current.value(), m_session->filePath(), m_runs->databasePath(), reportDirectory());
    if (started) {
        m_messageBar->dismiss();
        m_pilotDock->raise();
        m_window->statusBar()->showMessage(tr("Running %1\u2026").arg(QString::fromStdString(current->name)));
    }
    return started;
}

void PilotWorkbench::onFinished()
{
    const PilotJobResult& r = m_runner->result();
    const pilot::Execution& e = r.execution;
    if (r.reproduce) {
        m_runsDock->raise();
        const pilot::Reproduction& rep = r.reproduction;
        if (rep.error || !rep.invalid.empty()) {
            m_messageBar->showError(tr("Could not reproduce the run:\n%1")
                                        .arg(QString::fromStdString(rep.error ? rep.error->toString() : rep.invalid.front().toString())));
            return;
        }
        const QString message = rep.identical ? tr("Reproduced as run %1: bit-identical results (digest %2)")
                                      .arg(e.runId)
                                      .arg(QString::fromStdString(rep.digest.substr(0, 16)))
                                : tr("Reproduced as run %1: results differ in %2 field(s)").arg(e.runId).arg(rep.differences.size());
        m_window->statusBar()->showMessage(message, 15000);
        if (!rep.identical) {
            QString list;
            for (size_t i = 0; i < rep.differences.size() && i < 5; ++i)
                list += QStringLiteral("\n") + QString::fromStdString(rep.differences[i]);
            m_messageBar->showError(message + list);
        }
        return;
    }
    if (!e.invalid.empty()) {
        QString list;
        for (const Error& err : e.invalid)
            list += QStringLiteral("\n") + QString::fromStdString(err.toString());
        m_messageBar->showError(tr("The pilot is not valid; nothing ran:%1").arg(list));
        return;
    }
    if (e.storeError && e.runId == 0) {
        m_messageBar->showError(tr("The run store cannot be used:\n%1").arg(QString::fromStdString(e.storeError->toString())));
        return;
    }
    if (e.run.status == pilot::RunStatus::Completed && e.cards.best >= 0) {
        const readiness::Scorecard& best = e.cards.cards[static_cast<size_t>(e.cards.best)];
        m_window->statusBar()->showMessage(tr("Run %1 completed in %2 s: %3, overall %4")
                                               .arg(e.runId)
                                               .arg(r.seconds, 0, 'f', 1)
                                               .arg(QString::fromUtf8(readiness::verdictTitle(best.verdict)))
                                               .arg(best.overall, 0, 'f', 1),
                                           15000);
    } else {
        const QString why = QString::fromStdString(e.run.stopReason);
        if (e.run.status == pilot::RunStatus::Cancelled)
            m_window->statusBar()->showMessage(tr("Run %1 cancelled: %2").arg(e.runId).arg(why), 15000);
        else
            m_messageBar->showError(tr("Run %1 %2:\n%3").arg(e.runId).arg(QString::fromLatin1(pilot::runStatusKey(e.run.status)), why));
    }
    if (e.storeError)
        m_messageBar->showError(tr("The run store could not be written:\n%1").arg(QString::fromStdString(e.storeError->toString())));
}

} // namespace qpilot
