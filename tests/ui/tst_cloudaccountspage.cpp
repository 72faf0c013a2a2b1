// SPDX-License-Identifier: GPL-3.0-or-later
// tests/ui/tst_cloudaccountspage.cpp — the accounts page on the opt-in encrypted secrets file:
// status per provider (none / stored / environment), storing and removing credentials on the
// worker, incomplete input refused, no secret in any label, endpoint overrides shown; rendered
// at 1920x1080 and 1366x768 (PNG under QPILOT_SCREENSHOT_DIR when set).
#include "core/cloud/secrets.h"
#include "ui/cloud/cloudaccountspage.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace qpilot;
using namespace qpilot::cloud;

class TestCloudAccountsPage : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void init()
    {
        for (const char* v : {"QPILOT_IBM_API_KEY", "QPILOT_IBM_SERVICE_CRN", "QPILOT_IONQ_API_KEY", "AWS_ACCESS_KEY_ID",
                              "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "QPILOT_IONQ_ENDPOINT"})
            qunsetenv(v);
        qputenv("QPILOT_SECRETS", "file");
        qputenv("QPILOT_SECRETS_FILE", m_dir.filePath(QStringLiteral("%1.enc").arg(QTest::currentTestFunction())).toUtf8());
        qputenv("QPILOT_SECRETS_PASSPHRASE", "page test");
    }

    void storesAndRemoves()
    {
        CloudAccountsPage page;
        QSignalSpy done(&page, &CloudAccountsPage::workFinished);
        QVERIFY(done.wait(20000)); // the initial status check
        for (Provider p : {Provider::Ibm, Provider::Braket, Provider::Ionq})
            QVERIFY2(page.statusText(p).startsWith("not set"), qPrintable(page.statusText(p)));
        page.row(Provider::Ionq).key->setText("ionq-page-secret");
        page.row(Provider::Ionq).save->click();
        QVERIFY(done.wait(20000));
        QCOMPARE(done.last().first().toString(), QString());
        QVERIFY2(page.statusText(Provider::Ionq).startsWith("stored in the encrypted file"), qPrintable(page.statusText(Provider::Ionq)));
        QVERIFY(page.row(Provider::Ionq).key->text().isEmpty());
        for (QLabel* l : page.findChildren<QLabel*>())
            QVERIFY(!l->text().contains("ionq-page-secret"));
        SecretStore store(secretsOptionsFromEnvironment().value());
        QCOMPARE(store.load(Provider::Ionq).value()->apiKey, std::string("ionq-page-secret"));
        // IBM without the CRN is refused on the spot
        page.row(Provider::Ibm).key->setText("k");
        page.row(Provider::Ibm).save->click();
        QVERIFY(page.statusText(Provider::Ibm).contains("service CRN"));
        page.row(Provider::Ionq).remove->click();
        QVERIFY(done.wait(20000));
        QVERIFY(page.statusText(Provider::Ionq).startsWith("not set"));
        QVERIFY(!store.load(Provider::Ionq).value().has_value());
    }

    void environmentAndEndpoints()
    {
        qputenv("AWS_ACCESS_KEY_ID", "AKIDPAGE");
        qputenv("AWS_SECRET_ACCESS_KEY", "aws-page-secret");
        qputenv("QPILOT_IONQ_ENDPOINT", "http://127.0.0.1:9/v0.4");
        CloudAccountsPage page;
        QSignalSpy done(&page, &CloudAccountsPage::workFinished);
        QVERIFY(done.wait(20000));
        QVERIFY(page.statusText(Provider::Braket).startsWith("from environment variables"));
        QVERIFY(!page.statusText(Provider::Braket).contains("aws-page-secret"));
        QCOMPARE(page.row(Provider::Ionq).endpoint->text(), QString("http://127.0.0.1:9/v0.4"));
        QVERIFY(page.row(Provider::Ibm).endpoint->text().startsWith("https://quantum.cloud.ibm.com/api/v1"));
    }

    void renders_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1920x1080") << QSize(1920, 1080);
        QTest::newRow("1366x768") << QSize(1366, 768);
    }
    void renders()
    {
        QFETCH(QSize, size);
        qputenv("QPILOT_IONQ_API_KEY", "env-key");
        CloudAccountsPage page;
        QSignalSpy done(&page, &CloudAccountsPage::workFinished);
        QVERIFY(done.wait(20000));
        page.resize(size.width() / 2, size.height() * 3 / 4);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const QImage image = page.grab().toImage();
        QVERIFY(page.minimumSizeHint().height() <= image.height());
        const QByteArray out = qgetenv("QPILOT_SCREENSHOT_DIR");
        if (!out.isEmpty())
            QVERIFY(image.save(QString::fromLocal8Bit(out) + QStringLiteral("/cloudaccountspage-%1x%2.png").arg(size.width()).arg(size.height())));
    }
};

QTEST_MAIN(TestCloudAccountsPage)
#include "tst_cloudaccountspage.moc"
