// SPDX-License-Identifier: GPL-3.0-or-later
// app/cli/devices.cpp — `qpilot devices [--json]`: the shipped device profiles with their key
// figures, then the user's what-if copies; `qpilot devices whatif ID --2q-error F ...`: a copy
// with scaled figures saved as a user profile (core scaledDeviceCopy + saveUserDevice);
// `qpilot devices show ID|FILE|ID@DATE [--json]`: everything one profile holds
// (connectivity, medians, per-gate calibration summary, throughput, benchmarks, pricing key,
// the source of every field and the list of values not published). Unknown values are shown
// as 'n/a' (null in JSON), never guessed.
#include "app/cli/cli.h"
#include "app/cli/device_format.h"
#include "app/cli/verbs.h"

#include "core/device/device.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <iomanip>
#include <map>
#include <sstream>

namespace qpilot::cli {

namespace {

const char kUsage[] =
    "Usage: qpilot devices [--json]\n"
    "       qpilot devices show ID|FILE|ID@DATE|ID@latest [--store DIR] [--json]\n"
    "       qpilot devices whatif ID [--1q-error F] [--2q-error F] [--readout F] [--durations F]\n"
    "                         [--coherence F] [--id NEW] [--json]\n"
    "\n"
    "Without a sub-command: lists the device profiles shipped with Qpilot with their key\n"
    "figures: id, provider, qubits, topology, native gates, median 2q gate error (average\n"
    "infidelity), median readout error, median T1 and T2, CLOPS and calibration date; then the\n"
    "what-if copies in the user profile store (marked *).\n"
    "\n"
    "'whatif' saves a copy of profile ID with scaled figures (\"Heron with 2q error x0.5\"):\n"
    "--1q-error, --2q-error and --readout multiply those errors (medians and every calibrated\n"
    "qubit and gate), --durations the gate and readout times, --coherence T1 and T2 (default 1\n"
    "each). The copy is stored as $QPILOT_DATA_DIR/devices/NEW.json (NEW default:\n"
    "ID_2q_x0.5 and so on) and usable by its id everywhere a device id is (pilots, simulate\n"
    "--noise, transpile, estimate); each scaled field's source says what it was scaled from.\n"
    "\n"
    "'show' prints one profile in full: connectivity (couplers, maximum degree, direction),\n"
    "native gates, medians, a summary of the per-gate calibration (count, min/median/max per\n"
    "gate), throughput (CLOPS, shot rate, repetition delay), quantum volume and layer fidelity,\n"
    "the pricing key, the source of every field, and the values that are not published.\n"
    "ID may be a shipped id, a profile JSON file, or a calibration snapshot stored by\n"
    "'qpilot calibration import' (NAME@YYYY-MM-DD or NAME@latest).\n"
    "\n"
    "A value the sources do not give is shown as 'n/a' (null in JSON), never guessed.\n"
    "Use an id with 'qpilot simulate --noise ID'.\n"
    "\n"
    "Options:\n"
    "  --json        print JSON (list: an array of profiles; show: one object)\n"
    "  --store DIR   calibration snapshot store for ID@DATE (default: $QPILOT_DATA_DIR/calibrations,\n"
    "                else the application data directory)\n"
    "  -h, --help    show this help\n";

QJsonValue json(const std::optional<double>& v) { return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null); }
QJsonValue json(const std::string& s) { return s.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(QString::fromStdString(s)); }

std::string joinedGates(const DeviceProfile& d)
{
    std::string s;
    for (const std::string& g : d.nativeGates)
        s += (s.empty() ? "" : " ") + g;
    return s.empty() ? "n/a" : s;
}

int listDevices(bool asJson, std::ostream& out, std::ostream& err)
{
    std::vector<DeviceProfile> devices = builtinDevices();
    const std::size_t shipped = devices.size();
    auto user = listUserDevices(defaultUserDeviceStore());
    if (!user) // a broken copy is named; the shipped profiles are still listed
        err << "qpilot: devices: " << user.error().toString() << "\n";
    else
        for (const UserDevice& u : user.value())
            devices.push_back(u.profile);
    if (asJson) {
        QJsonArray list;
        for (const DeviceProfile& d : devices) {
            QJsonArray natives;
            for (const std::string& g : d.nativeGates)
                natives.append(QString::fromStdString(g));
            list.append(QJsonObject{{"id", QString::fromStdString(d.id)},
                                    {"provider", json(d.provider)},
                                    {"name", json(d.name)},
                                    {"family", json(d.family)},
                                    {"num_qubits", d.numQubits},
                                    {"topology", json(d.topology)},
                                    {"couplers", int(undirectedEdges(d).size())},
                                    {"native_gates", natives},
                                    {"t1_s", json(d.t1)},
                                    {"t2_s", json(d.t2)},
                                    {"gate_error_1q", json(d.gateError1q)},
                                    {"gate_error_2q", json(d.gateError2q)},
                                    {"readout_error", json(d.readoutError)},
                                    {"clops", json(d.clops)},
                                    {"pricing", json(d.pricing)},
                                    {"source", json(d.source)},
                                    {"calibration_date", json(d.calibrationDate)},
                                    {"what_if", list.size() >= int(shipped)}});
        }
        out << QJsonDocument(list).toJson(QJsonDocument::Indented).toStdString();
        return ExitOk;
    }
    out << std::left << std::setw(24) << "id" << std::setw(12) << "provider" << std::right << std::setw(7) << "qubits" << "  "
        << std::left << std::setw(11) << "topology" << std::setw(22) << "native gates" << std::right << std::setw(9) << "2q err"
        << std::setw(9) << "readout" << std::setw(9) << "T1" << std::setw(9) << "T2" << std::setw(8) << "CLOPS" << "  date\n";
    for (std::size_t i = 0; i < devices.size(); ++i) {
        const DeviceProfile& d = devices[i];
        out << std::left << std::setw(24) << (i < shipped ? d.id : d.id + " *") << std::setw(12) << d.provider << std::right << std::setw(7) << d.numQubits << "  "
            << std::left << std::setw(11) << (d.topology.empty() ? "n/a" : d.topology) << std::setw(22) << joinedGates(d)
            << std::right << std::setw(9) << formatValue(d.gateError2q, 1, 2, "") << std::setw(9) << formatValue(d.readoutError, 1, 2, "")
            << std::setw(9) << formatTime(d.t1) << std::setw(9) << formatTime(d.t2) << std::setw(8) << formatCount(d.clops) << "  "
            << (d.calibrationDate.empty() ? std::string("n/a") : d.calibrationDate) << "\n";
    }
    if (devices.size() > shipped)
        out << "\n* what-if copies in " << defaultUserDeviceStore() << " (qpilot devices whatif)";
    out << "\nErrors are average gate infidelities (medians); 'n/a' = not published in the sources.\n"
           "Details and sources: qpilot devices show ID. Imported calibrations: qpilot calibration list.\n";
    return ExitOk;
}

struct GateSummary {
    int count = 0;
    int dead = 0; // error >= 1 (IBM's dead couplers): counted, kept out of the statistics
    std::vector<double> errors, durations;
};

std::map<std::string, GateSummary> summarizeGates(const DeviceProfile& d)
{
    std::map<std::string, GateSummary> out;
    for (const GateCalibration& g : d.gates) {
        GateSummary& s = out[g.gate];
        ++s.count;
        if (g.error && *g.error >= 1)
            ++s.dead;
        else if (g.error)
            s.errors.push_back(*g.error);
        if (g.duration)
            s.durations.push_back(*g.duration);
    }
    for (auto& [name, s] : out) {
        std::sort(s.errors.begin(), s.errors.end());
        std::sort(s.durations.begin(), s.durations.end());
    }
    return out;
}

std::optional<double> medianOf(const std::vector<double>& sorted)
{
    if (sorted.empty())
        return std::nullopt;
    const size_t n = sorted.size();
    return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

// EPLG over a 100-qubit chain from the layer fidelity: 1 - LF^(1/99) (McKay et al. [S25]).
std::optional<double> eplg100(const DeviceProfile& d)
{
    if (!d.layerFidelity100 || *d.layerFidelity100 <= 0)
        return std::nullopt;
    return 1 - std::pow(*d.layerFidelity100, 1.0 / 99);
}

int showDevice(const DeviceProfile& d, bool asJson, std::ostream& out)
{
    const auto gates = summarizeGates(d);
    const int couplerCount = int(undirectedEdges(d).size());
    const std::vector<std::string> unknown = unknownFields(d);
    if (asJson) {
        QJsonObject root = QJsonDocument::fromJson(QByteArray::fromStdString(deviceProfileToJson(d))).object();
        QJsonArray summary;
        for (const auto& [name, s] : gates)
            summary.append(QJsonObject{{"gate", QString::fromStdString(name)},
                                       {"count", s.count},
                                       {"dead", s.dead},
                                       {"error_min", s.errors.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s.errors.front())},
                                       {"error_median", json(medianOf(s.errors))},
                                       {"error_max", s.errors.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s.errors.back())},
                                       {"duration_median_s", json(medianOf(s.durations))}});
        QJsonArray notPublished;
        for (const std::string& u : unknown)
            notPublished.append(QString::fromStdString(u));
        root["coupler_count"] = couplerCount;
        root["max_degree"] = maxDegree(d);
        root["gate_calibration_summary"] = summary;
        root["eplg_100"] = json(eplg100(d));
        root["not_published"] = notPublished;
        out << QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString();
        return ExitOk;
    }
    auto row = [&](const char* label, const std::string& value) { out << "  " << std::left << std::setw(15) << label << value << "\n"; };
    out << d.id << " — " << d.name << "\n";
    row("provider", (d.provider.empty() ? std::string("n/a") : d.provider) + (d.family.empty() ? "" : " (" + d.family + ")"));
    row("qubits", std::to_string(d.numQubits));
    std::string topo = d.topology.empty() ? "n/a" : d.topology;
    if (d.latticeRows > 0)
        topo += " " + std::to_string(d.latticeRows) + "x" + std::to_string(d.latticeColumns);
    topo += d.allToAll ? ", every pair coupled" : std::string(d.directed ? ", directed" : ", undirected");
    topo += ", " + std::to_string(couplerCount) + " couplers, max degree " + std::to_string(maxDegree(d));
    row("topology", topo);
    row("native gates", joinedGates(d));
    row("T1 / T2", formatTime(d.t1) + " / " + formatTime(d.t2) + " (medians)");
    row("gate error", "1q " + formatValue(d.gateError1q, 1, 3, "") + ", 2q " + formatValue(d.gateError2q, 1, 3, "")
                          + " (median average infidelity r)");
    row("readout error", formatValue(d.readoutError, 1, 3, "") + " (median)");
    row("durations", "1q " + formatTime(d.gateTime1q) + ", 2q " + formatTime(d.gateTime2q) + ", readout " + formatTime(d.readoutTime));
    row("per-qubit", d.qubits.empty() ? std::string("none (medians only)") : std::to_string(d.qubits.size()) + " qubits calibrated");
    if (gates.empty()) {
        row("per-gate", "none (medians only)");
    } else {
        bool first = true;
        for (const auto& [name, s] : gates) {
            std::ostringstream line;
            line << name << ": " << s.count << " calibrated";
            if (s.dead)
                line << " (" << s.dead << " dead, error >= 1, left out below)";
            if (!s.errors.empty())
                line << ", error min " << formatValue(s.errors.front(), 1, 3, "") << " / median "
                     << formatValue(medianOf(s.errors), 1, 3, "") << " / max " << formatValue(s.errors.back(), 1, 3, "");
            if (!s.durations.empty())
                line << ", duration median " << formatTime(medianOf(s.durations));
            row(first ? "per-gate" : "", line.str());
            first = false;
        }
    }
    row("throughput", "CLOPS " + formatCount(d.clops) + ", shot rate " + formatValue(d.shotRate, 1, 4, " /s")
                          + ", repetition delay " + formatTime(d.repetitionDelay));
    row("benchmarks", "QV " + (d.quantumVolume ? std::to_string(*d.quantumVolume) : std::string("n/a")) + ", LF100 "
                          + formatValue(d.layerFidelity100, 1, 3, "") + " (EPLG100 " + formatValue(eplg100(d), 100, 3, " %") + ")");
    row("pricing", d.pricing.empty() ? std::string("n/a") : d.pricing);
    row("calibration", d.calibrationDate.empty() ? std::string("n/a") : d.calibrationDate);
    row("source", d.source.empty() ? std::string("n/a") : d.source);
    if (!d.fieldSources.empty()) {
        out << "\nSources per field:\n";
        for (const auto& [field, source] : d.fieldSources)
            out << "  " << field << ": " << source << "\n";
    }
    out << "\nNot published: ";
    if (unknown.empty())
        out << "none";
    for (size_t i = 0; i < unknown.size(); ++i)
        out << (i ? ", " : "") << unknown[i];
    out << "\n";
    return ExitOk;
}

