// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/secrets.cpp — credentials in the OS keychain (QtKeychain jobs, each awaited in a
// local event loop with a timeout), in the opt-in encrypted file (OpenSSL AES-256-GCM with a
// PBKDF2-HMAC-SHA256 key; written atomically with mode 0600), or in environment variables.
#include "core/cloud/secrets.h"
#include "core/common/paths.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cstring>
#include <memory>

namespace qpilot::cloud {

namespace {

const QString kKeychainService = QStringLiteral("qpilot");

QString keychainKey(Provider p)
{
    return QStringLiteral("cloud/") + QString::fromLatin1(providerKey(p));
}

std::string env(const char* name)
{
    return qEnvironmentVariable(name).toStdString();
}

// Overwrites a secret's bytes before the buffer is released.
void wipe(std::string& s)
{
    volatile char* p = s.data();
    for (std::size_t i = 0; i < s.size(); ++i)
        p[i] = 0;
    s.clear();
}

} // namespace

std::string defaultSecretsFile() { return userDataPath("secrets.enc"); }

Result<SecretsOptions> secretsOptionsFromEnvironment()
{
    SecretsOptions o;
    const std::string backend = env("QPILOT_SECRETS");
    if (backend == "file")
        o.backend = SecretBackend::File;
    else if (backend.empty() || backend == "keychain")
        o.backend = SecretBackend::Keychain;
    else
        return Error("QPILOT_SECRETS='" + backend + "' is not a secrets backend (use 'keychain' or 'file')");
    o.filePath = env("QPILOT_SECRETS_FILE");
    if (o.filePath.empty())
        o.filePath = defaultSecretsFile();
    o.passphrase = env("QPILOT_SECRETS_PASSPHRASE");
    return o;
}

Credentials credentialsFromEnvironment(Provider provider)
{
    Credentials c;
    switch (provider) {
    case Provider::Ibm:
        c.apiKey = env("QPILOT_IBM_API_KEY");
        c.serviceCrn = env("QPILOT_IBM_SERVICE_CRN");
        break;
    case Provider::Ionq:
        c.apiKey = env("QPILOT_IONQ_API_KEY");
        break;
    case Provider::Braket:
        c.accessKeyId = env("AWS_ACCESS_KEY_ID");
        c.secretAccessKey = env("AWS_SECRET_ACCESS_KEY");
        c.sessionToken = env("AWS_SESSION_TOKEN");
        break;
    }
    return c;
}

std::string credentialVariables(Provider provider)
{
    switch (provider) {
    case Provider::Ibm: return "QPILOT_IBM_API_KEY and QPILOT_IBM_SERVICE_CRN";
    case Provider::Ionq: return "QPILOT_IONQ_API_KEY";
    case Provider::Braket: return "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials)";
    }
    return {};
}

std::optional<Error> checkCredentials(Provider provider, const Credentials& c)
{
    switch (provider) {
    case Provider::Ibm:
        if (c.apiKey.empty() || c.serviceCrn.empty())
            return Error("IBM Quantum Platform needs an API key and a service CRN");
        break;
    case Provider::Ionq:
        if (c.apiKey.empty())
            return Error("IonQ needs an API key");
        break;
    case Provider::Braket:
        if (c.accessKeyId.empty() || c.secretAccessKey.empty())
            return Error("Amazon Braket needs an AWS access key id and secret access key");
        break;
    }
    return std::nullopt;
}

std::string credentialsToJson(const Credentials& c)
{
    QJsonObject o;
    auto put = [&](const char* k, const std::string& v) {
        if (!v.empty())
            o.insert(QLatin1String(k), QString::fromStdString(v));
    };
    put("apiKey", c.apiKey);
    put("serviceCrn", c.serviceCrn);
    put("accessKeyId", c.accessKeyId);
    put("secretAccessKey", c.secretAccessKey);
    put("sessionToken", c.sessionToken);
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

Result<Credentials> credentialsFromJson(const std::string& json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(json));
    if (!doc.isObject())
        return Error("stored credentials are not a JSON object (damaged entry; log in again)");
    const QJsonObject o = doc.object();
    Credentials c;
    c.apiKey = o.value(QLatin1String("apiKey")).toString().toStdString();
    c.serviceCrn = o.value(QLatin1String("serviceCrn")).toString().toStdString();
    c.accessKeyId = o.value(QLatin1String("accessKeyId")).toString().toStdString();
    c.secretAccessKey = o.value(QLatin1String("secretAccessKey")).toString().toStdString();
    c.sessionToken = o.value(QLatin1String("sessionToken")).toString().toStdString();
    return c;
}

// ---------------------------------------------------------------------------------------------
// Encrypted file

namespace {

struct CipherCtx {
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    ~CipherCtx() { EVP_CIPHER_CTX_free(ctx); }
};

constexpr int kKeyBytes = 32, kIvBytes = 12, kSaltBytes = 16, kTagBytes = 16;

bool deriveKey(const std::string& passphrase, const QByteArray& salt, int iterations, unsigned char* key)
{
    return PKCS5_PBKDF2_HMAC(passphrase.data(), static_cast<int>(passphrase.size()),
                             reinterpret_cast<const unsigned char*>(salt.constData()), static_cast<int>(salt.size()), iterations,
                             EVP_sha256(), kKeyBytes, key)
           == 1;
}

const char* kAad = "qpilot-secrets-v1";

} // namespace

Result<std::string> encryptSecrets(const std::string& plaintext, const std::string& passphrase, int iterations)
{
    if (passphrase.empty())
        return Error("the encrypted secrets file needs a passphrase (QPILOT_SECRETS_PASSPHRASE)");
    if (iterations < 100000)
        return Error("PBKDF2 iterations must be at least 100000");
    QByteArray salt(kSaltBytes, '\0'), iv(kIvBytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(salt.data()), kSaltBytes) != 1
        || RAND_bytes(reinterpret_cast<unsigned char*>(iv.data()), kIvBytes) != 1)
        return Error("cannot draw random bytes for the secrets file (OpenSSL RAND_bytes failed)");
    unsigned char key[kKeyBytes];
    if (!deriveKey(passphrase, salt, iterations, key))
        return Error("key derivation failed (OpenSSL PBKDF2)");
    CipherCtx c;
    QByteArray out(static_cast<int>(plaintext.size()) + 16, '\0');
    QByteArray tag(kTagBytes, '\0');
    int len = 0, total = 0;
    bool ok = c.ctx && EVP_EncryptInit_ex(c.ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
              && EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_SET_IVLEN, kIvBytes, nullptr) == 1
              && EVP_EncryptInit_ex(c.ctx, nullptr, nullptr, key, reinterpret_cast<const unsigned char*>(iv.constData())) == 1
              && EVP_EncryptUpdate(c.ctx, nullptr, &len, reinterpret_cast<const unsigned char*>(kAad), int(std::strlen(kAad))) == 1
              && EVP_EncryptUpdate(c.ctx, reinterpret_cast<unsigned char*>(out.data()), &len,
                                   reinterpret_cast<const unsigned char*>(plaintext.data()), static_cast<int>(plaintext.size()))
                     == 1;
    total = len;
    ok = ok && EVP_EncryptFinal_ex(c.ctx, reinterpret_cast<unsigned char*>(out.data()) + total, &len) == 1;
    total += len;
    ok = ok && EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_GET_TAG, kTagBytes, tag.data()) == 1;
    OPENSSL_cleanse(key, sizeof key);
    if (!ok)
        return Error("encrypting the secrets failed (OpenSSL AES-256-GCM)");
    out.truncate(total);
    QJsonObject env{{QStringLiteral("format"), QStringLiteral("qpilot-secrets")},
                    {QStringLiteral("version"), 1},
                    {QStringLiteral("cipher"), QStringLiteral("aes-256-gcm")},
                    {QStringLiteral("kdf"), QStringLiteral("pbkdf2-hmac-sha256")},
                    {QStringLiteral("iterations"), iterations},
                    {QStringLiteral("salt"), QString::fromLatin1(salt.toBase64())},
                    {QStringLiteral("iv"), QString::fromLatin1(iv.toBase64())},
                    {QStringLiteral("tag"), QString::fromLatin1(tag.toBase64())},
                    {QStringLiteral("ciphertext"), QString::fromLatin1(out.toBase64())}};
    return QJsonDocument(env).toJson(QJsonDocument::Indented).toStdString();
}

