// SPDX-License-Identifier: GPL-3.0-or-later
// ui/dialogs/preferencesdialog.h — Edit ▸ Preferences: theme, live simulation (on/off,
// debounce, qubit limit, default shots and seed, default noise device), the run store path and
// the report directory. Edits a WorkbenchSettings value; each field is validated as it is typed
// with the reason shown under it, and OK/Apply stay disabled while any field is invalid. OK
// and Apply emit applied() with the new value (the window saves and applies it live).
#pragma once

#include "ui/settings/workbenchsettings.h"

#include <QDialog>
#include <QMap>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace qpilot {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(const WorkbenchSettings& settings, QWidget* parent = nullptr);

    // Fills the fields from `settings`.
    void setSettings(const WorkbenchSettings& settings);
    // The value the fields describe, or nullopt when one is invalid (see errorText()).
    std::optional<WorkbenchSettings> settings() const;
    // The inline message under `field` ("debounceMs", "defaultShots", "defaultSeed",
    // "maxLiveQubits", "defaultDevice", "runStorePath", "reportDirectory"); empty when valid.
    QString errorText(const QString& field) const;

    // The editors, for tests.
    QComboBox* themeBox() const { return m_theme; }
    QCheckBox* liveBox() const { return m_live; }
    QLineEdit* debounceEdit() const { return m_debounce; }
    QSpinBox* maxQubitsBox() const { return m_maxQubits; }
    QLineEdit* shotsEdit() const { return m_shots; }
    QLineEdit* seedEdit() const { return m_seed; }
    QComboBox* deviceBox() const { return m_device; }
    QLineEdit* runStoreEdit() const { return m_runStore; }
    QLineEdit* reportDirEdit() const { return m_reportDir; }
    QPushButton* okButton() const;
    QPushButton* applyButton() const;

    // Validates, and when valid emits applied(); returns whether it did.
    bool apply();

signals:
    void applied(const qpilot::WorkbenchSettings& settings);

private:
    // Parses the fields into `out`, recording the messages; true when all are valid.
    bool read(WorkbenchSettings& out, QMap<QString, QString>* errors) const;
    void revalidate();
    QLabel* errorLabel(const QString& field);

    QComboBox* m_theme;
    QCheckBox* m_live;
    QLineEdit* m_debounce;
    QSpinBox* m_maxQubits;
    QLineEdit* m_shots;
    QLineEdit* m_seed;
    QComboBox* m_device;
    QLineEdit* m_runStore;
    QLineEdit* m_reportDir;
    QDialogButtonBox* m_buttons;
    QMap<QString, QLabel*> m_errors;
};

} // namespace qpilot
