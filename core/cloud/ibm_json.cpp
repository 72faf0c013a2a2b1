// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/ibm_json.cpp — the IBM Quantum Platform wire format as pure functions (see
// ibm_json.h): request bodies built, replies parsed, errors that name the field that was wrong.
#include "core/cloud/ibm_json.h"

#include "core/circuit/qasm.h"
#include "core/device/device.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <algorithm>
#include <cctype>

namespace qpilot::cloud::ibm {

namespace {

const char* kTitle = "IBM Quantum Platform";

Error malformed(const std::string& what, const std::string& detail)
{
    return Error(std::string(kTitle) + ": malformed " + what + " reply: " + detail);
}

Result<QJsonObject> parseObject(const std::string& body, const std::string& what)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(body), &pe);
    if (pe.error != QJsonParseError::NoError)
        return malformed(what, "invalid JSON at byte " + std::to_string(pe.offset) + " ("
                                   + pe.errorString().toStdString() + ")"
                                   + (body.empty() ? ", the body is empty" : ", the reply may be truncated"));
    if (!doc.isObject())
        return malformed(what, "expected a JSON object");
    return doc.object();
}

std::string str(const QJsonValue& v) { return v.toString().toStdString(); }

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

std::string trim(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::string reasonText(int status)
{
    switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 409: return "Conflict";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return {};
    }
}

// Parses "0x…" into a value of at most 64 bits.
Result<std::uint64_t> hexValue(const std::string& s, const std::string& where)
{
    if (s.size() < 3 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X'))
        return Error(where + ": expected a 0x-prefixed hex number, got '" + s + "'");
    std::uint64_t v = 0;
    for (std::size_t k = 2; k < s.size(); ++k) {
        const char c = s[k];
        int d = -1;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
        if (d < 0)
            return Error(where + ": '" + s + "' is not a hex number");
        if (v >> 60)
            return Error(where + ": '" + s + "' has more than 64 bits");
        v = (v << 4) | std::uint64_t(d);
    }
    return v;
}

std::string hexString(std::uint64_t v)
{
    static const char* digits = "0123456789abcdef";
    std::string out;
    do {
        out.insert(out.begin(), digits[v & 15]);
        v >>= 4;
    } while (v);
    return "0x" + out;
}

} // namespace

std::string clientTokenTag(const std::string& clientToken) { return kClientTokenTagPrefix + clientToken; }

// --- IAM -------------------------------------------------------------------------------------

std::string tokenRequestBody(const std::string& apiKey)
{
    return "grant_type=" + QByteArray("urn:ibm:params:oauth:grant-type:apikey").toPercentEncoding().toStdString()
        + "&apikey=" + QByteArray::fromStdString(apiKey).toPercentEncoding().toStdString();
}

Result<Token> parseToken(const std::string& body, std::int64_t nowUtcSecs)
{
    auto o = parseObject(body, "IAM token");
    if (!o)
        return o.error();
    Token t;
    t.accessToken = str(o->value("access_token"));
    if (t.accessToken.empty())
        return malformed("IAM token", "field 'access_token' is missing or not a string");
    const QJsonValue expiresIn = o->value("expires_in");
    const QJsonValue expiration = o->value("expiration");
    if (!expiresIn.isDouble() && !expiration.isDouble())
        return malformed("IAM token", "neither 'expires_in' nor 'expiration' is a number");
    if (expiration.isDouble()) {
        t.expiresAt = std::int64_t(expiration.toDouble());
        t.lifetime = expiresIn.isDouble() ? std::int64_t(expiresIn.toDouble()) : t.expiresAt - nowUtcSecs;
    } else {
        t.lifetime = std::int64_t(expiresIn.toDouble());
        t.expiresAt = nowUtcSecs + t.lifetime;
    }
    if (t.lifetime <= 0)
        return malformed("IAM token", "the token is already expired ('expires_in' " + std::to_string(t.lifetime) + ")");
    const std::string type = str(o->value("token_type"));
    if (!type.empty() && lower(type) != "bearer")
        return malformed("IAM token", "field 'token_type' is '" + type + "', expected Bearer");
    return t;
}

