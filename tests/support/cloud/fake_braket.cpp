// SPDX-License-Identifier: GPL-3.0-or-later
// tests/support/cloud/fake_braket.cpp — the loopback Amazon Braket + S3 fake (see fake_braket.h).
#include "support/cloud/fake_braket.h"

#include "core/circuit/dialects.h"
#include "core/cloud/sigv4.h"
#include "core/common/hash.h"
#include "core/sim/simulator.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>
#include <map>
#include <set>

namespace qpilot::test {

namespace {

struct FakeDevice {
    std::string arn, name, type, provider, status;
    int qubits = 0;
    int queue = 0;
    std::vector<std::string> operations, native;
};

std::vector<FakeDevice> fakeDevices()
{
    const std::vector<std::string> sim = {"ccnot", "cnot", "cphaseshift", "cswap", "cy", "cz", "ecr", "h", "i", "iswap",
                                          "phaseshift", "rx", "ry", "rz", "s", "si", "swap", "t", "ti", "v", "vi",
                                          "x", "xx", "y", "yy", "z", "zz"};
    const std::vector<std::string> ionq = {"x", "y", "z", "rx", "ry", "rz", "h", "cnot", "s", "si", "t", "ti", "v", "vi",
                                           "xx", "yy", "zz", "swap"};
    return {
        {kFakeSv1, "SV1", "SIMULATOR", "Amazon Braket", "ONLINE", 34, 0, sim, {}},
        {kFakeForte, "Forte-1", "QPU", "IonQ", "ONLINE", 36, 12, ionq, {"GPi", "GPi2", "ZZ"}},
        {kFakeGarnet, "Garnet", "QPU", "IQM", "OFFLINE", 20, 0, {"ccnot", "cnot", "cphaseshift", "cz", "prx", "h", "x", "rx", "ry", "rz"}, {"cz", "prx"}},
        {kFakeAspen, "Aspen-M-3", "QPU", "Rigetti", "RETIRED", 79, 0, {"cz", "rx", "rz"}, {"cz", "rx", "rz"}},
    };
}

struct FakeTask {
    std::string arn, uuid, deviceArn, clientToken, status = "CREATED", failureReason, directory, createdAt, endedAt;
    std::string actionJson, source, requestFingerprint;
    int shots = 0;
    int polls = 0;
    std::uint64_t seed = 0;
    bool failOnRun = false;
    QJsonObject tags;
};

std::string nowIso() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString(); }

FakeReply awsError(int status, const std::string& type, const std::string& message)
{
    FakeReply r = FakeReply::json(status, QJsonDocument(QJsonObject{{"message", QString::fromStdString(message)}})
                                              .toJson(QJsonDocument::Compact)
                                              .toStdString());
    r.headers.emplace_back("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/com.amazon.braket/");
    return r;
}

FakeReply s3Error(int status, const std::string& code, const std::string& message)
{
    FakeReply r = FakeReply::text(status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                                              + message + "</Message><RequestId>FAKE</RequestId></Error>");
    r.headers.emplace_back("Content-Type", "application/xml");
    return r;
}

std::string json(const QJsonObject& o) { return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString(); }

// An independent SigV4 implementation (Qt's percent-encoding and HMAC, none of core/cloud/sigv4),
// so that a canonicalisation bug in the client cannot be mirrored by the fake.
QByteArray hmacSha256(const QByteArray& key, const QByteArray& data)
{
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
}

std::string fakeSignature(const FakeRequest& req, const std::vector<std::string>& signedList, const std::string& amzDate,
                          const std::string& region, const std::string& service, const std::string& payloadHash,
                          const std::string& secret)
{
    QByteArray uri;
    if (service == "s3") {
        uri = QByteArray::fromStdString(req.path);
    } else {
        // Non-S3 services encode the path as sent once more: every byte but unreserved and '/'.
        uri = QByteArray::fromStdString(req.path).toPercentEncoding("/", QByteArray(), '%');
    }
    QList<QPair<QByteArray, QByteArray>> params;
    for (const QByteArray& part : QByteArray::fromStdString(req.query).split('&')) {
        if (part.isEmpty())
            continue;
        const int eq = part.indexOf('=');
        const QByteArray name = eq < 0 ? part : part.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : part.mid(eq + 1);
        params.append({QByteArray::fromPercentEncoding(name).toPercentEncoding(),
                       QByteArray::fromPercentEncoding(value).toPercentEncoding()});
    }
    std::sort(params.begin(), params.end());
    QByteArray query;
    for (const auto& [n, v] : params)
        query += (query.isEmpty() ? "" : "&") + n + "=" + v;
    QByteArray headers, names;
    std::vector<std::string> sorted = signedList;
    std::sort(sorted.begin(), sorted.end());
    for (const std::string& h : sorted) {
        headers += QByteArray::fromStdString(h) + ":" + QString::fromStdString(req.header(h)).simplified().toUtf8() + "\n";
        names += (names.isEmpty() ? "" : ";") + QByteArray::fromStdString(h);
    }
    const QByteArray canonical = QByteArray::fromStdString(req.method) + "\n" + uri + "\n" + query + "\n" + headers + "\n"
                                 + names + "\n" + QByteArray::fromStdString(payloadHash);
    const QByteArray date = QByteArray::fromStdString(amzDate.substr(0, 8));
    const QByteArray scope = date + "/" + QByteArray::fromStdString(region) + "/" + QByteArray::fromStdString(service) + "/aws4_request";
    const QByteArray toSign = "AWS4-HMAC-SHA256\n" + QByteArray::fromStdString(amzDate) + "\n" + scope + "\n"
                              + QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex();
    QByteArray key = hmacSha256("AWS4" + QByteArray::fromStdString(secret), date);
    key = hmacSha256(key, QByteArray::fromStdString(region));
    key = hmacSha256(key, QByteArray::fromStdString(service));
    key = hmacSha256(key, "aws4_request");
    return hmacSha256(key, toSign).toHex().toStdString();
}

} // namespace

