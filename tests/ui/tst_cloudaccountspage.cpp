// SPDX-License-Identifier: GPL-3.0-or-later
// tests/ui/tst_cloudaccountspage.cpp — the accounts page on the opt-in encrypted secrets file:
// credentials (status per provider: none / stored / environment; storing and removing them on the
// worker, incomplete input refused, no secret in any label) and endpoints (saved in QSettings,
// isolated per test: endpoints typed on the page and saved make the devices view reach each
// provider's loopback fake; a field a QPILOT_* variable sets is read-only and says so; invalid
// URLs, regions and buckets are shown under the field and not saved; a cleared field and "Reset to
// defaults" go back to the defaults; a Braket region moves the API placeholder). Rendered at
// 1920x1080 and 1366x768 (PNGs under QPILOT_SCREENSHOT_DIR when set).
#include "cloud_gui_fixture.h"
#include "core/cloud/secrets.h"
#include "support/test_setup.h"
#include "ui/cloud/cloudaccountspage.h"
#include "ui/cloud/cloudconnect.h"
#include "ui/cloud/clouddevicesmodel.h"
#include "ui/cloud/clouddevicesview.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace qpilot;
using namespace qpilot::cloud;
using qpilot::test::CloudGuiFixture;

Q_DECLARE_METATYPE(qpilot::cloud::Provider)
Q_DECLARE_METATYPE(qpilot::cloud::EndpointField)

namespace {

constexpr EndpointField kAllFields[] = {EndpointField::Api, EndpointField::Auth, EndpointField::Storage,
                                        EndpointField::Region, EndpointField::Bucket};

QString settingsKey(Provider p, EndpointField f)
{
    return QStringLiteral("cloud/%1/%2").arg(QLatin1String(providerKey(p)), QLatin1String(endpointFieldKey(f)));
}

// Types `text` into a field the way a user does (textEdited fires).
void typeInto(QLineEdit* edit, const QString& text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

} // namespace

class TestCloudAccountsPage : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase() { test::isolateSettings("tst_cloudaccountspage"); }

    void init()
    {
        for (const char* v : {"QPILOT_IBM_API_KEY", "QPILOT_IBM_SERVICE_CRN", "QPILOT_IONQ_API_KEY", "AWS_ACCESS_KEY_ID",
                              "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"})
            qunsetenv(v);
        for (Provider p : {Provider::Ibm, Provider::Braket, Provider::Ionq})
            for (EndpointField f : kAllFields)
                qunsetenv(endpointVariable(p, f).c_str());
        QSettings().clear();
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
        // no secret in the settings either
        const QSettings settings;
        for (const QString& k : settings.allKeys())
            QVERIFY(!settings.value(k).toString().contains("ionq-page-secret"));
    }

    void showsTheFieldsEachProviderUses()
    {
        CloudAccountsPage page;
        for (Provider p : {Provider::Ibm, Provider::Braket, Provider::Ionq})
            for (EndpointField f : kAllFields) {
                const std::vector<EndpointField> fields = endpointFields(p);
                const bool used = std::count(fields.begin(), fields.end(), f) > 0;
                QCOMPARE(page.endpointEdit(p, f) != nullptr, used);
                if (!used)
                    continue;
                QLineEdit* e = page.endpointEdit(p, f);
                QVERIFY(!e->isReadOnly());
                QVERIFY(e->text().isEmpty()); // nothing saved: the default is the placeholder
                QCOMPARE(page.endpointNote(p, f), QString());
            }
        QCOMPARE(page.endpointEdit(Provider::Ibm, EndpointField::Api)->placeholderText(),
                 QString("https://quantum.cloud.ibm.com/api/v1"));
        QCOMPARE(page.endpointEdit(Provider::Ibm, EndpointField::Auth)->placeholderText(), QString("https://iam.cloud.ibm.com"));
        QCOMPARE(page.endpointEdit(Provider::Ibm, EndpointField::Region)->placeholderText(), QString("us-east"));
        QCOMPARE(page.endpointEdit(Provider::Braket, EndpointField::Api)->placeholderText(),
                 QString("https://braket.us-east-1.amazonaws.com"));
        QCOMPARE(page.endpointEdit(Provider::Ionq, EndpointField::Api)->placeholderText(), QString("https://api.ionq.co/v0.4"));
    }

