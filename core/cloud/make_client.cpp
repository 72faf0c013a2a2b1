// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/make_client.cpp — cloud::makeClient: the one place that dispatches to the three
// provider clients (providers.h). Kept in its own file so the provider-neutral core links alone.
#include "core/cloud/providers.h"

namespace qpilot::cloud {

Result<std::unique_ptr<ProviderClient>> makeClient(Provider provider, const Endpoints& endpoints,
                                                   const Credentials& credentials, HttpTransport& transport)
{
    if (std::optional<Error> bad = checkEndpoints(endpoints))
        return Error(std::string(providerTitle(provider)) + ": " + bad->message);
    switch (provider) {
    case Provider::Ibm:
        if (credentials.apiKey.empty())
            return Error("IBM Quantum Platform: no API key; run `qpilot cloud login ibm` or set QPILOT_IBM_API_KEY");
        if (credentials.serviceCrn.empty())
            return Error("IBM Quantum Platform: no service CRN; run `qpilot cloud login ibm` or set QPILOT_IBM_SERVICE_CRN");
        return makeIbmClient(endpoints, credentials, transport);
    case Provider::Braket:
        if (credentials.accessKeyId.empty() || credentials.secretAccessKey.empty())
            return Error("Amazon Braket: no AWS credentials; run `qpilot cloud login braket` or set AWS_ACCESS_KEY_ID and "
                         "AWS_SECRET_ACCESS_KEY");
        return makeBraketClient(endpoints, credentials, transport);
    case Provider::Ionq:
        if (credentials.apiKey.empty())
            return Error("IonQ: no API key; run `qpilot cloud login ionq` or set QPILOT_IONQ_API_KEY");
        return makeIonqClient(endpoints, credentials, transport);
    }
    return Error("unknown cloud provider");
}

} // namespace qpilot::cloud