struct FakeBraket::State {
    FakeBraketConfig config;
    std::string baseUrl;
    mutable std::mutex mutex;
    std::vector<FakeDevice> devices = fakeDevices();
    std::vector<FakeTask> tasks;
    std::map<std::string, std::string> objects;   // "<bucket>/<key>" → body
    std::vector<std::string> rejections;
    std::string failNext;
    int createRequests = 0;

    FakeReply reject(FakeReply r, const std::string& type, const std::string& message)
    {
        rejections.push_back(std::to_string(r.status) + " " + type + ": " + message);
        return r;
    }
    FakeReply error(int status, const std::string& type, const std::string& message)
    {
        return reject(awsError(status, type, message), type, message);
    }

    // SigV4 verification; an empty optional means the request is authentic.
    std::optional<FakeReply> verify(const FakeRequest& req, const std::string& service)
    {
        const bool s3 = service == "s3";
        auto fail = [&](int status, const std::string& type, const std::string& s3code, const std::string& message) {
            return s3 ? reject(s3Error(status, s3code, message), s3code, message) : error(status, type, message);
        };
        const std::string header = req.header("authorization");
        if (header.empty())
            return fail(403, "MissingAuthenticationTokenException", "AccessDenied", "Missing Authentication Token");
        auto auth = cloud::sigv4::parseAuthorization(header);
        if (!auth)
            return fail(403, "IncompleteSignatureException", "AuthorizationHeaderMalformed", auth.error().message);
        if (auth->accessKeyId != config.accessKeyId)
            return fail(403, "UnrecognizedClientException", "InvalidAccessKeyId",
                        "The security token included in the request is invalid.");
        const std::string amzDate = req.header("x-amz-date");
        const QDateTime when = QDateTime::fromString(QString::fromStdString(amzDate), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
        if (amzDate.empty() || !when.isValid())
            return fail(400, "IncompleteSignatureException", "AuthorizationHeaderMalformed", "X-Amz-Date is missing or malformed");
        QDateTime utc = when;
        utc.setTimeZone(QTimeZone::utc());
        const qint64 skew = std::llabs(utc.secsTo(QDateTime::currentDateTimeUtc()));
        if (skew > config.maxSkewSeconds)
            return fail(403, "InvalidSignatureException", "RequestTimeTooSkewed",
                        "Signature expired: " + amzDate + " is now earlier or later than the server time by "
                            + std::to_string(skew) + " seconds (more than 5 min.)");
        if (auth->scope.amzDate != amzDate.substr(0, 8))
            return fail(403, "InvalidSignatureException", "AuthorizationHeaderMalformed",
                        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                            + auth->scope.amzDate + "' != '" + amzDate.substr(0, 8) + "'");
        if (auth->scope.region != config.region)
            return fail(403, "InvalidSignatureException", "AuthorizationHeaderMalformed",
                        "Credential should be scoped to a valid region, not '" + auth->scope.region + "'. ");
        if (auth->scope.service != service)
            return fail(403, "InvalidSignatureException", "AuthorizationHeaderMalformed",
                        "Credential should be scoped to correct service: '" + service + "'. ");
        const auto& signedList = auth->signedHeaders;
        auto isSigned = [&](const std::string& h) { return std::find(signedList.begin(), signedList.end(), h) != signedList.end(); };
        if (!isSigned("host") || !isSigned("x-amz-date"))
            return fail(403, "InvalidSignatureException", "AccessDenied", "host and x-amz-date must be signed headers");
        if (!config.sessionToken.empty()) {
            if (req.header("x-amz-security-token") != config.sessionToken || !isSigned("x-amz-security-token"))
                return fail(403, "UnrecognizedClientException", "InvalidToken", "The security token included in the request is invalid.");
        }
        std::string payload = sha256Hex(req.body);
        if (s3) {
            const std::string declared = req.header("x-amz-content-sha256");
            if (declared.empty())
                return fail(400, "", "InvalidRequest", "Missing required header for this request: x-amz-content-sha256");
            if (declared != "UNSIGNED-PAYLOAD" && declared != payload)
                return fail(400, "", "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.");
            payload = declared;
        }
        for (const std::string& h : signedList)
            if (!req.headers.count(h))
                return fail(403, "InvalidSignatureException", "AccessDenied", "signed header '" + h + "' is not in the request");
        const std::string expected = fakeSignature(req, signedList, amzDate, auth->scope.region, auth->scope.service, payload,
                                                   config.secretAccessKey);
        if (expected != auth->signature)
            return s3 ? reject(s3Error(403, "SignatureDoesNotMatch",
                                       "The request signature we calculated does not match the signature you provided. Check your key and signing method."),
                               "SignatureDoesNotMatch", "signature mismatch")
                      : error(403, "InvalidSignatureException",
                              "The request signature we calculated does not match the signature you provided. Check your AWS "
                              "Secret Access Key and signing method. Consult the service documentation for details.");
        return std::nullopt;
    }

    const FakeDevice* device(const std::string& arn) const
    {
        for (const FakeDevice& d : devices)
            if (d.arn == arn)
                return &d;
        return nullptr;
    }

    FakeTask* task(const std::string& arn)
    {
        for (FakeTask& t : tasks)
            if (t.arn == arn)
                return &t;
        return nullptr;
    }

    QJsonObject deviceSummary(const FakeDevice& d) const
    {
        return {{"deviceArn", QString::fromStdString(d.arn)}, {"deviceName", QString::fromStdString(d.name)},
                {"deviceType", QString::fromStdString(d.type)}, {"deviceStatus", QString::fromStdString(d.status)},
                {"providerName", QString::fromStdString(d.provider)}};
    }

    QJsonObject taskJson(const FakeTask& t) const
    {
        QJsonObject o{{"quantumTaskArn", QString::fromStdString(t.arn)},
                      {"deviceArn", QString::fromStdString(t.deviceArn)},
                      {"status", QString::fromStdString(t.status)},
                      {"shots", t.shots},
                      {"outputS3Bucket", QString::fromStdString(config.bucket)},
                      {"outputS3Directory", QString::fromStdString(t.directory)},
                      {"createdAt", QString::fromStdString(t.createdAt)},
                      {"tags", t.tags}};
        if (!t.endedAt.empty())
            o.insert("endedAt", QString::fromStdString(t.endedAt));
        if (!t.failureReason.empty())
            o.insert("failureReason", QString::fromStdString(t.failureReason));
        return o;
    }

    FakeReply searchDevices(const FakeRequest& req)
    {
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(req.body));
        if (!doc.isObject())
            return error(400, "ValidationException", "SearchDevices body must be a JSON object");
        const QJsonObject in = doc.object();
        if (in.contains("filters") && !in.value("filters").isArray())
            return error(400, "ValidationException", "filters must be a list");
        const int maxResults = in.value("maxResults").toInt(100);
        if (maxResults < 1 || maxResults > 100)
            return error(400, "ValidationException", "maxResults must be between 1 and 100");
        const int start = in.value("nextToken").toString("0").toInt();
        const int size = std::min(maxResults, config.pageSize);
        QJsonArray out;
        for (int i = start; i < static_cast<int>(devices.size()) && i < start + size; ++i)
            out.append(deviceSummary(devices[i]));
        QJsonObject reply{{"devices", out}};
        if (start + size < static_cast<int>(devices.size()))
            reply.insert("nextToken", QString::number(start + size));
        return FakeReply::json(200, json(reply));
    }

