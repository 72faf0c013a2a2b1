// SPDX-License-Identifier: GPL-3.0-or-later
// ui/settings/workbenchsettings.cpp — the preferences value (see workbenchsettings.h).
#include "ui/settings/workbenchsettings.h"

#include "core/device/device.h"
#include "core/store/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include <algorithm>

namespace qpilot {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("WorkbenchSettings", text);
}

} // namespace

WorkbenchSettings WorkbenchSettings::defaults()
{
    WorkbenchSettings s;
    s.runStorePath = QString::fromStdString(store::defaultDatabasePath());
    // Reports of example pilots (which have no folder of their own) go beside the run store,
    // in the data directory ($QPILOT_DATA_DIR when set).
    s.reportDirectory = QFileInfo(s.runStorePath).absoluteDir().filePath(QStringLiteral("reports"));
    return s;
}

WorkbenchSettings WorkbenchSettings::load(const QSettings& settings)
{
    WorkbenchSettings s = defaults();
    auto integer = [&settings](const char* key, int fallback, int lo, int hi) {
        bool ok = false;
        const int v = settings.value(QLatin1String(key), fallback).toInt(&ok);
        return ok ? std::clamp(v, lo, hi) : fallback;
    };
    s.theme = settings.contains(QStringLiteral("preferences/theme"))
        ? themeFromKey(settings.value(QStringLiteral("preferences/theme")).toString())
        // Before preferences existed, View > Dark Theme stored a flag.
        : settings.value(QStringLiteral("mainWindow/dark"), false).toBool() ? Theme::Dark : Theme::System;
    s.liveSimulation = settings.value(QStringLiteral("preferences/liveSimulation"), s.liveSimulation).toBool();
    s.debounceMs = integer("preferences/debounceMs", s.debounceMs, kMinDebounceMs, kMaxDebounceMs);
    s.maxLiveQubits = integer("preferences/maxLiveQubits", s.maxLiveQubits, kMinLiveQubits, kMaxLiveQubits);
    s.defaultShots = integer("preferences/defaultShots", s.defaultShots, kMinShots, kMaxShots);
    bool ok = false;
    const quint64 seed = settings.value(QStringLiteral("preferences/defaultSeed"), s.defaultSeed).toULongLong(&ok);
    if (ok)
        s.defaultSeed = seed;
    s.defaultDevice = settings.value(QStringLiteral("preferences/defaultDevice"), s.defaultDevice).toString();
    const QString store = settings.value(QStringLiteral("preferences/runStorePath")).toString();
    if (!store.isEmpty())
        s.runStorePath = store;
    const QString reports = settings.value(QStringLiteral("preferences/reportDirectory")).toString();
    if (!reports.isEmpty())
        s.reportDirectory = reports;
    return s;
}

void WorkbenchSettings::save(QSettings& settings) const
{
    settings.setValue(QStringLiteral("preferences/theme"), themeKey(theme));
    settings.setValue(QStringLiteral("preferences/liveSimulation"), liveSimulation);
    settings.setValue(QStringLiteral("preferences/debounceMs"), debounceMs);
    settings.setValue(QStringLiteral("preferences/maxLiveQubits"), maxLiveQubits);
    settings.setValue(QStringLiteral("preferences/defaultShots"), defaultShots);
    settings.setValue(QStringLiteral("preferences/defaultSeed"), defaultSeed);
    settings.setValue(QStringLiteral("preferences/defaultDevice"), defaultDevice);
    // Locations are stored only when the user chose them: a default written back would pin
    // today's default (e.g. one $QPILOT_DATA_DIR) into every later session.
    const WorkbenchSettings standard = defaults();
    const auto location = [&settings](const QString& key, const QString& value, const QString& fallback) {
        if (value == fallback)
            settings.remove(key);
        else
            settings.setValue(key, value);
    };
    location(QStringLiteral("preferences/runStorePath"), runStorePath, standard.runStorePath);
    location(QStringLiteral("preferences/reportDirectory"), reportDirectory, standard.reportDirectory);
}

