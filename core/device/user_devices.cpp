// core/device/user_devices.cpp — what-if copies of a device profile (scaled errors, durations
// and coherence times, every scaled field's source saying so) and the user profile store
// (<store>/<id>.json, written atomically) that findDevice consults for ids it does not ship.
#include "core/device/device.h"
#include "core/common/paths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace qpilot {

namespace {

std::string factorText(double f) { return QString::number(f, 'g', 6).toStdString(); }

bool validId(const std::string& id)
{
    static const QRegularExpression pattern("^[A-Za-z0-9_.-]+$");
    return !id.empty() && id != "." && id != ".." && pattern.match(QString::fromStdString(id)).hasMatch();
}

bool isShipped(const std::string& id)
{
    const auto devices = builtinDevices();
    return std::any_of(devices.begin(), devices.end(), [&](const DeviceProfile& d) { return d.id == id; });
}

void setSource(DeviceProfile& d, const std::string& field, const std::string& source)
{
    for (auto& [key, value] : d.fieldSources)
        if (key == field) {
            value = source;
            return;
        }
    d.fieldSources.emplace_back(field, source);
}

} // namespace

std::string describeScaling(const DeviceScaling& s)
{
    std::string out;
    auto add = [&out](const char* what, double f) {
        if (f != 1)
            out += (out.empty() ? "" : ", ") + std::string(what) + " \u00d7" + factorText(f);
    };
    add("1q error", s.error1q);
    add("2q error", s.error2q);
    add("readout error", s.readout);
    add("durations", s.durations);
    add("T1/T2", s.coherence);
    return out.empty() ? "unscaled" : out;
}

std::string suggestedCopyId(const std::string& id, const DeviceScaling& s)
{
    std::string out;
    auto add = [&out](const char* what, double f) {
        if (f != 1)
            out += "_" + std::string(what) + "_x" + QString::number(f, 'g', 4).toStdString();
    };
    add("1q", s.error1q);
    add("2q", s.error2q);
    add("ro", s.readout);
    add("dur", s.durations);
    add("t", s.coherence);
    return id + (out.empty() ? "_copy" : out);
}

Result<DeviceProfile> scaledDeviceCopy(const DeviceProfile& device, const DeviceScaling& s, const std::string& newId)
{
    const struct {
        const char* name;
        double f;
    } factors[] = {{"1q error", s.error1q}, {"2q error", s.error2q}, {"readout error", s.readout},
                   {"durations", s.durations}, {"T1/T2", s.coherence}};
    for (const auto& f : factors)
        if (!std::isfinite(f.f) || !(f.f > 0))
            return Error{std::string("the ") + f.name + " factor must be a number > 0 (got " + factorText(f.f) + ")"};
    if (!validId(newId) || newId.find('@') != std::string::npos)
        return Error{"the copy's id '" + newId + "' may use only letters, digits, '_', '-' and '.'"};
    if (isShipped(newId))
        return Error{"'" + newId + "' is a shipped device id; give the copy a new id (e.g. " + device.id + "_whatif)"};

    DeviceProfile d = device;
    const std::string what = describeScaling(s);
    std::string problem;
    auto scaleError = [&problem](std::optional<double>& v, double f, const std::string& field) {
        if (!v)
            return;
        *v *= f;
        if (*v > 1 && problem.empty())
            problem = field + " becomes " + factorText(*v) + " (> 1) with the factor " + factorText(f);
    };
    auto scale = [](std::optional<double>& v, double f) {
        if (v)
            *v *= f;
    };
    auto sourced = [&](const std::string& field, double f) {
        if (f != 1)
            setSource(d, field, "what-if \u00d7" + factorText(f) + " of " + device.id + ": " + fieldSource(device, field));
    };

    scaleError(d.gateError1q, s.error1q, "medians.gate_error_1q");
    scaleError(d.gateError2q, s.error2q, "medians.gate_error_2q");
    scaleError(d.readoutError, s.readout, "medians.readout_error");
    scale(d.gateTime1q, s.durations);
    scale(d.gateTime2q, s.durations);
    scale(d.readoutTime, s.durations);
    scale(d.t1, s.coherence);
    scale(d.t2, s.coherence);
    for (size_t i = 0; i < d.qubits.size(); ++i) {
        QubitCalibration& q = d.qubits[i];
        scaleError(q.readoutP1Given0, s.readout, "qubits[" + std::to_string(i) + "].readout_p1_given_0");
        scaleError(q.readoutP0Given1, s.readout, "qubits[" + std::to_string(i) + "].readout_p0_given_1");
        scale(q.t1, s.coherence);
        scale(q.t2, s.coherence);
    }
    for (size_t i = 0; i < d.gates.size(); ++i) {
        GateCalibration& g = d.gates[i];
        const double f = g.qubits.size() >= 2 ? s.error2q : s.error1q;
        scaleError(g.error, f, "gates[" + std::to_string(i) + "] (" + g.gate + ") error");
        scale(g.duration, s.durations);
    }
    if (!problem.empty())
        return Error{"cannot scale " + device.id + ": " + problem};

    sourced("medians.gate_error_1q", s.error1q);
    sourced("medians.gate_error_2q", s.error2q);
    sourced("medians.readout_error", s.readout);
    for (const char* f : {"medians.gate_time_1q", "medians.gate_time_2q", "medians.readout_time"})
        sourced(f, s.durations);
    for (const char* f : {"medians.t1", "medians.t2"})
        sourced(f, s.coherence);
    if (!d.gates.empty() && (s.error1q != 1 || s.error2q != 1 || s.durations != 1))
        setSource(d, "gates", "what-if copy of " + device.id + " (" + what + "): " + fieldSource(device, "gates"));
    if (!d.qubits.empty() && (s.readout != 1 || s.coherence != 1))
        setSource(d, "qubits", "what-if copy of " + device.id + " (" + what + "): " + fieldSource(device, "qubits"));
    if (s.error1q != 1 || s.error2q != 1 || s.readout != 1) {
        // Measured on the original device; they would not describe the scaled one.
        if (d.layerFidelity100) {
            d.layerFidelity100.reset();
            setSource(d, "layer_fidelity_100", "dropped by the what-if copy (measured on " + device.id + ")");
        }
        if (d.quantumVolume) {
            d.quantumVolume.reset();
            setSource(d, "quantum_volume", "dropped by the what-if copy (measured on " + device.id + ")");
        }
    }
    d.id = newId;
    d.name = device.name + " (what-if: " + what + ")";
    d.source = "What-if copy of " + device.id + " (" + what + "). Original source: " + device.source;

    // The copy must read back as a valid profile (ranges are checked by the parser).
    auto check = parseDeviceProfile(deviceProfileToJson(d), newId + ".json");
    if (!check)
        return Error{"the scaled copy of " + device.id + " is not a valid profile: " + check.error().toString()};
    return d;
}

