// SPDX-License-Identifier: GPL-3.0-or-later
// tests/ui/tst_pilotworkbench.cpp — pilots in the workbench window on the offscreen platform:
// opening each example pilot (title, model circuit qubits), a pilot file from disk and by drag and
// drop, bad .qpilot files (the error names the file and field, the current document stays), saving
// untouched (no custom_qasm) and edited pilots (the edited circuit as custom_qasm, read back), the
// unsaved-changes prompt; running a small pilot from the Pilot dock through the worker (progress
// per stage, verdict, stored run, report artefact), cancelling a run (stored as cancelled), the
// Runs model (QAbstractItemModelTester, rows == stored runs, missing and broken stores) and
// reproducing a run from the Runs dock (bit-identical).
#include "core/common/hash.h"
#include "core/circuit/qasm.h"
#include "core/pilot/pilot.h"
#include "core/store/store.h"
#include "ui/document/document.h"
#include "ui/mainwindow.h"
#include "ui/pilot/pilotpanel.h"
#include "ui/pilot/pilotrunner.h"
#include "ui/pilot/pilotsession.h"
#include "ui/pilot/pilotworkbench.h"
#include "ui/runs/runsmodel.h"
#include "ui/runs/runspanel.h"
#include "ui/widgets/messagebar.h"
#include "support/test_setup.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

using namespace qpilot;

namespace {

// The small pilot of tests/support/test_setup.h (shared with tests/app/tst_cli_run.cpp).
QByteArray smallPilot(const QString& csv)
{
    return test::smallPilotJson(csv);
}

QString writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    f.write(bytes);
    return path;
}

QString messageText(const MainWindow& w)
{
    QString text;
    for (const QLabel* l : w.messageBar()->findChildren<QLabel*>())
        text += l->text() + QLatin1Char('\n');
    return text;
}

Operation gate(GateKind kind, int qubit)
{
    GateOp g;
    g.kind = kind;
    g.qubits = {qubit};
    Operation op;
    op.op = g;
    return op;
}

std::unique_ptr<store::RunStore> openStore()
{
    auto s = store::RunStore::open(PilotWorkbench::databasePath().toStdString());
    if (!s)
        qFatal("store: %s", s.error().toString().c_str());
    return std::move(s).value();
}

} // namespace

