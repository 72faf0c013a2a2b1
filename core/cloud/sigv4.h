// SPDX-License-Identifier: GPL-3.0-or-later
// core/cloud/sigv4.h — AWS Signature Version 4 (header signing) as pure functions: URI encoding,
// canonical URI / query / headers, canonical request, string to sign, the signing-key chain and
// the Authorization header, plus parsing an Authorization header back (the Braket loopback fake
// verifies requests with the same pieces). Service rules: every service except S3 normalises the
// path and percent-encodes it once more (a Braket ARN sent as `arn%3Aaws…` is canonicalised as
// `arn%253Aaws…`); S3 keeps the path as sent and requires `x-amz-content-sha256`.
// Checked against AWS's published test vectors (tests/data/sigv4, tests/cloud/tst_sigv4.cpp).
#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QDateTime>

#include <string>
#include <utility>
#include <vector>

namespace qpilot::cloud::sigv4 {

using Headers = std::vector<std::pair<std::string, std::string>>;

// What is signed. `path` and `query` are exactly as sent on the wire (already percent-encoded,
// query without '?'); header names in any case.
struct Request {
    std::string method = "GET";
    std::string path = "/";
    std::string query;
    Headers headers;            // must include host (and x-amz-date unless another date header is signed)
    std::string payloadHash;    // lower-case hex SHA-256 of the body (see payloadHash())
};

struct Scope {
    std::string amzDate;        // "20150830T123600Z" (UTC, ISO 8601 basic)
    std::string region;         // "us-east-1"
    std::string service;        // "braket", "s3"
    std::string date() const { return amzDate.substr(0, 8); }
    // "20150830/us-east-1/service/aws4_request"
    std::string credentialScope() const;
};

struct Signature {
    std::string canonicalRequest;
    std::string stringToSign;
    std::string signedHeaders;  // "host;x-amz-date"
    std::string signature;      // lower-case hex
    std::string authorization;  // the Authorization header value
};

// RFC 3986 percent-encoding: unreserved characters (A-Z a-z 0-9 - . _ ~) stay, every other
// byte becomes %XX (upper-case hex); '/' stays when `keepSlash`.
std::string uriEncode(const std::string& bytes, bool keepSlash);
// Decodes %XX escapes (malformed escapes are kept literally).
std::string percentDecode(const std::string& text);
// Removes "." and ".." segments and empty segments ("//"), keeping a trailing slash.
std::string normalizePath(const std::string& path);
// The canonical URI: S3 keeps `path` as sent; every other service normalises it and encodes it again.
std::string canonicalUri(const std::string& path, const std::string& service);
// The canonical query: each name and value decoded and re-encoded, sorted by name then value.
std::string canonicalQuery(const std::string& query);
// The canonical header block ("name:value\n" lower-cased, trimmed, inner spaces collapsed,
// duplicates joined with ',', sorted) and the signed-header list ("host;x-amz-date").
std::pair<std::string, std::string> canonicalHeaders(const Headers& headers);
std::string canonicalRequest(const Request& request, const std::string& service);
std::string stringToSign(const Scope& scope, const std::string& canonicalRequest);
// HMAC chain: kDate = HMAC("AWS4"+secret, date), kRegion, kService, kSigning = HMAC(kService, "aws4_request").
QByteArray signingKey(const std::string& secretAccessKey, const Scope& scope);
std::string payloadHash(const std::string& body);        // hex SHA-256 ("e3b0c442…" for "")
std::string amzDate(const QDateTime& utc);                // "20150830T123600Z"

// Signs `request` as it is (no header is added): canonical request, string to sign, signature and
// the Authorization header for `accessKeyId`.
Signature sign(const Request& request, const Scope& scope, const std::string& accessKeyId,
               const std::string& secretAccessKey);

// What a client sends: adds X-Amz-Date (from scope.amzDate), X-Amz-Security-Token when
// `sessionToken` is set and, for S3, x-amz-content-sha256; signs every header of `request` plus
// those; returns the headers to send (including Authorization, excluding Host, which the HTTP
// stack writes from the URL).
struct SignedHeaders {
    Headers headers;
    Signature signature;
};
SignedHeaders signRequest(Request request, const Scope& scope, const std::string& accessKeyId,
                          const std::string& secretAccessKey, const std::string& sessionToken = {});

// A parsed Authorization header: "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request,
// SignedHeaders=host;x-amz-date, Signature=<hex>".
struct Authorization {
    std::string accessKeyId;
    Scope scope;                // amzDate holds only the yyyymmdd of the Credential; callers set the full
                                // timestamp from the X-Amz-Date header before verifying
    std::vector<std::string> signedHeaders;
    std::string signature;
};
Result<Authorization> parseAuthorization(const std::string& header);

} // namespace qpilot::cloud::sigv4
