// SPDX-License-Identifier: GPL-3.0-or-later
// tests/ui/tst_pilotworkspace.cpp — the pilot pages of the workbench window, driven as a user
// would on the offscreen platform: opening a pilot fills the Setup page; an edit there (shots)
// reaches the pilot that runs and saves, marks the title, and Undo on the Setup page takes it back
// (the circuit's undo stack is untouched); an encoding change rebuilds the circuit page's model
// circuit; running the pilot fills the dashboards, the scorecard and (on its tab) the report
// preview with that run; a what-if on the Scorecard page re-scores; a past run opens from the
// Jobs page; Present opens demo mode on the run; the circuit docks hide on pilot pages and come
// back; pages without a pilot or a run say what to do.
#include "core/cloud/jobs.h"
#include "core/pilot/execute.h"
#include "core/store/store.h"
#include "ui/cloud/cloudaccountspage.h"
#include "ui/cloud/clouddevicesmodel.h"
#include "ui/cloud/clouddevicesview.h"
#include "ui/cloud/cloudjobspanel.h"
#include "ui/demo/demomode.h"
#include "ui/document/document.h"
#include "ui/devices/deviceeditors.h"
#include "ui/jobs/jobsview.h"
#include "ui/mainwindow.h"
#include "ui/pilot/piloteditor.h"
#include "ui/pilot/pilotrunner.h"
#include "ui/pilot/pilotsession.h"
#include "ui/pilot/pilotworkbench.h"
#include "ui/pilot/pilotworkspace.h"
#include "ui/results/resultspanel.h"
#include "ui/plots/chartview.h"
#include "ui/plots/dashboards.h"
#include "ui/report/reportpreview.h"
#include "ui/scorecard/scorecardview.h"
#include "ui/scorecard/whatif.h"
#include "ui/widgets/messagebar.h"
#include "support/cloud/fake_providers.h"
#include "support/test_setup.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>
#include <QtTest>
#include <qcustomplot.h>

using namespace qpilot;

class TestPilotWorkspace : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_pilot;

    static QAction* action(MainWindow& w, const char* name)
    {
        auto* a = w.findChild<QAction*>(QLatin1String(name));
        if (!a)
            qFatal("no action %s", name);
        return a;
    }
    bool runAndWait(MainWindow& w)
    {
        QSignalSpy finished(w.pilots()->runner(), &PilotRunner::finished);
        if (!w.pilots()->run())
            return false;
        return finished.wait(120000);
    }

