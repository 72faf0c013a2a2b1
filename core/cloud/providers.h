// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/providers.h — the three provider clients behind cloud::makeClient (cloud.h): IBM
// Quantum Platform (ibm.cpp), Amazon Braket (braket.cpp, signing in sigv4.h) and IonQ (ionq.cpp).
// Callers use makeClient; these are declared apart so each client lives in its own file.
#pragma once

#include "core/cloud/cloud.h"

#include <QDateTime>

#include <functional>

namespace qpilot::cloud {

std::unique_ptr<ProviderClient> makeIbmClient(const Endpoints& endpoints, const Credentials& credentials,
                                              HttpTransport& transport);
std::unique_ptr<ProviderClient> makeBraketClient(const Endpoints& endpoints, const Credentials& credentials,
                                                 HttpTransport& transport);
// Amazon Braket client settings beyond Endpoints (makeBraketClient above uses the defaults).
struct BraketOptions {
    std::string keyPrefix = "qpilot-tasks";           // outputS3KeyPrefix under Endpoints::bucket
    // Address qubits as physical `$n` and set disableQubitRewiring (keeps the transpiler's layout on
    // QPUs); false: a `qubit[n] q;` register Braket may rewire (works on every device and simulator).
    bool physicalQubits = false;
    std::function<QDateTime()> clock;                 // signing time (UTC); empty: the system clock
};
std::unique_ptr<ProviderClient> makeBraketClient(const Endpoints& endpoints, const Credentials& credentials,
                                                 HttpTransport& transport, const BraketOptions& options);
std::unique_ptr<ProviderClient> makeIonqClient(const Endpoints& endpoints, const Credentials& credentials,
                                               HttpTransport& transport);

} // namespace qpilot::cloud
