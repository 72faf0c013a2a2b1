// SPDX-License-Identifier: GPL-3.0-or-later
// ui/cloud/cloudconnect.cpp — connectProvider (see cloudconnect.h).
#include "ui/cloud/cloudconnect.h"

#include "core/cloud/secrets.h"

namespace qpilot::cloudui {

using namespace qpilot::cloud;

Result<std::unique_ptr<ProviderClient>> connectProvider(Provider p, HttpTransport& transport)
{
    const Endpoints e = endpointsFromEnvironment(p);
    if (std::optional<Error> bad = checkEndpoints(e))
        return Error(std::string(providerTitle(p)) + ": " + bad->message);
    Result<SecretsOptions> so = secretsOptionsFromEnvironment();
    if (!so)
        return so.error();
    const SecretStore secrets(so.value());
    Result<Credentials> c = resolveCredentials(p, secrets);
    if (!c)
        return Error(std::string(providerTitle(p)) + ": log in on the Accounts tab or set " + credentialVariables(p) + " — "
                     + c.error().message);
    return makeClient(p, e, c.value(), transport);
}

} // namespace qpilot::cloudui
