// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/ibm.cpp — the IBM Quantum Platform client (Qiskit Runtime REST, reference §1): IAM
// API key → bearer token (refreshed before expiry and once on a 401), Service-CRN and
// IBM-API-Version on every call, backends with status and queue length, properties and
// configuration (→ calibration import), Sampler V2 jobs with an OpenQASM 3 pub, polling, results
// in Qpilot's bit order, cancel, usage, and lookup by the client-token tag after a lost reply.
// The wire format lives in ibm_json.{h,cpp}; this file only moves bytes through HttpTransport.
#include "core/cloud/ibm_json.h"
#include "core/cloud/providers.h"

#include <QByteArray>
#include <QDateTime>

#include <string>
#include <vector>

namespace qpilot::cloud {

namespace {

std::string trimSlash(std::string s)
{
    while (!s.empty() && s.back() == '/')
        s.pop_back();
    return s;
}

std::string pct(const std::string& s) { return QByteArray::fromStdString(s).toPercentEncoding().toStdString(); }

class IbmClient final : public IbmPlatformClient {
public:
    IbmClient(const Endpoints& e, const Credentials& c, HttpTransport& t, IbmClientOptions o)
        : m_api(trimSlash(e.api.empty() ? ibmApiUrlForCrn(c.serviceCrn) : e.api)),
          m_auth(trimSlash(e.auth.empty() ? defaultEndpoints(Provider::Ibm).auth : e.auth)),
          m_creds(c), m_http(t), m_opt(std::move(o))
    {
        if (!m_opt.nowUtcSecs)
            m_opt.nowUtcSecs = [] { return std::int64_t(QDateTime::currentSecsSinceEpoch()); };
    }

    Provider provider() const override { return Provider::Ibm; }
    int tokenExchanges() const override { return m_exchanges; }

    Result<std::vector<CloudDevice>> devices() override
    {
        auto r = call("GET", "/backends", {}, true, "list backends");
        if (!r)
            return r.error();
        return ibm::parseBackends(r->body);
    }

    Result<std::string> backendProperties(const std::string& backend) override
    {
        auto r = call("GET", "/backends/" + pct(backend) + "/properties", {}, true, "properties of " + backend);
        if (!r)
            return r.error();
        return r->body;
    }

    Result<std::string> backendConfiguration(const std::string& backend) override
    {
        auto r = call("GET", "/backends/" + pct(backend) + "/configuration", {}, true, "configuration of " + backend);
        if (!r)
            return r.error();
        return r->body;
    }

    Result<CalibrationImport> calibration(const std::string& backend) override
    {
        auto props = backendProperties(backend);
        if (!props)
            return props.error();
        auto conf = backendConfiguration(backend);
        if (!conf)
            return conf.error();
        return ibm::calibrationFromReplies(backend, props.value(), conf.value());
    }

    Result<int> queueLength(const std::string& backend) override
    {
        auto r = call("GET", "/backends/" + pct(backend) + "/status", {}, true, "status of " + backend);
        if (!r)
            return r.error();
        auto s = ibm::parseBackendStatus(r->body);
        if (!s)
            return s.error();
        return s->queueLength;
    }

    Result<RemoteStatus> submit(const SubmitRequest& request) override
    {
        auto body = ibm::submitBody(request);
        if (!body)
            return body.error();
        const std::string what = "submit to " + request.deviceId;
        // IBM has no idempotency key: the POST is sent once (a lost reply is looked up by the
        // caller through findByClientToken). A 5xx reply is safe to retry per IBM, but only after
        // checking the job was not created anyway.
        for (int attempt = 1;; ++attempt) {
            auto r = call("POST", "/jobs", body.value(), false, what);
            if (!r)
                return r.error();
            if (r->status >= 500 && attempt < std::max(1, m_http.policy().maxAttempts) && !request.clientToken.empty()) {
                auto found = findByClientToken(request.deviceId, request.clientToken);
                if (!found) // cannot tell whether the job exists: never risk a duplicate
                    return Error(ibm::httpError(r->status, r->body, what).message
                                 + " (not re-sent: looking the job up failed: " + found.error().message + ")");
                if (found.value())
                    return status(*found.value());
                continue;
            }
            if (r->status != 200 && r->status != 201)
                return ibm::httpError(r->status, r->body, what);
            auto id = ibm::parseSubmitReply(r->body);
            if (!id)
                return id.error();
            RemoteStatus s;
            s.state = JobState::Queued;
            s.providerJobId = id.value();
            return s;
        }
    }

