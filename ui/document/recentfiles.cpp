// SPDX-License-Identifier: GPL-3.0-or-later
// ui/document/recentfiles.cpp — recently opened files (see recentfiles.h).
#include "ui/document/recentfiles.h"

#include <QFileInfo>
#include <QSettings>

namespace qpilot {

namespace {
const char kKey[] = "recentFiles";
}

QStringList RecentFiles::files()
{
    const QStringList stored = QSettings().value(QLatin1String(kKey)).toStringList();
    QStringList existing;
    for (const QString& f : stored) {
        if (QFileInfo(f).isFile() && !existing.contains(f))
            existing << f;
    }
    while (existing.size() > kMaxFiles)
        existing.removeLast();
    if (existing != stored)
        store(existing);
    return existing;
}

void RecentFiles::add(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = QSettings().value(QLatin1String(kKey)).toStringList();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaxFiles)
        list.removeLast();
    store(list);
}

void RecentFiles::remove(const QString& path)
{
    QStringList list = QSettings().value(QLatin1String(kKey)).toStringList();
    list.removeAll(QFileInfo(path).absoluteFilePath());
    store(list);
}

void RecentFiles::clear()
{
    store({});
}

void RecentFiles::store(const QStringList& files)
{
    QSettings settings;
    if (files.isEmpty())
        settings.remove(QLatin1String(kKey));
    else
        settings.setValue(QLatin1String(kKey), files);
}

} // namespace qpilot