std::string defaultUserDeviceStore() { return userDataPath("devices"); }

Result<std::string> saveUserDevice(const DeviceProfile& device, const std::string& store)
{
    if (!validId(device.id) || device.id.find('@') != std::string::npos)
        return Error{"cannot store a user profile with id '" + device.id + "': the id may use only letters, digits, '_', '-' and '.'"};
    if (isShipped(device.id))
        return Error{"'" + device.id + "' is a shipped device id; a user profile needs its own id"};
    const QDir dir(QString::fromStdString(store));
    if (!QDir().mkpath(dir.absolutePath()))
        return Error{"cannot create the user device directory " + dir.absolutePath().toStdString()};
    const QString path = dir.filePath(QString::fromStdString(device.id) + ".json");
    const QByteArray json = QByteArray::fromStdString(deviceProfileToJson(device));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
        return Error{"cannot write the user profile: " + file.errorString().toStdString(), path.toStdString()};
    return path.toStdString();
}

Result<std::vector<UserDevice>> listUserDevices(const std::string& store)
{
    std::vector<UserDevice> out;
    const QDir dir(QString::fromStdString(store));
    if (!dir.exists())
        return out;
    for (const QString& name : dir.entryList({"*.json"}, QDir::Files, QDir::Name)) {
        const QString path = dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return Error{"cannot read the user profile: " + f.errorString().toStdString(), path.toStdString()};
        auto d = parseDeviceProfile(f.readAll().toStdString(), path.toStdString());
        if (!d)
            return d.error();
        out.push_back({std::move(d).value(), path.toStdString()});
    }
    std::sort(out.begin(), out.end(), [](const UserDevice& a, const UserDevice& b) { return a.profile.id < b.profile.id; });
    return out;
}

Result<DeviceProfile> loadUserDevice(const std::string& id, const std::string& store)
{
    if (!validId(id))
        return Error{"'" + id + "' is not a user profile id"};
    const QString path = QDir(QString::fromStdString(store)).filePath(QString::fromStdString(id) + ".json");
    QFile f(path);
    if (!f.exists())
        return Error{"no user profile '" + id + "' in " + store};
    if (!f.open(QIODevice::ReadOnly))
        return Error{"cannot read the user profile: " + f.errorString().toStdString(), path.toStdString()};
    auto d = parseDeviceProfile(f.readAll().toStdString(), path.toStdString());
    if (d && d->id != id)
        return Error{"the user profile file names the id '" + d->id + "', not '" + id + "'", path.toStdString()};
    return d;
}

} // namespace qpilot
