// SPDX-License-Identifier: GPL-3.0-or-later
// tests/support/cloud/fake_ibm.cpp — the loopback IBM Quantum Platform (see fake_ibm.h).
#include "support/cloud/fake_ibm.h"

#include "core/circuit/qasm.h"
#include "core/sim/simulator.h"

#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrlQuery>

#include <algorithm>
#include <cstdio>
#include <set>

namespace qpilot::test {

struct FakeIbm::Backend {
    std::string name;
    QJsonObject configuration;          // unwrapped
    std::string propertiesJson, configurationJson;
    int qubits = 0;
    int maxShots = 100000;
    std::set<std::string> instructions; // supported_instructions (+ basis_gates)
    std::set<std::pair<int, int>> couplers;
    int queueLength = 0;
};

struct FakeIbm::Job {
    std::string id;
    std::string backend;
    std::string body;
    std::string program;
    int shots = 0;
    QJsonArray tags;
    std::string created;
    std::int64_t createdSecs = 0;
    std::size_t step = 0;                // index into the status sequence
    std::string status;
    std::string finalStatus, reason;     // injected end
    int reasonCode = 0;
    QJsonObject results;                 // once completed
};

namespace {

FakeReply ibmError(int status, const std::string& code, const std::string& message)
{
    QJsonObject e{{"code", QString::fromStdString(code)},
                  {"message", QString::fromStdString(message)},
                  {"more_info", "https://quantum.cloud.ibm.com/docs/en/errors"}};
    QJsonObject body{{"errors", QJsonArray{e}}, {"trace", "fake-trace-0001"}};
    return FakeReply::json(status, QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString());
}

std::string readFixture(const std::string& name)
{
    QFile f(QStringLiteral(QPILOT_TEST_DATA_DIR "/calibration/") + QString::fromStdString(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

std::string iso(std::int64_t secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC).toString(Qt::ISODate).toStdString();
}

bool isTerminalStatus(const std::string& s)
{
    return s == "Completed" || s == "Failed" || s.rfind("Cancelled", 0) == 0;
}

// The gate names an operation needs, with its qubits (for ISA checks).
void collectOps(const std::vector<Operation>& ops, std::vector<std::pair<std::string, std::vector<int>>>& out)
{
    for (const Operation& o : ops) {
        if (const auto* g = std::get_if<GateOp>(&o.op))
            out.emplace_back(g->kind == GateKind::Custom ? g->name : std::string(gateInfo(g->kind).name)
                                 + (g->modifiers.empty() ? "" : "@modified"),
                             g->qubits);
        else if (const auto* m = std::get_if<MeasureOp>(&o.op))
            out.emplace_back("measure", std::vector<int>{m->qubit});
        else if (const auto* r = std::get_if<ResetOp>(&o.op))
            out.emplace_back("reset", std::vector<int>{r->qubit});
        else if (const auto* d = std::get_if<DelayOp>(&o.op))
            out.emplace_back("delay", d->qubits);
        else if (const auto* f = std::get_if<IfElseOp>(&o.op)) {
            out.emplace_back("if_else", std::vector<int>{});
            collectOps(f->thenOps, out);
            collectOps(f->elseOps, out);
        }
    }
}

} // namespace

FakeIbm::FakeIbm(FakeIbmOptions options) : m_opt(std::move(options))
{
    const std::vector<std::tuple<std::string, std::string, std::string, int>> fixtures = {
        {"ibm_heron5", "rest_properties_heron5.json", "rest_configuration_heron5.json", 3},
        {"ibm_lab7", "props_lab7.json", "conf_lab7.json", 0},
    };
    for (const auto& [name, props, conf, queue] : fixtures) {
        auto b = std::make_unique<Backend>();
        b->name = name;
        b->propertiesJson = readFixture(props);
        b->configurationJson = readFixture(conf);
        QJsonObject c = QJsonDocument::fromJson(QByteArray::fromStdString(b->configurationJson)).object();
        if (c.contains("configuration"))
            c = c.value("configuration").toObject();
        b->configuration = c;
        b->qubits = c.value("n_qubits").toInt();
        b->maxShots = c.value("max_shots").toInt(100000);
        for (const char* key : {"supported_instructions", "basis_gates"})
            for (const QJsonValue& g : c.value(key).toArray())
                b->instructions.insert(g.toString().toStdString());
        b->instructions.insert("measure");
        b->instructions.insert("barrier");
        for (const QJsonValue& p : c.value("coupling_map").toArray())
            b->couplers.insert({p.toArray().at(0).toInt(), p.toArray().at(1).toInt()});
        b->queueLength = queue;
        m_backends.push_back(std::move(b));
    }
}

FakeIbm::~FakeIbm() = default;

std::vector<std::string> FakeIbm::backendNames() { return {"ibm_heron5", "ibm_lab7"}; }

bool FakeIbm::start()
{
    m_server = std::make_unique<FakeHttpServer>([this](const FakeRequest& r) { return handle(r); });
    return m_server->start();
}

FakeHttpServer& FakeIbm::server() { return *m_server; }

cloud::Endpoints FakeIbm::endpoints() const
{
    cloud::Endpoints e;
    e.api = m_server->baseUrl() + "/api/v1";
    e.auth = m_server->baseUrl();
    e.region = "us-east";
    return e;
}

cloud::Credentials FakeIbm::credentials() const
{
    cloud::Credentials c;
    c.apiKey = m_opt.apiKey;
    c.serviceCrn = m_opt.serviceCrn;
    return c;
}

std::int64_t FakeIbm::now() const
{
    return m_opt.nowUtcSecs ? m_opt.nowUtcSecs() : std::int64_t(QDateTime::currentSecsSinceEpoch());
}

int FakeIbm::jobsCreated() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return int(m_jobs.size());
}

int FakeIbm::tokensIssued() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_tokensIssued;
}

int FakeIbm::unauthorizedReplies() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_unauthorized;
}

