// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/braket.cpp — the Amazon Braket client (makeBraketClient, providers.h): rest-json calls
// signed with SigV4 (service "braket"), results read from S3 (SigV4 service "s3"). Devices come from
// SearchDevices + GetDevice, tasks are CreateQuantumTask with the OpenQASM 3 action in Braket's
// dialect and our clientToken (Braket deduplicates on it, so the transport may re-send the POST
// after a dropped connection; findByClientToken searches SearchQuantumTasks for the task tagged
// with the token), GetQuantumTask polling, results.json from <outputS3Directory>, and cancel.
// Pure parsing lives in braket_json.cpp, signing in sigv4.cpp.
#include "core/cloud/braket_json.h"
#include "core/cloud/providers.h"
#include "core/cloud/sigv4.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QThread>
#include <QUuid>

#include <algorithm>
#include <cmath>

namespace qpilot::cloud {

namespace {

constexpr int kMaxPages = 50;
// GetDevice leaves out the OpenQASM capabilities unless the user agent announces BraketSchemas ≥ 1.8.0.
constexpr const char* kUserAgent = "Qpilot/" QPILOT_VERSION " BraketSchemas/1.22.0";

std::string awsRegionEndpoint(const std::string& region) { return "https://braket." + region + ".amazonaws.com"; }

class BraketClient final : public ProviderClient {
public:
    BraketClient(const Endpoints& endpoints, const Credentials& credentials, HttpTransport& transport,
                 const BraketOptions& options)
        : m_endpoints(endpoints), m_credentials(credentials), m_transport(transport), m_options(options)
    {
        if (m_endpoints.region.empty())
            m_endpoints.region = "us-east-1";
        // The results bucket may also come from the environment (pipelines, and front ends that do
        // not fill Endpoints::bucket).
        if (m_endpoints.bucket.empty())
            m_endpoints.bucket = qEnvironmentVariable("QPILOT_BRAKET_BUCKET").toStdString();
        while (!m_endpoints.api.empty() && m_endpoints.api.back() == '/')
            m_endpoints.api.pop_back();
        while (!m_endpoints.storage.empty() && m_endpoints.storage.back() == '/')
            m_endpoints.storage.pop_back();
    }

    Provider provider() const override { return Provider::Braket; }

    Result<std::vector<CloudDevice>> devices() override
    {
        std::vector<CloudDevice> out;
        std::string next;
        for (int page = 0; page < kMaxPages; ++page) {
            QJsonObject body{{"filters", QJsonArray{}}, {"maxResults", 100}};
            if (!next.empty())
                body.insert("nextToken", QString::fromStdString(next));
            auto reply = call("SearchDevices", "POST", m_endpoints.region, "/devices", {}, json(body), true);
            if (!reply)
                return reply.error();
            auto parsed = braket::parseSearchDevices(reply->body);
            if (!parsed)
                return parsed.error();
            for (const braket::DeviceInfo& summary : parsed->devices) {
                if (summary.device.status == "retired") {
                    out.push_back(summary.device);
                    continue;
                }
                auto detail = getDevice(summary.device.id);
                if (!detail)
                    return detail.error();
                out.push_back(detail->device);
            }
            next = parsed->nextToken;
            if (next.empty())
                break;
        }
        return out;
    }

