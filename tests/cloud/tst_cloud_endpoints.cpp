// SPDX-License-Identifier: GPL-3.0-or-later
// tests/cloud/tst_cloud_endpoints.cpp — endpoint overrides layered by resolveEndpoints: defaults <
// saved settings < environment, the source of every field, the Braket rule (a region without an
// API URL moves the API host, whichever layer the region comes from), endpointsFromEnvironment
// unchanged, the variable names, and the per-field checks (https only except loopback, region and
// S3 bucket names) with the messages the GUI shows under a field.
#include "core/cloud/cloud.h"

#include <QStringList>
#include <QTest>

using namespace qpilot;
using namespace qpilot::cloud;

Q_DECLARE_METATYPE(qpilot::cloud::Provider)
Q_DECLARE_METATYPE(qpilot::cloud::EndpointField)

namespace {

const EndpointField kFields[] = {EndpointField::Api, EndpointField::Auth, EndpointField::Storage, EndpointField::Region,
                                 EndpointField::Bucket};

std::optional<EndpointField> fieldFromKey(const QString& key)
{
    for (EndpointField f : kFields)
        if (key == QLatin1String(endpointFieldKey(f)))
            return f;
    return std::nullopt;
}

// "api=https://x|region=eu-west-2" → overrides ("api=" sets an empty string).
EndpointOverrides overrides(const QString& spec)
{
    EndpointOverrides o;
    for (const QString& part : spec.split(QLatin1Char('|'), Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        const auto f = fieldFromKey(part.left(eq));
        if (eq < 0 || !f)
            qFatal("bad override spec '%s'", qPrintable(part));
        o.get(*f) = part.mid(eq + 1).toStdString();
    }
    return o;
}

void clearEnvironment()
{
    for (Provider p : {Provider::Ibm, Provider::Braket, Provider::Ionq})
        for (EndpointField f : kFields)
            qunsetenv(endpointVariable(p, f).c_str());
}

} // namespace

class TestCloudEndpoints : public QObject {
    Q_OBJECT

private slots:
    void init() { clearEnvironment(); }
    void cleanupTestCase() { clearEnvironment(); }

    void variableNames_data()
    {
        QTest::addColumn<Provider>("provider");
        QTest::addColumn<EndpointField>("field");
        QTest::addColumn<QString>("variable");
        QTest::newRow("ibm api") << Provider::Ibm << EndpointField::Api << "QPILOT_IBM_ENDPOINT";
        QTest::newRow("ibm auth") << Provider::Ibm << EndpointField::Auth << "QPILOT_IBM_AUTH_ENDPOINT";
        QTest::newRow("braket storage") << Provider::Braket << EndpointField::Storage << "QPILOT_BRAKET_STORAGE_ENDPOINT";
        QTest::newRow("braket region") << Provider::Braket << EndpointField::Region << "QPILOT_BRAKET_REGION";
        QTest::newRow("braket bucket") << Provider::Braket << EndpointField::Bucket << "QPILOT_BRAKET_BUCKET";
        QTest::newRow("ionq api") << Provider::Ionq << EndpointField::Api << "QPILOT_IONQ_ENDPOINT";
    }
    void variableNames()
    {
        QFETCH(Provider, provider);
        QFETCH(EndpointField, field);
        QFETCH(QString, variable);
        QCOMPARE(QString::fromStdString(endpointVariable(provider, field)), variable);
    }

    void fieldsPerProvider()
    {
        using F = EndpointField;
        QCOMPARE(endpointFields(Provider::Ibm), (std::vector<F>{F::Api, F::Auth, F::Region}));
        QCOMPARE(endpointFields(Provider::Braket), (std::vector<F>{F::Api, F::Region, F::Bucket, F::Storage}));
        QCOMPARE(endpointFields(Provider::Ionq), (std::vector<F>{F::Api}));
    }

