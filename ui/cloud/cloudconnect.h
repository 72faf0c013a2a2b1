// SPDX-License-Identifier: GPL-3.0-or-later
// ui/cloud/cloudconnect.h — how every cloud widget (devices view, submit dialog, jobs panel,
// accounts page) finds and reaches a provider. Endpoints: defaults < the endpoints saved on the
// Accounts tab (QSettings cloud/<provider>/api|auth|storage|region|bucket) < QPILOT_<PROVIDER>_*
// variables (cloud::resolveEndpoints). Settings are read and written on the GUI thread only; the
// resolved Endpoints go to the worker by value, where connectProvider checks them and resolves
// the credentials through core/cloud/secrets (environment, then OS keychain / encrypted file);
// errors say where to log in. No QtWidgets here.
#pragma once

#include "core/cloud/cloud.h"

#include <memory>

namespace qpilot::cloudui {

// GUI thread. The overrides saved for `provider` (only the fields endpointFields(provider) names;
// values as stored, not checked — resolve and checkEndpoints decide).
cloud::EndpointOverrides savedEndpoints(cloud::Provider provider);
// GUI thread. Stores every set, non-empty field of `overrides` and removes the others (so a
// cleared field goes back to the default). Refuses, storing nothing, when a field fails
// checkEndpointField: the error names the field.
std::optional<Error> saveEndpoints(cloud::Provider provider, const cloud::EndpointOverrides& overrides);
// GUI thread. Removes every saved endpoint of `provider`.
void resetEndpoints(cloud::Provider provider);
// GUI thread. What `provider` uses now: defaults < saved settings < environment.
cloud::ResolvedEndpoints endpointsInUse(cloud::Provider provider);

// Any thread (a worker). A provider client for `endpoints` speaking through `transport` (which
// must outlive it). Invalid endpoints: "IonQ: API endpoint: refusing plain http:// …". Missing or
// unreadable credentials: "no IonQ credentials: store them on Cloud ▸ Accounts or set QPILOT_IONQ_API_KEY"
// (or why the keychain could not be read).
Result<std::unique_ptr<cloud::ProviderClient>> connectProvider(cloud::Provider provider, const cloud::Endpoints& endpoints,
                                                               cloud::HttpTransport& transport);

} // namespace qpilot::cloudui
