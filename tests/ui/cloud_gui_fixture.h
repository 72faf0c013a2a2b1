// SPDX-License-Identifier: GPL-3.0-or-later
// tests/ui/cloud_gui_fixture.h — the cloud GUI tests' fixture: one provider's loopback fake
// (tests/support/cloud) started and exported to this process's environment the way a user's
// shell would (QPILOT_<PROVIDER>_ENDPOINT…, credentials), so the widgets reach it through the same
// endpointsFromEnvironment / resolveCredentials path as in the app. Every variable it sets is
// restored (or removed) when it goes away; the keychain is replaced by an empty encrypted file so
// a developer's stored credentials never leak into a test. Without exportEnvironment() the fake's
// endpoints are not set anywhere (the accounts page tests save them as settings instead).
#pragma once

#include "support/cloud/fake_braket.h"
#include "support/cloud/fake_providers.h"

#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <map>
#include <memory>
#include <optional>

namespace qpilot::test {

class CloudGuiFixture {
public:
    explicit CloudGuiFixture(cloud::Provider provider, FakeBraketConfig braketConfig = {}) : m_provider(provider)
    {
        // nothing from the developer's shell or keychain
        for (const char* v : {"QPILOT_IBM_API_KEY", "QPILOT_IBM_SERVICE_CRN", "QPILOT_IONQ_API_KEY", "AWS_ACCESS_KEY_ID",
                              "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "QPILOT_CLOUD_BUDGET", "QPILOT_IBM_ENDPOINT",
                              "QPILOT_IBM_AUTH_ENDPOINT", "QPILOT_IONQ_ENDPOINT", "QPILOT_BRAKET_ENDPOINT",
                              "QPILOT_BRAKET_STORAGE_ENDPOINT", "QPILOT_BRAKET_REGION", "QPILOT_BRAKET_BUCKET"})
            unset(v);
        set("QPILOT_SECRETS", "file");
        set("QPILOT_SECRETS_FILE", m_dir.filePath("no-secrets.enc").toUtf8());
        set("QPILOT_SECRETS_PASSPHRASE", "qpilot-test");
        switch (provider) {
        case cloud::Provider::Ibm:
            m_ibm = startFakeIbm();
            break;
        case cloud::Provider::Braket:
            m_braket = startFakeBraket(std::move(braketConfig));
            break;
        case cloud::Provider::Ionq:
            m_ionq = startFakeIonq();
            break;
        }
    }
    ~CloudGuiFixture()
    {
        for (const auto& [name, old] : m_saved) {
            if (old)
                qputenv(name.c_str(), *old);
            else
                qunsetenv(name.c_str());
        }
    }
    CloudGuiFixture(const CloudGuiFixture&) = delete;
    CloudGuiFixture& operator=(const CloudGuiFixture&) = delete;

    bool started() const { return m_ibm || m_braket || m_ionq; }
    cloud::Provider provider() const { return m_provider; }
    QString databasePath() const { return m_dir.filePath("runs.sqlite"); }
    FakeHttpServer& server()
    {
        return m_ibm ? m_ibm->server() : m_braket ? m_braket->server() : m_ionq->server();
    }
    int jobsCreated() const
    {
        return m_ibm ? m_ibm->jobsCreated() : m_braket ? m_braket->createdTaskCount() : m_ionq->jobsCreated();
    }
    FakeIbm* ibm() const { return m_ibm.get(); }
    FakeBraket* braket() const { return m_braket.get(); }
    FakeIonq* ionq() const { return m_ionq.get(); }

    // Exports the fake's endpoints; with `withCredentials`, also the secrets it accepts.
    void exportEnvironment(bool withCredentials = true)
    {
        QProcessEnvironment env;
        if (m_ibm)
            addFakeIbmEnvironment(*m_ibm, env);
        if (m_braket)
            addFakeBraketEnvironment(*m_braket, env);
        if (m_ionq)
            addFakeIonqEnvironment(*m_ionq, env);
        for (const QString& k : env.keys()) {
            const bool secret = k.contains(QLatin1String("API_KEY")) || k.contains(QLatin1String("SERVICE_CRN")) || k.startsWith(QLatin1String("AWS_"));
            if (withCredentials || !secret)
                set(k.toUtf8().constData(), env.value(k).toUtf8());
        }
    }

private:
    void remember(const char* name)
    {
        if (!m_saved.count(name))
            m_saved[name] = qEnvironmentVariableIsSet(name) ? std::optional<QByteArray>(qgetenv(name)) : std::nullopt;
    }
    void set(const char* name, const QByteArray& value)
    {
        remember(name);
        qputenv(name, value);
    }
    void unset(const char* name)
    {
        remember(name);
        qunsetenv(name);
    }

    cloud::Provider m_provider;
    QTemporaryDir m_dir;
    std::unique_ptr<FakeIbm> m_ibm;
    std::unique_ptr<FakeBraket> m_braket;
    std::unique_ptr<FakeIonq> m_ionq;
    std::map<std::string, std::optional<QByteArray>> m_saved;
};

} // namespace qpilot::test