std::int64_t refreshMargin(const Token& token) { return std::min<std::int64_t>(60, token.lifetime / 10); }

// --- backends --------------------------------------------------------------------------------

std::string profileIdFor(const std::string& backend)
{
    for (const DeviceProfile& d : builtinDevices())
        if (d.id == backend)
            return d.id;
    return {};
}

Result<std::vector<CloudDevice>> parseBackends(const std::string& body)
{
    auto o = parseObject(body, "backends");
    if (!o)
        return o.error();
    if (!o->value("devices").isArray())
        return malformed("backends", "field 'devices' is missing or not an array");
    std::vector<CloudDevice> out;
    const QJsonArray devices = o->value("devices").toArray();
    for (int i = 0; i < devices.size(); ++i) {
        const std::string where = "devices[" + std::to_string(i) + "]";
        CloudDevice d;
        d.provider = Provider::Ibm;
        if (devices[i].isString()) { // legacy: names only
            d.id = d.name = str(devices[i]);
            d.status = "unknown";
        } else if (devices[i].isObject()) {
            const QJsonObject b = devices[i].toObject();
            d.id = d.name = str(b.value("name"));
            if (d.id.empty())
                return malformed("backends", "field '" + where + ".name' is missing");
            const QJsonValue st = b.value("status");
            d.status = st.isObject() ? str(st.toObject().value("name")) : str(st);
            if (d.status.empty())
                return malformed("backends", "field '" + where + ".status.name' is missing");
            if (b.value("is_simulator").toBool(false))
                d.name += " (simulator)";
            d.qubits = b.value("qubits").toInt(0);
            if (b.value("queue_length").isDouble())
                d.queueLength = b.value("queue_length").toInt();
        } else {
            return malformed("backends", "field '" + where + "' is neither a name nor an object");
        }
        d.available = lower(d.status) == "online";
        d.profileId = profileIdFor(d.id);
        out.push_back(std::move(d));
    }
    return out;
}

Result<BackendStatus> parseBackendStatus(const std::string& body)
{
    auto o = parseObject(body, "backend status");
    if (!o)
        return o.error();
    if (!o->value("length_queue").isDouble())
        return malformed("backend status", "field 'length_queue' is missing or not a number");
    BackendStatus s;
    s.queueLength = o->value("length_queue").toInt();
    s.operational = o->value("state").toBool(false);
    s.status = str(o->value("status"));
    s.message = str(o->value("message"));
    return s;
}

Result<CalibrationImport> calibrationFromReplies(const std::string& backend, const std::string& propertiesJson,
                                                 const std::string& configurationJson)
{
    std::vector<CalibrationFile> files{{"IBM /backends/" + backend + "/properties", propertiesJson}};
    if (!configurationJson.empty())
        files.push_back({"IBM /backends/" + backend + "/configuration", configurationJson});
    auto imported = importQiskitCalibration(files);
    if (!imported)
        return Error(std::string(kTitle) + ": calibration of " + backend + ": " + imported.error().toString());
    return imported;
}

// --- jobs ------------------------------------------------------------------------------------

Result<std::vector<Register>> classicalLayout(const std::string& qasm)
{
    auto c = parseQasm(qasm, "<submitted program>");
    if (!c)
        return Error(std::string(kTitle) + ": the program does not parse: " + c.error().toString());
    return c->cregs;
}