class TestPilotWorkbench : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_pilot;

    // Runs the open pilot of `w` from the dock's Run button; returns the finished job.
    PilotJobResult runFromDock(MainWindow& w, QList<int>* stages = nullptr)
    {
        PilotRunner* runner = w.pilots()->runner();
        QSignalSpy finished(runner, &PilotRunner::finished);
        QSignalSpy progress(runner, &PilotRunner::progressed);
        QPushButton* run = w.pilots()->panel()->runButton();
        if (!run->isEnabled())
            qFatal("Run is disabled");
        run->click();
        if (!runner->isRunning() && finished.isEmpty())
            qFatal("the run did not start");
        if (run->isEnabled())
            qFatal("Run stays enabled while running");
        if (!finished.wait(120000))
            qFatal("the run did not finish");
        if (stages)
            for (const QList<QVariant>& args : progress)
                stages->append(args.at(0).toInt());
        return runner->result();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("QPILOT_DATA_DIR", m_dir.filePath(QStringLiteral("data")).toLocal8Bit());
        test::isolateSettings("tst_pilotworkbench");
        initUiResources();
        QVERIFY(QFile::copy(QStringLiteral(QPILOT_SOURCE_DIR "/resources/datasets/iris.csv"), m_dir.filePath("iris.csv")));
        m_pilot = writeFile(m_dir.filePath("pair.qpilot"), smallPilot("iris.csv")); // CSV relative to the pilot
    }

    void openExample_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("pilotName");
        QTest::addColumn<int>("qubits");
        // Qubits from the pilots' own settings: zz and reupload put one feature on each qubit,
        // amplitude encodes N features in ceil(log2 N) qubits.
        QTest::newRow("breast cancer: PCA 4, zz") << "breast_cancer_kernel" << "breast-cancer-kernel" << 4;
        QTest::newRow("iris: 4 features, reupload") << "iris_reupload_vqc" << "iris-reupload-vqc" << 4;
        QTest::newRow("wine: PCA 8, amplitude") << "amplitude_encoding" << "amplitude-encoding-bottleneck" << 3;
        QCOMPARE(int(pilot::examplePilots().size()), 3);
    }

    void openExample()
    {
        QFETCH(QString, name);
        QFETCH(QString, pilotName);
        QFETCH(int, qubits);
        MainWindow w;
        // Through the File ▸ Open Example Pilot menu, as a user would.
        auto* menu = w.findChild<QMenu*>(QStringLiteral("examplePilotsMenu"));
        QVERIFY(menu);
        QAction* item = nullptr;
        for (QAction* a : menu->actions())
            if (a->text() == name + QStringLiteral(".qpilot"))
                item = a;
        QVERIFY2(item, qPrintable(name));
        item->trigger();
        QVERIFY2(!w.messageBar()->isVisibleTo(&w), qPrintable(messageText(w)));
        QVERIFY(w.pilots()->session()->isOpen());
        QCOMPARE(w.windowTitle(), QStringLiteral("%1 \u2014 %2.qpilot \u2014 Qpilot").arg(pilotName, name));
        QCOMPARE(w.document()->circuit().numQubits(), qubits);
        QVERIFY(!w.document()->isModified());
        QVERIFY(w.document()->filePath().isEmpty()); // embedded: Save asks where
        QVERIFY(w.pilots()->panel()->runButton()->isEnabled());
        // The report of an example goes to the data directory.
        QCOMPARE(w.pilots()->reportDirectory(), m_dir.filePath(QStringLiteral("data/reports")));
    }

    void openPilotFile()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_pilot));
        QCOMPARE(w.windowTitle(), QStringLiteral("iris-pair-kernel \u2014 pair.qpilot \u2014 Qpilot"));
        QCOMPARE(w.document()->circuit().numQubits(), 2); // PCA to 2 components, zz
        QCOMPARE(w.document()->filePath(), QFileInfo(m_pilot).absoluteFilePath());
        QCOMPARE(w.pilots()->reportDirectory(), QFileInfo(m_pilot).absolutePath());
        const QString summary = w.pilots()->panel()->findChild<QLabel*>(QStringLiteral("pilotSummary"))->text();
        QVERIFY(summary.contains(QLatin1String("ibm_torino")) && summary.contains(QLatin1String("rem,zne")));
        QCOMPARE(w.pilots()->panel()->findChild<QLabel*>(QStringLiteral("pilotTitle"))->text(), QStringLiteral("Iris pair, quantum kernel"));

        // Opening a circuit afterwards ends the pilot.
        QVERIFY(w.openFile(QStringLiteral(":/examples/bell.qasm")));
        QVERIFY(!w.pilots()->session()->isOpen());
        QCOMPARE(w.windowTitle(), QStringLiteral("bell.qasm \u2014 Qpilot"));
        QVERIFY(!w.pilots()->panel()->runButton()->isEnabled());
    }

    void dropPilot()
    {
        MainWindow w;
        auto mime = std::make_unique<QMimeData>();
        mime->setUrls({QUrl::fromLocalFile(m_pilot)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &drop);
        QVERIFY(w.pilots()->session()->isOpen());
        QCOMPARE(w.pilots()->session()->pilot().name, std::string("iris-pair-kernel"));
    }

    void badPilotKeepsDocument_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("broken JSON") << QByteArray("{\n  \"schema_version\": 2,\n  \"name\": \n}") << "bad.qpilot:4";
        QByteArray device = smallPilot("iris.csv");
        device.replace("ibm_torino", "ibm_nowhere");
        QTest::newRow("unknown device") << device << "devices[0]";
        QByteArray shots = smallPilot("iris.csv");
        shots.replace("\"shots\": 200", "\"shots\": 0");
        QTest::newRow("shots out of range") << shots << "shots";
        QByteArray data = smallPilot("missing.csv");
        QTest::newRow("missing dataset") << data << "dataset.source";
        QByteArray custom = smallPilot("iris.csv");
        custom.replace("\"reps\": 1}", "\"reps\": 1, \"custom_qasm\": \"OPENQASM 3.0; qubit[2] q; h q[5];\"}");
        QTest::newRow("bad custom circuit") << custom << "circuit.custom_qasm";
    }

    void badPilotKeepsDocument()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        MainWindow w;
        QVERIFY(w.openExamplePilot(QStringLiteral("breast_cancer_kernel")));
        const Circuit before = w.document()->circuit();
        const QString title = w.windowTitle();
        const QString bad = writeFile(m_dir.filePath("bad.qpilot"), json);
        QVERIFY(!w.openFile(bad));
        QVERIFY(w.messageBar()->isVisibleTo(&w));
        const QString message = messageText(w);
        QVERIFY2(message.contains(QLatin1String("bad.qpilot")) && message.contains(expected), qPrintable(message));
        QVERIFY(w.document()->circuit() == before);
        QCOMPARE(w.windowTitle(), title);
        QCOMPARE(w.pilots()->session()->pilot().name, std::string("breast-cancer-kernel"));
    }

    void saveUntouchedPilot()
    {
        MainWindow w;
        QVERIFY(w.openExamplePilot(QStringLiteral("breast_cancer_kernel")));
        const QString path = m_dir.filePath("untouched.qpilot");
        QVERIFY(w.savePilotAs(path));
        auto saved = pilot::loadPilotFile(path.toStdString());
        QVERIFY2(saved.ok(), saved ? "" : saved.error().toString().c_str());
        QVERIFY(saved->circuit.customQasm.empty()); // still an encoding pilot
        QCOMPARE(saved->circuit.encoding, std::string("zz"));
        QCOMPARE(saved->name, std::string("breast-cancer-kernel"));
        QCOMPARE(w.document()->filePath(), QFileInfo(path).absoluteFilePath());
        QVERIFY(!w.document()->isModified());
        QCOMPARE(w.windowTitle(), QStringLiteral("breast-cancer-kernel \u2014 untouched.qpilot \u2014 Qpilot"));
    }

    void saveEditedPilot()
    {
        const QString path = m_dir.filePath("edited.qpilot");
        QVERIFY(QFile::copy(m_pilot, path));
        MainWindow w;
        QVERIFY(w.openFile(path));
        const Circuit original = w.document()->circuit();
        QVERIFY(!w.document()->addOperation(gate(GateKind::X, 1), int(w.document()->circuit().ops.size())));
        QVERIFY(w.document()->isModified());
        QVERIFY(w.windowTitle().startsWith(QLatin1String("iris-pair-kernel*")));
        const Circuit edited = w.document()->circuit();
        QVERIFY(!(edited == original));
        // Ctrl+S writes the pilot back in place.
        w.findChild<QAction*>(QStringLiteral("actionSave"))->trigger();
        QVERIFY2(!w.messageBar()->isVisibleTo(&w), qPrintable(messageText(w)));
        QVERIFY(!w.document()->isModified());
        auto saved = pilot::loadPilotFile(path.toStdString());
        QVERIFY(saved.ok());
        QVERIFY(!saved->circuit.customQasm.empty());
        auto custom = parseQasm(saved->circuit.customQasm);
        QVERIFY(custom.ok());
        QVERIFY(custom.value() == edited);
        QCOMPARE(saved->devices, std::vector<std::string>{"ibm_torino"}); // the rest untouched
        QCOMPARE(saved->dataset.source, std::string("iris.csv"));

        // Reopened, the editor shows the custom circuit.
        MainWindow again;
        QVERIFY(again.openFile(path));
        QVERIFY(again.document()->circuit() == edited);
        QVERIFY(!again.document()->isModified());
    }

    void unsavedChangesPrompt()
    {
        MainWindow w;
        QVERIFY(w.openExamplePilot(QStringLiteral("breast_cancer_kernel")));
        QVERIFY(!w.document()->addOperation(gate(GateKind::H, 0), int(w.document()->circuit().ops.size())));
        int asked = 0;
        w.setUnsavedChangesHandler([&asked] {
            ++asked;
            return QMessageBox::Cancel;
        });
        QVERIFY(!w.openExamplePilot(QStringLiteral("iris_reupload_vqc")));
        QVERIFY(!w.openFile(m_pilot));
        QCOMPARE(asked, 2);
        QCOMPARE(w.pilots()->session()->pilot().name, std::string("breast-cancer-kernel"));
        w.setUnsavedChangesHandler([] { return QMessageBox::Discard; });
        QVERIFY(w.openFile(m_pilot));
    }

    // Run → cancel → reproduce share one store (in QPILOT_DATA_DIR); they run in this order.
    void runFromPilotDock()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_pilot));
        QCOMPARE(w.pilots()->runsPanel()->model()->rowCount(), 0);
        QVERIFY(!w.pilots()->runsPanel()->hintText().isEmpty()); // no store yet
        QList<int> stages;
        const PilotJobResult r = runFromDock(w, &stages);
        const pilot::Execution& e = r.execution;
        QCOMPARE(pilot::runStatusKey(e.run.status), "completed");
        QCOMPARE(e.runId, std::int64_t(1));
        // Progress covered every pipeline stage, in order.
        for (int s = 0; s < 5; ++s)
            QVERIFY2(stages.contains(s), qPrintable(QString::number(s)));
        QVERIFY(std::is_sorted(stages.begin(), stages.end()));
        // The dock shows the verdict and overall of the best device.
        QVERIFY(e.cards.best >= 0);
        const readiness::Scorecard& best = e.cards.cards[size_t(e.cards.best)];
        const QString outcome = w.pilots()->panel()->outcomeText();
        QVERIFY2(outcome.contains(QString::fromUtf8(readiness::verdictTitle(best.verdict)))
                     && outcome.contains(QString::number(best.overall, 'f', 1)),
                 qPrintable(outcome));
        QVERIFY(w.pilots()->panel()->runButton()->isEnabled());
        QVERIFY(!w.pilots()->panel()->cancelButton()->isEnabled());

        // The store has it, with the report beside the pilot as an artefact.
        auto s = openStore();
        auto summary = s->summary(1);
        QVERIFY(summary.ok());
        QCOMPARE(summary->status, std::string("completed"));
        QCOMPARE(summary->verdict, std::string(readiness::verdictKey(best.verdict)));
        const QString pdf = m_dir.filePath("iris-pair-kernel-run1.pdf");
        auto arts = s->artefacts(1);
        QVERIFY(arts.ok() && arts->size() == 1);
        QCOMPARE(QString::fromStdString(arts->front().path), pdf);
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(5) == "%PDF-");
        QCOMPARE(arts->front().sha256, qpilot::fileSha256(pdf.toStdString()));
        auto run = s->loadRun(1);
        QVERIFY(run.ok());
        QCOMPARE(run->stages.size(), size_t(pilot::kStageCount)); // five pipeline stages, scorecard, report

        // The Runs dock lists it, selected, with its summary and an enabled Open report.
        RunsPanel* runs = w.pilots()->runsPanel();
        QCOMPARE(runs->model()->rowCount(), 1);
        QCOMPARE(runs->selectedRun(), qint64(1));
        QCOMPARE(runs->selectedReport(), pdf);
        QVERIFY(runs->openReportButton()->isEnabled());
        QVERIFY(runs->reproduceButton()->isEnabled());
        QVERIFY2(runs->detailsText().contains(QLatin1String("ibm_torino"))
                     && runs->detailsText().contains(QLatin1String("Load and fingerprint data")),
                 qPrintable(runs->detailsText()));
        QVERIFY(runs->hintText().isEmpty());
    }

    void cancelRun()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_pilot));
        PilotRunner* runner = w.pilots()->runner();
        QSignalSpy finished(runner, &PilotRunner::finished);
        w.findChild<QAction*>(QStringLiteral("actionRunPilot"))->trigger();
        QVERIFY(runner->isRunning());
        QVERIFY(w.pilots()->panel()->cancelButton()->isEnabled());
        w.pilots()->panel()->cancelButton()->click();
        QVERIFY(!w.pilots()->panel()->cancelButton()->isEnabled());
        QVERIFY(finished.wait(60000));
        const pilot::Execution& e = runner->result().execution;
        QCOMPARE(pilot::runStatusKey(e.run.status), "cancelled");
        QVERIFY(e.runId > 1);
        auto summary = openStore()->summary(e.runId);
        QVERIFY(summary.ok());
        QCOMPARE(summary->status, std::string("cancelled"));
        QVERIFY(w.pilots()->panel()->outcomeText().contains(QLatin1String("cancelled")));
        // Listed, but neither reproducible nor with a report.
        RunsPanel* runs = w.pilots()->runsPanel();
        QCOMPARE(runs->selectedRun(), qint64(e.runId));
        QVERIFY(!runs->reproduceButton()->isEnabled());
        QVERIFY(!runs->openReportButton()->isEnabled());
    }

    void runsModel()
    {
        MainWindow w;
        RunsModel* model = w.pilots()->runsPanel()->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        w.pilots()->runsPanel()->refresh();
        auto listed = openStore()->listRuns();
        QVERIFY(listed.ok());
        QCOMPARE(model->rowCount(), int(listed->size()));
        QVERIFY(model->rowCount() >= 2);
        QCOMPARE(model->columnCount(), int(RunsModel::ColumnCount));
        // Newest first; each row names its run.
        for (int row = 0; row < model->rowCount(); ++row) {
            const qint64 id = model->index(row, RunsModel::Id).data(RunsModel::RunIdRole).toLongLong();
            QCOMPARE(id, qint64(listed->at(listed->size() - 1 - size_t(row)).id));
            QCOMPARE(model->index(row, RunsModel::Pilot).data().toString(), QStringLiteral("iris-pair-kernel"));
        }
        const int first = model->rowOf(1);
        QCOMPARE(model->index(first, RunsModel::Status).data().toString(), QStringLiteral("completed"));
        QCOMPARE(model->index(first, RunsModel::Seed).data().toString(), QStringLiteral("5"));
        QCOMPARE(model->index(first, RunsModel::Digest).data().toString(),
                 QString::fromStdString(listed->front().resultDigest.substr(0, 12)));

        // A store that does not exist: no rows and a hint, no error.
        QSignalSpy errors(w.pilots()->runsPanel(), &RunsPanel::storeError);
        w.pilots()->runsPanel()->setDatabasePath(m_dir.filePath("nowhere/runs.sqlite"));
        QCOMPARE(model->rowCount(), 0);
        QVERIFY(w.pilots()->runsPanel()->hintText().contains(QLatin1String("No run store yet")));
        QCOMPARE(errors.count(), 0);
        QVERIFY(!QFileInfo::exists(m_dir.filePath("nowhere/runs.sqlite"))); // not created by looking
        // A file that is not a store: an error for the message bar.
        const QString broken = writeFile(m_dir.filePath("broken.sqlite"), QByteArray("this is not SQLite\n").repeated(100));
        w.pilots()->runsPanel()->setDatabasePath(broken);
        QCOMPARE(errors.count(), 1);
        QVERIFY(w.messageBar()->isVisibleTo(&w));
        QVERIFY(messageText(w).contains(QLatin1String("broken.sqlite")));
    }

    void reproduceFromRunsDock()
    {
        MainWindow w;
        RunsPanel* runs = w.pilots()->runsPanel();
        runs->selectRun(1);
        QCOMPARE(runs->selectedRun(), qint64(1));
        QVERIFY(runs->reproduceButton()->isEnabled());
        const int before = runs->model()->rowCount();
        QSignalSpy finished(w.pilots()->runner(), &PilotRunner::finished);
        runs->reproduceButton()->click();
        QVERIFY(w.pilots()->runner()->isRunning());
        QVERIFY(finished.wait(120000));
        const PilotJobResult& r = w.pilots()->runner()->result();
        QVERIFY(r.reproduce);
        QVERIFY2(!r.reproduction.error, r.reproduction.error ? r.reproduction.error->toString().c_str() : "");
        QVERIFY2(r.reproduction.identical, r.reproduction.differences.empty() ? "" : r.reproduction.differences.front().c_str());
        QCOMPARE(r.reproduction.digest, r.reproduction.reproducedDigest);
        QCOMPARE(runs->model()->rowCount(), before + 1);
        QCOMPARE(runs->selectedRun(), qint64(r.execution.runId));
        QVERIFY(w.pilots()->panel()->outcomeText().contains(QLatin1String("bit-identical")));
        // The store knows the new run reproduces run 1 (the CLI's view of the same store).
        auto reproduced = openStore()->loadRun(r.execution.runId);
        QVERIFY(reproduced.ok());
        QCOMPARE(pilot::resultDigest(reproduced.value()), r.reproduction.digest);
        bool audited = false;
        if (auto log = openStore()->auditLog())
            for (const store::AuditEntry& a : log.value())
                audited = audited || (a.action == "reproduce" && a.subject == "run 1");
        QVERIFY(audited);
    }

    void closingDuringRunDoesNotHang()
    {
        auto w = std::make_unique<MainWindow>();
        QVERIFY(w->openExamplePilot(QStringLiteral("breast_cancer_kernel")));
        QVERIFY(w->pilots()->run());
        QVERIFY(w->pilots()->runner()->isRunning());
        w.reset(); // cancels and waits for the worker
    }
};

QTEST_MAIN(TestPilotWorkbench)
#include "tst_pilotworkbench.moc"
