// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/http.cpp — HttpTransport: blocking HTTP over QNetworkAccessManager for the cloud
// clients. Each attempt runs in a local QEventLoop bounded by an inactivity timer (a stalled reply
// is aborted) and a cancel check; 429 (honouring Retry-After), 502/503/504, timeouts and dropped
// connections are retried with jittered exponential backoff. A non-idempotent request is never
// re-sent once it may have reached the server. TLS errors are fatal; plain http:// only to loopback.
#include "core/cloud/cloud.h"

#include <QDateTime>
#include <QEventLoop>
#include <QHostAddress>
#include <QIODevice>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimeZone>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>

namespace qpilot::cloud {

std::string HttpResponse::header(const std::string& lowerName) const
{
    for (const auto& [name, value] : headers)
        if (name == lowerName)
            return value;
    return {};
}

std::optional<double> parseRetryAfter(const std::string& value, std::int64_t nowUtcSecs)
{
    const QString v = QString::fromStdString(value).trimmed();
    if (v.isEmpty())
        return std::nullopt;
    bool isNumber = true;
    for (QChar c : v)
        if (!c.isDigit())
            isNumber = false;
    if (isNumber) {
        bool ok = false;
        const qlonglong secs = v.toLongLong(&ok);
        if (!ok)
            return std::nullopt;
        return static_cast<double>(secs);
    }
    // HTTP-date (RFC 9110 §5.6.7): IMF-fixdate, plus the obsolete RFC 850 and asctime forms.
    const QLocale c = QLocale::c();
    QDateTime at;
    for (const char* fmt : {"ddd, dd MMM yyyy HH:mm:ss 'GMT'", "dddd, dd-MMM-yy HH:mm:ss 'GMT'", "ddd MMM d HH:mm:ss yyyy",
                            "ddd MMM  d HH:mm:ss yyyy"}) {
        at = c.toDateTime(v, QString::fromLatin1(fmt));
        if (at.isValid())
            break;
    }
    if (!at.isValid())
        return std::nullopt;
    at.setTimeZone(QTimeZone::utc());
    if (at.date().year() < 100) // RFC 850 two-digit years
        at = at.addYears(at.date().year() < 70 ? 2000 : 1900);
    const std::int64_t delta = at.toSecsSinceEpoch() - nowUtcSecs;
    return static_cast<double>(std::max<std::int64_t>(0, delta));
}

namespace {

bool isLoopbackHost(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

// The request body as a device that can be read once and never rewound. Qt's HTTP channel
// silently re-sends a request whose connection closed before any reply byte arrived (even a
// POST); with a body it cannot rewind, that re-send fails with ContentReSendError instead, so
// every send on the wire is one attempt this transport counts and decides on.
class OnceBody : public QIODevice {
public:
    explicit OnceBody(QByteArray data) : m_data(std::move(data)) { open(QIODevice::ReadOnly); }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    bool seek(qint64) override { return false; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }
    qint64 size() const override { return m_data.size(); }
    bool atEnd() const override { return m_pos >= m_data.size() && QIODevice::bytesAvailable() == 0; }

protected:
    qint64 readData(char* out, qint64 max) override
    {
        const qint64 n = std::min<qint64>(max, m_data.size() - m_pos);
        if (n <= 0)
            return m_pos >= m_data.size() ? -1 : 0;
        std::copy_n(m_data.constData() + m_pos, n, out);
        m_pos += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

// Error unless `url` is https:// or http:// to a loopback host.
std::optional<Error> checkUrl(const std::string& url)
{
    const QUrl u(QString::fromStdString(url), QUrl::StrictMode);
    if (!u.isValid() || u.host().isEmpty())
        return Error("invalid URL '" + url + "': " + u.errorString().toStdString());
    if (u.scheme() == QLatin1String("https"))
        return std::nullopt;
    if (u.scheme() == QLatin1String("http") && isLoopbackHost(u.host()))
        return std::nullopt;
    if (u.scheme() == QLatin1String("http"))
        return Error("refusing plain http:// to '" + u.host().toStdString() + "' (" + url
                     + "): cloud endpoints must use https:// (plain http is only allowed to 127.0.0.1/localhost)");
    return Error("unsupported URL scheme in '" + url + "': use https://");
}

enum class Outcome { Reply, Cancelled, TimedOut, Refused, Dropped, Tls, OtherFatal };

struct Attempt {
    Outcome outcome = Outcome::Reply;
    HttpResponse response;
    std::string detail;            // network error text
};

} // namespace

std::optional<Error> checkEndpointUrl(const std::string& url); // cloud.cpp uses the same rule
std::optional<Error> checkEndpointUrl(const std::string& url) { return checkUrl(url); }

struct HttpTransport::Impl {
    RetryPolicy policy;
    std::vector<double> waits;
    std::mt19937_64 rng;
    QNetworkAccessManager nam;
    bool lastMaybeDelivered = false;

    Attempt once(const HttpRequest& request, const std::atomic<bool>* cancel)
    {
        QNetworkRequest req{QUrl(QString::fromStdString(request.url))};
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
        req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
        req.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
        req.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
        req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        req.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("qpilot/" QPILOT_VERSION));
        for (const auto& [name, value] : request.headers)
            req.setRawHeader(QByteArray::fromStdString(name), QByteArray::fromStdString(value));
        if (!request.idempotent) // one request per connection: nothing queued behind a POST that may be replayed
            req.setRawHeader("Connection", "close");

        req.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        req.setHeader(QNetworkRequest::ContentLengthHeader, static_cast<qint64>(request.body.size()));
        OnceBody body(QByteArray::fromStdString(request.body));
        QNetworkReply* reply = nam.sendCustomRequest(req, QByteArray::fromStdString(request.method), &body);

        QEventLoop loop;
        QTimer inactivity;
        inactivity.setSingleShot(true);
        QTimer cancelPoll;
        bool timedOut = false, cancelled = false;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QObject::connect(&inactivity, &QTimer::timeout, &loop, [&] { timedOut = true; reply->abort(); });
        const int timeoutMs = static_cast<int>(std::max(1.0, policy.timeoutSeconds * 1000.0));
        auto restart = [&] { inactivity.start(timeoutMs); };
        QObject::connect(reply, &QNetworkReply::downloadProgress, &loop, restart);
        QObject::connect(reply, &QNetworkReply::uploadProgress, &loop, restart);
        if (cancel) {
            QObject::connect(&cancelPoll, &QTimer::timeout, &loop, [&] {
                if (cancel->load()) {
                    cancelled = true;
                    reply->abort();
                }
            });
            cancelPoll.start(50);
        }
        // TLS errors: nothing calls ignoreSslErrors(), so the handshake fails and the reply
        // finishes with an SSL error, which is reported as fatal below.
        restart();
        if (!reply->isFinished())
            loop.exec();
        inactivity.stop();
        cancelPoll.stop();

        Attempt a;
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        const QNetworkReply::NetworkError err = reply->error();
        a.detail = reply->errorString().toStdString();
        if (cancelled) {
            a.outcome = Outcome::Cancelled;
        } else if (timedOut) {
            a.outcome = Outcome::TimedOut;
        } else if (err == QNetworkReply::NoError || (status.isValid() && err >= QNetworkReply::ContentAccessDenied)) {
            // An HTTP reply arrived (Qt also flags 4xx/5xx as errors; those are ordinary replies here).
            a.outcome = Outcome::Reply;
        } else if (err == QNetworkReply::ConnectionRefusedError || err == QNetworkReply::HostNotFoundError) {
            a.outcome = Outcome::Refused;
        } else if (err == QNetworkReply::SslHandshakeFailedError || err == QNetworkReply::InsecureRedirectError) {
            a.outcome = Outcome::Tls;
        } else if (err == QNetworkReply::RemoteHostClosedError || err == QNetworkReply::TimeoutError
                   || err == QNetworkReply::TemporaryNetworkFailureError || err == QNetworkReply::NetworkSessionFailedError
                   || err == QNetworkReply::UnknownNetworkError || err == QNetworkReply::ProxyConnectionClosedError
                   || err == QNetworkReply::OperationCanceledError || err == QNetworkReply::ContentReSendError) {
            a.outcome = Outcome::Dropped;
        } else if (status.isValid()) {
            a.outcome = Outcome::Reply;
        } else {
            a.outcome = Outcome::OtherFatal;
        }
        if (a.outcome == Outcome::Reply) {
            a.response.status = status.toInt();
            for (const auto& pair : reply->rawHeaderPairs())
                a.response.headers.emplace_back(pair.first.toLower().toStdString(), pair.second.toStdString());
            a.response.body = reply->readAll().toStdString();
        }
        delete reply;
        return a;
    }

    // Waits `seconds` unless cancelled; false when cancelled.
    bool wait(double seconds, const std::atomic<bool>* cancel)
    {
        waits.push_back(seconds);
        if (seconds <= 0)
            return !(cancel && cancel->load());
        QEventLoop loop;
        QTimer done;
        done.setSingleShot(true);
        QObject::connect(&done, &QTimer::timeout, &loop, &QEventLoop::quit);
        QTimer poll;
        bool cancelled = false;
        if (cancel) {
            QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
                if (cancel->load()) {
                    cancelled = true;
                    loop.quit();
                }
            });
            poll.start(20);
        }
        done.start(static_cast<int>(std::lround(seconds * 1000.0)));
        if (!(cancel && cancel->load()))
            loop.exec();
        else
            cancelled = true;
        return !cancelled;
    }

