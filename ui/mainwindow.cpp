// SPDX-License-Identifier: GPL-3.0-or-later
// ui/mainwindow.cpp — the workbench window (see mainwindow.h).
#include "ui/mainwindow.h"

#include "ui/dialogs/aboutdialog.h"
#include "ui/document/document.h"
#include "ui/document/recentfiles.h"
#include "ui/panels/circuittextpanel.h"
#include "ui/panels/metricspanel.h"
#include "ui/widgets/messagebar.h"
#include "ui/widgets/recentfilesmenu.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

static void initQpilotResource()
{
    Q_INIT_RESOURCE(qpilot); // must be called outside any namespace
}

namespace qpilot {

namespace {

const QStringList kOpenSuffixes = {"qasm", "qasm2", "qasm3", "json"};

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
      m_textPanel(new CircuitTextPanel(m_document, this)),
      m_metricsPanel(new MetricsPanel(m_document, this)), m_fileLabel(new QLabel(this)),
      m_qubitsLabel(new QLabel(this)), m_depthLabel(new QLabel(this))
{
    initUiResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/qpilot.svg")));
    setAcceptDrops(true);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_textPanel);
    splitter->addWidget(m_metricsPanel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({760, 300});
    splitter->setChildrenCollapsible(false);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(8, 6, 8, 4);
    layout->addWidget(m_messageBar);
    layout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_fileLabel->setObjectName(QStringLiteral("statusFile"));
    m_qubitsLabel->setObjectName(QStringLiteral("statusQubits"));
    m_depthLabel->setObjectName(QStringLiteral("statusDepth"));
    for (QLabel* label : {m_fileLabel, m_qubitsLabel, m_depthLabel})
        label->setContentsMargins(6, 0, 6, 0);
    statusBar()->addPermanentWidget(m_fileLabel, 1);
    statusBar()->addPermanentWidget(m_qubitsLabel);
    statusBar()->addPermanentWidget(m_depthLabel);

    createActions();
    connect(m_document, &Document::changed, this, &MainWindow::updateFromDocument);
    updateFromDocument();

    resize(1100, 680);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open\u2026"), this, &MainWindow::showOpenDialog);
    open->setObjectName(QStringLiteral("actionOpen"));
    open->setShortcut(QKeySequence(tr("Ctrl+O")));

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

    file->addSeparator();
    m_saveAction = file->addAction(tr("&Save"), this, &MainWindow::save);
    m_saveAction->setObjectName(QStringLiteral("actionSave"));
    m_saveAction->setShortcut(QKeySequence(tr("Ctrl+S")));
    m_saveAsAction = file->addAction(tr("Save &As\u2026"), this, &MainWindow::showSaveAsDialog);
    m_saveAsAction->setObjectName(QStringLiteral("actionSaveAs"));
    m_saveAsAction->setShortcut(QKeySequence(tr("Ctrl+Shift+S")));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence(tr("Ctrl+Q")));
    quit->setMenuRole(QAction::QuitRole);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Qpilot"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    QAction* aboutQt = help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQt->setObjectName(QStringLiteral("actionAboutQt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
}

bool MainWindow::openFile(const QString& path)
{
    if (const auto error = m_document->open(path)) {
        m_messageBar->showError(tr("Could not open %1\n%2")
                                    .arg(QFileInfo(path).fileName(),
                                         QString::fromStdString(error->toString())));
        return false;
    }
    m_messageBar->dismiss();
    if (!m_document->filePath().isEmpty())
        RecentFiles::add(m_document->filePath());
    m_recentMenu->rebuild();
    return true;
}

bool MainWindow::saveDocumentAs(const QString& path, CircuitFormat format)
{
    if (const auto error = m_document->saveAs(path, format)) {
        m_messageBar->showError(QString::fromStdString(error->toString()));
        return false;
    }
    m_messageBar->dismiss();
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
    setWindowTitle(has ? tr("%1 \u2014 Qpilot").arg(m_document->displayName())
                       : tr("Qpilot"));
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
        this, tr("Open Circuit"), dir,
        tr("Circuits (*.qasm *.qasm2 *.qasm3 *.json);;OpenQASM (*.qasm *.qasm2 *.qasm3);;"
           "IonQ JSON (*.json);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::save()
{
    if (m_document->filePath().isEmpty()) {
        showSaveAsDialog();
        return;
    }
    saveDocumentAs(m_document->filePath(), m_document->format());
}

void MainWindow::showSaveAsDialog()
{
    QFileDialog dialog(this, tr("Save Circuit As"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    QStringList filters;
    for (const auto& [format, filter] : saveFilters())
        filters << filter;
    dialog.setNameFilters(filters);
    QString selected = filters.first();
    for (const auto& [format, filter] : saveFilters()) {
        if (format == m_document->format())
            selected = filter;
    }
    dialog.selectNameFilter(selected);
    dialog.setDefaultSuffix(circuitFormatSuffix(m_document->format()));
    if (!m_document->filePath().isEmpty())
        dialog.selectFile(m_document->filePath());
    else
        dialog.selectFile(m_document->displayName());
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    CircuitFormat format = CircuitFormat::Qasm3;
    for (const auto& [f, filter] : saveFilters()) {
        if (filter == dialog.selectedNameFilter())
            format = f;
    }
    saveDocumentAs(dialog.selectedFiles().first(), format);
}

void MainWindow::showAbout()
{
    AboutDialog dialog(this);
    dialog.exec();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
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
