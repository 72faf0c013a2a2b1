// SPDX-License-Identifier: GPL-3.0-or-later
// ui/mainwindow.h — the workbench window. It only wires things together: the Document, the
// panels (circuit text, metrics), the message bar, menus, status bar and settings.
#pragma once

#include "core/circuit/circuit_file.h"

#include <QMainWindow>

class QLabel;

namespace qpilot {

class CircuitTextPanel;
class Document;
class MessageBar;
class MetricsPanel;
class RecentFilesMenu;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    const Document* document() const { return m_document; }
    MessageBar* messageBar() const { return m_messageBar; }

public slots:
    // Opens a circuit file (or a ":/examples/..." resource). On error the message bar shows
    // the located message and the current document stays. Returns whether it opened.
    bool openFile(const QString& path);
    // Saves the document in `format` to `path` (atomically). Errors go to the message bar.
    bool saveDocumentAs(const QString& path, CircuitFormat format);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void updateFromDocument();
    void showOpenDialog();
    void save();
    void showSaveAsDialog();
    void showAbout();

    Document* m_document;
    MessageBar* m_messageBar;
    CircuitTextPanel* m_textPanel;
    MetricsPanel* m_metricsPanel;
    RecentFilesMenu* m_recentMenu = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_saveAsAction = nullptr;
    QLabel* m_fileLabel;
    QLabel* m_qubitsLabel;
    QLabel* m_depthLabel;
};

// Registers the compiled-in resources (icon, examples) of the qpilot_ui library.
void initUiResources();

} // namespace qpilot
