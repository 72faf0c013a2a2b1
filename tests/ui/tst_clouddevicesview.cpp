// SPDX-License-Identifier: GPL-3.0-or-later
// tests/ui/tst_clouddevicesview.cpp — the cloud device picker against the loopback fakes of all
// three providers: the model (QAbstractItemModelTester) lists exactly the devices each fake
// serves, with its status, availability, queue length ("not reported" for IonQ, which publishes
// none), qubits and the matching Qpilot profile; the list is fetched on a worker (the GUI keeps
// running, a busy bar shows); missing credentials are reported inline with where to log in; a 503
// on the device listing is retried; auto-refresh re-reads the list; and the view renders at
// 1366x768 (PNG under QPILOT_SCREENSHOT_DIR when set).
#include "cloud_gui_fixture.h"
#include "support/test_setup.h"
#include "ui/cloud/clouddevicesmodel.h"
#include "ui/cloud/clouddevicesview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

using namespace qpilot;
using namespace qpilot::cloud;
using namespace qpilot::test;

Q_DECLARE_METATYPE(qpilot::cloud::Provider)

namespace {

// What each fake serves (tests/support/cloud/fake_*.cpp): id, status word, available, queue
// (-1: the provider reports none), qubits (-1: from a calibration fixture, checked > 0; -2: not
// read), profile.
struct Expected {
    const char* id;
    const char* status;
    bool available;
    int queue;
    int qubits;
    const char* profile;
};

std::vector<Expected> expectedDevices(Provider p)
{
    switch (p) {
    case Provider::Ibm:
        return {{"ibm_heron5", "online", true, 3, -1, ""}, {"ibm_lab7", "online", true, 0, -1, ""}};
    case Provider::Braket:
        return {{kFakeSv1, "online", true, 0, 34, ""},
                {kFakeForte, "online", true, 12, 36, "ionq_forte_1"},
                {kFakeGarnet, "offline", false, 0, 20, "iqm_garnet"},
                {kFakeAspen, "retired", false, -1, -2, ""}}; // retired: only the summary is read (no queue, no qubits)
    case Provider::Ionq:
        return {{"simulator", "available", true, -1, 29, ""},
                {"qpu.aria-1", "unavailable", false, -1, 25, "ionq_aria_1"},
                {"qpu.forte-1", "available", true, -1, 36, "ionq_forte_1"}};
    }
    return {};
}

QString cell(const QAbstractItemModel* m, int row, int column) { return m->index(row, column).data().toString(); }

} // namespace

