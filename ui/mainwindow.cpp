// SPDX-License-Identifier: GPL-3.0-or-later
// ui/mainwindow.cpp — the workbench window (see mainwindow.h).
#include "ui/mainwindow.h"

#include "ui/cloud/cloudjobspanel.h"
#include "ui/dialogs/aboutdialog.h"
#include "ui/dialogs/preferencesdialog.h"
#include "ui/document/document.h"
#include "ui/document/recentfiles.h"
#include "ui/editor/circuitscene.h"
#include "ui/editor/circuitview.h"
#include "ui/editor/inspectorpanel.h"
#include "ui/editor/palettepanel.h"
#include "ui/panels/circuittextpanel.h"
#include "ui/panels/metricspanel.h"
#include "ui/pilot/pilotsession.h"
#include "ui/pilot/piloteditor.h"
#include "ui/pilot/pilotworkbench.h"
#include "ui/pilot/pilotworkspace.h"
#include "ui/results/resultspanel.h"
#include "ui/runs/runspanel.h"
#include "ui/widgets/messagebar.h"
#include "ui/widgets/recentfilesmenu.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QStyle>
#include <QStyleFactory>
#include <QTimer>
#include <QToolBar>
#include <QTabWidget>
#include <QUndoGroup>
#include <QUndoStack>
#include <QUndoView>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QVBoxLayout>

static void initQpilotResource()
{
    Q_INIT_RESOURCE(qpilot); // must be called outside any namespace
}

namespace qpilot {

namespace {

const QStringList kOpenSuffixes = {"qasm", "qasm2", "qasm3", "json", "qpilot"};

QString firstDroppedCircuit(const QMimeData* mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl& url : mime->urls()) {
        const QString path = url.toLocalFile();
        if (!path.isEmpty() && kOpenSuffixes.contains(QFileInfo(path).suffix().toLower()))
            return path;
    }
    return {};
}

// Save As filters, in the order shown; the chosen one decides the format.
const std::vector<std::pair<CircuitFormat, QString>>& saveFilters()
{
    static const std::vector<std::pair<CircuitFormat, QString>> filters = {
        {CircuitFormat::Qasm3, QStringLiteral("OpenQASM 3 (*.qasm)")},
        {CircuitFormat::Qasm2, QStringLiteral("OpenQASM 2.0 (*.qasm)")},
        {CircuitFormat::Braket, QStringLiteral("Amazon Braket OpenQASM 3 (*.qasm)")},
        {CircuitFormat::IonqJson, QStringLiteral("IonQ JSON (*.json)")},
    };
    return filters;
}

} // namespace

