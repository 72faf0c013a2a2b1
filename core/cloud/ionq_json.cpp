// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/ionq_json.cpp — the IonQ API v0.4 wire format as pure functions (see ionq_json.h).
#include "core/cloud/ionq_json.h"

#include "core/circuit/dialects.h"
#include "core/circuit/qasm.h"
#include "core/device/device.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace qpilot::cloud::ionq {

namespace {

Error malformed(const std::string& what, const std::string& detail)
{
    return Error("IonQ: malformed " + what + " reply: " + detail);
}

Result<QJsonDocument> parseDoc(const std::string& body, const std::string& what)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(body), &pe);
    if (pe.error != QJsonParseError::NoError)
        return malformed(what, "invalid JSON at byte " + std::to_string(pe.offset) + " ("
                                   + pe.errorString().toStdString() + ")"
                                   + (body.empty() ? ", the body is empty" : ", the reply may be truncated"));
    return doc;
}

Result<QJsonObject> parseObject(const std::string& body, const std::string& what)
{
    auto d = parseDoc(body, what);
    if (!d)
        return d.error();
    if (!d->isObject())
        return malformed(what, "expected a JSON object");
    return d->object();
}

std::string str(const QJsonValue& v) { return v.toString().toStdString(); }

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

Result<CloudDevice> backendFrom(const QJsonObject& b, const std::string& where)
{
    CloudDevice d;
    d.provider = Provider::Ionq;
    d.id = d.name = str(b.value("backend"));
    if (d.id.empty())
        return malformed("backends", "field '" + where + "backend' is missing or not a string");
    d.status = str(b.value("status"));
    if (d.status.empty())
        return malformed("backends", "field '" + where + "status' is missing or not a string");
    if (b.value("degraded").toBool(false) && lower(d.status) == "available")
        d.status = "degraded";
    d.available = lower(d.status) == "available";
    d.qubits = b.value("qubits").toInt(0);
    for (const QJsonValue& g : b.value("supported_native_gates").toArray())
        d.nativeGates.push_back(str(g));
    d.profileId = profileIdFor(d.id);
    return d;
}

} // namespace

std::string profileIdFor(const std::string& backend)
{
    std::string id = backend;
    if (id.rfind("qpu.", 0) == 0)
        id = id.substr(4);
    std::replace(id.begin(), id.end(), '-', '_');
    std::replace(id.begin(), id.end(), '.', '_');
    id = "ionq_" + id;
    for (const DeviceProfile& d : builtinDevices())
        if (d.id == id)
            return id;
    return {};
}

Result<std::vector<CloudDevice>> parseBackends(const std::string& body)
{
    auto doc = parseDoc(body, "backends");
    if (!doc)
        return doc.error();
    std::vector<CloudDevice> out;
    if (doc->isObject()) {
        auto d = backendFrom(doc->object(), "");
        if (!d)
            return d.error();
        out.push_back(d.value());
        return out;
    }
    if (!doc->isArray())
        return malformed("backends", "expected a JSON array of backends");
    const QJsonArray a = doc->array();
    for (int i = 0; i < a.size(); ++i) {
        auto d = backendFrom(a[i].toObject(), "[" + std::to_string(i) + "].");
        if (!d)
            return d.error();
        out.push_back(d.value());
    }
    return out;
}

