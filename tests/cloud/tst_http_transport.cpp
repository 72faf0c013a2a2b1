// SPDX-License-Identifier: GPL-3.0-or-later
// tests/cloud/tst_http_transport.cpp — HttpTransport against the loopback fake: retries on 429
// (Retry-After as delta-seconds and as HTTP-date), 502/503/504, stalled replies, resets and
// truncated bodies, with the expected attempt counts and waits; non-idempotent requests never
// re-sent once they may have been delivered; cancel; https-only; and parseRetryAfter itself.
#include "core/cloud/cloud.h"
#include "support/fake_http_server.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLocale>
#include <QTcpServer>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

using namespace qpilot;
using namespace qpilot::cloud;
using qpilot::test::FakeHttpServer;
using qpilot::test::FakeMatch;
using qpilot::test::FakeReply;
using qpilot::test::FakeRequest;

namespace {

RetryPolicy fastPolicy(int maxAttempts = 4, double timeout = 5)
{
    RetryPolicy p;
    p.maxAttempts = maxAttempts;
    p.baseDelaySeconds = 0.02;
    p.maxDelaySeconds = 0.5;
    p.timeoutSeconds = timeout;
    p.maxRetryAfterSeconds = 10;
    p.jitterSeed = 42;
    return p;
}

FakeReply echo(const FakeRequest& r)
{
    return FakeReply::json(200, "{\"method\":\"" + r.method + "\",\"path\":\"" + r.path + "\",\"bytes\":"
                                    + std::to_string(r.body.size()) + "}");
}

HttpRequest request(const FakeHttpServer& s, const std::string& method, bool idempotent, const std::string& path = "/jobs")
{
    HttpRequest r;
    r.method = method;
    r.url = s.baseUrl() + path;
    r.idempotent = idempotent;
    if (method == "POST" || method == "PUT")
        r.body = R"({"shots":100})";
    r.headers = {{"Content-Type", "application/json"}, {"X-Test", "yes"}};
    return r;
}

std::string httpDate(const QDateTime& utc)
{
    return QLocale::c().toString(utc.toTimeZone(QTimeZone::utc()), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toStdString();
}

} // namespace

class TestHttpTransport : public QObject {
    Q_OBJECT

private slots:
    void parsesRetryAfter_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<double>("seconds");
        // now = Sun, 06 Nov 1994 08:49:37 GMT = 784111777
        QTest::newRow("delta") << "7" << true << 7.0;
        QTest::newRow("delta spaces") << " 120 " << true << 120.0;
        QTest::newRow("zero") << "0" << true << 0.0;
        QTest::newRow("imf-fixdate +30 s") << "Sun, 06 Nov 1994 08:50:07 GMT" << true << 30.0;
        QTest::newRow("imf-fixdate +1 day") << "Mon, 07 Nov 1994 08:49:37 GMT" << true << 86400.0;
        QTest::newRow("date in the past") << "Sun, 06 Nov 1994 08:00:00 GMT" << true << 0.0;
        QTest::newRow("rfc 850") << "Sunday, 06-Nov-94 08:49:47 GMT" << true << 10.0;
        QTest::newRow("asctime") << "Sun Nov  6 08:49:57 1994" << true << 20.0;
        QTest::newRow("negative") << "-5" << false << 0.0;
        QTest::newRow("fraction") << "1.5" << false << 0.0;
        QTest::newRow("garbage") << "soon" << false << 0.0;
        QTest::newRow("empty") << "" << false << 0.0;
    }
    void parsesRetryAfter()
    {
        QFETCH(QString, value);
        QFETCH(bool, valid);
        QFETCH(double, seconds);
        const std::optional<double> got = parseRetryAfter(value.toStdString(), 784111777);
        QCOMPARE(got.has_value(), valid);
        if (valid)
            QCOMPARE(*got, seconds);
    }