    FakeReply getDevice(const std::string& encodedArn)
    {
        // The ARN must arrive encoded once: no raw ':' or '/' and no double-encoded "%25".
        if (encodedArn.find(':') != std::string::npos || encodedArn.find('/') != std::string::npos
            || encodedArn.find("%25") != std::string::npos)
            return error(404, "ResourceNotFoundException", "Braket device '" + encodedArn + "' not found (the ARN must be percent-encoded once)");
        const std::string arn = cloud::sigv4::percentDecode(encodedArn);
        const FakeDevice* d = device(arn);
        if (!d)
            return error(404, "ResourceNotFoundException", "Braket device '" + arn + "' not found");
        QJsonArray ops, native;
        for (const auto& g : d->operations)
            ops.append(QString::fromStdString(g));
        for (const auto& g : d->native)
            native.append(QString::fromStdString(g));
        QJsonObject paradigm{{"braketSchemaHeader", QJsonObject{{"name", "braket.device_schema.gate_model_qpu_paradigm_properties"}, {"version", "1"}}},
                             {"qubitCount", d->qubits},
                             {"connectivity", QJsonObject{{"fullyConnected", true}, {"connectivityGraph", QJsonObject{}}}}};
        if (!native.isEmpty())
            paradigm.insert("nativeGateSet", native);
        const QJsonObject caps{
            {"service", QJsonObject{{"shotsRange", QJsonArray{d->type == "SIMULATOR" ? 0 : 1, 100000}},
                                    {"getTaskPollIntervalMillis", 50},
                                    {"executionWindows", QJsonArray{}}}},
            {"action", QJsonObject{{"braket.ir.openqasm.program",
                                    QJsonObject{{"version", QJsonArray{"1"}}, {"actionType", "braket.ir.openqasm.program"},
                                                {"supportedOperations", ops}}}}},
            {"paradigm", paradigm}};
        QJsonObject o = deviceSummary(*d);
        o.insert("deviceCapabilities", QString::fromStdString(json(caps)));
        o.insert("deviceQueueInfo", QJsonArray{QJsonObject{{"queue", "QUANTUM_TASKS_QUEUE"}, {"queueSize", QString::number(d->queue)},
                                                           {"queuePriority", "Normal"}},
                                               QJsonObject{{"queue", "JOBS_QUEUE"}, {"queueSize", "0"}}});
        return FakeReply::json(200, json(o));
    }