    // Each row: saved and environment layers, the expected endpoints, and the fields whose source
    // is not the default ("api:settings region:env braket-api:region").
    void precedence_data()
    {
        QTest::addColumn<Provider>("provider");
        QTest::addColumn<QString>("saved");
        QTest::addColumn<QString>("env");
        QTest::addColumn<QString>("api");
        QTest::addColumn<QString>("auth");
        QTest::addColumn<QString>("storage");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("bucket");
        QTest::addColumn<QString>("origins");

        const QString ionq = "https://api.ionq.co/v0.4", ibm = "https://quantum.cloud.ibm.com/api/v1",
                      iam = "https://iam.cloud.ibm.com", braket = "https://braket.us-east-1.amazonaws.com";
        QTest::newRow("ionq defaults") << Provider::Ionq << "" << "" << ionq << "" << "" << "" << "" << "";
        QTest::newRow("ionq saved") << Provider::Ionq << "api=http://127.0.0.1:8123/v0.4" << ""
                                    << "http://127.0.0.1:8123/v0.4" << "" << "" << "" << "" << "api:settings";
        QTest::newRow("ionq env beats saved") << Provider::Ionq << "api=https://saved.example/v0.4"
                                              << "api=https://env.example/v0.4" << "https://env.example/v0.4" << "" << ""
                                              << "" << "" << "api:env";
        QTest::newRow("ionq env only") << Provider::Ionq << "" << "api=https://env.example/v0.4"
                                       << "https://env.example/v0.4" << "" << "" << "" << "" << "api:env";
        QTest::newRow("empty values are not overrides") << Provider::Ionq << "api=" << "api=" << ionq << "" << "" << ""
                                                        << "" << "";
        QTest::newRow("ibm mixed layers") << Provider::Ibm << "auth=https://iam.private.example|region=eu-de"
                                          << "api=https://qp.private.example/api/v1" << "https://qp.private.example/api/v1"
                                          << "https://iam.private.example" << "" << "eu-de" << ""
                                          << "api:env auth:settings region:settings";
        QTest::newRow("ibm region does not move the api") << Provider::Ibm << "region=eu-de" << "" << ibm << iam << ""
                                                          << "eu-de" << "" << "region:settings";
        QTest::newRow("braket defaults") << Provider::Braket << "" << "" << braket << "" << "" << "us-east-1" << "" << "";
        QTest::newRow("braket saved region moves api") << Provider::Braket << "region=eu-west-2" << ""
                                                       << "https://braket.eu-west-2.amazonaws.com" << "" << ""
                                                       << "eu-west-2" << "" << "api:region region:settings";
        QTest::newRow("braket env region beats saved region")
            << Provider::Braket << "region=eu-west-2" << "region=us-west-1" << "https://braket.us-west-1.amazonaws.com"
            << "" << "" << "us-west-1" << "" << "api:region region:env";
        QTest::newRow("braket saved api beats derived") << Provider::Braket << "region=eu-west-2|api=https://braket.private.example"
                                                        << "" << "https://braket.private.example" << "" << "" << "eu-west-2"
                                                        << "" << "api:settings region:settings";
        QTest::newRow("braket saved api, env region") << Provider::Braket << "api=http://127.0.0.1:9000"
                                                      << "region=eu-north-1" << "http://127.0.0.1:9000" << "" << ""
                                                      << "eu-north-1" << "" << "api:settings region:env";
        QTest::newRow("braket env api, saved region") << Provider::Braket << "region=eu-west-2"
                                                      << "api=http://127.0.0.1:9000" << "http://127.0.0.1:9000" << ""
                                                      << "" << "eu-west-2" << "" << "api:env region:settings";
        QTest::newRow("braket default region spelled out") << Provider::Braket << "region=us-east-1" << "" << braket << ""
                                                           << "" << "us-east-1" << "" << "api:region region:settings";
        QTest::newRow("braket bucket and storage") << Provider::Braket
                                                   << "bucket=amazon-braket-saved|storage=http://127.0.0.1:9001"
                                                   << "bucket=amazon-braket-env" << braket << "" << "http://127.0.0.1:9001"
                                                   << "us-east-1" << "amazon-braket-env" << "storage:settings bucket:env";
    }
    void precedence()
    {
        QFETCH(Provider, provider);
        QFETCH(QString, saved);
        QFETCH(QString, env);
        QFETCH(QString, api);
        QFETCH(QString, auth);
        QFETCH(QString, storage);
        QFETCH(QString, region);
        QFETCH(QString, bucket);
        QFETCH(QString, origins);
        const Endpoints d = defaultEndpoints(provider);
        const ResolvedEndpoints r = resolveEndpoints(provider, overrides(saved), overrides(env));
        QCOMPARE(QString::fromStdString(r.endpoints.api), api);
        QCOMPARE(QString::fromStdString(r.endpoints.auth), auth.isEmpty() ? QString::fromStdString(d.auth) : auth);
        QCOMPARE(QString::fromStdString(r.endpoints.storage), storage);
        QCOMPARE(QString::fromStdString(r.endpoints.region), region.isEmpty() ? QString::fromStdString(d.region) : region);
        QCOMPARE(QString::fromStdString(r.endpoints.bucket), bucket);
        std::map<EndpointField, EndpointOrigin> expected;
        for (const QString& o : origins.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            const QStringList kv = o.split(QLatin1Char(':'));
            const QString& kind = kv.at(1);
            expected[*fieldFromKey(kv.at(0))] = kind == "env"        ? EndpointOrigin::Environment
                                                : kind == "settings" ? EndpointOrigin::Settings
                                                                     : EndpointOrigin::Region;
        }
        for (EndpointField f : kFields) {
            const EndpointOrigin want = expected.count(f) ? expected[f] : EndpointOrigin::Default;
            QVERIFY2(r.source(f).origin == want, endpointFieldKey(f));
            QCOMPARE(QString::fromStdString(r.source(f).variable),
                     want == EndpointOrigin::Environment ? QString::fromStdString(endpointVariable(provider, f)) : QString());
        }
        // the same through the process environment
        const EndpointOverrides envLayer = overrides(env);
        for (EndpointField f : kFields)
            if (const auto& v = envLayer.get(f))
                qputenv(endpointVariable(provider, f).c_str(), QByteArray::fromStdString(*v));
        const ResolvedEndpoints viaEnv = resolveEndpoints(provider, overrides(saved));
        QCOMPARE(viaEnv.endpoints.api, r.endpoints.api);
        QCOMPARE(viaEnv.endpoints.region, r.endpoints.region);
        QCOMPARE(viaEnv.endpoints.bucket, r.endpoints.bucket);
        QVERIFY(viaEnv.api.origin == r.api.origin);
    }