Result<std::string> decryptSecrets(const std::string& envelope, const std::string& passphrase)
{
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(envelope));
    const QJsonObject o = doc.object();
    if (!doc.isObject() || o.value(QLatin1String("format")).toString() != QLatin1String("qpilot-secrets"))
        return Error("not a Qpilot secrets file");
    if (o.value(QLatin1String("version")).toInt() != 1 || o.value(QLatin1String("cipher")).toString() != QLatin1String("aes-256-gcm")
        || o.value(QLatin1String("kdf")).toString() != QLatin1String("pbkdf2-hmac-sha256"))
        return Error("unsupported secrets file version, cipher or key derivation");
    if (passphrase.empty())
        return Error("the encrypted secrets file needs a passphrase (QPILOT_SECRETS_PASSPHRASE)");
    const int iterations = o.value(QLatin1String("iterations")).toInt();
    const QByteArray salt = QByteArray::fromBase64(o.value(QLatin1String("salt")).toString().toLatin1());
    const QByteArray iv = QByteArray::fromBase64(o.value(QLatin1String("iv")).toString().toLatin1());
    QByteArray tag = QByteArray::fromBase64(o.value(QLatin1String("tag")).toString().toLatin1());
    const QByteArray ct = QByteArray::fromBase64(o.value(QLatin1String("ciphertext")).toString().toLatin1());
    if (iterations < 100000 || salt.size() != kSaltBytes || iv.size() != kIvBytes || tag.size() != kTagBytes)
        return Error("the secrets file is damaged (bad salt, IV, tag or iteration count)");
    unsigned char key[kKeyBytes];
    if (!deriveKey(passphrase, salt, iterations, key))
        return Error("key derivation failed (OpenSSL PBKDF2)");
    CipherCtx c;
    std::string out(static_cast<std::size_t>(ct.size()) + 16, '\0');
    int len = 0, total = 0;
    bool ok = c.ctx && EVP_DecryptInit_ex(c.ctx, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1
              && EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_SET_IVLEN, kIvBytes, nullptr) == 1
              && EVP_DecryptInit_ex(c.ctx, nullptr, nullptr, key, reinterpret_cast<const unsigned char*>(iv.constData())) == 1
              && EVP_DecryptUpdate(c.ctx, nullptr, &len, reinterpret_cast<const unsigned char*>(kAad), int(std::strlen(kAad))) == 1
              && EVP_DecryptUpdate(c.ctx, reinterpret_cast<unsigned char*>(out.data()), &len,
                                   reinterpret_cast<const unsigned char*>(ct.constData()), static_cast<int>(ct.size()))
                     == 1;
    total = len;
    ok = ok && EVP_CIPHER_CTX_ctrl(c.ctx, EVP_CTRL_GCM_SET_TAG, kTagBytes, tag.data()) == 1;
    // The tag check: a wrong passphrase and any tampering both fail here.
    ok = ok && EVP_DecryptFinal_ex(c.ctx, reinterpret_cast<unsigned char*>(out.data()) + total, &len) == 1;
    OPENSSL_cleanse(key, sizeof key);
    if (!ok) {
        wipe(out);
        return Error("cannot decrypt the secrets file: wrong passphrase, or the file was modified");
    }
    out.resize(static_cast<std::size_t>(total + len));
    return out;
}