std::vector<std::string> FakeIbm::jobIds() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    std::vector<std::string> ids;
    for (const auto& j : m_jobs)
        ids.push_back(j->id);
    return ids;
}

std::string FakeIbm::jobBody(const std::string& id) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    for (const auto& j : m_jobs)
        if (j->id == id)
            return j->body;
    return {};
}

void FakeIbm::expireAllTokens()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    for (auto& [token, expiry] : m_tokens)
        expiry = now() - 1;
}

void FakeIbm::finishNextJobAs(const std::string& status, const std::string& reason, int reasonCode)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    m_nextFinal = status;
    m_nextReason = reason;
    m_nextCode = reasonCode;
}

FakeReply FakeIbm::handle(const FakeRequest& r)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return route(r);
}

FakeReply FakeIbm::issueToken(const FakeRequest& r)
{
    if (r.method != "POST")
        return FakeReply::json(405, R"({"errorCode":"BXNIM0405E","errorMessage":"Method not allowed"})");
    if (r.header("content-type").rfind("application/x-www-form-urlencoded", 0) != 0)
        return FakeReply::json(400, R"({"errorCode":"BXNIM0109E","errorMessage":"Content-Type must be application/x-www-form-urlencoded"})");
    const QUrlQuery form(QString::fromStdString(r.body));
    const std::string grant = form.queryItemValue("grant_type", QUrl::FullyDecoded).toStdString();
    const std::string key = form.queryItemValue("apikey", QUrl::FullyDecoded).toStdString();
    if (grant != "urn:ibm:params:oauth:grant-type:apikey")
        return FakeReply::json(400, R"({"errorCode":"BXNIM0103E","errorMessage":"Unsupported grant_type"})");
    if (key != m_opt.apiKey)
        return FakeReply::json(400, R"({"errorCode":"BXNIM0415E","errorMessage":"Provided API key could not be found"})");
    ++m_tokensIssued;
    char token[64];
    std::snprintf(token, sizeof token, "fake-iam-token-%04d-%08llx", m_tokensIssued,
                  static_cast<unsigned long long>(m_opt.seed * 2654435761ULL + std::uint64_t(m_tokensIssued)));
    const std::int64_t expiry = now() + m_opt.tokenLifetimeSeconds;
    m_tokens[token] = expiry;
    QJsonObject body{{"access_token", token},
                     {"refresh_token", "not-used"},
                     {"token_type", "Bearer"},
                     {"expires_in", double(m_opt.tokenLifetimeSeconds)},
                     {"expiration", double(expiry)}};
    return FakeReply::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString());
}

