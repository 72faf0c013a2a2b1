// SPDX-License-Identifier: GPL-3.0-or-later
// tests/app/cloud_process_env.h — what the tests that run `qpilot` against the loopback cloud
// fakes share: a child environment confined to a temporary home (no credentials, settings,
// keychain or data of the user's leak in or out), the run store opened read-side, and the files
// under a folder that contain a secret.
#pragma once

#include "core/store/store.h"

#include <QDirIterator>
#include <QFile>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace qpilot::test {

// A child environment whose every writable location is inside `home` and which carries none of
// the caller's cloud credentials or budget; D-Bus points at a missing bus (no keychain).
inline QProcessEnvironment isolatedCloudEnv(const QTemporaryDir& home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* v : {"QPILOT_IBM_API_KEY", "QPILOT_IBM_SERVICE_CRN", "QPILOT_IONQ_API_KEY", "AWS_ACCESS_KEY_ID",
                          "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "QPILOT_SECRETS", "QPILOT_SECRETS_FILE",
                          "QPILOT_SECRETS_PASSPHRASE", "QPILOT_CLOUD_BUDGET", "QPILOT_BRAKET_BUCKET"})
        env.remove(QString::fromLatin1(v));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath("config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath("data"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath("cache"));
    env.insert(QStringLiteral("QPILOT_DATA_DIR"), home.filePath("qpilot"));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/qpilot-test-bus"));
    return env;
}

inline std::unique_ptr<store::RunStore> openStore(const QString& path)
{
    auto s = store::RunStore::open(path.toStdString());
    return s ? std::move(s).value() : nullptr;
}

// Every file below `dir` that contains `needle`.
inline QStringList filesContaining(const QString& dir, const QByteArray& needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits << path;
    }
    return hits;
}

} // namespace qpilot::test