void initUiResources()
{
    initQpilotResource();
}

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_document(new Document(this)), m_messageBar(new MessageBar(this)),
      m_scene(new CircuitScene(m_document, this)), m_view(new CircuitView(m_scene, this)),
      m_palette(new PalettePanel(this)), m_inspector(new InspectorPanel(m_document, m_scene, this)),
      m_textPanel(new CircuitTextPanel(m_document, this)), m_metricsPanel(new MetricsPanel(m_document, this)),
      m_results(new ResultsPanel(m_document, this)), m_pilots(new PilotWorkbench(this, m_document, m_messageBar)), m_fileLabel(new QLabel(this)), m_qubitsLabel(new QLabel(this)),
      m_depthLabel(new QLabel(this))
{
    initUiResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/qpilot.svg")));
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    // Side docks run the full height; the results sit under the circuit only.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->setSpacing(4);
    layout->addWidget(m_messageBar);
    m_tabs = new QTabWidget(central);
    m_tabs->setObjectName(QStringLiteral("workspaceTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_view, tr("Circuit"));
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);
    m_workspace = new PilotWorkspace(m_tabs, m_pilots, m_messageBar);
    // A cloud job's circuit, with its measured counts, into the editor and the results dock.
    connect(m_workspace->cloudJobs(), &CloudJobsPanel::openInEditorRequested, this, &MainWindow::openMeasuredCircuit);
    m_undoGroup = new QUndoGroup(this);
    m_undoGroup->addStack(m_document->undoStack());
    m_undoGroup->addStack(m_workspace->editor()->undoStack());
    m_undoGroup->setActiveStack(m_document->undoStack());
    createDocks();
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onPageChanged);

    m_fileLabel->setObjectName(QStringLiteral("statusFile"));
    m_qubitsLabel->setObjectName(QStringLiteral("statusQubits"));
    m_depthLabel->setObjectName(QStringLiteral("statusDepth"));
    for (QLabel* label : {m_fileLabel, m_qubitsLabel, m_depthLabel})
        label->setContentsMargins(6, 0, 6, 0);
    statusBar()->addPermanentWidget(m_fileLabel); // no stretch: messages show beside it
    statusBar()->addPermanentWidget(m_qubitsLabel);
    statusBar()->addPermanentWidget(m_depthLabel);

    createActions();
    connect(m_document, &Document::changed, this, &MainWindow::updateFromDocument);
    connect(m_pilots->session(), &PilotSession::changed, this, &MainWindow::updateFromDocument);
    connect(m_scene, &CircuitScene::editFailed, m_messageBar, &MessageBar::showError);
    connect(m_textPanel, &CircuitTextPanel::parseErrorChanged, this, [this](const QString& message) {
        if (message.isEmpty())
            m_messageBar->dismiss();
        else
            m_messageBar->showError(tr("The OpenQASM source has an error; the diagram keeps the last valid "
                                       "circuit.\n%1")
                                        .arg(message));
    });
    connect(m_palette, &PalettePanel::entryActivated, this, [this](const QString& id) {
        m_scene->placeEntry(id, 0, m_scene->document()->hasCircuit() ? 1 << 20 : 0);
    });
    m_unsavedHandler = [this] {
        return QMessageBox::warning(this, tr("Unsaved changes"),
                                    tr("%1 has unsaved changes. Save them?").arg(m_document->displayName()),
                                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    };
    updateFromDocument();

    resize(1400, 860);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    const bool restored = restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    m_systemPalette = QApplication::palette();
    m_settings = WorkbenchSettings::load(settings);
    if (m_settings.theme != WorkbenchSettings::Theme::System)
        applyTheme(m_settings.theme);
    else
        m_dark = m_systemPalette.color(QPalette::Window).lightness() < 128;
    if (!restored)
        applyDefaultDockSizes(); // again: a theme's style (Fusion) re-lays the docks out from their hints
    m_results->applySettings(m_settings, true);
    m_pilots->setLocations(m_settings.runStorePath, m_settings.reportDirectory);
    m_workspace->setDatabasePath(m_pilots->runsPanel()->databasePath());
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    auto dock = [this](QWidget* widget, const QString& title, const char* name, Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(QLatin1String(name));
        d->setWidget(widget);
        addDockWidget(area, d);
        return d;
    };
    dock(m_palette, tr("Gates"), "paletteDock", Qt::LeftDockWidgetArea);
    QDockWidget* inspector = dock(m_inspector, tr("Inspector"), "inspectorDock", Qt::RightDockWidgetArea);
    QDockWidget* metrics = dock(m_metricsPanel, tr("Metrics"), "metricsDock", Qt::RightDockWidgetArea);
    dock(m_textPanel, tr("OpenQASM 3"), "sourceDock", Qt::RightDockWidgetArea);
    QDockWidget* results = dock(m_results, tr("Results"), "resultsDock", Qt::BottomDockWidgetArea);
    auto* history = new QUndoView(m_document->undoStack(), this);
    history->setObjectName(QStringLiteral("historyView"));
    history->setEmptyLabel(tr("<opened>"));
    QDockWidget* historyDock = dock(history, tr("History"), "historyDock", Qt::RightDockWidgetArea);
    tabifyDockWidget(inspector, metrics);
    tabifyDockWidget(metrics, historyDock);
    m_pilots->addDocks(results, results);
    inspector->raise();
    applyDefaultDockSizes();
}

void MainWindow::applyDefaultDockSizes()
{
    const auto d = [this](const char* name) { return findChild<QDockWidget*>(QLatin1String(name)); };
    resizeDocks({d("paletteDock"), d("sourceDock")}, {195, 340}, Qt::Horizontal);
    resizeDocks({d("inspectorDock"), d("metricsDock"), d("sourceDock")}, {230, 230, 560}, Qt::Vertical);
    resizeDocks({d("resultsDock")}, {400}, Qt::Vertical);
}

void MainWindow::createActions()
{
    QToolBar* tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto named = [](QAction* a, const char* name, const QKeySequence& key = {}) {
        a->setObjectName(QLatin1String(name));
        if (!key.isEmpty())
            a->setShortcut(key);
        return a;
    };

    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newAction = named(file->addAction(tr("&New"), this, [this] { newCircuit(); }), "actionNew",
                               QKeySequence::New);
    QAction* open = named(file->addAction(tr("&Open\u2026"), this, &MainWindow::showOpenDialog), "actionOpen",
                          QKeySequence::Open);

    m_recentMenu = new RecentFilesMenu(this);
    connect(m_recentMenu, &RecentFilesMenu::fileChosen, this, &MainWindow::openFile);
    file->addMenu(m_recentMenu);

    QMenu* examples = file->addMenu(tr("Open &Example"));
    examples->setObjectName(QStringLiteral("examplesMenu"));
    const QStringList names = QDir(QStringLiteral(":/examples")).entryList(QDir::Files, QDir::Name);
    for (const QString& name : names) {
        const QString path = QStringLiteral(":/examples/") + name;
        examples->addAction(name, this, [this, path] { openFile(path); });
    }

    QMenu* examplePilots = file->addMenu(tr("Open Example &Pilot"));
    examplePilots->setObjectName(QStringLiteral("examplePilotsMenu"));

    file->addSeparator();
    m_saveAction = named(file->addAction(tr("&Save"), this, &MainWindow::save), "actionSave", QKeySequence::Save);
    m_saveAsAction = named(file->addAction(tr("Save &As\u2026"), this, &MainWindow::showSaveAsDialog),
                           "actionSaveAs", QKeySequence(tr("Ctrl+Shift+S")));
    file->addSeparator();
    QAction* quit = named(file->addAction(tr("&Quit"), this, &QWidget::close), "actionQuit", QKeySequence(tr("Ctrl+Q")));
    quit->setMenuRole(QAction::QuitRole);

    QMenu* editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = named(m_undoGroup->createUndoAction(this, tr("&Undo")), "actionUndo", QKeySequence::Undo);
    QAction* redo = named(m_undoGroup->createRedoAction(this, tr("&Redo")), "actionRedo",
                          QKeySequence::Redo);
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    editMenu->addSeparator();
    QAction* cut = named(editMenu->addAction(tr("Cu&t"), this,
                                             [this] {
                                                 if (m_scene->copySelection())
                                                     m_scene->deleteSelection();
                                             }),
                         "actionCut", QKeySequence::Cut);
    QAction* copy = named(editMenu->addAction(tr("&Copy"), this, [this] { m_scene->copySelection(); }), "actionCopy",
                          QKeySequence::Copy);
    QAction* paste = named(editMenu->addAction(tr("&Paste"), this, [this] { m_scene->paste(); }), "actionPaste",
                           QKeySequence::Paste);
    QAction* del = named(editMenu->addAction(tr("&Delete"), this, [this] { m_scene->deleteSelection(); }),
                         "actionDelete", QKeySequence::Delete);
    QAction* selectAll = named(editMenu->addAction(tr("Select &All"), this,
                                                   [this] {
                                                       std::vector<int> all(m_document->circuit().ops.size());
                                                       for (std::size_t i = 0; i < all.size(); ++i)
                                                           all[i] = int(i);
                                                       m_scene->selectOperations(all);
                                                   }),
                               "actionSelectAll", QKeySequence::SelectAll);
    // Editing shortcuts act on the diagram only, so the text panes keep their own.
    for (QAction* a : {cut, copy, paste, del, selectAll}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_view->addAction(a);
    }
    editMenu->addSeparator();
    QAction* addQubit = named(editMenu->addAction(tr("Add &Qubit"), this,
                                                  [this] {
                                                      if (auto e = m_document->addQubit())
                                                          m_messageBar->showError(QString::fromStdString(e->message));
                                                  }),
                              "actionAddQubit", QKeySequence(tr("Ctrl+Shift+Q")));
    QAction* removeQubit = named(editMenu->addAction(tr("&Remove Last Qubit"), this,
                                                     [this] {
                                                         if (auto e = m_document->removeQubit(
                                                                 m_document->circuit().numQubits() - 1))
                                                             m_messageBar->showError(QString::fromStdString(e->message));
                                                     }),
                                 "actionRemoveQubit");
    named(editMenu->addAction(tr("Add C&lassical Bit"), this,
                              [this] {
                                  if (auto e = m_document->addClbit())
                                      m_messageBar->showError(QString::fromStdString(e->message));
                              }),
          "actionAddClbit");
    named(editMenu->addAction(tr("Remove Last Classical &Bit"), this,
                              [this] {
                                  if (auto e = m_document->removeLastClbit())
                                      m_messageBar->showError(QString::fromStdString(e->message));
                              }),
          "actionRemoveClbit");
    editMenu->addSeparator();
    QAction* preferences = named(editMenu->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences),
                                 "actionPreferences");
    // The platform's shortcut where it has one (Ctrl+, on macOS); Ctrl+, elsewhere.
    preferences->setShortcut(QKeySequence(QKeySequence::Preferences).isEmpty() ? QKeySequence(tr("Ctrl+,"))
                                                                                : QKeySequence(QKeySequence::Preferences));
    preferences->setMenuRole(QAction::PreferencesRole);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* zoomIn = named(view->addAction(tr("Zoom &In"), m_view, &CircuitView::zoomIn), "actionZoomIn",
                            QKeySequence::ZoomIn);
    QAction* zoomOut = named(view->addAction(tr("Zoom &Out"), m_view, &CircuitView::zoomOut), "actionZoomOut",
                             QKeySequence::ZoomOut);
    named(view->addAction(tr("&Actual Size"), m_view, &CircuitView::resetZoom), "actionZoomReset",
          QKeySequence(tr("Ctrl+0")));
    named(view->addAction(tr("Zoom to &Fit"), m_view, &CircuitView::zoomToFit), "actionZoomFit",
          QKeySequence(tr("Ctrl+9")));
    view->addSeparator();
    QAction* dark = named(view->addAction(tr("&Dark Theme")), "actionDarkTheme");
    dark->setCheckable(true);
    connect(dark, &QAction::toggled, this, &MainWindow::setDarkTheme);
    view->addSeparator();
    for (QDockWidget* d : findChildren<QDockWidget*>())
        view->addAction(d->toggleViewAction());

    m_pilots->addMenus(menuBar(), examplePilots, [this](const QString& name) { openExamplePilot(name); });
    if (QMenu* pilotMenu = menuBar()->findChild<QMenu*>(QStringLiteral("pilotMenu")))
        m_workspace->addMenuActions(pilotMenu);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Qpilot"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    QAction* aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setObjectName(QStringLiteral("actionAboutQt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);

    tools->addAction(newAction);
    tools->addAction(open);
    tools->addAction(m_saveAction);
    tools->addSeparator();
    tools->addAction(undo);
    tools->addAction(redo);
    tools->addAction(del);
    tools->addSeparator();
    tools->addAction(addQubit);
    tools->addAction(removeQubit);
    tools->addSeparator();
    tools->addAction(zoomIn);
    tools->addAction(zoomOut);
}

