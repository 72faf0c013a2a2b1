// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/braket_json.cpp — the pure parts of the Amazon Braket client (see braket_json.h).
#include "core/cloud/braket_json.h"

#include "core/circuit/dialects.h"
#include "core/circuit/qasm.h"
#include "core/cloud/sigv4.h"
#include "core/common/json.h"
#include "core/cloud/jobs.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <set>

namespace qpilot::cloud::braket {

namespace {

std::string lowerCase(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string toStd(const QString& s) { return s.toStdString(); }

Error fieldError(const std::string& what, const std::string& field, const std::string& problem)
{
    return Error{"Amazon Braket " + what + ": field '" + field + "' " + problem};
}

Result<QJsonObject> parseReply(const std::string& body, const std::string& what)
{
    if (body.empty())
        return Error{"Amazon Braket " + what + ": empty reply body"};
    auto o = parseJsonObject(body, "Amazon Braket " + what, "Amazon Braket " + what + " is not a JSON object");
    if (!o)
        return Error{o.error().toString() + " (malformed or truncated reply)"};
    return o;
}

Result<std::string> requireString(const QJsonObject& o, const char* field, const std::string& what)
{
    const QJsonValue v = o.value(QLatin1String(field));
    if (v.isUndefined() || v.isNull())
        return fieldError(what, field, "is missing");
    if (!v.isString())
        return fieldError(what, field, "is not a string");
    if (v.toString().isEmpty())
        return fieldError(what, field, "is empty");
    return toStd(v.toString());
}

std::optional<int> intOf(const QJsonValue& v)
{
    if (v.isDouble())
        return static_cast<int>(v.toDouble());
    if (v.isString()) {
        bool ok = false;
        const int n = v.toString().toInt(&ok);
        if (ok)
            return n;
    }
    return std::nullopt;
}

} // namespace

std::string encodePathParameter(const std::string& value) { return sigv4::uriEncode(value, false); }

std::string arnRegion(const std::string& arn)
{
    // arn:partition:service:region:account:resource
    std::vector<std::string> parts;
    size_t s = 0;
    for (int i = 0; i < 5; ++i) {
        const size_t e = arn.find(':', s);
        if (e == std::string::npos)
            return {};
        parts.push_back(arn.substr(s, e - s));
        s = e + 1;
    }
    return parts.size() == 5 && parts[0] == "arn" ? parts[3] : std::string();
}

namespace {

Result<DeviceInfo> deviceFromObject(const QJsonObject& o, const std::string& what)
{
    DeviceInfo d;
    d.device.provider = Provider::Braket;
    auto arn = requireString(o, "deviceArn", what);
    if (!arn)
        return arn.error();
    d.device.id = arn.value();
    d.device.name = toStd(o.value("deviceName").toString());
    auto status = requireString(o, "deviceStatus", what);
    if (!status)
        return status.error();
    if (status.value() != "ONLINE" && status.value() != "OFFLINE" && status.value() != "RETIRED")
        return fieldError(what, "deviceStatus", "has the unknown value '" + status.value() + "' (expected ONLINE, OFFLINE or RETIRED)");
    d.device.status = lowerCase(status.value());
    d.device.available = status.value() == "ONLINE";
    d.deviceType = toStd(o.value("deviceType").toString());
    d.providerName = toStd(o.value("providerName").toString());
    d.device.profileId = profileIdForCloudDevice(Provider::Braket, d.device.id);
    if (o.contains("deviceQueueInfo")) {
        if (!o.value("deviceQueueInfo").isArray())
            return fieldError(what, "deviceQueueInfo", "is not an array");
        for (const QJsonValue& q : o.value("deviceQueueInfo").toArray()) {
            const QJsonObject qo = q.toObject();
            if (qo.value("queue").toString() != "QUANTUM_TASKS_QUEUE")
                continue;
            if (qo.value("queuePriority").toString("Normal") != "Normal")
                continue;
            const auto n = intOf(qo.value("queueSize"));
            if (!n)
                return fieldError(what, "deviceQueueInfo[].queueSize", "is not a number");
            d.device.queueLength = *n;
        }
    }
    return d;
}

} // namespace

Result<DeviceInfo> parseDevice(const std::string& body, const std::string& what)
{
    auto o = parseReply(body, what);
    if (!o)
        return o.error();
    auto d = deviceFromObject(o.value(), what);
    if (!d)
        return d;
    DeviceInfo info = d.value();
    const QJsonValue capsValue = o->value("deviceCapabilities");
    if (capsValue.isUndefined())
        return fieldError(what, "deviceCapabilities", "is missing");
    if (!capsValue.isString())
        return fieldError(what, "deviceCapabilities", "is not a JSON string (Braket sends the capabilities document as a string)");
    auto caps = parseJsonObject(toStd(capsValue.toString()), "Amazon Braket " + what + " deviceCapabilities",
                                "deviceCapabilities is not a JSON object");
    if (!caps)
        return Error{caps.error().toString()};
    const QJsonObject paradigm = caps->value("paradigm").toObject();
    const auto qubits = intOf(paradigm.value("qubitCount"));
    if (!qubits)
        return fieldError(what, "deviceCapabilities.paradigm.qubitCount", "is missing or not a number");
    info.device.qubits = *qubits;
    const QJsonObject action = caps->value("action").toObject().value(kOpenQasmAction).toObject();
    for (const QJsonValue& g : action.value("supportedOperations").toArray())
        info.supportedOperations.push_back(lowerCase(toStd(g.toString())));
    for (const QJsonValue& g : paradigm.value("nativeGateSet").toArray())
        info.device.nativeGates.push_back(lowerCase(toStd(g.toString())));
    if (info.device.nativeGates.empty())
        info.device.nativeGates = info.supportedOperations;
    const QJsonObject service = caps->value("service").toObject();
    if (auto ms = intOf(service.value("getTaskPollIntervalMillis")))
        info.pollIntervalMillis = *ms;
    const QJsonArray shots = service.value("shotsRange").toArray();
    if (shots.size() == 2)
        info.shotsRange = std::make_pair(shots.at(0).toInt(), shots.at(1).toInt());
    return info;
}

Result<DevicePage> parseSearchDevices(const std::string& body)
{
    const std::string what = "SearchDevices reply";
    auto o = parseReply(body, what);
    if (!o)
        return o.error();
    if (!o->value("devices").isArray())
        return fieldError(what, "devices", "is missing or not an array");
    DevicePage page;
    int i = 0;
    for (const QJsonValue& v : o->value("devices").toArray()) {
        auto d = deviceFromObject(v.toObject(), what + " devices[" + std::to_string(i++) + "]");
        if (!d)
            return d.error();
        page.devices.push_back(d.value());
    }
    page.nextToken = toStd(o->value("nextToken").toString());
    return page;
}

Result<BraketProgram> toBraketProgram(const std::string& qasm, bool physicalQubits)
{
    auto circuit = parseQasm(qasm, "<submitted circuit>");
    if (!circuit)
        return Error{"the circuit is not valid OpenQASM: " + circuit.error().toString()};
    if (!circuit->parameters.empty())
        return Error{"parameter '" + circuit->parameters.front() + "' is not bound; bind every parameter before submitting"};
    // With a virtual register (Braket may place qubits anyway), the qubits used are numbered
    // 0..k-1: an ISA circuit on physical qubits $57 and $58 becomes qubit[2], not qubit[59].
    // Counts are keyed by classical bits, so this does not change the result.
    Circuit compact = circuit.value();
    if (!physicalQubits) {
        std::set<int> used;
        bool plain = true;
        for (const Operation& op : compact.ops) {
            if (const auto* g = std::get_if<GateOp>(&op.op))
                used.insert(g->qubits.begin(), g->qubits.end());
            else if (const auto* m = std::get_if<MeasureOp>(&op.op))
                used.insert(m->qubit);
            else if (!std::holds_alternative<BarrierOp>(op.op))
                plain = false;   // reset, delay, if/else: left for the writer to refuse
        }
        if (plain && !used.empty() && static_cast<int>(used.size()) < compact.numQubits()) {
            std::map<int, int> index;
            for (int q : used)
                index.emplace(q, static_cast<int>(index.size()));
            Circuit c;
            c.addQreg("q", static_cast<int>(used.size()));
            c.cregs = compact.cregs;
            c.parameters = compact.parameters;
            c.definitions = compact.definitions;
            for (const Operation& op : compact.ops) {
                if (const auto* g = std::get_if<GateOp>(&op.op)) {
                    GateOp mapped = *g;
                    for (int& q : mapped.qubits)
                        q = index.at(q);
                    c.ops.push_back(Operation{mapped});
                } else if (const auto* m = std::get_if<MeasureOp>(&op.op)) {
                    c.ops.push_back(Operation{MeasureOp{index.at(m->qubit), m->clbit}});
                }
            }
            compact = std::move(c);
        }
    }
    auto text = writeBraketQasm(compact);
    if (!text)
        return Error{"the circuit cannot be written in Braket's OpenQASM dialect: " + text.error().message};
    BraketProgram p;
    p.qubitCount = compact.numQubits();
    std::string source = text.value();
    if (physicalQubits) {
        static const QRegularExpression decl(QStringLiteral("^qubit\\[\\d+\\] q;\\n"), QRegularExpression::MultilineOption);
        static const QRegularExpression ref(QStringLiteral("\\bq\\[(\\d+)\\]"));
        QString s = QString::fromStdString(source);
        s.remove(decl);
        s.replace(ref, QStringLiteral("$\\1"));
        source = s.toStdString();
    }
    p.source = source;
    // Gate names used: the first word of each statement that is not a declaration or measurement.
    std::set<std::string> names;
    static const QRegularExpression stmt(QStringLiteral("^([a-z_][a-z0-9_]*)[ (]"), QRegularExpression::MultilineOption);
    static const std::set<std::string> keywords = {"qubit", "bit", "input", "measure", "b", "barrier", "include", "reset"};
    auto it = stmt.globalMatch(QString::fromStdString(source));
    while (it.hasNext()) {
        const std::string w = toStd(it.next().captured(1));
        if (!keywords.count(w))
            names.insert(w);
    }
    p.gates.assign(names.begin(), names.end());
    return p;
}

std::optional<Error> checkSupported(const BraketProgram& program, const DeviceInfo& device)
{
    if (device.supportedOperations.empty())
        return std::nullopt;
    for (const std::string& g : program.gates)
        if (std::find(device.supportedOperations.begin(), device.supportedOperations.end(), g) == device.supportedOperations.end())
            return Error{"Amazon Braket: device " + device.device.id + " does not support the gate '" + g
                         + "' (it supports: " + [&] {
                               std::string all;
                               for (const auto& s : device.supportedOperations)
                                   all += (all.empty() ? "" : ", ") + s;
                               return all;
                           }() + "); transpile the circuit for this device first"};
    if (device.device.qubits > 0 && program.qubitCount > device.device.qubits)
        return Error{"Amazon Braket: the circuit uses " + std::to_string(program.qubitCount) + " qubits but "
                     + device.device.id + " has " + std::to_string(device.device.qubits)};
    return std::nullopt;
}

std::string createTaskBody(const CreateTaskInput& in)
{
    QJsonObject action{{"braketSchemaHeader", QJsonObject{{"name", kOpenQasmAction}, {"version", "1"}}},
                       {"source", QString::fromStdString(in.program.source)},
                       {"inputs", QJsonObject{}}};
    // Device parameters by device family (amazon-braket-schemas-python device_schema/*).
    std::string schema = "braket.device_schema.common.gate_model_device_parameters";
    if (in.deviceType == "SIMULATOR")
        schema = "braket.device_schema.simulators.gate_model_simulator_device_parameters";
    else if (lowerCase(in.providerName) == "ionq" || in.deviceArn.find("/qpu/ionq/") != std::string::npos)
        schema = "braket.device_schema.ionq.ionq_device_parameters";
    else if (in.deviceArn.find("/qpu/rigetti/") != std::string::npos)
        schema = "braket.device_schema.rigetti.rigetti_device_parameters";
    else if (in.deviceArn.find("/qpu/iqm/") != std::string::npos)
        schema = "braket.device_schema.iqm.iqm_device_parameters";
    QJsonObject params{
        {"braketSchemaHeader", QJsonObject{{"name", QString::fromStdString(schema)}, {"version", "1"}}},
        {"paradigmParameters", QJsonObject{{"braketSchemaHeader", QJsonObject{{"name", "braket.device_schema.gate_model_parameters"},
                                                                              {"version", "1"}}},
                                           {"qubitCount", in.program.qubitCount},
                                           {"disableQubitRewiring", in.physicalQubits}}}};
    QJsonObject tags;
    for (const auto& [k, v] : in.tags)
        tags.insert(QString::fromStdString(k), QString::fromStdString(v));
    tags.insert(kClientTokenTag, QString::fromStdString(in.clientToken));
    QJsonObject body{{"clientToken", QString::fromStdString(in.clientToken)},
                     {"deviceArn", QString::fromStdString(in.deviceArn)},
                     {"shots", in.shots},
                     {"outputS3Bucket", QString::fromStdString(in.bucket)},
                     {"outputS3KeyPrefix", QString::fromStdString(in.keyPrefix)},
                     {"action", QString::fromUtf8(QJsonDocument(action).toJson(QJsonDocument::Compact))},
                     {"deviceParameters", QString::fromUtf8(QJsonDocument(params).toJson(QJsonDocument::Compact))},
                     {"tags", tags}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString();
}

Result<std::string> parseCreateTaskReply(const std::string& body)
{
    auto o = parseReply(body, "CreateQuantumTask reply");
    if (!o)
        return o.error();
    return requireString(o.value(), "quantumTaskArn", "CreateQuantumTask reply");
}

Result<JobState> stateFromBraket(const std::string& status)
{
    if (status == "CREATED" || status == "QUEUED")
        return JobState::Queued;
    if (status == "RUNNING" || status == "CANCELLING")
        return JobState::Running;
    if (status == "COMPLETED")
        return JobState::Completed;
    if (status == "FAILED")
        return JobState::Failed;
    if (status == "CANCELLED")
        return JobState::Cancelled;
    return Error{"unknown quantum task status '" + status + "'"};
}

Result<TaskInfo> parseTask(const QJsonObject& o, const std::string& what)
{
    TaskInfo t;
    auto arn = requireString(o, "quantumTaskArn", what);
    if (!arn)
        return arn.error();
    auto status = requireString(o, "status", what);
    if (!status)
        return status.error();
    auto state = stateFromBraket(status.value());
    if (!state)
        return fieldError(what, "status", "has the unknown value '" + status.value()
                                              + "' (expected CREATED, QUEUED, RUNNING, COMPLETED, FAILED, CANCELLING or CANCELLED)");
    t.status.state = state.value();
    t.status.providerJobId = arn.value();
    t.status.message = toStd(o.value("failureReason").toString());
    if (status.value() == "CANCELLING" && t.status.message.empty())
        t.status.message = "CANCELLING: cancellation requested";
    t.status.createdAt = toStd(o.value("createdAt").toString());
    t.status.endedAt = toStd(o.value("endedAt").toString());
    t.deviceArn = toStd(o.value("deviceArn").toString());
    t.bucket = toStd(o.value("outputS3Bucket").toString());
    t.directory = toStd(o.value("outputS3Directory").toString());
    t.shots = o.value("shots").toInt();
    t.clientTokenTag = toStd(o.value("tags").toObject().value(kClientTokenTag).toString());
    return t;
}

Result<TaskInfo> parseGetTask(const std::string& body)
{
    auto o = parseReply(body, "GetQuantumTask reply");
    if (!o)
        return o.error();
    auto t = parseTask(o.value(), "GetQuantumTask reply");
    if (!t)
        return t;
    if (t->status.state == JobState::Completed) {
        if (t->bucket.empty())
            return fieldError("GetQuantumTask reply", "outputS3Bucket", "is missing for a COMPLETED task");
        if (t->directory.empty())
            return fieldError("GetQuantumTask reply", "outputS3Directory", "is missing for a COMPLETED task");
    }
    return t;
}

Result<TaskPage> parseSearchTasks(const std::string& body)
{
    const std::string what = "SearchQuantumTasks reply";
    auto o = parseReply(body, what);
    if (!o)
        return o.error();
    if (!o->value("quantumTasks").isArray())
        return fieldError(what, "quantumTasks", "is missing or not an array");
    TaskPage page;
    int i = 0;
    for (const QJsonValue& v : o->value("quantumTasks").toArray()) {
        auto t = parseTask(v.toObject(), what + " quantumTasks[" + std::to_string(i++) + "]");
        if (!t)
            return t.error();
        page.tasks.push_back(t.value());
    }
    page.nextToken = toStd(o->value("nextToken").toString());
    return page;
}

Result<JobResult> parseResults(const std::string& body)
{
    const std::string what = "results.json";
    auto o = parseReply(body, what);
    if (!o)
        return o.error();
    const std::string schema = toStd(o->value("braketSchemaHeader").toObject().value("name").toString());
    if (schema != kResultSchema)
        return fieldError(what, "braketSchemaHeader.name", "is '" + schema + "', expected '" + kResultSchema + "'");

    // measuredQubits: the qubit each measurement column belongs to.
    std::vector<int> measured;
    for (const QJsonValue& q : o->value("measuredQubits").toArray()) {
        if (!q.isDouble())
            return fieldError(what, "measuredQubits", "holds a non-integer");
        measured.push_back(q.toInt());
    }
    // Braket-order keys (measuredQubits[0] first) with their counts.
    std::map<std::string, std::int64_t> braketCounts;
    int shots = 0;
    if (o->contains("measurements")) {
        if (!o->value("measurements").isArray())
            return fieldError(what, "measurements", "is not an array");
        int row = 0;
        for (const QJsonValue& shot : o->value("measurements").toArray()) {
            if (!shot.isArray())
                return fieldError(what, "measurements[" + std::to_string(row) + "]", "is not an array");
            std::string key;
            for (const QJsonValue& bit : shot.toArray()) {
                if (!bit.isDouble() || (bit.toInt() != 0 && bit.toInt() != 1))
                    return fieldError(what, "measurements[" + std::to_string(row) + "]", "holds a value other than 0 or 1");
                key += bit.toInt() ? '1' : '0';
            }
            if (measured.empty() && row == 0)
                for (int i = 0; i < static_cast<int>(key.size()); ++i)
                    measured.push_back(i);
            if (key.size() != measured.size())
                return fieldError(what, "measurements[" + std::to_string(row) + "]",
                                  "has " + std::to_string(key.size()) + " bits but measuredQubits lists "
                                      + std::to_string(measured.size()));
            ++braketCounts[key];
            ++row;
        }
        shots = row;
    } else if (o->contains("measurementProbabilities")) {
        if (!o->value("measurementProbabilities").isObject())
            return fieldError(what, "measurementProbabilities", "is not an object");
        shots = o->value("taskMetadata").toObject().value("shots").toInt();
        if (shots <= 0)
            return fieldError(what, "taskMetadata.shots", "is missing or not positive (needed to turn probabilities into counts)");
        const QJsonObject probs = o->value("measurementProbabilities").toObject();
        std::map<std::string, double> byIndex;
        int width = -1;
        for (auto it = probs.begin(); it != probs.end(); ++it) {
            const std::string key = toStd(it.key());
            if (key.find_first_not_of("01") != std::string::npos || key.empty())
                return fieldError(what, "measurementProbabilities", "has the key '" + key + "', not a bitstring");
            if (width >= 0 && static_cast<int>(key.size()) != width)
                return fieldError(what, "measurementProbabilities", "mixes bitstrings of different lengths");
            width = static_cast<int>(key.size());
            if (!it.value().isDouble())
                return fieldError(what, "measurementProbabilities." + key, "is not a number");
            // Braket key: character i is measuredQubits[i]; its basis index puts character i at bit i.
            unsigned long long index = 0;
            for (int i = 0; i < width; ++i)
                if (key[i] == '1')
                    index |= 1ull << i;
            byIndex[std::to_string(index)] += it.value().toDouble();
        }
        if (width < 0)
            return fieldError(what, "measurementProbabilities", "is empty");
        auto counts = countsFromIndexProbabilities(byIndex, width, shots);
        if (!counts)
            return Error{"Amazon Braket results.json: " + counts.error().message};
        // Back to Braket order so both paths share the classical-bit mapping below.
        for (const auto& [k, n] : counts.value()) {
            std::string braketKey(k.rbegin(), k.rend());
            braketCounts[braketKey] += n;
        }
        if (measured.empty())
            for (int i = 0; i < width; ++i)
                measured.push_back(i);
        if (static_cast<int>(measured.size()) != width)
            return fieldError(what, "measurementProbabilities", "keys have " + std::to_string(width)
                                                                     + " bits but measuredQubits lists " + std::to_string(measured.size()));
    } else {
        return fieldError(what, "measurements", "is missing (and there are no measurementProbabilities)");
    }

    // Which qubit each classical bit holds, from the program Braket ran (when it is in the file).
    std::vector<int> clbitQubit;   // clbit → qubit
    const QString source = o->value("additionalMetadata").toObject().value("action").toObject().value("source").toString();
    if (!source.isEmpty()) {
        auto program = parseBraketQasm(source.toStdString(), "results.json additionalMetadata.action.source");
        if (program) {
            clbitQubit.assign(program->numClbits(), -1);
            for (const Operation& op : program->ops)
                if (const auto* m = std::get_if<MeasureOp>(&op.op))
                    if (m->clbit >= 0 && m->clbit < static_cast<int>(clbitQubit.size()))
                        clbitQubit[m->clbit] = m->qubit;
        }
    }
    bool identity = clbitQubit.empty() || clbitQubit.size() == measured.size();
    for (size_t c = 0; identity && c < clbitQubit.size(); ++c)
        identity = clbitQubit[c] == measured[c];

    JobResult r;
    r.shots = shots;
    if (identity) {
        // Braket puts measuredQubits[0] first; Qpilot puts classical bit 0 last.
        r.counts = reverseBitstrings(braketCounts);
        r.qubits = static_cast<int>(measured.size());
        return r;
    }
    std::vector<int> column(clbitQubit.size(), -1);
    for (size_t c = 0; c < clbitQubit.size(); ++c) {
        if (clbitQubit[c] < 0)
            continue;
        const auto it = std::find(measured.begin(), measured.end(), clbitQubit[c]);
        if (it == measured.end())
            return fieldError(what, "measuredQubits", "lacks qubit " + std::to_string(clbitQubit[c]) + ", measured into b["
                                                          + std::to_string(c) + "]");
        column[c] = static_cast<int>(it - measured.begin());
    }
    const int width = static_cast<int>(clbitQubit.size());
    for (const auto& [key, n] : braketCounts) {
        std::string out(width, '0');
        for (int c = 0; c < width; ++c)
            if (column[c] >= 0)
                out[width - 1 - c] = key[column[c]];
        r.counts[out] += n;
    }
    r.qubits = width;
    return r;
}

Error serviceError(const std::string& operation, const HttpResponse& response)
{
    std::string type = response.header("x-amzn-errortype");
    std::string message;
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(response.body));
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        message = toStd(o.value("message").toString(o.value("Message").toString()));
        if (type.empty())
            type = toStd(o.value("__type").toString());
    } else {
        // S3 answers in XML: <Error><Code>…</Code><Message>…</Message></Error>
        static const QRegularExpression code(QStringLiteral("<Code>([^<]*)</Code>"));
        static const QRegularExpression msg(QStringLiteral("<Message>([^<]*)</Message>"));
        const QString body = QString::fromStdString(response.body);
        if (auto m = code.match(body); m.hasMatch() && type.empty())
            type = toStd(m.captured(1));
        if (auto m = msg.match(body); m.hasMatch())
            message = toStd(m.captured(1));
    }
    if (const size_t colon = type.find(':'); colon != std::string::npos)
        type = type.substr(0, colon);
    if (const size_t hash = type.rfind('#'); hash != std::string::npos)
        type = type.substr(hash + 1);
    std::string text = "Amazon Braket " + operation + ": " + std::to_string(response.status);
    if (!type.empty())
        text += " " + type;
    if (!message.empty())
        text += " — " + message;
    if (message.find("Signature expired") != std::string::npos || type == "RequestTimeTooSkewed")
        text += " (this computer's clock differs from AWS's by more than 5 minutes; fix the system clock)";
    else if (type == "InvalidSignatureException" || type == "SignatureDoesNotMatch")
        text += " (the AWS secret access key does not match the access key id, or the request was altered; "
                "check the credentials with `qpilot cloud login braket`)";
    else if (type == "UnrecognizedClientException" || type == "InvalidAccessKeyId" || type == "ExpiredTokenException")
        text += " (the AWS access key or session token is not valid or has expired; run `qpilot cloud login braket`)";
    else if (type == "AccessDeniedException" || type == "AccessDenied")
        text += " (the AWS identity lacks the Braket/S3 permission for this call)";
    else if (response.status == 429 || type == "ThrottlingException")
        text += " (throttled by AWS after " + std::to_string(std::max(1, response.attempts))
                + " attempts; wait a minute and retry)";
    else if (type == "DeviceOfflineException")
        text += " (the device is offline; pick another device or wait for its availability window)";
    else if (type == "DeviceRetiredException")
        text += " (the device is retired)";
    else if (type == "ServiceQuotaExceededException")
        text += " (an AWS service quota is exhausted)";
    else if (response.status >= 500)
        text += " (AWS service error; it persisted after " + std::to_string(std::max(1, response.attempts)) + " attempts)";
    return Error{text};
}

} // namespace qpilot::cloud::braket