// `devices whatif ID --2q-error F ... [--id NEW]`.
int runWhatIf(const QStringList& pos, const QCommandLineParser& parser, const std::vector<QCommandLineOption>& factorOpts,
              const QCommandLineOption& idOpt, bool asJson, std::ostream& out, std::ostream& err)
{
    if (pos.size() != 2)
        return reportError(err, ExitUsage, "devices whatif: expected one device ID (see 'qpilot devices')", kDevicesVerb.name);
    DeviceScaling s;
    double* targets[] = {&s.error1q, &s.error2q, &s.readout, &s.durations, &s.coherence};
    for (std::size_t i = 0; i < factorOpts.size(); ++i) {
        if (!parser.isSet(factorOpts[i]))
            continue;
        bool ok = false;
        *targets[i] = parser.value(factorOpts[i]).toDouble(&ok);
        if (!ok)
            return reportError(err, ExitUsage, "devices whatif: --" + factorOpts[i].names().first().toStdString() + ": not a number '"
                                                   + parser.value(factorOpts[i]).toStdString() + "'",
                               kDevicesVerb.name);
    }
    auto original = findDevice(pos[1].toStdString());
    if (!original)
        return reportError(err, ExitUsage, "devices whatif: " + original.error().toString());
    const std::string id = parser.isSet(idOpt) ? parser.value(idOpt).toStdString() : suggestedCopyId(original->id, s);
    auto copy = scaledDeviceCopy(original.value(), s, id);
    if (!copy)
        return reportError(err, ExitUsage, "devices whatif: " + copy.error().toString());
    auto path = saveUserDevice(copy.value(), defaultUserDeviceStore());
    if (!path)
        return reportError(err, ExitFailed, "devices whatif: " + path.error().toString());
    const DeviceProfile& c = copy.value();
    if (asJson) {
        out << QJsonDocument(QJsonObject{{"id", QString::fromStdString(c.id)},
                                         {"from", QString::fromStdString(original->id)},
                                         {"scaling", QString::fromStdString(describeScaling(s))},
                                         {"path", QString::fromStdString(path.value())},
                                         {"gate_error_1q", json(c.gateError1q)},
                                         {"gate_error_2q", json(c.gateError2q)},
                                         {"readout_error", json(c.readoutError)},
                                         {"t1_s", json(c.t1)},
                                         {"t2_s", json(c.t2)}})
                   .toJson(QJsonDocument::Indented)
                   .toStdString();
        return ExitOk;
    }
    const DeviceProfile& o = original.value();
    out << c.id << " — " << c.name << "\n"
        << "  from          " << o.id << " (" << describeScaling(s) << ")\n"
        << "  2q error      " << formatValue(o.gateError2q, 1, 3, "") << " -> " << formatValue(c.gateError2q, 1, 3, "") << "\n"
        << "  1q error      " << formatValue(o.gateError1q, 1, 3, "") << " -> " << formatValue(c.gateError1q, 1, 3, "") << "\n"
        << "  readout error " << formatValue(o.readoutError, 1, 3, "") << " -> " << formatValue(c.readoutError, 1, 3, "") << "\n"
        << "  T1 / T2       " << formatTime(o.t1) << " / " << formatTime(o.t2) << " -> " << formatTime(c.t1) << " / " << formatTime(c.t2) << "\n"
        << "  saved to      " << path.value() << "\n"
        << "Use it as a device id: qpilot simulate FILE --noise " << c.id << ", or in a pilot's devices.\n";
    return ExitOk;
}

