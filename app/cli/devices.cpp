// SPDX-License-Identifier: GPL-3.0-or-later
// app/cli/devices.cpp — `qpilot devices [--json]`: the device profiles Qpilot ships, with
// their key calibration figures, source and date (unknown values shown as such).
#include "app/cli/cli.h"
#include "app/cli/verbs.h"

#include "core/device/device.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <iomanip>
#include <sstream>

namespace qpilot::cli {

namespace {

const char kUsage[] =
    "Usage: qpilot devices [--json]\n"
    "\n"
    "Lists the device profiles shipped with Qpilot: id, provider, qubits, median T1/T2, 1q and\n"
    "2q gate errors (average infidelity), readout error, and the source and date of the\n"
    "figures. A value the sources do not give is shown as 'n/a' (null in JSON), never guessed.\n"
    "Use an id with 'qpilot simulate --noise ID'.\n"
    "\n"
    "Options:\n"
    "  --json      print a JSON array of profiles\n"
    "  -h, --help  show this help\n";

std::string fmt(const std::optional<double>& v, double scale, int precision, const char* unit)
{
    if (!v)
        return "n/a";
    std::ostringstream s;
    s << std::setprecision(precision) << *v * scale << unit;
    return s.str();
}

// A time in seconds with a readable unit (µs for superconducting T1/T2, s for trapped ions).
std::string fmtTime(const std::optional<double>& seconds)
{
    if (!seconds)
        return "n/a";
    if (*seconds >= 0.1)
        return fmt(seconds, 1, 3, " s");
    if (*seconds >= 1e-3)
        return fmt(seconds, 1e3, 3, " ms");
    return fmt(seconds, 1e6, 3, " us");
}

QJsonValue json(const std::optional<double>& v) { return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null); }

int runDevices(const QStringList& args, std::ostream& out, std::ostream& err)
{
    QCommandLineParser parser;
    const QCommandLineOption jsonOpt(QStringLiteral("json"));
    parser.addOptions({jsonOpt, helpOption()});
    if (int code = parseVerbArgs(parser, kDevicesVerb, args, out, err); code >= 0)
        return code;
    if (!parser.positionalArguments().isEmpty())
        return reportError(err, ExitUsage, "devices: takes no arguments", kDevicesVerb.name);
    const std::vector<DeviceProfile> devices = builtinDevices();
    if (parser.isSet(jsonOpt)) {
        QJsonArray list;
        for (const DeviceProfile& d : devices)
            list.append(QJsonObject{{"id", QString::fromStdString(d.id)},
                                    {"provider", QString::fromStdString(d.provider)},
                                    {"name", QString::fromStdString(d.name)},
                                    {"num_qubits", d.numQubits},
                                    {"t1_s", json(d.t1)},
                                    {"t2_s", json(d.t2)},
                                    {"gate_error_1q", json(d.gateError1q)},
                                    {"gate_error_2q", json(d.gateError2q)},
                                    {"readout_error", json(d.readoutError)},
                                    {"source", QString::fromStdString(d.source)},
                                    {"calibration_date", QString::fromStdString(d.calibrationDate)}});
        out << QJsonDocument(list).toJson(QJsonDocument::Indented).toStdString();
        return ExitOk;
    }
    out << std::left << std::setw(18) << "id" << std::setw(12) << "provider" << std::right << std::setw(7) << "qubits"
        << std::setw(10) << "T1" << std::setw(10) << "T2" << std::setw(10) << "1q err" << std::setw(10) << "2q err"
        << std::setw(10) << "readout" << "  date\n";
    for (const DeviceProfile& d : devices)
        out << std::left << std::setw(18) << d.id << std::setw(12) << d.provider << std::right << std::setw(7) << d.numQubits
            << std::setw(10) << fmtTime(d.t1) << std::setw(10) << fmtTime(d.t2)
            << std::setw(10) << fmt(d.gateError1q, 1, 2, "") << std::setw(10) << fmt(d.gateError2q, 1, 2, "")
            << std::setw(10) << fmt(d.readoutError, 1, 2, "") << "  " << (d.calibrationDate.empty() ? std::string("n/a") : d.calibrationDate) << "\n";
    out << "\nGate errors are average infidelities; sources are in each profile (qpilot devices --json).\n";
    return ExitOk;
}

} // namespace

const Verb kDevicesVerb = {
    "devices",
    "list the shipped device profiles (qubits, T1/T2, gate and readout errors, date)",
    "devices [--json]",
    kUsage,
    &runDevices,
};

} // namespace qpilot::cli
