// SPDX-License-Identifier: GPL-3.0-or-later
// tests/cloud/tst_sigv4.cpp — AWS Signature Version 4 (core/cloud/sigv4.h) against AWS's published
// test vectors (tests/data/sigv4/vectors.json, sources in tests/data/sigv4/SOURCE.md): exact
// canonical requests, strings to sign and Authorization headers; plus the service rules Braket
// depends on (double-encoded ARN paths for braket, S3 paths as sent with x-amz-content-sha256).
#include "core/cloud/sigv4.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace qpilot::cloud;

namespace {

QJsonArray vectors()
{
    QFile f(QStringLiteral(QPILOT_TEST_DATA_DIR "/sigv4/vectors.json"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read the SigV4 vectors");
    return QJsonDocument::fromJson(f.readAll()).object().value("vectors").toArray();
}

std::string str(const QJsonObject& o, const char* key) { return o.value(key).toString().toStdString(); }

} // namespace

class TestSigV4 : public QObject {
    Q_OBJECT

private slots:
    void awsVectors_data()
    {
        QTest::addColumn<QJsonObject>("vector");
        const QJsonArray all = vectors();
        QVERIFY(all.size() >= 10);
        for (const QJsonValue& v : all)
            QTest::newRow(v.toObject().value("name").toString().toUtf8().constData()) << v.toObject();
    }

    void awsVectors()
    {
        QFETCH(QJsonObject, vector);
        sigv4::Request r;
        r.method = str(vector, "method");
        r.path = str(vector, "path");
        r.query = str(vector, "query");
        for (const QJsonValue& h : vector.value("headers").toArray())
            r.headers.emplace_back(h.toArray().at(0).toString().toStdString(), h.toArray().at(1).toString().toStdString());
        r.payloadHash = str(vector, "payloadHash");
        sigv4::Scope scope{str(vector, "amzDate"), str(vector, "region"), str(vector, "service")};

        sigv4::Signature s;
        if (vector.value("useSignRequest").toBool()) {
            const auto signedReq = sigv4::signRequest(r, scope, str(vector, "accessKeyId"), str(vector, "secretAccessKey"),
                                                      str(vector, "sessionToken"));
            s = signedReq.signature;
            // The headers to send carry the date, the token and the Authorization, never Host.
            bool date = false, token = false, host = false;
            for (const auto& [n, v] : signedReq.headers) {
                date |= n == "X-Amz-Date" && v == scope.amzDate;
                token |= n == "X-Amz-Security-Token" && v == str(vector, "sessionToken");
                host |= QByteArray::fromStdString(n).toLower() == "host";
            }
            QVERIFY(date && token && !host);
            QCOMPARE(signedReq.headers.back().second, s.authorization);
        } else {
            s = sigv4::sign(r, scope, str(vector, "accessKeyId"), str(vector, "secretAccessKey"));
        }
        if (vector.contains("canonicalRequest"))
            QCOMPARE(s.canonicalRequest, str(vector, "canonicalRequest"));
        if (vector.contains("stringToSign"))
            QCOMPARE(s.stringToSign, str(vector, "stringToSign"));
        QCOMPARE(s.authorization, str(vector, "authorization"));
    }

    // AWS's documented key-derivation example (Signature Version 4 docs, "derive a signing key"):
    // secret wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, 20150830, us-east-1, iam.
    void signingKeyChain()
    {
        sigv4::Scope scope{"20150830T123600Z", "us-east-1", "iam"};
        QCOMPARE(sigv4::signingKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", scope).toHex(),
                 QByteArray("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9"));
        QCOMPARE(scope.credentialScope(), std::string("20150830/us-east-1/iam/aws4_request"));
    }

    void uriEncoding_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("keepSlash");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unreserved") << "AZaz09-._~" << true << "AZaz09-._~";
        QTest::newRow("slash kept") << "/a/b" << true << "/a/b";
        QTest::newRow("slash encoded") << "/a/b" << false << "%2Fa%2Fb";
        QTest::newRow("space, plus, star") << "a b+c*" << false << "a%20b%2Bc%2A";
        QTest::newRow("percent again") << "%3A" << true << "%253A";
        QTest::newRow("utf-8 bytes") << QString::fromUtf8("\xe1\x88\xb4") << true << "%E1%88%B4";
    }

    void uriEncoding()
    {
        QFETCH(QString, input);
        QFETCH(bool, keepSlash);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(sigv4::uriEncode(input.toStdString(), keepSlash)), expected);
    }

