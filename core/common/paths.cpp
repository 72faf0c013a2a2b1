// SPDX-License-Identifier: GPL-3.0-or-later
// core/common/paths.cpp — the user data folder ($QPILOT_DATA_DIR, else AppDataLocation).
#include "core/common/paths.h"

#include <QDir>
#include <QStandardPaths>

namespace qpilot {

std::string userDataPath(const std::string& name)
{
    const QString dataDir = qEnvironmentVariable("QPILOT_DATA_DIR");
    const QString dir = dataDir.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) : dataDir;
    return QDir(dir).filePath(QString::fromStdString(name)).toStdString();
}

} // namespace qpilot
