// SPDX-License-Identifier: GPL-3.0-or-later
// tests/ui/tst_cloudsubmit.cpp — submitting from the GUI against the loopback fakes of all three
// providers: CloudSubmitDialog (circuit via setCircuit or a file, device from its embedded
// CloudDevicesView, shots, cost guard) stores and sends the job on a worker, emits submitted(id),
// and CloudJobsPanel's "Resume unfinished" then completes it with the counts in the store. Also:
// transpilation and a priced estimate when a Qpilot profile matches (the CLI's path,
// prepareSubmission), "unknown" cost otherwise; above the budget (or with an unknown cost) Submit
// needs the confirmation box; a 503 on the submit POST still ends in exactly one job; missing
// credentials are reported inline and store nothing; and the dialog renders at 1366x768.
#include "cloud_gui_fixture.h"
#include "ui/cloud/cloudconnect.h"
#include "core/cloud/submission.h"
#include "core/store/store.h"
#include "ui/cloud/cloudjobsmodel.h"
#include "ui/cloud/cloudjobspanel.h"
#include "ui/cloud/clouddevicesmodel.h"
#include "ui/cloud/clouddevicesview.h"
#include "ui/cloud/cloudsubmitdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

using namespace qpilot;
using namespace qpilot::cloud;
using namespace qpilot::test;

Q_DECLARE_METATYPE(qpilot::cloud::Provider)

namespace {

const char* kBell = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\nc = measure q;\n";
// The Bell pair as an ISA circuit of IBM Heron (cz, rz, sx on physical qubits): the IBM fake's
// backends match no Qpilot profile, so it is sent as written and must already be ISA.
const char* kBellHeron = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nbit[2] c;\nrz(pi/2) $0;\nsx $0;\nrz(pi/2) $0;\n"
                         "rz(pi/2) $1;\nsx $1;\nrz(pi/2) $1;\ncz $0, $1;\nrz(pi/2) $1;\nsx $1;\nrz(pi/2) $1;\n"
                         "c[0] = measure $0;\nc[1] = measure $1;\n";

std::vector<store::CloudJobRecord> storedJobs(const QString& db)
{
    auto s = store::RunStore::open(db.toStdString());
    if (!s)
        return {};
    auto jobs = s.value()->listCloudJobs();
    return jobs ? jobs.value() : std::vector<store::CloudJobRecord>{};
}

// Lists `provider`'s devices in the dialog and selects `device`; waits for the preparation.
bool pickDevice(CloudSubmitDialog& dialog, Provider provider, const QString& device)
{
    QSignalSpy listed(dialog.devicesView(), &CloudDevicesView::refreshFinished);
    QSignalSpy prepared(&dialog, &CloudSubmitDialog::preparationFinished);
    dialog.devicesView()->setProvider(provider);
    if (!listed.wait(30000) || !listed.first().first().toString().isEmpty())
        return false;
    if (!dialog.devicesView()->selectDevice(device))
        return false;
    return prepared.wait(30000) && prepared.last().first().toString().isEmpty();
}

} // namespace

