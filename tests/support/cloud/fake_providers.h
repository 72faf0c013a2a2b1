// SPDX-License-Identifier: GPL-3.0-or-later
// tests/support/cloud/fake_providers.h — one include to start the provider fakes from any test
// (the client tests and the CLI end-to-end tests): each returns a started fake on 127.0.0.1, or
// nullptr when no port could be bound. The fake's endpoints() and credentials() say where it
// listens and which secrets it accepts; environment() gives the same as variables for a qpilot
// child process.
#pragma once

#include "support/cloud/fake_ibm.h"
#include "support/cloud/fake_ionq.h"

#include <QProcessEnvironment>

#include <memory>

namespace qpilot::test {

inline std::unique_ptr<FakeIbm> startFakeIbm(FakeIbmOptions options = {})
{
    auto fake = std::make_unique<FakeIbm>(std::move(options));
    if (!fake->start())
        return nullptr;
    return fake;
}

inline std::unique_ptr<FakeIonq> startFakeIonq(FakeIonqOptions options = {})
{
    auto fake = std::make_unique<FakeIonq>(std::move(options));
    if (!fake->start())
        return nullptr;
    return fake;
}

// Variables for a qpilot child process (QPILOT_<PROVIDER>_ENDPOINT per cloud.h; the IAM URL and
// the secrets under the names make_client.cpp's messages use). Adjust here if the CLI's names differ.
inline void addFakeIbmEnvironment(const FakeIbm& fake, QProcessEnvironment& env)
{
    env.insert(QStringLiteral("QPILOT_IBM_ENDPOINT"), QString::fromStdString(fake.endpoints().api));
    env.insert(QStringLiteral("QPILOT_IBM_AUTH_ENDPOINT"), QString::fromStdString(fake.endpoints().auth));
    env.insert(QStringLiteral("QPILOT_IBM_API_KEY"), QString::fromStdString(fake.credentials().apiKey));
    env.insert(QStringLiteral("QPILOT_IBM_SERVICE_CRN"), QString::fromStdString(fake.credentials().serviceCrn));
}

inline void addFakeIonqEnvironment(const FakeIonq& fake, QProcessEnvironment& env)
{
    env.insert(QStringLiteral("QPILOT_IONQ_ENDPOINT"), QString::fromStdString(fake.endpoints().api));
    env.insert(QStringLiteral("QPILOT_IONQ_API_KEY"), QString::fromStdString(fake.credentials().apiKey));
}

} // namespace qpilot::test
