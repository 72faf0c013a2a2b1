// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/endpoints.cpp — where each provider lives: the default endpoints, the per-field
// overrides (saved settings, QPILOT_<PROVIDER>_* variables) layered by resolveEndpoints with the
// source of every field, and the checks (https only except loopback, region and bucket names).
#include "core/cloud/cloud.h"

#include <QByteArray>
#include <QtGlobal>

#include <cctype>

namespace qpilot::cloud {

std::optional<Error> checkEndpointUrl(const std::string& url); // http.cpp

namespace {

constexpr EndpointField kAllFields[] = {EndpointField::Api, EndpointField::Auth, EndpointField::Storage,
                                        EndpointField::Region, EndpointField::Bucket};

std::string braketApi(const std::string& region) { return "https://braket." + region + ".amazonaws.com"; }

bool isLowerAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

std::optional<Error> checkRegion(const std::string& r)
{
    bool ok = !r.empty() && r.size() <= 32 && isLowerAlnum(r.front()) && isLowerAlnum(r.back());
    for (char c : r)
        ok = ok && (isLowerAlnum(c) || c == '-');
    if (!ok)
        return Error("'" + r + "' is not a region name (lower-case letters, digits and '-', e.g. us-east-1)");
    return std::nullopt;
}

// S3 bucket naming rules (3–63 characters; lower-case letters, digits, '.', '-'; starts and ends
// with a letter or digit; no "..").
std::optional<Error> checkBucket(const std::string& b)
{
    bool ok = b.size() >= 3 && b.size() <= 63 && isLowerAlnum(b.front()) && isLowerAlnum(b.back())
              && b.find("..") == std::string::npos;
    for (char c : b)
        ok = ok && (isLowerAlnum(c) || c == '-' || c == '.');
    if (!ok)
        return Error("'" + b + "' is not an S3 bucket name (3 to 63 lower-case letters, digits, '.' and '-', "
                     "starting and ending with a letter or digit)");
    return std::nullopt;
}

} // namespace

Endpoints defaultEndpoints(Provider p)
{
    Endpoints e;
    switch (p) {
    case Provider::Ibm:
        e.api = "https://quantum.cloud.ibm.com/api/v1";
        e.auth = "https://iam.cloud.ibm.com";
        e.region = "us-east";
        break;
    case Provider::Braket:
        e.region = "us-east-1";
        e.api = braketApi(e.region);
        break;
    case Provider::Ionq:
        e.api = "https://api.ionq.co/v0.4";
        break;
    }
    return e;
}

const char* endpointFieldKey(EndpointField f)
{
    switch (f) {
    case EndpointField::Api: return "api";
    case EndpointField::Auth: return "auth";
    case EndpointField::Storage: return "storage";
    case EndpointField::Region: return "region";
    case EndpointField::Bucket: return "bucket";
    }
    return "?";
}

const char* endpointFieldTitle(EndpointField f)
{
    switch (f) {
    case EndpointField::Api: return "API endpoint";
    case EndpointField::Auth: return "auth endpoint";
    case EndpointField::Storage: return "storage endpoint";
    case EndpointField::Region: return "region";
    case EndpointField::Bucket: return "bucket";
    }
    return "?";
}

std::vector<EndpointField> endpointFields(Provider p)
{
    switch (p) {
    case Provider::Ibm: return {EndpointField::Api, EndpointField::Auth, EndpointField::Region};
    case Provider::Braket: return {EndpointField::Api, EndpointField::Region, EndpointField::Bucket, EndpointField::Storage};
    case Provider::Ionq: return {EndpointField::Api};
    }
    return {};
}

std::string endpointVariable(Provider p, EndpointField f)
{
    std::string name = std::string("QPILOT_") + providerKey(p) + "_";
    for (char& c : name)
        c = char(std::toupper(static_cast<unsigned char>(c)));
    switch (f) {
    case EndpointField::Api: return name + "ENDPOINT";
    case EndpointField::Auth: return name + "AUTH_ENDPOINT";
    case EndpointField::Storage: return name + "STORAGE_ENDPOINT";
    case EndpointField::Region: return name + "REGION";
    case EndpointField::Bucket: return name + "BUCKET";
    }
    return name;
}

const std::string& endpointValue(const Endpoints& e, EndpointField f)
{
    switch (f) {
    case EndpointField::Api: return e.api;
    case EndpointField::Auth: return e.auth;
    case EndpointField::Storage: return e.storage;
    case EndpointField::Region: return e.region;
    case EndpointField::Bucket: return e.bucket;
    }
    return e.api;
}

std::string& endpointValue(Endpoints& e, EndpointField f)
{
    return const_cast<std::string&>(endpointValue(static_cast<const Endpoints&>(e), f));
}

std::optional<Error> checkEndpointField(EndpointField f, const std::string& value)
{
    if (value.empty())
        return std::nullopt;
    std::optional<Error> bad;
    switch (f) {
    case EndpointField::Api:
    case EndpointField::Auth:
    case EndpointField::Storage: bad = checkEndpointUrl(value); break;
    case EndpointField::Region: bad = checkRegion(value); break;
    case EndpointField::Bucket: bad = checkBucket(value); break;
    }
    if (bad)
        return Error(std::string(endpointFieldTitle(f)) + ": " + bad->message);
    return std::nullopt;
}

std::optional<Error> checkEndpoints(const Endpoints& e)
{
    for (EndpointField f : kAllFields)
        if (std::optional<Error> bad = checkEndpointField(f, endpointValue(e, f)))
            return bad;
    return std::nullopt;
}

const std::optional<std::string>& EndpointOverrides::get(EndpointField f) const
{
    switch (f) {
    case EndpointField::Api: return api;
    case EndpointField::Auth: return auth;
    case EndpointField::Storage: return storage;
    case EndpointField::Region: return region;
    case EndpointField::Bucket: return bucket;
    }
    return api;
}

std::optional<std::string>& EndpointOverrides::get(EndpointField f)
{
    return const_cast<std::optional<std::string>&>(static_cast<const EndpointOverrides*>(this)->get(f));
}

bool EndpointOverrides::empty() const
{
    for (EndpointField f : kAllFields)
        if (get(f) && !get(f)->empty())
            return false;
    return true;
}

EndpointOverrides endpointOverridesFromEnvironment(Provider p)
{
    EndpointOverrides o;
    for (EndpointField f : kAllFields) {
        const QByteArray v = qgetenv(endpointVariable(p, f).c_str());
        if (!v.isEmpty())
            o.get(f) = v.toStdString();
    }
    return o;
}

std::string describeEndpointSource(const EndpointSource& s)
{
    switch (s.origin) {
    case EndpointOrigin::Default: return "default";
    case EndpointOrigin::Region: return "derived from the region";
    case EndpointOrigin::Settings: return "saved setting";
    case EndpointOrigin::Environment: return "set by " + s.variable;
    }
    return "?";
}

const EndpointSource& ResolvedEndpoints::source(EndpointField f) const
{
    switch (f) {
    case EndpointField::Api: return api;
    case EndpointField::Auth: return auth;
    case EndpointField::Storage: return storage;
    case EndpointField::Region: return region;
    case EndpointField::Bucket: return bucket;
    }
    return api;
}

EndpointSource& ResolvedEndpoints::source(EndpointField f)
{
    return const_cast<EndpointSource&>(static_cast<const ResolvedEndpoints*>(this)->source(f));
}

ResolvedEndpoints resolveEndpoints(Provider p, const EndpointOverrides& saved, const EndpointOverrides& environment)
{
    ResolvedEndpoints r;
    r.endpoints = defaultEndpoints(p);
    for (EndpointField f : kAllFields) {
        EndpointSource& source = r.source(f);
        if (const auto& v = saved.get(f); v && !v->empty()) {
            endpointValue(r.endpoints, f) = *v;
            source = {EndpointOrigin::Settings, {}};
        }
        if (const auto& v = environment.get(f); v && !v->empty()) {
            endpointValue(r.endpoints, f) = *v;
            source = {EndpointOrigin::Environment, endpointVariable(p, f)};
        }
    }
    // A Braket region without an API URL moves the API host with it (AWS's regional endpoints).
    if (p == Provider::Braket && r.api.origin == EndpointOrigin::Default && r.region.origin != EndpointOrigin::Default) {
        r.endpoints.api = braketApi(r.endpoints.region);
        r.api.origin = EndpointOrigin::Region;
    }
    return r;
}

ResolvedEndpoints resolveEndpoints(Provider p, const EndpointOverrides& saved)
{
    return resolveEndpoints(p, saved, endpointOverridesFromEnvironment(p));
}

Endpoints endpointsFromEnvironment(Provider p)
{
    return resolveEndpoints(p, {}, endpointOverridesFromEnvironment(p)).endpoints;
}

} // namespace qpilot::cloud
