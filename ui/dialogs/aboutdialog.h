// SPDX-License-Identifier: GPL-3.0-or-later
// ui/dialogs/aboutdialog.h — Help ▸ About Qpilot: version, license, Qt version.
#pragma once

#include <QDialog>

namespace qpilot {

class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);

    // The text shown (for tests): name, version, license, Qt versions.
    static QString aboutText();
};

} // namespace qpilot
