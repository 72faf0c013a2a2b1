// SPDX-License-Identifier: GPL-3.0-or-later
// tests/support/cloud/fake_ionq.cpp — the loopback IonQ API v0.4 (see fake_ionq.h).
#include "support/cloud/fake_ionq.h"

#include "core/circuit/dialects.h"
#include "core/circuit/qasm.h"
#include "core/sim/simulator.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace qpilot::test {

struct FakeIonq::Job {
    std::string id, name, backend, type, body;
    int shots = 0;
    int qubits = 0;
    Circuit circuit;                       // unitary part; every qubit is measured at the end
    QJsonObject metadata;
    std::vector<std::string> sequence;
    std::size_t step = 0;
    std::string status;
    std::vector<std::string> history;
    std::string failureCode, failureError;
    QJsonObject probabilities;
};

namespace {

struct BackendInfo {
    const char* name;
    const char* status;
    int qubits;
};
const BackendInfo kBackends[] = {
    {"simulator", "available", 29},
    {"qpu.aria-1", "unavailable", 25},
    {"qpu.forte-1", "available", 36},
};

FakeReply ionqError(int status, const std::string& error, const std::string& message)
{
    QJsonObject body{{"error", QString::fromStdString(error)},
                     {"message", QString::fromStdString(message)},
                     {"statusCode", status}};
    return FakeReply::json(status, QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString());
}

QJsonObject backendJson(const BackendInfo& b)
{
    QJsonObject o{{"backend", b.name}, {"status", b.status}, {"qubits", b.qubits},
                  {"average_queue_time", std::string(b.name) == "simulator" ? 0 : 1181215},
                  {"last_updated", "2026-07-01T00:00:00Z"}, {"degraded", false}};
    if (std::string(b.name) != "simulator")
        o["supported_native_gates"] = QJsonArray{"gpi", "gpi2", std::string(b.name) == "qpu.forte-1" ? "zz" : "ms"};
    return o;
}

bool terminal(const std::string& s) { return s == "completed" || s == "failed" || s == "canceled"; }

// The unitary part of a circuit (gates and barriers), as IonQ runs it before measuring all qubits.
Circuit unitaryPart(const Circuit& c)
{
    Circuit u;
    u.addQreg("q", c.numQubits());
    u.definitions = c.definitions;
    for (const Operation& o : c.ops)
        if (std::holds_alternative<GateOp>(o.op) || std::holds_alternative<BarrierOp>(o.op))
            u.ops.push_back(o);
    return u;
}

// IonQ's native gate set (angles in turns) → a circuit with GPI/GPI2/MS/RZZ in radians. Checks
// the gate names, that the backend runs each gate (Aria: ms, Forte: zz) and the fields.
Result<Circuit> nativeCircuit(const QJsonObject& input, const std::string& backend)
{
    const int nq = input.value("qubits").toInt(0);
    if (nq < 1)
        return Error("input.qubits must be a whole number of at least 1");
    std::vector<std::string> allowed{"gpi", "gpi2", "ms", "zz"};
    if (backend == "qpu.aria-1")
        allowed = {"gpi", "gpi2", "ms"};
    else if (backend == "qpu.forte-1")
        allowed = {"gpi", "gpi2", "zz"};
    Circuit c;
    c.addQreg("q", nq);
    const QJsonArray gates = input.value("circuit").toArray();
    constexpr double kTurn = 2 * M_PI;
    for (int i = 0; i < gates.size(); ++i) {
        const QJsonObject g = gates[i].toObject();
        const std::string where = "input.circuit[" + std::to_string(i) + "]: ";
        const std::string name = g.value("gate").toString().toStdString();
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
            return Error(where + "gate '" + name + "' is not a native gate of " + backend);
        auto qubit = [&](const QJsonValue& v) { return v.isDouble() && v.toInt() >= 0 && v.toInt() < nq && v.toDouble() == v.toInt(); };
        if (name == "gpi" || name == "gpi2") {
            if (!qubit(g.value("target")))
                return Error(where + "\"target\" must be a qubit index below " + std::to_string(nq));
            if (!g.value("phase").isDouble())
                return Error(where + "'" + name + "' needs a numeric \"phase\" in turns");
            c.gate(name == "gpi" ? GateKind::GPI : GateKind::GPI2, {g.value("target").toInt()},
                   {Expr(g.value("phase").toDouble() * kTurn)});
            continue;
        }
        const QJsonArray t = g.value("targets").toArray();
        if (t.size() != 2 || !qubit(t[0]) || !qubit(t[1]) || t[0].toInt() == t[1].toInt())
            return Error(where + "'" + name + "' needs \"targets\": two different qubit indices below " + std::to_string(nq));
        if (name == "ms") {
            const QJsonArray ph = g.value("phases").toArray();
            if (ph.size() != 2 || !ph[0].isDouble() || !ph[1].isDouble())
                return Error(where + "'ms' needs \"phases\": two numbers in turns");
            const double angle = g.contains("angle") ? g.value("angle").toDouble(-1) : 0.25;
            if (angle < 0 || angle > 0.25)
                return Error(where + "'ms' \"angle\" must be between 0 and 0.25 turns");
            c.gate(GateKind::MS, {t[0].toInt(), t[1].toInt()},
                   {Expr(ph[0].toDouble() * kTurn), Expr(ph[1].toDouble() * kTurn), Expr(angle * kTurn)});
        } else {
            if (!g.value("angle").isDouble())
                return Error(where + "'zz' needs a numeric \"angle\" in turns");
            c.gate(GateKind::RZZ, {t[0].toInt(), t[1].toInt()}, {Expr(g.value("angle").toDouble() * kTurn)});
        }
    }
    return c;
}

} // namespace