    // base·2^retry, capped, jittered uniformly within ±50 %.
    double backoff(int retry)
    {
        const double raw = std::min(policy.maxDelaySeconds, policy.baseDelaySeconds * std::pow(2.0, retry));
        std::uniform_real_distribution<double> jitter(0.5, 1.5);
        return std::min(policy.maxDelaySeconds, raw * jitter(rng));
    }
};

HttpTransport::HttpTransport(RetryPolicy policy) : d(std::make_unique<Impl>())
{
    d->policy = policy;
    const std::uint64_t seed = policy.jitterSeed != 0
                                   ? policy.jitterSeed
                                   : static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    d->rng.seed(seed);
    d->nam.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

HttpTransport::~HttpTransport() = default;

const RetryPolicy& HttpTransport::policy() const { return d->policy; }
const std::vector<double>& HttpTransport::waits() const { return d->waits; }
bool HttpTransport::lastFailureMaybeDelivered() const { return d->lastMaybeDelivered; }

Result<HttpResponse> HttpTransport::send(const HttpRequest& request, const std::atomic<bool>* cancel)
{
    d->lastMaybeDelivered = false;
    const std::string what = request.method + " " + request.url;
    if (std::optional<Error> bad = checkUrl(request.url))
        return Error(what + ": " + bad->message);
    const int maxAttempts = std::max(1, d->policy.maxAttempts);
    std::string lastProblem;
    for (int attempt = 1;; ++attempt) {
        if (cancel && cancel->load())
            return Error(what + ": cancelled");
        Attempt a = d->once(request, cancel);
        a.response.attempts = attempt;
        const std::string attempts = " (" + std::to_string(attempt) + (attempt == 1 ? " attempt)" : " attempts)");
        std::optional<double> delay; // set: retry after this wait
        switch (a.outcome) {
        case Outcome::Cancelled:
            d->lastMaybeDelivered = true;
            return Error(what + ": cancelled");
        case Outcome::Tls:
            return Error(what + ": TLS error, the connection is not trusted (" + a.detail
                         + "); certificate errors are never ignored");
        case Outcome::OtherFatal:
            return Error(what + ": " + a.detail);
        case Outcome::Refused:
            lastProblem = "cannot connect (" + a.detail + ")";
            delay = d->backoff(attempt - 1); // nothing was sent: safe for every method
            break;
        case Outcome::TimedOut:
        case Outcome::Dropped:
            lastProblem = a.outcome == Outcome::TimedOut
                              ? "no reply within " + std::to_string(static_cast<int>(d->policy.timeoutSeconds)) + " s (stalled reply aborted)"
                              : "connection reset or closed before the reply was complete (" + a.detail + ")";
            if (!request.idempotent) {
                d->lastMaybeDelivered = true;
                return Error(what + ": " + lastProblem + attempts
                             + "; the request may have reached the server, so it is not re-sent");
            }
            delay = d->backoff(attempt - 1);
            break;
        case Outcome::Reply: {
            const int s = a.response.status;
            const bool throttled = s == 429;
            const bool gateway = s == 502 || s == 503 || s == 504;
            if (!throttled && !(gateway && request.idempotent))
                return a.response;
            const std::string retryAfter = a.response.header("retry-after");
            if (!retryAfter.empty()) {
                const std::optional<double> ra = parseRetryAfter(retryAfter, QDateTime::currentSecsSinceEpoch());
                if (ra && *ra > d->policy.maxRetryAfterSeconds)
                    return Error(what + ": HTTP " + std::to_string(s) + ", the server asks to retry after "
                                 + std::to_string(static_cast<long long>(*ra)) + " s (more than the "
                                 + std::to_string(static_cast<long long>(d->policy.maxRetryAfterSeconds))
                                 + " s limit); try again later");
                if (ra)
                    delay = *ra;
            }
            if (!delay)
                delay = d->backoff(attempt - 1);
            if (attempt >= maxAttempts)
                return a.response; // the caller reports the final status with its body
            break;
        }
        }
        if (attempt >= maxAttempts)
            return Error(what + ": " + lastProblem + attempts);
        if (!d->wait(*delay, cancel))
            return Error(what + ": cancelled");
    }
}

} // namespace qpilot::cloud