    // endpointsFromEnvironment keeps its meaning (the CLI and old callers): a Braket region alone
    // moves the API host; an explicit endpoint wins.
    void environmentOnly_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("api");
        QTest::newRow("nothing") << "" << "" << "https://braket.us-east-1.amazonaws.com";
        QTest::newRow("region") << "eu-west-2" << "" << "https://braket.eu-west-2.amazonaws.com";
        QTest::newRow("endpoint") << "" << "http://127.0.0.1:7000" << "http://127.0.0.1:7000";
        QTest::newRow("both") << "eu-west-2" << "http://127.0.0.1:7000" << "http://127.0.0.1:7000";
    }
    void environmentOnly()
    {
        QFETCH(QString, region);
        QFETCH(QString, endpoint);
        QFETCH(QString, api);
        qputenv("QPILOT_BRAKET_REGION", region.toUtf8());
        qputenv("QPILOT_BRAKET_ENDPOINT", endpoint.toUtf8());
        const Endpoints e = endpointsFromEnvironment(Provider::Braket);
        QCOMPARE(QString::fromStdString(e.api), api);
        QCOMPARE(QString::fromStdString(e.region), region.isEmpty() ? QString("us-east-1") : region);
        const EndpointOverrides o = endpointOverridesFromEnvironment(Provider::Braket);
        QCOMPARE(o.region.has_value(), !region.isEmpty()); // set but empty = not an override
        QCOMPARE(o.api.has_value(), !endpoint.isEmpty());
        QVERIFY(!o.bucket && !o.storage && !o.auth);
        QCOMPARE(o.empty(), region.isEmpty() && endpoint.isEmpty());
    }

