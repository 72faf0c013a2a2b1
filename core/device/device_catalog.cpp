// core/device/device_catalog.cpp — the profiles shipped in resources/devices/ (embedded at
// build time), lookup by id, snapshot id or file path, writing a profile back as
// format_version 2 JSON, and the summary questions the CLI asks (degree, sources, unknowns).
#include "core/device/builtin_profiles.h"
#include "core/device/device.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <map>

namespace qpilot {

namespace {

QJsonValue number(const std::optional<double>& v, double scale = 1)
{
    if (!v)
        return QJsonValue(QJsonValue::Null);
    // Round away the binary noise of the unit conversion (280e-6 * 1e6 = 280.00000000000006).
    const double x = *v * scale;
    const double rounded = std::stod(QString::number(x, 'g', 12).toStdString());
    return QJsonValue(rounded);
}

QJsonValue text(const std::string& s) { return s.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(QString::fromStdString(s)); }

} // namespace

std::vector<DeviceProfile> builtinDevices()
{
    static const std::vector<DeviceProfile> devices = [] {
        std::vector<DeviceProfile> out;
        for (const detail::EmbeddedProfile* p = detail::embeddedDeviceProfiles(); p->fileName; ++p) {
            auto d = parseDeviceProfile(p->json, std::string(":/devices/") + p->fileName);
            if (d) // the test suite checks that every shipped profile parses
                out.push_back(std::move(d).value());
        }
        std::sort(out.begin(), out.end(), [](const DeviceProfile& a, const DeviceProfile& b) { return a.id < b.id; });
        return out;
    }();
    return devices;
}

Result<DeviceProfile> findDevice(const std::string& idOrPath) { return findDevice(idOrPath, defaultCalibrationStore()); }

Result<DeviceProfile> findDevice(const std::string& idOrPath, const std::string& calibrationStore)
{
    const std::vector<DeviceProfile> devices = builtinDevices();
    for (const DeviceProfile& d : devices)
        if (d.id == idOrPath)
            return d;
    if (idOrPath.find('@') == std::string::npos && idOrPath.find('/') == std::string::npos
        && idOrPath.find('\\') == std::string::npos) {
        auto copy = loadUserDevice(idOrPath, defaultUserDeviceStore());
        if (copy)
            return copy;
    }
    const QString path = QString::fromStdString(idOrPath);
    const QFileInfo info(path);
    if (info.exists() && info.isFile()) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error{"cannot read the device profile: " + file.errorString().toStdString(), idOrPath};
        return parseDeviceProfile(file.readAll().toStdString(), idOrPath);
    }
    if (idOrPath.find('@') != std::string::npos && idOrPath.find('/') == std::string::npos)
        return loadCalibrationSnapshot(idOrPath, calibrationStore);
    std::string known;
    for (const DeviceProfile& d : devices)
        known += (known.empty() ? "" : ", ") + d.id;
    if (path.endsWith(".json", Qt::CaseInsensitive) || path.contains('/'))
        return Error{"device profile file '" + idOrPath + "' does not exist (known device ids: " + known + ")"};
    return Error{"unknown device '" + idOrPath + "'; known devices: " + known
                 + " (or a calibration snapshot NAME@DATE / NAME@latest, or the path of a profile JSON file)"};
}

int maxDegree(const DeviceProfile& device)
{
    if (device.allToAll)
        return std::max(device.numQubits - 1, 0);
    std::vector<int> degree(size_t(std::max(device.numQubits, 0)), 0);
    for (auto [a, b] : undirectedEdges(device)) {
        if (a >= 0 && a < device.numQubits)
            ++degree[size_t(a)];
        if (b >= 0 && b < device.numQubits)
            ++degree[size_t(b)];
    }
    return degree.empty() ? 0 : *std::max_element(degree.begin(), degree.end());
}

std::string fieldSource(const DeviceProfile& device, const std::string& field)
{
    for (const auto& [key, source] : device.fieldSources)
        if (key == field)
            return source;
    return device.source;
}