    // Checks a program against Braket's dialect and the device's operations; "" when accepted.
    std::string checkProgram(const std::string& source, const FakeDevice& d) const
    {
        if (source.rfind("OPENQASM 3", 0) != 0)
            return "program must start with 'OPENQASM 3.0;'";
        static const QRegularExpression comment(QStringLiteral("//[^\n]*"));
        QString text = QString::fromStdString(source);
        text.remove(comment);
        for (QString stmt : text.split(';')) {
            stmt = stmt.trimmed();
            if (stmt.isEmpty() || stmt.startsWith("OPENQASM") || stmt.startsWith("qubit") || stmt.startsWith("bit")
                || stmt.startsWith("input ") || stmt.startsWith("measure") || stmt.contains("= measure") || stmt.startsWith("#pragma")
                || stmt.startsWith("barrier"))
                continue;
            if (stmt.startsWith("include"))
                return "include statements are not supported: Braket's OpenQASM uses built-in gate names (" + stmt.toStdString() + ")";
            static const QRegularExpression ident(QStringLiteral("^([A-Za-z_][A-Za-z0-9_]*)"));
            const auto m = ident.match(stmt);
            const std::string name = m.hasMatch() ? m.captured(1).toStdString() : stmt.toStdString();
            if (std::find(d.operations.begin(), d.operations.end(), name) == d.operations.end())
                return "gate '" + name + "' is not supported by device " + d.arn;
        }
        return {};
    }

