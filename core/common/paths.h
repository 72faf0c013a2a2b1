// SPDX-License-Identifier: GPL-3.0-or-later
// core/common/paths.h — where Qpilot keeps the user's data: $QPILOT_DATA_DIR when it is set (CI,
// tests, a project-local store), else the platform's application data folder
// (QStandardPaths::AppDataLocation, e.g. ~/.local/share/Qpilot/qpilot).
#pragma once

#include <string>

namespace qpilot {

// `name` (a file or folder: "runs.sqlite", "devices", "prices") inside the user data folder.
std::string userDataPath(const std::string& name);

} // namespace qpilot