namespace {

// The whole file: {"ibm": {...}, "ionq": {...}} in plaintext after decryption.
Result<QJsonObject> readSecretsFile(const SecretsOptions& o)
{
    QFile f(QString::fromStdString(o.filePath));
    if (!f.exists())
        return QJsonObject();
    if (!f.open(QIODevice::ReadOnly))
        return Error(o.filePath + ": cannot read the secrets file: " + f.errorString().toStdString());
    Result<std::string> plain = decryptSecrets(f.readAll().toStdString(), o.passphrase);
    if (!plain)
        return Error(o.filePath + ": " + plain.error().message);
    std::string text = std::move(plain).value();
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text));
    wipe(text);
    if (!doc.isObject())
        return Error(o.filePath + ": the decrypted secrets are not a JSON object");
    return doc.object();
}

std::optional<Error> writeSecretsFile(const SecretsOptions& o, const QJsonObject& all)
{
    std::string plain = QJsonDocument(all).toJson(QJsonDocument::Compact).toStdString();
    Result<std::string> env = encryptSecrets(plain, o.passphrase, o.pbkdf2Iterations);
    wipe(plain);
    if (!env)
        return Error(o.filePath + ": " + env.error().message);
    const QString path = QString::fromStdString(o.filePath);
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error(o.filePath + ": cannot create the folder for the secrets file");
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return Error(o.filePath + ": cannot write the secrets file: " + f.errorString().toStdString());
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    f.write(QByteArray::fromStdString(env.value()));
    if (!f.commit())
        return Error(o.filePath + ": cannot write the secrets file: " + f.errorString().toStdString());
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Keychain

std::string noKeychainHelp()
{
    return "; no usable OS keychain (Secret Service/KWallet) here: run a keychain service, or opt in to the encrypted "
           "file with QPILOT_SECRETS=file and QPILOT_SECRETS_PASSPHRASE";
}

// Runs a QtKeychain job to completion (or the timeout).
template <class Job>
std::optional<Error> runJob(Job& job, double timeoutSeconds, const std::string& what)
{
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    job.setAutoDelete(false);
    timer.start(static_cast<int>(timeoutSeconds * 1000));
    job.start();
    loop.exec();
    if (timedOut)
        return Error(what + ": the OS keychain did not answer within " + std::to_string(static_cast<int>(timeoutSeconds)) + " s"
                     + noKeychainHelp());
    if (job.error() == QKeychain::NoError)
        return std::nullopt;
    const std::string detail = job.errorString().toStdString();
    if (job.error() == QKeychain::NoBackendAvailable || job.error() == QKeychain::NotImplemented
        || job.error() == QKeychain::OtherError)
        return Error(what + ": " + detail + noKeychainHelp());
    if (job.error() == QKeychain::AccessDeniedByUser || job.error() == QKeychain::AccessDenied)
        return Error(what + ": access to the OS keychain was denied (" + detail + ")");
    return Error(what + ": " + detail);
}

} // namespace