FakeIonq::FakeIonq(FakeIonqOptions options) : m_opt(std::move(options)) {}
FakeIonq::~FakeIonq() = default;

std::vector<std::string> FakeIonq::backendNames()
{
    std::vector<std::string> out;
    for (const auto& b : kBackends)
        out.emplace_back(b.name);
    return out;
}

bool FakeIonq::start()
{
    m_server = std::make_unique<FakeHttpServer>([this](const FakeRequest& r) { return handle(r); });
    return m_server->start();
}

FakeHttpServer& FakeIonq::server() { return *m_server; }

cloud::Endpoints FakeIonq::endpoints() const
{
    cloud::Endpoints e;
    e.api = m_server->baseUrl() + "/v0.4";
    return e;
}

cloud::Credentials FakeIonq::credentials() const
{
    cloud::Credentials c;
    c.apiKey = m_opt.apiKey;
    return c;
}

int FakeIonq::jobsCreated() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return int(m_jobs.size());
}

std::vector<std::string> FakeIonq::jobIds() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    std::vector<std::string> ids;
    for (const auto& j : m_jobs)
        ids.push_back(j->id);
    return ids;
}

std::string FakeIonq::jobBody(const std::string& id) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    for (const auto& j : m_jobs)
        if (j->id == id)
            return j->body;
    return {};
}

std::vector<std::string> FakeIonq::statusHistory(const std::string& id) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    for (const auto& j : m_jobs)
        if (j->id == id)
            return j->history;
    return {};
}

FakeReply FakeIonq::handle(const FakeRequest& r)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return route(r);
}

FakeReply FakeIonq::route(const FakeRequest& r)
{
    const std::string path = r.decodedPath();
    const std::string prefix = "/v0.4";
    if (path.rfind(prefix, 0) != 0)
        return ionqError(404, "Not Found", "no route " + path + " (the API lives under /v0.4)");
    if (r.header("authorization") != "apiKey " + m_opt.apiKey)
        return ionqError(401, "Unauthorized", r.header("authorization").empty()
                                                  ? "missing Authorization: apiKey header"
                                                  : "invalid API key");
    const std::string p = path.substr(prefix.size());
    if (r.method == "GET" && p == "/backends") {
        QJsonArray a;
        for (const auto& b : kBackends)
            a.append(backendJson(b));
        return FakeReply::json(200, QJsonDocument(a).toJson(QJsonDocument::Compact).toStdString());
    }
    if (r.method == "GET" && p.rfind("/backends/", 0) == 0) {
        for (const auto& b : kBackends)
            if (p.substr(10) == b.name)
                return FakeReply::json(200, QJsonDocument(backendJson(b)).toJson(QJsonDocument::Compact).toStdString());
        return ionqError(404, "Not Found", "backend " + p.substr(10) + " does not exist");
    }
    if (p == "/jobs" && r.method == "POST")
        return createJob(r);
    if (p == "/jobs" && r.method == "GET") {
        int limit = QString::fromStdString(r.queryValue("limit")).toInt();
        if (limit <= 0)
            limit = 25;
        if (m_opt.pageSize > 0)
            limit = std::min(limit, m_opt.pageSize);
        const std::string cursor = r.queryValue("next");
        QJsonArray jobs;
        bool started = cursor.empty();
        std::string next;
        for (auto it = m_jobs.rbegin(); it != m_jobs.rend(); ++it) { // newest first
            if (!started) {
                started = (*it)->id == cursor;
                continue;
            }
            if (jobs.size() == limit) {
                next = jobs.last().toObject().value("id").toString().toStdString();
                break;
            }
            jobs.append(QJsonObject{{"id", QString::fromStdString((*it)->id)},
                                    {"name", QString::fromStdString((*it)->name)},
                                    {"status", QString::fromStdString((*it)->status)},
                                    {"backend", QString::fromStdString((*it)->backend)}});
        }
        QJsonObject body{{"jobs", jobs}};
        if (!next.empty())
            body["next"] = QString::fromStdString(next);
        return FakeReply::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString());
    }
    static const QRegularExpression jobPath(QStringLiteral("^/jobs/([^/]+)(/results/probabilities|/status/cancel)?$"));
    if (auto m = jobPath.match(QString::fromStdString(p)); m.hasMatch()) {
        Job* j = nullptr;
        for (auto& x : m_jobs)
            if (x->id == m.captured(1).toStdString())
                j = x.get();
        if (!j)
            return ionqError(404, "Not Found", "job " + m.captured(1).toStdString() + " does not exist");
        const QString sub = m.captured(2);
        if (sub.isEmpty() && r.method == "GET") {
            advance(*j);
            return jobReply(*j);
        }
        if (sub == "/results/probabilities" && r.method == "GET") {
            if (j->status != "completed")
                return ionqError(400, "Bad Request", "job " + j->id + " is " + j->status + "; results exist once it completed");
            return FakeReply::json(200, QJsonDocument(j->probabilities).toJson(QJsonDocument::Compact).toStdString());
        }
        if (sub == "/status/cancel" && r.method == "PUT") {
            if (!terminal(j->status)) { // a no-op on finished jobs, as IonQ documents
                j->status = "canceled";
                j->history.push_back(j->status);
            }
            QJsonObject body{{"id", QString::fromStdString(j->id)}, {"status", QString::fromStdString(j->status)}};
            return FakeReply::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString());
        }
    }
    return ionqError(404, "Not Found", "no route " + r.method + " " + p);
}