    Result<std::optional<std::string>> findByClientToken(const std::string& deviceId, const std::string& clientToken) override
    {
        const std::string tag = ibm::clientTokenTag(clientToken);
        std::string path = "/jobs?tags=" + pct(tag) + "&limit=" + std::to_string(m_opt.listLimit) + "&exclude_params=true";
        if (!deviceId.empty())
            path += "&backend=" + pct(deviceId);
        auto r = call("GET", path, {}, true, "look up job " + clientToken);
        if (!r)
            return r.error();
        if (r->status != 200)
            return ibm::httpError(r->status, r->body, "look up job " + clientToken);
        auto ids = ibm::parseJobIdsWithTag(r->body, tag);
        if (!ids)
            return ids.error();
        if (ids->empty())
            return std::optional<std::string>{};
        return std::optional<std::string>{ids->front()};
    }

    Result<RemoteStatus> status(const std::string& id) override
    {
        auto r = call("GET", "/jobs/" + pct(id) + "?exclude_params=true", {}, true, "job " + id);
        if (!r)
            return r.error();
        if (r->status != 200)
            return ibm::httpError(r->status, r->body, "job " + id);
        auto s = ibm::parseJob(r->body);
        if (!s)
            return s.error();
        RemoteStatus st = s.value();
        if (isTerminal(st.state)) {
            // Usage and timestamps from the metrics (best effort: the status stands without them).
            auto m = call("GET", "/jobs/" + pct(id) + "/metrics", {}, true, "metrics of job " + id);
            if (m && m->status == 200) {
                if (auto metrics = ibm::parseMetrics(m->body)) {
                    if (metrics->usageSeconds)
                        st.usageSeconds = metrics->usageSeconds;
                    if (!metrics->created.empty())
                        st.createdAt = metrics->created;
                    st.startedAt = metrics->running;
                    st.endedAt = metrics->finished;
                }
            }
        }
        return st;
    }

    Result<std::optional<double>> usageSeconds(const std::string& id) override
    {
        auto r = call("GET", "/jobs/" + pct(id) + "/metrics", {}, true, "metrics of job " + id);
        if (!r)
            return r.error();
        if (r->status != 200)
            return ibm::httpError(r->status, r->body, "metrics of job " + id);
        auto m = ibm::parseMetrics(r->body);
        if (!m)
            return m.error();
        return m->usageSeconds;
    }

    Result<JobResult> result(const std::string& id) override
    {
        auto r = call("GET", "/jobs/" + pct(id) + "/results", {}, true, "results of job " + id);
        if (!r)
            return r.error();
        if (r->status != 200)
            return ibm::httpError(r->status, r->body, "results of job " + id);
        auto regs = ibm::resultRegisters(r->body);
        if (!regs)
            return regs.error();
        std::vector<Register> layout;
        if (regs->size() > 1) {
            // Several registers: their order and offsets come from the submitted program.
            auto job = call("GET", "/jobs/" + pct(id), {}, true, "job " + id);
            if (!job)
                return job.error();
            if (job->status != 200)
                return ibm::httpError(job->status, job->body, "job " + id);
            const std::string program = ibm::jobProgram(job->body);
            if (program.empty())
                return Error("IBM Quantum Platform: results of job " + id + " hold " + std::to_string(regs->size())
                             + " registers, and the job does not return its program (field 'params.pubs[0][0]') to join them");
            auto l = ibm::classicalLayout(program);
            if (!l)
                return l.error();
            layout = l.value();
        }
        return ibm::parseResults(r->body, layout);
    }