    void plainRequestsCarryMethodHeadersAndBody_data()
    {
        QTest::addColumn<QString>("method");
        QTest::newRow("GET") << "GET";
        QTest::newRow("POST") << "POST";
        QTest::newRow("PUT") << "PUT";
        QTest::newRow("DELETE") << "DELETE";
    }
    void plainRequestsCarryMethodHeadersAndBody()
    {
        QFETCH(QString, method);
        FakeHttpServer server(echo);
        QVERIFY(server.start());
        HttpTransport t(fastPolicy());
        const HttpRequest req = request(server, method.toStdString(), true, "/jobs/abc?limit=5");
        const Result<HttpResponse> r = t.send(req);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(r->status, 200);
        QCOMPARE(r->attempts, 1);
        QCOMPARE(r->header("content-type"), std::string("application/json"));
        QVERIFY(t.waits().empty());
        const std::vector<FakeRequest> log = server.requests();
        QCOMPARE(log.size(), std::size_t(1));
        QCOMPARE(log[0].method, method.toStdString());
        QCOMPARE(log[0].path, std::string("/jobs/abc"));
        QCOMPARE(log[0].queryValue("limit"), std::string("5"));
        QCOMPARE(log[0].header("x-test"), std::string("yes"));
        QCOMPARE(log[0].body, req.body);
        QVERIFY(log[0].header("user-agent").find("qpilot/") == 0);
    }

    void keepsTheConnectionAlive()
    {
        FakeHttpServer server(echo);
        QVERIFY(server.start());
        HttpTransport t(fastPolicy());
        for (int i = 0; i < 3; ++i)
            QVERIFY(t.send(request(server, "GET", true)).ok());
        QCOMPARE(server.requestCount("GET"), 3);
        QCOMPARE(server.connectionCount(), 1);
    }

