// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/providers.h — the three provider clients behind cloud::makeClient (cloud.h): IBM
// Quantum Platform (ibm.cpp), Amazon Braket (braket.cpp, signing in sigv4.h) and IonQ (ionq.cpp).
// Callers use makeClient; these are declared apart so each client lives in its own file.
#pragma once

#include "core/cloud/cloud.h"

namespace qpilot::cloud {

std::unique_ptr<ProviderClient> makeIbmClient(const Endpoints& endpoints, const Credentials& credentials,
                                              HttpTransport& transport);
std::unique_ptr<ProviderClient> makeBraketClient(const Endpoints& endpoints, const Credentials& credentials,
                                                 HttpTransport& transport);
std::unique_ptr<ProviderClient> makeIonqClient(const Endpoints& endpoints, const Credentials& credentials,
                                               HttpTransport& transport);

} // namespace qpilot::cloud