FakeReply FakeIonq::createJob(const FakeRequest& r)
{
    if (r.header("content-type").rfind("application/json", 0) != 0)
        return ionqError(400, "Bad Request", "Content-Type must be application/json");
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(r.body), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return ionqError(400, "Bad Request", "the body is not a JSON object");
    const QJsonObject o = doc.object();
    const std::string type = o.value("type").toString().toStdString();
    if (type != "ionq.circuit.v1" && type != "ionq.qasm3.v1")
        return ionqError(400, "Bad Request", "type must be ionq.circuit.v1 or ionq.qasm3.v1 (got '" + type + "')");
    const std::string backend = o.value("backend").toString().toStdString();
    const BackendInfo* info = nullptr;
    for (const auto& b : kBackends)
        if (backend == b.name)
            info = &b;
    if (!info)
        return ionqError(400, "Bad Request", "backend '" + backend + "' does not exist");
    if (!o.value("shots").isDouble() || o.value("shots").toInt() < 1 || o.value("shots").toDouble() != o.value("shots").toInt())
        return ionqError(400, "Bad Request", "shots must be a whole number of at least 1");
    if (o.contains("name") && !o.value("name").isString())
        return ionqError(400, "Bad Request", "name must be a string");
    if (o.contains("metadata")) {
        for (const QJsonValue& v : o.value("metadata").toObject())
            if (!v.isString())
                return ionqError(400, "Bad Request", "metadata values must be strings");
    }
    const QJsonObject input = o.value("input").toObject();
    auto j = std::make_unique<Job>();
    if (type == "ionq.circuit.v1" && input.value("gateset").toString() == "native") {
        auto c = nativeCircuit(input, backend);
        if (!c)
            return ionqError(400, "Bad Request", c.error().message);
        j->circuit = c.value();
        j->qubits = input.value("qubits").toInt();
    } else if (type == "ionq.circuit.v1") {
        if (input.value("gateset").toString("qis") != "qis")
            return ionqError(400, "Bad Request", "gateset must be qis or native (got '"
                                                     + input.value("gateset").toString().toStdString() + "')");
        auto c = parseIonqJson(QJsonDocument(input).toJson().toStdString(), "input");
        if (!c)
            return ionqError(400, "Bad Request", "input: " + c.error().message);
        j->circuit = unitaryPart(c.value());
        j->qubits = input.value("qubits").toInt();
    } else {
        if (!input.value("data").isString())
            return ionqError(400, "Bad Request", "input.data must hold the OpenQASM 3 program");
        auto c = parseQasm(input.value("data").toString().toStdString(), "input.data");
        if (!c) {
            j->failureCode = "CompilationError";
            j->failureError = c.error().toString();
        } else {
            for (const Operation& op : c->ops)
                if (std::holds_alternative<IfElseOp>(op.op) || std::holds_alternative<ResetOp>(op.op)) {
                    j->failureCode = "CompilationError";
                    j->failureError = "control flow and reset are outside IonQ's OpenQASM 3 subset";
                }
            j->circuit = unitaryPart(c.value());
        }
        j->qubits = input.value("qubits").toInt(j->circuit.numQubits());
    }
    if (j->qubits > info->qubits && j->failureCode.empty()) {
        j->failureCode = "NotEnoughQubits";
        j->failureError = "the circuit uses " + std::to_string(j->qubits) + " qubits, " + backend + " has "
                        + std::to_string(info->qubits);
    }
    char id[48];
    const unsigned long long n = m_jobs.size() + 1;
    std::snprintf(id, sizeof id, "0190%04llx-fake-4000-8000-%012llx", n & 0xffff, n * 2654435761ULL % 0xffffffffffffULL);
    j->id = id;
    j->name = o.value("name").toString().toStdString();
    j->backend = backend;
    j->type = type;
    j->body = r.body;
    j->shots = o.value("shots").toInt();
    j->metadata = o.value("metadata").toObject();
    if (!m_opt.statusSequence.empty()) {
        j->sequence = m_opt.statusSequence;
    } else {
        const std::uint64_t k = m_opt.seed + n;
        j->sequence = {(k & 1) ? "submitted" : "ready", (k & 2) ? "running" : "started", "completed"};
    }
    j->status = j->sequence.front();
    j->history.push_back(j->status);
    QJsonObject reply{{"id", QString::fromStdString(j->id)}, {"status", QString::fromStdString(j->status)}};
    m_jobs.push_back(std::move(j));
    return FakeReply::json(200, QJsonDocument(reply).toJson(QJsonDocument::Compact).toStdString());
}

