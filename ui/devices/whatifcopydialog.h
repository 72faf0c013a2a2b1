// SPDX-License-Identifier: GPL-3.0-or-later
// ui/devices/whatifcopydialog.h — "What-if copy…": choose a device profile and factors for its
// 1q / 2q / readout errors, durations and T1/T2 ("Heron with 2q error ×0.5"), name the copy,
// and save it as a user profile (core scaledDeviceCopy + saveUserDevice) that the simulator,
// the transpiler and pilots find by its new id.
#pragma once

#include "core/device/device.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace qpilot {

class WhatIfCopyDialog : public QDialog {
    Q_OBJECT
public:
    // `profiles`: the devices to copy from; `store`: user profile store ("" = defaultUserDeviceStore()).
    WhatIfCopyDialog(std::vector<DeviceProfile> profiles, QWidget* parent = nullptr, const QString& store = {});

    void setSource(const QString& id);
    void setScaling(const DeviceScaling& scaling);
    DeviceScaling scaling() const;
    void setNewId(const QString& id);
    QString newId() const;
    // The copy as it would be saved, or why not.
    Result<DeviceProfile> copy() const;
    // Saves the copy; returns its path.
    Result<std::string> save();

signals:
    void created(const QString& id);

private:
    void refresh();

    std::vector<DeviceProfile> m_profiles;
    QString m_store;
    QComboBox* m_source = nullptr;
    QDoubleSpinBox* m_e1 = nullptr;
    QDoubleSpinBox* m_e2 = nullptr;
    QDoubleSpinBox* m_ro = nullptr;
    QDoubleSpinBox* m_dur = nullptr;
    QDoubleSpinBox* m_coh = nullptr;
    QLineEdit* m_id = nullptr;
    QLabel* m_summary = nullptr;
    bool m_idEdited = false;
};

} // namespace qpilot