class TestCloudSubmit : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); } // the budget setting stays out of ~/.config

    void submitThenResumeCompletes_data()
    {
        QTest::addColumn<Provider>("provider");
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("qasm");
        QTest::addColumn<bool>("priced");
        QTest::newRow("ibm") << Provider::Ibm << "ibm_heron5" << kBellHeron << false;
        QTest::newRow("braket") << Provider::Braket << QString::fromLatin1(kFakeSv1) << kBell << false;
        QTest::newRow("ionq") << Provider::Ionq << "qpu.aria-1" << kBell << true;
    }
    void submitThenResumeCompletes()
    {
        QFETCH(Provider, provider);
        QFETCH(QString, device);
        QFETCH(QString, qasm);
        QFETCH(bool, priced);
        CloudGuiFixture fx(provider);
        QVERIFY(fx.started());
        fx.exportEnvironment();
        CloudSubmitDialog dialog;
        dialog.setDatabasePath(fx.databasePath());
        dialog.setBudget(std::nullopt);
        QVERIFY(!dialog.submitButton()->isEnabled());
        dialog.setCircuit(qasm, QStringLiteral("Bell pair"));
        QVERIFY(dialog.hasCircuit());
        QVERIFY(dialog.circuitText().contains("2 qubit(s)"));
        dialog.setShots(400);
        QVERIFY(pickDevice(dialog, provider, device));
        QVERIFY(dialog.prepared());
        QCOMPARE(dialog.prepared()->deviceId, device.toStdString());
        QCOMPARE(dialog.prepared()->shots, 400);
        if (priced) {
            // transpiled for the matching profile, priced by the cost guard (same as the CLI)
            QVERIFY(dialog.prepared()->transpiled);
            QVERIFY(dialog.noteText().contains("transpiled for profile ionq_aria_1"));
            QVERIFY(dialog.prepared()->estimate);
            QVERIFY(dialog.prepared()->estimate->usd > 0);
            QVERIFY2(dialog.costText().contains(QString::number(dialog.prepared()->estimate->usd, 'f', 2) + " USD"),
                     qPrintable(dialog.costText()));
        } else {
            QVERIFY(!dialog.prepared()->transpiled);
            QCOMPARE(dialog.prepared()->isaQasm, qasm.toStdString()); // sent as written
            QVERIFY2(dialog.costText().contains("unknown"), qPrintable(dialog.costText()));
        }
        QVERIFY(!dialog.confirmBox()->isVisibleTo(&dialog)); // no budget set: nothing to confirm
        QVERIFY(dialog.submitButton()->isEnabled());

        QSignalSpy submitted(&dialog, &CloudSubmitDialog::submitted);
        QSignalSpy finished(&dialog, &CloudSubmitDialog::submitFinished);
        dialog.submitButton()->click();
        QVERIFY(dialog.isSubmitting());
        QVERIFY(!dialog.submitButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(finished.first().first().toString(), QString());
        QCOMPARE(submitted.count(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const qint64 id = submitted.first().first().toLongLong();
        auto jobs = storedJobs(fx.databasePath());
        QCOMPARE(int(jobs.size()), 1);
        QCOMPARE(jobs[0].id, id);
        QCOMPARE(jobs[0].provider, std::string(providerKey(provider)));
        QCOMPARE(jobs[0].deviceId, device.toStdString());
        QCOMPARE(jobs[0].shots, 400);
        QVERIFY(!jobs[0].providerJobId.empty());
        QCOMPARE(jobs[0].estimatedCostUsd.has_value(), priced);
        QCOMPARE(fx.jobsCreated(), 1);

        // the jobs panel shows it and "Resume unfinished" completes it with counts
        CloudJobsPanel panel;
        WaitOptions fast;
        fast.pollSeconds = 0.02;
        fast.maxPollSeconds = 0.05;
        panel.setWaitOptions(fast);
        panel.setDatabasePath(fx.databasePath());
        QCOMPARE(panel.model()->rowOf(id), 0);
        QSignalSpy done(&panel, &CloudJobsPanel::workFinished);
        panel.resumeButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 60000);
        QCOMPARE(done.first().first().toString(), QString());
        jobs = storedJobs(fx.databasePath());
        QCOMPARE(jobs[0].state, std::string("completed"));
        auto counts = countsFromJson(jobs[0].countsJson);
        QVERIFY(counts);
        std::int64_t total = 0;
        for (const auto& [bits, n] : counts.value()) {
            QVERIFY2(bits == "00" || bits == "11", bits.c_str()); // an ideal Bell pair, qubit 0 rightmost
            total += n;
        }
        QCOMPARE(total, std::int64_t(400));
        QCOMPARE(fx.jobsCreated(), 1); // never sent twice
    }

    void budgetNeedsConfirmation()
    {
        CloudGuiFixture fx(Provider::Ionq);
        QVERIFY(fx.started());
        fx.exportEnvironment();
        CloudSubmitDialog dialog;
        dialog.setDatabasePath(fx.databasePath());
        dialog.setCircuit(kBell, QStringLiteral("Bell pair"));
        dialog.setBudget(1e6);
        QVERIFY(pickDevice(dialog, Provider::Ionq, "qpu.aria-1"));
        const double usd = dialog.prepared()->estimate->usd;
        // within the budget: no confirmation
        QVERIFY(!dialog.budgetExceeded());
        QVERIFY(dialog.submitButton()->isEnabled());
        // below the estimate: the box appears and Submit waits for it
        dialog.setBudget(usd / 2);
        QVERIFY(dialog.budgetExceeded());
        QVERIFY(dialog.confirmBox()->isVisibleTo(&dialog));
        QVERIFY(!dialog.confirmBox()->isChecked());
        QVERIFY(!dialog.submitButton()->isEnabled());
        dialog.submit(); // refused without the confirmation
        QVERIFY(!dialog.isSubmitting());
        QVERIFY(dialog.statusText().contains("Confirm"));
        QCOMPARE(fx.jobsCreated(), 0);
        QVERIFY(storedJobs(fx.databasePath()).empty());
        // more shots → a new estimate, and the confirmation is asked again
        dialog.confirmBox()->setChecked(true);
        QVERIFY(dialog.submitButton()->isEnabled());
        QSignalSpy prepared(&dialog, &CloudSubmitDialog::preparationFinished);
        // a refresh of the device list (e.g. auto-refresh) keeps device, estimate and confirmation
        QSignalSpy listed(dialog.devicesView(), &CloudDevicesView::refreshFinished);
        dialog.devicesView()->refresh();
        QVERIFY(listed.wait(30000));
        QCOMPARE(dialog.devicesView()->selectedDevice()->id, std::string("qpu.aria-1"));
        QVERIFY(!dialog.isPreparing());
        QCOMPARE(prepared.count(), 0);
        QVERIFY(dialog.confirmBox()->isChecked());
        QVERIFY(dialog.submitButton()->isEnabled());
        dialog.setShots(2000);
        QVERIFY(prepared.wait(30000));
        QVERIFY(dialog.prepared()->estimate->usd > usd);
        QVERIFY(!dialog.confirmBox()->isChecked());
        QVERIFY(!dialog.submitButton()->isEnabled());
        dialog.confirmBox()->setChecked(true);
        QSignalSpy submitted(&dialog, &CloudSubmitDialog::submitted);
        dialog.submitButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(submitted.count(), 1, 30000);
        QCOMPARE(fx.jobsCreated(), 1);
        const auto jobs = storedJobs(fx.databasePath());
        QCOMPARE(int(jobs.size()), 1);
        QCOMPARE(jobs[0].shots, 2000);
        QCOMPARE(*jobs[0].estimatedCostUsd, dialog.prepared()->estimate->usd);
    }

    // A device without a Qpilot profile has an unknown cost: with any budget it must be confirmed.
    void unknownCostNeedsConfirmation()
    {
        CloudGuiFixture fx(Provider::Ionq);
        QVERIFY(fx.started());
        fx.exportEnvironment();
        CloudSubmitDialog dialog;
        dialog.setDatabasePath(fx.databasePath());
        dialog.setCircuit(kBell, QStringLiteral("Bell pair"));
        dialog.setBudget(1e6);
        QVERIFY(pickDevice(dialog, Provider::Ionq, "simulator"));
        QVERIFY(!dialog.prepared()->estimate);
        QVERIFY(dialog.costText().contains("unknown"));
        QVERIFY(dialog.budgetExceeded());
        QVERIFY(!dialog.submitButton()->isEnabled());
        dialog.setBudget(std::nullopt);
        QVERIFY(dialog.submitButton()->isEnabled());
    }

    // Endpoints saved on the Accounts tab (settings), none in the environment: the dialog lists
    // and submits to the fake they name.
    void followsSavedEndpoints()
    {
        CloudGuiFixture fx(Provider::Ionq);
        QVERIFY(fx.started());
        fx.exportEnvironment();
        qunsetenv("QPILOT_IONQ_ENDPOINT"); // the fixture restores it
        EndpointOverrides saved;
        saved.api = fx.ionq()->endpoints().api;
        QVERIFY(!cloudui::saveEndpoints(Provider::Ionq, saved));
        CloudSubmitDialog dialog;
        dialog.setDatabasePath(fx.databasePath());
        dialog.setBudget(std::nullopt);
        dialog.setCircuit(kBell, QStringLiteral("Bell pair"));
        QVERIFY(pickDevice(dialog, Provider::Ionq, "simulator"));
        QSignalSpy finished(&dialog, &CloudSubmitDialog::submitFinished);
        dialog.submitButton()->click();
        QVERIFY(finished.wait(30000));
        cloudui::resetEndpoints(Provider::Ionq);
        QCOMPARE(finished.first().first().toString(), QString());
        QCOMPARE(fx.jobsCreated(), 1);
        QCOMPARE(int(storedJobs(fx.databasePath()).size()), 1);
    }

    void budgetDefaultsFromTheEnvironment()
    {
        CloudGuiFixture fx(Provider::Ionq);
        QSettings().remove(QStringLiteral("cloud/budgetUsd"));
        qputenv("QPILOT_CLOUD_BUDGET", "12.5");
        {
            CloudSubmitDialog dialog;
            QCOMPARE(dialog.budget(), std::optional<double>(12.5));
            dialog.setBudget(30); // saved as the setting, which then wins
        }
        {
            CloudSubmitDialog dialog;
            QCOMPARE(dialog.budget(), std::optional<double>(30));
            dialog.setBudget(std::nullopt);
        }
        qunsetenv("QPILOT_CLOUD_BUDGET");
        CloudSubmitDialog dialog;
        QCOMPARE(dialog.budget(), std::optional<double>());
    }

    // 503 on the submit POST, then OK: one job at the provider and in the store.
    void serviceUnavailableOnSubmitStillSubmitsOnce_data()
    {
        QTest::addColumn<Provider>("provider");
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("path");
        QTest::newRow("braket") << Provider::Braket << QString::fromLatin1(kFakeSv1) << "/quantum-task";
        QTest::newRow("ionq") << Provider::Ionq << "simulator" << "/v0.4/jobs";
    }
    void serviceUnavailableOnSubmitStillSubmitsOnce()
    {
        QFETCH(Provider, provider);
        QFETCH(QString, device);
        QFETCH(QString, path);
        CloudGuiFixture fx(provider);
        QVERIFY(fx.started());
        fx.exportEnvironment();
        CloudSubmitDialog dialog;
        dialog.setDatabasePath(fx.databasePath());
        dialog.setBudget(std::nullopt);
        dialog.setCircuit(kBell, QStringLiteral("Bell pair"));
        QVERIFY(pickDevice(dialog, provider, device));
        fx.server().failWithStatus(1, 503, {"POST", path.toStdString()});
        QSignalSpy finished(&dialog, &CloudSubmitDialog::submitFinished);
        dialog.submitButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY2(finished.first().first().toString().isEmpty(), qPrintable(finished.first().first().toString()));
        QCOMPARE(fx.server().pendingFaults(), 0);
        QCOMPARE(fx.jobsCreated(), 1);
        const auto jobs = storedJobs(fx.databasePath());
        QCOMPARE(int(jobs.size()), 1);
        QVERIFY(jobs[0].state == "queued" || jobs[0].state == "running");
    }

    void missingCredentialsStoreNothing()
    {
        CloudGuiFixture fx(Provider::Ionq);
        QVERIFY(fx.started());
        fx.exportEnvironment();
        CloudSubmitDialog dialog;
        dialog.setDatabasePath(fx.databasePath());
        dialog.setBudget(std::nullopt);
        dialog.setCircuit(kBell, QStringLiteral("Bell pair"));
        QVERIFY(pickDevice(dialog, Provider::Ionq, "simulator"));
        qunsetenv("QPILOT_IONQ_API_KEY"); // logged out meanwhile
        QSignalSpy finished(&dialog, &CloudSubmitDialog::submitFinished);
        dialog.submitButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        const QString error = finished.first().first().toString();
        QVERIFY2(error.contains("no IonQ credentials: store them on Cloud \u25B8 Accounts or set QPILOT_IONQ_API_KEY"), qPrintable(error));
        QVERIFY(dialog.statusText().startsWith("Error: "));
        QVERIFY(dialog.submitButton()->isEnabled()); // fix it and try again
        QCOMPARE(fx.jobsCreated(), 0);
        QVERIFY(storedJobs(fx.databasePath()).empty());
    }

    void circuitFromFilesAndBadInput()
    {
        QTemporaryDir dir;
        const QString good = dir.filePath("bell.qasm");
        {
            QFile f(good);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(kBell);
        }
        const QString bad = dir.filePath("broken.qasm");
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("OPENQASM 3.0;\nqubit[2] q;\nfoo q[0];\n");
        }
        CloudSubmitDialog dialog;
        QVERIFY(dialog.openFile(good));
        QVERIFY(dialog.hasCircuit());
        QVERIFY(dialog.circuitText().contains("bell.qasm"));
        QVERIFY(!dialog.openFile(bad));
        QVERIFY(!dialog.hasCircuit());
        QVERIFY2(dialog.circuitText().contains("broken.qasm") && dialog.circuitText().contains(":3"), qPrintable(dialog.circuitText()));
        QVERIFY(!dialog.openFile(dir.filePath("missing.qasm")));
        dialog.setCircuit(QStringLiteral("not a circuit"), QStringLiteral("Current circuit"));
        QVERIFY(!dialog.hasCircuit());
        QVERIFY(!dialog.submitButton()->isEnabled());
    }

    // The same preparation as `qpilot cloud submit`: shots must be positive; no device, no job.
    void prepareSubmissionRejectsBadInput()
    {
        auto c = submissionCircuitFromText(kBell);
        QVERIFY(c);
        QVERIFY(!prepareSubmission(Provider::Ionq, "qpu.aria-1", c.value(), 0));
        QVERIFY(!prepareSubmission(Provider::Ionq, "", c.value(), 10));
        QVERIFY(!parseBudgetUsd("-3"));
        QVERIFY(!parseBudgetUsd("ten"));
        QCOMPARE(parseBudgetUsd(" 7.5 ").value(), std::optional<double>(7.5));
        QCOMPARE(parseBudgetUsd("").value(), std::optional<double>());
    }

    void rendersAt1366x768()
    {
        CloudGuiFixture fx(Provider::Ionq);
        QVERIFY(fx.started());
        fx.exportEnvironment();
        CloudSubmitDialog dialog;
        dialog.setDatabasePath(fx.databasePath());
        dialog.setCircuit(kBell, QStringLiteral("Bell pair (current circuit)"));
        dialog.setBudget(5);
        QVERIFY(pickDevice(dialog, Provider::Ionq, "qpu.aria-1"));
        QVERIFY(dialog.budgetExceeded());
        dialog.resize(1366, 768);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QImage image = dialog.grab().toImage();
        QCOMPARE(image.size(), QSize(1366, 768));
        QVERIFY(dialog.confirmBox()->isVisible());
        QVERIFY(dialog.submitButton()->isVisible());
        const QByteArray out = qgetenv("QPILOT_SCREENSHOT_DIR");
        if (!out.isEmpty())
            QVERIFY(image.save(QString::fromLocal8Bit(out) + QStringLiteral("/cloud-submit.png")));
    }
};

QTEST_MAIN(TestCloudSubmit)
#include "tst_cloudsubmit.moc"
