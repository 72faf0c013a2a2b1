// SPDX-License-Identifier: GPL-3.0-or-later
// tests/support/fake_http_server.cpp — the loopback HTTP/1.1 fake: a small request parser
// (request line, headers, Content-Length body, keep-alive) on a QTcpServer in its own thread,
// the fault queue and the request log (see fake_http_server.h).
#include "fake_http_server.h"

#include <QMetaObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

#include <deque>
#include <optional>

#include <sys/socket.h>

namespace qpilot::test {

std::string FakeRequest::header(const std::string& lowerName) const
{
    auto it = headers.find(lowerName);
    return it == headers.end() ? std::string() : it->second;
}

std::string FakeRequest::decodedPath() const
{
    return QUrl::fromPercentEncoding(QByteArray::fromStdString(path)).toStdString();
}

std::string FakeRequest::queryValue(const std::string& key) const
{
    const QUrlQuery q(QString::fromStdString(query));
    return q.queryItemValue(QString::fromStdString(key), QUrl::FullyDecoded).toStdString();
}

FakeReply FakeReply::json(int status, std::string body)
{
    FakeReply r;
    r.status = status;
    r.headers.emplace_back("Content-Type", "application/json");
    r.body = std::move(body);
    return r;
}

FakeReply FakeReply::text(int status, std::string body)
{
    FakeReply r;
    r.status = status;
    r.headers.emplace_back("Content-Type", "text/plain");
    r.body = std::move(body);
    return r;
}

FakeReply FakeReply::empty(int status)
{
    FakeReply r;
    r.status = status;
    return r;
}

namespace {

enum class FaultKind { Status, Stall, ResetBefore, ResetAfter, Truncate, Malformed };

struct Fault {
    Fault(FaultKind k, int n, FakeMatch m) : kind(k), remaining(n), match(std::move(m)) {}
    FaultKind kind;
    int remaining;
    FakeMatch match;
    int status = 0;
    std::string retryAfter;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
};

const char* reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 409: return "Conflict";
    case 424: return "Failed Dependency";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

bool matches(const FakeMatch& m, const FakeRequest& r)
{
    return (m.method.empty() || m.method == r.method) && r.path.compare(0, m.pathPrefix.size(), m.pathPrefix) == 0;
}

} // namespace

struct FakeHttpServer::Shared {
    mutable std::mutex mutex;
    FakeHandler handler;
    std::deque<Fault> faults;
    std::vector<FakeRequest> log;
    int connections = 0;

    std::optional<Fault> takeFault(const FakeRequest& r)
    {
        std::lock_guard<std::mutex> lock(mutex);
        for (auto it = faults.begin(); it != faults.end(); ++it) {
            if (it->remaining > 0 && matches(it->match, r)) {
                Fault f = *it;
                if (--it->remaining == 0)
                    faults.erase(it);
                return f;
            }
        }
        return std::nullopt;
    }
    FakeReply handle(const FakeRequest& r)
    {
        FakeHandler h;
        {
            std::lock_guard<std::mutex> lock(mutex);
            h = handler;
        }
        if (!h)
            return FakeReply::json(404, R"({"message":"no handler installed in the fake"})");
        return h(r);
    }
};

// Lives in the server thread; owns the QTcpServer and the connections.
class FakeHttpServer::Worker : public QObject {
public:
    explicit Worker(std::shared_ptr<Shared> shared) : m_shared(std::move(shared)) {}

