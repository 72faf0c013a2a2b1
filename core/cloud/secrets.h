// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/secrets.h — where provider credentials live: the OS keychain (QtKeychain: Secret
// Service / KWallet, macOS Keychain, Windows Credential Manager), or — opt-in, for machines
// without a keychain service — an encrypted file (AES-256-GCM, key from the passphrase with
// PBKDF2-HMAC-SHA256, file mode 0600); and environment variables for pipelines. Credentials are
// never written anywhere else (store, settings, logs, reports).
//
// Environment: QPILOT_SECRETS=keychain|file (default keychain), QPILOT_SECRETS_FILE (default
// <app data>/secrets.enc), QPILOT_SECRETS_PASSPHRASE; credentials QPILOT_IBM_API_KEY,
// QPILOT_IBM_SERVICE_CRN, QPILOT_IONQ_API_KEY, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
// AWS_SESSION_TOKEN.
#pragma once

#include "core/cloud/cloud.h"

#include <optional>
#include <string>

namespace qpilot::cloud {

enum class SecretBackend { Keychain, File };

struct SecretsOptions {
    SecretBackend backend = SecretBackend::Keychain;
    std::string filePath;                             // File backend
    std::string passphrase;                           // File backend; empty: an error asks for one
    double keychainTimeoutSeconds = 15;               // a keychain that never answers is an error
    int pbkdf2Iterations = 600000;                    // for new files (OWASP 2023 for PBKDF2-SHA256)
};

// The options from QPILOT_SECRETS, QPILOT_SECRETS_FILE and QPILOT_SECRETS_PASSPHRASE. Error for
// an unknown QPILOT_SECRETS value.
Result<SecretsOptions> secretsOptionsFromEnvironment();
// <app data>/secrets.enc (QStandardPaths::AppDataLocation, or $QPILOT_DATA_DIR).
std::string defaultSecretsFile();

// Credentials from the environment variables above ("" fields when unset).
Credentials credentialsFromEnvironment(Provider provider);
// The names of the variables a provider reads, for messages.
std::string credentialVariables(Provider provider);
// Error when `c` lacks what `provider` needs ("IBM needs an API key and a service CRN").
std::optional<Error> checkCredentials(Provider provider, const Credentials& c);

// Credentials as the JSON the backends store (and back).
std::string credentialsToJson(const Credentials& c);
Result<Credentials> credentialsFromJson(const std::string& json);

// Encrypted-file primitives (exposed for tests): AES-256-GCM with a random 96-bit IV and 128-bit
// salt, key = PBKDF2-HMAC-SHA256(passphrase, salt, iterations). The envelope is a JSON document.
Result<std::string> encryptSecrets(const std::string& plaintext, const std::string& passphrase, int iterations);
Result<std::string> decryptSecrets(const std::string& envelope, const std::string& passphrase);

class SecretStore {
public:
    explicit SecretStore(SecretsOptions options);
    const SecretsOptions& options() const { return m_options; }

    // nullopt when nothing is stored for the provider.
    Result<std::optional<Credentials>> load(Provider provider) const;
    std::optional<Error> save(Provider provider, const Credentials& credentials);
    std::optional<Error> remove(Provider provider);
    // "OS keychain" or "encrypted file /path".
    std::string describe() const;

private:
    SecretsOptions m_options;
};

// What a client uses: the environment's credentials when set (pipelines), else the store's.
// Error naming both ways when neither has them; `howToLogIn` is the caller's way to store them
// (empty: "run `qpilot cloud login <provider>`").
Result<Credentials> resolveCredentials(Provider provider, const SecretStore& store, const std::string& howToLogIn = {});

} // namespace qpilot::cloud