Result<std::optional<std::string>> nativeInput(const Circuit& c)
{
    constexpr double kTurn = 2 * M_PI;
    QJsonArray gates;
    std::vector<bool> measured(std::size_t(c.numQubits()), false);
    auto value = [](const Expr& e) -> Result<double> { return e.evaluate(); };
    for (const Operation& o : c.ops) {
        if (std::holds_alternative<BarrierOp>(o.op))
            continue;
        if (const auto* m = std::get_if<MeasureOp>(&o.op)) {
            if (measured[std::size_t(m->qubit)])
                return Error("IonQ: qubit " + std::to_string(m->qubit) + " is measured twice; IonQ measures each qubit once at the end");
            measured[std::size_t(m->qubit)] = true;
            continue;
        }
        const auto* g = std::get_if<GateOp>(&o.op);
        if (!g || !g->modifiers.empty())
            return std::optional<std::string>{};
        for (int q : g->qubits)
            if (measured[std::size_t(q)])
                return Error("IonQ: qubit " + std::to_string(q) + " is used after its measurement; IonQ measures only at the end");
        std::vector<double> p;
        for (const Expr& e : g->params) {
            auto v = value(e);
            if (!v)
                return Error("IonQ: " + v.error().message);
            p.push_back(v.value());
        }
        QJsonObject j;
        switch (g->kind) {
        case GateKind::GPI:
        case GateKind::GPI2:
            j = {{"gate", g->kind == GateKind::GPI ? "gpi" : "gpi2"}, {"target", g->qubits[0]}, {"phase", p[0] / kTurn}};
            break;
        case GateKind::MS:
            j = {{"gate", "ms"}, {"targets", QJsonArray{g->qubits[0], g->qubits[1]}},
                 {"phases", QJsonArray{p[0] / kTurn, p[1] / kTurn}}, {"angle", p[2] / kTurn}};
            break;
        case GateKind::RZZ:
            j = {{"gate", "zz"}, {"targets", QJsonArray{g->qubits[0], g->qubits[1]}}, {"angle", p[0] / kTurn}};
            break;
        default:
            return std::optional<std::string>{};
        }
        gates.append(j);
    }
    if (gates.isEmpty())
        return std::optional<std::string>{};
    QJsonObject input{{"gateset", "native"}, {"qubits", c.numQubits()}, {"circuit", gates}};
    return std::optional<std::string>{QJsonDocument(input).toJson(QJsonDocument::Compact).toStdString()};
}