SecretStore::SecretStore(SecretsOptions options) : m_options(std::move(options))
{
    if (m_options.filePath.empty())
        m_options.filePath = defaultSecretsFile();
}

std::string SecretStore::describe() const
{
    return m_options.backend == SecretBackend::Keychain ? std::string("the OS keychain")
                                                        : "the encrypted file " + m_options.filePath;
}

Result<std::optional<Credentials>> SecretStore::load(Provider provider) const
{
    const std::string what = std::string("reading the ") + providerTitle(provider) + " credentials from " + describe();
    if (m_options.backend == SecretBackend::File) {
        Result<QJsonObject> all = readSecretsFile(m_options);
        if (!all)
            return Error(what + ": " + all.error().message);
        const QJsonValue v = all->value(QString::fromLatin1(providerKey(provider)));
        if (!v.isObject())
            return std::optional<Credentials>();
        Result<Credentials> c = credentialsFromJson(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact).toStdString());
        if (!c)
            return Error(what + ": " + c.error().message);
        return std::optional<Credentials>(c.value());
    }
    QKeychain::ReadPasswordJob job(kKeychainService);
    job.setKey(keychainKey(provider));
    if (std::optional<Error> e = runJob(job, m_options.keychainTimeoutSeconds, what)) {
        if (job.error() == QKeychain::EntryNotFound)
            return std::optional<Credentials>();
        return *e;
    }
    std::string json = job.textData().toStdString();
    Result<Credentials> c = credentialsFromJson(json);
    wipe(json);
    if (!c)
        return Error(what + ": " + c.error().message);
    return std::optional<Credentials>(c.value());
}

