// SPDX-License-Identifier: GPL-3.0-or-later
// tests/ui/tst_mainwindow.cpp — the workbench window on the offscreen platform: opening a
// file (title, text view, metrics, status bar), malformed files (located error in the
// message bar, previous document kept), Save As, recent files, shortcuts, drag and drop,
// settings, About.
#include "ui/dialogs/aboutdialog.h"
#include "ui/document/document.h"
#include "ui/document/recentfiles.h"
#include "ui/editor/circuitscene.h"
#include "ui/editor/circuitview.h"
#include "ui/editor/palettepanel.h"
#include "ui/results/resultspanel.h"
#include "ui/mainwindow.h"
#include "ui/panels/circuittextpanel.h"
#include "ui/panels/metricspanel.h"
#include "ui/widgets/messagebar.h"
#include "ui/widgets/recentfilesmenu.h"
#include "support/test_setup.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QLineEdit>
#include <QTreeView>
#include <QMessageBox>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

using namespace qpilot;

namespace {

QString fixture(const QString& name)
{
    return QStringLiteral(QPILOT_TEST_DATA_DIR "/ui/") + name;
}

Circuit readFixture(const QString& name)
{
    auto c = readQasmFile(fixture(name).toStdString());
    if (!c)
        qFatal("fixture %s does not parse: %s", qPrintable(name), c.error().toString().c_str());
    return c.value();
}

QString labelText(const QWidget& w, const char* name)
{
    const auto* label = w.findChild<QLabel*>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
}

QStringList menuFiles(RecentFilesMenu* menu)
{
    QStringList files;
    for (QAction* a : menu->actions()) {
        if (!a->data().toString().isEmpty())
            files << a->data().toString();
    }
    return files;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        test::isolateSettings("tst_mainwindow");
        initUiResources();
    }

    void init() { QSettings().clear(); }

    void firstStartDockSizes_data()
    {
        QTest::addColumn<QString>("theme");
        QTest::newRow("light") << "light";
        QTest::newRow("dark") << "dark"; // Fusion is applied after the docks are made
    }
    void firstStartDockSizes()
    {
        // No saved layout: the palette and the source pane get their designed widths in either
        // theme (the dark theme's style change used to squeeze them to their minimum).
        QFETCH(QString, theme);
        QSettings().setValue("preferences/theme", theme);
        MainWindow w;
        w.resize(1440, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const auto* palette = w.findChild<QDockWidget*>(QStringLiteral("paletteDock"));
        const auto* source = w.findChild<QDockWidget*>(QStringLiteral("sourceDock"));
        QVERIFY(palette && source);
        QVERIFY2(palette->width() >= 170, qPrintable(QString::number(palette->width())));
        QVERIFY2(source->width() >= 300, qPrintable(QString::number(source->width())));
        w.setDarkTheme(false); // the palette is application-wide: leave it light for later tests
        QVERIFY2(QApplication::palette().color(QPalette::Window).lightnessF() > 0.5, "palette still dark");
        w.close();
        QSettings().clear();
    }

    void startsEmpty()
    {
        MainWindow w;
        QCOMPARE(w.windowTitle(), QStringLiteral("Qpilot"));
        QVERIFY(!w.document()->hasCircuit());
        QVERIFY(!w.findChild<QAction*>("actionSave")->isEnabled());
        QVERIFY(!w.findChild<QAction*>("actionSaveAs")->isEnabled());
        QVERIFY(!w.messageBar()->isVisibleTo(&w));
        QCOMPARE(labelText(w, "statusFile"), QStringLiteral("No circuit"));
    }

    void openFile()
    {
        MainWindow w;
        QVERIFY(w.openFile(fixture("ghz3.qasm")));
        const CircuitMetrics m = circuitMetrics(readFixture("ghz3.qasm"));
        QCOMPARE(w.windowTitle(), QStringLiteral("ghz3.qasm \u2014 Qpilot"));
        QVERIFY(w.document()->circuit() == readFixture("ghz3.qasm"));
        QCOMPARE(w.document()->format(), CircuitFormat::Qasm3);

        const auto* text = w.findChild<CircuitTextPanel*>();
        QVERIFY(text->text().startsWith(QLatin1String("OPENQASM 3")));
        QVERIFY(text->text().contains(QLatin1String("cx q[1], q[2];"))
                || text->text().contains(QLatin1String("cx q[1],q[2];")));
        QVERIFY(text->summary().contains(QLatin1String("ghz3.qasm")));

        const auto* metrics = w.findChild<MetricsPanel*>();
        QCOMPARE(metrics->value("Qubits"), QString::number(m.numQubits));
        QCOMPARE(metrics->value("Depth"), QString::number(m.depth));
        QCOMPARE(metrics->value("Two-qubit depth"), QString::number(m.twoQubitDepth));

        QCOMPARE(labelText(w, "statusFile"), QStringLiteral("ghz3.qasm"));
        QCOMPARE(labelText(w, "statusQubits"), QStringLiteral("3 qubits"));
        QCOMPARE(labelText(w, "statusDepth"), QStringLiteral("depth %1").arg(m.depth));
        QVERIFY(w.findChild<QAction*>("actionSave")->isEnabled());
        QVERIFY(!w.messageBar()->isVisibleTo(&w));
    }

    void malformedKeepsDocument_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("errorPattern");
        QTest::newRow("malformed") << fixture("malformed.qasm")
                                   << QStringLiteral("malformed\\.qasm:7:\\d+: \\S");
        QTest::newRow("missing") << fixture("no-such-file.qasm")
                                 << QStringLiteral("no-such-file\\.qasm: no such file");
    }

