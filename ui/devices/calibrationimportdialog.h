// SPDX-License-Identifier: GPL-3.0-or-later
// ui/devices/calibrationimportdialog.h — "Import calibration…": pick a Qiskit properties +
// configuration JSON pair (fake-backend props_*.json / conf_*.json) or IBM REST replies, preview
// what core reads from them (backend, calibration date, qubits, medians, notes), and store the
// import as a dated snapshot (core saveCalibrationSnapshot) that pilots name "BACKEND@DATE".
// Errors are core's, with file and line.
#pragma once

#include "core/device/device.h"

#include <QDialog>
#include <QStringList>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace qpilot {

class CalibrationImportDialog : public QDialog {
    Q_OBJECT
public:
    // `store`: the snapshot store ("" = defaultCalibrationStore()).
    explicit CalibrationImportDialog(QWidget* parent = nullptr, const QString& store = {});

    // The files to import (1 or 2 paths); previews them at once.
    void setFiles(const QStringList& paths);
    QStringList files() const;
    // The preview of the current files: the import or its error.
    const std::optional<CalibrationImport>& preview() const { return m_import; }
    QString errorText() const { return m_error; }
    QString previewText() const;
    // Stores the previewed import; returns the snapshot id ("ibm_lab7@2025-03-14") or the error.
    Result<SavedSnapshot> importNow();
    QString store() const { return m_store; }

signals:
    void imported(const QString& snapshotId);

private:
    void refresh();

    QString m_store;
    QLineEdit* m_first = nullptr;
    QLineEdit* m_second = nullptr;
    QPlainTextEdit* m_previewText = nullptr;
    QLabel* m_errorLabel = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    std::optional<CalibrationImport> m_import;
    QString m_error;
};

} // namespace qpilot