class TestCloudDevicesView : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { test::isolateSettings("tst_clouddevicesview"); } // no saved cloud endpoints from ~/.config
    void listsEveryProvidersDevices_data()
    {
        QTest::addColumn<Provider>("provider");
        QTest::newRow("ibm") << Provider::Ibm;
        QTest::newRow("braket") << Provider::Braket;
        QTest::newRow("ionq") << Provider::Ionq;
    }
    void listsEveryProvidersDevices()
    {
        QFETCH(Provider, provider);
        CloudGuiFixture fx(provider);
        QVERIFY(fx.started());
        fx.exportEnvironment();
        CloudDevicesView view;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy done(&view, &CloudDevicesView::refreshFinished);
        QSignalSpy busy(&view, &CloudDevicesView::busyChanged);
        view.setProvider(provider);
        // the fetch runs on a worker: the call returned at once with the busy bar up
        QVERIFY(view.isBusy());
        QVERIFY(!view.refreshButton()->isEnabled());
        QVERIFY(view.statusText().startsWith("Listing"));
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 30000);
        QCOMPARE(done.first().first().toString(), QString());
        QVERIFY(!view.isBusy());
        QCOMPARE(busy.count(), 2);
        QVERIFY(view.refreshButton()->isEnabled());

        const std::vector<Expected> expected = expectedDevices(provider);
        const QAbstractItemModel* m = view.model();
        QCOMPARE(m->rowCount(), int(expected.size()));
        QCOMPARE(view.model()->provider(), provider);
        for (const Expected& e : expected) {
            const int row = view.model()->rowOf(QString::fromLatin1(e.id));
            QVERIFY2(row >= 0, e.id);
            QCOMPARE(cell(m, row, CloudDevicesModel::Id), QString::fromLatin1(e.id));
            QCOMPARE(cell(m, row, CloudDevicesModel::Status), QString::fromLatin1(e.status));
            QCOMPARE(m->index(row, 0).data(CloudDevicesModel::AvailableRole).toBool(), e.available);
            QCOMPARE(cell(m, row, CloudDevicesModel::Available), QString(e.available ? "yes" : "no"));
            if (e.queue < 0) {
                QCOMPARE(cell(m, row, CloudDevicesModel::Queue), QString("not reported"));
                QVERIFY(!m->index(row, 0).data(CloudDevicesModel::QueueLengthRole).isValid());
            } else {
                QCOMPARE(cell(m, row, CloudDevicesModel::Queue), QString::number(e.queue));
                QCOMPARE(m->index(row, 0).data(CloudDevicesModel::QueueLengthRole).toInt(), e.queue);
            }
            if (e.qubits >= 0)
                QCOMPARE(m->index(row, CloudDevicesModel::Qubits).data().toInt(), e.qubits);
            else if (e.qubits == -1)
                QVERIFY(m->index(row, CloudDevicesModel::Qubits).data().toInt() > 0);
            QCOMPARE(cell(m, row, CloudDevicesModel::Profile), *e.profile ? QString::fromLatin1(e.profile) : QString("–"));
        }
        int available = 0;
        for (const Expected& e : expected)
            available += e.available;
        QVERIFY2(view.statusText().contains(QStringLiteral("%1 device(s), %2 available").arg(expected.size()).arg(available)),
                 qPrintable(view.statusText()));
        // selecting a device enables "Submit circuit…", which names provider and device
        QVERIFY(!view.submitButton()->isEnabled());
        QVERIFY(view.selectDevice(QString::fromLatin1(expected.back().id)));
        QVERIFY(view.submitButton()->isEnabled());
        QSignalSpy wants(&view, &CloudDevicesView::submitRequested);
        view.submitButton()->click();
        QCOMPARE(wants.count(), 1);
        QCOMPARE(wants.first().at(0).toString(), QString::fromLatin1(providerKey(provider)));
        QCOMPARE(wants.first().at(1).toString(), QString::fromLatin1(expected.back().id));
        // a refresh keeps the selection
        view.refreshButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 2, 30000);
        QCOMPARE(view.selectedDevice()->id, std::string(expected.back().id));
    }

    void missingCredentialsAreShownInline_data()
    {
        QTest::addColumn<Provider>("provider");
        QTest::addColumn<QString>("variable");
        QTest::newRow("ibm") << Provider::Ibm << "QPILOT_IBM_API_KEY";
        QTest::newRow("braket") << Provider::Braket << "AWS_ACCESS_KEY_ID";
        QTest::newRow("ionq") << Provider::Ionq << "QPILOT_IONQ_API_KEY";
    }
    void missingCredentialsAreShownInline()
    {
        QFETCH(Provider, provider);
        QFETCH(QString, variable);
        CloudGuiFixture fx(provider);
        QVERIFY(fx.started());
        fx.exportEnvironment(false);
        CloudDevicesView view;
        QSignalSpy done(&view, &CloudDevicesView::refreshFinished);
        view.setProvider(provider);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 30000);
        const QString error = done.first().first().toString();
        QVERIFY2(error.contains("credentials: store them on Cloud \u25B8 Accounts or set") && error.contains(variable), qPrintable(error));
        QVERIFY(view.statusText().startsWith("Error: "));
        QCOMPARE(view.model()->rowCount(), 0);
        QCOMPARE(fx.server().requestCount(), 0); // nothing was sent without credentials
    }

    // 503 twice on the listing, then OK: the transport's retries make it succeed.
    void serviceUnavailableIsRetried_data()
    {
        QTest::addColumn<Provider>("provider");
        QTest::addColumn<QString>("path");
        QTest::newRow("ibm") << Provider::Ibm << "/api/v1/backends";
        QTest::newRow("ionq") << Provider::Ionq << "/v0.4/backends";
    }
    void serviceUnavailableIsRetried()
    {
        QFETCH(Provider, provider);
        QFETCH(QString, path);
        CloudGuiFixture fx(provider);
        QVERIFY(fx.started());
        fx.exportEnvironment();
        fx.server().failWithStatus(2, 503, {"GET", path.toStdString()});
        CloudDevicesView view;
        QSignalSpy done(&view, &CloudDevicesView::refreshFinished);
        view.setProvider(provider);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 30000);
        QCOMPARE(done.first().first().toString(), QString());
        QCOMPARE(fx.server().pendingFaults(), 0);
        QCOMPARE(view.model()->rowCount(), int(expectedDevices(provider).size()));
    }

    void autoRefreshRereadsTheList()
    {
        CloudGuiFixture fx(Provider::Ionq);
        QVERIFY(fx.started());
        fx.exportEnvironment();
        CloudDevicesView view;
        QSignalSpy done(&view, &CloudDevicesView::refreshFinished);
        view.setProvider(Provider::Ionq);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 30000);
        const int before = fx.server().requestCount("GET", "/v0.4/backends");
        view.setAutoRefreshSeconds(1);
        QTRY_VERIFY_WITH_TIMEOUT(done.count() >= 3, 30000);
        QVERIFY(fx.server().requestCount("GET", "/v0.4/backends") >= before + 2);
        view.setAutoRefreshSeconds(0);
        QTRY_VERIFY_WITH_TIMEOUT(!view.isBusy(), 30000);
        const int settled = done.count();
        QTest::qWait(1500);
        QCOMPARE(done.count(), settled);
    }

    // Switching provider while a fetch runs: the stale list is dropped and the new one fetched.
    void providerSwitchDropsStaleLists()
    {
        CloudGuiFixture fx(Provider::Ionq);
        QVERIFY(fx.started());
        fx.exportEnvironment();
        CloudDevicesView view;
        QSignalSpy done(&view, &CloudDevicesView::refreshFinished);
        view.setProvider(Provider::Ionq);
        view.setProvider(Provider::Ibm); // while IonQ's list is still being fetched
        QTRY_VERIFY_WITH_TIMEOUT(done.count() >= 1 && !view.isBusy(), 30000);
        QCOMPARE(view.provider(), Provider::Ibm);
        QCOMPARE(view.model()->rowCount(), 0); // IonQ's devices never showed under IBM
        QVERIFY(done.last().first().toString().contains("QPILOT_IBM_API_KEY"));
    }

    void rendersAt1366x768()
    {
        CloudGuiFixture fx(Provider::Braket);
        QVERIFY(fx.started());
        fx.exportEnvironment();
        CloudDevicesView view;
        QSignalSpy done(&view, &CloudDevicesView::refreshFinished);
        view.setProvider(Provider::Braket);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 30000);
        view.selectDevice(QString::fromLatin1(kFakeForte));
        view.resize(1366, 768);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.view()->resizeColumnsToContents();
        const QImage image = view.grab().toImage();
        QCOMPARE(image.size(), QSize(1366, 768));
        // every column (ids included) fits: nothing is cut at 1366 px
        const QFontMetrics fm(view.view()->font());
        for (int c = 0; c < CloudDevicesModel::ColumnCount - 1; ++c)
            for (int r = 0; r < view.model()->rowCount(); ++r)
                QVERIFY2(view.view()->columnWidth(c) >= fm.horizontalAdvance(cell(view.model(), r, c)), qPrintable(cell(view.model(), r, c)));
        const QByteArray out = qgetenv("QPILOT_SCREENSHOT_DIR");
        if (!out.isEmpty())
            QVERIFY(image.save(QString::fromLocal8Bit(out) + QStringLiteral("/cloud-devices.png")));
    }
};

QTEST_MAIN(TestCloudDevicesView)
#include "tst_clouddevicesview.moc"
