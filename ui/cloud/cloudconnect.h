// SPDX-License-Identifier: GPL-3.0-or-later
// ui/cloud/cloudconnect.h — how every cloud widget (devices view, submit dialog, jobs panel)
// reaches a provider from a worker thread: endpoints from endpointsFromEnvironment (what the
// accounts page shows), credentials through core/cloud/secrets' resolveCredentials (environment,
// then OS keychain / encrypted file); errors say where to log in. No QtWidgets here.
#pragma once

#include "core/cloud/cloud.h"

#include <memory>

namespace qpilot::cloudui {

// A provider client speaking through `transport` (which must outlive it). Missing or unreadable
// credentials: "IonQ: log in on the Accounts tab or set QPILOT_IONQ_API_KEY — <details>".
Result<std::unique_ptr<cloud::ProviderClient>> connectProvider(cloud::Provider provider, cloud::HttpTransport& transport);

} // namespace qpilot::cloudui
