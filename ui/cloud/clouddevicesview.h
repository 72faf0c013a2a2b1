// SPDX-License-Identifier: GPL-3.0-or-later
// ui/cloud/clouddevicesview.h — the cloud device picker: a provider selector (IBM Quantum
// Platform / Amazon Braket / IonQ), the provider's devices with live status and queue length
// (CloudDevicesModel), Refresh and an optional auto-refresh every N seconds. The device list is
// fetched with ProviderClient::devices() on a worker thread (connectProvider: the endpoints in use —
// saved on the Accounts tab, overridden by the environment — credentials from the environment or the keychain), so the GUI never blocks; a busy
// bar shows while it runs and errors (e.g. missing credentials) are shown inline.
#pragma once

#include "core/cloud/cloud.h"

#include <QFutureWatcher>
#include <QString>
#include <QWidget>

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;
class QTimer;

namespace qpilot {

class CloudDevicesModel;

class CloudDevicesView : public QWidget {
    Q_OBJECT
public:
    explicit CloudDevicesView(QWidget* parent = nullptr);
    ~CloudDevicesView() override;

    CloudDevicesModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QComboBox* providerBox() const { return m_provider; }
    QPushButton* refreshButton() const { return m_refresh; }
    QSpinBox* autoRefreshBox() const { return m_autoRefresh; }   // seconds, 0 = off
    QPushButton* submitButton() const { return m_submit; }       // "Submit circuit…" (emits submitRequested)
    QProgressBar* busyIndicator() const { return m_busy; }
    QString statusText() const;
    bool isBusy() const { return m_watcher != nullptr; }

    cloud::Provider provider() const;
    void setProvider(cloud::Provider provider);               // switches and refreshes
    void setAutoRefreshSeconds(int seconds);                  // 0 = off
    // The selected device (nullopt when none), and selecting one by id (false if not listed).
    std::optional<cloud::CloudDevice> selectedDevice() const;
    bool selectDevice(const QString& deviceId);

public slots:
    // Fetches the current provider's devices on a worker (ignored while one runs; a provider switch
    // meanwhile refreshes again when it ends).
    void refresh();

signals:
    void busyChanged(bool busy);
    // A refresh ended: "" on success, else the message shown inline.
    void refreshFinished(const QString& error);
    void selectedDeviceChanged(const QString& deviceId);
    // "Submit circuit…" pressed with a device selected (provider key: ibm, braket, ionq).
    void submitRequested(const QString& providerKey, const QString& deviceId);

private:
    void finished();
    void updateButtons();

    CloudDevicesModel* m_model;
    QComboBox* m_provider;
    QPushButton* m_refresh;
    QSpinBox* m_autoRefresh;
    QPushButton* m_submit;
    QProgressBar* m_busy;
    QLabel* m_status;
    QTableView* m_view;
    QTimer* m_timer;
    struct Fetch {
        cloud::Provider provider = cloud::Provider::Ibm;
        Result<std::vector<cloud::CloudDevice>> devices = Error("not fetched");
    };
    QFutureWatcher<Fetch>* m_watcher = nullptr;
};

} // namespace qpilot