std::vector<std::string> unknownFields(const DeviceProfile& device)
{
    std::vector<std::string> out;
    auto check = [&](const char* name, bool known) {
        if (!known)
            out.emplace_back(name);
    };
    check("medians.t1", bool(device.t1));
    check("medians.t2", bool(device.t2));
    check("medians.gate_error_1q", bool(device.gateError1q));
    check("medians.gate_error_2q", bool(device.gateError2q));
    check("medians.gate_time_1q", bool(device.gateTime1q));
    check("medians.gate_time_2q", bool(device.gateTime2q));
    check("medians.readout_time", bool(device.readoutTime));
    check("medians.readout_error", bool(device.readoutError));
    check("topology", !device.topology.empty());
    check("gates (per-gate calibration)", !device.gates.empty());
    check("qubits (per-qubit calibration)", !device.qubits.empty());
    check("repetition_delay", bool(device.repetitionDelay));
    check("clops / shot_rate_hz", device.clops || device.shotRate);
    check("quantum_volume", bool(device.quantumVolume));
    check("layer_fidelity_100", bool(device.layerFidelity100));
    check("calibration_date", !device.calibrationDate.empty());
    check("pricing", !device.pricing.empty());
    return out;
}

std::string deviceProfileToJson(const DeviceProfile& d)
{
    QJsonObject root;
    root["format_version"] = 2;
    root["id"] = QString::fromStdString(d.id);
    root["provider"] = text(d.provider);
    root["name"] = text(d.name);
    root["family"] = text(d.family);
    root["num_qubits"] = d.numQubits;
    QJsonArray natives;
    for (const std::string& g : d.nativeGates)
        natives.append(QString::fromStdString(g));
    root["native_gates"] = natives;
    root["topology"] = d.topology.empty() ? QJsonValue("custom") : QJsonValue(QString::fromStdString(d.topology));
    if (d.latticeRows > 0)
        root["lattice"] = QJsonObject{{"rows", d.latticeRows}, {"columns", d.latticeColumns}};
    root["directed"] = d.directed;
    if (!d.allToAll) {
        QJsonArray couplers;
        for (auto [a, b] : d.couplers)
            couplers.append(QJsonArray{a, b});
        root["couplers"] = couplers;
    }
    root["medians"] = QJsonObject{{"t1_us", number(d.t1, 1e6)},
                                  {"t2_us", number(d.t2, 1e6)},
                                  {"gate_error_1q", number(d.gateError1q)},
                                  {"gate_error_2q", number(d.gateError2q)},
                                  {"gate_time_1q_ns", number(d.gateTime1q, 1e9)},
                                  {"gate_time_2q_ns", number(d.gateTime2q, 1e9)},
                                  {"readout_time_ns", number(d.readoutTime, 1e9)},
                                  {"readout_error", number(d.readoutError)}};
    QJsonArray qubits;
    for (const QubitCalibration& q : d.qubits)
        qubits.append(QJsonObject{{"t1_us", number(q.t1, 1e6)},
                                  {"t2_us", number(q.t2, 1e6)},
                                  {"readout_p1_given_0", number(q.readoutP1Given0)},
                                  {"readout_p0_given_1", number(q.readoutP0Given1)}});
    root["qubits"] = qubits;
    QJsonArray gates;
    for (const GateCalibration& g : d.gates) {
        QJsonArray qs;
        for (int q : g.qubits)
            qs.append(q);
        gates.append(QJsonObject{{"gate", QString::fromStdString(g.gate)}, {"qubits", qs}, {"error", number(g.error)},
                                 {"duration_ns", number(g.duration, 1e9)}});
    }
    root["gates"] = gates;
    root["repetition_delay_us"] = number(d.repetitionDelay, 1e6);
    root["clops"] = number(d.clops);
    root["shot_rate_hz"] = number(d.shotRate);
    root["quantum_volume"] = d.quantumVolume ? QJsonValue(*d.quantumVolume) : QJsonValue(QJsonValue::Null);
    root["layer_fidelity_100"] = number(d.layerFidelity100);
    root["pricing"] = text(d.pricing);
    root["source"] = text(d.source);
    root["calibration_date"] = text(d.calibrationDate);
    QJsonObject sources;
    for (const auto& [field, source] : d.fieldSources)
        sources[QString::fromStdString(field)] = QString::fromStdString(source);
    root["sources"] = sources;
    return QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString();
}

} // namespace qpilot