Result<std::string> submitBody(const SubmitRequest& request)
{
    if (request.deviceId.empty())
        return Error(std::string(kTitle) + ": no device; pass --device with a backend name (see `qpilot cloud devices ibm`)");
    if (request.shots < 1)
        return Error(std::string(kTitle) + ": shots must be at least 1 (got " + std::to_string(request.shots) + ")");
    if (detectQasmVersion(request.qasm) != QasmVersion::V3)
        return Error(std::string(kTitle) + ": Sampler V2 takes OpenQASM 3; transpile for " + request.deviceId
                     + " and write OpenQASM 3 (qpilot transpile --format qasm3)");
    auto c = parseQasm(request.qasm, "<submitted program>");
    if (!c)
        return Error(std::string(kTitle) + ": the program does not parse: " + c.error().toString());
    if (c->numClbits() == 0)
        return Error(std::string(kTitle) + ": the program measures nothing; the Sampler returns measured bits only");
    if (c->numClbits() > 64)
        return Error(std::string(kTitle) + ": the program has " + std::to_string(c->numClbits())
                     + " classical bits; Qpilot reads at most 64");
    QJsonArray tags;
    for (const auto& [k, v] : request.tags)
        tags.append(QString::fromStdString(v.empty() ? k : k + ":" + v));
    if (!request.clientToken.empty())
        tags.append(QString::fromStdString(clientTokenTag(request.clientToken)));
    QJsonObject params{{"pubs", QJsonArray{QJsonArray{QString::fromStdString(request.qasm)}}},
                       {"shots", request.shots},
                       {"version", 2},
                       {"support_qiskit", false}};
    QJsonObject body{{"program_id", "sampler"},
                     {"backend", QString::fromStdString(request.deviceId)},
                     {"params", params},
                     {"tags", tags}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString();
}

Result<std::string> parseSubmitReply(const std::string& body)
{
    auto o = parseObject(body, "job submission");
    if (!o)
        return o.error();
    const std::string id = str(o->value("id"));
    if (id.empty())
        return malformed("job submission", "field 'id' is missing or not a string");
    return id;
}

Result<JobState> stateFromStatus(const std::string& status)
{
    const std::string s = lower(trim(status));
    if (s == "queued" || s == "initializing" || s == "validating")
        return JobState::Queued;
    if (s == "running")
        return JobState::Running;
    if (s == "completed" || s == "done")
        return JobState::Completed;
    if (s == "failed" || s == "error")
        return JobState::Failed;
    if (s.rfind("cancelled", 0) == 0 || s.rfind("canceled", 0) == 0)
        return JobState::Cancelled;
    return Error(std::string(kTitle) + ": unknown job status '" + status
                 + "' (expected Queued, Running, Completed, Cancelled, Cancelled - Ran too long or Failed)");
}

Result<RemoteStatus> parseJob(const std::string& body)
{
    auto o = parseObject(body, "job");
    if (!o)
        return o.error();
    RemoteStatus r;
    r.providerJobId = str(o->value("id"));
    if (r.providerJobId.empty())
        return malformed("job", "field 'id' is missing or not a string");
    const QJsonObject state = o->value("state").toObject();
    std::string status = str(state.value("status"));
    if (status.empty())
        status = str(o->value("status"));
    if (status.empty())
        return malformed("job", "field 'state.status' is missing or not a string");
    auto st = stateFromStatus(status);
    if (!st)
        return malformed("job", "field 'state.status' is '" + status
                                    + "', expected Queued, Running, Completed, Cancelled or Failed");
    r.state = st.value();
    std::string reason = str(state.value("reason"));
    const QJsonValue code = state.value("reason_code");
    if (code.isDouble())
        reason += (reason.empty() ? "" : " ") + std::string("(code ") + std::to_string(code.toInt()) + ")";
    if (lower(status).find("ran too long") != std::string::npos && reason.empty())
        reason = "ran too long: the job exceeded its maximum execution time";
    const std::string solution = str(state.value("reason_solution"));
    if (!solution.empty())
        reason += (reason.empty() ? "" : "; ") + solution;
    r.message = reason;
    r.createdAt = str(o->value("created"));
    const QJsonValue usage = o->value("usage").toObject().value("seconds");
    if (usage.isDouble())
        r.usageSeconds = usage.toDouble();
    return r;
}

std::string jobProgram(const std::string& body)
{
    auto o = parseObject(body, "job");
    if (!o)
        return {};
    const QJsonArray pubs = o->value("params").toObject().value("pubs").toArray();
    if (pubs.isEmpty())
        return {};
    const QJsonValue first = pubs.first();
    return str(first.isArray() ? first.toArray().first() : first);
}

Result<std::vector<std::string>> parseJobIdsWithTag(const std::string& body, const std::string& tag)
{
    auto o = parseObject(body, "job list");
    if (!o)
        return o.error();
    if (!o->value("jobs").isArray())
        return malformed("job list", "field 'jobs' is missing or not an array");
    std::vector<std::string> ids;
    const QJsonArray jobs = o->value("jobs").toArray();
    for (int i = 0; i < jobs.size(); ++i) {
        const QJsonObject j = jobs[i].toObject();
        const std::string id = str(j.value("id"));
        if (id.empty())
            return malformed("job list", "field 'jobs[" + std::to_string(i) + "].id' is missing");
        for (const QJsonValue& t : j.value("tags").toArray())
            if (str(t) == tag) {
                ids.push_back(id);
                break;
            }
    }
    return ids;
}

Result<Metrics> parseMetrics(const std::string& body)
{
    auto o = parseObject(body, "job metrics");
    if (!o)
        return o.error();
    Metrics m;
    const QJsonObject usage = o->value("usage").toObject();
    if (usage.value("quantum_seconds").isDouble())
        m.usageSeconds = usage.value("quantum_seconds").toDouble();
    else if (usage.value("seconds").isDouble())
        m.usageSeconds = usage.value("seconds").toDouble();
    const QJsonObject ts = o->value("timestamps").toObject();
    m.created = str(ts.value("created"));
    m.running = str(ts.value("running"));
    m.finished = str(ts.value("finished"));
    return m;
}

namespace {

struct RegisterSamples {
    std::string name;
    int bits = 0;
    QJsonArray samples;
};

Result<std::vector<RegisterSamples>> registerSamples(const std::string& body)
{
    auto o = parseObject(body, "job results");
    if (!o)
        return o.error();
    const QJsonArray results = o->value("results").toArray();
    if (results.isEmpty())
        return malformed("job results", "field 'results' is missing or empty");
    const QJsonValue data = results.first().toObject().value("data");
    if (!data.isObject() || data.toObject().isEmpty())
        return malformed("job results", "field 'results[0].data' is missing or has no register");
    std::vector<RegisterSamples> out;
    const QJsonObject regs = data.toObject();
    for (auto it = regs.begin(); it != regs.end(); ++it) {
        const std::string where = "results[0].data." + it.key().toStdString();
        const QJsonObject r = it.value().toObject();
        if (!r.value("samples").isArray())
            return malformed("job results", "field '" + where + ".samples' is missing or not an array");
        if (!r.value("num_bits").isDouble() || r.value("num_bits").toInt() < 1)
            return malformed("job results", "field '" + where + ".num_bits' is missing or not a positive number");
        out.push_back({it.key().toStdString(), r.value("num_bits").toInt(), r.value("samples").toArray()});
    }
    return out;
}

} // namespace

Result<std::vector<std::string>> resultRegisters(const std::string& body)
{
    auto regs = registerSamples(body);
    if (!regs)
        return regs.error();
    std::vector<std::string> names;
    for (const auto& r : regs.value())
        names.push_back(r.name);
    return names;
}

Result<JobResult> parseResults(const std::string& body, const std::vector<Register>& layout)
{
    auto regs = registerSamples(body);
    if (!regs)
        return regs.error();
    std::vector<Register> order = layout;
    if (order.empty()) {
        if (regs->size() != 1)
            return malformed("job results", std::to_string(regs->size())
                                                + " classical registers and no program layout to join them");
        order.push_back(Register{regs->front().name, 0, regs->front().bits, false});
    }
    int width = 0;
    for (const Register& r : order)
        width = std::max(width, r.offset + r.size);
    if (width > 64)
        return malformed("job results", "more than 64 classical bits");
    std::size_t shots = 0;
    bool first = true;
    for (const Register& r : order) {
        auto it = std::find_if(regs->begin(), regs->end(), [&](const RegisterSamples& s) { return s.name == r.name; });
        if (it == regs->end())
            return malformed("job results", "register '" + r.name + "' of the program is missing from 'results[0].data'");
        if (it->bits != r.size)
            return malformed("job results", "field 'results[0].data." + r.name + ".num_bits' is "
                                                + std::to_string(it->bits) + ", the program declares " + std::to_string(r.size));
        if (first)
            shots = std::size_t(it->samples.size());
        else if (shots != std::size_t(it->samples.size()))
            return malformed("job results", "registers hold different numbers of samples");
        first = false;
    }
    // Join the registers shot by shot: bit k of register r is clbit r.offset + k.
    std::vector<std::uint64_t> joined(shots, 0);
    for (const Register& r : order) {
        const auto& s = *std::find_if(regs->begin(), regs->end(), [&](const RegisterSamples& x) { return x.name == r.name; });
        for (std::size_t i = 0; i < shots; ++i) {
            const std::string where = "field 'results[0].data." + r.name + ".samples[" + std::to_string(i) + "]'";
            if (!s.samples[int(i)].isString())
                return malformed("job results", where + " is not a string");
            auto v = hexValue(str(s.samples[int(i)]), where);
            if (!v)
                return malformed("job results", v.error().message);
            if (r.size < 64 && (v.value() >> r.size) != 0)
                return malformed("job results", where + " does not fit in " + std::to_string(r.size) + " bits");
            joined[i] |= v.value() << r.offset;
        }
    }
    std::vector<std::string> hex;
    hex.reserve(shots);
    for (std::uint64_t v : joined)
        hex.push_back(hexString(v));
    auto counts = countsFromHexSamples(hex, width);
    if (!counts)
        return malformed("job results", counts.error().message);
    JobResult out;
    out.counts = std::move(counts).value();
    out.shots = int(shots);
    out.qubits = width;
    return out;
}

// --- errors ----------------------------------------------------------------------------------

std::string providerMessage(const std::string& body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(body));
    if (!doc.isObject())
        return {};
    const QJsonObject o = doc.object();
    std::string msg;
    if (o.value("errors").isArray() && !o.value("errors").toArray().isEmpty()) {
        const QJsonObject e = o.value("errors").toArray().first().toObject();
        msg = str(e.value("message"));
        const std::string solution = str(e.value("solution"));
        if (!solution.empty())
            msg += (msg.empty() ? "" : "; ") + solution;
    } else if (o.value("error").isObject()) {
        msg = str(o.value("error").toObject().value("message"));
    } else if (o.value("errorMessage").isString()) {
        msg = str(o.value("errorMessage"));
        const std::string code = str(o.value("errorCode"));
        if (!code.empty())
            msg += " (" + code + ")";
    } else if (o.value("message").isString()) {
        msg = str(o.value("message"));
    }
    const std::string trace = str(o.value("trace"));
    if (!trace.empty() && !msg.empty())
        msg += " (trace " + trace + ")";
    return msg;
}

