// SPDX-License-Identifier: GPL-3.0-or-later
// ui/widgets/recentfilesmenu.h — File ▸ Open Recent: lists RecentFiles (rebuilt each time
// it opens, so files deleted meanwhile are gone) and a Clear entry.
#pragma once

#include <QMenu>

namespace qpilot {

class RecentFilesMenu : public QMenu {
    Q_OBJECT
public:
    explicit RecentFilesMenu(QWidget* parent = nullptr);

    // Re-reads the list; called before the menu shows and after a file is opened.
    void rebuild();

signals:
    void fileChosen(const QString& path);
};

} // namespace qpilot