std::vector<WorkbenchSettings::Problem> WorkbenchSettings::validate() const
{
    std::vector<Problem> out;
    if (debounceMs < kMinDebounceMs || debounceMs > kMaxDebounceMs)
        out.push_back({QStringLiteral("debounceMs"), tr("Debounce must be between %1 and %2 ms (got %3).")
                                                          .arg(kMinDebounceMs)
                                                          .arg(kMaxDebounceMs)
                                                          .arg(debounceMs)});
    if (maxLiveQubits < kMinLiveQubits || maxLiveQubits > kMaxLiveQubits)
        out.push_back({QStringLiteral("maxLiveQubits"), tr("Live simulation can be limited to %1 to %2 qubits (got %3).")
                                                             .arg(kMinLiveQubits)
                                                             .arg(kMaxLiveQubits)
                                                             .arg(maxLiveQubits)});
    if (defaultShots < kMinShots || defaultShots > kMaxShots)
        out.push_back({QStringLiteral("defaultShots"), tr("Shots must be between %1 and %2 (got %3).")
                                                            .arg(kMinShots)
                                                            .arg(kMaxShots)
                                                            .arg(defaultShots)});
    if (!defaultDevice.isEmpty() && !findDevice(defaultDevice.toStdString()))
        out.push_back({QStringLiteral("defaultDevice"), tr("Unknown device \"%1\".").arg(defaultDevice)});
    if (runStorePath.trimmed().isEmpty())
        out.push_back({QStringLiteral("runStorePath"), tr("The run store needs a file path.")});
    else if (QFileInfo(runStorePath).isDir())
        out.push_back({QStringLiteral("runStorePath"),
                       tr("The run store path is a folder; give a file such as %1.")
                           .arg(QDir(runStorePath).filePath(QStringLiteral("runs.sqlite")))});
    if (reportDirectory.trimmed().isEmpty())
        out.push_back({QStringLiteral("reportDirectory"), tr("The report directory is empty.")});
    else if (QFileInfo(reportDirectory).exists() && !QFileInfo(reportDirectory).isDir())
        out.push_back({QStringLiteral("reportDirectory"), tr("%1 is a file, not a directory.").arg(reportDirectory)});
    return out;
}

QString WorkbenchSettings::themeKey(Theme theme)
{
    switch (theme) {
    case Theme::Light: return QStringLiteral("light");
    case Theme::Dark: return QStringLiteral("dark");
    case Theme::System: break;
    }
    return QStringLiteral("system");
}

WorkbenchSettings::Theme WorkbenchSettings::themeFromKey(const QString& key)
{
    if (key == QLatin1String("light"))
        return Theme::Light;
    if (key == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

bool WorkbenchSettings::operator==(const WorkbenchSettings& o) const
{
    return theme == o.theme && liveSimulation == o.liveSimulation && debounceMs == o.debounceMs
        && maxLiveQubits == o.maxLiveQubits && defaultShots == o.defaultShots && defaultSeed == o.defaultSeed
        && defaultDevice == o.defaultDevice && runStorePath == o.runStorePath && reportDirectory == o.reportDirectory;
}

QPalette workbenchDarkPalette()
{
    QPalette p(QColor(0x2b, 0x2d, 0x30));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    p.setColor(QPalette::AlternateBase, QColor(0x2b, 0x2d, 0x30));
    p.setColor(QPalette::Text, QColor(0xdf, 0xe1, 0xe5));
    p.setColor(QPalette::WindowText, QColor(0xdf, 0xe1, 0xe5));
    p.setColor(QPalette::ButtonText, QColor(0xdf, 0xe1, 0xe5));
    p.setColor(QPalette::Mid, QColor(0x6f, 0x73, 0x7a));
    p.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xf0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, QColor(0x2b, 0x2d, 0x30));
    p.setColor(QPalette::ToolTipText, QColor(0xdf, 0xe1, 0xe5));
    p.setColor(QPalette::Link, QColor(0x6c, 0xb6, 0xff)); // readable on the dark base
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xf5));
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x90, 0x96));
    for (QPalette::ColorRole role : {QPalette::Text, QPalette::WindowText, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x7a, 0x7e, 0x85));
    return p;
}

} // namespace qpilot