bool MainWindow::newCircuit(int qubits)
{
    if (!maybeSave())
        return false;
    m_pilots->session()->close();
    m_document->newCircuit(qubits);
    m_messageBar->dismiss();
    return true;
}

bool MainWindow::openMeasuredCircuit(const QString& text, const QString& name, const MeasuredCounts& measured)
{
    if (!maybeSave())
        return false;
    auto loaded = parseCircuitText(text.toStdString(), name);
    if (!loaded)
        return finishOpen(name, loaded.error());
    m_pilots->session()->close();
    m_document->load(std::move(loaded.value().circuit), QString(), name);
    m_results->setMeasured(measured.counts.empty() ? std::nullopt : std::optional<MeasuredCounts>(measured));
    m_tabs->setCurrentIndex(PilotWorkspace::CircuitPage);
    return finishOpen(name, std::nullopt);
}

bool MainWindow::isModified() const
{
    return m_document->isModified() || m_pilots->session()->isPilotModified();
}

void MainWindow::onPageChanged(int index)
{
    const bool circuit = index == PilotWorkspace::CircuitPage;
    m_undoGroup->setActiveStack(index == PilotWorkspace::SetupPage ? m_workspace->editor()->undoStack()
                                                                   : m_document->undoStack());
    if (!circuit && m_circuitDocksShown.isEmpty()) {
        for (QDockWidget* d : findChildren<QDockWidget*>()) {
            m_circuitDocksShown.insert(d, d->isVisible());
            d->hide();
        }
    } else if (circuit) {
        for (auto it = m_circuitDocksShown.cbegin(); it != m_circuitDocksShown.cend(); ++it)
            it.key()->setVisible(it.value());
        m_circuitDocksShown.clear();
    }
}

