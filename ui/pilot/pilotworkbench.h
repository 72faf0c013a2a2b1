// SPDX-License-Identifier: GPL-3.0-or-later
// ui/pilot/pilotworkbench.h — the pilot side of the workbench window, kept out of MainWindow: the
// open pilot (PilotSession), the worker (PilotRunner), the "Pilot" and "Runs" docks, the Pilot menu
// (Run Ctrl+R, Cancel) and the File ▸ Open Example Pilot submenu; run outcomes go to the status bar,
// failures to the message bar.
#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QDockWidget;
class QMainWindow;
class QMenu;
class QMenuBar;

namespace qpilot {

class Document;
class MessageBar;
class PilotPanel;
class PilotRunner;
class PilotSession;
class RunsPanel;

class PilotWorkbench : public QObject {
    Q_OBJECT
public:
    PilotWorkbench(QMainWindow* window, Document* document, MessageBar* messageBar);

    PilotSession* session() const { return m_session; }
    PilotRunner* runner() const { return m_runner; }
    PilotPanel* panel() const { return m_panel; }
    RunsPanel* runsPanel() const { return m_runs; }
    QDockWidget* pilotDock() const { return m_pilotDock; }
    QDockWidget* runsDock() const { return m_runsDock; }

    // Adds the Pilot dock (tabified with `pilotBeside`) and the Runs dock (tabified with `runsBeside`).
    void addDocks(QDockWidget* pilotBeside, QDockWidget* runsBeside);
    // Adds the Pilot menu to `bar` and fills `examples` with pilot::examplePilots(); choosing one
    // calls `openExample(name)`.
    void addMenus(QMenuBar* bar, QMenu* examples, const std::function<void(const QString&)>& openExample);

    // Where runs go: the store (store::defaultDatabasePath() unless setLocations chose one) and the
    // reports: beside the pilot file, or for an embedded example pilot the preferences' report
    // folder ("reports" beside the store until one is set).
    static QString databasePath();
    QString reportDirectory() const;
    // The preferences' run store and report folder (empty: the defaults above).
    void setLocations(const QString& runStorePath, const QString& exampleReportDirectory);

public slots:
    // Runs the open pilot as it stands (the edited circuit included). False when nothing started.
    bool run();

private:
    void onFinished();

    QMainWindow* m_window;
    MessageBar* m_messageBar;
    PilotSession* m_session;
    PilotRunner* m_runner;
    PilotPanel* m_panel;
    RunsPanel* m_runs;
    QDockWidget* m_pilotDock = nullptr;
    QDockWidget* m_runsDock = nullptr;
    QString m_exampleReportDirectory;
};

} // namespace qpilot
