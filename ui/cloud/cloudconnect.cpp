// SPDX-License-Identifier: GPL-3.0-or-later
// ui/cloud/cloudconnect.cpp — saved endpoints, endpointsInUse and connectProvider (see cloudconnect.h).
#include "ui/cloud/cloudconnect.h"

#include "core/cloud/secrets.h"

#include <QSettings>
#include <QString>

namespace qpilot::cloudui {

using namespace qpilot::cloud;

namespace {

QString settingsKey(Provider p, EndpointField f)
{
    return QStringLiteral("cloud/%1/%2").arg(QLatin1String(providerKey(p)), QLatin1String(endpointFieldKey(f)));
}

} // namespace

EndpointOverrides savedEndpoints(Provider p)
{
    const QSettings settings;
    EndpointOverrides o;
    for (EndpointField f : endpointFields(p)) {
        const QString v = settings.value(settingsKey(p, f)).toString().trimmed();
        if (!v.isEmpty())
            o.get(f) = v.toStdString();
    }
    return o;
}

std::optional<Error> saveEndpoints(Provider p, const EndpointOverrides& overrides)
{
    for (EndpointField f : endpointFields(p))
        if (const auto& v = overrides.get(f))
            if (std::optional<Error> bad = checkEndpointField(f, *v))
                return Error(std::string(providerTitle(p)) + ": " + bad->message);
    QSettings settings;
    for (EndpointField f : endpointFields(p)) {
        const auto& v = overrides.get(f);
        if (v && !v->empty())
            settings.setValue(settingsKey(p, f), QString::fromStdString(*v));
        else
            settings.remove(settingsKey(p, f));
    }
    return std::nullopt;
}

void resetEndpoints(Provider p)
{
    QSettings settings;
    for (EndpointField f : {EndpointField::Api, EndpointField::Auth, EndpointField::Storage, EndpointField::Region,
                            EndpointField::Bucket})
        settings.remove(settingsKey(p, f));
}

ResolvedEndpoints endpointsInUse(Provider p) { return resolveEndpoints(p, savedEndpoints(p)); }

Result<std::unique_ptr<ProviderClient>> connectProvider(Provider p, const Endpoints& e, HttpTransport& transport)
{
    if (std::optional<Error> bad = checkEndpoints(e))
        return Error(std::string(providerTitle(p)) + ": " + bad->message);
    Result<SecretsOptions> so = secretsOptionsFromEnvironment();
    if (!so)
        return so.error();
    const SecretStore secrets(so.value());
    Result<Credentials> c = resolveCredentials(p, secrets, "store them on Cloud \u25B8 Accounts");
    if (!c)
        return c.error(); // names the provider and both ways to log in
    return makeClient(p, e, c.value(), transport);
}

} // namespace qpilot::cloudui