    FakeReply createTask(const FakeRequest& req)
    {
        if (req.header("content-type").rfind("application/json", 0) != 0)
            return error(400, "ValidationException", "Content-Type must be application/json");
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(req.body));
        if (!doc.isObject())
            return error(400, "ValidationException", "the request body is not a JSON object");
        const QJsonObject in = doc.object();
        for (const char* field : {"clientToken", "deviceArn", "outputS3Bucket", "outputS3KeyPrefix", "action"})
            if (!in.value(field).isString())
                return error(400, "ValidationException", std::string("1 validation error detected: Value at '") + field
                                                             + "' failed to satisfy constraint: Member must not be null and must be a string");
        if (!in.value("shots").isDouble() || in.value("shots").toDouble() != std::floor(in.value("shots").toDouble()))
            return error(400, "ValidationException", "Value at 'shots' failed to satisfy constraint: Member must be an integer");
        const std::string token = in.value("clientToken").toString().toStdString();
        if (token.empty() || token.size() > 64)
            return error(400, "ValidationException", "clientToken must be 1 to 64 characters");
        const std::string arn = in.value("deviceArn").toString().toStdString();
        const int shots = in.value("shots").toInt();
        if (in.value("outputS3Bucket").toString().toStdString() != config.bucket)
            return error(400, "ValidationException", "Caller doesn't have access to amazon-braket bucket '"
                                                         + in.value("outputS3Bucket").toString().toStdString() + "' or it doesn't exist.");
        const QJsonDocument actionDoc = QJsonDocument::fromJson(in.value("action").toString().toUtf8());
        if (!actionDoc.isObject())
            return error(400, "ValidationException", "action is not a JSON document (it must be a JSON string inside the body)");
        const QJsonObject action = actionDoc.object();
        const QJsonObject header = action.value("braketSchemaHeader").toObject();
        if (header.value("name").toString() != "braket.ir.openqasm.program" || header.value("version").toString() != "1")
            return error(400, "ValidationException", "action braketSchemaHeader must be braket.ir.openqasm.program version 1");
        if (!action.value("source").isString())
            return error(400, "ValidationException", "action.source must be a string");
        if (in.contains("deviceParameters")) {
            if (!in.value("deviceParameters").isString() || !QJsonDocument::fromJson(in.value("deviceParameters").toString().toUtf8()).isObject())
                return error(400, "ValidationException", "deviceParameters must be a JSON document in a string");
        }
        const std::string source = action.value("source").toString().toStdString();
        const std::string fingerprint = arn + "|" + std::to_string(shots) + "|" + source;
        for (const FakeTask& t : tasks)
            if (t.clientToken == token) {
                if (t.requestFingerprint != fingerprint)
                    return error(409, "ConflictException", "clientToken '" + token + "' was used with different parameters");
                ++createRequests;
                return FakeReply::json(201, json(QJsonObject{{"quantumTaskArn", QString::fromStdString(t.arn)}}));
            }
        const FakeDevice* d = device(arn);
        if (!d)
            return error(400, "ValidationException", "Device " + arn + " does not exist");
        if (d->status == "RETIRED")
            return error(410, "DeviceRetiredException", "Device " + arn + " is retired");
        if (d->status == "OFFLINE")
            return error(424, "DeviceOfflineException", "Device " + arn + " is offline");
        if (shots < (d->type == "SIMULATOR" ? 0 : 1) || shots > 100000)
            return error(400, "ValidationException", "shots " + std::to_string(shots) + " is outside the device's range");
        if (const std::string problem = checkProgram(source, *d); !problem.empty())
            return error(400, "ValidationException", problem);
        auto circuit = parseBraketQasm(source, "action.source");
        if (!circuit)
            return error(400, "ValidationException", "OpenQASM program failed to parse: " + circuit.error().toString());
        if (circuit->numQubits() > d->qubits)
            return error(400, "ValidationException", "the program uses more qubits than the device has");
        ++createRequests;
        FakeTask t;
        char uuid[40];
        std::snprintf(uuid, sizeof uuid, "00000000-0000-4000-8000-%012d", static_cast<int>(tasks.size() + 1));
        t.uuid = uuid;
        t.arn = "arn:aws:braket:" + config.region + ":123456789012:quantum-task/" + t.uuid;
        t.deviceArn = arn;
        t.clientToken = token;
        t.shots = shots;
        t.directory = in.value("outputS3KeyPrefix").toString().toStdString() + "/" + t.uuid;
        t.createdAt = nowIso();
        t.actionJson = in.value("action").toString().toStdString();
        t.source = source;
        t.requestFingerprint = fingerprint;
        t.seed = config.seed + tasks.size();
        t.tags = in.value("tags").toObject();
        if (!failNext.empty()) {
            t.failOnRun = true;
            t.failureReason = failNext;
            failNext.clear();
        }
        tasks.push_back(t);
        return FakeReply::json(201, json(QJsonObject{{"quantumTaskArn", QString::fromStdString(t.arn)}}));
    }

    // Simulates the task's program (seeded) and stores results.json; false with `why` on failure.
    bool complete(FakeTask& t, std::string& why)
    {
        auto parsed = parseBraketQasm(t.source, "action.source");
        if (!parsed) {
            why = parsed.error().toString();
            return false;
        }
        const Circuit& original = parsed.value();
        std::vector<int> measured;
        for (const Operation& op : original.ops)
            if (const auto* m = std::get_if<MeasureOp>(&op.op))
                if (std::find(measured.begin(), measured.end(), m->qubit) == measured.end())
                    measured.push_back(m->qubit);
        std::sort(measured.begin(), measured.end());
        Circuit c = original;
        c.cregs.clear();
        c.ops.clear();
        const bool implicitAll = measured.empty();
        if (implicitAll)
            for (int q = 0; q < original.numQubits(); ++q)
                measured.push_back(q);
        c.addCreg("m", static_cast<int>(measured.size()));
        auto column = [&](int q) { return static_cast<int>(std::find(measured.begin(), measured.end(), q) - measured.begin()); };
        for (const Operation& op : original.ops) {
            if (const auto* m = std::get_if<MeasureOp>(&op.op))
                c.measure(m->qubit, column(m->qubit));
            else
                c.ops.push_back(op);
        }
        if (implicitAll)
            for (int q : measured)
                c.measure(q, column(q));
        sim::SimOptions options;
        options.shots = t.shots;
        options.seed = t.seed;
        options.threads = 1;
        auto result = sim::simulate(c, options);
        if (!result) {
            why = result.error().message;
            return false;
        }
        QJsonArray qubits;
        for (int q : measured)
            qubits.append(q);
        QJsonObject file{{"braketSchemaHeader", QJsonObject{{"name", "braket.task_result.gate_model_task_result"}, {"version", "1"}}},
                         {"measuredQubits", qubits},
                         {"taskMetadata", QJsonObject{{"braketSchemaHeader", QJsonObject{{"name", "braket.task_result.task_metadata"}, {"version", "1"}}},
                                                      {"id", QString::fromStdString(t.arn)}, {"shots", t.shots},
                                                      {"deviceId", QString::fromStdString(t.deviceArn)},
                                                      {"createdAt", QString::fromStdString(t.createdAt)},
                                                      {"endedAt", QString::fromStdString(nowIso())}, {"status", "COMPLETED"}}},
                         {"additionalMetadata", QJsonObject{{"action", QJsonDocument::fromJson(QByteArray::fromStdString(t.actionJson)).object()}}}};
        // Simulator keys put measured[0] rightmost; Braket rows and keys put measuredQubits[0] first.
        if (config.probabilities) {
            QJsonObject probs;
            for (const auto& [key, n] : result->counts)
                probs.insert(QString::fromStdString(std::string(key.rbegin(), key.rend())), static_cast<double>(n) / t.shots);
            file.insert("measurementProbabilities", probs);
        } else {
            QJsonArray rows;
            for (const auto& [key, n] : result->counts) {
                QJsonArray row;
                for (auto it = key.rbegin(); it != key.rend(); ++it)
                    row.append(*it == '1' ? 1 : 0);
                for (int i = 0; i < n; ++i)
                    rows.append(row);
            }
            file.insert("measurements", rows);
        }
        objects[config.bucket + "/" + t.directory + "/results.json"] = json(file);
        return true;
    }

    FakeReply getTask(const std::string& encodedArn)
    {
        const std::string arn = cloud::sigv4::percentDecode(encodedArn);
        if (encodedArn.find(':') != std::string::npos || encodedArn.find('/') != std::string::npos)
            return error(404, "ResourceNotFoundException", "quantum task '" + encodedArn + "' not found (the ARN must be percent-encoded once)");
        FakeTask* t = task(arn);
        if (!t)
            return error(404, "ResourceNotFoundException", "quantum task '" + arn + "' not found");
        ++t->polls;
        if (t->status == "CREATED") {
            t->status = "QUEUED";
            t->polls = 0;
        } else if (t->status == "QUEUED" && t->polls > config.pollsQueued) {
            t->status = "RUNNING";
            t->polls = 0;
        } else if (t->status == "RUNNING" && t->polls > config.pollsRunning) {
            std::string why;
            if (t->failOnRun) {
                t->status = "FAILED";
            } else if (complete(*t, why)) {
                t->status = "COMPLETED";
            } else {
                t->status = "FAILED";
                t->failureReason = "simulation failed: " + why;
            }
            t->endedAt = nowIso();
        } else if (t->status == "CANCELLING") {
            t->status = "CANCELLED";
            t->endedAt = nowIso();
        }
        QJsonObject o = taskJson(*t);
        if (t->status == "QUEUED")
            o.insert("queueInfo", QJsonObject{{"queue", "QUANTUM_TASKS_QUEUE"}, {"position", "3"}, {"queuePriority", "Normal"}});
        return FakeReply::json(200, json(o));
    }

    FakeReply cancelTask(const std::string& encodedArn, const FakeRequest& req)
    {
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(req.body));
        if (!doc.isObject() || !doc.object().value("clientToken").isString())
            return error(400, "ValidationException", "CancelQuantumTask needs a clientToken");
        const std::string arn = cloud::sigv4::percentDecode(encodedArn);
        FakeTask* t = task(arn);
        if (!t)
            return error(404, "ResourceNotFoundException", "quantum task '" + arn + "' not found");
        if (t->status == "COMPLETED" || t->status == "FAILED")
            return error(409, "ConflictException", "Cannot cancel quantum task in " + t->status + " state");
        if (t->status != "CANCELLED")
            t->status = "CANCELLING";
        return FakeReply::json(200, json(QJsonObject{{"cancellationStatus", QString::fromStdString(t->status)},
                                                      {"quantumTaskArn", QString::fromStdString(t->arn)}}));
    }

    FakeReply searchTasks(const FakeRequest& req)
    {
        const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(req.body));
        if (!doc.isObject() || !doc.object().value("filters").isArray())
            return error(400, "ValidationException", "SearchQuantumTasks needs a filters list");
        std::vector<const FakeTask*> hits;
        for (const FakeTask& t : tasks) {
            bool ok = true;
            for (const QJsonValue& f : doc.object().value("filters").toArray()) {
                const QJsonObject fo = f.toObject();
                const QString name = fo.value("name").toString();
                if (fo.value("operator").toString() != "EQUAL")
                    return error(400, "ValidationException", "only the EQUAL operator is supported by this fake");
                std::string value;
                if (name == "deviceArn") value = t.deviceArn;
                else if (name == "status") value = t.status;
                else if (name == "quantumTaskArn") value = t.arn;
                else return error(400, "ValidationException", "unknown filter name '" + name.toStdString() + "'");
                bool any = false;
                for (const QJsonValue& v : fo.value("values").toArray())
                    any |= v.toString().toStdString() == value;
                ok &= any;
            }
            if (ok)
                hits.push_back(&t);
        }
        const int start = doc.object().value("nextToken").toString("0").toInt();
        const int size = std::min(doc.object().value("maxResults").toInt(100), config.pageSize);
        QJsonArray out;
        for (int i = start; i < static_cast<int>(hits.size()) && i < start + size; ++i)
            out.append(taskJson(*hits[i]));
        QJsonObject reply{{"quantumTasks", out}};
        if (start + size < static_cast<int>(hits.size()))
            reply.insert("nextToken", QString::number(start + size));
        return FakeReply::json(200, json(reply));
    }

    FakeReply handle(const FakeRequest& req)
    {
        std::lock_guard<std::mutex> lock(mutex);
        // S3 (path-style): /<bucket>/<key>
        const std::string path = req.path;
        const size_t second = path.find('/', 1);
        const std::string first = path.substr(1, second == std::string::npos ? std::string::npos : second - 1);
        if (first.rfind("amazon-braket-", 0) == 0 || first == config.bucket) {
            if (auto bad = verify(req, "s3"))
                return *bad;
            if (req.method != "GET")
                return reject(s3Error(405, "MethodNotAllowed", "only GET"), "MethodNotAllowed", "only GET");
            if (first != config.bucket)
                return reject(s3Error(404, "NoSuchBucket", "The specified bucket does not exist"), "NoSuchBucket", first);
            const std::string key = cloud::sigv4::percentDecode(second == std::string::npos ? "" : path.substr(second + 1));
            const auto it = objects.find(first + "/" + key);
            if (it == objects.end())
                return reject(s3Error(404, "NoSuchKey", "The specified key does not exist."), "NoSuchKey", key);
            return FakeReply::json(200, it->second);
        }
        if (auto bad = verify(req, "braket"))
            return *bad;
        static const QRegularExpression cancel(QStringLiteral("^/quantum-task/([^/]+)/cancel$"));
        static const QRegularExpression task(QStringLiteral("^/quantum-task/([^/]+)$"));
        static const QRegularExpression dev(QStringLiteral("^/device/(.+)$"));
        const QString p = QString::fromStdString(path);
        if (req.method == "POST" && path == "/devices")
            return searchDevices(req);
        if (req.method == "GET" && dev.match(p).hasMatch())
            return getDevice(dev.match(p).captured(1).toStdString());
        if (req.method == "POST" && path == "/quantum-task")
            return createTask(req);
        if (req.method == "POST" && path == "/quantum-tasks")
            return searchTasks(req);
        if (req.method == "GET" && task.match(p).hasMatch())
            return getTask(task.match(p).captured(1).toStdString());
        if (req.method == "PUT" && cancel.match(p).hasMatch())
            return cancelTask(cancel.match(p).captured(1).toStdString(), req);
        return error(404, "UnknownOperationException", "no operation for " + req.method + " " + path);
    }
};

