// SPDX-License-Identifier: GPL-3.0-or-later
// tests/support/fake_http_server.h — a loopback HTTP/1.1 server for the cloud tests: QTcpServer
// on 127.0.0.1 (port 0) running in its own QThread, so a test may block (on an HttpTransport call
// or on a QProcess running the qpilot CLI) while the fake answers. One handler answers every
// request; fault injection (429 + Retry-After, 5xx, stalls, connection resets before or after the
// handler ran, truncated bodies, malformed JSON) is queued per method/path prefix and shared by
// every provider fake. The request log is thread-safe.
//
// The handler runs on the server's thread: provider fakes keep their state behind a mutex.
#pragma once

#include <QByteArray>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

class QThread;

namespace qpilot::test {

struct FakeRequest {
    std::string method;                                   // "GET", "POST", ...
    std::string path;                                     // percent-encoded, as sent ("/quantum-task/arn%3A...")
    std::string query;                                    // without '?', as sent
    std::map<std::string, std::string> headers;           // names lower-cased
    std::string body;
    std::string header(const std::string& lowerName) const;
    std::string decodedPath() const;                      // percent-decoded path
    std::string queryValue(const std::string& key) const; // decoded, "" when missing
};

struct FakeReply {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    static FakeReply json(int status, std::string body);
    static FakeReply text(int status, std::string body);
    static FakeReply empty(int status);                    // e.g. 204
};

using FakeHandler = std::function<FakeReply(const FakeRequest&)>;

// Which requests a fault applies to: method ("" = any) and path prefix ("" = any).
struct FakeMatch {
    std::string method;
    std::string pathPrefix;
};

class FakeHttpServer {
public:
    explicit FakeHttpServer(FakeHandler handler = {});
    ~FakeHttpServer();
    FakeHttpServer(const FakeHttpServer&) = delete;
    FakeHttpServer& operator=(const FakeHttpServer&) = delete;

    // Listens on 127.0.0.1, port 0 (any free port) unless `port` is given; false on failure.
    bool start(std::uint16_t port = 0);
    std::uint16_t port() const;
    std::string baseUrl() const;                          // "http://127.0.0.1:PORT"
    void setHandler(FakeHandler handler);

    // Fault injection: the next `times` matching requests get the fault instead of (or, where
    // said, after) the handler. Faults are consumed in the order they were added.
    void failWithStatus(int times, int status, FakeMatch match = {}, std::string retryAfter = {}, std::string body = {},
                        std::vector<std::pair<std::string, std::string>> headers = {});
    void throttle(int times, std::string retryAfter, FakeMatch match = {}); // 429 with Retry-After ("" = none)
    void stall(int times, FakeMatch match = {});           // read the request, never answer
    // Reset (TCP RST) the connection after reading the request; with `afterHandler` the handler
    // runs first (its side effects happen, e.g. a job is created) and only the reply is lost.
    void reset(int times, FakeMatch match = {}, bool afterHandler = false);
    void truncate(int times, FakeMatch match = {});        // handler's reply, half the body, then close
    void malformedJson(int times, FakeMatch match = {});   // handler's status, a broken JSON body
    void clearFaults();
    int pendingFaults() const;

    // Every request received, in arrival order (including those answered with a fault).
    std::vector<FakeRequest> requests() const;
    int requestCount(const std::string& method = {}, const std::string& pathPrefix = {}) const;
    void clearLog();
    int connectionCount() const;                          // TCP connections accepted

    struct Shared;                                        // state shared with the server thread
private:
    std::shared_ptr<Shared> m_shared;
    QThread* m_thread = nullptr;
    class Worker;
    Worker* m_worker = nullptr;
    std::uint16_t m_port = 0;
};

} // namespace qpilot::test