    // Which replies are retried, for which requests, and how many attempts it takes.
    void retriesStatuses_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("failures");
        QTest::addColumn<QString>("method");
        QTest::addColumn<bool>("idempotent");
        QTest::addColumn<int>("maxAttempts");
        QTest::addColumn<int>("expectAttempts");
        QTest::addColumn<int>("expectStatus");
        QTest::newRow("503 x2 GET") << 503 << 2 << "GET" << true << 4 << 3 << 200;
        QTest::newRow("502 x1 GET") << 502 << 1 << "GET" << true << 4 << 2 << 200;
        QTest::newRow("504 x3 GET") << 504 << 3 << "GET" << true << 4 << 4 << 200;
        QTest::newRow("503 x9 GET gives up with the last reply") << 503 << 9 << "GET" << true << 3 << 3 << 503;
        QTest::newRow("503 POST idempotent (provider-safe)") << 503 << 1 << "POST" << true << 4 << 2 << 200;
        QTest::newRow("503 POST non-idempotent is not re-sent") << 503 << 1 << "POST" << false << 4 << 1 << 503;
        QTest::newRow("502 PUT non-idempotent is not re-sent") << 502 << 1 << "PUT" << false << 4 << 1 << 502;
        QTest::newRow("429 POST non-idempotent (never processed)") << 429 << 2 << "POST" << false << 4 << 3 << 200;
        QTest::newRow("500 is not retried") << 500 << 1 << "GET" << true << 4 << 1 << 500;
        QTest::newRow("400 is not retried") << 400 << 1 << "GET" << true << 4 << 1 << 400;
        QTest::newRow("401 is not retried") << 401 << 1 << "POST" << true << 4 << 1 << 401;
    }
    void retriesStatuses()
    {
        QFETCH(int, status);
        QFETCH(int, failures);
        QFETCH(QString, method);
        QFETCH(bool, idempotent);
        QFETCH(int, maxAttempts);
        QFETCH(int, expectAttempts);
        QFETCH(int, expectStatus);
        FakeHttpServer server(echo);
        QVERIFY(server.start());
        server.failWithStatus(failures, status, {}, {}, R"({"errors":[{"code":"x","message":"injected"}]})");
        HttpTransport t(fastPolicy(maxAttempts));
        const Result<HttpResponse> r = t.send(request(server, method.toStdString(), idempotent));
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(r->status, expectStatus);
        QCOMPARE(r->attempts, expectAttempts);
        QCOMPARE(server.requestCount(), expectAttempts);
        QCOMPARE(int(t.waits().size()), expectAttempts - 1);
        // jittered exponential backoff: wait k within ±50 % of base·2^k (capped)
        for (std::size_t k = 0; k < t.waits().size(); ++k) {
            const double nominal = std::min(0.5, 0.02 * std::pow(2.0, double(k)));
            QVERIFY2(t.waits()[k] >= 0.5 * nominal - 1e-12 && t.waits()[k] <= std::min(0.5, 1.5 * nominal) + 1e-12,
                     qPrintable(QStringLiteral("wait %1 = %2").arg(k).arg(t.waits()[k])));
        }
        if (expectStatus != 200)
            QVERIFY(r->body.find("injected") != std::string::npos);
    }

    void backoffJitterIsSeeded()
    {
        auto waitsFor = [](std::uint64_t seed) {
            FakeHttpServer server(echo);
            server.start();
            server.failWithStatus(4, 503);
            RetryPolicy p = fastPolicy(5);
            p.jitterSeed = seed;
            HttpTransport t(p);
            t.send(request(server, "GET", true));
            return t.waits();
        };
        const std::vector<double> a = waitsFor(7), b = waitsFor(7), c = waitsFor(8);
        QCOMPARE(a.size(), std::size_t(4));
        QCOMPARE(a, b);
        QVERIFY(a != c);
        // grows: wait 3 (nominal 0.16) is above wait 0's maximum (0.03)
        QVERIFY(a[3] > 0.03);
    }

    void honoursRetryAfterDelta()
    {
        FakeHttpServer server(echo);
        QVERIFY(server.start());
        server.throttle(2, "1", {"POST", "/jobs"});
        HttpTransport t(fastPolicy());
        QElapsedTimer clock;
        clock.start();
        const Result<HttpResponse> r = t.send(request(server, "POST", false));
        QVERIFY(r.ok());
        QCOMPARE(r->status, 200);
        QCOMPARE(r->attempts, 3);
        QCOMPARE(t.waits(), (std::vector<double>{1.0, 1.0}));
        QVERIFY(clock.elapsed() >= 1900);
    }

    void honoursRetryAfterHttpDate()
    {
        FakeHttpServer server(echo);
        QVERIFY(server.start());
        const QDateTime at = QDateTime::currentDateTimeUtc().addSecs(3);
        server.throttle(1, httpDate(at));
        HttpTransport t(fastPolicy());
        const Result<HttpResponse> r = t.send(request(server, "GET", true));
        QVERIFY(r.ok());
        QCOMPARE(r->status, 200);
        QCOMPARE(r->attempts, 2);
        QCOMPARE(t.waits().size(), std::size_t(1));
        // whole seconds: the date was now+3 s with the sub-second part dropped
        QVERIFY2(t.waits()[0] >= 2 && t.waits()[0] <= 3, qPrintable(QString::number(t.waits()[0])));
    }

    void retryAfterWithoutValueUsesBackoff()
    {
        FakeHttpServer server(echo);
        QVERIFY(server.start());
        server.throttle(1, "");
        HttpTransport t(fastPolicy());
        const Result<HttpResponse> r = t.send(request(server, "GET", true));
        QVERIFY(r.ok());
        QCOMPARE(r->attempts, 2);
        QCOMPARE(t.waits().size(), std::size_t(1));
        QVERIFY(t.waits()[0] >= 0.01 && t.waits()[0] <= 0.03);
    }

    void tooLongRetryAfterGivesUp()
    {
        FakeHttpServer server(echo);
        QVERIFY(server.start());
        server.throttle(1, "3600");
        HttpTransport t(fastPolicy());
        const Result<HttpResponse> r = t.send(request(server, "GET", true));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.find("retry after 3600 s") != std::string::npos, r.error().message.c_str());
        QCOMPARE(server.requestCount(), 1);
        QVERIFY(t.waits().empty());
    }

    void stalledReplyIsAbortedAndRetried()
    {
        FakeHttpServer server(echo);
        QVERIFY(server.start());
        server.stall(1);
        HttpTransport t(fastPolicy(3, 0.4));
        QElapsedTimer clock;
        clock.start();
        const Result<HttpResponse> r = t.send(request(server, "GET", true));
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(r->status, 200);
        QCOMPARE(r->attempts, 2);
        QCOMPARE(server.requestCount(), 2);
        QVERIFY(clock.elapsed() >= 350);
    }

    void stalledReplyEveryTimeIsATimeoutError()
    {
        FakeHttpServer server(echo);
        QVERIFY(server.start());
        server.stall(5);
        HttpTransport t(fastPolicy(2, 0.3));
        const Result<HttpResponse> r = t.send(request(server, "GET", true));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.find("no reply within") != std::string::npos, r.error().message.c_str());
        QVERIFY(r.error().message.find("(2 attempts)") != std::string::npos);
        QCOMPARE(server.requestCount(), 2);
    }

    void stalledNonIdempotentIsNotResent()
    {
        FakeHttpServer server(echo);
        QVERIFY(server.start());
        server.stall(1);
        HttpTransport t(fastPolicy(4, 0.3));
        const Result<HttpResponse> r = t.send(request(server, "POST", false));
        QVERIFY(!r.ok());
        QVERIFY(t.lastFailureMaybeDelivered());
        QVERIFY2(r.error().message.find("not re-sent") != std::string::npos, r.error().message.c_str());
        QCOMPARE(server.requestCount(), 1);
    }

    void resetConnections_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<bool>("idempotent");
        QTest::addColumn<bool>("afterHandler");
        QTest::addColumn<bool>("expectOk");
        QTest::addColumn<int>("expectRequests");
        QTest::addColumn<int>("expectHandlerRuns");
        QTest::newRow("GET reset, retried") << "GET" << true << false << true << 2 << 1;
        QTest::newRow("idempotent POST reset after the handler, retried") << "POST" << true << true << true << 2 << 2;
        QTest::newRow("POST reset before the handler, not re-sent") << "POST" << false << false << false << 1 << 0;
        QTest::newRow("POST created but reply lost, not re-sent") << "POST" << false << true << false << 1 << 1;
    }
    void resetConnections()
    {
        QFETCH(QString, method);
        QFETCH(bool, idempotent);
        QFETCH(bool, afterHandler);
        QFETCH(bool, expectOk);
        QFETCH(int, expectRequests);
        QFETCH(int, expectHandlerRuns);
        std::atomic<int> handlerRuns{0};
        FakeHttpServer server([&](const FakeRequest& r) {
            ++handlerRuns;
            return echo(r);
        });
        QVERIFY(server.start());
        server.reset(1, {}, afterHandler);
        HttpTransport t(fastPolicy());
        const Result<HttpResponse> r = t.send(request(server, method.toStdString(), idempotent));
        QCOMPARE(r.ok(), expectOk);
        if (expectOk) {
            QCOMPARE(r->status, 200);
            QCOMPARE(r->attempts, 2);
        } else {
            QVERIFY(t.lastFailureMaybeDelivered());
            QVERIFY2(r.error().message.find("connection reset or closed") != std::string::npos, r.error().message.c_str());
        }
        QCOMPARE(server.requestCount(), expectRequests);
        QCOMPARE(handlerRuns.load(), expectHandlerRuns);
    }

    void truncatedBodyIsRetriedForGet()
    {
        FakeHttpServer server([](const FakeRequest&) { return FakeReply::json(200, R"({"status":"COMPLETED","padding":"0123456789"})"); });
        QVERIFY(server.start());
        server.truncate(1);
        HttpTransport t(fastPolicy());
        const Result<HttpResponse> r = t.send(request(server, "GET", true));
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(r->attempts, 2);
        QCOMPARE(r->body, std::string(R"({"status":"COMPLETED","padding":"0123456789"})"));
    }

    void truncatedBodyEveryTimeIsAnError()
    {
        FakeHttpServer server([](const FakeRequest&) { return FakeReply::json(200, R"({"status":"COMPLETED"})"); });
        QVERIFY(server.start());
        server.truncate(9);
        HttpTransport t(fastPolicy(3));
        const Result<HttpResponse> r = t.send(request(server, "GET", true));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.find("before the reply was complete") != std::string::npos, r.error().message.c_str());
        QVERIFY(r.error().message.find("(3 attempts)") != std::string::npos);
        QCOMPARE(server.requestCount(), 3);
    }

    void malformedJsonIsDeliveredAsIs()
    {
        // The transport does not parse bodies: the client reports the malformed JSON.
        FakeHttpServer server([](const FakeRequest&) { return FakeReply::json(200, R"({"id":"job-1","status":"queued"})"); });
        QVERIFY(server.start());
        server.malformedJson(1);
        HttpTransport t(fastPolicy());
        const Result<HttpResponse> r = t.send(request(server, "GET", true));
        QVERIFY(r.ok());
        QCOMPARE(r->attempts, 1);
        const std::string full = R"({"id":"job-1","status":"queued"})";
        QCOMPARE(r->body, full.substr(0, full.size() / 2));
    }

    void refusedConnectionIsRetriedEvenForPost()
    {
        // Nothing can have been delivered when the connection is refused.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        HttpTransport t(fastPolicy(3));
        HttpRequest req;
        req.method = "POST";
        req.idempotent = false;
        req.url = "http://127.0.0.1:" + std::to_string(port) + "/jobs";
        req.body = "{}";
        const Result<HttpResponse> r = t.send(req);
        QVERIFY(!r.ok());
        QVERIFY(!t.lastFailureMaybeDelivered());
        QVERIFY2(r.error().message.find("cannot connect") != std::string::npos, r.error().message.c_str());
        QVERIFY(r.error().message.find("(3 attempts)") != std::string::npos);
        QCOMPARE(t.waits().size(), std::size_t(2));
    }

    void cancelAbortsARequest()
    {
        FakeHttpServer server(echo);
        QVERIFY(server.start());
        server.stall(1);
        HttpTransport t(fastPolicy(4, 20));
        std::atomic<bool> cancel{false};
        QTimer::singleShot(200, [&] { cancel = true; });
        QElapsedTimer clock;
        clock.start();
        const Result<HttpResponse> r = t.send(request(server, "GET", true), &cancel);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.find("cancelled") != std::string::npos, r.error().message.c_str());
        QVERIFY(clock.elapsed() < 5000);
        QCOMPARE(server.requestCount(), 1);
    }

    void cancelAbortsAWait()
    {
        FakeHttpServer server(echo);
        QVERIFY(server.start());
        server.throttle(1, "8");
        HttpTransport t(fastPolicy(4, 20));
        std::atomic<bool> cancel{false};
        QTimer::singleShot(200, [&] { cancel = true; });
        QElapsedTimer clock;
        clock.start();
        const Result<HttpResponse> r = t.send(request(server, "GET", true), &cancel);
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.find("cancelled") != std::string::npos);
        QVERIFY(clock.elapsed() < 4000);
        QCOMPARE(t.waits(), std::vector<double>{8.0});
        QCOMPARE(server.requestCount(), 1);
    }

    void alreadyCancelledSendsNothing()
    {
        FakeHttpServer server(echo);
        QVERIFY(server.start());
        HttpTransport t(fastPolicy());
        std::atomic<bool> cancel{true};
        QVERIFY(!t.send(request(server, "GET", true), &cancel).ok());
        QCOMPARE(server.requestCount(), 0);
    }

    void plainHttpOnlyToLoopback_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https") << "https://quantum.cloud.ibm.com/api/v1" << true;
        QTest::newRow("http loopback v4") << "http://127.0.0.1:8080/x" << true;
        QTest::newRow("http localhost") << "http://localhost:8080/x" << true;
        QTest::newRow("http loopback v6") << "http://[::1]:8080/x" << true;
        QTest::newRow("http remote") << "http://api.ionq.co/v0.4" << false;
        QTest::newRow("http lookalike") << "http://127.0.0.1.example.com/x" << false;
        QTest::newRow("ftp") << "ftp://example.com/x" << false;
        QTest::newRow("no host") << "https:///x" << false;
    }
    void plainHttpOnlyToLoopback()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        Endpoints e;
        e.api = url.toStdString();
        const std::optional<Error> bad = checkEndpoints(e);
        QCOMPARE(!bad.has_value(), allowed);
        if (!allowed) {
            HttpTransport t(fastPolicy(1));
            HttpRequest req;
            req.url = url.toStdString();
            const Result<HttpResponse> r = t.send(req);
            QVERIFY(!r.ok());
            QVERIFY(t.waits().empty());
        }
    }

    void tlsFailureIsFatal()
    {
        // https:// to a plain-HTTP server: the handshake fails; never retried, never ignored.
        FakeHttpServer server(echo);
        QVERIFY(server.start());
        HttpTransport t(fastPolicy(4));
        HttpRequest req;
        req.url = "https://127.0.0.1:" + std::to_string(server.port()) + "/backends";
        const Result<HttpResponse> r = t.send(req);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.find("TLS") != std::string::npos, r.error().message.c_str());
        QVERIFY(t.waits().empty());
    }
};

QTEST_GUILESS_MAIN(TestHttpTransport)
#include "tst_http_transport.moc"