    std::uint16_t listen(std::uint16_t port)
    {
        m_server = new QTcpServer(this);
        QObject::connect(m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* s = m_server->nextPendingConnection()) {
                {
                    std::lock_guard<std::mutex> lock(m_shared->mutex);
                    ++m_shared->connections;
                }
                s->setParent(this);
                QObject::connect(s, &QTcpSocket::readyRead, this, [this, s] { onReadyRead(s); });
                QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        if (!m_server->listen(QHostAddress::LocalHost, port))
            return 0;
        return m_server->serverPort();
    }

    void shutdown()
    {
        const auto children = this->children();
        for (QObject* c : children)
            delete c;
        m_server = nullptr;
    }

private:
    struct Parsed {
        bool complete = false;
        bool bad = false;
        FakeRequest request;
        qsizetype consumed = 0;
    };

    static Parsed parse(const QByteArray& buf)
    {
        Parsed p;
        const qsizetype end = buf.indexOf("\r\n\r\n");
        if (end < 0)
            return p;
        const QList<QByteArray> lines = buf.left(end).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        if (requestLine.size() != 3) {
            p.bad = true;
            return p;
        }
        p.request.method = requestLine[0].toStdString();
        const QByteArray target = requestLine[1];
        const qsizetype q = target.indexOf('?');
        p.request.path = (q < 0 ? target : target.left(q)).toStdString();
        p.request.query = q < 0 ? std::string() : target.mid(q + 1).toStdString();
        for (int i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            p.request.headers[line.left(colon).trimmed().toLower().toStdString()] = line.mid(colon + 1).trimmed().toStdString();
        }
        qsizetype length = 0;
        const std::string cl = p.request.header("content-length");
        if (!cl.empty())
            length = QByteArray::fromStdString(cl).toLongLong();
        const qsizetype bodyStart = end + 4;
        if (buf.size() < bodyStart + length)
            return p;
        p.request.body = buf.mid(bodyStart, length).toStdString();
        p.consumed = bodyStart + length;
        p.complete = true;
        return p;
    }

    static QByteArray head(const FakeReply& r, qsizetype contentLength, bool close)
    {
        QByteArray out = "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reasonPhrase(r.status) + "\r\n";
        for (const auto& [name, value] : r.headers)
            out += QByteArray::fromStdString(name) + ": " + QByteArray::fromStdString(value) + "\r\n";
        out += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
        out += close ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
        out += "\r\n";
        return out;
    }

    static void resetConnection(QTcpSocket* s)
    {
        // SO_LINGER 0: close() sends a TCP RST instead of a FIN (a "connection reset by peer").
        const qintptr fd = s->socketDescriptor();
        if (fd >= 0) {
            struct linger l = {1, 0};
            ::setsockopt(static_cast<int>(fd), SOL_SOCKET, SO_LINGER, &l, sizeof l);
        }
        s->abort();
        s->deleteLater();
    }

    void onReadyRead(QTcpSocket* s)
    {
        if (s->property("stalled").toBool()) {
            s->readAll();
            return;
        }
        QByteArray buf = s->property("buffer").toByteArray() + s->readAll();
        if (buf.startsWith('\x16')) {
            // A TLS ClientHello: this fake speaks plain HTTP only (https:// to it must fail).
            s->write("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
            s->disconnectFromHost();
            return;
        }
        for (;;) {
            Parsed p = parse(buf);
            if (p.bad) {
                s->write(head(FakeReply::text(400, {}), 0, true));
                s->disconnectFromHost();
                return;
            }
            if (!p.complete)
                break;
            buf.remove(0, p.consumed);
            const FakeRequest& req = p.request;
            {
                std::lock_guard<std::mutex> lock(m_shared->mutex);
                m_shared->log.push_back(req);
            }
            bool close = req.header("connection") == "close";
            FakeReply reply;
            const std::optional<Fault> fault = m_shared->takeFault(req);
            if (fault) {
                switch (fault->kind) {
                case FaultKind::Status:
                    reply.status = fault->status;
                    reply.headers = fault->headers;
                    if (!fault->retryAfter.empty())
                        reply.headers.emplace_back("Retry-After", fault->retryAfter);
                    reply.body = fault->body;
                    break;
                case FaultKind::Stall:
                    s->setProperty("stalled", true);
                    return;
                case FaultKind::ResetBefore:
                    resetConnection(s);
                    return;
                case FaultKind::ResetAfter:
                    m_shared->handle(req);
                    resetConnection(s);
                    return;
                case FaultKind::Truncate: {
                    const FakeReply full = m_shared->handle(req);
                    const QByteArray body = QByteArray::fromStdString(full.body);
                    s->write(head(full, body.size() + 8, true));
                    s->write(body.left(body.size() / 2));
                    s->flush();
                    s->disconnectFromHost();
                    return;
                }
                case FaultKind::Malformed: {
                    reply = m_shared->handle(req);
                    reply.body = reply.body.size() > 2 ? reply.body.substr(0, reply.body.size() / 2) : std::string("{\"broken\": [1, 2");
                    reply.headers.clear();
                    reply.headers.emplace_back("Content-Type", "application/json");
                    break;
                }
                }
            } else {
                reply = m_shared->handle(req);
            }
            const QByteArray body = QByteArray::fromStdString(reply.body);
            s->write(head(reply, body.size(), close));
            s->write(body);
            if (close) {
                s->disconnectFromHost();
                return;
            }
        }
        s->setProperty("buffer", buf);
    }

    std::shared_ptr<Shared> m_shared;
    QTcpServer* m_server = nullptr;
};

FakeHttpServer::FakeHttpServer(FakeHandler handler) : m_shared(std::make_shared<Shared>())
{
    m_shared->handler = std::move(handler);
}

FakeHttpServer::~FakeHttpServer()
{
    if (m_thread) {
        QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->shutdown(); }, Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
        delete m_worker;
        delete m_thread;
    }
}

bool FakeHttpServer::start(std::uint16_t port)
{
    if (m_thread)
        return m_port != 0;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("FakeHttpServer"));
    m_worker = new Worker(m_shared);
    m_worker->moveToThread(m_thread);
    m_thread->start();
    std::uint16_t bound = 0;
    QMetaObject::invokeMethod(m_worker, [&] { bound = m_worker->listen(port); }, Qt::BlockingQueuedConnection);
    m_port = bound;
    return m_port != 0;
}

std::uint16_t FakeHttpServer::port() const { return m_port; }

std::string FakeHttpServer::baseUrl() const { return "http://127.0.0.1:" + std::to_string(m_port); }

void FakeHttpServer::setHandler(FakeHandler handler)
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    m_shared->handler = std::move(handler);
}

