// SPDX-License-Identifier: GPL-3.0-or-later
// ui/cloud/cloudaccountspage.h — the cloud accounts page: per provider (IBM Quantum Platform,
// Amazon Braket, IonQ) two columns. Endpoints: editable fields (API URL; IBM: IAM URL, region;
// Braket: region, results bucket, S3 endpoint) with the default as grey placeholder, checked as
// typed (checkEndpointField's message under the field), "Save endpoints" (QSettings
// cloud/<provider>/…, through ui/cloud/cloudconnect, GUI thread) and "Reset to defaults"; a field
// a QPILOT_<PROVIDER>_* variable overrides is read-only and says "set by QPILOT_…". Credentials:
// where they come from (environment, the OS keychain / encrypted file, or none) and a form to
// store or remove them through core/cloud/secrets. Keychain calls can block (a keychain prompt,
// a dead D-Bus service), so they run on a worker thread; secrets never reach a label or a log.
#pragma once

#include "core/cloud/cloud.h"

#include <QString>
#include <QWidget>

#include <functional>
#include <map>

class QLabel;
class QLineEdit;
class QPushButton;
class QThread;

namespace qpilot {

class CloudAccountsPage : public QWidget {
    Q_OBJECT
public:
    explicit CloudAccountsPage(QWidget* parent = nullptr);
    ~CloudAccountsPage() override;

    struct EndpointEdit {
        QLineEdit* edit = nullptr;     // the saved value, or empty with the default as placeholder
        QLabel* note = nullptr;        // "set by QPILOT_…" or the field's error; hidden when neither
    };
    struct Row {
        std::map<cloud::EndpointField, EndpointEdit> endpoints; // the fields cloud::endpointFields(p) names
        QPushButton* saveEndpoints = nullptr;
        QPushButton* resetEndpoints = nullptr;
        QLabel* endpointStatus = nullptr; // outcome of the last save / reset
        QLabel* status = nullptr;      // where the credentials come from
        QLineEdit* key = nullptr;      // IBM/IonQ API key, AWS access key id
        QLineEdit* secret = nullptr;   // IBM service CRN, AWS secret access key (IonQ: unused)
        QPushButton* save = nullptr;
        QPushButton* remove = nullptr;
    };
    const Row& row(cloud::Provider p) const { return m_rows.at(p); }
    QLineEdit* endpointEdit(cloud::Provider p, cloud::EndpointField f) const;
    // The text under a field ("" when it shows none).
    QString endpointNote(cloud::Provider p, cloud::EndpointField f) const;
    QString endpointStatusText(cloud::Provider p) const;
    QString statusText(cloud::Provider p) const;
    bool isBusy() const { return m_thread != nullptr; }

public slots:
    // Reads every provider's credential status again (worker).
    void refresh();
    void save(cloud::Provider p);
    void remove(cloud::Provider p);
    // Stores the endpoint fields of `p` (empty = default; read-only environment fields keep what
    // was saved under them). Nothing is stored and false returned when a field is invalid.
    bool saveEndpoints(cloud::Provider p);
    // Removes every saved endpoint of `p` (the environment still applies).
    void resetEndpoints(cloud::Provider p);
    // Shows the endpoints in use again (settings and environment).
    void reloadEndpoints();

signals:
    void workFinished(const QString& error);
    // Saved or reset endpoints of a provider ("ibm", "braket", "ionq").
    void endpointsChanged(const QString& providerKey);

private:
    void run(std::function<std::string(std::map<cloud::Provider, QString>&)> work);
    void loadEndpoints(cloud::Provider p);
    bool checkEndpointEdits(cloud::Provider p); // shows each field's error; true when none
    void updatePlaceholders(cloud::Provider p);

    std::map<cloud::Provider, Row> m_rows;
    QThread* m_thread = nullptr;
};

} // namespace qpilot
