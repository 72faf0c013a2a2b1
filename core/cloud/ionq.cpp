// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/ionq.cpp — the IonQ client (API v0.4, reference §3): `Authorization: apiKey <key>`,
// backends with status, jobs in IonQ circuit JSON (or OpenQASM 3 when asked), the client token as
// the job name (IonQ does not deduplicate, so a lost create reply is found by listing jobs by
// name), polling, probabilities → counts in Qpilot's bit order, and cancel. The wire format lives
// in ionq_json.{h,cpp}; this file only moves bytes through HttpTransport.
#include "core/cloud/ionq_json.h"
#include "core/cloud/providers.h"

#include <QByteArray>
#include <QUrl>

namespace qpilot::cloud {

namespace {

std::string pct(const std::string& s) { return QByteArray::fromStdString(s).toPercentEncoding().toStdString(); }

class IonqClient final : public ProviderClient {
public:
    IonqClient(const Endpoints& e, const Credentials& c, HttpTransport& t, IonqClientOptions o)
        : m_api(e.api.empty() ? defaultEndpoints(Provider::Ionq).api : e.api), m_key(c.apiKey), m_http(t), m_opt(o)
    {
        while (!m_api.empty() && m_api.back() == '/')
            m_api.pop_back();
        const QUrl u(QString::fromStdString(m_api));
        m_host = u.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment).toString().toStdString();
        while (!m_host.empty() && m_host.back() == '/')
            m_host.pop_back();
    }

    Provider provider() const override { return Provider::Ionq; }

    Result<std::vector<CloudDevice>> devices() override
    {
        auto r = call("GET", m_api + "/backends", {}, true, "list backends");
        if (!r)
            return r.error();
        return ionq::parseBackends(r->body);
    }

    Result<RemoteStatus> submit(const SubmitRequest& request) override
    {
        auto body = ionq::submitBody(request, {m_opt.qasm3, m_opt.debiasing});
        if (!body)
            return body.error();
        // IonQ does not deduplicate: sent once; a lost reply is looked up by name (the client token).
        auto r = call("POST", m_api + "/jobs", body.value(), false, "submit to " + request.deviceId);
        if (!r)
            return r.error();
        auto created = ionq::parseSubmitReply(r->body);
        if (!created)
            return created.error();
        RemoteStatus s;
        s.providerJobId = created->id;
        auto st = ionq::stateFromStatus(created->status.empty() ? "submitted" : created->status);
        s.state = st ? st.value() : JobState::Queued;
        return s;
    }

    Result<std::optional<std::string>> findByClientToken(const std::string& /*deviceId*/, const std::string& clientToken) override
    {
        std::string cursor;
        for (int page = 0; page < std::max(1, m_opt.listPages); ++page) {
            std::string url = m_api + "/jobs?limit=" + std::to_string(m_opt.listLimit);
            if (!cursor.empty())
                url += "&next=" + pct(cursor);
            auto r = call("GET", url, {}, true, "look up job " + clientToken);
            if (!r)
                return r.error();
            auto p = ionq::parseJobsNamed(r->body, clientToken);
            if (!p)
                return p.error();
            if (!p->ids.empty())
                return std::optional<std::string>{p->ids.front()};
            if (p->next.empty() || p->next == cursor)
                break;
            cursor = p->next;
        }
        return std::optional<std::string>{};
    }

    Result<RemoteStatus> status(const std::string& id) override
    {
        auto j = job(id);
        if (!j)
            return j.error();
        return j->status;
    }

    Result<JobResult> result(const std::string& id) override
    {
        auto j = job(id);
        if (!j)
            return j.error();
        if (j->status.state != JobState::Completed)
            return Error("IonQ: job " + id + " is " + jobStateKey(j->status.state) + ", results exist only for completed jobs"
                         + (j->status.message.empty() ? "" : " (" + j->status.message + ")"));
        // Result URLs already carry the version prefix ("/v0.4/jobs/…"): resolve against the host.
        std::string url = m_api + "/jobs/" + pct(id) + "/results/probabilities";
        if (!j->probabilitiesUrl.empty())
            url = j->probabilitiesUrl.front() == '/' ? m_host + j->probabilitiesUrl : j->probabilitiesUrl;
        auto r = call("GET", url, {}, true, "results of job " + id);
        if (!r)
            return r.error();
        return ionq::parseProbabilities(r->body, j.value());
    }

    std::optional<Error> cancel(const std::string& id) override
    {
        auto r = call("PUT", m_api + "/jobs/" + pct(id) + "/status/cancel", {}, true, "cancel job " + id);
        if (!r)
            return r.error();
        return std::nullopt;
    }

private:
    Result<ionq::Job> job(const std::string& id)
    {
        auto r = call("GET", m_api + "/jobs/" + pct(id), {}, true, "job " + id);
        if (!r)
            return r.error();
        return ionq::parseJob(r->body);
    }

    Result<HttpResponse> call(const std::string& method, const std::string& url, const std::string& body,
                              bool idempotent, const std::string& what)
    {
        HttpRequest req;
        req.method = method;
        req.url = url;
        req.headers = {{"Authorization", "apiKey " + m_key}, {"Accept", "application/json"}};
        if (method == "POST" || method == "PUT")
            req.headers.emplace_back("Content-Type", "application/json");
        req.body = body;
        req.idempotent = idempotent;
        auto r = m_http.send(req);
        if (!r)
            return Error("IonQ: " + what + ": " + r.error().message);
        if (r->status < 200 || r->status >= 300)
            return ionq::httpError(r->status, r->body, what);
        return r;
    }

    std::string m_api, m_host, m_key;
    HttpTransport& m_http;
    IonqClientOptions m_opt;
};

} // namespace

std::unique_ptr<ProviderClient> makeIonqClient(const Endpoints& endpoints, const Credentials& credentials,
                                               HttpTransport& transport, IonqClientOptions options)
{
    return std::make_unique<IonqClient>(endpoints, credentials, transport, options);
}

std::unique_ptr<ProviderClient> makeIonqClient(const Endpoints& endpoints, const Credentials& credentials,
                                               HttpTransport& transport)
{
    return makeIonqClient(endpoints, credentials, transport, IonqClientOptions{});
}

} // namespace qpilot::cloud
