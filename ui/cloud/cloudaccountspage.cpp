// SPDX-License-Identifier: GPL-3.0-or-later
// ui/cloud/cloudaccountspage.cpp — CloudAccountsPage (see cloudaccountspage.h).
#include "ui/cloud/cloudaccountspage.h"

#include "core/cloud/secrets.h"
#include "ui/cloud/cloudconnect.h"

#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
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

QString fieldLabel(Provider p, EndpointField f)
{
    switch (f) {
    case EndpointField::Api: return QObject::tr("API URL:");
    case EndpointField::Auth: return p == Provider::Ibm ? QObject::tr("IAM URL:") : QObject::tr("Auth URL:");
    case EndpointField::Storage: return QObject::tr("S3 endpoint:");
    case EndpointField::Region: return QObject::tr("Region:");
    case EndpointField::Bucket: return QObject::tr("Results bucket:");
    }
    return {};
}

QLabel* heading(const QString& text, QWidget* parent)
{
    auto* l = new QLabel(text, parent);
    QFont f = l->font();
    f.setBold(true);
    l->setFont(f);
    return l;
}

const QString kErrorStyle = QStringLiteral("color: #c62828;");

} // namespace

CloudAccountsPage::CloudAccountsPage(QWidget* parent) : QWidget(parent)
{
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    for (Provider p : kProviders) {
        auto* box = new QGroupBox(QString::fromLatin1(providerTitle(p)), content);
        auto* grid = new QGridLayout(box);
        Row r;

        // Endpoints (left column)
        auto* endpointForm = new QFormLayout;
        endpointForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        for (EndpointField f : endpointFields(p)) {
            EndpointEdit e;
            auto* cell = new QWidget(box);
            auto* cellLayout = new QVBoxLayout(cell);
            cellLayout->setContentsMargins(0, 0, 0, 0);
            cellLayout->setSpacing(2);
            e.edit = new QLineEdit(cell);
            e.edit->setClearButtonEnabled(true);
            e.note = new QLabel(cell);
            e.note->setWordWrap(true);
            e.note->setTextInteractionFlags(Qt::TextSelectableByMouse);
            e.note->hide();
            cellLayout->addWidget(e.edit);
            cellLayout->addWidget(e.note);
            endpointForm->addRow(fieldLabel(p, f), cell);
            connect(e.edit, &QLineEdit::textChanged, this, [this, p] { // typed or set: checked at once
                checkEndpointEdits(p);
                updatePlaceholders(p);
                m_rows.at(p).endpointStatus->clear();
            });
            r.endpoints[f] = e;
        }
        r.saveEndpoints = new QPushButton(tr("Save endpoints"), box);
        r.resetEndpoints = new QPushButton(tr("Reset to defaults"), box);
        r.endpointStatus = new QLabel(box);
        r.endpointStatus->setWordWrap(true);
        auto* endpointButtons = new QHBoxLayout;
        endpointButtons->addWidget(r.saveEndpoints);
        endpointButtons->addWidget(r.resetEndpoints);
        endpointButtons->addStretch(1);
        auto* left = new QVBoxLayout;
        left->addWidget(heading(tr("Endpoints"), box));
        left->addLayout(endpointForm);
        left->addLayout(endpointButtons);
        left->addWidget(r.endpointStatus);
        left->addStretch(1);

        // Credentials (right column)
        r.status = new QLabel(tr("checking…"), box);
        r.status->setWordWrap(true);
        r.key = new QLineEdit(box);
        r.key->setEchoMode(p == Provider::Braket ? QLineEdit::Normal : QLineEdit::Password);
        r.secret = new QLineEdit(box);
        r.secret->setEchoMode(p == Provider::Ibm ? QLineEdit::Normal : QLineEdit::Password);
        r.save = new QPushButton(tr("Store credentials"), box);
        r.remove = new QPushButton(tr("Remove"), box);
        auto* credentialForm = new QFormLayout;
        credentialForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        credentialForm->addRow(tr("Status:"), r.status);
        switch (p) {
        case Provider::Ibm:
            credentialForm->addRow(tr("API key:"), r.key);
            credentialForm->addRow(tr("Service CRN:"), r.secret);
            break;
        case Provider::Braket:
            credentialForm->addRow(tr("Access key id:"), r.key);
            credentialForm->addRow(tr("Secret access key:"), r.secret);
            break;
        case Provider::Ionq:
            credentialForm->addRow(tr("API key:"), r.key);
            r.secret->hide();
            break;
        }
        auto* buttons = new QHBoxLayout;
        buttons->addWidget(r.save);
        buttons->addWidget(r.remove);
        buttons->addStretch(1);
        auto* right = new QVBoxLayout;
        right->addWidget(heading(tr("Credentials"), box));
        right->addLayout(credentialForm);
        right->addLayout(buttons);
        right->addStretch(1);

        auto* line = new QFrame(box);
        line->setFrameShape(QFrame::VLine);
        line->setFrameShadow(QFrame::Sunken);
        grid->addLayout(left, 0, 0);
        grid->addWidget(line, 0, 1);
        grid->addLayout(right, 0, 2);
        grid->setColumnStretch(0, 1);
        grid->setColumnStretch(2, 1);
        grid->setHorizontalSpacing(16);

        connect(r.saveEndpoints, &QPushButton::clicked, this, [this, p] { saveEndpoints(p); });
        connect(r.resetEndpoints, &QPushButton::clicked, this, [this, p] { resetEndpoints(p); });
        connect(r.save, &QPushButton::clicked, this, [this, p] { save(p); });
        connect(r.remove, &QPushButton::clicked, this, [this, p] { remove(p); });
        m_rows[p] = r;
        layout->addWidget(box);
    }
    auto* note = new QLabel(tr("Endpoints: an empty field uses the default shown in grey; saved endpoints are used by the "
                               "device list, submissions and the jobs panel, and QPILOT_<PROVIDER>_* environment variables "
                               "override them. Plain http:// is only accepted to this computer (127.0.0.1, localhost). "
                               "Credentials go to the OS keychain; without one, set QPILOT_SECRETS=file and "
                               "QPILOT_SECRETS_PASSPHRASE for the encrypted file. They are never written to the "
                               "run store, settings, logs or reports."),
                            content);
    note->setWordWrap(true);
    layout->addWidget(note);
    layout->addStretch(1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    reloadEndpoints();
    refresh();
}

QLineEdit* CloudAccountsPage::endpointEdit(Provider p, EndpointField f) const
{
    const auto& fields = m_rows.at(p).endpoints;
    const auto it = fields.find(f);
    return it == fields.end() ? nullptr : it->second.edit;
}

QString CloudAccountsPage::endpointNote(Provider p, EndpointField f) const
{
    const auto& fields = m_rows.at(p).endpoints;
    const auto it = fields.find(f);
    return it == fields.end() || it->second.note->isHidden() ? QString() : it->second.note->text();
}

QString CloudAccountsPage::endpointStatusText(Provider p) const { return m_rows.at(p).endpointStatus->text(); }

void CloudAccountsPage::reloadEndpoints()
{
    for (Provider p : kProviders)
        loadEndpoints(p);
}

void CloudAccountsPage::loadEndpoints(Provider p)
{
    Row& r = m_rows.at(p);
    const EndpointOverrides saved = cloudui::savedEndpoints(p);
    const ResolvedEndpoints inUse = cloudui::endpointsInUse(p);
    for (auto& [f, e] : r.endpoints) {
        const EndpointSource& source = inUse.source(f);
        const bool fromEnvironment = source.origin == EndpointOrigin::Environment;
        e.edit->setReadOnly(fromEnvironment);
        e.edit->setClearButtonEnabled(!fromEnvironment);
        // read-only looks it: the window colour instead of the base colour of an editable field
        e.edit->setStyleSheet(fromEnvironment ? QStringLiteral("QLineEdit { background: palette(window); }") : QString());
        e.edit->setText(fromEnvironment ? QString::fromStdString(endpointValue(inUse.endpoints, f))
                                        : QString::fromStdString(saved.get(f).value_or(std::string())));
        e.edit->setToolTip(tr("In use: %1 (%2). Environment variable: %3")
                               .arg(QString::fromStdString(endpointValue(inUse.endpoints, f)),
                                    QString::fromStdString(describeEndpointSource(source)),
                                    QString::fromStdString(endpointVariable(p, f))));
        e.note->setStyleSheet(QString());
        e.note->setText(fromEnvironment ? tr("set by %1 (unset it to edit here)").arg(QString::fromStdString(source.variable))
                                        : QString());
        e.note->setVisible(fromEnvironment);
    }
    checkEndpointEdits(p);
    updatePlaceholders(p);
}

void CloudAccountsPage::updatePlaceholders(Provider p)
{
    Row& r = m_rows.at(p);
    // the region the placeholders describe: the one typed (when valid), else the default
    std::string region = defaultEndpoints(p).region;
    if (const QLineEdit* edit = endpointEdit(p, EndpointField::Region)) {
        const std::string typed = edit->text().trimmed().toStdString();
        if (!typed.empty() && !checkEndpointField(EndpointField::Region, typed))
            region = typed;
    }
    EndpointOverrides o;
    o.region = region;
    const Endpoints shown = resolveEndpoints(p, o, {}).endpoints;
    for (auto& [f, e] : r.endpoints) {
        QString placeholder;
        switch (f) {
        case EndpointField::Storage:
            placeholder = tr("AWS S3 (https://<bucket>.s3.%1.amazonaws.com)").arg(QString::fromStdString(region));
            break;
        case EndpointField::Bucket:
            placeholder = tr("none: required to submit (amazon-braket-…)");
            break;
        default:
            placeholder = QString::fromStdString(endpointValue(shown, f));
        }
        e.edit->setPlaceholderText(placeholder);
    }
}

bool CloudAccountsPage::checkEndpointEdits(Provider p)
{
    Row& r = m_rows.at(p);
    bool ok = true;
    for (auto& [f, e] : r.endpoints) {
        if (e.edit->isReadOnly())
            continue; // the environment's value: connectProvider reports it if it is bad
        const std::optional<Error> bad = checkEndpointField(f, e.edit->text().trimmed().toStdString());
        e.note->setText(bad ? QString::fromStdString(bad->message) : QString());
        e.note->setStyleSheet(bad ? kErrorStyle : QString());
        e.note->setVisible(bad.has_value());
        ok = ok && !bad;
    }
    r.saveEndpoints->setEnabled(ok);
    return ok;
}

bool CloudAccountsPage::saveEndpoints(Provider p)
{
    Row& r = m_rows.at(p);
    if (!checkEndpointEdits(p)) {
        r.endpointStatus->setText(tr("Not saved: correct the fields marked in red."));
        r.endpointStatus->setStyleSheet(kErrorStyle);
        return false;
    }
    const EndpointOverrides saved = cloudui::savedEndpoints(p);
    EndpointOverrides o;
    for (const auto& [f, e] : r.endpoints) {
        if (e.edit->isReadOnly())
            o.get(f) = saved.get(f); // under an environment variable: keep what was saved
        else if (const QString v = e.edit->text().trimmed(); !v.isEmpty())
            o.get(f) = v.toStdString();
    }
    // the whole set once more (e.g. a region that makes the derived API URL invalid)
    std::optional<Error> bad = checkEndpoints(resolveEndpoints(p, o, {}).endpoints);
    if (!bad)
        bad = cloudui::saveEndpoints(p, o);
    if (bad) {
        r.endpointStatus->setText(tr("Not saved: %1").arg(QString::fromStdString(bad->message)));
        r.endpointStatus->setStyleSheet(kErrorStyle);
        return false;
    }
    loadEndpoints(p);
    const ResolvedEndpoints inUse = cloudui::endpointsInUse(p);
    r.endpointStatus->setStyleSheet(QString());
    r.endpointStatus->setText(tr("Saved. In use: %1").arg(QString::fromStdString(inUse.endpoints.api)));
    emit endpointsChanged(QString::fromLatin1(providerKey(p)));
    return true;
}

void CloudAccountsPage::resetEndpoints(Provider p)
{
    Row& r = m_rows.at(p);
    cloudui::resetEndpoints(p);
    loadEndpoints(p);
    r.endpointStatus->setStyleSheet(QString());
    r.endpointStatus->setText(endpointOverridesFromEnvironment(p).empty()
                                  ? tr("Back to the defaults.")
                                  : tr("Saved endpoints removed; the environment variables still apply."));
    emit endpointsChanged(QString::fromLatin1(providerKey(p)));
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
    m_thread->setParent(this); // deleted with the page if its deleteLater never runs (closing at once)
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