    // Endpoints and credentials entered on the page only (nothing in the environment): the devices
    // view reaches the provider's fake. Braket's fake checks that requests are signed for its region
    // (eu-west-2 here), so the saved region matters too.
    void savedEndpointsReachTheFake_data()
    {
        QTest::addColumn<Provider>("provider");
        QTest::newRow("ibm") << Provider::Ibm;
        QTest::newRow("braket") << Provider::Braket;
        QTest::newRow("ionq") << Provider::Ionq;
    }
    void savedEndpointsReachTheFake()
    {
        QFETCH(Provider, provider);
        test::FakeBraketConfig braketConfig;
        braketConfig.region = "eu-west-2";
        CloudGuiFixture fx(provider, braketConfig);
        QVERIFY(fx.started());
        Endpoints fake = provider == Provider::Ibm ? fx.ibm()->endpoints()
                         : provider == Provider::Braket ? fx.braket()->endpoints()
                                                        : fx.ionq()->endpoints();
        const Credentials credentials = provider == Provider::Ibm ? fx.ibm()->credentials()
                                        : provider == Provider::Braket ? fx.braket()->credentials()
                                                                       : fx.ionq()->credentials();
        QVERIFY(fake.api.rfind("http://127.0.0.1:", 0) == 0);

        CloudAccountsPage page;
        QSignalSpy done(&page, &CloudAccountsPage::workFinished);
        QSignalSpy changed(&page, &CloudAccountsPage::endpointsChanged);
        QVERIFY(done.wait(20000));
        // credentials through the page's form (into the test's encrypted file)
        const CloudAccountsPage::Row& row = page.row(provider);
        if (provider == Provider::Braket) {
            row.key->setText(QString::fromStdString(credentials.accessKeyId));
            row.secret->setText(QString::fromStdString(credentials.secretAccessKey));
        } else {
            row.key->setText(QString::fromStdString(credentials.apiKey));
            row.secret->setText(QString::fromStdString(credentials.serviceCrn));
        }
        row.save->click();
        QVERIFY(done.wait(20000));
        QCOMPARE(done.last().first().toString(), QString());
        // the fake's endpoints typed into the fields and saved
        for (EndpointField f : endpointFields(provider))
            typeInto(page.endpointEdit(provider, f), QString::fromStdString(endpointValue(fake, f)));
        for (EndpointField f : endpointFields(provider))
            QCOMPARE(page.endpointNote(provider, f), QString());
        QVERIFY(row.saveEndpoints->isEnabled());
        row.saveEndpoints->click();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().toString(), QString::fromLatin1(providerKey(provider)));
        QVERIFY2(page.endpointStatusText(provider).startsWith("Saved"), qPrintable(page.endpointStatusText(provider)));
        const QSettings settings;
        for (EndpointField f : endpointFields(provider)) {
            const std::string& v = endpointValue(fake, f);
            QCOMPARE(settings.value(settingsKey(provider, f)).toString(), QString::fromStdString(v));
            if (!v.empty())
                QVERIFY(cloudui::endpointsInUse(provider).source(f).origin == EndpointOrigin::Settings);
        }
        const Endpoints inUse = cloudui::endpointsInUse(provider).endpoints;
        QCOMPARE(inUse.api, fake.api);
        QCOMPARE(inUse.region, fake.region.empty() ? defaultEndpoints(provider).region : fake.region);