FakeBraket::FakeBraket(FakeBraketConfig config) : m_state(std::make_shared<State>())
{
    m_state->config = std::move(config);
    std::shared_ptr<State> state = m_state;
    m_server = std::make_unique<FakeHttpServer>([state](const FakeRequest& r) { return state->handle(r); });
}

FakeBraket::~FakeBraket() = default;

bool FakeBraket::start()
{
    if (!m_server->start())
        return false;
    m_state->baseUrl = m_server->baseUrl();
    return true;
}

FakeHttpServer& FakeBraket::server() { return *m_server; }
std::string FakeBraket::baseUrl() const { return m_state->baseUrl; }

cloud::Endpoints FakeBraket::endpoints() const
{
    cloud::Endpoints e;
    e.api = m_state->baseUrl;
    e.storage = m_state->baseUrl;
    e.region = m_state->config.region;
    e.bucket = m_state->config.bucket;
    return e;
}

cloud::Credentials FakeBraket::credentials() const
{
    cloud::Credentials c;
    c.accessKeyId = m_state->config.accessKeyId;
    c.secretAccessKey = m_state->config.secretAccessKey;
    c.sessionToken = m_state->config.sessionToken;
    return c;
}

void FakeBraket::throttle(int times, FakeMatch match, std::string retryAfter)
{
    m_server->failWithStatus(times, 429, std::move(match), std::move(retryAfter), R"({"message":"Rate exceeded"})",
                             {{"x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/"},
                              {"Content-Type", "application/json"}});
}

