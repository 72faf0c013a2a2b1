// SPDX-License-Identifier: GPL-3.0-or-later
// ui/mainwindow.h — the workbench window. It only wires things together: the Document, the
// central tabs (the circuit editor, then the pilot pages of PilotWorkspace), the docks (palette, inspector, metrics, undo history, OpenQASM
// source, results), the message bar, menus, toolbar, status bar, theme and settings.
#pragma once

#include "core/circuit/circuit_file.h"
#include "ui/settings/workbenchsettings.h"

#include <QMainWindow>
#include <QHash>
#include <QMessageBox>

#include <functional>

class QDockWidget;
class QLabel;
class QTabWidget;
class QUndoGroup;

namespace qpilot {

class CircuitScene;
class CircuitTextPanel;
class CircuitView;
class Document;
class InspectorPanel;
class MessageBar;
class MetricsPanel;
class PalettePanel;
class PilotWorkbench;
class PilotWorkspace;
class RecentFilesMenu;
class ResultsPanel;
struct MeasuredCounts;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    const Document* document() const { return m_document; }
    Document* document() { return m_document; }
    MessageBar* messageBar() const { return m_messageBar; }
    CircuitScene* scene() const { return m_scene; }
    CircuitView* circuitView() const { return m_view; }
    PalettePanel* palette() const { return m_palette; }
    InspectorPanel* inspector() const { return m_inspector; }
    CircuitTextPanel* sourcePanel() const { return m_textPanel; }
    ResultsPanel* resultsPanel() const { return m_results; }
    PilotWorkbench* pilots() const { return m_pilots; }
    // The central tabs: the circuit editor first, then the pilot pages (PilotWorkspace::Page).
    QTabWidget* workspaceTabs() const { return m_tabs; }
    PilotWorkspace* workspace() const { return m_workspace; }
    bool isDarkTheme() const { return m_dark; }
    // The preferences in effect (loaded from QSettings at start-up; Edit ▸ Preferences).
    const WorkbenchSettings& settings() const { return m_settings; }

    // What to do with unsaved changes before they would be lost (close, open, new). The
    // default asks with a dialog; tests replace it. Save saves (Save As when untitled).
    using UnsavedChangesHandler = std::function<QMessageBox::StandardButton()>;
    void setUnsavedChangesHandler(UnsavedChangesHandler handler) { m_unsavedHandler = std::move(handler); }

public slots:
    // Opens a circuit file, a .qpilot pilot (its model circuit goes in the editor) or a
    // ":/examples/..." resource. On error the message bar shows the located message and the
    // current document stays. Returns whether it opened.
    bool openFile(const QString& path);
    // Opens one of pilot::examplePilots() by name ("breast_cancer_kernel").
    bool openExamplePilot(const QString& name);
    // Saves the open pilot (with the edited circuit) to `path` atomically.
    bool savePilotAs(const QString& path);
    // Saves the document in `format` to `path` (atomically). Errors go to the message bar.
    bool saveDocumentAs(const QString& path, CircuitFormat format);
    // A new untitled circuit (after the unsaved-changes check).
    bool newCircuit(int qubits = 3);
    // Makes `text` (any format Qpilot reads) an untitled circuit named `name` on the Circuit page
    // and draws `measured` (unless its counts are empty) in the results dock beside the live
    // simulation: a cloud job's circuit and its counts. Errors go to the message bar.
    bool openMeasuredCircuit(const QString& text, const QString& name, const qpilot::MeasuredCounts& measured);
    void setDarkTheme(bool dark);
    // Saves `settings` to QSettings and applies them now: theme, live simulation.
    void applySettings(const qpilot::WorkbenchSettings& settings);
    // Edit ▸ Preferences (modal); applied() of the dialog calls applySettings.
    void showPreferences();

signals:
    void settingsChanged(const qpilot::WorkbenchSettings& settings);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createDocks();
    void applyDefaultDockSizes();
    void createActions();
    void updateFromDocument();
    bool finishOpen(const QString& path, const std::optional<Error>& error);
    void showOpenDialog();
    bool save();
    bool showSaveAsDialog();
    void showAbout();
    // True when it is fine to drop the current document (saved, discarded or unmodified).
    bool maybeSave();
    void applyTheme(WorkbenchSettings::Theme theme);
    // The circuit docks show with the circuit page only (their visibility there is remembered);
    // Undo/Redo act on the circuit or on the pilot editor, whichever page is shown.
    void onPageChanged(int index);
    bool isModified() const;

    Document* m_document;
    MessageBar* m_messageBar;
    CircuitScene* m_scene;
    CircuitView* m_view;
    PalettePanel* m_palette;
    InspectorPanel* m_inspector;
    CircuitTextPanel* m_textPanel;
    MetricsPanel* m_metricsPanel;
    ResultsPanel* m_results;
    PilotWorkbench* m_pilots;
    QTabWidget* m_tabs = nullptr;
    PilotWorkspace* m_workspace = nullptr;
    QUndoGroup* m_undoGroup = nullptr;
    QHash<QDockWidget*, bool> m_circuitDocksShown; // while another page is shown
    RecentFilesMenu* m_recentMenu = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_saveAsAction = nullptr;
    QLabel* m_fileLabel;
    QLabel* m_qubitsLabel;
    QLabel* m_depthLabel;
    UnsavedChangesHandler m_unsavedHandler;
    bool m_dark = false;
    WorkbenchSettings m_settings;
    QPalette m_systemPalette; // the platform's palette, for the System theme
};

// Registers the compiled-in resources (icon, examples) of the qpilot_ui library.
void initUiResources();

} // namespace qpilot
