// SPDX-License-Identifier: GPL-3.0-or-later
// ui/devices/deviceprofilesview.h — the device profiles editor: a sortable table of every
// profile (DeviceProfilesModel: shipped, imported snapshots, user what-if copies) with key
// figures, their sources and calibration dates; a detail pane with every headline figure and
// its source; "Import calibration…" (CalibrationImportDialog) and "What-if copy…"
// (WhatIfCopyDialog), after which the table re-reads the stores and selects the new profile.
#pragma once

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QTextBrowser;

namespace qpilot {

class DeviceProfilesModel;

class DeviceProfilesView : public QWidget {
    Q_OBJECT
public:
    explicit DeviceProfilesView(QWidget* parent = nullptr);

    DeviceProfilesModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    // Re-reads the shipped profiles and the snapshot and user stores.
    void reload();
    // Selects a profile by id (false when absent).
    bool selectDevice(const QString& id);
    QString selectedId() const;
    // The detail pane's text (HTML) for the selected profile.
    QString detailHtml() const;

public slots:
    void openCalibrationImport();
    void openWhatIfCopy();

signals:
    // A calibration snapshot was imported or a what-if copy saved (its id): pickers elsewhere reload.
    void profilesChanged(const QString& id);

protected:
    void changeEvent(QEvent* event) override; // the detail's muted colour follows the theme

private:
    void showDetail();

    DeviceProfilesModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    QTextBrowser* m_detail = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace qpilot
