// SPDX-License-Identifier: GPL-3.0-or-later
// ui/widgets/recentfilesmenu.cpp — File ▸ Open Recent (see recentfilesmenu.h).
#include "ui/widgets/recentfilesmenu.h"

#include "ui/document/recentfiles.h"

#include <QDir>
#include <QFileInfo>

namespace qpilot {

RecentFilesMenu::RecentFilesMenu(QWidget* parent) : QMenu(tr("Open &Recent"), parent)
{
    setObjectName(QStringLiteral("recentFilesMenu"));
    connect(this, &QMenu::aboutToShow, this, &RecentFilesMenu::rebuild);
    rebuild();
}

void RecentFilesMenu::rebuild()
{
    // Not clear(): an entry may be rebuilding the menu from its own triggered() signal.
    const QList<QAction*> old = actions();
    for (QAction* action : old) {
        removeAction(action);
        action->deleteLater();
    }
    const QStringList files = RecentFiles::files();
    int number = 1;
    for (const QString& path : files) {
        const QString label = QStringLiteral("&%1  %2").arg(number % 10).arg(QFileInfo(path).fileName());
        QAction* action = addAction(label);
        action->setData(path);
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] { emit fileChosen(path); });
        ++number;
    }
    if (files.isEmpty()) {
        addAction(tr("No recent files"))->setEnabled(false);
    } else {
        addSeparator();
        connect(addAction(tr("&Clear List")), &QAction::triggered, this, [this] {
            RecentFiles::clear();
            rebuild();
        });
    }
}

} // namespace qpilot