std::optional<Error> SecretStore::save(Provider provider, const Credentials& credentials)
{
    const std::string what = std::string("storing the ") + providerTitle(provider) + " credentials in " + describe();
    if (std::optional<Error> bad = checkCredentials(provider, credentials))
        return Error(what + ": " + bad->message);
    std::string json = credentialsToJson(credentials);
    if (m_options.backend == SecretBackend::File) {
        Result<QJsonObject> all = readSecretsFile(m_options);
        if (!all) {
            wipe(json);
            return Error(what + ": " + all.error().message);
        }
        QJsonObject updated = all.value();
        updated.insert(QString::fromLatin1(providerKey(provider)), QJsonDocument::fromJson(QByteArray::fromStdString(json)).object());
        wipe(json);
        if (std::optional<Error> e = writeSecretsFile(m_options, updated))
            return Error(what + ": " + e->message);
        return std::nullopt;
    }
    QKeychain::WritePasswordJob job(kKeychainService);
    job.setKey(keychainKey(provider));
    job.setTextData(QString::fromStdString(json));
    wipe(json);
    return runJob(job, m_options.keychainTimeoutSeconds, what);
}

std::optional<Error> SecretStore::remove(Provider provider)
{
    const std::string what = std::string("removing the ") + providerTitle(provider) + " credentials from " + describe();
    if (m_options.backend == SecretBackend::File) {
        if (!QFile::exists(QString::fromStdString(m_options.filePath)))
            return std::nullopt;
        Result<QJsonObject> all = readSecretsFile(m_options);
        if (!all)
            return Error(what + ": " + all.error().message);
        QJsonObject updated = all.value();
        updated.remove(QString::fromLatin1(providerKey(provider)));
        if (std::optional<Error> e = writeSecretsFile(m_options, updated))
            return Error(what + ": " + e->message);
        return std::nullopt;
    }
    QKeychain::DeletePasswordJob job(kKeychainService);
    job.setKey(keychainKey(provider));
    std::optional<Error> e = runJob(job, m_options.keychainTimeoutSeconds, what);
    if (e && job.error() == QKeychain::EntryNotFound)
        return std::nullopt;
    return e;
}

Result<Credentials> resolveCredentials(Provider provider, const SecretStore& store, const std::string& howToLogIn)
{
    const Credentials fromEnv = credentialsFromEnvironment(provider);
    if (!checkCredentials(provider, fromEnv))
        return fromEnv;
    Result<std::optional<Credentials>> stored = store.load(provider);
    if (!stored)
        return Error(stored.error().message + "; or set " + credentialVariables(provider) + " for this run");
    const std::string logIn = howToLogIn.empty() ? "run `qpilot cloud login " + std::string(providerKey(provider)) + "`" : howToLogIn;
    if (!stored.value())
        return Error(std::string("no ") + providerTitle(provider) + " credentials: " + logIn + " or set " + credentialVariables(provider));
    Credentials c = *stored.value();
    // An IBM CRN from the environment may complete a stored key (the CRN is not a secret).
    if (provider == Provider::Ibm && c.serviceCrn.empty())
        c.serviceCrn = fromEnv.serviceCrn;
    if (std::optional<Error> bad = checkCredentials(provider, c))
        return Error(bad->message + " (stored in " + store.describe() + "); " + logIn);
    return c;
}

} // namespace qpilot::cloud
