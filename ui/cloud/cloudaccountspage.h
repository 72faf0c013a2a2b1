// SPDX-License-Identifier: GPL-3.0-or-later
// ui/cloud/cloudaccountspage.h — the cloud accounts page: per provider (IBM Quantum Platform,
// Amazon Braket, IonQ) the endpoint in use (default or QPILOT_<PROVIDER>_* override), where the
// credentials come from (environment, the OS keychain / encrypted file, or none) and a form to
// store or remove them through core/cloud/secrets. Keychain calls can block (a keychain prompt,
// a dead D-Bus service), so they run on a worker thread; secrets never reach a label or a log.
#pragma once

#include "core/cloud/cloud.h"

#include <QString>
#include <QWidget>

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

    struct Row {
        QLabel* endpoint = nullptr;
        QLabel* status = nullptr;
        QLineEdit* key = nullptr;      // IBM/IonQ API key, AWS access key id
        QLineEdit* secret = nullptr;   // IBM service CRN, AWS secret access key (IonQ: unused)
        QPushButton* save = nullptr;
        QPushButton* remove = nullptr;
    };
    const Row& row(cloud::Provider p) const { return m_rows.at(p); }
    QString statusText(cloud::Provider p) const;
    bool isBusy() const { return m_thread != nullptr; }

public slots:
    // Reads every provider's credential status again (worker).
    void refresh();
    void save(cloud::Provider p);
    void remove(cloud::Provider p);

signals:
    void workFinished(const QString& error);

private:
    void run(std::function<std::string(std::map<cloud::Provider, QString>&)> work);

    std::map<cloud::Provider, Row> m_rows;
    QThread* m_thread = nullptr;
};

} // namespace qpilot