        const std::size_t before = fx.server().requests().size();
        CloudDevicesView view;
        QSignalSpy listed(&view, &CloudDevicesView::refreshFinished);
        view.setProvider(provider);
        QTRY_COMPARE_WITH_TIMEOUT(listed.count(), 1, 30000);
        QCOMPARE(listed.first().first().toString(), QString());
        QVERIFY(view.model()->rowCount() > 0);
        QVERIFY(fx.server().requests().size() > before);
    }

    // An endpoint from the environment wins, is read-only and says which variable sets it; saving
    // keeps the setting underneath; the page's other fields stay editable.
    void environmentOverrideIsReadOnly()
    {
        QSettings().setValue(settingsKey(Provider::Ionq, EndpointField::Api), "https://saved.example/v0.4");
        qputenv("QPILOT_IONQ_ENDPOINT", "http://127.0.0.1:9/v0.4");
        qputenv("QPILOT_BRAKET_REGION", "eu-west-2");
        CloudAccountsPage page;
        QLineEdit* ionq = page.endpointEdit(Provider::Ionq, EndpointField::Api);
        QVERIFY(ionq->isReadOnly());
        QCOMPARE(ionq->text(), QString("http://127.0.0.1:9/v0.4"));
        QVERIFY2(page.endpointNote(Provider::Ionq, EndpointField::Api).startsWith("set by QPILOT_IONQ_ENDPOINT"),
                 qPrintable(page.endpointNote(Provider::Ionq, EndpointField::Api)));
        QCOMPARE(cloudui::endpointsInUse(Provider::Ionq).endpoints.api, std::string("http://127.0.0.1:9/v0.4"));
        QVERIFY(page.saveEndpoints(Provider::Ionq));
        QCOMPARE(QSettings().value(settingsKey(Provider::Ionq, EndpointField::Api)).toString(), QString("https://saved.example/v0.4"));
        // Braket: the region is the environment's, and the API placeholder follows it
        QLineEdit* region = page.endpointEdit(Provider::Braket, EndpointField::Region);
        QVERIFY(region->isReadOnly());
        QCOMPARE(region->text(), QString("eu-west-2"));
        QVERIFY(page.endpointNote(Provider::Braket, EndpointField::Region).startsWith("set by QPILOT_BRAKET_REGION"));
        QLineEdit* braketApi = page.endpointEdit(Provider::Braket, EndpointField::Api);
        QVERIFY(!braketApi->isReadOnly());
        QCOMPARE(braketApi->placeholderText(), QString("https://braket.eu-west-2.amazonaws.com"));
        QVERIFY(!page.endpointEdit(Provider::Ibm, EndpointField::Api)->isReadOnly());
        QCOMPARE(page.endpointNote(Provider::Ibm, EndpointField::Api), QString());
        // once the variable is gone, the saved value is in use and editable
        qunsetenv("QPILOT_IONQ_ENDPOINT");
        page.reloadEndpoints();
        QVERIFY(!ionq->isReadOnly());
        QCOMPARE(ionq->text(), QString("https://saved.example/v0.4"));
        QCOMPARE(page.endpointNote(Provider::Ionq, EndpointField::Api), QString());
    }

    void invalidEndpointIsNotSaved_data()
    {
        QTest::addColumn<Provider>("provider");
        QTest::addColumn<EndpointField>("field");
        QTest::addColumn<QString>("saved");   // a valid value saved before
        QTest::addColumn<QString>("typed");   // what the user types
        QTest::addColumn<QString>("error");   // the message under the field starts with
        using F = EndpointField;
        QTest::newRow("http to a remote host") << Provider::Ionq << F::Api << "https://ionq.private.example/v0.4"
                                               << "http://ionq.private.example/v0.4"
                                               << "API endpoint: refusing plain http:// to 'ionq.private.example'";
        QTest::newRow("garbage url") << Provider::Ionq << F::Api << "http://127.0.0.1:8000/v0.4" << "not a url"
                                     << "API endpoint: invalid URL 'not a url'";
        QTest::newRow("ibm iam over http") << Provider::Ibm << F::Auth << "https://iam.private.example" << "http://10.1.2.3"
                                           << "auth endpoint: refusing plain http:// to '10.1.2.3'";
        QTest::newRow("braket region") << Provider::Braket << F::Region << "eu-west-2" << "EU West 2"
                                       << "region: 'EU West 2' is not a region name";
        QTest::newRow("braket bucket") << Provider::Braket << F::Bucket << "amazon-braket-results" << "Amazon_Braket"
                                       << "bucket: 'Amazon_Braket' is not an S3 bucket name";
        QTest::newRow("braket s3 over ftp") << Provider::Braket << F::Storage << "https://s3.private.example"
                                            << "ftp://s3.private.example" << "storage endpoint: unsupported URL scheme";
    }
    void invalidEndpointIsNotSaved()
    {
        QFETCH(Provider, provider);
        QFETCH(EndpointField, field);
        QFETCH(QString, saved);
        QFETCH(QString, typed);
        QFETCH(QString, error);
        QSettings().setValue(settingsKey(provider, field), saved);
        CloudAccountsPage page;
        QSignalSpy changed(&page, &CloudAccountsPage::endpointsChanged);
        QLineEdit* edit = page.endpointEdit(provider, field);
        QCOMPARE(edit->text(), saved);
        typeInto(edit, typed);
        // shown as typed, under the field, and Save is off
        QVERIFY2(page.endpointNote(provider, field).startsWith(error), qPrintable(page.endpointNote(provider, field)));
        QVERIFY(!page.row(provider).saveEndpoints->isEnabled());
        QVERIFY(!page.saveEndpoints(provider));
        QVERIFY(page.endpointStatusText(provider).startsWith("Not saved"));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(QSettings().value(settingsKey(provider, field)).toString(), saved);
        QCOMPARE(cloudui::endpointsInUse(provider).endpoints.api.empty(), false);
        QCOMPARE(QString::fromStdString(endpointValue(cloudui::endpointsInUse(provider).endpoints, field)), saved);
        // corrected: the error goes and Save works
        typeInto(edit, saved);
        QCOMPARE(page.endpointNote(provider, field), QString());
        QVERIFY(page.row(provider).saveEndpoints->isEnabled());
        QVERIFY(page.saveEndpoints(provider));
        QCOMPARE(changed.count(), 1);
    }

    // A hand-edited settings file with a bad value: shown under the field, and the devices view
    // refuses to send anything (the check in connectProvider).
    void badSavedValueIsShown()
    {
        QSettings().setValue(settingsKey(Provider::Ionq, EndpointField::Api), "http://ionq.example.com/v0.4");
        qputenv("QPILOT_IONQ_API_KEY", "k");
        CloudAccountsPage page;
        QVERIFY(page.endpointNote(Provider::Ionq, EndpointField::Api).startsWith("API endpoint: refusing plain http://"));
        CloudDevicesView view;
        QSignalSpy listed(&view, &CloudDevicesView::refreshFinished);
        view.setProvider(Provider::Ionq);
        QTRY_COMPARE_WITH_TIMEOUT(listed.count(), 1, 30000);
        QVERIFY2(listed.first().first().toString().startsWith("IonQ: API endpoint: refusing plain http://"),
                 qPrintable(listed.first().first().toString()));
    }

    void clearedFieldAndResetRestoreDefaults()
    {
        CloudAccountsPage page;
        QSignalSpy changed(&page, &CloudAccountsPage::endpointsChanged);
        typeInto(page.endpointEdit(Provider::Ibm, EndpointField::Api), "https://qp.private.example/api/v1");
        typeInto(page.endpointEdit(Provider::Ibm, EndpointField::Auth), "https://iam.private.example");
        typeInto(page.endpointEdit(Provider::Ibm, EndpointField::Region), "eu-de");
        QVERIFY(page.saveEndpoints(Provider::Ibm));
        typeInto(page.endpointEdit(Provider::Ionq, EndpointField::Api), "https://ionq.private.example/v0.4");
        QVERIFY(page.saveEndpoints(Provider::Ionq));
        QCOMPARE(cloudui::endpointsInUse(Provider::Ibm).endpoints.api, std::string("https://qp.private.example/api/v1"));
        QCOMPARE(cloudui::endpointsInUse(Provider::Ibm).endpoints.region, std::string("eu-de"));

        // a cleared field goes back to its default; the others stay
        typeInto(page.endpointEdit(Provider::Ibm, EndpointField::Auth), QString());
        QVERIFY(page.saveEndpoints(Provider::Ibm));
        QVERIFY(!QSettings().contains(settingsKey(Provider::Ibm, EndpointField::Auth)));
        QCOMPARE(cloudui::endpointsInUse(Provider::Ibm).endpoints.auth, std::string("https://iam.cloud.ibm.com"));
        QCOMPARE(cloudui::endpointsInUse(Provider::Ibm).endpoints.api, std::string("https://qp.private.example/api/v1"));

        // reset: every IBM field back to the default, IonQ untouched
        page.row(Provider::Ibm).resetEndpoints->click();
        QCOMPARE(changed.count(), 4);
        QCOMPARE(changed.last().first().toString(), QString("ibm"));
        QCOMPARE(page.endpointStatusText(Provider::Ibm), QString("Back to the defaults."));
        const Endpoints ibm = cloudui::endpointsInUse(Provider::Ibm).endpoints;
        const Endpoints d = defaultEndpoints(Provider::Ibm);
        QCOMPARE(ibm.api, d.api);
        QCOMPARE(ibm.auth, d.auth);
        QCOMPARE(ibm.region, d.region);
        for (EndpointField f : kAllFields)
            QVERIFY(!QSettings().contains(settingsKey(Provider::Ibm, f)));
        for (EndpointField f : endpointFields(Provider::Ibm)) {
            QVERIFY(page.endpointEdit(Provider::Ibm, f)->text().isEmpty());
            QCOMPARE(page.endpointEdit(Provider::Ibm, f)->placeholderText(), QString::fromStdString(endpointValue(d, f)));
        }
        QCOMPARE(cloudui::endpointsInUse(Provider::Ionq).endpoints.api, std::string("https://ionq.private.example/v0.4"));
        QCOMPARE(page.endpointEdit(Provider::Ionq, EndpointField::Api)->text(), QString("https://ionq.private.example/v0.4"));
    }

    // Typing a Braket region moves the API placeholder; saved, the API host follows the region.
    void braketRegionMovesTheApi()
    {
        CloudAccountsPage page;
        QLineEdit* api = page.endpointEdit(Provider::Braket, EndpointField::Api);
        typeInto(page.endpointEdit(Provider::Braket, EndpointField::Region), "eu-north-1");
        QCOMPARE(api->placeholderText(), QString("https://braket.eu-north-1.amazonaws.com"));
        QVERIFY(api->text().isEmpty());
        QVERIFY(page.endpointEdit(Provider::Braket, EndpointField::Storage)->placeholderText().contains("s3.eu-north-1.amazonaws.com"));
        QVERIFY(page.saveEndpoints(Provider::Braket));
        QVERIFY(!QSettings().contains(settingsKey(Provider::Braket, EndpointField::Api)));
        const ResolvedEndpoints r = cloudui::endpointsInUse(Provider::Braket);
        QCOMPARE(r.endpoints.api, std::string("https://braket.eu-north-1.amazonaws.com"));
        QVERIFY(r.api.origin == EndpointOrigin::Region);
        QVERIFY(r.region.origin == EndpointOrigin::Settings);
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
        qputenv("QPILOT_IONQ_ENDPOINT", "http://127.0.0.1:8765/v0.4");
        QSettings().setValue(settingsKey(Provider::Braket, EndpointField::Region), "eu-west-2");
        QSettings().setValue(settingsKey(Provider::Braket, EndpointField::Bucket), "amazon-braket-qpilot-results");
        CloudAccountsPage page;
        QSignalSpy done(&page, &CloudAccountsPage::workFinished);
        QVERIFY(done.wait(20000));
        typeInto(page.endpointEdit(Provider::Ibm, EndpointField::Api), "http://quantum.example.com/api/v1");
        // the page as the Cloud tab shows it (the window less its menu, tool and tab bars)
        page.resize(size.width(), size.height() - 140);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        const QImage image = page.grab().toImage();
        QCOMPARE(image.size(), page.size() * page.devicePixelRatio());
        const QByteArray out = qgetenv("QPILOT_SCREENSHOT_DIR");
        if (!out.isEmpty())
            QVERIFY(image.save(QString::fromLocal8Bit(out) + QStringLiteral("/cloudaccountspage-%1x%2.png").arg(size.width()).arg(size.height())));
    }
};

QTEST_MAIN(TestCloudAccountsPage)
#include "tst_cloudaccountspage.moc"
