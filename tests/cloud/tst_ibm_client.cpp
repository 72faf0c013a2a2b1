// SPDX-License-Identifier: GPL-3.0-or-later
// tests/cloud/tst_ibm_client.cpp — the IBM Quantum Platform client: its wire format as pure
// functions (IAM form, token expiry, Sampler body, state vocabulary, hex samples in Qpilot's bit
// order, error bodies), and the full life cycle against the loopback fake (devices, queue length,
// calibration import, submit, poll, results equal to an independent simulation, cancel, usage),
// token refresh (proactive and after a 401 mid-job), every injected transport fault, malformed
// replies, and a lost submit reply found by its client-token tag without a duplicate job.
#include "core/circuit/qasm.h"
#include "core/cloud/cloud.h"
#include "core/cloud/ibm_json.h"
#include "core/cloud/providers.h"
#include "core/sim/simulator.h"
#include "support/cloud/fake_providers.h"
#include "support/reference.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

#include <atomic>
#include <cmath>

using namespace qpilot;
using namespace qpilot::cloud;
using qpilot::test::FakeIbm;
using qpilot::test::FakeIbmOptions;
using qpilot::test::FakeMatch;

namespace {

// Heron basis (cz, rz, sx, x) on the fixture ibm_heron5 (a 5-qubit line).
const char* kBell = R"(OPENQASM 3.0;
include "stdgates.inc";
bit[2] c;
rz(pi/2) $0;
sx $0;
rz(pi/2) $0;
rz(pi/2) $1;
sx $1;
rz(pi/2) $1;
cz $0, $1;
rz(pi/2) $1;
sx $1;
rz(pi/2) $1;
c[0] = measure $0;
c[1] = measure $1;
)";

const char* kQubit0 = R"(OPENQASM 3.0;
include "stdgates.inc";
bit[2] c;
x $0;
c[0] = measure $0;
c[1] = measure $1;
)";

// Two registers: a (clbit 0) and b (clbits 1, 2); only $1 is flipped, so every shot is "010".
const char* kTwoRegisters = R"(OPENQASM 3.0;
include "stdgates.inc";
bit[1] a;
bit[2] b;
x $1;
a[0] = measure $0;
b[0] = measure $1;
b[1] = measure $2;
)";

// A Heron-basis rotation of $2 (rz·sx·rz·sx·rz); its P(1) comes from the dense reference.
const char* kRotation = R"(OPENQASM 3.0;
include "stdgates.inc";
bit[1] c;
rz(-pi/2) $2;
sx $2;
rz(2*pi/3) $2;
sx $2;
rz(pi/2) $2;
c[0] = measure $2;
)";

RetryPolicy fastPolicy(int attempts = 4, double timeout = 2)
{
    RetryPolicy p;
    p.maxAttempts = attempts;
    p.baseDelaySeconds = 0.01;
    p.maxDelaySeconds = 0.2;
    p.timeoutSeconds = timeout;
    p.maxRetryAfterSeconds = 5;
    p.jitterSeed = 7;
    return p;
}

SubmitRequest request(const std::string& qasm, int shots = 2000, const std::string& device = "ibm_heron5",
                      const std::string& token = "tok-0001")
{
    SubmitRequest r;
    r.deviceId = device;
    r.qasm = qasm;
    r.shots = shots;
    r.tags = {{"pilot", "iris"}};
    r.clientToken = token;
    return r;
}

// Polls until a terminal state (the fake advances one status per poll).
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

std::map<std::string, std::int64_t> simulated(const std::string& qasm, int shots, std::uint64_t seed)
{
    auto c = parseQasm(qasm);
    sim::SimOptions o;
    o.shots = shots;
    o.seed = seed;
    o.threads = 1;
    auto r = sim::simulate(c.value(), o);
    std::map<std::string, std::int64_t> out;
    for (const auto& [k, v] : r.value().counts)
        out[k] = v;
    return out;
}

// P(qubit = 1) of the program's gates applied to |0…0⟩, from tests/support's dense reference.
double referenceP1(const std::string& qasm, int qubit)
{
    Circuit c = parseQasm(qasm).value();
    Circuit gates;
    gates.qregs = c.qregs;
    for (const Operation& o : c.ops)
        if (std::holds_alternative<GateOp>(o.op))
            gates.ops.push_back(o);
    const Matrix u = test::circuitUnitary(gates);
    double p = 0;
    for (int i = 0; i < u.dim(); ++i)
        if ((i >> qubit) & 1)
            p += std::norm(u.at(i, 0));
    return p;
}

} // namespace

