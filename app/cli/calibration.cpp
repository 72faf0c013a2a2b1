// SPDX-License-Identifier: GPL-3.0-or-later
// app/cli/calibration.cpp — `qpilot calibration import FILE... [--store DIR] [--json]`: reads
// Qiskit BackendProperties (+ BackendConfiguration) JSON or IBM REST replies and stores a dated
// snapshot profile; `qpilot calibration list [--store DIR] [--json]`: the stored snapshots.
#include "app/cli/cli.h"
#include "app/cli/device_format.h"
#include "app/cli/verbs.h"

#include "core/device/device.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <iomanip>

namespace qpilot::cli {

namespace {

const char kUsage[] =
    "Usage: qpilot calibration import FILE... [--store DIR] [--json]\n"
    "       qpilot calibration list [--store DIR] [--json]\n"
    "\n"
    "'import' reads a device calibration in the formats Qiskit and IBM use: a BackendProperties\n"
    "JSON (qiskit-ibm-runtime fake backends' props_*.json, or the reply of IBM's REST\n"
    "/backends/NAME/properties) and, optionally, the matching BackendConfiguration JSON\n"
    "(conf_*.json or /backends/NAME/configuration) for the coupling map, basis gates, default\n"
    "repetition delay, CLOPS and quantum volume. The files may come in any order; each is\n"
    "recognised by its keys. The result is stored as a dated snapshot profile\n"
    "  STORE/NAME/YYYY-MM-DD.json   (id NAME@YYYY-MM-DD, date = last_update_date)\n"
    "usable wherever a device id is (qpilot devices show NAME@DATE, simulate --noise\n"
    "NAME@latest). Importing the same calibration again changes nothing.\n"
    "\n"
    "'list' prints the stored snapshots.\n"
    "\n"
    "Options:\n"
    "  --store DIR   snapshot store (default: $QPILOT_DATA_DIR/calibrations if set, else the\n"
    "                application data directory)\n"
    "  --json        print JSON\n"
    "  -h, --help    show this help\n";

QJsonValue json(const std::optional<double>& v) { return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null); }

int runImport(const QStringList& files, const std::string& store, bool asJson, std::ostream& out, std::ostream& err)
{
    if (files.isEmpty())
        return reportError(err, ExitUsage, "calibration import: missing FILE (a Qiskit properties JSON, optionally with its configuration JSON)",
                           kCalibrationVerb.name);
    std::vector<std::string> paths;
    for (const QString& f : files)
        paths.push_back(f.toStdString());
    auto imported = importQiskitCalibrationFiles(paths);
    if (!imported)
        return reportError(err, ExitUsage, "calibration import: " + imported.error().toString());
    auto saved = saveCalibrationSnapshot(imported->profile, store);
    if (!saved)
        return reportError(err, ExitFailed, "calibration import: " + saved.error().toString());
    const DeviceProfile& d = imported->profile;
    const char* status = saved->unchanged ? "unchanged" : saved->replaced ? "replaced" : "new";
    if (asJson) {
        QJsonArray natives, notes;
        for (const std::string& g : d.nativeGates)
            natives.append(QString::fromStdString(g));
        for (const std::string& n : imported->notes)
            notes.append(QString::fromStdString(n));
        const QJsonObject o{{"id", QString::fromStdString(saved->snapshot.id)},
                            {"backend", QString::fromStdString(saved->snapshot.backend)},
                            {"date", QString::fromStdString(saved->snapshot.date)},
                            {"path", QString::fromStdString(saved->snapshot.path)},
                            {"status", status},
                            {"num_qubits", d.numQubits},
                            {"couplers", int(undirectedEdges(d).size())},
                            {"directed", d.directed},
                            {"topology", QString::fromStdString(d.topology)},
                            {"native_gates", natives},
                            {"gate_calibrations", int(d.gates.size())},
                            {"t1_s", json(d.t1)},
                            {"t2_s", json(d.t2)},
                            {"gate_error_1q", json(d.gateError1q)},
                            {"gate_error_2q", json(d.gateError2q)},
                            {"readout_error", json(d.readoutError)},
                            {"notes", notes}};
        out << QJsonDocument(o).toJson(QJsonDocument::Indented).toStdString();
        return ExitOk;
    }
    out << "snapshot " << saved->snapshot.id << " (" << status << ")\n"
        << "  path          " << saved->snapshot.path << "\n"
        << "  qubits        " << d.numQubits << ", " << d.topology << ", " << undirectedEdges(d).size() << " couplers"
        << (d.directed ? " (directed)" : "") << "\n"
        << "  native gates  ";
    for (size_t i = 0; i < d.nativeGates.size(); ++i)
        out << (i ? " " : "") << d.nativeGates[i];
    out << "\n  medians       T1 " << formatTime(d.t1) << ", T2 " << formatTime(d.t2) << ", 1q error " << formatValue(d.gateError1q, 1, 3, "")
        << ", 2q error " << formatValue(d.gateError2q, 1, 3, "") << ", readout " << formatValue(d.readoutError, 1, 3, "") << "\n"
        << "  calibrated    " << d.qubits.size() << " qubits, " << d.gates.size() << " gates\n";
    for (const std::string& n : imported->notes)
        out << "  note: " << n << "\n";
    out << "Use it as a device id: qpilot devices show " << saved->snapshot.id << "\n";
    return ExitOk;
}

int runList(const std::string& store, bool asJson, std::ostream& out, std::ostream& err)
{
    auto list = listCalibrationSnapshots(store);
    if (!list)
        return reportError(err, ExitFailed, "calibration list: " + list.error().toString());
    QJsonArray arr;
    if (!asJson)
        out << "snapshot store: " << store << "\n";
    if (!asJson && list->empty())
        out << "no snapshots (store one with 'qpilot calibration import FILE...')\n";
    else if (!asJson)
        out << std::left << std::setw(36) << "id" << std::right << std::setw(7) << "qubits" << std::setw(10) << "2q err" << std::setw(10)
            << "T1" << "  path\n";
    for (const CalibrationSnapshot& s : list.value()) {
        auto d = findDevice(s.id, store);
        if (asJson) {
            QJsonObject o{{"id", QString::fromStdString(s.id)},
                          {"backend", QString::fromStdString(s.backend)},
                          {"date", QString::fromStdString(s.date)},
                          {"path", QString::fromStdString(s.path)},
                          {"valid", bool(d)}};
            if (d) {
                o["num_qubits"] = d->numQubits;
                o["gate_error_2q"] = json(d->gateError2q);
                o["t1_s"] = json(d->t1);
            } else {
                o["error"] = QString::fromStdString(d.error().toString());
            }
            arr.append(o);
            continue;
        }
        if (d)
            out << std::left << std::setw(36) << s.id << std::right << std::setw(7) << d->numQubits << std::setw(10)
                << formatValue(d->gateError2q, 1, 3, "") << std::setw(10) << formatTime(d->t1) << "  " << s.path << "\n";
        else
            out << std::left << std::setw(36) << s.id << "  unreadable: " << d.error().toString() << "\n";
    }
    if (asJson)
        out << QJsonDocument(arr).toJson(QJsonDocument::Indented).toStdString();
    return ExitOk;
}

int runCalibration(const QStringList& args, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOpt(QStringLiteral("json"));
    const QCommandLineOption storeOpt(QStringLiteral("store"), QStringLiteral("snapshot store"), QStringLiteral("DIR"));
    parser.addOptions({jsonOpt, storeOpt, helpOption()});
    if (int code = parseVerbArgs(parser, kCalibrationVerb, args, out, err); code >= 0)
        return code;
    QStringList pos = parser.positionalArguments();
    if (pos.isEmpty())
        return reportError(err, ExitUsage, "calibration: missing sub-command ('import FILE...' or 'list')", kCalibrationVerb.name);
    const QString sub = pos.takeFirst();
    const std::string store = parser.isSet(storeOpt) ? parser.value(storeOpt).toStdString() : defaultCalibrationStore();
    if (parser.isSet(storeOpt) && parser.value(storeOpt).isEmpty())
        return reportError(err, ExitUsage, "calibration: --store needs a directory", kCalibrationVerb.name);
    if (sub == QLatin1String("import"))
        return runImport(pos, store, parser.isSet(jsonOpt), out, err);
    if (sub == QLatin1String("list")) {
        if (!pos.isEmpty())
            return reportError(err, ExitUsage, "calibration list: takes no arguments", kCalibrationVerb.name);
        return runList(store, parser.isSet(jsonOpt), out, err);
    }
    return reportError(err, ExitUsage, "calibration: unknown sub-command '" + sub.toStdString() + "' (use 'import FILE...' or 'list')",
                       kCalibrationVerb.name);
}

} // namespace

const Verb kCalibrationVerb = {
    "calibration",
    "import a Qiskit/IBM calibration as a dated device snapshot, or list the snapshots",
    "calibration import FILE... | list [--store DIR] [--json]",
    kUsage,
    &runCalibration,
};

} // namespace qpilot::cli