void FakeIonq::advance(Job& j)
{
    if (terminal(j.status))
        return;
    if (j.step + 1 < j.sequence.size())
        ++j.step;
    j.status = j.sequence[j.step];
    if (terminal(j.status) && j.status == "completed" && !j.failureCode.empty())
        j.status = "failed";
    j.history.push_back(j.status);
    if (j.status == "completed")
        complete(j);
}

void FakeIonq::complete(Job& j)
{
    // Measure every qubit at the end: q → clbit q, so a bitstring is the basis-state index.
    Circuit c = j.circuit;
    const int nq = std::max(1, j.qubits);
    if (c.numQubits() < nq) {
        c.qregs.clear();
        c.addQreg("q", nq);
    }
    c.addCreg("c", nq);
    for (int q = 0; q < nq; ++q)
        c.measure(q, q);
    sim::SimOptions so;
    so.seed = m_opt.seed;
    so.threads = 1;
    const bool exact = j.backend == "simulator";
    if (exact)
        so.wantProbabilities = true;
    else
        so.shots = j.shots;
    auto run = sim::simulate(c, so);
    if (!run) {
        j.status = "failed";
        j.failureCode = "SimulationError";
        j.failureError = run.error().message;
        return;
    }
    QJsonObject probs;
    if (exact) {
        for (std::size_t i = 0; i < run->probabilities.size(); ++i)
            if (run->probabilities[i] > 1e-12)
                probs[QString::number(qulonglong(i))] = run->probabilities[i];
    } else {
        for (const auto& [bits, n] : run->counts)
            probs[QString::number(QString::fromStdString(bits).toULongLong(nullptr, 2))] = double(n) / j.shots;
    }
    j.probabilities = probs;
}

FakeReply FakeIonq::jobReply(const Job& j) const
{
    QJsonObject body{{"id", QString::fromStdString(j.id)},
                     {"type", QString::fromStdString(j.type)},
                     {"name", QString::fromStdString(j.name)},
                     {"status", QString::fromStdString(j.status)},
                     {"backend", QString::fromStdString(j.backend)},
                     {"shots", j.shots},
                     {"stats", QJsonObject{{"qubits", j.qubits}, {"circuits", 1}}},
                     {"metadata", j.metadata},
                     {"request", 1782864000}};
    if (j.status == "completed") {
        const QString base = QStringLiteral("/v0.4/jobs/") + QString::fromStdString(j.id) + QStringLiteral("/results/");
        body["results"] = QJsonObject{{"probabilities", QJsonObject{{"url", base + "probabilities"}}},
                                      {"histogram", QJsonObject{{"url", base + "histogram"}}}};
        body["execution_duration_ms"] = 20 + j.shots / 10;
    }
    if (j.status == "failed")
        body["failure"] = QJsonObject{{"code", QString::fromStdString(j.failureCode)},
                                      {"error", QString::fromStdString(j.failureError)}};
    return FakeReply::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString());
}

} // namespace qpilot::test