FakeReply FakeIbm::route(const FakeRequest& r)
{
    const std::string path = r.decodedPath();
    if (path == "/identity/token")
        return issueToken(r);
    const std::string prefix = "/api/v1";
    if (path.rfind(prefix, 0) != 0)
        return ibmError(404, "1404", "no route " + path);
    const std::string p = path.substr(prefix.size());

    // --- what every API call must carry
    const std::string auth = r.header("authorization");
    if (auth.rfind("Bearer ", 0) != 0) {
        ++m_unauthorized;
        return ibmError(401, "1301", "missing Authorization: Bearer token");
    }
    auto tok = m_tokens.find(auth.substr(7));
    if (tok == m_tokens.end()) {
        ++m_unauthorized;
        return ibmError(401, "1301", "the bearer token was not issued by IAM");
    }
    if (now() >= tok->second) {
        ++m_unauthorized;
        return ibmError(401, "1302", "the bearer token has expired");
    }
    const std::string crn = r.header("service-crn");
    if (crn.empty()) {
        ++m_unauthorized;
        return ibmError(401, "1303", "missing Service-CRN header");
    }
    if (crn != m_opt.serviceCrn)
        return ibmError(403, "1304", "the instance " + crn + " is not accessible with this token");
    const std::string version = r.header("ibm-api-version");
    static const QRegularExpression date(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (!date.match(QString::fromStdString(version)).hasMatch())
        return ibmError(400, "1400", "IBM-API-Version must be a YYYY-MM-DD date (got '" + version + "')");

    auto backend = [&](const std::string& name) -> Backend* {
        for (auto& b : m_backends)
            if (b->name == name)
                return b.get();
        return nullptr;
    };
    auto job = [&](const std::string& id) -> Job* {
        for (auto& j : m_jobs)
            if (j->id == id)
                return j.get();
        return nullptr;
    };

    // --- backends
    if (r.method == "GET" && p == "/backends") {
        QJsonArray devices;
        const bool v2 = version >= "2025-01-01";
        for (const auto& b : m_backends) {
            if (!v2) {
                devices.append(QString::fromStdString(b->name));
                continue;
            }
            devices.append(QJsonObject{{"name", QString::fromStdString(b->name)},
                                       {"status", QJsonObject{{"name", "online"}, {"reason", ""}}},
                                       {"is_simulator", false},
                                       {"qubits", b->qubits},
                                       {"queue_length", b->queueLength},
                                       {"processor_type", b->configuration.value("processor_type")}});
        }
        return FakeReply::json(200, QJsonDocument(QJsonObject{{"devices", devices}}).toJson(QJsonDocument::Compact).toStdString());
    }
    static const QRegularExpression backendPath(QStringLiteral("^/backends/([^/]+)/(status|configuration|properties)$"));
    if (auto m = backendPath.match(QString::fromStdString(p)); m.hasMatch() && r.method == "GET") {
        Backend* b = backend(m.captured(1).toStdString());
        if (!b)
            return ibmError(404, "1216", "backend " + m.captured(1).toStdString() + " does not exist");
        const QString what = m.captured(2);
        if (what == "properties")
            return FakeReply::json(200, b->propertiesJson);
        if (what == "configuration")
            return FakeReply::json(200, b->configurationJson);
        QJsonObject s{{"state", true}, {"status", "active"}, {"message", "available"},
                      {"length_queue", b->queueLength}, {"backend_version", b->configuration.value("backend_version")}};
        return FakeReply::json(200, QJsonDocument(s).toJson(QJsonDocument::Compact).toStdString());
    }

    // --- jobs
    if (p == "/jobs" && r.method == "POST")
        return createJob(r);
    if (p == "/jobs" && r.method == "GET") {
        const std::string tags = r.queryValue("tags");
        const std::string onBackend = r.queryValue("backend");
        const int limit = std::max(1, std::min(200, QString::fromStdString(r.queryValue("limit")).toInt() > 0
                                                        ? QString::fromStdString(r.queryValue("limit")).toInt() : 200));
        QJsonArray jobs;
        for (auto it = m_jobs.rbegin(); it != m_jobs.rend() && jobs.size() < limit; ++it) {
            const Job& j = **it;
            if (!onBackend.empty() && j.backend != onBackend)
                continue;
            if (!tags.empty() && !j.tags.contains(QString::fromStdString(tags)))
                continue;
            jobs.append(QJsonObject{{"id", QString::fromStdString(j.id)},
                                    {"backend", QString::fromStdString(j.backend)},
                                    {"status", QString::fromStdString(j.status)},
                                    {"state", QJsonObject{{"status", QString::fromStdString(j.status)}}},
                                    {"tags", j.tags},
                                    {"created", QString::fromStdString(j.created)}});
        }
        QJsonObject body{{"jobs", jobs}, {"count", jobs.size()}, {"offset", 0}, {"limit", limit}};
        return FakeReply::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString());
    }
    static const QRegularExpression jobPath(QStringLiteral("^/jobs/([^/]+)(/results|/metrics|/cancel)?$"));
    if (auto m = jobPath.match(QString::fromStdString(p)); m.hasMatch()) {
        Job* j = job(m.captured(1).toStdString());
        if (!j)
            return ibmError(404, "1291", "job " + m.captured(1).toStdString() + " does not exist");
        const QString sub = m.captured(2);
        if (sub.isEmpty() && r.method == "GET") {
            advance(*j);
            return jobReply(*j, r.queryValue("exclude_params") != "true");
        }
        if (sub == "/results" && r.method == "GET") {
            if (j->status != "Completed")
                return ibmError(409, "1242", "job " + j->id + " is " + j->status + "; results exist once it completed");
            return FakeReply::json(200, QJsonDocument(j->results).toJson(QJsonDocument::Compact).toStdString());
        }
        if (sub == "/metrics" && r.method == "GET") {
            QJsonObject ts{{"created", QString::fromStdString(j->created)}};
            QJsonObject usage;
            if (j->status == "Completed" || j->status == "Failed" || j->status == "Cancelled - Ran too long") {
                ts["running"] = QString::fromStdString(iso(j->createdSecs + 1));
                ts["finished"] = QString::fromStdString(iso(j->createdSecs + 3));
                // Deterministic usage: 2 s overhead plus 250 µs per shot (IBM bills quantum seconds).
                const double seconds = 2.0 + 250e-6 * j->shots;
                usage = QJsonObject{{"quantum_seconds", seconds}, {"seconds", seconds}};
            }
            QJsonObject body{{"timestamps", ts}, {"usage", usage}, {"qiskit_version", "fake"}};
            return FakeReply::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString());
        }
        if (sub == "/cancel" && r.method == "POST") {
            if (isTerminalStatus(j->status))
                return ibmError(409, "1243", "job " + j->id + " is " + j->status + " and cannot be cancelled");
            j->status = "Cancelled";
            j->finalStatus = "Cancelled";
            return FakeReply::empty(204);
        }
    }
    return ibmError(404, "1404", "no route " + r.method + " " + p);
}