class TestIbmClient : public QObject {
    Q_OBJECT

private slots:
    // --- wire format (pure) -------------------------------------------------------------------
    void tokenRequestIsFormEncoded()
    {
        const std::string body = ibm::tokenRequestBody("a+b/c=d&e");
        const QUrlQuery q(QString::fromStdString(body));
        QCOMPARE(q.queryItemValue("grant_type", QUrl::FullyDecoded), QStringLiteral("urn:ibm:params:oauth:grant-type:apikey"));
        QCOMPARE(q.queryItemValue("apikey", QUrl::FullyDecoded), QStringLiteral("a+b/c=d&e"));
        QVERIFY(body.find("&e") == std::string::npos); // the key's '&' is escaped
    }

    void parseToken_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<qint64>("expiresAt");
        QTest::addColumn<QString>("error");
        QTest::newRow("expires_in") << R"({"access_token":"t","token_type":"Bearer","expires_in":3600})" << qint64(1000 + 3600) << "";
        QTest::newRow("expiration wins") << R"({"access_token":"t","expires_in":3600,"expiration":4000})" << qint64(4000) << "";
        QTest::newRow("no token") << R"({"expires_in":3600})" << qint64(0) << "access_token";
        QTest::newRow("no expiry") << R"({"access_token":"t"})" << qint64(0) << "expires_in";
        QTest::newRow("truncated") << "{\"access_token\":\"t\",\"expi" << qint64(0) << "truncated";
        QTest::newRow("not bearer") << R"({"access_token":"t","token_type":"mac","expires_in":5})" << qint64(0) << "token_type";
    }
    void parseToken()
    {
        QFETCH(QString, body);
        QFETCH(qint64, expiresAt);
        QFETCH(QString, error);
        auto t = ibm::parseToken(body.toStdString(), 1000);
        if (error.isEmpty()) {
            QVERIFY2(t.ok(), t.ok() ? "" : t.error().message.c_str());
            QCOMPARE(qint64(t->expiresAt), expiresAt);
            QCOMPARE(t->accessToken, std::string("t"));
        } else {
            QVERIFY(!t.ok());
            QVERIFY2(QString::fromStdString(t.error().message).contains(error), t.error().message.c_str());
        }
    }

    void stateVocabulary_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<int>("state"); // -1: error
        QTest::newRow("Queued") << "Queued" << int(JobState::Queued);
        QTest::newRow("Running") << "Running" << int(JobState::Running);
        QTest::newRow("Completed") << "Completed" << int(JobState::Completed);
        QTest::newRow("DONE (SDK)") << "DONE" << int(JobState::Completed);
        QTest::newRow("Failed") << "Failed" << int(JobState::Failed);
        QTest::newRow("Cancelled") << "Cancelled" << int(JobState::Cancelled);
        QTest::newRow("ran too long") << "Cancelled - Ran too long" << int(JobState::Cancelled);
        QTest::newRow("upper case") << "RUNNING" << int(JobState::Running);
        QTest::newRow("unknown") << "Paused" << -1;
    }
    void stateVocabulary()
    {
        QFETCH(QString, status);
        QFETCH(int, state);
        auto s = ibm::stateFromStatus(status.toStdString());
        if (state < 0) {
            QVERIFY(!s.ok());
            QVERIFY(QString::fromStdString(s.error().message).contains(status));
        } else {
            QVERIFY(s.ok());
            QCOMPARE(int(s.value()), state);
        }
    }

    void submitBodyShape()
    {
        auto body = ibm::submitBody(request(kBell, 1234));
        QVERIFY2(body.ok(), body.ok() ? "" : body.error().message.c_str());
        const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(body.value())).object();
        QCOMPARE(o.value("program_id").toString(), QStringLiteral("sampler"));
        QCOMPARE(o.value("backend").toString(), QStringLiteral("ibm_heron5"));
        const QJsonObject params = o.value("params").toObject();
        QCOMPARE(params.value("shots").toInt(), 1234);
        QCOMPARE(params.value("version").toInt(), 2);
        QCOMPARE(params.value("support_qiskit").toBool(true), false);
        QCOMPARE(params.value("pubs").toArray().at(0).toArray().at(0).toString().toStdString(), std::string(kBell));
        const QJsonArray tags = o.value("tags").toArray();
        QVERIFY(tags.contains(QStringLiteral("pilot:iris")));
        QVERIFY(tags.contains(QStringLiteral("qpilot-client-token:tok-0001")));
    }

    void submitBodyRefusals_data()
    {
        QTest::addColumn<QString>("qasm");
        QTest::addColumn<int>("shots");
        QTest::addColumn<QString>("error");
        QTest::newRow("OpenQASM 2") << "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[1];\ncreg c[1];\nmeasure q[0] -> c[0];\n" << 10 << "OpenQASM 3";
        QTest::newRow("no measurement") << "OPENQASM 3.0;\nx $0;\n" << 10 << "measures nothing";
        QTest::newRow("zero shots") << QString(kBell) << 0 << "shots";
        QTest::newRow("syntax") << "OPENQASM 3.0;\nbit[1] c;\nx $0\nc[0] = measure $0;\n" << 10 << "does not parse";
    }
    void submitBodyRefusals()
    {
        QFETCH(QString, qasm);
        QFETCH(int, shots);
        QFETCH(QString, error);
        auto body = ibm::submitBody(request(qasm.toStdString(), shots));
        QVERIFY(!body.ok());
        QVERIFY2(QString::fromStdString(body.error().message).contains(error), body.error().message.c_str());
    }

    void resultsBitOrder_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("layoutQasm"); // "" = no layout
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("count");
        // IBM: bit k of the integer is register bit k; Qpilot prints clbit 0 rightmost.
        QTest::newRow("0x1 is clbit 0") << R"({"results":[{"data":{"c":{"samples":["0x1","0x1"],"num_bits":2}}}]})" << "" << "01" << 2;
        QTest::newRow("0x2 is clbit 1") << R"({"results":[{"data":{"c":{"samples":["0x2"],"num_bits":3}}}]})" << "" << "010" << 1;
        QTest::newRow("two registers joined")
            << R"({"results":[{"data":{"b":{"samples":["0x1","0x3"],"num_bits":2},"a":{"samples":["0x1","0x0"],"num_bits":1}}}]})"
            << QString(kTwoRegisters) << "011" << 1;
        QTest::newRow("two registers, second shot")
            << R"({"results":[{"data":{"b":{"samples":["0x1","0x3"],"num_bits":2},"a":{"samples":["0x1","0x0"],"num_bits":1}}}]})"
            << QString(kTwoRegisters) << "110" << 1;
    }
    void resultsBitOrder()
    {
        QFETCH(QString, body);
        QFETCH(QString, layoutQasm);
        QFETCH(QString, key);
        QFETCH(int, count);
        std::vector<Register> layout;
        if (!layoutQasm.isEmpty())
            layout = ibm::classicalLayout(layoutQasm.toStdString()).value();
        auto r = ibm::parseResults(body.toStdString(), layout);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(r->counts.count(key.toStdString()), std::size_t(1));
        QCOMPARE(int(r->counts.at(key.toStdString())), count);
    }

    void malformedReplies_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("results truncated") << "results" << "{\"results\":[{\"data\":{\"c\":{\"samp" << "truncated";
        QTest::newRow("results no samples") << "results" << R"({"results":[{"data":{"c":{"num_bits":2}}}]})" << "results[0].data.c.samples";
        QTest::newRow("results no num_bits") << "results" << R"({"results":[{"data":{"c":{"samples":[]}}}]})" << "num_bits";
        QTest::newRow("results bad hex") << "results" << R"({"results":[{"data":{"c":{"samples":["0xZ"],"num_bits":2}}}]})" << "samples[0]";
        QTest::newRow("results too wide") << "results" << R"({"results":[{"data":{"c":{"samples":["0x4"],"num_bits":2}}}]})" << "does not fit";
        QTest::newRow("results empty") << "results" << R"({"results":[]})" << "'results'";
        QTest::newRow("job no state") << "job" << R"({"id":"j1"})" << "state.status";
        QTest::newRow("job bad state") << "job" << R"({"id":"j1","state":{"status":"Sleeping"}})" << "state.status";
        QTest::newRow("job no id") << "job" << R"({"state":{"status":"Queued"}})" << "'id'";
        QTest::newRow("backends") << "backends" << R"({"devices":[{"status":{"name":"online"}}]})" << "devices[0].name";
        QTest::newRow("backends not array") << "backends" << R"({"devices":3})" << "'devices'";
        QTest::newRow("submit no id") << "submit" << R"({"backend":"ibm_heron5"})" << "'id'";
        QTest::newRow("status no length_queue") << "status" << R"({"state":true})" << "length_queue";
    }
    void malformedReplies()
    {
        QFETCH(QString, kind);
        QFETCH(QString, body);
        QFETCH(QString, field);
        const std::string b = body.toStdString();
        std::optional<Error> e;
        if (kind == "results") { auto r = ibm::parseResults(b, {}); if (!r) e = r.error(); }
        if (kind == "job") { auto r = ibm::parseJob(b); if (!r) e = r.error(); }
        if (kind == "backends") { auto r = ibm::parseBackends(b); if (!r) e = r.error(); }
        if (kind == "submit") { auto r = ibm::parseSubmitReply(b); if (!r) e = r.error(); }
        if (kind == "status") { auto r = ibm::parseBackendStatus(b); if (!r) e = r.error(); }
        QVERIFY(e.has_value());
        QVERIFY2(QString::fromStdString(e->message).contains(field), e->message.c_str());
        QVERIFY2(QString::fromStdString(e->message).startsWith("IBM Quantum Platform: malformed"), e->message.c_str());
    }

    void httpErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("expect");
        QTest::newRow("401") << 401 << R"({"errors":[{"code":"1301","message":"token expired"}],"trace":"t1"})" << "qpilot cloud login ibm";
        QTest::newRow("403") << 403 << "" << "service CRN";
        QTest::newRow("404") << 404 << R"({"error":{"message":"no such backend","code":"x"}})" << "no such backend";
        QTest::newRow("404 action") << 404 << "" << "qpilot cloud devices ibm";
        QTest::newRow("409") << 409 << "" << "not in a state";
        QTest::newRow("429") << 429 << "" << "5 job submissions per minute";
        QTest::newRow("503") << 503 << "" << "maintenance";
        QTest::newRow("trace") << 500 << R"({"errors":[{"message":"boom"}],"trace":"abc"})" << "trace abc";
    }
    void httpErrors()
    {
        QFETCH(int, status);
        QFETCH(QString, body);
        QFETCH(QString, expect);
        const Error e = ibm::httpError(status, body.toStdString(), "job x");
        QVERIFY2(QString::fromStdString(e.message).contains(expect), e.message.c_str());
        QVERIFY(QString::fromStdString(e.message).contains("HTTP " + QString::number(status)));
    }

    // --- against the fake -------------------------------------------------------------------
    void fakeRejectsUnauthenticatedCalls_data()
    {
        QTest::addColumn<QString>("drop");
        QTest::addColumn<int>("status");
        QTest::newRow("no bearer") << "Authorization" << 401;
        QTest::newRow("no Service-CRN") << "Service-CRN" << 401;
        QTest::newRow("no IBM-API-Version") << "IBM-API-Version" << 400;
    }
    void fakeRejectsUnauthenticatedCalls()
    {
        QFETCH(QString, drop);
        QFETCH(int, status);
        auto fake = test::startFakeIbm();
        QVERIFY(fake);
        HttpTransport http(fastPolicy());
        HttpRequest tokenReq{"POST", fake->endpoints().auth + "/identity/token",
                             {{"Content-Type", "application/x-www-form-urlencoded"}}, ibm::tokenRequestBody(fake->credentials().apiKey), true};
        auto tok = http.send(tokenReq);
        QVERIFY(tok.ok());
        QCOMPARE(tok->status, 200);
        const std::string token = ibm::parseToken(tok->body, 0).value().accessToken;
        HttpRequest req{"GET", fake->endpoints().api + "/backends", {}, {}, true};
        for (auto [k, v] : std::vector<std::pair<std::string, std::string>>{
                 {"Authorization", "Bearer " + token}, {"Service-CRN", fake->credentials().serviceCrn}, {"IBM-API-Version", ibm::kApiVersion}})
            if (k != drop.toStdString())
                req.headers.emplace_back(k, v);
        auto r = http.send(req);
        QVERIFY(r.ok());
        QCOMPARE(r->status, status);
        QVERIFY(QString::fromStdString(r->body).contains("\"errors\""));
    }

    void devicesAndQueue()
    {
        auto fake = test::startFakeIbm();
        QVERIFY(fake);
        HttpTransport http(fastPolicy());
        auto client = makeIbmPlatformClient(fake->endpoints(), fake->credentials(), http);
        auto devices = client->devices();
        QVERIFY2(devices.ok(), devices.ok() ? "" : devices.error().message.c_str());
        QCOMPARE(int(devices->size()), 2);
        QCOMPARE(devices->at(0).id, std::string("ibm_heron5"));
        QCOMPARE(devices->at(0).qubits, 5);
        QVERIFY(devices->at(0).available);
        QCOMPARE(devices->at(0).queueLength.value_or(-1), 3);
        QCOMPARE(devices->at(1).id, std::string("ibm_lab7"));
        QCOMPARE(devices->at(1).qubits, 7);
        auto q = client->queueLength("ibm_heron5");
        QVERIFY(q.ok());
        QCOMPARE(q.value(), 3);
        auto missing = client->queueLength("ibm_nowhere");
        QVERIFY(!missing.ok());
        QVERIFY2(QString::fromStdString(missing.error().message).contains("404"), missing.error().message.c_str());
        QVERIFY(QString::fromStdString(missing.error().message).contains("qpilot cloud devices ibm"));
        // One IAM exchange served every call.
        QCOMPARE(client->tokenExchanges(), 1);
        QCOMPARE(fake->tokensIssued(), 1);
    }

    void calibrationSnapshot()
    {
        auto fake = test::startFakeIbm();
        QVERIFY(fake);
        HttpTransport http(fastPolicy());
        auto client = makeIbmPlatformClient(fake->endpoints(), fake->credentials(), http);
        auto cal = client->calibration("ibm_heron5");
        QVERIFY2(cal.ok(), cal.ok() ? "" : cal.error().toString().c_str());
        QCOMPARE(cal->backend, std::string("ibm_heron5"));
        QCOMPARE(cal->date, std::string("2025-06-02"));
        QCOMPARE(cal->profile.numQubits, 5);
        // Medians from tests/data/calibration/README.md: T1 201.5 µs, T2 143.2 µs, cz 3.25e-3.
        QVERIFY(cal->profile.t1 && std::abs(*cal->profile.t1 - 201.5e-6) < 1e-9);
        QVERIFY(cal->profile.t2 && std::abs(*cal->profile.t2 - 143.2e-6) < 1e-9);
        QVERIFY(cal->profile.gateError2q && std::abs(*cal->profile.gateError2q - 3.25e-3) < 1e-9);
        QTemporaryDir store;
        auto saved = saveCalibrationSnapshot(cal->profile, store.path().toStdString());
        QVERIFY(saved.ok());
        QCOMPARE(saved->snapshot.id, std::string("ibm_heron5@2025-06-02"));
    }

    void lifecycle_data()
    {
        QTest::addColumn<QString>("qasm");
        QTest::addColumn<int>("shots");
        QTest::addColumn<QString>("onlyKey"); // a deterministic circuit's one outcome ("" if random)
        QTest::newRow("bell") << QString(kBell) << 4000 << "";
        QTest::newRow("qubit 0 only") << QString(kQubit0) << 500 << "01";
        QTest::newRow("two registers") << QString(kTwoRegisters) << 300 << "010";
        QTest::newRow("rotation") << QString(kRotation) << 4000 << "";
    }
    void lifecycle()
    {
        QFETCH(QString, qasm);
        QFETCH(int, shots);
        QFETCH(QString, onlyKey);
        FakeIbmOptions opt;
        auto fake = test::startFakeIbm(opt);
        QVERIFY(fake);
        HttpTransport http(fastPolicy());
        auto client = makeIbmPlatformClient(fake->endpoints(), fake->credentials(), http);
        auto sub = client->submit(request(qasm.toStdString(), shots));
        QVERIFY2(sub.ok(), sub.ok() ? "" : sub.error().message.c_str());
        QCOMPARE(sub->state, JobState::Queued);
        QCOMPARE(fake->jobsCreated(), 1);
        // The fake saw the headers a real service needs.
        bool sawHeaders = false;
        for (const auto& r : fake->server().requests())
            if (r.method == "POST" && r.decodedPath() == "/api/v1/jobs")
                sawHeaders = r.header("service-crn") == fake->credentials().serviceCrn
                          && r.header("ibm-api-version") == ibm::kApiVersion
                          && r.header("authorization").rfind("Bearer fake-iam-token-", 0) == 0;
        QVERIFY(sawHeaders);

        std::vector<JobState> seen;
        auto end = pollToEnd(*client, sub->providerJobId, &seen);
        QVERIFY2(end.ok(), end.ok() ? "" : end.error().message.c_str());
        QCOMPARE(end->state, JobState::Completed);
        QCOMPARE(seen, (std::vector<JobState>{JobState::Running, JobState::Completed}));
        QVERIFY(end->usageSeconds);
        QCOMPARE(*end->usageSeconds, 2.0 + 250e-6 * shots);
        QVERIFY(!end->endedAt.empty());

        auto res = client->result(sub->providerJobId);
        QVERIFY2(res.ok(), res.ok() ? "" : res.error().message.c_str());
        QCOMPARE(res->shots, shots);
        std::int64_t total = 0;
        for (const auto& [k, v] : res->counts)
            total += v;
        QCOMPARE(total, std::int64_t(shots));
        // The same circuit simulated here with the fake's seed gives the same counts.
        QCOMPARE(res->counts, simulated(qasm.toStdString(), shots, opt.seed));
        if (!onlyKey.isEmpty()) {
            QCOMPARE(res->counts.size(), std::size_t(1));
            QCOMPARE(res->counts.begin()->first, onlyKey.toStdString());
        }
        if (qasm == kBell) { // analytic: 00 and 11 with ½ each
            QCOMPARE(res->counts.size(), std::size_t(2));
            const double sigma = std::sqrt(shots * 0.25);
            QVERIFY(std::abs(double(res->counts.at("00")) - shots / 2.0) < 5 * sigma);
        }
        if (qasm == kRotation) { // independent: the dense reference unitary's P($2 = 1)
            const double p1 = referenceP1(qasm.toStdString(), 2);
            QVERIFY(p1 > 0.05 && p1 < 0.95);
            const double sigma = std::sqrt(shots * p1 * (1 - p1));
            QVERIFY2(std::abs(double(res->counts.at("1")) - p1 * shots) < 5 * sigma,
                     (std::to_string(res->counts.at("1")) + " vs p1 " + std::to_string(p1)).c_str());
        }
        auto usage = client->usageSeconds(sub->providerJobId);
        QVERIFY(usage.ok() && usage.value());
        QCOMPARE(*usage.value(), 2.0 + 250e-6 * shots);
    }

    void nonIsaCircuitRefusedWithAdvice_data()
    {
        QTest::addColumn<QString>("qasm");
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("expect");
        QTest::newRow("h is not a Heron gate") << "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nbit[1] c;\nh $0;\nc[0] = measure $0;\n"
                                               << "ibm_heron5" << "'h' is not a supported instruction";
        QTest::newRow("uncoupled pair") << "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nbit[2] c;\ncz $0, $2;\nc[0] = measure $0;\nc[1] = measure $2;\n"
                                        << "ibm_heron5" << "coupling map";
        QTest::newRow("qubit out of range") << "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nbit[1] c;\nx $9;\nc[0] = measure $9;\n"
                                            << "ibm_heron5" << "has 5 qubits";
        QTest::newRow("unknown backend") << QString(kQubit0) << "ibm_atlantis" << "does not exist";
        QTest::newRow("too many shots") << QString(kQubit0) << "ibm_heron5:200000" << "shots must be between 1 and 100000";
    }
    void nonIsaCircuitRefusedWithAdvice()
    {
        QFETCH(QString, qasm);
        QFETCH(QString, device);
        QFETCH(QString, expect);
        auto fake = test::startFakeIbm();
        QVERIFY(fake);
        HttpTransport http(fastPolicy());
        auto client = makeIbmClient(fake->endpoints(), fake->credentials(), http);
        const QStringList parts = device.split(':');
        auto sub = client->submit(request(qasm.toStdString(), parts.size() > 1 ? parts[1].toInt() : 100, parts[0].toStdString()));
        QVERIFY(!sub.ok());
        QVERIFY2(QString::fromStdString(sub.error().message).contains(expect), sub.error().message.c_str());
        QVERIFY(QString::fromStdString(sub.error().message).contains("HTTP 400"));
        QCOMPARE(fake->jobsCreated(), 0);
    }

    void failedAndCancelledJobs_data()
    {
        QTest::addColumn<QString>("final");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("state");
        QTest::newRow("failed") << "Failed" << "Error in transpilation process" << 1517 << int(JobState::Failed);
        QTest::newRow("ran too long") << "Cancelled - Ran too long" << "Job ran longer than maximum allowed" << 1305 << int(JobState::Cancelled);
    }
    void failedAndCancelledJobs()
    {
        QFETCH(QString, final);
        QFETCH(QString, reason);
        QFETCH(int, code);
        QFETCH(int, state);
        auto fake = test::startFakeIbm();
        QVERIFY(fake);
        fake->finishNextJobAs(final.toStdString(), reason.toStdString(), code);
        HttpTransport http(fastPolicy());
        auto client = makeIbmClient(fake->endpoints(), fake->credentials(), http);
        auto sub = client->submit(request(kQubit0, 100));
        QVERIFY(sub.ok());
        auto end = pollToEnd(*client, sub->providerJobId);
        QVERIFY(end.ok());
        QCOMPARE(int(end->state), state);
        QVERIFY2(QString::fromStdString(end->message).contains(reason), end->message.c_str());
        QVERIFY(QString::fromStdString(end->message).contains(QString::number(code)));
        auto res = client->result(sub->providerJobId);
        QVERIFY(!res.ok());
        QVERIFY2(QString::fromStdString(res.error().message).contains("409"), res.error().message.c_str());
    }

    void cancel()
    {
        auto fake = test::startFakeIbm();
        QVERIFY(fake);
        HttpTransport http(fastPolicy());
        auto client = makeIbmClient(fake->endpoints(), fake->credentials(), http);
        auto sub = client->submit(request(kQubit0, 100));
        QVERIFY(sub.ok());
        QVERIFY(!client->cancel(sub->providerJobId));
        auto s = client->status(sub->providerJobId);
        QVERIFY(s.ok());
        QCOMPARE(s->state, JobState::Cancelled);
        auto again = client->cancel(sub->providerJobId);
        QVERIFY(again);
        QVERIFY2(QString::fromStdString(again->message).contains("409"), again->message.c_str());
        QVERIFY(QString::fromStdString(again->message).contains("cannot be cancelled"));
        auto missing = client->cancel("no-such-job");
        QVERIFY(missing && QString::fromStdString(missing->message).contains("404"));
    }

    void tokenRefreshBeforeExpiry()
    {
        std::atomic<std::int64_t> clock{1'900'000'000};
        FakeIbmOptions opt;
        opt.tokenLifetimeSeconds = 3600;
        opt.nowUtcSecs = [&] { return clock.load(); };
        auto fake = test::startFakeIbm(opt);
        QVERIFY(fake);
        HttpTransport http(fastPolicy());
        IbmClientOptions co;
        co.nowUtcSecs = [&] { return clock.load(); };
        auto client = makeIbmPlatformClient(fake->endpoints(), fake->credentials(), http, co);
        QVERIFY(client->devices().ok());
        clock += 3000; // still 600 s left: no exchange
        QVERIFY(client->devices().ok());
        QCOMPARE(client->tokenExchanges(), 1);
        clock += 560; // 40 s left, inside the 60 s margin: refreshed before the call
        QVERIFY(client->devices().ok());
        QCOMPARE(client->tokenExchanges(), 2);
        QCOMPARE(fake->unauthorizedReplies(), 0); // never sent an expired token
    }

    void tokenExpiredMidJob()
    {
        auto fake = test::startFakeIbm();
        QVERIFY(fake);
        HttpTransport http(fastPolicy());
        auto client = makeIbmPlatformClient(fake->endpoints(), fake->credentials(), http);
        auto sub = client->submit(request(kQubit0, 100));
        QVERIFY(sub.ok());
        fake->expireAllTokens(); // revoked / expired server-side while the job runs
        auto end = pollToEnd(*client, sub->providerJobId);
        QVERIFY2(end.ok(), end.ok() ? "" : end.error().message.c_str());
        QCOMPARE(end->state, JobState::Completed);
        QCOMPARE(fake->unauthorizedReplies(), 1); // one 401, then a fresh token
        QCOMPARE(client->tokenExchanges(), 2);
        QVERIFY(client->result(sub->providerJobId).ok());
    }

    void badCredentials_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("crn");
        QTest::addColumn<QString>("expect");
        QTest::newRow("wrong key") << "not-the-key" << "" << "IAM refused the API key";
        QTest::newRow("wrong CRN") << "" << "crn:v1:bluemix:public:quantum-computing:us-east:a/other:other::" << "403";
    }
    void badCredentials()
    {
        QFETCH(QString, key);
        QFETCH(QString, crn);
        QFETCH(QString, expect);
        auto fake = test::startFakeIbm();
        QVERIFY(fake);
        Credentials c = fake->credentials();
        if (!key.isEmpty())
            c.apiKey = key.toStdString();
        if (!crn.isEmpty())
            c.serviceCrn = crn.toStdString();
        HttpTransport http(fastPolicy());
        auto client = makeIbmClient(fake->endpoints(), c, http);
        auto d = client->devices();
        QVERIFY(!d.ok());
        QVERIFY2(QString::fromStdString(d.error().message).contains(expect), d.error().message.c_str());
        QVERIFY(QString::fromStdString(d.error().message).contains("qpilot cloud login ibm"));
        QVERIFY(d.error().message.find(c.apiKey) == std::string::npos); // the secret is never echoed
    }

    // Transport faults on the way: the client still completes, or fails with a clear error.
    void faults_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("recovers");
        QTest::addColumn<QString>("expect");
        QTest::newRow("429 on poll") << "429" << "GET" << "/api/v1/jobs/" << true << "";
        QTest::newRow("503 on poll") << "503" << "GET" << "/api/v1/jobs/" << true << "";
        QTest::newRow("500 on poll") << "500" << "GET" << "/api/v1/jobs/" << false << "HTTP 500";
        QTest::newRow("502 on IAM") << "502" << "POST" << "/identity/token" << true << "";
        QTest::newRow("503 on submit") << "503" << "POST" << "/api/v1/jobs" << true << "";
        QTest::newRow("stall on poll") << "stall" << "GET" << "/api/v1/jobs/" << true << "";
        QTest::newRow("reset on poll") << "reset" << "GET" << "/api/v1/jobs/" << true << "";
        QTest::newRow("truncated every attempt") << "truncate" << "GET" << "/api/v1/jobs/" << false << "before the reply was complete";
        QTest::newRow("malformed job") << "malformed" << "GET" << "/api/v1/jobs/" << false << "malformed";
    }
    void faults()
    {
        QFETCH(QString, fault);
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(bool, recovers);
        QFETCH(QString, expect);
        auto fake = test::startFakeIbm();
        QVERIFY(fake);
        HttpTransport http(fastPolicy(4, 1));
        auto client = makeIbmPlatformClient(fake->endpoints(), fake->credentials(), http);
        const FakeMatch m{method.toStdString(), path.toStdString()};
        auto inject = [&] {
            auto& s = fake->server();
            if (fault == "429") s.throttle(2, "0", m);
            else if (fault == "stall") s.stall(1, m);
            else if (fault == "reset") s.reset(1, m);
            else if (fault == "truncate") s.truncate(4, m); // every attempt of one call
            else if (fault == "malformed") s.malformedJson(1, m);
            else s.failWithStatus(fault == "500" ? 1 : 2, fault.toInt(), m, {}, R"({"errors":[{"code":"5000","message":"injected"}],"trace":"f"})");
        };
        const bool beforeSubmit = path == "/api/v1/jobs" || path == "/identity/token";
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
            QCOMPARE(end->state, JobState::Completed);
            auto res = client->result(sub->providerJobId);
            if (!res)
                err = res.error();
            else
                QCOMPARE(res->counts, (std::map<std::string, std::int64_t>{{"01", 200}}));
        }
        if (recovers) {
            QVERIFY2(!err, err ? err->message.c_str() : "");
        } else {
            QVERIFY(err.has_value());
            QVERIFY2(QString::fromStdString(err->message).contains(expect), err->message.c_str());
            // The job record survives: polling again works once the fault is gone.
            auto again = pollToEnd(*client, sub->providerJobId);
            QVERIFY2(again.ok(), again.ok() ? "" : again.error().message.c_str());
            QVERIFY(client->result(sub->providerJobId).ok());
        }
        QCOMPARE(fake->server().pendingFaults(), 0); // the fault did happen
        QCOMPARE(fake->jobsCreated(), 1); // never a duplicate
    }

    void lostSubmitReplyIsLookedUpNotResent()
    {
        auto fake = test::startFakeIbm();
        QVERIFY(fake);
        HttpTransport http(fastPolicy());
        auto client = makeIbmClient(fake->endpoints(), fake->credentials(), http);
        // Two earlier jobs with other tokens, so the lookup has to filter.
        QVERIFY(client->submit(request(kQubit0, 10, "ibm_heron5", "tok-a")).ok());
        QVERIFY(client->submit(request(kQubit0, 10, "ibm_heron5", "tok-b")).ok());
        fake->server().reset(1, FakeMatch{"POST", "/api/v1/jobs"}, true); // job created, reply lost
        auto sub = client->submit(request(kBell, 100, "ibm_heron5", "tok-lost"));
        QVERIFY(!sub.ok());
        QVERIFY(http.lastFailureMaybeDelivered());
        QCOMPARE(fake->jobsCreated(), 3);
        auto found = client->findByClientToken("ibm_heron5", "tok-lost");
        QVERIFY2(found.ok(), found.ok() ? "" : found.error().message.c_str());
        QVERIFY(found.value().has_value());
        QCOMPARE(*found.value(), fake->jobIds().back());
        auto none = client->findByClientToken("ibm_heron5", "tok-never-sent");
        QVERIFY(none.ok());
        QVERIFY(!none.value().has_value());
        QVERIFY(pollToEnd(*client, *found.value()).ok());
        QCOMPARE(fake->jobsCreated(), 3);
    }

    void rateLimitHonoursRetryAfterThenReports()
    {
        FakeIbmOptions opt;
        opt.rateLimitPerMinute = 1;
        opt.retryAfterSeconds = 1;
        auto fake = test::startFakeIbm(opt);
        QVERIFY(fake);
        HttpTransport http(fastPolicy(2));
        auto client = makeIbmClient(fake->endpoints(), fake->credentials(), http);
        QVERIFY(client->submit(request(kQubit0, 10, "ibm_heron5", "t1")).ok());
        auto second = client->submit(request(kQubit0, 10, "ibm_heron5", "t2"));
        QVERIFY(!second.ok());
        QVERIFY2(QString::fromStdString(second.error().message).contains("429"), second.error().message.c_str());
        QVERIFY(QString::fromStdString(second.error().message).contains("wait a minute"));
        QVERIFY(std::find(http.waits().begin(), http.waits().end(), 1.0) != http.waits().end()); // Retry-After honoured
        QCOMPARE(fake->jobsCreated(), 1);
    }

    void apiUrlFromCrn_data()
    {
        QTest::addColumn<QString>("crn");
        QTest::addColumn<QString>("url");
        QTest::newRow("us-east") << "crn:v1:bluemix:public:quantum-computing:us-east:a/acct:inst::" << "https://quantum.cloud.ibm.com/api/v1";
        QTest::newRow("eu-de") << "crn:v1:bluemix:public:quantum-computing:eu-de:a/acct:inst::" << "https://eu-de.quantum.cloud.ibm.com/api/v1";
        QTest::newRow("no region") << "" << "https://quantum.cloud.ibm.com/api/v1";
    }
    void apiUrlFromCrn()
    {
        QFETCH(QString, crn);
        QFETCH(QString, url);
        QCOMPARE(QString::fromStdString(ibmApiUrlForCrn(crn.toStdString())), url);
    }

    void legacyBackendsShape()
    {
        const auto d = ibm::parseBackends(R"({"devices":["ibm_fez","ibm_torino"]})");
        QVERIFY(d.ok());
        QCOMPARE(int(d->size()), 2);
        QCOMPARE(d->at(0).profileId, std::string("ibm_fez")); // a shipped Qpilot profile
        QCOMPARE(d->at(0).status, std::string("unknown"));
        QVERIFY(!d->at(0).available);
    }
};

QTEST_GUILESS_MAIN(TestIbmClient)
#include "tst_ibm_client.moc"