    Result<RemoteStatus> submit(const SubmitRequest& request) override
    {
        if (auto e = checkCredentials())
            return *e;
        if (request.clientToken.empty() || request.clientToken.size() > 64)
            return Error{"Amazon Braket: the client token must be 1 to 64 characters (got "
                         + std::to_string(request.clientToken.size()) + ")"};
        if (request.shots <= 0)
            return Error{"Amazon Braket: shots must be positive (got " + std::to_string(request.shots) + ")"};
        if (m_endpoints.bucket.empty())
            return Error{"Amazon Braket: no S3 bucket for the results; set QPILOT_BRAKET_BUCKET (or the Braket bucket "
                         "setting). It must exist in the device's region; by convention its name starts with amazon-braket-"};
        auto program = braket::toBraketProgram(request.qasm, m_options.physicalQubits);
        if (!program)
            return Error{"Amazon Braket: " + program.error().message};
        auto device = getDevice(request.deviceId);
        if (!device)
            return device.error();
        if (device->device.status == "retired")
            return Error{"Amazon Braket: device " + request.deviceId + " is retired"};
        if (auto e = braket::checkSupported(program.value(), device.value()))
            return *e;
        if (device->shotsRange && (request.shots < device->shotsRange->first || request.shots > device->shotsRange->second))
            return Error{"Amazon Braket: " + std::to_string(request.shots) + " shots is outside the device's range "
                         + std::to_string(device->shotsRange->first) + "–" + std::to_string(device->shotsRange->second)};
        braket::CreateTaskInput in;
        in.clientToken = request.clientToken;
        in.deviceArn = request.deviceId;
        in.deviceType = device->deviceType;
        in.providerName = device->providerName;
        in.shots = request.shots;
        in.bucket = m_endpoints.bucket;
        in.keyPrefix = m_options.keyPrefix;
        in.program = program.value();
        in.physicalQubits = m_options.physicalQubits;
        in.tags = request.tags;
        // Braket deduplicates CreateQuantumTask on clientToken, so a re-send after a lost reply
        // returns the same task: the request is idempotent for the transport.
        auto reply = call("CreateQuantumTask", "POST", regionFor(request.deviceId), "/quantum-task", {},
                          braket::createTaskBody(in), true);
        if (!reply)
            return reply.error();
        auto arn = braket::parseCreateTaskReply(reply->body);
        if (!arn)
            return arn.error();
        RemoteStatus s;
        s.state = JobState::Queued;
        s.providerJobId = arn.value();
        return s;
    }

    Result<std::optional<std::string>> findByClientToken(const std::string& deviceId, const std::string& clientToken) override
    {
        if (auto e = checkCredentials())
            return *e;
        std::string next;
        for (int page = 0; page < kMaxPages; ++page) {
            QJsonObject body{{"filters", QJsonArray{QJsonObject{{"name", "deviceArn"},
                                                                {"operator", "EQUAL"},
                                                                {"values", QJsonArray{QString::fromStdString(deviceId)}}}}},
                             {"maxResults", 100}};
            if (!next.empty())
                body.insert("nextToken", QString::fromStdString(next));
            auto reply = call("SearchQuantumTasks", "POST", regionFor(deviceId), "/quantum-tasks", {}, json(body), true);
            if (!reply)
                return reply.error();
            auto parsed = braket::parseSearchTasks(reply->body);
            if (!parsed)
                return parsed.error();
            for (const braket::TaskInfo& t : parsed->tasks)
                if (t.clientTokenTag == clientToken)
                    return std::optional<std::string>(t.status.providerJobId);
            next = parsed->nextToken;
            if (next.empty())
                break;
        }
        return std::optional<std::string>();
    }

    Result<RemoteStatus> status(const std::string& providerJobId) override
    {
        auto task = getTask(providerJobId);
        if (!task)
            return task.error();
        return task->status;
    }

    Result<JobResult> result(const std::string& providerJobId) override
    {
        auto task = getTask(providerJobId);
        if (!task)
            return task.error();
        if (task->status.state != JobState::Completed)
            return Error{"Amazon Braket: task " + providerJobId + " is " + jobStateKey(task->status.state)
                         + "; results exist only for completed tasks"
                         + (task->status.message.empty() ? std::string() : " (" + task->status.message + ")")};
        std::string key = task->directory;
        while (!key.empty() && key.back() == '/')
            key.pop_back();
        key += "/results.json";
        auto reply = s3Get(task->bucket, key, regionFor(providerJobId));
        if (!reply)
            return reply.error();
        return braket::parseResults(reply->body);
    }

