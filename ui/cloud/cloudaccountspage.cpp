// SPDX-License-Identifier: GPL-3.0-or-later
// ui/cloud/cloudaccountspage.cpp — CloudAccountsPage (see cloudaccountspage.h).
#include "ui/cloud/cloudaccountspage.h"

#include "core/cloud/secrets.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

#include <memory>

namespace qpilot {

using namespace qpilot::cloud;

namespace {

const Provider kProviders[] = {Provider::Ibm, Provider::Braket, Provider::Ionq};

// Where `p`'s credentials come from, without any secret in the text.
QString describeStatus(Provider p, const SecretStore& store)
{
    if (!checkCredentials(p, credentialsFromEnvironment(p)))
        return QObject::tr("from environment variables (%1)").arg(QString::fromStdString(credentialVariables(p)));
    Result<std::optional<Credentials>> stored = store.load(p);
    if (!stored)
        return QObject::tr("unavailable: %1").arg(QString::fromStdString(stored.error().message));
    if (!stored.value())
        return QObject::tr("not set — enter them below or set %1").arg(QString::fromStdString(credentialVariables(p)));
    return QObject::tr("stored in %1").arg(QString::fromStdString(store.describe()));
}

} // namespace

CloudAccountsPage::CloudAccountsPage(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    for (Provider p : kProviders) {
        auto* box = new QGroupBox(QString::fromLatin1(providerTitle(p)), this);
        auto* form = new QFormLayout(box);
        Row r;
        r.endpoint = new QLabel(box);
        r.endpoint->setTextInteractionFlags(Qt::TextSelectableByMouse);
        r.status = new QLabel(tr("checking…"), box);
        r.status->setWordWrap(true);
        r.key = new QLineEdit(box);
        r.key->setEchoMode(p == Provider::Braket ? QLineEdit::Normal : QLineEdit::Password);
        r.secret = new QLineEdit(box);
        r.secret->setEchoMode(p == Provider::Ibm ? QLineEdit::Normal : QLineEdit::Password);
        r.save = new QPushButton(tr("Store credentials"), box);
        r.remove = new QPushButton(tr("Remove"), box);
        const Endpoints e = endpointsFromEnvironment(p);
        QString where = QString::fromStdString(e.api);
        if (!e.auth.empty())
            where += tr("  (auth %1)").arg(QString::fromStdString(e.auth));
        if (!e.region.empty())
            where += tr("  region %1").arg(QString::fromStdString(e.region));
        r.endpoint->setText(where);
        form->addRow(tr("Endpoint:"), r.endpoint);
        form->addRow(tr("Credentials:"), r.status);
        switch (p) {
        case Provider::Ibm:
            form->addRow(tr("API key:"), r.key);
            form->addRow(tr("Service CRN:"), r.secret);
            break;
        case Provider::Braket:
            form->addRow(tr("Access key id:"), r.key);
            form->addRow(tr("Secret access key:"), r.secret);
            break;
        case Provider::Ionq:
            form->addRow(tr("API key:"), r.key);
            r.secret->hide();
            break;
        }
        auto* buttons = new QHBoxLayout;
        buttons->addWidget(r.save);
        buttons->addWidget(r.remove);
        buttons->addStretch(1);
        form->addRow(buttons);
        connect(r.save, &QPushButton::clicked, this, [this, p] { save(p); });
        connect(r.remove, &QPushButton::clicked, this, [this, p] { remove(p); });
        m_rows[p] = r;
        layout->addWidget(box);
    }
    auto* note = new QLabel(tr("Credentials go to the OS keychain; without one, set QPILOT_SECRETS=file and "
                               "QPILOT_SECRETS_PASSPHRASE for the encrypted file. They are never written to the "
                               "run store, settings, logs or reports."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);
    layout->addStretch(1);
    refresh();
}

CloudAccountsPage::~CloudAccountsPage()
{
    if (m_thread)
        m_thread->wait();
}

QString CloudAccountsPage::statusText(Provider p) const { return m_rows.at(p).status->text(); }

void CloudAccountsPage::run(std::function<std::string(std::map<Provider, QString>&)> work)
{
    if (m_thread)
        return;
    for (auto& [p, r] : m_rows) {
        r.save->setEnabled(false);
        r.remove->setEnabled(false);
    }
    auto statuses = std::make_shared<std::map<Provider, QString>>();
    auto error = std::make_shared<std::string>();
    m_thread = QThread::create([work, statuses, error] { *error = work(*statuses); });
    connect(m_thread, &QThread::finished, this, [this, statuses, error] {
        m_thread->deleteLater();
        m_thread = nullptr;
        for (auto& [p, r] : m_rows) {
            if (statuses->count(p))
                r.status->setText(statuses->at(p));
            r.save->setEnabled(true);
            r.remove->setEnabled(true);
        }
        emit workFinished(QString::fromStdString(*error));
    });
    m_thread->start();
}

void CloudAccountsPage::refresh()
{
    run([](std::map<Provider, QString>& statuses) -> std::string {
        Result<SecretsOptions> o = secretsOptionsFromEnvironment();
        if (!o)
            return o.error().message;
        const SecretStore store(o.value());
        for (Provider p : kProviders)
            statuses[p] = describeStatus(p, store);
        return {};
    });
}

void CloudAccountsPage::save(Provider p)
{
    Row& r = m_rows.at(p);
    Credentials c;
    if (p == Provider::Braket) {
        c.accessKeyId = r.key->text().trimmed().toStdString();
        c.secretAccessKey = r.secret->text().trimmed().toStdString();
    } else {
        c.apiKey = r.key->text().trimmed().toStdString();
        if (p == Provider::Ibm)
            c.serviceCrn = r.secret->text().trimmed().toStdString();
    }
    if (std::optional<Error> bad = checkCredentials(p, c)) {
        r.status->setText(QString::fromStdString(bad->message));
        emit workFinished(QString::fromStdString(bad->message));
        return;
    }
    r.key->clear();
    r.secret->clear();
    run([p, c](std::map<Provider, QString>& statuses) -> std::string {
        Result<SecretsOptions> o = secretsOptionsFromEnvironment();
        if (!o)
            return o.error().message;
        SecretStore store(o.value());
        const std::optional<Error> e = store.save(p, c);
        statuses[p] = e ? QObject::tr("not stored: %1").arg(QString::fromStdString(e->message)) : describeStatus(p, store);
        return e ? e->message : std::string();
    });
}

void CloudAccountsPage::remove(Provider p)
{
    run([p](std::map<Provider, QString>& statuses) -> std::string {
        Result<SecretsOptions> o = secretsOptionsFromEnvironment();
        if (!o)
            return o.error().message;
        SecretStore store(o.value());
        const std::optional<Error> e = store.remove(p);
        statuses[p] = e ? QObject::tr("not removed: %1").arg(QString::fromStdString(e->message)) : describeStatus(p, store);
        return e ? e->message : std::string();
    });
}

} // namespace qpilot