void FakeBraket::serviceError(int times, int status, FakeMatch match)
{
    const std::string type = status == 503 ? "ServiceUnavailableException" : "InternalServiceException";
    m_server->failWithStatus(times, status, std::move(match), {}, R"({"message":"We encountered an internal error. Please try again."})",
                             {{"x-amzn-ErrorType", type}, {"Content-Type", "application/json"}});
}

void FakeBraket::failNextTask(std::string reason)
{
    std::lock_guard<std::mutex> lock(m_state->mutex);
    m_state->failNext = std::move(reason);
}

int FakeBraket::createdTaskCount() const
{
    std::lock_guard<std::mutex> lock(m_state->mutex);
    return static_cast<int>(m_state->tasks.size());
}

int FakeBraket::createRequestCount() const
{
    std::lock_guard<std::mutex> lock(m_state->mutex);
    return m_state->createRequests;
}

std::string FakeBraket::taskStatus(const std::string& arn) const
{
    std::lock_guard<std::mutex> lock(m_state->mutex);
    for (const FakeTask& t : m_state->tasks)
        if (t.arn == arn)
            return t.status;
    return {};
}

std::vector<std::string> FakeBraket::rejections() const
{
    std::lock_guard<std::mutex> lock(m_state->mutex);
    return m_state->rejections;
}

