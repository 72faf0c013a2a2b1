// SPDX-License-Identifier: GPL-3.0-or-later
// tests/cloud/tst_braket_client.cpp — the Amazon Braket client (core/cloud/braket.cpp) against the
// loopback fake (tests/support/cloud/fake_braket.h), which verifies every SigV4 signature and the
// request schemas: devices, the full task life cycle with simulated results (bit order checked with a
// circuit that flips only qubit 0), every injected fault, credential and clock errors, a lost create
// reply without a duplicate task (clientToken), cancel, and malformed replies naming the field.
#include "support/cloud/fake_braket.h"
#include "core/cloud/braket_json.h"
#include "core/cloud/jobs.h"
#include "core/cloud/providers.h"
#include "core/cloud/sigv4.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace qpilot;
using namespace qpilot::cloud;
using namespace qpilot::test;

Q_DECLARE_METATYPE(std::string)

namespace {

RetryPolicy fastPolicy()
{
    RetryPolicy p;
    p.maxAttempts = 4;
    p.baseDelaySeconds = 0.02;
    p.maxDelaySeconds = 0.1;
    p.timeoutSeconds = 1.5;
    p.jitterSeed = 11;
    return p;
}

const char* kFlipQ0 = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[3] q;\nbit[3] c;\nx q[0];\n"
                      "c[0] = measure q[0];\nc[1] = measure q[1];\nc[2] = measure q[2];\n";
const char* kBell = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\n"
                    "c[0] = measure q[0];\nc[1] = measure q[1];\n";

bool contains(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }

// Polls until a terminal state; returns the states seen in order (deduplicated).
std::vector<JobState> pollToEnd(ProviderClient& client, const std::string& arn, RemoteStatus* last = nullptr,
                                std::string* error = nullptr)
{
    std::vector<JobState> seen;
    for (int i = 0; i < 50; ++i) {
        auto s = client.status(arn);
        if (!s) {
            if (error)
                *error = s.error().message;
            else
                qWarning("status: %s", s.error().message.c_str());
            return seen;
        }
        if (seen.empty() || seen.back() != s->state)
            seen.push_back(s->state);
        if (last)
            *last = s.value();
        if (isTerminal(s->state))
            break;
    }
    return seen;
}

} // namespace

