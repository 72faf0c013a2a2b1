// SPDX-License-Identifier: GPL-3.0-or-later
// tests/ui/tst_cloudjobspanel.cpp — the cloud jobs panel against the loopback IonQ fake: the model
// (checked by QAbstractItemModelTester) lists the store's jobs; "Resume unfinished" runs on the
// worker and completes every open job with its counts; "Cancel" cancels the selected one; and the
// panel renders at 1920x1080 and 1366x768 (PNG under QPILOT_SCREENSHOT_DIR when set).
#include "core/cloud/jobs.h"
#include "support/cloud/fake_providers.h"
#include "support/test_setup.h"
#include "ui/cloud/cloudconnect.h"
#include "ui/cloud/cloudjobsmodel.h"
#include "ui/cloud/cloudjobspanel.h"
#include "ui/plots/chartview.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QApplication>
#include <QPushButton>
#include <QSettings>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace qpilot;
using namespace qpilot::cloud;
using namespace qpilot::test;

namespace {

const char* kBell = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\nc = measure q;\n";

// Submits `n` jobs (not waited for) through the real IonQ client.
std::vector<std::int64_t> submitJobs(const QString& db, FakeIonq& fake, int n, const std::string& device = "simulator")
{
    auto s = store::RunStore::open(db.toStdString());
    HttpTransport http;
    auto client = makeClient(Provider::Ionq, fake.endpoints(), fake.credentials(), http);
    JobTracker t(*s.value(), *client.value());
    std::vector<std::int64_t> ids;
    for (int i = 0; i < n; ++i) {
        Submission sub;
        sub.deviceId = device;
        sub.qasm = kBell;
        sub.shots = 100 * (i + 1);
        // the cost model's estimate for the matching profile (none for the simulator)
        const std::string profile = profileIdForCloudDevice(Provider::Ionq, device);
        if (!profile.empty())
            if (auto e = estimateCost(findDevice(profile).value(), sub.shots))
                sub.estimatedCostUsd = e->usd;
        auto job = t.submit(sub);
        if (job)
            ids.push_back(job->id);
    }
    return ids;
}

} // namespace

class TestCloudJobsPanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { isolateSettings("tst_cloudjobspanel"); } // saved cloud endpoints: this test's only

    // The endpoint saved on the Accounts tab (settings), none in the environment: resuming reaches
    // the fake it names and completes the job.
    void resumeFollowsSavedEndpoints()
    {
        auto fake = startFakeIonq();
        QVERIFY(fake);
        qunsetenv("QPILOT_IONQ_ENDPOINT");
        qputenv("QPILOT_IONQ_API_KEY", QByteArray::fromStdString(fake->credentials().apiKey));
        EndpointOverrides saved;
        saved.api = fake->endpoints().api;
        QVERIFY(!cloudui::saveEndpoints(Provider::Ionq, saved));
        QTemporaryDir dir;
        const QString db = dir.filePath("runs.sqlite");
        QCOMPARE(int(submitJobs(db, *fake, 1).size()), 1);
        CloudJobsPanel panel;
        WaitOptions fast;
        fast.pollSeconds = 0.02;
        fast.maxPollSeconds = 0.05;
        panel.setWaitOptions(fast);
        panel.setDatabasePath(db);
        QSignalSpy done(&panel, &CloudJobsPanel::workFinished);
        panel.resumeButton()->click();
        QVERIFY(done.wait(30000));
        cloudui::resetEndpoints(Provider::Ionq);
        QCOMPARE(done.first().first().toString(), QString());
        QCOMPARE(panel.model()->unfinishedCount(), 0);
        QCOMPARE(panel.model()->index(0, CloudJobsModel::State).data().toString(), QString("completed"));
    }

    void resumeCompletesOpenJobs()
    {
        auto fake = startFakeIonq();
        QVERIFY(fake);
        qputenv("QPILOT_IONQ_ENDPOINT", QByteArray::fromStdString(fake->endpoints().api));
        qputenv("QPILOT_IONQ_API_KEY", QByteArray::fromStdString(fake->credentials().apiKey));
        QTemporaryDir dir;
        const QString db = dir.filePath("runs.sqlite");
        const std::vector<std::int64_t> ids = submitJobs(db, *fake, 3);
        QCOMPARE(int(ids.size()), 3);

        CloudJobsPanel panel;
        QAbstractItemModelTester tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        WaitOptions fast;
        fast.pollSeconds = 0.02;
        fast.maxPollSeconds = 0.05;
        panel.setWaitOptions(fast);
        panel.setDatabasePath(db);
        QCOMPARE(panel.model()->rowCount(), 3);
        QCOMPARE(panel.model()->unfinishedCount(), 3);
        QVERIFY(panel.resumeButton()->isEnabled());
        QVERIFY(panel.statusText().contains("3 unfinished"));
        // newest first
        QCOMPARE(panel.model()->index(0, CloudJobsModel::Id).data().toLongLong(), ids.back());
        QCOMPARE(panel.model()->index(0, CloudJobsModel::State).data().toString(), QString("queued"));

        QSignalSpy done(&panel, &CloudJobsPanel::workFinished);
        panel.resumeButton()->click();
        QVERIFY(panel.isBusy());
        QVERIFY(!panel.resumeButton()->isEnabled());
        QVERIFY(done.wait(30000));
        QCOMPARE(done.first().first().toString(), QString());
        QVERIFY(!panel.isBusy());
        QCOMPARE(panel.model()->unfinishedCount(), 0);
        for (int r = 0; r < 3; ++r)
            QCOMPARE(panel.model()->index(r, CloudJobsModel::State).data().toString(), QString("completed"));
        panel.selectJob(ids.front());
        QVERIFY2(panel.detailsText().contains("00 50") && panel.detailsText().contains("11 50"), qPrintable(panel.detailsText()));
        // The histogram beside the details: one bar per stored outcome, heights = the counts.
        ui::plots::ChartView* chart = panel.countsChart();
        QVERIFY(!chart->isEmptyState());
        QCOMPARE(chart->seriesNames().size(), 1);
        auto* bars = qobject_cast<QCPBars*>(chart->series(chart->seriesNames().first()));
        QVERIFY(bars);
        QCOMPARE(bars->data()->size(), 2);
        QCOMPARE(bars->data()->at(0)->value, 50.0);
        QCOMPARE(bars->data()->at(1)->value, 50.0);
        QVERIFY(panel.resultButton()->isEnabled());
        QVERIFY(!panel.cancelButton()->isEnabled());
        QCOMPARE(fake->jobsCreated(), 3);

        // Then the same circuit simulated (off the GUI thread): 50/50 against the ideal ½/½ is
        // a TVD of 0 and a fidelity of 1; the IonQ simulator has no Qpilot profile, so no noisy model.
        QVERIFY(panel.isCheckingSimulation());
        QSignalSpy checked(&panel, &CloudJobsPanel::simulationCheckFinished);
        QVERIFY(checked.wait(30000));
        QVERIFY2(panel.simulationCheck(), qPrintable(panel.simulationCheckError()));
        QCOMPARE(panel.simulationCheck()->tvdIdeal, 0.0);
        QCOMPARE_LE(std::abs(panel.simulationCheck()->fidelityIdeal - 1), 1e-12);
        QVERIFY(panel.simulationCheck()->noisy.empty());
        QVERIFY2(panel.detailsText().contains("Against the simulator") && panel.detailsText().contains("ideal TVD 0.000, Hellinger fidelity 1.000"),
                 qPrintable(panel.detailsText()));
        chart = panel.countsChart();
        QCOMPARE(chart->seriesNames(), QStringList({"Measured", "Ideal"}));
        for (const QString& name : chart->seriesNames()) {
            auto* b = qobject_cast<QCPBars*>(chart->series(name));
            QVERIFY(b);
            QCOMPARE(b->data()->size(), 2);
            QCOMPARE(b->data()->at(0)->value, 0.5);
            QCOMPARE(b->data()->at(1)->value, 0.5);
        }
    }

    // A job on a device with a Qpilot profile that publishes errors (IonQ Aria): measured (the
    // fake samples the ideal circuit), ideal and noisy simulation side by side; counts that match
    // the ideal circuit are closer to it than to the noisy model.
    void comparesWithTheDeviceNoiseModel()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath("runs.sqlite");
        std::int64_t id = 0;
        {
            auto s = store::RunStore::open(db.toStdString());
            QVERIFY(s.ok());
            CloudJob j;
            j.provider = "ionq";
            j.deviceId = "qpu.aria-1";
            j.clientToken = newClientToken();
            j.state = "completed";
            j.shots = 1000;
            j.qasm = kBell;
            j.countsJson = countsToJson({{"00", 500}, {"11", 500}});
            auto inserted = s.value()->insertCloudJob(j);
            QVERIFY(inserted.ok());
            id = j.id = inserted.value();
            QVERIFY(!s.value()->updateCloudJob(j)); // a new job is stored as submitted; now completed
        }
        CloudJobsPanel panel;
        QSignalSpy checked(&panel, &CloudJobsPanel::simulationCheckFinished);
        panel.setDatabasePath(db);
        panel.selectJob(id);
        QVERIFY(checked.wait(30000));
        const auto& check = panel.simulationCheck();
        QVERIFY2(check, qPrintable(panel.simulationCheckError()));
        QCOMPARE(check->profileId, std::string("ionq_aria_1"));
        QVERIFY(check->tvdNoisy);
        QCOMPARE(check->tvdIdeal, 0.0);
        QCOMPARE_GT(*check->tvdNoisy, 0.0);
        ui::plots::ChartView* chart = panel.countsChart();
        QCOMPARE(chart->seriesNames(), QStringList({"Measured", "Ideal", "Noisy model"}));
        // the noisy model leaks into 01 and 10: four outcomes drawn, the noisy bars sum to 1
        auto* noisy = qobject_cast<QCPBars*>(chart->series("Noisy model"));
        QVERIFY(noisy);
        QCOMPARE(noisy->data()->size(), 4);
        double sum = 0;
        for (int i = 0; i < noisy->data()->size(); ++i)
            sum += noisy->data()->at(i)->value;
        QCOMPARE_LE(std::abs(sum - 1), 1e-9);
        QVERIFY2(panel.detailsText().contains("with ionq_aria_1's noise model (density matrix (exact))"), qPrintable(panel.detailsText()));

        // Open in editor: the circuit as given, and the counts with Aria's profile for the
        // results dock (MainWindow puts them there: tst_pilotworkspace).
        QString openedQasm, openedName;
        MeasuredCounts opened;
        connect(&panel, &CloudJobsPanel::openInEditorRequested, this,
                [&](const QString& qasm, const QString& name, const MeasuredCounts& m) {
                    openedQasm = qasm;
                    openedName = name;
                    opened = m;
                });
        QVERIFY(panel.openInEditorButton()->isEnabled());
        panel.openInEditorButton()->click();
        QCOMPARE(openedQasm, QString::fromStdString(kBell));
        QCOMPARE(openedName, QStringLiteral("cloud-job-%1.qasm").arg(id));
        QCOMPARE(opened.counts, (std::map<std::string, std::int64_t>{{"00", 500}, {"11", 500}}));
        QCOMPARE(opened.profileId, QString("ionq_aria_1"));
        QCOMPARE(opened.label, QStringLiteral("Measured (job %1)").arg(id));
        QCOMPARE(opened.description, QStringLiteral("cloud job %1 on qpu.aria-1, 1000 shots").arg(id));

        // Nothing selected: no comparison. Selected again and cleared while its check runs:
        // that check's result is dropped, only the next one is shown.
        panel.view()->clearSelection();
        QVERIFY(!panel.simulationCheck());
        QVERIFY(panel.countsChart()->isEmptyState());
        checked.clear();
        panel.selectJob(id);
        panel.view()->clearSelection();
        panel.selectJob(id);
        QVERIFY(checked.wait(30000));
        QTest::qWait(200); // the first check, cancelled, ends too but must not be reported
        QCOMPARE(checked.size(), 1);
        QVERIFY2(panel.simulationCheck(), qPrintable(panel.simulationCheckError()));
        QCOMPARE(panel.simulationCheck()->profileId, std::string("ionq_aria_1"));
    }

    // Restarting Qpilot resumes polling every unfinished job: resumeAtStart finds the 2 open jobs
    // and completes them; with the box unticked (a persisted setting) nothing starts; a store that
    // does not exist is not created.
    void resumesUnfinishedJobsAtStart()
    {
        auto fake = startFakeIonq();
        QVERIFY(fake);
        qputenv("QPILOT_IONQ_ENDPOINT", QByteArray::fromStdString(fake->endpoints().api));
        qputenv("QPILOT_IONQ_API_KEY", QByteArray::fromStdString(fake->credentials().apiKey));
        QTemporaryDir dir;
        const QString db = dir.filePath("runs.sqlite");
        const std::vector<std::int64_t> ids = submitJobs(db, *fake, 2);
        QCOMPARE(int(ids.size()), 2);
        WaitOptions fast;
        fast.pollSeconds = 0.02;
        fast.maxPollSeconds = 0.05;
        {
            CloudJobsPanel off;
            off.resumeOnStartBox()->setChecked(false);
            QVERIFY(!QSettings().value("cloud/resumeOnStart").toBool());
            off.resumeAtStart(db);
            QTest::qWait(300);
            QVERIFY(!off.isBusy());
            CloudJobsPanel next; // the choice is remembered
            QVERIFY(!next.resumeOnStartBox()->isChecked());
            next.resumeOnStartBox()->setChecked(true);
        }
        {
            auto s = store::RunStore::open(db.toStdString());
            QCOMPARE(int(s.value()->listCloudJobs(true).value().size()), 2);
        }
        CloudJobsPanel panel;
        QVERIFY(panel.resumeOnStartBox()->isChecked());
        panel.setWaitOptions(fast);
        QSignalSpy resuming(&panel, &CloudJobsPanel::resumingAtStart);
        QSignalSpy done(&panel, &CloudJobsPanel::workFinished);
        panel.resumeAtStart(db);
        QVERIFY(resuming.wait(10000));
        QCOMPARE(resuming.first().first().toInt(), 2);
        QVERIFY(done.wait(30000));
        QCOMPARE(done.first().first().toString(), QString());
        QCOMPARE(panel.model()->unfinishedCount(), 0);
        QCOMPARE(panel.model()->rowCount(), 2);
        auto s = store::RunStore::open(db.toStdString());
        for (std::int64_t id : ids) { // the exact simulator: a Bell state, half 00 and half 11
            const CloudJob j = s.value()->cloudJob(id).value();
            QCOMPARE(j.countsJson, countsToJson({{"00", j.shots / 2}, {"11", j.shots / 2}}));
        }
        QCOMPARE(fake->jobsCreated(), 2); // resumed, never re-sent

        const QString missing = dir.filePath("none/runs.sqlite");
        CloudJobsPanel fresh;
        fresh.resumeAtStart(missing);
        QTest::qWait(300);
        QVERIFY(!QFileInfo::exists(missing));
        QVERIFY(!fresh.isBusy());
    }

    void cancelSelected()
    {
        FakeIonqOptions opts;
        opts.statusSequence = {"submitted", "running", "running", "running", "running", "running", "running", "running", "running",
                               "running", "running", "running", "running", "running", "running", "completed"};
        auto fake = startFakeIonq(opts);
        QVERIFY(fake);
        qputenv("QPILOT_IONQ_ENDPOINT", QByteArray::fromStdString(fake->endpoints().api));
        qputenv("QPILOT_IONQ_API_KEY", QByteArray::fromStdString(fake->credentials().apiKey));
        QTemporaryDir dir;
        const QString db = dir.filePath("runs.sqlite");
        const std::vector<std::int64_t> ids = submitJobs(db, *fake, 1);
        CloudJobsPanel panel;
        panel.setDatabasePath(db);
        panel.selectJob(ids[0]);
        QCOMPARE(panel.selectedJob(), ids[0]);
        QVERIFY(panel.cancelButton()->isEnabled());
        QSignalSpy done(&panel, &CloudJobsPanel::workFinished);
        panel.cancelButton()->click();
        QVERIFY(done.wait(30000));
        QCOMPARE(done.first().first().toString(), QString());
        QCOMPARE(panel.model()->index(panel.model()->rowOf(ids[0]), CloudJobsModel::State).data().toString(), QString("cancelled"));
        QVERIFY(!panel.cancelButton()->isEnabled());
    }

    void missingCredentialsAreReported()
    {
        auto fake = startFakeIonq();
        QVERIFY(fake);
        QTemporaryDir dir;
        const QString db = dir.filePath("runs.sqlite");
        submitJobs(db, *fake, 1);
        qunsetenv("QPILOT_IONQ_API_KEY");
        qputenv("QPILOT_SECRETS", "file");
        qputenv("QPILOT_SECRETS_FILE", dir.filePath("none.enc").toUtf8());
        qputenv("QPILOT_SECRETS_PASSPHRASE", "x");
        CloudJobsPanel panel;
        panel.setDatabasePath(db);
        QSignalSpy done(&panel, &CloudJobsPanel::workFinished);
        panel.resumeButton()->click();
        QVERIFY(done.wait(30000));
        QVERIFY2(done.first().first().toString().contains("no IonQ credentials: store them on Cloud \u25B8 Accounts"), qPrintable(done.first().first().toString()));
        QVERIFY(panel.statusText().startsWith("Error: "));
        QCOMPARE(panel.model()->unfinishedCount(), 1);
        qunsetenv("QPILOT_SECRETS");
        qunsetenv("QPILOT_SECRETS_FILE");
        qunsetenv("QPILOT_SECRETS_PASSPHRASE");
    }

    void rendersAtCommonSizes_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1920x1080") << QSize(1920, 1080);
        QTest::newRow("1366x768") << QSize(1366, 768);
    }
    void rendersAtCommonSizes()
    {
        QFETCH(QSize, size);
        FakeIonqOptions opts;
        opts.statusSequence = {"submitted", "running", "completed"};
        auto fake = startFakeIonq(opts);
        QVERIFY(fake);
        QTemporaryDir dir;
        const QString db = dir.filePath("runs.sqlite");
        const auto ids = submitJobs(db, *fake, 4, "qpu.aria-1");
        {
            // two finished, one cancelled, one left queued
            auto s = store::RunStore::open(db.toStdString());
            HttpTransport http;
            auto client = makeClient(Provider::Ionq, fake->endpoints(), fake->credentials(), http);
            JobTracker t(*s.value(), *client.value());
            WaitOptions w;
            w.pollSeconds = 0;
            QVERIFY(t.wait(ids[0], nullptr, {}, w).ok());
            QVERIFY(t.wait(ids[1], nullptr, {}, w).ok());
            QVERIFY(t.cancel(ids[2]).ok());
        }
        CloudJobsPanel panel;
        QSignalSpy checked(&panel, &CloudJobsPanel::simulationCheckFinished);
        panel.setDatabasePath(db);
        panel.resize(size / 2); // a dock-sized panel of the main window
        panel.selectJob(ids[0]);
        QVERIFY(checked.wait(30000)); // drawn with the comparison against the simulator
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const QImage image = panel.grab().toImage();
        QCOMPARE(image.size(), size / 2);
        // every column header fits its column
        const QFontMetrics fm(panel.view()->horizontalHeader()->font());
        for (int c = 0; c < CloudJobsModel::ColumnCount - 1; ++c)
            QVERIFY2(panel.view()->columnWidth(c) >= fm.horizontalAdvance(panel.model()->headerData(c, Qt::Horizontal).toString()),
                     qPrintable(QString::number(c)));
        const QByteArray out = qgetenv("QPILOT_SCREENSHOT_DIR");
        if (!out.isEmpty())
            QVERIFY(image.save(QString::fromLocal8Bit(out) + QStringLiteral("/cloudjobspanel-%1x%2.png").arg(size.width()).arg(size.height())));
    }
};

QTEST_MAIN(TestCloudJobsPanel)
#include "tst_cloudjobspanel.moc"