std::string FakeBraket::lastProgram() const
{
    std::lock_guard<std::mutex> lock(m_state->mutex);
    return m_state->tasks.empty() ? std::string() : m_state->tasks.back().source;
}

std::unique_ptr<FakeBraket> startFakeBraket(FakeBraketConfig config)
{
    auto fake = std::make_unique<FakeBraket>(std::move(config));
    if (!fake->start())
        return nullptr;
    return fake;
}

void addFakeBraketEnvironment(const FakeBraket& fake, QProcessEnvironment& env)
{
    const cloud::Endpoints e = fake.endpoints();
    const cloud::Credentials c = fake.credentials();
    env.insert(QStringLiteral("QPILOT_BRAKET_ENDPOINT"), QString::fromStdString(e.api));
    env.insert(QStringLiteral("QPILOT_BRAKET_STORAGE_ENDPOINT"), QString::fromStdString(e.storage));
    env.insert(QStringLiteral("QPILOT_BRAKET_REGION"), QString::fromStdString(e.region));
    env.insert(QStringLiteral("QPILOT_BRAKET_BUCKET"), QString::fromStdString(e.bucket));
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QString::fromStdString(c.accessKeyId));
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QString::fromStdString(c.secretAccessKey));
    if (!c.sessionToken.empty())
        env.insert(QStringLiteral("AWS_SESSION_TOKEN"), QString::fromStdString(c.sessionToken));
}

} // namespace qpilot::test
