// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/sigv4.cpp — AWS Signature Version 4 (see sigv4.h). HMAC-SHA256 and SHA-256 from QtCore.
#include "core/cloud/sigv4.h"

#include "core/common/hash.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <algorithm>
#include <cctype>
#include <map>

namespace qpilot::cloud::sigv4 {

namespace {

bool unreserved(unsigned char c)
{
    return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

std::string lower(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Trims and collapses runs of spaces/tabs into one space (SigV4 header value rule).
std::string trimAll(const std::string& v)
{
    std::string out;
    bool space = false;
    for (char c : v) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty())
            out += ' ';
        space = false;
        out += c;
    }
    return out;
}

QByteArray hmac(const QByteArray& key, const std::string& message)
{
    return QMessageAuthenticationCode::hash(QByteArray::fromStdString(message), key, QCryptographicHash::Sha256);
}

} // namespace

std::string Scope::credentialScope() const
{
    return date() + "/" + region + "/" + service + "/aws4_request";
}

std::string uriEncode(const std::string& bytes, bool keepSlash)
{
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(bytes.size() * 3);
    for (unsigned char c : bytes) {
        if (unreserved(c) || (keepSlash && c == '/')) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string percentDecode(const std::string& text)
{
    auto hexValue = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            const int hi = hexValue(text[i + 1]);
            const int lo = hexValue(text[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

std::string normalizePath(const std::string& path)
{
    std::vector<std::string> segments;
    size_t start = 0;
    while (start <= path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string::npos)
            end = path.size();
        const std::string seg = path.substr(start, end - start);
        if (seg == "..") {
            if (!segments.empty())
                segments.pop_back();
        } else if (!seg.empty() && seg != ".") {
            segments.push_back(seg);
        }
        start = end + 1;
    }
    std::string out;
    for (const std::string& s : segments)
        out += "/" + s;
    const bool trailing = !path.empty() && (path.back() == '/'
                          || (path.size() >= 2 && path.compare(path.size() - 2, 2, "/.") == 0)
                          || (path.size() >= 3 && path.compare(path.size() - 3, 3, "/..") == 0));
    if (out.empty())
        return "/";
    if (trailing)
        out += "/";
    return out;
}

std::string canonicalUri(const std::string& path, const std::string& service)
{
    if (path.empty())
        return "/";
    if (service == "s3")
        return path;
    return uriEncode(normalizePath(path), true);
}

std::string canonicalQuery(const std::string& query)
{
    std::vector<std::pair<std::string, std::string>> params;
    size_t start = 0;
    while (start < query.size()) {
        size_t end = query.find('&', start);
        if (end == std::string::npos)
            end = query.size();
        const std::string part = query.substr(start, end - start);
        if (!part.empty()) {
            const size_t eq = part.find('=');
            const std::string name = eq == std::string::npos ? part : part.substr(0, eq);
            const std::string value = eq == std::string::npos ? std::string() : part.substr(eq + 1);
            params.emplace_back(uriEncode(percentDecode(name), false), uriEncode(percentDecode(value), false));
        }
        start = end + 1;
    }
    std::sort(params.begin(), params.end());
    std::string out;
    for (const auto& [n, v] : params)
        out += (out.empty() ? "" : "&") + n + "=" + v;
    return out;
}

std::pair<std::string, std::string> canonicalHeaders(const Headers& headers)
{
    std::map<std::string, std::string> merged;
    for (const auto& [name, value] : headers) {
        const std::string key = lower(trimAll(name));
        auto it = merged.find(key);
        if (it == merged.end())
            merged.emplace(key, trimAll(value));
        else
            it->second += "," + trimAll(value);
    }
    std::string block, list;
    for (const auto& [k, v] : merged) {
        block += k + ":" + v + "\n";
        list += (list.empty() ? "" : ";") + k;
    }
    return {block, list};
}

std::string canonicalRequest(const Request& request, const std::string& service)
{
    const auto [block, list] = canonicalHeaders(request.headers);
    return request.method + "\n" + canonicalUri(request.path, service) + "\n" + canonicalQuery(request.query) + "\n"
           + block + "\n" + list + "\n" + request.payloadHash;
}

std::string stringToSign(const Scope& scope, const std::string& canonicalRequest)
{
    return "AWS4-HMAC-SHA256\n" + scope.amzDate + "\n" + scope.credentialScope() + "\n" + sha256Hex(canonicalRequest);
}

QByteArray signingKey(const std::string& secretAccessKey, const Scope& scope)
{
    const QByteArray kDate = hmac(QByteArray::fromStdString("AWS4" + secretAccessKey), scope.date());
    const QByteArray kRegion = hmac(kDate, scope.region);
    const QByteArray kService = hmac(kRegion, scope.service);
    return hmac(kService, "aws4_request");
}

std::string payloadHash(const std::string& body) { return sha256Hex(body); }

std::string amzDate(const QDateTime& utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toStdString();
}

Signature sign(const Request& request, const Scope& scope, const std::string& accessKeyId,
               const std::string& secretAccessKey)
{
    Signature s;
    s.canonicalRequest = canonicalRequest(request, scope.service);
    s.signedHeaders = canonicalHeaders(request.headers).second;
    s.stringToSign = stringToSign(scope, s.canonicalRequest);
    s.signature = hmac(signingKey(secretAccessKey, scope), s.stringToSign).toHex().toStdString();
    s.authorization = "AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/" + scope.credentialScope()
                      + ", SignedHeaders=" + s.signedHeaders + ", Signature=" + s.signature;
    return s;
}

SignedHeaders signRequest(Request request, const Scope& scope, const std::string& accessKeyId,
                          const std::string& secretAccessKey, const std::string& sessionToken)
{
    SignedHeaders out;
    auto add = [&](const std::string& name, const std::string& value) {
        request.headers.emplace_back(name, value);
        out.headers.emplace_back(name, value);
    };
    for (const auto& h : request.headers)
        if (lower(h.first) != "host")
            out.headers.push_back(h);
    add("X-Amz-Date", scope.amzDate);
    if (!sessionToken.empty())
        add("X-Amz-Security-Token", sessionToken);
    if (scope.service == "s3")
        add("x-amz-content-sha256", request.payloadHash);
    out.signature = sign(request, scope, accessKeyId, secretAccessKey);
    out.headers.emplace_back("Authorization", out.signature.authorization);
    return out;
}

Result<Authorization> parseAuthorization(const std::string& header)
{
    const std::string prefix = "AWS4-HMAC-SHA256 ";
    if (header.compare(0, prefix.size(), prefix) != 0)
        return Error{"Authorization header does not start with 'AWS4-HMAC-SHA256 '"};
    Authorization a;
    std::string credential, signedHeaders;
    size_t start = prefix.size();
    while (start < header.size()) {
        size_t end = header.find(',', start);
        if (end == std::string::npos)
            end = header.size();
        const std::string part = trimAll(header.substr(start, end - start));
        const size_t eq = part.find('=');
        if (eq != std::string::npos) {
            const std::string key = part.substr(0, eq);
            const std::string value = part.substr(eq + 1);
            if (key == "Credential") credential = value;
            else if (key == "SignedHeaders") signedHeaders = value;
            else if (key == "Signature") a.signature = value;
        }
        start = end + 1;
    }
    if (credential.empty() || signedHeaders.empty() || a.signature.empty())
        return Error{"Authorization header lacks Credential, SignedHeaders or Signature"};
    std::vector<std::string> parts;
    size_t s = 0;
    while (true) {
        const size_t e = credential.find('/', s);
        parts.push_back(credential.substr(s, e == std::string::npos ? std::string::npos : e - s));
        if (e == std::string::npos)
            break;
        s = e + 1;
    }
    if (parts.size() != 5 || parts[4] != "aws4_request" || parts[1].size() != 8)
        return Error{"Authorization Credential is not AKID/yyyymmdd/region/service/aws4_request: '" + credential + "'"};
    a.accessKeyId = parts[0];
    a.scope.amzDate = parts[1];       // date part only, until the caller fills the full timestamp
    a.scope.region = parts[2];
    a.scope.service = parts[3];
    s = 0;
    while (s <= signedHeaders.size()) {
        size_t e = signedHeaders.find(';', s);
        if (e == std::string::npos)
            e = signedHeaders.size();
        if (e > s)
            a.signedHeaders.push_back(signedHeaders.substr(s, e - s));
        s = e + 1;
    }
    return a;
}

} // namespace qpilot::cloud::sigv4