    void describesSources()
    {
        QCOMPARE(describeEndpointSource({}), std::string("default"));
        QCOMPARE(describeEndpointSource({EndpointOrigin::Region, {}}), std::string("derived from the region"));
        QCOMPARE(describeEndpointSource({EndpointOrigin::Settings, {}}), std::string("saved setting"));
        QCOMPARE(describeEndpointSource({EndpointOrigin::Environment, "QPILOT_IONQ_ENDPOINT"}),
                 std::string("set by QPILOT_IONQ_ENDPOINT"));
    }

    void checksFields_data()
    {
        QTest::addColumn<EndpointField>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("error"); // "" = valid; else the start of the message
        using F = EndpointField;
        QTest::newRow("empty = default") << F::Api << "" << "";
        QTest::newRow("https") << F::Api << "https://qp.private.example/api/v1" << "";
        QTest::newRow("http loopback v4") << F::Api << "http://127.0.0.1:8080/v0.4" << "";
        QTest::newRow("http localhost") << F::Auth << "http://localhost:9" << "";
        QTest::newRow("http loopback v6") << F::Storage << "http://[::1]:9000" << "";
        QTest::newRow("http remote") << F::Api << "http://quantum.example.com/api"
                                     << "API endpoint: refusing plain http:// to 'quantum.example.com'";
        QTest::newRow("http private lan") << F::Auth << "http://10.0.0.1" << "auth endpoint: refusing plain http://";
        QTest::newRow("garbage") << F::Api << "not a url" << "API endpoint: invalid URL 'not a url'";
        QTest::newRow("ftp") << F::Storage << "ftp://files.example" << "storage endpoint: unsupported URL scheme";
        QTest::newRow("region ok") << F::Region << "eu-west-2" << "";
        QTest::newRow("region ibm") << F::Region << "eu-de" << "";
        QTest::newRow("region spaces") << F::Region << "EU West" << "region: 'EU West' is not a region name";
        QTest::newRow("region dash") << F::Region << "-east" << "region: '-east' is not a region name";
        QTest::newRow("bucket ok") << F::Bucket << "amazon-braket-qpilot.results" << "";
        QTest::newRow("bucket short") << F::Bucket << "ab" << "bucket: 'ab' is not an S3 bucket name";
        QTest::newRow("bucket upper") << F::Bucket << "Amazon_Braket" << "bucket: 'Amazon_Braket' is not an S3 bucket name";
        QTest::newRow("bucket dots") << F::Bucket << "amazon..braket" << "bucket: 'amazon..braket'";
    }
    void checksFields()
    {
        QFETCH(EndpointField, field);
        QFETCH(QString, value);
        QFETCH(QString, error);
        const std::optional<Error> bad = checkEndpointField(field, value.toStdString());
        QCOMPARE(bad.has_value(), !error.isEmpty());
        if (bad)
            QVERIFY2(QString::fromStdString(bad->message).startsWith(error), bad->message.c_str());
        // checkEndpoints gives the same message for the same field
        Endpoints e = defaultEndpoints(Provider::Braket);
        endpointValue(e, field) = value.toStdString();
        const std::optional<Error> whole = checkEndpoints(e);
        QCOMPARE(whole.has_value(), bad.has_value());
        if (bad)
            QCOMPARE(whole->message, bad->message);
    }
};

QTEST_GUILESS_MAIN(TestCloudEndpoints)
#include "tst_cloud_endpoints.moc"
