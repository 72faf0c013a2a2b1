// SPDX-License-Identifier: GPL-3.0-or-later
// tests/cloud/tst_secrets.cpp — credentials storage: the AES-256-GCM envelope (round trip, no
// plaintext in it, wrong passphrase and tampering detected, fresh salt and IV each time), the
// opt-in encrypted file (per-provider entries, mode 0600, no secret in the bytes), the clear
// message when no keychain service runs, environment credentials and their precedence.
#include "core/cloud/secrets.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace qpilot;
using namespace qpilot::cloud;

namespace {

const std::string kKey = "ibmkey-9f2c1e7a4b3d5e6f";
const std::string kCrn = "crn:v1:bluemix:public:quantum-computing:us-east:a/abc::";

SecretsOptions fileOptions(const QTemporaryDir& dir, const std::string& passphrase = "correct horse battery staple")
{
    SecretsOptions o;
    o.backend = SecretBackend::File;
    o.filePath = dir.filePath("sub/secrets.enc").toStdString();
    o.passphrase = passphrase;
    o.pbkdf2Iterations = 100000;
    return o;
}

void clearCredentialEnv()
{
    for (const char* v : {"QPILOT_IBM_API_KEY", "QPILOT_IBM_SERVICE_CRN", "QPILOT_IONQ_API_KEY", "AWS_ACCESS_KEY_ID",
                          "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "QPILOT_SECRETS", "QPILOT_SECRETS_FILE",
                          "QPILOT_SECRETS_PASSPHRASE"})
        qunsetenv(v);
}

} // namespace

class TestSecrets : public QObject {
    Q_OBJECT

private slots:
    void init() { clearCredentialEnv(); }