private slots:
    void initTestCase()
    {
        test::isolateSettings("tst_pilotworkspace");
        QVERIFY(m_dir.isValid());
        qputenv("QPILOT_DATA_DIR", m_dir.filePath(QStringLiteral("data")).toUtf8());
        const QString csv = m_dir.filePath(QStringLiteral("iris.csv"));
        QVERIFY(QFile::copy(QStringLiteral(QPILOT_SOURCE_DIR "/resources/datasets/iris.csv"), csv));
        m_pilot = m_dir.filePath(QStringLiteral("pair.qpilot"));
        QFile f(m_pilot);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(test::smallPilotJson(csv));
    }

    void pagesSayWhatToDo()
    {
        MainWindow w;
        QTabWidget* tabs = w.workspaceTabs();
        QStringList titles;
        for (int i = 0; i < tabs->count(); ++i)
            titles << tabs->tabText(i);
        QCOMPARE(titles, QStringList({"Circuit", "Setup", "Devices", "Jobs", "Dashboards", "Scorecard", "Report", "Cloud"}));
        // Nothing open: Setup, Scorecard and Report show their guidance, the actions are off.
        for (int page : {int(PilotWorkspace::SetupPage), int(PilotWorkspace::ScorecardPage), int(PilotWorkspace::ReportPage)}) {
            auto* stack = qobject_cast<QStackedWidget*>(tabs->widget(page));
            QVERIFY(stack);
            QCOMPARE(stack->currentIndex(), 0);
            auto* label = qobject_cast<QLabel*>(stack->currentWidget());
            QVERIFY(label && !label->text().isEmpty());
        }
        QVERIFY(!action(w, "actionPresent")->isEnabled());
        QVERIFY(!action(w, "actionExportReport")->isEnabled());
        QVERIFY(!w.workspace()->present());
    }

    void editsFlowIntoThePilot()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_pilot));
        QTabWidget* tabs = w.workspaceTabs();
        QCOMPARE(qobject_cast<QStackedWidget*>(tabs->widget(PilotWorkspace::SetupPage))->currentIndex(), 1);
        PilotEditor* editor = w.workspace()->editor();
        QCOMPARE(editor->pilot().shots, 200);
        QVERIFY(!w.windowTitle().contains('*'));
        tabs->setCurrentIndex(PilotWorkspace::SetupPage);
        auto* shots = editor->findChild<QSpinBox*>(QStringLiteral("shots"));
        QVERIFY(shots);
        shots->setValue(300);
        QCOMPARE(w.pilots()->session()->pilot().shots, 300);
        QCOMPARE(w.pilots()->session()->currentPilot()->shots, 300);
        QVERIFY(w.pilots()->session()->isPilotModified());
        QVERIFY2(w.windowTitle().contains('*'), qPrintable(w.windowTitle()));
        // Undo on the Setup page undoes the pilot edit, not a circuit edit.
        const int circuitSteps = w.document()->undoStack()->count();
        action(w, "actionUndo")->trigger();
        QCOMPARE(editor->pilot().shots, 200);
        QCOMPARE(w.pilots()->session()->pilot().shots, 200);
        QCOMPARE(w.document()->undoStack()->count(), circuitSteps);
        action(w, "actionRedo")->trigger();
        QCOMPARE(w.pilots()->session()->pilot().shots, 300);
        // Saved: the file has the edit and the title loses its star.
        QVERIFY(w.savePilotAs(m_dir.filePath(QStringLiteral("edited.qpilot"))));
        QVERIFY(!w.pilots()->session()->isPilotModified());
        QVERIFY(!w.windowTitle().contains('*'));
        auto reread = pilot::loadPilotFile(m_dir.filePath(QStringLiteral("edited.qpilot")).toStdString());
        QVERIFY(reread.ok());
        QCOMPARE(reread->shots, 300);
    }

    void encodingChangeRebuildsTheCircuit()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_pilot));
        QCOMPARE(w.document()->circuit().numQubits(), 2); // zz on PCA 2
        pilot::Pilot edited = w.workspace()->editor()->pilot();
        edited.preprocessing.pca = 3;
        QVERIFY(!w.pilots()->session()->applyEdits(edited));
        QCOMPARE(w.document()->circuit().numQubits(), 3);
        QVERIFY(!w.document()->isModified()); // the model circuit, not a hand edit
        QVERIFY(!w.pilots()->session()->currentPilot()->circuit.customQasm.size());
    }

    void runFillsThePages()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_pilot));
        w.workspaceTabs()->setCurrentIndex(PilotWorkspace::DashboardsPage);
        QVERIFY(runAndWait(w));
        const pilot::Execution& e = w.pilots()->runner()->result().execution;
        QCOMPARE(e.run.status, pilot::RunStatus::Completed);
        PilotWorkspace* ws = w.workspace();
        QVERIFY(ws->hasRun());
        QCOMPARE(ws->shownRun().id, e.runId);
        QCOMPARE(pilot::resultDigest(ws->shownRun().run), pilot::resultDigest(e.run));
        // Dashboards: filled from this run (their numbers are checked in tst_dashboards).
        ui::plots::DashboardsView* d = ws->dashboards();
        QVERIFY(d->chartCount() > 10);
        // Scorecard: the same verdict and overall as the run's best card.
        ui::ScorecardView* s = ws->scorecard();
        QCOMPARE(s->deviceCount(), int(e.cards.cards.size()));
        const readiness::Scorecard& best = e.cards.cards[size_t(e.cards.best)];
        QCOMPARE(s->measured().overall, best.overall);
        QCOMPARE(s->measured().verdict, best.verdict);
        // A what-if re-scores the page without touching the run.
        ui::WhatIf cheaper = s->whatIf();
        cheaper.priceScale = 1e-6;
        s->setWhatIf(cheaper);
        readiness::Inputs scaled = s->measured().inputs;
        scaled.priceScale = 1e-6;
        QCOMPARE(s->current().overall, readiness::score(scaled, ws->shownRun().pilot.objectives, ws->shownRun().pilot.thresholds).overall);
        QCOMPARE(ws->shownRun().cards.cards[size_t(e.cards.best)].overall, best.overall);
        // Report: rendered when its tab opens, the same number of pages as the report built apart.
        QVERIFY(action(w, "actionExportReport")->isEnabled());
        QSignalSpy rendered(ws->report(), &ui::ReportPreview::rendered);
        w.workspaceTabs()->setCurrentIndex(PilotWorkspace::ReportPage);
        QVERIFY(rendered.wait(60000));
        QVERIFY(ws->report()->pageCount() > 5);
        const QString pdf = m_dir.filePath(QStringLiteral("exported.pdf"));
        QVERIFY(!ws->report()->exportPdf(pdf));
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.read(4), QByteArray("%PDF"));
        // Demo mode on the run.
        QVERIFY(action(w, "actionPresent")->isEnabled());
        action(w, "actionPresent")->trigger();
        ui::DemoWindow* demo = ws->demo();
        QVERIFY(demo);
        QVERIFY(demo->isVisible());
        QCOMPARE(demo->slideCount(), 7);
        QTest::keyClick(demo, Qt::Key_End);
        QCOMPARE(demo->currentSlide(), demo->slideCount() - 1);
        QTest::keyClick(demo, Qt::Key_Escape);
        QTRY_VERIFY(ws->demo() == nullptr);
    }

    // A what-if copy of the pilot's price (Devices ▸ Price tables) used in the open pilot: one
    // undoable edit of its extra price files; the next run costs exactly half and names the copy.
    void whatIfPriceReachesTheRun()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_pilot));
        QVERIFY(runAndWait(w));
        const pilot::DeviceOutcome before = w.pilots()->runner()->result().execution.run.devices.at(0);
        QVERIFY(before.costPer1kUsd > 0);
        PriceTablesView* prices = w.workspace()->priceTables();
        int row = -1;
        for (int i = 0; i < prices->model()->rowCount(); ++i)
            if (prices->model()->row(i)->key == before.priceKey && prices->model()->row(i)->plan == before.pricePlan)
                row = i;
        QVERIFY(row >= 0);
        prices->selectRow(row);
        bool offered = false;
        QTimer::singleShot(0, this, [&offered] {
            auto* d = qobject_cast<PriceWhatIfDialog*>(QApplication::activeModalWidget());
            if (!d)
                return;
            offered = d->useInPilot();
            d->setFactor(0.5);
            d->findChild<QPushButton*>("createPriceCopy")->click();
        });
        QSignalSpy created(prices, &PriceTablesView::priceCopyCreated);
        prices->openWhatIfCopy();
        QVERIFY(offered);
        QCOMPARE(created.count(), 1);
        const std::string path = created.first().at(0).toString().toStdString();
        PilotEditor* editor = w.workspace()->editor();
        QCOMPARE(editor->pilot().cost.priceFiles, std::vector<std::string>{path});
        QCOMPARE(w.pilots()->session()->pilot().cost.priceFiles, std::vector<std::string>{path});
        QVERIFY(w.findChild<MessageBar*>()->text().contains("the open pilot now uses it"));
        QVERIFY(runAndWait(w));
        const pilot::DeviceOutcome after = w.pilots()->runner()->result().execution.run.devices.at(0);
        QCOMPARE(after.costPer1kUsd, before.costPer1kUsd * 0.5);
        QCOMPARE(after.costPer1kUnmitigatedUsd, before.costPer1kUnmitigatedUsd * 0.5);
        QVERIFY2(QString::fromStdString(after.priceSource).startsWith(QStringLiteral("what-if \u00d70.5 of ")),
                 after.priceSource.c_str());
        editor->undoStack()->undo();
        QVERIFY(editor->pilot().cost.priceFiles.empty());
        QVERIFY(w.pilots()->session()->pilot().cost.priceFiles.empty());
    }

    void opensAPastRunFromJobs()
    {
        MainWindow w;
        QVERIFY(w.openFile(m_pilot));
        QVERIFY(runAndWait(w));
        const qint64 first = w.pilots()->runner()->result().execution.runId;
        QVERIFY(runAndWait(w));
        QCOMPARE(w.workspace()->shownRun().id, first + 1);
        emit w.workspace()->jobs()->runOpened(first);
        QCOMPARE(w.workspace()->shownRun().id, first);
        QCOMPARE(w.workspaceTabs()->currentIndex(), int(PilotWorkspace::DashboardsPage));
        // A run that does not exist: an error, the shown run stays.
        QVERIFY(!w.workspace()->openStoredRun(9999));
        QVERIFY(w.messageBar()->isVisibleTo(&w));
        QCOMPARE(w.workspace()->shownRun().id, first);
    }

    void circuitDocksFollowTheCircuitPage()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* palette = w.findChild<QDockWidget*>(QStringLiteral("paletteDock"));
        QVERIFY(palette && palette->isVisible());
        w.workspaceTabs()->setCurrentIndex(PilotWorkspace::DashboardsPage);
        QVERIFY(!palette->isVisible());
        w.workspaceTabs()->setCurrentIndex(PilotWorkspace::JobsPage);
        QVERIFY(!palette->isVisible());
        w.workspaceTabs()->setCurrentIndex(PilotWorkspace::CircuitPage);
        QVERIFY(palette->isVisible());
    }

    // Endpoints saved on the Cloud page's Accounts tab: the device list of that provider is fetched
    // again from them (a saved bad URL first: refused before anything is sent).
    void savedEndpointsRefreshTheDeviceList()
    {
        auto fake = test::startFakeIonq();
        QVERIFY(fake);
        qunsetenv("QPILOT_IONQ_ENDPOINT");
        qputenv("QPILOT_IONQ_API_KEY", QByteArray::fromStdString(fake->credentials().apiKey));
        qputenv("QPILOT_SECRETS", "file"); // no keychain prompt from the accounts page
        qputenv("QPILOT_SECRETS_FILE", m_dir.filePath(QStringLiteral("secrets.enc")).toUtf8());
        qputenv("QPILOT_SECRETS_PASSPHRASE", "workspace test");
        QSettings().setValue(QStringLiteral("cloud/ionq/api"), QStringLiteral("http://ionq.example.com/v0.4"));
        MainWindow w;
        CloudDevicesView* devices = w.workspace()->cloudDevices();
        QSignalSpy listed(devices, &CloudDevicesView::refreshFinished);
        w.workspaceTabs()->setCurrentIndex(PilotWorkspace::CloudPage); // first look: IBM, no credentials
        QTRY_COMPARE_WITH_TIMEOUT(listed.count(), 1, 30000);
        devices->setProvider(cloud::Provider::Ionq);
        QTRY_COMPARE_WITH_TIMEOUT(listed.count(), 2, 30000);
        QVERIFY2(listed.last().first().toString().startsWith("IonQ: API endpoint: refusing plain http://"),
                 qPrintable(listed.last().first().toString()));
        CloudAccountsPage* accounts = w.workspace()->cloudAccounts();
        QVERIFY(accounts);
        QLineEdit* api = accounts->endpointEdit(cloud::Provider::Ionq, cloud::EndpointField::Api);
        api->setText(QString::fromStdString(fake->endpoints().api));
        accounts->row(cloud::Provider::Ionq).saveEndpoints->click();
        QTRY_COMPARE_WITH_TIMEOUT(listed.count(), 3, 30000);
        QCOMPARE(listed.last().first().toString(), QString());
        QVERIFY(devices->model()->rowCount() > 0);
        QSignalSpy done(accounts, &CloudAccountsPage::workFinished);
        if (accounts->isBusy())
            QVERIFY(done.wait(20000));
        QSettings().remove(QStringLiteral("cloud"));
        for (const char* v : {"QPILOT_IONQ_API_KEY", "QPILOT_SECRETS", "QPILOT_SECRETS_FILE", "QPILOT_SECRETS_PASSPHRASE"})
            qunsetenv(v);
    }

    // Qpilot closed with a cloud job queued: the next start resumes it without a click, says so
    // in the message bar, and the job ends completed with its counts in the store (one job at the
    // fake: nothing is re-sent).
    void unfinishedCloudJobsResumeAtStart()
    {
        auto fake = test::startFakeIonq();
        QVERIFY(fake);
        qputenv("QPILOT_IONQ_ENDPOINT", QByteArray::fromStdString(fake->endpoints().api));
        qputenv("QPILOT_IONQ_API_KEY", QByteArray::fromStdString(fake->credentials().apiKey));
        std::int64_t id = 0;
        QString db;
        {
            MainWindow first; // the store this window uses (QPILOT_DATA_DIR of this test)
            db = first.workspace()->cloudJobs()->databasePath();
        }
        {
            auto s = store::RunStore::open(db.toStdString());
            QVERIFY(s.ok());
            cloud::HttpTransport http;
            auto client = cloud::makeClient(cloud::Provider::Ionq, fake->endpoints(), fake->credentials(), http);
            QVERIFY(client.ok());
            cloud::JobTracker tracker(*s.value(), *client.value());
            cloud::Submission sub;
            sub.deviceId = "simulator";
            sub.qasm = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\nc = measure q;\n";
            sub.shots = 200;
            auto job = tracker.submit(sub); // submitted, not waited for: then "Qpilot closes"
            QVERIFY(job.ok());
            QCOMPARE(job->state, std::string("queued"));
            id = job->id;
        }
        MainWindow w;
        CloudJobsPanel* jobs = w.workspace()->cloudJobs();
        cloud::WaitOptions fast;
        fast.pollSeconds = 0.02;
        fast.maxPollSeconds = 0.05;
        jobs->setWaitOptions(fast); // before the start-up check ends (it runs off the GUI thread)
        QSignalSpy resuming(jobs, &CloudJobsPanel::resumingAtStart);
        QSignalSpy done(jobs, &CloudJobsPanel::workFinished);
        QVERIFY(resuming.wait(10000));
        QCOMPARE(resuming.first().first().toInt(), 1);
        QVERIFY(w.findChild<MessageBar*>()->text().contains("Resuming 1 unfinished cloud job"));
        QVERIFY(done.wait(30000));
        QCOMPARE(done.first().first().toString(), QString());
        auto s = store::RunStore::open(db.toStdString());
        const auto job = s.value()->cloudJob(id).value();
        QCOMPARE(job.state, std::string("completed"));
        QCOMPARE(job.countsJson, std::string(R"({"00":100,"11":100})"));
        QCOMPARE(fake->jobsCreated(), 1);

        // Open in editor: the job's circuit on the Circuit page, its counts beside the live
        // simulation with as many sampled shots (the IonQ simulator has no Qpilot profile).
        jobs->refresh();
        jobs->selectJob(id);
        QVERIFY(jobs->openInEditorButton()->isEnabled());
        jobs->openInEditorButton()->click();
        QCOMPARE(w.workspaceTabs()->currentIndex(), int(PilotWorkspace::CircuitPage));
        QCOMPARE(w.document()->displayName(), QStringLiteral("cloud-job-%1.qasm").arg(id));
        QCOMPARE(w.document()->circuit().numQubits(), 2);
        QVERIFY(!w.document()->isModified());
        ResultsPanel* results = w.resultsPanel();
        QVERIFY(results->measured());
        QCOMPARE(results->measured()->counts, (std::map<std::string, std::int64_t>{{"00", 100}, {"11", 100}}));
        QCOMPARE(results->shotsBox()->value(), 200);
        QTRY_VERIFY_WITH_TIMEOUT(results->measuredShown(), 10000);
        const QString label = QStringLiteral("Measured (job %1)").arg(id);
        QCPBars* measured = nullptr;
        for (int i = 0; i < results->histogram()->plottableCount(); ++i) {
            if (results->histogram()->plottable(i)->name() == label)
                measured = qobject_cast<QCPBars*>(results->histogram()->plottable(i));
        }
        QVERIFY(measured);
        QCOMPARE(results->histogramLabels(), (QStringList{"00", "01", "10", "11"}));
        QCOMPARE(measured->data()->at(0)->value, 0.5);
        QCOMPARE(measured->data()->at(1)->value, 0.0);
        QCOMPARE(measured->data()->at(3)->value, 0.5);
        QVERIFY2(results->statusText().contains(QStringLiteral("measured: cloud job %1 on simulator, 200 shots").arg(id)),
                 qPrintable(results->statusText()));
        qunsetenv("QPILOT_IONQ_ENDPOINT");
        qunsetenv("QPILOT_IONQ_API_KEY");
    }
};

QTEST_MAIN(TestPilotWorkspace)
#include "tst_pilotworkspace.moc"