    std::optional<Error> cancel(const std::string& providerJobId) override
    {
        if (auto e = checkCredentials())
            return e;
        const QJsonObject body{{"clientToken", QUuid::createUuid().toString(QUuid::WithoutBraces)}};
        auto reply = call("CancelQuantumTask", "PUT", regionFor(providerJobId),
                          "/quantum-task/" + braket::encodePathParameter(providerJobId) + "/cancel", {}, json(body), true);
        if (!reply)
            return reply.error();
        const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(reply->body));
        const QString st = doc.object().value("cancellationStatus").toString();
        if (st != "CANCELLING" && st != "CANCELLED")
            return Error{"Amazon Braket CancelQuantumTask reply: field 'cancellationStatus' is '" + st.toStdString()
                         + "', expected CANCELLING or CANCELLED"};
        return std::nullopt;
    }

private:
    static std::string json(const QJsonObject& o) { return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString(); }

    std::optional<Error> checkCredentials() const
    {
        if (m_credentials.accessKeyId.empty() || m_credentials.secretAccessKey.empty())
            return Error{"Amazon Braket: no AWS credentials (access key id and secret access key); run `qpilot cloud login braket`"};
        return std::nullopt;
    }

    bool customApi() const { return !m_endpoints.api.empty() && m_endpoints.api != awsRegionEndpoint(m_endpoints.region); }

    // The region to sign for and send to: the one an ARN names on AWS's own endpoints; a custom
    // endpoint lives in the configured region.
    std::string regionFor(const std::string& arn) const
    {
        const std::string r = braket::arnRegion(arn);
        return customApi() || r.empty() ? m_endpoints.region : r;
    }

    std::string apiBase(const std::string& region) const
    {
        return customApi() ? m_endpoints.api : awsRegionEndpoint(region);
    }

    QDateTime now() const { return m_options.clock ? m_options.clock().toUTC() : QDateTime::currentDateTimeUtc(); }

    static std::string authority(const QUrl& url)
    {
        std::string host = url.host(QUrl::FullyEncoded).toStdString();
        if (host.find(':') != std::string::npos)
            host = "[" + host + "]";
        const int port = url.port();
        const int standard = url.scheme() == "https" ? 443 : 80;
        if (port != -1 && port != standard)
            host += ":" + std::to_string(port);
        return host;
    }

    // Signs and sends; a non-2xx reply becomes an Error with the service's message.
    Result<HttpResponse> send(const std::string& operation, const std::string& method, const std::string& url,
                              const std::string& wirePath, const std::string& query, const std::string& body,
                              const std::string& region, const std::string& service, bool idempotent,
                              bool jsonBody)
    {
        if (auto e = checkCredentials())
            return *e;
        const QUrl parsed(QString::fromStdString(url));
        sigv4::Request r;
        r.method = method;
        r.path = wirePath;
        r.query = query;
        r.headers.emplace_back("Host", authority(parsed));
        if (jsonBody)
            r.headers.emplace_back("Content-Type", "application/json");
        r.payloadHash = sigv4::payloadHash(body);
        const sigv4::Scope scope{sigv4::amzDate(now()), region, service};
        const auto signedHeaders = sigv4::signRequest(r, scope, m_credentials.accessKeyId, m_credentials.secretAccessKey,
                                                      m_credentials.sessionToken);
        HttpRequest http;
        http.method = method;
        http.url = url;
        http.headers = signedHeaders.headers;
        http.headers.emplace_back("User-Agent", kUserAgent);
        if (jsonBody)
            http.headers.emplace_back("Accept", "application/json");
        http.body = body;
        http.idempotent = idempotent;
        // The transport retries 429 and 502/503/504; AWS's retry policy also retries 500
        // (InternalServiceException) for requests that are safe to repeat.
        const RetryPolicy& policy = m_transport.policy();
        int attempts = 0;
        for (int round = 0;; ++round) {
            auto reply = m_transport.send(http);
            if (!reply)
                return Error{"Amazon Braket " + operation + ": " + reply.error().message};
            attempts += std::max(1, reply->attempts);
            if (reply->status == 500 && idempotent && attempts < policy.maxAttempts) {
                const double delay = std::min(policy.maxDelaySeconds, policy.baseDelaySeconds * std::pow(2.0, round));
                QThread::msleep(static_cast<unsigned long>(delay * 1000));
                continue;
            }
            if (reply->status < 200 || reply->status >= 300) {
                HttpResponse failed = reply.value();
                failed.attempts = attempts;
                return braket::serviceError(operation, failed);
            }
            return reply;
        }
    }