    void envelopeRoundTrip()
    {
        const std::string plain = "{\"ibm\":{\"apiKey\":\"" + kKey + "\"}}";
        Result<std::string> a = encryptSecrets(plain, "pw", 100000);
        QVERIFY(a.ok());
        QVERIFY(a->find(kKey) == std::string::npos);
        QCOMPARE(decryptSecrets(a.value(), "pw").value(), plain);
        // fresh salt and IV: the same plaintext encrypts differently
        Result<std::string> b = encryptSecrets(plain, "pw", 100000);
        QVERIFY(a.value() != b.value());
        QCOMPARE(decryptSecrets(b.value(), "pw").value(), plain);
        const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(a.value())).object();
        QCOMPARE(o.value("cipher").toString(), QString("aes-256-gcm"));
        QCOMPARE(QByteArray::fromBase64(o.value("iv").toString().toLatin1()).size(), 12);
        QCOMPARE(QByteArray::fromBase64(o.value("salt").toString().toLatin1()).size(), 16);
        QCOMPARE(QByteArray::fromBase64(o.value("ciphertext").toString().toLatin1()).size(), int(plain.size()));
    }

    void envelopeRejects_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("wrong passphrase") << "" << "wrong passphrase";
        QTest::newRow("tampered ciphertext") << "ciphertext" << "wrong passphrase, or the file was modified";
        QTest::newRow("tampered tag") << "tag" << "wrong passphrase, or the file was modified";
        QTest::newRow("tampered iv") << "iv" << "wrong passphrase, or the file was modified";
    }
    void envelopeRejects()
    {
        QFETCH(QString, field);
        QFETCH(QString, message);
        Result<std::string> a = encryptSecrets("{\"secret\":\"s3cr3t\"}", "pw", 100000);
        QVERIFY(a.ok());
        std::string env = a.value();
        std::string pass = "pw";
        if (field.isEmpty()) {
            pass = "pW";
        } else {
            QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(env)).object();
            QByteArray bytes = QByteArray::fromBase64(o.value(field).toString().toLatin1());
            bytes[0] = char(bytes[0] ^ 1);
            o.insert(field, QString::fromLatin1(bytes.toBase64()));
            env = QJsonDocument(o).toJson().toStdString();
        }
        Result<std::string> d = decryptSecrets(env, pass);
        QVERIFY(!d.ok());
        QVERIFY2(d.error().message.find(message.toStdString()) != std::string::npos, d.error().message.c_str());
        QVERIFY(!decryptSecrets("{}", "pw").ok());
        QVERIFY(!encryptSecrets("x", "", 100000).ok());
        QVERIFY(!encryptSecrets("x", "pw", 1000).ok());
    }

    void fileStorePerProvider()
    {
        QTemporaryDir dir;
        SecretStore store(fileOptions(dir));
        QVERIFY(!store.load(Provider::Ibm).value().has_value()); // no file yet
        Credentials ibm;
        ibm.apiKey = kKey;
        ibm.serviceCrn = kCrn;
        Credentials ionq;
        ionq.apiKey = "ionq-secret-77";
        QVERIFY(!store.save(Provider::Ibm, ibm));
        QVERIFY(!store.save(Provider::Ionq, ionq));
        QCOMPARE(store.load(Provider::Ibm).value()->apiKey, kKey);
        QCOMPARE(store.load(Provider::Ibm).value()->serviceCrn, kCrn);
        QCOMPARE(store.load(Provider::Ionq).value()->apiKey, std::string("ionq-secret-77"));
        QVERIFY(!store.load(Provider::Braket).value().has_value());
        QFile f(QString::fromStdString(store.options().filePath));
        QCOMPARE(f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(!bytes.contains(QByteArray::fromStdString(kKey)));
        QVERIFY(!bytes.contains("ionq-secret-77"));
        QVERIFY(!store.remove(Provider::Ionq));
        QVERIFY(!store.load(Provider::Ionq).value().has_value());
        QCOMPARE(store.load(Provider::Ibm).value()->apiKey, kKey);
        // another passphrase cannot read it
        SecretStore other(fileOptions(dir, "guess"));
        Result<std::optional<Credentials>> bad = other.load(Provider::Ibm);
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.find("wrong passphrase") != std::string::npos, bad.error().message.c_str());
        // incomplete credentials are refused
        Credentials half;
        half.apiKey = "k";
        QVERIFY(store.save(Provider::Ibm, half)->message.find("service CRN") != std::string::npos);
    }

    void noKeychainServiceIsAClearError()
    {
        // No D-Bus session bus: no Secret Service and no KWallet can answer.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/qpilot-test-bus");
        SecretsOptions o;
        o.keychainTimeoutSeconds = 20;
        SecretStore store(o);
        Credentials c;
        c.apiKey = "ionq-secret-77";
        const std::optional<Error> e = store.save(Provider::Ionq, c);
        QVERIFY(e);
        QVERIFY2(e->message.find("QPILOT_SECRETS=file") != std::string::npos, e->message.c_str());
        QVERIFY(e->message.find("ionq-secret-77") == std::string::npos);
        Result<std::optional<Credentials>> r = store.load(Provider::Ionq);
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.find("keychain") != std::string::npos);
    }

    void optionsFromEnvironment()
    {
        QCOMPARE(int(secretsOptionsFromEnvironment()->backend), int(SecretBackend::Keychain));
        qputenv("QPILOT_SECRETS", "file");
        qputenv("QPILOT_SECRETS_FILE", "/tmp/x.enc");
        qputenv("QPILOT_SECRETS_PASSPHRASE", "pp");
        Result<SecretsOptions> o = secretsOptionsFromEnvironment();
        QCOMPARE(int(o->backend), int(SecretBackend::File));
        QCOMPARE(o->filePath, std::string("/tmp/x.enc"));
        QCOMPARE(o->passphrase, std::string("pp"));
        qputenv("QPILOT_SECRETS", "plaintext");
        QVERIFY(secretsOptionsFromEnvironment().error().message.find("'keychain' or 'file'") != std::string::npos);
    }

    void environmentCredentialsComeFirst()
    {
        QTemporaryDir dir;
        SecretStore store(fileOptions(dir));
        Credentials stored;
        stored.accessKeyId = "AKIDSTORED";
        stored.secretAccessKey = "stored-secret";
        QVERIFY(!store.save(Provider::Braket, stored));
        QCOMPARE(resolveCredentials(Provider::Braket, store)->accessKeyId, std::string("AKIDSTORED"));
        qputenv("AWS_ACCESS_KEY_ID", "AKIDENV");
        qputenv("AWS_SECRET_ACCESS_KEY", "env-secret");
        qputenv("AWS_SESSION_TOKEN", "tok");
        Result<Credentials> c = resolveCredentials(Provider::Braket, store);
        QCOMPARE(c->accessKeyId, std::string("AKIDENV"));
        QCOMPARE(c->sessionToken, std::string("tok"));
        // nothing anywhere: the message names both ways
        Result<Credentials> none = resolveCredentials(Provider::Ionq, store);
        QVERIFY(!none.ok());
        QVERIFY(none.error().message.find("qpilot cloud login ionq") != std::string::npos);
        QVERIFY(none.error().message.find("QPILOT_IONQ_API_KEY") != std::string::npos);
        // the workbench names its own way to log in instead of the command line's
        Result<Credentials> gui = resolveCredentials(Provider::Ionq, store, "store them on the accounts page");
        QCOMPARE(gui.error().message, std::string("no IonQ credentials: store them on the accounts page or set QPILOT_IONQ_API_KEY"));
        // IBM: a stored key completed by the CRN from the environment
        Credentials ibm;
        ibm.apiKey = kKey;
        ibm.serviceCrn = kCrn;
        QVERIFY(!store.save(Provider::Ibm, ibm));
        QCOMPARE(resolveCredentials(Provider::Ibm, store)->serviceCrn, kCrn);
        qputenv("QPILOT_IBM_API_KEY", "envkey");
        qputenv("QPILOT_IBM_SERVICE_CRN", "crn:env");
        QCOMPARE(resolveCredentials(Provider::Ibm, store)->apiKey, std::string("envkey"));
    }

    void credentialsJsonRoundTrip()
    {
        Credentials c;
        c.accessKeyId = "AKID";
        c.secretAccessKey = "s";
        c.sessionToken = "t";
        const Credentials back = credentialsFromJson(credentialsToJson(c)).value();
        QCOMPARE(back.accessKeyId, c.accessKeyId);
        QCOMPARE(back.secretAccessKey, c.secretAccessKey);
        QCOMPARE(back.sessionToken, c.sessionToken);
        QVERIFY(back.apiKey.empty());
        QVERIFY(!credentialsFromJson("nope").ok());
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
