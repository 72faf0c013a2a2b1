// SPDX-License-Identifier: GPL-3.0-or-later
// tests/cloud/tst_ionq_client.cpp — the IonQ client: its wire format as pure functions (status
// vocabulary incl. submitted/ready and running/started, the circuit JSON body with qis gate names
// and radians, index-keyed probabilities in Qpilot's bit order, error bodies), and the full life
// cycle against the loopback fake (backends, submit in circuit JSON and in OpenQASM 3, poll,
// results against a dense reference distribution, cancel), job-level failures, every injected
// transport fault, malformed replies, and a lost create reply found by job name (IonQ does not
// deduplicate) without a second job.
#include "core/circuit/qasm.h"
#include "core/cloud/cloud.h"
#include "core/cloud/ionq_json.h"
#include "core/cloud/providers.h"
#include "support/cloud/fake_providers.h"
#include "support/reference.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace qpilot;
using namespace qpilot::cloud;
using qpilot::test::FakeIonq;
using qpilot::test::FakeIonqOptions;
using qpilot::test::FakeMatch;

namespace {

const char* kBell = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\n"
                    "c[0] = measure q[0];\nc[1] = measure q[1];\n";
const char* kQubit0 = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[3] q;\nbit[3] c;\nx q[0];\nc = measure q;\n";
// Qubit 1 is flipped and measured into clbit 0 only: every shot reads "1" (one clbit).
const char* kRemapped = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\nbit[1] c;\nx q[1];\nc[0] = measure q[1];\n";
const char* kRotations = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[3] q;\nbit[3] c;\nry(0.7) q[0];\nrx(1.9) q[1];\n"
                         "cx q[0], q[2];\nrz(pi/4) q[2];\nh q[2];\ncz q[1], q[2];\nc = measure q;\n";

// Native IonQ gates as Qpilot's transpiler writes them (radians): an MS Bell pair on Aria, and
// gpi2 + zz on Forte.
const char* kNativeMs = "OPENQASM 3.0;\nqubit[2] q;\nbit[2] c;\nms(0, 0, pi/2) q[0], q[1];\nc = measure q;\n";
const char* kNativeZz = "OPENQASM 3.0;\nqubit[2] q;\nbit[2] c;\ngpi2(0) q[0];\ngpi2(pi/2) q[1];\nrzz(pi/3) q[0], q[1];\n"
                        "gpi2(pi) q[0];\ngpi(0.4) q[1];\nc = measure q;\n";

RetryPolicy fastPolicy(int attempts = 4, double timeout = 2)
{
    RetryPolicy p;
    p.maxAttempts = attempts;
    p.baseDelaySeconds = 0.01;
    p.maxDelaySeconds = 0.2;
    p.timeoutSeconds = timeout;
    p.maxRetryAfterSeconds = 5;
    p.jitterSeed = 11;
    return p;
}

SubmitRequest request(const std::string& qasm, int shots = 1000, const std::string& device = "simulator",
                      const std::string& token = "tok-ionq-1")
{
    SubmitRequest r;
    r.deviceId = device;
    r.qasm = qasm;
    r.shots = shots;
    r.tags = {{"pilot", "iris"}};
    r.clientToken = token;
    return r;
}

Result<RemoteStatus> pollToEnd(ProviderClient& c, const std::string& id, std::vector<JobState>* seen = nullptr)
{
    for (int i = 0; i < 20; ++i) {
        auto s = c.status(id);
        if (!s)
            return s;
        if (seen)
            seen->push_back(s->state);
        if (isTerminal(s->state))
            return s;
    }
    return Error("job did not finish in 20 polls");
}

// The exact distribution over clbit strings from the dense reference unitary (measurements at the end).
std::map<std::string, double> referenceDistribution(const std::string& qasm)
{
    Circuit c = parseQasm(qasm).value();
    Circuit gates;
    gates.qregs = c.qregs;
    std::vector<std::pair<int, int>> measure;
    for (const Operation& o : c.ops) {
        if (std::holds_alternative<GateOp>(o.op))
            gates.ops.push_back(o);
        else if (const auto* m = std::get_if<MeasureOp>(&o.op))
            measure.emplace_back(m->qubit, m->clbit);
    }
    const Matrix u = test::circuitUnitary(gates);
    const int nc = c.numClbits();
    std::map<std::string, double> out;
    for (int i = 0; i < u.dim(); ++i) {
        std::string key(std::size_t(nc), '0');
        for (auto [q, b] : measure)
            if ((i >> q) & 1)
                key[std::size_t(nc - 1 - b)] = '1';
        out[key] += std::norm(u.at(i, 0));
    }
    return out;
}

} // namespace