FakeReply FakeIbm::createJob(const FakeRequest& r)
{
    if (r.header("content-type").rfind("application/json", 0) != 0)
        return ibmError(400, "1400", "Content-Type must be application/json");
    if (m_opt.rateLimitPerMinute > 0) {
        const std::int64_t t = now();
        m_submitTimes.erase(std::remove_if(m_submitTimes.begin(), m_submitTimes.end(),
                                           [&](std::int64_t s) { return s <= t - 60; }),
                            m_submitTimes.end());
        if (int(m_submitTimes.size()) >= m_opt.rateLimitPerMinute) {
            FakeReply reply = ibmError(429, "3458", "POST /jobs is rate limited to "
                                                        + std::to_string(m_opt.rateLimitPerMinute) + " jobs per minute");
            reply.headers.emplace_back("Retry-After", std::to_string(m_opt.retryAfterSeconds));
            return reply;
        }
    }
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(r.body), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return ibmError(400, "1400", "the body is not a JSON object");
    const QJsonObject o = doc.object();
    const std::string program = o.value("program_id").toString().toStdString();
    if (program != "sampler")
        return ibmError(400, "1400", "program_id must be 'sampler' (this fake runs the Sampler only; got '" + program + "')");
    const std::string backendName = o.value("backend").toString().toStdString();
    Backend* b = nullptr;
    for (auto& x : m_backends)
        if (x->name == backendName)
            b = x.get();
    if (!b)
        return ibmError(400, "1216", "backend '" + backendName + "' does not exist or is not accessible");
    const QJsonObject params = o.value("params").toObject();
    const QJsonValue pubsValue = params.value("pubs");
    if (!pubsValue.isArray() || pubsValue.toArray().isEmpty())
        return ibmError(400, "1400", "params.pubs must be a non-empty array of pubs");
    const QJsonArray pubs = pubsValue.toArray();
    if (pubs.size() != 1)
        return ibmError(400, "1400", "this fake runs one pub per job (got " + std::to_string(pubs.size()) + ")");
    if (!pubs[0].isArray() || !pubs[0].toArray().at(0).isString())
        return ibmError(400, "1400", "params.pubs[0] must be an array [circuit, parameter_values?, shots?] with an OpenQASM 3 string");
    const QJsonArray pub = pubs[0].toArray();
    const std::string qasm = pub.at(0).toString().toStdString();
    int shots = params.value("shots").toInt(0);
    if (pub.size() > 2 && pub.at(2).isDouble())
        shots = pub.at(2).toInt();
    if (!params.contains("shots") && !(pub.size() > 2))
        shots = params.value("options").toObject().value("default_shots").toInt(4096);
    if (shots < 1 || shots > b->maxShots)
        return ibmError(400, "1400", "shots must be between 1 and " + std::to_string(b->maxShots) + " (got " + std::to_string(shots) + ")");
    if (o.contains("tags")) {
        if (!o.value("tags").isArray())
            return ibmError(400, "1400", "tags must be an array of strings");
        for (const QJsonValue& t : o.value("tags").toArray())
            if (!t.isString())
                return ibmError(400, "1400", "tags must be an array of strings");
    }
    if (detectQasmVersion(qasm) != QasmVersion::V3)
        return ibmError(400, "1400", "params.pubs[0][0] must be OpenQASM 3");
    auto circuit = parseQasm(qasm, "pub0");
    if (!circuit)
        return ibmError(400, "1400", "params.pubs[0][0] does not parse: " + circuit.error().toString());
    if (circuit->numQubits() > b->qubits)
        return ibmError(400, "1400", "the circuit uses qubit $" + std::to_string(circuit->numQubits() - 1) + " but "
                                         + b->name + " has " + std::to_string(b->qubits) + " qubits");
    std::vector<std::pair<std::string, std::vector<int>>> used;
    collectOps(circuit->ops, used);
    for (const auto& [name, qubits] : used) {
        if (!b->instructions.count(name))
            return ibmError(400, "1517", "the circuit is not ISA: '" + name + "' is not a supported instruction of "
                                             + b->name + "; transpile it for the backend first");
        if (qubits.size() == 2 && !b->couplers.count({qubits[0], qubits[1]}))
            return ibmError(400, "1517", "the circuit is not ISA: " + name + " on $" + std::to_string(qubits[0]) + ", $"
                                             + std::to_string(qubits[1]) + " is not in the coupling map of " + b->name);
    }
    if (circuit->numClbits() == 0)
        return ibmError(400, "1400", "the circuit measures nothing");

    auto j = std::make_unique<Job>();
    char id[32];
    std::snprintf(id, sizeof id, "d%019llx", static_cast<unsigned long long>(0x5eedULL * 1000003ULL + m_jobs.size() + 1));
    j->id = id;
    j->backend = b->name;
    j->body = r.body;
    j->program = qasm;
    j->shots = shots;
    j->tags = o.value("tags").toArray();
    j->createdSecs = now();
    j->created = iso(j->createdSecs);
    j->status = m_opt.statusSequence.empty() ? "Queued" : m_opt.statusSequence.front();
    j->finalStatus = m_nextFinal;
    j->reason = m_nextReason;
    j->reasonCode = m_nextCode;
    m_nextFinal.clear();
    m_nextReason.clear();
    m_nextCode = 0;
    m_submitTimes.push_back(now());
    QJsonObject reply{{"id", id}, {"backend", QString::fromStdString(b->name)}, {"session_id", QJsonValue()}, {"private", false}};
    m_jobs.push_back(std::move(j));
    return FakeReply::json(200, QJsonDocument(reply).toJson(QJsonDocument::Compact).toStdString());
}

