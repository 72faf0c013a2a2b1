// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/providers.h — the three provider clients behind cloud::makeClient (cloud.h): IBM
// Quantum Platform (ibm.cpp), Amazon Braket (braket.cpp, signing in sigv4.h) and IonQ (ionq.cpp).
// Callers use makeClient; these are declared apart so each client lives in its own file.
#pragma once

#include "core/cloud/cloud.h"
#include "core/device/calibration.h"

#include <cstdint>
#include <functional>

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

// --- IBM Quantum Platform extras (ibm.cpp) ----------------------------------------------------

struct IbmClientOptions {
    // The clock used to refresh the IAM token before it expires (UTC seconds); empty: the system
    // clock. Tests move it forward to check the refresh without sleeping.
    std::function<std::int64_t()> nowUtcSecs;
    // Jobs listed per page when looking a client token up (GET /jobs?tags=…&limit=).
    int listLimit = 50;
};

// The IBM client with the calls that go beyond ProviderClient. makeIbmClient returns the same.
class IbmPlatformClient : public ProviderClient {
public:
    // Raw JSON of GET /backends/{name}/properties and /configuration.
    virtual Result<std::string> backendProperties(const std::string& backend) = 0;
    virtual Result<std::string> backendConfiguration(const std::string& backend) = 0;
    // Both replies through core/device's calibration importer: a profile ready for
    // saveCalibrationSnapshot (a Qpilot calibration snapshot of the backend).
    virtual Result<CalibrationImport> calibration(const std::string& backend) = 0;
    // Pending jobs on the backend (GET /backends/{name}/status `length_queue`).
    virtual Result<int> queueLength(const std::string& backend) = 0;
    // Billed quantum seconds of a job (GET /jobs/{id}/metrics `usage`), nullopt before it ran.
    virtual Result<std::optional<double>> usageSeconds(const std::string& providerJobId) = 0;
    // IAM token exchanges made so far (tests check refresh).
    virtual int tokenExchanges() const = 0;
};
// The Qiskit Runtime API URL for an instance CRN (reference §1.1: the region is the CRN's 6th
// ':'-field; us-east → https://quantum.cloud.ibm.com/api/v1, other regions →
// https://<region>.quantum.cloud.ibm.com/api/v1); the us-east URL when the CRN has no region.
// The IBM client uses it when Endpoints::api is empty.
std::string ibmApiUrlForCrn(const std::string& serviceCrn);
std::unique_ptr<IbmPlatformClient> makeIbmPlatformClient(const Endpoints& endpoints, const Credentials& credentials,
                                                         HttpTransport& transport, IbmClientOptions options = {});

// --- IonQ extras (ionq.cpp) ------------------------------------------------------------------

struct IonqClientOptions {
    // Submit OpenQASM 3 (`ionq.qasm3.v1`) instead of IonQ circuit JSON (`ionq.circuit.v1`, the default).
    bool qasm3 = false;
    // Error mitigation (debiasing) on QPUs; off by default so counts stay raw.
    bool debiasing = false;
    int listLimit = 50;                               // jobs per page in findByClientToken
    int listPages = 10;                               // pages searched at most
};
std::unique_ptr<ProviderClient> makeIonqClient(const Endpoints& endpoints, const Credentials& credentials,
                                               HttpTransport& transport, IonqClientOptions options);

} // namespace qpilot::cloud
