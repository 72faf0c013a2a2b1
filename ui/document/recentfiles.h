// SPDX-License-Identifier: GPL-3.0-or-later
// ui/document/recentfiles.h — the recently opened files, most recent first, kept in
// QSettings (key "recentFiles"), at most kMaxFiles; files that no longer exist are pruned.
#pragma once

#include <QString>
#include <QStringList>

namespace qpilot {

class RecentFiles {
public:
    static constexpr int kMaxFiles = 10;

    // The list, pruned of files that no longer exist (the pruned list is stored back).
    static QStringList files();
    // Puts `path` (made absolute) first; drops duplicates and the oldest past kMaxFiles.
    static void add(const QString& path);
    static void remove(const QString& path);
    static void clear();

private:
    static void store(const QStringList& files);
};

} // namespace qpilot