bool MainWindow::maybeSave()
{
    if (!isModified())
        return true;
    switch (m_unsavedHandler ? m_unsavedHandler() : QMessageBox::Cancel) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

void MainWindow::setDarkTheme(bool dark)
{
    WorkbenchSettings s = m_settings;
    s.theme = dark ? WorkbenchSettings::Theme::Dark : WorkbenchSettings::Theme::Light;
    applySettings(s);
}

void MainWindow::applySettings(const WorkbenchSettings& settings)
{
    const bool themeChanged = settings.theme != m_settings.theme;
    m_settings = settings;
    QSettings store;
    m_settings.save(store);
    if (themeChanged)
        applyTheme(m_settings.theme);
    m_results->applySettings(m_settings);
    m_pilots->setLocations(m_settings.runStorePath, m_settings.reportDirectory);
    m_workspace->setDatabasePath(m_pilots->runsPanel()->databasePath());
    emit settingsChanged(m_settings);
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(m_settings, this);
    connect(&dialog, &PreferencesDialog::applied, this, &MainWindow::applySettings);
    dialog.exec();
}

void MainWindow::applyTheme(WorkbenchSettings::Theme theme)
{
    const bool dark = theme == WorkbenchSettings::Theme::Dark
        || (theme == WorkbenchSettings::Theme::System && m_systemPalette.color(QPalette::Window).lightness() < 128);
    m_dark = dark;
    if (auto* a = findChild<QAction*>(QStringLiteral("actionDarkTheme")); a && a->isChecked() != dark)
        a->setChecked(dark);
    QPalette p;
    if (dark) {
        if (QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion")))
            QApplication::setStyle(fusion);
        p = workbenchDarkPalette();
    } else if (theme == WorkbenchSettings::Theme::System) {
        p = m_systemPalette;
    } else {
        p = QApplication::style()->standardPalette();
    }
    QApplication::setPalette(p);
    m_scene->refresh();
    m_results->applyTheme();
    QSettings().setValue(QStringLiteral("mainWindow/dark"), dark);
}

bool MainWindow::openFile(const QString& path)
{
    if (!maybeSave())
        return false;
    if (QFileInfo(path).suffix().compare(QLatin1String("qpilot"), Qt::CaseInsensitive) == 0)
        return finishOpen(path, m_pilots->session()->open(path));
    const auto error = m_document->open(path);
    if (!error)
        m_pilots->session()->close();
    return finishOpen(path, error);
}

bool MainWindow::openExamplePilot(const QString& name)
{
    if (!maybeSave())
        return false;
    return finishOpen(name + QStringLiteral(".qpilot"), m_pilots->session()->openExample(name));
}

bool MainWindow::finishOpen(const QString& path, const std::optional<Error>& error)
{
    if (error) {
        m_messageBar->showError(tr("Could not open %1\n%2")
                                    .arg(QFileInfo(path).fileName(),
                                         QString::fromStdString(error->toString())));
        return false;
    }
    m_messageBar->dismiss();
    // Once the window has its size: show the whole circuit.
    QTimer::singleShot(0, m_view, &CircuitView::zoomToFit);
    if (!m_document->filePath().isEmpty())
        RecentFiles::add(m_document->filePath());
    m_recentMenu->rebuild();
    return true;
}

bool MainWindow::savePilotAs(const QString& path)
{
    if (const auto error = m_pilots->session()->saveAs(path)) {
        m_messageBar->showError(QString::fromStdString(error->toString()));
        return false;
    }
    m_messageBar->dismiss();
    RecentFiles::add(m_document->filePath());
    m_recentMenu->rebuild();
    statusBar()->showMessage(tr("Saved pilot %1").arg(QDir::toNativeSeparators(m_document->filePath())), 5000);
    return true;
}

bool MainWindow::saveDocumentAs(const QString& path, CircuitFormat format)
{
    if (const auto error = m_document->saveAs(path, format)) {
        m_messageBar->showError(QString::fromStdString(error->toString()));
        return false;
    }
    m_messageBar->dismiss();
    m_pilots->session()->close(); // the document now lives in the circuit file
    RecentFiles::add(path);
    m_recentMenu->rebuild();
    statusBar()->showMessage(tr("Saved %1 as %2").arg(QDir::toNativeSeparators(path),
                                                      circuitFormatTitle(format)),
                             5000);
    return true;
}

void MainWindow::updateFromDocument()
{
    const bool has = m_document->hasCircuit();
    const QString star = isModified() ? QStringLiteral("*") : QString();
    if (m_pilots->session()->isOpen())
        setWindowTitle(tr("%1%2 \u2014 %3 \u2014 Qpilot")
                           .arg(QString::fromStdString(m_pilots->session()->pilot().name), star, m_document->displayName()));
    else
        setWindowTitle(has ? tr("%1%2 \u2014 Qpilot").arg(m_document->displayName(), star) : tr("Qpilot"));
    m_saveAction->setEnabled(has);
    m_saveAsAction->setEnabled(has);
    m_fileLabel->setText(has ? m_document->displayName() : tr("No circuit"));
    m_fileLabel->setToolTip(QDir::toNativeSeparators(m_document->filePath()));
    const int qubits = m_document->metrics().numQubits;
    m_qubitsLabel->setText(!has ? QString() : qubits == 1 ? tr("1 qubit") : tr("%1 qubits").arg(qubits));
    m_depthLabel->setText(has ? tr("depth %1").arg(m_document->metrics().depth) : QString());
}

void MainWindow::showOpenDialog()
{
    const QString dir = m_document->filePath().isEmpty()
        ? QString()
        : QFileInfo(m_document->filePath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Circuit or Pilot"), dir,
        tr("Circuits and pilots (*.qasm *.qasm2 *.qasm3 *.json *.qpilot);;Pilots (*.qpilot);;OpenQASM (*.qasm *.qasm2 *.qasm3);;"
           "IonQ JSON (*.json);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::save()
{
    if (m_pilots->session()->isOpen() && !m_document->filePath().isEmpty())
        return savePilotAs(m_document->filePath());
    if (m_document->filePath().isEmpty())
        return showSaveAsDialog();
    return saveDocumentAs(m_document->filePath(), m_document->format());
}

bool MainWindow::showSaveAsDialog()
{
    QFileDialog dialog(this, tr("Save Circuit As"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    const bool pilot = m_pilots->session()->isOpen();
    const QString pilotFilter = tr("Qpilot pilot (*.qpilot)");
    QStringList filters;
    if (pilot)
        filters << pilotFilter;
    for (const auto& [format, filter] : saveFilters())
        filters << filter;
    dialog.setNameFilters(filters);
    QString selected = filters.first();
    for (const auto& [format, filter] : saveFilters()) {
        if (!pilot && format == m_document->format())
            selected = filter;
    }
    dialog.selectNameFilter(selected);
    dialog.setDefaultSuffix(pilot ? QStringLiteral("qpilot") : circuitFormatSuffix(m_document->format()));
    if (!m_document->filePath().isEmpty())
        dialog.selectFile(m_document->filePath());
    else
        dialog.selectFile(m_document->displayName());
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return false;
    if (pilot && dialog.selectedNameFilter() == pilotFilter)
        return savePilotAs(dialog.selectedFiles().first());
    CircuitFormat format = CircuitFormat::Qasm3;
    for (const auto& [f, filter] : saveFilters()) {
        if (filter == dialog.selectedNameFilter())
            format = f;
    }
    return saveDocumentAs(dialog.selectedFiles().first(), format);
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_tabs->setCurrentIndex(PilotWorkspace::CircuitPage); // the docks as the user left them there
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!firstDroppedCircuit(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QString path = firstDroppedCircuit(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    openFile(path);
}

} // namespace qpilot