void FakeHttpServer::failWithStatus(int times, int status, FakeMatch match, std::string retryAfter, std::string body,
                                    std::vector<std::pair<std::string, std::string>> headers)
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    Fault f{FaultKind::Status, times, std::move(match)};
    f.status = status;
    f.retryAfter = std::move(retryAfter);
    f.body = std::move(body);
    f.headers = std::move(headers);
    m_shared->faults.push_back(std::move(f));
}

void FakeHttpServer::throttle(int times, std::string retryAfter, FakeMatch match)
{
    failWithStatus(times, 429, std::move(match), std::move(retryAfter),
                   R"j({"message":"Rate exceeded (fake throttling)"})j", {{"Content-Type", "application/json"}});
}

void FakeHttpServer::stall(int times, FakeMatch match)
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    m_shared->faults.emplace_back(FaultKind::Stall, times, std::move(match));
}

void FakeHttpServer::reset(int times, FakeMatch match, bool afterHandler)
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    m_shared->faults.emplace_back(afterHandler ? FaultKind::ResetAfter : FaultKind::ResetBefore, times, std::move(match));
}

void FakeHttpServer::truncate(int times, FakeMatch match)
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    m_shared->faults.emplace_back(FaultKind::Truncate, times, std::move(match));
}

void FakeHttpServer::malformedJson(int times, FakeMatch match)
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    m_shared->faults.emplace_back(FaultKind::Malformed, times, std::move(match));
}

void FakeHttpServer::clearFaults()
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    m_shared->faults.clear();
}

int FakeHttpServer::pendingFaults() const
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    int n = 0;
    for (const Fault& f : m_shared->faults)
        n += f.remaining;
    return n;
}

std::vector<FakeRequest> FakeHttpServer::requests() const
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    return m_shared->log;
}

int FakeHttpServer::requestCount(const std::string& method, const std::string& pathPrefix) const
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    int n = 0;
    for (const FakeRequest& r : m_shared->log)
        if (matches({method, pathPrefix}, r))
            ++n;
    return n;
}

void FakeHttpServer::clearLog()
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    m_shared->log.clear();
}

int FakeHttpServer::connectionCount() const
{
    std::lock_guard<std::mutex> lock(m_shared->mutex);
    return m_shared->connections;
}

} // namespace qpilot::test