    void malformedKeepsDocument()
    {
        QFETCH(QString, path);
        QFETCH(QString, errorPattern);
        MainWindow w;
        QVERIFY(w.openFile(fixture("bell.qasm")));
        const QString title = w.windowTitle();
        const QString text = w.findChild<CircuitTextPanel*>()->text();

        QVERIFY(!w.openFile(path)); // must not crash, must not open a dialog
        QVERIFY(w.messageBar()->isVisibleTo(&w));
        QCOMPARE(w.messageBar()->kind(), MessageBar::Kind::Error);
        QVERIFY2(QRegularExpression(errorPattern).match(w.messageBar()->text()).hasMatch(),
                 qPrintable(w.messageBar()->text()));

        QCOMPARE(w.windowTitle(), title);
        QCOMPARE(w.findChild<CircuitTextPanel*>()->text(), text);
        QVERIFY(w.document()->circuit() == readFixture("bell.qasm"));
        QCOMPARE(labelText(w, "statusFile"), QStringLiteral("bell.qasm"));

        // The next good file clears the message.
        QVERIFY(w.openFile(fixture("ghz3.qasm")));
        QVERIFY(!w.messageBar()->isVisibleTo(&w));
    }

    void saveAs_data()
    {
        QTest::addColumn<CircuitFormat>("format");
        QTest::addColumn<QString>("header");
        QTest::newRow("OpenQASM 2") << CircuitFormat::Qasm2 << QStringLiteral("OPENQASM 2.0;");
        QTest::newRow("OpenQASM 3") << CircuitFormat::Qasm3 << QStringLiteral("OPENQASM 3");
    }