    std::optional<Error> cancel(const std::string& id) override
    {
        auto r = call("POST", "/jobs/" + pct(id) + "/cancel", "{}", true, "cancel job " + id);
        if (!r)
            return r.error();
        if (r->status != 200 && r->status != 204)
            return ibm::httpError(r->status, r->body, "cancel job " + id);
        return std::nullopt;
    }

private:
    std::optional<Error> ensureToken(bool force)
    {
        const std::int64_t now = m_opt.nowUtcSecs();
        if (!force && !m_token.accessToken.empty() && now < m_token.expiresAt - ibm::refreshMargin(m_token))
            return std::nullopt;
        HttpRequest req;
        req.method = "POST";
        req.url = m_auth + "/identity/token";
        req.headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"Accept", "application/json"}};
        req.body = ibm::tokenRequestBody(m_creds.apiKey);
        req.idempotent = true; // a token exchange has no side effect worth guarding
        auto r = m_http.send(req);
        ++m_exchanges;
        if (!r)
            return Error("IBM Quantum Platform: IAM token exchange: " + r.error().message);
        if (r->status != 200) {
            std::string msg = ibm::providerMessage(r->body);
            return Error("IBM Quantum Platform: IAM refused the API key (HTTP " + std::to_string(r->status)
                         + (msg.empty() ? "" : ": " + msg) + "); run `qpilot cloud login ibm` with a valid API key");
        }
        auto t = ibm::parseToken(r->body, now);
        if (!t)
            return t.error();
        m_token = t.value();
        return std::nullopt;
    }

    // One API call with auth headers; a 401 re-exchanges the token once and retries.
    Result<HttpResponse> call(const std::string& method, const std::string& path, const std::string& body,
                              bool idempotent, const std::string& what)
    {
        for (int round = 0; round < 2; ++round) {
            if (auto e = ensureToken(round > 0))
                return *e;
            HttpRequest req;
            req.method = method;
            req.url = m_api + path;
            req.headers = {{"Authorization", "Bearer " + m_token.accessToken},
                           {"Service-CRN", m_creds.serviceCrn},
                           {"IBM-API-Version", ibm::kApiVersion},
                           {"Accept", "application/json"}};
            if (method == "POST" || method == "PUT")
                req.headers.emplace_back("Content-Type", "application/json");
            req.body = body;
            req.idempotent = idempotent;
            auto r = m_http.send(req);
            if (!r)
                return Error("IBM Quantum Platform: " + what + ": " + r.error().message);
            if (r->status == 401 && round == 0)
                continue; // expired or revoked token: exchange again, then retry once
            // 2xx goes back; a 5xx to a non-idempotent POST goes back too (submit checks whether
            // the job exists before sending again); everything else is an actionable error.
            const bool ok = r->status >= 200 && r->status < 300;
            if (!ok && !(r->status >= 500 && !idempotent))
                return ibm::httpError(r->status, r->body, what);
            return r;
        }
        return Error("IBM Quantum Platform: " + what + ": unreachable");
    }

    std::string m_api, m_auth;
    Credentials m_creds;
    HttpTransport& m_http;
    IbmClientOptions m_opt;
    ibm::Token m_token;
    int m_exchanges = 0;
};

} // namespace

std::string ibmApiUrlForCrn(const std::string& serviceCrn)
{
    // crn:v1:bluemix:public:quantum-computing:<region>:a/<account>:<instance>::
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (std::size_t colon; (colon = serviceCrn.find(':', start)) != std::string::npos; start = colon + 1)
        fields.push_back(serviceCrn.substr(start, colon - start));
    fields.push_back(serviceCrn.substr(start));
    const std::string region = fields.size() > 5 ? fields[5] : std::string();
    if (region.empty() || region == "us-east")
        return defaultEndpoints(Provider::Ibm).api;
    return "https://" + region + ".quantum.cloud.ibm.com/api/v1";
}

std::unique_ptr<IbmPlatformClient> makeIbmPlatformClient(const Endpoints& endpoints, const Credentials& credentials,
                                                         HttpTransport& transport, IbmClientOptions options)
{
    return std::make_unique<IbmClient>(endpoints, credentials, transport, std::move(options));
}

std::unique_ptr<ProviderClient> makeIbmClient(const Endpoints& endpoints, const Credentials& credentials,
                                              HttpTransport& transport)
{
    return makeIbmPlatformClient(endpoints, credentials, transport);
}

} // namespace qpilot::cloud