Result<std::string> submitBody(const SubmitRequest& request, const SubmitFormat& format)
{
    if (request.deviceId.empty())
        return Error("IonQ: no device; pass --device with a backend such as qpu.forte-1 or simulator (see `qpilot cloud devices ionq`)");
    if (request.shots < 1)
        return Error("IonQ: shots must be at least 1 (got " + std::to_string(request.shots) + ")");
    auto c = parseQasm(request.qasm, "<submitted program>");
    if (!c)
        return Error("IonQ: the program does not parse: " + c.error().toString());
    if (c->numQubits() > 64)
        return Error("IonQ: the program uses " + std::to_string(c->numQubits()) + " qubits; Qpilot reads at most 64");
    QJsonObject body;
    if (!format.qasm3) {
        IonqJsonOptions o;
        o.name = request.clientToken.empty() ? "qpilot" : request.clientToken;
        o.backend = request.deviceId;
        o.shots = request.shots;
        auto json = writeIonqJson(c.value(), o);
        if (!json)
            return Error("IonQ: the circuit has no IonQ circuit JSON form: " + json.error().message);
        body = QJsonDocument::fromJson(QByteArray::fromStdString(json.value())).object();
        auto native = nativeInput(c.value());
        if (!native)
            return native.error();
        if (native.value()) // the transpiled native circuit as it is, in turns
            body["input"] = QJsonDocument::fromJson(QByteArray::fromStdString(*native.value())).object();
    } else {
        QJsonArray measureMap;
        for (const Operation& op : c->ops) {
            if (std::holds_alternative<IfElseOp>(op.op))
                return Error("IonQ: OpenQASM 3 jobs cannot branch on measurements (if/else); IonQ's subset has no control flow");
            if (const auto* m = std::get_if<MeasureOp>(&op.op))
                measureMap.append(QJsonArray{m->qubit, m->clbit});
        }
        body = QJsonObject{{"type", "ionq.qasm3.v1"},
                           {"name", QString::fromStdString(request.clientToken.empty() ? "qpilot" : request.clientToken)},
                           {"backend", QString::fromStdString(request.deviceId)},
                           {"shots", request.shots},
                           {"input", QJsonObject{{"qubits", c->numQubits()}, {"data", QString::fromStdString(request.qasm)}}}};
        body["metadata"] = QJsonObject{{"qpilot_clbits", QString::number(c->numClbits())},
                                       {"qpilot_measure", QString::fromUtf8(QJsonDocument(measureMap).toJson(QJsonDocument::Compact))}};
    }
    QJsonObject metadata = body.value("metadata").toObject();
    for (const auto& [k, v] : request.tags)
        metadata[QString::fromStdString(k)] = QString::fromStdString(v);
    body["metadata"] = metadata;
    body["settings"] = QJsonObject{{"error_mitigation", QJsonObject{{"debiasing", format.debiasing}}}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString();
}

Result<CreateReply> parseSubmitReply(const std::string& body)
{
    auto o = parseObject(body, "job creation");
    if (!o)
        return o.error();
    CreateReply r{str(o->value("id")), str(o->value("status"))};
    if (r.id.empty())
        return malformed("job creation", "field 'id' is missing or not a string");
    return r;
}

Result<JobState> stateFromStatus(const std::string& status)
{
    const std::string s = lower(status);
    if (s == "submitted" || s == "ready")
        return JobState::Queued;
    if (s == "running" || s == "started")
        return JobState::Running;
    if (s == "completed")
        return JobState::Completed;
    if (s == "failed")
        return JobState::Failed;
    if (s == "canceled" || s == "cancelled")
        return JobState::Cancelled;
    return Error("IonQ: unknown job status '" + status
                 + "' (expected submitted, ready, running, started, completed, failed or canceled)");
}

Result<Job> parseJob(const std::string& body)
{
    auto o = parseObject(body, "job");
    if (!o)
        return o.error();
    Job j;
    j.status.providerJobId = str(o->value("id"));
    if (j.status.providerJobId.empty())
        return malformed("job", "field 'id' is missing or not a string");
    const std::string status = str(o->value("status"));
    if (status.empty())
        return malformed("job", "field 'status' is missing or not a string");
    auto st = stateFromStatus(status);
    if (!st)
        return malformed("job", "field 'status' is '" + status
                                    + "', expected submitted, ready, running, started, completed, failed or canceled");
    j.status.state = st.value();
    const QJsonObject failure = o->value("failure").toObject();
    if (!failure.isEmpty()) {
        const std::string code = str(failure.value("code"));
        j.status.message = str(failure.value("error"));
        if (!code.empty())
            j.status.message = code + (j.status.message.empty() ? "" : ": " + j.status.message);
    }
    if (o->value("execution_duration_ms").isDouble())
        j.status.usageSeconds = o->value("execution_duration_ms").toDouble() / 1000.0;
    if (o->value("cost_usd").isDouble())
        j.status.costUsd = o->value("cost_usd").toDouble();
    j.status.createdAt = str(o->value("request").isString() ? o->value("request") : o->value("submitted_at"));
    j.status.startedAt = str(o->value("start"));
    j.status.endedAt = str(o->value("response"));
    j.name = str(o->value("name"));
    j.shots = o->value("shots").toInt(0);
    j.qubits = o->value("stats").toObject().value("qubits").toInt(0);
    if (j.qubits == 0)
        j.qubits = o->value("qubits").toInt(0);
    const QJsonObject meta = o->value("metadata").toObject();
    if (meta.contains("qpilot_measure")) {
        const QJsonDocument map = QJsonDocument::fromJson(meta.value("qpilot_measure").toString().toUtf8());
        if (!map.isArray())
            return malformed("job", "field 'metadata.qpilot_measure' is not a JSON array");
        for (const QJsonValue& v : map.array()) {
            const QJsonArray p = v.toArray();
            if (p.size() != 2 || !p[0].isDouble() || !p[1].isDouble())
                return malformed("job", "field 'metadata.qpilot_measure' has an entry that is not [qubit, clbit]");
            j.measure.emplace_back(p[0].toInt(), p[1].toInt());
        }
        j.clbits = meta.value("qpilot_clbits").toString().toInt();
    }
    j.probabilitiesUrl = str(o->value("results").toObject().value("probabilities").toObject().value("url"));
    return j;
}

Result<JobPage> parseJobsNamed(const std::string& body, const std::string& name)
{
    auto doc = parseDoc(body, "job list");
    if (!doc)
        return doc.error();
    QJsonArray jobs;
    JobPage page;
    if (doc->isArray()) {
        jobs = doc->array();
    } else if (doc->isObject() && doc->object().value("jobs").isArray()) {
        jobs = doc->object().value("jobs").toArray();
        page.next = str(doc->object().value("next"));
    } else {
        return malformed("job list", "field 'jobs' is missing or not an array");
    }
    for (int i = 0; i < jobs.size(); ++i) {
        const QJsonObject j = jobs[i].toObject();
        const std::string id = str(j.value("id"));
        if (id.empty())
            return malformed("job list", "field 'jobs[" + std::to_string(i) + "].id' is missing");
        if (str(j.value("name")) == name)
            page.ids.push_back(id);
    }
    return page;
}

Result<JobResult> parseProbabilities(const std::string& body, const Job& job)
{
    auto o = parseObject(body, "probabilities");
    if (!o)
        return o.error();
    if (job.qubits < 1)
        return malformed("job", "the qubit count (field 'stats.qubits') is missing, so the probabilities cannot be read");
    if (job.shots < 1)
        return malformed("job", "field 'shots' is missing, so probabilities cannot become counts");
    std::map<std::string, double> probs;
    for (auto it = o->begin(); it != o->end(); ++it) {
        if (!it.value().isDouble())
            return malformed("probabilities", "field '" + it.key().toStdString() + "' is not a number");
        probs[it.key().toStdString()] = it.value().toDouble();
    }
    auto qubitCounts = countsFromIndexProbabilities(probs, job.qubits, job.shots);
    if (!qubitCounts)
        return malformed("probabilities", qubitCounts.error().message);
    JobResult out;
    out.shots = job.shots;
    if (job.measure.empty()) { // every qubit q lands in clbit q
        out.counts = std::move(qubitCounts).value();
        out.qubits = job.qubits;
        return out;
    }
    const int width = std::max(1, job.clbits);
    for (const auto& [q, b] : job.measure)
        if (q < 0 || q >= job.qubits || b >= width)
            return malformed("job", "field 'metadata.qpilot_measure' maps qubit " + std::to_string(q) + " to clbit "
                                        + std::to_string(b) + ", outside " + std::to_string(job.qubits) + " qubits / "
                                        + std::to_string(width) + " clbits");
    for (const auto& [bits, n] : qubitCounts.value()) {
        std::string clbits(std::size_t(width), '0');
        for (const auto& [q, b] : job.measure)
            if (b >= 0)
                clbits[std::size_t(width - 1 - b)] = bits[bits.size() - 1 - std::size_t(q)];
        out.counts[clbits] += n;
    }
    out.qubits = width;
    return out;
}

std::string providerMessage(const std::string& body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(body));
    if (!doc.isObject())
        return {};
    const QJsonObject o = doc.object();
    if (o.value("error").isObject()) { // {"error":{"type","message"}}
        const QJsonObject e = o.value("error").toObject();
        const std::string type = str(e.value("type"));
        return (type.empty() ? "" : type + ": ") + str(e.value("message"));
    }
    std::string msg = str(o.value("message"));   // {"error":"Bad Request","message":…} or {"code","message"}
    if (msg.empty())
        msg = str(o.value("error"));
    return msg;
}

Error httpError(int status, const std::string& body, const std::string& what)
{
    std::string text = "IonQ: " + what + ": HTTP " + std::to_string(status);
    const std::string msg = providerMessage(body);
    if (!msg.empty())
        text += " — " + msg;
    std::string action;
    if (status == 400)
        action = "The job was refused as invalid; check the gates are IonQ's qis gates and the shots are at least 1";
    else if (status == 401)
        action = "The API key was refused; run `qpilot cloud login ionq` with a valid key";
    else if (status == 403)
        action = "The key's project has no access to this backend or action; check the project in IonQ's console";
    else if (status == 404)
        action = "Not found; check the backend (`qpilot cloud devices ionq`) or the job id (`qpilot cloud jobs`)";
    else if (status == 409)
        action = "The job is not in a state that allows this";
    else if (status == 429)
        action = "Rate limited; wait and retry";
    else if (status >= 500)
        action = "IonQ's service failed; retry later (status: https://status.ionq.co)";
    if (!action.empty())
        text += ". " + action;
    return Error(text);
}

} // namespace qpilot::cloud::ionq