Error httpError(int status, const std::string& body, const std::string& what)
{
    std::string text = std::string(kTitle) + ": " + what + ": HTTP " + std::to_string(status);
    const std::string reason = reasonText(status);
    if (!reason.empty())
        text += " " + reason;
    const std::string msg = providerMessage(body);
    if (!msg.empty())
        text += " — " + msg;
    std::string action;
    if (status == 400)
        action = "the request was refused as invalid; check the circuit is an ISA circuit for the backend "
                 "(qpilot transpile --device …) and the shots are within the backend's max_shots";
    else if (status == 401)
        action = "the API key or its token was refused; run `qpilot cloud login ibm` with a valid API key";
    else if (status == 403)
        action = "the instance does not allow this; check the service CRN (`qpilot cloud login ibm`) and that the "
                 "instance's plan has access to the backend";
    else if (status == 404)
        action = "not found; check the backend name (`qpilot cloud devices ibm`) or the job id (`qpilot cloud jobs`)";
    else if (status == 409)
        action = "the job is not in a state that allows this (it may have finished already)";
    else if (status == 429)
        action = "rate limited (IBM allows 5 job submissions per minute); wait a minute and retry";
    else if (status >= 500)
        action = "IBM's service failed or is in maintenance; retry later (status: https://status.quantum.ibm.com)";
    if (!action.empty())
        text += ". " + std::string(1, char(std::toupper(static_cast<unsigned char>(action[0])))) + action.substr(1);
    return Error(text);
}

} // namespace qpilot::cloud::ibm