class TestBraketClient : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { qunsetenv("QPILOT_BRAKET_BUCKET"); }   // the bucket comes from Endpoints here

    void devicesListed()
    {
        auto fake = startFakeBraket();
        QVERIFY(fake);
        HttpTransport transport(fastPolicy());
        auto client = makeBraketClient(fake->endpoints(), fake->credentials(), transport);
        auto devices = client->devices();
        QVERIFY2(devices.ok(), devices.ok() ? "" : devices.error().message.c_str());
        QCOMPARE(devices->size(), size_t(4));
        std::map<std::string, CloudDevice> byId;
        for (const CloudDevice& d : devices.value())
            byId[d.id] = d;
        const CloudDevice& forte = byId.at(kFakeForte);
        QCOMPARE(forte.provider, Provider::Braket);
        QCOMPARE(forte.status, std::string("online"));
        QVERIFY(forte.available);
        QCOMPARE(forte.queueLength, std::optional<int>(12));
        QCOMPARE(forte.qubits, 36);
        QCOMPARE(forte.nativeGates, (std::vector<std::string>{"gpi", "gpi2", "zz"}));
        QCOMPARE(forte.profileId, std::string("ionq_forte_1"));
        QCOMPARE(byId.at(kFakeGarnet).status, std::string("offline"));
        QVERIFY(!byId.at(kFakeGarnet).available);
        QCOMPARE(byId.at(kFakeGarnet).profileId, std::string("iqm_garnet"));
        QCOMPARE(byId.at(kFakeAspen).status, std::string("retired"));
        QCOMPARE(byId.at(kFakeSv1).qubits, 34);
        // Two SearchDevices pages (page size 2) and one GetDevice per non-retired device, with the
        // ARN percent-encoded once in the path.
        QCOMPARE(fake->server().requestCount("POST", "/devices"), 2);
        QCOMPARE(fake->server().requestCount("GET", "/device/"), 3);
        bool sawEncoded = false;
        for (const FakeRequest& r : fake->server().requests())
            if (r.path == "/device/arn%3Aaws%3Abraket%3Aus-east-1%3A%3Adevice%2Fqpu%2Fionq%2FForte-1")
                sawEncoded = true;
        QVERIFY(sawEncoded);
        QVERIFY(fake->rejections().empty());
    }

    void lifeCycle_data()
    {
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("qasm");
        QTest::addColumn<bool>("probabilities");
        QTest::addColumn<bool>("physical");
        QTest::addColumn<QString>("expectedOnly");   // the single outcome of a deterministic circuit ("" = Bell)
        QTest::newRow("sv1 flip q0 → 001") << kFakeSv1 << kFlipQ0 << false << false << "001";
        QTest::newRow("sv1 flip q0, probabilities") << kFakeSv1 << kFlipQ0 << true << false << "001";
        QTest::newRow("forte flip q0") << kFakeForte << kFlipQ0 << false << false << "001";
        QTest::newRow("forte flip q0, physical qubits") << kFakeForte << kFlipQ0 << false << true << "001";
        QTest::newRow("isa $n input, flip q1")
            << kFakeSv1 << "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nbit[2] c;\nx $1;\nc[0] = measure $0;\nc[1] = measure $1;\n"
            << false << false << "10";
        QTest::newRow("isa on $5 and $7: register compacted")
            << kFakeSv1 << "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nbit[2] c;\nx $5;\nc[0] = measure $5;\nc[1] = measure $7;\n"
            << false << false << "01";
        QTest::newRow("clbits cross qubits")
            << kFakeSv1 << "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[3] q;\nbit[2] c;\nx q[2];\nc[0] = measure q[2];\nc[1] = measure q[0];\n"
            << false << false << "01";
        QTest::newRow("sdg/tdg/sx renamed") << kFakeForte
                                            << "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[1] q;\nbit[1] c;\nsx q[0];\nsx q[0];\n"
                                               "sdg q[0];\ntdg q[0];\nt q[0];\ns q[0];\nc[0] = measure q[0];\n"
                                            << false << false << "1";
        QTest::newRow("sv1 bell") << kFakeSv1 << kBell << false << false << "";
        QTest::newRow("sv1 bell, probabilities") << kFakeSv1 << kBell << true << false << "";
    }

    void lifeCycle()
    {
        QFETCH(QString, device);
        QFETCH(QString, qasm);
        QFETCH(bool, probabilities);
        QFETCH(bool, physical);
        QFETCH(QString, expectedOnly);
        FakeBraketConfig config;
        config.probabilities = probabilities;
        config.pollsQueued = 2;
        auto fake = startFakeBraket(config);
        QVERIFY(fake);
        HttpTransport transport(fastPolicy());
        BraketOptions options;
        options.physicalQubits = physical;
        auto client = makeBraketClient(fake->endpoints(), fake->credentials(), transport, options);
        SubmitRequest req;
        req.deviceId = device.toStdString();
        req.qasm = qasm.toStdString();
        req.shots = 400;
        req.clientToken = "qpilot-test-token-1";
        req.tags = {{"pilot", "bit-order"}};
        auto submitted = client->submit(req);
        QVERIFY2(submitted.ok(), submitted.ok() ? "" : submitted.error().message.c_str());
        QCOMPARE(submitted->state, JobState::Queued);
        QVERIFY(contains(submitted->providerJobId, "quantum-task/"));
        // Braket's dialect: no include, cnot/si/ti/v instead of cx/sdg/tdg/sx.
        const std::string program = fake->lastProgram();
        QVERIFY(!contains(program, "include"));
        QVERIFY(!contains(program, "cx ") && !contains(program, "sdg") && !contains(program, "sx "));
        QCOMPARE(contains(program, "qubit["), !physical);
        if (!physical)   // the register holds the qubits used, not the highest index + 1
            QVERIFY(!contains(program, "qubit[8]"));

        RemoteStatus last;
        const auto states = pollToEnd(*client, submitted->providerJobId, &last);
        QCOMPARE(states, (std::vector<JobState>{JobState::Queued, JobState::Running, JobState::Completed}));
        QVERIFY(!last.createdAt.empty() && !last.endedAt.empty());
        auto result = client->result(submitted->providerJobId);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        QCOMPARE(result->shots, 400);
        std::int64_t total = 0;
        for (const auto& [k, n] : result->counts)
            total += n;
        QCOMPARE(total, std::int64_t(400));
        if (!expectedOnly.isEmpty()) {
            QCOMPARE(result->counts.size(), size_t(1));
            QCOMPARE(QString::fromStdString(result->counts.begin()->first), expectedOnly);
            QCOMPARE(result->qubits, expectedOnly.size());
        } else {
            for (const auto& [k, n] : result->counts) {
                QVERIFY2(k == "00" || k == "11", k.c_str());
                QVERIFY(n > 120);
            }
        }
        QCOMPARE(fake->createdTaskCount(), 1);
        QVERIFY2(fake->rejections().empty(), fake->rejections().empty() ? "" : fake->rejections().front().c_str());
        // Every task path carried the ARN encoded once (the canonical URI encodes it again).
        for (const FakeRequest& r : fake->server().requests())
            if (r.path.rfind("/quantum-task/", 0) == 0)
                QVERIFY(contains(r.path, "arn%3Aaws%3Abraket") && !contains(r.path, "%25"));
    }

    void faults_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<bool>("succeeds");
        QTest::addColumn<QString>("message");
        QTest::newRow("429 ThrottlingException x2 on create (Retry-After 0)") << 0 << true << "";
        QTest::newRow("429 ThrottlingException persists") << 1 << false << "ThrottlingException";
        QTest::newRow("503 x2 on poll") << 2 << true << "";
        QTest::newRow("500 once on GetDevice") << 3 << true << "";
        QTest::newRow("500 persists") << 4 << false << "InternalServiceException";
        QTest::newRow("stalled poll") << 5 << true << "";
        QTest::newRow("connection reset on poll") << 6 << true << "";
        QTest::newRow("truncated poll reply") << 7 << true << "";
        QTest::newRow("malformed GetQuantumTask JSON") << 8 << false << "GetQuantumTask reply";
        QTest::newRow("malformed results.json") << 9 << false << "results.json";
        QTest::newRow("device offline (424)") << 10 << false << "DeviceOfflineException";
        QTest::newRow("device retired") << 11 << false << "retired";
        QTest::newRow("task FAILED on the device") << 12 << false << "calibration drift";
        QTest::newRow("S3 object missing (NoSuchKey)") << 13 << false << "NoSuchKey";
    }

    void faults()
    {
        QFETCH(int, fault);
        QFETCH(bool, succeeds);
        QFETCH(QString, message);
        auto fake = startFakeBraket();
        QVERIFY(fake);
        FakeHttpServer& server = fake->server();
        SubmitRequest req;
        req.deviceId = kFakeSv1;
        req.qasm = kFlipQ0;
        req.shots = 50;
        req.clientToken = "fault-token";
        switch (fault) {
        case 0: fake->throttle(2, {"POST", "/quantum-task"}, "0"); break;
        case 1: fake->throttle(10, {"POST", "/quantum-task"}); break;
        case 2: fake->serviceError(2, 503, {"GET", "/quantum-task/"}); break;
        case 3: fake->serviceError(1, 500, {"GET", "/device/"}); break;
        case 4: fake->serviceError(10, 500, {"GET", "/device/"}); break;
        case 5: server.stall(1, {"GET", "/quantum-task/"}); break;
        case 6: server.reset(1, {"GET", "/quantum-task/"}); break;
        case 7: server.truncate(1, {"GET", "/quantum-task/"}); break;
        case 8: server.malformedJson(1, {"GET", "/quantum-task/"}); break;
        case 9: server.malformedJson(1, {"GET", "/amazon-braket-"}); break;
        case 10: req.deviceId = kFakeGarnet; break;
        case 11: req.deviceId = kFakeAspen; break;
        case 12: fake->failNextTask("calibration drift beyond tolerance"); break;
        case 13: break;
        }
        HttpTransport transport(fastPolicy());
        auto client = makeBraketClient(fake->endpoints(), fake->credentials(), transport);
        std::string error;
        auto submitted = client->submit(req);
        if (!submitted) {
            error = submitted.error().message;
        } else {
            RemoteStatus last;
            pollToEnd(*client, submitted->providerJobId, &last, &error);
            if (fault == 12) {
                QCOMPARE(last.state, JobState::Failed);
                QVERIFY(contains(last.message, "calibration drift"));
            }
            if (fault == 13) // the object disappears (e.g. a lifecycle rule) before the download
                server.failWithStatus(1, 404, {"GET", "/amazon-braket-"}, {},
                                      "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>");
            if (error.empty()) {
                auto result = client->result(submitted->providerJobId);
                if (!result)
                    error = result.error().message;
                else
                    QCOMPARE(result->counts, (std::map<std::string, std::int64_t>{{"001", 50}}));
            }
        }
        if (succeeds) {
            QVERIFY2(error.empty(), error.c_str());
            QVERIFY(fake->createdTaskCount() == 1);
        } else {
            QVERIFY2(contains(error, message.toUtf8().constData()), error.c_str());
            QVERIFY(contains(error, "Amazon Braket"));
        }
        QVERIFY(fake->createdTaskCount() <= 1);
        if (fault == 0)
            QVERIFY(transport.waits().size() >= 2);
        if (fault == 1)
            QVERIFY(contains(error, "throttled"));
        if (fault == 4)
            QCOMPARE(server.requestCount("GET", "/device/"), fastPolicy().maxAttempts);
    }

    void credentialErrors_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("advice");
        QTest::newRow("wrong secret") << 0 << "InvalidSignatureException" << "secret access key";
        QTest::newRow("unknown access key") << 1 << "UnrecognizedClientException" << "qpilot cloud login braket";
        QTest::newRow("clock 10 min behind") << 2 << "Signature expired" << "clock";
        QTest::newRow("session token missing") << 3 << "UnrecognizedClientException" << "session token";
        QTest::newRow("no credentials") << 4 << "no AWS credentials" << "qpilot cloud login braket";
        QTest::newRow("wrong region scope") << 5 << "InvalidSignatureException" << "region";
    }

    void credentialErrors()
    {
        QFETCH(int, kind);
        QFETCH(QString, message);
        QFETCH(QString, advice);
        FakeBraketConfig config;
        if (kind == 3)
            config.sessionToken = "FQoGZXIvYXdzEXAMPLE-session-token";
        auto fake = startFakeBraket(config);
        QVERIFY(fake);
        Credentials creds = fake->credentials();
        Endpoints endpoints = fake->endpoints();
        BraketOptions options;
        switch (kind) {
        case 0: creds.secretAccessKey = "not-the-secret"; break;
        case 1: creds.accessKeyId = "AKIDSOMEONEELSE"; break;
        case 2: options.clock = [] { return QDateTime::currentDateTimeUtc().addSecs(-600); }; break;
        case 3: creds.sessionToken.clear(); break;
        case 4: creds = Credentials{}; break;
        case 5: endpoints.region = "eu-west-2"; break;
        }
        HttpTransport transport(fastPolicy());
        auto client = makeBraketClient(endpoints, creds, transport, options);
        auto devices = client->devices();
        QVERIFY(!devices.ok());
        const std::string e = devices.error().message;
        QVERIFY2(contains(e, message.toUtf8().constData()), e.c_str());
        QVERIFY2(QString::fromStdString(e).contains(advice, Qt::CaseInsensitive), e.c_str());
        if (kind == 0) {
            QVERIFY(!fake->rejections().empty());
            QVERIFY(contains(fake->rejections().front(), "InvalidSignatureException"));
            QVERIFY(!contains(e, "not-the-secret"));   // the secret never appears in messages
        }
    }

    void sessionTokenSigned()
    {
        FakeBraketConfig config;
        config.sessionToken = "FQoGZXIvYXdzEXAMPLE-session-token";
        auto fake = startFakeBraket(config);
        QVERIFY(fake);
        HttpTransport transport(fastPolicy());
        auto client = makeBraketClient(fake->endpoints(), fake->credentials(), transport);
        auto devices = client->devices();
        QVERIFY2(devices.ok(), devices.ok() ? "" : devices.error().message.c_str());
        for (const FakeRequest& r : fake->server().requests())
            QVERIFY(contains(r.header("authorization"), "x-amz-security-token"));
    }

    void lostReplyNoDuplicate_data()
    {
        QTest::addColumn<int>("resets");
        QTest::newRow("reply lost once: the re-send returns the same task") << 1;
        QTest::newRow("reply lost on every attempt: lookup by client token") << 10;
    }

    void lostReplyNoDuplicate()
    {
        QFETCH(int, resets);
        auto fake = startFakeBraket();
        QVERIFY(fake);
        HttpTransport transport(fastPolicy());
        auto client = makeBraketClient(fake->endpoints(), fake->credentials(), transport);
        // Two earlier tasks on the same device so that the lookup pages through SearchQuantumTasks.
        for (const char* token : {"earlier-1", "earlier-2"}) {
            SubmitRequest other{kFakeSv1, kFlipQ0, 10, {}, token};
            QVERIFY(client->submit(other).ok());
        }
        fake->server().reset(resets, {"POST", "/quantum-task"}, /*afterHandler=*/true);
        SubmitRequest req{kFakeSv1, kBell, 100, {}, "lost-reply-token"};
        auto submitted = client->submit(req);
        std::string arn;
        if (resets == 1) {
            QVERIFY2(submitted.ok(), submitted.ok() ? "" : submitted.error().message.c_str());
            arn = submitted->providerJobId;
            QCOMPARE(fake->createRequestCount(), 4);   // 2 earlier + original + re-send, deduplicated
        } else {
            QVERIFY(!submitted.ok());
            QVERIFY2(contains(submitted.error().message, "CreateQuantumTask"), submitted.error().message.c_str());
        }
        QCOMPARE(fake->createdTaskCount(), 3);
        // What the job tracker does after a lost reply: look the task up by its client token.
        fake->server().clearFaults();
        auto found = client->findByClientToken(kFakeSv1, "lost-reply-token");
        QVERIFY2(found.ok(), found.ok() ? "" : found.error().message.c_str());
        QVERIFY(found->has_value());
        if (!arn.empty())
            QCOMPARE(**found, arn);
        QVERIFY(fake->server().requestCount("POST", "/quantum-tasks") >= 2);   // paged
        auto none = client->findByClientToken(kFakeSv1, "never-submitted");
        QVERIFY(none.ok());
        QVERIFY(!none->has_value());
        // Submitting again with the same token (a tracker that did re-send) still creates nothing new.
        auto again = client->submit(req);
        QVERIFY(again.ok());
        QCOMPARE(again->providerJobId, **found);
        QCOMPARE(fake->createdTaskCount(), 3);
    }

    void cancel()
    {
        FakeBraketConfig config;
        config.pollsQueued = 5;
        auto fake = startFakeBraket(config);
        QVERIFY(fake);
        HttpTransport transport(fastPolicy());
        auto client = makeBraketClient(fake->endpoints(), fake->credentials(), transport);
        auto submitted = client->submit({kFakeSv1, kBell, 100, {}, "cancel-me"});
        QVERIFY(submitted.ok());
        QVERIFY(client->status(submitted->providerJobId).ok());
        QVERIFY(!client->cancel(submitted->providerJobId).has_value());
        auto s = client->status(submitted->providerJobId);
        QVERIFY(s.ok());
        QCOMPARE(s->state, JobState::Cancelled);
        auto r = client->result(submitted->providerJobId);
        QVERIFY(!r.ok());
        QVERIFY(contains(r.error().message, "cancelled"));
        // A completed task cannot be cancelled: the ConflictException reaches the caller.
        auto done = client->submit({kFakeSv1, kFlipQ0, 10, {}, "done"});
        QVERIFY(done.ok());
        pollToEnd(*client, done->providerJobId);
        auto err = client->cancel(done->providerJobId);
        QVERIFY(err.has_value());
        QVERIFY2(contains(err->message, "ConflictException"), err->message.c_str());
    }

    void localChecks_data()
    {
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("qasm");
        QTest::addColumn<int>("shots");
        QTest::addColumn<QString>("token");
        QTest::addColumn<bool>("bucket");
        QTest::addColumn<QString>("message");
        QTest::newRow("gate the device lacks") << kFakeForte
                                               << "OPENQASM 3.0;\nqubit[2] q;\nbit[2] c;\ncz q[0], q[1];\nc = measure q;\n"
                                               << 10 << "t" << true << "does not support the gate 'cz'";
        QTest::newRow("unknown device") << "arn:aws:braket:::device/quantum-simulator/amazon/nope" << kBell << 10 << "t" << true
                                        << "ResourceNotFoundException";
        QTest::newRow("bad qasm") << kFakeSv1 << "OPENQASM 3.0;\nqubit[1] q;\nfoo q[0];\n" << 10 << "t" << true << "not valid OpenQASM";
        QTest::newRow("unbound parameter") << kFakeSv1 << "OPENQASM 3.0;\ninput float theta;\nqubit[1] q;\nrx(theta) q[0];\n" << 10 << "t"
                                           << true << "parameter 'theta' is not bound";
        QTest::newRow("no bucket") << kFakeSv1 << kBell << 10 << "t" << false << "set QPILOT_BRAKET_BUCKET";
        QTest::newRow("zero shots") << kFakeSv1 << kBell << 0 << "t" << true << "shots must be positive";
        QTest::newRow("token too long") << kFakeSv1 << kBell << 10 << QString(65, 'x') << true << "1 to 64 characters";
    }

    void localChecks()
    {
        QFETCH(QString, device);
        QFETCH(QString, qasm);
        QFETCH(int, shots);
        QFETCH(QString, token);
        QFETCH(bool, bucket);
        QFETCH(QString, message);
        auto fake = startFakeBraket();
        QVERIFY(fake);
        Endpoints e = fake->endpoints();
        if (!bucket)
            e.bucket.clear();
        HttpTransport transport(fastPolicy());
        auto client = makeBraketClient(e, fake->credentials(), transport);
        auto r = client->submit({device.toStdString(), qasm.toStdString(), shots, {}, token.toStdString()});
        QVERIFY(!r.ok());
        QVERIFY2(contains(r.error().message, message.toUtf8().constData()), r.error().message.c_str());
        QCOMPARE(fake->createdTaskCount(), 0);
    }

    // The fake checks what Braket checks even when a client skips its own checks: a signed
    // CreateQuantumTask with `include` or a stdgates name is refused with 400 ValidationException.
    void fakeRejectsForeignDialect_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("message");
        QTest::newRow("include") << "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[1] q;\nh q[0];\n" << "include";
        QTest::newRow("cx instead of cnot") << "OPENQASM 3.0;\nqubit[2] q;\ncx q[0], q[1];\n" << "gate 'cx'";
    }

    void fakeRejectsForeignDialect()
    {
        QFETCH(QString, source);
        QFETCH(QString, message);
        auto fake = startFakeBraket();
        QVERIFY(fake);
        braket::CreateTaskInput in;
        in.clientToken = "raw";
        in.deviceArn = kFakeSv1;
        in.deviceType = "SIMULATOR";
        in.shots = 10;
        in.bucket = fake->endpoints().bucket;
        in.keyPrefix = "p";
        in.program.source = source.toStdString();
        in.program.qubitCount = 2;
        sigv4::Request r;
        r.method = "POST";
        r.path = "/quantum-task";
        r.headers = {{"Host", fake->baseUrl().substr(7)}, {"Content-Type", "application/json"}};
        const std::string body = braket::createTaskBody(in);
        r.payloadHash = sigv4::payloadHash(body);
        const auto creds = fake->credentials();
        const auto signedReq = sigv4::signRequest(r, {sigv4::amzDate(QDateTime::currentDateTimeUtc()), "us-east-1", "braket"},
                                                  creds.accessKeyId, creds.secretAccessKey);
        HttpTransport transport(fastPolicy());
        HttpRequest http{"POST", fake->baseUrl() + "/quantum-task", signedReq.headers, body, true};
        auto reply = transport.send(http);
        QVERIFY(reply.ok());
        QCOMPARE(reply->status, 400);
        QCOMPARE(QString::fromStdString(reply->header("x-amzn-errortype")).section(':', 0, 0), QString("ValidationException"));
        QVERIFY2(contains(reply->body, message.toUtf8().constData()), reply->body.c_str());
        QCOMPARE(fake->createdTaskCount(), 0);
    }

    void malformedRepliesNameTheField_data()
    {
        QTest::addColumn<int>("parser");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("task: status missing") << 0 << R"({"quantumTaskArn":"arn:x"})" << "field 'status' is missing";
        QTest::newRow("task: unknown status") << 0 << R"({"quantumTaskArn":"arn:x","status":"DONE"})" << "field 'status' has the unknown value 'DONE'";
        QTest::newRow("task: completed without directory")
            << 0 << R"({"quantumTaskArn":"arn:x","status":"COMPLETED","outputS3Bucket":"b"})" << "field 'outputS3Directory'";
        QTest::newRow("task: truncated") << 0 << "{\"quantumTaskArn\":\"arn:x\",\"sta" << "malformed or truncated";
        QTest::newRow("task: empty body") << 0 << "" << "empty reply body";
        QTest::newRow("create: no arn") << 1 << R"({"arn":"x"})" << "field 'quantumTaskArn' is missing";
        QTest::newRow("device: capabilities not a string")
            << 2 << R"({"deviceArn":"a","deviceStatus":"ONLINE","deviceCapabilities":{}})" << "field 'deviceCapabilities' is not a JSON string";
        QTest::newRow("device: status unknown") << 2 << R"({"deviceArn":"a","deviceStatus":"MAYBE"})" << "field 'deviceStatus'";
        QTest::newRow("device: queue size not a number")
            << 2 << R"({"deviceArn":"a","deviceStatus":"ONLINE","deviceQueueInfo":[{"queue":"QUANTUM_TASKS_QUEUE","queueSize":"many"}],"deviceCapabilities":"{}"})"
            << "deviceQueueInfo[].queueSize";
        QTest::newRow("device: no qubit count")
            << 2 << "{\"deviceArn\":\"a\",\"deviceStatus\":\"ONLINE\",\"deviceCapabilities\":\"{\\\"paradigm\\\":{}}\"}" << "paradigm.qubitCount";
        QTest::newRow("search: devices missing") << 3 << R"({"items":[]})" << "field 'devices'";
        QTest::newRow("results: wrong schema")
            << 4 << R"({"braketSchemaHeader":{"name":"braket.task_result.annealing_task_result"}})" << "braketSchemaHeader.name";
        QTest::newRow("results: row width")
            << 4 << R"({"braketSchemaHeader":{"name":"braket.task_result.gate_model_task_result"},"measuredQubits":[0,1],"measurements":[[0,1],[1]]})"
            << "measurements[1]";
        QTest::newRow("results: bit value")
            << 4 << R"({"braketSchemaHeader":{"name":"braket.task_result.gate_model_task_result"},"measuredQubits":[0],"measurements":[[2]]})"
            << "other than 0 or 1";
        QTest::newRow("results: neither form")
            << 4 << R"({"braketSchemaHeader":{"name":"braket.task_result.gate_model_task_result"}})" << "field 'measurements' is missing";
        QTest::newRow("results: probabilities without shots")
            << 4 << R"({"braketSchemaHeader":{"name":"braket.task_result.gate_model_task_result"},"measurementProbabilities":{"01":1.0}})"
            << "taskMetadata.shots";
    }

    void malformedRepliesNameTheField()
    {
        QFETCH(int, parser);
        QFETCH(QString, body);
        QFETCH(QString, message);
        const std::string b = body.toStdString();
        std::string error;
        switch (parser) {
        case 0: if (auto r = braket::parseGetTask(b); !r) error = r.error().message; break;
        case 1: if (auto r = braket::parseCreateTaskReply(b); !r) error = r.error().message; break;
        case 2: if (auto r = braket::parseDevice(b, "GetDevice reply"); !r) error = r.error().message; break;
        case 3: if (auto r = braket::parseSearchDevices(b); !r) error = r.error().message; break;
        case 4: if (auto r = braket::parseResults(b); !r) error = r.error().message; break;
        }
        QVERIFY2(contains(error, message.toUtf8().constData()), error.c_str());
        QVERIFY(contains(error, "Amazon Braket"));
    }

    // results.json → Qpilot order, independent of the fake: Braket joins measuredQubits[0] first.
    void resultBitOrder_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expectedKey");
        const QString head = R"({"braketSchemaHeader":{"name":"braket.task_result.gate_model_task_result","version":"1"},)";
        QTest::newRow("only qubit 0 set, no program") << head + R"("measuredQubits":[0,1,2],"measurements":[[1,0,0]]})" << "001";
        QTest::newRow("only qubit 0 set, probabilities")
            << head + R"("measuredQubits":[0,1,2],"measurementProbabilities":{"100":1.0},"taskMetadata":{"shots":1}})" << "001";
        QTest::newRow("program maps b[0] ← q[2], b[1] ← q[0]")
            << head + R"("measuredQubits":[0,2],"measurements":[[0,1]],"additionalMetadata":{"action":{"source":"OPENQASM 3.0;\nqubit[3] q;\nbit[2] b;\nb[0] = measure q[2];\nb[1] = measure q[0];\n"}}})"
            << "01";
    }

    void resultBitOrder()
    {
        QFETCH(QString, file);
        QFETCH(QString, expectedKey);
        auto r = braket::parseResults(file.toStdString());
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(r->counts.size(), size_t(1));
        QCOMPARE(QString::fromStdString(r->counts.begin()->first), expectedKey);
    }

    // Through the job tracker with the run store: the job is stored before it is sent, a lost
    // create reply (on every attempt) is resolved by the clientToken lookup, Qpilot "restarts"
    // (tracker, client and store closed mid-job) and the reopened tracker finishes the job with
    // the counts in the store; one task at the fake.
    void trackerLostReplyAndRestart()
    {
        auto fake = startFakeBraket();
        QVERIFY(fake);
        QTemporaryDir dir;
        const std::string path = dir.filePath("runs.sqlite").toStdString();
        Submission sub;
        sub.deviceId = kFakeForte;
        sub.qasm = kFlipQ0;
        sub.shots = 64;
        std::int64_t id = 0;
        {
            auto store = store::RunStore::open(path);
            QVERIFY(store.ok());
            HttpTransport transport(fastPolicy());
            auto client = makeBraketClient(fake->endpoints(), fake->credentials(), transport);
            JobTracker tracker(*store.value(), *client);
            fake->server().reset(10, {"POST", "/quantum-task"}, /*afterHandler=*/true);
            auto job = tracker.submit(sub);
            fake->server().clearFaults();
            if (job.ok()) {
                id = job->id;
            } else {
                const auto jobs = store.value()->listCloudJobs(true).value();
                QCOMPARE(int(jobs.size()), 1);
                id = jobs[0].id;
            }
            QCOMPARE(fake->createdTaskCount(), 1);
            auto polled = tracker.poll(id);   // one poll, then "killed"
            Q_UNUSED(polled);
        }
        auto store = store::RunStore::open(path);
        QVERIFY(store.ok());
        HttpTransport transport(fastPolicy());
        auto client = makeBraketClient(fake->endpoints(), fake->credentials(), transport);
        JobTracker tracker(*store.value(), *client);
        WaitOptions fast;
        fast.pollSeconds = 0;
        fast.maxPollSeconds = 0;
        auto resumed = tracker.resumeUnfinished(nullptr, {}, fast);
        QVERIFY2(resumed.ok(), resumed.ok() ? "" : resumed.error().message.c_str());
        QCOMPARE(int(resumed->size()), 1);
        QCOMPARE(resumed->at(0).id, id);
        QCOMPARE(resumed->at(0).state, std::string("completed"));
        QCOMPARE(resumed->at(0).countsJson, std::string(R"({"001":64})"));
        QCOMPARE(fake->createdTaskCount(), 1);
        QVERIFY(fake->rejections().empty());
        // The AWS secret never reaches the store.
        QFile db(QString::fromStdString(path));
        QVERIFY(db.open(QIODevice::ReadOnly));
        QVERIFY(!db.readAll().contains(QByteArray::fromStdString(fake->credentials().secretAccessKey)));
    }

    void helpers()
    {
        QCOMPARE(braket::encodePathParameter("arn:aws:braket:::device/quantum-simulator/amazon/sv1"),
                 std::string("arn%3Aaws%3Abraket%3A%3A%3Adevice%2Fquantum-simulator%2Famazon%2Fsv1"));
        QCOMPARE(braket::arnRegion(kFakeGarnet), std::string("eu-north-1"));
        QCOMPARE(braket::arnRegion(kFakeSv1), std::string());
        const auto body = braket::createTaskBody([] {
            braket::CreateTaskInput in;
            in.clientToken = "tok";
            in.deviceArn = kFakeForte;
            in.deviceType = "QPU";
            in.providerName = "IonQ";
            in.shots = 100;
            in.bucket = "amazon-braket-x";
            in.keyPrefix = "p";
            in.program = {"OPENQASM 3.0;\nqubit[1] q;\nh q[0];\n", 1, {"h"}};
            return in;
        }());
        const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(body)).object();
        QVERIFY(o.value("action").isString());            // a JSON string inside the JSON body
        QVERIFY(o.value("deviceParameters").isString());
        QCOMPARE(QJsonDocument::fromJson(o.value("deviceParameters").toString().toUtf8()).object()
                     .value("braketSchemaHeader").toObject().value("name").toString(),
                 QString("braket.device_schema.ionq.ionq_device_parameters"));
        QCOMPARE(o.value("tags").toObject().value(braket::kClientTokenTag).toString(), QString("tok"));
    }
};

QTEST_GUILESS_MAIN(TestBraketClient)
#include "tst_braket_client.moc"