class TestIonqClient : public QObject {
    Q_OBJECT

private slots:
    // --- wire format (pure) -------------------------------------------------------------------
    void statusVocabulary_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("state");
        QTest::newRow("submitted") << "submitted" << int(JobState::Queued);
        QTest::newRow("ready") << "ready" << int(JobState::Queued);
        QTest::newRow("running") << "running" << int(JobState::Running);
        QTest::newRow("started") << "started" << int(JobState::Running);
        QTest::newRow("completed") << "completed" << int(JobState::Completed);
        QTest::newRow("failed") << "failed" << int(JobState::Failed);
        QTest::newRow("canceled") << "canceled" << int(JobState::Cancelled);
        QTest::newRow("cancelled") << "cancelled" << int(JobState::Cancelled);
        QTest::newRow("unknown") << "paused" << -1;
    }
    void statusVocabulary()
    {
        QFETCH(QString, status);
        QFETCH(int, state);
        auto s = ionq::stateFromStatus(status.toStdString());
        if (state < 0) {
            QVERIFY(!s.ok());
            QVERIFY(QString::fromStdString(s.error().message).contains(status));
        } else {
            QVERIFY(s.ok());
            QCOMPARE(int(s.value()), state);
        }
    }

    void circuitJsonBody()
    {
        const char* qasm = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\n"
                           "rz(pi/4) q[1];\nsdg q[0];\nc = measure q;\n";
        auto body = ionq::submitBody(request(qasm, 321, "qpu.forte-1", "tok-xyz"));
        QVERIFY2(body.ok(), body.ok() ? "" : body.error().message.c_str());
        const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(body.value())).object();
        QCOMPARE(o.value("type").toString(), QStringLiteral("ionq.circuit.v1"));
        QCOMPARE(o.value("name").toString(), QStringLiteral("tok-xyz")); // the client token
        QCOMPARE(o.value("backend").toString(), QStringLiteral("qpu.forte-1"));
        QCOMPARE(o.value("shots").toInt(), 321);
        const QJsonObject input = o.value("input").toObject();
        QCOMPARE(input.value("gateset").toString(), QStringLiteral("qis"));
        QCOMPARE(input.value("qubits").toInt(), 2);
        const QJsonArray gates = input.value("circuit").toArray();
        QCOMPARE(gates.size(), 4);
        QCOMPARE(gates[0].toObject().value("gate").toString(), QStringLiteral("h"));
        QCOMPARE(gates[1].toObject().value("gate").toString(), QStringLiteral("cnot"));
        QCOMPARE(gates[1].toObject().value("control").toInt(), 0);
        QCOMPARE(gates[1].toObject().value("target").toInt(), 1);
        QCOMPARE(gates[2].toObject().value("gate").toString(), QStringLiteral("rz"));
        // qis rotations are in radians (native gpi/gpi2/ms would be turns).
        QCOMPARE(gates[2].toObject().value("rotation").toDouble(), M_PI / 4);
        QCOMPARE(gates[3].toObject().value("gate").toString(), QStringLiteral("si"));
        QCOMPARE(o.value("metadata").toObject().value("pilot").toString(), QStringLiteral("iris"));
        QCOMPARE(o.value("settings").toObject().value("error_mitigation").toObject().value("debiasing").toBool(true), false);
    }

    void nativeBodyInTurns()
    {
        const char* qasm = "OPENQASM 3.0;\nqubit[2] q;\nbit[2] c;\ngpi(pi) q[0];\ngpi2(pi/2) q[1];\n"
                           "ms(0, pi/2, pi/2) q[0], q[1];\nrzz(pi/4) q[1], q[0];\nc = measure q;\n";
        auto body = ionq::submitBody(request(qasm, 100, "simulator"));
        QVERIFY2(body.ok(), body.ok() ? "" : body.error().message.c_str());
        const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(body.value())).object();
        const QJsonObject input = o.value("input").toObject();
        QCOMPARE(input.value("gateset").toString(), QStringLiteral("native"));
        const QJsonArray g = input.value("circuit").toArray();
        QCOMPARE(g.size(), 4);
        // 1 turn = 2π: gpi(π) → 0.5, gpi2(π/2) → 0.25, ms(0, π/2, π/2) → phases [0, 0.25], angle 0.25.
        QCOMPARE(g[0].toObject().value("gate").toString(), QStringLiteral("gpi"));
        QCOMPARE(g[0].toObject().value("phase").toDouble(), 0.5);
        QCOMPARE(g[1].toObject().value("gate").toString(), QStringLiteral("gpi2"));
        QCOMPARE(g[1].toObject().value("phase").toDouble(), 0.25);
        QCOMPARE(g[2].toObject().value("gate").toString(), QStringLiteral("ms"));
        QCOMPARE(g[2].toObject().value("phases").toArray(), (QJsonArray{0.0, 0.25}));
        QCOMPARE(g[2].toObject().value("angle").toDouble(), 0.25);
        QCOMPARE(g[3].toObject().value("gate").toString(), QStringLiteral("zz"));
        QCOMPARE(g[3].toObject().value("targets").toArray(), (QJsonArray{1, 0}));
        QCOMPARE(g[3].toObject().value("angle").toDouble(), 0.125);
        // A circuit with any non-native gate goes as qis (radians).
        auto mixed = ionq::submitBody(request("OPENQASM 3.0;\nqubit[1] q;\nbit[1] c;\ngpi(pi) q[0];\nrz(0.5) q[0];\nc = measure q;\n", 10));
        QVERIFY(mixed.ok());
        QCOMPARE(QJsonDocument::fromJson(QByteArray::fromStdString(mixed.value())).object().value("input").toObject().value("gateset").toString(),
                 QStringLiteral("qis"));
    }

    void qasm3Body()
    {
        auto body = ionq::submitBody(request(kBell, 10), {true, false});
        QVERIFY(body.ok());
        const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(body.value())).object();
        QCOMPARE(o.value("type").toString(), QStringLiteral("ionq.qasm3.v1"));
        QCOMPARE(o.value("input").toObject().value("data").toString().toStdString(), std::string(kBell));
        QCOMPARE(o.value("input").toObject().value("qubits").toInt(), 2);
        auto branchy = ionq::submitBody(
            request("OPENQASM 3.0;\nqubit[1] q;\nbit[1] c;\nc[0] = measure q[0];\nif (c[0]) x q[0];\n", 10), {true, false});
        QVERIFY(!branchy.ok());
        QVERIFY(QString::fromStdString(branchy.error().message).contains("if/else"));
    }

    void probabilitiesBitOrder_data()
    {
        QTest::addColumn<QString>("probs");
        QTest::addColumn<int>("qubits");
        QTest::addColumn<QString>("measure"); // metadata qpilot_measure ("" = identity)
        QTest::addColumn<int>("clbits");
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("count");
        // IonQ: decimal index, qubit 0 = least significant bit; Qpilot prints qubit 0 rightmost.
        QTest::newRow("index 1 is qubit 0") << R"({"1":1.0})" << 3 << "" << 0 << "001" << 100;
        QTest::newRow("index 4 is qubit 2") << R"({"4":1.0})" << 3 << "" << 0 << "100" << 100;
        QTest::newRow("bell halves") << R"({"0":0.5,"3":0.5})" << 2 << "" << 0 << "11" << 50;
        QTest::newRow("qubit 1 into clbit 0") << R"({"2":1.0})" << 2 << "[[1,0]]" << 1 << "1" << 100;
        QTest::newRow("swapped map") << R"({"1":1.0})" << 2 << "[[0,1],[1,0]]" << 2 << "10" << 100;
    }
    void probabilitiesBitOrder()
    {
        QFETCH(QString, probs);
        QFETCH(int, qubits);
        QFETCH(QString, measure);
        QFETCH(int, clbits);
        QFETCH(QString, key);
        QFETCH(int, count);
        ionq::Job job;
        job.qubits = qubits;
        job.shots = 100;
        job.clbits = clbits;
        for (const QJsonValue& v : QJsonDocument::fromJson(measure.toUtf8()).array())
            job.measure.emplace_back(v.toArray()[0].toInt(), v.toArray()[1].toInt());
        auto r = ionq::parseProbabilities(probs.toStdString(), job);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(int(r->counts.at(key.toStdString())), count);
    }

    void malformedReplies_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("job truncated") << "job" << "{\"id\":\"j\",\"sta" << "truncated";
        QTest::newRow("job no status") << "job" << R"({"id":"j"})" << "'status'";
        QTest::newRow("job bad status") << "job" << R"({"id":"j","status":"sleeping"})" << "'status'";
        QTest::newRow("job bad measure map") << "job" << R"({"id":"j","status":"completed","metadata":{"qpilot_measure":"[[1]]"}})" << "metadata.qpilot_measure";
        QTest::newRow("backends no name") << "backends" << R"([{"status":"available"}])" << "[0].backend";
        QTest::newRow("backends no status") << "backends" << R"([{"backend":"simulator"}])" << "[0].status";
        QTest::newRow("create no id") << "create" << R"({"status":"ready"})" << "'id'";
        QTest::newRow("probabilities not numbers") << "probs" << R"({"0":"half"})" << "'0'";
        QTest::newRow("probabilities bad key") << "probs" << R"({"x":1.0})" << "decimal";
        QTest::newRow("probabilities do not add up") << "probs" << R"({"0":0.4})" << "add up";
    }
    void malformedReplies()
    {
        QFETCH(QString, kind);
        QFETCH(QString, body);
        QFETCH(QString, field);
        const std::string b = body.toStdString();
        std::optional<Error> e;
        if (kind == "job") { auto r = ionq::parseJob(b); if (!r) e = r.error(); }
        if (kind == "backends") { auto r = ionq::parseBackends(b); if (!r) e = r.error(); }
        if (kind == "create") { auto r = ionq::parseSubmitReply(b); if (!r) e = r.error(); }
        if (kind == "probs") {
            ionq::Job j;
            j.qubits = 2;
            j.shots = 10;
            auto r = ionq::parseProbabilities(b, j);
            if (!r) e = r.error();
        }
        QVERIFY(e.has_value());
        QVERIFY2(QString::fromStdString(e->message).contains(field), e->message.c_str());
        QVERIFY2(QString::fromStdString(e->message).startsWith("IonQ: malformed"), e->message.c_str());
    }

    void httpErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("expect");
        QTest::newRow("v0.3 shape") << 400 << R"({"error":"Bad Request","message":"shots too large","statusCode":400})" << "shots too large";
        QTest::newRow("typed shape") << 400 << R"({"error":{"type":"InvalidInput","message":"bad gate"}})" << "InvalidInput: bad gate";
        QTest::newRow("code shape") << 404 << R"({"code":404,"message":"no job"})" << "no job";
        QTest::newRow("401 action") << 401 << "" << "qpilot cloud login ionq";
        QTest::newRow("429 action") << 429 << "" << "Rate limited";
        QTest::newRow("503 action") << 503 << "" << "retry later";
    }
    void httpErrors()
    {
        QFETCH(int, status);
        QFETCH(QString, body);
        QFETCH(QString, expect);
        const Error e = ionq::httpError(status, body.toStdString(), "job x");
        QVERIFY2(QString::fromStdString(e.message).contains(expect), e.message.c_str());
    }

    // --- against the fake -------------------------------------------------------------------
    void backends()
    {
        auto fake = test::startFakeIonq();
        QVERIFY(fake);
        HttpTransport http(fastPolicy());
        auto client = makeIonqClient(fake->endpoints(), fake->credentials(), http);
        auto d = client->devices();
        QVERIFY2(d.ok(), d.ok() ? "" : d.error().message.c_str());
        QCOMPARE(int(d->size()), 3);
        QCOMPARE(d->at(0).id, std::string("simulator"));
        QVERIFY(d->at(0).available);
        QCOMPARE(d->at(0).qubits, 29);
        QCOMPARE(d->at(1).id, std::string("qpu.aria-1"));
        QVERIFY(!d->at(1).available);
        QCOMPARE(d->at(1).status, std::string("unavailable"));
        QCOMPARE(d->at(1).profileId, std::string("ionq_aria_1"));
        QCOMPARE(d->at(2).profileId, std::string("ionq_forte_1"));
        QCOMPARE(d->at(2).nativeGates, (std::vector<std::string>{"gpi", "gpi2", "zz"}));
        for (const auto& r : fake->server().requests())
            QCOMPARE(r.header("authorization"), "apiKey " + fake->credentials().apiKey);
    }

    void wrongKey()
    {
        auto fake = test::startFakeIonq();
        QVERIFY(fake);
        HttpTransport http(fastPolicy());
        Credentials c;
        c.apiKey = "not-the-key";
        auto client = makeIonqClient(fake->endpoints(), c, http);
        auto d = client->devices();
        QVERIFY(!d.ok());
        QVERIFY2(QString::fromStdString(d.error().message).contains("HTTP 401"), d.error().message.c_str());
        QVERIFY(QString::fromStdString(d.error().message).contains("qpilot cloud login ionq"));
        QVERIFY(d.error().message.find("not-the-key") == std::string::npos);
    }

    void lifecycle_data()
    {
        QTest::addColumn<QString>("qasm");
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QStringList>("sequence");
        QTest::addColumn<bool>("qasm3");
        QTest::addColumn<int>("shots");
        const QStringList a{"submitted", "running", "completed"};
        const QStringList b{"ready", "started", "completed"};
        QTest::newRow("bell simulator submitted/running") << QString(kBell) << "simulator" << a << false << 1000;
        QTest::newRow("bell qpu ready/started") << QString(kBell) << "qpu.forte-1" << b << false << 2000;
        QTest::newRow("qubit 0 only") << QString(kQubit0) << "qpu.forte-1" << a << false << 300;
        QTest::newRow("measure remapped") << QString(kRemapped) << "simulator" << b << false << 200;
        QTest::newRow("rotations simulator") << QString(kRotations) << "simulator" << a << false << 1000;
        QTest::newRow("rotations qpu") << QString(kRotations) << "qpu.forte-1" << b << false << 4000;
        QTest::newRow("qasm3 bell") << QString(kBell) << "simulator" << a << true << 1000;
        QTest::newRow("native ms on aria") << QString(kNativeMs) << "qpu.aria-1" << a << false << 2000;
        QTest::newRow("native zz on forte") << QString(kNativeZz) << "qpu.forte-1" << b << false << 2000;
        QTest::newRow("native zz on simulator") << QString(kNativeZz) << "simulator" << a << false << 1000;
    }
    void lifecycle()
    {
        QFETCH(QString, qasm);
        QFETCH(QString, backend);
        QFETCH(QStringList, sequence);
        QFETCH(bool, qasm3);
        QFETCH(int, shots);
        FakeIonqOptions opt;
        for (const QString& s : sequence)
            opt.statusSequence.push_back(s.toStdString());
        auto fake = test::startFakeIonq(opt);
        QVERIFY(fake);
        HttpTransport http(fastPolicy());
        IonqClientOptions co;
        co.qasm3 = qasm3;
        auto client = makeIonqClient(fake->endpoints(), fake->credentials(), http, co);
        auto sub = client->submit(request(qasm.toStdString(), shots, backend.toStdString()));
        QVERIFY2(sub.ok(), sub.ok() ? "" : sub.error().message.c_str());
        QCOMPARE(sub->state, JobState::Queued);
        const QJsonObject sent = QJsonDocument::fromJson(QByteArray::fromStdString(fake->jobBody(sub->providerJobId))).object();
        QCOMPARE(sent.value("type").toString(), qasm3 ? QStringLiteral("ionq.qasm3.v1") : QStringLiteral("ionq.circuit.v1"));
        if (!qasm3) // transpiled native circuits go as IonQ's native gate set, the rest as qis
            QCOMPARE(sent.value("input").toObject().value("gateset").toString(),
                     qasm.contains("gpi") || qasm.contains("ms(") ? QStringLiteral("native") : QStringLiteral("qis"));
        std::vector<JobState> seen;
        auto end = pollToEnd(*client, sub->providerJobId, &seen);
        QVERIFY2(end.ok(), end.ok() ? "" : end.error().message.c_str());
        QCOMPARE(end->state, JobState::Completed);
        QCOMPARE(seen, (std::vector<JobState>{JobState::Running, JobState::Completed}));
        QCOMPARE(fake->statusHistory(sub->providerJobId).at(1), sequence.at(1).toStdString());
        QVERIFY(end->usageSeconds.has_value());

        auto res = client->result(sub->providerJobId);
        QVERIFY2(res.ok(), res.ok() ? "" : res.error().message.c_str());
        QCOMPARE(res->shots, shots);
        std::int64_t total = 0;
        for (const auto& [k, v] : res->counts)
            total += v;
        QCOMPARE(total, std::int64_t(shots));
        const auto expected = referenceDistribution(qasm.toStdString());
        QCOMPARE(res->qubits, int(expected.begin()->first.size()));
        for (const auto& [k, p] : expected) {
            const double n = res->counts.count(k) ? double(res->counts.at(k)) : 0.0;
            if (backend == "simulator") { // exact probabilities → counts within rounding
                QVERIFY2(std::abs(n - p * shots) <= 1.0, (k + ": " + std::to_string(n) + " vs " + std::to_string(p * shots)).c_str());
            } else {                     // sampled: within 5 σ
                const double sigma = std::sqrt(std::max(1e-9, shots * p * (1 - p)));
                QVERIFY2(std::abs(n - p * shots) <= 5 * sigma + 1e-9, (k + ": " + std::to_string(n) + " vs " + std::to_string(p * shots)).c_str());
            }
        }
        for (const auto& [k, n] : res->counts)
            QVERIFY2(expected.count(k) && expected.at(k) > 1e-12, ("impossible outcome " + k).c_str());
    }

    void jobLevelFailures_data()
    {
        QTest::addColumn<QString>("qasm");
        QTest::addColumn<QString>("backend");
        QTest::addColumn<bool>("qasm3");
        QTest::addColumn<QString>("expect");
        QString wide = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[26] q;\nbit[26] c;\nx q[25];\nc = measure q;\n";
        QTest::newRow("not enough qubits") << wide << "qpu.aria-1" << false << "NotEnoughQubits";
        QTest::newRow("qasm3 reset") << "OPENQASM 3.0;\nqubit[1] q;\nbit[1] c;\nreset q[0];\nc[0] = measure q[0];\n" << "simulator" << true << "CompilationError";
    }
    void jobLevelFailures()
    {
        QFETCH(QString, qasm);
        QFETCH(QString, backend);
        QFETCH(bool, qasm3);
        QFETCH(QString, expect);
        auto fake = test::startFakeIonq();
        QVERIFY(fake);
        HttpTransport http(fastPolicy());
        IonqClientOptions co;
        co.qasm3 = qasm3;
        auto client = makeIonqClient(fake->endpoints(), fake->credentials(), http, co);
        auto sub = client->submit(request(qasm.toStdString(), 100, backend.toStdString()));
        QVERIFY2(sub.ok(), sub.ok() ? "" : sub.error().message.c_str());
        auto end = pollToEnd(*client, sub->providerJobId);
        QVERIFY(end.ok());
        QCOMPARE(end->state, JobState::Failed);
        QVERIFY2(QString::fromStdString(end->message).contains(expect), end->message.c_str());
        auto res = client->result(sub->providerJobId);
        QVERIFY(!res.ok());
        QVERIFY(QString::fromStdString(res.error().message).contains("only for completed jobs"));
    }

    void fakeChecksGateNamesAndSchema_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("expect");
        QTest::newRow("unknown gate") << R"({"type":"ionq.circuit.v1","backend":"simulator","shots":10,"input":{"gateset":"qis","qubits":1,"circuit":[{"gate":"foo","target":0}]}})" << "unknown gate 'foo'";
        QTest::newRow("bad type") << R"({"type":"ionq.circuit.v9","backend":"simulator","shots":10,"input":{}})" << "type must be";
        QTest::newRow("unknown backend") << R"({"type":"ionq.circuit.v1","backend":"qpu.nowhere","shots":10,"input":{}})" << "does not exist";
        QTest::newRow("zero shots") << R"({"type":"ionq.circuit.v1","backend":"simulator","shots":0,"input":{}})" << "shots";
        QTest::newRow("zz on aria") << R"({"type":"ionq.circuit.v1","backend":"qpu.aria-1","shots":10,"input":{"gateset":"native","qubits":2,"circuit":[{"gate":"zz","targets":[0,1],"angle":0.1}]}})" << "not a native gate of qpu.aria-1";
        QTest::newRow("gpi without phase") << R"({"type":"ionq.circuit.v1","backend":"simulator","shots":10,"input":{"gateset":"native","qubits":1,"circuit":[{"gate":"gpi","target":0}]}})" << "phase";
        QTest::newRow("rotation missing") << R"({"type":"ionq.circuit.v1","backend":"simulator","shots":10,"input":{"gateset":"qis","qubits":1,"circuit":[{"gate":"rz","target":0}]}})" << "rotation";
    }
    void fakeChecksGateNamesAndSchema()
    {
        QFETCH(QString, body);
        QFETCH(QString, expect);
        auto fake = test::startFakeIonq();
        QVERIFY(fake);
        HttpTransport http(fastPolicy());
        HttpRequest req;
        req.method = "POST";
        req.url = fake->endpoints().api + "/jobs";
        req.headers = {{"Authorization", "apiKey " + fake->credentials().apiKey}, {"Content-Type", "application/json"}};
        req.body = body.toStdString();
        req.idempotent = false;
        auto r = http.send(req);
        QVERIFY(r.ok());
        QCOMPARE(r->status, 400);
        QVERIFY2(QString::fromStdString(r->body).contains(expect), r->body.c_str());
        const Error e = ionq::httpError(r->status, r->body, "submit");
        QVERIFY(QString::fromStdString(e.message).contains(expect));
        QCOMPARE(fake->jobsCreated(), 0);
    }

    void cancel()
    {
        auto fake = test::startFakeIonq();
        QVERIFY(fake);
        HttpTransport http(fastPolicy());
        auto client = makeIonqClient(fake->endpoints(), fake->credentials(), http);
        auto sub = client->submit(request(kBell, 100));
        QVERIFY(sub.ok());
        QVERIFY(!client->cancel(sub->providerJobId));
        auto s = client->status(sub->providerJobId);
        QVERIFY(s.ok());
        QCOMPARE(s->state, JobState::Cancelled);
        bool sawPut = false;
        for (const auto& r : fake->server().requests())
            sawPut = sawPut || (r.method == "PUT" && r.decodedPath() == "/v0.4/jobs/" + sub->providerJobId + "/status/cancel");
        QVERIFY(sawPut);
        // Cancelling a finished job is a no-op, as IonQ documents.
        auto done = client->submit(request(kBell, 100, "simulator", "tok-2"));
        QVERIFY(done.ok() && pollToEnd(*client, done->providerJobId).ok());
        QVERIFY(!client->cancel(done->providerJobId));
        QCOMPARE(client->status(done->providerJobId)->state, JobState::Completed);
        auto missing = client->cancel("no-such-job");
        QVERIFY(missing && QString::fromStdString(missing->message).contains("404"));
    }

    void faults_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("recovers");
        QTest::addColumn<QString>("expect");
        QTest::newRow("429 on poll") << "429" << "GET" << "/v0.4/jobs/" << true << "";
        QTest::newRow("502 on poll") << "502" << "GET" << "/v0.4/jobs/" << true << "";
        QTest::newRow("503 on job calls") << "503" << "GET" << "/v0.4/jobs/" << true << "";
        QTest::newRow("429 on submit") << "429" << "POST" << "/v0.4/jobs" << true << "";
        QTest::newRow("500 on poll") << "500" << "GET" << "/v0.4/jobs/" << false << "HTTP 500";
        QTest::newRow("stall on poll") << "stall" << "GET" << "/v0.4/jobs/" << true << "";
        QTest::newRow("reset on poll") << "reset" << "GET" << "/v0.4/jobs/" << true << "";
        QTest::newRow("truncated every attempt") << "truncate" << "GET" << "/v0.4/jobs/" << false << "before the reply was complete";
        QTest::newRow("malformed job") << "malformed" << "GET" << "/v0.4/jobs/" << false << "malformed job reply";
    }
    void faults()
    {
        QFETCH(QString, fault);
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(bool, recovers);
        QFETCH(QString, expect);
        auto fake = test::startFakeIonq();
        QVERIFY(fake);
        HttpTransport http(fastPolicy(4, 1));
        auto client = makeIonqClient(fake->endpoints(), fake->credentials(), http);
        const FakeMatch m{method.toStdString(), path.toStdString()};
        auto inject = [&] {
            auto& s = fake->server();
            if (fault == "429") s.throttle(2, "0", m);
            else if (fault == "stall") s.stall(1, m);
            else if (fault == "reset") s.reset(1, m);
            else if (fault == "truncate") s.truncate(4, m);
            else if (fault == "malformed") s.malformedJson(1, m);
            else s.failWithStatus(fault == "500" ? 1 : 2, fault.toInt(), m, {}, R"({"error":"Server Error","message":"injected","statusCode":500})");
        };
        const bool beforeSubmit = method == "POST";
        if (beforeSubmit)
            inject();
        auto sub = client->submit(request(kQubit0, 200));
        QVERIFY2(sub.ok(), sub.ok() ? "" : sub.error().message.c_str());
        if (!beforeSubmit)
            inject();
        QVERIFY(fake->server().pendingFaults() > 0 || beforeSubmit);
        std::optional<Error> err;
        auto end = pollToEnd(*client, sub->providerJobId);
        if (!end)
            err = end.error();
        else {
            auto res = client->result(sub->providerJobId);
            if (!res)
                err = res.error();
            else
                QCOMPARE(res->counts, (std::map<std::string, std::int64_t>{{"001", 200}}));
        }
        if (recovers) {
            QVERIFY2(!err, err ? err->message.c_str() : "");
        } else {
            QVERIFY(err.has_value());
            QVERIFY2(QString::fromStdString(err->message).contains(expect), err->message.c_str());
            auto again = pollToEnd(*client, sub->providerJobId);
            QVERIFY2(again.ok(), again.ok() ? "" : again.error().message.c_str());
            QVERIFY(client->result(sub->providerJobId).ok());
        }
        QCOMPARE(fake->server().pendingFaults(), 0); // the fault did happen
        QCOMPARE(fake->jobsCreated(), 1);
    }

    void lostCreateReplyIsFoundByName()
    {
        FakeIonqOptions opt;
        opt.pageSize = 2; // the lookup has to page
        auto fake = test::startFakeIonq(opt);
        QVERIFY(fake);
        HttpTransport http(fastPolicy());
        auto client = makeIonqClient(fake->endpoints(), fake->credentials(), http);
        fake->server().reset(1, FakeMatch{"POST", "/v0.4/jobs"}, true); // job created, reply lost
        auto sub = client->submit(request(kBell, 100, "simulator", "tok-lost"));
        QVERIFY(!sub.ok());
        QVERIFY(http.lastFailureMaybeDelivered());
        QCOMPARE(fake->jobsCreated(), 1);
        const std::string lostId = fake->jobIds().front();
        for (int i = 0; i < 5; ++i) // newer jobs push it to the third page
            QVERIFY(client->submit(request(kBell, 10, "simulator", "tok-new-" + std::to_string(i))).ok());
        auto found = client->findByClientToken("simulator", "tok-lost");
        QVERIFY2(found.ok(), found.ok() ? "" : found.error().message.c_str());
        QVERIFY(found.value().has_value());
        QCOMPARE(*found.value(), lostId);
        auto none = client->findByClientToken("simulator", "tok-never");
        QVERIFY(none.ok() && !none.value().has_value());
        QCOMPARE(fake->jobsCreated(), 6);
        QVERIFY(pollToEnd(*client, lostId).ok());
        QVERIFY(client->result(lostId).ok());
    }
};

QTEST_GUILESS_MAIN(TestIonqClient)
#include "tst_ionq_client.moc"