void FakeIbm::advance(Job& j)
{
    if (isTerminalStatus(j.status))
        return;
    const auto& seq = m_opt.statusSequence;
    if (j.step + 1 < seq.size())
        ++j.step;
    std::string next = seq.empty() ? "Completed" : seq[j.step];
    if (isTerminalStatus(next) && !j.finalStatus.empty())
        next = j.finalStatus;
    j.status = next;
    if (j.status != "Completed")
        return;
    // Run the submitted circuit: per-register hex samples, bit k of a sample = register bit k.
    auto circuit = parseQasm(j.program, "pub0");
    sim::SimOptions so;
    so.shots = j.shots;
    so.seed = m_opt.seed;
    so.threads = 1;
    auto run = circuit ? sim::simulate(circuit.value(), so) : Result<sim::SimResult>(circuit.error());
    if (!run) {
        j.status = "Failed";
        j.reason = "simulation failed: " + run.error().message;
        j.reasonCode = 1999;
        return;
    }
    QJsonObject data;
    const int width = circuit->numClbits();
    for (const Register& reg : circuit->cregs) {
        QJsonArray samples;
        for (const auto& [bits, n] : run->counts) {
            std::uint64_t v = 0;
            for (int k = 0; k < reg.size; ++k)
                if (bits[std::size_t(width - 1 - (reg.offset + k))] == '1')
                    v |= std::uint64_t(1) << k;
            char hex[24];
            std::snprintf(hex, sizeof hex, "0x%llx", static_cast<unsigned long long>(v));
            for (int s = 0; s < n; ++s)
                samples.append(QString::fromLatin1(hex));
        }
        data[QString::fromStdString(reg.name)] = QJsonObject{{"samples", samples}, {"num_bits", reg.size}};
    }
    j.results = QJsonObject{{"results", QJsonArray{QJsonObject{{"data", data}, {"metadata", QJsonObject{{"circuit_metadata", QJsonObject{}}}}}}},
                            {"metadata", QJsonObject{{"execution", QJsonObject{{"execution_spans", QJsonArray{}}}}, {"version", 2}}}};
}

FakeReply FakeIbm::jobReply(Job& j, bool withParams)
{
    QJsonObject state{{"status", QString::fromStdString(j.status)}};
    if (j.status == "Failed" || j.status == "Cancelled - Ran too long") {
        state["reason"] = QString::fromStdString(j.reason);
        state["reason_code"] = j.reasonCode;
    } else {
        state["reason"] = QJsonValue();
        state["reason_code"] = QJsonValue();
    }
    QJsonObject body{{"id", QString::fromStdString(j.id)},
                     {"backend", QString::fromStdString(j.backend)},
                     {"state", state},
                     {"status", QString::fromStdString(j.status)},
                     {"program", QJsonObject{{"id", "sampler"}}},
                     {"created", QString::fromStdString(j.created)},
                     {"tags", j.tags},
                     {"session_id", QJsonValue()},
                     {"user_id", "IBMid-fake"},
                     {"private", false}};
    if (j.status == "Completed")
        body["usage"] = QJsonObject{{"seconds", 2.0 + 250e-6 * j.shots}};
    if (withParams)
        body["params"] = QJsonDocument::fromJson(QByteArray::fromStdString(j.body)).object().value("params");
    return FakeReply::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString());
}

} // namespace qpilot::test
