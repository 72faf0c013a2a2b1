// core/device/calibration_store.cpp — dated calibration snapshots on disk: one profile JSON
// (format_version 2, id "<backend>@<date>") per <store>/<backend>/<date>.json, written
// atomically; listing and lookup of "backend@date" / "backend@latest".
#include "core/device/device.h"
#include "core/common/paths.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>

namespace qpilot {

namespace {

bool validName(const std::string& s)
{
    static const QRegularExpression pattern("^[A-Za-z0-9_.-]+$");
    return !s.empty() && s != "." && s != ".." && pattern.match(QString::fromStdString(s)).hasMatch();
}

bool validDate(const std::string& s)
{
    const QString q = QString::fromStdString(s);
    return (q.size() == 10 && QDate::fromString(q, Qt::ISODate).isValid()) || (q.size() == 7 && QDate::fromString(q + "-01", Qt::ISODate).isValid());
}

QString snapshotPath(const std::string& store, const std::string& backend, const std::string& date)
{
    return QDir(QString::fromStdString(store)).filePath(QString::fromStdString(backend) + "/" + QString::fromStdString(date) + ".json");
}

} // namespace

std::string defaultCalibrationStore() { return userDataPath("calibrations"); }

Result<SavedSnapshot> saveCalibrationSnapshot(const DeviceProfile& profile, const std::string& store)
{
    const std::string backend = profile.id.substr(0, profile.id.find('@'));
    if (!validName(backend))
        return Error{"cannot store a snapshot for device id '" + profile.id + "': the name may use only letters, digits, '_', '-' and '.'"};
    if (!validDate(profile.calibrationDate))
        return Error{"cannot store a snapshot of '" + backend + "' without a calibration date (YYYY-MM-DD)"};
    DeviceProfile snapshot = profile;
    snapshot.id = backend + "@" + profile.calibrationDate;
    const QByteArray json = QByteArray::fromStdString(deviceProfileToJson(snapshot));

    SavedSnapshot saved;
    saved.snapshot = {snapshot.id, backend, profile.calibrationDate, snapshotPath(store, backend, profile.calibrationDate).toStdString()};
    const QString path = QString::fromStdString(saved.snapshot.path);
    QFile existing(path);
    if (existing.exists()) {
        if (existing.open(QIODevice::ReadOnly) && existing.readAll() == json) {
            saved.unchanged = true;
            return saved;
        }
        saved.replaced = true;
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error{"cannot create the snapshot directory " + QFileInfo(path).absolutePath().toStdString()};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
        return Error{"cannot write the snapshot: " + file.errorString().toStdString(), saved.snapshot.path};
    return saved;
}

Result<std::vector<CalibrationSnapshot>> listCalibrationSnapshots(const std::string& store)
{
    std::vector<CalibrationSnapshot> out;
    const QDir root(QString::fromStdString(store));
    if (!root.exists())
        return out;
    for (const QString& backend : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QDir dir(root.filePath(backend));
        for (const QString& file : dir.entryList({"*.json"}, QDir::Files, QDir::Name)) {
            const std::string date = file.chopped(5).toStdString();
            if (!validName(backend.toStdString()) || !validDate(date))
                continue; // not a snapshot this store wrote
            out.push_back({backend.toStdString() + "@" + date, backend.toStdString(), date, dir.filePath(file).toStdString()});
        }
    }
    return out;
}

Result<DeviceProfile> loadCalibrationSnapshot(const std::string& id, const std::string& store)
{
    const auto at = id.find('@');
    if (at == std::string::npos)
        return Error{"'" + id + "' is not a snapshot id (expected NAME@DATE or NAME@latest)"};
    const std::string backend = id.substr(0, at), date = id.substr(at + 1);
    if (!validName(backend) || (date != "latest" && !validDate(date)))
        return Error{"'" + id + "' is not a snapshot id (expected NAME@YYYY-MM-DD or NAME@latest)"};
    auto all = listCalibrationSnapshots(store);
    if (!all)
        return all.error();
    std::vector<CalibrationSnapshot> mine;
    for (const CalibrationSnapshot& s : all.value())
        if (s.backend == backend)
            mine.push_back(s);
    if (mine.empty())
        return Error{"no calibration snapshot of '" + backend + "' in " + store + " (store one with 'qpilot calibration import FILE...')"};
    const CalibrationSnapshot* chosen = nullptr;
    if (date == "latest") {
        chosen = &*std::max_element(mine.begin(), mine.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
    } else {
        for (const CalibrationSnapshot& s : mine)
            if (s.date == date)
                chosen = &s;
    }
    if (!chosen) {
        std::string dates;
        for (const CalibrationSnapshot& s : mine)
            dates += (dates.empty() ? "" : ", ") + s.date;
        return Error{"no calibration snapshot '" + id + "' in " + store + "; snapshots of " + backend + ": " + dates + " (or @latest)"};
    }
    QFile f(QString::fromStdString(chosen->path));
    if (!f.open(QIODevice::ReadOnly))
        return Error{"cannot read the snapshot: " + f.errorString().toStdString(), chosen->path};
    return parseDeviceProfile(f.readAll().toStdString(), chosen->path);
}

} // namespace qpilot