int runDevices(const QStringList& args, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOpt(QStringLiteral("json"));
    const QCommandLineOption storeOpt(QStringLiteral("store"), QStringLiteral("snapshot store"), QStringLiteral("DIR"));
    const std::vector<QCommandLineOption> factorOpts = {
        {QStringLiteral("1q-error"), QStringLiteral("1q error factor"), QStringLiteral("F")},
        {QStringLiteral("2q-error"), QStringLiteral("2q error factor"), QStringLiteral("F")},
        {QStringLiteral("readout"), QStringLiteral("readout error factor"), QStringLiteral("F")},
        {QStringLiteral("durations"), QStringLiteral("durations factor"), QStringLiteral("F")},
        {QStringLiteral("coherence"), QStringLiteral("T1/T2 factor"), QStringLiteral("F")}};
    const QCommandLineOption idOpt(QStringLiteral("id"), QStringLiteral("id of the copy"), QStringLiteral("NEW"));
    parser.addOptions({jsonOpt, storeOpt, idOpt, helpOption()});
    for (const QCommandLineOption& o : factorOpts)
        parser.addOption(o);
    if (int code = parseVerbArgs(parser, kDevicesVerb, args, out, err); code >= 0)
        return code;
    const QStringList pos = parser.positionalArguments();
    const bool asJson = parser.isSet(jsonOpt);
    const bool whatIf = !pos.isEmpty() && pos.first() == QLatin1String("whatif");
    if (!whatIf) {
        for (const QCommandLineOption& o : factorOpts)
            if (parser.isSet(o))
                return reportError(err, ExitUsage, "devices: --" + o.names().first().toStdString() + " belongs to 'devices whatif'",
                                   kDevicesVerb.name);
        if (parser.isSet(idOpt))
            return reportError(err, ExitUsage, "devices: --id belongs to 'devices whatif'", kDevicesVerb.name);
    }
    if (whatIf) {
        if (parser.isSet(storeOpt))
            return reportError(err, ExitUsage, "devices: --store applies to 'devices show ID@DATE'", kDevicesVerb.name);
        return runWhatIf(pos, parser, factorOpts, idOpt, asJson, out, err);
    }
    if (pos.isEmpty()) {
        if (parser.isSet(storeOpt))
            return reportError(err, ExitUsage, "devices: --store applies to 'devices show ID@DATE'", kDevicesVerb.name);
        return listDevices(asJson, out, err);
    }
    if (pos.first() != QLatin1String("show"))
        return reportError(err, ExitUsage, "devices: unknown sub-command '" + pos.first().toStdString()
                                               + "' (use 'devices', 'devices show ID' or 'devices whatif ID')",
                           kDevicesVerb.name);
    if (pos.size() != 2)
        return reportError(err, ExitUsage, pos.size() < 2 ? "devices show: missing ID (a device id, profile file or NAME@DATE snapshot)"
                                                          : "devices show: one ID expected, got " + std::to_string(pos.size() - 1),
                           kDevicesVerb.name);
    const std::string store = parser.isSet(storeOpt) ? parser.value(storeOpt).toStdString() : defaultCalibrationStore();
    auto device = findDevice(pos[1].toStdString(), store);
    if (!device)
        return reportError(err, ExitUsage, "devices show: " + device.error().toString());
    return showDevice(device.value(), asJson, out);
}

} // namespace

const Verb kDevicesVerb = {
    "devices",
    "list the device profiles, show one in full, or save a what-if copy with scaled figures",
    "devices [show ID|FILE|ID@DATE | whatif ID --2q-error F ...] [--json]",
    kUsage,
    &runDevices,
};

} // namespace qpilot::cli
