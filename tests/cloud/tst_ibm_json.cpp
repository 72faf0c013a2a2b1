// SPDX-License-Identifier: GPL-3.0-or-later
// tests/cloud/tst_ibm_json.cpp — the IBM Quantum Platform wire format as pure functions
// (core/cloud/ibm_json.h): the IAM form and token expiry, the state vocabulary (incl. "Cancelled -
// Ran too long"), the Sampler V2 body and its refusals, hex samples in Qpilot's bit order (bit k
// of a sample is register bit k; registers joined at their offsets), malformed replies naming the
// field, actionable errors per HTTP status, the API URL from the CRN, the legacy /backends shape.
// The client against the loopback fake: tst_ibm_client.cpp.
#include "core/cloud/cloud.h"
#include "core/cloud/ibm_json.h"
#include "core/cloud/providers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrlQuery>

using namespace qpilot;
using namespace qpilot::cloud;

namespace {

const char* kBell = R"(OPENQASM 3.0;
include "stdgates.inc";
bit[2] c;
rz(pi/2) $0;
sx $0;
cz $0, $1;
c[0] = measure $0;
c[1] = measure $1;
)";

// Two registers: a (clbit 0) and b (clbits 1, 2).
const char* kTwoRegisters = R"(OPENQASM 3.0;
include "stdgates.inc";
bit[1] a;
bit[2] b;
x $1;
a[0] = measure $0;
b[0] = measure $1;
b[1] = measure $2;
)";

SubmitRequest request(const std::string& qasm, int shots)
{
    SubmitRequest r;
    r.deviceId = "ibm_heron5";
    r.qasm = qasm;
    r.shots = shots;
    r.tags = {{"pilot", "iris"}};
    r.clientToken = "tok-0001";
    return r;
}

} // namespace

class TestIbmJson : public QObject {
    Q_OBJECT

private slots:
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

QTEST_GUILESS_MAIN(TestIbmJson)
#include "tst_ibm_json.moc"
