// SPDX-License-Identifier: GPL-3.0-or-later
// ui/settings/workbenchsettings.h — the workbench preferences as a plain value: theme, live
// simulation (on/off, debounce, qubit limit, default shots and seed, default noise device),
// the run store path and the report directory. Loaded from and saved to a QSettings passed in
// (keys under "preferences/"), validated field by field with messages for the dialog, and
// handed explicitly to whoever applies them (MainWindow::applySettings, ResultsPanel::
// applySettings): there is no global copy.
#pragma once

#include <QMetaType>
#include <QPalette>
#include <QString>

#include <vector>

class QSettings;

namespace qpilot {

struct WorkbenchSettings {
    enum class Theme { System, Light, Dark };

    static constexpr int kMinDebounceMs = 0, kMaxDebounceMs = 2000;
    static constexpr int kMinShots = 1, kMaxShots = 10'000'000;
    static constexpr int kMinLiveQubits = 1, kMaxLiveQubits = 22; // = LiveSimulator::kMaxQubits

    Theme theme = Theme::System;
    bool liveSimulation = true;
    int debounceMs = 30;
    int maxLiveQubits = 22;
    int defaultShots = 1024;
    quint64 defaultSeed = 1;
    QString defaultDevice;        // empty: ideal only; else a device id (e.g. "ionq_aria_1")
    QString runStorePath;         // default: store::defaultDatabasePath()
    QString reportDirectory;      // example pilots' reports; default: "reports" beside the run store

    // The defaults above with the paths filled in.
    static WorkbenchSettings defaults();
    // Missing or unreadable keys fall back to defaults(); out-of-range values are clamped.
    static WorkbenchSettings load(const QSettings& settings);
    void save(QSettings& settings) const;

    struct Problem {
        QString field;   // "debounceMs", "defaultShots", ...
        QString message; // e.g. "Debounce must be between 0 and 2000 ms (got 5000)."
    };
    // Every out-of-range or malformed field (empty when the value can be applied).
    std::vector<Problem> validate() const;

    static QString themeKey(Theme theme);            // "system", "light", "dark"
    static Theme themeFromKey(const QString& key);   // unknown -> System

    bool operator==(const WorkbenchSettings& o) const;
    bool operator!=(const WorkbenchSettings& o) const { return !(*this == o); }
};

// The palette of the workbench's dark theme (MainWindow applies it with the Fusion style).
QPalette workbenchDarkPalette();

} // namespace qpilot

Q_DECLARE_METATYPE(qpilot::WorkbenchSettings)