    void canonicalUriPerService_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("service");
        QTest::addColumn<QString>("expected");
        // The Braket trap: the ARN is percent-encoded once in the path, and the canonical URI
        // encodes it again for every service except S3.
        const QString arn = "/quantum-task/arn%3Aaws%3Abraket%3Aus-east-1%3A123456789012%3Aquantum-task%2Fabc";
        QTest::newRow("braket ARN, double encoded")
            << arn << "braket"
            << "/quantum-task/arn%253Aaws%253Abraket%253Aus-east-1%253A123456789012%253Aquantum-task%252Fabc";
        QTest::newRow("s3 keeps the path") << "/bucket/tasks/a%20b/results.json" << "s3" << "/bucket/tasks/a%20b/results.json";
        QTest::newRow("s3 keeps dot segments") << "/b/./x//y" << "s3" << "/b/./x//y";
        QTest::newRow("normalised ..") << "/a/b/../c" << "braket" << "/a/c";
        QTest::newRow("normalised //") << "//example//" << "service" << "/example/";
        QTest::newRow("empty path") << "" << "braket" << "/";
    }

    void canonicalUriPerService()
    {
        QFETCH(QString, path);
        QFETCH(QString, service);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(sigv4::canonicalUri(path.toStdString(), service.toStdString())), expected);
    }

    void canonicalQuery_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << "" << "";
        QTest::newRow("sorted by name, case-sensitive") << "b=2&a=1&A=0" << "A=0&a=1&b=2";
        QTest::newRow("same name sorted by value") << "a=2&a=1" << "a=1&a=2";
        QTest::newRow("no value") << "acl" << "acl=";
        QTest::newRow("re-encoded") << "additionalAttributeNames=QueueInfo&x=a%2fb c" << "additionalAttributeNames=QueueInfo&x=a%2Fb%20c";
    }

    void canonicalQuery()
    {
        QFETCH(QString, query);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(sigv4::canonicalQuery(query.toStdString())), expected);
    }

    void headerRules()
    {
        const auto [block, list] = sigv4::canonicalHeaders(
            {{"My-Header1", "  a   b   c  "}, {"Host", "h"}, {"my-header1", "d"}, {"X-Amz-Date", "t"}});
        QCOMPARE(block, std::string("host:h\nmy-header1:a b c,d\nx-amz-date:t\n"));
        QCOMPARE(list, std::string("host;my-header1;x-amz-date"));
    }

    void s3SigningAddsContentSha()
    {
        sigv4::Request r;
        r.path = "/amazon-braket-test/tasks/x/results.json";
        r.headers = {{"Host", "127.0.0.1:9000"}};
        r.payloadHash = sigv4::payloadHash("");
        QCOMPARE(r.payloadHash, std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        const auto s = sigv4::signRequest(r, {"20250601T120000Z", "us-east-1", "s3"}, "AK", "SK");
        QCOMPARE(s.signature.signedHeaders, std::string("host;x-amz-content-sha256;x-amz-date"));
        QVERIFY(s.signature.canonicalRequest.find("\n/amazon-braket-test/tasks/x/results.json\n") != std::string::npos);
        const auto b = sigv4::signRequest(r, {"20250601T120000Z", "us-east-1", "braket"}, "AK", "SK");
        QCOMPARE(b.signature.signedHeaders, std::string("host;x-amz-date"));
    }

    void authorizationRoundTrip()
    {
        const std::string h = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                              "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";
        const auto a = sigv4::parseAuthorization(h);
        QVERIFY(a.ok());
        QCOMPARE(a->accessKeyId, std::string("AKIDEXAMPLE"));
        QCOMPARE(a->scope.region, std::string("us-east-1"));
        QCOMPARE(a->scope.service, std::string("service"));
        QCOMPARE(a->scope.amzDate, std::string("20150830"));
        QCOMPARE(a->signedHeaders, (std::vector<std::string>{"host", "x-amz-date"}));
        QVERIFY(!sigv4::parseAuthorization("Bearer x").ok());
        QVERIFY(!sigv4::parseAuthorization("AWS4-HMAC-SHA256 Credential=AK/2015/us/s, SignedHeaders=host, Signature=1").ok());
        const auto bad = sigv4::parseAuthorization("AWS4-HMAC-SHA256 SignedHeaders=host");
        QVERIFY(!bad.ok());
        QVERIFY(QString::fromStdString(bad.error().message).contains("Credential"));
    }

    void amzDateFormat()
    {
        QCOMPARE(sigv4::amzDate(QDateTime(QDate(2015, 8, 30), QTime(12, 36, 0), Qt::UTC)), std::string("20150830T123600Z"));
    }
};

QTEST_GUILESS_MAIN(TestSigV4)
#include "tst_sigv4.moc"