    Result<HttpResponse> call(const std::string& operation, const std::string& method, const std::string& region,
                              const std::string& wirePath, const std::string& query, const std::string& body, bool idempotent)
    {
        std::string url = apiBase(region) + wirePath + (query.empty() ? "" : "?" + query);
        // A custom endpoint may carry a path prefix; the signed path is the whole path sent.
        const std::string fullPath = QUrl(QString::fromStdString(apiBase(region))).path(QUrl::FullyEncoded).toStdString() + wirePath;
        return send(operation, method, url, fullPath, query, body, region, "braket", idempotent,
                    method != "GET");
    }

    Result<HttpResponse> s3Get(const std::string& bucket, const std::string& key, const std::string& region)
    {
        const std::string encodedKey = sigv4::uriEncode(key, true);
        std::string url, path;
        if (m_endpoints.storage.empty()) {
            url = "https://" + bucket + ".s3." + region + ".amazonaws.com/" + encodedKey;
            path = "/" + encodedKey;
        } else {
            // Path-style addressing on a custom S3 endpoint.
            path = QUrl(QString::fromStdString(m_endpoints.storage)).path(QUrl::FullyEncoded).toStdString() + "/"
                   + sigv4::uriEncode(bucket, false) + "/" + encodedKey;
            url = m_endpoints.storage + "/" + sigv4::uriEncode(bucket, false) + "/" + encodedKey;
        }
        const std::string s3Region = m_endpoints.storage.empty() ? region : m_endpoints.region;
        auto reply = send("S3 GetObject s3://" + bucket + "/" + key, "GET", url, path, {}, {}, s3Region, "s3", true, false);
        return reply;
    }

    Result<braket::DeviceInfo> getDevice(const std::string& arn)
    {
        if (arn.empty())
            return Error{"Amazon Braket: no device ARN given"};
        auto reply = call("GetDevice " + arn, "GET", regionFor(arn), "/device/" + braket::encodePathParameter(arn), {}, {}, true);
        if (!reply)
            return reply.error();
        return braket::parseDevice(reply->body, "GetDevice reply");
    }

    Result<braket::TaskInfo> getTask(const std::string& arn)
    {
        if (arn.empty())
            return Error{"Amazon Braket: no quantum task ARN given"};
        auto reply = call("GetQuantumTask " + arn, "GET", regionFor(arn), "/quantum-task/" + braket::encodePathParameter(arn),
                          "additionalAttributeNames=QueueInfo", {}, true);
        if (!reply)
            return reply.error();
        return braket::parseGetTask(reply->body);
    }

    Endpoints m_endpoints;
    Credentials m_credentials;
    HttpTransport& m_transport;
    BraketOptions m_options;
};

} // namespace

std::unique_ptr<ProviderClient> makeBraketClient(const Endpoints& endpoints, const Credentials& credentials,
                                                 HttpTransport& transport, const BraketOptions& options)
{
    return std::make_unique<BraketClient>(endpoints, credentials, transport, options);
}

std::unique_ptr<ProviderClient> makeBraketClient(const Endpoints& endpoints, const Credentials& credentials,
                                                 HttpTransport& transport)
{
    return makeBraketClient(endpoints, credentials, transport, BraketOptions{});
}

} // namespace qpilot::cloud