    void saveAs()
    {
        QFETCH(CircuitFormat, format);
        QFETCH(QString, header);
        QTemporaryDir dir;
        const QString out = dir.filePath("saved.qasm");
        MainWindow w;
        QVERIFY(w.openFile(fixture("bell.qasm")));
        QVERIFY(w.saveDocumentAs(out, format));
        QVERIFY(!w.messageBar()->isVisibleTo(&w));

        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(f.readAll()).startsWith(header));
        const auto back = readQasmFile(out.toStdString());
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().toString().c_str());
        QVERIFY(back.value() == readFixture("bell.qasm"));

        QCOMPARE(w.windowTitle(), QStringLiteral("saved.qasm \u2014 Qpilot"));
        QCOMPARE(w.document()->format(), format);
        QCOMPARE(RecentFiles::files().value(0), QFileInfo(out).absoluteFilePath());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"saved.qasm"});
    }

    void saveErrorsGoToMessageBar()
    {
        QTemporaryDir dir;
        MainWindow w;
        QVERIFY(w.openFile(fixture("teleport.qasm")));
        // OpenQASM 2.0 cannot express the if; nothing is written.
        const QString out = dir.filePath("teleport2.qasm");
        QVERIFY(!w.saveDocumentAs(out, CircuitFormat::Qasm2));
        QVERIFY(w.messageBar()->isVisibleTo(&w));
        QVERIFY2(w.messageBar()->text().contains(QLatin1String("OpenQASM 2.0")),
                 qPrintable(w.messageBar()->text()));
        QVERIFY(!QFile::exists(out));
        QCOMPARE(w.windowTitle(), QStringLiteral("teleport.qasm \u2014 Qpilot"));

        QVERIFY(!w.saveDocumentAs(QStringLiteral("/nonexistent-dir/x.qasm"), CircuitFormat::Qasm3));
        QVERIFY(w.messageBar()->text().contains(QLatin1String("cannot write")));
    }

    void recentFiles()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath("a.qasm");
        const QString b = dir.filePath("b.qasm");
        QVERIFY(QFile::copy(fixture("bell.qasm"), a));
        QVERIFY(QFile::copy(fixture("ghz3.qasm"), b));

        MainWindow w;
        auto* menu = w.findChild<RecentFilesMenu*>();
        QVERIFY(menu);
        QVERIFY(menuFiles(menu).isEmpty());
        QVERIFY(w.openFile(a));
        QVERIFY(w.openFile(b));
        QVERIFY(w.openFile(a));
        QCOMPARE(RecentFiles::files(), (QStringList{a, b}));
        QCOMPARE(menuFiles(menu), (QStringList{a, b}));

        // A deleted file disappears from the list and the menu.
        QVERIFY(QFile::remove(b));
        menu->rebuild();
        QCOMPARE(menuFiles(menu), QStringList{a});
        QCOMPARE(QSettings().value("recentFiles").toStringList(), QStringList{a});

        // A failed open does not enter the list.
        QVERIFY(!w.openFile(fixture("malformed.qasm")));
        QCOMPARE(RecentFiles::files(), QStringList{a});

        // Choosing an entry opens it.
        QVERIFY(w.openFile(fixture("ghz3.qasm")));
        menu->rebuild();
        QAction* entry = nullptr;
        for (QAction* action : menu->actions()) {
            if (action->data().toString() == a)
                entry = action;
        }
        QVERIFY(entry);
        entry->trigger();
        QCOMPARE(w.document()->filePath(), a);
    }

    void recentFilesKeepsTen()
    {
        QTemporaryDir dir;
        QStringList paths;
        for (int i = 0; i < 12; ++i) {
            paths << dir.filePath(QStringLiteral("c%1.qasm").arg(i));
            QVERIFY(QFile::copy(fixture("bell.qasm"), paths.last()));
            RecentFiles::add(paths.last());
        }
        const QStringList files = RecentFiles::files();
        QCOMPARE(files.size(), RecentFiles::kMaxFiles);
        QCOMPARE(files.first(), paths.last());
        QVERIFY(!files.contains(paths.first()));
    }

    void shortcuts_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("keys");
        QTest::newRow("Open") << "actionOpen" << "Ctrl+O";
        QTest::newRow("Save") << "actionSave" << "Ctrl+S";
        QTest::newRow("Save As") << "actionSaveAs" << "Ctrl+Shift+S";
        QTest::newRow("Quit") << "actionQuit" << "Ctrl+Q";
        QTest::newRow("New") << "actionNew" << QKeySequence(QKeySequence::New).toString();
        QTest::newRow("Undo") << "actionUndo" << QKeySequence(QKeySequence::Undo).toString();
        QTest::newRow("Redo") << "actionRedo" << QKeySequence(QKeySequence::Redo).toString();
        QTest::newRow("Delete") << "actionDelete" << QKeySequence(QKeySequence::Delete).toString();
        QTest::newRow("Copy") << "actionCopy" << QKeySequence(QKeySequence::Copy).toString();
        QTest::newRow("Paste") << "actionPaste" << QKeySequence(QKeySequence::Paste).toString();
        QTest::newRow("Zoom in") << "actionZoomIn" << QKeySequence(QKeySequence::ZoomIn).toString();
        QTest::newRow("Zoom out") << "actionZoomOut" << QKeySequence(QKeySequence::ZoomOut).toString();
    }

    void shortcuts()
    {
        QFETCH(QString, action);
        QFETCH(QString, keys);
        MainWindow w;
        const auto* a = w.findChild<QAction*>(action);
        QVERIFY(a);
        QCOMPARE(a->shortcut(), QKeySequence(keys));
    }

    void menus()
    {
        MainWindow w;
        QVERIFY(w.findChild<QAction*>("actionAbout"));
        QVERIFY(w.findChild<QAction*>("actionAboutQt"));
        const auto* examples = w.findChild<QMenu*>("examplesMenu");
        QVERIFY(examples);
        QStringList names;
        for (const QAction* a : examples->actions())
            names << a->text();
        QCOMPARE(names, (QStringList{"bell.qasm", "ghz.qasm", "qft4.qasm", "teleport.qasm"}));
    }

    void openExample()
    {
        MainWindow w;
        QVERIFY2(w.openFile(":/examples/qft4.qasm"), qPrintable(w.messageBar()->text()));
        QCOMPARE(w.windowTitle(), QStringLiteral("qft4.qasm \u2014 Qpilot"));
        QVERIFY(w.document()->filePath().isEmpty()); // a resource: Save asks for a file
        QCOMPARE(labelText(w, "statusQubits"), QStringLiteral("4 qubits"));
        QVERIFY(RecentFiles::files().isEmpty());
    }

    void dropOpensFile()
    {
        MainWindow w;
        auto* mime = new QMimeData;
        mime->setUrls({QUrl::fromLocalFile(fixture("ghz3.qasm"))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &drop);
        QCOMPARE(w.document()->filePath(), QFileInfo(fixture("ghz3.qasm")).absoluteFilePath());
        delete mime;

        QMimeData text;
        text.setUrls({QUrl::fromLocalFile(QStringLiteral("/tmp/picture.png"))});
        QDragEnterEvent reject(QPoint(10, 10), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
        reject.setAccepted(false);
        QApplication::sendEvent(&w, &reject);
        QVERIFY(!reject.isAccepted());
    }

    void geometryIsSaved()
    {
        {
            MainWindow w;
            w.resize(900, 600);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.close();
        }
        QVERIFY(!QSettings().value("mainWindow/geometry").toByteArray().isEmpty());
        QVERIFY(!QSettings().value("mainWindow/state").toByteArray().isEmpty());
        MainWindow again;
        QCOMPARE(again.size(), QSize(900, 600));
    }

    void aboutText()
    {
        const QString text = AboutDialog::aboutText();
        QVERIFY(text.contains(QLatin1String("Qpilot " QPILOT_VERSION)));
        QVERIFY(text.contains(QLatin1String("GPL-3.0-or-later")));
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));
        AboutDialog dialog; // builds without a parent; not shown (modal)
        QVERIFY(dialog.findChild<QLabel*>("aboutText"));
    }

    void workbenchDocks()
    {
        MainWindow w;
        for (const char* name : {"paletteDock", "inspectorDock", "metricsDock", "historyDock", "sourceDock", "resultsDock"})
            QVERIFY2(w.findChild<QDockWidget*>(QLatin1String(name)), name);
        QVERIFY(w.centralWidget()->isAncestorOf(w.circuitView()));
    }

    // The newcomer's path: build by drop, see results, undo everything, save, reopen.
    void buildSaveReopen()
    {
        MainWindow w;
        w.setUnsavedChangesHandler([] { return QMessageBox::Discard; });
        QVERIFY(w.newCircuit(5));
        QCOMPARE(w.windowTitle(), QStringLiteral("untitled.qasm \u2014 Qpilot"));
        QVERIFY(!w.scene()->placeEntry("gate:h", 0, 0));
        for (int q = 0; q < 4; ++q)
            QVERIFY(!w.scene()->placeEntry("gate:cx", q, q + 1));
        QCOMPARE(w.windowTitle(), QStringLiteral("untitled.qasm* \u2014 Qpilot"));
        QTRY_VERIFY(w.resultsPanel()->lastResult() && w.resultsPanel()->lastResult()->numQubits == 5
                    && w.resultsPanel()->lastResult()->ideal.size() == 32
                    && std::abs(w.resultsPanel()->lastResult()->ideal[31] - 0.5) < 1e-12);
        QVERIFY(w.sourcePanel()->text().contains(QLatin1String("cx q[3], q[4];")));
        const Circuit built = w.document()->circuit();
        QTemporaryDir dir;
        const QString out = dir.filePath("ghz5.qasm");
        QVERIFY(w.saveDocumentAs(out, CircuitFormat::Qasm3));
        QCOMPARE(w.windowTitle(), QStringLiteral("ghz5.qasm \u2014 Qpilot"));
        auto* undo = w.findChild<QAction*>("actionUndo");
        while (undo->isEnabled())
            undo->trigger();
        QVERIFY(w.document()->circuit().ops.empty());
        QCOMPARE(w.windowTitle(), QStringLiteral("ghz5.qasm* \u2014 Qpilot"));
        QVERIFY(w.openFile(out)); // discards the undone state (handler)
        QVERIFY(w.document()->circuit() == built);
        QCOMPARE(w.windowTitle(), QStringLiteral("ghz5.qasm \u2014 Qpilot"));
    }

    void unsavedChangesPrompt()
    {
        MainWindow w;
        int asked = 0;
        QMessageBox::StandardButton answer = QMessageBox::Cancel;
        w.setUnsavedChangesHandler([&] {
            ++asked;
            return answer;
        });
        QVERIFY(w.newCircuit(2));
        QCOMPARE(asked, 0); // nothing to lose yet
        QVERIFY(!w.scene()->placeEntry("gate:x", 0, 0));
        QVERIFY(!w.newCircuit(3)); // cancelled
        QCOMPARE(asked, 1);
        QCOMPARE(w.document()->circuit().ops.size(), std::size_t(1));
        QVERIFY(!w.openFile(fixture("bell.qasm")));
        QCOMPARE(asked, 2);
        w.show();
        QVERIFY(!w.close()); // close refused too
        QVERIFY(w.isVisible());
        answer = QMessageBox::Discard;
        QVERIFY(w.openFile(fixture("bell.qasm")));
        QCOMPARE(asked, 4);
        QVERIFY(w.close());
    }

    void badSourceShowsErrorAndKeepsDiagram()
    {
        MainWindow w;
        QVERIFY(w.openFile(fixture("bell.qasm")));
        const Circuit before = w.document()->circuit();
        w.sourcePanel()->setSourceText(QStringLiteral("OPENQASM 3.0;\nqubit[2] q;\nbogus q[0];\n"));
        QVERIFY(w.messageBar()->isVisibleTo(&w));
        QCOMPARE(w.messageBar()->kind(), MessageBar::Kind::Error);
        QVERIFY2(w.messageBar()->text().contains(QLatin1String(":3:")), qPrintable(w.messageBar()->text()));
        QVERIFY(w.document()->circuit() == before);
        QCOMPARE(w.scene()->selectedOperations().size(), std::size_t(0));
        QVERIFY(w.scene()->itemForOperation(int(before.ops.size()) - 1) != nullptr); // diagram still drawn
        w.sourcePanel()->setSourceText(QStringLiteral("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\nh q[1];\n"));
        QVERIFY(!w.messageBar()->isVisibleTo(&w));
        QCOMPARE(w.document()->circuit().ops.size(), std::size_t(1));
    }

    void paletteSearchAndActivate()
    {
        MainWindow w;
        QVERIFY(w.newCircuit(2));
        w.palette()->searchBox()->setText(QStringLiteral("controlled z"));
        QAbstractItemModel* shown = w.palette()->tree()->model();
        QStringList found;
        for (int g = 0; g < shown->rowCount(); ++g) {
            const QModelIndex group = shown->index(g, 0);
            for (int r = 0; r < shown->rowCount(group); ++r)
                found << shown->index(r, 0, group).data().toString();
        }
        QVERIFY2(found.contains(QStringLiteral("cz")), qPrintable(found.join(',')));
        QVERIFY(!found.contains(QStringLiteral("h")));
        // Activating an entry (double-click / Enter) appends it.
        const QModelIndex group = shown->index(0, 0);
        QModelIndex cz;
        for (int r = 0; r < shown->rowCount(group); ++r) {
            if (shown->index(r, 0, group).data().toString() == QLatin1String("cz"))
                cz = shown->index(r, 0, group);
        }
        QVERIFY(cz.isValid());
        emit w.palette()->tree()->activated(cz);
        QCOMPARE(w.document()->circuit().ops.size(), std::size_t(1));
        QCOMPARE(std::get<GateOp>(w.document()->circuit().ops.front().op).kind, GateKind::CZ);
    }

    void darkTheme()
    {
        MainWindow w;
        const QColor light = QApplication::palette().color(QPalette::Window);
        w.setDarkTheme(true);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightnessF() < 0.3);
        QVERIFY(QSettings().value("mainWindow/dark").toBool());
        w.setDarkTheme(false);
        QCOMPARE(QApplication::palette().color(QPalette::Window).lightnessF() > 0.5, light.lightnessF() > 0.5);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
